//! tools/post-build.mjs fills the deployment's config.json into the static pages (index.html's
//! no-JavaScript message and footer, the static legal pages), typeset in French like the app
//! does. Runs Node.js (needed by the build anyway) on a copy of the pages.
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
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "node {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
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
    let dir = std::env::temp_dir().join(format!("labo-post-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for page in ["confidentialite", "accessibilite"] {
        std::fs::create_dir_all(dir.join(page)).unwrap();
        std::fs::copy(root().join(format!("public/{page}/index.html")), dir.join(page).join("index.html")).unwrap();
    }
    // index.html as Trunk leaves it: its stylesheet is a hashed file.
    let index = std::fs::read_to_string(root().join("index.html")).unwrap().replace(
        r#"<link data-trunk rel="css" href="style.css">"#,
        r#"<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-x"/>"#,
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
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
    let dir = dist_with(&config);
    post_build(&dir);

    let index = read(&dir, "index.html");
    let noscript = &index[index.find("<noscript>").unwrap()..index.find("</noscript>").unwrap()];
    assert!(noscript.contains(r#"href="tel:+33235123456""#), "{noscript}");
    assert!(noscript.contains(">+33 2 35 12 34 56</a>"), "{noscript}");
    assert!(noscript.contains(">la Mission Locale du Havre</span>"), "{noscript}");
    assert!(index.contains(&format!(">{}</span>", french("au Havre ou dans l'agglo : Fécamp"))), "typeset");
    assert!(index.contains("<span data-config=\"pathways.collective\">le mardi\u{a0}: 3 mois</span>"));
    assert!(index.contains(r#"<span data-config="pathways.discovery"></span>"#), "nothing said, nothing shown");

    let privacy = read(&dir, "confidentialite/index.html");
    assert!(privacy.contains(&format!(">{}</span>", french("Mission Locale de l'Estuaire"))));
    assert!(privacy.contains(">La Mission Locale du Havre</span> accompagne"), "a capital at the start of a sentence");
    assert!(tag_of(&privacy, r#"data-config-if="privacy.dpo_email""#).contains(" hidden"), "no DPO: hidden");
    assert!(!tag_of(&privacy, r#"data-config-if="privacy.transfers_outside_eu""#).contains(" hidden"));
    assert!(tag_of(&privacy, r#"data-config-unless="privacy.transfers_outside_eu""#).contains(" hidden"));
    assert!(privacy.contains(&french("sauvegardes au Canada ; chiffrées")));
    assert!(privacy.contains(r#"<link rel="stylesheet" href="/style-0123456789abcdef.css" integrity="sha384-x"/>"#));
    assert!(!privacy.contains("<!--"), "comments are for us, not for data plans");

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

#[test]
fn the_start_up_scripts_are_valid_javascript() {
    // tools/boot.js is code read by people and filled in by the build: it must parse as it is,
    // and so must the build's own steps.
    for script in ["tools/boot.js", "tools/post-build.mjs", "tools/prerender.mjs", "tools/typography.mjs"] {
        node(&["--check", script], "");
    }
    let boot = std::fs::read_to_string(root().join("tools/boot.js")).unwrap();
    for placeholder in ["'%APP_JS%'", "'%APP_WASM%'", "'%APP_WASM_INTEGRITY%'"] {
        assert_eq!(boot.matches(placeholder).count(), 1, "tools/post-build.mjs fills {placeholder} in once");
    }
}
