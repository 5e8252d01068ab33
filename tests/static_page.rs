//! The static files say what the app says.
//!
//! - The start page, the pages a link opens and the legal pages are painted at build time from
//!   the app's own components (`app::render`, tests/render.rs).
//! - conseillers.html, the counsellors' page before their app arrives, says what it says.
//! - The other languages are files the app fetches (`public/i18n/<code>.json`), generated here
//!   from the catalogue (`cargo xtask typography` writes them, with `LABO_FIX=1`).
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use labo::legal::escape;

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
