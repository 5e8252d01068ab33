//! Validation of incoming bodies against the same JSON Schema the app's payloads are tested
//! against (`schema/signup-v1.json`).

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

/// The contract, compiled into the stand-in so it always matches the repository's schema.
pub const SIGNUP_V1: &str = include_str!("../../schema/signup-v1.json");

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

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SIGNUP_V1).expect("schema/signup-v1.json is valid JSON");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema/signup-v1.json is a valid JSON Schema")
    })
}

/// Every problem of a body, empty when it follows the contract.
pub fn validate(body: &Value) -> Vec<Problem> {
    validator()
        .iter_errors(body)
        .map(|error| Problem { field: error.instance_path.to_string(), message: error.to_string() })
        .take(20)
        .collect()
}
