use leptos::prelude::*;

use crate::app::components::{Frame, PageHeading, TextWithLink};
use crate::app::net::ConfigFailure;
use crate::app::outbox::OutboxState;
use crate::app::state::{Journey, tr, use_texts};
use crate::app::{platform, storage};
use crate::content::{Texts, fill_mission_locale};
use crate::domain::config::{ContactFallback, DEFAULT_SHORT_NAME};
use crate::domain::outbox::SignupStatus;
use crate::fill;

/// Where young people can find their mission locale when ours cannot be reached online.
pub const NATIONAL_DIRECTORY_URL: &str = "https://www.1jeune1solution.gouv.fr/accompagnement";

/// Shown instead of the app when `config.json` is missing, unreachable or invalid.
///
/// The young person still gets a way to reach the mission locale: the phone number from the
/// last configuration that worked on this device, otherwise the national directory. The
/// deployer gets every problem in the console and, discreetly, in a "technical details" block.
/// Sign-ups still on the device are said (this tab's own by its reference, others only by their
/// number): the outbox keeps sending them with the endpoint settings of the last configuration
/// that worked.
///
/// On the counsellors' page (`formal`), it speaks to counsellors: "vous".
#[component]
pub fn BrokenConfigPage(
    failure: ConfigFailure,
    /// Counsellors read it: "vous", header and footer included.
    #[prop(optional)]
    formal: bool,
) -> impl IntoView {
    let t = use_texts();
    let details: Vec<String> = match &failure {
        ConfigFailure::Unreachable(reason) => {
            vec![fill!(t.get_untracked(), broken_config_unreachable, reason = reason)]
        }
        ConfigFailure::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    for line in &details {
        platform::console_error(&format!("Lab'O : {line}"));
    }
    // On the page, in French typography like every other text.
    let details: Vec<String> = details.iter().map(|line| crate::domain::typography::french(line)).collect();

    let fallback: Option<ContactFallback> =
        storage::read(storage::keys::CONTACT_FALLBACK).and_then(|s| ContactFallback::from_storage(&s));
    let pick = |tu: fn(&'static Texts) -> &'static str, vous: fn(&'static Texts) -> &'static str| {
        if formal { vous } else { tu }
    };
    let (text, call_known, call_unknown) = (
        pick(|t| t.broken_config_text, |t| t.broken_config_text_formal),
        pick(|t| t.broken_config_call_known, |t| t.broken_config_call_known_formal),
        pick(|t| t.broken_config_call_unknown, |t| t.broken_config_call_unknown_formal),
    );
    let short_name = fallback.as_ref().map_or_else(|| DEFAULT_SHORT_NAME.to_owned(), |c| c.short_name.clone());
    let contact = match fallback {
        Some(contact) => {
            let href = format!("tel:{}", contact.phone_e164);
            let short_name = short_name.clone();
            let sentence = Memo::new(move |_| fill_mission_locale(t.get(), call_known(t.get()), &short_name));
            view! {
                <TextWithLink text=sentence.into() placeholder="phone" href=href link=contact.phone_display class="lead" />
            }
            .into_any()
        }
        None => view! {
            <p class="lead">{tr(call_unknown)}</p>
            <p>
                <a href=NATIONAL_DIRECTORY_URL>{tr(|t| t.broken_config_directory_link)}</a>
            </p>
        }
        .into_any(),
    };

    // The counsellors' page has no outbox. This tab's own sign-up is shown by its reference;
    // others waiting on the device (a shared phone) only by their number.
    let mine = use_context::<Journey>().and_then(|j| j.queued.get_untracked().map(|q| q.reference));
    let waiting = use_context::<OutboxState>().map(|outbox| {
        move || {
            let (status, count) = outbox.outbox.with(|o| (o.status(&[], mine.as_deref()), o.waiting()));
            match status {
                SignupStatus::Pending { reference, .. } => Some(
                    view! {
                        <h2>{tr(|t| t.broken_config_pending_title)}</h2>
                        <p>{tr(|t| t.broken_config_pending_text)}</p>
                        <p class="reference">{reference}</p>
                    }
                    .into_any(),
                ),
                // This tab's rejected or maybe-received sign-up, or none of its own: the number.
                _ if count > 0 => {
                    let count = count.to_string();
                    Some(
                        view! {
                            <h2>{tr(|t| t.confirmation_waiting_title)}</h2>
                            <p>{move || fill!(t.get(), confirmation_waiting_text, count = &count)}</p>
                        }
                        .into_any(),
                    )
                }
                _ => None,
            }
        }
    });

    view! {
        <Frame phone=None short_name=short_name formal=formal>
            <PageHeading text=tr(|t| t.broken_config_title) title=tr(|t| t.broken_config_page_title) />
            <p>{tr(text)}</p>
            {contact}
            {waiting}
            <details class="technical-details">
                <summary>{tr(|t| t.broken_config_details)}</summary>
                <ul>{details.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </details>
        </Frame>
    }
}
