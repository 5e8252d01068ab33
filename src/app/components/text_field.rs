use leptos::prelude::*;

use super::{Field, FieldNotes, use_field};
use crate::app::state::tr;

/// A labelled text input following the GOV.UK / DSFR pattern: label above, optional hint, inline
/// error between hint and input, all tied to the input with `aria-describedby` (by [`Field`]).
#[component]
pub fn TextField(
    /// The input's `id` and `name`; the error summary links to it.
    id: &'static str,
    label: Signal<&'static str>,
    /// Adds "(facultatif)" to the label.
    #[prop(optional)]
    optional: bool,
    #[prop(optional)] hint: Option<Signal<&'static str>>,
    value: Signal<String>,
    on_input: Callback<String>,
    /// The current error message, if any.
    #[prop(optional, into)]
    error: Signal<Option<&'static str>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] spellcheck: Option<&'static str>,
    /// A multi-line field (`<textarea>`).
    #[prop(optional)]
    multiline: bool,
    maxlength: usize,
) -> impl IntoView {
    view! {
        <Field id=id hint=hint error=error>
            <label for=id>
                {label} {optional.then(|| view! { " " <span class="optional">{tr(|t| t.app_optional)}</span> })}
            </label>
            <FieldNotes />
            <TextInput
                id=id
                input_type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=spellcheck
                multiline=multiline
                maxlength=maxlength
                value=value
                on_input=on_input
            />
        </Field>
    }
}

/// The input of the [`Field`] around it (`aria-invalid`, `aria-describedby` from there).
#[component]
pub fn TextInput(
    /// The input's `id` and `name`.
    id: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = None)] autocomplete: Option<&'static str>,
    #[prop(default = None)] inputmode: Option<&'static str>,
    #[prop(default = None)] spellcheck: Option<&'static str>,
    #[prop(default = None)] class: Option<&'static str>,
    /// A multi-line field (`<textarea>`).
    #[prop(optional)]
    multiline: bool,
    maxlength: usize,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let field = use_field();
    if multiline {
        view! {
            <textarea
                id=id
                name=id
                rows="5"
                maxlength=maxlength
                aria-invalid=field.invalid()
                aria-describedby=field.input_described_by()
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                name=id
                type=input_type
                class=class
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=spellcheck
                maxlength=maxlength
                aria-invalid=field.invalid()
                aria-describedby=field.input_described_by()
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    }
}
