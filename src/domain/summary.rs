//! The plain-French summary every sign-up carries, for the counsellor.
//!
//! Many endpoints are old form handlers or mailboxes that keep a few text fields: the structured
//! JSON would be lost there, and the counsellor would see a name and a phone number. The summary
//! says, in a few lines of French a counsellor reads in any system (addressed as "vous" when it
//! addresses anyone): the call-back deadline, whether someone at the mission locale already
//! follows them, who (with the date of birth counsellors search by, and "mineur" under 18), how
//! to reach them, the wished and the suggested pathway and why, the profile **in words** (never
//! marks), the idea, the preference and the constraints mentioned, and where the link came from. Only what the young person consented to share goes in:
//! without consent, one line says so. It is French whatever language the young person used (it
//! is for the mission locale), and it says when that was English.
//!
//! It is built from the same data as the payload (`Payload::build` calls [`write`]), so every
//! wire format carries the same text, at most [`MAX_BYTES`] bytes of UTF-8, with French
//! typography.
//!
//! Why bytes: an old handler's field limit may count UTF-8 bytes (a `VARCHAR` in bytes, a
//! mailbox header), UTF-16 units (a JavaScript `maxlength`, `.length`) or characters. A
//! character takes 1 to 4 UTF-8 bytes and 1 or 2 UTF-16 units, never more units than bytes, so
//! 1,500 bytes is also at most 1,500 UTF-16 units and 1,500 characters: the one bound that
//! holds for all three. French text pays for it (an accent takes 2 bytes, `’` and the
//! no-break spaces 2 or 3), so a summary cut there holds about 1,350-1,450 characters; only a
//! long idea is ever cut. Texts are cut between words, never inside one (nor inside an emoji
//! or an accented letter), with "…".

use super::questionnaire::{Answers, Condition, Profile, Questionnaire};
use super::signup::{ContactChannel, ContactTime, Followed, Payload, Situation};
use crate::content::Texts;

/// The most UTF-8 bytes a summary has (so also the most UTF-16 units and characters): long
/// enough for the essentials, short enough for the free-text field of an old form handler.
pub const MAX_BYTES: usize = 1_500;
/// The idea is quoted up to this many characters (the payload carries it whole).
const IDEA_CHARS: usize = 400;
/// The idea keeps at least this many bytes (about 100 characters of French) when the rest is
/// long: the origin and the facts are cut first.
const IDEA_MIN_BYTES: usize = 120;
/// What the origin or the facts keep at least, when cut for the idea.
const LINE_MIN_BYTES: usize = 60;

/// Narrow no-break space (before `;` `!` `?`, inside « »), no-break space (before `:`).
const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{00A0}';

/// What the summary needs besides the payload: the questionnaire with the answers and the
/// profile (only when the young person consented to share them), and the French texts.
pub struct Shared<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    /// `Some` only with consent and a complete test.
    pub profile: Option<&'a Profile>,
    /// The French catalogue (the summary is for the mission locale).
    pub french: &'static Texts,
}

/// The summary of a sign-up (see the module's documentation).
pub fn write(payload: &Payload, phone_display: &str, shared: &Shared<'_>) -> String {
    let t = shared.french;
    let colon = format!("{NBSP}:");
    let quote = |text: &str| format!("«{NNBSP}{text}{NNBSP}»");
    let mut lines: Vec<String> = Vec::new();

    // Who.
    let applicant = &payload.applicant;
    let place = match (&applicant.commune, &applicant.commune_given) {
        (Some(c), _) => format!("{} ({})", c.name, c.postcode),
        (None, Some(given)) => format!("hors du territoire ({})", quote(&clip(given, 60))),
        (None, None) => "hors du territoire".to_owned(),
    };
    let call_back = super::dates::parse_iso_date(&payload.contact.call_back_before)
        .map(|date| format!(" À contacter avant le {}.", super::dates::french_long_date(date)))
        .unwrap_or_default();
    lines.push(format!(
        "Inscription au Lab’O {} du {}.{call_back}",
        payload.reference,
        super::dates::french_date(&payload.submitted_at).unwrap_or_else(|| payload
            .submitted_at
            .chars()
            .take(10)
            .collect())
    ));
    // Second, as a counsellor asks first: is someone here already following them?
    let followed = match &applicant.followed {
        Some(f) => {
            let answer = match f.answer {
                Followed::Yes => "oui",
                Followed::No => "non",
                Followed::DontKnow => "ne sait pas",
            };
            let by = f.counsellor.as_ref().map(|name| format!(", par {}", clip(name, 60))).unwrap_or_default();
            format!("{answer}{by}")
        }
        None => "non renseigné".to_owned(),
    };
    lines.push(format!("Déjà suivi par la Mission Locale{colon} {followed}."));
    let situation = match (applicant.situation, &applicant.situation_other) {
        (Situation::Other, Some(other)) => format!("autre ({})", clip(&one_line(other), 60)),
        (situation, _) => situation_words(situation).to_owned(),
    };
    let born = super::dates::french_date(&applicant.birth_date).unwrap_or_else(|| applicant.birth_date.clone());
    let minor = if payload.eligibility.age < 18 { ", mineur" } else { "" };
    lines.push(format!(
        "Qui{colon} {} {}, date de naissance {born} ({}{NBSP}ans{minor}), {place}. Situation{colon} {situation}.",
        applicant.first_name, applicant.last_name, payload.eligibility.age
    ));
    // How to reach them.
    let email = applicant.email.as_ref().map(|e| format!(", {}", clip(e, 60))).unwrap_or_default();
    lines.push(format!(
        "Contact{colon} {}, {} ({phone_display}{email}).",
        channel_words(payload.contact.channel),
        time_words(payload.contact.time)
    ));

    // The pathway: chosen, and suggested with the answers it came from.
    let pathway_name = |id: &str| shared.questionnaire.pathway_index(id).map(|p| t.pathways[p].name);
    let wished = payload.pathway.chosen.as_deref().and_then(pathway_name).unwrap_or("ne sait pas encore");
    lines.push(format!("Parcours souhaité{colon} {wished}."));
    match shared.profile {
        Some(profile) => {
            let q = shared.questionnaire;
            let because: Vec<String> = q.rules[profile.rule]
                .conditions
                .iter()
                .map(|condition| match condition {
                    Condition::Level { dimension, .. } => {
                        let name = dimension_label(q.dimensions[*dimension], t.dimensions[*dimension].name);
                        format!("{name}{colon} {}", t.levels[profile.levels[*dimension]])
                    }
                    Condition::Answer { question, .. } => {
                        answer_of(q, t, shared.answers, *question).map_or_else(String::new, |answer| quote(&answer))
                    }
                })
                .filter(|s| !s.is_empty())
                .collect();
            let because =
                if because.is_empty() { String::new() } else { format!(" (d’après{colon} {})", because.join(", ")) };
            lines.push(format!("Suggestion du test{colon} {}{because}.", t.pathways[profile.pathway].name));
            // The profile in words, highest level first.
            let groups: Vec<String> = (0..q.levels.len())
                .rev()
                .filter_map(|level| {
                    let names: Vec<&str> = profile
                        .at_level(level)
                        .iter()
                        .map(|&d| dimension_label(q.dimensions[d], t.dimensions[d].name))
                        .collect();
                    (!names.is_empty()).then(|| format!("{}{colon} {}", t.levels[level], names.join(", ")))
                })
                .collect();
            lines.push(format!("Profil{colon} {}.", groups.join(format!("{NNBSP}; ").as_str())));
        }
        None => lines.push(format!(
            "Résultat du test{colon} non transmis (pas de test fait, ou la personne n’a pas donné son accord)."
        )),
    }

    // The idea, in the young person's words: its place is kept here, its length is set last,
    // from what the essentials leave.
    let idea_line = payload.idea.as_ref().map(|_| lines.len());

    // Facts for the counsellor, only with consent: never criteria.
    let mut facts_line = None;
    if let Some(profile) = shared.profile {
        let q = shared.questionnaire;
        // The preference too when the rule that gave the suggestion did not look at it.
        let in_reasons = |i: usize| {
            q.rules[profile.rule]
                .conditions
                .iter()
                .any(|c| matches!(c, Condition::Answer { question, .. } if *question == i))
        };
        let facts: Vec<String> = q
            .questions
            .iter()
            .enumerate()
            .filter(|&(i, question)| question.dimension.is_none() && !in_reasons(i))
            .filter_map(|(i, question)| {
                let answers: Vec<String> = question
                    .chosen(shared.answers)
                    .into_iter()
                    .filter(|&o| !question.options[o].exclusive)
                    .map(|o| quote(t.questions[i].options[o]))
                    .collect();
                (!answers.is_empty())
                    .then(|| format!("{}{colon} {}", fact_label(question.id, t.questions[i].title), answers.join(", ")))
            })
            .collect();
        if !facts.is_empty() {
            facts_line = Some(lines.len());
            lines.push(format!("À savoir{colon} {}.", facts.join(format!("{NNBSP}; ").as_str())));
        }
    }

    // Where the link came from.
    let source = &payload.source;
    let origin: Vec<String> = [
        source.counsellor.as_ref().map(|c| format!("conseillère ou conseiller {}", clip(c, 40))),
        source.campaign.as_ref().map(|c| format!("campagne {}", clip(c, 40))),
        source.channel.as_ref().map(|c| format!("canal {}", clip(c, 40))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let origin_line = lines.len();
    lines.push(if origin.is_empty() {
        format!("Origine{colon} visite directe (pas de lien de conseillère ou de conseiller).")
    } else {
        format!("Origine{colon} lien partagé, {}.", origin.join(", "))
    });
    if payload.locale != "fr" {
        lines.push("La personne a utilisé l’application en anglais.".to_owned());
    }

    let label = format!("Son idée{colon} ");
    // When the longest names, e-mail, answers and link (in letters of 2 to 4 bytes) leave the
    // idea less than IDEA_MIN_BYTES, the origin (a statistic) and then the facts (the payload
    // carries both whole) are cut, each down to LINE_MIN_BYTES at most, before the idea.
    if let Some(idea) = &payload.idea {
        let idea_min = label.len() + quote("").len() + 1 + one_line(idea).len().min(IDEA_MIN_BYTES);
        for at in [Some(origin_line), facts_line].into_iter().flatten() {
            let total = lines.iter().map(|l| l.len() + 1).sum::<usize>() + idea_min;
            if total > MAX_BYTES {
                let keep = lines[at].len().saturating_sub(total - MAX_BYTES).max(LINE_MIN_BYTES);
                lines[at] = cut(&lines[at], usize::MAX, keep);
            }
        }
    }

    if let (Some(at), Some(idea)) = (idea_line, &payload.idea) {
        // Everything else, each line with its line break, the label and the quotes, in bytes.
        let rest: usize = lines.iter().map(|l| l.len() + 1).sum::<usize>() + label.len() + quote("").len() + 1;
        let room = MAX_BYTES.saturating_sub(rest);
        let line = if room >= 20 {
            format!("{label}{}", quote(&cut(&one_line(idea), IDEA_CHARS, room)))
        } else {
            format!("{label}voir le champ {} de l’inscription.", quote("idea"))
        };
        lines.insert(at, line);
    }
    bound(lines.join("\n"))
}

/// How the summary names a dimension for the counsellor (the catalogue's names are addressed to
/// the young person: "Ton idée", "Confiance en toi"); a dimension added later keeps its own.
fn dimension_label<'a>(id: &str, name: &'a str) -> &'a str {
    match id {
        "motivation" => "Motivation",
        "idea" => "Idée",
        "initiative" => "Initiative",
        "creativity" => "Créativité",
        "perseverance" => "Persévérance",
        "risk" => "Rapport au risque",
        "confidence" => "Confiance en soi",
        _ => name,
    }
}

/// The French answer a question got (its text in the catalogue), if answered.
fn answer_of(q: &Questionnaire, t: &Texts, answers: &Answers, question: usize) -> Option<String> {
    let chosen = q.questions[question].chosen(answers);
    chosen.first().map(|&o| t.questions[question].options[o].to_owned())
}

/// How the summary names an information question for the counsellor (the question itself is
/// addressed to the young person); a question added later falls back to its own title.
fn fact_label<'a>(id: &str, title: &'a str) -> &'a str {
    match id {
        "followed" => "Déjà suivi par la Mission Locale",
        "availability_time" => "Temps disponible par semaine",
        "constraints" => "Contraintes signalées",
        "preference" => "Préférence",
        "network_people" => "Connaît des personnes qui ont créé leur activité",
        "network_help" => "Vers qui se tourner en cas de problème",
        _ => title,
    }
}

fn situation_words(situation: Situation) -> &'static str {
    match situation {
        Situation::JobSeeking => "cherche un emploi",
        Situation::Training => "en formation",
        Situation::Employed => "en emploi",
        Situation::NothingYet => "rien pour l’instant",
        Situation::Other => "autre",
    }
}

fn channel_words(channel: ContactChannel) -> &'static str {
    match channel {
        ContactChannel::Call => "par téléphone (appel)",
        ContactChannel::Sms => "par SMS",
        ContactChannel::Email => "par e-mail",
    }
}

fn time_words(time: ContactTime) -> &'static str {
    match time {
        ContactTime::Morning => "le matin",
        ContactTime::Midday => "le midi",
        ContactTime::Afternoon => "l’après-midi",
        ContactTime::AnyTime => "à tout moment",
    }
}

/// A text on one line (an old handler may not keep line breaks inside a field).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `chars` characters, with "…" when cut (see [`cut`]).
fn clip(text: &str, chars: usize) -> String {
    cut(text, chars, usize::MAX)
}

/// At most `chars` characters and `bytes` bytes of UTF-8 (so also at most `bytes` UTF-16
/// units), "…" included when cut. The cut falls after the last whole word that fits; a single
/// word longer than that (an e-mail address, "AAAA…") is cut between two characters, never
/// inside one that is made of several (a letter and its combining accent, an emoji with its
/// skin tone or joined to another).
fn cut(text: &str, chars: usize, bytes: usize) -> String {
    if text.len() <= bytes && text.chars().count() <= chars {
        return text.to_owned();
    }
    const ELLIPSIS: char = '…';
    let (chars, bytes) = (chars.saturating_sub(1), bytes.saturating_sub(ELLIPSIS.len_utf8()));
    // The longest prefix within both limits.
    let mut end = 0;
    for (count, (at, c)) in text.char_indices().enumerate() {
        if count >= chars || at + c.len_utf8() > bytes {
            break;
        }
        end = at + c.len_utf8();
    }
    let next_is_space = text[end..].chars().next().is_some_and(char::is_whitespace);
    let mut kept = &text[..end];
    if !next_is_space {
        // Back to the end of the last whole word, when there is one.
        if let Some(space) = kept.rfind(char::is_whitespace) {
            kept = &kept[..space];
        } else {
            // One long word: never part of a character made of several.
            while let Some(last) = kept.chars().last() {
                let next = text[kept.len()..].chars().next();
                let lone_flag_half =
                    is_regional(last) && kept.chars().rev().take_while(|&c| is_regional(c)).count() % 2 == 1;
                if next.is_some_and(extends) || last == '\u{200D}' || lone_flag_half {
                    kept = &kept[..kept.len() - last.len_utf8()];
                } else {
                    break;
                }
            }
        }
    }
    let mut out = kept.trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// Whether a character belongs with the one before it: a combining accent, a joiner, a
/// variation selector, an emoji skin tone.
fn extends(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

/// One of the two letters of a flag.
fn is_regional(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// The whole summary within [`MAX_BYTES`] (the idea takes only the room the essentials leave
/// and the other typed texts are clipped, so this is only the last guard).
fn bound(summary: String) -> String {
    cut(&summary, usize::MAX, MAX_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_after_a_whole_word_within_both_limits() {
        assert_eq!(cut("une idée très longue", 100, 100), "une idée très longue", "fits: unchanged");
        // 12 characters: "une idée tr" + "…" would cut "très".
        assert_eq!(cut("une idée très longue", 12, usize::MAX), "une idée…");
        // In bytes: "une idée" is 9 bytes ("é" takes 2), "…" 3.
        assert_eq!(cut("une idée très longue", usize::MAX, 13), "une idée…");
        assert_eq!(cut("une idée très longue", usize::MAX, 12), "une idée…");
        assert_eq!(cut("une idée très longue", usize::MAX, 11), "une…");
        let cut_text = cut(&"crêpe ’bio’ ".repeat(50), usize::MAX, 100);
        assert!(cut_text.len() <= 100 && cut_text.encode_utf16().count() <= 100, "{cut_text}");
        assert!(cut_text.ends_with("’bio’…") || cut_text.ends_with("crêpe…"), "{cut_text}");
    }

    #[test]
    fn one_long_word_is_cut_between_whole_characters() {
        assert_eq!(cut(&"é".repeat(10), usize::MAX, 9), "ééé…");
        assert_eq!(cut(&"c".repeat(70), 60, usize::MAX), format!("{}…", "c".repeat(59)));
        // A thumb with its skin tone (8 bytes) is kept whole or dropped whole.
        assert_eq!(cut("👍🏽👍🏽👍🏽", usize::MAX, 15), "👍🏽…");
        // A family (three people joined by U+200D) likewise.
        assert_eq!(cut("👨‍👩‍👧👨‍👩‍👧", usize::MAX, 24), "👨‍👩‍👧…");
        assert_eq!(cut("👨‍👩‍👧", usize::MAX, 15), "…");
        // An accent typed as a combining mark stays on its letter.
        assert_eq!(cut("e\u{301}e\u{301}e\u{301}", usize::MAX, 8), "e\u{301}…");
        // Flags are two letters each.
        assert_eq!(cut("🇫🇷🇧🇪🇨🇭", usize::MAX, 15), "🇫🇷…");
    }
}
