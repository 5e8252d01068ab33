use crate::app::router::use_location;
use leptos::prelude::*;

use super::PAGE_TITLE_ID;
use super::TextWithLink;
use crate::app::outbox::use_outbox;
use crate::app::platform;
use crate::app::state::{AppConfig, Language, tr, use_journey, use_texts};
use crate::content::{Texts, fill_mission_locale};
use crate::domain::phone::Phone;
use crate::domain::route::Route;

/// The frame of every page: skip link, header with the app's name, the page, and a footer that
/// always says how to reach the mission locale by phone.
///
/// After each navigation (not the first load), focus moves to the new page's heading, or to the
/// field named in the address's `#fragment` (the "Modifier" links of the check page), so that
/// keyboard and screen-reader users start reading at the right place.
#[component]
pub fn Layout(
    /// The mission locale's phone, shown in the footer as a tap-to-call link.
    phone: Phone,
    /// The mission locale's short name, with its article ("la Mission Locale").
    short_name: String,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move || {
        let (_path, hash) = (location.path.get(), location.hash.get());
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(move || {
            let target = hash.trim_start_matches('#');
            if target.is_empty() || document().get_element_by_id(target).is_none() {
                platform::focus_id(PAGE_TITLE_ID);
            } else {
                platform::focus_id(target);
            }
        });
    });
    let t = use_texts();
    let journey = use_journey();
    let location = use_location();
    let outbox = use_outbox();
    // This tab's rejected or maybe-received sign-up is answers the young person may want off
    // the phone; one on its way is not offered (it would be lost), nor anyone else's.
    let mine = move || journey.queued.with(|q| q.as_ref().map(|q| q.reference.clone()));
    let has_stopped = Memo::new(move |_| outbox.outbox.with(|o| o.has_stopped(mine().as_deref())));
    let has_answers = Memo::new(move |_| journey.has_answers() || has_stopped.get());
    let cleared = RwSignal::new(false);
    let clear = move |_| {
        journey.clear();
        if has_stopped.get_untracked() {
            // This tab's sign-up leaves the phone: nothing of it is shown here any more.
            outbox.clear_stopped(mine().as_deref());
            journey.queued.set(None);
        }
        cleared.set(true);
        location.navigate(Route::Start);
    };
    view! {
        <Frame phone=Some(phone) short_name=short_name with_router=true>
            {(!outbox.persistent.get_untracked()).then(|| view! { <p class="notice storage-notice">{tr(|t| t.app_no_storage)}</p> })}
            {children()}
            <div class="clear-answers">
                <Show when=move || has_answers.get()>
                    <button type="button" class="button button-secondary" on:click=clear>
                        {tr(|t| t.app_clear)}
                    </button>
                </Show>
                <p role="status">{move || (cleared.get() && !has_answers.get()).then(|| t.get().app_cleared)}</p>
            </div>
        </Frame>
    }
}

/// Header, main and footer, without the router (the broken-configuration page uses it alone).
#[component]
pub fn Frame(
    /// The mission locale's phone, when known, shown in the footer as a tap-to-call link.
    phone: Option<Phone>,
    /// The mission locale's short name, with its article ("la Mission Locale").
    short_name: String,
    /// The app's pages are available (links to the privacy notice and accessibility statement).
    #[prop(optional)]
    with_router: bool,
    /// The page speaks to counsellors: "vous" in the footer too.
    #[prop(optional)]
    formal: bool,
    children: Children,
) -> impl IntoView {
    let t = use_texts();
    let call_template: fn(&'static Texts) -> &'static str =
        if formal { |t| t.footer_call_formal } else { |t| t.footer_call };
    let call =
        phone.map(|phone| view! { <CallLine template=call_template phone=phone short_name=short_name.clone() /> });
    // Signals rather than closures in views: one rendering code for all of them (wasm size).
    let footer_text = Signal::derive(move || fill_mission_locale(t.get(), t.get().footer_text, &short_name));
    // The mission locale's logo (config.json's `brand.logo`), before the site's name which says
    // the same (empty text alternative). Its size is reserved: nothing moves when it arrives.
    let logo = use_context::<AppConfig>().and_then(|c| c.0.front_door.logo.clone()).map(|logo| {
        view! { <img class="brand-logo" src=logo.src width=logo.width height=logo.height alt="" /> }
    });
    let legal_links = with_router.then(|| {
        view! {
            <ul class="footer-links">
                <li><a href=Route::Privacy.path()>{tr(|t| t.footer_privacy)}</a></li>
                <li><a href=Route::Accessibility.path()>{tr(|t| t.footer_accessibility)}</a></li>
                <li><a href=Route::LegalNotice.path()>{tr(|t| t.footer_legal)}</a></li>
            </ul>
        }
    });
    view! {
        <a class="skip-link" href="#contenu">{tr(|t| t.app_skip_link)}</a>
        <header class="site-header">
            <a class="brand" href=Route::Start.path()>{logo}{tr(|t| t.app_name)}</a>
            <LanguageSwitch />
        </header>
        <main id="contenu" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{footer_text}</p>
            {call}
            {legal_links}
        </footer>
    }
}

/// A sentence of the catalogue with the phone number as a tap-to-call link in place of
/// `{phone}`, and the short name in place of `{mission_locale}`: "Appelle la Mission Locale au
/// 02 61 91 00 00.".
#[component]
pub fn CallLine(template: fn(&'static Texts) -> &'static str, phone: Phone, short_name: String) -> impl IntoView {
    let t = use_texts();
    let text = Memo::new(move |_| fill_mission_locale(t.get(), template(t.get()), &short_name));
    view! { <TextWithLink text=text.into() placeholder="phone" href=format!("tel:{}", phone.e164()) link=phone.display() /> }
}

/// One button per other language, named in that language ("English"), with its `lang`. The
/// whole app switches at once; answers and progress stay; the choice is remembered.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let language = expect_context::<Language>();
    view! {
        <ul class="language-switch" aria-label=move || t.get().footer_language>
            {move || {
                crate::content::LANGUAGE_NAMES
                    .iter()
                    .copied()
                    .filter(|(code, _)| *code != t.get().meta_lang)
                    .map(|(code, name)| {
                        view! {
                            <li>
                                <button type="button" class="link-button" lang=code on:click=move |_| language.choose(code)>
                                    {name}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
