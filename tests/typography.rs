//! French typography, enforced: no breakable space before `;` `!` `?` `:` `»` or after `«`
//! (the punctuation would wrap alone onto the next line of a 320 px screen), none inside
//! numbers and units ("1 000", "9 h", "200 %"), and no straight apostrophe, in:
//!
//! - every text of `content/i18n/fr.toml` (all its tables, but those listed in
//!   [`NOT_TYPESET_YET`] and [`HELD_STRAIGHT`]);
//! - the texts of the static pages (conseillers.html; the others are painted from the app);
//! - the deployer's texts from config.json as the app renders them (`domain::config` typesets
//!   them when it reads the file).
//!
//! The checker below is written independently of `domain::typography::french`, which fixes
//! the texts: run `cargo xtask typography` (this test with `LABO_FIX=1`) to apply
//! the fixes to the files instead of failing.
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use labo::domain::config::Config;
use labo::domain::typography::french;

/// Tables of fr.toml not checked yet, and why. Nothing is skipped: every table is covered.
const NOT_TYPESET_YET: &[&str] = &[];

/// Texts of fr.toml whose straight apostrophe is held. None: every text is typeset.
const HELD_STRAIGHT: &[&str] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixing() -> bool {
    std::env::var_os("LABO_FIX").is_some_and(|v| v == "1")
}

// ---------------------------------------------------------------------------------------------
// The checker

/// What is wrong with the typography of a French text, one line per problem (empty if fine).
fn problems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let breakable = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    // Web and e-mail addresses are not French prose.
    let mut skip = vec![false; chars.len()];
    let mut start = 0;
    for (i, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        if c.is_whitespace() {
            let word: String = chars[start..i].iter().collect();
            if word.contains('@') || word.contains("://") || word.contains("www.") {
                skip[start..i].iter_mut().for_each(|s| *s = true);
            }
            start = i + 1;
        }
    }
    let mut found = Vec::new();
    let around = |i: usize| -> String {
        let from = i.saturating_sub(12);
        chars[from..(i + 12).min(chars.len())].iter().collect::<String>().replace(['\u{a0}', '\u{202f}'], "⍽")
    };
    for (i, &c) in chars.iter().enumerate() {
        if skip[i] {
            continue;
        }
        let next = chars.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| chars[p]);
        if c == '\'' {
            found.push(format!("straight apostrophe in « {} »", around(i)));
        }
        if breakable(c) {
            if let Some(p @ (';' | '!' | '?' | ':' | '»')) = next {
                found.push(format!("breakable space before {p} in « {} »", around(i)));
            }
            if previous == Some('«') {
                found.push(format!("breakable space after « in « {} »", around(i)));
            }
            if previous.is_some_and(|p| p.is_ascii_digit()) {
                let rest: String = chars[i + 1..].iter().take(4).collect();
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                let unit = rest.starts_with('%')
                    || rest.starts_with('€')
                    || (rest.starts_with('h') && rest.chars().nth(1).is_none_or(|c| !c.is_alphanumeric()));
                if unit || (digits == 3 && rest.chars().nth(3).is_none_or(|c| !c.is_alphanumeric())) {
                    found.push(format!("breakable space in a number or before its unit in « {} »", around(i)));
                }
            }
        }
    }
    found
}

#[test]
fn the_checker_finds_what_it_must_and_nothing_else() {
    for bad in [
        "Une question ?",
        "Horaires :",
        "tu as 16 ans ;",
        "Oui !",
        "« facultatif »",
        "Le Lab'O",
        "1 000 caractères",
        "de 9 h à 17 h",
        "agrandi à 200 %",
    ] {
        assert!(!problems(bad).is_empty(), "should be refused: {bad}");
    }
    for good in [
        "Une question\u{202f}?",
        "Horaires\u{a0}:",
        "«\u{202f}facultatif\u{202f}»",
        "Le Lab’O",
        "1\u{a0}000 caractères",
        "de 9\u{a0}h à 17\u{a0}h",
        "06 12 34 56 78",
        "Par exemple\u{a0}: 14 3 2007",
        "écris à o'brien@exemple.fr",
        "https://exemple.fr/?a=1",
        "16 heures",
    ] {
        assert_eq!(problems(good), Vec::<String>::new(), "should be accepted: {good}");
    }
    // And what the fixer writes, it accepts.
    let text = "Une question ? « Oui » : 1 000 € de 9 h à 12 h 30, l'été !";
    assert_eq!(problems(&french(text)), Vec::<String>::new(), "{text}");
}

// ---------------------------------------------------------------------------------------------
// The catalogue

/// Every text of a catalogue with its path (`start.for_whom[0]`).
fn catalogue_texts(path: &Path) -> BTreeMap<String, String> {
    fn walk(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
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
    let mut out = BTreeMap::new();
    walk("", &table, &mut out);
    out
}

/// Whether the text at `path` (`start.for_whom[0]`) is checked.
fn covered(path: &str) -> bool {
    let table = path.split(['.', '[']).next().unwrap_or_default();
    let key = path.split('[').next().unwrap_or_default();
    !NOT_TYPESET_YET.contains(&table) && !HELD_STRAIGHT.contains(&key)
}

/// The texts left as they are wherever they appear (index.html shows the pathways' names).
fn untouchable_texts() -> Vec<String> {
    let mut texts: Vec<String> = catalogue_texts(&root().join("content/i18n/fr.toml"))
        .into_iter()
        .filter(|(path, _)| !covered(path))
        .map(|(_, text)| text)
        .collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

/// Rewrites the string literals of a catalogue file with `fix`, keeping its layout and comments.
/// The file holds only `[tables]`, `key = "text"` and lists of texts, one per line.
fn rewrite_catalogue(source: &str, fix: impl Fn(&str, &str) -> String) -> String {
    let mut table = String::new();
    let mut list_key: Option<String> = None;
    let mut out = String::new();
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        let literal = |line: &str| -> Option<(usize, usize)> {
            let start = line.find('"')? + 1;
            let end = line.rfind('"')?;
            (end >= start).then_some((start, end))
        };
        let mut rewritten = line.to_owned();
        if trimmed.starts_with('#') || trimmed.is_empty() {
        } else if trimmed.starts_with('[') && list_key.is_none() {
            table = trimmed.trim_matches(['[', ']']).to_owned();
        } else if let Some(key) = &list_key {
            if trimmed.starts_with(']') {
                list_key = None;
            } else if let Some((start, end)) = literal(line) {
                rewritten =
                    format!("{}{}{}", &line[..start], fix(&format!("{table}.{key}"), &line[start..end]), &line[end..]);
            }
        } else if let Some((key, value)) = trimmed.split_once(" = ") {
            if value == "[" {
                list_key = Some(key.to_owned());
            } else if let Some((start, end)) = literal(line) {
                rewritten =
                    format!("{}{}{}", &line[..start], fix(&format!("{table}.{key}"), &line[start..end]), &line[end..]);
            }
        }
        out.push_str(&rewritten);
    }
    out
}

#[test]
fn every_french_text_of_the_catalogue_is_typeset() {
    let path = root().join("content/i18n/fr.toml");
    let texts = catalogue_texts(&path);
    let tables: std::collections::BTreeSet<&str> =
        texts.keys().map(|k| k.split(['.', '[']).next().unwrap_or_default()).collect();
    // The exclusions must name real tables and keys: a list that rots hides nothing by accident.
    for table in NOT_TYPESET_YET {
        assert!(tables.contains(table), "NOT_TYPESET_YET names {table}, which fr.toml does not have");
    }
    for key in HELD_STRAIGHT {
        assert!(texts.contains_key(*key), "HELD_STRAIGHT names {key}, which fr.toml does not have");
    }
    let checked: Vec<&&str> = tables.iter().filter(|t| !NOT_TYPESET_YET.contains(t)).collect();
    eprintln!("typography: fr.toml tables checked: {checked:?}");
    eprintln!("typography: not yet (NOT_TYPESET_YET): {NOT_TYPESET_YET:?}; held straight: {HELD_STRAIGHT:?}");
    assert!(checked.len() >= 15, "the check covers the catalogue: {checked:?}");

    if fixing() {
        let source = std::fs::read_to_string(&path).unwrap();
        let fixed = rewrite_catalogue(&source, |path, text| if covered(path) { french(text) } else { text.to_owned() });
        // The rewrite touched texts only, and every text as the checker wants it.
        let reparsed: toml::Table = fixed.parse().expect("the rewritten catalogue is valid TOML");
        drop(reparsed);
        std::fs::write(&path, fixed).unwrap();
    }
    let texts = catalogue_texts(&path);
    let mut all = Vec::new();
    for (key, text) in texts.iter().filter(|(key, _)| covered(key)) {
        all.extend(problems(text).into_iter().map(|p| format!("{key}: {p}\n    fix: {:?}", french(text))));
    }
    assert!(
        all.is_empty(),
        "fr.toml: {} problems (run `cargo xtask typography` to fix):\n{}",
        all.len(),
        all.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Static pages

/// The French texts of an HTML page: text between tags (not in scripts, styles or comments),
/// and the attributes people read (description, aria-label). Byte ranges in `html`.
fn html_texts(html: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        if html[i..].starts_with("<!--") {
            i += html[i..].find("-->").map_or(html.len() - i, |e| e + 3);
        } else if html[i..].starts_with("<script") || html[i..].starts_with("<style") {
            let close = if html[i..].starts_with("<script") { "</script>" } else { "</style>" };
            i += html[i..].find(close).map_or(html.len() - i, |e| e + close.len());
        } else if bytes[i] == b'<' {
            let end = i + html[i..].find('>').expect("a tag ends");
            let tag = &html[i..end];
            for attribute in ["aria-label=\"", "content=\""] {
                if attribute == "content=\"" && !tag.contains("name=\"description\"") {
                    continue;
                }
                if let Some(at) = tag.find(attribute) {
                    let start = i + at + attribute.len();
                    ranges.push((start, start + html[start..].find('"').unwrap()));
                }
            }
            i = end + 1;
        } else {
            let end = html[i..].find('<').map_or(html.len(), |e| i + e);
            if !html[i..end].trim().is_empty() {
                ranges.push((i, end));
            }
            i = end;
        }
    }
    ranges
}

/// `text` with the untouchable texts cut out (replaced by `§`).
fn without_untouchable(text: &str, untouchable: &[String]) -> String {
    untouchable.iter().fold(text.to_owned(), |text, u| text.replace(u.as_str(), "§"))
}

/// Fixes one text of a page: the parts that are not untouchable texts. A leading letter is
/// added for the fix, so that a text starting with " :" (after a tag) gets its no-break space.
fn fix_html_text(text: &str, untouchable: &[String]) -> String {
    if let Some(u) = untouchable.iter().find(|u| text.contains(u.as_str())) {
        let (before, after) = text.split_once(u.as_str()).unwrap();
        return format!("{}{u}{}", fix_html_text(before, untouchable), fix_html_text(after, untouchable));
    }
    if text.trim().is_empty() {
        return text.to_owned();
    }
    french(&format!("x{text}"))[1..].to_owned()
}

fn static_pages() -> Vec<PathBuf> {
    [
        // index.html's start page is written at build time from the catalogue (tests/render.rs).
        "conseillers.html",
    ]
    .iter()
    .map(|p| root().join(p))
    .collect()
}

#[test]
fn the_static_pages_are_typeset() {
    let untouchable = untouchable_texts();
    let mut all = Vec::new();
    for path in static_pages() {
        let mut html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if fixing() {
            let mut fixed = String::new();
            let mut at = 0;
            for (start, end) in html_texts(&html) {
                fixed.push_str(&html[at..start]);
                fixed.push_str(&fix_html_text(&html[start..end], &untouchable));
                at = end;
            }
            fixed.push_str(&html[at..]);
            std::fs::write(&path, &fixed).unwrap();
            html = fixed;
        }
        let texts = html_texts(&html);
        assert!(texts.len() > 3, "{}: no text found", path.display());
        for (start, end) in texts {
            let text = without_untouchable(&html[start..end], &untouchable);
            all.extend(problems(&text).into_iter().map(|p| format!("{}: {p}", path.display())));
        }
    }
    assert!(all.is_empty(), "{} problems (run `cargo xtask typography` to fix):\n{}", all.len(), all.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The deployer's texts

/// The example config.json, with an endpoint the app accepts.
fn example_config() -> String {
    let text = std::fs::read_to_string(root().join("public/config.json")).unwrap();
    text.replace("https://inscriptions.mission-locale.example/labo", "https://inscriptions.ml-havre.fr/labo")
}

fn rendered_config_texts(config: &Config) -> Vec<(&'static str, String)> {
    let ml = &config.mission_locale;
    let t = labo::content::language("fr").unwrap();
    let mut texts = vec![
        ("mission_locale.name", ml.name.clone()),
        ("mission_locale.short_name", ml.short_name.clone()),
        ("territory.description", config.territory.description.clone()),
        ("privacy.controller", config.privacy.controller.clone()),
        (
            "start.for_whom_territory",
            labo::content::fill(t.start_for_whom_territory, &[("territory", &config.territory.description)]),
        ),
        ("start.intro", labo::content::fill_mission_locale(t, t.start_intro, &ml.short_name)),
        ("details.privacy_text", labo::legal::details_summary(t, config)),
        ("privacy page", labo::legal::privacy_notice(t, config).text()),
        ("accessibility page", labo::legal::accessibility_statement(t, config).text()),
    ];
    texts.extend(ml.address.clone().map(|a| ("mission_locale.address", a)));
    texts.extend(ml.hours.clone().map(|h| ("mission_locale.hours", h)));
    texts.extend(config.privacy.transfers_outside_eu.clone().map(|t| ("privacy.transfers_outside_eu", t)));
    texts.extend(config.pathway_details.iter().map(|(_, details)| ("pathways.<id>", details.clone())));
    texts
}

#[test]
fn the_deployers_texts_are_rendered_typeset() {
    // The example file as shipped, and a file written without any care for typography.
    let careless = example_config()
        .replace(
            "\"name\": \"Mission Locale Le Havre Estuaire Littoral\"",
            "\"name\": \"Mission Locale de l'Estuaire : Le Havre\"",
        )
        .replace("\"hours\": \"", "\"hours\": \"Fermé le 1er mai ! Sinon ")
        .replace("\"address\": \"", "\"address\": \"« Maison de l'emploi » ; ")
        .replace(
            "\"retention_months\": 24",
            "\"retention_months\": 24, \"transfers_outside_eu\": \"sauvegardes au Canada ; 2 000 km\"",
        )
        .replace("\"privacy\": {", "\"pathways\": { \"collective\": \"l'été : 3 mois !\" }, \"privacy\": {");
    assert_ne!(careless, example_config());
    for text in [example_config(), careless] {
        let config = Config::parse(&text).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(config.pathway_details.is_empty(), text == example_config());
        let mut all = Vec::new();
        for (what, rendered) in rendered_config_texts(&config) {
            all.extend(problems(&rendered).into_iter().map(|p| format!("{what}: {p}")));
        }
        assert!(all.is_empty(), "config.json texts as rendered:\n{}", all.join("\n"));
    }
}
