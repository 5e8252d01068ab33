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
    let unused: Vec<&str> = labo::content::KEYS
        .iter()
        .copied()
        .filter(|key| {
            let needle = format!(".{key}");
            !code.match_indices(&needle).any(|(at, _)| {
                code[at + needle.len()..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            })
        })
        .collect();
    assert!(unused.is_empty(), "keys in content/i18n/ that no code reads: {unused:?}");
}
