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
    for ok in ["Léa", "Jean-Baptiste", "N'Golo", "D’Artagnan", "Zoë", "Мария", "محمد", "St. John"] {
        assert!(check_name(ok).is_ok(), "{ok}");
    }
    assert_eq!(check_name(&"a".repeat(51)), Err(NameError::TooLong));
    assert_eq!(check_name("<script>"), Err(NameError::InvalidCharacters));
    assert_eq!(check_name("--"), Err(NameError::InvalidCharacters));
    assert_eq!(check_name("   "), Err(NameError::Empty));
}
