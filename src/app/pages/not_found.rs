use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::platform;
use crate::app::state::use_texts;

/// Any address the app does not know: say so kindly and offer the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    Effect::new(move || platform::set_title(&format!("{}{}", t.get().not_found_page_title, t.get().app_title_suffix)));
    view! {
        <h1>{move || t.get().not_found_title}</h1>
        <p>{move || t.get().not_found_text}</p>
        <p>
            <A href="/">{move || t.get().not_found_home}</A>
        </p>
    }
}
