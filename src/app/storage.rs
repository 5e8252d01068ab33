//! Device storage (`localStorage`): the only module that touches it.
//!
//! Storage can be missing or refuse writes (private browsing, full quota, disabled by the user):
//! every function here fails quietly and says so in its return value, and the app keeps working
//! online without it.

use leptos::prelude::window;

/// Keys, all prefixed so that several apps on one origin never collide.
pub mod keys {
    /// Contact details from the last configuration that worked (no personal data).
    pub const CONTACT_FALLBACK: &str = "labo.contact";
    /// The journey in progress (answers and forms); removed once the sign-up is sent.
    pub const DRAFT: &str = "labo.draft";
    /// The endpoint settings of the last configuration that worked (no personal data), so that
    /// pending sign-ups still leave on a day config.json is broken.
    pub const ENDPOINT: &str = "labo.endpoint";
    /// Sign-ups not yet accepted by the endpoint, one key each: `labo.outbox.<Idempotency-Key>`
    /// (personal data, removed on delivery). One key per sign-up makes every change of the
    /// outbox one write of one key: tabs never undo each other's changes.
    pub const OUTBOX_PREFIX: &str = "labo.outbox.";
    /// The outbox of earlier versions, all sign-ups under one key: moved to their own keys.
    pub const LEGACY_OUTBOX: &str = "labo.outbox";
    /// Where an earlier outbox this version cannot read is kept, as it was (`.<hash of the text>`).
    pub const KEPT_OUTBOX_PREFIX: &str = "labo.outbox-kept.";
    /// References delivered in the last day, one key each: `labo.delivered.<reference>` (no
    /// personal data).
    pub const DELIVERED_PREFIX: &str = "labo.delivered.";
    /// The delivered references of earlier versions, as one list.
    pub const LEGACY_DELIVERED: &str = "labo.delivered";
    /// The language chosen with the switch (no personal data).
    pub const LANGUAGE: &str = "labo.lang";
    /// Written and removed at start-up to find out whether storage works.
    const PROBE: &str = "labo.probe";

    pub(super) fn probe() -> &'static str {
        PROBE
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The stored text, if storage works and the key exists.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a text; `false` when the device refused.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Every stored `(key without the prefix, text)` whose key starts with `prefix`.
pub fn read_prefixed(prefix: &str) -> Vec<(String, String)> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(prefix)?.to_owned();
            Some((rest, storage.get_item(&key).ok().flatten()?))
        })
        .collect()
}

/// Removes a key; nothing happens if storage is unavailable.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Whether this device lets the app keep anything (false in some private modes, with storage
/// disabled, or with a full quota).
pub fn works() -> bool {
    let key = keys::probe();
    let ok = write(key, "1") && read(key).as_deref() == Some("1");
    remove(key);
    ok
}
