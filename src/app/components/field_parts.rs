use leptos::context::Provider;
use leptos::prelude::*;

use crate::app::state::tr;
use crate::domain::eligibility::SCHOOL_NO;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::signup::{ContactChannel, ContactTime, Field, Followed, Situation};

/// What the parts of one field share, provided by [`Field`] to everything inside it: the
/// inputs read their `aria-invalid` and `aria-describedby` here, [`FieldNotes`] the hint and
/// the error, so the wiring of a label, a hint and an error is written once (thaw's `Field` is
/// the model).
#[derive(Clone, Copy)]
pub struct FieldState {
    id: &'static str,
    hint: Option<Signal<&'static str>>,
    error: Signal<Option<&'static str>>,
    /// A group of inputs (a `fieldset`): the fieldset is described, not each input.
    group: bool,
}

impl FieldState {
    /// `aria-invalid` of an input, while an error is shown.
    pub fn invalid(self) -> impl Fn() -> Option<&'static str> + Clone + Send + Sync + 'static {
        move || self.error.get().map(|_| "true")
    }

    /// `aria-describedby` of an input: its hint (`{id}-hint`) and its error (`{id}-error`, while
    /// one is shown); `None` in a group, whose fieldset carries them.
    pub fn input_described_by(self) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
        move || if self.group { None } else { self.described_by() }
    }

    fn described_by(self) -> Option<String> {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.get().is_some() {
            ids.push(format!("{}-error", self.id));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The field around the caller (see [`Field`]).
pub fn use_field() -> FieldState {
    expect_context()
}

/// One field of a form, GOV.UK / DSFR style: `div.field` (marked while an error is shown),
/// around a `fieldset` when it is a `group` of inputs (its legend comes first in `children`).
/// Inside, [`FieldNotes`] writes the hint and the error, and the inputs read their ARIA from
/// [`use_field`].
#[component]
pub fn Field(
    /// The field's id: `{id}-hint`, `{id}-error`.
    id: &'static str,
    #[prop(default = None)] hint: Option<Signal<&'static str>>,
    /// The current error message, if any.
    #[prop(optional, into)]
    error: Signal<Option<&'static str>>,
    /// Several inputs under one legend (radio buttons, the three parts of a date).
    #[prop(optional)]
    group: bool,
    /// Classes besides `field`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let state = FieldState { id, hint, error, group };
    let class = if class.is_empty() { "field".to_owned() } else { format!("field {class}") };
    view! {
        <Provider value=state>
            <div class=class class:field-error=move || error.get().is_some()>
                {if group {
                    view! { <fieldset aria-describedby=move || state.described_by()>{children()}</fieldset> }.into_any()
                } else {
                    children()
                }}
            </div>
        </Provider>
    }
}

/// The hint and the error of the field around it, between its label and its input. The error
/// is prefixed "Erreur : " for screen readers, so nothing depends on colour.
#[component]
pub fn FieldNotes() -> impl IntoView {
    let FieldState { id, hint, error, .. } = use_field();
    view! {
        {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
        {move || {
            error.get().map(|message| {
                view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{tr(|t| t.errors_inline_prefix)}</span>
                        {message}
                    </p>
                }
            })
        }}
    }
}

/// One radio button or checkbox with its label.
#[component]
pub fn Choice(
    /// `radio` or `checkbox`.
    input_type: &'static str,
    /// Usually [`choice_id`]`(name, value)`.
    id: String,
    name: &'static str,
    value: String,
    label: Signal<String>,
    checked: Signal<bool>,
    /// Called with `value` when it is tapped.
    on_choose: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="choice">
            <input
                type=input_type
                id=id.clone()
                name=name
                value=value.clone()
                prop:checked=checked
                on:change=move |_| on_choose.run(value.clone())
            />
            <label for=id>{label}</label>
        </div>
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
        Field::Consent => choice_id(name, CONSENT_YES),
        Field::Situation => choice_id(name, Situation::ALL[0].code()),
        Field::ContactChannel => choice_id(name, ContactChannel::ALL[0].code()),
        Field::ContactTime => choice_id(name, ContactTime::ALL[0].code()),
        Field::Followed => choice_id(name, Followed::ALL[0].code()),
        Field::Pathway => choice_id(name, QUESTIONNAIRE.pathways[0]),
        _ => name.to_owned(),
    }
}

/// The value of the consent box, ticked.
pub const CONSENT_YES: &str = "yes";
