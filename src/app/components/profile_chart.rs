use leptos::prelude::*;

use crate::app::state::{tr, use_texts};
use crate::content::fill;

/// The profile as horizontal bars, one per dimension, each with its name and its score written
/// out (so nothing depends on colour). The SVG is an image whose title and description read
/// the whole profile as text, for screen readers.
#[component]
pub fn ProfileChart(
    /// One score (0–100) per dimension, in the questionnaire's order.
    scores: Vec<u8>,
) -> impl IntoView {
    let t = use_texts();
    const ROW: usize = 46;
    const WIDTH: usize = 320;
    let height = scores.len() * ROW + 4;
    let description = {
        let scores = scores.clone();
        move || {
            let t = t.get();
            scores
                .iter()
                .zip(t.dimensions)
                .map(|(score, d)| format!("{} : {}", d.name, fill(t.result_score, &[("score", &score.to_string())])))
                .collect::<Vec<_>>()
                .join(" ; ")
        }
    };
    let bars = scores
        .iter()
        .enumerate()
        .map(|(i, score)| {
            let y = i * ROW;
            let score = usize::from(*score);
            let width = (WIDTH - 4) * score / 100;
            view! {
                <text x="0" y=y + 16 class="chart-label">
                    {move || t.get().dimensions[i].name}
                </text>
                <text x=WIDTH y=y + 16 text-anchor="end" class="chart-value">
                    {score}
                </text>
                <rect x="0" y=y + 22 width=WIDTH height="14" rx="3" class="chart-track" />
                <rect x="0" y=y + 22 width=width.max(2) height="14" rx="3" class="chart-bar" />
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
