//! The body sent to the endpoint (the contract in `schema/signup-v2.json`), and how it is built.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{ContactChannel, ContactTime, Followed, SCHEMA_VERSION, Situation, ValidDetails};
use crate::domain::eligibility::{EligibilityAnswer, MAX_AGE, MIN_AGE};
use crate::domain::json;
use crate::domain::questionnaire::{Answers, Profile, Questionnaire};
use crate::domain::territory::Territory;

/// Facts about the device and the moment of sending, gathered by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub reference: String,
    pub idempotency_key: String,
    /// ISO 8601 with the device's offset, e.g. `2026-11-27T16:08:42+01:00`.
    pub submitted_at: String,
    pub locale: String,
}

/// The JSON body POSTed to the endpoint. Field by field in `docs/endpoint.md`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Payload {
    pub schema_version: String,
    pub reference: String,
    pub idempotency_key: String,
    pub submitted_at: String,
    /// The sign-up in plain French for the counsellor, ≤ 1,500 characters (see
    /// [`crate::domain::summary`]): what an endpoint that keeps only a text field still shows.
    pub summary: String,
    pub applicant: Applicant,
    pub contact: ContactPreference,
    pub idea: Option<String>,
    pub eligibility: EligibilityFacts,
    pub pathway: PathwayChoice,
    /// Only with the young person's consent; `null` otherwise.
    pub self_assessment: Option<SelfAssessment>,
    pub consent: Consent,
    /// Where the sign-up came from (a counsellor's shared link); empty for a plain visit.
    pub source: Source,
    /// Signs of a robot, for the endpoint to filter spam without a CAPTCHA.
    pub anti_spam: AntiSpam,
    pub locale: String,
    pub app_version: String,
}

/// What the endpoint needs to recognise obvious robots: the hidden trap field, and how long the
/// forms took to fill in (people need more than a few seconds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AntiSpam {
    /// The hidden field's content: always empty for a person.
    pub honeypot: String,
    /// Seconds between the first answer and "Envoyer".
    pub fill_seconds: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Applicant {
    pub first_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// E.164, e.g. `+33612345678`.
    pub phone: String,
    pub email: Option<String>,
    /// `null` when the young person lives outside the territory.
    pub commune: Option<CommunePayload>,
    /// What was typed for the commune when it is not in the territory's list (`Rouen`, a
    /// postcode); `null` otherwise.
    pub commune_given: Option<String>,
    pub situation: Situation,
    pub situation_other: Option<String>,
    /// Whether the young person already has a counsellor at the mission locale; `null` when
    /// not answered (the question is optional).
    pub followed: Option<FollowedPayload>,
}

/// "As-tu déjà une conseillère ou un conseiller à la Mission Locale ?", as answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowedPayload {
    pub answer: Followed,
    /// Their name as typed, if the young person gave it.
    pub counsellor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommunePayload {
    pub insee: String,
    pub name: String,
    pub postcode: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactPreference {
    pub channel: ContactChannel,
    pub time: ContactTime,
    /// `YYYY-MM-DD`: the day by which the mission locale promised to call back (the
    /// configured number of working days after the sign-up, see `domain::dates`).
    pub call_back_before: String,
}

/// The facts behind eligibility, so the counsellor sees why a sign-up was let through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EligibilityFacts {
    /// Age on the day of the sign-up.
    pub age: u32,
    pub age_eligible: bool,
    pub left_school: bool,
    pub commune_in_territory: bool,
    /// A counsellor's link allowed a sign-up from outside the territory.
    pub counsellor_override: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathwayChoice {
    /// The pathway the young person chose; `null` for "I don't know yet".
    pub chosen: Option<String>,
    /// The pathway the self-assessment suggested; `null` without the test or without consent.
    pub suggested: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelfAssessment {
    pub questionnaire_version: String,
    /// Dimension id → level id (`discover`, `on_the_way`, `already`): the profile in words, as
    /// the young person saw it.
    pub levels: BTreeMap<String, String>,
    /// Question id → chosen option ids.
    pub answers: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Consent {
    pub share_self_assessment: bool,
}

/// Attribution of a counsellor's shared link. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counsellor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

impl Source {
    /// Reads the attribution back from the draft's JSON.
    pub fn from_json(value: &Value) -> Source {
        Source {
            counsellor: json::opt_text(value, "counsellor"),
            campaign: json::opt_text(value, "campaign"),
            channel: json::opt_text(value, "channel"),
        }
    }
}

/// Everything the payload is built from.
pub struct SignupParts<'a> {
    pub eligibility: &'a EligibilityAnswer,
    pub details: &'a ValidDetails,
    pub territory: &'a Territory,
    /// The questionnaire and its answers; the profile is included only if complete and consented.
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub counsellor_override: bool,
    pub source: Source,
    /// Seconds between the first answer and "Envoyer".
    pub fill_seconds: u64,
    /// What the hidden trap field holds.
    pub honeypot: String,
    /// The day by which the mission locale promised to call back.
    pub call_back_before: chrono::NaiveDate,
}

impl Payload {
    pub fn build(parts: SignupParts<'_>, envelope: Envelope) -> Payload {
        let SignupParts {
            eligibility,
            details,
            territory,
            questionnaire,
            answers,
            counsellor_override,
            source,
            fill_seconds,
            honeypot,
            call_back_before,
        } = parts;
        let profile: Option<Profile> = questionnaire.score(answers).ok();
        let commune = eligibility.commune.as_ref().and_then(|c| territory.resolve(c)).map(|m| CommunePayload {
            insee: m.commune.insee.clone(),
            name: m.commune.name.clone(),
            postcode: m.postcode.to_owned(),
        });
        let share = details.share_answers && profile.is_some();
        let self_assessment = profile.as_ref().filter(|_| share).map(|profile| SelfAssessment {
            questionnaire_version: questionnaire.version.to_owned(),
            levels: json::map(
                questionnaire
                    .dimensions
                    .iter()
                    .zip(&profile.levels)
                    .map(|(d, l)| ((*d).to_owned(), questionnaire.levels[*l].id.to_owned())),
            ),
            answers: json::map(questionnaire.questions.iter().map(|q| {
                (q.id.to_owned(), q.chosen(answers).into_iter().map(|i| q.options[i].id.to_owned()).collect())
            })),
        });
        let mut payload = Payload {
            schema_version: SCHEMA_VERSION.to_owned(),
            reference: envelope.reference,
            idempotency_key: envelope.idempotency_key,
            submitted_at: envelope.submitted_at,
            summary: String::new(),
            applicant: Applicant {
                first_name: details.first_name.clone(),
                last_name: details.last_name.clone(),
                birth_date: crate::domain::dates::iso_date(eligibility.birth_date),
                phone: details.phone.e164().to_owned(),
                email: details.email.clone(),
                commune_given: if commune.is_none() { eligibility.commune_given.clone() } else { None },
                commune,
                situation: details.situation,
                situation_other: details.situation_other.clone(),
                followed: details
                    .followed
                    .map(|answer| FollowedPayload { answer, counsellor: details.followed_by.clone() }),
            },
            contact: ContactPreference {
                channel: details.contact_channel,
                time: details.contact_time,
                call_back_before: crate::domain::dates::iso_date(call_back_before),
            },
            idea: details.idea.clone(),
            eligibility: EligibilityFacts {
                age: eligibility.age,
                age_eligible: (MIN_AGE..=MAX_AGE).contains(&eligibility.age),
                left_school: !eligibility.at_school,
                commune_in_territory: eligibility.commune.is_some(),
                counsellor_override: counsellor_override && eligibility.commune.is_none(),
            },
            pathway: PathwayChoice {
                chosen: details.pathway.clone(),
                // The suggestion is a result of the profile: sent only with the same consent.
                suggested: profile.as_ref().filter(|_| share).map(|p| questionnaire.pathways[p.pathway].to_owned()),
            },
            self_assessment,
            consent: Consent { share_self_assessment: share },
            source,
            anti_spam: AntiSpam { honeypot: honeypot.chars().take(200).collect(), fill_seconds },
            locale: envelope.locale,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let shared = crate::domain::summary::Shared {
            questionnaire,
            answers,
            profile: profile.as_ref().filter(|_| share),
            french: crate::content::LANGUAGES[0],
        };
        payload.summary = crate::domain::summary::write(&payload, &details.phone.display(), &shared);
        payload
    }
}
