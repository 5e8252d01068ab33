use crate::app::router::use_location;
use leptos::prelude::*;

use super::broken_config::NATIONAL_DIRECTORY_URL;
use crate::app::components::{BackLink, CallLine, PageHeading, TextWithFrench};
use crate::app::state::{tr, use_config, use_texts};
use crate::content::Texts;
use crate::domain::draft::Step;
use crate::domain::eligibility::Ineligibility;
use crate::domain::route::Route;
use crate::fill;

/// France Travail's page on creating a company (for those over 25).
pub const FRANCE_TRAVAIL_URL: &str = "https://www.francetravail.fr";
/// Bpifrance Création: the steps of creating a company, for everyone.
pub const BPIFRANCE_URL: &str = "https://bpifrance-creation.fr";

fn title(t: &Texts, problem: Ineligibility) -> &'static str {
    match problem {
        Ineligibility::TooYoung { .. } => t.not_eligible_too_young_title,
        Ineligibility::TooOld { .. } => t.not_eligible_too_old_title,
        Ineligibility::AtSchool => t.not_eligible_at_school_title,
        Ineligibility::OutsideTerritory => t.not_eligible_outside_title,
    }
}

/// Kind words when a condition is not met (`problem`, the first one), with the right place to go
/// instead, the mission locale's phone, and a way back to correct an answer. A counsellor's link
/// may allow signing up from outside the territory anyway (`may_continue`).
#[component]
pub fn NotEligiblePage(problem: Ineligibility, may_continue: bool) -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    let location = use_location();
    let heading = Signal::derive(move || title(t.get(), problem));
    let text = Signal::derive(move || {
        let t = t.get();
        match problem {
            Ineligibility::TooYoung { age } => fill!(t, not_eligible_too_young_text, age = &age.to_string()),
            Ineligibility::TooOld { age } => fill!(t, not_eligible_too_old_text, age = &age.to_string()),
            Ineligibility::AtSchool => t.not_eligible_at_school_text.to_owned(),
            // The territory, in French, goes in its place below.
            Ineligibility::OutsideTerritory => t.not_eligible_outside_text.to_owned(),
        }
    });
    let territory = config.territory.description.clone();
    let links = match problem {
        Ineligibility::TooOld { .. } => view! {
            <p>{tr(|t| t.not_eligible_too_old_links_title)}</p>
            <ul>
                <li><a href=FRANCE_TRAVAIL_URL>{tr(|t| t.not_eligible_france_travail)}</a></li>
                <li><a href=BPIFRANCE_URL>{tr(|t| t.not_eligible_bpifrance)}</a></li>
            </ul>
        }
        .into_any(),
        _ => view! {
            <p><a href=NATIONAL_DIRECTORY_URL>{tr(|t| t.not_eligible_directory)}</a></p>
        }
        .into_any(),
    };
    let phone = config.mission_locale.phone.clone();
    let short_name = config.mission_locale.short_name.clone();
    let override_block = may_continue.then(|| {
        view! {
            <div class="notice">
                <p>{tr(|t| t.not_eligible_override_text)}</p>
                <button type="button" class="button button-primary" on:click=move |_| location.navigate(Route::Signup(Step::Details))>
                    {tr(|t| t.not_eligible_override_continue)}
                </button>
            </div>
        }
    });
    view! {
        <PageHeading text=heading title=heading />
        <p class="lead"><TextWithFrench text=text placeholder="territory" french=territory /></p>
        {links}
        {override_block}
        <CallLine template=|t| t.footer_call phone=phone short_name=short_name />
        <BackLink href=Route::Signup(Step::Eligibility).path() text=tr(|t| t.not_eligible_change) />
    }
}
