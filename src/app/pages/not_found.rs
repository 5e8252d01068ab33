use leptos::prelude::*;

use crate::app::components::PageHeading;
use crate::app::state::tr;
use crate::domain::route::Route;

/// Any address the app does not know: say so kindly and offer the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeading text=tr(|t| t.not_found_title) title=tr(|t| t.not_found_page_title) />
        <p>{tr(|t| t.not_found_text)}</p>
        <p>
            <a href=Route::Start.path()>{tr(|t| t.not_found_home)}</a>
        </p>
    }
}
