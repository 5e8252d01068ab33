//! Small reusable pieces of the interface.

mod choice_group;
mod error_summary;
mod field_parts;
mod layout;
mod profile_chart;
mod text_field;

pub use choice_group::{ChoiceGroup, ChoiceOption};
pub use error_summary::{ERROR_SUMMARY_ID, ErrorSummary};
pub use field_parts::{InlineError, described_by};
pub use layout::{CallLine, Frame, Layout, PAGE_TITLE_ID};
pub use profile_chart::ProfileChart;
pub use text_field::TextField;
