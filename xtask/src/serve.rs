//! A small static server for dist/, as a static host would serve it: precompressed files when
//! present, the painted pages at their address, the app's shell for its pages that have no
//! painted copy (`dist/_redirects`, as Netlify reads it), the painted not-found page with a
//! 404 for any other address, and `config.json` replaced by one that points at the local
//! stand-in (the deployed file is left untouched).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// dist/config.json with `endpoint.url` replaced (and the attempt timeout, for tests that wait
/// for one). Fails if dist/ has no valid JSON config.
pub fn config_for(dist: &Path, endpoint_url: &str, timeout_seconds: Option<u32>) -> Result<String, String> {
    let path = dist.join("config.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    config["endpoint"]["url"] = serde_json::Value::String(endpoint_url.to_owned());
    if let Some(timeout) = timeout_seconds {
        config["endpoint"]["timeout_seconds"] = timeout.into();
    }
    serde_json::to_string_pretty(&config).map_err(|e| e.to_string())
}

/// Requests the app made, for the end-to-end test that proves the app works offline (the count
/// must not move while the browser is offline). Read at `/__server/hits`.
static HITS: AtomicUsize = AtomicUsize::new(0);
/// Set by `POST /__server/next-deploy` (cleared by `DELETE`): the host now serves a *new*
/// deploy whose service worker cannot install (its file list names a file that is not there)
/// and whose index.html needs a start-up script that is not there either. The end-to-end test of
/// the offline shell checks that the *old* worker still serves a complete, working app.
static NEXT_DEPLOY: AtomicBool = AtomicBool::new(false);
const NEXT_DEPLOY_FILE: &str = "/boot-next-deploy.js";

/// index.html as the broken next deploy serves it: the same page, a start-up script that is
/// missing.
fn next_deploy_index(html: &str) -> String {
    match html.find("src=\"/boot-") {
        Some(start) => {
            let end = html[start + 5..].find('"').map_or(html.len(), |e| start + 5 + e);
            format!("{}src=\"{NEXT_DEPLOY_FILE}{}", &html[..start], &html[end..])
        }
        None => html.to_owned(),
    }
}

/// sw.js as the broken next deploy serves it: a new version whose file list cannot be cached.
fn next_deploy_worker(worker: &str) -> String {
    worker.replacen("const VERSION = \"", "const VERSION = \"next-", 1).replacen(
        "const ASSETS = [",
        &format!("const ASSETS = [\"{NEXT_DEPLOY_FILE}\","),
        1,
    )
}

/// The paths of the last requests, for a readable failure message.
static LAST_PATHS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// The app's Content-Security-Policy with `connect-src` allowing `endpoint_origin`, as
/// tools/post-build.mjs writes it for a deployment.
pub fn policy(index_html: &str, endpoint_origin: &str) -> Option<String> {
    let (start, end) = csp_span(index_html)?;
    let directives: Vec<String> =
        index_html[start..end]
            .split(';')
            .map(str::trim)
            .map(|d| {
                if d.starts_with("connect-src") {
                    format!("connect-src 'self' {endpoint_origin}")
                } else {
                    d.to_owned()
                }
            })
            .collect();
    Some(directives.join("; "))
}

/// Where the CSP meta tag's content is in index.html.
fn csp_span(html: &str) -> Option<(usize, usize)> {
    const MARK: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(MARK)? + MARK.len();
    Some((start, start + html[start..].find('"')?))
}

/// index.html with its CSP meta tag allowing the local stand-in instead of the deployed
/// endpoint, and that policy.
fn index_for(dist: &Path, endpoint_origin: &str) -> Result<(String, String), String> {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let csp = policy(&html, endpoint_origin).ok_or("dist/index.html has no Content-Security-Policy meta tag")?;
    let (start, end) = csp_span(&html).expect("found by policy");
    Ok((format!("{}{csp}{}", &html[..start], &html[end..]), csp))
}

/// The page painted at build time for `path` (src/bin/labo-render.rs), with the same policy as
/// index.html, if there is one.
fn painted_page(dist: &Path, path: &str, endpoint_origin: &str) -> Option<String> {
    let name = path.trim_matches('/');
    if name.is_empty() || name.split('/').any(|part| part.is_empty() || part.starts_with('.')) {
        return None;
    }
    let html = std::fs::read_to_string(dist.join(format!("{name}.html"))).ok()?;
    let csp = policy(&html, endpoint_origin)?;
    let (start, end) = csp_span(&html)?;
    Some(format!("{}{csp}{}", &html[..start], &html[end..]))
}

/// The addresses `dist/_redirects` answers with the app's shell (written by labo-render).
fn shell_addresses(dist: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dist.join("_redirects")).unwrap_or_default();
    text.lines()
        .filter(|line| !line.starts_with('#') && line.contains(" /index.html 200"))
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn with_headers(content_type: &'static str, body: String) -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// Binds the server on loopback (`port` 0 picks a free one) and returns its address and the
/// future that serves it. Responses carry the security headers of deploy/ (CSP, referrer…).
pub async fn bind(
    dist: PathBuf,
    config_json: String,
    port: u16,
) -> Result<(SocketAddr, impl Future<Output = ()>), String> {
    let config: serde_json::Value = serde_json::from_str(&config_json).map_err(|e| e.to_string())?;
    let endpoint_url = config["endpoint"]["url"].as_str().unwrap_or_default();
    let origin = endpoint_url.split('/').take(3).collect::<Vec<_>>().join("/");
    let (index_html, csp) = index_for(&dist, &origin)?;
    let shell = shell_addresses(&dist);
    let not_found = painted_page(&dist, "/404", &origin);
    let painted_dist = dist.clone();
    let index = get(move |uri: axum::http::Uri| {
        // A page painted at build time (`/inscription` → inscription.html), as nginx's
        // `try_files $uri $uri.html …` serves it (deploy/nginx.conf); the app's shell for its
        // own pages; the painted not-found page, with a 404, for any other address.
        let path = uri.path();
        let painted = painted_page(&painted_dist, path, &origin);
        let next = NEXT_DEPLOY.load(Ordering::SeqCst);
        let (status, body) = match (painted, &not_found) {
            _ if next => (StatusCode::OK, next_deploy_index(&index_html)),
            (Some(html), _) => (StatusCode::OK, html),
            _ if path == "/" || path == "/index.html" || shell.iter().any(|p| p == path) => {
                (StatusCode::OK, index_html.clone())
            }
            (None, Some(page)) => (StatusCode::NOT_FOUND, page.clone()),
            (None, None) => (StatusCode::OK, index_html.clone()),
        };
        async move { (status, with_headers("text/html; charset=utf-8", body)) }
    });
    let worker_path = dist.join("sw.js");
    let worker = get(move || {
        let worker = std::fs::read_to_string(&worker_path).unwrap_or_default();
        let body = if NEXT_DEPLOY.load(Ordering::SeqCst) { next_deploy_worker(&worker) } else { worker };
        async move { with_headers("text/javascript; charset=utf-8", body) }
    });
    let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip().fallback(index.clone().with_state(()));
    let csp_header = HeaderValue::from_str(&format!("{csp}; frame-ancestors 'none'")).map_err(|e| e.to_string())?;
    let app = Router::new()
        .route("/", index.clone())
        .route("/index.html", index)
        .route(
            "/config.json",
            get(move || {
                let body = config_json.clone();
                async move { with_headers("application/json", body) }
            }),
        )
        .route("/sw.js", worker)
        .route(
            "/__server/next-deploy",
            axum::routing::post(|| async {
                NEXT_DEPLOY.store(true, Ordering::SeqCst);
                StatusCode::NO_CONTENT
            })
            .delete(|| async {
                NEXT_DEPLOY.store(false, Ordering::SeqCst);
                StatusCode::NO_CONTENT
            }),
        )
        .route(
            "/__server/hits",
            get(|| async {
                let paths = LAST_PATHS.lock().map(|p| p.clone()).unwrap_or_default();
                axum::Json(serde_json::json!({ "count": HITS.load(Ordering::SeqCst), "last": paths }))
            }),
        )
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, csp_header))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(axum::middleware::from_fn(count_hits));
    listen(app, port).await
}

async fn count_hits(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    // Not counted: this endpoint, and /sw.js, which the browser itself fetches on navigations to
    // check for a new service worker (Playwright's offline emulation does not cover that
    // browser-level check; on a real offline phone it just fails, silently).
    if !matches!(request.uri().path(), "/__server/hits" | "/__server/next-deploy" | "/sw.js") {
        HITS.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut paths) = LAST_PATHS.lock() {
            paths.push(format!("{} {}", request.method(), request.uri().path()));
            let excess = paths.len().saturating_sub(20);
            paths.drain(..excess);
        }
    }
    next.run(request).await
}

/// A plain static server for a folder (precompressed files, no rewriting), for the benchmark's
/// baseline page.
pub async fn bind_plain(dir: PathBuf, port: u16) -> Result<(SocketAddr, impl Future<Output = ()>), String> {
    let app = Router::new().fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip());
    listen(app, port).await
}

/// Binds `app` on loopback (`port` 0 picks a free one); returns the address and the serving
/// future.
async fn listen(app: Router, port: u16) -> Result<(SocketAddr, impl Future<Output = ()>), String> {
    let listener =
        TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    Ok((address, async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("static server stopped: {e}");
        }
    }))
}
