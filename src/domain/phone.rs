//! French phone numbers, typed any way people type them.
//!
//! Young people write `06 12 34 56 78`, `06.12.34.56.78`, `+33 6 12 34 56 78`, `0033612345678`
//! or `+33 (0)6 12…`. We accept every one of those, mobile or landline, metropolitan or overseas,
//! and normalise to E.164 (`+33612345678`, `+262692123456`) so the counsellor's phone can dial it.
//! Overseas numbers dialled nationally (`0692…` in La Réunion) get their own country code, because
//! that is the number a phone outside the island has to dial.
//!
//! ```
//! use labo::domain::phone::{Phone, PhoneError};
//! assert_eq!(Phone::parse("06.12.34.56.78").unwrap().e164(), "+33612345678");
//! assert_eq!(Phone::parse("0692 12 34 56").unwrap().e164(), "+262692123456");
//! assert_eq!(Phone::parse("+44 20 7946 0958"), Err(PhoneError::NotFrench));
//! ```

use std::fmt;

/// A valid French phone number in E.164 form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone(String);

/// Why a typed number is not accepted. The UI turns each case into a sentence that says what to
/// type instead (see `content/i18n/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing typed.
    Empty,
    /// Letters or symbols other than spaces, dots, dashes, slashes, brackets and a leading `+`.
    InvalidCharacters,
    /// Fewer digits than a French number has.
    TooShort,
    /// More digits than a French number has.
    TooLong,
    /// An international prefix that is not France or a French overseas territory.
    NotFrench,
    /// 08 numbers are services (free or premium lines), not a person's phone.
    ServiceNumber,
}

/// Overseas departments reached through the national `0` prefix: the first three digits of the
/// national significant number and the country code they belong to (ARCEP numbering plan).
const OVERSEAS_BLOCKS: &[(&str, &str)] = &[
    ("262", "262"), // La Réunion, landlines
    ("263", "262"), // La Réunion, landlines
    ("692", "262"), // La Réunion, mobiles
    ("693", "262"), // La Réunion, mobiles
    ("269", "262"), // Mayotte, landlines
    ("639", "262"), // Mayotte, mobiles
    ("590", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy, landlines
    ("690", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy, mobiles
    ("691", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy, mobiles
    ("596", "596"), // Martinique, landlines
    ("696", "596"), // Martinique, mobiles
    ("697", "596"), // Martinique, mobiles
    ("594", "594"), // Guyane, landlines
    ("694", "594"), // Guyane, mobiles
];

/// Country codes of France and its overseas territories, with the length of the number that
/// follows them.
const FRENCH_COUNTRY_CODES: &[(&str, usize)] = &[
    ("33", 9),
    ("262", 9),
    ("590", 9),
    ("594", 9),
    ("596", 9),
    ("508", 6), // Saint-Pierre-et-Miquelon
    ("681", 6), // Wallis-et-Futuna
    ("687", 6), // Nouvelle-Calédonie
    ("689", 8), // Polynésie française
];

impl Phone {
    /// Reads a number as typed. The longest accepted input is bounded by the form field, but
    /// anything is safe to pass here.
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        // "+33 (0)6 12 34 56 78": the "(0)" is a national prefix people add out of habit.
        let without_trunk_zero = trimmed.replace("(0)", "");
        let mut digits = String::new();
        let mut international = false;
        for (i, c) in without_trunk_zero.trim().chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => international = true,
                ' ' | '.' | '-' | '/' | '(' | ')' | '\u{a0}' | '\u{202f}' => {}
                _ => return Err(PhoneError::InvalidCharacters),
            }
            if digits.len() > 20 {
                return Err(PhoneError::TooLong);
            }
        }
        if !international && digits.starts_with("00") {
            international = true;
            digits.drain(..2);
        }
        if international {
            return Self::from_international(&digits);
        }
        Self::from_national(&digits)
    }

    fn from_national(digits: &str) -> Result<Phone, PhoneError> {
        if digits.len() < 10 {
            return Err(PhoneError::TooShort);
        }
        if digits.len() > 10 {
            return Err(PhoneError::TooLong);
        }
        let Some(significant) = digits.strip_prefix('0') else {
            // Ten digits without the leading 0 is not a French number as typed in France.
            return Err(PhoneError::NotFrench);
        };
        Self::from_significant("33", significant)
    }

    fn from_international(digits: &str) -> Result<Phone, PhoneError> {
        let Some((code, length)) = FRENCH_COUNTRY_CODES.iter().find(|(code, _)| digits.starts_with(code)) else {
            return Err(if digits.len() < 4 { PhoneError::TooShort } else { PhoneError::NotFrench });
        };
        let mut rest = &digits[code.len()..];
        // "+33 06 12 34 56 78": a national 0 kept after the country code.
        if rest.len() == length + 1 && rest.starts_with('0') {
            rest = &rest[1..];
        }
        if rest.len() < *length {
            return Err(PhoneError::TooShort);
        }
        if rest.len() > *length {
            return Err(PhoneError::TooLong);
        }
        if *code == "33" {
            return Self::from_significant(code, rest);
        }
        if rest.starts_with('0') {
            return Err(PhoneError::TooShort);
        }
        Ok(Phone(format!("+{code}{rest}")))
    }

    /// `significant` is the 9-digit national significant number (without the leading 0).
    fn from_significant(code: &str, significant: &str) -> Result<Phone, PhoneError> {
        match significant.as_bytes().first() {
            Some(b'0') | None => return Err(PhoneError::TooShort),
            Some(b'8') => return Err(PhoneError::ServiceNumber),
            _ => {}
        }
        let overseas = OVERSEAS_BLOCKS.iter().find(|(block, _)| significant.starts_with(block));
        let code = overseas.map_or(code, |(_, country)| country);
        Ok(Phone(format!("+{code}{significant}")))
    }

    /// The number in E.164 form, as sent to the endpoint and used in `tel:` links.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The number as people read it: `06 12 34 56 78` in metropolitan France, `+262 692 12 34 56`
    /// for other country codes.
    pub fn display(&self) -> String {
        let digits = &self.0[1..];
        if let Some(national) = digits.strip_prefix("33") {
            let national = format!("0{national}");
            return group(&national, 2);
        }
        let (code, _) = FRENCH_COUNTRY_CODES
            .iter()
            .find(|(code, _)| digits.starts_with(code))
            .expect("only French country codes are stored");
        let rest = &digits[code.len()..];
        let (head, tail) = rest.split_at(rest.len() % 2 + if rest.len() == 9 { 2 } else { 0 });
        if head.is_empty() {
            format!("+{code} {}", group(tail, 2))
        } else {
            format!("+{code} {head} {}", group(tail, 2))
        }
    }
}

fn group(digits: &str, size: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars.chunks(size).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_ways_french_numbers_are_typed() {
        let cases = [
            ("0612345678", "+33612345678"),
            ("06 12 34 56 78", "+33612345678"),
            ("06.12.34.56.78", "+33612345678"),
            ("06-12-34-56-78", "+33612345678"),
            ("06/12/34/56/78", "+33612345678"),
            ("  07 98 76 54 32 ", "+33798765432"),
            ("+33 6 12 34 56 78", "+33612345678"),
            ("+33612345678", "+33612345678"),
            ("+33 (0)6 12 34 56 78", "+33612345678"),
            ("+33 06 12 34 56 78", "+33612345678"),
            ("0033 6 12 34 56 78", "+33612345678"),
            ("0033612345678", "+33612345678"),
            ("02 35 12 34 56", "+33235123456"),
            ("09 51 23 45 67", "+33951234567"),
            ("01\u{a0}23\u{a0}45\u{a0}67\u{a0}89", "+33123456789"),
            // Overseas, dialled nationally or internationally.
            ("0692 12 34 56", "+262692123456"),
            ("0262 21 00 00", "+262262210000"),
            ("0639 69 12 34", "+262639691234"),
            ("0690 12 34 56", "+590690123456"),
            ("0696 12 34 56", "+596696123456"),
            ("0694 12 34 56", "+594694123456"),
            ("+262 692 12 34 56", "+262692123456"),
            ("00262692123456", "+262692123456"),
            ("+33 6 92 12 34 56", "+262692123456"),
            ("+687 75 12 34", "+687751234"),
            ("+689 87 12 34 56", "+68987123456"),
            ("+508 41 23 45", "+508412345"),
        ];
        for (input, expected) in cases {
            assert_eq!(Phone::parse(input).map(|p| p.e164().to_owned()), Ok(expected.to_owned()), "{input}");
        }
    }

    #[test]
    fn rejects_with_a_reason() {
        let cases = [
            ("", PhoneError::Empty),
            ("   ", PhoneError::Empty),
            ("06 12 34 56", PhoneError::TooShort),
            ("061234567", PhoneError::TooShort),
            ("06 12 34 56 78 9", PhoneError::TooLong),
            ("+33 6 12 34 56 78 90", PhoneError::TooLong),
            ("06 12 AB 56 78", PhoneError::InvalidCharacters),
            ("zero six", PhoneError::InvalidCharacters),
            ("06 12 34 56 78 poste 2", PhoneError::InvalidCharacters),
            ("06+12345678", PhoneError::InvalidCharacters),
            ("+44 20 7946 0958", PhoneError::NotFrench),
            ("+1 415 555 0100", PhoneError::NotFrench),
            ("0044 20 7946 0958", PhoneError::NotFrench),
            ("+49 30 123456", PhoneError::NotFrench),
            ("6123456789", PhoneError::NotFrench),
            ("08 00 12 34 56", PhoneError::ServiceNumber),
            ("00 12 34 56 78", PhoneError::NotFrench),
            ("+33 0 12 34 56 7", PhoneError::TooShort),
            ("+", PhoneError::TooShort),
            ("123456789012345678901234567890", PhoneError::TooLong),
        ];
        for (input, expected) in cases {
            assert_eq!(Phone::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn displays_numbers_the_way_people_read_them() {
        let cases = [
            ("0612345678", "06 12 34 56 78"),
            ("0692123456", "+262 692 12 34 56"),
            ("+687751234", "+687 75 12 34"),
            ("+68987123456", "+689 87 12 34 56"),
        ];
        for (input, expected) in cases {
            assert_eq!(Phone::parse(input).unwrap().display(), expected, "{input}");
        }
    }
}
