//! The sign-up: the details form, its validation, and the payload sent to the mission locale's
//! endpoint (the contract in `schema/signup-v2.json`, explained in `docs/endpoint.md`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::json;

use super::eligibility::{EligibilityAnswer, MAX_AGE, MIN_AGE};
use super::email::{self, EmailError};
use super::phone::{Phone, PhoneError};
use super::questionnaire::{Answers, Profile, Questionnaire};
use super::territory::Territory;

/// Version of the payload contract, sent in every body so the endpoint can tell formats apart.
/// v2 (December 2026): the self-assessment is sent as levels in words and raw points, never
/// as marks; v1 payloads still queued on phones are sent as they are (the outbox keeps JSON).
pub const SCHEMA_VERSION: &str = "signup-v2";
/// Longest first or last name accepted.
pub const NAME_MAX: usize = 50;
/// Longest phone number as typed (with spaces and dots).
pub const PHONE_MAX: usize = 25;
/// Longest "other situation" text.
pub const SITUATION_OTHER_MAX: usize = 100;
/// Longest description of the idea.
pub const IDEA_MAX: usize = 1000;
/// The pathway value meaning "I don't know yet".
pub const UNDECIDED: &str = "undecided";

/// What the young person does now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    JobSeeking,
    Training,
    Employed,
    NothingYet,
    Other,
}

impl Situation {
    /// The value with this code, if any.
    pub fn from_code(code: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|value| value.code() == code)
    }

    pub const ALL: [Situation; 5] =
        [Situation::JobSeeking, Situation::Training, Situation::Employed, Situation::NothingYet, Situation::Other];

    /// The value in the payload and in the page (`job_seeking`…).
    pub fn code(self) -> &'static str {
        match self {
            Situation::JobSeeking => "job_seeking",
            Situation::Training => "training",
            Situation::Employed => "employed",
            Situation::NothingYet => "nothing_yet",
            Situation::Other => "other",
        }
    }
}

/// How the young person prefers to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    Call,
    Sms,
    Email,
}

impl ContactChannel {
    /// The value with this code, if any.
    pub fn from_code(code: &str) -> Option<ContactChannel> {
        ContactChannel::ALL.into_iter().find(|value| value.code() == code)
    }

    pub const ALL: [ContactChannel; 3] = [ContactChannel::Call, ContactChannel::Sms, ContactChannel::Email];

    pub fn code(self) -> &'static str {
        match self {
            ContactChannel::Call => "call",
            ContactChannel::Sms => "sms",
            ContactChannel::Email => "email",
        }
    }
}

/// When the young person prefers to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactTime {
    Morning,
    Midday,
    Afternoon,
    AnyTime,
}

impl ContactTime {
    /// The value with this code, if any.
    pub fn from_code(code: &str) -> Option<ContactTime> {
        ContactTime::ALL.into_iter().find(|value| value.code() == code)
    }

    pub const ALL: [ContactTime; 4] =
        [ContactTime::Morning, ContactTime::Midday, ContactTime::Afternoon, ContactTime::AnyTime];

    pub fn code(self) -> &'static str {
        match self {
            ContactTime::Morning => "morning",
            ContactTime::Midday => "midday",
            ContactTime::Afternoon => "afternoon",
            ContactTime::AnyTime => "any_time",
        }
    }
}

/// The details page as typed. Kept as typed on error, so nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignupForm {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub situation: Option<Situation>,
    pub situation_other: String,
    pub contact_channel: Option<ContactChannel>,
    pub contact_time: Option<ContactTime>,
    pub idea: String,
    /// A pathway id, or [`UNDECIDED`].
    pub pathway: String,
    /// Consent to send the self-assessment answers and profile to the counsellor.
    pub share_answers: bool,
    /// The anti-spam trap: a field hidden from every person (and assistive technology), that
    /// only robots fill in.
    pub website: String,
}

impl Default for SignupForm {
    fn default() -> SignupForm {
        SignupForm {
            first_name: String::new(),
            last_name: String::new(),
            phone: String::new(),
            email: String::new(),
            situation: None,
            situation_other: String::new(),
            contact_channel: None,
            contact_time: None,
            idea: String::new(),
            pathway: UNDECIDED.to_owned(),
            share_answers: false,
            website: String::new(),
        }
    }
}

impl SignupForm {
    /// Reads the form back from the draft's JSON (see [`json`]: what is missing or damaged
    /// reads as empty).
    pub fn from_json(value: &Value) -> SignupForm {
        let code = |key: &str| json::opt_text(value, key);
        SignupForm {
            first_name: json::text(value, "first_name"),
            last_name: json::text(value, "last_name"),
            phone: json::text(value, "phone"),
            email: json::text(value, "email"),
            situation: code("situation").as_deref().and_then(Situation::from_code),
            situation_other: json::text(value, "situation_other"),
            contact_channel: code("contact_channel").as_deref().and_then(ContactChannel::from_code),
            contact_time: code("contact_time").as_deref().and_then(ContactTime::from_code),
            idea: json::text(value, "idea"),
            pathway: code("pathway").unwrap_or_else(|| UNDECIDED.to_owned()),
            share_answers: json::flag(value, "share_answers"),
            website: json::text(value, "website"),
        }
    }
}

/// A field of the sign-up pages, in the order they appear (the error summary follows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    BirthDate,
    School,
    Commune,
    FirstName,
    LastName,
    Phone,
    Email,
    Situation,
    SituationOther,
    ContactChannel,
    ContactTime,
    Idea,
    Pathway,
    Consent,
}

impl Field {
    /// The `id` of the field's (first) input in the page, which the error summary links to.
    pub fn html_id(self) -> &'static str {
        match self {
            Field::BirthDate => "birth-day",
            Field::School => "school-no",
            Field::Commune => "commune",
            Field::FirstName => "first-name",
            Field::LastName => "last-name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Situation => "situation-job_seeking",
            Field::SituationOther => "situation-other-text",
            Field::ContactChannel => "contact-channel-call",
            Field::ContactTime => "contact-time-morning",
            Field::Idea => "idea",
            Field::Pathway => "pathway-discovery",
            Field::Consent => "consent",
        }
    }
}

/// Why a name is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    /// Digits or symbols: names have letters, spaces, hyphens and apostrophes.
    InvalidCharacters,
}

/// One problem with one field of the details page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    FirstName(NameError),
    LastName(NameError),
    Phone(PhoneError),
    Email(EmailError),
    /// E-mail chosen as the way to be contacted, but no address given.
    EmailNeededForContact,
    SituationMissing,
    SituationOtherTooLong,
    ContactChannelMissing,
    ContactTimeMissing,
    IdeaTooLong,
}

impl FieldError {
    pub fn field(self) -> Field {
        match self {
            FieldError::FirstName(_) => Field::FirstName,
            FieldError::LastName(_) => Field::LastName,
            FieldError::Phone(_) => Field::Phone,
            FieldError::Email(_) | FieldError::EmailNeededForContact => Field::Email,
            FieldError::SituationMissing => Field::Situation,
            FieldError::SituationOtherTooLong => Field::SituationOther,
            FieldError::ContactChannelMissing => Field::ContactChannel,
            FieldError::ContactTimeMissing => Field::ContactTime,
            FieldError::IdeaTooLong => Field::Idea,
        }
    }
}

/// The details page once valid, cleaned up for sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDetails {
    pub first_name: String,
    pub last_name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub situation: Situation,
    pub situation_other: Option<String>,
    pub contact_channel: ContactChannel,
    pub contact_time: ContactTime,
    pub idea: Option<String>,
    /// `None` when undecided.
    pub pathway: Option<String>,
    pub share_answers: bool,
}

/// Checks a name: letters of any alphabet, spaces, hyphens, apostrophes and dots (for "St."),
/// with spaces collapsed.
pub fn check_name(input: &str) -> Result<String, NameError> {
    let cleaned = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(NameError::Empty);
    }
    if cleaned.chars().count() > NAME_MAX {
        return Err(NameError::TooLong);
    }
    // Letters, and accents typed as separate combining marks (U+0300–U+036F: "He\u{301}le\u{300}ne").
    let allowed = |c: char| {
        c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c) || matches!(c, ' ' | '-' | '\'' | '’' | '.')
    };
    if !cleaned.chars().all(allowed) || !cleaned.chars().any(char::is_alphabetic) {
        return Err(NameError::InvalidCharacters);
    }
    Ok(cleaned)
}

/// Trims a free text; `None` when empty. Control characters (other than line breaks) go.
fn free_text(input: &str) -> Option<String> {
    let cleaned: String = input.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

impl SignupForm {
    /// Validates every field and returns all problems at once, in the order of the form.
    /// `pathways` are the valid pathway ids: anything else counts as undecided.
    pub fn validate(&self, pathways: &[&str]) -> Result<ValidDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |result: Result<String, FieldError>| result.map_err(|e| errors.push(e)).ok();
        let first_name = keep(check_name(&self.first_name).map_err(FieldError::FirstName));
        let last_name = keep(check_name(&self.last_name).map_err(FieldError::LastName));
        let phone =
            if self.phone.chars().count() > PHONE_MAX { Err(PhoneError::TooLong) } else { Phone::parse(&self.phone) };
        let phone = phone.map_err(|e| errors.push(FieldError::Phone(e))).ok();
        let email = match self.email.trim() {
            "" if self.contact_channel == Some(ContactChannel::Email) => {
                errors.push(FieldError::EmailNeededForContact);
                None
            }
            "" => Some(None),
            typed => email::check(typed).map(Some).map_err(|e| errors.push(FieldError::Email(e))).ok(),
        };
        if self.situation.is_none() {
            errors.push(FieldError::SituationMissing);
        }
        let situation_other =
            if self.situation == Some(Situation::Other) { free_text(&self.situation_other) } else { None };
        if situation_other.as_ref().is_some_and(|s| s.chars().count() > SITUATION_OTHER_MAX) {
            errors.push(FieldError::SituationOtherTooLong);
        }
        if self.contact_channel.is_none() {
            errors.push(FieldError::ContactChannelMissing);
        }
        if self.contact_time.is_none() {
            errors.push(FieldError::ContactTimeMissing);
        }
        let idea = free_text(&self.idea);
        if idea.as_ref().is_some_and(|s| s.chars().count() > IDEA_MAX) {
            errors.push(FieldError::IdeaTooLong);
        }
        let pathway = pathways.contains(&self.pathway.as_str()).then(|| self.pathway.clone());
        match (first_name, last_name, phone, email, self.situation, self.contact_channel, self.contact_time) {
            (
                Some(first_name),
                Some(last_name),
                Some(phone),
                Some(email),
                Some(situation),
                Some(contact_channel),
                Some(contact_time),
            ) if errors.is_empty() => Ok(ValidDetails {
                first_name,
                last_name,
                phone,
                email,
                situation,
                situation_other,
                contact_channel,
                contact_time,
                idea,
                pathway,
                share_answers: self.share_answers,
            }),
            _ => Err(errors),
        }
    }
}

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
    /// [`super::summary`]): what an endpoint that keeps only a text field still shows.
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
    pub situation: Situation,
    pub situation_other: Option<String>,
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
    /// Dimension id → the raw points behind the level, for the counsellor (never a mark: the
    /// young person never sees them).
    pub points: BTreeMap<String, DimensionPoints>,
    /// Question id → chosen option ids.
    pub answers: BTreeMap<String, Vec<String>>,
}

/// What a dimension's answers gave, out of the most they could give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DimensionPoints {
    pub got: u32,
    pub max: u32,
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
            points: json::map(
                questionnaire
                    .dimensions
                    .iter()
                    .zip(&profile.points)
                    .map(|(d, p)| ((*d).to_owned(), DimensionPoints { got: p.got, max: p.max })),
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
                birth_date: super::dates::iso_date(eligibility.birth_date),
                phone: details.phone.e164().to_owned(),
                email: details.email.clone(),
                commune,
                situation: details.situation,
                situation_other: details.situation_other.clone(),
            },
            contact: ContactPreference { channel: details.contact_channel, time: details.contact_time },
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
        let shared = super::summary::Shared {
            questionnaire,
            answers,
            profile: profile.as_ref().filter(|_| share),
            french: crate::content::LANGUAGES[0],
        };
        payload.summary = super::summary::write(&payload, &details.phone.display(), &shared);
        payload
    }
}
