//! The payloads the app builds follow the published contract, `schema/signup-v2.json` (the same
//! file the stand-in validates incoming bodies with), and carry what the young person typed.
#![cfg(not(target_arch = "wasm32"))]
// Native tests, never in the wasm: clippy.toml's size rules do not apply.
#![allow(clippy::disallowed_methods)]

use chrono::NaiveDate;
use labo::domain::eligibility::EligibilityForm;
use labo::domain::ids;
use labo::domain::questionnaire::{Answers, QUESTIONNAIRE};
use labo::domain::signup::{
    ContactChannel, ContactTime, Envelope, Followed, Payload, SignupForm, SignupParts, Situation, Source,
};
use labo::domain::territory::{CommuneChoice, Territory};
use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/signup-v2.json")).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

fn territory() -> Territory {
    Territory::parse(include_str!("../public/communes.json")).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn all_answers(pick: usize) -> Answers {
    QUESTIONNAIRE
        .questions
        .iter()
        .map(|q| (q.id.to_owned(), vec![q.options[pick.min(q.options.len() - 1)].id.to_owned()]))
        .collect()
}

struct Case {
    first_name: &'static str,
    phone: &'static str,
    email: &'static str,
    commune: Option<(&'static str, &'static str)>,
    answers: Answers,
    share: bool,
    pathway: &'static str,
    source: Source,
    year: &'static str,
    /// What was typed in the commune search (the list's commune, or one elsewhere).
    commune_query: &'static str,
    followed: Option<Followed>,
    followed_by: &'static str,
}

fn build(case: Case, seed: u8) -> Value {
    let eligibility = EligibilityForm {
        day: "14".into(),
        month: "3".into(),
        year: case.year.into(),
        at_school: Some(false),
        commune_query: case.commune_query.into(),
        commune: case.commune.map(|(insee, postcode)| CommuneChoice { insee: insee.into(), postcode: postcode.into() }),
        elsewhere: case.commune.is_none(),
    }
    .validate(&territory(), today())
    .unwrap();
    let details = SignupForm {
        first_name: case.first_name.into(),
        last_name: "Martin".into(),
        phone: case.phone.into(),
        email: case.email.into(),
        situation: Some(Situation::JobSeeking),
        contact_channel: Some(ContactChannel::Sms),
        contact_time: Some(ContactTime::Afternoon),
        idea: "Un food truck de crêpes".into(),
        pathway: case.pathway.into(),
        share_answers: case.share,
        followed: case.followed,
        followed_by: case.followed_by.into(),
        ..SignupForm::default()
    }
    .validate(QUESTIONNAIRE.pathways)
    .unwrap();
    let mut n = seed;
    let envelope = Envelope {
        reference: ids::reference(|| {
            n = n.wrapping_mul(31).wrapping_add(7);
            n
        }),
        idempotency_key: ids::uuid_v4([seed; 16]),
        submitted_at: "2026-11-27T16:08:42+01:00".into(),
        locale: "fr".into(),
    };
    let territory = territory();
    let parts = SignupParts {
        eligibility: &eligibility,
        details: &details,
        territory: &territory,
        questionnaire: &QUESTIONNAIRE,
        answers: &case.answers,
        counsellor_override: case.commune.is_none(),
        source: case.source,
        fill_seconds: 95,
        honeypot: String::new(),
        call_back_before: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    };
    serde_json::to_value(Payload::build(parts, envelope)).unwrap()
}

fn with_test_and_consent() -> Case {
    Case {
        first_name: "Léa",
        phone: "06 12 34 56 78",
        email: "lea@exemple.fr",
        commune: Some(("76351", "76610")),
        answers: all_answers(2),
        share: true,
        pathway: "collective",
        source: Source::default(),
        year: "2007",
        commune_query: "Le Havre",
        followed: None,
        followed_by: "",
    }
}

#[test]
fn produced_payloads_follow_the_schema() {
    let validator = validator();
    let cases = [
        with_test_and_consent(),
        Case { share: false, ..with_test_and_consent() },
        Case { answers: Answers::new(), pathway: "undecided", email: "", ..with_test_and_consent() },
        Case { commune: None, phone: "+262 692 12 34 56", first_name: "N'Golo", ..with_test_and_consent() },
        Case {
            source: Source {
                counsellor: Some("mlh-claire".into()),
                campaign: Some("forum-mars".into()),
                channel: Some("sms".into()),
            },
            ..with_test_and_consent()
        },
    ];
    for (seed, case) in cases.into_iter().enumerate() {
        let body = build(case, seed as u8);
        let errors: Vec<String> = validator.iter_errors(&body).map(|e| format!("{}: {e}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{body:#}\n{errors:#?}");
    }
}

#[test]
fn the_payload_carries_the_typed_values_and_the_profile_only_with_consent() {
    let body = build(with_test_and_consent(), 1);
    assert_eq!(body["applicant"]["first_name"], "Léa");
    assert_eq!(body["applicant"]["birth_date"], "2007-03-14");
    assert_eq!(body["applicant"]["phone"], "+33612345678");
    assert_eq!(body["applicant"]["commune"], json!({"insee": "76351", "name": "Le Havre", "postcode": "76610"}));
    assert_eq!(body["contact"], json!({"channel": "sms", "time": "afternoon", "call_back_before": "2026-12-04"}));
    assert_eq!(
        body["eligibility"],
        json!({"age": 19, "age_eligible": true, "left_school": true, "commune_in_territory": true, "counsellor_override": false})
    );
    assert_eq!(body["pathway"], json!({"chosen": "collective", "suggested": "individual"}));
    // The profile in words, as the young person saw it: no mark, no points (the privacy notice
    // says "en mots et pas en notes", and that is all that is sent).
    assert_eq!(body["self_assessment"]["levels"]["idea"], "already");
    assert!(body["self_assessment"].get("points").is_none());
    assert_eq!(body["self_assessment"]["levels"].as_object().unwrap().len(), QUESTIONNAIRE.dimensions.len());
    assert!(body["self_assessment"].get("scores").is_none());
    assert_eq!(body["self_assessment"]["answers"]["idea_stage"], json!(["clear"]));
    assert_eq!(body["consent"]["share_self_assessment"], true);
    assert_eq!(body["source"], json!({}));
    assert_eq!(body["anti_spam"], json!({"honeypot": "", "fill_seconds": 95}));

    let without_consent = build(Case { share: false, ..with_test_and_consent() }, 2);
    assert_eq!(without_consent["self_assessment"], Value::Null);
    assert_eq!(without_consent["consent"]["share_self_assessment"], false);
    assert_eq!(without_consent["pathway"]["suggested"], Value::Null, "the suggestion is part of the profile");

    let direct = build(Case { answers: Answers::new(), pathway: "undecided", email: "", ..with_test_and_consent() }, 3);
    assert_eq!(direct["self_assessment"], Value::Null);
    assert_eq!(direct["consent"]["share_self_assessment"], false, "no test, nothing to share");
    assert_eq!(direct["pathway"], json!({"chosen": null, "suggested": null}));
    assert_eq!(direct["applicant"]["email"], Value::Null);

    let outside = build(Case { commune: None, ..with_test_and_consent() }, 4);
    assert_eq!(outside["applicant"]["commune"], Value::Null);
    assert_eq!(outside["eligibility"]["commune_in_territory"], false);
    assert_eq!(outside["eligibility"]["counsellor_override"], true);
}

#[test]
fn the_schema_rejects_what_the_app_never_sends() {
    let validator = validator();
    let good = build(with_test_and_consent(), 1);
    assert!(validator.is_valid(&good));
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 9] = [
        ("unknown field", |v| v["extra"] = "x".into()),
        ("missing reference", |v| {
            v.as_object_mut().unwrap().remove("reference");
        }),
        ("ambiguous reference", |v| v["reference"] = "ABCD0OI1".into()),
        ("scores out of 100", |v| v["self_assessment"]["scores"] = json!({"idea": 67})),
        ("national phone", |v| v["applicant"]["phone"] = "0612345678".into()),
        ("timestamp without offset", |v| v["submitted_at"] = "2026-11-27 16:08".into()),
        ("other schema", |v| v["schema_version"] = "signup-v1".into()),
        ("unknown pathway", |v| v["pathway"]["chosen"] = "fast-track".into()),
        ("a mark instead of a level", |v| v["self_assessment"]["levels"]["idea"] = 67.into()),
    ];
    for (what, mutate) in mutations {
        let mut body = good.clone();
        mutate(&mut body);
        assert!(!validator.is_valid(&body), "{what} should be refused");
    }
}

#[test]
fn a_sign_up_that_ticked_every_constraint_carries_them_as_facts_and_nothing_about_health() {
    let every_constraint: Vec<String> = QUESTIONNAIRE
        .questions
        .iter()
        .find(|q| q.id == "constraints")
        .unwrap()
        .options
        .iter()
        .filter(|o| !o.exclusive)
        .map(|o| o.id.to_owned())
        .collect();
    let mut answers = all_answers(2);
    answers.insert("constraints".into(), every_constraint.clone());
    let ticked = build(Case { answers, ..with_test_and_consent() }, 5);
    assert!(validator().is_valid(&ticked));
    assert_eq!(ticked["self_assessment"]["answers"]["constraints"], json!(every_constraint));
    // The same answers without constraints: the same levels and the same suggestion.
    let mut answers = all_answers(2);
    answers.insert("constraints".into(), vec!["none".into()]);
    let none = build(Case { answers, ..with_test_and_consent() }, 5);
    assert_eq!(ticked["self_assessment"]["levels"], none["self_assessment"]["levels"]);
    assert_eq!(ticked["self_assessment"]["points"], none["self_assessment"]["points"]);
    assert_eq!(ticked["pathway"], none["pathway"]);
    let text = ticked.to_string().to_lowercase();
    for word in ["health", "sant\u{e9}", "santé", "malad", "handicap", "medic", "médic", "soin", "illness", "disab"] {
        assert!(!text.contains(word), "{word} in {text}");
    }
}

/// The summary of a built payload.
fn summary(body: &Value) -> String {
    body["summary"].as_str().unwrap().to_owned()
}

#[test]
fn every_sign_up_carries_a_french_summary_a_counsellor_can_read_anywhere() {
    let mut answers = all_answers(2);
    answers.insert("constraints".into(), vec!["transport".into(), "other".into()]);
    let source = Source {
        counsellor: Some("Claire M.".into()),
        campaign: Some("forum-mars".into()),
        channel: Some("salon".into()),
    };
    let body = build(Case { answers, source, ..with_test_and_consent() }, 6);
    let text = summary(&body);
    println!("{text}");
    for expected in [
        "Léa Martin",
        "19\u{a0}ans",
        "Le Havre (76610)",
        "Situation\u{a0}: cherche un emploi",
        "par SMS, l’après-midi (06 12 34 56 78, lea@exemple.fr)",
        "Parcours souhaité\u{a0}: S’entraîner en groupe",
        "Suggestion du test\u{a0}: Avancer en individuel",
        "Mon idée est claire",
        "Déjà là\u{a0}:",
        "Un food truck de crêpes",
        "Contraintes signalées\u{a0}: «\u{202f}Les transports pour venir aux rendez-vous\u{202f}»",
        "Autre chose, que je préfère dire à la conseillère ou au conseiller",
        "conseillère ou conseiller Claire M., campagne forum-mars, canal salon",
    ] {
        assert!(text.contains(expected), "« {expected} » missing from:\n{text}");
    }
    assert!(text.chars().count() <= 1_500);
    assert!(!text.contains("/100") && !text.contains(" sur 100"), "no mark:\n{text}");
}

#[test]
fn the_summary_says_first_what_a_counsellor_asks_first() {
    // 17, living in Rouen (a counsellor's link let her through), already followed by Mme Diallo.
    let case = Case {
        year: "2009",
        commune: None,
        commune_query: "  Rouen\n",
        followed: Some(Followed::Yes),
        followed_by: "Mme  Diallo",
        ..with_test_and_consent()
    };
    let body = build(case, 11);
    let text = summary(&body);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("du 27/11/2026. À contacter avant le vendredi 4\u{a0}décembre."), "{text}");
    assert_eq!(lines[1], "Déjà suivi par la Mission Locale\u{a0}: oui, par Mme Diallo.", "{text}");
    assert!(lines[2].contains("date de naissance 14/03/2009 (17\u{a0}ans, mineur)"), "{text}");
    assert!(lines[2].contains("hors du territoire («\u{202f}Rouen\u{202f}»)"), "{text}");
    assert_eq!(body["applicant"]["commune_given"], "Rouen");
    assert_eq!(body["applicant"]["followed"], json!({ "answer": "yes", "counsellor": "Mme Diallo" }));
    assert_eq!(body["contact"]["call_back_before"], "2026-12-04");
    // Labels for a counsellor, no notes to the reader; the preference even when the rule
    // that gave the suggestion did not use it.
    assert!(text.contains("Idée") && text.contains("Confiance en soi"), "{text}");
    for addressed_to_the_young_person in ["Ton idée", "Confiance en toi", "pas de notes", "jamais un critère"] {
        assert!(!text.contains(addressed_to_the_young_person), "« {addressed_to_the_young_person} »:\n{text}");
    }
    assert!(text.contains("Préférence\u{a0}: «\u{202f}Les deux me vont"), "{text}");
    // Not answered: said so; an adult in the list: no "mineur", no typed commune.
    let text = summary(&build(with_test_and_consent(), 12));
    assert_eq!(text.lines().nth(1), Some("Déjà suivi par la Mission Locale\u{a0}: non renseigné."), "{text}");
    assert!(!text.contains("mineur") && text.contains("(19\u{a0}ans)"), "{text}");
    assert!(validator().validate(&build(with_test_and_consent(), 13)).is_ok());
}

#[test]
fn without_consent_the_summary_says_so_in_one_line_and_shares_nothing_of_the_test() {
    let mut answers = all_answers(2);
    answers.insert("constraints".into(), vec!["money".into()]);
    let body = build(Case { answers, share: false, ..with_test_and_consent() }, 7);
    let text = summary(&body);
    assert!(text.contains("Résultat du test\u{a0}: non transmis"), "{text}");
    for private in
        ["Suggestion", "Profil", "Contraintes", "argent", "Temps disponible", "Préférence", "Déjà là", "En route"]
    {
        assert!(!text.contains(private), "« {private} » shared without consent:\n{text}");
    }
    // What the form itself sends is there.
    assert!(text.contains("Léa Martin") && text.contains("Un food truck de crêpes"), "{text}");
}

#[test]
fn the_summary_stays_short_whatever_is_typed_and_says_when_english_was_used() {
    let case = with_test_and_consent();
    let mut body = build(case, 8);
    assert!(!summary(&body).contains("anglais"));
    // The longest idea and names: the summary is cut, never longer than 1,500 bytes.
    let eligibility = EligibilityForm {
        day: "14".into(),
        month: "3".into(),
        year: "2007".into(),
        at_school: Some(false),
        commune_query: "x".into(),
        commune: Some(CommuneChoice { insee: "76351".into(), postcode: "76610".into() }),
        elsewhere: false,
    }
    .validate(&territory(), today())
    .unwrap();
    let details = SignupForm {
        first_name: "A".repeat(50),
        last_name: "B".repeat(50),
        phone: "06 12 34 56 78".into(),
        email: format!("{}@exemple.fr", "c".repeat(60)),
        situation: Some(Situation::Other),
        situation_other: "D".repeat(100),
        contact_channel: Some(ContactChannel::Email),
        contact_time: Some(ContactTime::AnyTime),
        idea: "une idée très longue ".repeat(60).chars().take(1000).collect(),
        pathway: "collective".into(),
        share_answers: true,
        ..SignupForm::default()
    }
    .validate(QUESTIONNAIRE.pathways)
    .unwrap();
    let mut answers = all_answers(0);
    answers.insert(
        "constraints".into(),
        vec![
            "work_hours".into(),
            "childcare".into(),
            "transport".into(),
            "housing".into(),
            "money".into(),
            "other".into(),
        ],
    );
    let territory = territory();
    let parts = SignupParts {
        eligibility: &eligibility,
        details: &details,
        territory: &territory,
        questionnaire: &QUESTIONNAIRE,
        answers: &answers,
        counsellor_override: false,
        source: Source {
            counsellor: Some("x".repeat(40)),
            campaign: Some("y".repeat(40)),
            channel: Some("z".repeat(20)),
        },
        fill_seconds: 95,
        honeypot: String::new(),
        call_back_before: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    };
    let envelope = Envelope {
        reference: "ABCD3467".into(),
        idempotency_key: ids::uuid_v4([3; 16]),
        submitted_at: "2026-11-27T16:08:42+01:00".into(),
        locale: "en".into(),
    };
    body = serde_json::to_value(Payload::build(parts, envelope)).unwrap();
    let text = summary(&body);
    println!("{text}");
    assert_within_1500(&text);
    assert!(text.contains("…"), "the idea is cut, not the essentials:\n{text}");
    assert!(text.contains("La personne a utilisé l’application en anglais."), "{text}");
    assert!(text.contains("Contraintes signalées"), "{text}");
    let errors: Vec<String> = validator().iter_errors(&body).map(|e| format!("{}: {e}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_summary_follows_french_typography_and_says_nothing_about_health() {
    let mut answers = all_answers(1);
    answers.insert("constraints".into(), vec!["childcare".into(), "other".into()]);
    for share in [true, false] {
        let text = summary(&build(Case { answers: answers.clone(), share, ..with_test_and_consent() }, 9));
        for (i, c) in text.char_indices() {
            let before = text[..i].chars().last();
            if matches!(c, ':' | ';' | '!' | '?' | '»') {
                assert_ne!(before, Some(' '), "a breakable space before « {c} » at {i}:\n{text}");
            }
            if before == Some('«') {
                assert_ne!(c, ' ', "a breakable space after « at {i}:\n{text}");
            }
        }
        assert!(!text.contains('\''), "straight apostrophe:\n{text}");
        let lower = text.to_lowercase();
        for word in ["santé", "health", "malad", "handicap", "médic"] {
            assert!(!lower.contains(word), "{word}:\n{text}");
        }
    }
}

/// The summary of a sign-up with every typed text chosen, the test shared, every constraint
/// ticked, English used: the longest a summary gets.
fn summary_of(first: &str, last: &str, situation_other: &str, idea: &str, source: Source) -> (String, Value) {
    let eligibility = EligibilityForm {
        day: "14".into(),
        month: "3".into(),
        year: "2007".into(),
        at_school: Some(false),
        commune_query: "x".into(),
        commune: Some(CommuneChoice { insee: "76351".into(), postcode: "76610".into() }),
        elsewhere: false,
    }
    .validate(&territory(), today())
    .unwrap();
    let details = SignupForm {
        first_name: first.into(),
        last_name: last.into(),
        phone: "06 12 34 56 78".into(),
        email: format!("{}@exemple.fr", "c".repeat(60)),
        situation: Some(Situation::Other),
        situation_other: situation_other.into(),
        contact_channel: Some(ContactChannel::Email),
        contact_time: Some(ContactTime::AnyTime),
        idea: idea.into(),
        pathway: "collective".into(),
        share_answers: true,
        ..SignupForm::default()
    }
    .validate(QUESTIONNAIRE.pathways)
    .unwrap_or_else(|e| panic!("{e:?}"));
    let mut answers = all_answers(0);
    answers.insert(
        "constraints".into(),
        ["work_hours", "childcare", "transport", "housing", "money", "other"].map(String::from).to_vec(),
    );
    let territory = territory();
    let parts = SignupParts {
        eligibility: &eligibility,
        details: &details,
        territory: &territory,
        questionnaire: &QUESTIONNAIRE,
        answers: &answers,
        counsellor_override: false,
        source,
        fill_seconds: 95,
        honeypot: String::new(),
        call_back_before: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    };
    let envelope = Envelope {
        reference: "ABCD3467".into(),
        idempotency_key: ids::uuid_v4([3; 16]),
        submitted_at: "2026-11-27T16:08:42+01:00".into(),
        locale: "en".into(),
    };
    let body = serde_json::to_value(Payload::build(parts, envelope)).unwrap();
    (summary(&body), body)
}

/// Both measures an old handler's field limit may use: UTF-8 bytes (a `VARCHAR` in bytes) and
/// UTF-16 units (JavaScript's `length`, a `maxlength`).
fn assert_within_1500(text: &str) {
    let (bytes, units) = (text.len(), text.encode_utf16().count());
    assert!(bytes <= 1_500 && units <= 1_500, "{bytes} bytes, {units} UTF-16 units:\n{text}");
}

/// The quoted idea, if it was cut: it ends after a whole word of the idea (or, for a single
/// word longer than the room, between two whole characters).
fn assert_idea_cut_between_words(text: &str, body: &Value) {
    let idea: String = body["idea"].as_str().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(line) = text.lines().find(|l| l.starts_with("Son idée")) else { return };
    let Some(quoted) = line.strip_prefix("Son idée\u{a0}: «\u{202f}").and_then(|l| l.strip_suffix("\u{202f}»"))
    else {
        return;
    };
    let Some(kept) = quoted.strip_suffix('…') else {
        assert_eq!(quoted, idea, "not cut, so whole");
        return;
    };
    let rest = idea.strip_prefix(kept).unwrap_or_else(|| panic!("« {kept} » is not the start of « {idea} »"));
    let next = rest.chars().next().expect("cut, so something is left");
    let one_word = !kept.contains(char::is_whitespace);
    assert!(
        next.is_whitespace() || one_word,
        "cut inside a word: « …{} » | « {} »",
        kept.chars().rev().take(10).collect::<String>().chars().rev().collect::<String>(),
        rest.chars().take(10).collect::<String>()
    );
    assert!(
        !matches!(next, '\u{300}'..='\u{36f}' | '\u{200d}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}'),
        "cut inside a character made of several: {next:?}"
    );
}

#[test]
fn the_summary_limit_holds_in_utf8_bytes_and_utf16_units_with_emoji_and_accents() {
    // 1,000 characters of emoji (4 bytes, 2 UTF-16 units each) or accents (2 bytes): the idea
    // takes only the room left in bytes, so every measure stays within 1,500.
    let emoji = "🚀🥐 crêpes ".repeat(100).chars().take(1000).collect::<String>();
    let accents = "éèêàçœ ".repeat(150).chars().take(1000).collect::<String>();
    let family = "👨‍👩‍👧 👍🏽 🇫🇷 e\u{301}té ".repeat(80).chars().take(1000).collect::<String>();
    for idea in [emoji, accents, family] {
        let (text, body) = summary_of("Léa", "Martin", "autre", &idea, Source::default());
        assert_within_1500(&text);
        assert!(text.contains('…'), "the idea is cut:\n{text}");
        assert!(text.contains("La personne a utilisé l’application en anglais."), "the essentials stay:\n{text}");
        assert_idea_cut_between_words(&text, &body);
    }
}

#[test]
fn the_idea_is_cut_after_a_whole_word() {
    let idea = "une idée très longue ".repeat(60).chars().take(1000).collect::<String>();
    let (text, body) = summary_of("Léa", "Martin", "autre", &idea, Source::default());
    assert!(text.contains('…'), "{text}");
    assert_idea_cut_between_words(&text, &body);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Whatever is typed (names in any script, up to 4 bytes a letter; an idea of emoji,
    /// accents, flags, families, combining accents, long words), the summary stays within
    /// 1,500 UTF-8 bytes and 1,500 UTF-16 units, and the idea is never cut inside a word.
    #[test]
    fn the_summary_stays_within_1500_in_every_measure(
        first in "[A-Za-zéàçÉ一-龥𐐀-𐐏]{1,50}",
        last in "[A-Za-zéàçÉ一-龥𐐀-𐐏]{1,50}",
        other in "[a-zé😀-🙏 ]{0,100}",
        words in proptest::collection::vec(
            proptest::prop_oneof![
                "[a-zàéèêçœ’]{1,12}",
                "[😀-🙏]{1,6}",
                proptest::strategy::Just("👍🏽".to_owned()),
                proptest::strategy::Just("👨‍👩‍👧".to_owned()),
                proptest::strategy::Just("🇫🇷🇧🇪".to_owned()),
                proptest::strategy::Just("e\u{301}te\u{301}".to_owned()),
                "[a-z]{40,120}",
                "[一-龥]{1,20}",
            ],
            0..250,
        ),
        counsellor in "[a-zé😀-🙏]{0,40}",
    ) {
        let idea: String = words.join(" ").chars().take(1000).collect();
        let source = Source { counsellor: Some(counsellor.clone()).filter(|c| !c.is_empty()), campaign: Some(counsellor.clone()).filter(|c| !c.is_empty()), channel: None };
        let (text, body) = summary_of(&first, &last, &other, &idea, source);
        assert_within_1500(&text);
        assert_idea_cut_between_words(&text, &body);
    }
}
