//! The content catalogues: every key is used by the app (a key nobody reads is a text nobody
//! sees, usually a typo on one side). Missing keys between languages already stop the build.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_text_key_is_used_by_the_app() {
    let mut code = String::new();
    sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut code);
    // build.rs reads a few keys by name to generate code (`meta_name` gives LANGUAGE_NAMES, the
    // language switch's labels, so the app need not hold the other catalogues).
    let build = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/build.rs")).unwrap();
    let unused: Vec<&str> = labo::content::KEYS
        .iter()
        .copied()
        .filter(|key| !build.contains(&format!("flat.get(\"{key}\")")))
        .filter(|key| {
            let needle = format!(".{key}");
            !code.match_indices(&needle).any(|(at, _)| {
                code[at + needle.len()..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            })
        })
        .collect();
    assert!(unused.is_empty(), "keys in content/i18n/ that no code reads: {unused:?}");
}

/// Every text of every catalogue, flattened (`start.title`, `questions.idea_stage.options.none`…).
fn catalogue(path: &Path) -> std::collections::BTreeMap<String, String> {
    fn walk(prefix: &str, value: &toml::Value, out: &mut std::collections::BTreeMap<String, String>) {
        match value {
            toml::Value::Table(table) => {
                for (key, value) in table {
                    walk(&if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") }, value, out);
                }
            }
            toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), item, out);
                }
            }
            toml::Value::String(s) => {
                out.insert(prefix.to_owned(), s.clone());
            }
            other => panic!("{prefix} is not a text: {other:?}"),
        }
    }
    let table: toml::Value = std::fs::read_to_string(path).unwrap().parse::<toml::Table>().unwrap().into();
    let mut out = std::collections::BTreeMap::new();
    walk("", &table, &mut out);
    out
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> =
        text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
    found.sort_unstable();
    found
}

#[test]
fn every_language_has_every_text_with_the_same_placeholders() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content/i18n"));
    let reference = catalogue(&dir.join("fr.toml"));
    let mut languages = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        languages += 1;
        let other = catalogue(&path);
        let missing: Vec<_> = reference.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, unknown {extra:?}", path.display());
        for (key, text) in &other {
            assert!(!text.trim().is_empty(), "{}: {key} is empty", path.display());
            assert_eq!(
                placeholders(text),
                placeholders(&reference[key]),
                "{}: {key} must keep the same {{placeholders}}",
                path.display()
            );
        }
    }
    assert!(languages >= 2, "French and English at least");
}
