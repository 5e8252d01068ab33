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
/// assert_eq!(classify(422, r#"{"status": "key_reused"}"#), Outcome::Delivered);
/// assert_eq!(classify(422, "Idempotency-Key header missing"), Outcome::EndpointError { status: 422 });
/// ```
pub fn classify(status: u16, body: &str) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        // The IETF Idempotency-Key draft: a key reused with another body. The only body the app
        // ever sends under a key is the one queued with it, so the endpoint holds this sign-up.
        422 if key_reused(body) => Outcome::Delivered,
        // Any other complaint about the key (missing, empty, not a UUID, header and body
        // differ): the app always sends the header, with the body's UUID v4, so a proxy
        // stripped it, the CORS rules do not allow it, or the handler wants another form. The
        // young person's answers are not at fault ("Corriger mes réponses" would send the same
        // header again) and the sign-up is not delivered: the endpoint's problem, kept and
        // tried again slowly until the deployer fixes it.
        400 | 422 if about_the_key(body) => Outcome::EndpointError { status },
        400 | 422 => Outcome::Rejected { status, problems: problems(body) },
        // 409 and 423: the endpoint is still handling the first attempt with this
        // Idempotency-Key (IETF draft) or the resource is locked: try again later.
        408 | 409 | 423 | 425 | 429 | 500..=599 => Outcome::RetryLater { status: Some(status) },
        401..=499 => Outcome::EndpointError { status },
        _ => Outcome::Unreadable { status },
    }
}

/// The `code` (or `status`, `type`) of a problem on the Idempotency-Key field that says the key
/// was already used (compared without case, `-` read as `_`). docs/endpoint.md lists them.
const REUSED_CODES: [&str; 5] = ["key_reused", "already_used", "duplicate", "reused", "idempotency_key_reused"];

/// Words of a message (in lower case, without accents or punctuation: `territory::tokens`) that
/// say the key was already used; each is the start of a word sequence ("deja utilise" also
/// reads "déjà utilisée"). A message about the key without them ("missing", "required",
/// "obligatoire", "invalide") is a complaint, not a reuse.
const REUSED_WORDS: [&str; 11] = [
    "already used",
    "already been used",
    "already exist",
    "reused",
    "re used",
    "duplicat",
    "deja utilis",
    "deja ete utilis",
    "deja servi",
    "reutilis",
    "doublon",
];

/// Whether a 422's body says the Idempotency-Key was already used (docs/endpoint.md), and
/// nothing less (a "header missing" from a proxy must not read as delivered):
/// - `{"status": "key_reused"}` (or `"code"`): our contract, and what the stand-in answers;
/// - a problem (in `problems` or `errors`) whose `field` is the Idempotency-Key, with a `code`
///   of [`REUSED_CODES`] or a `message` saying so ([`REUSED_WORDS`]);
/// - an RFC 9457 problem details body whose `title` (or `detail`) names the Idempotency-Key and
///   says it was already used: the IETF draft's own example, "Idempotency-Key is already used".
pub fn key_reused(body: &str) -> bool {
    let Ok(value) = super::json::parse_value(body) else { return false };
    let top_code = ["status", "code"].iter().any(|k| {
        value
            .get(*k)
            .and_then(Value::as_str)
            .is_some_and(|c| matches!(code(c).as_str(), "key_reused" | "idempotency_key_reused"))
    });
    let by_problem = problem_list(&value).filter(|p| names_the_key_field(p)).any(|p| {
        ["code", "status", "type"]
            .iter()
            .any(|k| p.get(*k).and_then(Value::as_str).is_some_and(|c| REUSED_CODES.contains(&code(c).as_str())))
            || ["message", "detail", "title"].iter().any(|k| p.get(*k).and_then(Value::as_str).is_some_and(says_reused))
    });
    let by_details = ["title", "detail"]
        .iter()
        .any(|k| value.get(*k).and_then(Value::as_str).is_some_and(|t| names_the_key(t) && says_reused(t)));
    top_code || by_problem || by_details
}

/// Whether a 400 or 422 complains about the Idempotency-Key rather than the answers: a problem
/// on that field, a problem or a top-level `title`/`detail`/`message`/`error` naming it, or a
/// body that is not JSON (a proxy's text or HTML page) naming it. Only these parts are read: a
/// handler that echoes the whole sign-up back (with its `idempotency_key`) is not about the key.
pub fn about_the_key(body: &str) -> bool {
    let Ok(value) = super::json::parse_value(body) else { return names_the_key(body) };
    let in_problems = problem_list(&value).any(|p| match p {
        Value::String(s) => names_the_key(s),
        _ => {
            names_the_key_field(p)
                || ["message", "detail", "title"]
                    .iter()
                    .any(|k| p.get(*k).and_then(Value::as_str).is_some_and(names_the_key))
        }
    });
    let at_top = ["title", "detail", "message", "error"]
        .iter()
        .any(|k| value.get(*k).and_then(Value::as_str).is_some_and(names_the_key));
    in_problems || at_top
}

/// The items of `problems` (our contract) or `errors`.
fn problem_list(value: &Value) -> impl Iterator<Item = &Value> {
    value.get("problems").or_else(|| value.get("errors")).and_then(Value::as_array).into_iter().flatten()
}

/// A code in lower case, `-` and spaces read as `_`.
fn code(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// Whether a problem's `field` is the Idempotency-Key: `Idempotency-Key`, `idempotency_key`,
/// `/idempotency_key`, `headers.Idempotency-Key`…
fn names_the_key_field(problem: &Value) -> bool {
    problem.get("field").and_then(Value::as_str).is_some_and(|f| {
        let words = super::territory::tokens(f).join(" ");
        words.ends_with("idempotency key") || words.ends_with("idempotencykey")
    })
}

/// Whether a text names the Idempotency-Key (any case, `-`, `_` or a space between the words).
fn names_the_key(text: &str) -> bool {
    let words = format!(" {} ", super::territory::tokens(text).join(" "));
    words.contains(" idempotency key ") || words.contains(" idempotencykey ")
}

/// Whether a message says "already used" ([`REUSED_WORDS`]).
fn says_reused(text: &str) -> bool {
    let words = format!(" {}", super::territory::tokens(text).join(" "));
    REUSED_WORDS.iter().any(|w| words.contains(&format!(" {w}")))
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
            r#"{"code": "key_reused"}"#,
            // What the stand-in answers.
            r#"{"status": "key_reused", "problems": [{"field": "Idempotency-Key", "message": "Cette clé a déjà servi pour une autre inscription."}]}"#,
            // A problem on the key's field whose code or message says it was already used.
            r#"{"problems": [{"field": "/idempotency_key", "code": "already_used", "message": "x"}]}"#,
            r#"{"problems": [{"field": "idempotency-key", "code": "Duplicate"}]}"#,
            r#"{"problems": [{"field": "Idempotency-Key", "message": "Cette clé a déjà été utilisée."}]}"#,
            r#"{"errors": [{"field": "headers.Idempotency-Key", "message": "Key already used with another payload"}]}"#,
            r#"{"problems": [{"field": "idempotency_key", "message": "DÉJÀ UTILISÉE"}]}"#,
            // The IETF draft's example (RFC 9457 problem details).
            r#"{"type": "https://developer.example.com/idempotency", "title": "Idempotency-Key is already used", "detail": "This operation is idempotent and it requires correct usage of Idempotency Key. Idempotency Key MUST not be reused across different payloads of this operation."}"#,
        ] {
            assert_eq!(classify(422, body), Outcome::Delivered, "{body}");
        }
        for body in
            ["", "<html>", r#"{"status": "invalid", "problems": [{"field": "/applicant/phone", "message": "x"}]}"#]
        {
            assert!(matches!(classify(422, body), Outcome::Rejected { status: 422, .. }), "{body}");
        }
        assert!(matches!(classify(400, r#"{"status": "key_reused"}"#), Outcome::Rejected { .. }), "only a 422");
        // "Already used" about another field is about the answers, not the key.
        let phone = r#"{"problems": [{"field": "/applicant/phone", "code": "duplicate", "message": "Ce numéro est déjà utilisé."}]}"#;
        assert!(matches!(classify(422, phone), Outcome::Rejected { .. }));
    }

    #[test]
    fn a_missing_or_invalid_key_is_the_endpoints_problem_never_delivered() {
        // A proxy or a handler that did not get the header (stripped, not allowed by CORS) or
        // wants another form: the answers are not at fault, and nothing was stored.
        for body in [
            r#"{"problems": [{"field": "Idempotency-Key", "message": "Idempotency-Key header missing"}]}"#,
            r#"{"problems": [{"field": "idempotency_key", "message": "required"}]}"#,
            r#"{"problems": [{"field": "/idempotency_key", "message": "doit être identique à l'en-tête Idempotency-Key."}]}"#,
            r#"{"problems": [{"field": "Idempotency-Key", "code": "invalid", "message": "must be a UUID"}]}"#,
            r#"{"problems": [{"field": "idempotency-key", "message": "x"}]}"#,
            r#"{"errors": ["Idempotency-Key is required"]}"#,
            r#"{"error": "Missing Idempotency-Key header"}"#,
            r#"{"type": "https://developer.example.com/idempotency", "title": "Idempotency-Key is missing", "detail": "This operation is idempotent and it requires correct usage of Idempotency Key."}"#,
            "Idempotency-Key header missing",
            "<html><body><h1>422</h1><p>idempotency_key: obligatoire</p></body></html>",
        ] {
            assert_eq!(classify(422, body), Outcome::EndpointError { status: 422 }, "{body}");
            assert_eq!(classify(400, body), Outcome::EndpointError { status: 400 }, "{body}");
            assert!(!key_reused(body), "{body}");
        }
        // A handler echoing the sign-up back names its `idempotency_key`: still about the phone.
        let echo = r#"{"problems": [{"field": "/applicant/phone", "message": "invalide"}], "received": {"idempotency_key": "x"}}"#;
        assert!(matches!(classify(400, echo), Outcome::Rejected { .. }));
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
