use leptos::prelude::*;

use crate::app::components::{
    BackLink, ChoiceGroup, ChoiceOption, ERROR_SUMMARY_ID, ErrorSummary, SubmitButton, choice_id, use_page_title,
};
use crate::app::platform;
use crate::app::router::use_location;
use crate::app::state::{tr, use_journey, use_texts};
use crate::domain::questionnaire::{Kind, QUESTIONNAIRE};
use crate::domain::route::Route;
use crate::fill;

/// One question of the test per screen (`/test/4`, `n` from 1), with its progress, the answers
/// as large radio buttons (or checkboxes), "Continuer" and a way back that keeps the answers.
#[component]
pub fn QuestionPage(n: usize) -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let location = use_location();
    let i = n - 1;
    let question = &QUESTIONNAIRE.questions[i];
    let total = QUESTIONNAIRE.questions.len();
    let show_error = RwSignal::new(false);
    let answered = move || question.is_answered(&journey.answers.read());
    let error = Signal::derive(move || {
        (show_error.get() && !answered()).then(|| {
            let t = t.get();
            if question.kind == Kind::Multiple { t.errors_question_multiple } else { t.errors_question_single }
        })
    });
    use_page_title(
        move |t| fill!(t, test_page_title, n = &n.to_string(), total = &total.to_string()),
        Signal::derive(move || error.get().is_some()),
    );

    let options: Vec<ChoiceOption> = question
        .options
        .iter()
        .enumerate()
        .map(|(j, option)| ChoiceOption {
            value: option.id.to_owned(),
            label: Signal::derive(move || t.get().questions[i].options[j].to_owned()),
        })
        .collect();
    let first_option_id = choice_id("answer", question.options[0].id);
    let summary =
        Signal::derive(move || error.get().map(|message| vec![(first_option_id.clone(), message)]).unwrap_or_default());
    let selected = Signal::derive(move || {
        journey.answers.with(|a| question.chosen(a).into_iter().map(|j| question.options[j].id.to_owned()).collect())
    });
    let on_choose = Callback::new(move |option: String| {
        journey.answers.update(|answers| question.choose(answers, &option));
    });
    let hint =
        (!t.get_untracked().questions[i].hint.is_empty()).then(|| Signal::derive(move || t.get().questions[i].hint));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !answered() {
            show_error.set(true);
            platform::focus_when_rendered(ERROR_SUMMARY_ID);
            return;
        }
        location.navigate(Route::after_question(n, total));
    };
    let back_href = Route::before_question(n).path();

    view! {
        <p class="progress-text" id="progress">
            {move || fill!(t.get(), test_progress, n = &n.to_string(), total = &total.to_string())}
        </p>
        <progress max=total value=n aria-labelledby="progress"></progress>
        <ErrorSummary errors=summary />
        <form novalidate on:submit=on_submit class="question">
            <ChoiceGroup
                name="answer"
                legend=Signal::derive(move || t.get().questions[i].title)
                legend_is_heading=true
                hint=hint
                options=options
                multiple=question.kind == Kind::Multiple
                selected=selected
                on_choose=on_choose
                error=error
            />
            <SubmitButton text=Signal::derive(move || if n < total { t.get().test_next } else { t.get().test_finish }) />
        </form>
        <BackLink href=back_href text=Signal::derive(move || if n > 1 { t.get().test_previous } else { t.get().app_back }) />
        <p class="hint">{tr(|t| t.test_saved)}</p>
    }
}
