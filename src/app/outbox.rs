//! The outbox runner: the one place that sends sign-ups.
//!
//! - A sign-up is stored in the outbox (`labo.outbox`) **before** the first attempt, and leaves
//!   it only after a 2xx; its reference is then remembered for a day (`labo.delivered`). What
//!   each answer does to it is decided by [`crate::domain::outbox`].
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
//! - Every change re-reads the stored outbox first: another tab may have just added a sign-up.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::prelude::{Closure, JsValue};

use crate::app::{interop, net, platform, storage};
use crate::domain::config::Endpoint;
use crate::domain::json;
use crate::domain::outbox::{self, Delivered, Entry, Moment, Outbox, POLICY, Recorded};

/// The outbox as the pages see it.
#[derive(Clone, Copy)]
pub struct OutboxState {
    pub outbox: RwSignal<Outbox>,
    pub delivered: RwSignal<Vec<Delivered>>,
    /// An attempt is in flight in this tab.
    pub sending: RwSignal<bool>,
    /// Whether the device keeps what the app writes (the one "storage works" flag): false when
    /// storage is missing or refused from the start (some private modes), or once a write of
    /// the outbox failed (full storage); the outbox then lives in this tab only, and the pages
    /// say so.
    pub persistent: RwSignal<bool>,
    /// Why sending is blocked by the site's own settings (a Content-Security-Policy header that
    /// does not allow the endpoint), in French for the deployer; `None` when nothing is known.
    pub blocked: RwSignal<Option<String>>,
    /// An attempt is running in this tab: another kick waits for it (no double send here).
    busy: StoredValue<bool>,
    /// Where to send: from the configuration, or kept on the device from the last one.
    endpoint: StoredValue<Option<Arc<Endpoint>>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// How long a tab waits before looking again when another tab holds the sending lock.
const LOCKED_RETRY_MS: u64 = 3_000;

/// Refused sign-ups are forgotten after this long (the others are kept until delivered).
const REJECTED_KEEP_MS: i64 = crate::domain::draft::MAX_AGE_DAYS * 24 * 3600 * 1000;

fn load_outbox() -> Outbox {
    let (mut outbox, unreadable) = Outbox::from_storage(&storage::read(storage::keys::OUTBOX).unwrap_or_default());
    if unreadable > 0 {
        platform::console_warn(&format!(
            "Lab'O : {unreadable} inscription(s) de la boîte d'envoi ne sont pas lisibles par cette version ; elles sont conservées telles quelles."
        ));
    }
    let now = platform::now_ms();
    outbox.prune_rejected(now, REJECTED_KEEP_MS);
    outbox.clamp_times(now, &POLICY);
    outbox
}

fn load_delivered() -> Vec<Delivered> {
    storage::read(storage::keys::DELIVERED).map(|text| Delivered::list_from_storage(&text)).unwrap_or_default()
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
        let endpoint = storage::read(storage::keys::ENDPOINT).and_then(|text| Endpoint::from_storage(&text));
        let state = OutboxState {
            outbox: RwSignal::new(load_outbox()),
            delivered: RwSignal::new(load_delivered()),
            sending: RwSignal::new(false),
            persistent: RwSignal::new(storage::works()),
            blocked: RwSignal::new(None),
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

    /// The endpoint of a configuration that loaded: kept on the device for the day the
    /// configuration breaks, and used from now on. Sends at once if it is new here.
    pub fn use_endpoint(&self, endpoint: &Endpoint) {
        storage::write(storage::keys::ENDPOINT, &endpoint.to_storage());
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
        // Another tab changed the outbox (sent, refused, added): show the same thing here.
        let _ = window_event_listener(leptos::ev::storage, move |event| match event.key().as_deref() {
            Some(storage::keys::OUTBOX) | None => {
                self.outbox.set(load_outbox());
                self.schedule(0);
            }
            Some(storage::keys::DELIVERED) => self.delivered.set(load_delivered()),
            _ => {}
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

    /// The outbox as stored (another tab may have changed it), or as held here when the device
    /// keeps nothing.
    fn current(&self) -> Outbox {
        if self.persistent.get_untracked() { load_outbox() } else { self.outbox.get_untracked() }
    }

    /// Writes this tab's outbox to the device; `false` when the device refused it (then it
    /// lives in this tab only, and the pages say so).
    fn persist(&self) -> bool {
        let outbox = self.outbox.get_untracked();
        if !self.persistent.get_untracked() {
            return false;
        }
        if outbox.is_empty() {
            storage::remove(storage::keys::OUTBOX);
            return true;
        }
        let written = storage::write(storage::keys::OUTBOX, &outbox.to_storage());
        if !written {
            self.persistent.set(false);
            platform::console_warn(
                "Lab'O : la boîte d'envoi n'a pas pu être enregistrée sur l'appareil ; elle reste dans cet onglet.",
            );
        }
        written
    }

    /// Applies a change to the outbox as stored now (never to a copy another tab may have
    /// overtaken), then writes it back. Returns what `change` returned and whether the result
    /// is kept on the device.
    fn change<T>(&self, change: impl FnOnce(&mut Outbox) -> T) -> (T, bool) {
        let mut outbox = self.current();
        let result = change(&mut outbox);
        self.outbox.set(outbox);
        (result, self.persist())
    }

    /// Removes the stopped sign-ups: refused, or maybe received ("Effacer mes réponses").
    pub fn clear_stopped(&self) {
        self.change(Outbox::clear_stopped);
    }

    /// Puts a sign-up in the outbox (on the device first), then tries to send it. Returns
    /// whether the device kept it: if not, it lives in this tab only until it is delivered.
    pub fn enqueue(&self, entry: Entry) -> bool {
        let ((), kept) = self.change(|o| o.add(entry));
        if kept {
            // A sign-up waiting on the phone should survive the browser's storage clean-ups.
            platform::ask_persistent_storage();
        }
        self.kick(Moment::Wake);
        kept
    }

    /// Takes a refused sign-up out of the outbox, to correct it.
    pub fn take(&self, key: &str) -> Option<Entry> {
        self.change(|o| o.take(key)).0
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
                state.outbox.set(state.current());
                state.schedule(LOCKED_RETRY_MS);
            }
        });
    }

    async fn send_due(&self, moment: Moment) {
        // Start from what is stored: another tab may have sent or added sign-ups.
        self.outbox.set(self.current());
        let Some(endpoint) = self.endpoint.get_value() else { return };
        for key in self.outbox.get_untracked().due(platform::now_ms(), moment) {
            let Some(entry) = self.outbox.get_untracked().get(&key).cloned() else { continue };
            self.sending.set(true);
            let attempt = net::send_signup(&endpoint, &entry).await;
            self.sending.set(false);
            let now = platform::now_ms();
            // Re-read: the answer may have taken long and another tab may have acted.
            let (recorded, _) = self.change(|outbox| {
                outbox.record(&key, &attempt.outcome, attempt.retry_after_ms, now, random_unit(), &POLICY)
            });
            if let Recorded::Delivered(entry) = recorded {
                self.blocked.set(None);
                let delivered = outbox::remember_delivered(&self.delivered.get_untracked(), entry.reference(), now);
                storage::write(storage::keys::DELIVERED, &json::write(&delivered));
                self.delivered.set(delivered);
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
