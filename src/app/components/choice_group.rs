use leptos::prelude::*;

use super::{InlineError, described_by};
use crate::app::state::use_texts;
use crate::content::Texts;

impl ChoiceOption {
    /// An answer whose label is one text of the catalogue: `ChoiceOption::text("call", |t| t.contact_call)`.
    pub fn text(value: &str, label: fn(&'static Texts) -> &'static str) -> ChoiceOption {
        let t = use_texts();
        ChoiceOption { value: value.to_owned(), label: Signal::derive(move || label(t.get()).to_owned()) }
    }
}

/// One answer of a [`ChoiceGroup`]: its value and its label.
#[derive(Clone)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Signal<String>,
}

/// Radio buttons (or checkboxes when `multiple`) in a fieldset whose legend is the question,
/// as RGAA 11.5–11.7 asks. On the test's pages the legend holds the page's `h1`.
#[component]
pub fn ChoiceGroup(
    /// Prefix of the inputs' ids (`{name}-{value}`) and their `name`.
    name: &'static str,
    legend: Signal<&'static str>,
    /// The legend is the page's main heading (one question per page).
    #[prop(optional)]
    legend_is_heading: bool,
    /// A line under the legend (`None` for none).
    #[prop(default = None)]
    hint: Option<Signal<&'static str>>,
    options: Vec<ChoiceOption>,
    #[prop(optional)] multiple: bool,
    /// The chosen values.
    selected: Signal<Vec<String>>,
    /// Called with the value the young person tapped.
    on_choose: Callback<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let described_by = described_by(name, hint.is_some(), error);
    let legend_content = if legend_is_heading {
        view! { <h1 class="question-title" id="page-title" tabindex="-1">{legend}</h1> }.into_any()
    } else {
        view! { <span>{legend}</span> }.into_any()
    };
    let input_type = if multiple { "checkbox" } else { "radio" };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <fieldset aria-describedby=described_by>
                <legend class:legend-heading=legend_is_heading>{legend_content}</legend>
                {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
                <InlineError id=name error=error />
                <div class="choices">
                    {options
                        .into_iter()
                        .map(|option| {
                            let id = format!("{name}-{}", option.value);
                            let value = option.value.clone();
                            let checked = {
                                let value = value.clone();
                                move || selected.with(|s| s.contains(&value))
                            };
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
                                    <label for=id>{option.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
