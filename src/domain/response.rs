//! What the endpoint's answer means for a sign-up.
//!
//! The endpoint is not ours: it may answer with our documented JSON, with HTML, with nothing.
//! Only the status decides the outcome; the body is read, defensively, for problems to show.

use serde_json::Value;

/// What to do after one attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx (or a 422 saying that this Idempotency-Key already holds a sign-up): delivered, the
    /// mission locale has it (the one word for it everywhere: `Recorded::Delivered`,
    /// `SignupStatus::Delivered`).
    Delivered,
    /// 400 or 422, and only those: the endpoint says what is wrong with the answers; sending the
    /// same body again cannot work. The problems it listed (if it used our contract) are shown to the young
    /// person, who corrects and sends again.
    Rejected { status: u16, problems: Vec<String> },
    /// Every other 4xx (401, 403, 404, 405, 410, 413, 415, 451…, all but 400, 408, 409, 422,
    /// 423, 425 and 429): the endpoint is misconfigured or behind a firewall; the answers are not
    /// at fault. Kept and tried again slowly (hourly, and at each start).
    EndpointError { status: u16 },
    /// Network error, timeout, 408, 409 (the endpoint is still handling a first attempt with
    /// this key), 423, 425, 429, 5xx: the same sign-up can be sent again later, on the usual
    /// backoff.
    RetryLater { status: Option<u16> },
    /// An answer the app cannot read: a redirect (fetch with `redirect: "manual"` gives an
    /// opaque response, status 0), a 3xx, a status outside HTTP's classes. The endpoint may well
    /// have stored the sign-up: it is **not** sent again automatically (an old handler that
    /// ignores `Idempotency-Key` would store it twice), and never shown as sent.
    Unreadable { status: u16 },
}

/// At most this many problems are shown, each cut to [`PROBLEM_MAX_CHARS`].
pub const MAX_PROBLEMS: usize = 5;
pub const PROBLEM_MAX_CHARS: usize = 200;

/// Classifies an HTTP answer. `status` 0 is an opaque answer (a redirect not followed).
///
/// ```
/// use labo::domain::response::{classify, Outcome};
/// assert_eq!(classify(201, ""), Outcome::Delivered);
/// assert_eq!(classify(503, "<html>"), Outcome::RetryLater { status: Some(503) });
/// assert_eq!(classify(0, ""), Outcome::Unreadable { status: 0 });
/// assert_eq!(classify(404, ""), Outcome::EndpointError { status: 404 });
/// ```
pub fn classify(status: u16, body: &str) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        // The IETF Idempotency-Key draft: a key reused with another body. The only body the app
        // ever sends under a key is the one queued with it, so the endpoint holds this sign-up.
        422 if key_reused(body) => Outcome::Delivered,
        400 | 422 => Outcome::Rejected { status, problems: problems(body) },
        // 409 and 423: the endpoint is still handling the first attempt with this
        // Idempotency-Key (IETF draft) or the resource is locked: try again later.
        408 | 409 | 423 | 425 | 429 | 500..=599 => Outcome::RetryLater { status: Some(status) },
        401..=499 => Outcome::EndpointError { status },
        _ => Outcome::Unreadable { status },
    }
}

/// Whether a 422's body says the Idempotency-Key was already used (docs/endpoint.md):
/// `{"status": "key_reused"}`, or a problem about the `Idempotency-Key` field.
pub fn key_reused(body: &str) -> bool {
    let Ok(value) = super::json::parse_value(body) else { return false };
    let by_status = value.get("status").and_then(Value::as_str) == Some("key_reused");
    let by_field = value.get("problems").and_then(Value::as_array).into_iter().flatten().any(|p| {
        p.get("field")
            .and_then(Value::as_str)
            .is_some_and(|f| f.trim_start_matches('/').replace('-', "_").eq_ignore_ascii_case("idempotency_key"))
    });
    by_status || by_field
}

/// Reads `{"problems": [{"field": …, "message": …}]}` (our contract) or a few common variants
/// (`errors`, plain strings). Anything else gives no problems; never fails.
pub fn problems(body: &str) -> Vec<String> {
    let Ok(value) = super::json::parse_value(body) else {
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
            assert_eq!(classify(status, ""), Outcome::Delivered, "{status}");
        }
        for status in [408, 409, 423, 425, 429, 500, 502, 503, 504, 599] {
            assert_eq!(classify(status, ""), Outcome::RetryLater { status: Some(status) }, "{status}");
        }
        // Only these two are about the answers the young person gave.
        for status in [400, 422] {
            assert!(matches!(classify(status, ""), Outcome::Rejected { .. }), "{status}");
        }
        // The endpoint's own problems: never "correct your answers".
        for status in [401, 402, 403, 404, 405, 406, 410, 411, 413, 414, 415, 418, 421, 426, 431, 451, 499] {
            assert_eq!(classify(status, ""), Outcome::EndpointError { status }, "{status}");
        }
        // Answers the app cannot read: maybe received, never "sent", never resent automatically.
        for status in [0, 100, 199, 300, 301, 302, 303, 304, 307, 308, 600, 999] {
            assert_eq!(classify(status, ""), Outcome::Unreadable { status }, "{status}");
        }
    }

    #[test]
    fn a_422_for_a_reused_key_means_received() {
        for body in [
            r#"{"status": "key_reused", "problems": [{"field": "Idempotency-Key", "message": "déjà utilisée"}]}"#,
            r#"{"status": "key_reused"}"#,
            r#"{"problems": [{"field": "/idempotency_key", "message": "x"}]}"#,
            r#"{"problems": [{"field": "idempotency-key", "message": "x"}]}"#,
        ] {
            assert_eq!(classify(422, body), Outcome::Delivered, "{body}");
        }
        for body in
            ["", "<html>", r#"{"status": "invalid", "problems": [{"field": "/applicant/phone", "message": "x"}]}"#]
        {
            assert!(matches!(classify(422, body), Outcome::Rejected { status: 422, .. }), "{body}");
        }
        assert!(matches!(classify(400, r#"{"status": "key_reused"}"#), Outcome::Rejected { .. }), "only a 422");
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
