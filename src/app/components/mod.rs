//! Small reusable pieces of the interface.

mod actions;
mod choice_group;
mod error_summary;
mod field_parts;
mod front_door;
mod layout;
mod page_heading;
mod pathway_icon;
mod text_field;
mod text_with_link;

pub use actions::{BackLink, SubmitButton};
pub use choice_group::{BoundChoice, ChoiceGroup, ChoiceOption, Choices, bind_choice};
pub use error_summary::{ERROR_SUMMARY_ID, ErrorSummary, FormErrors};
pub use field_parts::{CONSENT_YES, Choice, Field, FieldNotes, choice_id, field_id, field_name, use_field};
pub use front_door::{GoodToKnow, Places};
pub use layout::{CallLine, Frame, Layout};
pub use page_heading::{PAGE_TITLE_ID, PageHeading, use_page_title};
pub use pathway_icon::PathwayIcon;
pub use text_field::{TextField, TextInput};
pub use text_with_link::{TextWithFrench, TextWithLink};
