use leptos::prelude::*;

use super::{InlineError, described_by};
use crate::app::state::tr;

/// A labelled text input following the GOV.UK / DSFR pattern: label above, optional hint, inline
/// error between hint and input, all tied to the input with `aria-describedby`.
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
    let hint_id = format!("{id}-hint");
    let described_by = described_by(id, hint.is_some(), error);
    let input = if multiline {
        view! {
            <textarea
                id=id
                name=id
                rows="5"
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
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
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=spellcheck
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=id>
                {label} {optional.then(|| view! { " " <span class="optional">{tr(|t| t.app_optional)}</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <InlineError id=id error=error />
            {input}
        </div>
    }
}
