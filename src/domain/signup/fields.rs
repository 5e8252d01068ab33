//! The closed lists of the details page, with their codes in the payload and in the page.

use serde::Serialize;

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

// `code`, `ALL` and `from_code` by hand on each closed list, rather than `strum`'s derives
// (0.27.1, available offline): Measured (issue 14) in a probe wasm built like the app's (opt-level z, LTO, wasm-opt -Oz 132, brotli 11), `EnumIter` + `IntoStaticStr` + `EnumString` on the four
// lists (these three and `share::Channel`) came to 103 B *less* than this code. Not adopted
// yet, for lack of time to measure it in the app itself (the derives also add a proc-macro to
// the native build); the merger may: it is within the 1 KB rule.
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
