//! Turns the editable content under `content/` into Rust code at build time.
//!
//! Why at build time: texts and the questionnaire end up as plain `&'static` data in the wasm,
//! so the browser parses nothing at start-up, and a missing translation or a question without
//! points is a build error naming the file and the key, not a blank label in production.
//!
//! - `content/questionnaire.toml`: the test's structure and scoring → `QUESTIONNAIRE`.
//! - `content/i18n/<lang>.toml`: one file per language, `fr.toml` is the reference. Nested tables
//!   are flattened with `_` (`[start] title = …` becomes `start_title`); values are texts or
//!   lists of texts. The tables `questions`, `dimensions`, `levels` and `pathways` hold the
//!   questionnaire's texts and are checked against its structure. Every language must have exactly the keys of
//!   the reference language.

// A native build step, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use serde::Deserialize;

const REFERENCE_LANGUAGE: &str = "fr";
const QUESTIONNAIRE_TABLES: [&str; 4] = ["questions", "dimensions", "levels", "pathways"];

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let questionnaire = read_questionnaire(Path::new("content/questionnaire.toml")).unwrap_or_else(|e| fail(&e));
    let code = generate_questionnaire(&questionnaire);
    fs::write(Path::new(&out_dir).join("questionnaire.rs"), code).expect("write questionnaire.rs");
    let texts = generate_texts(Path::new("content/i18n"), &questionnaire).unwrap_or_else(|e| fail(&e));
    fs::write(Path::new(&out_dir).join("texts.rs"), texts).expect("write texts.rs");
}

fn fail(message: &str) -> ! {
    // A content mistake is the editor's, not the compiler's: say which file and which key.
    eprintln!("\nerror in content/: {message}\n");
    panic!("content error: {message}");
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

// ---------------------------------------------------------------------------------------------
// The questionnaire's structure

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionnaireFile {
    version: String,
    levels: Vec<LevelFile>,
    dimensions: Vec<String>,
    pathways: Vec<String>,
    pathway_link_words: Vec<String>,
    rules: Vec<RuleFile>,
    questions: Vec<QuestionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    id: String,
    from: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    pathway: String,
    conditions: Vec<ConditionFile>,
}

/// A dimension and the levels it accepts, or a question and the answers it accepts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionFile {
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    answers: Vec<String>,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    /// None: information for the counsellor or an input of the rule, never a level.
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    weight: Option<u32>,
    options: Vec<OptionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    id: String,
    #[serde(default)]
    points: u32,
    #[serde(default)]
    exclusive: bool,
}

fn read_questionnaire(path: &Path) -> Result<QuestionnaireFile, String> {
    let file = path.display().to_string();
    let source = fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
    let q: QuestionnaireFile = toml::from_str(&source).map_err(|e| format!("{file}: {e}"))?;
    let unique = |ids: &[&String], what: &str| -> Result<(), String> {
        let set: BTreeSet<_> = ids.iter().collect();
        if set.len() == ids.len() { Ok(()) } else { Err(format!("{file}: two {what} have the same id")) }
    };
    unique(&q.dimensions.iter().collect::<Vec<_>>(), "dimensions")?;
    unique(&q.pathways.iter().collect::<Vec<_>>(), "pathways")?;
    unique(&q.pathway_link_words.iter().collect::<Vec<_>>(), "pathway link words")?;
    if q.pathway_link_words.len() != q.pathways.len() {
        return Err(format!("{file}: pathway_link_words must name each pathway, in the order of pathways"));
    }
    unique(&q.levels.iter().map(|l| &l.id).collect::<Vec<_>>(), "levels")?;
    unique(&q.questions.iter().map(|x| &x.id).collect::<Vec<_>>(), "questions")?;
    if !(12..=18).contains(&q.questions.len()) {
        return Err(format!("{file}: {} questions; the test must have 12 to 18 (about 5 minutes)", q.questions.len()));
    }
    let froms: Vec<u8> = q.levels.iter().map(|l| l.from).collect();
    if q.levels.len() < 2 || froms[0] != 0 || froms.windows(2).any(|w| w[0] >= w[1]) || froms.iter().any(|f| *f > 100) {
        return Err(format!("{file}: levels need at least two, the first `from = 0`, then increasing up to 100"));
    }
    for question in &q.questions {
        let id = &question.id;
        unique(&question.options.iter().map(|o| &o.id).collect::<Vec<_>>(), &format!("options of question {id}"))?;
        if question.options.len() < 2 {
            return Err(format!("{file}: question {id} needs at least two options"));
        }
        let multiple = match question.kind.as_deref() {
            None | Some("single") => false,
            Some("multiple") => true,
            Some(other) => return Err(format!("{file}: question {id}: kind `{other}` is neither single nor multiple")),
        };
        match &question.dimension {
            Some(dimension) => {
                if !q.dimensions.contains(dimension) {
                    return Err(format!("{file}: question {id} feeds unknown dimension {dimension}"));
                }
                if multiple || question.options.iter().any(|o| o.exclusive) {
                    return Err(format!("{file}: question {id}: a question that feeds a dimension has one answer"));
                }
                if question.options.iter().all(|o| o.points == 0) {
                    return Err(format!("{file}: question {id}: no answer gives points"));
                }
            }
            None => {
                if question.options.iter().any(|o| o.points != 0) || question.weight.is_some() {
                    return Err(format!(
                        "{file}: question {id} feeds no dimension (information or the rule): no points, no weight"
                    ));
                }
            }
        }
        if !multiple && question.options.iter().any(|o| o.exclusive) {
            return Err(format!("{file}: question {id}: only a multiple-answer question has an exclusive answer"));
        }
        if question.weight == Some(0) {
            return Err(format!("{file}: question {id}: weight must be at least 1"));
        }
    }
    for dimension in &q.dimensions {
        if !q.questions.iter().any(|x| x.dimension.as_ref() == Some(dimension)) {
            return Err(format!("{file}: dimension {dimension} has no question"));
        }
    }
    for rule in &q.rules {
        let pathway = &rule.pathway;
        if !q.pathways.contains(pathway) {
            return Err(format!("{file}: a rule suggests unknown pathway {pathway}"));
        }
        for c in &rule.conditions {
            let ok = match (&c.dimension, &c.question) {
                (Some(d), None) => {
                    q.dimensions.contains(d)
                        && !c.levels.is_empty()
                        && c.answers.is_empty()
                        && c.levels.iter().all(|l| q.levels.iter().any(|x| &x.id == l))
                }
                (None, Some(question)) => {
                    c.levels.is_empty()
                        && !c.answers.is_empty()
                        && q.questions.iter().find(|x| &x.id == question).is_some_and(|x| {
                            x.kind.as_deref() != Some("multiple")
                                && c.answers.iter().all(|a| x.options.iter().any(|o| &o.id == a))
                        })
                }
                _ => false,
            };
            if !ok || c.reason.is_empty() || !c.reason.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_') {
                return Err(format!(
                    "{file}: rule for {pathway}: a condition names a dimension and some of its levels, or a single-answer question and some of its answers, and a reason (a-z, _)"
                ));
            }
        }
    }
    if q.rules.last().is_none_or(|r| !r.conditions.is_empty()) {
        return Err(format!("{file}: the last rule must have no condition, so there is always a suggestion"));
    }
    Ok(q)
}

fn generate_questionnaire(q: &QuestionnaireFile) -> String {
    let index = |list: &[String], id: &str| list.iter().position(|x| x == id).expect("checked");
    let mut out = String::new();
    out.push_str("/// Each pathway's id and the word counsellors' links use for it (`parcours=decouverte`),\n");
    out.push_str("/// from `content/questionnaire.toml`.\n");
    let pairs: Vec<String> = q
        .pathways
        .iter()
        .zip(&q.pathway_link_words)
        .map(|(id, word)| format!("({}, {})", rust_str(id), rust_str(word)))
        .collect();
    writeln!(out, "pub const PATHWAY_LINK_WORDS: [(&str, &str); {}] = [{}];", pairs.len(), pairs.join(", ")).unwrap();
    out.push_str("/// The self-assessment (generated from `content/questionnaire.toml`).\n");
    out.push_str("pub static QUESTIONNAIRE: Questionnaire = Questionnaire {\n");
    writeln!(out, "    version: {},", rust_str(&q.version)).unwrap();
    let list = |items: &[String]| items.iter().map(|s| rust_str(s)).collect::<Vec<_>>().join(", ");
    let levels: Vec<String> =
        q.levels.iter().map(|l| format!("Level {{ id: {}, from: {} }}", rust_str(&l.id), l.from)).collect();
    writeln!(out, "    levels: &[{}],", levels.join(", ")).unwrap();
    writeln!(out, "    dimensions: &[{}],", list(&q.dimensions)).unwrap();
    writeln!(out, "    pathways: &[{}],", list(&q.pathways)).unwrap();
    out.push_str("    questions: &[\n");
    for question in &q.questions {
        let kind = if question.kind.as_deref() == Some("multiple") { "Kind::Multiple" } else { "Kind::Single" };
        let options: Vec<String> = question
            .options
            .iter()
            .map(|o| format!("Choice {{ id: {}, points: {}, exclusive: {} }}", rust_str(&o.id), o.points, o.exclusive))
            .collect();
        let dimension = match &question.dimension {
            Some(d) => format!("Some({})", index(&q.dimensions, d)),
            None => "None".to_owned(),
        };
        writeln!(
            out,
            "        Question {{ id: {}, dimension: {dimension}, kind: {kind}, weight: {}, max: {}, options: &[{}] }},",
            rust_str(&question.id),
            question.weight.unwrap_or(1),
            question.options.iter().map(|o| o.points).max().unwrap_or(0),
            options.join(", ")
        )
        .unwrap();
    }
    out.push_str("    ],\n    rules: &[\n");
    for rule in &q.rules {
        let conditions: Vec<String> = rule
            .conditions
            .iter()
            .map(|c| match (&c.dimension, &c.question) {
                (Some(d), _) => {
                    let levels: Vec<String> = c
                        .levels
                        .iter()
                        .map(|l| q.levels.iter().position(|x| &x.id == l).expect("checked").to_string())
                        .collect();
                    format!(
                        "Condition::Level {{ dimension: {}, levels: &[{}], reason: {} }}",
                        index(&q.dimensions, d),
                        levels.join(", "),
                        rust_str(&c.reason)
                    )
                }
                (None, Some(question)) => format!(
                    "Condition::Answer {{ question: {}, answers: &[{}], reason: {} }}",
                    q.questions.iter().position(|x| &x.id == question).expect("checked"),
                    list(&c.answers),
                    rust_str(&c.reason)
                ),
                (None, None) => unreachable!("checked"),
            })
            .collect();
        writeln!(
            out,
            "        Rule {{ pathway: {}, conditions: &[{}] }},",
            index(&q.pathways, &rule.pathway),
            conditions.join(", ")
        )
        .unwrap();
    }
    out.push_str("    ],\n};\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Texts

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

/// Reads `table.key` as a text, or fails naming the file and path.
fn text<'a>(table: &'a toml::Table, key: &str, file: &str, path: &str) -> Result<&'a str, String> {
    match table.get(key) {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Ok(s),
        _ => Err(format!("{file}: `{path}.{key}` is missing or empty")),
    }
}

fn table<'a>(parent: &'a toml::Table, key: &str, file: &str, path: &str) -> Result<&'a toml::Table, String> {
    match parent.get(key) {
        Some(toml::Value::Table(t)) => Ok(t),
        _ => Err(format!("{file}: table `[{path}{}{key}]` is missing", if path.is_empty() { "" } else { "." })),
    }
}

fn only_keys(t: &toml::Table, allowed: &[&str], file: &str, path: &str) -> Result<(), String> {
    match t.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(format!("{file}: `{path}.{k}` is unknown (possible: {})", allowed.join(", "))),
        None => Ok(()),
    }
}

/// The questionnaire's texts in one language, as Rust expressions, checked against the structure.
fn questionnaire_texts(root: &toml::Table, q: &QuestionnaireFile, file: &str) -> Result<[String; 4], String> {
    let questions_table = table(root, "questions", file, "")?;
    only_keys(questions_table, &q.questions.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), file, "questions")?;
    let mut questions = Vec::new();
    for question in &q.questions {
        let path = format!("questions.{}", question.id);
        let t = table(questions_table, &question.id, file, "questions")?;
        only_keys(t, &["title", "hint", "options"], file, &path)?;
        let hint = match t.get("hint") {
            None => String::new(),
            Some(_) => text(t, "hint", file, &path)?.to_owned(),
        };
        let options_table = table(t, "options", file, &path)?;
        only_keys(
            options_table,
            &question.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
            file,
            &format!("{path}.options"),
        )?;
        let mut options = Vec::new();
        for option in &question.options {
            options.push(rust_str(text(options_table, &option.id, file, &format!("{path}.options"))?));
        }
        questions.push(format!(
            "QuestionText {{ title: {}, hint: {}, options: &[{}] }}",
            rust_str(text(t, "title", file, &path)?),
            rust_str(&hint),
            options.join(", ")
        ));
    }
    let dimensions_table = table(root, "dimensions", file, "")?;
    only_keys(dimensions_table, &q.dimensions.iter().map(String::as_str).collect::<Vec<_>>(), file, "dimensions")?;
    let level_ids: Vec<&str> = q.levels.iter().map(|l| l.id.as_str()).collect();
    let mut dimension_keys = vec!["name"];
    dimension_keys.extend(&level_ids);
    let mut dimensions = Vec::new();
    for dimension in &q.dimensions {
        let path = format!("dimensions.{dimension}");
        let t = table(dimensions_table, dimension, file, "dimensions")?;
        only_keys(t, &dimension_keys, file, &path)?;
        let mut sentences = Vec::new();
        for level in &level_ids {
            sentences.push(rust_str(text(t, level, file, &path)?));
        }
        dimensions.push(format!(
            "DimensionText {{ name: {}, levels: &[{}] }}",
            rust_str(text(t, "name", file, &path)?),
            sentences.join(", ")
        ));
    }
    let levels_table = table(root, "levels", file, "")?;
    only_keys(levels_table, &level_ids, file, "levels")?;
    let mut levels = Vec::new();
    for level in &level_ids {
        levels.push(rust_str(text(levels_table, level, file, "levels")?));
    }
    let pathways_table = table(root, "pathways", file, "")?;
    only_keys(pathways_table, &q.pathways.iter().map(String::as_str).collect::<Vec<_>>(), file, "pathways")?;
    let mut pathways = Vec::new();
    for pathway in &q.pathways {
        let path = format!("pathways.{pathway}");
        let t = table(pathways_table, pathway, file, "pathways")?;
        only_keys(t, &["name", "summary", "description", "reasons"], file, &path)?;
        let reasons_table = table(t, "reasons", file, &path)?;
        let mut needed: BTreeSet<String> = BTreeSet::new();
        for rule in q.rules.iter().filter(|r| &r.pathway == pathway) {
            if rule.conditions.is_empty() {
                needed.insert("default".into());
            }
            needed.extend(rule.conditions.iter().map(|c| c.reason.clone()));
        }
        only_keys(
            reasons_table,
            &needed.iter().map(String::as_str).collect::<Vec<_>>(),
            file,
            &format!("{path}.reasons"),
        )?;
        let mut reasons = Vec::new();
        for key in &needed {
            let reason = text(reasons_table, key, file, &format!("{path}.reasons"))?;
            reasons.push(format!("({}, {})", rust_str(key), rust_str(reason)));
        }
        pathways.push(format!(
            "PathwayText {{ name: {}, summary: {}, description: {}, reasons: &[{}] }}",
            rust_str(text(t, "name", file, &path)?),
            rust_str(text(t, "summary", file, &path)?),
            rust_str(text(t, "description", file, &path)?),
            reasons.join(", ")
        ));
    }
    Ok([questions.join(",\n        "), dimensions.join(",\n        "), levels.join(", "), pathways.join(",\n        ")])
}

/// The names of a text's `{placeholders}` (a-z, 0-9 and _ between braces), each once.
fn placeholder_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if valid && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

struct Language {
    code: String,
    flat: BTreeMap<String, Value>,
    questionnaire: [String; 4],
}

/// The catalogue's shape: every key with its kind, in the order of the file, and the
/// questionnaire's ids, as a 64-bit FNV-1a hash. Two builds whose language files do not line up
/// (a key renamed, added or moved, a question or an answer more) have different shapes.
fn shape_hash(keys: &[(&String, &Value)], q: &QuestionnaireFile) -> String {
    let mut shape = String::new();
    for (key, value) in keys {
        let kind = if matches!(value, Value::Text(_)) { 't' } else { 'l' };
        write!(shape, "{kind}{key};").unwrap();
    }
    for question in &q.questions {
        let options: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
        write!(shape, "q{}:{};", question.id, options.join(",")).unwrap();
    }
    let levels: Vec<&str> = q.levels.iter().map(|l| l.id.as_str()).collect();
    write!(shape, "d{};v{};p{}", q.dimensions.join(","), levels.join(","), q.pathways.join(",")).unwrap();
    let hash = shape.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// `encode` (native: writes public/i18n/<code>.json) and `decode` (the app: reads it) of a
/// language's texts, as a JSON array: the catalogue's shape (`SHAPE`), then in the order of the
/// fields of `Texts` a string per text, an array per list, then the questions, dimensions,
/// levels and pathways as arrays. Matched by position: `decode` refuses a file of another shape
/// (an app of the last deploy meeting this deploy's file, or the other way round).
fn generate_codec(keys: &[(&String, &Value)], q: &QuestionnaireFile) -> String {
    let mut out = String::new();
    out.push_str("/// The catalogue's shape (its keys and the questionnaire's ids, hashed by build.rs), the\n");
    out.push_str("/// first item of a language file: `decode` reads only a file of this very shape.\n");
    writeln!(out, "pub const SHAPE: &str = \"labo-texts {}\";", shape_hash(keys, q)).unwrap();
    out.push_str("/// A language's texts as JSON, in the order `decode` reads them.\n");
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
    out.push_str("pub fn encode(t: &Texts) -> serde_json::Value {\n    use serde_json::json;\n    serde_json::Value::Array(vec![\n        json!(SHAPE),\n");
    for (key, _) in keys {
        writeln!(out, "        json!(t.{key}),").unwrap();
    }
    out.push_str(
        "        json!(t.questions.iter().map(|q| json!([q.title, q.hint, q.options])).collect::<Vec<_>>()),\n",
    );
    out.push_str("        json!(t.dimensions.iter().map(|d| json!([d.name, d.levels])).collect::<Vec<_>>()),\n");
    out.push_str("        json!(t.levels),\n");
    out.push_str("        json!(t.pathways.iter().map(|p| json!([p.name, p.summary, p.description, p.reasons.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>()])).collect::<Vec<_>>()),\n");
    out.push_str("    ])\n}\n\n");
    out.push_str("/// A language's texts from the JSON `encode` writes; `None` if it does not fit (another\n");
    out.push_str("/// build's file). The strings live as long as the app (they are read once).\n");
    // One check of the kinds first, then one small call per field: the code stays a few bytes
    // per text (a `?` per field would cost more wasm than the English texts it replaces).
    let kinds: String = keys.iter().map(|(_, v)| if matches!(v, Value::Text(_)) { 't' } else { 'l' }).collect();
    writeln!(out, "const KINDS: &[u8] = b\"s{kinds}qqlq\";").unwrap();
    out.push_str("pub fn decode(value: &serde_json::Value) -> Option<Texts> {\n    let items = value.as_array()?;\n");
    out.push_str(
        "    if items.len() != KINDS.len() || items[0].as_str() != Some(SHAPE) {\n        return None;\n    }\n",
    );
    // The texts and the lists read in two loops, then each field is a constant index into an
    // array (no bounds check, no branch): a few bytes of wasm per text.
    let text_count = kinds.matches('t').count();
    let list_count = kinds.matches('l').count() + 1; // and the levels
    writeln!(out, "    let texts: Vec<&'static str> = pick(items, b't', decode_text)?;").unwrap();
    writeln!(out, "    let lists: Vec<&'static [&'static str]> = pick(items, b'l', decode_list)?;").unwrap();
    writeln!(out, "    let t: &[&'static str; {text_count}] = texts.as_slice().try_into().ok()?;").unwrap();
    writeln!(out, "    let l: &[&'static [&'static str]; {list_count}] = lists.as_slice().try_into().ok()?;").unwrap();
    let n = keys.len() + 1; // the shape first
    out.push_str("    let texts = Texts {\n");
    let (mut ti, mut li) = (0, 0);
    for &(key, value) in keys {
        match value {
            Value::Text(_) => {
                writeln!(out, "        {key}: t[{ti}],").unwrap();
                ti += 1;
            }
            Value::List(_) => {
                writeln!(out, "        {key}: l[{li}],").unwrap();
                li += 1;
            }
        }
    }
    writeln!(out, "        questions: decode_all(&items[{}], decode_question)?,", n).unwrap();
    writeln!(out, "        dimensions: decode_all(&items[{}], decode_dimension)?,", n + 1).unwrap();
    writeln!(out, "        levels: l[{li}],").unwrap();
    writeln!(out, "        pathways: decode_all(&items[{}], decode_pathway)?,", n + 3).unwrap();
    out.push_str("    };\n    same_shape(&texts, LANGUAGES[0]).then_some(texts)\n}\n");
    out
}

fn generate_texts(dir: &Path, q: &QuestionnaireFile) -> Result<String, String> {
    let mut languages: Vec<Language> = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let file = path.display().to_string();
        let source = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
        let mut root: toml::Table = source.parse().map_err(|e| format!("{file}: {e}"))?;
        let questionnaire = questionnaire_texts(&root, q, &file)?;
        for key in QUESTIONNAIRE_TABLES {
            root.remove(key);
        }
        let mut flat = BTreeMap::new();
        flatten("", &root, &mut flat, &file)?;
        match flat.get("meta_lang") {
            Some(Value::Text(lang)) if *lang == code => {}
            _ => return Err(format!("{file}: [meta] lang must be \"{code}\", the file's name")),
        }
        languages.push(Language { code, flat, questionnaire });
    }
    let reference_index = languages
        .iter()
        .position(|l| l.code == REFERENCE_LANGUAGE)
        .ok_or_else(|| format!("content/i18n/{REFERENCE_LANGUAGE}.toml is missing"))?;
    let reference = languages.remove(reference_index);
    languages.insert(0, reference);

    let reference_keys = &languages[0].flat;
    for language in &languages[1..] {
        let (lang, keys) = (&language.code, &language.flat);
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
    // Texts first, then lists: the order of the file the other languages are fetched as
    // (`generate_codec`), and of the arrays `decode` fills the fields from.
    let mut ordered: Vec<(&String, &Value)> =
        reference_keys.iter().filter(|(_, v)| matches!(v, Value::Text(_))).collect();
    ordered.extend(reference_keys.iter().filter(|(_, v)| matches!(v, Value::List(_))));
    out.push_str("#[derive(Debug, PartialEq)]\npub struct Texts {\n");
    for &(key, value) in &ordered {
        let ty = match value {
            Value::Text(_) => "&'static str",
            Value::List(_) => "&'static [&'static str]",
        };
        writeln!(out, "    pub {key}: {ty},").unwrap();
    }
    out.push_str("    /// Texts of each question, in the order of `QUESTIONNAIRE.questions`.\n");
    out.push_str("    pub questions: &'static [QuestionText],\n");
    out.push_str("    /// Texts of each dimension, in the order of `QUESTIONNAIRE.dimensions`.\n");
    out.push_str("    pub dimensions: &'static [DimensionText],\n");
    out.push_str("    /// The name of each level, in the order of `QUESTIONNAIRE.levels`.\n");
    out.push_str("    pub levels: &'static [&'static str],\n");
    out.push_str("    /// Texts of each pathway, in the order of `QUESTIONNAIRE.pathways`.\n");
    out.push_str("    pub pathways: &'static [PathwayText],\n");
    out.push_str("}\n\n");
    let mut statics = Vec::new();
    for (index, language) in languages.iter().enumerate() {
        let ident = language.code.to_uppercase().replace('-', "_");
        // Only the reference language is compiled into the app: the others are fetched when
        // chosen (public/i18n/<code>.json, see `decode`), and stay compiled for native tests.
        if index > 0 {
            out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
        }
        writeln!(out, "pub static {ident}: Texts = Texts {{").unwrap();
        for (key, value) in &language.flat {
            match value {
                Value::Text(s) => writeln!(out, "    {key}: {},", rust_str(s)).unwrap(),
                Value::List(items) => {
                    let items: Vec<_> = items.iter().map(|s| rust_str(s)).collect();
                    writeln!(out, "    {key}: &[{}],", items.join(", ")).unwrap();
                }
            }
        }
        let [questions, dimensions, levels, pathways] = &language.questionnaire;
        writeln!(out, "    questions: &[\n        {questions}\n    ],").unwrap();
        writeln!(out, "    dimensions: &[\n        {dimensions}\n    ],").unwrap();
        writeln!(out, "    levels: &[{levels}],").unwrap();
        writeln!(out, "    pathways: &[\n        {pathways}\n    ],").unwrap();
        out.push_str("};\n\n");
        statics.push(format!("&{ident}"));
    }
    writeln!(out, "/// The languages compiled in, the reference language ({REFERENCE_LANGUAGE}) first: all of them in")
        .unwrap();
    writeln!(out, "/// native builds, only the reference in the app (the others are fetched when chosen).").unwrap();
    writeln!(out, "#[cfg(not(target_arch = \"wasm32\"))]").unwrap();
    writeln!(out, "pub static LANGUAGES: &[&Texts] = &[{}];", statics.join(", ")).unwrap();
    writeln!(out, "#[cfg(target_arch = \"wasm32\")]").unwrap();
    writeln!(out, "pub static LANGUAGES: &[&Texts] = &[{}];", statics[0]).unwrap();
    let names: Vec<String> = languages
        .iter()
        .map(|l| {
            let name = match l.flat.get("meta_name") {
                Some(Value::Text(name)) => name.clone(),
                _ => l.code.clone(),
            };
            format!("({}, {})", rust_str(&l.code), rust_str(&name))
        })
        .collect();
    writeln!(out, "/// Every language the app has, as (code, its own name), the reference first.").unwrap();
    writeln!(out, "pub static LANGUAGE_NAMES: &[(&str, &str)] = &[{}];", names.join(", ")).unwrap();
    // The {placeholders} of each text, for `fill!` to check the names it is given at compile
    // time (every language has the same ones: tests/content.rs).
    out.push_str("/// The `{placeholders}` of each text that has some: `fill!` checks its names against them.\n");
    out.push_str("#[allow(non_upper_case_globals)]\npub mod placeholders {\n");
    for (key, value) in reference_keys {
        if let Value::Text(text) = value {
            let names = placeholder_names(text);
            if !names.is_empty() {
                let names: Vec<String> = names.iter().map(|n| rust_str(n)).collect();
                writeln!(out, "    pub const {key}: &[&str] = &[{}];", names.join(", ")).unwrap();
            }
        }
    }
    out.push_str("}\n");
    out.push_str(&generate_codec(&ordered, q));
    let keys: Vec<_> = reference_keys.keys().map(|k| rust_str(k)).collect();
    writeln!(out, "/// Every key, for the test that finds unused ones.").unwrap();
    writeln!(out, "pub const KEYS: &[&str] = &[{}];", keys.join(", ")).unwrap();
    Ok(out)
}
