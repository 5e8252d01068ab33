//! tools/post-build.mjs fills the deployment's config.json into the static legal pages, typeset
//! in French like the app does (the start page and the painted pages are rendered natively from
//! it: tests/render.rs). Runs Node.js (needed by the build anyway) on a copy of the pages.
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;

use labo::domain::typography::french;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node(args: &[&str], stdin: &str) -> String {
    let output = node_output(args, stdin);
    assert!(output.status.success(), "node {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn node_output(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new("node")
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Node.js runs the build's post-build step: install it (see README.md)");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_build_typesets_like_the_app() {
    // Every French text of the catalogue with its typography undone, and some harder cases.
    let catalogue: toml::Table = std::fs::read_to_string(root().join("content/i18n/fr.toml")).unwrap().parse().unwrap();
    let mut samples = Vec::new();
    fn walk(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::String(s) => out.push(s.replace(['\u{a0}', '\u{202f}'], " ").replace('’', "'")),
            toml::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            toml::Value::Table(t) => t.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&toml::Value::Table(catalogue), &mut samples);
    samples.extend(
        [
            "Mission Locale de l'Estuaire : Le Havre",
            "«Maison de l'emploi» ; 2 000 km ! 12 h 30, n° 5, 200 % ?",
            " : début",
            "écris à o'brien@exemple.fr ou va sur https://exemple.fr/l'aide?x=1 !",
            "{x} ? {y'z}",
            "9 heures, 16 h, 1 000 000 €",
            "",
        ]
        .map(String::from),
    );
    assert!(samples.len() > 300);
    let script = format!(
        "import {{ readFileSync }} from 'node:fs'; import {{ french }} from '{}';\n\
         process.stdout.write(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map(french)));",
        url(&root().join("tools/typography.mjs"))
    );
    let from_node: Vec<String> =
        serde_json::from_str(&node(&["--input-type=module", "-e", &script], &serde_json::to_string(&samples).unwrap()))
            .unwrap();
    for (sample, js) in samples.iter().zip(&from_node) {
        assert_eq!(js, &french(sample), "tools/typography.mjs and domain::typography differ on {sample:?}");
    }
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A dist/ folder with the static pages as Trunk copies them, and `config` as config.json.
fn dist_with(config: &serde_json::Value) -> PathBuf {
    // One folder per test: they run at the same time.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("labo-post-build-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for page in ["confidentialite", "accessibilite", "mentions-legales"] {
        std::fs::create_dir_all(dir.join(page)).unwrap();
        std::fs::copy(root().join(format!("public/{page}/index.html")), dir.join(page).join("index.html")).unwrap();
    }
    // index.html as Trunk leaves it: its stylesheet is a hashed file.
    let index = std::fs::read_to_string(root().join("index.html")).unwrap().replace(
        r#"<link data-trunk rel="css" href="style.css">"#,
        r#"<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-x"/>"#,
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::copy(root().join("style.css"), dir.join("style-0123456789abcdef.css")).unwrap();
    write_config(&dir, config);
    dir
}

fn write_config(dir: &Path, config: &serde_json::Value) {
    std::fs::write(dir.join("config.json"), serde_json::to_string_pretty(config).unwrap()).unwrap();
}

fn post_build(dir: &Path) {
    node(&["tools/post-build.mjs", dir.to_str().unwrap()], "");
}

fn read(dir: &Path, page: &str) -> String {
    std::fs::read_to_string(dir.join(page)).unwrap()
}

/// The opening tag of the element marked `mark`, e.g. `data-config-if="privacy.dpo_email"`.
fn tag_of<'a>(html: &'a str, mark: &str) -> &'a str {
    let at = html.find(mark).unwrap_or_else(|| panic!("no {mark}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..at + html[at..].find('>').unwrap() + 1]
}

#[test]
fn the_deployments_values_fill_the_static_pages() {
    let mut config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    config["endpoint"]["url"] = "https://inscriptions.ml-havre.fr/labo".into();
    config["mission_locale"]["short_name"] = "la Mission Locale du Havre".into();
    config["mission_locale"]["phone"] = "+33 2 35 12 34 56".into();
    config["territory"]["description"] = "au Havre ou dans l'agglo : Fécamp".into();
    config["privacy"]["controller"] = "Mission Locale de l'Estuaire".into();
    config["privacy"].as_object_mut().unwrap().remove("dpo_email");
    config["privacy"]["transfers_outside_eu"] = "sauvegardes au Canada ; chiffrées".into();
    config["accessibility"].as_object_mut().unwrap().remove("action_plan_url");
    config["accessibility"]["multi_year_plan_url"] = "https://ml-havre.fr/schema".into();
    config["pathways"] = serde_json::json!({ "collective": "le mardi : 3 mois" });
    config["privacy"]["records_in_imilo"] = false.into();
    config["legal_notice"] = serde_json::json!({ "host": { "name": "Hébergeur d'essai", "address": "2 rue du Port, 59100 Roubaix", "phone": "+33 9 00 00 00 00" } });
    let dir = dist_with(&config);
    post_build(&dir);

    // (index.html's start page is painted natively from config.json: tests/render.rs.)
    let privacy = read(&dir, "confidentialite/index.html");
    assert!(privacy.contains(&format!(">{}</span>", french("Mission Locale de l'Estuaire"))));
    assert!(privacy.contains(">La Mission Locale du Havre</span> accompagne"), "a capital at the start of a sentence");
    assert!(tag_of(&privacy, r#"data-config-if="privacy.dpo_email""#).contains(" hidden"), "no DPO: hidden");
    assert!(!tag_of(&privacy, r#"data-config-if="privacy.transfers_outside_eu""#).contains(" hidden"));
    assert!(tag_of(&privacy, r#"data-config-unless="privacy.transfers_outside_eu""#).contains(" hidden"));
    assert!(privacy.contains(&french("sauvegardes au Canada ; chiffrées")));
    assert!(privacy.contains(r#"<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-x"/>"#));
    assert!(!privacy.contains("<!--"), "comments are for us, not for data plans");

    assert!(tag_of(&privacy, r#"data-config-if="privacy.records_in_imilo""#).contains(" hidden"), "false: not named");
    assert!(!tag_of(&privacy, r#"data-config-unless="privacy.records_in_imilo""#).contains(" hidden"));

    let notice = read(&dir, "mentions-legales/index.html");
    assert!(
        notice
            .contains(&format!(r#"<span data-config="legal_notice.host.name">{}</span>"#, french("Hébergeur d'essai")))
    );
    assert!(!tag_of(&notice, r#"data-config-if="legal_notice.host.name""#).contains(" hidden"));
    assert!(tag_of(&notice, r#"data-config-unless="legal_notice.host.name""#).contains(" hidden"));
    // No director given: the page says whom to ask instead, never a blank.
    assert!(tag_of(&notice, r#"data-config-if="legal_notice.director""#).contains(" hidden"));
    assert!(!tag_of(&notice, r#"data-config-unless="legal_notice.director""#).contains(" hidden"));
    assert!(
        notice.contains(">Mission Locale Le Havre Estuaire Littoral</span>"),
        "the publisher: the mission locale's name"
    );

    let statement = read(&dir, "accessibilite/index.html");
    assert!(statement.contains(r#"href="https://ml-havre.fr/schema" data-config="accessibility.multi_year_plan_url""#));
    assert!(tag_of(&statement, r#"data-config-if="accessibility.action_plan_url""#).contains(" hidden"));
    assert!(!tag_of(&statement, r#"data-config-unless="accessibility.action_plan_url""#).contains(" hidden"));

    // The deployer adds a DPO and runs the tool again: the pages follow (nothing was lost).
    config["privacy"]["dpo_email"] = "dpo@ml-havre.fr".into();
    config["privacy"].as_object_mut().unwrap().remove("transfers_outside_eu");
    write_config(&dir, &config);
    post_build(&dir);
    let privacy = read(&dir, "confidentialite/index.html");
    assert!(!tag_of(&privacy, r#"data-config-if="privacy.dpo_email""#).contains(" hidden"));
    assert!(
        privacy.contains(r#"<a href="mailto:dpo@ml-havre.fr" data-config="privacy.dpo_email">dpo@ml-havre.fr</a>"#)
    );
    assert!(tag_of(&privacy, r#"data-config-if="privacy.transfers_outside_eu""#).contains(" hidden"));
    assert!(!tag_of(&privacy, r#"data-config-unless="privacy.transfers_outside_eu""#).contains(" hidden"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The stylesheet index.html links to, and its name.
fn stylesheet(dir: &Path) -> (String, String) {
    let index = read(dir, "index.html");
    let at = index.find(r#"<link rel="stylesheet" href="/"#).unwrap() + r#"<link rel="stylesheet" href="/"#.len();
    let name = index[at..index[at..].find('"').unwrap() + at].to_owned();
    (read(dir, &name), name)
}

#[test]
fn the_brand_colour_is_applied_only_when_everyone_can_read_it_and_the_logo_heads_the_pages() {
    let mut config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    config["brand"] =
        serde_json::json!({ "colour": "#7a1f5c", "logo": { "src": "/images/logo.svg", "width": 120, "height": 40 } });
    let dir = dist_with(&config);
    post_build(&dir);
    let (css, name) = stylesheet(&dir);
    assert_ne!(name, "style-0123456789abcdef.css", "a new name: the old one may be cached as immutable");
    assert!(!dir.join("style-0123456789abcdef.css").exists());
    let brand = &css[css.find("/* brand").expect("the brand's rules")..];
    assert!(brand.contains("--primary:#7a1f5c;--link:#7a1f5c"), "{brand}");
    assert!(brand.find("prefers-color-scheme: dark").is_some(), "the dark theme keeps its colours, after: {brand}");
    // (index.html's header is the app's, painted with the logo: tests/render.rs.)
    for page in ["confidentialite/index.html", "mentions-legales/index.html"] {
        let html = read(&dir, page);
        assert!(html.contains(&format!(r#"href="/{name}""#)), "{page} links the branded stylesheet");
        assert!(
            html.contains(r#"<a class="brand" href="/"><img class="brand-logo" src="/images/logo.svg" width="120" height="40" alt="">"#),
            "{page} has the logo first in its header"
        );
    }
    // Run again (a deployer re-running the tool): the same file, not a second brand block.
    post_build(&dir);
    let (again, again_name) = stylesheet(&dir);
    assert_eq!((again.matches("/* brand").count(), &again_name), (1, &name));
    assert_eq!(read(&dir, "mentions-legales/index.html").matches("brand-logo").count(), 1);

    // A yellow on white cannot be read: the build stops and says why, and changes nothing.
    config["brand"]["colour"] = "#f5c400".into();
    write_config(&dir, &config);
    let output = node_output(&["tools/post-build.mjs", dir.to_str().unwrap()], "");
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("brand.colour #f5c400 n'est pas assez contrastée") && message.contains("4.5:1"),
        "{message}"
    );
    assert_eq!(stylesheet(&dir).1, name, "the last good stylesheet stays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_contrast_is_computed_as_wcag_says() {
    let script = format!(
        "import {{ contrast }} from '{}'; process.stdout.write(JSON.stringify([contrast('#000000', '#ffffff'), contrast('#0b4f8a', '#ffffff'), contrast('#767676', '#ffffff')]));",
        url(&root().join("tools/brand.mjs"))
    );
    let ratios: Vec<f64> = serde_json::from_str(&node(&["--input-type=module", "-e", &script], "")).unwrap();
    assert!((ratios[0] - 21.0).abs() < 0.01, "{ratios:?}");
    assert!(ratios[1] > 7.0, "our own blue: {ratios:?}");
    assert!((ratios[2] - 4.54).abs() < 0.01, "WCAG's grey at the limit: {ratios:?}");
}

#[test]
fn the_start_up_scripts_are_valid_javascript() {
    // tools/boot.js is code read by people and filled in by the build: it must parse as it is,
    // and so must the build's own steps.
    for script in ["tools/boot.js", "tools/post-build.mjs", "tools/brand.mjs", "tools/typography.mjs"] {
        node(&["--check", script], "");
    }
    let boot = std::fs::read_to_string(root().join("tools/boot.js")).unwrap();
    for placeholder in ["'%APP_JS%'", "'%APP_WASM%'", "'%APP_WASM_INTEGRITY%'"] {
        assert_eq!(boot.matches(placeholder).count(), 1, "tools/post-build.mjs fills {placeholder} in once");
    }
}

/// The `Cache-Control` values of a `_headers` file (Netlify / Cloudflare Pages: every rule whose
/// pattern matches the path applies, `*` matching anything) that apply to `path`.
fn cache_rules_for<'a>(headers: &'a str, path: &str) -> Vec<&'a str> {
    fn matches(pattern: &str, path: &str) -> bool {
        match pattern.split_once('*') {
            None => pattern == path,
            Some((head, tail)) => {
                path.starts_with(head) && (0..=path.len() - head.len()).any(|i| matches(tail, &path[head.len() + i..]))
            }
        }
    }
    let mut rules = Vec::new();
    let mut current = "";
    for line in headers.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        if !line.starts_with(' ') {
            current = line.trim();
        } else if let Some(value) = line.trim().strip_prefix("Cache-Control:")
            && matches(current, path)
        {
            rules.push(value.trim());
        }
    }
    rules
}

#[test]
fn every_page_and_the_service_worker_are_revalidated_at_each_visit() {
    // A page kept by a cache across a deploy names files the new deploy no longer has (or a
    // painted page older than the app that takes it over): every .html file, at every address a
    // host serves it at, and sw.js get `no-cache`, never the year-long rule of hashed files.
    let config: serde_json::Value = serde_json::from_str(include_str!("../public/config.json")).unwrap();
    let dir = dist_with(&config);
    let index = read(&dir, "index.html");
    let painted = |path: &str| {
        index.replace(r#"<meta name="labo-page" content="/">"#, &format!(r#"<meta name="labo-page" content="{path}">"#))
    };
    std::fs::write(dir.join("inscription.html"), painted("/inscription")).unwrap();
    std::fs::create_dir_all(dir.join("test")).unwrap();
    std::fs::write(dir.join("test/4.html"), painted("/test/4")).unwrap();
    std::fs::write(dir.join("test/17.html"), painted("/test/17")).unwrap();
    std::fs::create_dir_all(dir.join("conseillers")).unwrap();
    std::fs::write(dir.join("conseillers/index.html"), &index).unwrap();
    std::fs::write(dir.join("sw.js"), include_str!("../public/sw.js")).unwrap();
    post_build(&dir);
    let headers = read(&dir, "_headers");

    fn html_files(dir: &Path, under: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                html_files(&path, under, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(format!("/{}", path.strip_prefix(under).unwrap().display()));
            }
        }
    }
    let mut pages = Vec::new();
    html_files(&dir, &dir, &mut pages);
    assert!(pages.len() >= 7, "{pages:?}");
    let mut addresses = vec!["/sw.js".to_owned(), "/i18n/en.json".to_owned(), "/config.json".to_owned()];
    for page in &pages {
        addresses.push(page.clone());
        match page.strip_suffix("index.html") {
            Some(folder) => addresses.push(folder.to_owned()),
            // A painted page is served at its address without .html (`try_files $uri.html`).
            None => addresses.push(page.trim_end_matches(".html").to_owned()),
        }
    }
    for address in &addresses {
        let rules = cache_rules_for(&headers, address);
        assert!(rules.contains(&"no-cache"), "{address} has no no-cache rule in _headers: {rules:?}\n{headers}");
        assert!(rules.iter().all(|r| !r.contains("immutable")), "{address} would be kept for a year: {rules:?}");
    }
    // Hashed files keep theirs.
    for hashed in ["/labo-0123456789abcdef_bg.wasm", "/boot-0123456789abcdef.js", "/style-0123456789abcdef.css"] {
        assert!(cache_rules_for(&headers, hashed).iter().any(|r| r.contains("immutable")), "{hashed}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_service_worker_installs_only_a_shell_naming_its_own_files() {
    // tests/service_worker.test.mjs runs public/sw.js in a fake worker scope.
    let output = Command::new("node")
        .args(["--test", "tests/service_worker.test.mjs"])
        .current_dir(root())
        .output()
        .expect("Node.js runs the build's post-build step: install it (see README.md)");
    assert!(
        output.status.success(),
        "node --test tests/service_worker.test.mjs:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
