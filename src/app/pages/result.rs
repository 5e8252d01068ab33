use crate::app::router::use_location;
use leptos::prelude::*;

use crate::app::components::{BackLink, ChoiceGroup, ChoiceOption, PageHeading, PathwayIcon, SubmitButton};
use crate::app::state::{tr, use_journey, use_texts};
use crate::domain::draft::Step;
use crate::domain::questionnaire::{Profile, QUESTIONNAIRE};
use crate::domain::route::Route;

/// The profile in words, led by words (no chart: levels drawn as filled steps read as a mark out
/// of three): what is already there, on the way, to discover (one sentence each, never a mark),
/// the suggested pathway with its pictogram and the reasons the answers gave, the other two still
/// selectable, and the reminder that the counsellor proposes the pathway after the diagnostic.
/// The main action signs up with the chosen pathway.
#[component]
pub fn ResultPage() -> impl IntoView {
    let journey = use_journey();
    let profile = Memo::new(move |_| QUESTIONNAIRE.score(&journey.answers.read()));
    let content = move || match profile.get() {
        Err(missing) => view! {
            <p class="lead">{tr(|t| t.result_incomplete)}</p>
            <p class="actions">
                <a href=Route::Question(missing + 1).path() class="button button-primary">{tr(|t| t.result_resume)}</a>
            </p>
        }
        .into_any(),
        Ok(profile) => view! { <Complete profile=profile /> }.into_any(),
    };
    view! {
        <PageHeading text=tr(|t| t.result_title) title=tr(|t| t.result_page_title) />
        {content}
    }
}

#[component]
fn Complete(profile: Profile) -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let location = use_location();
    let suggested = profile.pathway;
    // Preselect what the young person already chose, else the suggestion.
    let initial = journey.details.with_untracked(|d| profile.preselected(&QUESTIONNAIRE, &d.pathway).to_owned());
    let choice = RwSignal::new(initial);
    let reasons = profile.reasons(&QUESTIONNAIRE);
    let groups = profile.by_level(&QUESTIONNAIRE);
    let options = ChoiceOption::pathways(Some(suggested));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        journey.details.update(|d| d.pathway = choice.get_untracked());
        location.navigate(Route::Signup(Step::Eligibility));
    };

    view! {
        <p class="lead">{tr(|t| t.result_intro)}</p>
        {groups
            .into_iter()
            .map(|(level, dimensions)| {
                view! {
                    <h2>{move || t.get().result_group_titles[level]}</h2>
                    <ul class="profile-list">
                        {dimensions
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <li>
                                        <strong>{move || t.get().dimensions[d].name}</strong>
                                        " – "
                                        {move || t.get().dimensions[d].levels[level]}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })
            .collect_view()}
        <p>{tr(|t| t.result_constraints_note)}</p>

        <h2>{tr(|t| t.result_suggested_title)}</h2>
        <div class="notice suggested-pathway">
            <p class="pathway-name">
                <PathwayIcon index=suggested />
                <strong>{move || t.get().pathways[suggested].name}</strong>
            </p>
            <p>{move || t.get().pathways[suggested].description}</p>
            <p>{tr(|t| t.result_because)}</p>
            <ul>
                {reasons
                    .into_iter()
                    .map(|key| view! { <li>{move || t.get().pathways[suggested].reason(key).unwrap_or_default()}</li> })
                    .collect_view()}
            </ul>
        </div>
        <p><strong>{tr(|t| t.result_counsellor_decides)}</strong></p>

        <form novalidate on:submit=on_submit>
            <ChoiceGroup
                name="pathway"
                legend=Signal::derive(move || t.get().result_choose_legend)
                options=options
                selected=Signal::derive(move || vec![choice.get()])
                on_choose=Callback::new(move |value: String| choice.set(value))
            />
            <SubmitButton text=tr(|t| t.result_signup) />
        </form>
        <BackLink href=Route::Question(1).path() text=tr(|t| t.result_retake) />
    }
}
