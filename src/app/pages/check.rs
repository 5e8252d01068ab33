use std::sync::Arc;

use crate::app::router::{redirect, use_location};
use leptos::prelude::*;

use crate::app::components::{BackLink, PageHeading, field_id};
use crate::app::messages::{channel_label, followed_label, situation_label, time_label};
use crate::app::outbox::use_outbox;
use crate::app::state::{Queued, tr, use_config, use_journey, use_territory, use_texts};
use crate::app::{paths, platform};
use crate::content::Texts;
use crate::domain::dates;
use crate::domain::draft::{Progress, Sending, Step, Submit};
use crate::domain::eligibility::EligibilityAnswer;
use crate::domain::outbox::Entry;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::signup::{Field, ValidDetails};

/// "Vérifie tes réponses": every answer with a "Modifier" link, then "Envoyer".
#[component]
pub fn CheckPage() -> impl IntoView {
    let progress = use_journey().progress(&use_territory());
    match (progress.step_for(Step::Check), progress) {
        (Step::Check, Progress::Complete(e, d)) => view! { <Check eligibility=e details=d /> }.into_any(),
        (other, _) => redirect(paths::step(other)).into_any(),
    }
}

#[component]
fn Check(eligibility: EligibilityAnswer, details: ValidDetails) -> impl IntoView {
    let t = use_texts();
    let journey = use_journey();
    let outbox = use_outbox();
    let territory = use_territory();
    let location = use_location();

    // "Envoyer": the sign-up goes into the outbox on the device, then leaves the forms (only
    // once the device has kept it); the confirmation page follows it until the endpoint accepts
    // it. Built from the journey as it is now: another tab may have sent or changed it.
    let call_back_days = use_config().mission_locale.callback_working_days;
    let send = {
        let territory = territory.clone();
        move |_| {
            let draft = journey.snapshot();
            let sending = Sending {
                territory: &territory,
                questionnaire: &QUESTIONNAIRE,
                today: platform::today(),
                now_ms: platform::now_ms(),
                submitted_at: platform::now_iso(),
                locale: t.get_untracked().meta_lang,
                call_back_working_days: call_back_days,
            };
            match draft.submit(&sending) {
                Submit::Queue(payload) => {
                    let (reference, first_name) = (payload.reference.clone(), payload.applicant.first_name.clone());
                    let channel = Some(payload.contact.channel);
                    let call_back_before = dates::parse_iso_date(&payload.contact.call_back_before);
                    journey.queued.set(Some(Queued { reference, first_name, channel, call_back_before }));
                    if outbox.enqueue(Entry::new(&payload, draft, platform::now_ms())) {
                        journey.clear();
                    }
                    location.navigate(paths::CONFIRMATION);
                }
                Submit::Confirmation => location.navigate(paths::CONFIRMATION),
                Submit::Complete(step) => location.navigate(paths::step(step)),
            }
        }
    };

    let rows = summary_rows(&eligibility, &details, &territory, journey);
    view! {
        <PageHeading text=tr(|t| t.check_title) title=tr(|t| t.check_page_title) />
        <p>{tr(|t| t.check_intro)}</p>
        <dl class="summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    let href = format!("{}#{}", row.page, field_id(row.field));
                    let (label, label_again, value) = (row.label.clone(), row.label, row.value);
                    view! {
                        <div class="summary-row">
                            <dt>{move || label(t.get())}</dt>
                            <dd>{move || value(t.get())}</dd>
                            <dd class="summary-action">
                                <a href=href>
                                    {tr(|t| t.check_change)}
                                    <span class="visually-hidden">{tr(|t| t.app_colon)} {move || label_again(t.get())}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p class="actions">
            <button type="button" class="button button-primary" on:click=send>
                {tr(|t| t.check_send)}
            </button>
        </p>
        <BackLink href=paths::DETAILS text=tr(|t| t.app_back) />
    }
}

/// One line of the summary: what it is, what was answered, where to change it.
struct Row {
    label: Arc<dyn Fn(&'static Texts) -> String + Send + Sync>,
    value: Arc<dyn Fn(&'static Texts) -> String + Send + Sync>,
    page: &'static str,
    field: Field,
}

fn row(
    label: impl Fn(&'static Texts) -> String + Send + Sync + 'static,
    value: impl Fn(&'static Texts) -> String + Send + Sync + 'static,
    page: &'static str,
    field: Field,
) -> Row {
    Row { label: Arc::new(label), value: Arc::new(value), page, field }
}

/// A row of the details page for an optional answer: "Non renseigné" when not given.
fn optional_row(label: fn(&'static Texts) -> &'static str, value: Option<String>, field: Field) -> Row {
    let value = move |t: &'static Texts| value.clone().unwrap_or_else(|| t.check_not_given.to_owned());
    row(move |t| label(t).to_owned(), value, paths::DETAILS, field)
}

fn summary_rows(
    eligibility: &EligibilityAnswer,
    details: &ValidDetails,
    territory: &crate::domain::territory::Territory,
    journey: crate::app::state::Journey,
) -> Vec<Row> {
    let birth = {
        use chrono::Datelike;
        let date = eligibility.birth_date;
        format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
    };
    let at_school = eligibility.at_school;
    let commune = eligibility
        .commune
        .as_ref()
        .and_then(|c| territory.resolve(c))
        .map(|m| format!("{} ({})", m.commune.name, m.postcode));
    let d = details.clone();
    let (first_name, last_name) = (d.first_name.clone(), d.last_name.clone());
    let email = d.email.clone();
    let (situation, other) = (d.situation, d.situation_other.clone());
    let (channel, time) = (d.contact_channel, d.contact_time);
    let idea = d.idea.clone();
    let pathway = d.pathway.as_deref().and_then(|p| QUESTIONNAIRE.pathway_index(p));
    let share = d.share_answers;
    let test_done = QUESTIONNAIRE.score(&journey.answers.read_untracked()).is_ok();
    let mut rows = vec![
        row(|t| t.details_first_name.to_owned(), move |_| first_name.clone(), paths::DETAILS, Field::FirstName),
        row(|t| t.details_last_name.to_owned(), move |_| last_name.clone(), paths::DETAILS, Field::LastName),
        row(|t| t.check_birth_date.to_owned(), move |_| birth.clone(), paths::ELIGIBILITY, Field::BirthDate),
        row(
            |t| t.check_school.to_owned(),
            move |t| if at_school { t.check_yes } else { t.check_no }.to_owned(),
            paths::ELIGIBILITY,
            Field::School,
        ),
        row(
            |t| t.check_commune.to_owned(),
            move |t| commune.clone().unwrap_or_else(|| t.eligibility_commune_elsewhere.to_owned()),
            paths::ELIGIBILITY,
            Field::Commune,
        ),
    ];
    let phone = details.phone.display();
    rows.push(row(|t| t.details_phone.to_owned(), move |_| phone.clone(), paths::DETAILS, Field::Phone));
    rows.push(optional_row(|t| t.details_email, email, Field::Email));
    rows.push(row(
        |t| t.details_situation_legend.to_owned(),
        move |t| match &other {
            Some(other) => format!("{}{}{other}", situation_label(t, situation), t.app_colon),
            None => situation_label(t, situation).to_owned(),
        },
        paths::DETAILS,
        Field::Situation,
    ));
    rows.push(row(
        |t| t.check_contact.to_owned(),
        move |t| format!("{}, {}", channel_label(t, channel), time_label(t, time).to_lowercase()),
        paths::DETAILS,
        Field::ContactChannel,
    ));
    let (followed, followed_by) = (d.followed, d.followed_by.clone());
    rows.push(row(
        |t| t.details_followed_legend.to_owned(),
        move |t| match (followed, &followed_by) {
            (Some(answer), Some(name)) => format!("{} ({name})", followed_label(t, answer)),
            (Some(answer), None) => followed_label(t, answer).to_owned(),
            (None, _) => t.check_not_given.to_owned(),
        },
        paths::DETAILS,
        Field::Followed,
    ));
    rows.push(optional_row(|t| t.details_idea, idea, Field::Idea));
    rows.push(row(
        |t| t.details_pathway_legend.to_owned(),
        move |t| pathway.map_or_else(|| t.details_pathway_undecided.to_owned(), |p| t.pathways[p].name.to_owned()),
        paths::DETAILS,
        Field::Pathway,
    ));
    if test_done {
        rows.push(row(
            |t| t.check_consent.to_owned(),
            move |t| if share { t.check_yes } else { t.check_no }.to_owned(),
            paths::DETAILS,
            Field::Consent,
        ));
    }
    rows
}
