//! Endpoint adapters: the body actually sent, in the format the mission locale's endpoint wants.
//!
//! The endpoint is not ours. By default it receives our documented JSON contract
//! (`schema/signup-v2.json`). When it is an existing form handler, `config.json` can instead ask
//! for `application/x-www-form-urlencoded` or `multipart/form-data` (or a flat JSON object),
//! with a mapping from our fields to its field names and optional constant fields — no code
//! change. See docs/endpoint.md for examples, including the 1jeune1solution contact shape.

use serde_json::{Map, Value};

/// The wire format of the POST body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `application/json`.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "json" => Some(Format::Json),
            "form" => Some(Format::Form),
            "multipart" => Some(Format::Multipart),
            _ => None,
        }
    }

    /// The name config.json uses (the inverse of [`Format::parse`]).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Form => "form",
            Format::Multipart => "multipart",
        }
    }
}

/// How our fields become the endpoint's: `(endpoint field name, our path)` pairs and constant
/// `(name, value)` pairs, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    pub fields: Vec<(String, String)>,
    pub constants: Vec<(String, String)>,
}

/// The body to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A JSON text (`Content-Type: application/json`).
    Json(String),
    /// `name=value&…`, already encoded (`Content-Type: application/x-www-form-urlencoded`).
    Form(String),
    /// Fields for a `FormData` (the browser writes the multipart boundary).
    Multipart(Vec<(String, String)>),
}

/// Paths of our payload a mapping may name. `applicant.phone_national` is the phone as dialled in
/// France (`0612345678`), for handlers that expect it. Paths under `self_assessment.levels.`
/// and `self_assessment.answers.` name one dimension or question.
pub const PATHS: &[&str] = &[
    "schema_version",
    "reference",
    "idempotency_key",
    "submitted_at",
    "summary",
    "applicant.first_name",
    "applicant.last_name",
    "applicant.birth_date",
    "applicant.phone",
    "applicant.phone_national",
    "applicant.email",
    "applicant.commune.insee",
    "applicant.commune.name",
    "applicant.commune.postcode",
    "applicant.situation",
    "applicant.commune_given",
    "applicant.situation_other",
    "applicant.followed.answer",
    "applicant.followed.counsellor",
    "contact.channel",
    "contact.time",
    "contact.call_back_before",
    "idea",
    "eligibility.age",
    "eligibility.age_eligible",
    "eligibility.left_school",
    "eligibility.commune_in_territory",
    "eligibility.counsellor_override",
    "pathway.chosen",
    "pathway.suggested",
    "self_assessment",
    "self_assessment.questionnaire_version",
    "self_assessment.levels",
    "self_assessment.answers",
    "consent.share_self_assessment",
    "source",
    "source.counsellor",
    "source.campaign",
    "source.channel",
    "anti_spam.honeypot",
    "anti_spam.fill_seconds",
    "locale",
    "app_version",
];

/// Whether a mapping may name this path.
pub fn is_known_path(path: &str) -> bool {
    PATHS.contains(&path)
        || ["self_assessment.levels.", "self_assessment.answers."].iter().any(|prefix| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        })
}

/// The value at a dotted path (`null` when absent, e.g. no commune or no consent).
fn lookup(payload: &Value, path: &str) -> Value {
    if path == "applicant.phone_national" {
        let phone = payload.pointer("/applicant/phone").and_then(Value::as_str).unwrap_or_default();
        // France and the overseas departments share the national numbering plan (0 + 9 digits).
        let national = ["+33", "+262", "+590", "+594", "+596"]
            .iter()
            .find_map(|code| phone.strip_prefix(code).filter(|rest| rest.len() == 9).map(|rest| format!("0{rest}")));
        return Value::String(national.unwrap_or_else(|| phone.to_owned()));
    }
    let pointer = format!("/{}", path.replace('.', "/"));
    payload.pointer(&pointer).cloned().unwrap_or(Value::Null)
}

/// A value as form text: texts as they are, numbers and booleans written out, `null` empty,
/// lists and objects as JSON.
fn as_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Percent-encodes one name or value for `application/x-www-form-urlencoded` (WHATWG URL
/// standard: unreserved bytes as they are, space as `+`, the rest as `%XX` of UTF-8).
///
/// `form_urlencoded` (1.2.2, already in Cargo.lock through leptos' server_fn but not linked
/// into our wasm) does the same: Measured (issue 14) in a probe wasm built like the app's (opt-level z, LTO, wasm-opt -Oz 132, brotli 11), its `byte_serialize` and `parse` cost 411 B more than
/// this function and `share::decode`. Within the 1 KB a crate may cost, but not adopted: the
/// size ratchet only goes down, its `parse` decodes invalid UTF-8 lossily where ours refuses
/// the link, and the two functions are ten lines each, covered by the fuzz tests.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    out
}

/// The body for `format`. Without a mapping, JSON is our contract and forms send every field
/// under its dotted name.
pub fn encode(value: &Value, format: Format, mapping: Option<&Mapping>) -> Body {
    let value = value.clone();
    let Some(mapping) = mapping.filter(|m| !m.fields.is_empty() || !m.constants.is_empty()) else {
        return match format {
            Format::Json => Body::Json(value.to_string()),
            // No mapping: send our field names, flattened.
            Format::Form | Format::Multipart => encode_pairs(format, flatten(&value)),
        };
    };
    match format {
        Format::Json => {
            let mut object = Map::new();
            for (name, path) in &mapping.fields {
                object.insert(name.clone(), lookup(&value, path));
            }
            for (name, constant) in &mapping.constants {
                object.insert(name.clone(), Value::String(constant.clone()));
            }
            Body::Json(Value::Object(object).to_string())
        }
        Format::Form | Format::Multipart => {
            let mut pairs: Vec<(String, String)> =
                mapping.fields.iter().map(|(name, path)| (name.clone(), as_text(&lookup(&value, path)))).collect();
            pairs.extend(mapping.constants.iter().cloned());
            encode_pairs(format, pairs)
        }
    }
}

fn encode_pairs(format: Format, pairs: Vec<(String, String)>) -> Body {
    match format {
        Format::Multipart => Body::Multipart(pairs),
        _ => Body::Form(
            pairs.iter().map(|(n, v)| format!("{}={}", form_encode(n), form_encode(v))).collect::<Vec<_>>().join("&"),
        ),
    }
}

/// Every leaf of our payload as `(dotted.path, text)`.
fn flatten(value: &Value) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) if prefix.is_empty() || !prefix.starts_with("self_assessment") => {
                for (key, v) in map {
                    let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                    walk(&path, v, out);
                }
            }
            other => out.push((prefix.to_owned(), as_text(other))),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::signup::{
        AntiSpam, Applicant, CommunePayload, Consent, ContactChannel, ContactPreference, ContactTime, EligibilityFacts,
        Followed, FollowedPayload, PathwayChoice, Payload, Situation, Source,
    };

    fn json(payload: Payload) -> Value {
        serde_json::to_value(payload).unwrap()
    }

    fn payload() -> Payload {
        Payload {
            schema_version: "signup-v2".into(),
            reference: "ABCD3467".into(),
            idempotency_key: "12345678-9abc-4ef0-9234-56789abcdef0".into(),
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            summary: "Résumé de Léa".into(),
            applicant: Applicant {
                first_name: "Léa".into(),
                last_name: "Martin-Dupont".into(),
                birth_date: "2007-01-01".into(),
                phone: "+33612345678".into(),
                email: Some("lea+labo@exemple.fr".into()),
                commune: Some(CommunePayload {
                    insee: "76351".into(),
                    name: "Le Havre".into(),
                    postcode: "76610".into(),
                }),
                situation: Situation::JobSeeking,
                situation_other: None,
                commune_given: None,
                followed: Some(FollowedPayload { answer: Followed::Yes, counsellor: Some("Mme Diallo".into()) }),
            },
            contact: ContactPreference {
                channel: ContactChannel::Sms,
                time: ContactTime::Morning,
                call_back_before: "2026-12-04".into(),
            },
            idea: Some("Crêpes & cidre, 100 % local".into()),
            eligibility: EligibilityFacts {
                age: 19,
                age_eligible: true,
                left_school: true,
                commune_in_territory: true,
                counsellor_override: false,
            },
            pathway: PathwayChoice { chosen: Some("collective".into()), suggested: None },
            self_assessment: None,
            consent: Consent { share_self_assessment: false },
            source: Source { counsellor: Some("claire".into()), campaign: None, channel: Some("sms".into()) },
            anti_spam: AntiSpam { honeypot: String::new(), fill_seconds: 60 },
            locale: "fr".into(),
            app_version: "0.1.0".into(),
        }
    }

    /// The 1jeune1solution contact-request shape (docs/endpoint.md).
    fn one_young_one_solution() -> Mapping {
        let fields = [
            ("prénom", "applicant.first_name"),
            ("nom", "applicant.last_name"),
            ("téléphone", "applicant.phone"),
            ("email", "applicant.email"),
            ("age", "eligibility.age"),
            ("codePostal", "applicant.commune.postcode"),
            ("ville", "applicant.commune.name"),
            // Its free-text field carries the summary, so the counsellor reads the profile.
            ("commentaire", "summary"),
        ];
        Mapping {
            fields: fields.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect(),
            constants: Vec::new(),
        }
    }

    #[test]
    fn json_without_mapping_is_our_contract() {
        let Body::Json(text) = encode(&json(payload()), Format::Json, None) else { panic!() };
        let value: Value = crate::domain::json::parse_value(&text).unwrap();
        assert_eq!(value, serde_json::to_value(payload()).unwrap());
    }

    #[test]
    fn json_with_a_mapping_produces_the_1jeune1solution_shape() {
        let Body::Json(text) = encode(&json(payload()), Format::Json, Some(&one_young_one_solution())) else {
            panic!()
        };
        let value: Value = crate::domain::json::parse_value(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "prénom": "Léa", "nom": "Martin-Dupont", "téléphone": "+33612345678", "email": "lea+labo@exemple.fr",
                "age": 19, "codePostal": "76610", "ville": "Le Havre", "commentaire": "Résumé de Léa"
            })
        );
    }

    #[test]
    fn forms_are_encoded_with_the_mapping_and_constants() {
        let mut mapping = one_young_one_solution();
        mapping.fields.push(("idee".into(), "idea".into()));
        mapping.fields.push(("tel".into(), "applicant.phone_national".into()));
        mapping.fields.push(("niveau_idee".into(), "self_assessment.levels.idea".into()));
        mapping.constants.push(("origine".into(), "Lab'O".into()));
        let Body::Form(text) = encode(&json(payload()), Format::Form, Some(&mapping)) else { panic!() };
        assert_eq!(
            text,
            "pr%C3%A9nom=L%C3%A9a&nom=Martin-Dupont&t%C3%A9l%C3%A9phone=%2B33612345678&email=lea%2Blabo%40exemple.fr\
             &age=19&codePostal=76610&ville=Le+Havre&commentaire=R%C3%A9sum%C3%A9+de+L%C3%A9a&idee=Cr%C3%AApes+%26+cidre%2C+100+%25+local&tel=0612345678\
             &niveau_idee=&origine=Lab%27O"
        );
        let Body::Multipart(pairs) = encode(&json(payload()), Format::Multipart, Some(&mapping)) else { panic!() };
        assert_eq!(pairs[0], ("prénom".to_owned(), "Léa".to_owned()));
        assert_eq!(pairs.last().unwrap(), &("origine".to_owned(), "Lab'O".to_owned()));
    }

    #[test]
    fn every_format_carries_the_same_summary() {
        let value = json(payload());
        let mut found = Vec::new();
        let Body::Json(contract) = encode(&value, Format::Json, None) else { panic!() };
        found.push(crate::domain::json::parse_value(&contract).unwrap()["summary"].as_str().unwrap().to_owned());
        let Body::Json(mapped) = encode(&value, Format::Json, Some(&one_young_one_solution())) else { panic!() };
        found.push(crate::domain::json::parse_value(&mapped).unwrap()["commentaire"].as_str().unwrap().to_owned());
        let Body::Form(form) = encode(&value, Format::Form, None) else { panic!() };
        assert!(form.contains("&summary=R%C3%A9sum%C3%A9+de+L%C3%A9a"), "{form}");
        for mapping in [None, Some(one_young_one_solution())] {
            let Body::Multipart(pairs) = encode(&value, Format::Multipart, mapping.as_ref()) else { panic!() };
            let name = if mapping.is_some() { "commentaire" } else { "summary" };
            found.push(pairs.into_iter().find(|(n, _)| n == name).unwrap().1);
        }
        assert!(found.iter().all(|s| s == "Résumé de Léa"), "{found:?}");
    }

    #[test]
    fn national_phone_numbers_for_every_french_number() {
        let mapping =
            Mapping { fields: vec![("tel".into(), "applicant.phone_national".into())], constants: Vec::new() };
        for (e164, national) in [
            ("+33612345678", "0612345678"),
            ("+262692123456", "0692123456"),
            ("+596696123456", "0696123456"),
            ("+687751234", "+687751234"),
        ] {
            let mut p = payload();
            p.applicant.phone = e164.into();
            assert_eq!(
                encode(&json(p), Format::Multipart, Some(&mapping)),
                Body::Multipart(vec![("tel".into(), national.into())]),
                "{e164}"
            );
        }
    }

    #[test]
    fn forms_without_mapping_use_our_names() {
        let Body::Form(text) = encode(&json(payload()), Format::Form, None) else { panic!() };
        assert!(text.contains("applicant.first_name=L%C3%A9a"), "{text}");
        assert!(text.contains("applicant.commune.postcode=76610"), "{text}");
        assert!(text.contains("self_assessment=&"), "{text}");
    }

    #[test]
    fn known_paths() {
        for path in [
            "applicant.first_name",
            "eligibility.age",
            "self_assessment.levels.idea",
            "self_assessment.answers.idea_stage",
        ] {
            assert!(is_known_path(path), "{path}");
        }
        for path in [
            "",
            "applicant",
            "applicant.password",
            "self_assessment.levels.",
            "self_assessment.levels.a/b",
            "self_assessment.scores.idea",
            "__proto__",
        ] {
            assert!(!is_known_path(path), "{path}");
        }
        // Every listed path resolves in a full payload (or is legitimately null).
        let value = serde_json::to_value(payload()).unwrap();
        for path in PATHS.iter().filter(|p| !p.starts_with("self_assessment")) {
            assert!(
                !lookup(&value, path).is_null()
                    || ["applicant.situation_other", "applicant.commune_given", "pathway.suggested", "source.campaign"]
                        .contains(path),
                "{path}"
            );
        }
    }
}
