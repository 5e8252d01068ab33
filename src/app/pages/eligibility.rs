use crate::app::router::use_location;
use leptos::prelude::*;

use crate::app::components::{
    BackLink, ChoiceGroup, ChoiceOption, ErrorSummary, FormErrors, InlineError, PageHeading, SCHOOL_NO, SubmitButton,
    choice_id, described_by, field_name,
};
use crate::app::state::{bind, tr, use_journey, use_territory, use_texts};
use crate::app::{messages, platform};
use crate::content::fill;
use crate::domain::draft::Step;
use crate::domain::eligibility::{EligibilityError, EligibilityForm};
use crate::domain::route::Route;
use crate::domain::signup::Field;
use crate::domain::territory::{CommuneChoice, MAX_RESULTS};

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
    let birth_described = described_by("birth", true, birth_error);

    view! {
        <PageHeading text=tr(|t| t.eligibility_title) title=tr(|t| t.eligibility_page_title) has_errors=errors.shown() />
        <ErrorSummary errors=errors.summary() />
        <p class="lead">{tr(|t| t.eligibility_intro)}</p>
        <form novalidate on:submit=on_submit>
            <div class="field" class:field-error=move || birth_error.get().is_some()>
                <fieldset role="group" aria-describedby=birth_described>
                    <legend>{tr(|t| t.eligibility_birth_legend)}</legend>
                    <p class="hint" id="birth-hint">{tr(|t| t.eligibility_birth_hint)}</p>
                    <InlineError id="birth" error=birth_error />
                    <div class="date-input">
                        <DatePart id=field_name(Field::BirthDate) label=move || t.get().eligibility_day autocomplete="bday-day" maxlength=2 value=day on_input=set_day invalid=birth_error />
                        <DatePart id="birth-month" label=move || t.get().eligibility_month autocomplete="bday-month" maxlength=2 value=month on_input=set_month invalid=birth_error />
                        <DatePart id="birth-year" label=move || t.get().eligibility_year autocomplete="bday-year" maxlength=4 value=year on_input=set_year invalid=birth_error />
                    </div>
                </fieldset>
            </div>

            <ChoiceGroup
                name=field_name(Field::School)
                legend=Signal::derive(move || t.get().eligibility_school_legend)
                hint=Some(tr(|t| t.eligibility_school_hint))
                options=vec![ChoiceOption::text(SCHOOL_NO, |t| t.eligibility_school_no), ChoiceOption::text("yes", |t| t.eligibility_school_yes)]
                selected=Signal::derive(move || {
                    form.with(|f| f.at_school.map(|s| if s { "yes" } else { SCHOOL_NO }.to_owned()).into_iter().collect())
                })
                on_choose=Callback::new(move |value: String| form.update(|f| f.at_school = Some(value == "yes")))
                error=error_for(Field::School)
            />

            <CommuneField form=form error=error_for(Field::Commune) />

            <SubmitButton text=tr(|t| t.app_continue) />
        </form>
        <BackLink href=Route::Start.path() text=tr(|t| t.app_back) />
    }
}

/// One of the three numeric inputs of the date of birth.
#[component]
fn DatePart(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    autocomplete: &'static str,
    maxlength: usize,
    value: Signal<String>,
    on_input: Callback<String>,
    invalid: Signal<Option<&'static str>>,
) -> impl IntoView {
    view! {
        <div class="date-part" class:date-year=maxlength == 4>
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type="text"
                inputmode="numeric"
                autocomplete=autocomplete
                maxlength=maxlength
                class=if maxlength == 4 { "input-year" } else { "input-short" }
                aria-invalid=move || invalid.get().is_some().then_some("true")
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// The commune: a search box and, below it, the matching communes as radio buttons (plus
/// "J'habite ailleurs"). Plain radios rather than an ARIA combobox: they work the same with a
/// screen reader, a keyboard, a magnifier and a thumb, and need no network.
#[component]
fn CommuneField(form: RwSignal<EligibilityForm>, error: Signal<Option<&'static str>>) -> impl IntoView {
    let t = use_texts();
    let territory = use_territory();
    let (query, set_query) = bind(form, |f| &f.commune_query, |f| &mut f.commune_query);
    let results = Memo::new({
        let territory = territory.clone();
        move |_| {
            let query = query.get();
            let mut list: Vec<(String, String, String)> = territory
                .search_at_most(&query, MAX_RESULTS + 1)
                .into_iter()
                .map(|m| {
                    (m.commune.insee.clone(), m.postcode.to_owned(), format!("{} ({})", m.commune.name, m.postcode))
                })
                .collect();
            // Keep the chosen commune visible even when the search no longer finds it.
            if let Some(choice) = form.with(|f| f.commune.clone())
                && !list.iter().any(|(insee, postcode, _)| *insee == choice.insee && *postcode == choice.postcode)
                && let Some(m) = territory.resolve(&choice)
            {
                list.insert(
                    0,
                    (choice.insee.clone(), choice.postcode.clone(), format!("{} ({})", m.commune.name, m.postcode)),
                );
            }
            list
        }
    });
    let count = move || {
        let t = t.get();
        let query = query.get();
        if query.trim().chars().count() < 2 {
            return String::new();
        }
        match results.with(Vec::len) {
            0 => t.eligibility_commune_count_none.to_owned(),
            1 => t.eligibility_commune_count_one.to_owned(),
            n if n > MAX_RESULTS => fill(t.eligibility_commune_count_more, &[("count", &MAX_RESULTS.to_string())]),
            n => fill(t.eligibility_commune_count_many, &[("count", &n.to_string())]),
        }
    };
    let selected = move || {
        form.with(|f| {
            if f.elsewhere {
                "elsewhere".to_owned()
            } else {
                f.commune.as_ref().map(|c| format!("{}-{}", c.insee, c.postcode)).unwrap_or_default()
            }
        })
    };
    let choose = move |value: String| {
        form.update(|f| {
            if value == "elsewhere" {
                f.elsewhere = true;
                f.commune = None;
            } else if let Some((insee, postcode)) = value.split_once('-') {
                f.elsewhere = false;
                f.commune = Some(CommuneChoice { insee: insee.to_owned(), postcode: postcode.to_owned() });
            }
        });
    };
    let described = described_by("commune", true, error);
    view! {
        <div class="field commune-field" class:field-error=move || error.get().is_some()>
            <label for="commune">{tr(|t| t.eligibility_commune_label)}</label>
            <p class="hint" id="commune-hint">{tr(|t| t.eligibility_commune_hint)}</p>
            <InlineError id="commune" error=error />
            <input
                id="commune"
                name="commune"
                type="text"
                autocomplete="address-level2"
                spellcheck="false"
                maxlength="60"
                aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=query
                on:input=move |ev| set_query.run(event_target_value(&ev))
            />
            <p class="search-count" role="status">{count}</p>
            <fieldset class="commune-results">
                <legend class="visually-hidden">{tr(|t| t.eligibility_commune_results_legend)}</legend>
                <div class="choices">
                    <For
                        each=move || results.get().into_iter().take(MAX_RESULTS)
                        key=|(insee, postcode, _)| format!("{insee}-{postcode}")
                        children=move |(insee, postcode, label)| {
                            let value = format!("{insee}-{postcode}");
                            let id = choice_id(field_name(Field::Commune), &value);
                            let checked = {
                                let value = value.clone();
                                move || selected() == value
                            };
                            view! {
                                <div class="choice">
                                    <input type="radio" id=id.clone() name="commune-choice" value=value.clone() prop:checked=checked on:change=move |_| choose(value.clone()) />
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }
                    />
                    <div class="choice">
                        <input
                            type="radio"
                            id=choice_id(field_name(Field::Commune), "elsewhere")
                            name="commune-choice"
                            value="elsewhere"
                            prop:checked=move || selected() == "elsewhere"
                            on:change=move |_| choose("elsewhere".to_owned())
                        />
                        <label for=choice_id(field_name(Field::Commune), "elsewhere")>{tr(|t| t.eligibility_commune_elsewhere)}</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}
