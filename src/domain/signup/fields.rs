//! The closed lists of the details page, with their codes in the payload and in the page.

use serde::Serialize;

/// What the young person does now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::VariantArray, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Situation {
    JobSeeking,
    Training,
    Employed,
    NothingYet,
    Other,
}

/// How the young person prefers to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::VariantArray, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ContactChannel {
    Call,
    Sms,
    Email,
}

/// When the young person prefers to be contacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::VariantArray, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ContactTime {
    Morning,
    Midday,
    Afternoon,
    AnyTime,
}

/// Whether the young person already has a counsellor at the mission locale: asked on the sign-up
/// form (not in the test), so that it reaches the counsellor even without the test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::VariantArray, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Followed {
    Yes,
    No,
    DontKnow,
}

/// `ALL`, `code` and `from_code` of a closed list, from `strum`'s derives: the list and the
/// codes (the same snake_case as the payload's serde names) are written once, in the enum.
/// Measured (issue 14) in the app's release wasm against the hand-written tables they replace
/// (these three lists and `share::Channel`): +227 B brotli for the young people's wasm, +86 B
/// for the counsellors' (raw: 117 B smaller), within the 1 KB a crate may cost.
macro_rules! closed_list {
    ($($list:ident),+) => {$(
        impl $list {
            /// Every value, in the order of the page.
            pub const ALL: &'static [$list] = <$list as strum::VariantArray>::VARIANTS;

            /// The value in the payload and in the page (`job_seeking`…).
            pub fn code(self) -> &'static str {
                self.into()
            }

            /// The value with this code, if any.
            pub fn from_code(code: &str) -> Option<$list> {
                $list::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    )+};
}

closed_list!(Situation, ContactChannel, ContactTime, Followed);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_the_payloads_name_and_reads_back() {
        fn check<T: Serialize + Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            code: fn(T) -> &'static str,
            read: fn(&str) -> Option<T>,
        ) {
            assert!(!all.is_empty());
            for &value in all {
                assert_eq!(serde_json::to_value(value).unwrap(), code(value), "{value:?}");
                assert_eq!(read(code(value)), Some(value));
            }
            assert_eq!(read("unknown"), None);
        }
        check(Situation::ALL, Situation::code, Situation::from_code);
        check(ContactChannel::ALL, ContactChannel::code, ContactChannel::from_code);
        check(ContactTime::ALL, ContactTime::code, ContactTime::from_code);
        check(Followed::ALL, Followed::code, Followed::from_code);
        assert_eq!(Followed::DontKnow.code(), "dont_know");
        assert_eq!(Situation::ALL.len(), 5);
        assert_eq!(ContactTime::AnyTime.code(), "any_time");
    }
}
