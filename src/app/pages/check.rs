use crate::app::router::use_location;
use leptos::prelude::*;

use crate::app::components::{BackLink, PageHeading, field_id};
use crate::app::messages::{channel_label, followed_label, situation_label, time_label};
use crate::app::outbox::use_outbox;
use crate::app::platform;
use crate::app::state::{Queued, tr, use_config, use_journey, use_territory, use_texts};
use crate::content::Texts;
use crate::domain::dates;
use crate::domain::draft::{Sending, Step, Submit};
use crate::domain::eligibility::EligibilityAnswer;
use crate::domain::outbox::Entry;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::route::Route;
use crate::domain::signup::{Answer, Field, ValidDetails, check_rows};

/// "Vérifie tes réponses": every answer with a "Modifier" link, then "Envoyer". Opened by the
/// route table with the answers once they are all valid.
#[component]
pub fn CheckPage(eligibility: EligibilityAnswer, details: ValidDetails) -> impl IntoView {
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
                    location.navigate(Route::Confirmation);
                }
                Submit::Confirmation => location.navigate(Route::Confirmation),
                Submit::Complete(step) => location.navigate(Route::Signup(step)),
            }
        }
    };

    let test_done = QUESTIONNAIRE.score(&journey.answers.read_untracked()).is_ok();
    let rows = check_rows(&eligibility, &details, &territory, &QUESTIONNAIRE, test_done);
    view! {
        <PageHeading text=tr(|t| t.check_title) title=tr(|t| t.check_page_title) />
        <p>{tr(|t| t.check_intro)}</p>
        <dl class="summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    let href = format!("{}#{}", Route::Signup(row.step).path(), field_id(row.field));
                    let (field, answer) = (row.field, row.answer);
                    view! {
                        <div class="summary-row">
                            <dt>{move || check_label(t.get(), field)}</dt>
                            <dd>{move || answer_text(t.get(), &answer)}</dd>
                            <dd class="summary-action">
                                <a href=href>
                                    {tr(|t| t.check_change)}
                                    <span class="visually-hidden">
                                        {tr(|t| t.app_colon)} {move || check_label(t.get(), field)}
                                    </span>
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
        <BackLink href=Route::Signup(Step::Details).path() text=tr(|t| t.app_back) />
    }
}

/// The words of a row's label.
fn check_label(t: &'static Texts, field: Field) -> &'static str {
    match field {
        Field::FirstName => t.details_first_name,
        Field::LastName => t.details_last_name,
        Field::BirthDate => t.check_birth_date,
        Field::School => t.check_school,
        Field::Commune => t.check_commune,
        Field::Phone => t.details_phone,
        Field::Email => t.details_email,
        Field::Situation | Field::SituationOther => t.details_situation_legend,
        Field::ContactChannel | Field::ContactTime => t.check_contact,
        Field::Followed | Field::FollowedBy => t.details_followed_legend,
        Field::Idea => t.details_idea,
        Field::Pathway => t.details_pathway_legend,
        Field::Consent => t.check_consent,
    }
}

/// A row's answer in words.
fn answer_text(t: &'static Texts, answer: &Answer) -> String {
    match answer {
        Answer::Text(text) => text.clone(),
        Answer::NotGiven | Answer::Followed(None, _) => t.check_not_given.to_owned(),
        Answer::YesNo(yes) => if *yes { t.check_yes } else { t.check_no }.to_owned(),
        Answer::Elsewhere => t.eligibility_commune_elsewhere.to_owned(),
        Answer::Situation(situation, Some(other)) => {
            format!("{}{}{other}", situation_label(t, *situation), t.app_colon)
        }
        Answer::Situation(situation, None) => situation_label(t, *situation).to_owned(),
        Answer::Contact(channel, time) => {
            format!("{}, {}", channel_label(t, *channel), time_label(t, *time).to_lowercase())
        }
        Answer::Followed(Some(answer), Some(name)) => format!("{} ({name})", followed_label(t, *answer)),
        Answer::Followed(Some(answer), None) => followed_label(t, *answer).to_owned(),
        Answer::Pathway(pathway) => {
            pathway.map_or_else(|| t.details_pathway_undecided.to_owned(), |p| t.pathways[p].name.to_owned())
        }
    }
}
