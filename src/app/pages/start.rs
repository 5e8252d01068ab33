use leptos::prelude::*;
use leptos_router::components::A;

use super::paths;
use crate::app::components::PAGE_TITLE_ID;
use crate::app::platform;
use crate::app::state::{use_config, use_texts};
use crate::content::fill;
use crate::domain::questionnaire::QUESTIONNAIRE;

/// What the Lab'O is and who it is for, the three pathways, the test, what happens after, and
/// the two ways in: the test, or signing up directly.
#[component]
pub fn StartPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    // The start page's title is the app's name alone.
    Effect::new(move || platform::set_title(t.get().app_name));
    let territory = config.territory.description.clone();
    let count = QUESTIONNAIRE.questions.len().to_string();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || t.get().start_title}</h1>
        <p class="lead">{move || t.get().start_intro}</p>
        <p class="actions">
            <A href=paths::question(1) attr:class="button button-primary">{move || t.get().start_take_test}</A>
            <A href=paths::ELIGIBILITY attr:class="button">{move || t.get().start_signup_direct}</A>
        </p>
        <p>{move || t.get().start_figures}</p>

        <h2>{move || t.get().start_for_whom_title}</h2>
        <ul>
            {move || t.get().start_for_whom.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
            <li>{move || fill(t.get().start_for_whom_territory, &[("territory", &territory)])}</li>
        </ul>

        <h2>{move || t.get().start_pathways_title}</h2>
        <p>{move || t.get().start_pathways_intro}</p>
        <ul class="pathway-list">
            {move || {
                t.get()
                    .pathways
                    .iter()
                    .map(|p| view! { <li><strong>{p.name}</strong> " : " {p.summary}</li> })
                    .collect_view()
            }}
        </ul>

        <h2>{move || t.get().start_test_title}</h2>
        <p>{move || fill(t.get().start_test_text, &[("count", &count)])}</p>

        <h2>{move || t.get().start_after_title}</h2>
        <ol>{move || t.get().start_after_steps.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ol>
    }
}
