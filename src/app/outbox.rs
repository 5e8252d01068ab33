//! The outbox runner: the one place that sends sign-ups.
//!
//! - A sign-up is stored in the outbox (`labo.outbox`) **before** the first attempt, and leaves
//!   it only after a 2xx; its reference is then remembered for a day (`labo.delivered`).
//! - Attempts: at once, then on the schedule of [`crate::domain::outbox::POLICY`] (exponential
//!   backoff, full jitter, `Retry-After` honoured), plus extra attempts when the app starts, when
//!   the browser comes back `online`, and when the page becomes visible again.
//! - Two tabs: sending happens under a Web Lock (`navigator.locks`, name `labo-outbox`,
//!   `ifAvailable`), so only one tab sends at a time; the other sees the result through the
//!   `storage` event. Where Web Locks are missing, the `Idempotency-Key` still makes a second
//!   send harmless (the endpoint answers the first result again and stores nothing new).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::prelude::{Closure, JsValue};

use crate::app::{net, platform, storage};
use crate::domain::config::Endpoint;
use crate::domain::json;
use crate::domain::outbox::{self, Delivered, Entry, Outbox, POLICY, Recorded};

/// The outbox as the pages see it.
#[derive(Clone, Copy)]
pub struct OutboxState {
    pub outbox: RwSignal<Outbox>,
    pub delivered: RwSignal<Vec<Delivered>>,
    /// An attempt is in flight in this tab.
    pub sending: RwSignal<bool>,
    /// Whether the device keeps what we write; if not (or once a write fails), the outbox lives
    /// in this tab only.
    pub persistent: StoredValue<bool>,
    /// An attempt is running in this tab: another kick waits for it (no double send here).
    busy: StoredValue<bool>,
    endpoint: StoredValue<Arc<Endpoint>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// How long a tab waits before looking again when another tab holds the sending lock.
const LOCKED_RETRY_MS: u64 = 3_000;

/// Refused sign-ups are forgotten after this long (pending ones are kept until delivered).
const REJECTED_KEEP_MS: i64 = crate::domain::draft::MAX_AGE_DAYS * 24 * 3600 * 1000;

fn load_outbox() -> Outbox {
    let (mut outbox, unreadable) = Outbox::from_storage(&storage::read(storage::keys::OUTBOX).unwrap_or_default());
    if unreadable > 0 {
        platform::console_warn(&format!(
            "Lab'O : {unreadable} inscription(s) de la boîte d'envoi ne sont pas lisibles par cette version ; elles sont conservées telles quelles."
        ));
    }
    outbox.prune_rejected(platform::now_ms(), REJECTED_KEEP_MS);
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
    /// Loads the outbox, listens for the moments worth an extra attempt, and starts sending.
    pub fn provide(endpoint: Endpoint) -> OutboxState {
        let state = OutboxState {
            outbox: RwSignal::new(load_outbox()),
            delivered: RwSignal::new(load_delivered()),
            sending: RwSignal::new(false),
            persistent: StoredValue::new(storage::works()),
            busy: StoredValue::new(false),
            endpoint: StoredValue::new(Arc::new(endpoint)),
            timer: StoredValue::new_local(None),
        };
        provide_context(state);
        state.listen();
        state.kick(true);
        state
    }

    fn listen(self) {
        let on_online = Closure::<dyn Fn()>::new(move || self.kick(true));
        let _ = window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                self.kick(true);
            }
        });
        let _ = document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
        on_visible.forget();
        // Another tab changed the outbox (sent, refused, added): show the same thing here.
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| match event
            .key()
            .as_deref()
        {
            Some(storage::keys::OUTBOX) | None => {
                self.outbox.set(load_outbox());
                self.schedule(0);
            }
            Some(storage::keys::DELIVERED) => self.delivered.set(load_delivered()),
            _ => {}
        });
        let _ = window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// The outbox as stored (another tab may have changed it), or as held here when the device
    /// keeps nothing.
    fn current(&self) -> Outbox {
        if self.persistent.get_value() { load_outbox() } else { self.outbox.get_untracked() }
    }

    fn persist(&self) {
        let outbox = self.outbox.get_untracked();
        if outbox.is_empty() {
            storage::remove(storage::keys::OUTBOX);
        } else if !storage::write(storage::keys::OUTBOX, &outbox.to_storage()) {
            // Full or refused storage: this tab's copy becomes the only one; keep it.
            self.persistent.set_value(false);
            platform::console_warn(
                "Lab'O : la boîte d'envoi n'a pas pu être enregistrée sur l'appareil ; elle reste dans cet onglet.",
            );
        }
    }

    /// Removes refused sign-ups ("Effacer mes réponses").
    pub fn clear_rejected(&self) {
        self.outbox.update(Outbox::clear_rejected);
        self.persist();
    }

    /// Puts a sign-up in the outbox (on the device first), then tries to send it.
    pub fn enqueue(&self, entry: Entry) {
        self.outbox.update(|o| o.add(entry));
        self.persist();
        self.kick(true);
    }

    /// Takes a refused sign-up out of the outbox, to correct it.
    pub fn take(&self, key: &str) -> Option<Entry> {
        let mut taken = None;
        self.outbox.update(|o| taken = o.take(key));
        self.persist();
        taken
    }

    /// Sends what is due now; `early` skips the backoff (but not `Retry-After`).
    pub fn kick(&self, early: bool) {
        let state = *self;
        if state.busy.get_value() {
            // An attempt is running in this tab; it reschedules when it ends.
            return;
        }
        state.busy.set_value(true);
        spawn_local(async move {
            let sent = with_lock(move || async move { state.send_due(early).await }).await;
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

    async fn send_due(&self, early: bool) {
        // Start from what is stored: another tab may have sent or added sign-ups.
        self.outbox.set(self.current());
        let endpoint = self.endpoint.get_value();
        for key in self.outbox.get_untracked().due(platform::now_ms(), early) {
            let Some(entry) = self.outbox.get_untracked().get(&key).cloned() else { continue };
            self.sending.set(true);
            let attempt = net::send_signup(&endpoint, &entry).await;
            self.sending.set(false);
            let now = platform::now_ms();
            // Re-read: the answer may have taken long and another tab may have acted.
            let mut outbox = self.current();
            let recorded = outbox.record(&key, &attempt.outcome, attempt.retry_after_ms, now, random_unit(), &POLICY);
            self.outbox.set(outbox);
            if let Recorded::Delivered(entry) = recorded {
                let delivered = outbox::remember_delivered(&self.delivered.get_untracked(), entry.reference(), now);
                storage::write(storage::keys::DELIVERED, &json::write(&delivered));
                self.delivered.set(delivered);
            }
            self.persist();
        }
    }

    /// Wakes up when the next attempt is due, and not sooner than `at_least_ms`.
    fn schedule(&self, at_least_ms: u64) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let Some(due) = self.outbox.get_untracked().next_due_ms() else {
            self.timer.set_value(None);
            return;
        };
        let wait = u64::try_from(due - platform::now_ms()).unwrap_or(0).max(100).max(at_least_ms);
        let state = *self;
        let handle = set_timeout_with_handle(move || state.kick(false), std::time::Duration::from_millis(wait)).ok();
        self.timer.set_value(handle);
    }
}

pub fn use_outbox() -> OutboxState {
    expect_context::<OutboxState>()
}

/// Runs `work` while holding the `labo-outbox` Web Lock, if no other tab holds it. Returns
/// `false` when another tab does (nothing was run). Without Web Locks, runs it directly.
async fn with_lock<F, Fut>(work: F) -> bool
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let navigator: JsValue = window().navigator().into();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok().filter(|l| l.is_object());
    let request = locks
        .as_ref()
        .and_then(|l| js_sys::Reflect::get(l, &JsValue::from_str("request")).ok())
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else {
        work().await;
        return true;
    };
    let ran = Rc::new(RefCell::new(false));
    let work = RefCell::new(Some(work));
    let ran_in_lock = ran.clone();
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
        match (lock.is_null(), work.borrow_mut().take()) {
            (false, Some(work)) => {
                *ran_in_lock.borrow_mut() = true;
                wasm_bindgen_futures::future_to_promise(async move {
                    work().await;
                    Ok(JsValue::UNDEFINED)
                })
            }
            _ => js_sys::Promise::resolve(&JsValue::UNDEFINED),
        }
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE);
    match request.call3(&locks, &JsValue::from_str("labo-outbox"), &options, callback.as_ref().unchecked_ref()) {
        Ok(promise) => {
            let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await;
        }
        Err(_) => return false,
    }
    drop(callback);
    *ran.borrow()
}
