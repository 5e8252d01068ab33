//! A small router: the address as a signal, the History API, and one click listener that turns
//! the app's own links into in-app navigation.
//!
//! Why not leptos_router: the app has ten fixed paths and one parameter; a general router and
//! its generated route matching cost about a tenth of the wasm our users download. Links are
//! plain `<a href="/inscription">` elements (they work as links without JavaScript too).

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::domain::route::Route;

/// The address the app shows.
#[derive(Clone, Copy)]
pub struct Location {
    /// `/inscription`, without query or fragment.
    pub path: RwSignal<String>,
    /// `#phone`, or empty.
    pub hash: RwSignal<String>,
}

impl Location {
    fn read() -> (String, String) {
        let location = window().location();
        (location.pathname().unwrap_or_else(|_| "/".into()), location.hash().unwrap_or_default())
    }

    /// Starts following the address (back and forward buttons, link clicks).
    pub fn provide() -> Location {
        let (path, hash) = Location::read();
        let location = Location { path: RwSignal::new(path), hash: RwSignal::new(hash) };
        provide_context(location);
        // Both listeners live as long as the page (the router is never unmounted).
        let _ = window_event_listener(ev::popstate, move |_| {
            let (path, hash) = Location::read();
            location.path.set(path);
            location.hash.set(hash);
        });
        let _ = window_event_listener(ev::click, move |event| follow_link(location, &event));
        location
    }

    /// A fixed address, for rendering a page outside a browser (the static pages, at build
    /// time): nothing is followed.
    pub fn fixed(path: &str) -> Location {
        let location = Location { path: RwSignal::new(path.to_owned()), hash: RwSignal::new(String::new()) };
        provide_context(location);
        location
    }

    /// Goes to the page `to`, adding a history entry.
    pub fn navigate(&self, to: Route) {
        self.go(&to.path(), false);
    }

    /// Goes to `to` (`/inscription/coordonnees#phone`), with or without a history entry
    /// (`replace`: a redirect takes the place of the address it leaves).
    fn go(&self, to: &str, replace: bool) {
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(to))
            } else {
                history.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(to))
            };
        }
        let (path, hash) = match to.split_once('#') {
            Some((path, hash)) => (path.to_owned(), format!("#{hash}")),
            None => (to.to_owned(), String::new()),
        };
        window().scroll_to_with_x_and_y(0.0, 0.0);
        self.hash.set(hash);
        self.path.set(path);
    }
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A left click on a link to another page of the app (same origin, no new tab, no download)
/// becomes in-app navigation. Links to a fragment of the current page are left alone.
fn follow_link(location: Location, event: &ev::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return;
    }
    let origin = window().location().origin().unwrap_or_default();
    if anchor.origin() != origin {
        return;
    }
    let (path, hash) = (anchor.pathname(), anchor.hash());
    if path == location.path.get_untracked() && !hash.is_empty() {
        return;
    }
    event.prevent_default();
    location.go(&format!("{path}{hash}"), false);
}

/// Replaces the current address with `to` once the current update is done (the route table
/// sends a young person to the page they can open: the right step, the first question).
pub fn redirect(to: Route) -> impl IntoView {
    let location = use_location();
    request_animation_frame(move || location.go(&to.path(), true));
}
