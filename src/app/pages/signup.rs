use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{ERROR_SUMMARY_ID, ErrorSummary, TextField};
use crate::app::state::{use_config, use_texts};
use crate::app::{messages, net, platform};
use crate::content::{around, fill};
use crate::domain::ids;
use crate::domain::response::Outcome;
use crate::domain::signup::{
    Envelope, Field, FieldError, NAME_MAX, PHONE_MAX, Payload, SignupForm, Source, ValidSignup,
};

/// Where a sign-up stands on this page.
#[derive(Clone, Debug, PartialEq)]
enum SendState {
    Editing,
    Sending,
    Sent { reference: String, first_name: String },
    Failed(Outcome),
}

/// The minimal sign-up form: first name and phone, POSTed to the configured endpoint.
#[component]
pub fn SignupPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    let first_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let state = RwSignal::new(SendState::Editing);
    // The payload of the attempt in progress: a retry of the same data reuses its reference and
    // idempotency key, so the endpoint can recognise a repeat.
    let pending: StoredValue<Option<(ValidSignup, Payload)>> = StoredValue::new(None);
    const CONFIRMATION_ID: &str = "confirmation-title";

    Effect::new(move || {
        let t = t.get();
        let prefix = if errors.with(Vec::is_empty) { "" } else { t.errors_page_title_prefix };
        let page = if matches!(state.get(), SendState::Sent { .. }) { t.send_sent_title } else { t.signup_page_title };
        platform::set_title(&format!("{prefix}{page}{}", t.app_title_suffix));
    });

    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.get().into_iter().find(|e| e.field() == field).map(|e| messages::field_error(t.get(), e))
        })
    };
    let summary_items = Signal::derive(move || {
        errors.get().into_iter().map(|e| (e.field().html_id(), messages::field_error(t.get(), e))).collect::<Vec<_>>()
    });

    let send = {
        let config = config.clone();
        move |payload: Payload, first_name: String| {
            state.set(SendState::Sending);
            let endpoint = config.endpoint.clone();
            spawn_local(async move {
                let outcome = net::send_signup(&endpoint, &payload).await;
                if outcome == Outcome::Accepted {
                    pending.set_value(None);
                    state.set(SendState::Sent { reference: payload.reference.clone(), first_name });
                    platform::focus_when_rendered(CONFIRMATION_ID);
                } else {
                    state.set(SendState::Failed(outcome));
                }
            });
        }
    };

    let submit = {
        let send = send.clone();
        move || {
            if state.get_untracked() == SendState::Sending {
                return;
            }
            let form = SignupForm { first_name: first_name.get_untracked(), phone: phone.get_untracked() };
            match form.validate() {
                Err(problems) => {
                    errors.set(problems);
                    platform::focus_when_rendered(ERROR_SUMMARY_ID);
                }
                Ok(valid) => {
                    errors.set(Vec::new());
                    let payload = match pending.get_value() {
                        Some((previous, payload)) if previous == valid => payload,
                        _ => {
                            let envelope = Envelope {
                                reference: ids::reference({
                                    let mut bytes = platform::random_bytes::<64>().into_iter().cycle();
                                    move || bytes.next().unwrap_or_default()
                                }),
                                idempotency_key: ids::uuid_v4(platform::random_bytes()),
                                submitted_at: platform::now_iso(),
                                locale: t.get_untracked().meta_lang.to_owned(),
                            };
                            let payload = Payload::build(&valid, envelope, Source::default());
                            pending.set_value(Some((valid.clone(), payload.clone())));
                            payload
                        }
                    };
                    send(payload, valid.first_name);
                }
            }
        }
    };
    let on_submit = {
        let submit = submit.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            submit();
        }
    };

    let phone_display = config.mission_locale.phone.display();
    let phone_href = format!("tel:{}", config.mission_locale.phone.e164());
    let failure_message = move || {
        let t = t.get();
        match state.get() {
            SendState::Failed(Outcome::RetryLater { status: None }) => Some((t.send_unreachable, Vec::new())),
            SendState::Failed(Outcome::RetryLater { .. }) => Some((t.send_server_error, Vec::new())),
            SendState::Failed(Outcome::Rejected { problems, .. }) => Some((t.send_rejected, problems)),
            _ => None,
        }
    };

    view! {
        <Show
            when=move || matches!(state.get(), SendState::Sent { .. })
            fallback=move || {
                let phone_display = phone_display.clone();
                let phone_href = phone_href.clone();
                view! {
                    <h1>{move || t.get().signup_title}</h1>
                    <ErrorSummary errors=summary_items />
                    <p>{move || t.get().signup_intro}</p>
                    {move || {
                        let phone_display = phone_display.clone();
                        let phone_href = phone_href.clone();
                        failure_message()
                            .map(|(message, problems)| {
                                view! {
                                    <div class="notice notice-error" role="alert">
                                        <p>
                                            {around(message, "phone").0}
                                            <a href=phone_href>{phone_display}</a>
                                            {around(message, "phone").1}
                                        </p>
                                        {(!problems.is_empty())
                                            .then(|| {
                                                view! {
                                                    <p>{move || t.get().send_rejected_details}</p>
                                                    <ul>
                                                        {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                                                    </ul>
                                                }
                                            })}
                                    </div>
                                }
                            })
                    }}
                    <form novalidate on:submit=on_submit.clone()>
                        <TextField
                            id=Field::FirstName.html_id()
                            label=|t| t.signup_first_name
                            value=first_name
                            error=error_for(Field::FirstName)
                            autocomplete="given-name"
                            spellcheck="false"
                            maxlength=NAME_MAX
                        />
                        <TextField
                            id=Field::Phone.html_id()
                            label=|t| t.signup_phone
                            hint=|t| t.signup_phone_hint
                            value=phone
                            error=error_for(Field::Phone)
                            input_type="tel"
                            autocomplete="tel"
                            inputmode="tel"
                            maxlength=PHONE_MAX
                        />
                        <button type="submit" class="button button-primary" aria-disabled=move || (state.get() == SendState::Sending).then_some("true")>
                            {move || if state.get() == SendState::Sending { t.get().signup_sending } else { t.get().signup_submit }}
                        </button>
                    </form>
                    <p class="visually-hidden" role="status">
                        {move || (state.get() == SendState::Sending).then(|| t.get().signup_sending)}
                    </p>
                }
            }
        >
            {move || match state.get() {
                SendState::Sent { reference, first_name } => {
                    view! {
                        <h1 tabindex="-1" id=CONFIRMATION_ID>{move || t.get().send_sent_title}</h1>
                        <p class="lead">{move || fill(t.get().send_sent_text, &[("first_name", &first_name)])}</p>
                        <p>
                            {move || t.get().send_reference} " " <strong class="reference" data-testid="reference">{reference.clone()}</strong>
                        </p>
                    }
                    .into_any()
                }
                _ => ().into_any(),
            }}
        </Show>
    }
}
