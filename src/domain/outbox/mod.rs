//! The outbox: sign-ups waiting to reach the mission locale, and when to try again.
//!
//! A sign-up is written to the outbox (on the device) **before** the first attempt, and leaves
//! it only when the endpoint answered 2xx. Every attempt carries the same `Idempotency-Key`, so a
//! repeat after a lost answer is harmless.
//!
//! When to retry: exponential backoff with **full jitter** (a uniform wait between 0 and
//! `min(cap, base × 2^(failures − 1))`), never earlier than the endpoint's `Retry-After`.
//! Jitter matters: after an outage, thousands of phones that failed together would otherwise
//! come back together (`examples/retry_storm.rs` simulates it).
//!
//! What an answer does to an entry (see [`crate::domain::response::Outcome`]): a 2xx delivers it; a 400 or 422 refuses it
//! (kept for the young person to correct); another 4xx is the endpoint's problem (kept, tried
//! again hourly and at each start of the app, never forgotten); an answer the app cannot read (a
//! redirect) may mean received, so it is kept and **not** sent again automatically.
//!
//! Times come from the phone's clock, which can be wrong and then corrected: a new entry is due
//! at once whatever the clock says, stored times are clamped when read back
//! ([`Outbox::clamp_times`]), and no wait is longer than [`MAX_WAIT_MS`].

//! Its parts: `policy` (when to try again), `entry` (the state machine and its storage),
//! `delivered` (references remembered for a day), `status` (what the confirmation page says).

mod delivered;
mod entry;
mod policy;
mod status;

pub use delivered::{DELIVERED_KEEP_MS, Delivered, remember_delivered};
pub use entry::{Entry, EntryStatus, Moment, Outbox, Recorded, Stored};
pub use policy::{MAX_WAIT_MS, MIN_WAIT_MS, POLICY, RetryPolicy, parse_retry_after};
pub use status::SignupStatus;

/// A payload for the tests of the outbox's parts.
#[cfg(test)]
mod fixtures {
    use crate::domain::signup::{
        AntiSpam, Applicant, Consent, ContactChannel, ContactPreference, ContactTime, EligibilityFacts, PathwayChoice,
        Payload, Situation, Source,
    };

    pub fn payload(key: &str) -> Payload {
        Payload {
            schema_version: "signup-v2".into(),
            reference: "ABCD3467".into(),
            idempotency_key: key.into(),
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            summary: "Inscription de Léa".into(),
            applicant: Applicant {
                first_name: "Léa".into(),
                last_name: "Martin".into(),
                birth_date: "2007-01-01".into(),
                phone: "+33612345678".into(),
                email: None,
                commune: None,
                situation: Situation::Training,
                situation_other: None,
                commune_given: None,
                followed: None,
            },
            contact: ContactPreference {
                channel: ContactChannel::Call,
                time: ContactTime::AnyTime,
                call_back_before: "2026-12-04".into(),
            },
            idea: None,
            eligibility: EligibilityFacts {
                age: 19,
                age_eligible: true,
                left_school: true,
                commune_in_territory: false,
                counsellor_override: true,
            },
            pathway: PathwayChoice { chosen: None, suggested: None },
            self_assessment: None,
            consent: Consent { share_self_assessment: false },
            source: Source::default(),
            anti_spam: AntiSpam { honeypot: String::new(), fill_seconds: 60 },
            locale: "fr".into(),
            app_version: "0.1.0".into(),
        }
    }
}
