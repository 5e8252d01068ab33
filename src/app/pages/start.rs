use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::platform;
use crate::app::state::use_texts;

/// What the Lab'O is and who it is for, with the way in.
#[component]
pub fn StartPage() -> impl IntoView {
    let t = use_texts();
    Effect::new(move || platform::set_title(t.get().app_name));
    view! {
        <h1>{move || t.get().start_title}</h1>
        <p class="lead">{move || t.get().start_intro}</p>
        <p>{move || t.get().start_figures}</p>
        <h2>{move || t.get().start_for_whom_title}</h2>
        <ul>{move || t.get().start_for_whom.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
        <p class="actions">
            <A href="/inscription" attr:class="button button-primary">
                {move || t.get().start_signup}
            </A>
        </p>
    }
}
