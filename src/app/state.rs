//! Application state shared through Leptos context, one newtype per concern so that
//! `use_context::<T>()` can never pick up the wrong value.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::{self, Texts};
use crate::domain::config::Config;

/// The validated deployment configuration, available on every page once loaded.
#[derive(Clone)]
pub struct AppConfig(pub Arc<Config>);

/// The language the young person reads the app in.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<&'static Texts>);

impl Language {
    /// The language of the page, French unless told otherwise.
    pub fn provide() -> Language {
        let language = Language(RwSignal::new(content::LANGUAGES[0]));
        provide_context(language);
        language
    }
}

/// The texts of the current language, as a signal to read inside views.
pub fn use_texts() -> Signal<&'static Texts> {
    let language = use_context::<Language>().unwrap_or_else(Language::provide);
    language.0.into()
}

/// The deployment configuration. Only pages rendered after a successful load call this.
pub fn use_config() -> Arc<Config> {
    expect_context::<AppConfig>().0
}
