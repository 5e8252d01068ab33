use crate::app::router::use_location;
use leptos::prelude::*;

use crate::app::components::{
    BackLink, CONSENT_YES, ChoiceGroup, ChoiceOption, ErrorSummary, FormErrors, PageHeading, SubmitButton, TextField,
    bind_choice, field_name,
};
use crate::app::messages;
use crate::app::state::{bind, tr, use_config, use_journey, use_texts};
use crate::domain::draft::Step;
use crate::domain::questionnaire::QUESTIONNAIRE;
use crate::domain::route::Route;
use crate::domain::signup::{
    FOLLOWED_BY_MAX, Field, FieldError, Followed, IDEA_MAX, NAME_MAX, PHONE_MAX, SITUATION_OTHER_MAX, Situation,
    UNDECIDED,
};

/// The young person's details, in the GOV.UK / DSFR pattern: labels above fields, "(facultatif)"
/// on optional ones, validation on "Continuer" with an error summary, nothing lost on error.
/// Opened by the route table once the eligibility questions let the young person through.
#[component]
pub fn DetailsPage() -> impl IntoView {
    let (t, journey, location) = (use_texts(), use_journey(), use_location());
    let form = journey.details;
    let errors = FormErrors::<FieldError>::new(FieldError::field, messages::field_error);
    let error_for = move |field: Field| errors.of(field);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if errors.check(form.read_untracked().validate(QUESTIONNAIRE.pathways)).is_some() {
            location.navigate(Route::Signup(Step::Check));
        }
    };

    let (first_name, set_first_name) = bind(form, |f| &f.first_name, |f| &mut f.first_name);
    let (last_name, set_last_name) = bind(form, |f| &f.last_name, |f| &mut f.last_name);
    let (phone, set_phone) = bind(form, |f| &f.phone, |f| &mut f.phone);
    let (email, set_email) = bind(form, |f| &f.email, |f| &mut f.email);
    let (situation_other, set_situation_other) = bind(form, |f| &f.situation_other, |f| &mut f.situation_other);
    let (idea, set_idea) = bind(form, |f| &f.idea, |f| &mut f.idea);
    let (followed_by, set_followed_by) = bind(form, |f| &f.followed_by, |f| &mut f.followed_by);

    let situation = bind_choice(form, |f| f.situation, |f| &mut f.situation);
    let channel = bind_choice(form, |f| f.contact_channel, |f| &mut f.contact_channel);
    let time = bind_choice(form, |f| f.contact_time, |f| &mut f.contact_time);
    let followed = bind_choice(form, |f| f.followed, |f| &mut f.followed);
    let mut pathways = ChoiceOption::pathways(None);
    pathways.push(ChoiceOption::text(UNDECIDED, |t| t.details_pathway_undecided));
    let test_complete = Memo::new(move |_| QUESTIONNAIRE.score(&journey.answers.read()).is_ok());
    let privacy = {
        let config = use_config();
        Signal::derive(move || crate::legal::details_summary(t.get(), &config))
    };

    view! {
        <PageHeading text=tr(|t| t.details_title) title=tr(|t| t.details_page_title) has_errors=errors.shown() />
        <ErrorSummary errors=errors.summary() />
        <p>{tr(|t| t.details_intro)}</p>
        <form novalidate on:submit=on_submit>
            <TextField id=field_name(Field::FirstName) label=tr(|t| t.details_first_name) value=first_name on_input=set_first_name
                error=error_for(Field::FirstName) autocomplete="given-name" spellcheck="false" maxlength=NAME_MAX />
            <TextField id=field_name(Field::LastName) label=tr(|t| t.details_last_name) value=last_name on_input=set_last_name
                error=error_for(Field::LastName) autocomplete="family-name" spellcheck="false" maxlength=NAME_MAX />
            <TextField id=field_name(Field::Phone) label=tr(|t| t.details_phone) hint=tr(|t| t.details_phone_hint) value=phone
                on_input=set_phone error=error_for(Field::Phone) input_type="tel" autocomplete="tel" inputmode="tel" maxlength=PHONE_MAX />
            <TextField id=field_name(Field::Email) label=tr(|t| t.details_email) optional=true hint=tr(|t| t.details_email_hint)
                value=email on_input=set_email error=error_for(Field::Email) input_type="email" autocomplete="email"
                inputmode="email" spellcheck="false" maxlength=crate::domain::email::MAX_LENGTH />

            <ChoiceGroup name=field_name(Field::Situation) legend=tr(|t| t.details_situation_legend)
                options=situation.options selected=situation.selected on_choose=situation.on_choose error=error_for(Field::Situation) />
            <Show when=move || form.with(|f| f.situation == Some(Situation::Other))>
                <TextField id=field_name(Field::SituationOther) label=tr(|t| t.details_situation_other) optional=true
                    value=situation_other on_input=set_situation_other error=error_for(Field::SituationOther) maxlength=SITUATION_OTHER_MAX />
            </Show>

            <ChoiceGroup name=field_name(Field::ContactChannel) legend=tr(|t| t.details_contact_channel_legend)
                options=channel.options selected=channel.selected on_choose=channel.on_choose error=error_for(Field::ContactChannel) />
            <ChoiceGroup name=field_name(Field::ContactTime) legend=tr(|t| t.details_contact_time_legend)
                options=time.options selected=time.selected on_choose=time.on_choose error=error_for(Field::ContactTime) />

            // Asked here, not in the test: it must reach the counsellor even without the test.
            <ChoiceGroup name=field_name(Field::Followed) legend=tr(|t| t.details_followed_legend) optional=true
                options=followed.options selected=followed.selected on_choose=followed.on_choose />
            <Show when=move || form.with(|f| f.followed == Some(Followed::Yes))>
                <TextField id=field_name(Field::FollowedBy) label=tr(|t| t.details_followed_by) optional=true
                    value=followed_by on_input=set_followed_by error=error_for(Field::FollowedBy) spellcheck="false" maxlength=FOLLOWED_BY_MAX />
            </Show>

            <TextField id=field_name(Field::Idea) label=tr(|t| t.details_idea) optional=true hint=tr(|t| t.details_idea_hint)
                value=idea on_input=set_idea error=error_for(Field::Idea) multiline=true maxlength=IDEA_MAX />

            <ChoiceGroup
                name=field_name(Field::Pathway)
                legend=tr(|t| t.details_pathway_legend)
                hint=Some(tr(|t| t.details_pathway_hint))
                options=pathways
                selected=Signal::derive(move || vec![form.with(|f| f.pathway.clone())])
                on_choose=Callback::new(move |value: String| form.update(|f| f.pathway = value))
            />

            <Show when=move || test_complete.get()>
                <ChoiceGroup name=field_name(Field::Consent) legend=tr(|t| t.details_consent_legend) optional=true
                    hint=Some(tr(|t| t.details_consent_hint)) multiple=true
                    options=vec![ChoiceOption::text(CONSENT_YES, |t| t.details_consent)]
                    selected=Signal::derive(move || form.with(|f| f.share_answers.then(|| CONSENT_YES.to_owned()).into_iter().collect()))
                    on_choose=Callback::new(move |_| form.update(|f| f.share_answers = !f.share_answers)) />
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
                <a href=Route::Privacy.path()>{tr(|t| t.privacy_link)}</a>
            </p>

            <SubmitButton text=tr(|t| t.app_continue) />
        </form>
        <BackLink href=Route::Signup(Step::Eligibility).path() text=tr(|t| t.app_back) />
    }
}
