use leptos::prelude::*;

use super::field_id;
use crate::app::platform;
use crate::app::state::{tr, use_texts};
use crate::content::Texts;
use crate::domain::signup::Field;

/// The summary's `id`, which pages focus after a failed submit.
pub const ERROR_SUMMARY_ID: &str = "error-summary";

/// The GOV.UK / DSFR error summary: shown above the form after a failed submit, focused so that
/// screen readers announce it, each error a link that moves focus to its field.
#[component]
pub fn ErrorSummary(
    /// `(field id, message)` pairs, in the order of the form.
    errors: Signal<Vec<(String, &'static str)>>,
) -> impl IntoView {
    view! {
        <div
            class="error-summary"
            role="alert"
            aria-labelledby="error-summary-title"
            tabindex="-1"
            id=ERROR_SUMMARY_ID
            hidden=move || errors.with(Vec::is_empty)
        >
            <h2 id="error-summary-title">{tr(|t| t.errors_summary_title)}</h2>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(id, message)| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#{id}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            platform::focus_id(&id);
                                        }
                                    >
                                        {message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The errors a form shows after a failed "Continuer": each under its field, all of them in
/// the [`ErrorSummary`], in the order of the form.
pub struct FormErrors<E: Send + Sync + 'static> {
    errors: RwSignal<Vec<E>>,
    /// The field an error belongs to.
    field: fn(E) -> Field,
    /// The sentence for an error.
    message: fn(&Texts, E) -> &'static str,
}

impl<E: Send + Sync + 'static> Clone for FormErrors<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: Send + Sync + 'static> Copy for FormErrors<E> {}

impl<E: Copy + Send + Sync + 'static> FormErrors<E> {
    pub fn new(field: fn(E) -> Field, message: fn(&Texts, E) -> &'static str) -> FormErrors<E> {
        FormErrors { errors: RwSignal::new(Vec::new()), field, message }
    }

    /// The message under `field`, while it has an error.
    pub fn of(self, field: Field) -> Signal<Option<&'static str>> {
        let t = use_texts();
        Signal::derive(move || {
            self.errors.get().into_iter().find(|e| (self.field)(*e) == field).map(|e| (self.message)(t.get(), e))
        })
    }

    /// `(element id, message)` pairs for the [`ErrorSummary`].
    pub fn summary(self) -> Signal<Vec<(String, &'static str)>> {
        let t = use_texts();
        Signal::derive(move || {
            self.errors.get().into_iter().map(|e| (field_id((self.field)(e)), (self.message)(t.get(), e))).collect()
        })
    }

    /// Whether errors are shown (the document title says so).
    pub fn shown(self) -> Signal<bool> {
        Signal::derive(move || !self.errors.read().is_empty())
    }

    /// After "Continuer": the valid answers, or `None` with their errors shown and the summary
    /// focused.
    pub fn check<T>(self, validated: Result<T, Vec<E>>) -> Option<T> {
        match validated {
            Err(problems) => {
                self.errors.set(problems);
                platform::focus_when_rendered(ERROR_SUMMARY_ID);
                None
            }
            Ok(valid) => {
                self.errors.set(Vec::new());
                Some(valid)
            }
        }
    }
}
