use leptos::prelude::*;

use crate::app::platform;
use crate::app::state::tr;

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
