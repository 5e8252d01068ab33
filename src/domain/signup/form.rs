//! The details page as typed, its fields, and its validation.

use serde::Serialize;
use serde_json::Value;

use super::{
    ContactChannel, ContactTime, FOLLOWED_BY_MAX, Followed, IDEA_MAX, NAME_MAX, PHONE_MAX, SITUATION_OTHER_MAX,
    Situation, UNDECIDED,
};
use crate::domain::email::{self, EmailError};
use crate::domain::json;
use crate::domain::phone::{Phone, PhoneError};

/// The details page as typed. Kept as typed on error, so nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignupForm {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub situation: Option<Situation>,
    pub situation_other: String,
    pub contact_channel: Option<ContactChannel>,
    pub contact_time: Option<ContactTime>,
    /// "As-tu déjà une conseillère ou un conseiller à la Mission Locale ?" (optional).
    pub followed: Option<Followed>,
    /// Their name, if the young person knows it (optional, only with [`Followed::Yes`]).
    pub followed_by: String,
    pub idea: String,
    /// A pathway id, or [`UNDECIDED`].
    pub pathway: String,
    /// Consent to send the self-assessment answers and profile to the counsellor.
    pub share_answers: bool,
    /// The anti-spam trap: a field hidden from every person (and assistive technology), that
    /// only robots fill in.
    pub website: String,
}

impl Default for SignupForm {
    fn default() -> SignupForm {
        SignupForm {
            first_name: String::new(),
            last_name: String::new(),
            phone: String::new(),
            email: String::new(),
            situation: None,
            situation_other: String::new(),
            contact_channel: None,
            contact_time: None,
            followed: None,
            followed_by: String::new(),
            idea: String::new(),
            pathway: UNDECIDED.to_owned(),
            share_answers: false,
            website: String::new(),
        }
    }
}

impl SignupForm {
    /// Reads the form back from the draft's JSON (see [`json`]: what is missing or damaged
    /// reads as empty).
    pub fn from_json(value: &Value) -> SignupForm {
        let code = |key: &str| json::opt_text(value, key);
        SignupForm {
            first_name: json::text(value, "first_name"),
            last_name: json::text(value, "last_name"),
            phone: json::text(value, "phone"),
            email: json::text(value, "email"),
            situation: code("situation").as_deref().and_then(Situation::from_code),
            situation_other: json::text(value, "situation_other"),
            contact_channel: code("contact_channel").as_deref().and_then(ContactChannel::from_code),
            contact_time: code("contact_time").as_deref().and_then(ContactTime::from_code),
            followed: code("followed").as_deref().and_then(Followed::from_code),
            followed_by: json::text(value, "followed_by"),
            idea: json::text(value, "idea"),
            pathway: code("pathway").unwrap_or_else(|| UNDECIDED.to_owned()),
            share_answers: json::flag(value, "share_answers"),
            website: json::text(value, "website"),
        }
    }
}

/// A field of the sign-up pages, in the order they appear (the error summary follows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    BirthDate,
    School,
    Commune,
    FirstName,
    LastName,
    Phone,
    Email,
    Situation,
    SituationOther,
    ContactChannel,
    ContactTime,
    Followed,
    FollowedBy,
    Idea,
    Pathway,
    Consent,
}

/// Why a name is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    /// Digits or symbols: names have letters, spaces, hyphens and apostrophes.
    InvalidCharacters,
}

/// One problem with one field of the details page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    FirstName(NameError),
    LastName(NameError),
    Phone(PhoneError),
    Email(EmailError),
    /// E-mail chosen as the way to be contacted, but no address given.
    EmailNeededForContact,
    SituationMissing,
    SituationOtherTooLong,
    ContactChannelMissing,
    ContactTimeMissing,
    FollowedByTooLong,
    IdeaTooLong,
}

impl FieldError {
    pub fn field(self) -> Field {
        match self {
            FieldError::FirstName(_) => Field::FirstName,
            FieldError::LastName(_) => Field::LastName,
            FieldError::Phone(_) => Field::Phone,
            FieldError::Email(_) | FieldError::EmailNeededForContact => Field::Email,
            FieldError::SituationMissing => Field::Situation,
            FieldError::SituationOtherTooLong => Field::SituationOther,
            FieldError::ContactChannelMissing => Field::ContactChannel,
            FieldError::ContactTimeMissing => Field::ContactTime,
            FieldError::FollowedByTooLong => Field::FollowedBy,
            FieldError::IdeaTooLong => Field::Idea,
        }
    }
}

/// The details page once valid, cleaned up for sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDetails {
    pub first_name: String,
    pub last_name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub situation: Situation,
    pub situation_other: Option<String>,
    pub contact_channel: ContactChannel,
    pub contact_time: ContactTime,
    /// `None` when not answered.
    pub followed: Option<Followed>,
    /// The counsellor's name as typed, only with [`Followed::Yes`].
    pub followed_by: Option<String>,
    pub idea: Option<String>,
    /// `None` when undecided.
    pub pathway: Option<String>,
    pub share_answers: bool,
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
    // Letters, and accents typed as separate combining marks (U+0300–U+036F: "He\u{301}le\u{300}ne").
    let allowed = |c: char| {
        c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c) || matches!(c, ' ' | '-' | '\'' | '’' | '.')
    };
    if !cleaned.chars().all(allowed) || !cleaned.chars().any(char::is_alphabetic) {
        return Err(NameError::InvalidCharacters);
    }
    Ok(cleaned)
}

/// Trims a free text; `None` when empty. Control characters (other than line breaks) go.
fn free_text(input: &str) -> Option<String> {
    let cleaned: String = input.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Line breaks and runs of spaces as one space (a name on one line).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl SignupForm {
    /// Validates every field and returns all problems at once, in the order of the form.
    /// `pathways` are the valid pathway ids: anything else counts as undecided.
    pub fn validate(&self, pathways: &[&str]) -> Result<ValidDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |result: Result<String, FieldError>| result.map_err(|e| errors.push(e)).ok();
        let first_name = keep(check_name(&self.first_name).map_err(FieldError::FirstName));
        let last_name = keep(check_name(&self.last_name).map_err(FieldError::LastName));
        let phone =
            if self.phone.chars().count() > PHONE_MAX { Err(PhoneError::TooLong) } else { Phone::parse(&self.phone) };
        let phone = phone.map_err(|e| errors.push(FieldError::Phone(e))).ok();
        let email = match self.email.trim() {
            "" if self.contact_channel == Some(ContactChannel::Email) => {
                errors.push(FieldError::EmailNeededForContact);
                None
            }
            "" => Some(None),
            typed => email::check(typed).map(Some).map_err(|e| errors.push(FieldError::Email(e))).ok(),
        };
        if self.situation.is_none() {
            errors.push(FieldError::SituationMissing);
        }
        let situation_other =
            if self.situation == Some(Situation::Other) { free_text(&self.situation_other) } else { None };
        if situation_other.as_ref().is_some_and(|s| s.chars().count() > SITUATION_OTHER_MAX) {
            errors.push(FieldError::SituationOtherTooLong);
        }
        if self.contact_channel.is_none() {
            errors.push(FieldError::ContactChannelMissing);
        }
        if self.contact_time.is_none() {
            errors.push(FieldError::ContactTimeMissing);
        }
        let followed_by = if self.followed == Some(Followed::Yes) {
            free_text(&self.followed_by).map(|s| one_line(&s))
        } else {
            None
        };
        if followed_by.as_ref().is_some_and(|s| s.chars().count() > FOLLOWED_BY_MAX) {
            errors.push(FieldError::FollowedByTooLong);
        }
        let idea = free_text(&self.idea);
        if idea.as_ref().is_some_and(|s| s.chars().count() > IDEA_MAX) {
            errors.push(FieldError::IdeaTooLong);
        }
        let pathway = pathways.contains(&self.pathway.as_str()).then(|| self.pathway.clone());
        match (first_name, last_name, phone, email, self.situation, self.contact_channel, self.contact_time) {
            (
                Some(first_name),
                Some(last_name),
                Some(phone),
                Some(email),
                Some(situation),
                Some(contact_channel),
                Some(contact_time),
            ) if errors.is_empty() => Ok(ValidDetails {
                first_name,
                last_name,
                phone,
                email,
                situation,
                situation_other,
                contact_channel,
                contact_time,
                followed: self.followed,
                followed_by,
                idea,
                pathway,
                share_answers: self.share_answers,
            }),
            _ => Err(errors),
        }
    }
}
