use leptos::prelude::*;

use crate::app::state::{tr, use_texts};

/// The profile as a chart of levels, one row per dimension: its name, its level **in words**,
/// and a bar of as many steps as there are levels, filled up to this one (the word is written
/// out, so nothing depends on colour, and no number is shown: the test gives no marks). The SVG
/// is an image whose title and description read the whole profile as text, for screen readers.
#[component]
pub fn ProfileChart(
    /// One level (index into the questionnaire's levels) per dimension, in the questionnaire's
    /// order.
    levels: Vec<usize>,
) -> impl IntoView {
    let t = use_texts();
    const ROW: usize = 46;
    const WIDTH: usize = 320;
    const GAP: usize = 4;
    let height = levels.len() * ROW + 4;
    let description = {
        let levels = levels.clone();
        move || {
            let t = t.get();
            levels
                .iter()
                .zip(t.dimensions)
                // French typography: no-break space before « : », narrow one before « ; ».
                .map(|(level, d)| format!("{}\u{a0}: {}", d.name, t.levels[*level]))
                .collect::<Vec<_>>()
                .join("\u{202f}; ")
        }
    };
    let bars = levels
        .iter()
        .enumerate()
        .map(|(i, &level)| {
            let y = i * ROW;
            let steps = t.get_untracked().levels.len().max(1);
            let step = (WIDTH - GAP * (steps - 1)) / steps;
            let segments = (0..steps)
                .map(|s| {
                    let class = if s <= level { "chart-bar" } else { "chart-track" };
                    view! { <rect x=s * (step + GAP) y=y + 22 width=step height="14" rx="3" class=class /> }
                })
                .collect_view();
            view! {
                <text x="0" y=y + 16 class="chart-label">
                    {move || t.get().dimensions[i].name}
                </text>
                <text x=WIDTH y=y + 16 text-anchor="end" class="chart-value">
                    {move || t.get().levels[level]}
                </text>
                {segments}
            }
        })
        .collect_view();
    view! {
        <figure class="profile-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="chart-title">{tr(|t| t.result_chart_title)}</title>
                <desc id="chart-desc">{description}</desc>
                {bars}
            </svg>
        </figure>
    }
}
