//! The self-assessment as young people read it: nothing about health, short questions, words
//! that do not sort people by gender, and a result that speaks in levels, never in marks.
#![cfg(not(target_arch = "wasm32"))]

use labo::content::LANGUAGES;
use labo::domain::questionnaire::QUESTIONNAIRE;

/// Words that would make an answer health data (GDPR art. 9), in French and English.
const HEALTH: &[&str] = &[
    "santé", "sante", "malad", "handicap", "médic", "medic", "soin", "hôpital", "hopital", "psy", "thérap", "therap",
    "health", "illness", "sick", "disab", "hospital",
];

/// The first health word a text contains (at the start of one of its words: "besoin" is not
/// "soin").
fn is_about_health(text: &str) -> Option<&'static str> {
    let text = text.to_lowercase();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    HEALTH.iter().copied().find(|stem| words.iter().any(|w| w.starts_with(stem)))
}

#[test]
fn no_answer_of_any_question_is_about_health_in_any_language() {
    for (q, question) in QUESTIONNAIRE.questions.iter().enumerate() {
        for option in question.options {
            assert_eq!(is_about_health(option.id), None, "{}.{}", question.id, option.id);
        }
        for texts in LANGUAGES {
            let text = &texts.questions[q];
            for line in [text.title, text.hint].iter().chain(text.options) {
                assert_eq!(is_about_health(line), None, "{} ({}): {line}", question.id, texts.meta_lang);
            }
        }
    }
    // The catch-all is for the counsellor's ears only, and says nothing more precise.
    let constraints = QUESTIONNAIRE.questions.iter().position(|q| q.id == "constraints").unwrap();
    let other = QUESTIONNAIRE.questions[constraints].options.iter().position(|o| o.id == "other").unwrap();
    assert_eq!(
        LANGUAGES[0].questions[constraints].options[other],
        "Autre chose, que je préfère dire à la conseillère ou au conseiller"
    );
}

/// Words of a question, not counting punctuation marks written apart (« ? », « … »).
fn words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

#[test]
fn questions_are_short_and_the_test_takes_about_five_minutes() {
    let count = QUESTIONNAIRE.questions.len();
    assert!((12..=18).contains(&count), "{count} questions");
    for texts in LANGUAGES {
        for (q, text) in texts.questions.iter().enumerate() {
            let id = QUESTIONNAIRE.questions[q].id;
            assert!(words(text.title) <= 15, "{id} ({}): {} words: {}", texts.meta_lang, words(text.title), text.title);
        }
    }
}

/// "motivé ou motivée", "curieux ou curieuse", "prêt ou prête": the same word twice, once per
/// gender. (Naming both people, "la conseillère ou le conseiller", is not a doublet.)
fn stacked_doublet(text: &str) -> Option<String> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.windows(3).find_map(|w| {
        let (a, or, b) = (&w[0], &w[1], &w[2]);
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let shorter = a.chars().count().min(b.chars().count());
        (or == "ou" && a != b && common >= 4.min(shorter) && common + 2 >= shorter).then(|| format!("{a} ou {b}"))
    })
}

#[test]
fn the_tests_texts_are_gender_neutral() {
    let french = LANGUAGES[0];
    assert_eq!(stacked_doublet("Tu es motivé ou motivée"), Some("motivé ou motivée".into()));
    assert_eq!(stacked_doublet("Curieux ou curieuse de voir"), Some("curieux ou curieuse".into()));
    assert_eq!(stacked_doublet("Pas encore prêt ou prête"), Some("prêt ou prête".into()));
    assert_eq!(stacked_doublet("avec la conseillère ou le conseiller"), None);
    let mut texts: Vec<&str> = Vec::new();
    for question in french.questions {
        texts.push(question.title);
        texts.push(question.hint);
        texts.extend(question.options);
    }
    for dimension in french.dimensions {
        texts.push(dimension.name);
        texts.extend(dimension.levels);
    }
    for pathway in french.pathways {
        texts.extend([pathway.name, pathway.summary, pathway.description]);
        texts.extend(pathway.reasons.iter().map(|(_, reason)| *reason));
    }
    texts.extend(french.levels);
    texts.extend([french.result_intro, french.result_constraints_note, french.result_counsellor_decides]);
    for text in texts {
        assert_eq!(stacked_doublet(text), None, "{text}");
        for gendered in [" seul ", " seule ", "accompagné ", "prêt ", "motivé"] {
            assert!(!format!(" {text} ").contains(gendered), "« {gendered} » in: {text}");
        }
    }
}

#[test]
fn the_result_speaks_in_words_never_in_marks() {
    for texts in LANGUAGES {
        assert_eq!(texts.levels.len(), QUESTIONNAIRE.levels.len());
        for (d, dimension) in texts.dimensions.iter().enumerate() {
            assert_eq!(dimension.levels.len(), QUESTIONNAIRE.levels.len(), "{}", QUESTIONNAIRE.dimensions[d]);
        }
        let result: Vec<&str> = [texts.result_intro, texts.result_constraints_note]
            .into_iter()
            .chain(texts.result_group_titles.iter().copied())
            .chain(texts.levels.iter().copied())
            .chain(texts.dimensions.iter().flat_map(|d| d.levels.iter().copied()))
            .collect();
        for text in result {
            assert!(!text.contains("100") && !text.contains('%') && !text.contains("/"), "a mark in: {text}");
            assert!(!text.chars().any(|c| c.is_ascii_digit()), "a number in: {text}");
        }
    }
}
