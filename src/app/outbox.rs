//! The outbox runner: the one place that sends sign-ups.
//!
//! - A sign-up is stored in the outbox **before** the first attempt, and leaves it only after a
//!   2xx; its reference is then remembered for a day. What each answer does to it is decided by
//!   [`crate::domain::outbox`].
//! - One key per sign-up (`labo.outbox.<Idempotency-Key>`, `labo.delivered.<reference>`): every
//!   change reads that one key again, changes it and writes it (or removes it). localStorage has
//!   no transactions and Chromium propagates it between tab processes asynchronously, so a tab
//!   may read a stale copy; with one key per sign-up, a stale read can only concern the sign-up
//!   this tab is changing, never undo another tab's new sign-up or bring back a delivered one.
//! - It runs from the endpoint settings of the last configuration that loaded (kept in
//!   `labo.endpoint`, no personal data), so pending sign-ups leave even on a day `config.json` or
//!   the commune list is broken.
//! - Attempts: at once, then on the schedule of [`crate::domain::outbox::POLICY`] (exponential
//!   backoff, full jitter, `Retry-After` honoured, an hour after an endpoint error), plus extra
//!   attempts when the app starts, when the browser comes back `online`, and when the page
//!   becomes visible again.
//! - Two tabs: sending happens under a Web Lock (`navigator.locks`, name `labo-outbox`,
//!   `ifAvailable`), so only one tab sends at a time; the other sees the result through the
//!   `storage` event. Where Web Locks are missing or refused (site data blocked), the tab sends
//!   without the lock: the `Idempotency-Key` makes a second send harmless (the endpoint answers
//!   the first result again and stores nothing new).
//! - A sign-up the device refused to keep (full storage) lives in this tab: another tab's
//!   change is merged with it by key, never replaces it.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::prelude::{Closure, JsValue};

use crate::app::storage::keys;
use crate::app::{interop, net, platform, storage};
use crate::domain::config::Endpoint;
use crate::domain::outbox::{self, Delivered, Entry, Moment, Outbox, POLICY, Recorded, Stored};

/// The outbox as the pages see it.
#[derive(Clone, Copy)]
pub struct OutboxState {
    /// What is on the device, plus what lives in this tab only.
    pub outbox: RwSignal<Outbox>,
    pub delivered: RwSignal<Vec<Delivered>>,
    /// An attempt is in flight in this tab.
    pub sending: RwSignal<bool>,
    /// Whether the device keeps this tab's sign-ups (the one "storage works" flag): false when
    /// storage is missing or refused from the start (some private modes), or while a sign-up
    /// lives in this tab only because the device refused to write it (full storage); the pages
    /// then say so. It only decides what the pages say: every change is still tried on the
    /// device (a delivered sign-up is always removed).
    pub persistent: RwSignal<bool>,
    /// Why sending is blocked by the site's own settings (a Content-Security-Policy header that
    /// does not allow the endpoint), in French for the deployer; `None` when nothing is known.
    pub blocked: RwSignal<Option<String>>,
    /// Keys of the sign-ups the device refused to keep: they live in this tab's memory only.
    here_only: StoredValue<Vec<String>>,
    /// An attempt is running in this tab: another kick waits for it (no double send here).
    busy: StoredValue<bool>,
    /// Where to send: from the configuration, or kept on the device from the last one.
    endpoint: StoredValue<Option<Arc<Endpoint>>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// How long a tab waits before looking again when another tab holds the sending lock.
const LOCKED_RETRY_MS: u64 = 3_000;

/// Rejected sign-ups (refused by the endpoint) are forgotten after this long (the others are kept until delivered).
const REJECTED_KEEP_MS: i64 = crate::domain::draft::MAX_AGE_DAYS * 24 * 3600 * 1000;

/// The sign-ups stored on the device, one key each, read as they are now.
fn stored_outbox() -> Outbox {
    let items = storage::read_prefixed(keys::OUTBOX_PREFIX);
    let mut outbox = Outbox::from_stored(items.iter().map(|(k, t)| (k.as_str(), t.as_str())));
    let now = platform::now_ms();
    // Rejected sign-ups are forgotten after a while: personal data should not linger.
    for key in outbox.prune_rejected(now, REJECTED_KEEP_MS) {
        storage::remove(&entry_key(&key));
    }
    outbox.clamp_times(now, &POLICY);
    outbox
}

fn entry_key(key: &str) -> String {
    format!("{}{key}", keys::OUTBOX_PREFIX)
}

fn delivered_key(reference: &str) -> String {
    format!("{}{reference}", keys::DELIVERED_PREFIX)
}

/// References delivered from this device in the last day; older ones are removed.
fn load_delivered() -> Vec<Delivered> {
    let now = platform::now_ms();
    let mut list = Vec::new();
    for (reference, text) in storage::read_prefixed(keys::DELIVERED_PREFIX) {
        match Delivered::from_stored(&reference, &text, now) {
            Some(delivered) => list.push(delivered),
            None => storage::remove(&delivered_key(&reference)),
        }
    }
    list
}

/// Moves what earlier versions stored under one key to one key per sign-up. An outbox this
/// version cannot read in full is first copied aside, as it was (`labo.outbox-kept.<hash of the text>`): it is
/// never overwritten. The old key goes only once every sign-up it held is under its own key.
fn migrate_legacy() -> Vec<Entry> {
    let mut here_only = Vec::new();
    // Earlier versions' delivered references: a reminder for a day, shown now only to whoever
    // types one, so not worth carrying over (they are on the endpoint).
    storage::remove(keys::LEGACY_DELIVERED);
    let Some(text) = storage::read(keys::LEGACY_OUTBOX) else { return here_only };
    let (entries, unreadable) = Outbox::from_legacy(&text);
    let mut moved = true;
    if unreadable > 0 {
        let side = format!("{}{}", keys::KEPT_OUTBOX_PREFIX, Outbox::kept_name(&text));
        moved = storage::read(&side).as_deref() == Some(text.as_str()) || storage::write(&side, &text);
        platform::console_warn(&format!(
            "Lab'O : {unreadable} inscription(s) de la boîte d'envoi ne sont pas lisibles par cette version ; le texte est conservé tel quel sous « {side} »."
        ));
    }
    for entry in entries {
        let key = entry_key(entry.key());
        if storage::read(&key).is_none() && !storage::write(&key, &entry.to_storage()) {
            moved = false;
            here_only.push(entry);
        }
    }
    if moved {
        storage::remove(keys::LEGACY_OUTBOX);
    }
    here_only
}

/// A number in `[0, 1)` from the browser's random source, for the jitter.
fn random_unit() -> f64 {
    let bytes = platform::random_bytes::<4>();
    f64::from(u32::from_le_bytes(bytes)) / (f64::from(u32::MAX) + 1.0)
}

impl OutboxState {
    /// Loads the outbox and the endpoint settings kept on the device, listens for the moments
    /// worth an extra attempt, and starts sending. Called once, before the configuration loads.
    pub fn provide() -> OutboxState {
        let endpoint = storage::read(keys::ENDPOINT).and_then(|text| Endpoint::from_storage(&text));
        let not_moved = migrate_legacy();
        let here_only: Vec<String> = not_moved.iter().map(|e| e.key().to_owned()).collect();
        let mut outbox = stored_outbox();
        for entry in not_moved {
            outbox.add(entry);
        }
        if outbox.unreadable > 0 {
            platform::console_warn(&format!(
                "Lab'O : {} inscription(s) sur l'appareil ne sont pas lisibles par cette version ; elles sont conservées telles quelles.",
                outbox.unreadable
            ));
        }
        let state = OutboxState {
            outbox: RwSignal::new(outbox),
            delivered: RwSignal::new(load_delivered()),
            sending: RwSignal::new(false),
            persistent: RwSignal::new(storage::works() && here_only.is_empty()),
            blocked: RwSignal::new(None),
            here_only: StoredValue::new(here_only),
            busy: StoredValue::new(false),
            endpoint: StoredValue::new(endpoint.map(Arc::new)),
            timer: StoredValue::new_local(None),
        };
        provide_context(state);
        state.listen();
        if state.endpoint.with_value(Option::is_some) {
            state.kick(Moment::Start);
        }
        state
    }

    /// An empty outbox that sends nothing, for rendering a page outside a browser (the static
    /// pages, at build time).
    pub fn empty() -> OutboxState {
        let state = OutboxState {
            outbox: RwSignal::new(Outbox::default()),
            delivered: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
            persistent: RwSignal::new(true),
            blocked: RwSignal::new(None),
            here_only: StoredValue::new(Vec::new()),
            busy: StoredValue::new(false),
            endpoint: StoredValue::new(None),
            timer: StoredValue::new_local(None),
        };
        provide_context(state);
        state
    }

    /// The endpoint of a configuration that loaded: kept on the device for the day the
    /// configuration breaks, and used from now on. Sends at once if it is new here.
    pub fn use_endpoint(&self, endpoint: &Endpoint) {
        storage::write(keys::ENDPOINT, &endpoint.to_storage());
        let known = self.endpoint.with_value(|e| e.as_deref() == Some(endpoint));
        if !known {
            self.endpoint.set_value(Some(Arc::new(endpoint.clone())));
            self.kick(Moment::Start);
        }
    }

    fn listen(self) {
        // The listeners live as long as the page: the outbox runner is never unmounted.
        let _ = window_event_listener(leptos::ev::online, move |_| self.kick(Moment::Wake));
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                self.kick(Moment::Wake);
            }
        });
        // Another tab changed the outbox (sent, rejected, added): show the same thing here,
        // merged with what lives in this tab only.
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key();
            let key = key.as_deref();
            if key.is_none_or(|k| k.starts_with(keys::OUTBOX_PREFIX)) {
                self.refresh();
                self.schedule(0);
            }
            if key.is_none_or(|k| k.starts_with(keys::DELIVERED_PREFIX)) {
                self.delivered.set(load_delivered());
            }
        });
        // A Content-Security-Policy sent by the host as an HTTP header (the app only sees its
        // own meta tag) may block the POST: the browser reports it, and so do we.
        let _ = window_event_listener_untyped("securitypolicyviolation", move |event| {
            let Ok(event) = event.dyn_into::<web_sys::SecurityPolicyViolationEvent>() else { return };
            let Some(endpoint) = self.endpoint.get_value() else { return };
            if !event.effective_directive().starts_with("connect-src") {
                return;
            }
            let origin = |url: &str| web_sys::Url::new(url).ok().map(|u| u.origin());
            if origin(&event.blocked_uri()).is_some() && origin(&event.blocked_uri()) == origin(&endpoint.url) {
                let problem = platform::csp_header_problem(&endpoint.url);
                platform::console_error(&format!("Lab'O : {problem}"));
                self.blocked.set(Some(problem));
            }
        });
    }

    /// Reads the device's outbox again, keeping what lives in this tab only (merged by key).
    fn refresh(&self) {
        let merged = self.here_only.with_value(|here_only| {
            self.outbox.with_untracked(|here| Outbox::merged(stored_outbox(), here, here_only))
        });
        self.outbox.set(merged);
    }

    /// Changes one sign-up, atomically as far as localStorage allows: its one key is read again
    /// (never a copy another tab may have overtaken), changed, and written back or removed;
    /// nothing else on the device is touched. A sign-up stored in a form this version cannot
    /// read is never changed. `change` is called exactly once; callers keep what it finds in
    /// their own variables (one copy of this function, not one per caller: wasm size).
    fn change(&self, key: &str, change: &mut dyn FnMut(&mut Outbox)) {
        let stored_key = entry_key(key);
        let here_only = self.here_only.with_value(|k| k.iter().any(|k| k == key));
        // The slot holds a sign-up this version cannot read: never written, whatever happens.
        let mut slot_unreadable = false;
        let before = if here_only {
            // The device refused this tab's last write of it: this tab's copy is the newest.
            self.outbox.with_untracked(|o| o.get(key).cloned())
        } else {
            match storage::read(&stored_key).map(|text| Entry::from_storage(key, &text)) {
                Some(Stored::Entry(entry)) => Some(*entry),
                Some(Stored::Unreadable) => {
                    slot_unreadable = true;
                    None
                }
                None => None,
            }
        };
        let existed = before.is_some();
        let mut one = Outbox { entries: before.into_iter().collect(), unreadable: 0 };
        change(&mut one);
        match one.get(key) {
            Some(entry) => {
                let stored = !slot_unreadable && storage::write(&stored_key, &entry.to_storage());
                self.here_only.update_value(|k| {
                    k.retain(|k| k != key);
                    if !stored {
                        k.push(key.to_owned());
                    }
                });
                if !stored {
                    platform::console_warn(
                        "Lab'O : l'inscription n'a pas pu être enregistrée sur l'appareil ; elle reste dans cet onglet.",
                    );
                }
            }
            None => {
                // Always removed, whatever the device said before: a delivered sign-up left
                // behind would be sent again at every start.
                if existed && !slot_unreadable {
                    storage::remove(&stored_key);
                }
                self.here_only.update_value(|k| k.retain(|k| k != key));
            }
        }
        self.persistent.set(storage::works() && self.here_only.with_value(Vec::is_empty));
        // This tab's copy of the changed sign-up, then the rest as the device holds it now.
        self.outbox.update(|here| {
            here.take(key);
            if let Some(entry) = one.take(key) {
                here.add(entry);
            }
        });
        self.refresh();
    }

    /// Removes the stopped sign-ups: rejected by the endpoint, or maybe received ("Effacer mes réponses"). Only
    /// this tab's own (`mine`): on a shared phone, erasing my answers never erases someone
    /// else's sign-up.
    pub fn clear_stopped(&self, mine: Option<&str>) {
        let keys: Vec<String> = self.outbox.with_untracked(|o| {
            o.entries.iter().filter(|e| Some(e.reference()) == mine).map(|e| e.key().to_owned()).collect()
        });
        for key in keys {
            self.change(&key, &mut Outbox::clear_stopped);
        }
    }

    /// Puts a sign-up in the outbox (on the device first), then tries to send it. Returns
    /// whether the device stored it: if not, it lives in this tab only until it is delivered.
    pub fn enqueue(&self, entry: Entry) -> bool {
        let key = entry.key().to_owned();
        let mut entry = Some(entry);
        self.change(&key, &mut |o| {
            if let Some(entry) = entry.take() {
                o.add(entry);
            }
        });
        let stored = self.here_only.with_value(|k| !k.contains(&key));
        if stored {
            // A sign-up waiting on the phone should survive the browser's storage clean-ups.
            platform::ask_persistent_storage();
        }
        self.kick(Moment::Wake);
        stored
    }

    /// Takes a rejected sign-up out of the outbox, to correct it.
    pub fn take(&self, key: &str) -> Option<Entry> {
        let mut taken = None;
        self.change(key, &mut |o| taken = o.take(key));
        taken
    }

    /// Sends a maybe-received sign-up again, at the young person's request, under the same key.
    pub fn resend(&self, key: &str) {
        let mut resent = false;
        self.change(key, &mut |o| resent = o.resend(key));
        if resent {
            self.kick(Moment::Wake);
        }
    }

    /// Sends what is due now, for this reason.
    pub fn kick(&self, moment: Moment) {
        let state = *self;
        if state.busy.get_value() {
            // An attempt is running in this tab; it reschedules when it ends.
            return;
        }
        state.busy.set_value(true);
        spawn_local(async move {
            let sent = with_lock(move || async move { state.send_due(moment).await }).await;
            state.busy.set_value(false);
            if sent {
                state.schedule(0);
            } else {
                // Another tab holds the lock and sends; look again in a while in case it closes.
                state.refresh();
                state.schedule(LOCKED_RETRY_MS);
            }
        });
    }

    async fn send_due(&self, moment: Moment) {
        // Start from what is stored: another tab may have sent or added sign-ups.
        self.refresh();
        let Some(endpoint) = self.endpoint.get_value() else { return };
        for key in self.outbox.get_untracked().due(platform::now_ms(), moment) {
            let Some(entry) = self.outbox.get_untracked().get(&key).cloned() else { continue };
            self.sending.set(true);
            let attempt = net::send_signup(&endpoint, &entry).await;
            self.sending.set(false);
            let now = platform::now_ms();
            // Re-read this sign-up: the answer may have taken long and another tab may have acted.
            let mut recorded = Recorded::Unknown;
            self.change(&key, &mut |outbox| {
                recorded = outbox.record(&key, &attempt.outcome, attempt.retry_after_ms, now, random_unit(), &POLICY);
                // The reference is marked delivered before the sign-up leaves the device, so no
                // tab ever sees it gone without knowing it arrived.
                if let Recorded::Delivered(entry) = &recorded {
                    let delivered = Delivered { reference: entry.reference().to_owned(), at_ms: now };
                    storage::write(&delivered_key(&delivered.reference), &delivered.to_storage());
                    let list = outbox::remember_delivered(&self.delivered.get_untracked(), &delivered.reference, now);
                    self.delivered.set(list);
                }
            });
            if matches!(recorded, Recorded::Delivered(_)) {
                self.blocked.set(None);
            }
        }
    }

    /// Wakes up when the next attempt is due, and not sooner than `at_least_ms` (nor later than
    /// an hour: a clock corrected meanwhile is noticed).
    fn schedule(&self, at_least_ms: u64) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let Some(wait) = self.outbox.get_untracked().wait_ms(platform::now_ms(), at_least_ms) else {
            self.timer.set_value(None);
            return;
        };
        let state = *self;
        let handle =
            set_timeout_with_handle(move || state.kick(Moment::Timer), std::time::Duration::from_millis(wait)).ok();
        self.timer.set_value(handle);
    }
}

pub fn use_outbox() -> OutboxState {
    expect_context::<OutboxState>()
}

/// Runs `work` while holding the `labo-outbox` Web Lock, if no other tab holds it. Returns
/// `false` when another tab does (nothing was run). Where Web Locks are missing, throw or
/// reject (site data blocked: a SecurityError), runs it without the lock: sending must never
/// depend on a lock the browser refuses.
async fn with_lock<F, Fut>(work: F) -> bool
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    // The work runs inside the lock's callback, or (if the lock is refused) after it.
    let work = Rc::new(RefCell::new(Some(work)));
    let answered = Rc::new(RefCell::new(false));
    let (work_in_lock, answered_in_lock) = (work.clone(), answered.clone());
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
        // The browser answered: the lock is ours, or (null) another tab holds it.
        *answered_in_lock.borrow_mut() = true;
        let work = if lock.is_null() { None } else { work_in_lock.borrow_mut().take() };
        match work {
            Some(work) => wasm_bindgen_futures::future_to_promise(async move {
                work().await;
                Ok(JsValue::UNDEFINED)
            }),
            None => js_sys::Promise::resolve(&JsValue::UNDEFINED),
        }
    });
    match interop::request_lock_if_available("labo-outbox", callback.as_ref().unchecked_ref()) {
        // No Web Locks at all: the Idempotency-Key is the safety net.
        None => {
            drop(callback);
            let unused = work.borrow_mut().take();
            if let Some(work) = unused {
                work().await;
            }
            return true;
        }
        // A rejection (SecurityError when site data is blocked) is handled below.
        Some(Ok(promise)) => {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        Some(Err(_)) => {}
    }
    drop(callback);
    let answered = *answered.borrow();
    let unused = work.borrow_mut().take();
    match (answered, unused) {
        // Another tab holds the lock: it sends.
        (true, Some(_)) => false,
        // Refused outright (a throw or a rejection): send without the lock.
        (false, Some(work)) => {
            platform::console_warn("Lab'O : le navigateur refuse le verrou entre onglets ; envoi sans verrou.");
            work().await;
            true
        }
        // Ran inside the lock.
        (_, None) => true,
    }
}
