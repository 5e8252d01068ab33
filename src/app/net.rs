//! Network: the only module that talks HTTP. Reading `config.json` and the commune list once at
//! start-up, and POSTing a sign-up to the mission locale's endpoint; every request has a deadline.

use gloo_net::http::Request;
use leptos::prelude::*;
use web_sys::{RequestCache, RequestRedirect};

use crate::app::platform;
use crate::domain::config::{Config, ConfigProblem, Endpoint};
use crate::domain::outbox;
use crate::domain::outbox::Entry;
use crate::domain::response::{self, Outcome};
use crate::domain::territory::Territory;
use crate::domain::wire::{self, Body};

/// Why the app cannot start with a configuration.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigFailure {
    /// The file could not be fetched (network, 404…): a French explanation for the deployer.
    Unreachable(String),
    /// The file was read but is not valid.
    Invalid(Vec<ConfigProblem>),
}

/// Where the deployment's configuration lives, next to `index.html`.
pub const CONFIG_URL: &str = "/config.json";

/// How long reading a start-up file may take: past it, the young person gets the
/// "unavailable" page with the phone number rather than a page that never appears.
const START_UP_TIMEOUT_SECONDS: u32 = 15;

/// An AbortController that fires after a delay; dropping it cancels the timer.
struct Deadline {
    signal: Option<web_sys::AbortSignal>,
    timer: Option<TimeoutHandle>,
}

impl Deadline {
    fn after(seconds: u32) -> Deadline {
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let timer = controller.and_then(|controller| {
            set_timeout_with_handle(move || controller.abort(), std::time::Duration::from_secs(seconds.into())).ok()
        });
        Deadline { signal, timer }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// A start-up file's text, or why it could not be read (in French, for the deployer). Asks the
/// browser not to use a stale cached copy, so a fixed file is seen at the next visit.
async fn fetch_text(url: &str) -> Result<String, String> {
    let deadline = Deadline::after(START_UP_TIMEOUT_SECONDS);
    let response =
        Request::get(url).cache(RequestCache::NoCache).abort_signal(deadline.signal.as_ref()).send().await.map_err(
            |_| "le serveur n'a pas répondu à temps (réseau coupé, lent ou adresse injoignable).".to_owned(),
        )?;
    match response.status() {
        200..=299 => response.text().await.map_err(|_| "la réponse du serveur a été coupée.".to_owned()),
        404 => Err(format!("le fichier est introuvable ({url} répond 404). Il doit être publié avec l'application.")),
        status => Err(format!("le serveur a répondu {status} au lieu de 200.")),
    }
}

/// Fetches and validates `config.json`.
pub async fn load_config() -> Result<Config, ConfigFailure> {
    let text = fetch_text(CONFIG_URL).await.map_err(ConfigFailure::Unreachable)?;
    Config::parse(&text).map_err(ConfigFailure::Invalid)
}

/// Fetches a language other than French (`public/i18n/<code>.json`, written from the catalogue
/// by the build's checks), the first time it is chosen on this page.
pub async fn load_language(code: &str) -> Result<&'static crate::content::Texts, String> {
    let text = fetch_text(&format!("/i18n/{code}.json")).await?;
    let value = crate::domain::json::parse_value(&text).map_err(|e| e.to_string())?;
    let texts =
        crate::content::decode(&value).ok_or("le fichier ne correspond pas à cette version de l'application")?;
    Ok(Box::leak(Box::new(texts)))
}

/// Fetches and validates the territory's communes (`territory.communes_url` of the config).
pub async fn load_territory(url: &str) -> Result<Territory, ConfigFailure> {
    let text = fetch_text(url).await.map_err(|why| ConfigFailure::Unreachable(format!("{url} : {why}")))?;
    Territory::parse(&text).map_err(|problems| {
        ConfigFailure::Invalid(
            problems
                .into_iter()
                .map(|message| ConfigProblem { key: "territory.communes_url".into(), message })
                .collect(),
        )
    })
}

/// What one attempt gave: its meaning, and the endpoint's `Retry-After` in milliseconds.
pub struct Attempt {
    pub outcome: Outcome,
    pub retry_after_ms: Option<u64>,
}

/// POSTs a sign-up once, in the configured wire format, with its `Idempotency-Key`, giving up
/// after the configured timeout. Never logs the body.
///
/// Redirects are not followed (`redirect: "manual"`): a browser following a 301/302/303 turns
/// the POST into a GET without a body, and the final 200 would read as "received". The answer
/// to a redirect is opaque (status 0), which the domain reads as "maybe received".
pub async fn send_signup(endpoint: &Endpoint, entry: &Entry) -> Attempt {
    let deadline = Deadline::after(endpoint.timeout_seconds);
    let builder = Request::post(&endpoint.url)
        .header("Idempotency-Key", entry.key())
        .redirect(RequestRedirect::Manual)
        .abort_signal(deadline.signal.as_ref());
    let request = match wire::encode(&entry.payload, endpoint.format, endpoint.mapping.as_ref()) {
        Body::Json(text) => builder.header("Content-Type", "application/json").body(text),
        Body::Form(text) => builder.header("Content-Type", "application/x-www-form-urlencoded").body(text),
        Body::Multipart(pairs) => match web_sys::FormData::new() {
            Ok(form) => {
                for (name, value) in &pairs {
                    let _ = form.append_with_str(name, value);
                }
                builder.body(form)
            }
            Err(_) => builder.body(String::new()),
        },
    };
    // `deadline` lives until the answer is read: the timer covers the whole attempt.
    match request {
        Err(_) => Attempt { outcome: Outcome::RetryLater { status: None }, retry_after_ms: None },
        Ok(request) => match request.send().await {
            Err(_) => Attempt { outcome: Outcome::RetryLater { status: None }, retry_after_ms: None },
            Ok(response) => {
                // An opaque redirect has status 0 already; a followed one (some old engines
                // ignore "manual") is unreadable too.
                let status = if response.redirected() { 0 } else { response.status() };
                let retry_after_ms = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| outbox::parse_retry_after(&v, platform::now_ms()));
                let body = response.text().await.unwrap_or_default();
                Attempt { outcome: response::classify(status, &body), retry_after_ms }
            }
        },
    }
}
