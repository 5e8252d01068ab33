//! Turns the domain's error codes into sentences of the current language.

use crate::app::components::Choices;
use crate::content::Texts;
use crate::domain::eligibility::{BirthDateError, EligibilityError};
use crate::domain::email::EmailError;
use crate::domain::phone::PhoneError;
use crate::domain::signup::{ContactChannel, ContactTime, Field, FieldError, Followed, NameError, Situation};

/// The words for a situation.
pub fn situation_label(t: &'static Texts, s: Situation) -> &'static str {
    match s {
        Situation::JobSeeking => t.situation_job_seeking,
        Situation::Training => t.situation_training,
        Situation::Employed => t.situation_employed,
        Situation::NothingYet => t.situation_nothing_yet,
        Situation::Other => t.situation_other,
    }
}

/// The words for a way to be contacted.
pub fn channel_label(t: &'static Texts, c: ContactChannel) -> &'static str {
    match c {
        ContactChannel::Call => t.contact_call,
        ContactChannel::Sms => t.contact_sms,
        ContactChannel::Email => t.contact_email,
    }
}

/// The words for a time to be contacted.
pub fn time_label(t: &'static Texts, c: ContactTime) -> &'static str {
    match c {
        ContactTime::Morning => t.contact_morning,
        ContactTime::Midday => t.contact_midday,
        ContactTime::Afternoon => t.contact_afternoon,
        ContactTime::AnyTime => t.contact_any_time,
    }
}

/// The words for "already followed".
pub fn followed_label(t: &'static Texts, f: Followed) -> &'static str {
    match f {
        Followed::Yes => t.followed_yes,
        Followed::No => t.followed_no,
        Followed::DontKnow => t.followed_dont_know,
    }
}

/// Each closed list of the details page as a choice group: its values and codes (the domain's)
/// and its words (above).
macro_rules! choices {
    ($($list:ident => $label:ident),+) => {$(
        impl Choices for $list {
            const ALL: &'static [$list] = $list::ALL;
            fn code(self) -> &'static str {
                $list::code(self)
            }
            fn label(self, t: &'static Texts) -> &'static str {
                $label(t, self)
            }
        }
    )+};
}

choices!(
    Situation => situation_label,
    ContactChannel => channel_label,
    ContactTime => time_label,
    Followed => followed_label
);

/// The sentence for one error of the details page: what is wrong and what to type instead.
pub fn field_error(t: &Texts, error: FieldError) -> &'static str {
    match error {
        FieldError::FirstName(NameError::Empty) => t.errors_first_name_empty,
        FieldError::FirstName(NameError::TooLong) => t.errors_first_name_too_long,
        FieldError::FirstName(NameError::InvalidCharacters) => t.errors_first_name_invalid,
        FieldError::LastName(NameError::Empty) => t.errors_last_name_empty,
        FieldError::LastName(NameError::TooLong) => t.errors_last_name_too_long,
        FieldError::LastName(NameError::InvalidCharacters) => t.errors_last_name_invalid,
        FieldError::Phone(e) => phone_error(t, e),
        FieldError::Email(e) => email_error(t, e),
        FieldError::EmailNeededForContact => t.errors_email_needed_for_contact,
        FieldError::SituationMissing => t.errors_situation_empty,
        FieldError::SituationOtherTooLong => t.errors_situation_other_too_long,
        FieldError::ContactChannelMissing => t.errors_contact_channel_empty,
        FieldError::ContactTimeMissing => t.errors_contact_time_empty,
        FieldError::FollowedByTooLong => t.errors_followed_by_too_long,
        FieldError::IdeaTooLong => t.errors_idea_too_long,
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

fn email_error(t: &Texts, error: EmailError) -> &'static str {
    match error {
        EmailError::TooLong => t.errors_email_too_long,
        EmailError::MissingAt => t.errors_email_missing_at,
        EmailError::MissingLocalPart => t.errors_email_missing_local,
        EmailError::InvalidDomain => t.errors_email_invalid_domain,
        EmailError::InvalidCharacters => t.errors_email_invalid_characters,
    }
}

/// The field an eligibility error belongs to.
pub fn eligibility_field(error: EligibilityError) -> Field {
    match error {
        EligibilityError::BirthDate(_) => Field::BirthDate,
        EligibilityError::SchoolMissing => Field::School,
        EligibilityError::CommuneEmpty | EligibilityError::CommuneNotChosen => Field::Commune,
    }
}

/// The sentence for one error of the eligibility page.
pub fn eligibility_error(t: &Texts, error: EligibilityError) -> &'static str {
    match error {
        EligibilityError::BirthDate(BirthDateError::Empty) => t.errors_birth_empty,
        EligibilityError::BirthDate(BirthDateError::Incomplete) => t.errors_birth_incomplete,
        EligibilityError::BirthDate(BirthDateError::NotADate) => t.errors_birth_not_a_date,
        EligibilityError::BirthDate(BirthDateError::Year) => t.errors_birth_year,
        EligibilityError::BirthDate(BirthDateError::Future) => t.errors_birth_future,
        EligibilityError::SchoolMissing => t.errors_school_empty,
        EligibilityError::CommuneEmpty => t.errors_commune_empty,
        EligibilityError::CommuneNotChosen => t.errors_commune_not_chosen,
    }
}
