//! The app's pages as HTML, rendered natively from the same components the app mounts (issue
//! 21): a fixed address, an empty journey and an empty outbox, the deployment's config.json.
//! Effects do not run here, and nothing touches a browser.

use std::sync::Arc;

use leptos::prelude::*;

use super::components::Layout;
use super::outbox::OutboxState;
use super::router::Location;
use super::state::{AppConfig, AppTerritory, Journey, Language};
use crate::content::Texts;
use crate::domain::config::Config;
use crate::domain::territory::Territory;

/// The page at `path` in `texts`' language, header and footer included, as the app would show
/// it to a young person who has typed nothing yet.
pub fn page(texts: &'static Texts, config: Arc<Config>, territory: Arc<Territory>, path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let language = Language::fixed(texts);
        provide_context(language);
        let phone = config.mission_locale.phone.clone();
        let short_name = config.mission_locale.short_name.clone();
        provide_context(AppConfig(config));
        provide_context(AppTerritory(territory));
        Journey::empty();
        OutboxState::empty();
        Location::fixed(path);
        let path = path.to_owned();
        view! { <Layout phone=phone short_name=short_name>{super::page_at(&path)}</Layout> }.to_html()
    })
}
