use leptos::prelude::*;

use super::use_page_title;
use crate::app::components::PAGE_TITLE_ID;
use crate::app::state::{use_config, use_texts};
use crate::legal::{self, Page};

/// The privacy notice (GDPR article 13), in plain words, with the deployment's controller,
/// contacts and retention from config.json (the blocks come from `crate::legal`).
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.privacy_page_title.to_owned(), Signal::stored(false));
    move || page(legal::privacy_notice(t.get(), &config, false))
}

/// The accessibility statement, on the RGAA model: conformity, tests, content not accessible,
/// how it was established, contact, remedies (Défenseur des droits), and the multi-year plan.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.accessibility_page_title.to_owned(), Signal::stored(false));
    move || page(legal::accessibility_statement(t.get(), &config, false))
}

/// The page's heading, then its blocks as markup: every text and value in it is escaped by
/// `legal::html`, and its links only go to addresses config.json validated (mailto:, tel:,
/// https:) or to constants.
fn page(page: Page) -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{page.title}</h1>
        <div class="legal-text" inner_html=legal::html(&page, None)></div>
    }
}
