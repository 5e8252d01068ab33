//! Property tests over every parser of outside input: whatever a person types, a link carries,
//! a deployer writes or an endpoint answers, the app answers with a value or a clear error —
//! never a panic — and what it accepts is well formed.
#![cfg(not(target_arch = "wasm32"))]

use labo::domain::config::Config;
use labo::domain::draft::Draft;
use labo::domain::eligibility::parse_birth_date;
use labo::domain::email;
use labo::domain::outbox::{Outbox, parse_retry_after};
use labo::domain::phone::Phone;
use labo::domain::response;
use labo::domain::share::ShareLink;
use labo::domain::signup::{SignupForm, check_name};
use labo::domain::territory::Territory;
use proptest::prelude::*;

/// Text that looks like what people and robots actually send: digits, separators, letters with
/// accents, markup, control characters, emoji, and arbitrary Unicode.
fn messy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 .+()/-]{0,30}",
        "[a-zA-Zéèêàçôîï'’ -]{0,60}",
        "[<>\"'&=%;{}\\[\\]a-z0-9]{0,80}",
        "\\PC{0,120}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn phone_numbers(input in messy()) {
        if let Ok(phone) = Phone::parse(&input) {
            let e164 = phone.e164();
            prop_assert!(e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()), "{e164}");
            prop_assert!((10..=13).contains(&e164.len()), "{e164}");
            prop_assert_eq!(Phone::parse(e164).map(|p| p.e164().to_owned()), Ok(e164.to_owned()), "normalised numbers read back");
            prop_assert_eq!(Phone::parse(&phone.display()).map(|p| p.e164().to_owned()), Ok(e164.to_owned()));
        }
    }

    #[test]
    fn email_addresses(input in messy()) {
        if let Ok(address) = email::check(&input) {
            prop_assert_eq!(address.matches('@').count(), 1);
            prop_assert!(!address.contains(char::is_whitespace));
            prop_assert!(address.chars().count() <= email::MAX_LENGTH);
        }
    }

    #[test]
    fn names(input in messy()) {
        if let Ok(name) = check_name(&input) {
            prop_assert!(!name.is_empty() && name.chars().count() <= 50);
            prop_assert!(!name.contains(['<', '>', '"', '&']));
        }
    }

    #[test]
    fn dates_of_birth(day in messy(), month in messy(), year in messy()) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        if let Ok(date) = parse_birth_date(&day, &month, &year, today) {
            prop_assert!(date <= today);
        }
    }

    #[test]
    fn whole_forms(first in messy(), last in messy(), phone in messy(), mail in messy(), idea in any::<String>()) {
        let form = SignupForm { first_name: first, last_name: last, phone, email: mail, idea, ..SignupForm::default() };
        let _ = form.validate(&["discovery", "collective", "individual"]);
    }

    #[test]
    fn share_link_parameters(query in messy()) {
        let (link, _ignored) = ShareLink::parse(&query);
        if let Some(counsellor) = &link.counsellor {
            prop_assert!(counsellor.chars().count() <= 40 && !counsellor.contains(['<', '>', '"', '&', '/']));
        }
        if let Some(campaign) = &link.campaign {
            prop_assert!(campaign.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
        // What was read writes back to a link that reads the same.
        let url = link.to_url("https://labo.exemple.fr");
        let query_again = url.split_once('?').map_or("", |(_, q)| q);
        prop_assert_eq!(ShareLink::parse(query_again).0, link);
    }

    #[test]
    fn share_links_made_of_known_names(pairs in proptest::collection::vec(("(conseiller|campagne|canal|parcours|hors-territoire|x)", messy()), 0..6)) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", labo::domain::wire::form_encode(v))).collect();
        let _ = ShareLink::parse(&query.join("&"));
    }

    #[test]
    fn config_files(text in messy()) {
        if let Err(problems) = Config::parse(&text) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn config_values_of_any_type(url in messy(), phone in messy(), timeout in any::<i64>(), mail in messy()) {
        let text = serde_json::json!({
            "endpoint": { "url": url, "timeout_seconds": timeout },
            "mission_locale": { "name": "ML", "phone": phone },
            "territory": { "description": "au Havre" },
            "privacy": { "contact_email": mail },
        })
        .to_string();
        match Config::parse(&text) {
            Ok(config) => prop_assert!((1..=120).contains(&config.endpoint.timeout_seconds)),
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn commune_lists_and_searches(text in messy(), query in messy()) {
        let _ = Territory::parse(&text);
        let territory = Territory::parse(include_str!("../public/communes.json")).unwrap();
        prop_assert!(territory.search(&query).len() <= labo::domain::territory::MAX_RESULTS);
    }

    #[test]
    fn endpoint_answers(status in any::<u16>(), body in messy(), retry_after in messy(), now in any::<i64>()) {
        let _ = response::classify(status, &body);
        prop_assert!(response::problems(&body).len() <= response::MAX_PROBLEMS);
        let _ = parse_retry_after(&retry_after, now);
    }

    #[test]
    fn stored_drafts_and_outboxes(text in messy(), now in any::<i64>()) {
        let _ = Draft::from_storage(&text, now);
        let _ = Outbox::from_legacy(&text);
        let _ = Outbox::from_stored([("k", text.as_str())]);
        let _ = labo::domain::outbox::Delivered::from_stored("ABCD3467", &text, now);
    }
}
