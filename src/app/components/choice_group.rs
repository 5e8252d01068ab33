use leptos::prelude::*;

use super::{Choice, Field, FieldNotes, PAGE_TITLE_ID, choice_id};
use crate::app::state::{Part, tr, use_texts};
use crate::content::Texts;
use crate::domain::questionnaire::QUESTIONNAIRE;

impl ChoiceOption {
    /// An answer whose label is one text of the catalogue: `ChoiceOption::text("call", |t| t.contact_call)`.
    pub fn text(value: &str, label: fn(&'static Texts) -> &'static str) -> ChoiceOption {
        let t = use_texts();
        ChoiceOption { value: value.to_owned(), label: Signal::derive(move || label(t.get()).to_owned()) }
    }

    /// One answer per value of a closed list (`Situation::ALL`), labelled in the current
    /// language.
    pub fn all<T: Copy + Send + Sync + 'static>(
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(&'static Texts, T) -> &'static str,
    ) -> Vec<ChoiceOption> {
        let t = use_texts();
        all.iter()
            .map(|&value| ChoiceOption {
                value: code(value).to_owned(),
                label: Signal::derive(move || label(t.get(), value).to_owned()),
            })
            .collect()
    }

    /// The pathways of the questionnaire, in its order; the `suggested` one (an index) marked.
    pub fn pathways(suggested: Option<usize>) -> Vec<ChoiceOption> {
        let t = use_texts();
        QUESTIONNAIRE
            .pathways
            .iter()
            .enumerate()
            .map(|(p, id)| ChoiceOption {
                value: (*id).to_owned(),
                label: Signal::derive(move || {
                    let t = t.get();
                    if suggested == Some(p) {
                        format!("{} {}", t.pathways[p].name, t.result_suggested_mark)
                    } else {
                        t.pathways[p].name.to_owned()
                    }
                }),
            })
            .collect()
    }
}

/// A choice group's answers bound to one `Option<T>` of a form signal: `T::ALL`, what is
/// chosen, and what a tap does.
pub struct BoundChoice {
    pub options: Vec<ChoiceOption>,
    pub selected: Signal<Vec<String>>,
    pub on_choose: Callback<String>,
}

/// A closed list of answers (an enum of the domain): its values in order, their codes in the
/// page, their words.
pub trait Choices: Copy + PartialEq + Send + Sync + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn label(self, t: &'static Texts) -> &'static str;
}

/// Binds a choice group to the `Option<T>` of `form` that `get` and `set` reach.
pub fn bind_choice<F: Clone + PartialEq + Send + Sync + 'static, T: Choices>(
    form: Part<F>,
    get: fn(&F) -> Option<T>,
    set: fn(&mut F) -> &mut Option<T>,
) -> BoundChoice {
    BoundChoice {
        options: ChoiceOption::all(T::ALL, T::code, |t, value| value.label(t)),
        selected: Signal::derive(move || form.with(|f| get(f).map(|v| v.code().to_owned()).into_iter().collect())),
        on_choose: Callback::new(move |value: String| {
            form.update(|f| *set(f) = T::ALL.iter().copied().find(|v| v.code() == value));
        }),
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
    /// The question may be left unanswered: "(facultatif)" after the legend.
    #[prop(optional)]
    optional: bool,
    /// A line under the legend (`None` for none).
    #[prop(default = None)]
    hint: Option<Signal<&'static str>>,
    options: Vec<ChoiceOption>,
    #[prop(optional)] multiple: bool,
    /// The chosen values.
    selected: Signal<Vec<String>>,
    /// Called with the value the young person tapped.
    on_choose: Callback<String>,
    /// The current error message, if any.
    #[prop(optional, into)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let legend_content = if legend_is_heading {
        view! { <h1 class="question-title" id=PAGE_TITLE_ID tabindex="-1">{legend}</h1> }.into_any()
    } else {
        view! {
            <span>{legend}</span>
            {optional.then(|| view! { " " <span class="optional">{tr(|t| t.app_optional)}</span> })}
        }
        .into_any()
    };
    let input_type = if multiple { "checkbox" } else { "radio" };
    view! {
        <Field id=name hint=hint error=error group=true>
            <legend class:legend-heading=legend_is_heading>{legend_content}</legend>
            <FieldNotes />
            <div class="choices">
                {options
                    .into_iter()
                    .map(|option| {
                        let value = option.value.clone();
                        let checked = Signal::derive(move || selected.with(|s| s.contains(&value)));
                        view! {
                            <Choice
                                input_type=input_type
                                id=choice_id(name, &option.value)
                                name=name
                                value=option.value
                                label=option.label
                                checked=checked
                                on_choose=on_choose
                            />
                        }
                    })
                    .collect_view()}
            </div>
        </Field>
    }
}
