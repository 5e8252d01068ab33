//! The sections of `config.json` that every deployment has, one function each: each reads its
//! keys, reports its own problems to the [`Reader`] and gives its part of the [`Config`](super::Config)
//! (typeset: the deployer's texts are shown in French sentences), or `None` when a required key is
//! missing or wrong. The optional sections live in `front_door` and `legal_notice`.

use serde_json::{Map, Value};

use super::problem::problem;
use super::reader::Reader;
use super::{
    AccessibilitySettings, DEFAULT_CALLBACK_DAYS, DEFAULT_COMMUNES_URL, DEFAULT_RETENTION_MONTHS, DEFAULT_SHORT_NAME,
    MissionLocale, Privacy, TerritorySettings,
};
use crate::domain::phone::Phone;
use crate::domain::typography;

fn typeset(text: String) -> String {
    typography::french(&text)
}

/// `mission_locale`: who the young person deals with.
pub(super) fn mission_locale(reader: &mut Reader<'_>, root: &Map<String, Value>) -> Option<MissionLocale> {
    let o = reader.object(root, "mission_locale")?;
    let name = reader.text(o, "mission_locale.name", true);
    let short_name = reader.text(o, "mission_locale.short_name", false).and_then(|short| {
        if typography::has_article(&short) {
            Some(short)
        } else {
            let message = format!(
                "« {short} » doit commencer par son article, « la » ou « l’ », par exemple « la Mission Locale » : il est écrit tel quel au milieu des phrases."
            );
            reader.problems.push(problem("mission_locale.short_name", message));
            None
        }
    });
    let phone = reader.text(o, "mission_locale.phone", true).and_then(|p| match Phone::parse(&p) {
        Ok(phone) => Some(phone),
        Err(_) => {
            reader.problems.push(problem(
                "mission_locale.phone",
                format!("« {p} » n'est pas un numéro de téléphone français valide (exemple : 02 35 00 00 00)."),
            ));
            None
        }
    });
    let email = reader.email(o, "mission_locale.email", false);
    let address = reader.text(o, "mission_locale.address", false);
    let hours = reader.text(o, "mission_locale.hours", false);
    let callback_working_days =
        reader.number(o, "mission_locale.callback_working_days", 1..=30).unwrap_or(Some(DEFAULT_CALLBACK_DAYS));
    let known = ["name", "short_name", "phone", "email", "address", "hours", "callback_working_days"];
    reader.unknown_keys("mission_locale", o, &known);
    Some(MissionLocale {
        name: typeset(name?),
        short_name: typeset(short_name.unwrap_or_else(|| DEFAULT_SHORT_NAME.to_owned())),
        phone: phone?,
        email,
        address: address.map(typeset),
        hours: hours.map(typeset),
        callback_working_days: callback_working_days?,
    })
}

/// `territory`: who can sign up, and the list of its communes.
pub(super) fn territory(reader: &mut Reader<'_>, root: &Map<String, Value>) -> Option<TerritorySettings> {
    let o = reader.object(root, "territory")?;
    let description = reader.text(o, "territory.description", true);
    let communes_url =
        reader.text(o, "territory.communes_url", false).unwrap_or_else(|| DEFAULT_COMMUNES_URL.to_owned());
    let path_ok = !communes_url.contains(char::is_whitespace) && !communes_url.contains("..");
    if !path_ok {
        reader.problems.push(problem(
            "territory.communes_url",
            "doit être un chemin comme /communes.json, sans espace ni « .. ».",
        ));
    }
    reader.unknown_keys("territory", o, &["description", "communes_url"]);
    Some(TerritorySettings { description: typeset(description?), communes_url }).filter(|_| path_ok)
}

/// `privacy`: what the privacy notice needs. The controller is left empty when not given: the
/// caller puts the mission locale's name there (and its address, if it has one).
pub(super) fn privacy(reader: &mut Reader<'_>, root: &Map<String, Value>) -> Option<Privacy> {
    let o = reader.object(root, "privacy")?;
    let controller = reader.text(o, "privacy.controller", false);
    let contact_email = reader.email(o, "privacy.contact_email", true);
    let dpo_email = reader.email(o, "privacy.dpo_email", false);
    let retention_months =
        reader.number(o, "privacy.retention_months", 1..=120).unwrap_or(Some(DEFAULT_RETENTION_MONTHS));
    let transfers_outside_eu = reader.text(o, "privacy.transfers_outside_eu", false);
    let controller_address = reader.text(o, "privacy.controller_address", false);
    let records_in_imilo = reader.flag(o, "privacy.records_in_imilo");
    let known = [
        "controller",
        "controller_address",
        "contact_email",
        "dpo_email",
        "retention_months",
        "transfers_outside_eu",
        "records_in_imilo",
    ];
    reader.unknown_keys("privacy", o, &known);
    Some(Privacy {
        controller: controller.map(typeset).unwrap_or_default(),
        contact_email: contact_email?,
        dpo_email,
        retention_months: retention_months?,
        transfers_outside_eu: transfers_outside_eu.map(typeset),
        controller_address: controller_address.map(typeset),
        records_in_imilo,
    })
}

/// `pathways` (optional): what this mission locale adds about each pathway, in the
/// questionnaire's order.
pub(super) fn pathways(reader: &mut Reader<'_>, root: &Map<String, Value>) -> Vec<(String, String)> {
    let mut details = Vec::new();
    if root.contains_key("pathways")
        && let Some(o) = reader.object(root, "pathways")
    {
        let ids = crate::domain::questionnaire::QUESTIONNAIRE.pathways;
        reader.unknown_keys("pathways", o, ids);
        for id in ids {
            if let Some(text) = reader.text(o, &format!("pathways.{id}"), false) {
                details.push(((*id).to_owned(), typeset(text)));
            }
        }
    }
    details
}

/// `accessibility` (optional): a deployment without these documents says so on the statement.
pub(super) fn accessibility(reader: &mut Reader<'_>, root: &Map<String, Value>) -> Option<AccessibilitySettings> {
    match root.get("accessibility") {
        None => Some(AccessibilitySettings::default()),
        Some(_) => reader.object(root, "accessibility").map(|o| {
            reader.unknown_keys("accessibility", o, &["multi_year_plan_url", "action_plan_url"]);
            AccessibilitySettings {
                multi_year_plan_url: reader.web_address(o, "accessibility.multi_year_plan_url"),
                action_plan_url: reader.web_address(o, "accessibility.action_plan_url"),
            }
        }),
    }
}
