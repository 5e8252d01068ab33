//! Reads the values of `config.json`, collecting every problem so the deployer sees all of
//! them at once.

use serde_json::{Map, Value};

use super::endpoint::{Endpoint, check_endpoint_url};
use super::problem::problem;
use super::{ConfigProblem, DEFAULT_TIMEOUT_SECONDS};
use crate::domain::email;

use crate::domain::wire::{self, Format, Mapping};

/// Collects problems while reading values, so that the deployer sees all of them at once.
pub(super) struct Reader<'a> {
    pub(super) problems: &'a mut Vec<ConfigProblem>,
}

impl Reader<'_> {
    /// The `endpoint` section (of config.json, or as kept on the device).
    pub(super) fn endpoint(&mut self, endpoint: &Map<String, Value>) -> Option<Endpoint> {
        let url = self.text(endpoint, "endpoint.url", true);
        let url = url.and_then(|url| match check_endpoint_url(&url) {
            Ok(()) => Some(url),
            Err(message) => {
                self.problems.push(problem("endpoint.url", message));
                None
            }
        });
        let format = match self.text(endpoint, "endpoint.format", false) {
            None => Some(Format::Json),
            Some(name) => Format::parse(&name).or_else(|| {
                let message =
                    format!("« {name} » n'est pas un format connu ; valeurs possibles : json, form, multipart.");
                self.problems.push(problem("endpoint.format", message));
                None
            }),
        };
        let mapping = self.mapping(endpoint);
        let timeout_seconds =
            self.number(endpoint, "endpoint.timeout_seconds", 1..=120).unwrap_or(Some(DEFAULT_TIMEOUT_SECONDS));
        self.unknown_keys("endpoint", endpoint, &["url", "format", "fields", "constants", "timeout_seconds"]);
        Some(Endpoint { url: url?, format: format?, mapping, timeout_seconds: timeout_seconds? })
    }

    pub(super) fn object<'v>(&mut self, parent: &'v Map<String, Value>, key: &str) -> Option<&'v Map<String, Value>> {
        match parent.get(key) {
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.problems.push(problem(key, "doit être un objet { … }."));
                None
            }
            None => {
                self.problems.push(problem(key, "est absente ; elle est obligatoire."));
                None
            }
        }
    }

    pub(super) fn text(&mut self, parent: &Map<String, Value>, path: &str, required: bool) -> Option<String> {
        let key = path.rsplit('.').next().unwrap_or(path);
        match parent.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                if s.chars().count() > 500 {
                    self.problems.push(problem(path, "est trop longue (500 caractères au plus)."));
                    return None;
                }
                Some(s.trim().to_owned())
            }
            None | Some(Value::Null) if !required => None,
            Some(Value::String(_)) if !required => None,
            None => {
                self.problems.push(problem(path, "est absente ; elle est obligatoire."));
                None
            }
            Some(Value::String(_)) => {
                self.problems.push(problem(path, "est vide ; elle est obligatoire."));
                None
            }
            Some(_) => {
                self.problems.push(problem(path, "doit être un texte entre guillemets."));
                None
            }
        }
    }

    /// An optional `https://` address of a page (a document of the deployment).
    pub(super) fn web_address(&mut self, parent: &Map<String, Value>, path: &str) -> Option<String> {
        let value = self.text(parent, path, false)?;
        let ok = value.strip_prefix("https://").is_some_and(|rest| {
            !rest.is_empty() && !rest.starts_with('/') && !value.contains(|c: char| c.is_whitespace() || c == '"')
        });
        if ok {
            Some(value)
        } else {
            self.problems
                .push(problem(path, format!("« {value} » doit être l'adresse d'une page, commençant par https://.")));
            None
        }
    }

    pub(super) fn email(&mut self, parent: &Map<String, Value>, path: &str, required: bool) -> Option<String> {
        let value = self.text(parent, path, required)?;
        match email::check(&value) {
            Ok(address) => Some(address),
            Err(_) => {
                self.problems.push(problem(path, format!("« {value} » n'est pas une adresse e-mail valide.")));
                None
            }
        }
    }

    /// A switch: `true` only when set to true; absent or false is false, anything else a problem.
    pub(super) fn flag(&mut self, parent: &Map<String, Value>, path: &str) -> bool {
        let key = path.rsplit('.').next().unwrap_or(path);
        match parent.get(key) {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(_) => {
                self.problems.push(problem(path, "doit valoir true ou false."));
                false
            }
        }
    }

    /// `None` when the key is absent (the caller picks the default), `Some(None)` when invalid.
    pub(super) fn number(
        &mut self,
        parent: &Map<String, Value>,
        path: &str,
        range: std::ops::RangeInclusive<u32>,
    ) -> Option<Option<u32>> {
        let key = path.rsplit('.').next().unwrap_or(path);
        let value = parent.get(key)?;
        let number = value.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|n| range.contains(n));
        if number.is_none() {
            self.problems
                .push(problem(path, format!("doit être un nombre entier entre {} et {}.", range.start(), range.end())));
        }
        Some(number)
    }

    /// `endpoint.fields` (endpoint name → one of our paths) and `endpoint.constants`.
    pub(super) fn mapping(&mut self, endpoint: &Map<String, Value>) -> Option<Mapping> {
        let mut mapping = Mapping::default();
        for (key, target) in [("fields", &mut mapping.fields), ("constants", &mut mapping.constants)] {
            let path = format!("endpoint.{key}");
            match endpoint.get(key) {
                None => {}
                Some(Value::Object(pairs)) => {
                    for (name, value) in pairs {
                        let ok_name = !name.trim().is_empty() && name.chars().count() <= 100;
                        match value.as_str() {
                            Some(v) if ok_name && (key == "constants" || wire::is_known_path(v)) && v.chars().count() <= 500 => {
                                target.push((name.clone(), v.to_owned()));
                            }
                            Some(v) if key == "fields" && v.starts_with("self_assessment.scores") => {
                                self.problems.push(problem(
                                    &format!("{path}.{name}"),
                                    "« self_assessment.scores… » n'existe plus (contrat signup-v2) : le profil est envoyé en niveaux, « self_assessment.levels.<dimension> » (voir docs/endpoint.md).",
                                ))
                            }
                            _ if key == "fields" => self.problems.push(problem(
                                &format!("{path}.{name}"),
                                "doit nommer un de nos champs, par exemple « applicant.first_name » (liste dans docs/endpoint.md).",
                            )),
                            _ => self.problems.push(problem(&format!("{path}.{name}"), "doit être un texte.")),
                        }
                    }
                }
                Some(_) => self.problems.push(problem(&path, "doit être un objet { \"nom\": \"valeur\" }.")),
            }
        }
        (!mapping.fields.is_empty() || !mapping.constants.is_empty()).then_some(mapping)
    }

    pub(super) fn unknown_keys(&mut self, prefix: &str, object: &Map<String, Value>, known: &[&str]) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            let expected = known.join(", ");
            self.problems
                .push(problem(&path, format!("clé inconnue (faute de frappe ?). Clés possibles ici : {expected}.")));
        }
    }
}
