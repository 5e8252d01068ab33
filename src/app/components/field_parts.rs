use leptos::prelude::*;

use crate::app::state::tr;

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
