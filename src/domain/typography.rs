//! French typography for texts the app shows: [`french`] sets the no-break spaces and the
//! typographic apostrophe, so that on a 320 px screen a `?` or a `:` never wraps alone to the
//! next line.
//!
//! The catalogues are typeset once, in their files (`cargo xtask typography`, checked by
//! `tests/typography.rs`); the deployer's texts from `config.json` (territory, address, hours,
//! names) are typeset when the configuration is read (`domain::config`), so every page shows
//! them typeset. The rules (Lexique des règles typographiques de l'Imprimerie nationale, as the
//! DSFR applies them):
//!
//! - a narrow no-break space (U+202F) before `;` `!` `?` and `»`, and after `«`;
//! - a no-break space (U+00A0) before `:`;
//! - a no-break space inside numbers (`1 000`), between a number and its unit (`9 h`, `9 h 30`,
//!   `200 %`, `15 €`) and after `n°`;
//! - the typographic apostrophe `’` instead of `'` after a letter.
//!
//! Only spaces that are already there are made unbreakable (guillemets excepted): a missing
//! space before `?` is the writer's to add. `{placeholders}`, web addresses and e-mail
//! addresses are never changed.

/// No-break space (U+00A0): before `:`, in numbers and units.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space (U+202F): before `;` `!` `?` `»`, after `«`.
pub const NNBSP: char = '\u{202f}';
/// The typographic apostrophe (U+2019).
pub const APOSTROPHE: char = '\u{2019}';

/// Units written after a number, separated by a no-break space.
const UNITS: [&str; 9] = ["%", "€", "h", "min", "km", "m", "Ko", "Mo", "px"];

/// `text` with French typography (see the module's documentation). Idempotent.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let protected = protected_spans(&chars);
    let mut out: Vec<char> = Vec::with_capacity(chars.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = protected.iter().find(|(start, _)| *start == i).map(|(_, end)| *end) {
            out.extend_from_slice(&chars[i..end]);
            i = end;
            continue;
        }
        let c = chars[i];
        if c == '\'' && out.last().is_some_and(|p| p.is_alphabetic()) {
            out.push(APOSTROPHE);
        } else if is_space(c) {
            // A run of spaces becomes one space, of the kind what follows (or precedes) needs.
            let mut end = i;
            while end < chars.len() && is_space(chars[end]) {
                end += 1;
            }
            let next = chars.get(end).copied();
            let space = space_kind(&out, next, &chars[end..]);
            match space {
                Some(kind) => out.push(kind),
                None => out.extend_from_slice(&chars[i..end]),
            }
            i = end;
            continue;
        } else if c == '»' && out.last().is_some_and(|p| !is_space(*p)) {
            out.push(NNBSP);
            out.push(c);
        } else if c == '«' && chars.get(i + 1).is_some_and(|n| !is_space(*n)) {
            out.push(c);
            out.push(NNBSP);
        } else {
            out.push(c);
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP || c == '\u{2009}'
}

/// Which unbreakable space replaces the spaces between `before` (what is written so far) and
/// `next`, or `None` to keep them as they are.
fn space_kind(before: &[char], next: Option<char>, rest: &[char]) -> Option<char> {
    let next = next?;
    // Even at the start of a text: it may follow a name in the page ("<strong>…</strong> : …").
    if matches!(next, ';' | '!' | '?' | '»') || before.last() == Some(&'«') {
        return Some(NNBSP);
    }
    if next == ':' {
        return Some(NBSP);
    }
    let previous = before.last().copied()?;
    if previous.is_ascii_digit() {
        // 1 000 (a group of exactly three digits), 9 h, 200 %.
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 3 && rest.get(3).is_none_or(|c| !c.is_alphanumeric()) {
            return Some(NBSP);
        }
        if UNITS.iter().any(|unit| starts_word(rest, unit)) {
            return Some(NBSP);
        }
    }
    // 9 h 30
    if previous == 'h' && next.is_ascii_digit() {
        let word: String = before.iter().rev().take_while(|c| !is_space(**c)).collect();
        let before_word = before.len().checked_sub(word.chars().count() + 1).and_then(|i| before.get(i));
        if word == "h" && before_word.is_some_and(|c| is_space(*c)) {
            let number = before.len().checked_sub(3).and_then(|i| before.get(i));
            if number.is_some_and(char::is_ascii_digit) {
                return Some(NBSP);
            }
        }
    }
    // n° 12
    if previous == '°' && next.is_ascii_digit() && before.len() >= 2 && matches!(before[before.len() - 2], 'n' | 'N') {
        return Some(NBSP);
    }
    None
}

/// Whether `rest` starts with the word `word`, followed by something that is not a letter.
fn starts_word(rest: &[char], word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    rest.len() >= word.len()
        && rest[..word.len()] == word[..]
        && rest.get(word.len()).is_none_or(|c| !c.is_alphanumeric())
}

/// The parts of a text that must be copied as they are: `{placeholders}`, and words that are
/// web or e-mail addresses. Half-open ranges of char indices, in order.
fn protected_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '{'
            && let Some(close) = chars[i..].iter().position(|c| *c == '}')
        {
            spans.push((i, i + close + 1));
            i += close + 1;
            continue;
        }
        if !is_space(chars[i]) && (i == 0 || is_space(chars[i - 1])) {
            let end = chars[i..].iter().position(|c| is_space(*c)).map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            let word = word.trim_start_matches(['(', '«', '"']);
            if word.contains('@') || word.contains("://") || word.starts_with("www.") || word.starts_with("mailto:") {
                spans.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    spans
}

/// Fills `{name}` in `template` with `value`, a name that starts with its article ("la Mission
/// Locale"), with a capital when it starts a sentence: "{mission_locale} te contacte." gives
/// "La Mission Locale te contacte.".
pub fn fill_name(template: &str, name: &str, value: &str) -> String {
    let placeholder = format!("{{{name}}}");
    let mut out = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some(at) = rest.find(&placeholder) {
        out.push_str(&rest[..at]);
        if starts_sentence(&out) {
            out.push_str(&capitalised(value));
        } else {
            out.push_str(value);
        }
        rest = &rest[at + placeholder.len()..];
    }
    out.push_str(rest);
    out
}

/// Whether a sentence starts after `text`: at the start, or after `.` `!` `?` `…` and a space.
pub fn starts_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(is_space);
    trimmed.is_empty() || (trimmed.len() < text.len() && trimmed.ends_with(['.', '!', '?', '…']))
}

/// `text` with its first letter in capitals, for the letters a French text starts with (ASCII,
/// accented Latin-1, œ). Not `char::to_uppercase`: its Unicode tables would add ~12 KB of wasm.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(capital(first)).chain(chars).collect(),
        None => String::new(),
    }
}

fn capital(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        // à…þ map to À…Þ, 32 code points below; ÷ has no capital.
        '\u{e0}'..='\u{fe}' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
        'œ' => 'Œ',
        other => other,
    }
}

/// Whether `text` starts with `prefix`, ignoring ASCII case ("La " for "la ").
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether a short name starts with the article it must have: "la " or "l’" (or "l'").
pub fn has_article(short_name: &str) -> bool {
    ["la ", "l’", "l'"].iter().any(|article| starts_with_ignoring_case(short_name, article))
}

/// The English form of a French short name with its article: "la Mission Locale" gives "the
/// Mission Locale", "l’Antenne" gives "the Antenne".
pub fn english_short_name(short_name: &str) -> String {
    for article in ["la ", "le ", "les ", "l’", "l'"] {
        if starts_with_ignoring_case(short_name, article) {
            return format!("the {}", &short_name[article.len()..]);
        }
    }
    format!("the {short_name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the invisible spaces visibly: `_` for U+00A0, `^` for U+202F.
    fn shown(text: &str) -> String {
        text.replace(NBSP, "_").replace(NNBSP, "^")
    }

    #[test]
    fn spaces_before_high_punctuation_become_unbreakable() {
        assert_eq!(shown(&french("Une question ? Appelle-nous !")), "Une question^? Appelle-nous^!");
        assert_eq!(shown(&french("tu as entre 16 et 25 ans ;")), "tu as entre 16 et 25 ans^;");
        assert_eq!(shown(&french("Horaires :")), "Horaires_:");
        assert_eq!(shown(&french("Choisis « J'habite ailleurs »")), "Choisis «^J’habite ailleurs^»");
        assert_eq!(shown(&french("«facultatif»")), "«^facultatif^»", "missing spaces inside guillemets are added");
        // A wrong kind of no-break space is corrected too.
        assert_eq!(shown(&french("Pourquoi\u{a0}?")), "Pourquoi^?");
        assert_eq!(shown(&french("Pourquoi\u{202f}:")), "Pourquoi_:");
        // A missing space is the writer's to add: nothing is inserted before ? ! ; :.
        assert_eq!(french("Oui!"), "Oui!");
        // A text that starts with the space (it follows a name on the page).
        assert_eq!(shown(&french(" : ")), "_: ");
    }

    #[test]
    fn numbers_and_units_stay_on_one_line() {
        assert_eq!(shown(&french("1 000 caractères")), "1_000 caractères");
        assert_eq!(shown(&french("de 9 h à 12 h 30")), "de 9_h à 12_h_30");
        assert_eq!(shown(&french("texte agrandi à 200 %")), "texte agrandi à 200_%");
        assert_eq!(shown(&french("loi n° 2005-102")), "loi n°_2005-102");
        // Not numbers in the sense of thousands: phone numbers, dates, postcodes, years.
        assert_eq!(french("06 12 34 56 78"), "06 12 34 56 78");
        assert_eq!(french("Par exemple : 14 3 2007").replace(NBSP, " "), "Par exemple : 14 3 2007");
        assert_eq!(french("Libre réponse 71120, 75342 Paris"), "Libre réponse 71120, 75342 Paris");
        assert_eq!(french("16 heures"), "16 heures", "only the unit h, not words starting with h");
    }

    #[test]
    fn apostrophes_become_typographic() {
        assert_eq!(french("Le Lab'O t'aide à te lancer"), "Le Lab’O t’aide à te lancer");
        assert_eq!(french("aujourd'hui"), "aujourd’hui");
        assert_eq!(french("'quoted'"), "'quoted’", "only after a letter");
    }

    #[test]
    fn placeholders_addresses_and_code_are_left_alone() {
        assert_eq!(french("Écris à {email} : on t'aide."), "Écris à {email}\u{a0}: on t’aide.");
        assert_eq!(french("{a} ?"), "{a}\u{202f}?");
        assert_eq!(french("Écris à o'brien@exemple.fr !"), "Écris à o'brien@exemple.fr\u{202f}!");
        assert_eq!(
            french("Va sur https://exemple.fr/l'aide?x=1 ; merci"),
            "Va sur https://exemple.fr/l'aide?x=1\u{202f}; merci"
        );
        assert_eq!(french("(www.cnil.fr/l'x)"), "(www.cnil.fr/l'x)");
        assert_eq!(french("{don't}"), "{don't}");
    }

    #[test]
    fn it_is_idempotent_and_keeps_plain_text() {
        for text in [
            "Tu as envie de créer ton activité ? Le Lab'O t'aide à te lancer.",
            "Du lundi au vendredi, de 9 h à 12 h 30 et de 13 h 30 à 17 h",
            "« Effacer mes réponses » : 1 000 000 !",
            "",
            " ",
            "a  ?",
        ] {
            let once = french(text);
            assert_eq!(french(&once), once, "{text}");
        }
        assert_eq!(french("Rien à changer ici."), "Rien à changer ici.");
        assert_eq!(french("  deux  espaces  "), "  deux  espaces  ");
    }

    #[test]
    fn names_take_a_capital_at_the_start_of_a_sentence() {
        let ml = "la Mission Locale";
        assert_eq!(fill_name("Appelle {ml} au 02.", "ml", ml), "Appelle la Mission Locale au 02.");
        assert_eq!(fill_name("{ml} te contacte.", "ml", ml), "La Mission Locale te contacte.");
        assert_eq!(fill_name("C'est noté. {ml} te contacte.", "ml", ml), "C'est noté. La Mission Locale te contacte.");
        assert_eq!(
            fill_name("Une question\u{202f}? {ml} répond.", "ml", ml),
            "Une question\u{202f}? La Mission Locale répond."
        );
        assert_eq!(fill_name("voir {ml}, puis {ml}", "ml", ml), "voir la Mission Locale, puis la Mission Locale");
        assert_eq!(fill_name("Sans nom.", "ml", ml), "Sans nom.");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised("œuvre"), "Œuvre");
        assert_eq!(capitalised("àb"), "Àb");
        assert_eq!(capitalised("1er"), "1er");
        assert!(has_article("La Mission Locale") && has_article("l’Antenne") && has_article("L'Espace"));
        assert!(!has_article("Mission Locale") && !has_article("le PAEJ") && !has_article("l"));
    }

    #[test]
    fn short_names_have_an_english_form() {
        assert_eq!(english_short_name("la Mission Locale"), "the Mission Locale");
        assert_eq!(english_short_name("La ML du Havre"), "the ML du Havre");
        assert_eq!(english_short_name("l’Antenne de Fécamp"), "the Antenne de Fécamp");
        assert_eq!(english_short_name("Mission Locale"), "the Mission Locale");
    }
}
