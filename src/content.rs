//! The app's content, generated at build time from the files under `content/` (see `build.rs`).
//!
//! Editors change the TOML files; a missing or extra key in a language stops the build with a
//! message naming the file and the key.

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// The texts of one question of the self-assessment.
#[derive(Debug)]
pub struct QuestionText {
    /// The question, shown as the page's heading.
    pub title: &'static str,
    /// A line under the question (empty when there is none).
    pub hint: &'static str,
    /// One text per answer, in the order of the questionnaire's options.
    pub options: &'static [&'static str],
}

/// The texts of one dimension of the profile.
#[derive(Debug)]
pub struct DimensionText {
    pub name: &'static str,
    /// One sentence per level (in the order of `QUESTIONNAIRE.levels`), said to the young
    /// person whose answers put this dimension at that level: never a mark, always a next step.
    pub levels: &'static [&'static str],
}

/// The texts of one pathway.
#[derive(Debug)]
pub struct PathwayText {
    pub name: &'static str,
    /// One line, for lists.
    pub summary: &'static str,
    pub description: &'static str,
    /// Why it is suggested: one text per `reason` of the conditions of its rules, and `default`
    /// for a rule without condition.
    pub reasons: &'static [(&'static str, &'static str)],
}

impl PathwayText {
    /// The text of a rule condition's `reason` (or `default`).
    pub fn reason(&self, key: &str) -> Option<&'static str> {
        self.reasons.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
    }
}

/// Replaces `{name}` placeholders in a text, e.g. `fill("Question {n} sur {total}", &[("n", "4"), ("total", "15")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Fills `{mission_locale}` with the deployment's short name ("la Mission Locale", "the Mission
/// Locale" in English), with a capital at the start of a sentence.
pub fn fill_mission_locale(t: &Texts, template: &str, short_name: &str) -> String {
    let name = crate::domain::config::short_name_in(short_name, t.meta_lang);
    crate::domain::typography::fill_name(template, "mission_locale", &name)
}

/// The language whose code is `code`, if the app has it.
pub fn language(code: &str) -> Option<&'static Texts> {
    LANGUAGES.iter().copied().find(|t| t.meta_lang == code)
}

/// Splits a text around its `{name}` placeholder, to put a link or an emphasis in its place:
/// `around("Appelle le {phone}.", "phone") == ("Appelle le ", ".")`. Without the placeholder, the
/// whole text comes first.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    match template.find(&placeholder) {
        Some(start) => (&template[..start], &template[start + placeholder.len()..]),
        None => (template, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_splits_placeholders() {
        assert_eq!(fill("Question {n} sur {total}", &[("n", "4"), ("total", "15")]), "Question 4 sur 15");
        assert_eq!(around("Appelle le {phone}.", "phone"), ("Appelle le ", "."));
        assert_eq!(around("Pas de numéro.", "phone"), ("Pas de numéro.", ""));
    }

    #[test]
    fn the_mission_locale_is_named_in_each_language() {
        let (fr, en) = (language("fr").unwrap(), language("en").unwrap());
        let template = "{mission_locale} répond. Appelle {mission_locale}.";
        assert_eq!(
            fill_mission_locale(fr, template, "la Mission Locale"),
            "La Mission Locale répond. Appelle la Mission Locale."
        );
        assert_eq!(fill_mission_locale(en, "Call {mission_locale}.", "la Mission Locale"), "Call the Mission Locale.");
    }

    #[test]
    fn french_is_the_reference_language() {
        assert_eq!(LANGUAGES[0].meta_lang, "fr");
        assert!(language("fr").is_some());
        assert!(language("xx").is_none());
    }
}
