//! The outbox: sign-ups waiting to reach the mission locale, and when to try again.
//!
//! A sign-up is written to the outbox (on the device) **before** the first attempt, and leaves
//! it only when the endpoint answered 2xx. Every attempt carries the same `Idempotency-Key`, so a
//! repeat after a lost answer is harmless.
//!
//! When to retry: exponential backoff with **full jitter** (a uniform wait between 0 and
//! `min(cap, base × 2^(failures − 1))`), never earlier than the endpoint's `Retry-After`.
//! Jitter matters: after an outage, thousands of phones that failed together would otherwise
//! come back together (see [`simulate`] and `examples/retry_storm.rs`).
//!
//! What an answer does to an entry (see [`Outcome`]): a 2xx delivers it; a 400 or 422 refuses it
//! (kept for the young person to correct); another 4xx is the endpoint's problem (kept, tried
//! again hourly and at each start of the app, never forgotten); an answer the app cannot read (a
//! redirect) may mean received, so it is kept and **not** sent again automatically.
//!
//! Times come from the phone's clock, which can be wrong and then corrected: a new entry is due
//! at once whatever the clock says, stored times are clamped when read back
//! ([`Outbox::clamp_times`]), and no wait is longer than [`MAX_WAIT_MS`].

use serde::Serialize;
use serde_json::Value;

use super::draft::Draft;
use super::json;
use super::response::Outcome;
use super::signup::Payload;

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
    let at_ms = parse_http_date(value)?;
    Some(u64::try_from(at_ms - now_ms).unwrap_or(0))
}

/// Reads an HTTP date in the IMF-fixdate form every server sends (`Wed, 21 Oct 2015 07:28:00
/// GMT`, RFC 9110 §5.6.7) as milliseconds since 1970. Hand-written: chrono's general parser
/// would add kilobytes to the download for this one header.
pub fn parse_http_date(value: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = value.split_whitespace();
    let (_weekday, day, month, year, time, zone) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || zone != "GMT" {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
    let month = u32::try_from(MONTHS.iter().position(|m| *m == month)? + 1).ok()?;
    let mut clock = time.split(':');
    let (h, m, s) = (number(clock.next()?)?, number(clock.next()?)?, number(clock.next()?)?);
    if clock.next().is_some() {
        return None;
    }
    let year = i32::try_from(number(year)?).ok()?;
    let moment = chrono::NaiveDate::from_ymd_opt(year, month, number(day)?)?.and_hms_opt(h, m, s)?;
    Some(moment.and_utc().timestamp_millis())
}

/// Where a sign-up in the outbox stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EntryStatus {
    /// Not delivered yet; tried again automatically.
    Pending,
    /// The endpoint refused the answers (400 or 422): kept until the young person corrects them
    /// or calls the mission locale.
    Rejected { status: u16, problems: Vec<String> },
    /// The endpoint answered with its own error (401, 403, 404…): kept, tried again slowly and
    /// at each start of the app, never forgotten.
    EndpointError { status: u16 },
    /// The endpoint's answer could not be read (a redirect): it may have the sign-up. Kept (its
    /// reference for a phone call), never sent again automatically.
    Unreadable { status: u16 },
}

impl EntryStatus {
    /// Reads a stored status; `None` if it is not one this version knows.
    fn from_json(value: &Value) -> Option<EntryStatus> {
        let status = || u16::try_from(json::int(value, "status")?).ok();
        match value.get("state")?.as_str()? {
            "pending" => Some(EntryStatus::Pending),
            // Earlier versions refused on any 4xx: those that were the endpoint's problem (a 404,
            // a 403…) go back on their way.
            "rejected" => Some(match status()? {
                status @ (400 | 422) => EntryStatus::Rejected { status, problems: json::texts(value, "problems") },
                status => EntryStatus::EndpointError { status },
            }),
            "endpoint_error" => Some(EntryStatus::EndpointError { status: status()? }),
            "unreadable" => Some(EntryStatus::Unreadable { status: status()? }),
            _ => None,
        }
    }

    /// Whether the sign-up is on its way: tried again automatically.
    pub fn on_its_way(&self) -> bool {
        matches!(self, EntryStatus::Pending | EntryStatus::EndpointError { .. })
    }
}

/// Why the outbox is looked at now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// A timer set for the next due attempt: only what is due.
    Timer,
    /// The app starts: everything on its way, the backoff and the slow wait skipped (but never
    /// `Retry-After`).
    Start,
    /// Back online, the page visible again, a new sign-up: pending ones skip the backoff;
    /// endpoint errors keep their slow wait.
    Wake,
}

/// One sign-up in the outbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The body of the contract, as JSON: the outbox only reads its reference and key, and
    /// writes it back as it is (no need to know every field of every past version).
    pub payload: Value,
    /// The answers it was built from, to let the young person correct a refused sign-up.
    pub draft: Draft,
    pub created_at_ms: i64,
    /// Attempts made so far.
    pub attempts: u32,
    /// When the next automatic attempt is due.
    pub next_attempt_at_ms: i64,
    /// Not before this moment, whatever happens (the endpoint's `Retry-After`).
    pub not_before_ms: i64,
    pub status: EntryStatus,
}

impl Entry {
    /// A new sign-up, due at once whatever the clock says (a phone whose clock was ahead, then
    /// corrected, must not wait for real time to catch up).
    pub fn new(payload: &Payload, draft: Draft, now_ms: i64) -> Entry {
        Entry {
            payload: serde_json::to_value(payload).unwrap_or(Value::Null),
            draft,
            created_at_ms: now_ms,
            attempts: 0,
            next_attempt_at_ms: 0,
            not_before_ms: 0,
            status: EntryStatus::Pending,
        }
    }

    /// Reads a stored entry; `None` if one of its own fields is missing or damaged (the caller
    /// keeps it aside, untouched). The draft inside is read leniently, field by field.
    pub fn from_json(value: &Value) -> Option<Entry> {
        Some(Entry {
            payload: value.get("payload").filter(|p| p.is_object())?.clone(),
            draft: Draft::from_json(value.get("draft").filter(|d| d.is_object())?),
            created_at_ms: json::int(value, "created_at_ms")?,
            attempts: u32::try_from(json::int(value, "attempts")?).ok()?,
            next_attempt_at_ms: json::int(value, "next_attempt_at_ms")?,
            not_before_ms: json::int(value, "not_before_ms")?,
            status: EntryStatus::from_json(value.get("status")?)?,
        })
    }

    /// The Idempotency-Key of this sign-up.
    pub fn key(&self) -> &str {
        self.payload.get("idempotency_key").and_then(Value::as_str).unwrap_or_default()
    }

    /// The reference shown to the young person.
    pub fn reference(&self) -> &str {
        self.payload.get("reference").and_then(Value::as_str).unwrap_or_default()
    }

    /// Whether this entry is sent now, for this reason.
    fn is_due(&self, now_ms: i64, moment: Moment) -> bool {
        let backoff_over = now_ms >= self.next_attempt_at_ms;
        now_ms >= self.not_before_ms
            && match self.status {
                EntryStatus::Pending => backoff_over || moment != Moment::Timer,
                EntryStatus::EndpointError { .. } => backoff_over || moment == Moment::Start,
                EntryStatus::Rejected { .. } | EntryStatus::Unreadable { .. } => false,
            }
    }
}

/// What an attempt changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// The endpoint has it; the entry left the outbox.
    Delivered(Box<Entry>),
    /// Tried again at this moment.
    Scheduled { at_ms: i64 },
    /// Refused: kept, not retried.
    Rejected,
    /// The endpoint's own error: kept, tried again at this moment.
    EndpointError { at_ms: i64 },
    /// An answer that could not be read: kept, not retried.
    Unreadable,
    /// No entry with this key (another tab delivered it meanwhile).
    Unknown,
}

/// Every sign-up not delivered yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    pub entries: Vec<Entry>,
    /// Stored entries this version cannot read (a damaged write, a newer format): kept exactly as
    /// they were and written back, never dropped — they are someone's sign-up.
    pub unreadable: Vec<Value>,
}

/// Format version of the stored outbox.
const VERSION: u32 = 1;

impl Outbox {
    /// Reads the stored outbox. An entry this version cannot read is kept aside untouched (and
    /// counted in the second value) rather than lost or making the whole outbox unreadable.
    pub fn from_storage(text: &str) -> (Outbox, usize) {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return (Outbox::default(), usize::from(!text.is_empty()));
        };
        let items = value.get("entries").and_then(Value::as_array).cloned().unwrap_or_default();
        let same_version = value.get("version").and_then(Value::as_u64) == Some(u64::from(VERSION));
        let mut outbox = Outbox::default();
        for item in items {
            match Entry::from_json(&item) {
                // Without its key and reference an entry cannot be sent or shown: kept aside.
                Some(entry) if same_version && !entry.key().is_empty() && !entry.reference().is_empty() => {
                    outbox.entries.push(entry)
                }
                _ => outbox.unreadable.push(item),
            }
        }
        let unreadable = outbox.unreadable.len();
        (outbox, unreadable)
    }

    pub fn to_storage(&self) -> String {
        let mut entries: Vec<Value> = self.entries.iter().filter_map(|e| serde_json::to_value(e).ok()).collect();
        entries.extend(self.unreadable.iter().cloned());
        serde_json::json!({ "version": VERSION, "entries": entries }).to_string()
    }

    /// Whether nothing is stored (readable or not).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.unreadable.is_empty()
    }

    /// Forgets refused sign-ups (400, 422) older than `max_age_ms` (personal data should not
    /// linger on a shared phone) and returns how many. Every other entry is kept until delivered
    /// or erased by the young person: it may not have reached the mission locale.
    pub fn prune_rejected(&mut self, now_ms: i64, max_age_ms: i64) -> usize {
        let before = self.entries.len();
        self.entries.retain(|e| {
            !matches!(e.status, EntryStatus::Rejected { .. }) || now_ms.saturating_sub(e.created_at_ms) <= max_age_ms
        });
        before - self.entries.len()
    }

    /// Whether some sign-ups are stopped: refused, or maybe received ("Effacer mes réponses"
    /// offers to remove them).
    pub fn has_stopped(&self) -> bool {
        self.entries.iter().any(|e| !e.status.on_its_way())
    }

    /// Removes the stopped sign-ups ("Effacer mes réponses"): answers waiting for a correction,
    /// or maybe received. Those on their way stay.
    pub fn clear_stopped(&mut self) {
        self.entries.retain(|e| e.status.on_its_way());
    }

    /// Brings stored times back within reach of `now_ms`: a clock that was far ahead when they
    /// were written (then corrected) must not park a sign-up. Nothing stays more than the slow
    /// wait (an hour) ahead: at worst a long `Retry-After` gets one early attempt, which the
    /// endpoint answers with its `Retry-After` again.
    pub fn clamp_times(&mut self, now_ms: i64, policy: &RetryPolicy) {
        let bound = now_ms.saturating_add(i64::try_from(policy.slow_ms).unwrap_or(i64::MAX));
        for entry in &mut self.entries {
            entry.not_before_ms = entry.not_before_ms.min(bound);
            entry.next_attempt_at_ms = entry.next_attempt_at_ms.min(bound);
        }
    }

    /// Adds a sign-up; a second one with the same key is ignored.
    pub fn add(&mut self, entry: Entry) {
        if !self.entries.iter().any(|e| e.key() == entry.key()) {
            self.entries.push(entry);
        }
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key() == key)
    }

    /// Keys of the sign-ups to send now, for this reason (see [`Moment`]).
    pub fn due(&self, now_ms: i64, moment: Moment) -> Vec<String> {
        self.entries.iter().filter(|e| e.is_due(now_ms, moment)).map(|e| e.key().to_owned()).collect()
    }

    /// When the next automatic attempt is due, if any sign-up is on its way.
    pub fn next_due_ms(&self) -> Option<i64> {
        self.entries.iter().filter(|e| e.status.on_its_way()).map(|e| e.next_attempt_at_ms.max(e.not_before_ms)).min()
    }

    /// How long the runner's timer waits from `now_ms`: until the next due attempt, but not
    /// less than `at_least_ms` nor [`MIN_WAIT_MS`], and never more than [`MAX_WAIT_MS`]. `None`
    /// when nothing is on its way.
    pub fn wait_ms(&self, now_ms: i64, at_least_ms: u64) -> Option<u64> {
        let due = self.next_due_ms()?;
        let until = u64::try_from(due.saturating_sub(now_ms)).unwrap_or(0);
        Some(until.max(at_least_ms).clamp(MIN_WAIT_MS, MAX_WAIT_MS))
    }

    /// Records the result of an attempt. `random` in `[0, 1)` draws the jitter.
    pub fn record(
        &mut self,
        key: &str,
        outcome: &Outcome,
        retry_after_ms: Option<u64>,
        now_ms: i64,
        random: f64,
        policy: &RetryPolicy,
    ) -> Recorded {
        let Some(index) = self.entries.iter().position(|e| e.key() == key) else { return Recorded::Unknown };
        let entry = &mut self.entries[index];
        entry.attempts += 1;
        let not_before = |retry_after: u64| {
            now_ms.saturating_add(i64::try_from(retry_after.min(policy.max_retry_after_ms)).unwrap_or(i64::MAX))
        };
        match outcome {
            Outcome::Accepted => Recorded::Delivered(Box::new(self.entries.remove(index))),
            Outcome::Rejected { status, problems } => {
                entry.status = EntryStatus::Rejected { status: *status, problems: problems.clone() };
                Recorded::Rejected
            }
            Outcome::Unreadable { status } => {
                entry.status = EntryStatus::Unreadable { status: *status };
                Recorded::Unreadable
            }
            Outcome::EndpointError { status } => {
                entry.status = EntryStatus::EndpointError { status: *status };
                let delay = policy.slow_delay_ms(random, retry_after_ms);
                let at_ms = now_ms.saturating_add(i64::try_from(delay).unwrap_or(i64::MAX));
                entry.next_attempt_at_ms = at_ms;
                if let Some(retry_after) = retry_after_ms {
                    entry.not_before_ms = not_before(retry_after);
                }
                Recorded::EndpointError { at_ms }
            }
            Outcome::RetryLater { .. } => {
                entry.status = EntryStatus::Pending;
                let delay = policy.delay_ms(entry.attempts, random, retry_after_ms);
                let at_ms = now_ms.saturating_add(i64::try_from(delay).unwrap_or(i64::MAX));
                entry.next_attempt_at_ms = at_ms;
                if let Some(retry_after) = retry_after_ms {
                    entry.not_before_ms = not_before(retry_after);
                }
                Recorded::Scheduled { at_ms }
            }
        }
    }

    /// Takes a refused sign-up out of the outbox, to correct it.
    pub fn take(&mut self, key: &str) -> Option<Entry> {
        let index = self.entries.iter().position(|e| e.key() == key)?;
        Some(self.entries.remove(index))
    }
}

/// A sign-up the endpoint accepted, remembered for a day so the confirmation survives a reload
/// or shows up in another tab. Only the reference: no personal data stays on the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delivered {
    pub reference: String,
    pub at_ms: i64,
}

impl Delivered {
    /// Reads the stored list; what cannot be read is forgotten (it is only a reminder of a
    /// reference the endpoint already has).
    pub fn list_from_storage(text: &str) -> Vec<Delivered> {
        let value = json::parse_value(text).unwrap_or(Value::Null);
        let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
        items
            .iter()
            .filter_map(|item| {
                Some(Delivered { reference: json::opt_text(item, "reference")?, at_ms: json::int(item, "at_ms")? })
            })
            .collect()
    }
}

/// How long a delivered reference is remembered.
pub const DELIVERED_KEEP_MS: i64 = 24 * 3600 * 1000;

/// Adds a delivered reference and forgets old ones (more than a day, or beyond the last five).
pub fn remember_delivered(list: &[Delivered], reference: &str, now_ms: i64) -> Vec<Delivered> {
    let mut next: Vec<Delivered> =
        list.iter().filter(|d| d.reference != reference && now_ms - d.at_ms <= DELIVERED_KEEP_MS).cloned().collect();
    next.push(Delivered { reference: reference.to_owned(), at_ms: now_ms });
    let excess = next.len().saturating_sub(5);
    next.drain(..excess);
    next
}

/// Where a young person's sign-up stands, as the confirmation page tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignupStatus {
    /// On the device, on its way; `endpoint_error` when the endpoint's last answer was its own
    /// error (tried again slowly: the page gives the phone more prominently).
    Pending { reference: String, endpoint_error: bool },
    /// Refused by the endpoint (400, 422): to correct.
    Rejected { key: String, reference: String, problems: Vec<String> },
    /// The endpoint's answer could not be read: maybe received; never said to be sent.
    Unreadable { reference: String },
    /// Accepted (2xx): "Inscription envoyée", and only then.
    Delivered { reference: String },
    /// Nothing sent from this device recently.
    Nothing,
}

impl SignupStatus {
    fn of(entry: &Entry) -> SignupStatus {
        let reference = entry.reference().to_owned();
        match &entry.status {
            EntryStatus::Pending => SignupStatus::Pending { reference, endpoint_error: false },
            EntryStatus::EndpointError { .. } => SignupStatus::Pending { reference, endpoint_error: true },
            EntryStatus::Rejected { problems, .. } => {
                SignupStatus::Rejected { key: entry.key().to_owned(), reference, problems: problems.clone() }
            }
            EntryStatus::Unreadable { .. } => SignupStatus::Unreadable { reference },
        }
    }

    /// The reference to show, if any.
    pub fn reference(&self) -> Option<&str> {
        match self {
            SignupStatus::Pending { reference, .. }
            | SignupStatus::Rejected { reference, .. }
            | SignupStatus::Unreadable { reference }
            | SignupStatus::Delivered { reference } => Some(reference),
            SignupStatus::Nothing => None,
        }
    }
}

impl Outbox {
    /// The status to show: the sign-up sent from this tab (`mine`, its reference) wherever it
    /// is; otherwise (a reload, another tab) one that needs the young person (refused, maybe
    /// received), then one on its way, then the last delivered reference.
    pub fn status(&self, delivered: &[Delivered], mine: Option<&str>) -> SignupStatus {
        if let Some(mine) = mine {
            if let Some(entry) = self.entries.iter().find(|e| e.reference() == mine) {
                return SignupStatus::of(entry);
            }
            if delivered.iter().any(|d| d.reference == mine) {
                return SignupStatus::Delivered { reference: mine.to_owned() };
            }
        }
        let stopped = self.entries.iter().rev().find(|e| !e.status.on_its_way());
        let on_its_way = self.entries.iter().rev().find(|e| e.status.on_its_way());
        match (stopped.or(on_its_way), delivered.last()) {
            (Some(entry), _) => SignupStatus::of(entry),
            (None, Some(last)) => SignupStatus::Delivered { reference: last.reference.clone() },
            (None, None) => SignupStatus::Nothing,
        }
    }

    /// References of the sign-ups still on this device, oldest first (listed when the
    /// configuration is broken, with the phone number).
    pub fn references(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.reference().to_owned()).collect()
    }
}

/// What a simulated retry storm produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StormReport {
    /// Most requests the endpoint received in one second.
    pub peak_per_second: usize,
    /// Most requests in one second once the endpoint is back.
    pub peak_after_recovery: usize,
    /// Seconds, once the endpoint is back, in which more phones called than it could serve.
    pub seconds_over_capacity: usize,
    pub total_requests: usize,
    /// When the last sign-up was delivered (ms after the outage began).
    pub last_delivery_ms: u64,
}

/// Simulates `devices` phones that each send one sign-up during an outage of `outage_ms` (the
/// endpoint answers 503 until then, and can take `capacity_per_second` requests once back; the
/// rest get 503 too), all starting within the first `spread_ms`. With `jitter` false, each waits
/// exactly the ceiling (plain exponential backoff), which keeps failures in lockstep.
pub fn simulate(
    devices: usize,
    outage_ms: u64,
    spread_ms: u64,
    capacity_per_second: usize,
    jitter: bool,
    seed: u64,
) -> StormReport {
    let mut rng = seed.max(1);
    let mut random = move || {
        // xorshift64*: deterministic and good enough for a load picture.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    };
    let policy = POLICY;
    // (next attempt time, failures so far) per device still waiting.
    let mut pending: Vec<(u64, u32)> = (0..devices).map(|_| ((random() * spread_ms as f64) as u64, 0)).collect();
    let mut per_second: Vec<usize> = Vec::new();
    let (mut total, mut last_delivery) = (0, 0);
    while !pending.is_empty() {
        pending.sort_unstable();
        let second = (pending[0].0 / 1000) as usize;
        let end = (second as u64 + 1) * 1000;
        let batch: Vec<(u64, u32)> = pending.iter().copied().take_while(|(at, _)| *at < end).collect();
        pending.drain(..batch.len());
        if per_second.len() <= second {
            per_second.resize(second + 1, 0);
        }
        per_second[second] += batch.len();
        total += batch.len();
        let mut served = 0;
        for (at, failures) in batch {
            let accepted = at >= outage_ms && served < capacity_per_second;
            if accepted {
                served += 1;
                last_delivery = last_delivery.max(at);
            } else {
                let failures = failures + 1;
                let wait = if jitter { policy.backoff_ms(failures, random()) } else { policy.ceiling_ms(failures) };
                pending.push((at + wait, failures));
            }
        }
    }
    let recovery_second = (outage_ms / 1000) as usize;
    StormReport {
        peak_per_second: per_second.iter().copied().max().unwrap_or(0),
        peak_after_recovery: per_second.iter().skip(recovery_second).copied().max().unwrap_or(0),
        seconds_over_capacity: per_second.iter().skip(recovery_second).filter(|n| **n > capacity_per_second).count(),
        total_requests: total,
        last_delivery_ms: last_delivery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::signup::{
        AntiSpam, Applicant, Consent, ContactChannel, ContactPreference, ContactTime, EligibilityFacts, PathwayChoice,
        Situation, Source,
    };

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

    fn payload(key: &str) -> Payload {
        Payload {
            schema_version: "signup-v2".into(),
            reference: "ABCD3467".into(),
            idempotency_key: key.into(),
            submitted_at: "2026-11-27T16:08:42+01:00".into(),
            applicant: Applicant {
                first_name: "Léa".into(),
                last_name: "Martin".into(),
                birth_date: "2007-01-01".into(),
                phone: "+33612345678".into(),
                email: None,
                commune: None,
                situation: Situation::Training,
                situation_other: None,
            },
            contact: ContactPreference { channel: ContactChannel::Call, time: ContactTime::AnyTime },
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

    #[test]
    fn an_entry_goes_from_pending_to_delivered_with_backoff_between() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 1_000));
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 1_000));
        assert_eq!(outbox.entries.len(), 1, "same key once");
        assert_eq!(outbox.due(1_000, Moment::Timer), ["k1"]);
        let retry = Outcome::RetryLater { status: Some(500) };
        assert_eq!(outbox.record("k1", &retry, None, 1_000, 0.5, &POLICY), Recorded::Scheduled { at_ms: 2_000 });
        assert!(outbox.due(1_999, Moment::Timer).is_empty());
        assert_eq!(outbox.due(1_999, Moment::Wake), ["k1"], "an early attempt skips the backoff");
        assert_eq!(outbox.record("k1", &retry, Some(5_000), 2_000, 0.5, &POLICY), Recorded::Scheduled { at_ms: 7_000 });
        assert!(outbox.due(6_999, Moment::Start).is_empty(), "but never before Retry-After");
        assert_eq!(outbox.next_due_ms(), Some(7_000));
        match outbox.record("k1", &Outcome::Accepted, None, 7_000, 0.5, &POLICY) {
            Recorded::Delivered(entry) => assert_eq!(entry.attempts, 3),
            other => panic!("{other:?}"),
        }
        assert!(outbox.is_empty());
        assert_eq!(outbox.record("k1", &Outcome::Accepted, None, 7_000, 0.5, &POLICY), Recorded::Unknown);
    }

    #[test]
    fn a_refused_entry_is_kept_and_never_due() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 0));
        let refused = Outcome::Rejected { status: 400, problems: vec!["Numéro déjà inscrit".into()] };
        assert_eq!(outbox.record("k1", &refused, None, 0, 0.5, &POLICY), Recorded::Rejected);
        assert!(outbox.due(i64::MAX, Moment::Start).is_empty());
        assert_eq!(outbox.next_due_ms(), None);
        assert!(matches!(outbox.get("k1").unwrap().status, EntryStatus::Rejected { status: 400, .. }));
        assert_eq!(outbox.take("k1").unwrap().key(), "k1");
        assert!(outbox.is_empty());
    }

    #[test]
    fn survives_storage_and_never_drops_an_entry_it_cannot_read() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 0));
        outbox.add(Entry::new(&payload("k2"), Draft::default(), 0));
        let text = outbox.to_storage();
        assert_eq!(Outbox::from_storage(&text), (outbox.clone(), 0));
        // A damaged entry is kept aside and written back as it was.
        let damaged = text.replacen("\"k2\"", "42", 1);
        let (read, unreadable) = Outbox::from_storage(&damaged);
        assert_eq!((read.entries.len(), unreadable), (1, 1));
        let again = Outbox::from_storage(&read.to_storage()).0;
        assert_eq!(again.unreadable, read.unreadable);
        assert!(!again.is_empty());
        // Another version's outbox is kept whole, unread.
        let newer = text.replacen("\"version\":1", "\"version\":9", 1);
        let (read, unreadable) = Outbox::from_storage(&newer);
        assert_eq!((read.entries.len(), unreadable), (0, 2));
        assert_eq!(Outbox::from_storage(""), (Outbox::default(), 0));
        assert_eq!(Outbox::from_storage("{"), (Outbox::default(), 1));
    }

    #[test]
    fn a_refused_entry_round_trips_and_damaged_fields_are_kept_aside() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 5));
        let refused = Outcome::Rejected { status: 422, problems: vec!["Téléphone invalide".into()] };
        outbox.record("k1", &refused, None, 7, 0.5, &POLICY);
        let text = outbox.to_storage();
        assert_eq!(Outbox::from_storage(&text), (outbox.clone(), 0));
        for (from, to) in [
            ("\"attempts\":1", "\"attempts\":-1"),
            ("\"state\":\"rejected\"", "\"state\":\"lost\""),
            ("\"status\":422", "\"status\":70000"),
            ("\"created_at_ms\":5", "\"created_at_ms\":\"5\""),
        ] {
            assert!(text.contains(from), "{from} in {text}");
            let (read, unreadable) = Outbox::from_storage(&text.replacen(from, to, 1));
            assert_eq!((read.entries.len(), unreadable), (0, 1), "{to}");
        }
    }

    #[test]
    fn delivered_references_read_back_and_damage_is_forgotten() {
        let list = remember_delivered(&[], "ABCD3467", 10);
        let text = serde_json::to_string(&list).unwrap();
        assert_eq!(Delivered::list_from_storage(&text), list);
        assert!(Delivered::list_from_storage("{").is_empty());
        assert_eq!(Delivered::list_from_storage(r#"[{"reference": 1}, {"reference": "X", "at_ms": 3}]"#).len(), 1);
    }

    #[test]
    fn a_sign_up_queued_by_the_previous_version_is_sent_as_it_was() {
        // signup-v1: marks out of 100 in self_assessment.scores. The outbox keeps JSON, so the
        // entry reads back and its payload goes out unchanged (the endpoint accepts both).
        let mut value = serde_json::to_value(Entry::new(&payload("k1"), Draft::default(), 0)).unwrap();
        value["payload"]["schema_version"] = "signup-v1".into();
        value["payload"]["self_assessment"] = serde_json::json!({
            "questionnaire_version": "2026-11",
            "scores": {"idea": 67, "availability": 33},
            "answers": {"availability_constraints": ["none"]}
        });
        let text = serde_json::json!({ "version": 1, "entries": [value.clone()] }).to_string();
        let (read, unreadable) = Outbox::from_storage(&text);
        assert_eq!((read.entries.len(), unreadable), (1, 0));
        assert_eq!(read.entries[0].payload, value["payload"]);
        assert_eq!(read.due(0, Moment::Start), ["k1"]);
    }

    #[test]
    fn an_entry_saved_before_the_anti_spam_field_still_reads() {
        let mut value = serde_json::to_value(Entry::new(&payload("k1"), Draft::default(), 0)).unwrap();
        value["payload"].as_object_mut().unwrap().remove("anti_spam");
        let text = serde_json::json!({ "version": 1, "entries": [value] }).to_string();
        let (read, unreadable) = Outbox::from_storage(&text);
        assert_eq!((read.entries.len(), unreadable), (1, 0));
        assert_eq!((read.entries[0].key(), read.entries[0].reference()), ("k1", "ABCD3467"));
    }

    #[test]
    fn old_refusals_are_forgotten_pending_sign_ups_never() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("pending"), Draft::default(), 0));
        outbox.add(Entry::new(&payload("refused"), Draft::default(), 0));
        let refused = Outcome::Rejected { status: 400, problems: Vec::new() };
        outbox.record("refused", &refused, None, 0, 0.5, &POLICY);
        assert_eq!(outbox.prune_rejected(1_000, 1_000), 0);
        assert_eq!(outbox.prune_rejected(1_001, 1_000), 1);
        assert_eq!(outbox.entries.len(), 1);
        outbox.add(Entry::new(&payload("refused-2"), Draft::default(), 0));
        outbox.record("refused-2", &refused, None, 0, 0.5, &POLICY);
        outbox.add(Entry::new(&payload("unreadable"), Draft::default(), 0));
        outbox.record("unreadable", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY);
        outbox.add(Entry::new(&payload("endpoint"), Draft::default(), 0));
        outbox.record("endpoint", &Outcome::EndpointError { status: 404 }, None, 0, 0.5, &POLICY);
        // Years later: only refusals are forgotten, nothing that may not have arrived.
        assert_eq!(outbox.prune_rejected(i64::MAX, 1_000), 1);
        assert!(outbox.has_stopped());
        outbox.clear_stopped();
        assert!(!outbox.has_stopped());
        assert_eq!(outbox.entries.iter().map(Entry::key).collect::<Vec<_>>(), ["pending", "endpoint"]);
    }

    #[test]
    fn an_unreadable_answer_is_kept_and_never_sent_again_automatically() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 0));
        assert_eq!(
            outbox.record("k1", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY),
            Recorded::Unreadable
        );
        for moment in [Moment::Timer, Moment::Start, Moment::Wake] {
            assert!(outbox.due(i64::MAX, moment).is_empty(), "{moment:?}");
        }
        assert_eq!(outbox.next_due_ms(), None);
        assert_eq!(outbox.get("k1").unwrap().status, EntryStatus::Unreadable { status: 0 });
        let text = outbox.to_storage();
        assert_eq!(Outbox::from_storage(&text).0, outbox, "survives a reload");
    }

    #[test]
    fn an_endpoint_error_is_tried_again_hourly_and_at_each_start() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 0));
        let recorded = outbox.record("k1", &Outcome::EndpointError { status: 403 }, None, 1_000, 0.0, &POLICY);
        assert_eq!(recorded, Recorded::EndpointError { at_ms: 1_000 + POLICY.slow_ms as i64 / 2 });
        let later = 1_000 + 60_000;
        assert!(outbox.due(later, Moment::Timer).is_empty(), "not within a minute");
        assert!(outbox.due(later, Moment::Wake).is_empty(), "not at each glance at the page");
        assert_eq!(outbox.due(later, Moment::Start), ["k1"], "at each start of the app");
        assert_eq!(outbox.due(1_000 + POLICY.slow_ms as i64, Moment::Timer), ["k1"], "within the hour");
        // The endpoint is back but busy: an ordinary retry again.
        outbox.record("k1", &Outcome::RetryLater { status: Some(503) }, None, later, 0.5, &POLICY);
        assert_eq!(outbox.get("k1").unwrap().status, EntryStatus::Pending);
        assert!((POLICY.slow_ms - 5..POLICY.slow_ms).contains(&POLICY.slow_delay_ms(0.999_999, None)));
        assert_eq!(POLICY.slow_delay_ms(0.5, Some(u64::MAX)), POLICY.max_retry_after_ms);
    }

    #[test]
    fn refusals_of_earlier_versions_that_were_the_endpoints_problem_go_back_on_their_way() {
        let mut outbox = Outbox::default();
        for key in ["k404", "k422"] {
            outbox.add(Entry::new(&payload(key), Draft::default(), 0));
        }
        let text = outbox.to_storage();
        let old = text
            .replacen(r#"{"state":"pending"}"#, r#"{"state":"rejected","status":404,"problems":[]}"#, 1)
            .replacen(r#"{"state":"pending"}"#, r#"{"state":"rejected","status":422,"problems":["Téléphone"]}"#, 1);
        let (read, unreadable) = Outbox::from_storage(&old);
        assert_eq!(unreadable, 0);
        assert_eq!(read.get("k404").unwrap().status, EntryStatus::EndpointError { status: 404 });
        assert!(matches!(read.get("k422").unwrap().status, EntryStatus::Rejected { status: 422, .. }));
        assert_eq!(read.due(0, Moment::Start), ["k404"]);
    }

    #[test]
    fn a_wrong_clock_never_parks_a_sign_up() {
        // Queued while the phone's clock was a year ahead, then the clock was corrected.
        let year_ms = 365 * 24 * 3600 * 1000;
        let now = 1_800_000_000_000;
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("new"), Draft::default(), now + year_ms));
        assert_eq!(outbox.due(now, Moment::Timer), ["new"], "a new entry is due at once");
        outbox.add(Entry::new(&payload("stored"), Draft::default(), now + year_ms));
        outbox.record("stored", &Outcome::RetryLater { status: Some(503) }, Some(1_000), now + year_ms, 0.5, &POLICY);
        outbox.record("new", &Outcome::RetryLater { status: Some(503) }, Some(u64::MAX), now + year_ms, 0.5, &POLICY);
        let (mut read, _) = Outbox::from_storage(&outbox.to_storage());
        read.clamp_times(now, &POLICY);
        for entry in &read.entries {
            assert!(entry.not_before_ms <= now + POLICY.slow_ms as i64, "{entry:?}");
            assert!(entry.next_attempt_at_ms <= now + POLICY.slow_ms as i64, "{entry:?}");
        }
        assert_eq!(read.due(now + POLICY.slow_ms as i64, Moment::Timer), ["new", "stored"]);
        // Timer waits are capped: never the i32 overflow of a browser timer (24.8 days → 0 ms).
        assert_eq!(outbox.wait_ms(now, 0), Some(MAX_WAIT_MS));
        assert_eq!(outbox.wait_ms(i64::MIN, 0), Some(MAX_WAIT_MS), "no overflow");
        assert_eq!(outbox.wait_ms(i64::MAX, 0), Some(MIN_WAIT_MS), "overdue: soon, but never a busy loop");
        assert_eq!(outbox.wait_ms(i64::MAX, 3_000), Some(3_000));
        assert_eq!(Outbox::default().wait_ms(now, 0), None);
    }

    #[test]
    fn the_status_shown_follows_this_tabs_sign_up_then_what_needs_the_young_person() {
        let with_reference = |key: &str, reference: &str| {
            let mut p = payload(key);
            p.reference = reference.into();
            Entry::new(&p, Draft::default(), 0)
        };
        let mut outbox = Outbox::default();
        assert_eq!(outbox.status(&[], None), SignupStatus::Nothing);
        let delivered = remember_delivered(&[], "DONE3467", 0);
        assert_eq!(outbox.status(&delivered, None), SignupStatus::Delivered { reference: "DONE3467".into() });
        outbox.add(with_reference("k1", "PEND3467"));
        let pending = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: false };
        assert_eq!(outbox.status(&delivered, None), pending);
        assert_eq!(
            outbox.status(&delivered, Some("DONE3467")),
            SignupStatus::Delivered { reference: "DONE3467".into() }
        );
        outbox.record("k1", &Outcome::EndpointError { status: 403 }, None, 0, 0.5, &POLICY);
        let endpoint = SignupStatus::Pending { reference: "PEND3467".into(), endpoint_error: true };
        assert_eq!(outbox.status(&[], None), endpoint);
        outbox.add(with_reference("k2", "MAYB3467"));
        outbox.record("k2", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY);
        let unreadable = SignupStatus::Unreadable { reference: "MAYB3467".into() };
        assert_eq!(outbox.status(&[], None), unreadable, "what needs the young person first");
        assert_eq!(outbox.status(&[], Some("PEND3467")), endpoint, "but this tab's own sign-up wins");
        assert_eq!(unreadable.reference(), Some("MAYB3467"));
        assert_eq!(outbox.references(), ["PEND3467", "MAYB3467"]);
    }

    #[test]
    fn delivered_references_are_kept_a_day_and_five_at_most() {
        let mut list = Vec::new();
        for (i, reference) in ["A", "B", "C", "D", "E", "F"].iter().enumerate() {
            list = remember_delivered(&list, reference, i as i64);
        }
        assert_eq!(list.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["B", "C", "D", "E", "F"]);
        let later = remember_delivered(&list, "G", DELIVERED_KEEP_MS + 3);
        assert_eq!(later.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["D", "E", "F", "G"]);
        assert_eq!(remember_delivered(&later, "G", DELIVERED_KEEP_MS + 3).len(), 4, "no duplicates");
    }

    #[test]
    fn jitter_spreads_the_load_after_an_outage() {
        // 2,000 phones try during a 60 s outage; the endpoint then takes 200 requests a second.
        let plain = simulate(2_000, 60_000, 5_000, 200, false, 7);
        let jittered = simulate(2_000, 60_000, 5_000, 200, true, 7);
        eprintln!("without jitter: {plain:?}\nwith jitter:    {jittered:?}");
        assert!(
            jittered.peak_after_recovery * 2 < plain.peak_after_recovery,
            "with jitter {jittered:?}, without {plain:?}"
        );
        assert!(jittered.seconds_over_capacity < plain.seconds_over_capacity, "fewer overloaded seconds");
        assert!(plain.total_requests.min(jittered.total_requests) > 2_000, "everyone retried at least once");
    }
}
