use crate::app::router::use_location;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{CallLine, PageHeading, Places, SubmitButton, TextField};
use crate::app::outbox::use_outbox;
use crate::app::platform;
use crate::app::state::{Queued, tr, use_config, use_journey, use_texts};
use crate::content::{Texts, fill, fill_mission_locale};
use crate::domain::dates;
use crate::domain::draft::Step;
use crate::domain::outbox::SignupStatus;
use crate::domain::route::Route;
use crate::domain::signup::ContactChannel;

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
/// region announces each change to screen readers.
/// It shows only this tab's own sign-up (or the one whose reference was typed here): on a
/// shared phone, a reload or a direct visit says how many sign-ups wait, nothing personal.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let outbox = use_outbox();
    let config = use_config();
    let location = use_location();

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
    let announcement = move || {
        let t = t.get();
        match status.get() {
            SignupStatus::Pending { .. } if outbox.sending.get() => t.outbox_sending,
            SignupStatus::Pending { .. } => t.outbox_pending_status,
            other => heading(t, &other, persistent.get()),
        }
    };
    let reference = move || status.with(|s| s.reference().map(str::to_owned));
    // What this tab sent (the details leave the device once it is in the outbox).
    let mine = move || journey.queued.get().filter(|s| Some(&s.reference) == reference().as_ref());
    let first_name = move || mine().map(|s| s.first_name).filter(|name| !name.is_empty());
    let channel = move || mine().and_then(|s| s.channel);
    let call_back_before = move || mine().and_then(|s| s.call_back_before);

    let ml = config.mission_locale.clone();
    let phone = ml.phone.clone();
    let phone_href = format!("tel:{}", phone.e164());
    let call_line = {
        let (phone, short_name) = (phone.clone(), ml.short_name.clone());
        move |template: fn(&'static Texts) -> &'static str| {
            view! { <CallLine template=template phone=phone.clone() short_name=short_name.clone() /> }
        }
    };
    let named = {
        let short_name = ml.short_name.clone();
        move |text: &str| fill_mission_locale(t.get(), text, &short_name)
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(reference) = reference() {
            spawn_local(async move { copied.set(platform::copy_text(&reference).await) });
        }
    };
    let correct = move |_| {
        if let SignupStatus::Rejected { key, .. } = status.get_untracked()
            && let Some(entry) = outbox.take(&key)
        {
            let spent = entry.fill_seconds();
            journey.restore_for_correction(entry.draft, spent);
            location.navigate(Route::Signup(Step::Check));
        }
    };
    let resend = move |_| {
        if let SignupStatus::Unreadable { key, .. } = status.get_untracked() {
            outbox.resend(&key);
        }
    };
    // "Voir mon inscription": the young person proves a sign-up is theirs by its reference.
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
    let days = ml.callback_working_days.to_string();
    let reference_hint = {
        let named = named.clone();
        Signal::derive(move || named(t.get().confirmation_reference_hint))
    };
    let resend_text = {
        let named = named.clone();
        Signal::derive(move || named(t.get().outbox_resend_text))
    };
    let sent_details = {
        let ml = ml.clone();
        let call_line = call_line.clone();
        move || {
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
            let days = days.clone();
            let (phone_href, phone) = (phone_href.clone(), phone.clone());
            let (named_1, named_2, named_3, named_4) = (named.clone(), named.clone(), named.clone(), named.clone());
            view! {
                <p class="lead">
                    {Signal::derive(move || match first_name() {
                        Some(name) => named_1(&fill(t.get().confirmation_text, &[("first_name", &name)])),
                        None => named_1(t.get().confirmation_text_anonymous),
                    })}
                </p>
                <h2>{tr(|t| t.confirmation_next_title)}</h2>
                <ol>
                    <li>
                        {Signal::derive(move || {
                            let t = t.get();
                            let by = by_channel(t, channel());
                            match call_back_before() {
                                Some(date) => named_4(&fill(
                                    t.confirmation_next_call,
                                    &[("date", &dates::long_date(date, t.meta_lang)), ("channel", by)],
                                )),
                                None => fill(t.confirmation_next_call_days, &[("days", &days), ("channel", by)]),
                            }
                        })}
                    </li>
                    {move || {
                        t.get().confirmation_next_steps.iter().map(|line| view! { <li>{named_2(line)}</li> }).collect_view()
                    }}
                </ol>
                <h2>{Signal::derive(move || named_3(t.get().confirmation_contact_title))}</h2>
                <ul class="contact-list">
                    <li><strong lang="fr">{ml.name.clone()}</strong></li>
                    <li>{tr(|t| t.confirmation_phone_label)} " " <a href=phone_href>{phone.display()}</a></li>
                    {email}
                    {address}
                    {hours}
                </ul>
                <Places />
                <p>{tr(|t| t.confirmation_data_removed)}</p>
                {call_line(|t| t.footer_call)}
            }
            .into_any()
        }
    };

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
        <div class="status-panel" class:panel-success=move || matches!(status.get(), SignupStatus::Delivered { .. })
            class:panel-pending=move || matches!(status.get(), SignupStatus::Pending { .. } | SignupStatus::Unreadable { .. })
            class:panel-error=move || matches!(status.get(), SignupStatus::Rejected { .. })>
            <PageHeading text=title title=title />
            {move || reference().map(|reference| view! {
                <p>{tr(|t| t.confirmation_reference)}</p>
                <p class="reference" data-testid="reference">{reference}</p>
            })}
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
        {move || match shown.get() {
            SignupStatus::Pending { endpoint_error, .. } => view! {
                <p class="lead">
                    {move || if persistent.get() { t.get().outbox_pending_text } else { t.get().outbox_unsaved_text }}
                </p>
                {endpoint_error.then(|| view! { <p class="notice">{tr(|t| t.outbox_endpoint_error_text)}</p> })}
                {blocked}
                <p class="sending-state">{announcement}</p>
                <p>{reference_hint}</p>
                {call_line(|t| t.outbox_pending_call)}
            }
            .into_any(),
            SignupStatus::Unreadable { .. } => view! {
                <p class="lead">{tr(|t| t.outbox_unreadable_text)}</p>
                {call_line(|t| t.outbox_unreadable_call)}
                <p>{resend_text}</p>
                <p class="actions">
                    <button type="button" class="button" on:click=resend>{tr(|t| t.outbox_resend)}</button>
                </p>
            }
            .into_any(),
            SignupStatus::Unknown { .. } => view! {
                <p class="lead">{tr(|t| t.confirmation_unknown_text)}</p>
                {call_line(|t| t.confirmation_unknown_call)}
            }
            .into_any(),
            SignupStatus::Waiting { .. } => view! {
                {move || (waiting.get() > 0).then(|| {
                    let count = waiting.get().to_string();
                    view! { <p class="lead">{move || fill(t.get().confirmation_waiting_text, &[("count", &count)])}</p> }
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
                {call_line(|t| t.outbox_pending_call)}
            }
            .into_any(),
            SignupStatus::Rejected { problems, .. } => view! {
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
                {call_line(|t| t.outbox_rejected_call)}
            }
            .into_any(),
            SignupStatus::Delivered { .. } => sent_details().into_any(),
            SignupStatus::Nothing => ().into_any(),
        }}
        {move || status.with(|s| s.reference().is_some()).then(|| view! {
            <p>
                <button type="button" class="button" on:click=copy>{tr(|t| t.confirmation_copy)}</button>
            </p>
            <p role="status" class="copy-status">{move || copied.get().then(|| t.get().confirmation_copied)}</p>
        })}
        <p><a href=Route::Start.path()>{tr(|t| t.confirmation_home)}</a></p>
    }
}
