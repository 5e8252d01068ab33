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
    /// Sign-ups not yet accepted by the endpoint (personal data, removed on delivery).
    pub const OUTBOX: &str = "labo.outbox";
    /// References delivered in the last day (no personal data).
    pub const DELIVERED: &str = "labo.delivered";
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
