//! E-mail addresses: a pragmatic check that catches typing mistakes, not an RFC 5322 parser.
//!
//! The address is optional in the form, so the goal is to stop `prenom.gmail.com` or
//! `prenom@gmail` before they reach a counsellor, without ever refusing a real address.

/// Why an address is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    /// More than 254 characters, the longest address mail servers deliver.
    TooLong,
    /// No `@`, or more than one.
    MissingAt,
    /// Nothing before the `@`.
    MissingLocalPart,
    /// No domain, or a domain without a dot and an extension (`gmail` instead of `gmail.com`).
    InvalidDomain,
    /// Spaces, commas, brackets or other characters that cannot be in an address.
    InvalidCharacters,
}

/// Longest address accepted (RFC 5321 path limit).
pub const MAX_LENGTH: usize = 254;

/// Checks an address and returns it trimmed.
///
/// ```
/// use labo::domain::email::{check, EmailError};
/// assert_eq!(check(" lea.martin@exemple.fr "), Ok("lea.martin@exemple.fr".to_owned()));
/// assert_eq!(check("lea.martin.exemple.fr"), Err(EmailError::MissingAt));
/// ```
pub fn check(input: &str) -> Result<String, EmailError> {
    let address = input.trim();
    if address.chars().count() > MAX_LENGTH {
        return Err(EmailError::TooLong);
    }
    if address.chars().any(|c| c.is_whitespace() || c.is_control() || "(),:;<>[]\\\"".contains(c)) {
        return Err(EmailError::InvalidCharacters);
    }
    let mut parts = address.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(EmailError::MissingAt);
    };
    if local.is_empty() {
        return Err(EmailError::MissingLocalPart);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::InvalidCharacters);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let well_formed_labels = labels.iter().all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    let extension = labels.last().copied().unwrap_or_default();
    if labels.len() < 2
        || !well_formed_labels
        || extension.chars().count() < 2
        || extension.chars().all(|c| c.is_ascii_digit())
    {
        return Err(EmailError::InvalidDomain);
    }
    Ok(address.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        for address in [
            "lea@exemple.fr",
            "lea.martin@exemple.fr",
            "lea+labo@gmail.com",
            "jean-baptiste_2008@orange.fr",
            "contact@mission-locale.le-havre.fr",
            "élodie@laposte.net",
            "x@sfr.fr",
        ] {
            assert_eq!(check(address), Ok(address.to_owned()), "{address}");
        }
    }

    #[test]
    fn rejects_typing_mistakes_with_a_reason() {
        let too_long = format!("{}@exemple.fr", "a".repeat(250));
        let cases = [
            ("lea.exemple.fr", EmailError::MissingAt),
            ("lea@@exemple.fr", EmailError::MissingAt),
            ("lea@exemple@fr", EmailError::MissingAt),
            ("@exemple.fr", EmailError::MissingLocalPart),
            ("lea@exemple", EmailError::InvalidDomain),
            ("lea@", EmailError::InvalidDomain),
            ("lea@exemple.", EmailError::InvalidDomain),
            ("lea@.fr", EmailError::InvalidDomain),
            ("lea@exemple.f", EmailError::InvalidDomain),
            ("lea@exemple..fr", EmailError::InvalidDomain),
            ("lea@192.168.0.1", EmailError::InvalidDomain),
            ("lea martin@exemple.fr", EmailError::InvalidCharacters),
            ("lea,martin@exemple.fr", EmailError::InvalidCharacters),
            ("<lea@exemple.fr>", EmailError::InvalidCharacters),
            ("lea..martin@exemple.fr", EmailError::InvalidCharacters),
            (".lea@exemple.fr", EmailError::InvalidCharacters),
            (too_long.as_str(), EmailError::TooLong),
        ];
        for (input, expected) in cases {
            assert_eq!(check(input), Err(expected), "{input}");
        }
    }
}
