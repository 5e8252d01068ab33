//! The plain-French summary every sign-up carries, for the counsellor.
//!
//! Many endpoints are old form handlers or mailboxes that keep a few text fields: the structured
//! JSON would be lost there, and the counsellor would see a name and a phone number. The summary
//! says, in a few lines of French a counsellor reads in any system (addressed as "vous" when it
//! addresses anyone): who, how to reach them, the chosen and the suggested pathway and why, the
//! profile **in words** (never marks), the idea, the constraints mentioned (information only),
//! and where the link came from. Only what the young person consented to share goes in:
//! without consent, one line says so. It is French whatever language the young person used (it
//! is for the mission locale), and it says when that was English.
//!
//! It is built from the same data as the payload (`Payload::build` calls [`write`]), so every
//! wire format carries the same text, at most [`MAX_CHARS`] characters, with French typography.

use super::questionnaire::{Answers, Condition, Profile, Questionnaire};
use super::signup::{ContactChannel, ContactTime, Payload, Situation};
use crate::content::Texts;

/// The most characters a summary has: long enough for the essentials, short enough for the
/// free-text field of an old form handler.
pub const MAX_CHARS: usize = 1_500;
/// The idea is quoted up to this many characters (the payload carries it whole).
const IDEA_CHARS: usize = 400;

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
    let place = match &applicant.commune {
        Some(c) => format!("{} ({})", c.name, c.postcode),
        None => "hors du territoire (lien d’une conseillère ou d’un conseiller)".to_owned(),
    };
    lines.push(format!(
        "Inscription au Lab’O {} du {}.",
        payload.reference,
        super::dates::french_date(&payload.submitted_at).unwrap_or_else(|| payload
            .submitted_at
            .chars()
            .take(10)
            .collect())
    ));
    let situation = match (applicant.situation, &applicant.situation_other) {
        (Situation::Other, Some(other)) => format!("autre ({})", clip(&one_line(other), 60)),
        (situation, _) => situation_words(situation).to_owned(),
    };
    lines.push(format!(
        "Qui{colon} {} {}, {}{NBSP}ans, {place}. Situation{colon} {situation}.",
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
    let chosen = payload.pathway.chosen.as_deref().and_then(pathway_name).unwrap_or("pas encore décidé");
    lines.push(format!("Parcours choisi{colon} {chosen}."));
    match shared.profile {
        Some(profile) => {
            let q = shared.questionnaire;
            let because: Vec<String> = q.rules[profile.rule]
                .conditions
                .iter()
                .map(|condition| match condition {
                    Condition::Level { dimension, .. } => {
                        format!("{}{colon} {}", t.dimensions[*dimension].name, t.levels[profile.levels[*dimension]])
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
                    let names: Vec<&str> = profile.at_level(level).iter().map(|&d| t.dimensions[d].name).collect();
                    (!names.is_empty()).then(|| format!("{}{colon} {}", t.levels[level], names.join(", ")))
                })
                .collect();
            lines
                .push(format!("Profil, en mots (pas de notes){colon} {}.", groups.join(format!("{NNBSP}; ").as_str())));
        }
        None => lines.push(format!(
            "Résultat du test{colon} non transmis (pas de test fait, ou la personne n’a pas donné son accord)."
        )),
    }

    // The idea, in the young person's words: its place is kept here, its length is set last,
    // from what the essentials leave.
    let idea_line = payload.idea.as_ref().map(|_| lines.len());

    // Facts for the counsellor, only with consent: never criteria.
    if shared.profile.is_some() {
        let q = shared.questionnaire;
        let facts: Vec<String> = q
            .questions
            .iter()
            .enumerate()
            .filter(|(_, question)| question.dimension.is_none() && question.id != "preference")
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
            lines.push(format!(
                "À savoir (information, jamais un critère){colon} {}.",
                facts.join(format!("{NNBSP}; ").as_str())
            ));
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
    lines.push(if origin.is_empty() {
        format!("Origine{colon} visite directe (pas de lien de conseillère ou de conseiller).")
    } else {
        format!("Origine{colon} lien partagé, {}.", origin.join(", "))
    });
    if payload.locale != "fr" {
        lines.push("La personne a utilisé l’application en anglais.".to_owned());
    }

    if let (Some(at), Some(idea)) = (idea_line, &payload.idea) {
        let label = format!("Son idée{colon} ");
        let rest: usize = lines.iter().map(|l| l.chars().count() + 1).sum::<usize>() + label.chars().count() + 4;
        let room = MAX_CHARS.saturating_sub(rest).min(IDEA_CHARS);
        let line = if room >= 20 {
            format!("{label}{}", quote(&clip(&one_line(idea), room)))
        } else {
            format!("{label}voir le champ {} de l’inscription.", quote("idea"))
        };
        lines.insert(at, line);
    }
    bound(lines.join("\n"))
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

/// At most `chars` characters, with "…" when cut.
fn clip(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The whole summary within [`MAX_CHARS`] (the idea takes only the room the essentials leave
/// and the other typed texts are clipped, so this is only the last guard).
fn bound(summary: String) -> String {
    clip(&summary, MAX_CHARS)
}
