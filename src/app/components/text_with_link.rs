use leptos::prelude::*;

use crate::content::around;

/// A sentence of the catalogue with one placeholder shown as a link: "Appelle la Mission Locale
/// au {phone}." with the number as a tap-to-call link.
#[component]
pub fn TextWithLink(
    /// The sentence, with `{placeholder}` where the link goes (without it: no link).
    text: Signal<String>,
    placeholder: &'static str,
    href: String,
    /// What the link says.
    link: String,
    /// The paragraph's class.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let before = Signal::derive(move || text.with(|text| around(text, placeholder).0.to_owned()));
    let after = Signal::derive(move || text.with(|text| around(text, placeholder).1.to_owned()));
    view! {
        <p class=class>
            {before}
            <a href=href>{link}</a>
            {after}
        </p>
    }
}
