//! The sign-up form: what the young person typed, its validation, and the payload sent to the
//! mission locale's endpoint (the contract in `schema/signup-v1.json`, explained in
//! `docs/endpoint.md`).

use serde::{Deserialize, Serialize};

use super::phone::{Phone, PhoneError};

/// Version of the payload contract, sent in every body so the endpoint can tell formats apart.
pub const SCHEMA_VERSION: &str = "signup-v1";
/// Longest first or last name accepted.
pub const NAME_MAX: usize = 50;
/// Longest phone number as typed (with spaces and dots).
pub const PHONE_MAX: usize = 25;

/// The fields exactly as typed. Kept as typed on error, so nothing is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupForm {
    pub first_name: String,
    pub phone: String,
}

/// A form field, in the order the fields appear on screen (the error summary follows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    FirstName,
    Phone,
}

impl Field {
    /// The `id` of the field's input in the page, which the error summary links to.
    pub fn html_id(self) -> &'static str {
        match self {
            Field::FirstName => "first-name",
            Field::Phone => "phone",
        }
    }
}

/// Why a name is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    /// Digits or symbols: names have letters, spaces, hyphens and apostrophes.
    InvalidCharacters,
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    FirstName(NameError),
    Phone(PhoneError),
}

impl FieldError {
    pub fn field(self) -> Field {
        match self {
            FieldError::FirstName(_) => Field::FirstName,
            FieldError::Phone(_) => Field::Phone,
        }
    }
}

/// A form that passed validation, with values cleaned up for sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSignup {
    pub first_name: String,
    pub phone: Phone,
}

/// Checks a name: letters of any alphabet, spaces, hyphens, apostrophes and dots (for "St."),
/// with spaces collapsed.
pub fn check_name(input: &str) -> Result<String, NameError> {
    let cleaned = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(NameError::Empty);
    }
    if cleaned.chars().count() > NAME_MAX {
        return Err(NameError::TooLong);
    }
    if !cleaned.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
        || !cleaned.chars().any(char::is_alphabetic)
    {
        return Err(NameError::InvalidCharacters);
    }
    Ok(cleaned)
}

impl SignupForm {
    /// Validates every field and returns all problems at once, in the order of the form.
    pub fn validate(&self) -> Result<ValidSignup, Vec<FieldError>> {
        let mut errors = Vec::new();
        let first_name = check_name(&self.first_name).map_err(|e| errors.push(FieldError::FirstName(e))).ok();
        let phone =
            if self.phone.chars().count() > PHONE_MAX { Err(PhoneError::TooLong) } else { Phone::parse(&self.phone) };
        let phone = phone.map_err(|e| errors.push(FieldError::Phone(e))).ok();
        match (first_name, phone) {
            (Some(first_name), Some(phone)) => Ok(ValidSignup { first_name, phone }),
            _ => Err(errors),
        }
    }
}

/// Facts about the device and the moment of sending, gathered by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub reference: String,
    pub idempotency_key: String,
    /// ISO 8601 with the device's offset, e.g. `2026-11-27T16:08:42+01:00`.
    pub submitted_at: String,
    pub locale: String,
}

/// The JSON body POSTed to the endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub schema_version: String,
    pub reference: String,
    pub idempotency_key: String,
    pub submitted_at: String,
    pub applicant: Applicant,
    /// Where the sign-up came from (a counsellor's shared link); empty for a plain visit.
    pub source: Source,
    pub locale: String,
    pub app_version: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub first_name: String,
    /// E.164, e.g. `+33612345678`.
    pub phone: String,
}

/// Attribution of a counsellor's shared link. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub counsellor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub channel: Option<String>,
}

impl Payload {
    pub fn build(signup: &ValidSignup, envelope: Envelope, source: Source) -> Payload {
        Payload {
            schema_version: SCHEMA_VERSION.to_owned(),
            reference: envelope.reference,
            idempotency_key: envelope.idempotency_key,
            submitted_at: envelope.submitted_at,
            applicant: Applicant { first_name: signup.first_name.clone(), phone: signup.phone.e164().to_owned() },
            source,
            locale: envelope.locale,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// Formats a moment as ISO 8601 with its offset and whole seconds.
pub fn iso_timestamp<Tz: chrono::TimeZone>(moment: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    moment.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn form(first_name: &str, phone: &str) -> SignupForm {
        SignupForm { first_name: first_name.into(), phone: phone.into() }
    }

    #[test]
    fn valid_form_is_cleaned_up() {
        let valid = form("  Léa   Marie ", "06 12 34 56 78").validate().unwrap();
        assert_eq!(valid.first_name, "Léa Marie");
        assert_eq!(valid.phone.e164(), "+33612345678");
    }

    #[test]
    fn every_problem_is_reported_in_form_order() {
        assert_eq!(
            form("", "").validate(),
            Err(vec![FieldError::FirstName(NameError::Empty), FieldError::Phone(PhoneError::Empty)])
        );
        assert_eq!(
            form("L3a", "06").validate(),
            Err(vec![FieldError::FirstName(NameError::InvalidCharacters), FieldError::Phone(PhoneError::TooShort)])
        );
        assert_eq!(form("Léa", &"0".repeat(26)).validate(), Err(vec![FieldError::Phone(PhoneError::TooLong)]));
    }

    #[test]
    fn names() {
        for ok in ["Léa", "Jean-Baptiste", "N'Golo", "D’Artagnan", "Zoë", "Мария", "محمد", "St. John"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        assert_eq!(check_name(&"a".repeat(51)), Err(NameError::TooLong));
        assert_eq!(check_name("<script>"), Err(NameError::InvalidCharacters));
        assert_eq!(check_name("--"), Err(NameError::InvalidCharacters));
        assert_eq!(check_name("   "), Err(NameError::Empty));
    }

    #[test]
    fn payload_carries_the_typed_values_and_the_envelope() {
        let valid = form("Léa", "0612345678").validate().unwrap();
        let envelope = Envelope {
            reference: "ABCD3467".into(),
            idempotency_key: "12345678-9abc-4ef0-9234-56789abcdef0".into(),
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            locale: "fr".into(),
        };
        let payload = Payload::build(&valid, envelope, Source::default());
        let json = serde_json::to_value(&payload).unwrap();
        assert_eq!(json["schema_version"], "signup-v1");
        assert_eq!(json["applicant"]["first_name"], "Léa");
        assert_eq!(json["applicant"]["phone"], "+33612345678");
        assert_eq!(json["source"], serde_json::json!({}));
        assert_eq!(json["reference"], "ABCD3467");
    }

    #[test]
    fn timestamps_keep_the_offset() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        let moment = paris.with_ymd_and_hms(2026, 11, 27, 16, 8, 42).unwrap();
        assert_eq!(iso_timestamp(&moment), "2026-11-27T16:08:42+01:00");
    }
}
