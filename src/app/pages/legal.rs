use leptos::prelude::*;

use crate::app::components::{BackLink, PageHeading};
use crate::app::state::{tr, use_config, use_texts};
use crate::content::Texts;
use crate::domain::config::Config;
use crate::domain::route::Route;
use crate::legal::{self, Page};

/// The privacy notice (GDPR article 13), in plain words, with the deployment's controller,
/// contacts and retention from config.json (the blocks come from `crate::legal`).
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <LegalPage page=|t, config| legal::privacy_notice(t, config) /> }
}

/// The accessibility statement, on the RGAA model: conformity, tests, content not accessible,
/// how it was established, contact, remedies (Défenseur des droits), and the multi-year plan.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <LegalPage page=|t, config| legal::accessibility_statement(t, config) /> }
}

/// The legal notice (LCEN, article 6-III): publisher, director of publication, host.
#[component]
pub fn LegalNoticePage() -> impl IntoView {
    view! { <LegalPage page=|t, config| legal::legal_notice(t, config) /> }
}

/// The page's heading, then its blocks as markup: every text and value in it is escaped by
/// `legal::html`, and its links only go to addresses config.json validated (mailto:, tel:,
/// https:) or to constants.
#[component]
fn LegalPage(page: fn(&'static Texts, &Config) -> Page) -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    move || {
        let page = page(t.get(), &config);
        view! {
            <PageHeading text=Signal::stored(page.title) title=Signal::stored(page.page_title) />
            <div class="legal-text" inner_html=legal::html(&page)></div>
            <BackLink href=Route::Start.path() text=tr(|t| t.not_found_home) />
        }
    }
}
