//! What the "Mentions légales" page names (LCEN, article 6-III): who publishes the site, who
//! directs the publication, who hosts it. Optional as a whole: the publisher defaults to the
//! mission locale, and an item the deployment has not given yet is shown as "ask the mission
//! locale" (`legal::legal_notice`), with a warning for the deployer at build time
//! (tools/post-build.mjs).

use serde_json::{Map, Value};

use super::problem::problem;
use super::reader::Reader;
use crate::domain::typography;

/// The site's host: the law asks for its name, address and phone number.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    pub name: String,
    pub address: String,
    /// As written (typeset): a host may be abroad, so this is not a French
    /// [`Phone`](crate::domain::phone::Phone).
    pub phone: String,
}

/// `legal_notice` in `config.json`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LegalNotice {
    /// The legal name of the publisher, with its form if it likes ("…, association loi 1901");
    /// absent: `mission_locale.name`.
    pub publisher: Option<String>,
    /// The publisher's registered address; absent: `mission_locale.address`.
    pub address: Option<String>,
    /// The director of publication (usually the mission locale's president), by name.
    pub director: Option<String>,
    pub host: Option<Host>,
}

/// Reads the optional `legal_notice` section; problems go to `reader`.
pub(super) fn read(reader: &mut Reader<'_>, root: &Map<String, Value>) -> LegalNotice {
    let typeset = |text: String| typography::french(&text);
    let Some(o) = root.get("legal_notice").filter(|v| !v.is_null()).and_then(|_| reader.object(root, "legal_notice"))
    else {
        return LegalNotice::default();
    };
    reader.unknown_keys("legal_notice", o, &["publisher", "address", "director", "host"]);
    let publisher = reader.text(o, "legal_notice.publisher", false).map(typeset);
    let address = reader.text(o, "legal_notice.address", false).map(typeset);
    let director = reader.text(o, "legal_notice.director", false).map(typeset);
    let host = match o.get("host") {
        None | Some(Value::Null) => None,
        Some(Value::Object(h)) => {
            reader.unknown_keys("legal_notice.host", h, &["name", "address", "phone"]);
            // All three or none: the law asks for each of them.
            let name = reader.text(h, "legal_notice.host.name", true);
            let address = reader.text(h, "legal_notice.host.address", true);
            let phone = reader.text(h, "legal_notice.host.phone", true);
            match (name, address, phone) {
                (Some(name), Some(address), Some(phone)) => {
                    Some(Host { name: typeset(name), address: typeset(address), phone: typeset(phone) })
                }
                _ => None,
            }
        }
        Some(_) => {
            reader.problems.push(problem("legal_notice.host", "doit être un objet { … }."));
            None
        }
    };
    LegalNotice { publisher, address, director, host }
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use super::*;

    fn with(legal_notice: Value) -> Result<Config, Vec<super::super::ConfigProblem>> {
        let mut config = crate::domain::json::parse_value(include_str!("../../../public/config.json")).unwrap();
        config["endpoint"]["url"] = "https://inscriptions.labo-essai.fr/labo".into();
        config["legal_notice"] = legal_notice;
        Config::parse(&config.to_string())
    }

    #[test]
    fn the_legal_notice_is_read_and_typeset() {
        let config = with(serde_json::json!({
            "director": "Claire Exemple, présidente",
            "host": { "name": "Hébergeur Exemple SAS", "address": "2 rue de l'Exemple, 59100 Roubaix", "phone": "+33 9 00 00 00 00" }
        }))
        .unwrap();
        let notice = config.legal_notice;
        assert_eq!(notice.publisher, None, "the mission locale's name is used");
        assert_eq!(notice.director.as_deref(), Some("Claire Exemple, présidente"));
        let host = notice.host.unwrap();
        assert_eq!(host.address, "2 rue de l’Exemple, 59100 Roubaix", "typeset like every text shown");
        assert_eq!(host.phone, "+33 9 00 00 00 00");
    }

    #[test]
    fn a_missing_notice_is_not_an_error_but_a_half_host_is() {
        assert_eq!(with(Value::Null).unwrap().legal_notice, LegalNotice::default());
        let problems = with(serde_json::json!({ "host": { "name": "Hébergeur", "phone": "01" }, "editor": "x" }))
            .unwrap_err()
            .into_iter()
            .map(|p| p.key)
            .collect::<Vec<_>>();
        assert!(problems.contains(&"legal_notice.host.address".to_owned()), "{problems:?}");
        assert!(problems.contains(&"legal_notice.editor".to_owned()), "an unknown key is named: {problems:?}");
        let problems = with(serde_json::json!("Mission Locale")).unwrap_err();
        assert_eq!(problems[0].key, "legal_notice");
    }
}
