//! Where and how sign-ups are sent, and what an endpoint's address must be.

use serde_json::{Map, Value};

use crate::domain::wire::{Format, Mapping};

use super::reader::Reader;

/// Where and how sign-ups are sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    /// Absolute URL the sign-up is POSTed to.
    pub url: String,
    /// The wire format of the body (see [`wire`]).
    pub format: Format,
    /// Our fields → the endpoint's field names, and constant fields; `None` sends our contract.
    pub mapping: Option<Mapping>,
    /// How long one attempt may take before it is abandoned.
    pub timeout_seconds: u32,
}

impl Endpoint {
    /// The settings to keep on the device (`labo.endpoint`, no personal data), in the shape of
    /// config.json's `endpoint` section, so that sign-ups still leave on the day config.json is
    /// broken.
    pub fn to_storage(&self) -> String {
        // Built by insertion: collecting into a map would pull std's stable sort into the wasm.
        let pairs = |pairs: &[(String, String)]| {
            let mut object = Map::new();
            for (name, value) in pairs {
                object.insert(name.clone(), Value::String(value.clone()));
            }
            Value::Object(object)
        };
        let mut object = Map::new();
        object.insert("url".into(), Value::String(self.url.clone()));
        object.insert("format".into(), Value::String(self.format.name().into()));
        object.insert("timeout_seconds".into(), self.timeout_seconds.into());
        if let Some(mapping) = &self.mapping {
            object.insert("fields".into(), pairs(&mapping.fields));
            object.insert("constants".into(), pairs(&mapping.constants));
        }
        Value::Object(object).to_string()
    }

    /// Reads kept settings back, checked exactly like config.json's; `None` if anything is wrong
    /// (then the outbox waits for a configuration that loads).
    pub fn from_storage(text: &str) -> Option<Endpoint> {
        let value = crate::domain::json::parse_value(text).ok()?;
        let mut problems = Vec::new();
        let endpoint = Reader { problems: &mut problems }.endpoint(value.as_object()?);
        endpoint.filter(|_| problems.is_empty())
    }
}

/// The origin of an absolute URL (`https://host:port`), lower-cased.
pub fn origin(url: &str) -> String {
    url.split('/').take(3).collect::<Vec<_>>().join("/").to_ascii_lowercase()
}

/// Whether a Content-Security-Policy lets the page POST to the endpoint whose *origin* (as the
/// browser's URL parser gives it: no default port, punycode host) is `endpoint_origin`, from a
/// page at `page_origin`: its `connect-src` (or else `default-src`) must list that origin, `*`,
/// or its scheme (`https:`), or `'self'` for the page's own origin. A policy without either
/// directive allows everything.
pub fn csp_allows_connect(policy: &str, endpoint_origin: &str, page_origin: &str) -> bool {
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(name).filter(|rest| rest.is_empty() || rest.starts_with(' ')))
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else { return true };
    let target = endpoint_origin.trim_end_matches('/').to_ascii_lowercase();
    let scheme = target.split("//").next().unwrap_or_default().to_owned();
    sources.split_whitespace().any(|source| {
        let source = source.to_ascii_lowercase();
        source == "*"
            || source == scheme
            || source.trim_end_matches('/') == target
            || (source == "'self'" && target == origin(page_origin))
    })
}

/// Whether a host name is a placeholder that must never receive personal data: the names
/// reserved for examples and tests (RFC 2606, RFC 6761: `*.example`, `*.invalid`, `*.test`,
/// `example.com`, `.net`, `.org`), and the French look-alikes `exemple.fr`, `.com`, `.org`,
/// `.net`, which are real domains anyone can own and which earlier example files used.
pub fn is_placeholder_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    ["example", "invalid", "test"].iter().any(|tld| under(tld))
        || ["example.com", "example.net", "example.org", "exemple.fr", "exemple.com", "exemple.org", "exemple.net"]
            .iter()
            .any(|domain| under(domain))
}

/// An endpoint must be HTTPS: sign-ups carry personal data. Plain HTTP is allowed only on the
/// local machine, for development and tests.
pub(super) fn check_endpoint_url(url: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("« {url} » n'est pas utilisable : {why}"));
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("une adresse ne contient pas d'espace.");
    }
    let (rest, local_only) = if let Some(rest) = url.strip_prefix("https://") {
        (rest, false)
    } else if let Some(rest) = url.strip_prefix("http://") {
        (rest, true)
    } else {
        return bad("l'adresse doit commencer par https://.");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad("l'adresse ne doit pas contenir d'identifiant ni de mot de passe.");
    }
    if url.contains('#') {
        return bad("l'adresse ne doit pas contenir de « # ».");
    }
    let host = if authority.starts_with('[') {
        authority.split(']').next().map(|h| format!("{h}]")).unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default().to_owned()
    };
    if host.is_empty() {
        return bad("il manque le nom du serveur après https://.");
    }
    if is_placeholder_host(&host) {
        return bad(
            "c'est une adresse d'exemple, pas celle du service d'inscription de la mission locale : remplacez-la. Tant qu'elle est là, aucune inscription n'est envoyée.",
        );
    }
    if local_only && !matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]") {
        return bad(
            "l'adresse doit commencer par https:// (http:// n'est accepté que pour localhost, en développement).",
        );
    }
    Ok(())
}
