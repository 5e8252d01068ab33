//! What the deployment says about where the Lab'O happens and what to know before coming
//! (`config.json`'s `places`, `facts`, `testimonials`, `photo`): nothing is shown that it has
//! not said. Its texts are French: marked `lang="fr"` on an English page (RGAA 8.7).

use leptos::prelude::*;

use crate::app::state::{tr, use_config, use_texts};
use crate::content::{Texts, fill_mission_locale};
use crate::domain::config::Fact;

/// "Où ça se passe ?": each place with its address and how to get there (nothing without
/// places).
#[component]
pub fn Places() -> impl IntoView {
    let places = use_config().front_door.places.clone();
    (!places.is_empty()).then(|| {
        view! {
            <h2>{tr(|t| t.where_title)}</h2>
            <ul class="places">
                {places
                    .into_iter()
                    .map(|place| {
                        view! {
                            <li lang="fr">
                                {place.name.map(|name| view! { <strong>{name}</strong> <br /> })}
                                {place.address}
                                {place.access.map(|access| view! { <br /> {access} })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// The words of a fact the deployment switched on.
fn fact_text(t: &'static Texts, fact: Fact) -> &'static str {
    match fact {
        Fact::Free => t.facts_free,
        Fact::Cej => t.facts_cej,
        Fact::Rqth => t.facts_rqth,
        Fact::Accompanied => t.facts_accompanied,
        Fact::Adjustments => t.facts_adjustments,
        Fact::LittleFrench => t.facts_little_french,
    }
}

/// "Bon à savoir", the deployment's testimonials and its photo: the end of the start page.
#[component]
pub fn GoodToKnow() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    let door = config.front_door.clone();
    let short_name = config.mission_locale.short_name.clone();
    let facts = (!door.facts.is_empty()).then(|| {
        view! {
            <h2>{tr(|t| t.facts_title)}</h2>
            <ul>
                {door
                    .facts
                    .iter()
                    .map(|&fact| {
                        let short_name = short_name.clone();
                        view! { <li>{move || fill_mission_locale(t.get(), fact_text(t.get(), fact), &short_name)}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let testimonials = (!door.testimonials.is_empty()).then(|| {
        view! {
            <h2>{tr(|t| t.facts_testimonials_title)}</h2>
            {door
                .testimonials
                .into_iter()
                .map(|item| {
                    view! {
                        <figure class="testimonial" lang="fr">
                            <blockquote><p>{item.quote}</p></blockquote>
                            <figcaption>{item.name}</figcaption>
                        </figure>
                    }
                })
                .collect_view()}
        }
    });
    // Width and height reserve its place: nothing moves when it arrives.
    let photo = door.photo.map(|photo| {
        view! { <img class="photo" src=photo.src alt=photo.alt lang="fr" width=photo.width height=photo.height loading="lazy" /> }
    });
    view! { {facts} {testimonials} {photo} }
}
