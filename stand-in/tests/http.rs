//! The stand-in over real HTTP on loopback, as the app and the end-to-end tests use it.

use std::time::{Duration, Instant};

use labo::domain::response::{Outcome, classify};
use labo_stand_in::{Settings, StandIn};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

struct Answer {
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A deliberately small HTTP/1.1 client: one request per connection, so a closed connection
/// shows up as `status: None`.
async fn request(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    stream.write_all(text.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let Some((head, body)) = raw.split_once("\r\n\r\n") else {
        return Answer { status: None, headers: Vec::new(), body: raw };
    };
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok());
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())).collect();
    Answer { status, headers, body: body.to_owned() }
}

async fn start(dir: &std::path::Path) -> u16 {
    let settings = Settings { data_dir: dir.to_owned(), allowed_origins: Vec::new(), min_fill_seconds: 3 };
    let stand_in = StandIn::open(&settings).unwrap();
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(stand_in.serve(listener));
    port
}

fn payload(key: &str, phone: &str) -> String {
    json!({
        "schema_version": "signup-v1",
        "reference": "ABCD3467",
        "idempotency_key": key,
        "submitted_at": "2026-11-27T16:08:42+01:00",
        "applicant": {
            "first_name": "Léa",
            "last_name": "Martin",
            "birth_date": "2007-03-14",
            "phone": phone,
            "email": null,
            "commune": { "insee": "76351", "name": "Le Havre", "postcode": "76610" },
            "situation": "job_seeking",
            "situation_other": null
        },
        "contact": { "channel": "call", "time": "any_time" },
        "idea": null,
        "eligibility": { "age": 19, "age_eligible": true, "left_school": true, "commune_in_territory": true, "counsellor_override": false },
        "pathway": { "chosen": null, "suggested": null },
        "self_assessment": null,
        "consent": { "share_self_assessment": false },
        "source": {},
        "anti_spam": { "honeypot": "", "fill_seconds": 95 },
        "locale": "fr",
        "app_version": "0.1.0"
    })
    .to_string()
}

const KEY: &str = "12345678-9abc-4ef0-9234-56789abcdef0";
const KEY2: &str = "22345678-9abc-4ef0-9234-56789abcdef0";

async fn post(port: u16, key: &str, body: &str) -> Answer {
    request(port, "POST", "/inscriptions", &[("Content-Type", "application/json"), ("Idempotency-Key", key)], body)
        .await
}

async fn stored(port: u16) -> Vec<Value> {
    request(port, "GET", "/__stand-in/submissions", &[], "").await.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn stores_a_valid_signup_once_whatever_the_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let first = post(port, KEY, &payload(KEY, "+33612345678")).await;
    assert_eq!(first.status, Some(201));
    assert_eq!(first.json()["reference"], "ABCD3467");
    let again = post(port, KEY, &payload(KEY, "+33612345678")).await;
    assert_eq!(again.status, Some(201));
    assert_eq!(again.json(), first.json());
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let records = stored(port).await;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["body"]["applicant"]["first_name"], "Léa");
    // Reusing a key for another body is refused, not stored.
    let reused = post(port, KEY, &payload(KEY, "+33798765432")).await;
    assert_eq!(reused.status, Some(422));
    assert_eq!(reused.json()["status"], "key_reused", "docs/endpoint.md: the app reads this as received");
    assert_eq!(classify(422, &reused.body), Outcome::Delivered, "the app reads this answer as received");
    assert_eq!(stored(port).await.len(), 1);
}

#[tokio::test]
async fn a_missing_key_is_answered_as_the_endpoints_problem_and_a_reused_one_as_received() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    // As a proxy that strips the header would leave it: refused, stored nothing, and the app
    // reads it as the endpoint's problem (kept, tried again slowly), never as delivered.
    let missing =
        request(port, "POST", "/inscriptions", &[("Content-Type", "application/json")], &payload(KEY, "+33612345678"))
            .await;
    assert_eq!(missing.status, Some(400));
    assert_eq!(missing.json()["problems"][0]["field"], "Idempotency-Key");
    assert_eq!(classify(400, &missing.body), Outcome::EndpointError { status: 400 });
    assert_eq!(classify(422, &missing.body), Outcome::EndpointError { status: 422 }, "even as a 422");
    assert!(stored(port).await.is_empty());
    // A header that differs from the body's key: the endpoint's problem too.
    let differs = post(port, KEY2, &payload(KEY, "+33612345678")).await;
    assert_eq!(differs.status, Some(400));
    assert_eq!(classify(400, &differs.body), Outcome::EndpointError { status: 400 });
    // The key reused with another body: received.
    assert_eq!(post(port, KEY, &payload(KEY, "+33612345678")).await.status, Some(201));
    let reused = post(port, KEY, &payload(KEY, "+33798765432")).await;
    assert_eq!(reused.status, Some(422));
    assert!(labo::domain::response::key_reused(&reused.body), "{}", reused.body);
    assert_eq!(classify(422, &reused.body), Outcome::Delivered);
    assert_eq!(stored(port).await.len(), 1);
}

#[tokio::test]
async fn accepts_the_current_contract_and_the_previous_one_still_queued_on_phones() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    // signup-v1 (marks out of 100) is what `payload` builds: still accepted.
    let mut v1: Value = serde_json::from_str(&payload(KEY, "+33612345678")).unwrap();
    v1["self_assessment"] =
        json!({"questionnaire_version": "2026-11", "scores": {"idea": 67}, "answers": {"idea_stage": ["clear"]}});
    v1["consent"]["share_self_assessment"] = true.into();
    assert_eq!(post(port, KEY, &v1.to_string()).await.status, Some(201));
    // signup-v2: levels in words and raw points.
    let mut v2 = v1.clone();
    as_v2(&mut v2);
    v2["idempotency_key"] = KEY2.into();
    v2["summary"] = "Inscription au Lab'O ABCD3467.".into();
    v2["self_assessment"] = json!({
        "questionnaire_version": "2026-12",
        "levels": {"idea": "already"},
        "answers": {"idea_stage": ["clear"], "constraints": ["transport"]}
    });
    assert_eq!(post(port, KEY2, &v2.to_string()).await.status, Some(201));
    // Nor is one with points: v2 sends the profile in words only.
    let key4 = "62345678-9abc-4ef0-9234-56789abcdef0";
    let mut points = v2.clone();
    points["idempotency_key"] = key4.into();
    points["self_assessment"]["points"] = json!({"idea": {"got": 7, "max": 9}});
    assert_eq!(post(port, key4, &points.to_string()).await.status, Some(400));
    // A v2 body with marks is not v2.
    let key3 = "52345678-9abc-4ef0-9234-56789abcdef0";
    let mut marks = v2.clone();
    marks["idempotency_key"] = key3.into();
    marks["self_assessment"]["scores"] = json!({"idea": 67});
    assert_eq!(post(port, key3, &marks.to_string()).await.status, Some(400));
    let unknown = json!({"schema_version": "signup-v9"}).to_string();
    assert_eq!(post(port, key3, &unknown).await.status, Some(400));
    assert_eq!(stored(port).await.len(), 2);
}

/// A v1 body (what `payload` builds) made a v2 one: the fields v2 added, empty.
fn as_v2(body: &mut Value) {
    body["schema_version"] = "signup-v2".into();
    body["applicant"]["commune_given"] = Value::Null;
    body["applicant"]["followed"] = json!({"answer": "yes", "counsellor": null});
    body["contact"]["call_back_before"] = "2026-12-04".into();
}

#[tokio::test]
async fn the_submissions_page_shows_each_summary_as_the_counsellor_will_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let mut body: Value = serde_json::from_str(&payload(KEY, "+33612345678")).unwrap();
    as_v2(&mut body);
    body["summary"] = "Inscription au Lab'O ABCD3467.\nQui : Léa <Martin>, 19 ans.".into();
    assert_eq!(post(port, KEY, &body.to_string()).await.status, Some(201));
    let page =
        request(port, "GET", "/__stand-in/submissions", &[("Accept", "text/html,application/xhtml+xml")], "").await;
    assert_eq!(page.status, Some(200));
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.body.contains("Qui : Léa &lt;Martin&gt;, 19 ans."), "escaped, as written: {}", page.body);
    assert!(page.body.contains("ABCD3467"));
    // Tools still get JSON.
    assert_eq!(stored(port).await[0]["body"]["summary"], body["summary"]);
}

#[tokio::test]
async fn refuses_invalid_bodies_with_a_list_of_problems() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let bad_phone = post(port, KEY, &payload(KEY, "0612")).await;
    assert_eq!(bad_phone.status, Some(400));
    let problems = bad_phone.json()["problems"].as_array().unwrap().clone();
    assert!(problems.iter().any(|p| p["field"] == "/applicant/phone"), "{problems:?}");
    let not_json = post(port, KEY, "{").await;
    assert_eq!(not_json.status, Some(400));
    let no_key =
        request(port, "POST", "/inscriptions", &[("Content-Type", "application/json")], &payload(KEY, "+33612345678"))
            .await;
    assert_eq!(no_key.status, Some(400));
    let other_key = post(port, KEY2, &payload(KEY, "+33612345678")).await;
    assert_eq!(other_key.status, Some(400));
    let form =
        request(port, "POST", "/inscriptions", &[("Content-Type", "text/plain"), ("Idempotency-Key", KEY)], "x").await;
    assert_eq!(form.status, Some(415));
    assert!(stored(port).await.is_empty());
}

#[tokio::test]
async fn misbehaves_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let faults = json!([{"status": 500, "times": 2}, {"status": 503, "retry_after": "2"}]).to_string();
    assert_eq!(
        request(port, "POST", "/__stand-in/faults", &[("Content-Type", "application/json")], &faults).await.status,
        Some(201)
    );
    let body = payload(KEY, "+33612345678");
    assert_eq!(post(port, KEY, &body).await.status, Some(500));
    assert_eq!(post(port, KEY, &body).await.status, Some(500));
    let unavailable = post(port, KEY, &body).await;
    assert_eq!(unavailable.status, Some(503));
    assert_eq!(unavailable.header("retry-after"), Some("2"));
    assert!(stored(port).await.is_empty());
    assert_eq!(post(port, KEY, &body).await.status, Some(201));
    let attempts = request(port, "GET", "/__stand-in/requests", &[], "").await.json();
    let outcomes: Vec<_> =
        attempts.as_array().unwrap().iter().map(|a| a["outcome"].as_str().unwrap().to_owned()).collect();
    assert_eq!(outcomes, ["fault:500", "fault:500", "fault:503", "stored"]);
}

#[tokio::test]
async fn redirects_like_an_old_form_handler_and_answers_any_status() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let faults = json!([
        {"redirect": "/__stand-in/thanks"},
        {"status": 303, "redirect": "https://ailleurs.example/merci"},
        {"status": 403},
        {"status": 410}
    ])
    .to_string();
    request(port, "POST", "/__stand-in/faults", &[("Content-Type", "application/json")], &faults).await;
    let body = payload(KEY, "+33612345678");
    let found = post(port, KEY, &body).await;
    assert_eq!((found.status, found.header("location")), (Some(302), Some("/__stand-in/thanks")));
    let see_other = post(port, KEY, &body).await;
    assert_eq!((see_other.status, see_other.header("location")), (Some(303), Some("https://ailleurs.example/merci")));
    assert_eq!(post(port, KEY, &body).await.status, Some(403));
    assert_eq!(post(port, KEY, &body).await.status, Some(410));
    // What the app makes of those answers: a redirect is never "received" (the browser gives it
    // to the app as an opaque answer, status 0); a 403 or a 410 is never the answers' fault.
    assert_eq!(classify(0, ""), Outcome::Unreadable { status: 0 });
    assert_eq!(classify(found.status.unwrap(), &found.body), Outcome::Unreadable { status: 302 });
    assert_eq!(classify(403, ""), Outcome::EndpointError { status: 403 });
    assert!(stored(port).await.is_empty(), "a redirect or an error stores nothing");
    let thanks = request(port, "GET", "/__stand-in/thanks", &[], "").await;
    assert_eq!(thanks.status, Some(200));
    let attempts = request(port, "GET", "/__stand-in/requests", &[], "").await.json();
    let outcomes: Vec<_> =
        attempts.as_array().unwrap().iter().map(|a| a["outcome"].as_str().unwrap().to_owned()).collect();
    assert_eq!(outcomes, ["redirect:302", "redirect:303", "fault:403", "fault:410", "followed_redirect"]);
}

#[tokio::test]
async fn closes_the_connection_before_or_after_storing() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let body = payload(KEY, "+33612345678");
    let faults = json!([{"close": "before_store"}, {"close": "after_store"}]).to_string();
    request(port, "POST", "/__stand-in/faults", &[("Content-Type", "application/json")], &faults).await;
    let before = post(port, KEY, &body).await;
    assert_eq!(before.status, None, "no answer at all: {}", before.body);
    assert!(stored(port).await.is_empty());
    let after = post(port, KEY, &body).await;
    assert_eq!(after.status, None);
    assert_eq!(stored(port).await.len(), 1, "stored although the answer was lost");
    let retry = post(port, KEY, &body).await;
    assert_eq!(retry.status, Some(201));
    assert_eq!(stored(port).await.len(), 1, "the retry must not duplicate");
}

#[tokio::test]
async fn delays_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    request(port, "POST", "/__stand-in/faults", &[("Content-Type", "application/json")], r#"{"delay_ms": 400}"#).await;
    let started = Instant::now();
    assert_eq!(post(port, KEY, &payload(KEY, "+33612345678")).await.status, Some(201));
    assert!(started.elapsed() >= Duration::from_millis(400));
    let bad =
        request(port, "POST", "/__stand-in/faults", &[("Content-Type", "application/json")], r#"{"explode": true}"#)
            .await;
    assert_eq!(bad.status, Some(400));
}

#[tokio::test]
async fn survives_a_restart_and_resets() {
    let dir = tempfile::tempdir().unwrap();
    let body = payload(KEY, "+33612345678");
    let first = start(dir.path()).await;
    assert_eq!(post(first, KEY, &body).await.status, Some(201));
    let second = start(dir.path()).await;
    assert_eq!(stored(second).await.len(), 1);
    let repeat = post(second, KEY, &body).await;
    assert_eq!(repeat.header("idempotent-replayed"), Some("true"));
    assert_eq!(stored(second).await.len(), 1);
    assert_eq!(request(second, "DELETE", "/__stand-in/submissions", &[], "").await.status, Some(204));
    assert!(stored(second).await.is_empty());
}

#[tokio::test]
async fn allows_the_apps_origin_only() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    async fn preflight(port: u16, origin: &str) -> Answer {
        let headers = [
            ("Origin", origin),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type,idempotency-key"),
        ];
        request(port, "OPTIONS", "/inscriptions", &headers, "").await
    }
    let ok = preflight(port, "http://127.0.0.1:8080").await;
    assert_eq!(ok.header("access-control-allow-origin"), Some("http://127.0.0.1:8080"));
    assert!(ok.header("access-control-allow-headers").unwrap().contains("idempotency-key"));
    let evil = preflight(port, "https://evil.example").await;
    assert_eq!(evil.header("access-control-allow-origin"), None);
    let answer = request(
        port,
        "POST",
        "/inscriptions",
        &[("Origin", "http://127.0.0.1:8080"), ("Content-Type", "application/json"), ("Idempotency-Key", KEY)],
        "{",
    )
    .await;
    assert_eq!(answer.header("access-control-expose-headers").map(str::to_lowercase), Some("retry-after".into()));
}

#[tokio::test]
async fn accepts_forms_and_mapped_json_for_endpoints_that_want_them() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let form = "pr%C3%A9nom=L%C3%A9a&t%C3%A9l%C3%A9phone=%2B33612345678&age=19";
    let headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Idempotency-Key", KEY)];
    assert_eq!(request(port, "POST", "/inscriptions", &headers, form).await.status, Some(201));
    assert_eq!(
        request(port, "POST", "/inscriptions", &headers, form).await.header("idempotent-replayed"),
        Some("true")
    );
    let multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"nom\"\r\n\r\nMartin\r\n--XyZ\r\nContent-Disposition: form-data; name=\"ville\"\r\n\r\nLe Havre\r\n--XyZ--\r\n";
    let headers = [("Content-Type", "multipart/form-data; boundary=XyZ"), ("Idempotency-Key", KEY2)];
    assert_eq!(request(port, "POST", "/inscriptions", &headers, multipart).await.status, Some(201));
    let mapped = json!({"prénom": "Léa", "codePostal": "76610"}).to_string();
    let key3 = "32345678-9abc-4ef0-9234-56789abcdef0";
    let headers = [("Content-Type", "application/json"), ("Idempotency-Key", key3)];
    assert_eq!(request(port, "POST", "/inscriptions", &headers, &mapped).await.status, Some(201));
    let records = stored(port).await;
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["body"], json!({"prénom": "Léa", "téléphone": "+33612345678", "age": "19"}));
    assert_eq!(records[1]["body"], json!({"nom": "Martin", "ville": "Le Havre"}));
    assert_eq!(records[2]["body"]["codePostal"], "76610");
}

#[tokio::test]
async fn refuses_obvious_robots() {
    let dir = tempfile::tempdir().unwrap();
    let port = start(dir.path()).await;
    let mut trap: Value = serde_json::from_str(&payload(KEY, "+33612345678")).unwrap();
    trap["anti_spam"]["honeypot"] = "http://spam.example".into();
    let answer = post(port, KEY, &trap.to_string()).await;
    assert_eq!(answer.status, Some(400));
    assert_eq!(answer.json()["status"], "rejected");
    let mut fast: Value = serde_json::from_str(&payload(KEY2, "+33612345678")).unwrap();
    fast["anti_spam"]["fill_seconds"] = 1.into();
    assert_eq!(post(port, KEY2, &fast.to_string()).await.status, Some(400));
    assert!(stored(port).await.is_empty());
    let person = "42345678-9abc-4ef0-9234-56789abcdef0";
    assert_eq!(post(port, person, &payload(person, "+33612345678")).await.status, Some(201));
}
