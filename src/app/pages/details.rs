use crate::app::router::{redirect, use_location};
use leptos::prelude::*;

use super::{paths, use_page_title};
use crate::app::components::{ChoiceGroup, ChoiceOption, ERROR_SUMMARY_ID, ErrorSummary, PAGE_TITLE_ID, TextField};
use crate::app::state::{bind, tr, use_config, use_journey, use_territory, use_texts};
use crate::app::{messages, platform};
use crate::content::Texts;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::signup::{
    ContactChannel, ContactTime, Field, FieldError, IDEA_MAX, NAME_MAX, PHONE_MAX, SITUATION_OTHER_MAX, Situation,
    UNDECIDED,
};

pub(super) fn situation_label(t: &'static Texts, s: Situation) -> &'static str {
    match s {
        Situation::JobSeeking => t.situation_job_seeking,
        Situation::Training => t.situation_training,
        Situation::Employed => t.situation_employed,
        Situation::NothingYet => t.situation_nothing_yet,
        Situation::Other => t.situation_other,
    }
}

pub(super) fn channel_label(t: &'static Texts, c: ContactChannel) -> &'static str {
    match c {
        ContactChannel::Call => t.contact_call,
        ContactChannel::Sms => t.contact_sms,
        ContactChannel::Email => t.contact_email,
    }
}

pub(super) fn time_label(t: &'static Texts, c: ContactTime) -> &'static str {
    match c {
        ContactTime::Morning => t.contact_morning,
        ContactTime::Midday => t.contact_midday,
        ContactTime::Afternoon => t.contact_afternoon,
        ContactTime::AnyTime => t.contact_any_time,
    }
}

/// One answer per value of a closed list, labelled in the current language.
fn options<T: Copy + Send + Sync + 'static>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(&'static Texts, T) -> &'static str,
) -> Vec<ChoiceOption> {
    let t = use_texts();
    all.iter()
        .map(|&value| ChoiceOption {
            value: code(value).to_owned(),
            label: Signal::derive(move || label(t.get(), value).to_owned()),
        })
        .collect()
}

/// Only reachable once the eligibility questions let the young person through.
#[component]
pub fn DetailsPage() -> impl IntoView {
    let journey = use_journey();
    let territory = use_territory();
    let allowed = journey
        .eligibility
        .read_untracked()
        .validate(&territory, platform::today())
        .is_ok_and(|a| a.may_continue(journey.allow_outside_territory.get_untracked()));
    if allowed { view! { <DetailsForm /> }.into_any() } else { redirect(paths::ELIGIBILITY).into_any() }
}

/// The young person's details, in the GOV.UK / DSFR pattern: labels above fields, "(facultatif)"
/// on optional ones, validation on "Continuer" with an error summary, nothing lost on error.
#[component]
fn DetailsForm() -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let config = use_config();
    let location = use_location();
    let form = journey.details;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    use_page_title(|t| t.details_page_title.to_owned(), Signal::derive(move || !errors.read().is_empty()));

    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.get().into_iter().find(|e| e.field() == field).map(|e| messages::field_error(t.get(), e))
        })
    };
    let summary = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|e| (e.field().html_id().to_owned(), messages::field_error(t.get(), e)))
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.read_untracked().validate(QUESTIONNAIRE.pathways) {
            Err(problems) => {
                errors.set(problems);
                platform::focus_when_rendered(ERROR_SUMMARY_ID);
            }
            Ok(_) => {
                errors.set(Vec::new());
                location.navigate(paths::CHECK);
            }
        }
    };

    let (first_name, set_first_name) = bind(form, |f| &f.first_name, |f| &mut f.first_name);
    let (last_name, set_last_name) = bind(form, |f| &f.last_name, |f| &mut f.last_name);
    let (phone, set_phone) = bind(form, |f| &f.phone, |f| &mut f.phone);
    let (email, set_email) = bind(form, |f| &f.email, |f| &mut f.email);
    let (situation_other, set_situation_other) = bind(form, |f| &f.situation_other, |f| &mut f.situation_other);
    let (idea, set_idea) = bind(form, |f| &f.idea, |f| &mut f.idea);

    let situations = options(&Situation::ALL, Situation::code, situation_label);
    let channels = options(&ContactChannel::ALL, ContactChannel::code, channel_label);
    let times = options(&ContactTime::ALL, ContactTime::code, time_label);
    let mut pathways: Vec<ChoiceOption> = QUESTIONNAIRE
        .pathways
        .iter()
        .enumerate()
        .map(|(p, id)| ChoiceOption {
            value: (*id).to_owned(),
            label: Signal::derive(move || t.get().pathways[p].name.to_owned()),
        })
        .collect();
    pathways.push(ChoiceOption::text(UNDECIDED, |t| t.details_pathway_undecided));
    let test_complete = Memo::new(move |_| QUESTIONNAIRE.score(&journey.answers.read()).is_ok());
    let privacy = {
        let config = config.clone();
        Signal::derive(move || crate::legal::details_summary(t.get(), &config))
    };

    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.details_title)}</h1>
        <ErrorSummary errors=summary />
        <p>{tr(|t| t.details_intro)}</p>
        <form novalidate on:submit=on_submit>
            <TextField id=Field::FirstName.html_id() label=tr(|t| t.details_first_name) value=first_name on_input=set_first_name
                error=error_for(Field::FirstName) autocomplete="given-name" spellcheck="false" maxlength=NAME_MAX />
            <TextField id=Field::LastName.html_id() label=tr(|t| t.details_last_name) value=last_name on_input=set_last_name
                error=error_for(Field::LastName) autocomplete="family-name" spellcheck="false" maxlength=NAME_MAX />
            <TextField id=Field::Phone.html_id() label=tr(|t| t.details_phone) hint=tr(|t| t.details_phone_hint) value=phone
                on_input=set_phone error=error_for(Field::Phone) input_type="tel" autocomplete="tel" inputmode="tel" maxlength=PHONE_MAX />
            <TextField id=Field::Email.html_id() label=tr(|t| t.details_email) optional=true hint=tr(|t| t.details_email_hint)
                value=email on_input=set_email error=error_for(Field::Email) input_type="email" autocomplete="email"
                inputmode="email" spellcheck="false" maxlength=crate::domain::email::MAX_LENGTH />

            <ChoiceGroup
                name="situation"
                legend=tr(|t| t.details_situation_legend)
                options=situations
                selected=Signal::derive(move || form.with(|f| f.situation.map(|s| s.code().to_owned()).into_iter().collect()))
                on_choose=Callback::new(move |value: String| {
                    form.update(|f| f.situation = Situation::ALL.into_iter().find(|s| s.code() == value))
                })
                error=error_for(Field::Situation)
            />
            <Show when=move || form.with(|f| f.situation == Some(Situation::Other))>
                <TextField id=Field::SituationOther.html_id() label=tr(|t| t.details_situation_other) optional=true
                    value=situation_other on_input=set_situation_other error=error_for(Field::SituationOther) maxlength=SITUATION_OTHER_MAX />
            </Show>

            <ChoiceGroup
                name="contact-channel"
                legend=tr(|t| t.details_contact_channel_legend)
                options=channels
                selected=Signal::derive(move || form.with(|f| f.contact_channel.map(|c| c.code().to_owned()).into_iter().collect()))
                on_choose=Callback::new(move |value: String| {
                    form.update(|f| f.contact_channel = ContactChannel::ALL.into_iter().find(|c| c.code() == value))
                })
                error=error_for(Field::ContactChannel)
            />
            <ChoiceGroup
                name="contact-time"
                legend=tr(|t| t.details_contact_time_legend)
                options=times
                selected=Signal::derive(move || form.with(|f| f.contact_time.map(|c| c.code().to_owned()).into_iter().collect()))
                on_choose=Callback::new(move |value: String| {
                    form.update(|f| f.contact_time = ContactTime::ALL.into_iter().find(|c| c.code() == value))
                })
                error=error_for(Field::ContactTime)
            />

            <TextField id=Field::Idea.html_id() label=tr(|t| t.details_idea) optional=true hint=tr(|t| t.details_idea_hint)
                value=idea on_input=set_idea error=error_for(Field::Idea) multiline=true maxlength=IDEA_MAX />

            <ChoiceGroup
                name="pathway"
                legend=tr(|t| t.details_pathway_legend)
                hint=Some(tr(|t| t.details_pathway_hint))
                options=pathways
                selected=Signal::derive(move || vec![form.with(|f| f.pathway.clone())])
                on_choose=Callback::new(move |value: String| form.update(|f| f.pathway = value))
                error=Signal::stored(None)
            />

            <Show when=move || test_complete.get()>
                <div class="field">
                    <fieldset aria-describedby="consent-hint">
                        <legend>{tr(|t| t.details_consent_legend)} " " <span class="optional">{tr(|t| t.app_optional)}</span></legend>
                        <p class="hint" id="consent-hint">{tr(|t| t.details_consent_hint)}</p>
                        <div class="choice">
                            <input
                                type="checkbox"
                                id="consent"
                                name="consent"
                                prop:checked=move || form.with(|f| f.share_answers)
                                on:change=move |ev| form.update(|f| f.share_answers = event_target_checked(&ev))
                            />
                            <label for="consent">{tr(|t| t.details_consent)}</label>
                        </div>
                    </fieldset>
                </div>
            </Show>

            // The anti-spam trap: hidden from every person and from assistive technology (the
            // `hidden` attribute), so only robots that fill every field fill it in.
            <div class="trap" hidden>
                <label for="website">"Website"</label>
                <input
                    id="website"
                    name="website"
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || form.with(|f| f.website.clone())
                    on:input=move |ev| form.update(|f| f.website = event_target_value(&ev))
                />
            </div>

            <h2>{tr(|t| t.details_privacy_title)}</h2>
            <p class="privacy-summary">{privacy}</p>
            <p>
                <a href=paths::PRIVACY>{tr(|t| t.privacy_link)}</a>
            </p>

            <p class="actions">
                <button type="submit" class="button button-primary">{tr(|t| t.app_continue)}</button>
            </p>
        </form>
        <p class="back-link">
            <a href=paths::ELIGIBILITY>{tr(|t| t.app_back)}</a>
        </p>
    }
}
