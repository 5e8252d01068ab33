//! The app's pages as HTML, rendered natively from the same components the app mounts (issue
//! 21): a fixed address, an empty journey and an empty outbox, the deployment's config.json.
//! Effects do not run here, and nothing touches a browser.

use std::path::Path;
use std::sync::Arc;

use leptos::prelude::*;

use super::components::Layout;
use super::outbox::OutboxState;
use super::router::Location;
use super::state::{AppConfig, AppTerritory, Journey, Language};
use crate::content::Texts;
use crate::domain::config::Config;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::route::Route;
use crate::domain::territory::Territory;

/// Where the page's document title is put while rendering (`use_page_title`).
#[derive(Clone, Copy)]
pub struct Title(pub StoredValue<String>);

/// A page rendered: its markup (skip link, header, main, footer) and its document title.
pub struct Rendered {
    pub body: String,
    pub title: String,
}

/// The page at `path` in `texts`' language, header and footer included, as the app would show
/// it to a young person who has typed nothing yet.
pub fn page(texts: &'static Texts, config: Arc<Config>, territory: Arc<Territory>, path: &str) -> String {
    rendered(texts, config, territory, path).body
}

/// [`page`], with its document title.
pub fn rendered(texts: &'static Texts, config: Arc<Config>, territory: Arc<Territory>, path: &str) -> Rendered {
    let owner = Owner::new();
    owner.with(|| {
        let title = Title(StoredValue::new(String::new()));
        provide_context(title);
        let language = Language::fixed(texts);
        provide_context(language);
        let phone = config.mission_locale.phone.clone();
        let short_name = config.mission_locale.short_name.clone();
        provide_context(AppConfig(config));
        provide_context(AppTerritory(territory));
        Journey::empty();
        OutboxState::empty();
        Location::fixed(path);
        let path = path.to_owned();
        let html = view! { <Layout phone=phone short_name=short_name>{super::page_at(&path)}</Layout> }.to_html();
        // Leptos' hydration marks: this markup is replaced by the app, never hydrated.
        let body = html.replace("<!>", "").replace("<!--<() />-->", "");
        Rendered { body, title: title.0.get_value() }
    })
}

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

/// Paints every page a link opens without answers ([`Route::painted`]: the start page, the
/// sign-up's first page, each question, the legal pages, the not-found page) into the built
/// site `dir` (`src/bin/labo-render.rs`); returns how many.
pub fn paint(dir: &Path) -> Result<usize, String> {
    let index = read(dir, "index.html")?;
    // The endpoint is not on any page (and a fresh checkout's is an example address, which the
    // app refuses): painted with a stand-in, nothing is ever sent from here.
    let mut json: serde_json::Value = crate::domain::json::parse_value(&read(dir, "config.json")?)
        .map_err(|e| format!("config.json is not JSON: {e}"))?;
    if let Some(endpoint) = json.get_mut("endpoint").and_then(|e| e.as_object_mut()) {
        endpoint.insert("url".into(), "http://localhost/labo-render".into());
    }
    let config = Config::parse(&json.to_string()).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {} : {}", p.key, p.message)).collect();
        format!("config.json cannot be read, so no page can be painted:\n{}", list.join("\n"))
    })?;
    let communes = config.territory.communes_url.trim_start_matches('/').to_owned();
    let territory = Territory::parse(&read(dir, &communes)?)
        .map_err(|problems| format!("{communes} cannot be read: {}", problems.join("; ")))?;
    let texts = crate::content::LANGUAGES[0];
    let notices = notices(texts, &config);
    let (config, territory) = (Arc::new(config), Arc::new(territory));
    // The start page first: index.html itself, which every other page copies.
    let start = rendered(texts, config.clone(), territory.clone(), "/");
    let index = painted(&index, "/", &start, &notices)?;
    std::fs::write(dir.join("index.html"), &index).map_err(|e| format!("index.html: {e}"))?;
    // The pages of an earlier build (a question more, then) go first.
    let _ = std::fs::remove_dir_all(dir.join("test"));
    let routes = Route::painted(QUESTIONNAIRE.questions.len());
    // The start page is index.html itself, written above.
    for route in routes.iter().filter(|route| **route != Route::Start) {
        let (path, name) = (route.path(), route.painted_file());
        let page = rendered(texts, config.clone(), territory.clone(), &path);
        let file = dir.join(&name);
        std::fs::create_dir_all(file.parent().unwrap_or(dir)).map_err(|e| e.to_string())?;
        std::fs::write(&file, painted(&index, &path, &page, &notices)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        // A precompressed copy of an earlier build would be served instead.
        for extension in ["br", "gz"] {
            let _ = std::fs::remove_file(dir.join(format!("{name}.{extension}")));
        }
    }
    std::fs::write(dir.join("_redirects"), redirects()).map_err(|e| format!("_redirects: {e}"))?;
    Ok(routes.len())
}

/// `_redirects` (Netlify, Cloudflare Pages): the app's pages without a painted copy are answered
/// with its shell; every other unknown address gets 404.html, the painted not-found page, which
/// both hosts serve with a 404 by themselves.
fn redirects() -> String {
    let mut lines = vec![
        "# Written by labo-render (src/app/render.rs): the app's pages that need answers on the device.".to_owned(),
    ];
    lines.extend(Route::shell_only().map(|route| format!("{} /index.html 200", route.path())));
    lines.push(String::new());
    lines.join("\n")
}

/// What a painted page says without JavaScript, and when the app cannot load (shown by
/// tools/boot.js), with the phone as a tap-to-call link; the empty status line boot.js fills
/// while loading.
fn notices(t: &Texts, config: &Config) -> String {
    let escape = crate::legal::escape;
    let phone = &config.mission_locale.phone;
    let sentence = |template: &str| {
        let text = crate::content::fill_mission_locale(t, template, &config.mission_locale.short_name);
        let (before, after) = crate::content::around(&text, "phone");
        format!(r#"{}<a href="tel:{}">{}</a>{}"#, escape(before), phone.e164(), escape(&phone.display()), escape(after))
    };
    format!(
        r#"<noscript><p class="notice">{}</p></noscript><p class="visually-hidden" id="app-loading" role="status"></p><p class="notice notice-error" id="app-failed" role="alert" tabindex="-1" hidden>{}</p>"#,
        sentence(t.app_noscript),
        sentence(t.app_load_failed)
    )
}

/// index.html with `page` as its static page, the `notices` at the top of its content.
fn painted(index: &str, path: &str, page: &Rendered, notices: &str) -> Result<String, String> {
    let start = index.find(r#"<div id="static-page""#).ok_or("index.html has no #static-page")?;
    let body_end = index.find("</body>").ok_or("index.html has no </body>")?;
    let end = index[..body_end].rfind("</div>").ok_or("index.html's #static-page is not closed")?;
    let main = page.body.find("<main").and_then(|m| page.body[m..].find('>').map(|e| m + e + 1));
    let main = main.ok_or_else(|| format!("{path} has no <main>"))?;
    let body = format!("{}{notices}{}", &page.body[..main], &page.body[main..]);
    // index.html's inline script reads which page this file paints: without the mark it would
    // take every painted page for the start page.
    let mark = r#"<meta name="labo-page" content="/">"#;
    if !index[..start].contains(mark) {
        return Err(format!("index.html has no {mark}"));
    }
    let head = index[..start].replace(mark, &format!(r#"<meta name="labo-page" content="{path}">"#));
    let title = crate::legal::escape(&page.title);
    let head = match (head.find("<title>"), head.find("</title>")) {
        (Some(open), Some(close)) => format!("{}<title>{title}{}", &head[..open], &head[close..]),
        _ => return Err("index.html has no <title>".into()),
    };
    Ok(format!(r#"{head}<div id="static-page" data-hold-taps>{body}{}"#, &index[end..]))
}
