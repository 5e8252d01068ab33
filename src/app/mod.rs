//! The user interface (wasm only): Leptos components that render the domain's state, plus one
//! module per side effect (`net`, `storage`, `platform`).

pub mod components;
pub mod messages;
pub mod net;
pub mod pages;
pub mod platform;
pub mod state;
pub mod storage;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::Layout;
use net::ConfigFailure;
use pages::{BrokenConfigPage, NotFoundPage, SignupPage, StartPage};
use state::{AppConfig, Language, use_texts};

/// Mounts the app. Called once by `main`.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// Whether the deployment's configuration is known yet.
#[derive(Clone)]
enum Boot {
    Loading,
    Ready(Arc<crate::domain::config::Config>),
    Broken(ConfigFailure),
}

/// The whole app: loads `config.json` once, then shows either the pages or the broken-config
/// page. Nothing is rendered from a half-valid configuration.
#[component]
pub fn App() -> impl IntoView {
    Language::provide();
    let t = use_texts();
    let boot = RwSignal::new(Boot::Loading);
    spawn_local(async move {
        match net::load_config().await {
            Ok(config) => {
                if let Ok(json) = serde_json::to_string(&config.contact_fallback()) {
                    storage::write(storage::keys::CONTACT_FALLBACK, &json);
                }
                boot.set(Boot::Ready(Arc::new(config)));
            }
            Err(failure) => boot.set(Boot::Broken(failure)),
        }
    });
    move || match boot.get() {
        Boot::Loading => view! { <p class="loading" role="status">{move || t.get().app_loading}</p> }.into_any(),
        Boot::Broken(failure) => view! { <BrokenConfigPage failure=failure /> }.into_any(),
        Boot::Ready(config) => view! { <Pages config=config /> }.into_any(),
    }
}

/// The routes of a correctly configured app.
#[component]
fn Pages(config: Arc<crate::domain::config::Config>) -> impl IntoView {
    let phone = config.mission_locale.phone.clone();
    provide_context(AppConfig(config));
    view! {
        <Router>
            <Layout phone=phone>
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=StartPage />
                    <Route path=path!("/inscription") view=SignupPage />
                </Routes>
            </Layout>
        </Router>
    }
}
