//! The static pages say what the app says.
//!
//! - index.html's start page is written at build time from the app's own components
//!   (`app::render`, tests/render.rs); here, only what the source must link.
//! - `public/confidentialite/index.html` and `public/accessibilite/index.html` are the legal
//!   pages for browsers without JavaScript (index.html's footer links to them). They are
//!   generated from the catalogue by this test (`cargo xtask typography` writes them, with
//!   `LABO_FIX=1`), from the same blocks as the app's pages (`labo::legal`).
//!
//! In all of them, a value of config.json is an element marked `data-config="key"` (with the
//! example value of `public/config.json`), and a part that depends on an optional key is marked
//! `data-config-if` / `data-config-unless`: `tools/post-build.mjs` fills in and shows the
//! deployment's (`tests/post_build.rs` checks it does).
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use labo::content::Texts;
use labo::domain::config::Config;
use labo::legal::{Inline, Page, escape, sentence};

fn inline_html(inlines: &[Inline]) -> String {
    labo::legal::inline_html(inlines, true)
}

/// The example configuration (`public/config.json`), with an endpoint the app accepts.
fn example_config() -> Config {
    let text = include_str!("../public/config.json")
        .replace("https://inscriptions.mission-locale.example/labo", "https://inscriptions.ml-havre.fr/labo");
    Config::parse(&text).unwrap()
}

/// Whether an optional key is set in `config` (the example decides which version shows first).
fn is_set(config: &Config, key: &str) -> bool {
    match key {
        "privacy.dpo_email" => config.privacy.dpo_email.is_some(),
        "privacy.transfers_outside_eu" => config.privacy.transfers_outside_eu.is_some(),
        "accessibility.multi_year_plan_url" => config.accessibility.multi_year_plan_url.is_some(),
        "accessibility.action_plan_url" => config.accessibility.action_plan_url.is_some(),
        "privacy.controller_address mission_locale.address" => config.privacy.controller_address.is_some(),
        "privacy.records_in_imilo" => config.privacy.records_in_imilo,
        "legal_notice.address mission_locale.address" => {
            config.legal_notice.address.is_some() || config.mission_locale.address.is_some()
        }
        "mission_locale.email" => config.mission_locale.email.is_some(),
        "funder" => config.funder.is_some(),
        "legal_notice.director" => config.legal_notice.director.is_some(),
        "legal_notice.host.name" => config.legal_notice.host.is_some(),
        other => panic!("unknown optional key {other}: add it here and in tools/post-build.mjs"),
    }
}

fn short_name(config: &Config) -> Inline {
    Inline::Value { keys: "mission_locale.short_name", text: config.mission_locale.short_name.clone(), capital: false }
}

fn phone(config: &Config) -> Inline {
    let phone = &config.mission_locale.phone;
    Inline::Link { href: format!("tel:{}", phone.e164()), text: phone.display(), keys: Some("mission_locale.phone") }
}

/// The footer of the static pages, as the app's (its legal links work without JavaScript).
fn footer_html(t: &Texts, config: &Config) -> String {
    let text = inline_html(&sentence(t.footer_text, &[("mission_locale", short_name(config))]));
    let call =
        inline_html(&sentence(t.footer_call, &[("mission_locale", short_name(config)), ("phone", phone(config))]));
    format!(
        r#"<footer class="site-footer">
        <p>{text}</p>
        <p>{call}</p>
        <ul class="footer-links">
          <li><a href="/confidentialite">{}</a></li>
          <li><a href="/accessibilite">{}</a></li>
          <li><a href="/mentions-legales">{}</a></li>
        </ul>
      </footer>"#,
        escape(t.footer_privacy),
        escape(t.footer_accessibility),
        escape(t.footer_legal)
    )
}

/// A legal page as a whole static document.
/// A page's description for search engines: the first sentence of its introduction that needs no
/// value of config.json.
fn description(intro: &str) -> &str {
    intro.split_inclusive(". ").find(|sentence| !sentence.contains('{')).unwrap_or(intro).trim()
}

fn legal_html(t: &Texts, page: &Page, config: &Config, intro: &str) -> String {
    let blocks = labo::legal::html(page, Some(&|key: &str| is_set(config, key)));
    format!(
        r##"<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'">
    <meta name="referrer" content="no-referrer">
    <title>{title}{suffix}</title>
    <meta name="description" content="{description}">
    <link rel="stylesheet" href="/style.css">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  </head>
  <body>
    <!-- For browsers without JavaScript: written by `cargo xtask typography` from
         content/i18n/fr.toml (tests/static_page.rs), completed from config.json by
         tools/post-build.mjs. Do not edit: edit the catalogue. -->
    <div id="static-page">
      <a class="skip-link" href="#contenu">{skip}</a>
      <header class="site-header">
        <a class="brand" href="/">{name}</a>
      </header>
      <main id="contenu" tabindex="-1">
        <h1 id="page-title" tabindex="-1">{h1}</h1>{blocks}
        <p class="back-link"><a href="/">{home}</a></p>
      </main>
      {footer}
    </div>
  </body>
</html>
"##,
        title = escape(page.page_title),
        suffix = escape(t.app_title_suffix),
        description = escape(description(intro)),
        skip = escape(t.app_skip_link),
        name = escape(t.app_name),
        h1 = escape(page.title),
        home = escape(t.not_found_home),
        footer = footer_html(t, config),
    )
}

/// Compares a generated file with what it should be, or writes it with `LABO_FIX=1`.
fn check_generated(path: &str, expected: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("LABO_FIX").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, expected).unwrap();
    }
    let actual = std::fs::read_to_string(&full).unwrap_or_default();
    if actual != expected {
        let line = actual.lines().zip(expected.lines()).position(|(a, e)| a != e).unwrap_or(0);
        panic!(
            "{path} is not what content/i18n/fr.toml says (first difference at line {}):\n  is:        {:?}\n  should be: {:?}\nrun `cargo xtask typography` to write it",
            line + 1,
            actual.lines().nth(line).unwrap_or_default(),
            expected.lines().nth(line).unwrap_or_default()
        );
    }
}

#[test]
fn the_static_legal_pages_say_what_the_app_says() {
    let t = labo::content::LANGUAGES[0];
    let config = example_config();
    let privacy = labo::legal::privacy_notice(t, &config, true);
    check_generated("public/confidentialite/index.html", &legal_html(t, &privacy, &config, t.privacy_intro));
    let statement = labo::legal::accessibility_statement(t, &config, true);
    check_generated("public/accessibilite/index.html", &legal_html(t, &statement, &config, t.accessibility_intro));
    let notice = labo::legal::legal_notice(t, &config, true);
    check_generated("public/mentions-legales/index.html", &legal_html(t, &notice, &config, t.legal_intro));
}

#[test]
fn the_static_legal_pages_are_published_with_the_app() {
    let index = include_str!("../index.html");
    for folder in ["public/confidentialite", "public/accessibilite", "public/mentions-legales"] {
        assert!(index.contains(&format!(r#"<link data-trunk rel="copy-dir" href="{folder}">"#)), "{folder}");
    }
}

#[test]
fn the_counsellors_static_page_says_what_their_app_says() {
    let html = include_str!("../conseillers.html");
    let t = labo::content::LANGUAGES[0];
    for text in [t.app_name, t.app_skip_link, t.counsellor_title, t.counsellor_intro] {
        assert!(html.contains(&escape(text)), "conseillers.html lacks: {text}");
    }
    assert!(html.contains(&format!(
        "<title>{}{}</title>",
        escape(t.counsellor_page_title),
        escape(t.app_title_suffix)
    )));
    assert!(html.contains(r#"data-bin="conseillers""#), "its own wasm, not the young people's");
}

#[test]
fn the_other_languages_are_files_the_app_fetches_when_chosen() {
    // The app compiles French in; every other language is public/i18n/<code>.json, read by
    // `content::decode` when a young person chooses it (or their browser asks for it).
    for &(code, _) in &labo::content::LANGUAGE_NAMES[1..] {
        let texts = labo::content::language(code).unwrap();
        let json = labo::content::encode(texts);
        check_generated(&format!("public/i18n/{code}.json"), &format!("{json}\n"));
        assert_eq!(labo::content::decode(&json).as_ref(), Some(texts), "{code}: read back as written");
    }
    // Another build's file (a question more or less) is refused, not half read.
    let mut json = labo::content::encode(labo::content::LANGUAGES[1]);
    json.as_array_mut().unwrap().pop();
    assert_eq!(labo::content::decode(&json), None);
}

#[test]
fn a_language_file_of_another_deploy_is_refused_not_misread() {
    // Texts are matched by position: after a key renamed, added or moved, an app of the last
    // deploy reading this deploy's file (or a cached file meeting a new app) would put them in
    // the wrong places. The file's first item is the catalogue's shape; another shape is refused
    // (the app stays in French and says why in the console).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/i18n/en.json");
    let published: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let english = labo::content::language("en").unwrap();
    assert_eq!(labo::content::decode(&published).as_ref(), Some(english), "today's en.json is read");
    let mut other = published.clone();
    other[0] = "labo-texts 0123456789abcdef".into();
    assert_eq!(labo::content::decode(&other), None, "a file of another shape, same length");
    // A file without any shape (every build before it): refused too.
    let mut unmarked = published.clone();
    unmarked[0] = published[1].clone();
    assert_eq!(labo::content::decode(&unmarked), None);
}
