//! Application state shared through Leptos context, one newtype per concern so that
//! `use_context::<T>()` can never pick up the wrong value.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::{platform, storage};
use crate::content::{self, Texts};
use crate::domain::config::Config;
use crate::domain::draft::{Draft, Progress, SignupIds};
use crate::domain::eligibility::EligibilityForm;
use crate::domain::questionnaire::{Answers, QUESTIONNAIRE};
use crate::domain::signup::{ContactChannel, SignupForm};
use crate::domain::territory::Territory;

/// The validated deployment configuration, available on every page once loaded.
#[derive(Clone)]
pub struct AppConfig(pub Arc<Config>);

/// The communes of the territory, loaded with the configuration.
#[derive(Clone)]
pub struct AppTerritory(pub Arc<Territory>);

/// The language the young person reads the app in. French is compiled in; another language is
/// fetched the first time it is chosen (`net::load_language`), the page staying in the language
/// it shows until it has arrived.
#[derive(Clone, Copy)]
pub struct Language {
    texts: RwSignal<&'static Texts>,
    /// The code last asked for: a slow download must not switch back a later choice.
    wanted: StoredValue<String>,
    /// Languages fetched on this page, kept for the next switch.
    fetched: StoredValue<Vec<&'static Texts>>,
}

impl Language {
    /// The language of the page: the one chosen earlier on this device, else the first of the
    /// browser's languages the app has, else French. `<html lang>` follows it.
    pub fn provide() -> Language {
        let has = |code: &str| content::LANGUAGE_NAMES.iter().any(|(known, _)| *known == code);
        let initial = storage::read(storage::keys::LANGUAGE)
            .filter(|code| has(code))
            .or_else(|| platform::browser_languages().into_iter().find(|code| has(code)));
        let language = Language {
            texts: RwSignal::new(content::LANGUAGES[0]),
            wanted: StoredValue::new(String::new()),
            fetched: StoredValue::new(Vec::new()),
        };
        if let Some(code) = initial {
            language.switch(&code);
        }
        Effect::new(move || platform::set_document_language(language.texts.get().meta_lang));
        provide_context(language);
        language
    }

    /// Switches the app to the language `code` and remembers the choice on this device.
    pub fn choose(&self, code: &str) {
        storage::write(storage::keys::LANGUAGE, code);
        self.switch(code);
    }

    fn switch(self, code: &str) {
        self.wanted.set_value(code.to_owned());
        let known = content::language(code)
            .or_else(|| self.fetched.with_value(|f| f.iter().copied().find(|t| t.meta_lang == code)));
        if let Some(texts) = known {
            self.texts.set(texts);
            return;
        }
        let code = code.to_owned();
        leptos::task::spawn_local(async move {
            match super::net::load_language(&code).await {
                Ok(texts) => {
                    self.fetched.update_value(|f| f.push(texts));
                    if self.wanted.with_value(|wanted| *wanted == code) {
                        self.texts.set(texts);
                    }
                }
                Err(why) => {
                    platform::console_warn(&format!("Lab'O : la langue « {code} » n'a pas pu être chargée : {why}"))
                }
            }
        });
    }

    /// A language that stays `texts` until another is chosen (component tests).
    pub fn fixed(texts: &'static Texts) -> Language {
        Language {
            texts: RwSignal::new(texts),
            wanted: StoredValue::new(texts.meta_lang.to_owned()),
            fetched: StoredValue::new(Vec::new()),
        }
    }

    /// The texts shown now.
    pub fn texts(&self) -> Signal<&'static Texts> {
        self.texts.into()
    }
}

/// The texts of the current language, as a signal to read inside views.
pub fn use_texts() -> Signal<&'static Texts> {
    let language = use_context::<Language>().unwrap_or_else(Language::provide);
    language.texts()
}

/// One text of the current language, as a signal: `tr(|t| t.details_first_name)`.
pub fn tr(text: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    let t = use_texts();
    Signal::derive(move || text(t.get()))
}

/// A text naming the mission locale (`{mission_locale}`, with its article), in the current
/// language: `named(|t| t.confirmation_contact_title.into())`. Only pages rendered after a
/// successful load call this (it reads the configuration).
pub fn named(text: impl Fn(&'static Texts) -> String + Send + Sync + 'static) -> Signal<String> {
    let (t, short_name) = (use_texts(), use_config().mission_locale.short_name.clone());
    Signal::derive(move || crate::content::fill_mission_locale(t.get(), &text(t.get()), &short_name))
}

/// The deployment configuration. Only pages rendered after a successful load call this.
pub fn use_config() -> Arc<Config> {
    expect_context::<AppConfig>().0
}

/// The territory's communes. Only pages rendered after a successful load call this.
pub fn use_territory() -> Arc<Territory> {
    expect_context::<AppTerritory>().0
}

/// The sign-up this tab just put in the outbox ("Envoyer"), or whose reference the young person
/// typed on the confirmation page: the only one this tab shows (memory only: a reload, or the
/// next young person on a shared tablet, sees none). Queued is not delivered: the outbox says
/// when it is. `first_name` is empty when only the reference was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queued {
    pub reference: String,
    pub first_name: String,
    /// How the young person asked to be contacted, said on the confirmation page.
    pub channel: Option<ContactChannel>,
    /// The day the mission locale promised to call back by (`None` for a sign-up found by
    /// its reference: the page then says the number of days).
    pub call_back_before: Option<chrono::NaiveDate>,
}

/// One part of the journey's draft (the answers, a form…), read and written like a signal of
/// its own: a page that reads the eligibility form is not woken by an answer to the test.
pub struct Part<T: Send + Sync + 'static> {
    draft: RwSignal<Draft>,
    value: Memo<T>,
    part: fn(&mut Draft) -> &mut T,
}

impl<T: Send + Sync + 'static> Clone for Part<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Part<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Part<T> {
    fn new(draft: RwSignal<Draft>, read: fn(&Draft) -> &T, part: fn(&mut Draft) -> &mut T) -> Part<T> {
        Part { draft, value: Memo::new(move |_| draft.with(|d| read(d).clone())), part }
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    pub fn read(&self) -> impl core::ops::Deref<Target = T> {
        self.value.read()
    }

    pub fn read_untracked(&self) -> impl core::ops::Deref<Target = T> {
        self.value.read_untracked()
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    pub fn get(&self) -> T {
        self.value.get()
    }

    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.draft.update(|d| f((self.part)(d)));
    }

    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }
}

/// The young person's journey: everything typed so far (one [`Draft`], the domain's, so a new
/// field is written there and nowhere else), saved on the device as it changes; its parts as
/// signals of their own for the pages.
#[derive(Clone, Copy)]
pub struct Journey {
    draft: RwSignal<Draft>,
    pub answers: Part<Answers>,
    pub eligibility: Part<EligibilityForm>,
    pub details: Part<SignupForm>,
    /// The last sign-up this tab put in the outbox (memory only).
    pub queued: RwSignal<Option<Queued>>,
}

/// New ids from the browser's random source.
fn draw_ids() -> SignupIds {
    SignupIds::draw(platform::random_bytes(), platform::random_bytes())
}

/// The draft stored on the device, if any.
fn stored_draft() -> Option<Draft> {
    storage::read(storage::keys::DRAFT).and_then(|text| Draft::from_storage(&text, platform::now_ms()))
}

impl Journey {
    /// Restores the saved draft (if any, and not expired), keeps saving it as it changes, and
    /// follows the changes another tab makes to it.
    ///
    /// The sign-up's ids are drawn when the journey is first saved and travel with the draft:
    /// every tab holding these answers, and every "Envoyer", sends the same sign-up under the
    /// same Idempotency-Key.
    pub fn provide() -> Journey {
        let draft = stored_draft().unwrap_or_default();
        // What is on the device as far as this tab knows: not written again (two tabs would
        // otherwise echo each other's writes).
        let saved = StoredValue::new(Some(draft.clone()));
        let journey = Journey::holding(draft);
        // Saves what is typed. An empty journey writes nothing: only `clear` removes a stored
        // draft, so a draft this version could not read is never erased by accident.
        Effect::new(move || {
            let mut draft = journey.draft.get();
            if draft.is_empty() {
                return;
            }
            // Started at the first answer, and again if the clock was put back since.
            let mut changed = draft.check_timer(platform::now_ms());
            // Ids are drawn at the first answer, not for a link's attribution alone: the
            // attribution stays after a sign-up, and that tab must go on showing it as its own.
            if draft.ids.is_none() && draft.has_answers() {
                draft.ids = Some(draw_ids());
                changed = true;
                // A new journey (perhaps the next young person on this tablet): this tab no
                // longer shows the last sign-up as its own.
                journey.queued.set(None);
            }
            if changed {
                // Runs this effect again, with the draft as it is now.
                journey.draft.set(draft);
                return;
            }
            if saved.with_value(|s| s.as_ref() == Some(&draft)) {
                return;
            }
            storage::write(storage::keys::DRAFT, &draft.to_storage(platform::now_ms()));
            saved.set_value(Some(draft));
        });
        // Another tab typed, sent or erased: this tab shows the same journey, so it can never
        // send stale answers under other ids.
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            if !matches!(event.key().as_deref(), Some(storage::keys::DRAFT) | None) {
                return;
            }
            let stored = stored_draft().unwrap_or_default();
            if journey.draft.with_untracked(|d| *d != stored) {
                saved.set_value(Some(stored.clone()));
                journey.draft.set(stored);
            }
        });
        provide_context(journey);
        journey
    }

    /// An empty journey that saves nothing and follows no tab, for rendering a page outside a
    /// browser (the static pages, at build time).
    pub fn empty() -> Journey {
        let journey = Journey::holding(Draft::default());
        provide_context(journey);
        journey
    }

    /// A journey holding `draft`, not yet saved nor provided.
    fn holding(draft: Draft) -> Journey {
        let draft = RwSignal::new(draft);
        Journey {
            draft,
            answers: Part::new(draft, |d| &d.answers, |d| &mut d.answers),
            eligibility: Part::new(draft, |d| &d.eligibility, |d| &mut d.eligibility),
            details: Part::new(draft, |d| &d.details, |d| &mut d.details),
            queued: RwSignal::new(None),
        }
    }

    /// The reference of the sign-up these answers will be sent as, once drawn.
    pub fn reference(&self) -> Option<String> {
        self.draft.with(|d| d.ids.as_ref().map(|ids| ids.reference.clone()))
    }

    /// Everything typed so far.
    pub fn snapshot(&self) -> Draft {
        self.draft.get()
    }

    /// Changes the draft as a whole (a counsellor's link: its attribution and what it allows).
    pub fn update(&self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
    }

    /// Puts a rejected sign-up back into the forms, to correct it (see [`Draft::for_correction`]:
    /// same reference, new key, the timer started again, the hidden trap emptied).
    pub fn restore_for_correction(&self, draft: Draft, spent_seconds: u64) {
        self.draft.set(draft.for_correction(platform::random_bytes(), draw_ids, platform::now_ms(), spent_seconds));
    }

    /// Forgets the answers and the forms, on screen and on the device ("Effacer mes réponses",
    /// or once a sign-up is in the outbox). A counsellor's link attribution stays: it is not
    /// personal data, and on a counsellor's tablet it serves every young person in turn.
    pub fn clear(&self) {
        let attribution = self.draft.with_untracked(Draft::attribution);
        self.draft.set(attribution.clone());
        storage::remove(storage::keys::DRAFT);
        if !attribution.is_empty() {
            storage::write(storage::keys::DRAFT, &attribution.to_storage(platform::now_ms()));
        }
    }

    /// How far the answers as they are now let the young person go (read once, untracked: a
    /// page decides what to show when it opens).
    pub fn progress(&self, territory: &Territory) -> Progress {
        self.draft.with_untracked(|d| d.progress(territory, platform::today(), QUESTIONNAIRE.pathways))
    }

    /// Whether anything typed by the young person is held (not just a link's attribution).
    pub fn has_answers(&self) -> bool {
        self.draft.with(Draft::has_answers)
    }
}

pub fn use_journey() -> Journey {
    expect_context::<Journey>()
}

/// A text field bound to one `String` of a form: the value to show and the setter.
pub fn bind<T: Clone + PartialEq + Send + Sync + 'static>(
    form: Part<T>,
    get: fn(&T) -> &String,
    set: fn(&mut T) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || form.with(|f| get(f).clone())),
        Callback::new(move |value: String| form.update(|f| *set(f) = value)),
    )
}
