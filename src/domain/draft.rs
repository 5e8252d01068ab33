//! The journey in progress, as saved on the device: the test's answers, the eligibility and
//! details pages as typed, and the link attribution. Saved as the young person types, restored
//! after a reload, a closed tab or a crash, forgotten after [`MAX_AGE_DAYS`] or once sent.

use serde::Serialize;
use serde_json::Value;

use super::eligibility::{EligibilityAnswer, EligibilityForm, Ineligibility};
use super::json;
use super::questionnaire::{Answers, Questionnaire};
use super::signup::{Envelope, Payload, SignupForm, SignupParts, Source, ValidDetails};
use super::territory::Territory;

/// Drafts older than this are discarded: a shared phone should not keep a stranger's answers.
pub const MAX_AGE_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 3600 * 1000;

/// Format version of the saved draft; a draft of another version is discarded.
pub const VERSION: u32 = 1;

/// Everything a young person has typed so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub answers: Answers,
    pub eligibility: EligibilityForm,
    pub details: SignupForm,
    /// Attribution from a counsellor's link.
    pub source: Source,
    /// A counsellor's link allows a sign-up from outside the territory.
    pub allow_outside_territory: bool,
    /// When the first answer was given (ms since 1970), to measure the time taken to fill in.
    pub started_at_ms: Option<i64>,
    /// The sign-up's reference and Idempotency-Key, drawn when the journey is first saved, so
    /// that every tab and every "Envoyer" of the same answers sends the same sign-up.
    pub ids: Option<SignupIds>,
}

/// The identifiers of one sign-up (see [`super::ids`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignupIds {
    pub reference: String,
    pub idempotency_key: String,
}

impl SignupIds {
    /// New ids from the browser's random source: 64 bytes for the reference (unbiased, see
    /// [`super::ids::reference`]), 16 for the key.
    pub fn draw(reference_bytes: [u8; 64], key_bytes: [u8; 16]) -> SignupIds {
        let mut bytes = reference_bytes.into_iter().cycle();
        SignupIds {
            reference: super::ids::reference(move || bytes.next().unwrap_or_default()),
            idempotency_key: super::ids::uuid_v4(key_bytes),
        }
    }

    /// The same reference under a new key: a corrected sign-up is a new request (the endpoint
    /// may remember the rejected body under the old key), but the young person keeps the
    /// reference they may have noted.
    pub fn with_new_key(&self, key_bytes: [u8; 16]) -> SignupIds {
        SignupIds { reference: self.reference.clone(), idempotency_key: super::ids::uuid_v4(key_bytes) }
    }

    /// Reads stored ids; `None` unless both are well formed (a damaged key would never reach
    /// the endpoint as a header).
    fn from_json(value: &Value) -> Option<SignupIds> {
        let reference = json::opt_text(value, "reference").filter(|r| super::ids::is_reference(r))?;
        let idempotency_key = json::opt_text(value, "idempotency_key").filter(|k| super::ids::is_uuid_v4(k))?;
        Some(SignupIds { reference, idempotency_key })
    }
}

/// The draft with the moment it was saved, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct Stored {
    version: u32,
    /// Milliseconds since 1970 (the browser's `Date.now()`).
    saved_at: i64,
    draft: Draft,
}

/// What "Envoyer" needs besides the draft.
pub struct Sending<'a> {
    pub territory: &'a Territory,
    pub questionnaire: &'a Questionnaire,
    pub today: chrono::NaiveDate,
    pub now_ms: i64,
    /// ISO 8601 with the device's offset.
    pub submitted_at: String,
    pub locale: &'a str,
    /// The mission locale calls back within this many working days (`config.json`).
    pub call_back_working_days: u32,
}

/// Why a draft cannot be sent as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    /// Nothing typed (another tab sent these answers and emptied the journey).
    Empty,
    /// The eligibility page is incomplete, or the young person may not continue.
    Eligibility,
    /// The details page is incomplete.
    Details,
}

/// A step of the sign-up, each one page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Eligibility,
    NotEligible,
    Details,
    Check,
}

impl Step {
    /// Where "Continuer" on the eligibility page leads, once its answers are valid: the details
    /// when every condition is met, otherwise the page that says which one is not (and lets a
    /// counsellor's link through when it allows a sign-up from outside the territory).
    pub fn after_eligibility(answer: &EligibilityAnswer) -> Step {
        if answer.problems().is_empty() { Step::Details } else { Step::NotEligible }
    }
}

/// How far the answers as typed let the young person go: the one rule every sign-up page
/// follows before it shows itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The eligibility page is incomplete or invalid.
    Eligibility,
    /// Answered, but a condition is not met and no counsellor's link lets them through.
    NotEligible(EligibilityAnswer),
    /// May fill in the details page, which is not complete yet.
    Details(EligibilityAnswer),
    /// Every answer is valid: ready to check and send.
    Complete(EligibilityAnswer, ValidDetails),
}

impl Progress {
    /// Validates both forms (`allow_outside_territory`: a counsellor's link permits a sign-up
    /// from outside the territory; `pathways`: the valid pathway ids).
    pub fn of(
        eligibility: &EligibilityForm,
        details: &SignupForm,
        allow_outside_territory: bool,
        territory: &Territory,
        today: chrono::NaiveDate,
        pathways: &[&str],
    ) -> Progress {
        let Ok(answer) = eligibility.validate(territory, today) else { return Progress::Eligibility };
        if !answer.may_continue(allow_outside_territory) {
            return Progress::NotEligible(answer);
        }
        match details.validate(pathways) {
            Ok(details) => Progress::Complete(answer, details),
            Err(_) => Progress::Details(answer),
        }
    }

    /// The eligibility answer, once valid.
    pub fn answer(&self) -> Option<&EligibilityAnswer> {
        match self {
            Progress::Eligibility => None,
            Progress::NotEligible(answer) | Progress::Details(answer) | Progress::Complete(answer, _) => Some(answer),
        }
    }

    /// Whether the young person may go on to the details page.
    pub fn may_continue(&self) -> bool {
        matches!(self, Progress::Details(_) | Progress::Complete(..))
    }

    /// The step to show when `wanted` is asked for: `wanted` itself if the answers allow it,
    /// else the step to complete first. The not-eligible page is for a condition not met (even
    /// one a counsellor's link lets through); without one it leads on to the details.
    fn step_for(&self, wanted: Step) -> Step {
        match (wanted, self) {
            (_, Progress::Eligibility) => Step::Eligibility,
            (Step::NotEligible, progress) if progress.answer().is_some_and(|a| a.problems().is_empty()) => {
                Step::Details
            }
            (Step::Details | Step::Check, Progress::NotEligible(_)) => Step::Eligibility,
            (Step::Check, Progress::Details(_)) => Step::Details,
            (wanted, _) => wanted,
        }
    }

    /// The sign-up page the route table shows when `wanted` is asked for, with what it shows
    /// (see [`Progress::step_for`]), or `Err` with the step to go to instead.
    pub fn open(&self, wanted: Step) -> Result<SignupPage, Step> {
        match (self.step_for(wanted), self) {
            (shown, _) if shown != wanted => Err(shown),
            (Step::Eligibility, _) => Ok(SignupPage::Eligibility),
            (Step::Details, _) => Ok(SignupPage::Details),
            (Step::Check, Progress::Complete(eligibility, details)) => {
                Ok(SignupPage::Check(Box::new((eligibility.clone(), details.clone()))))
            }
            (Step::NotEligible, progress) => match progress.answer().and_then(|a| a.problems().first().copied()) {
                Some(problem) => Ok(SignupPage::NotEligible { problem, may_continue: progress.may_continue() }),
                None => Err(Step::Eligibility),
            },
            // `step_for` shows the check only to complete answers.
            (Step::Check, _) => Err(Step::Details),
        }
    }
}

/// A sign-up page the answers let the young person see, with what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignupPage {
    Eligibility,
    /// The first condition not met, and whether a counsellor's link lets them through anyway.
    NotEligible {
        problem: Ineligibility,
        may_continue: bool,
    },
    Details,
    /// Every answer, valid, to check before "Envoyer" (boxed: the other pages carry little).
    Check(Box<(EligibilityAnswer, ValidDetails)>),
}

/// What "Envoyer" does with the journey as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submit {
    /// Put this sign-up in the outbox, then show the confirmation.
    Queue(Box<Payload>),
    /// Nothing to send: another tab sent these answers and emptied the journey. Show where that
    /// sign-up is (the confirmation).
    Confirmation,
    /// Changed in another tab: back to this step, to complete it.
    Complete(Step),
}

impl Draft {
    /// How far these answers let the young person go (see [`Progress::of`]), with the
    /// counsellor's link's permission they carry.
    pub fn progress(&self, territory: &Territory, today: chrono::NaiveDate, pathways: &[&str]) -> Progress {
        Progress::of(&self.eligibility, &self.details, self.allow_outside_territory, territory, today, pathways)
    }

    /// What "Envoyer" does: the sign-up to queue, or where to go instead (see [`Submit`]).
    pub fn submit(&self, sending: &Sending<'_>) -> Submit {
        match self.submission(sending) {
            Ok(payload) => Submit::Queue(Box::new(payload)),
            Err(NotReady::Empty) => Submit::Confirmation,
            Err(NotReady::Eligibility) => Submit::Complete(Step::Eligibility),
            Err(NotReady::Details) => Submit::Complete(Step::Details),
        }
    }

    /// The sign-up "Envoyer" sends: the draft validated again (it may have changed in another
    /// tab), under the draft's own ids, so the same answers always make the same sign-up.
    pub fn submission(&self, sending: &Sending<'_>) -> Result<Payload, NotReady> {
        let ids = self.ids.as_ref().filter(|_| !self.is_empty()).ok_or(NotReady::Empty)?;
        let progress = self.progress(sending.territory, sending.today, sending.questionnaire.pathways);
        let (eligibility, details) = match progress {
            Progress::Complete(eligibility, details) => (eligibility, details),
            Progress::Details(_) => return Err(NotReady::Details),
            Progress::Eligibility | Progress::NotEligible(_) => return Err(NotReady::Eligibility),
        };
        let parts = SignupParts {
            eligibility: &eligibility,
            details: &details,
            territory: sending.territory,
            questionnaire: sending.questionnaire,
            answers: &self.answers,
            counsellor_override: self.allow_outside_territory,
            source: self.source.clone(),
            fill_seconds: self
                .started_at_ms
                .map_or(0, |start| u64::try_from((sending.now_ms - start) / 1000).unwrap_or(0)),
            honeypot: self.details.website.clone(),
            call_back_before: super::dates::add_working_days(sending.today, sending.call_back_working_days),
        };
        let envelope = Envelope {
            reference: ids.reference.clone(),
            idempotency_key: ids.idempotency_key.clone(),
            submitted_at: sending.submitted_at.clone(),
            locale: sending.locale.to_owned(),
        };
        Ok(Payload::build(parts, envelope))
    }

    /// The fill-in timer checked against the clock: started now if it was not, or if the clock
    /// is now before its start (a clock put right, e.g. back from a wrong time zone). Otherwise
    /// the time sent would be 0 s and the endpoint would take the young person for a robot,
    /// every time. Returns whether it changed.
    pub fn check_timer(&mut self, now_ms: i64) -> bool {
        let restart = self.started_at_ms.is_none_or(|start| now_ms < start);
        if restart {
            self.started_at_ms = Some(now_ms);
        }
        restart
    }

    /// A rejected sign-up put back into the forms to be corrected: same reference, new key (the
    /// corrected body is a new request for the endpoint), the timer started again from now,
    /// counting the `spent_seconds` the rejected sign-up already took (a clock put back meanwhile
    /// counts nothing wrong; a person who only taps "Envoyer" again is not a robot either), and
    /// the hidden trap field emptied (a browser's autofill may have filled it).
    pub fn for_correction(
        mut self,
        key_bytes: [u8; 16],
        new_ids: impl FnOnce() -> SignupIds,
        now_ms: i64,
        spent_seconds: u64,
    ) -> Draft {
        self.ids = Some(match &self.ids {
            Some(ids) => ids.with_new_key(key_bytes),
            None => new_ids(),
        });
        let spent_ms = i64::try_from(spent_seconds.saturating_mul(1000)).unwrap_or(i64::MAX);
        self.started_at_ms = Some(now_ms.saturating_sub(spent_ms));
        self.details.website.clear();
        self
    }

    /// What stays after "Effacer mes réponses" or a sign-up: a counsellor's link attribution
    /// (not personal data; on a counsellor's tablet it serves every young person in turn).
    pub fn attribution(&self) -> Draft {
        Draft { source: self.source.clone(), allow_outside_territory: self.allow_outside_territory, ..Draft::default() }
    }

    /// Whether there is nothing worth saving (the start time and the ids alone are not worth it).
    pub fn is_empty(&self) -> bool {
        Draft { started_at_ms: None, ids: None, ..self.clone() } == Draft::default()
    }

    /// Whether the young person answered or typed anything: a counsellor's link alone (the
    /// attribution kept for the next young person after a sign-up) is not a journey yet.
    pub fn has_answers(&self) -> bool {
        !Draft { source: Source::default(), allow_outside_territory: false, ..self.clone() }.is_empty()
    }

    /// The text to store, stamped with `now_ms`.
    pub fn to_storage(&self, now_ms: i64) -> String {
        super::json::write(&Stored { version: VERSION, saved_at: now_ms, draft: self.clone() })
    }

    /// Reads a stored draft; `None` if it is damaged, of another version, expired or from the
    /// future (a clock set wrong), so a bad draft can never break the app.
    pub fn from_storage(text: &str, now_ms: i64) -> Option<Draft> {
        let stored = json::parse_value(text).ok()?;
        let saved_at = json::int(&stored, "saved_at")?;
        let draft = stored.get("draft").filter(|d| d.is_object())?;
        let age_ms = now_ms.saturating_sub(saved_at);
        let max_ms = MAX_AGE_DAYS * DAY_MS;
        // A saved time up to a day ahead is a phone clock that was corrected, not a reason to
        // throw the answers away.
        (json::int(&stored, "version") == Some(i64::from(VERSION)) && (-DAY_MS..=max_ms).contains(&age_ms))
            .then(|| Draft::from_json(draft))
    }

    /// Reads a draft from its JSON (also kept inside outbox entries). What is missing or
    /// damaged reads as empty, field by field.
    pub fn from_json(value: &Value) -> Draft {
        let answers = value
            .get("answers")
            .and_then(Value::as_object)
            .map(|answers| json::map(answers.iter().map(|(id, picked)| (id.clone(), json::text_list(picked)))))
            .unwrap_or_default();
        let part = |key: &str| value.get(key).cloned().unwrap_or(Value::Null);
        Draft {
            answers,
            eligibility: EligibilityForm::from_json(&part("eligibility")),
            details: SignupForm::from_json(&part("details")),
            source: Source::from_json(&part("source")),
            allow_outside_territory: json::flag(value, "allow_outside_territory"),
            started_at_ms: json::int(value, "started_at_ms"),
            ids: value.get("ids").and_then(SignupIds::from_json),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 3600 * 1000;

    fn sample() -> Draft {
        let mut draft = Draft::default();
        draft.answers.insert("idea_stage".into(), vec!["vague".into()]);
        draft.details.first_name = "Léa".into();
        draft.eligibility.day = "14".into();
        draft
    }

    #[test]
    fn round_trips_and_expires() {
        let now = 1_800_000_000_000;
        let text = sample().to_storage(now);
        assert_eq!(Draft::from_storage(&text, now + DAY), Some(sample()));
        assert_eq!(Draft::from_storage(&text, now + 30 * DAY), Some(sample()));
        assert_eq!(Draft::from_storage(&text, now + 30 * DAY + 1), None);
        assert_eq!(Draft::from_storage(&text, now - 1), Some(sample()), "clock set back a little");
        assert_eq!(Draft::from_storage(&text, now - DAY - 1), None);
    }

    #[test]
    fn every_field_survives_the_round_trip() {
        use crate::domain::signup::{ContactChannel, ContactTime, Situation};
        use crate::domain::territory::CommuneChoice;
        let mut draft = sample();
        draft.answers.insert("skills".into(), vec!["a".into(), "b".into()]);
        draft.eligibility = EligibilityForm {
            day: "1".into(),
            month: "2".into(),
            year: "2005".into(),
            at_school: Some(false),
            commune_query: "st rom".into(),
            commune: Some(CommuneChoice { insee: "76647".into(), postcode: "76430".into() }),
            elsewhere: true,
        };
        draft.details = SignupForm {
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            phone: "06 12 34 56 78".into(),
            email: "lea@example.fr".into(),
            situation: Some(Situation::Other),
            situation_other: "Service civique".into(),
            contact_channel: Some(ContactChannel::Sms),
            contact_time: Some(ContactTime::AnyTime),
            followed: Some(crate::domain::signup::Followed::Yes),
            followed_by: "Mme Diallo".into(),
            idea: "Un food truck".into(),
            pathway: "collective".into(),
            share_answers: true,
            website: "x".into(),
        };
        draft.source =
            Source { counsellor: Some("c12".into()), campaign: Some("forum".into()), channel: Some("sms".into()) };
        draft.allow_outside_territory = true;
        draft.started_at_ms = Some(1_799_999_000_000);
        draft.ids = Some(SignupIds {
            reference: "ABCD3467".into(),
            idempotency_key: "12345678-9abc-4ef0-9234-56789abcdef0".into(),
        });
        let now = 1_800_000_000_000;
        assert_eq!(Draft::from_storage(&draft.to_storage(now), now), Some(draft));
    }

    #[test]
    fn a_damaged_field_loses_only_itself() {
        let text = r#"{"version": 1, "saved_at": 0, "draft": {
            "answers": {"q": ["a", 7], "r": "x"},
            "details": {"first_name": "Léa", "situation": "astronaut", "phone": 612345678},
            "eligibility": {"day": "14", "at_school": "no", "commune": "76351"},
            "source": 3, "started_at_ms": "soon"}}"#;
        let draft = Draft::from_storage(text, 0).unwrap();
        assert_eq!(draft.answers["q"], ["a"]);
        assert!(draft.answers["r"].is_empty());
        assert_eq!(draft.details.first_name, "Léa");
        assert_eq!((draft.details.situation, draft.details.phone.as_str()), (None, ""));
        assert_eq!(draft.details.pathway, crate::domain::signup::UNDECIDED);
        assert_eq!((draft.eligibility.day.as_str(), draft.eligibility.at_school), ("14", None));
        assert_eq!(draft.eligibility.commune, None);
        assert_eq!((draft.source, draft.started_at_ms), (Source::default(), None));
        // Ids that could not be sent as they are read as none (new ones are drawn).
        for ids in [
            r#"{"reference": "ABCD3467", "idempotency_key": "not a key\n"}"#,
            r#"{"reference": "abcd", "idempotency_key": "12345678-9abc-4ef0-9234-56789abcdef0"}"#,
            r#"{"reference": "ABCD3467"}"#,
        ] {
            let text = format!(r#"{{"version": 1, "saved_at": 0, "draft": {{"ids": {ids}}}}}"#);
            assert_eq!(Draft::from_storage(&text, 0).unwrap().ids, None, "{ids}");
        }
        let ids_only = Draft {
            ids: Some(SignupIds { reference: "ABCD3467".into(), idempotency_key: "k".into() }),
            ..Draft::default()
        };
        assert!(ids_only.is_empty(), "ids alone are not a journey");
    }

    #[test]
    fn the_same_answers_always_make_the_same_sign_up() {
        use crate::domain::questionnaire::QUESTIONNAIRE;
        let territory = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        let sending = |now_ms| Sending {
            territory: &territory,
            questionnaire: &QUESTIONNAIRE,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            now_ms,
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            locale: "fr",
            call_back_working_days: 5,
        };
        let mut draft = Draft::default();
        assert_eq!(draft.submission(&sending(0)), Err(NotReady::Empty));
        draft.eligibility = eligible();
        draft.ids = Some(SignupIds::draw([7; 64], [9; 16]));
        assert_eq!(draft.submission(&sending(0)), Err(NotReady::Details));
        draft.details = complete_details();
        draft.started_at_ms = Some(1_000);
        let first = draft.submission(&sending(61_000)).unwrap();
        let again = draft.submission(&sending(95_000)).unwrap();
        let ids = draft.ids.clone().unwrap();
        assert_eq!(
            (first.reference.as_str(), first.idempotency_key.as_str()),
            (ids.reference.as_str(), ids.idempotency_key.as_str())
        );
        assert_eq!((again.reference, again.idempotency_key), (first.reference, first.idempotency_key));
        assert_eq!(first.anti_spam.fill_seconds, 60);
        draft.eligibility.at_school = Some(true);
        assert_eq!(draft.submission(&sending(0)), Err(NotReady::Eligibility));
        let corrected = ids.with_new_key([1; 16]);
        assert_eq!(corrected.reference, ids.reference);
        assert_ne!(corrected.idempotency_key, ids.idempotency_key);
    }

    #[test]
    fn a_clock_put_right_restarts_the_timer_instead_of_sending_zero_seconds() {
        let mut draft = Draft::default();
        assert!(draft.check_timer(5_000), "started at the first answer");
        assert!(!draft.check_timer(9_000));
        assert_eq!(draft.started_at_ms, Some(5_000));
        // The phone's clock was an hour ahead and is put right: now is before the start.
        assert!(draft.check_timer(5_000 - 3_600_000));
        assert_eq!(draft.started_at_ms, Some(5_000 - 3_600_000));
    }

    #[test]
    fn a_correction_restarts_the_timer_empties_the_trap_and_keeps_the_reference() {
        let ids = SignupIds::draw([7; 64], [9; 16]);
        let mut draft = Draft { ids: Some(ids.clone()), started_at_ms: Some(1_000), ..Draft::default() };
        draft.details.website = "autofill".into();
        draft.details.first_name = "Léa".into();
        let corrected = draft.for_correction([1; 16], || unreachable!(), 50_000, 40);
        let new_ids = corrected.ids.clone().unwrap();
        assert_eq!(new_ids.reference, ids.reference);
        assert_ne!(new_ids.idempotency_key, ids.idempotency_key);
        assert_eq!(corrected.started_at_ms, Some(10_000), "the 40 s already spent still count");
        assert_eq!((corrected.details.website.as_str(), corrected.details.first_name.as_str()), ("", "Léa"));
        let without_ids = Draft::default().for_correction([1; 16], || ids.clone(), 0, 0);
        assert_eq!(without_ids.ids, Some(ids));
    }

    /// An eligibility page answered by a young person who may sign up.
    fn eligible() -> EligibilityForm {
        use crate::domain::territory::CommuneChoice;
        EligibilityForm {
            day: "14".into(),
            month: "3".into(),
            year: "2007".into(),
            at_school: Some(false),
            commune: Some(CommuneChoice { insee: "76351".into(), postcode: "76610".into() }),
            ..EligibilityForm::default()
        }
    }

    /// A details page with every required answer.
    fn complete_details() -> SignupForm {
        use crate::domain::signup::{ContactChannel, ContactTime, Situation};
        SignupForm {
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            phone: "06 12 34 56 78".into(),
            situation: Some(Situation::JobSeeking),
            contact_channel: Some(ContactChannel::Sms),
            contact_time: Some(ContactTime::AnyTime),
            ..SignupForm::default()
        }
    }

    #[test]
    fn each_step_is_shown_only_once_the_answers_allow_it() {
        use crate::domain::questionnaire::QUESTIONNAIRE;
        let territory = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let progress = |draft: &Draft| draft.progress(&territory, today, QUESTIONNAIRE.pathways);
        let all = [Step::Eligibility, Step::NotEligible, Step::Details, Step::Check];
        let steps = |draft: &Draft| all.map(|wanted| progress(draft).step_for(wanted));
        let mut draft = Draft::default();
        assert_eq!(progress(&draft), Progress::Eligibility);
        assert_eq!(steps(&draft), [Step::Eligibility; 4]);
        draft.eligibility = eligible();
        assert!(matches!(progress(&draft), Progress::Details(_)) && progress(&draft).may_continue());
        assert_eq!(steps(&draft), [Step::Eligibility, Step::Details, Step::Details, Step::Details]);
        draft.details = complete_details();
        assert!(matches!(progress(&draft), Progress::Complete(..)));
        assert_eq!(steps(&draft), [Step::Eligibility, Step::Details, Step::Details, Step::Check]);
        // Outside the territory: not eligible, unless a counsellor's link allows it (then the
        // not-eligible page still explains, and offers to go on).
        draft.eligibility.commune = None;
        draft.eligibility.elsewhere = true;
        assert!(matches!(progress(&draft), Progress::NotEligible(_)) && !progress(&draft).may_continue());
        assert_eq!(steps(&draft), [Step::Eligibility, Step::NotEligible, Step::Eligibility, Step::Eligibility]);
        draft.allow_outside_territory = true;
        assert!(progress(&draft).may_continue());
        assert_eq!(steps(&draft), [Step::Eligibility, Step::NotEligible, Step::Details, Step::Check]);
        // A counsellor's link does not lift the other conditions.
        draft.eligibility.at_school = Some(true);
        assert_eq!(steps(&draft), [Step::Eligibility, Step::NotEligible, Step::Eligibility, Step::Eligibility]);
    }

    #[test]
    fn a_sign_up_page_opens_with_what_it_shows_or_says_where_to_go() {
        use crate::domain::questionnaire::QUESTIONNAIRE;
        let territory = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let open = |draft: &Draft, wanted: Step| draft.progress(&territory, today, QUESTIONNAIRE.pathways).open(wanted);
        let mut draft = Draft::default();
        assert_eq!(open(&draft, Step::Eligibility), Ok(SignupPage::Eligibility));
        assert_eq!(open(&draft, Step::Check), Err(Step::Eligibility));
        draft.eligibility = eligible();
        assert_eq!(open(&draft, Step::Details), Ok(SignupPage::Details));
        assert_eq!(open(&draft, Step::NotEligible), Err(Step::Details));
        assert_eq!(open(&draft, Step::Check), Err(Step::Details));
        draft.details = complete_details();
        let answer = draft.eligibility.validate(&territory, today).unwrap();
        let details = draft.details.validate(QUESTIONNAIRE.pathways).unwrap();
        assert_eq!(open(&draft, Step::Check), Ok(SignupPage::Check(Box::new((answer, details)))));
        draft.eligibility.at_school = Some(true);
        assert_eq!(
            open(&draft, Step::NotEligible),
            Ok(SignupPage::NotEligible { problem: Ineligibility::AtSchool, may_continue: false })
        );
        assert_eq!(open(&draft, Step::Check), Err(Step::Eligibility));
        // Outside the territory with a counsellor's link: explained, and allowed on.
        draft.eligibility.at_school = Some(false);
        draft.eligibility.commune = None;
        draft.eligibility.elsewhere = true;
        draft.allow_outside_territory = true;
        assert_eq!(
            open(&draft, Step::NotEligible),
            Ok(SignupPage::NotEligible { problem: Ineligibility::OutsideTerritory, may_continue: true })
        );
    }

    #[test]
    fn continuer_on_the_eligibility_page_leads_to_the_details_only_when_every_condition_is_met() {
        let territory = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let next = |form: &EligibilityForm| Step::after_eligibility(&form.validate(&territory, today).unwrap());
        let mut form = eligible();
        assert_eq!(next(&form), Step::Details);
        form.at_school = Some(true);
        assert_eq!(next(&form), Step::NotEligible);
        // Outside the territory: the page that explains it (which lets a counsellor's link
        // through), never straight to the details.
        let mut elsewhere = eligible();
        elsewhere.commune = None;
        elsewhere.elsewhere = true;
        assert_eq!(next(&elsewhere), Step::NotEligible);
    }

    #[test]
    fn envoyer_queues_the_sign_up_or_says_where_to_go() {
        use crate::domain::questionnaire::QUESTIONNAIRE;
        let territory = Territory::parse(include_str!("../../public/communes.json")).unwrap();
        let sending = Sending {
            territory: &territory,
            questionnaire: &QUESTIONNAIRE,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            now_ms: 61_000,
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            locale: "fr",
            call_back_working_days: 5,
        };
        let mut draft = Draft::default();
        assert_eq!(draft.submit(&sending), Submit::Confirmation, "emptied by another tab");
        draft.ids = Some(SignupIds::draw([7; 64], [9; 16]));
        draft.eligibility.day = "14".into();
        assert_eq!(draft.submit(&sending), Submit::Complete(Step::Eligibility));
        draft.eligibility = eligible();
        assert_eq!(draft.submit(&sending), Submit::Complete(Step::Details));
        draft.details = complete_details();
        match draft.submit(&sending) {
            Submit::Queue(payload) => assert_eq!(payload.reference, draft.ids.unwrap().reference),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn damaged_or_foreign_drafts_are_ignored() {
        for text in [
            "",
            "{",
            "null",
            "[]",
            r#"{"version": 2, "saved_at": 0, "draft": {}}"#,
            r#"{"version": 1, "saved_at": "x"}"#,
        ] {
            assert_eq!(Draft::from_storage(text, 0), None, "{text}");
        }
        // Unknown and missing fields inside a draft are tolerated.
        let partial = r#"{"version": 1, "saved_at": 0, "draft": {"answers": {"q": ["a"]}, "later": true}}"#;
        assert_eq!(Draft::from_storage(partial, 0).unwrap().answers["q"], ["a"]);
        assert!(Draft::default().is_empty());
        assert!(!sample().is_empty());
    }

    #[test]
    fn a_link_s_attribution_alone_is_kept_but_is_not_answers() {
        let link = Draft {
            source: Source { counsellor: Some("Claire M.".into()), campaign: None, channel: Some("salon".into()) },
            allow_outside_territory: true,
            ..Draft::default()
        };
        assert!(!link.is_empty(), "the attribution is stored for the next young person");
        assert!(!link.has_answers(), "no ids are drawn for it: the tab keeps showing its sign-up");
        assert!(sample().has_answers());
        let started = Draft { started_at_ms: Some(1), ..link.clone() };
        assert!(!started.has_answers(), "a timer alone is not an answer");
        // Cleared ("Effacer mes réponses", or sent): the attribution stays, nothing else.
        let journey = Draft { source: link.source.clone(), allow_outside_territory: true, ..sample() };
        assert_eq!(journey.attribution(), link);
        assert_eq!(sample().attribution(), Draft { source: sample().source, ..Draft::default() });
    }
}
