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
    assert_eq!(
        count,
        6 + QUESTIONNAIRE.questions.len(),
        "the start page, /inscription, each question, 3 legal pages, the not-found page"
    );
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
    // What a static host serves for an address it does not know (deploy/nginx.conf).
    let not_found = std::fs::read_to_string(dir.join("404.html")).unwrap();
    assert!(not_found.contains(r#"<meta name="labo-page" content="/404">"#));
    assert!(not_found.contains("<title>Page introuvable – Lab’O</title>"), "{not_found}");
    assert!(element(&not_found, r#"<main id="contenu""#, "main").contains("Cette page n’existe pas</h1>"));
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

#[test]
fn the_start_page_is_written_into_index_html_from_the_app_and_fits_in_the_first_round_trip() {
    let dir = site_with(include_str!("../public/config.json"));
    render::paint(&dir).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    // The source's head stays (Trunk's links, the inline script); the body is the app's page.
    assert!(index.contains(r#"<meta name="labo-page" content="/">"#));
    assert!(index.contains(r#"<link data-trunk rel="rust" data-bin="labo""#));
    assert!(index.contains("<title>Lab’O – Mission Locale du Havre</title>"));
    let main = element(&index, r#"<main id="contenu""#, "main");
    let app = french("/");
    let app_main = element(&app, r#"<main id="contenu""#, "main");
    assert!(main.ends_with(&app_main[app_main.find('>').unwrap() + 1..]), "the app's start page, to the letter");
    // Without JavaScript, or when the app cannot load: the phone, as a link.
    let noscript = element(main, "<noscript>", "noscript");
    assert!(noscript.contains("active JavaScript dans ton navigateur, ou appelle la Mission Locale au"), "{noscript}");
    assert!(noscript.contains(r#"<a href="tel:+33261910000">02 61 91 00 00</a>"#), "{noscript}");
    let failed = element(main, r#"<p class="notice notice-error" id="app-failed""#, "p");
    assert!(failed.contains(" hidden>L’application n’a pas pu se charger.") && failed.contains("tel:+33261910000"));
    // French typography reaches the page: the catalogue's and config.json's texts are typeset.
    for text in main.split(['<', '>']).skip(1).step_by(2).filter(|t| !t.trim().is_empty()) {
        assert_eq!(labo::domain::typography::french(text), text, "typeset");
    }
    // One TCP flight (~14 KB) brings the whole start page.
    use std::io::Write;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(index.as_bytes()).unwrap();
    let compressed = gzip.finish().unwrap().len();
    assert!(compressed < 14 * 1024, "index.html is {compressed} bytes gzipped; the first TCP flight is ~14 KB");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_deployments_values_are_in_the_painted_pages_as_the_app_shows_them() {
    let mut config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    config["mission_locale"]["short_name"] = "la Mission Locale du Havre".into();
    config["mission_locale"]["phone"] = "+33 2 35 12 34 56".into();
    config["territory"]["description"] = "au Havre ou dans l'agglo : Fécamp".into();
    config["pathways"] = serde_json::json!({ "collective": "le mardi : 3 mois" });
    config["brand"] = serde_json::json!({ "logo": { "src": "/images/logo.svg", "width": 120, "height": 40 } });
    config.as_object_mut().unwrap().remove("funder");
    let dir = site_with(&config.to_string());
    render::paint(&dir).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let territory = element(&index, "<li>tu habites", "li");
    assert_eq!(
        territory, "<li>tu habites <span lang=\"fr\">au Havre ou dans l’agglo\u{a0}: Fécamp</span>.</li>",
        "typeset"
    );
    assert!(index.contains("<span lang=\"fr\">le mardi\u{a0}: 3 mois</span>"));
    assert!(index.contains(r#"<a href="tel:+33235123456">02 35 12 34 56</a>"#), "the number as the app writes it");
    assert!(index.contains("appelle la Mission Locale du Havre au"));
    assert!(!index.contains("soutenu par"), "no funder given, none said");
    assert!(
        index.contains(r#"<img src="/images/logo.svg" width="120" height="40" alt="" class="brand-logo">"#),
        "the logo"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_legal_pages_are_painted_with_the_deployments_values_and_only_what_they_call_for() {
    let mut config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    config["privacy"]["controller"] = "Mission Locale de l'Estuaire".into();
    config["privacy"].as_object_mut().unwrap().remove("dpo_email");
    config["privacy"]["transfers_outside_eu"] = "sauvegardes au Canada ; chiffrées".into();
    config["privacy"]["records_in_imilo"] = false.into();
    config["accessibility"].as_object_mut().unwrap().remove("action_plan_url");
    config["legal_notice"] = serde_json::json!({ "host": { "name": "Hébergeur d'essai", "address": "2 rue du Port, 59100 Roubaix", "phone": "+33 9 00 00 00 00" } });
    let dir = site_with(&config.to_string());
    render::paint(&dir).unwrap();
    let read = |page: &str| std::fs::read_to_string(dir.join(page)).unwrap();

    let privacy = read("confidentialite/index.html");
    assert!(privacy.contains(r#"<meta name="labo-page" content="/confidentialite">"#));
    assert!(privacy.contains("<title>Données personnelles – Lab’O</title>"));
    assert!(privacy.contains("Le responsable de tes données est\u{a0}: Mission Locale de l’Estuaire."), "typeset");
    assert!(!privacy.contains("délégué à la protection des données"), "no DPO given, no DPO line");
    assert!(privacy.contains("sauvegardes au Canada\u{202f}; chiffrées"));
    assert!(!privacy.contains("aucun pays en dehors"), "one version only, not a hidden other one");
    assert!(!privacy.contains("i-milo"), "not named unless config.json says so");
    assert_eq!(privacy.matches(" hidden>").count(), 1, "nothing hidden but the cannot-load message");

    let statement = read("accessibilite/index.html");
    assert!(statement.contains("<h1 id=\"page-title\" tabindex=\"-1\">Déclaration d’accessibilité</h1>"));
    assert_eq!(statement.matches("pas encore publié").count(), 1, "the action plan only");

    let notice = read("mentions-legales/index.html");
    assert!(notice.contains("Le site est hébergé par Hébergeur d’essai, 2 rue du Port, 59100 Roubaix."), "{notice}");
    assert_eq!(notice.matches("Pas encore indiqué sur cette page").count(), 1, "the director only");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_field_is_wired_to_its_label_hint_and_error_by_the_one_field_wrapper() {
    let page = french("/inscription");
    // A group: the fieldset is described by the hint, its inputs are not described twice.
    let birth = element(&page, r#"<div class="field""#, "fieldset");
    assert!(birth.contains(r#"<fieldset aria-describedby="birth-hint">"#), "{birth}");
    assert!(birth.contains(r#"<p id="birth-hint" class="hint">"#), "{birth}");
    for id in ["birth-day", "birth-month", "birth-year"] {
        let input = element(birth, &format!(r#"id="{id}""#), "div");
        assert!(input.contains(r#"inputmode="numeric""#) && !input.contains("aria-describedby"), "{input}");
    }
    let school = element(&page, r#"<fieldset aria-describedby="school-hint">"#, "fieldset");
    assert!(school.contains(r#"id="school-no""#) && school.contains(r#"<label for="school-no">"#), "{school}");
    // A single input: described by its hint; no error shown, so none named and none marked.
    let commune = element(&page, r#"<div class="field commune-field""#, "fieldset");
    assert!(commune.contains(r#"<label for="commune">"#), "{commune}");
    let input = element(commune, r#"id="commune""#, "p");
    assert!(input.contains(r#"aria-describedby="commune-hint""#) && !input.contains("aria-invalid"), "{input}");
    assert!(commune.contains(r#"id="commune-elsewhere""#) && commune.contains(r#"<label for="commune-elsewhere">"#));
    assert!(!page.contains("-error"), "no error before Continuer");
}
