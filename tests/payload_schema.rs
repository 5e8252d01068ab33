//! The payloads the app builds follow the published contract, `schema/signup-v1.json` (the same
//! file the stand-in validates incoming bodies with).
#![cfg(not(target_arch = "wasm32"))]

use labo::domain::ids;
use labo::domain::signup::{Envelope, Payload, SignupForm, Source};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/signup-v1.json")).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

fn payload(first_name: &str, phone: &str, seed: u8) -> Value {
    let valid = SignupForm { first_name: first_name.into(), phone: phone.into() }.validate().unwrap();
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
    serde_json::to_value(Payload::build(&valid, envelope, Source::default())).unwrap()
}

#[test]
fn produced_payloads_follow_the_schema() {
    let validator = validator();
    let cases = [
        ("Léa", "06 12 34 56 78"),
        ("Jean-Baptiste", "+262 692 12 34 56"),
        ("N'Golo", "+687 75 12 34"),
        ("Zoë", "0033 7 98 76 54 32"),
    ];
    for (seed, (first_name, phone)) in cases.into_iter().enumerate() {
        let body = payload(first_name, phone, seed as u8);
        let errors: Vec<String> = validator.iter_errors(&body).map(|e| format!("{}: {e}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{body}\n{errors:#?}");
    }
}

#[test]
fn the_schema_rejects_what_the_app_never_sends() {
    let validator = validator();
    let good = payload("Léa", "0612345678", 1);
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 6] = [
        ("unknown field", |v| v["extra"] = "x".into()),
        ("missing reference", |v| {
            v.as_object_mut().unwrap().remove("reference");
        }),
        ("ambiguous reference", |v| v["reference"] = "ABCD0OI1".into()),
        ("national phone", |v| v["applicant"]["phone"] = "0612345678".into()),
        ("timestamp without offset", |v| v["submitted_at"] = "2026-11-27 16:08".into()),
        ("other schema", |v| v["schema_version"] = "signup-v2".into()),
    ];
    for (what, mutate) in mutations {
        let mut body = good.clone();
        mutate(&mut body);
        assert!(!validator.is_valid(&body), "{what} should be refused");
    }
}
