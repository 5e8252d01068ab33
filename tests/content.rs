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
    // `fill!(t, key, name = value)` names its key second.
    let filled: Vec<&str> =
        code.split("fill!(").skip(1).filter_map(|call| call.split(',').nth(1)).map(str::trim).collect();
    let unused: Vec<&str> = labo::content::KEYS
        .iter()
        .copied()
        .filter(|key| !build.contains(&format!("flat.get(\"{key}\")")))
        .filter(|key| !filled.contains(key))
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

/// The catalogues and the painted start page, as text (comments included: a sentence kept in a
/// comment is usually on its way back).
fn everything_a_young_person_reads() -> String {
    ["content/i18n/fr.toml", "content/i18n/en.toml", "index.html"]
        .iter()
        .map(|file| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn the_words_are_true_to_the_programme() {
    // The préfet's release (July 2021): the counsellor *proposes* a pathway after the
    // diagnostic; the young person's choice in the app is a wish. No promise the release does
    // not make (workshops, "at your pace from start to finish": config.json's `pathways` says
    // what a mission locale offers).
    let text = everything_a_young_person_reads();
    for promise in [
        "tu choisis ton parcours",
        "choisiras",
        "choisir ton parcours",
        "vous choisissez ensemble",
        "you choose your pathway",
        "choose together",
        "des ateliers",
        "workshops",
        "à ton rythme",
        "du début à la fin",
        "from start to finish",
    ] {
        assert!(!text.contains(promise), "« {promise} » is not what the Lab'O does");
    }
    let t = labo::content::LANGUAGES[0];
    for (key, proposes) in [
        ("start.after_steps", t.start_after_steps.join(" ")),
        ("result.counsellor_decides", t.result_counsellor_decides.to_owned()),
        ("privacy.decision_text", t.privacy_decision_text.to_owned()),
        ("confirmation.next_steps", t.confirmation_next_steps.join(" ")),
    ] {
        assert!(proposes.contains("te propose"), "{key} says the counsellor proposes: {proposes}");
    }
    for (key, wish) in [
        ("start.after_steps", t.start_after_steps.join(" ")),
        ("result.counsellor_decides", t.result_counsellor_decides.to_owned()),
        ("details.pathway_hint", t.details_pathway_hint.to_owned()),
        ("privacy.decision_text", t.privacy_decision_text.to_owned()),
    ] {
        assert!(wish.contains("souhait"), "{key} calls the app's choice a wish: {wish}");
    }
    // The spirit of enterprise, not only a business: an idea, a project, or just the wish to try.
    assert!(t.start_title.contains("idée") && t.start_title.contains("projet") && t.start_title.contains("essayer"));
}

#[test]
fn the_words_are_plain_for_a_sixteen_year_old() {
    // docs/content.md, "Plain words": the words the review found a 16-year-old misreads.
    let text = everything_a_young_person_reads();
    for word in [
        "alternance", // means apprenticeship to them
        "alternating",
        "démarche de projet", // jargon
        "project approach",
        "dispositifs", // administrative
        "schemes",
        "Risque mesuré", // a dimension named like a grade
        "Measured risk",
        "dimension par dimension",
        "dimension by dimension",
        "16–25", // read "seize tiret vingt-cinq" aloud
        "16-25",
        "sans compter le samedi, le dimanche", // the 33-word sentence
        "not counting Saturdays",
        "n’a pas pu lire sa réponse", // what an app "reads" is not a young person's business
        "J’ai hâte d’y aller !",      // does not answer "tu ressentirais plutôt…"
    ] {
        assert!(!text.contains(word), "« {word} » is back in the words a young person reads");
    }
    // A long sentence loses a young reader: none of the young people's sentences about what
    // happens next runs past 30 words.
    let t = labo::content::LANGUAGES[0];
    for sentence in
        [t.start_call_back, t.confirmation_next_call, t.confirmation_next_call_days, t.outbox_unreadable_text]
            .iter()
            .flat_map(|s| s.split(['.', '?', '!']))
    {
        let words = sentence.split_whitespace().count();
        assert!(words <= 30, "{words} words: {sentence}");
    }
}
