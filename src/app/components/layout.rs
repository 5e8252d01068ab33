use leptos::prelude::*;

use crate::app::state::use_texts;
use crate::content::around;
use crate::domain::phone::Phone;

/// The frame of every page: skip link, header with the app's name, the page, and a footer that
/// always says how to reach the mission locale by phone.
#[component]
pub fn Layout(
    /// The mission locale's phone, when known, shown in the footer as a tap-to-call link.
    #[prop(optional)]
    phone: Option<Phone>,
    children: Children,
) -> impl IntoView {
    let t = use_texts();
    let call = phone.map(|phone| {
        let href = format!("tel:{}", phone.e164());
        view! {
            <p>
                {move || around(t.get().footer_call, "phone").0}
                <a href=href>{phone.display()}</a>
                {move || around(t.get().footer_call, "phone").1}
            </p>
        }
    });
    view! {
        <a class="skip-link" href="#contenu">{move || t.get().app_skip_link}</a>
        <header class="site-header">
            <a class="brand" href="/" aria-label=move || t.get().app_home_link>{move || t.get().app_name}</a>
        </header>
        <main id="contenu" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{move || t.get().footer_text}</p>
            {call}
        </footer>
    }
}
