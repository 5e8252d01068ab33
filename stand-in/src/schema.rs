//! Validation of incoming bodies against the same JSON Schemas the app's payloads are tested
//! against: `schema/signup-v2.json` (what the app sends today) and `schema/signup-v1.json`
//! (what older versions queued on phones may still send: the outbox sends them as they were).

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

/// The contracts, compiled into the stand-in so they always match the repository's schemas.
pub const SIGNUP_V1: &str = include_str!("../../schema/signup-v1.json");
pub const SIGNUP_V2: &str = include_str!("../../schema/signup-v2.json");

/// One thing wrong with a body: where (a JSON pointer, empty for the whole body) and what.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(field: &str, message: &str) -> Problem {
        Problem { field: field.to_owned(), message: message.to_owned() }
    }
}

fn compile(text: &str, name: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name} is not valid JSON: {e}"));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} is not a valid JSON Schema: {e}"))
}

fn validator(version: &str) -> Option<&'static jsonschema::Validator> {
    static V1: OnceLock<jsonschema::Validator> = OnceLock::new();
    static V2: OnceLock<jsonschema::Validator> = OnceLock::new();
    match version {
        "signup-v1" => Some(V1.get_or_init(|| compile(SIGNUP_V1, "schema/signup-v1.json"))),
        "signup-v2" => Some(V2.get_or_init(|| compile(SIGNUP_V2, "schema/signup-v2.json"))),
        _ => None,
    }
}

/// Every problem of a body, empty when it follows the contract its `schema_version` names.
pub fn validate(body: &Value) -> Vec<Problem> {
    let version = body.get("schema_version").and_then(Value::as_str).unwrap_or_default();
    let Some(validator) = validator(version) else {
        return vec![Problem::new(
            "/schema_version",
            "doit valoir « signup-v2 » (ou « signup-v1 » pour une inscription plus ancienne).",
        )];
    };
    validator
        .iter_errors(body)
        .map(|error| Problem { field: error.instance_path.to_string(), message: error.to_string() })
        .take(20)
        .collect()
}
