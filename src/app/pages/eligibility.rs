use crate::app::router::use_location;
use leptos::prelude::*;

use crate::app::components::{
    BackLink, Choice, ChoiceGroup, ChoiceOption, ErrorSummary, Field, FieldNotes, FormErrors, PageHeading,
    SubmitButton, TextInput, choice_id, field_name,
};
use crate::app::state::{Part, bind, tr, use_journey, use_territory, use_texts};
use crate::app::{messages, platform};
use crate::domain::draft::Step;
use crate::domain::eligibility::{ELSEWHERE, EligibilityError, EligibilityForm, SCHOOL_NO, SCHOOL_YES};
use crate::domain::route::Route;
use crate::domain::signup::Field;
use crate::domain::territory::Found;
use crate::fill;

/// Three questions before the details: date of birth, still at school or not, and the commune
/// (searched in the territory's list). Not eligible leads to a kind page, never a dead end.
#[component]
pub fn EligibilityPage() -> impl IntoView {
    let (t, form, location) = (use_texts(), use_journey().eligibility, use_location());
    let errors = FormErrors::<EligibilityError>::new(messages::eligibility_field, messages::eligibility_error);
    let error_for = move |field: Field| errors.of(field);
    let on_submit = {
        let territory = use_territory();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(answer) = errors.check(form.read_untracked().validate(&territory, platform::today())) {
                location.navigate(Route::Signup(Step::after_eligibility(&answer)));
            }
        }
    };

    let birth_error = error_for(Field::BirthDate);
    let (day, set_day) = bind(form, |f| &f.day, |f| &mut f.day);
    let (month, set_month) = bind(form, |f| &f.month, |f| &mut f.month);
    let (year, set_year) = bind(form, |f| &f.year, |f| &mut f.year);

    view! {
        <PageHeading text=tr(|t| t.eligibility_title) title=tr(|t| t.eligibility_page_title) has_errors=errors.shown() />
        <ErrorSummary errors=errors.summary() />
        <p class="lead">{tr(|t| t.eligibility_intro)}</p>
        <form novalidate on:submit=on_submit>
            <Field id="birth" hint=Some(tr(|t| t.eligibility_birth_hint)) error=birth_error group=true>
                <legend>{tr(|t| t.eligibility_birth_legend)}</legend>
                <FieldNotes />
                <div class="date-input">
                    <DatePart id=field_name(Field::BirthDate) label=move || t.get().eligibility_day autocomplete="bday-day" maxlength=2 value=day on_input=set_day />
                    <DatePart id="birth-month" label=move || t.get().eligibility_month autocomplete="bday-month" maxlength=2 value=month on_input=set_month />
                    <DatePart id="birth-year" label=move || t.get().eligibility_year autocomplete="bday-year" maxlength=4 value=year on_input=set_year />
                </div>
            </Field>

            <ChoiceGroup
                name=field_name(Field::School)
                legend=Signal::derive(move || t.get().eligibility_school_legend)
                hint=Some(tr(|t| t.eligibility_school_hint))
                options=vec![ChoiceOption::text(SCHOOL_NO, |t| t.eligibility_school_no), ChoiceOption::text(SCHOOL_YES, |t| t.eligibility_school_yes)]
                selected=Signal::derive(move || form.with(|f| f.school_answer().map(str::to_owned).into_iter().collect()))
                on_choose=Callback::new(move |value: String| form.update(|f| f.choose_school(&value)))
                error=error_for(Field::School)
            />

            <CommuneField form=form error=error_for(Field::Commune) />

            <SubmitButton text=tr(|t| t.app_continue) />
        </form>
        <BackLink href=Route::Start.path() text=tr(|t| t.app_back) />
    }
}

/// One of the three numeric inputs of the date of birth (marked invalid with the whole date).
#[component]
fn DatePart(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    autocomplete: &'static str,
    maxlength: usize,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let class = if maxlength == 4 { "input-year" } else { "input-short" };
    view! {
        <div class="date-part" class:date-year=maxlength == 4>
            <label for=id>{label}</label>
            <TextInput id=id inputmode=Some("numeric") autocomplete=Some(autocomplete) class=Some(class) maxlength=maxlength value=value on_input=on_input />
        </div>
    }
}

/// The commune: a search box and, below it, the matching communes as radio buttons (plus
/// "J'habite ailleurs"). Plain radios rather than an ARIA combobox: they work the same with a
/// screen reader, a keyboard, a magnifier and a thumb, and need no network.
#[component]
fn CommuneField(form: Part<EligibilityForm>, error: Signal<Option<&'static str>>) -> impl IntoView {
    let t = use_texts();
    let territory = use_territory();
    let (query, set_query) = bind(form, |f| &f.commune_query, |f| &mut f.commune_query);
    let offers = Memo::new(move |_| form.with(|f| territory.offers(&f.commune_query, f.commune.as_ref())));
    let count = move || {
        let t = t.get();
        match offers.with(|(_, found)| *found) {
            Found::TooShort => String::new(),
            Found::None => t.eligibility_commune_count_none.to_owned(),
            Found::One => t.eligibility_commune_count_one.to_owned(),
            Found::MoreThan(n) => fill!(t, eligibility_commune_count_more, count = &n.to_string()),
            Found::Many(n) => fill!(t, eligibility_commune_count_many, count = &n.to_string()),
        }
    };
    let choose = Callback::new(move |value: String| form.update(|f| f.choose_commune(&value)));
    let radio = move |value: String, label: Signal<String>| {
        let checked = {
            let value = value.clone();
            Signal::derive(move || form.with(|f| f.commune_answer() == value))
        };
        let id = choice_id(field_name(Field::Commune), &value);
        view! { <Choice input_type="radio" id=id name="commune-choice" value=value label=label checked=checked on_choose=choose /> }
    };
    view! {
        <Field id="commune" hint=Some(tr(|t| t.eligibility_commune_hint)) error=error class="commune-field">
            <label for="commune">{tr(|t| t.eligibility_commune_label)}</label>
            <FieldNotes />
            <TextInput id="commune" autocomplete=Some("address-level2") spellcheck=Some("false") maxlength=60 value=query on_input=set_query />
            <p class="search-count" role="status">{count}</p>
            <fieldset class="commune-results">
                <legend class="visually-hidden">{tr(|t| t.eligibility_commune_results_legend)}</legend>
                <div class="choices">
                    <For
                        each=move || offers.get().0
                        key=|offer| offer.value.clone()
                        children=move |offer| radio(offer.value, Signal::stored(offer.label))
                    />
                    {radio(ELSEWHERE.to_owned(), Signal::derive(move || t.get().eligibility_commune_elsewhere.to_owned()))}
                </div>
            </fieldset>
        </Field>
    }
}
