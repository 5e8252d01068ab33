//! One module per screen. Pages render state and call the domain; they hold no business rules.

mod broken_config;
mod not_found;
mod signup;
mod start;

pub use broken_config::BrokenConfigPage;
pub use not_found::NotFoundPage;
pub use signup::SignupPage;
pub use start::StartPage;
