use leptos::prelude::*;

use crate::app::platform;
use crate::app::state::use_texts;
use crate::content::Texts;

/// The id every page gives its main heading, focused after each navigation.
pub const PAGE_TITLE_ID: &str = "page-title";

/// The page's main heading: an `h1` with [`PAGE_TITLE_ID`] that focus can reach (the layout
/// moves focus to it after each navigation), and the document title in step with it.
#[component]
pub fn PageHeading(
    /// What the heading says.
    text: Signal<&'static str>,
    /// The page's name in the document title ("Tes coordonnées" gives "Tes coordonnées – Lab'O");
    /// without it, the app's name alone (the start page).
    #[prop(optional)]
    title: Option<Signal<&'static str>>,
    /// The page shows errors: the document title starts with "Erreur : ".
    #[prop(optional)]
    has_errors: Signal<bool>,
) -> impl IntoView {
    use_page_title(move |_| title.map(|title| title.get()).unwrap_or_default().to_owned(), has_errors);
    view! { <h1 id=PAGE_TITLE_ID tabindex="-1">{text}</h1> }
}

/// Keeps the document title in step with the page and the language:
/// "Question 4 sur 16 – Lab'O" (`title` empty: "Lab'O"). `has_errors` prefixes "Erreur : "
/// (GOV.UK pattern). For pages whose `h1` is not a [`PageHeading`] (the test's questions).
pub fn use_page_title(title: impl Fn(&'static Texts) -> String + Send + Sync + 'static, has_errors: Signal<bool>) {
    let t = use_texts();
    let full = move || {
        let t = t.get();
        let prefix = if has_errors.get() { t.errors_page_title_prefix } else { "" };
        let title = title(t);
        if title.is_empty() {
            format!("{prefix}{}", t.app_name)
        } else {
            format!("{prefix}{title}{}", t.app_title_suffix)
        }
    };
    // Rendered outside a browser, effects do not run: the render reads the title from here.
    #[cfg(feature = "render")]
    if let Some(slot) = use_context::<crate::app::render::Title>() {
        slot.0.set_value(untrack(&full));
    }
    Effect::new(move || platform::set_title(&full()));
}
