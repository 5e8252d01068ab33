//! What is wrong with `config.json`, said to the person who deploys the app.

use std::fmt;

/// One thing wrong with `config.json`, for the person who deploys the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The key concerned, as a dotted path (`endpoint.url`), or empty for the whole file.
    pub key: String,
    /// What is wrong and what is expected, in French.
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "config.json : {}", self.message)
        } else {
            write!(f, "config.json, clé « {} » : {}", self.key, self.message)
        }
    }
}

pub(super) fn problem(key: &str, message: impl Into<String>) -> ConfigProblem {
    ConfigProblem { key: key.to_owned(), message: message.into() }
}
