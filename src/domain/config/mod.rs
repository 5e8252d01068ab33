//! The deployment's settings, read from `config.json` at start-up.
//!
//! One build serves any deployment: the endpoint, the mission locale's contact details and the
//! privacy contact live in `public/config.json`, edited by whoever deploys the app (see
//! `docs/configuration.md`). This module turns that file into a [`Config`] or into the complete
//! list of what is wrong with it, in French, for the deployer. It never panics on any input.

//!
//! Its parts: `reader` (reading values and collecting every problem), `problem` (what is wrong,
//! for the deployer), `endpoint` (where and how sign-ups go, and the checks of its address),
//! `contact` (the contact details kept on the device for the day the file breaks).

mod contact;
mod endpoint;
mod front_door;
mod legal_notice;
mod problem;
mod reader;
mod sections;

use serde_json::Value;

use super::phone::Phone;
use super::typography;

pub use contact::ContactFallback;
#[cfg(test)]
use endpoint::check_endpoint_url;
pub use endpoint::{Endpoint, csp_allows_connect, is_placeholder_host, origin};
pub use front_door::{Fact, FrontDoor, Logo, MAX_TESTIMONIALS, Photo, Place, Testimonial};
pub use legal_notice::{Host, LegalNotice};
pub use problem::ConfigProblem;
use problem::problem;
use reader::Reader;

/// A validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub endpoint: Endpoint,
    pub mission_locale: MissionLocale,
    pub territory: TerritorySettings,
    pub privacy: Privacy,
    pub accessibility: AccessibilitySettings,
    /// What this deployment adds about each pathway (days, places, group size…), by pathway
    /// id, in the questionnaire's order: what the catalogue cannot promise for every mission
    /// locale.
    pub pathway_details: Vec<(String, String)>,
    /// Where, the facts switched on, testimonials and photo (all optional).
    pub front_door: FrontDoor,
    /// What the "Mentions légales" page names (optional).
    pub legal_notice: LegalNotice,
    /// Who supports the Lab'O ("l'État (fonds « Initiatives territoriales »)"), said on the
    /// start page when given.
    pub funder: Option<String>,
}

impl Config {
    /// What this deployment says about the pathway `id`, if anything.
    pub fn pathway_details(&self, id: &str) -> Option<&str> {
        self.pathway_details.iter().find(|(p, _)| p == id).map(|(_, text)| text.as_str())
    }
}

/// The deployment's accessibility documents, linked from the accessibility statement.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AccessibilitySettings {
    /// The mission locale's "schéma pluriannuel de mise en accessibilité".
    pub multi_year_plan_url: Option<String>,
    /// This year's "plan d'action".
    pub action_plan_url: Option<String>,
}

/// The area the deployment serves.
#[derive(Clone, Debug, PartialEq)]
pub struct TerritorySettings {
    /// Completes "tu habites …", e.g. "dans la communauté urbaine Le Havre Seine Métropole…".
    pub description: String,
    /// Where the list of communes is, relative to the app (default `/communes.json`).
    pub communes_url: String,
}

/// How a young person reaches the mission locale.
#[derive(Clone, Debug, PartialEq)]
pub struct MissionLocale {
    /// The full name ("Mission Locale Le Havre Estuaire Littoral"), without article.
    pub name: String,
    /// The name used in sentences, with its article: "la Mission Locale" (see [`Self::short_name_in`]).
    pub short_name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    /// Within how many working days the counsellor calls back, said on the confirmation page.
    pub callback_working_days: u32,
}

impl MissionLocale {
    /// The short name for a sentence in `lang`: as written in French ("la Mission Locale"), with
    /// "the" in English ("the Mission Locale").
    pub fn short_name_in(&self, lang: &str) -> String {
        short_name_in(&self.short_name, lang)
    }
}

/// A short name with its French article ("la Mission Locale"), for a sentence in `lang`.
pub fn short_name_in(short_name: &str, lang: &str) -> String {
    if lang == "fr" { short_name.to_owned() } else { typography::english_short_name(short_name) }
}

/// The deployment-specific parts of the privacy notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Privacy {
    /// Who is responsible for the data (the "responsable de traitement").
    pub controller: String,
    /// Where to ask for one's data, to correct or delete it.
    pub contact_email: String,
    /// The data protection officer's address, when the mission locale has designated one.
    pub dpo_email: Option<String>,
    /// How long the mission locale keeps a sign-up.
    pub retention_months: u32,
    /// Where sign-ups go outside the European Union, if anywhere (absent: nowhere).
    pub transfers_outside_eu: Option<String>,
    /// The controller's postal address (absent: `mission_locale.address`, if any).
    pub controller_address: Option<String>,
    /// The mission locale records sign-ups in i-milo, the national information system of the
    /// missions locales: the notice names it only then.
    pub records_in_imilo: bool,
}

/// Default for `endpoint.timeout_seconds`: long enough for a slow 3G upload, short enough that
/// a young person is not left waiting on a dead connection.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;
/// Default for `mission_locale.callback_working_days`.
pub const DEFAULT_CALLBACK_DAYS: u32 = 5;
/// Default for `territory.communes_url`.
pub const DEFAULT_COMMUNES_URL: &str = "/communes.json";
/// Default for `privacy.retention_months`.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;
/// Default for `mission_locale.short_name`.
pub const DEFAULT_SHORT_NAME: &str = "la Mission Locale";

impl Config {
    /// Parses and validates the text of `config.json`, reporting every problem at once.
    pub fn parse(text: &str) -> Result<Config, Vec<ConfigProblem>> {
        let root: Value = crate::domain::json::parse_value(text).map_err(|e| {
            vec![problem(
                "",
                format!("le fichier n'est pas du JSON valide (ligne {}, colonne {}).", e.line(), e.column()),
            )]
        })?;
        let Some(root) = root.as_object() else {
            return Err(vec![problem("", "le fichier doit contenir un objet JSON { … }.")]);
        };
        let mut problems = Vec::new();
        let mut reader = Reader { problems: &mut problems };
        reader.unknown_keys(
            "",
            root,
            &[
                "endpoint",
                "mission_locale",
                "territory",
                "privacy",
                "accessibility",
                "pathways",
                "places",
                "facts",
                "testimonials",
                "photo",
                "legal_notice",
                "funder",
                "brand",
            ],
        );

        // Each section is read on its own and reports its own problems; the config exists only
        // if none has any (the deployer sees them all at once).
        let endpoint = reader.object(root, "endpoint").and_then(|o| reader.endpoint(o));
        let mission_locale = sections::mission_locale(&mut reader, root);
        let territory = sections::territory(&mut reader, root);
        let privacy = sections::privacy(&mut reader, root);
        let pathway_details = sections::pathways(&mut reader, root);
        let accessibility = sections::accessibility(&mut reader, root);
        let front_door = front_door::read(&mut reader, root);
        let legal_notice = legal_notice::read(&mut reader, root);
        let funder = reader.text(root, "funder", false).map(|text| typography::french(&text));

        let (Some(endpoint), Some(mission_locale), Some(territory), Some(mut privacy), Some(accessibility)) =
            (endpoint, mission_locale, territory, privacy, accessibility)
        else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        // The privacy notice names the mission locale unless told otherwise.
        if privacy.controller.is_empty() {
            privacy.controller.clone_from(&mission_locale.name);
        }
        if privacy.controller_address.is_none() {
            privacy.controller_address.clone_from(&mission_locale.address);
        }
        Ok(Config {
            endpoint,
            mission_locale,
            territory,
            privacy,
            accessibility,
            pathway_details,
            front_door,
            legal_notice,
            funder,
        })
    }

    /// What to keep on the device for the day `config.json` is broken.
    pub fn contact_fallback(&self) -> ContactFallback {
        ContactFallback {
            name: self.mission_locale.name.clone(),
            short_name: self.mission_locale.short_name.clone(),
            phone_e164: self.mission_locale.phone.e164().to_owned(),
            phone_display: self.mission_locale.phone.display(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::wire::{Format, Mapping};

    const GOOD: &str = r#"{
        "endpoint": { "url": "https://inscriptions.ml-havre.fr/labo", "format": "json", "timeout_seconds": 15 },
        "mission_locale": {
            "name": "Mission Locale Le Havre Estuaire Littoral",
            "phone": "02 61 91 00 00",
            "email": "labo@exemple.fr",
            "address": "1 rue de l'Exemple, 76600 Le Havre",
            "hours": "Du lundi au vendredi, 9 h – 17 h",
            "callback_working_days": 3
        },
        "territory": { "description": "dans la communauté urbaine Le Havre Seine Métropole", "communes_url": "/territoire/communes.json" },
        "privacy": { "controller": "Mission Locale Le Havre Estuaire Littoral", "contact_email": "dpo@exemple.fr", "retention_months": 36 }
    }"#;

    fn keys(problems: &[ConfigProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.key.as_str()).collect()
    }

    #[test]
    fn reads_a_complete_config() {
        let config = Config::parse(GOOD).unwrap();
        assert_eq!(config.endpoint.url, "https://inscriptions.ml-havre.fr/labo");
        assert_eq!(config.endpoint.format, Format::Json);
        assert_eq!(config.endpoint.mapping, None);
        assert_eq!(config.endpoint.timeout_seconds, 15);
        assert_eq!(config.mission_locale.phone.e164(), "+33261910000");
        assert_eq!(config.mission_locale.email.as_deref(), Some("labo@exemple.fr"));
        assert_eq!(config.privacy.retention_months, 36);
        assert_eq!(config.mission_locale.callback_working_days, 3);
        assert_eq!(config.territory.communes_url, "/territoire/communes.json");
        assert_eq!(config.contact_fallback().phone_display, "02 61 91 00 00");
        let kept = crate::domain::json::write(&config.contact_fallback());
        assert_eq!(ContactFallback::from_storage(&kept), Some(config.contact_fallback()));
        assert_eq!(ContactFallback::from_storage(r#"{"name": "ML"}"#), None);
    }

    #[test]
    fn fills_defaults_for_optional_keys() {
        let minimal = r#"{
            "endpoint": { "url": "http://127.0.0.1:8787/inscriptions" },
            "mission_locale": { "name": "ML", "phone": "0261910000" },
            "territory": { "description": "au Havre" },
            "privacy": { "contact_email": "dpo@exemple.fr" }
        }"#;
        let config = Config::parse(minimal).unwrap();
        assert_eq!(config.endpoint.format, Format::Json);
        assert_eq!(config.endpoint.timeout_seconds, DEFAULT_TIMEOUT_SECONDS);
        assert_eq!(config.privacy.controller, "ML");
        assert_eq!(config.privacy.retention_months, DEFAULT_RETENTION_MONTHS);
        assert_eq!(config.mission_locale.email, None);
        assert_eq!(config.mission_locale.callback_working_days, DEFAULT_CALLBACK_DAYS);
        assert_eq!(config.territory.communes_url, DEFAULT_COMMUNES_URL);
    }

    #[test]
    fn reads_the_short_name_the_dpo_and_the_accessibility_documents() {
        let text = GOOD
            .replace(r#""callback_working_days": 3"#, r#""callback_working_days": 3, "short_name": "la Mission Locale du Havre""#)
            .replace(r#""retention_months": 36"#, r#""retention_months": 36, "dpo_email": "dpo@ml-havre.fr", "transfers_outside_eu": "aucun""#)
            .replace(
                r#""privacy": {"#,
                r#""accessibility": { "multi_year_plan_url": "https://ml-havre.fr/schema", "action_plan_url": "https://ml-havre.fr/plan-2026" }, "privacy": {"#,
            );
        let config = Config::parse(&text).unwrap();
        assert_eq!(config.mission_locale.short_name, "la Mission Locale du Havre");
        assert_eq!(config.mission_locale.short_name_in("fr"), "la Mission Locale du Havre");
        assert_eq!(config.mission_locale.short_name_in("en"), "the Mission Locale du Havre");
        assert_eq!(config.privacy.dpo_email.as_deref(), Some("dpo@ml-havre.fr"));
        assert_eq!(config.privacy.transfers_outside_eu.as_deref(), Some("aucun"));
        assert_eq!(config.accessibility.multi_year_plan_url.as_deref(), Some("https://ml-havre.fr/schema"));
        assert_eq!(config.accessibility.action_plan_url.as_deref(), Some("https://ml-havre.fr/plan-2026"));
        assert_eq!(config.contact_fallback().short_name, "la Mission Locale du Havre");

        // Absent, they take their defaults: no DPO line, no documents, "la Mission Locale".
        let config = Config::parse(GOOD).unwrap();
        assert_eq!(config.mission_locale.short_name, DEFAULT_SHORT_NAME);
        assert_eq!(config.privacy.dpo_email, None);
        assert_eq!(config.accessibility, AccessibilitySettings::default());
        // What older versions kept on the device has no short name.
        let old = r#"{"name":"ML","phone_e164":"+33261910000","phone_display":"02 61 91 00 00"}"#;
        assert_eq!(ContactFallback::from_storage(old).unwrap().short_name, DEFAULT_SHORT_NAME);

        let bad = GOOD
            .replace(r#""callback_working_days": 3"#, r#""callback_working_days": 3, "short_name": "Mission Locale""#)
            .replace(r#""retention_months": 36"#, r#""retention_months": 36, "dpo_email": "dpo""#)
            .replace(
                r#""privacy": {"#,
                r#""accessibility": { "multi_year_plan_url": "http://ml-havre.fr/schema", "plan": "x" }, "privacy": {"#,
            );
        let problems = Config::parse(&bad).unwrap_err();
        assert_eq!(
            keys(&problems),
            [
                "mission_locale.short_name",
                "privacy.dpo_email",
                "accessibility.plan",
                "accessibility.multi_year_plan_url"
            ]
        );
        assert!(problems[0].message.contains("« la »"), "{}", problems[0]);
    }

    #[test]
    fn reads_what_the_deployment_says_about_each_pathway() {
        let text = GOOD.replace(
            r#""privacy": {"#,
            r#""pathways": { "collective": "En petits groupes, le mardi : 3 mois." }, "privacy": {"#,
        );
        let config = Config::parse(&text).unwrap();
        assert_eq!(config.pathway_details("collective"), Some("En petits groupes, le mardi\u{a0}: 3 mois."));
        assert_eq!(config.pathway_details("discovery"), None);
        assert_eq!(Config::parse(GOOD).unwrap().pathway_details, []);
        let bad = GOOD.replace(r#""privacy": {"#, r#""pathways": { "visits": "x", "individual": 3 }, "privacy": {"#);
        assert_eq!(keys(&Config::parse(&bad).unwrap_err()), ["pathways.visits", "pathways.individual"]);
    }

    #[test]
    fn the_deployers_texts_are_typeset_in_french_when_read() {
        let text = GOOD
            .replace("1 rue de l'Exemple, 76600 Le Havre", "1 rue de l'Exemple : bâtiment B ; 2e étage")
            .replace("Du lundi au vendredi, 9 h – 17 h", "Du lundi au vendredi, de 9 h à 12 h 30 !")
            .replace(
                "dans la communauté urbaine Le Havre Seine Métropole",
                "au Havre, à Fécamp ou dans l'agglo « Caux »",
            );
        let config = Config::parse(&text).unwrap();
        let ml = &config.mission_locale;
        assert_eq!(ml.address.as_deref(), Some("1 rue de l’Exemple\u{a0}: bâtiment B\u{202f}; 2e étage"));
        assert_eq!(ml.hours.as_deref(), Some("Du lundi au vendredi, de 9\u{a0}h à 12\u{a0}h\u{a0}30\u{202f}!"));
        assert_eq!(config.territory.description, "au Havre, à Fécamp ou dans l’agglo «\u{202f}Caux\u{202f}»");
        // Addresses and links are not prose: untouched.
        assert_eq!(ml.email.as_deref(), Some("labo@exemple.fr"));
        assert_eq!(config.territory.communes_url, "/territoire/communes.json");
    }

    #[test]
    fn reports_broken_files_in_french() {
        let cases: [(&str, &str); 5] = [
            ("", "pas du JSON valide"),
            ("{ \"endpoint\": ", "pas du JSON valide"),
            ("[1, 2]", "un objet JSON"),
            ("\"texte\"", "un objet JSON"),
            ("null", "un objet JSON"),
        ];
        for (text, expected) in cases {
            let problems = Config::parse(text).unwrap_err();
            assert_eq!(problems.len(), 1, "{text}");
            assert!(problems[0].message.contains(expected), "{text}: {}", problems[0]);
        }
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = r#"{
            "endpoint": { "url": "http://inscriptions.ml-havre.fr", "format": "xml", "timeout_seconds": 0 },
            "mission_locale": { "name": "", "phone": "12" , "emial": "x"},
            "territory": { "description": "au Havre", "communes_url": "../x.json" },
            "privacy": { "contact_email": "pas-une-adresse" }
        }"#;
        let problems = Config::parse(text).unwrap_err();
        assert_eq!(
            keys(&problems),
            [
                "endpoint.url",
                "endpoint.format",
                "endpoint.timeout_seconds",
                "mission_locale.name",
                "mission_locale.phone",
                "mission_locale.emial",
                "territory.communes_url",
                "privacy.contact_email"
            ]
        );
        assert!(problems[0].message.contains("https://"));
        assert!(problems[5].message.contains("clé inconnue"));
    }

    #[test]
    fn reports_missing_sections() {
        let problems = Config::parse("{}").unwrap_err();
        assert_eq!(keys(&problems), ["endpoint", "mission_locale", "territory", "privacy"]);
        let text = r#"{"endpoint": "https://x.fr", "mission_locale": {}, "territory": {}, "privacy": {}}"#;
        let problems = Config::parse(text).unwrap_err();
        let expected = [
            "endpoint",
            "mission_locale.name",
            "mission_locale.phone",
            "territory.description",
            "privacy.contact_email",
        ];
        assert_eq!(keys(&problems), expected);
    }

    #[test]
    fn reads_form_formats_with_their_mapping() {
        let text = GOOD.replace(
            r#""format": "json""#,
            r#""format": "form", "fields": {"prénom": "applicant.first_name", "age": "eligibility.age"}, "constants": {"origine": "labo"}"#,
        );
        let config = Config::parse(&text).unwrap();
        assert_eq!(config.endpoint.format, Format::Form);
        let mapping = config.endpoint.mapping.unwrap();
        assert_eq!(
            mapping.fields,
            [
                ("age".to_owned(), "eligibility.age".to_owned()),
                ("prénom".to_owned(), "applicant.first_name".to_owned())
            ]
        );
        assert_eq!(mapping.constants, [("origine".to_owned(), "labo".to_owned())]);
        let bad = GOOD.replace(
            r#""format": "json""#,
            r#""format": "xml", "fields": {"x": "applicant.password", "y": 3}, "constants": []"#,
        );
        let problems = Config::parse(&bad).unwrap_err();
        assert_eq!(
            keys(&problems),
            ["endpoint.format", "endpoint.fields.x", "endpoint.fields.y", "endpoint.constants"]
        );
    }

    #[test]
    fn tells_whether_the_csp_lets_the_app_reach_the_endpoint() {
        let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://inscriptions.exemple.fr";
        let page = "https://labo.exemple.fr";
        assert!(csp_allows_connect(policy, "https://inscriptions.exemple.fr", page));
        assert!(csp_allows_connect(policy, "https://INSCRIPTIONS.exemple.fr", page));
        assert!(!csp_allows_connect(policy, "https://autre.exemple.fr", page));
        assert!(!csp_allows_connect(policy, "https://inscriptions.exemple.fr:8443", page));
        assert!(csp_allows_connect(policy, "https://labo.exemple.fr", page), "'self'");
        assert!(csp_allows_connect("default-src 'self' https:", "https://x.fr", page));
        assert!(!csp_allows_connect("default-src 'self'", "https://x.fr", page));
        assert!(csp_allows_connect("script-src 'self'", "https://x.fr", page), "no connect rule");
        assert!(csp_allows_connect("connect-src *", "https://x.fr", page));
        assert!(!csp_allows_connect("connect-src-elem x; connect-src 'none'", "https://x.fr", page));
    }

    #[test]
    fn checks_endpoint_urls() {
        for ok in [
            "https://ml-havre.fr",
            "https://ml-havre.fr:8443/api/inscriptions?source=labo",
            "http://localhost:8787/x",
            "http://127.0.0.1/x",
            "http://[::1]:9000/",
        ] {
            assert_eq!(check_endpoint_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "exemple.fr",
            "ftp://exemple.fr",
            "https://",
            "https:///path",
            "http://exemple.fr",
            "https://user:pw@exemple.fr",
            "https://exemple.fr/#x",
            "https://exe mple.fr",
            "javascript:alert(1)",
        ] {
            assert!(check_endpoint_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_example_endpoint_is_refused_so_an_unedited_deployment_sends_nothing() {
        for placeholder in [
            "https://inscriptions.example/labo",
            "https://inscriptions.mission-locale.example/labo",
            "https://EXAMPLE.com/x",
            "https://api.example.org.:443/x",
            "https://example.net",
            "https://inscriptions.exemple.fr/labo",
            "https://exemple.com",
            "https://labo.test/x",
            "https://x.invalid",
        ] {
            let message = check_endpoint_url(placeholder).unwrap_err();
            assert!(message.contains("adresse d'exemple"), "{placeholder}: {message}");
        }
        for real in ["https://example-ml.fr/x", "https://exemples.fr", "https://myexample.com", "https://testing.fr"] {
            assert_eq!(check_endpoint_url(real), Ok(()), "{real}");
        }
        // The example configuration shipped with the app is refused as it is.
        let shipped = include_str!("../../../public/config.json");
        let problems = Config::parse(shipped).unwrap_err();
        assert_eq!(keys(&problems), ["endpoint.url"], "{problems:?}");
    }

    #[test]
    fn a_mapping_to_the_old_marks_names_the_new_field() {
        let text = GOOD.replace(
            r#""format": "json","#,
            r#""format": "form", "fields": {"score": "self_assessment.scores.idea", "niveau": "self_assessment.levels.idea"},"#,
        );
        let problems = Config::parse(&text).unwrap_err();
        assert_eq!(keys(&problems), ["endpoint.fields.score"]);
        assert!(problems[0].message.contains("self_assessment.levels.<dimension>"), "{}", problems[0].message);
    }

    #[test]
    fn the_endpoint_settings_kept_on_the_device_read_back_and_are_checked_again() {
        let config = Config::parse(GOOD).unwrap();
        let kept = config.endpoint.to_storage();
        assert!(!kept.contains("Mission Locale"), "only the endpoint: {kept}");
        assert_eq!(Endpoint::from_storage(&kept), Some(config.endpoint.clone()));
        let form = Endpoint {
            url: "https://contact.ml-havre.fr/demande".into(),
            format: Format::Form,
            mapping: Some(Mapping {
                fields: vec![
                    ("nom".into(), "applicant.last_name".into()),
                    ("prénom".into(), "applicant.first_name".into()),
                ],
                constants: vec![("origine".into(), "labo".into())],
            }),
            timeout_seconds: 7,
        };
        assert_eq!(Endpoint::from_storage(&form.to_storage()), Some(form));
        for damaged in [
            "",
            "{",
            "[]",
            r#"{"url": "https://inscriptions.example/labo"}"#,
            r#"{"url": "http://ml-havre.fr/x"}"#,
            r#"{"url": "https://ml-havre.fr/x", "format": "xml"}"#,
            r#"{"url": "https://ml-havre.fr/x", "fields": {"nom": "applicant.shoe_size"}}"#,
        ] {
            assert_eq!(Endpoint::from_storage(damaged), None, "{damaged}");
        }
    }

    #[test]
    fn wrong_types_are_reported_not_panicked_on() {
        let text = r#"{"endpoint": {"url": 42, "timeout_seconds": "20"}, "mission_locale": {"name": ["x"], "phone": null},
            "territory": {"description": 3}, "privacy": {"contact_email": {}}}"#;
        let problems = Config::parse(text).unwrap_err();
        let expected = [
            "endpoint.url",
            "endpoint.timeout_seconds",
            "mission_locale.name",
            "mission_locale.phone",
            "territory.description",
            "privacy.contact_email",
        ];
        assert_eq!(keys(&problems), expected);
    }
}
