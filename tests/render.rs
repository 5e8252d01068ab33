//! The app's pages rendered natively, without a browser (issue 21, first step): the app's own
//! components, a fixed address, an empty journey, the example config.json. What the static
//! pages are to be written from; until then, they are checked against it.
#![cfg(feature = "render")]
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use labo::app::render;
use labo::domain::config::Config;
use labo::domain::questionnaire::QUESTIONNAIRE;
use labo::domain::territory::Territory;

fn territory() -> Arc<Territory> {
    Arc::new(Territory::parse(include_str!("../public/communes.json")).unwrap())
}

fn example_config() -> Arc<Config> {
    let text = include_str!("../public/config.json")
        .replace("https://inscriptions.mission-locale.example/labo", "https://inscriptions.ml-havre.fr/labo");
    Arc::new(Config::parse(&text).unwrap())
}

fn french(path: &str) -> String {
    render::page(labo::content::LANGUAGES[0], example_config(), territory(), path)
}

/// The words of some HTML, as a reader gets them: comments and tags out, spaces collapsed.
fn words(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let end = if rest[start..].starts_with("<!--") {
            rest[start..].find("-->").map(|e| e + 3)
        } else {
            rest[start..].find('>').map(|e| e + 1)
        };
        rest = &rest[start + end.unwrap_or(rest.len() - start)..];
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace(" .", ".").replace(" ,", ",")
}

/// The part of `html` from `from` to the end of the element `tag` it opens.
fn element<'a>(html: &'a str, from: &str, tag: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let end = html[start..].find(&format!("</{tag}>")).unwrap() + start + tag.len() + 3;
    &html[start..end]
}

#[test]
fn every_page_a_link_opens_without_answers_renders_natively() {
    let mut paths = vec!["/".to_owned(), "/inscription".to_owned(), "/confidentialite".to_owned()];
    paths.extend(["/accessibilite", "/mentions-legales", "/nulle-part"].map(String::from));
    paths.extend((1..=QUESTIONNAIRE.questions.len()).map(|n| format!("/test/{n}")));
    for path in paths {
        let html = french(&path);
        assert!(html.contains(r#"<h1 id="page-title" tabindex="-1""#), "{path}: its heading\n{html}");
        assert!(html.contains(r#"<a href="/mentions-legales">Mentions légales</a>"#), "{path}: the footer");
        assert!(html.contains(r#"<a href="tel:+33261910000">02 61 91 00 00</a>"#), "{path}: the phone");
    }
    assert!(french("/test/4").contains("Question 4 sur 16"));
    assert!(french("/nulle-part").contains("Cette page n’existe pas"));
    let english = render::page(labo::content::language("en").unwrap(), example_config(), territory(), "/");
    assert!(english.contains(r#"you live <span lang="fr">au Havre, à Fécamp ou dans une commune autour</span>."#));
}

#[test]
fn the_hand_written_start_page_says_what_the_rendered_one_says() {
    // Until index.html is written from the render, its words are the render's, to the letter
    // (what the browser-less visitor reads is what the app shows).
    let index = include_str!("../index.html");
    let main = element(index, r#"<main id="contenu""#, "main");
    // What only the static page has: the no-JavaScript and loading messages.
    let main = main.replace(element(main, "<noscript>", "noscript"), "");
    let main = main.replace(element(&main, r#"<p class="visually-hidden" id="app-loading""#, "p"), "");
    let main = main.replace(element(&main, r#"<p class="notice notice-error" id="app-failed""#, "p"), "");
    let rendered = french("/");
    assert_eq!(words(&main), words(element(&rendered, r#"<main id="contenu""#, "main")));
    assert_eq!(
        words(element(index, r#"<footer class="site-footer">"#, "footer")),
        words(element(&rendered, r#"<footer class="site-footer">"#, "footer"))
    );
}

/// A built site's folder with what `paint` reads: index.html, config.json (`config`), the
/// communes.
fn site_with(config: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("labo-render-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("test")).unwrap();
    std::fs::write(dir.join("index.html"), include_str!("../index.html")).unwrap();
    std::fs::write(dir.join("communes.json"), include_str!("../public/communes.json")).unwrap();
    std::fs::write(dir.join("config.json"), config).unwrap();
    // A page of an earlier build with one question more: it must not stay.
    std::fs::write(dir.join("test/99.html"), "old").unwrap();
    dir
}

#[test]
fn the_pages_a_link_opens_are_painted_into_the_site_without_a_browser() {
    // The example config.json, example endpoint included (the painted pages never show it).
    let dir = site_with(include_str!("../public/config.json"));
    let count = render::paint(&dir).unwrap();
    assert_eq!(count, 1 + QUESTIONNAIRE.questions.len());
    assert!(!dir.join("test/99.html").exists(), "an earlier build's page is gone");
    let page = std::fs::read_to_string(dir.join("test/4.html")).unwrap();
    assert!(page.contains(r#"<meta name="labo-page" content="/test/4">"#), "read by index.html's inline script");
    assert!(page.contains("<title>Question 4 sur 16 – Lab’O</title>"), "its own title");
    assert!(page.contains(r##"<div id="static-page" data-hold-taps><a href="#contenu" class="skip-link">"##));
    let main = element(&page, r#"<main id="contenu""#, "main");
    assert!(main.contains("<noscript>") && main.contains(r#"id="app-failed""#), "the start page's notices");
    assert!(
        main.contains(r#"<button type="submit" data-tap="submit" class="button button-primary">Continuer</button>"#)
    );
    assert!(!page.contains("<!>"), "no hydration marks: the app replaces this markup");
    assert!(page.contains("</html>") && page.matches("<body>").count() == 1, "one whole document");
    let signup = std::fs::read_to_string(dir.join("inscription.html")).unwrap();
    assert!(signup.contains("<title>Vérifions que le Lab’O est fait pour toi – Lab’O</title>"), "{signup}");
    assert!(signup.contains(r#"<label for="birth-day">Jour</label>"#));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_config_it_cannot_read_fails_the_painting_with_its_problems() {
    let dir = site_with(r#"{ "endpoint": { "url": "https://x.fr/" }, "mission_locale": { "name": "ML" } }"#);
    let error = render::paint(&dir).unwrap_err();
    assert!(error.contains("mission_locale.phone") && error.contains("privacy"), "{error}");
    let dir = site_with("{ pas du JSON");
    assert!(render::paint(&dir).unwrap_err().contains("config.json is not JSON"));
}
