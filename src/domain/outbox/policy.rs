//! When to try again: exponential backoff with full jitter, never before `Retry-After`, an hour
//! after an endpoint error; and how long a timer may wait.

/// Backoff settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Ceiling of the first wait.
    pub base_ms: u64,
    /// Largest ceiling, however many failures.
    pub cap_ms: u64,
    /// Shortest wait, so that a draw of 0 never makes a busy loop.
    pub floor_ms: u64,
    /// Longest `Retry-After` obeyed (a wrong header must not park a sign-up for a year).
    pub max_retry_after_ms: u64,
    /// The wait after an endpoint error (a 401, 403, 404…): it will not fix itself in seconds.
    pub slow_ms: u64,
}

/// The app's policy: 2 s, 4 s, 8 s… up to 5 minutes; an hour after an endpoint error.
pub const POLICY: RetryPolicy =
    RetryPolicy { base_ms: 2_000, cap_ms: 300_000, floor_ms: 250, max_retry_after_ms: 86_400_000, slow_ms: 3_600_000 };

/// The longest a timer waits before looking at the outbox again (a clock corrected meanwhile, a
/// stored time far ahead: the runner looks again at least this often). Also far below the 24.8
/// days where a browser timer overflows.
pub const MAX_WAIT_MS: u64 = 3_600_000;
/// The shortest wait between two looks, so that nothing ever spins.
pub const MIN_WAIT_MS: u64 = 100;

impl RetryPolicy {
    /// The longest wait after `failures` failed attempts (1 for the first failure).
    pub fn ceiling_ms(&self, failures: u32) -> u64 {
        let exponent = failures.saturating_sub(1).min(32);
        self.base_ms.saturating_mul(1u64 << exponent).min(self.cap_ms)
    }

    /// A wait drawn uniformly in `[floor, ceiling]`; `random` is in `[0, 1)`.
    pub fn backoff_ms(&self, failures: u32, random: f64) -> u64 {
        let ceiling = self.ceiling_ms(failures);
        let drawn = (random.clamp(0.0, 1.0) * ceiling as f64) as u64;
        drawn.clamp(self.floor_ms.min(ceiling), ceiling)
    }

    /// The wait before the next attempt: the jittered backoff, but never less than Retry-After.
    pub fn delay_ms(&self, failures: u32, random: f64, retry_after_ms: Option<u64>) -> u64 {
        let backoff = self.backoff_ms(failures, random);
        retry_after_ms.map_or(backoff, |r| backoff.max(r.min(self.max_retry_after_ms)))
    }

    /// The wait after an endpoint error: between half of [`RetryPolicy::slow_ms`] and all of
    /// it (jittered, like the backoff), never less than Retry-After.
    pub fn slow_delay_ms(&self, random: f64, retry_after_ms: Option<u64>) -> u64 {
        let half = self.slow_ms / 2;
        let drawn = half + (random.clamp(0.0, 1.0) * half as f64) as u64;
        retry_after_ms.map_or(drawn, |r| drawn.max(r.min(self.max_retry_after_ms)))
    }
}

/// Reads a `Retry-After` header: a number of seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`). Returns the wait in milliseconds from `now_ms`; a date in
/// the past means no wait. Anything else is ignored.
pub fn parse_retry_after(value: &str, now_ms: i64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value.parse::<u64>().unwrap_or(u64::MAX / 1000).saturating_mul(1000));
    }
    let at_ms = crate::domain::dates::parse_http_date(value)?;
    Some(u64::try_from(at_ms - now_ms).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_http_date;

    #[test]
    fn backoff_ceilings_double_up_to_the_cap() {
        let ceilings: Vec<u64> = (1..=10).map(|f| POLICY.ceiling_ms(f)).collect();
        assert_eq!(ceilings, [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
        assert_eq!(POLICY.ceiling_ms(0), 2_000);
        assert_eq!(POLICY.ceiling_ms(u32::MAX), 300_000, "no overflow");
    }

    #[test]
    fn jitter_covers_the_whole_range_and_stays_in_bounds() {
        for failures in 1..=12 {
            let ceiling = POLICY.ceiling_ms(failures);
            assert_eq!(POLICY.backoff_ms(failures, 0.0), POLICY.floor_ms);
            assert_eq!(POLICY.backoff_ms(failures, 0.999_999_9), ceiling - 1);
            assert_eq!(POLICY.backoff_ms(failures, 1.0), ceiling);
            assert_eq!(POLICY.backoff_ms(failures, 0.5), ceiling / 2);
            assert_eq!(POLICY.backoff_ms(failures, -3.0), POLICY.floor_ms, "bad randomness is clamped");
            assert_eq!(POLICY.backoff_ms(failures, f64::NAN.max(0.0)), POLICY.floor_ms);
        }
    }

    #[test]
    fn retry_after_is_a_minimum() {
        assert_eq!(POLICY.delay_ms(1, 0.1, Some(2_000)), 2_000);
        assert_eq!(POLICY.delay_ms(5, 0.9, Some(2_000)), POLICY.backoff_ms(5, 0.9));
        assert_eq!(POLICY.delay_ms(1, 0.1, Some(u64::MAX)), POLICY.max_retry_after_ms);
    }

    #[test]
    fn reads_retry_after_in_seconds_or_as_an_http_date() {
        let now = parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(now, 1_445_412_480_000);
        assert_eq!(parse_retry_after("2", now), Some(2_000));
        assert_eq!(parse_retry_after(" 120 ", now), Some(120_000));
        assert_eq!(parse_retry_after("0", now), Some(0));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now), Some(30_000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), Some(0), "a past date means now");
        assert_eq!(parse_retry_after("99999999999999999999", now), Some(u64::MAX / 1000 * 1000));
        for junk in [
            "",
            "soon",
            "-5",
            "1.5",
            "2 s",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 UTC",
            "Wed, 21 Foo 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 25:28:00 GMT",
            "Wed, 21 Oct 2015 07:28 GMT",
            "Wed, 21 Oct +2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_retry_after(junk, now), None, "{junk}");
        }
    }
}
