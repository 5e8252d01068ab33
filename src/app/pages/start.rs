use leptos::prelude::*;

use crate::app::components::{GoodToKnow, PageHeading, PathwayIcon, Places, TextWithFrench};
use crate::app::state::{named, tr, use_config, use_journey, use_texts};
use crate::domain::draft::Step;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::route::Route;
use crate::fill;

/// What the Lab'O is and who it is for, the three pathways, the test, what happens after, and
/// the two ways in: the test, or signing up directly.
/// The start page begins a visit: this tab stops showing the last sign-up as its own (on a
/// shared tablet, the next young person starts here).
#[component]
pub fn StartPage() -> impl IntoView {
    use_journey().queued.set(None);
    let t = use_texts();
    let config = use_config();
    let territory = config.territory.description.clone();
    let count = QUESTIONNAIRE.questions.len().to_string();
    let days = config.mission_locale.callback_working_days.to_string();
    view! {
        // The start page's title is the app's name alone.
        <PageHeading text=tr(|t| t.start_title) />
        <p class="lead">{named(|t| t.start_intro.into())}</p>
        <p class="actions">
            <a href=Route::Question(1).path() class="button button-primary">{tr(|t| t.start_take_test)}</a>
            <a href=Route::Signup(Step::Eligibility).path() class="button">{tr(|t| t.start_signup_direct)}</a>
        </p>
        <p>{tr(|t| t.start_figures)}</p>
        {config.funder.clone().map(|funder| {
            view! { <p><TextWithFrench text=tr(|t| t.start_funded_by) placeholder="funder" french=funder /></p> }
        })}

        <h2>{tr(|t| t.start_for_whom_title)}</h2>
        <ul>
            {move || t.get().start_for_whom.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
            <li><TextWithFrench text=tr(|t| t.start_for_whom_territory) placeholder="territory" french=territory /></li>
        </ul>

        <h2>{tr(|t| t.start_pathways_title)}</h2>
        <p>{tr(|t| t.start_pathways_intro)}</p>
        <ul class="pathway-list">
            {move || {
                t.get()
                    .pathways
                    .iter()
                    .zip(QUESTIONNAIRE.pathways)
                    .enumerate()
                    .map(|(i, (p, id))| {
                        // What this mission locale adds (config.json), in French like the rest of its texts.
                        let details = config.pathway_details(id).map(|d| view! { " " <span lang="fr">{d.to_owned()}</span> });
                        view! { <li><PathwayIcon index=i /> <strong>{p.name}</strong> {t.get().app_colon} {p.summary} {details}</li> }
                    })
                    .collect_view()
            }}
        </ul>

        <h2>{tr(|t| t.start_test_title)}</h2>
        <p>{move || fill!(t.get(), start_test_text, count = &count)}</p>

        <h2>{tr(|t| t.start_after_title)}</h2>
        <ol>{move || t.get().start_after_steps.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ol>
        <p>{move || fill!(t.get(), start_call_back, days = &days)}</p>
        // After what the painted page shows, so nothing above moves when the app takes over.
        <Places />
        <GoodToKnow />
    }
}
