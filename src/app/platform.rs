//! The few things the app asks of the browser that are not storage or network: randomness, the
//! clock, the console, focus, the page title, the clipboard, the service worker, the security
//! policy. One place, so the rest of the app stays plain. (Sharing, printing and the QR code
//! download are the counsellors' page's: `app::sharing`.)

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

/// `n` bytes from the browser's cryptographic random source.
///
/// `crypto.getRandomValues` exists in every browser the app supports; if it ever failed we
/// would rather stop than send a guessable reference, hence the panic.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .expect("crypto.getRandomValues is available");
    bytes
}

/// Current time with the device's UTC offset, as ISO 8601 (`2026-11-27T16:08:42+01:00`).
pub fn now_iso() -> String {
    crate::domain::dates::iso_timestamp(&chrono::Local::now())
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date on the device (for ages).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A message for developers and deployers, in the browser console. Never personal data.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// A warning for developers in the browser console. Never personal data.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Sets the document title, e.g. "Inscription au Lab'O – Lab'O".
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Moves keyboard and screen-reader focus to the element with this `id` once the current
/// update is on screen (the element may not exist yet when this is called).
pub fn focus_when_rendered(id: &'static str) {
    request_animation_frame(move || focus_id(id));
}

/// Moves focus to the element with this `id`, if it exists.
pub fn focus_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Copies a text to the clipboard; `false` when the browser refuses (no permission, old
/// browser), in which case the reference stays on screen to be written down.
pub async fn copy_text(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// A real task break (a timer, not a microtask): the browser may paint and answer a tap before
/// the next piece of start-up work, so no single task blocks the page for long.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Registers the service worker that keeps the app shell for offline use. Does nothing where
/// service workers are unavailable (old browsers, non-HTTPS origins).
pub fn register_service_worker(url: &str) {
    if let Some(container) = super::interop::service_worker() {
        let promise = container.register(url);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                console_warn("Lab'O : le mode hors connexion n'a pas pu être activé (service worker refusé).");
            }
        });
    }
}

/// A problem for the deployer when index.html's Content-Security-Policy would block the POST
/// to the endpoint (config.json changed after the build without re-running the post-build step).
pub fn csp_problem(endpoint_url: &str) -> Option<crate::domain::config::ConfigProblem> {
    let meta = document().query_selector("meta[http-equiv='Content-Security-Policy']").ok().flatten()?;
    let policy = meta.get_attribute("content")?;
    let page_origin = window().location().origin().ok()?;
    // The browser's own URL parser gives the origin exactly as tools/post-build.mjs wrote it
    // (default port dropped, international names in punycode).
    let endpoint_origin = web_sys::Url::new(endpoint_url).ok()?.origin();
    if crate::domain::config::csp_allows_connect(&policy, &endpoint_origin, &page_origin) {
        return None;
    }
    Some(crate::domain::config::ConfigProblem {
        key: "endpoint.url".into(),
        message: format!(
            "la politique de sécurité (Content-Security-Policy) de index.html n'autorise pas {} : relancez « node tools/post-build.mjs <dossier publié> » après avoir modifié config.json (voir deploy/README.md).",
            endpoint_origin
        ),
    })
}

/// The message for the deployer when a Content-Security-Policy sent as an HTTP header (which
/// the app cannot read) blocked the POST to the endpoint.
pub fn csp_header_problem(endpoint_url: &str) -> String {
    let origin = web_sys::Url::new(endpoint_url).map(|u| u.origin()).unwrap_or_else(|_| endpoint_url.to_owned());
    format!(
        "la politique de sécurité envoyée par l'hébergeur (en-tête HTTP Content-Security-Policy) bloque l'envoi vers {origin} : sa directive connect-src doit contenir cette origine. Publiez les en-têtes écrits par la construction (dist/_headers, ou dist/labo-headers.conf pour nginx), qui la contiennent déjà (voir deploy/README.md)."
    )
}

/// Asks the browser to keep this site's storage when it cleans up (a sign-up is waiting in it).
/// The answer does not matter: the confirmation page gives the reference and the phone anyway.
pub fn ask_persistent_storage() {
    if let Some(Ok(promise)) = super::interop::storage_manager().map(|manager| manager.persist()) {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// The browser's preferred languages, as primary subtags (`["en", "fr"]` for `en-GB, fr-FR`).
pub fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .map(|l| l.split('-').next().unwrap_or_default().to_ascii_lowercase())
        .collect()
}

/// Sets `<html lang>`, so screen readers pronounce the page in the right language.
pub fn set_document_language(code: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", code);
    }
}

/// Loads another page in place of this one (no history entry: "back" skips it).
pub fn replace_location(url: &str) {
    let _ = window().location().replace(url);
}

/// Removes the page's static HTML (the app now renders the page itself).
pub fn remove_static_page() {
    if let Some(page) = document().get_element_by_id("static-page") {
        page.remove();
    }
}
