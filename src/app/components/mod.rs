//! Small reusable pieces of the interface.

mod error_summary;
mod layout;
mod text_field;

pub use error_summary::{ERROR_SUMMARY_ID, ErrorSummary};
pub use layout::Layout;
pub use text_field::TextField;
