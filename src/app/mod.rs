//! The user interface (wasm only): Leptos components that render the domain's state, plus one
//! module per side effect (`net`, `storage`, `platform`).

pub mod components;
mod interop;
pub mod messages;
pub mod net;
pub mod outbox;
pub mod pages;
pub mod platform;
#[cfg(feature = "render")]
pub mod render;
pub mod router;
pub mod sharing;
pub mod state;
pub mod storage;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use components::Layout;
use net::ConfigFailure;
use pages::{
    AccessibilityPage, BrokenConfigPage, CheckPage, ConfirmationPage, CounsellorPage, DetailsPage, EligibilityPage,
    LegalNoticePage, NotEligiblePage, NotFoundPage, PrivacyPage, QuestionPage, ResultPage, StartPage,
};
use state::{AppConfig, AppTerritory, Journey, Language};

use crate::domain::config::Config;
use crate::domain::draft::SignupPage;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::route::{self, Route};
use crate::domain::share::ShareLink;
use crate::domain::territory::Territory;

/// Mounts the young people's app (`index.html`). Called once by `main`.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// Mounts the counsellors' link builder (`conseillers.html`, served at `/conseillers/`). Called
/// once by `src/bin/conseillers.rs`.
///
/// Why a second, separate wasm: young people never use this page, and its code (QR codes,
/// posters, downloads) was ~15 KB of brotli in their download. Counsellors get their own.
pub fn start_counsellors() {
    leptos::mount::mount_to_body(CounsellorApp);
}

/// The counsellors' page: loads `config.json` like [`App`], then shows the link builder.
#[component]
pub fn CounsellorApp() -> impl IntoView {
    Language::provide();
    let boot = RwSignal::new(None::<Result<Arc<Config>, ConfigFailure>>);
    spawn_local(async move {
        boot.set(Some(net::load_config().await.map(Arc::new)));
    });
    Effect::new(move || {
        if boot.with(Option::is_some) {
            platform::remove_static_page();
        }
    });
    move || match boot.get() {
        None => ().into_any(),
        Some(Err(failure)) => view! { <BrokenConfigPage failure=failure formal=true /> }.into_any(),
        Some(Ok(config)) => {
            let phone = config.mission_locale.phone.clone();
            let short_name = config.mission_locale.short_name.clone();
            provide_context(AppConfig(config));
            view! {
                <components::Frame phone=Some(phone) short_name=short_name with_router=true formal=true>
                    <CounsellorPage />
                </components::Frame>
            }
            .into_any()
        }
    }
}

/// Whether the deployment's configuration is known yet.
#[derive(Clone)]
enum Boot {
    Loading,
    Ready(Arc<Config>, Arc<Territory>),
    Broken(ConfigFailure),
}

/// The whole app: loads `config.json`, then shows either the pages or the broken-config page.
/// Nothing is rendered from a half-valid configuration; a broken one is fetched again when the
/// browser comes back online.
///
/// The outbox runs first and whatever the configuration: pending sign-ups leave with the
/// endpoint settings kept on the device, even on a day config.json or the commune list fails.
#[component]
pub fn App() -> impl IntoView {
    Language::provide();
    let outbox = outbox::OutboxState::provide();
    let boot = RwSignal::new(Boot::Loading);
    let load = move || {
        spawn_local(async move {
            let loaded = match net::load_config().await {
                Ok(config) => {
                    // The phone number and the endpoint are worth keeping even if the commune
                    // list is broken.
                    storage::write(
                        storage::keys::CONTACT_FALLBACK,
                        &crate::domain::json::write(&config.contact_fallback()),
                    );
                    outbox.use_endpoint(&config.endpoint);
                    match platform::csp_problem(&config.endpoint.url) {
                        Some(problem) => Err(ConfigFailure::Invalid(vec![problem])),
                        None => {
                            let territory = net::load_territory(&config.territory.communes_url).await;
                            // Reading the commune list and drawing the page: two tasks, not one.
                            platform::next_task().await;
                            territory.map(|territory| (config, territory))
                        }
                    }
                }
                Err(failure) => Err(failure),
            };
            boot.set(match loaded {
                Ok((config, territory)) => Boot::Ready(Arc::new(config), Arc::new(territory)),
                Err(failure) => Boot::Broken(failure),
            });
        });
    };
    load();
    // A configuration that failed (network, a transient 5xx) may load once the browser is back
    // online. The listener lives as long as the page.
    let _ = window_event_listener(leptos::ev::online, move |_| {
        if matches!(boot.get_untracked(), Boot::Broken(_)) {
            load();
        }
    });
    // The static start page of index.html stays on screen while the configuration loads (so the
    // first paint never waits for the wasm), and goes as soon as the app has something to show.
    Effect::new(move || {
        if !matches!(boot.get(), Boot::Loading) {
            platform::remove_static_page();
            // The offline app shell (public/sw.js), once the page is on screen: its download of
            // the app's files must not compete with config.json and the commune list. Release
            // builds only: a development build changes too often for a cache to help.
            if !cfg!(debug_assertions) {
                spawn_local(async {
                    platform::next_task().await;
                    platform::register_service_worker("/sw.js");
                });
            }
        }
    });
    move || match boot.get() {
        Boot::Loading => ().into_any(),
        Boot::Broken(failure) => view! { <BrokenConfigPage failure=failure /> }.into_any(),
        Boot::Ready(config, territory) => view! { <Pages config=config territory=territory /> }.into_any(),
    }
}

/// The routes of a correctly configured app.
#[component]
fn Pages(config: Arc<Config>, territory: Arc<Territory>) -> impl IntoView {
    let phone = config.mission_locale.phone.clone();
    let short_name = config.mission_locale.short_name.clone();
    provide_context(AppConfig(config));
    provide_context(AppTerritory(territory));
    let journey = Journey::provide();
    apply_share_link(journey);
    // A sign-up the device could not keep leaves the journey only once delivered (see
    // `CheckPage`): then the answers go.
    let outbox = outbox::use_outbox();
    Effect::new(move || {
        let delivered = outbox.delivered.get();
        let mine = journey.reference();
        if mine.is_some_and(|reference| delivered.iter().any(|d| d.reference == reference)) {
            journey.clear();
        }
    });
    let location = router::Location::provide();
    // Only the path decides the page; each path gets a fresh page (a new question, new state).
    let page = Memo::new(move |_| location.path.get());
    view! { <Layout phone=phone short_name=short_name>{move || page_at(&page.get())}</Layout> }
}

/// The page at `path`: the route table. A page that the answers on the device do not open
/// yet (a sign-up step, a question out of range) sends the young person where they can go; the
/// journey is read once, untracked: a page decides what to show when it opens.
pub(crate) fn page_at(path: &str) -> AnyView {
    match Route::parse(path) {
        Route::Start => view! { <StartPage /> }.into_any(),
        Route::Question(n) => match Route::open_question(n, QUESTIONNAIRE.questions.len()) {
            Ok(n) => view! { <QuestionPage n=n /> }.into_any(),
            Err(to) => router::redirect(to).into_any(),
        },
        Route::Result => view! { <ResultPage /> }.into_any(),
        Route::Signup(step) => match state::use_journey().progress(&state::use_territory()).open(step) {
            Ok(SignupPage::Eligibility) => view! { <EligibilityPage /> }.into_any(),
            Ok(SignupPage::NotEligible { problem, may_continue }) => {
                view! { <NotEligiblePage problem=problem may_continue=may_continue /> }.into_any()
            }
            Ok(SignupPage::Details) => view! { <DetailsPage /> }.into_any(),
            Ok(SignupPage::Check(answers)) => {
                let (eligibility, details) = *answers;
                view! { <CheckPage eligibility=eligibility details=details /> }.into_any()
            }
            Err(step) => router::redirect(Route::Signup(step)).into_any(),
        },
        Route::Confirmation => view! { <ConfirmationPage /> }.into_any(),
        Route::Privacy => view! { <PrivacyPage /> }.into_any(),
        Route::Accessibility => view! { <AccessibilityPage /> }.into_any(),
        Route::LegalNotice => view! { <LegalNoticePage /> }.into_any(),
        // The counsellors' page is its own small app (see `start_counsellors`). A host
        // that answers every address with index.html brings us here: go to its file.
        Route::Counsellors => {
            platform::replace_location(route::COUNSELLORS_PAGE);
            ().into_any()
        }
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A counsellor's link: its attribution (and preselected pathway, and permission to sign up
/// from outside the territory) goes into the draft, so it follows the whole journey and survives
/// a reload; then the address is cleaned so the parameters are not applied twice. Ignored
/// parameters are reported to developers in the console (names only, never values).
fn apply_share_link(journey: Journey) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    if search.is_empty() {
        return;
    }
    let (link, ignored) = ShareLink::parse(search.trim_start_matches('?'));
    for parameter in ignored {
        platform::console_warn(&format!(
            "Lab'O : paramètre de lien ignoré « {} » ({}).",
            parameter.name, parameter.reason
        ));
    }
    if !link.is_empty() {
        journey.update(|d| {
            d.source = link.source();
            d.allow_outside_territory = link.allow_outside_territory;
            if let Some(pathway) = link.pathway {
                d.details.pathway = pathway;
            }
        });
    }
    let path = location.pathname().unwrap_or_else(|_| Route::Start.path());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
