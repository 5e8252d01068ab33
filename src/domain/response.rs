//! What the endpoint's answer means for a sign-up.
//!
//! The endpoint is not ours: it may answer with our documented JSON, with HTML, with nothing.
//! Only the status decides the outcome; the body is read, defensively, for problems to show.

use serde_json::Value;

/// What to do after one attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx: the mission locale has the sign-up.
    Accepted,
    /// A 4xx other than 408, 425 and 429: sending the same body again cannot work. The problems
    /// reported by the endpoint (if it used our contract) are shown to the young person.
    Rejected { status: u16, problems: Vec<String> },
    /// Network error, timeout, 408, 409, 423, 425, 429, 5xx: the same sign-up can be sent again
    /// later.
    RetryLater { status: Option<u16> },
}

/// At most this many problems are shown, each cut to [`PROBLEM_MAX_CHARS`].
pub const MAX_PROBLEMS: usize = 5;
pub const PROBLEM_MAX_CHARS: usize = 200;

/// Classifies an HTTP answer.
///
/// ```
/// use labo::domain::response::{classify, Outcome};
/// assert_eq!(classify(201, ""), Outcome::Accepted);
/// assert_eq!(classify(503, "<html>"), Outcome::RetryLater { status: Some(503) });
/// ```
pub fn classify(status: u16, body: &str) -> Outcome {
    match status {
        200..=299 => Outcome::Accepted,
        // 409 and 423: the endpoint is still handling the first attempt with this
        // Idempotency-Key (IETF draft) or the resource is locked: try again later.
        408 | 409 | 423 | 425 | 429 | 500..=599 => Outcome::RetryLater { status: Some(status) },
        _ => Outcome::Rejected { status, problems: problems(body) },
    }
}

/// Reads `{"problems": [{"field": …, "message": …}]}` (our contract) or a few common variants
/// (`errors`, plain strings). Anything else gives no problems; never fails.
pub fn problems(body: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<Value>(body) else {
        return Vec::new();
    };
    let list = value.get("problems").or_else(|| value.get("errors")).and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .filter_map(|item| match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o.get("message").and_then(Value::as_str),
            _ => None,
        })
        .map(clean)
        .filter(|s| !s.is_empty())
        .take(MAX_PROBLEMS)
        .collect()
}

/// Keeps a message printable and short.
fn clean(message: &str) -> String {
    let mut out: String = message.chars().filter(|c| !c.is_control()).take(PROBLEM_MAX_CHARS).collect();
    if message.chars().filter(|c| !c.is_control()).count() > PROBLEM_MAX_CHARS {
        out.push('…');
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_classes() {
        for status in [200, 201, 202, 204, 299] {
            assert_eq!(classify(status, ""), Outcome::Accepted, "{status}");
        }
        for status in [408, 409, 423, 425, 429, 500, 502, 503, 504, 599] {
            assert_eq!(classify(status, ""), Outcome::RetryLater { status: Some(status) }, "{status}");
        }
        for status in [300, 400, 401, 403, 404, 405, 410, 413, 415, 422, 451] {
            assert!(matches!(classify(status, ""), Outcome::Rejected { .. }), "{status}");
        }
    }

    #[test]
    fn reads_problems_from_our_contract_and_common_variants() {
        let ours = r#"{"problems": [{"field": "applicant.phone", "message": "Numéro invalide"}, {"field": "x", "message": "Autre"}]}"#;
        assert_eq!(problems(ours), ["Numéro invalide", "Autre"]);
        assert_eq!(problems(r#"{"errors": ["a", "b"]}"#), ["a", "b"]);
        assert_eq!(problems(r#"{"errors": [{"message": "c"}, 3, null]}"#), ["c"]);
    }

    #[test]
    fn odd_bodies_give_no_problems_and_never_fail() {
        for body in [
            "",
            "<html><body>Bad Request</body></html>",
            "null",
            "[]",
            r#"{"problems": "x"}"#,
            r#"{"problems": [{}]}"#,
            "\u{0}",
        ] {
            assert!(problems(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn long_or_many_problems_are_cut() {
        let many: Vec<String> = (0..20).map(|i| format!("\"p{i}\"")).collect();
        assert_eq!(problems(&format!("{{\"problems\": [{}]}}", many.join(","))).len(), MAX_PROBLEMS);
        let long = format!("{{\"problems\": [\"{}\\u0007\"]}}", "x".repeat(1000));
        let cut = problems(&long);
        assert_eq!(cut[0].chars().count(), PROBLEM_MAX_CHARS + 1);
        assert!(cut[0].ends_with('…'));
    }
}
