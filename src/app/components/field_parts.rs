use leptos::prelude::*;

use crate::app::state::tr;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::signup::{ContactChannel, ContactTime, Field, Followed, Situation};

/// The `aria-describedby` of a field named `id`: its hint (`{id}-hint`, when it has one) and
/// its error (`{id}-error`, while one is shown). `None` when there is neither.
pub fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<&'static str>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The error under a field's label (`{id}-error`), prefixed "Erreur : " for screen readers so
/// nothing depends on colour.
#[component]
pub fn InlineError(id: &'static str, error: Signal<Option<&'static str>>) -> impl IntoView {
    let error_id = format!("{id}-error");
    move || {
        error.get().map(|message| {
            view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{tr(|t| t.errors_inline_prefix)}</span>
                    {message}
                </p>
            }
        })
    }
}

/// The element id of one answer of a choice group named `name`: `situation-training`. The
/// error summary and the "Modifier" links reach a choice through it.
pub fn choice_id(name: &str, value: &str) -> String {
    format!("{name}-{value}")
}

/// The `id` (text fields) or `name` (choice groups) of a field's inputs in the page.
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::BirthDate => "birth-day",
        Field::School => "school",
        Field::Commune => "commune",
        Field::FirstName => "first-name",
        Field::LastName => "last-name",
        Field::Phone => "phone",
        Field::Email => "email",
        Field::Situation => "situation",
        Field::SituationOther => "situation-other-text",
        Field::ContactChannel => "contact-channel",
        Field::ContactTime => "contact-time",
        Field::Followed => "followed",
        Field::FollowedBy => "followed-by",
        Field::Idea => "idea",
        Field::Pathway => "pathway",
        Field::Consent => "consent",
    }
}

/// The `id` of the field's (first) input in the page, which the error summary and the
/// "Modifier" links go to: a choice group's first answer.
pub fn field_id(field: Field) -> String {
    let name = field_name(field);
    match field {
        Field::School => choice_id(name, SCHOOL_NO),
        Field::Situation => choice_id(name, Situation::ALL[0].code()),
        Field::ContactChannel => choice_id(name, ContactChannel::ALL[0].code()),
        Field::ContactTime => choice_id(name, ContactTime::ALL[0].code()),
        Field::Followed => choice_id(name, Followed::ALL[0].code()),
        Field::Pathway => choice_id(name, QUESTIONNAIRE.pathways[0]),
        _ => name.to_owned(),
    }
}

/// The value of "no longer at school", the first answer of the school question.
pub const SCHOOL_NO: &str = "no";
