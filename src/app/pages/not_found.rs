use leptos::prelude::*;

use crate::app::platform;
use crate::app::state::{tr, use_texts};

/// Any address the app does not know: say so kindly and offer the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    Effect::new(move || platform::set_title(&format!("{}{}", t.get().not_found_page_title, t.get().app_title_suffix)));
    view! {
        <h1>{tr(|t| t.not_found_title)}</h1>
        <p>{tr(|t| t.not_found_text)}</p>
        <p>
            <a href="/">{tr(|t| t.not_found_home)}</a>
        </p>
    }
}
