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

/// A sentence of the catalogue with one placeholder filled by a text of `config.json`, which the
/// deployer writes in French: on an English page it is marked `lang="fr"` (RGAA 8.7), so that a
/// screen reader says "au Havre, à Fécamp" in French. Inline: it goes inside a `<p>` or `<li>`.
/// A sentence without the placeholder is shown alone.
#[component]
pub fn TextWithFrench(
    /// The sentence, with `{placeholder}` where the French text goes.
    #[prop(into)]
    text: Signal<String>,
    placeholder: &'static str,
    french: String,
) -> impl IntoView {
    let before = Signal::derive(move || text.with(|text| around(text, placeholder).0.to_owned()));
    let after = Signal::derive(move || text.with(|text| around(text, placeholder).1.to_owned()));
    let french = move || {
        let shown = text.with(|text| text.contains(&format!("{{{placeholder}}}")));
        shown.then(|| view! { <span lang="fr">{french.clone()}</span> })
    };
    view! { {before} {french} {after} }
}
