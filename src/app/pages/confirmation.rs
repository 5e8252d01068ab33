use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::{paths, use_page_title};
use crate::app::components::PAGE_TITLE_ID;
use crate::app::platform;
use crate::app::state::{use_config, use_journey, use_texts};
use crate::content::fill;

/// After a 2xx from the endpoint: the reference (with a copy button), what happens next and
/// when, and how to reach the mission locale. The young person's data has left the device.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let config = use_config();
    use_page_title(|t| t.send_sent_title.to_owned(), Signal::stored(false));
    let Some(sent) = journey.sent.get_untracked() else {
        return view! {
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || t.get().confirmation_none_title}</h1>
            <p><A href=paths::START>{move || t.get().confirmation_home}</A></p>
        }
        .into_any();
    };
    let copied = RwSignal::new(false);
    let reference = sent.reference.clone();
    let copy = move |_| {
        let reference = reference.clone();
        spawn_local(async move {
            copied.set(platform::copy_text(&reference).await);
        });
    };
    let ml = config.mission_locale.clone();
    let days = ml.callback_working_days.to_string();
    let phone_href = format!("tel:{}", ml.phone.e164());
    let email = ml.email.clone().map(|email| {
        let href = format!("mailto:{email}");
        view! { <li>{move || t.get().confirmation_email_label} " " <a href=href>{email}</a></li> }
    });
    let address = ml.address.clone().map(|a| view! { <li>{move || t.get().confirmation_address_label} " " {a}</li> });
    let hours = ml.hours.clone().map(|h| view! { <li>{move || t.get().confirmation_hours_label} " " {h}</li> });
    view! {
        <div class="panel-success">
            <h1 id=PAGE_TITLE_ID tabindex="-1">{move || t.get().send_sent_title}</h1>
            <p>{move || t.get().confirmation_reference}</p>
            <p class="reference" data-testid="reference">{sent.reference.clone()}</p>
        </div>
        <p class="lead">{move || fill(t.get().confirmation_text, &[("first_name", &sent.first_name)])}</p>
        <p>{move || t.get().confirmation_reference_hint}</p>
        <p>
            <button type="button" class="button" on:click=copy>{move || t.get().confirmation_copy}</button>
        </p>
        <p role="status" class="copy-status">{move || copied.get().then(|| t.get().confirmation_copied)}</p>

        <h2>{move || t.get().confirmation_next_title}</h2>
        <ol>
            <li>{move || fill(t.get().confirmation_next_call, &[("days", &days)])}</li>
            {move || t.get().confirmation_next_steps.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
        </ol>

        <h2>{move || t.get().confirmation_contact_title}</h2>
        <ul class="contact-list">
            <li><strong>{ml.name.clone()}</strong></li>
            <li>{move || t.get().confirmation_phone_label} " " <a href=phone_href>{ml.phone.display()}</a></li>
            {email}
            {address}
            {hours}
        </ul>
        <p>{move || t.get().confirmation_data_removed}</p>
        <p><A href=paths::START>{move || t.get().confirmation_home}</A></p>
    }
    .into_any()
}
