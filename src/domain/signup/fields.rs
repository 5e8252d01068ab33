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
