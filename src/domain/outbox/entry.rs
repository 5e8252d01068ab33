//! The outbox's state machine: each sign-up on the device, what an answer does to it, when it
//! is due, and how the whole outbox is stored (never dropping an entry it cannot read).

use serde::Serialize;
use serde_json::Value;

use super::policy::{MAX_WAIT_MS, MIN_WAIT_MS, RetryPolicy};
use crate::domain::draft::Draft;
use crate::domain::json;
use crate::domain::response::Outcome;
use crate::domain::signup::Payload;

/// Where a sign-up in the outbox stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EntryStatus {
    /// Not delivered yet; tried again automatically.
    Pending,
    /// Rejected: the endpoint refused the answers (400 or 422): kept until the young person corrects them
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
    /// The answers it was built from, to let the young person correct a rejected sign-up.
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

    /// The seconds its answers took to fill in, as sent (0 when unknown).
    pub fn fill_seconds(&self) -> u64 {
        self.payload.pointer("/anti_spam/fill_seconds").and_then(Value::as_u64).unwrap_or(0)
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
    /// Rejected: kept, not retried.
    Rejected,
    /// The endpoint's own error: kept, tried again at this moment.
    EndpointError { at_ms: i64 },
    /// An answer that could not be read: kept, not retried.
    Unreadable,
    /// No entry with this key (another tab delivered it meanwhile).
    Unknown,
}

/// Every sign-up not delivered yet, as this tab sees them.
///
/// On the device each sign-up is stored under its own key (`labo.outbox.<Idempotency-Key>`,
/// [`Entry::to_storage`]), so that a change of one sign-up is one write of one key: two tabs
/// changing two sign-ups at the same moment can never undo each other's change (see
/// docs/architecture.md, "Two tabs, one sign-up").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    pub entries: Vec<Entry>,
    /// Stored sign-ups this version cannot read (a damaged write, a newer format): counted, never
    /// written or removed by this version — they are someone's sign-up.
    pub unreadable: usize,
}

/// Format version of one stored sign-up.
const ENTRY_VERSION: u32 = 2;
/// Format version of the outbox of earlier versions, all sign-ups under one key.
const LEGACY_VERSION: u32 = 1;

/// What is stored under one sign-up's key, as this version reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Entry(Box<Entry>),
    /// Damaged, or of another version: left exactly as it is.
    Unreadable,
}

impl Entry {
    /// The text stored under this sign-up's own key.
    pub fn to_storage(&self) -> String {
        /// An entry as stored, with its format version.
        #[derive(Serialize)]
        struct StoredEntry<'a> {
            version: u32,
            entry: &'a Entry,
        }
        json::write(&StoredEntry { version: ENTRY_VERSION, entry: self })
    }

    /// Reads what is stored under the key `labo.outbox.<key>`: an entry of this version whose
    /// Idempotency-Key is `key` and which has a reference, or else [`Stored::Unreadable`].
    pub fn from_storage(key: &str, text: &str) -> Stored {
        let Ok(value) = json::parse_value(text) else { return Stored::Unreadable };
        if value.get("version").and_then(Value::as_u64) != Some(u64::from(ENTRY_VERSION)) {
            return Stored::Unreadable;
        }
        match value.get("entry").and_then(Entry::from_json) {
            Some(entry) if entry.key() == key && !entry.reference().is_empty() => Stored::Entry(Box::new(entry)),
            _ => Stored::Unreadable,
        }
    }
}

impl Outbox {
    /// The outbox stored one sign-up per key: `(key, text)` pairs, the key without its prefix.
    pub fn from_stored<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> Outbox {
        let mut outbox = Outbox::default();
        for (key, text) in items {
            match Entry::from_storage(key, text) {
                Stored::Entry(entry) => outbox.add(*entry),
                Stored::Unreadable => outbox.unreadable += 1,
            }
        }
        outbox
    }

    /// Reads the outbox of earlier versions (all sign-ups under `labo.outbox`), to move its
    /// sign-ups to their own keys. Returns them and how many items could not be read: then the
    /// caller keeps the whole text aside, as it was, before it writes anything.
    pub fn from_legacy(text: &str) -> (Vec<Entry>, usize) {
        let Ok(value) = json::parse_value(text) else {
            return (Vec::new(), usize::from(!text.is_empty()));
        };
        let items = value.get("entries").and_then(Value::as_array).cloned().unwrap_or_default();
        let same_version = value.get("version").and_then(Value::as_u64) == Some(u64::from(LEGACY_VERSION));
        let (mut entries, mut unreadable) = (Vec::new(), usize::from(items.is_empty() && !same_version));
        for item in items {
            match Entry::from_json(&item) {
                // Without its key and reference an entry cannot be sent or shown: kept aside.
                Some(entry) if same_version && !entry.key().is_empty() && !entry.reference().is_empty() => {
                    entries.push(entry)
                }
                _ => unreadable += 1,
            }
        }
        (entries, unreadable)
    }

    /// The name under which an outbox this version cannot read is kept aside: a hash of its
    /// text (FNV-1a, 64 bits), so the same text is kept once however often the app starts.
    pub fn kept_name(text: &str) -> String {
        let hash =
            text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        format!("{hash:016x}")
    }

    /// This tab's view after another tab changed the device's outbox: what is stored now, plus
    /// the sign-ups that live only in this tab (`here_only`: keys the device refused to keep),
    /// merged by key. Never a replacement: a sign-up kept in this tab alone is not lost because
    /// another tab wrote.
    /// For those keys this tab's copy wins over an older copy the device still holds (the
    /// device refused the later write: a stored "pending" must not undo a recorded refusal).
    pub fn merged(mut stored: Outbox, here: &Outbox, here_only: &[String]) -> Outbox {
        for entry in &here.entries {
            if here_only.iter().any(|k| k == entry.key()) {
                stored.take(entry.key());
                stored.add(entry.clone());
            }
        }
        stored
    }

    /// Number of sign-ups waiting on this device, readable or not (said without personal data
    /// to whoever opens the confirmation page without a reference of their own).
    pub fn waiting(&self) -> usize {
        self.entries.len() + self.unreadable
    }

    /// Whether nothing is stored (readable or not).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.unreadable == 0
    }

    /// Forgets rejected sign-ups (400, 422) older than `max_age_ms` (personal data should not
    /// linger on a shared phone) and returns their keys (to remove them from the device). Every
    /// other entry is kept until delivered or erased by the young person: it may not have reached
    /// the mission locale.
    pub fn prune_rejected(&mut self, now_ms: i64, max_age_ms: i64) -> Vec<String> {
        let old = |e: &Entry| {
            matches!(e.status, EntryStatus::Rejected { .. }) && now_ms.saturating_sub(e.created_at_ms) > max_age_ms
        };
        let keys = self.entries.iter().filter(|e| old(e)).map(|e| e.key().to_owned()).collect();
        self.entries.retain(|e| !old(e));
        keys
    }

    /// Whether this tab's own sign-up (`mine`, its reference) is stopped: refused, or maybe
    /// received ("Effacer mes réponses" offers to remove it; never someone else's).
    pub fn has_stopped(&self, mine: Option<&str>) -> bool {
        self.entries.iter().any(|e| Some(e.reference()) == mine && !e.status.on_its_way())
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
            Outcome::Delivered => Recorded::Delivered(Box::new(self.entries.remove(index))),
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

    /// Puts a maybe-received sign-up back on its way, at the young person's request (after the
    /// deployer fixed the address that answered with a redirect): same key, due at once, so an
    /// endpoint that already has it answers with the first result and stores nothing new.
    /// Returns whether there was such a sign-up.
    pub fn resend(&mut self, key: &str) -> bool {
        let maybe_received = |e: &&mut Entry| e.key() == key && matches!(e.status, EntryStatus::Unreadable { .. });
        let Some(entry) = self.entries.iter_mut().find(maybe_received) else { return false };
        entry.status = EntryStatus::Pending;
        entry.next_attempt_at_ms = 0;
        entry.not_before_ms = 0;
        true
    }

    /// Takes a rejected sign-up out of the outbox, to correct it.
    pub fn take(&mut self, key: &str) -> Option<Entry> {
        let index = self.entries.iter().position(|e| e.key() == key)?;
        Some(self.entries.remove(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outbox::POLICY;
    use crate::domain::outbox::fixtures::payload;

    /// Each entry written under its own key, then read back as a tab would.
    fn reread(outbox: &Outbox) -> Outbox {
        let stored: Vec<(String, String)> =
            outbox.entries.iter().map(|e| (e.key().to_owned(), e.to_storage())).collect();
        Outbox::from_stored(stored.iter().map(|(k, t)| (k.as_str(), t.as_str())))
    }

    /// The outbox as earlier versions stored it, every sign-up under one key.
    fn legacy(outbox: &Outbox) -> String {
        let entries: Vec<Value> = outbox.entries.iter().map(|e| serde_json::to_value(e).unwrap()).collect();
        serde_json::json!({ "version": 1, "entries": entries }).to_string()
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
        match outbox.record("k1", &Outcome::Delivered, None, 7_000, 0.5, &POLICY) {
            Recorded::Delivered(entry) => assert_eq!(entry.attempts, 3),
            other => panic!("{other:?}"),
        }
        assert!(outbox.is_empty());
        assert_eq!(outbox.record("k1", &Outcome::Delivered, None, 7_000, 0.5, &POLICY), Recorded::Unknown);
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
        assert_eq!(reread(&outbox), outbox);
        // Damaged, of a newer version, or under another key than its own: counted, never read
        // (and so never written back or removed).
        let text = outbox.entries[1].to_storage();
        for bad in [text.replacen("\"k2\"", "42", 1), text.replacen("\"version\":2", "\"version\":9", 1), "{".into()] {
            assert_eq!(Entry::from_storage("k2", &bad), Stored::Unreadable, "{bad}");
        }
        assert_eq!(Entry::from_storage("k3", &text), Stored::Unreadable, "stored under another key");
        let read = Outbox::from_stored([("k1", outbox.entries[0].to_storage().as_str()), ("k2", "{")]);
        assert_eq!((read.entries.len(), read.unreadable, read.waiting()), (1, 1, 2));
        assert!(!Outbox { entries: Vec::new(), unreadable: 1 }.is_empty());
        // The outbox of earlier versions: its sign-ups move to their own keys.
        let old = legacy(&outbox);
        assert_eq!(Outbox::from_legacy(&old), (outbox.entries.clone(), 0));
        let (read, unreadable) = Outbox::from_legacy(&old.replacen("\"k2\"", "42", 1));
        assert_eq!((read.len(), unreadable), (1, 1), "a damaged item is counted: the caller keeps the text aside");
        let (read, unreadable) = Outbox::from_legacy(&old.replacen("\"version\":1", "\"version\":9", 1));
        assert_eq!((read.len(), unreadable), (0, 2), "another version's outbox is kept whole, unread");
        assert_eq!(Outbox::from_legacy(""), (Vec::new(), 0));
        assert_eq!(Outbox::from_legacy("{"), (Vec::new(), 1));
        assert_eq!(Outbox::from_legacy(r#"{"version":3,"items":{}}"#), (Vec::new(), 1), "a shape it does not know");
        assert_eq!(Outbox::kept_name(&old), Outbox::kept_name(&old.clone()), "the same text, the same name");
        assert_ne!(Outbox::kept_name(&old), Outbox::kept_name("{"));
        assert_eq!(Outbox::kept_name("").len(), 16);
    }

    #[test]
    fn a_sign_up_kept_only_in_this_tab_survives_another_tabs_change() {
        let mut here = Outbox::default();
        here.add(Entry::new(&payload("mine"), Draft::default(), 0));
        here.add(Entry::new(&payload("stored-before"), Draft::default(), 0));
        // Another tab delivered "stored-before" and added "theirs": the device now holds "theirs".
        let mut stored = Outbox::default();
        stored.add(Entry::new(&payload("theirs"), Draft::default(), 0));
        let merged = Outbox::merged(stored.clone(), &here, &["mine".to_owned()]);
        let keys: Vec<&str> = merged.entries.iter().map(Entry::key).collect();
        assert_eq!(keys, ["theirs", "mine"], "merged by key: what the device holds, plus what lives here only");
        // The device still holds an older copy of "mine" (it refused the write of the refusal).
        here.record("mine", &Outcome::Rejected { status: 400, problems: Vec::new() }, None, 0, 0.5, &POLICY);
        stored.add(Entry::new(&payload("mine"), Draft::default(), 0));
        let merged = Outbox::merged(stored, &here, &["mine".to_owned()]);
        assert!(matches!(merged.get("mine").unwrap().status, EntryStatus::Rejected { .. }), "this tab's copy wins");
        assert_eq!(merged.entries.len(), 2);
    }

    #[test]
    fn a_refused_entry_round_trips_and_damaged_fields_are_kept_aside() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("k1"), Draft::default(), 5));
        let refused = Outcome::Rejected { status: 422, problems: vec!["Téléphone invalide".into()] };
        outbox.record("k1", &refused, None, 7, 0.5, &POLICY);
        assert_eq!(reread(&outbox), outbox);
        let text = outbox.entries[0].to_storage();
        for (from, to) in [
            ("\"attempts\":1", "\"attempts\":-1"),
            ("\"state\":\"rejected\"", "\"state\":\"lost\""),
            ("\"status\":422", "\"status\":70000"),
            ("\"created_at_ms\":5", "\"created_at_ms\":\"5\""),
        ] {
            assert!(text.contains(from), "{from} in {text}");
            assert_eq!(Entry::from_storage("k1", &text.replacen(from, to, 1)), Stored::Unreadable, "{to}");
        }
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
        let (read, unreadable) = Outbox::from_legacy(&text);
        assert_eq!((read.len(), unreadable), (1, 0));
        assert_eq!(read[0].payload, value["payload"]);
        let moved = Outbox::from_stored([("k1", read[0].to_storage().as_str())]);
        assert_eq!(moved.due(0, Moment::Start), ["k1"]);
        assert_eq!(moved.entries[0].payload, value["payload"], "sent as it was");
    }

    #[test]
    fn an_entry_saved_before_the_anti_spam_field_still_reads() {
        let mut value = serde_json::to_value(Entry::new(&payload("k1"), Draft::default(), 0)).unwrap();
        value["payload"].as_object_mut().unwrap().remove("anti_spam");
        let text = serde_json::json!({ "version": 1, "entries": [value] }).to_string();
        let (read, unreadable) = Outbox::from_legacy(&text);
        assert_eq!((read.len(), unreadable), (1, 0));
        assert_eq!((read[0].key(), read[0].reference()), ("k1", "ABCD3467"));
    }

    #[test]
    fn old_refusals_are_forgotten_pending_sign_ups_never() {
        let mut outbox = Outbox::default();
        outbox.add(Entry::new(&payload("pending"), Draft::default(), 0));
        outbox.add(Entry::new(&payload("refused"), Draft::default(), 0));
        let refused = Outcome::Rejected { status: 400, problems: Vec::new() };
        outbox.record("refused", &refused, None, 0, 0.5, &POLICY);
        assert!(outbox.prune_rejected(1_000, 1_000).is_empty());
        assert_eq!(outbox.prune_rejected(1_001, 1_000), ["refused"]);
        assert_eq!(outbox.entries.len(), 1);
        outbox.add(Entry::new(&payload("refused-2"), Draft::default(), 0));
        outbox.record("refused-2", &refused, None, 0, 0.5, &POLICY);
        outbox.add(Entry::new(&payload("unreadable"), Draft::default(), 0));
        outbox.record("unreadable", &Outcome::Unreadable { status: 0 }, None, 0, 0.5, &POLICY);
        outbox.add(Entry::new(&payload("endpoint"), Draft::default(), 0));
        outbox.record("endpoint", &Outcome::EndpointError { status: 404 }, None, 0, 0.5, &POLICY);
        // Years later: only refusals are forgotten, nothing that may not have arrived.
        assert_eq!(outbox.prune_rejected(i64::MAX, 1_000), ["refused-2"]);
        assert!(outbox.has_stopped(Some("ABCD3467")));
        assert!(!outbox.has_stopped(Some("OTHR3467")), "only this tab's own");
        outbox.clear_stopped();
        assert!(!outbox.has_stopped(Some("ABCD3467")));
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
        assert_eq!(reread(&outbox), outbox, "survives a reload");
        // The young person asks to send it again (the deployer fixed the address): same key, at once.
        assert!(!outbox.resend("other"));
        assert!(outbox.resend("k1"));
        assert_eq!(outbox.due(0, Moment::Timer), ["k1"]);
        assert!(!outbox.resend("k1"), "only a maybe-received sign-up");
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
        let text = legacy(&outbox);
        let old = text
            .replacen(r#"{"state":"pending"}"#, r#"{"state":"rejected","status":404,"problems":[]}"#, 1)
            .replacen(r#"{"state":"pending"}"#, r#"{"state":"rejected","status":422,"problems":["Téléphone"]}"#, 1);
        let (entries, unreadable) = Outbox::from_legacy(&old);
        assert_eq!(unreadable, 0);
        let read = Outbox { entries, unreadable };
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
        let mut read = reread(&outbox);
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
}
