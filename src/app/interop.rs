//! Typed bindings for the browser APIs web-sys does not give us in a usable form: Web Locks
//! (behind web-sys' unstable flag), Web Share, and the `navigator` members older engines lack.
//!
//! Why a module of our own: `navigator.locks`, `navigator.share`, `navigator.serviceWorker` and
//! `navigator.storage` are missing on some phones (old Safari, non-HTTPS pages), and web-sys'
//! getters assume they exist, so calling them there throws. Here each getter returns `None`
//! where the browser has no such member. This is the only place in `src/app` that describes
//! JavaScript by hand (no `js_sys::Reflect` strings elsewhere).

use js_sys::{Function, Promise};
use leptos::prelude::window;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator`, seen through the optional members below.
    #[wasm_bindgen(extends = js_sys::Object)]
    type OptionalNavigator;

    #[wasm_bindgen(method, getter)]
    fn locks(this: &OptionalNavigator) -> Option<LockManager>;

    #[wasm_bindgen(method, getter, js_name = serviceWorker)]
    fn service_worker(this: &OptionalNavigator) -> Option<web_sys::ServiceWorkerContainer>;

    #[wasm_bindgen(method, getter)]
    fn storage(this: &OptionalNavigator) -> Option<web_sys::StorageManager>;

    #[wasm_bindgen(method, getter, js_name = share)]
    fn share_function(this: &OptionalNavigator) -> Option<Function>;

    #[wasm_bindgen(method, catch, js_name = share)]
    fn share_data(this: &OptionalNavigator, data: &ShareData) -> Result<Promise, JsValue>;

    /// `navigator.locks` (Web Locks API).
    type LockManager;

    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, options: &LockOptions, callback: &Function) -> Result<Promise, JsValue>;

    /// `{ ifAvailable }`, the options of `locks.request`.
    #[wasm_bindgen(extends = js_sys::Object)]
    type LockOptions;

    #[wasm_bindgen(method, setter, js_name = ifAvailable)]
    fn set_if_available(this: &LockOptions, value: bool);

    /// `{ title, url }`, what `navigator.share` shares.
    #[wasm_bindgen(extends = js_sys::Object)]
    type ShareData;

    #[wasm_bindgen(method, setter)]
    fn set_title(this: &ShareData, value: &str);

    #[wasm_bindgen(method, setter)]
    fn set_url(this: &ShareData, value: &str);
}

fn navigator() -> OptionalNavigator {
    window().navigator().unchecked_into()
}

/// Asks for the Web Lock `name` if no other tab holds it (`ifAvailable`): `callback` gets the
/// lock, or `null` when another tab has it. `None` where Web Locks do not exist; `Some(Err)`
/// when the browser refuses to even ask (site data blocked).
pub fn request_lock_if_available(name: &str, callback: &Function) -> Option<Result<Promise, JsValue>> {
    let locks = navigator().locks()?;
    let options: LockOptions = js_sys::Object::new().unchecked_into();
    options.set_if_available(true);
    Some(locks.request(name, &options, callback))
}

/// The service worker container, where service workers exist (not on plain-HTTP pages).
pub fn service_worker() -> Option<web_sys::ServiceWorkerContainer> {
    navigator().service_worker()
}

/// The storage manager (`navigator.storage`), where the browser has one.
pub fn storage_manager() -> Option<web_sys::StorageManager> {
    navigator().storage()
}

/// Whether the browser can open the phone's share sheet (Web Share API).
pub fn can_share() -> bool {
    navigator().share_function().is_some()
}

/// Opens the share sheet with a title and a link; `None` where the browser cannot share.
pub fn share(title: &str, url: &str) -> Option<Result<Promise, JsValue>> {
    let navigator = navigator();
    navigator.share_function()?;
    let data: ShareData = js_sys::Object::new().unchecked_into();
    data.set_title(title);
    data.set_url(url);
    Some(navigator.share_data(&data))
}
