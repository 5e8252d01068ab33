//! A small static server for dist/, as a static host would serve it: precompressed files when
//! present, the SPA fallback to index.html for deep links, and `config.json` replaced by one
//! that points at the local stand-in (the deployed file is left untouched).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::services::{ServeDir, ServeFile};

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

/// Requests served, for the end-to-end test that proves the app works offline (the count must
/// not move while the browser is offline). Read at `/__server/hits`.
static HITS: AtomicUsize = AtomicUsize::new(0);

/// Binds the server on loopback (`port` 0 picks a free one) and returns its address and the
/// future that serves it.
pub async fn bind(
    dist: PathBuf,
    config_json: String,
    port: u16,
) -> Result<(SocketAddr, impl Future<Output = ()>), String> {
    let index = dist.join("index.html");
    let files = ServeDir::new(&dist).precompressed_br().precompressed_gzip().fallback(ServeFile::new(index));
    let app = Router::new()
        .route(
            "/config.json",
            get(move || {
                let body = config_json.clone();
                async move {
                    (
                        [
                            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
                            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                        ],
                        body,
                    )
                        .into_response()
                }
            }),
        )
        .route("/__server/hits", get(|| async { HITS.load(Ordering::SeqCst).to_string() }))
        .fallback_service(files)
        .layer(axum::middleware::from_fn(count_hits));
    let listener =
        TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    Ok((address, async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("static server stopped: {e}");
        }
    }))
}

async fn count_hits(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    if request.uri().path() != "/__server/hits" {
        HITS.fetch_add(1, Ordering::SeqCst);
    }
    next.run(request).await
}
