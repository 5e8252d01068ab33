//! A local stand-in for the mission locale's sign-up endpoint, for development and tests only.
//!
//! It is **not** a production back end: no authentication, no encryption at rest, one process.
//! What it does:
//!
//! - `POST /inscriptions`: checks the body against `schema/signup-v2.json` (or `signup-v1.json`,
//!   for sign-ups queued by an older app), answers `201` with a
//!   small JSON body, or `400` with `{"problems": [{"field", "message"}]}`. A repeated
//!   `Idempotency-Key` gets the first answer again and stores nothing new. The other wire
//!   formats the app can be configured for (a mapped JSON object, a urlencoded or multipart
//!   form) are accepted too, and stored as an object of fields.
//! - stores every accepted sign-up in `submissions.jsonl` in its data folder, so they survive a
//!   restart;
//! - `GET /__stand-in/submissions` lists them (JSON; in a browser, an HTML page showing each
//!   sign-up's summary as the counsellor will read it), `DELETE /__stand-in/submissions`
//!   resets everything;
//! - `GET /__stand-in/requests` lists every sign-up attempt received (time, key, outcome), for
//!   tests about retries;
//! - `POST /__stand-in/faults` queues misbehaviour for the next attempts (see [`Fault`]);
//! - refuses obvious robots (a filled-in trap field, or forms filled in under
//!   `--min-fill-seconds`) with a 400;
//! - CORS for the app's origin, and one log line per request on stdout.

mod schema;
mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use store::{Record, Store};

/// The path the app POSTs sign-ups to.
pub const SIGNUP_PATH: &str = "/inscriptions";
/// The header that makes a repeated POST harmless.
pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

/// How the stand-in is started.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Folder holding `submissions.jsonl`.
    pub data_dir: PathBuf,
    /// Origins allowed by CORS. Empty: any `http://127.0.0.1:*` or `http://localhost:*` origin.
    pub allowed_origins: Vec<String>,
    /// Sign-ups filled in faster than this are taken for robots and refused (with a filled-in
    /// trap field, always). People need far more than a few seconds.
    pub min_fill_seconds: u64,
}

/// Default of `--min-fill-seconds`.
pub const DEFAULT_MIN_FILL_SECONDS: u64 = 3;

/// One queued misbehaviour, applied to the next sign-up attempts.
///
/// ```json
/// {"status": 500, "times": 3}
/// {"status": 503, "retry_after": "2"}
/// {"status": 400, "body": {"problems": [{"field": "/applicant/phone", "message": "Déjà inscrit"}]}}
/// {"delay_ms": 30000}
/// {"close": "after_store"}
/// {"status": 302, "redirect": "/__stand-in/thanks"}
/// {"status": 404, "times": 1}
/// ```
///
/// `status` may be any status an old form handler or a firewall might send (1xx excepted):
/// a 401, 403, 405, 410 or 415 as well as the usual 4xx and 5xx.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Answer this status (with a small JSON body) instead of handling the sign-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// `Retry-After` value to send with `status` (seconds or an HTTP date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<String>,
    /// JSON body to answer with `status` (default: a short "simulated failure" message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// Wait this long before answering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    /// Answer `status` (302 when not given) with this `Location`, the way an old form handler
    /// sends the browser to a "thank you" page. Nothing is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect: Option<String>,
    /// Close the connection without answering, before or after storing the sign-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close: Option<Close>,
    /// How many attempts this applies to (default 1).
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Close {
    BeforeStore,
    AfterStore,
}

/// One sign-up attempt as the stand-in saw it (no personal data).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Attempt {
    pub at: String,
    /// Milliseconds since the stand-in started, for precise timing checks.
    pub at_ms: u64,
    pub idempotency_key: Option<String>,
    pub content_type: Option<String>,
    /// `stored`, `replayed`, `invalid`, `fault:<status>`, `closed_before_store`, `closed_after_store`…
    pub outcome: String,
    pub status: Option<u16>,
}

/// Shared state of a running stand-in.
#[derive(Clone)]
pub struct StandIn {
    inner: Arc<Inner>,
}

struct Inner {
    store: Mutex<Store>,
    faults: Mutex<Vec<Fault>>,
    attempts: Mutex<Vec<Attempt>>,
    started: std::time::Instant,
    allowed_origins: Vec<String>,
    min_fill_seconds: u64,
}

/// Marks a response whose connection must be closed instead of answered.
#[derive(Clone, Copy)]
struct AbortConnection;

impl StandIn {
    pub fn open(settings: &Settings) -> std::io::Result<StandIn> {
        Ok(StandIn {
            inner: Arc::new(Inner {
                store: Mutex::new(Store::open(&settings.data_dir)?),
                faults: Mutex::new(Vec::new()),
                attempts: Mutex::new(Vec::new()),
                started: std::time::Instant::now(),
                allowed_origins: settings.allowed_origins.clone(),
                min_fill_seconds: settings.min_fill_seconds,
            }),
        })
    }

    /// The HTTP routes, with CORS.
    pub fn router(&self) -> Router {
        let origins = self.inner.allowed_origins.clone();
        let cors = CorsLayer::new()
            .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
                let origin = origin.to_str().unwrap_or_default();
                if origins.is_empty() { is_loopback_origin(origin) } else { origins.iter().any(|o| o == origin) }
            }))
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([CONTENT_TYPE, IDEMPOTENCY_KEY])
            .expose_headers([RETRY_AFTER])
            .max_age(Duration::from_secs(600));
        Router::new()
            .route(SIGNUP_PATH, post(signup))
            .route("/__stand-in/submissions", get(list_submissions).delete(reset))
            .route("/__stand-in/requests", get(list_attempts))
            .route("/__stand-in/faults", post(add_faults).get(list_faults))
            .route("/__stand-in/health", get(|| async { Json(json!({"status": "ok"})) }))
            // Where a `redirect` fault sends the browser, as an old handler's "merci" page would.
            .route("/__stand-in/thanks", get(thanks))
            .layer(cors)
            .with_state(self.clone())
    }

    /// Serves until the process ends, logging one line per request.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        let router = self.router();
        loop {
            let (stream, peer) = listener.accept().await?;
            let router = router.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                    let router = router.clone();
                    handle_one(router, request, peer)
                });
                let io = hyper_util::rt::TokioIo::new(stream);
                // An error here is a closed connection: expected for the `close` faults.
                let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
            });
        }
    }

    fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.inner.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn next_fault(&self) -> Option<Fault> {
        let mut faults = self.inner.faults.lock().expect("faults lock");
        let first = faults.first_mut()?;
        let fault = first.clone();
        first.times = first.times.saturating_sub(1);
        if first.times == 0 {
            faults.remove(0);
        }
        Some(fault)
    }

    fn record_attempt(&self, headers: &HeaderMap, outcome: &str, status: Option<u16>) {
        let attempt = Attempt {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            at_ms: self.elapsed_ms(),
            idempotency_key: header(headers, &IDEMPOTENCY_KEY),
            content_type: header(headers, &CONTENT_TYPE),
            outcome: outcome.to_owned(),
            status,
        };
        self.inner.attempts.lock().expect("attempts lock").push(attempt);
    }
}

async fn handle_one(
    router: Router,
    request: hyper::Request<hyper::body::Incoming>,
    peer: SocketAddr,
) -> Result<Response, std::io::Error> {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = router.oneshot(request.map(Body::new)).await.unwrap_or_else(|never| match never {});
    let closed = response.extensions().get::<AbortConnection>().is_some();
    let status = if closed { "connection closed".to_owned() } else { response.status().as_u16().to_string() };
    let key = response.headers().get("x-stand-in-log").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    println!("{} {peer} {method} {path} -> {status} {key}", chrono::Utc::now().format("%H:%M:%S%.3f"));
    if closed {
        return Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "fault: close"));
    }
    Ok(response)
}

fn is_loopback_origin(origin: &str) -> bool {
    let rest = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
    rest.is_some_and(|rest| {
        let host = rest.rsplit_once(':').map_or(rest, |(host, _)| host);
        matches!(host, "127.0.0.1" | "localhost" | "[::1]")
    })
}

fn header(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(200).collect())
}

fn problems_response(status: StatusCode, problems: Vec<schema::Problem>) -> Response {
    (status, Json(json!({ "status": "invalid", "problems": problems }))).into_response()
}

fn with_log(mut response: Response, note: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(note) {
        response.headers_mut().insert("x-stand-in-log", value);
    }
    response
}

async fn signup(State(stand_in): State<StandIn>, headers: HeaderMap, body: Bytes) -> Response {
    let fault = stand_in.next_fault();
    if let Some(delay) = fault.as_ref().and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if let Some(Close::BeforeStore) = fault.as_ref().and_then(|f| f.close) {
        stand_in.record_attempt(&headers, "closed_before_store", None);
        let mut response = StatusCode::OK.into_response();
        response.extensions_mut().insert(AbortConnection);
        return response;
    }
    if let Some(location) = fault.as_ref().and_then(|f| f.redirect.clone()) {
        let status = fault
            .as_ref()
            .and_then(|f| f.status)
            .and_then(|s| StatusCode::from_u16(s).ok())
            .filter(StatusCode::is_redirection)
            .unwrap_or(StatusCode::FOUND);
        stand_in.record_attempt(&headers, &format!("redirect:{}", status.as_u16()), Some(status.as_u16()));
        let mut response = status.into_response();
        if let Ok(location) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(axum::http::header::LOCATION, location);
        }
        return with_log(response, "redirect");
    }
    if let Some(status) = fault.as_ref().and_then(|f| f.status) {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        stand_in.record_attempt(&headers, &format!("fault:{}", status.as_u16()), Some(status.as_u16()));
        let body = fault
            .as_ref()
            .and_then(|f| f.body.clone())
            .unwrap_or_else(|| json!({ "status": "fault", "message": "Panne simulée par le stand-in." }));
        let mut response = (status, Json(body)).into_response();
        if let Some(retry_after) =
            fault.as_ref().and_then(|f| f.retry_after.as_deref()).and_then(|v| HeaderValue::from_str(v).ok())
        {
            response.headers_mut().insert(RETRY_AFTER, retry_after);
        }
        return with_log(response, "fault");
    }

    let (status, body_json, outcome) = accept(&stand_in, &headers, &body).await;
    let mut response = (status, Json(body_json)).into_response();
    if outcome == "replayed" {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    let close_after = matches!(fault.as_ref().and_then(|f| f.close), Some(Close::AfterStore));
    if close_after {
        stand_in.record_attempt(&headers, &format!("closed_after_{outcome}"), None);
        response.extensions_mut().insert(AbortConnection);
    } else {
        stand_in.record_attempt(&headers, outcome, Some(status.as_u16()));
    }
    with_log(response, outcome)
}

/// The body as a JSON value, whatever the wire format: our JSON contract (checked against the
/// schema), a mapped JSON object, a urlencoded form or a multipart form (fields as an object).
async fn read_body(content_type: &str, body: &Bytes) -> Result<(Value, bool), String> {
    let media = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match media.as_str() {
        "application/json" => {
            let value: Value =
                serde_json::from_slice(body).map_err(|e| format!("Le corps n'est pas du JSON valide : {e}."))?;
            let ours = value.get("schema_version").is_some();
            Ok((value, ours))
        }
        "application/x-www-form-urlencoded" => {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(body).map_err(|e| format!("Formulaire illisible : {e}."))?;
            Ok((Value::Object(pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect()), false))
        }
        "multipart/form-data" => {
            let boundary =
                multer::parse_boundary(content_type).map_err(|e| format!("Formulaire multipart illisible : {e}."))?;
            let stream = futures_util::stream::once(std::future::ready(Ok::<Bytes, std::io::Error>(body.clone())));
            let mut multipart = multer::Multipart::new(stream, boundary);
            let mut fields = serde_json::Map::new();
            while let Some(field) =
                multipart.next_field().await.map_err(|e| format!("Formulaire multipart illisible : {e}."))?
            {
                let name = field.name().unwrap_or_default().to_owned();
                let text = field.text().await.map_err(|e| format!("Champ {name} illisible : {e}."))?;
                fields.insert(name, Value::String(text));
            }
            Ok((Value::Object(fields), false))
        }
        _ => Err("Formats acceptés : application/json, application/x-www-form-urlencoded, multipart/form-data.".into()),
    }
}

/// Validates and stores a sign-up; returns the status, the JSON body and a log word.
async fn accept(stand_in: &StandIn, headers: &HeaderMap, body: &Bytes) -> (StatusCode, Value, &'static str) {
    let content_type = header(headers, &CONTENT_TYPE).unwrap_or_default();
    let invalid = |status: StatusCode, message: &str| {
        let problems = vec![schema::Problem::new("", message)];
        (status, json!({ "status": "invalid", "problems": problems }), "invalid")
    };
    let Some(key) = header(headers, &IDEMPOTENCY_KEY).filter(|k| !k.is_empty()) else {
        // The IETF draft's 400 for a missing key, as a problem on that field: the app reads it as
        // the endpoint's problem (a proxy stripped the header), never as the answers' or as
        // delivered (docs/endpoint.md).
        let problems = vec![schema::Problem::new("Idempotency-Key", "L'en-tête Idempotency-Key est obligatoire.")];
        return (StatusCode::BAD_REQUEST, json!({ "status": "invalid", "problems": problems }), "invalid");
    };
    let (value, ours) = match read_body(&content_type, body).await {
        Ok(read) => read,
        Err(message) if message.starts_with("Formats acceptés") => {
            return invalid(StatusCode::UNSUPPORTED_MEDIA_TYPE, &message);
        }
        Err(message) => return invalid(StatusCode::BAD_REQUEST, &message),
    };
    let mut store = stand_in.inner.store.lock().expect("store lock");
    if let Some(previous) = store.by_key(&key) {
        if previous.body != value {
            // The IETF Idempotency-Key draft's answer to a key reused with another body; the
            // `key_reused` status tells the app that a sign-up with this key is stored
            // (docs/endpoint.md).
            let problems =
                vec![schema::Problem::new("Idempotency-Key", "Cette clé a déjà servi pour une autre inscription.")];
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "status": "key_reused", "problems": problems }),
                "key_reused",
            );
        }
        return (
            StatusCode::from_u16(previous.response_status).unwrap_or(StatusCode::CREATED),
            previous.response_body.clone(),
            "replayed",
        );
    }
    let mut problems = if ours { schema::validate(&value) } else { Vec::new() };
    if ours && problems.is_empty() && value.get("idempotency_key").and_then(Value::as_str) != Some(key.as_str()) {
        problems.push(schema::Problem::new("/idempotency_key", "doit être identique à l'en-tête Idempotency-Key."));
    }
    if ours && problems.is_empty() && looks_like_a_robot(&value, stand_in.inner.min_fill_seconds) {
        let problems =
            vec![schema::Problem::new("/anti_spam", "Inscription refusée : elle ressemble à un envoi automatique.")];
        return (StatusCode::BAD_REQUEST, json!({ "status": "rejected", "problems": problems }), "spam");
    }
    if !ours && value.as_object().is_none_or(|o| o.is_empty()) {
        problems.push(schema::Problem::new("", "Le formulaire est vide."));
    }
    if !problems.is_empty() {
        return (StatusCode::BAD_REQUEST, json!({ "status": "invalid", "problems": problems }), "invalid");
    }
    let received_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let response_body = json!({
        "status": "accepted",
        "reference": value.get("reference").cloned().unwrap_or(Value::Null),
        "received_at": received_at,
    });
    let record = Record {
        id: 0,
        received_at,
        idempotency_key: key,
        content_type,
        body: value,
        response_status: StatusCode::CREATED.as_u16(),
        response_body: response_body.clone(),
    };
    match store.append(record) {
        Ok(_) => (StatusCode::CREATED, response_body, "stored"),
        Err(e) => {
            eprintln!("stand-in: cannot write the store: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, json!({ "status": "error" }), "store_failed")
        }
    }
}

/// A filled-in trap field, or forms filled in faster than a person can.
fn looks_like_a_robot(body: &Value, min_fill_seconds: u64) -> bool {
    let honeypot = body.pointer("/anti_spam/honeypot").and_then(Value::as_str).unwrap_or_default();
    let seconds = body.pointer("/anti_spam/fill_seconds").and_then(Value::as_u64).unwrap_or(0);
    !honeypot.is_empty() || seconds < min_fill_seconds
}

/// An old form handler's "thank you" page: a 200 that says nothing about the sign-up. A client
/// that follows a redirect to it (turning the POST into a GET) would take it for an acceptance.
async fn thanks(State(stand_in): State<StandIn>, headers: HeaderMap) -> Response {
    stand_in.record_attempt(&headers, "followed_redirect", Some(200));
    ([(CONTENT_TYPE, "text/html; charset=utf-8")], "<!doctype html><title>Merci</title><p>Merci !</p>").into_response()
}

/// The stored sign-ups: JSON for tests and tools; an HTML page for a person's browser, showing
/// each sign-up's summary as the counsellor will read it.
async fn list_submissions(State(stand_in): State<StandIn>, headers: HeaderMap) -> Response {
    let records = stand_in.inner.store.lock().expect("store lock").all().to_vec();
    let wants_html = header(&headers, &axum::http::header::ACCEPT).is_some_and(|a| a.contains("text/html"));
    if wants_html {
        ([(CONTENT_TYPE, "text/html; charset=utf-8")], submissions_page(&records)).into_response()
    } else {
        Json(records).into_response()
    }
}

/// The text a counsellor reads: the contract's `summary`, or (a mapped body) its longest text
/// field, where a mapping puts the summary.
pub fn summary_of(body: &Value) -> Option<&str> {
    if let Some(summary) = body.get("summary").and_then(Value::as_str) {
        return Some(summary);
    }
    body.as_object()?.values().filter_map(Value::as_str).max_by_key(|s| s.chars().count())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn submissions_page(records: &[Record]) -> String {
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Inscriptions reçues – stand-in du Lab'O</title>\
         <style>body{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}\
         pre{white-space:pre-wrap;background:#f3f3f3;padding:.75rem}</style></head><body>\
         <h1>Inscriptions reçues par le stand-in</h1>\
         <p>Ce que la conseillère ou le conseiller lira : le résumé de chaque inscription, puis le corps reçu.</p>",
    );
    if records.is_empty() {
        page.push_str("<p>Aucune inscription pour l'instant.</p>");
    }
    for record in records.iter().rev() {
        let reference = record.body.get("reference").and_then(Value::as_str).unwrap_or("sans référence");
        page.push_str(&format!(
            "<article><h2>N° {} – {} ({})</h2><h3>Résumé</h3><pre class=\"summary\">{}</pre>\
             <details><summary>Corps reçu ({})</summary><pre>{}</pre></details></article>",
            record.id,
            escape(reference),
            escape(&record.received_at),
            escape(summary_of(&record.body).unwrap_or("(pas de résumé dans ce corps)")),
            escape(&record.content_type),
            escape(&serde_json::to_string_pretty(&record.body).unwrap_or_default()),
        ));
    }
    page.push_str("</body></html>\n");
    page
}

async fn reset(State(stand_in): State<StandIn>) -> Response {
    let result = stand_in.inner.store.lock().expect("store lock").clear();
    stand_in.inner.faults.lock().expect("faults lock").clear();
    stand_in.inner.attempts.lock().expect("attempts lock").clear();
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn list_attempts(State(stand_in): State<StandIn>) -> Json<Vec<Attempt>> {
    Json(stand_in.inner.attempts.lock().expect("attempts lock").clone())
}

async fn list_faults(State(stand_in): State<StandIn>) -> Json<Vec<Fault>> {
    Json(stand_in.inner.faults.lock().expect("faults lock").clone())
}

/// Accepts one fault or a list of faults, appended to the queue.
#[derive(Deserialize)]
#[serde(untagged)]
enum FaultsBody {
    One(Fault),
    Many(Vec<Fault>),
}

async fn add_faults(State(stand_in): State<StandIn>, body: Bytes) -> Response {
    let faults = match serde_json::from_slice::<FaultsBody>(&body) {
        Ok(FaultsBody::One(fault)) => vec![fault],
        Ok(FaultsBody::Many(faults)) => faults,
        Err(e) => {
            return problems_response(
                StatusCode::BAD_REQUEST,
                vec![schema::Problem::new("", &format!("Panne mal décrite : {e}"))],
            );
        }
    };
    let mut queue = stand_in.inner.faults.lock().expect("faults lock");
    queue.extend(faults.into_iter().filter(|f| f.times > 0));
    (StatusCode::CREATED, Json(queue.clone())).into_response()
}

/// Reads `--port`, `--data-dir` and `--allow-origin` (repeatable) from the command line.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<(u16, Settings), String> {
    let mut port = 8787;
    let mut settings = Settings {
        data_dir: PathBuf::from(".labo-dev/stand-in"),
        allowed_origins: Vec::new(),
        min_fill_seconds: DEFAULT_MIN_FILL_SECONDS,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => port = value()?.parse().map_err(|_| "--port needs a number".to_owned())?,
            "--data-dir" => settings.data_dir = PathBuf::from(value()?),
            "--allow-origin" => settings.allowed_origins.push(value()?),
            "--min-fill-seconds" => {
                settings.min_fill_seconds =
                    value()?.parse().map_err(|_| "--min-fill-seconds needs a number".to_owned())?
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok((port, settings))
}

pub const USAGE: &str =
    "usage: labo-stand-in [--port 8787] [--data-dir .labo-dev/stand-in] [--allow-origin http://127.0.0.1:8080]…";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_origins() {
        assert!(is_loopback_origin("http://127.0.0.1:8080"));
        assert!(is_loopback_origin("http://localhost:3000"));
        assert!(is_loopback_origin("http://[::1]:3000"));
        assert!(!is_loopback_origin("https://evil.example"));
        assert!(!is_loopback_origin("http://127.0.0.1.evil.example:80"));
        assert!(!is_loopback_origin("null"));
    }

    #[test]
    fn arguments() {
        let args = ["--port", "0", "--data-dir", "/tmp/x", "--allow-origin", "http://a:1", "--min-fill-seconds", "0"];
        let (port, settings) = parse_args(args.map(String::from)).unwrap();
        assert_eq!(settings.min_fill_seconds, 0);
        assert_eq!(parse_args([]).unwrap().1.min_fill_seconds, DEFAULT_MIN_FILL_SECONDS);
        assert_eq!(port, 0);
        assert_eq!(settings.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(settings.allowed_origins, ["http://a:1"]);
        assert!(parse_args(["--port".to_owned()]).is_err());
        assert!(parse_args(["--bogus".to_owned()]).is_err());
    }
}
