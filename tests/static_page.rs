//! index.html carries the start page as static HTML, so the first paint never waits for the
//! wasm and the page reads without JavaScript. It must say exactly what the app says (the app
//! takes over without a visible jump) and stay within the first round trip (~14 KB).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn the_static_start_page_says_what_the_app_says() {
    let index = include_str!("../index.html");
    let t = labo::content::LANGUAGES[0];
    let config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    let territory = config["territory"]["description"].as_str().unwrap();
    let count = labo::domain::questionnaire::QUESTIONNAIRE.questions.len().to_string();
    let mut expected = vec![
        t.app_name.to_owned(),
        t.app_skip_link.to_owned(),
        t.start_title.to_owned(),
        t.start_intro.to_owned(),
        t.start_take_test.to_owned(),
        t.start_signup_direct.to_owned(),
        t.start_figures.to_owned(),
        t.start_for_whom_title.to_owned(),
        labo::content::fill(t.start_for_whom_territory, &[("territory", territory)]),
        t.start_pathways_title.to_owned(),
        t.start_pathways_intro.to_owned(),
        t.start_test_title.to_owned(),
        labo::content::fill(t.start_test_text, &[("count", &count)]),
        t.start_after_title.to_owned(),
        t.footer_text.to_owned(),
    ];
    expected.extend(t.start_for_whom.iter().map(|s| (*s).to_owned()));
    expected.extend(t.start_after_steps.iter().map(|s| (*s).to_owned()));
    for p in t.pathways {
        expected.push(format!("<strong>{}</strong> : {}", escape(p.name), escape(p.summary)));
    }
    for other in labo::content::LANGUAGES.iter().skip(1) {
        expected.push(format!("lang=\"{}\">{}</button>", other.meta_lang, other.meta_name));
    }
    for text in expected {
        let text = if text.contains("<strong>") || text.contains("<button") || text.contains("lang=") {
            text
        } else {
            escape(&text)
        };
        assert!(index.contains(&text), "index.html lacks: {text}");
    }
    assert!(index.contains(r#"<h1 id="page-title" tabindex="-1">"#), "same heading markup as the app");
}

#[test]
fn index_html_fits_in_the_first_round_trip() {
    let index = include_str!("../index.html");
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(index.as_bytes()).unwrap();
    let compressed = gzip.finish().unwrap().len();
    assert!(compressed < 14 * 1024, "index.html is {compressed} bytes gzipped; the first TCP flight is ~14 KB");
}

#[test]
fn the_counsellors_static_page_says_what_their_app_says() {
    let html = include_str!("../conseillers.html");
    let t = labo::content::LANGUAGES[0];
    for text in [t.app_name, t.app_skip_link, t.counsellor_title, t.counsellor_intro] {
        assert!(html.contains(&escape(text)), "conseillers.html lacks: {text}");
    }
    assert!(html.contains(&format!("<title>{}{}</title>", t.counsellor_page_title, t.app_title_suffix)));
    assert!(html.contains(r#"data-bin="conseillers""#), "its own wasm, not the young people's");
}
