//! Turns the editable content under `content/` into Rust code at build time.
//!
//! Why at build time: the strings end up as plain `&'static str` in the wasm, so the browser
//! parses nothing at start-up and a missing translation is a build error, not a blank label.
//!
//! `content/i18n/<lang>.toml` — one file per language, `fr.toml` is the reference. Nested tables
//! are flattened with `_` (`[start] title = …` becomes the field `start_title`). Every language
//! must have exactly the keys of the reference language; values are strings or lists of strings.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

const REFERENCE_LANGUAGE: &str = "fr";

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let texts = generate_texts(Path::new("content/i18n")).unwrap_or_else(|e| fail(&e));
    fs::write(Path::new(&out_dir).join("texts.rs"), texts).expect("write texts.rs");
}

fn fail(message: &str) -> ! {
    // A content mistake is the editor's, not the compiler's: say which file and which key.
    eprintln!("\nerror in content/: {message}\n");
    panic!("content error: {message}");
}

#[derive(Clone, PartialEq)]
enum Value {
    Text(String),
    List(Vec<String>),
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, Value>, file: &str) -> Result<(), String> {
    for (key, value) in table {
        if !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("{file}: key `{key}` must use only a-z, 0-9 and _"));
        }
        let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}_{key}") };
        match value {
            toml::Value::String(s) => {
                out.insert(name, Value::Text(s.clone()));
            }
            toml::Value::Array(items) => {
                let mut list = Vec::new();
                for item in items {
                    match item {
                        toml::Value::String(s) => list.push(s.clone()),
                        _ => return Err(format!("{file}: `{name}` must be a list of texts")),
                    }
                }
                out.insert(name, Value::List(list));
            }
            toml::Value::Table(t) => flatten(&name, t, out, file)?,
            _ => return Err(format!("{file}: `{name}` must be a text, a list of texts or a table")),
        }
    }
    Ok(())
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

fn generate_texts(dir: &Path) -> Result<String, String> {
    let mut languages: Vec<(String, BTreeMap<String, Value>)> = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let lang = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let file = path.display().to_string();
        let source = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
        let table: toml::Table = source.parse().map_err(|e| format!("{file}: {e}"))?;
        let mut flat = BTreeMap::new();
        flatten("", &table, &mut flat, &file)?;
        match flat.get("meta_lang") {
            Some(Value::Text(code)) if *code == lang => {}
            _ => return Err(format!("{file}: [meta] lang must be \"{lang}\", the file's name")),
        }
        languages.push((lang, flat));
    }
    let reference_index = languages
        .iter()
        .position(|(lang, _)| lang == REFERENCE_LANGUAGE)
        .ok_or_else(|| format!("content/i18n/{REFERENCE_LANGUAGE}.toml is missing"))?;
    let reference = languages.remove(reference_index);
    languages.insert(0, reference);

    let reference_keys = &languages[0].1;
    for (lang, keys) in &languages[1..] {
        let missing: Vec<_> = reference_keys.keys().filter(|k| !keys.contains_key(*k)).collect();
        let extra: Vec<_> = keys.keys().filter(|k| !reference_keys.contains_key(*k)).collect();
        if !missing.is_empty() {
            return Err(format!("content/i18n/{lang}.toml lacks {missing:?} (present in {REFERENCE_LANGUAGE}.toml)"));
        }
        if !extra.is_empty() {
            return Err(format!("content/i18n/{lang}.toml has {extra:?}, unknown in {REFERENCE_LANGUAGE}.toml"));
        }
        for (key, value) in keys {
            let same_kind = matches!(
                (value, &reference_keys[key]),
                (Value::Text(_), Value::Text(_)) | (Value::List(_), Value::List(_))
            );
            if !same_kind {
                return Err(format!(
                    "content/i18n/{lang}.toml: `{key}` is not of the same kind as in {REFERENCE_LANGUAGE}.toml"
                ));
            }
        }
    }

    let mut out = String::new();
    out.push_str("/// Every user-facing string of one language (generated from `content/i18n/`).\n");
    out.push_str("#[derive(Debug)]\npub struct Texts {\n");
    for (key, value) in reference_keys {
        let ty = match value {
            Value::Text(_) => "&'static str",
            Value::List(_) => "&'static [&'static str]",
        };
        writeln!(out, "    pub {key}: {ty},").unwrap();
    }
    out.push_str("}\n\n");
    let mut statics = Vec::new();
    for (lang, keys) in &languages {
        let ident = lang.to_uppercase().replace('-', "_");
        writeln!(out, "pub static {ident}: Texts = Texts {{").unwrap();
        for (key, value) in keys {
            match value {
                Value::Text(s) => writeln!(out, "    {key}: {},", rust_str(s)).unwrap(),
                Value::List(items) => {
                    let items: Vec<_> = items.iter().map(|s| rust_str(s)).collect();
                    writeln!(out, "    {key}: &[{}],", items.join(", ")).unwrap();
                }
            }
        }
        out.push_str("};\n\n");
        statics.push(format!("&{ident}"));
    }
    writeln!(out, "/// All languages, the reference language ({REFERENCE_LANGUAGE}) first.").unwrap();
    writeln!(out, "pub static LANGUAGES: &[&Texts] = &[{}];", statics.join(", ")).unwrap();
    let keys: Vec<_> = reference_keys.keys().map(|k| rust_str(k)).collect();
    writeln!(out, "/// Every key, for the test that finds unused ones.").unwrap();
    writeln!(out, "pub const KEYS: &[&str] = &[{}];", keys.join(", ")).unwrap();
    Ok(out)
}
