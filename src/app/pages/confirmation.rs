use crate::app::router::use_location;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{CallLine, PageHeading, Places, SubmitButton, TextField};
use crate::app::outbox::use_outbox;
use crate::app::platform;
use crate::app::state::{Queued, named, tr, use_config, use_journey, use_texts};
use crate::content::Texts;
use crate::domain::dates;
use crate::domain::draft::Step;
use crate::domain::outbox::SignupStatus;
use crate::domain::route::Route;
use crate::domain::signup::ContactChannel;
use crate::fill;

/// The reference field of "Voir mon inscription".
const LOOKUP_ID: &str = "reference-lookup";

/// "par SMS": how the counsellor will contact the young person, if this tab knows.
fn by_channel(t: &Texts, channel: Option<ContactChannel>) -> &'static str {
    match channel {
        Some(ContactChannel::Call) => t.confirmation_by_call,
        Some(ContactChannel::Sms) => t.confirmation_by_sms,
        Some(ContactChannel::Email) => t.confirmation_by_email,
        None => t.confirmation_by_choice,
    }
}

/// The heading for a status; a pending sign-up the device could not keep says so.
fn heading(t: &Texts, status: &SignupStatus, persistent: bool) -> &'static str {
    match status {
        SignupStatus::Pending { .. } if !persistent => t.outbox_unsaved_title,
        SignupStatus::Pending { .. } => t.outbox_pending_title,
        SignupStatus::Rejected { .. } => t.outbox_rejected_title,
        SignupStatus::Unreadable { .. } => t.outbox_unreadable_title,
        SignupStatus::Delivered { .. } => t.send_delivered_title,
        SignupStatus::Unknown { .. } => t.confirmation_unknown_title,
        SignupStatus::Waiting { count } if *count > 0 => t.confirmation_waiting_title,
        SignupStatus::Waiting { .. } | SignupStatus::Nothing => t.confirmation_none_title,
    }
}

/// Follows the sign-up honestly: "Inscription envoyée" only after a 2xx; until then "enregistrée
/// sur ton téléphone, envoi automatique dès que possible" (or "en attente d'envoi, laisse cette
/// page ouverte" when the device could not keep it), with the reference and the phone; an
/// answer the app could not read is "peut-être arrivée", never "envoyée".
/// The heading stays the same element while the status changes (focus is kept), and a live
/// region announces each change to screen readers; below it, one small component per status.
/// It shows only this tab's own sign-up (or the one whose reference was typed here): on a
/// shared phone, a reload or a direct visit says how many sign-ups wait, nothing personal.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let outbox = use_outbox();

    let status = Memo::new(move |_| {
        let mine = journey.queued.with(|s| s.as_ref().map(|s| s.reference.clone()));
        outbox.delivered.with(|delivered| outbox.outbox.with(|o| o.status(delivered, mine.as_deref())))
    });
    // What the page is built from: a change of how many wait does not rebuild the reference
    // form someone may be typing in (only the number changes).
    let shown = Memo::new(move |_| match status.get() {
        SignupStatus::Waiting { .. } => SignupStatus::Waiting { count: 0 },
        other => other,
    });
    let waiting = Memo::new(move |_| match status.get() {
        SignupStatus::Waiting { count } => count,
        _ => 0,
    });
    let persistent = outbox.persistent;
    let title = Signal::derive(move || heading(t.get(), &status.get(), persistent.get()));
    let announcement = Signal::derive(move || {
        let t = t.get();
        match status.get() {
            SignupStatus::Pending { .. } if outbox.sending.get() => t.outbox_sending,
            SignupStatus::Pending { .. } => t.outbox_pending_status,
            other => heading(t, &other, persistent.get()),
        }
    });
    let reference = Memo::new(move |_| status.with(|s| s.reference().map(str::to_owned)));

    view! {
        <div class="status-panel" class:panel-success=move || matches!(status.get(), SignupStatus::Delivered { .. })
            class:panel-pending=move || matches!(status.get(), SignupStatus::Pending { .. } | SignupStatus::Unreadable { .. })
            class:panel-error=move || matches!(status.get(), SignupStatus::Rejected { .. })>
            <PageHeading text=title title=title />
            {move || reference.get().map(|reference| view! {
                <p>{tr(|t| t.confirmation_reference)}</p>
                <p class="reference" data-testid="reference">{reference}</p>
            })}
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
        {move || match shown.get() {
            SignupStatus::Pending { endpoint_error, .. } => {
                view! { <Pending endpoint_error=endpoint_error announcement=announcement /> }.into_any()
            }
            SignupStatus::Unreadable { key, .. } => view! { <Unreadable key=key /> }.into_any(),
            SignupStatus::Unknown { .. } => view! {
                <p class="lead">{tr(|t| t.confirmation_unknown_text)}</p>
                <CallUs template=|t| t.confirmation_unknown_call />
            }
            .into_any(),
            SignupStatus::Waiting { .. } => view! { <Waiting count=waiting /> }.into_any(),
            SignupStatus::Rejected { key, problems, .. } => view! { <Rejected key=key problems=problems /> }.into_any(),
            SignupStatus::Delivered { reference } => view! { <Delivered reference=reference /> }.into_any(),
            SignupStatus::Nothing => ().into_any(),
        }}
        {move || reference.get().map(|reference| view! { <CopyReference reference=reference /> })}
        <p><a href=Route::Start.path()>{tr(|t| t.confirmation_home)}</a></p>
    }
}

/// "Appelle la Mission Locale au …", with the deployment's phone.
#[component]
fn CallUs(template: fn(&'static Texts) -> &'static str) -> impl IntoView {
    let ml = &use_config().mission_locale;
    view! { <CallLine template=template phone=ml.phone.clone() short_name=ml.short_name.clone() /> }
}

/// On the device, on its way: kept or not, the endpoint's own error if it gave one, what is
/// happening now ("Envoi en cours…"), and what to do with the reference meanwhile.
#[component]
fn Pending(endpoint_error: bool, announcement: Signal<&'static str>) -> impl IntoView {
    let (t, outbox) = (use_texts(), use_outbox());
    // A setting of the site blocks the POST (a Content-Security-Policy header): the young person
    // gets the phone, the deployer the details.
    let blocked = move || {
        outbox.blocked.get().map(|problem| {
            view! {
                <div class="notice notice-error">
                    <p>{tr(|t| t.outbox_blocked_text)}</p>
                    <details class="technical-details">
                        <summary>{tr(|t| t.broken_config_details)}</summary>
                        <p>{crate::domain::typography::french(&problem)}</p>
                    </details>
                </div>
            }
        })
    };
    view! {
        <p class="lead">
            {move || if outbox.persistent.get() { t.get().outbox_pending_text } else { t.get().outbox_unsaved_text }}
        </p>
        {endpoint_error.then(|| view! { <p class="notice">{tr(|t| t.outbox_endpoint_error_text)}</p> })}
        {blocked}
        <p class="sending-state">{announcement}</p>
        <p>{named(|t| t.confirmation_reference_hint.into())}</p>
        <CallUs template=|t| t.outbox_pending_call />
    }
}

/// Maybe received: never said to be sent; the phone, and one explained way to send it again
/// (same key) once the deployer has fixed the address.
#[component]
fn Unreadable(key: String) -> impl IntoView {
    let outbox = use_outbox();
    view! {
        <p class="lead">{tr(|t| t.outbox_unreadable_text)}</p>
        <CallUs template=|t| t.outbox_unreadable_call />
        <p>{named(|t| t.outbox_resend_text.into())}</p>
        <p class="actions">
            <button type="button" class="button" on:click=move |_| outbox.resend(&key)>{tr(|t| t.outbox_resend)}</button>
        </p>
    }
}

/// Refused by the endpoint: its reasons, and "Corriger mes réponses" (the answers back in the
/// forms, at the check page).
#[component]
fn Rejected(key: String, problems: Vec<String>) -> impl IntoView {
    let (journey, outbox, location) = (use_journey(), use_outbox(), use_location());
    let correct = move |_| {
        if let Some(entry) = outbox.take(&key) {
            let spent = entry.fill_seconds();
            journey.restore_for_correction(entry.draft, spent);
            location.navigate(Route::Signup(Step::Check));
        }
    };
    view! {
        <div class="notice notice-error">
            <p>{tr(|t| t.outbox_rejected_text)}</p>
            {(!problems.is_empty()).then(|| view! {
                <p>{tr(|t| t.send_rejected_details)}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
        </div>
        <p class="actions">
            <button type="button" class="button button-primary" on:click=correct>{tr(|t| t.outbox_correct)}</button>
        </p>
        <CallUs template=|t| t.outbox_rejected_call />
    }
}

/// No sign-up of this tab's own: how many wait on the device (nothing personal), and "Voir mon
/// inscription", where the young person proves one is theirs by typing its reference.
#[component]
fn Waiting(count: Memo<usize>) -> impl IntoView {
    let (t, journey, outbox) = (use_texts(), use_journey(), use_outbox());
    let typed = RwSignal::new(String::new());
    let unknown_reference = RwSignal::new(false);
    let lookup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let claimed = outbox
            .delivered
            .with_untracked(|delivered| outbox.outbox.with_untracked(|o| o.claim(delivered, &typed.get_untracked())));
        unknown_reference.set(claimed.is_none());
        match claimed {
            Some(reference) => {
                let queued = Queued { reference, first_name: String::new(), channel: None, call_back_before: None };
                journey.queued.set(Some(queued));
                platform::focus_id(crate::app::components::PAGE_TITLE_ID);
            }
            None => platform::focus_id(LOOKUP_ID),
        }
    };
    let lookup_error = Signal::derive(move || unknown_reference.get().then(|| t.get().confirmation_lookup_unknown));
    view! {
        {move || (count.get() > 0).then(|| {
            let count = count.get().to_string();
            view! { <p class="lead">{move || fill!(t.get(), confirmation_waiting_text, count = &count)}</p> }
        })}
        <p>{tr(|t| t.confirmation_waiting_privacy)}</p>
        <form class="reference-lookup" novalidate on:submit=lookup>
            <TextField id=LOOKUP_ID label=tr(|t| t.confirmation_lookup_label)
                hint=tr(|t| t.confirmation_lookup_hint) value=typed.into()
                on_input=Callback::new(move |v| {
                    typed.set(v);
                    unknown_reference.set(false);
                }) error=lookup_error
                autocomplete="off" spellcheck="false" maxlength=20 />
            <SubmitButton text=tr(|t| t.confirmation_lookup_button) />
        </form>
        <CallUs template=|t| t.outbox_pending_call />
    }
}

/// Delivered: what happens next (by when and how the counsellor calls, when this tab knows),
/// and how to reach the mission locale.
#[component]
fn Delivered(reference: String) -> impl IntoView {
    let (t, journey) = (use_texts(), use_journey());
    let ml = use_config().mission_locale.clone();
    // What this tab sent (the details leave the device once it is in the outbox).
    let mine = move || journey.queued.get().filter(|s| s.reference == reference);
    let lead = {
        let mine = mine.clone();
        named(move |t| match mine().map(|s| s.first_name).filter(|name| !name.is_empty()) {
            Some(name) => fill!(t, confirmation_text, first_name = &name),
            None => t.confirmation_text_anonymous.to_owned(),
        })
    };
    let days = ml.callback_working_days.to_string();
    let next_call = named(move |t| {
        let queued = mine();
        let by = by_channel(t, queued.as_ref().and_then(|s| s.channel));
        match queued.and_then(|s| s.call_back_before) {
            Some(date) => {
                fill!(t, confirmation_next_call, date = &dates::long_date(date, t.meta_lang), channel = by)
            }
            None => fill!(t, confirmation_next_call_days, days = &days, channel = by),
        }
    });
    let email = ml.email.clone().map(|email| {
        let href = format!("mailto:{email}");
        view! { <li>{tr(|t| t.confirmation_email_label)} " " <a href=href>{email}</a></li> }
    });
    // The deployer's texts, in French (RGAA 8.7 on an English page).
    let address = ml
        .address
        .clone()
        .map(|a| view! { <li>{tr(|t| t.confirmation_address_label)} " " <span lang="fr">{a}</span></li> });
    let hours = ml
        .hours
        .clone()
        .map(|h| view! { <li>{tr(|t| t.confirmation_hours_label)} " " <span lang="fr">{h}</span></li> });
    let steps = move || {
        t.get()
            .confirmation_next_steps
            .iter()
            .map(|line| view! { <li>{named(move |_| (*line).to_owned())}</li> })
            .collect_view()
    };
    view! {
        <p class="lead">{lead}</p>
        <h2>{tr(|t| t.confirmation_next_title)}</h2>
        <ol>
            <li>{next_call}</li>
            {steps}
        </ol>
        <h2>{named(|t| t.confirmation_contact_title.into())}</h2>
        <ul class="contact-list">
            <li><strong lang="fr">{ml.name.clone()}</strong></li>
            <li>{tr(|t| t.confirmation_phone_label)} " " <a href=format!("tel:{}", ml.phone.e164())>{ml.phone.display()}</a></li>
            {email}
            {address}
            {hours}
        </ul>
        <Places />
        <p>{tr(|t| t.confirmation_data_removed)}</p>
        <CallUs template=|t| t.footer_call />
    }
}

/// "Copier ma référence", and a word when it is copied.
#[component]
fn CopyReference(reference: String) -> impl IntoView {
    let t = use_texts();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let reference = reference.clone();
        spawn_local(async move { copied.set(platform::copy_text(&reference).await) });
    };
    view! {
        <p>
            <button type="button" class="button" on:click=copy>{tr(|t| t.confirmation_copy)}</button>
        </p>
        <p role="status" class="copy-status">{move || copied.get().then(|| t.get().confirmation_copied)}</p>
    }
}
