//! One module per screen. Pages render state and call the domain; they hold no business rules.

mod broken_config;
mod check;
mod confirmation;
mod counsellor;
mod details;
mod eligibility;
mod legal;
mod not_eligible;
mod not_found;
mod question;
mod result;
mod start;

pub use broken_config::BrokenConfigPage;
pub use check::CheckPage;
pub use confirmation::ConfirmationPage;
pub use counsellor::CounsellorPage;
pub use details::DetailsPage;
pub use eligibility::EligibilityPage;
pub use legal::{AccessibilityPage, LegalNoticePage, PrivacyPage};
pub use not_eligible::NotEligiblePage;
pub use not_found::NotFoundPage;
pub use question::QuestionPage;
pub use result::ResultPage;
pub use start::StartPage;
