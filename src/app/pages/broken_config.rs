use leptos::prelude::*;

use crate::app::components::Frame;
use crate::app::net::ConfigFailure;
use crate::app::outbox::OutboxState;
use crate::app::state::{tr, use_texts};
use crate::app::{platform, storage};
use crate::content::{around, fill};
use crate::domain::config::ContactFallback;

/// Where young people can find their mission locale when ours cannot be reached online.
pub const NATIONAL_DIRECTORY_URL: &str = "https://www.1jeune1solution.gouv.fr/accompagnement";

/// Shown instead of the app when `config.json` is missing, unreachable or invalid.
///
/// The young person still gets a way to reach the mission locale: the phone number from the
/// last configuration that worked on this device, otherwise the national directory. The
/// deployer gets every problem in the console and, discreetly, in a "technical details" block.
/// Sign-ups still on the device are listed by reference: the outbox keeps sending them with the
/// endpoint settings of the last configuration that worked.
#[component]
pub fn BrokenConfigPage(failure: ConfigFailure) -> impl IntoView {
    let t = use_texts();
    let details: Vec<String> = match &failure {
        ConfigFailure::Unreachable(reason) => {
            vec![fill(t.get_untracked().broken_config_unreachable, &[("reason", reason)])]
        }
        ConfigFailure::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    for line in &details {
        platform::console_error(&format!("Lab'O : {line}"));
    }
    Effect::new(move || {
        platform::set_title(&format!("{}{}", t.get().broken_config_page_title, t.get().app_title_suffix))
    });

    let fallback: Option<ContactFallback> =
        storage::read(storage::keys::CONTACT_FALLBACK).and_then(|s| ContactFallback::from_storage(&s));
    let contact = match fallback {
        Some(contact) => {
            let href = format!("tel:{}", contact.phone_e164);
            let name = contact.name.clone();
            view! {
                <p class="lead">
                    {move || fill(around(t.get().broken_config_call_known, "phone").0, &[("name", &name)])}
                    <a href=href.clone()>{contact.phone_display.clone()}</a>
                    {move || around(t.get().broken_config_call_known, "phone").1}
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="lead">{tr(|t| t.broken_config_call_unknown)}</p>
            <p>
                <a href=NATIONAL_DIRECTORY_URL>{tr(|t| t.broken_config_directory_link)}</a>
            </p>
        }
        .into_any(),
    };

    // The counsellors' page has no outbox.
    let waiting = use_context::<OutboxState>().map(|outbox| {
        move || {
            let references = outbox.outbox.with(|o| o.references());
            (!references.is_empty()).then(|| {
                view! {
                    <h2>{tr(|t| t.broken_config_pending_title)}</h2>
                    <p>{tr(|t| t.broken_config_pending_text)}</p>
                    <ul class="reference-list">
                        {references.into_iter().map(|r| view! { <li class="reference">{r}</li> }).collect_view()}
                    </ul>
                }
            })
        }
    });

    view! {
        <Frame phone=None>
            <h1>{tr(|t| t.broken_config_title)}</h1>
            <p>{tr(|t| t.broken_config_text)}</p>
            {contact}
            {waiting}
            <details class="technical-details">
                <summary>{tr(|t| t.broken_config_details)}</summary>
                <ul>{details.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </details>
        </Frame>
    }
}
