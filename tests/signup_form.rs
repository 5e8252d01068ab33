//! Validation of the details page: every problem at once, in the order of the form, with the
//! values cleaned up when valid.
#![cfg(not(target_arch = "wasm32"))]

use labo::domain::email::EmailError;
use labo::domain::phone::PhoneError;
use labo::domain::signup::{
    ContactChannel, ContactTime, FieldError, IDEA_MAX, NameError, SignupForm, Situation, check_name,
};

const PATHWAYS: &[&str] = &["discovery", "collective", "individual"];

fn complete() -> SignupForm {
    SignupForm {
        first_name: "  Léa   Marie ".into(),
        last_name: "Martin".into(),
        phone: "06 12 34 56 78".into(),
        situation: Some(Situation::Training),
        contact_channel: Some(ContactChannel::Call),
        contact_time: Some(ContactTime::AnyTime),
        ..SignupForm::default()
    }
}

#[test]
fn a_complete_form_is_cleaned_up() {
    let valid = complete().validate(PATHWAYS).unwrap();
    assert_eq!(valid.first_name, "Léa Marie");
    assert_eq!(valid.phone.e164(), "+33612345678");
    assert_eq!(valid.email, None);
    assert_eq!(valid.idea, None);
    assert_eq!(valid.pathway, None, "undecided by default");
    let chosen = SignupForm { pathway: "individual".into(), email: " lea@exemple.fr ".into(), ..complete() }
        .validate(PATHWAYS)
        .unwrap();
    assert_eq!(chosen.pathway.as_deref(), Some("individual"));
    assert_eq!(chosen.email.as_deref(), Some("lea@exemple.fr"));
    let forged = SignupForm { pathway: "<script>".into(), ..complete() }.validate(PATHWAYS).unwrap();
    assert_eq!(forged.pathway, None, "an unknown pathway counts as undecided");
}

#[test]
fn an_empty_form_lists_every_required_field_in_order() {
    assert_eq!(
        SignupForm::default().validate(PATHWAYS),
        Err(vec![
            FieldError::FirstName(NameError::Empty),
            FieldError::LastName(NameError::Empty),
            FieldError::Phone(PhoneError::Empty),
            FieldError::SituationMissing,
            FieldError::ContactChannelMissing,
            FieldError::ContactTimeMissing,
        ])
    );
}

#[test]
fn wrong_values_are_reported_with_their_reason() {
    let form = SignupForm {
        first_name: "L3a".into(),
        phone: "06 12".into(),
        email: "lea.exemple.fr".into(),
        idea: "x".repeat(IDEA_MAX + 1),
        ..complete()
    };
    assert_eq!(
        form.validate(PATHWAYS),
        Err(vec![
            FieldError::FirstName(NameError::InvalidCharacters),
            FieldError::Phone(PhoneError::TooShort),
            FieldError::Email(EmailError::MissingAt),
            FieldError::IdeaTooLong,
        ])
    );
    let email_contact = SignupForm { contact_channel: Some(ContactChannel::Email), ..complete() };
    assert_eq!(email_contact.validate(PATHWAYS), Err(vec![FieldError::EmailNeededForContact]));
    let long_phone = SignupForm { phone: "0".repeat(26), ..complete() };
    assert_eq!(long_phone.validate(PATHWAYS), Err(vec![FieldError::Phone(PhoneError::TooLong)]));
    let other = SignupForm { situation: Some(Situation::Other), situation_other: "y".repeat(101), ..complete() };
    assert_eq!(other.validate(PATHWAYS), Err(vec![FieldError::SituationOtherTooLong]));
}

#[test]
fn other_situation_text_is_kept_only_for_other() {
    let other =
        SignupForm { situation: Some(Situation::Other), situation_other: " Service civique ".into(), ..complete() };
    assert_eq!(other.validate(PATHWAYS).unwrap().situation_other.as_deref(), Some("Service civique"));
    let training = SignupForm { situation_other: "ignored".into(), ..complete() };
    assert_eq!(training.validate(PATHWAYS).unwrap().situation_other, None);
}

#[test]
fn names() {
    for ok in
        ["Léa", "Jean-Baptiste", "N'Golo", "D’Artagnan", "Zoë", "Мария", "محمد", "St. John", "He\u{301}le\u{300}ne"]
    {
        assert!(check_name(ok).is_ok(), "{ok}");
    }
    assert_eq!(check_name(&"a".repeat(51)), Err(NameError::TooLong));
    assert_eq!(check_name("<script>"), Err(NameError::InvalidCharacters));
    assert_eq!(check_name("--"), Err(NameError::InvalidCharacters));
    assert_eq!(check_name("   "), Err(NameError::Empty));
}

#[test]
fn timestamps_keep_the_device_offset() {
    use chrono::{FixedOffset, TimeZone};
    use labo::domain::dates::{iso_date, iso_timestamp};
    let at = |seconds: i32| FixedOffset::east_opt(seconds).unwrap().with_ymd_and_hms(2026, 3, 7, 6, 8, 9).unwrap();
    assert_eq!(iso_timestamp(&at(3600)), "2026-03-07T06:08:09+01:00");
    assert_eq!(iso_timestamp(&at(0)), "2026-03-07T06:08:09+00:00");
    assert_eq!(iso_timestamp(&at(-4 * 3600 - 30 * 60)), "2026-03-07T06:08:09-04:30");
    assert_eq!(iso_timestamp(&at(4 * 3600)), "2026-03-07T06:08:09+04:00", "La Réunion");
    assert_eq!(iso_date(chrono::NaiveDate::from_ymd_opt(987, 1, 2).unwrap()), "0987-01-02");
    // The same moment chrono would write.
    let moment = at(7200);
    assert_eq!(iso_timestamp(&moment), moment.to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
}
