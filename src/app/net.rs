//! Network: the only module that talks HTTP. Two requests exist: reading `config.json` once at
//! start-up, and POSTing a sign-up to the mission locale's endpoint.

use gloo_net::http::Request;
use leptos::prelude::*;
use web_sys::RequestCache;

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

/// Fetches and validates `config.json`. Asks the browser not to use a stale cached copy, so a
/// fixed configuration is seen at the next visit.
pub async fn load_config() -> Result<Config, ConfigFailure> {
    let response = Request::get(CONFIG_URL).cache(RequestCache::NoCache).send().await.map_err(|_| {
        ConfigFailure::Unreachable("le serveur n'a pas répondu (réseau coupé ou adresse injoignable).".into())
    })?;
    let status = response.status();
    if status == 404 {
        return Err(ConfigFailure::Unreachable(format!(
            "le fichier est introuvable ({CONFIG_URL} répond 404). Il doit être publié à côté de index.html."
        )));
    }
    if !(200..300).contains(&status) {
        return Err(ConfigFailure::Unreachable(format!("le serveur a répondu {status} au lieu de 200.")));
    }
    let text =
        response.text().await.map_err(|_| ConfigFailure::Unreachable("la réponse du serveur a été coupée.".into()))?;
    Config::parse(&text).map_err(ConfigFailure::Invalid)
}

/// Fetches and validates the territory's communes (`territory.communes_url` of the config).
pub async fn load_territory(url: &str) -> Result<Territory, ConfigFailure> {
    let unreachable = |why: String| ConfigFailure::Unreachable(format!("{url} : {why}"));
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| unreachable("le serveur n'a pas répondu.".into()))?;
    if !(200..300).contains(&response.status()) {
        return Err(unreachable(format!("le serveur a répondu {} au lieu de 200.", response.status())));
    }
    let text = response.text().await.map_err(|_| unreachable("la réponse du serveur a été coupée.".into()))?;
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
pub async fn send_signup(endpoint: &Endpoint, entry: &Entry) -> Attempt {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timeout = controller.clone().and_then(|controller| {
        let duration = std::time::Duration::from_secs(endpoint.timeout_seconds.into());
        set_timeout_with_handle(move || controller.abort(), duration).ok()
    });
    let builder = Request::post(&endpoint.url).header("Idempotency-Key", entry.key()).abort_signal(signal.as_ref());
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
    let attempt = match request {
        Err(_) => Attempt { outcome: Outcome::RetryLater { status: None }, retry_after_ms: None },
        Ok(request) => match request.send().await {
            Err(_) => Attempt { outcome: Outcome::RetryLater { status: None }, retry_after_ms: None },
            Ok(response) => {
                let status = response.status();
                let retry_after_ms = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| outbox::parse_retry_after(&v, platform::now_ms()));
                let body = response.text().await.unwrap_or_default();
                Attempt { outcome: response::classify(status, &body), retry_after_ms }
            }
        },
    };
    if let Some(timeout) = timeout {
        timeout.clear();
    }
    attempt
}
