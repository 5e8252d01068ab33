//! The sign-up: the details form, its validation, and the payload sent to the mission locale's
//! endpoint (the contract in `schema/signup-v2.json`, explained in `docs/endpoint.md`).
//!
//! Its parts: `fields` (the closed lists: situation, contact channel and time, already followed), `form` (the
//! details page as typed, its fields and its validation), `payload` (what is sent), `check`
//! (what the check page shows).

mod check;
mod fields;
mod form;
mod payload;

pub use check::{Answer, CheckRow, check_rows};
pub use fields::{ContactChannel, ContactTime, Followed, Situation};
pub use form::{Field, FieldError, NameError, SignupForm, ValidDetails, check_name};
pub use payload::{
    AntiSpam, Applicant, CommunePayload, Consent, ContactPreference, EligibilityFacts, Envelope, FollowedPayload,
    PathwayChoice, Payload, SelfAssessment, SignupParts, Source,
};

/// Version of the payload contract, sent in every body so the endpoint can tell formats apart.
/// v2 (December 2026): the self-assessment is sent as levels in words, never as marks or
/// points (what the young person is told is what is sent); v1 payloads still queued on phones
/// are sent as they are (the outbox keeps JSON).
pub const SCHEMA_VERSION: &str = "signup-v2";
/// Longest first or last name accepted.
pub const NAME_MAX: usize = 50;
/// Longest phone number as typed (with spaces and dots).
pub const PHONE_MAX: usize = 25;
/// Longest name of the counsellor already following the young person.
pub const FOLLOWED_BY_MAX: usize = 60;
/// Longest "other situation" text.
pub const SITUATION_OTHER_MAX: usize = 100;
/// Longest description of the idea.
pub const IDEA_MAX: usize = 1000;
/// The pathway value meaning "I don't know yet".
pub const UNDECIDED: &str = "undecided";
