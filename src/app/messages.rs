//! Turns the domain's error codes into sentences of the current language.

use crate::content::Texts;
use crate::domain::phone::PhoneError;
use crate::domain::signup::{FieldError, NameError};

/// The sentence for one field error: what is wrong and what to type instead.
pub fn field_error(t: &Texts, error: FieldError) -> &'static str {
    match error {
        FieldError::FirstName(NameError::Empty) => t.errors_first_name_empty,
        FieldError::FirstName(NameError::TooLong) => t.errors_first_name_too_long,
        FieldError::FirstName(NameError::InvalidCharacters) => t.errors_first_name_invalid,
        FieldError::Phone(e) => phone_error(t, e),
    }
}

fn phone_error(t: &Texts, error: PhoneError) -> &'static str {
    match error {
        PhoneError::Empty => t.errors_phone_empty,
        PhoneError::InvalidCharacters => t.errors_phone_invalid_characters,
        PhoneError::TooShort => t.errors_phone_too_short,
        PhoneError::TooLong => t.errors_phone_too_long,
        PhoneError::NotFrench => t.errors_phone_not_french,
        PhoneError::ServiceNumber => t.errors_phone_service_number,
    }
}
