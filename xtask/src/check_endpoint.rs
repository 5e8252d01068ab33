//! `cargo xtask check-endpoint [config.json]`: does `endpoint.url` answer without a redirect?
//!
//! The app never follows a redirect (docs/endpoint.md): a sign-up POSTed to an address that
//! redirects (the usual case: `…/inscriptions` → `…/inscriptions/`, a trailing slash added by
//! the web server) is kept on the phone as "maybe received" and never sent again by itself. A
//! deployer runs this once before going live.
//!
//! What it sends: **one `OPTIONS` request**, the CORS preflight every browser sends before each
//! sign-up (the app's POST carries `Content-Type: application/json` and `Idempotency-Key`, so it
//! is never a "simple" request). Whatever the endpoint does with it, it already does for every
//! sign-up; it carries no body, so nothing can be stored; and the web server's trailing-slash
//! redirect (nginx, Apache's `DirectorySlash`) answers it as it answers the POST, and breaks it
//! first (a browser refuses a redirected preflight). No `POST` (an old handler that ignores the
//! method or the body could store an empty sign-up), no `HEAD` or `GET` (not what the browser
//! sends, and a handler may treat them differently). Redirects are **never followed**: a 3xx is
//! reported with its `Location`.
//!
//! How: `http://` (development, loopback) over a plain `TcpStream`, HTTP/1.1, no dependency;
//! `https://` through the system's `curl` (its TLS and certificate store; without `-L` curl never
//! follows a redirect), so the tools carry no TLS stack. Messages are for the deployer, in
//! French.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The origin sent with the preflight when none is given: the endpoint's CORS answer for the
/// real origin is the deployer's to check (docs/endpoint.md).
const ORIGIN: &str = "https://app.labo.invalid";

/// `cargo xtask check-endpoint [path]`: reads `endpoint.url` from the file (by default
/// `dist/config.json`, what is deployed, or `public/config.json`) and checks it.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let path = match args.first() {
        Some(path) => PathBuf::from(path),
        None => ["dist/config.json", "public/config.json"]
            .iter()
            .map(|p| root.join(p))
            .find(|p| p.is_file())
            .ok_or("aucun fichier dist/config.json ni public/config.json : donnez le chemin de votre config.json")?,
    };
    let (url, timeout) = read_config(&path)?;
    println!("Vérification de endpoint.url ({}) : {url}", path.display());
    let report = check(&url, timeout)?;
    println!("{report}");
    Ok(())
}

/// `endpoint.url` and `endpoint.timeout_seconds` (20 by default) of a config.json.
fn read_config(path: &Path) -> Result<(String, Duration), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("impossible de lire {} : {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} n'est pas un JSON valide : {e}", path.display()))?;
    let url = value
        .pointer("/endpoint/url")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| format!("{} n'a pas de clé endpoint.url (texte)", path.display()))?;
    let seconds = value.pointer("/endpoint/timeout_seconds").and_then(serde_json::Value::as_u64).unwrap_or(20);
    Ok((url.trim().to_owned(), Duration::from_secs(seconds.clamp(1, 120))))
}

/// An address split into what a request needs.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    https: bool,
    host: String,
    port: u16,
    /// The path and query, `/` at least.
    path: String,
}

impl Target {
    fn parse(url: &str) -> Result<Target, String> {
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(format!("endpoint.url doit commencer par https:// (ou http:// en local) : « {url} »"));
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let (authority, path) = match rest.find(['/', '?']) {
            Some(at) if rest[at..].starts_with('?') => (&rest[..at], format!("/{}", &rest[at..])),
            Some(at) => (&rest[..at], rest[at..].to_owned()),
            None => (rest, "/".to_owned()),
        };
        if authority.contains('@') {
            return Err("endpoint.url ne doit pas contenir d'identifiants (user@…)".to_owned());
        }
        let default_port = if https { 443 } else { 80 };
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.contains(']') => {
                (host, port.parse().map_err(|_| format!("port invalide dans endpoint.url : « {port} »"))?)
            }
            _ => (authority, default_port),
        };
        if host.is_empty() {
            return Err(format!("endpoint.url n'a pas de nom d'hôte : « {url} »"));
        }
        // The app refuses these (domain::config): never contacted.
        let lower = host.to_ascii_lowercase();
        let example = [".example", ".test", ".invalid"].iter().any(|tld| lower.ends_with(tld))
            || ["example.com", "example.net", "example.org", "exemple.fr", "exemple.com", "exemple.org", "exemple.net"]
                .iter()
                .any(|d| lower == *d || lower.ends_with(&format!(".{d}")));
        if example {
            return Err(format!(
                "endpoint.url est encore une adresse d'exemple ({host}) : remplacez-la par celle de votre endpoint \
                 (docs/configuration.md). Rien n'a été envoyé."
            ));
        }
        Ok(Target { https, host: host.to_owned(), port, path })
    }

    fn origin(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        let default = if self.https { 443 } else { 80 };
        if self.port == default {
            format!("{scheme}://{}", self.host)
        } else {
            format!("{scheme}://{}:{}", self.host, self.port)
        }
    }

    /// An absolute address for a `Location` header (absolute, `//host…` or `/path`).
    fn resolve(&self, location: &str) -> String {
        if location.starts_with("http://") || location.starts_with("https://") {
            location.to_owned()
        } else if let Some(rest) = location.strip_prefix("//") {
            format!("{}://{rest}", if self.https { "https" } else { "http" })
        } else if location.starts_with('/') {
            format!("{}{location}", self.origin())
        } else {
            let dir = self.path.rsplit_once('/').map_or("", |(dir, _)| dir);
            format!("{}{dir}/{location}", self.origin())
        }
    }
}

/// What the endpoint answered to the preflight.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends the one OPTIONS request and says what it means: `Ok` with a report when the address
/// answers itself, `Err` with what to do otherwise (a redirect, an error status, no answer).
pub fn check(url: &str, timeout: Duration) -> Result<String, String> {
    let target = Target::parse(url)?;
    let answer = if target.https { with_curl(url, timeout)? } else { plain_http(&target, timeout)? };
    judge(&target, &answer)
}

/// The meaning of an answer, in French for the deployer.
fn judge(target: &Target, answer: &Answer) -> Result<String, String> {
    let status = answer.status;
    match status {
        300..=399 => {
            let Some(location) = answer.header("location") else {
                return Err(format!(
                    "l'adresse répond par une redirection ({status}) sans en-tête Location : l'application ne suit \
                     jamais les redirections, les inscriptions resteraient sur les téléphones comme « peut-être \
                     arrivées ». Faites répondre l'adresse elle-même."
                ));
            };
            let to = target.resolve(location);
            let slash =
                if to.trim_end_matches('/') == format!("{}{}", target.origin(), target.path).trim_end_matches('/') {
                    " (il manque ou il y a en trop la barre oblique « / » finale)"
                } else {
                    ""
                };
            Err(format!(
                "l'adresse redirige ({status}) vers {to}{slash} : mettez cette adresse dans endpoint.url, puis \
                 relancez cette vérification. L'application ne suit jamais les redirections (un navigateur \
                 changerait l'envoi en GET sans les réponses) : les inscriptions resteraient sur les téléphones \
                 comme « peut-être arrivées »."
            ))
        }
        200..=299 => {
            let mut report =
                format!("l'adresse répond elle-même ({status}), sans redirection : bon pour endpoint.url.");
            let allowed = answer.header("access-control-allow-headers").unwrap_or_default().to_ascii_lowercase();
            if answer.header("access-control-allow-origin").is_none() {
                report.push_str(
                    "\nAttention : pas d'en-tête Access-Control-Allow-Origin pour l'origine de test \
                     https://app.labo.invalid. Si l'endpoint n'autorise que l'adresse de votre application, c'est \
                     normal ; sinon, vérifiez qu'il l'autorise (CORS, voir docs/endpoint.md).",
                );
            } else if !allowed.contains("idempotency-key") && !allowed.contains('*') {
                report.push_str(
                    "\nAttention : Access-Control-Allow-Headers ne nomme pas Idempotency-Key : le navigateur \
                     refuserait l'envoi (voir docs/endpoint.md).",
                );
            }
            Ok(report)
        }
        404 | 410 => {
            Err(format!("l'adresse répond {status} (introuvable) : vérifiez endpoint.url (chemin, faute de frappe)."))
        }
        405 | 501 => Err(format!(
            "l'adresse ne redirige pas, mais répond {status} à OPTIONS : le navigateur envoie cette requête (CORS) \
             avant chaque inscription, l'endpoint doit y répondre (204 et les en-têtes Access-Control-Allow-*, voir \
             docs/endpoint.md)."
        )),
        401 | 403 => Err(format!(
            "l'adresse ne redirige pas, mais refuse la requête ({status}) : pare-feu, authentification ou filtrage \
             devant l'endpoint ; il doit accepter les requêtes des téléphones (CORS, voir docs/endpoint.md)."
        )),
        500..=599 => Err(format!("l'adresse ne redirige pas, mais le serveur répond une erreur ({status}).")),
        _ => Err(format!("l'adresse ne redirige pas, mais répond {status} à OPTIONS (voir docs/endpoint.md).")),
    }
}

/// One OPTIONS over plain HTTP/1.1 (`http://`: development on loopback).
fn plain_http(target: &Target, timeout: Duration) -> Result<Answer, String> {
    let host = target.host.trim_start_matches('[').trim_end_matches(']');
    let addresses: Vec<_> = (host, target.port)
        .to_socket_addrs()
        .map_err(|e| format!("nom d'hôte introuvable (DNS) pour {} : {e}", target.host))?
        .collect();
    let first = addresses.first().ok_or_else(|| format!("nom d'hôte introuvable (DNS) : {}", target.host))?;
    let mut stream = TcpStream::connect_timeout(first, timeout).map_err(|e| connection_error(target, &e))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    let request = format!(
        "OPTIONS {} HTTP/1.1\r\nHost: {}\r\nOrigin: {ORIGIN}\r\nAccess-Control-Request-Method: POST\r\n\
         Access-Control-Request-Headers: content-type, idempotency-key\r\nUser-Agent: labo-check-endpoint\r\n\
         Connection: close\r\n\r\n",
        target.path,
        host_header(target)
    );
    stream.write_all(request.as_bytes()).map_err(|e| connection_error(target, &e))?;
    let mut raw = Vec::new();
    // The head is enough: read until its end (or the connection closes).
    let mut buffer = [0; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                raw.extend_from_slice(&buffer[..n]);
                if raw.windows(4).any(|w| w == b"\r\n\r\n") || raw.len() > 64 * 1024 {
                    break;
                }
            }
            Err(e) if raw.is_empty() => return Err(connection_error(target, &e)),
            Err(_) => break,
        }
    }
    parse_head(&String::from_utf8_lossy(&raw))
        .ok_or_else(|| format!("{} a fermé la connexion sans réponse HTTP lisible", target.origin()))
}

fn host_header(target: &Target) -> String {
    let default = if target.https { 443 } else { 80 };
    if target.port == default { target.host.clone() } else { format!("{}:{}", target.host, target.port) }
}

fn connection_error(target: &Target, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match error.kind() {
        ErrorKind::ConnectionRefused => "connexion refusée (rien n'écoute sur ce port ?)",
        ErrorKind::TimedOut | ErrorKind::WouldBlock => "pas de réponse dans le délai (pare-feu ?)",
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => "connexion coupée par le serveur",
        _ => "connexion impossible",
    };
    format!("{} : {what} ({error})", target.origin())
}

/// The status and headers of an HTTP/1.x answer's head (what `curl -D -` prints too).
fn parse_head(raw: &str) -> Option<Answer> {
    // curl prints one head per answer it got (a `100 Continue` first, a proxy's `200` for a
    // CONNECT): the last one is the endpoint's.
    let head = raw.split("\r\n\r\n").filter(|h| h.trim_start().starts_with("HTTP/")).last()?;
    let mut lines = head.trim_start().lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())).collect();
    Some(Answer { status, headers })
}

/// One OPTIONS through `curl` (`https://`): without `-L`, curl never follows a redirect.
fn with_curl(url: &str, timeout: Duration) -> Result<Answer, String> {
    let output = Command::new("curl")
        .args(["--silent", "--show-error", "--request", "OPTIONS", "--output", "/dev/null", "--dump-header", "-"])
        .args(["--max-time", &timeout.as_secs().to_string(), "--max-redirs", "0", "--proto", "=https"])
        .args(["--header", &format!("Origin: {ORIGIN}"), "--header", "Access-Control-Request-Method: POST"])
        .args(["--header", "Access-Control-Request-Headers: content-type, idempotency-key"])
        .args(["--user-agent", "labo-check-endpoint", "--", url])
        .output()
        .map_err(|e| {
            format!(
                "les adresses https:// sont vérifiées avec curl, introuvable ici ({e}) : installez curl, ou \
                 vérifiez à la main avec « curl -i -X OPTIONS {url} » (sans -L)"
            )
        })?;
    if !output.status.success() {
        let detail = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(curl_error(output.status.code(), &detail));
    }
    parse_head(&String::from_utf8_lossy(&output.stdout))
        .ok_or_else(|| "curl n'a pas rendu de réponse HTTP lisible".to_owned())
}

/// curl's exit codes that a deployer meets, in words (the curl message follows).
fn curl_error(code: Option<i32>, detail: &str) -> String {
    let what = match code {
        Some(6) => "nom d'hôte introuvable (DNS) : vérifiez le nom dans endpoint.url",
        Some(7) => "connexion impossible (serveur arrêté, port fermé, pare-feu)",
        Some(28) => "pas de réponse dans le délai",
        Some(35) => "la négociation TLS a échoué (HTTPS mal configuré sur le serveur)",
        Some(51 | 60) => {
            "certificat TLS refusé (expiré, autosigné, ou pour un autre nom) : les téléphones le refuseront aussi"
        }
        Some(52) => "le serveur a fermé la connexion sans répondre",
        Some(56) => "connexion coupée pendant la réponse",
        _ => "la requête a échoué",
    };
    format!("{what} ({detail})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    /// A tiny server on loopback: `/inscriptions` redirects to `/inscriptions/` (a trailing
    /// slash added, as nginx or Apache do), which answers the preflight; it records every
    /// request line.
    fn server() -> (u16, Arc<Mutex<Vec<String>>>) {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut raw = Vec::new();
                let mut buffer = [0; 1024];
                while !raw.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => raw.extend_from_slice(&buffer[..n]),
                    }
                }
                let line = String::from_utf8_lossy(&raw).lines().next().unwrap_or_default().to_owned();
                log.lock().unwrap().push(line.clone());
                let answer = match line.split_whitespace().nth(1).unwrap_or_default() {
                    "/inscriptions" => format!(
                        "HTTP/1.1 301 Moved Permanently\r\nLocation: http://127.0.0.1:{port}/inscriptions/\r\n\
                         Content-Length: 0\r\n\r\n"
                    ),
                    "/relative" => "HTTP/1.1 308 Permanent Redirect\r\nLocation: /ailleurs\r\n\r\n".to_owned(),
                    "/inscriptions/" => "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\
                         Access-Control-Allow-Methods: POST\r\nAccess-Control-Allow-Headers: Content-Type, Idempotency-Key\r\n\r\n"
                        .to_owned(),
                    "/sans-cors" => "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".to_owned(),
                    _ => "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".to_owned(),
                };
                let _ = stream.write_all(answer.as_bytes());
            }
        });
        (port, seen)
    }

    const SECOND: Duration = Duration::from_secs(5);

    #[test]
    fn a_trailing_slash_redirect_is_reported_with_its_location_and_never_followed() {
        let (port, seen) = server();
        let error = check(&format!("http://127.0.0.1:{port}/inscriptions"), SECOND).unwrap_err();
        assert!(error.contains(&format!("redirige (301) vers http://127.0.0.1:{port}/inscriptions/")), "{error}");
        assert!(error.contains("barre oblique"), "{error}");
        assert!(error.contains("mettez cette adresse dans endpoint.url"), "{error}");
        // One request, an OPTIONS, and the redirect was not followed.
        assert_eq!(*seen.lock().unwrap(), ["OPTIONS /inscriptions HTTP/1.1"]);
        // A relative Location is reported as a full address.
        let error = check(&format!("http://127.0.0.1:{port}/relative"), SECOND).unwrap_err();
        assert!(error.contains(&format!("redirige (308) vers http://127.0.0.1:{port}/ailleurs :")), "{error}");
        assert!(!error.contains("barre oblique"), "{error}");
    }

    #[test]
    fn an_address_that_answers_itself_passes_and_its_cors_is_looked_at() {
        let (port, seen) = server();
        let report = check(&format!("http://127.0.0.1:{port}/inscriptions/"), SECOND).unwrap();
        assert!(report.contains("répond elle-même (204), sans redirection"), "{report}");
        assert!(!report.contains("Attention"), "{report}");
        let report = check(&format!("http://127.0.0.1:{port}/sans-cors"), SECOND).unwrap();
        assert!(report.contains("Access-Control-Allow-Origin"), "{report}");
        let error = check(&format!("http://127.0.0.1:{port}/autre"), SECOND).unwrap_err();
        assert!(error.contains("répond 405 à OPTIONS"), "{error}");
        assert!(seen.lock().unwrap().iter().all(|line| line.starts_with("OPTIONS ")), "only OPTIONS");
    }

    #[test]
    fn reads_the_url_from_a_config_file() {
        let (port, _seen) = server();
        let dir = std::env::temp_dir().join(format!("labo-check-endpoint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("config.json");
        std::fs::write(
            &config,
            format!(r#"{{"endpoint": {{"url": "http://127.0.0.1:{port}/inscriptions", "timeout_seconds": 5}}}}"#),
        )
        .unwrap();
        let error = run(Path::new("/nonexistent"), &[config.display().to_string()]).unwrap_err();
        assert!(error.contains("/inscriptions/ (il manque"), "{error}");
        std::fs::write(&config, r#"{"endpoint": {}}"#).unwrap();
        assert!(run(Path::new("/"), &[config.display().to_string()]).unwrap_err().contains("endpoint.url"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn connection_errors_are_said_plainly() {
        // A port nothing listens on (bound, then closed).
        let port = TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
        let error = check(&format!("http://127.0.0.1:{port}/inscriptions"), SECOND).unwrap_err();
        assert!(error.contains("connexion refusée"), "{error}");
        assert!(curl_error(Some(6), "Could not resolve host: x").starts_with("nom d'hôte introuvable (DNS)"));
        assert!(curl_error(Some(60), "SSL certificate problem").contains("certificat TLS refusé"));
        assert!(check("ftp://x/", SECOND).unwrap_err().contains("https://"));
        // The example configuration is refused before anything is sent.
        let example = check("https://api.mission-locale.example/inscriptions", SECOND).unwrap_err();
        assert!(example.contains("adresse d'exemple") && example.contains("Rien n'a été envoyé"), "{example}");
    }

    #[test]
    fn parses_addresses_and_heads() {
        let t = Target::parse("https://contact.ml.fr/demande?x=1#frag").unwrap();
        assert_eq!(t, Target { https: true, host: "contact.ml.fr".into(), port: 443, path: "/demande?x=1".into() });
        assert_eq!(t.resolve("/demande/"), "https://contact.ml.fr/demande/");
        assert_eq!(t.resolve("//autre.fr/x"), "https://autre.fr/x");
        assert_eq!(Target::parse("http://[::1]:8080").unwrap().path, "/");
        assert_eq!(Target::parse("http://[::1]:8080").unwrap().port, 8080);
        let head = "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 301\r\nlocation: /a/\r\n\r\n";
        assert_eq!(parse_head(head).unwrap().status, 301);
        assert_eq!(parse_head(head).unwrap().header("Location"), Some("/a/"));
    }
}
