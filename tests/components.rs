//! Component tests: mount pieces of the interface in headless Chromium, interact, assert the DOM.
//! Run by `cargo xtask test` (layer 2) with wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use labo::app::net::ConfigFailure;
use labo::app::pages::{BrokenConfigPage, SignupPage};
use labo::app::state::AppConfig;
use labo::app::storage;
use labo::domain::config::Config;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONFIG: &str = r#"{
    "endpoint": { "url": "http://127.0.0.1:9/inscriptions", "timeout_seconds": 2 },
    "mission_locale": { "name": "Mission Locale Test", "phone": "02 61 91 00 00" },
    "privacy": { "contact_email": "dpo@exemple.fr" }
}"#;

/// Mounts a view in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    // Keep the view mounted for the rest of the test run.
    std::mem::forget(handle);
    container
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn type_into(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

async fn settle() {
    leptos::task::tick().await;
    gloo_timers_sleep(50).await;
}

/// Waits for the browser's next macrotask, so async DOM updates land.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn signup_page() -> web_sys::HtmlElement {
    let config = Arc::new(Config::parse(CONFIG).unwrap());
    mount(move || {
        provide_context(AppConfig(config));
        view! { <SignupPage /> }
    })
}

#[wasm_bindgen_test]
async fn empty_submit_shows_a_focused_error_summary_linking_to_each_field() {
    let root = signup_page();
    settle().await;
    let summary = find(&root, ".error-summary");
    assert!(summary.hidden(), "no summary before submitting");
    find(&root, "button[type=submit]").click();
    settle().await;
    assert!(!summary.hidden());
    assert!(summary.text_content().unwrap().contains("Il y a un problème"));
    let links: Vec<String> = (0..summary.query_selector_all("a").unwrap().length())
        .map(|i| {
            summary
                .query_selector_all("a")
                .unwrap()
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("href")
                .unwrap()
        })
        .collect();
    assert_eq!(links, ["#first-name", "#phone"]);
    assert_eq!(document().active_element().map(|e| e.id()), Some("error-summary".to_owned()));
    let phone = find(&root, "#phone");
    assert_eq!(phone.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(phone.get_attribute("aria-describedby").as_deref(), Some("phone-hint phone-error"));
    assert!(find(&root, "#phone-error").text_content().unwrap().contains("Écris ton numéro de téléphone"));
    assert!(document().title().starts_with("Erreur : "));
}

#[wasm_bindgen_test]
async fn typed_values_are_kept_and_only_wrong_fields_are_flagged() {
    let root = signup_page();
    settle().await;
    type_into(&root, "#first-name", "Léa");
    type_into(&root, "#phone", "06 12");
    find(&root, "button[type=submit]").click();
    settle().await;
    let first_name: web_sys::HtmlInputElement = find(&root, "#first-name").unchecked_into();
    assert_eq!(first_name.value(), "Léa");
    assert_eq!(first_name.get_attribute("aria-invalid"), None);
    assert!(find(&root, "#phone-error").text_content().unwrap().contains("Il manque des chiffres"));
    let phone: web_sys::HtmlInputElement = find(&root, "#phone").unchecked_into();
    assert_eq!(phone.value(), "06 12");
}

#[wasm_bindgen_test]
async fn fields_have_the_right_types_and_autocomplete() {
    let root = signup_page();
    settle().await;
    let phone = find(&root, "#phone");
    assert_eq!(phone.get_attribute("type").as_deref(), Some("tel"));
    assert_eq!(phone.get_attribute("autocomplete").as_deref(), Some("tel"));
    assert_eq!(find(&root, "#first-name").get_attribute("autocomplete").as_deref(), Some("given-name"));
    assert_eq!(find(&root, "label[for=phone]").text_content().as_deref(), Some("Numéro de téléphone"));
}

#[wasm_bindgen_test]
async fn broken_config_page_lists_problems_and_the_last_known_phone() {
    storage::write(
        storage::keys::CONTACT_FALLBACK,
        r#"{"name":"Mission Locale Test","phone_e164":"+33261910000","phone_display":"02 61 91 00 00"}"#,
    );
    let problems = Config::parse("{").unwrap_err();
    let root = mount(move || view! { <BrokenConfigPage failure=ConfigFailure::Invalid(problems) /> });
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("L'inscription en ligne ne marche pas pour le moment"), "{text}");
    assert!(text.contains("pas du JSON valide"), "{text}");
    let call = find(&root, "a[href='tel:+33261910000']");
    assert_eq!(call.text_content().as_deref(), Some("02 61 91 00 00"));
    storage::remove(storage::keys::CONTACT_FALLBACK);
}

#[wasm_bindgen_test]
async fn broken_config_page_without_history_points_to_the_national_directory() {
    storage::remove(storage::keys::CONTACT_FALLBACK);
    let root = mount(|| view! { <BrokenConfigPage failure=ConfigFailure::Unreachable("test".into()) /> });
    settle().await;
    assert!(root.query_selector("a[href^='tel:']").unwrap().is_none());
    let link = find(&root, "a[href='https://www.1jeune1solution.gouv.fr/accompagnement']");
    assert!(link.text_content().unwrap().contains("mission locale"));
}
