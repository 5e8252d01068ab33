use leptos::prelude::*;

use crate::content::pathway_icon;
use crate::domain::questionnaire::QUESTIONNAIRE;

/// The pictogram of pathway `index` (of the questionnaire), beside its name: decorative, the
/// name says it all (`aria-hidden`, RGAA 1.2). Drawn in the theme's colour, light or dark.
#[component]
pub fn PathwayIcon(index: usize) -> impl IntoView {
    let id = QUESTIONNAIRE.pathways.get(index).copied().unwrap_or_default();
    pathway_icon(id).map(|d| {
        view! {
            <svg class="pathway-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=d />
            </svg>
        }
    })
}
