//! Component tests: mount pieces of the interface in headless Chromium, interact, assert the DOM.
//! Run by `cargo xtask test` (layer 2) with wasm-bindgen-test. Whole pages, which need the
//! router and the configuration, are covered end to end in `tests/e2e/`.
#![cfg(target_arch = "wasm32")]

use labo::app::components::{ChoiceGroup, ChoiceOption, ErrorSummary, PathwayIcon, TextField};
use labo::app::net::ConfigFailure;
use labo::app::pages::BrokenConfigPage;
use labo::app::state::Language;
use labo::app::storage;
use labo::domain::config::Config;
use labo::domain::questionnaire::QUESTIONNAIRE;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    // French, whatever the test browser's own language.
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Language::fixed(labo::content::LANGUAGES[0]));
        view()
    });
    // Keep the view mounted for the rest of the test run.
    std::mem::forget(handle);
    container
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn input(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    find(root, selector).unchecked_into()
}

fn type_into(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let field = input(root, selector);
    field.set_value(text);
    field.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// Lets Leptos apply its (asynchronous) DOM updates.
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_text_field_is_labelled_keeps_what_is_typed_and_shows_its_error() {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let root = mount(move || {
        view! {
            <TextField
                id="email"
                label=Signal::stored("Adresse e-mail")
                optional=true
                hint=Signal::stored("Format attendu : nom@domaine.fr")
                value=value.into()
                on_input=Callback::new(move |v| value.set(v))
                error=error
                input_type="email"
                autocomplete="email"
                maxlength=254
            />
        }
    });
    settle().await;
    assert_eq!(find(&root, "label[for=email]").text_content().unwrap().trim(), "Adresse e-mail (facultatif)");
    let field = input(&root, "#email");
    assert_eq!(field.get_attribute("aria-describedby").as_deref(), Some("email-hint"));
    assert_eq!(field.get_attribute("autocomplete").as_deref(), Some("email"));
    type_into(&root, "#email", "lea@exemple");
    settle().await;
    assert_eq!(value.get_untracked(), "lea@exemple");
    error.set(Some("Écris la partie après le @ en entier"));
    settle().await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field.get_attribute("aria-describedby").as_deref(), Some("email-hint email-error"));
    assert!(find(&root, "#email-error").text_content().unwrap().contains("Erreur\u{a0}: Écris la partie après le @"));
    assert_eq!(field.value(), "lea@exemple", "the typed value stays");
}

#[wasm_bindgen_test]
async fn a_multiple_answer_question_toggles_and_none_clears_the_others() {
    let question = QUESTIONNAIRE.questions.iter().find(|q| q.id == "constraints").unwrap();
    let selected = RwSignal::new(Vec::<String>::new());
    let root = mount(move || {
        let options = question
            .options
            .iter()
            .map(|o| ChoiceOption { value: o.id.to_owned(), label: Signal::stored(o.id.to_owned()) })
            .collect::<Vec<_>>();
        view! {
            <ChoiceGroup
                name="answer"
                legend=Signal::stored("Contraintes")
                legend_is_heading=true
                options=options
                multiple=true
                selected=selected.into()
                on_choose=Callback::new(move |option: String| selected.update(|s| *s = question.toggle(s, &option)))
                error=Signal::stored(None)
            />
        }
    });
    settle().await;
    assert_eq!(find(&root, "legend h1").text_content().as_deref(), Some("Contraintes"));
    input(&root, "#answer-transport").click();
    input(&root, "#answer-money").click();
    settle().await;
    assert_eq!(selected.get_untracked(), ["transport", "money"]);
    assert!(input(&root, "#answer-transport").checked());
    input(&root, "#answer-none").click();
    settle().await;
    assert_eq!(selected.get_untracked(), ["none"]);
    assert!(!input(&root, "#answer-transport").checked(), "an exclusive answer unticks the others");
    assert!(!input(&root, "#answer-money").checked());
    assert_eq!(input(&root, "#answer-none").get_attribute("type").as_deref(), Some("checkbox"));
}

#[wasm_bindgen_test]
async fn the_error_summary_links_move_focus_to_the_fields() {
    let errors = RwSignal::new(Vec::<(String, &'static str)>::new());
    let root = mount(move || {
        view! {
            <ErrorSummary errors=errors.into() />
            <input id="target-field" />
        }
    });
    settle().await;
    let summary = find(&root, ".error-summary");
    assert!(summary.hidden(), "hidden without errors");
    errors.set(vec![("target-field".into(), "Écris ton prénom")]);
    settle().await;
    assert!(!summary.hidden());
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let link = find(&root, ".error-summary a");
    assert_eq!(link.text_content().as_deref(), Some("Écris ton prénom"));
    link.click();
    settle().await;
    assert_eq!(document().active_element().map(|e| e.id()), Some("target-field".to_owned()));
}

#[wasm_bindgen_test]
async fn the_pathway_pictograms_are_decorative_and_one_per_pathway() {
    let root = mount(|| view! { <PathwayIcon index=1 /> <PathwayIcon index=99 /> });
    settle().await;
    let icons = root.query_selector_all("svg.pathway-icon").unwrap();
    assert_eq!(icons.length(), 1, "a pathway the questionnaire does not have draws nothing");
    let svg = find(&root, "svg.pathway-icon");
    assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"), "the name beside it says it all");
    assert_eq!(svg.get_attribute("role"), None);
    let d = find(&root, "svg.pathway-icon path").get_attribute("d").unwrap();
    assert_eq!(Some(d.as_str()), labo::content::pathway_icon("collective"));
}

#[wasm_bindgen_test]
async fn broken_config_page_lists_problems_and_the_last_known_phone() {
    storage::write(
        storage::keys::CONTACT_FALLBACK,
        r#"{"name":"Mission Locale Test","phone_e164":"+33261910000","phone_display":"02 61 91 00 00"}"#,
    );
    let problems = Config::parse("{").unwrap_err();
    let root = mount(move || view! { <BrokenConfigPage failure=ConfigFailure::Invalid(problems) /> });
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("L’inscription en ligne ne marche pas pour le moment"), "{text}");
    assert!(text.contains("pas du JSON valide"), "{text}");
    // The short name kept from the last configuration that worked ("la Mission Locale" for
    // values kept by older versions), in a sentence that speaks to young people.
    assert!(text.contains("appelle la Mission Locale au 02 61 91 00 00."), "{text}");
    assert!(text.contains("ce n’est pas de ta faute"), "{text}");
    let call = find(&root, "main a[href='tel:+33261910000']");
    assert_eq!(call.text_content().as_deref(), Some("02 61 91 00 00"));
    storage::remove(storage::keys::CONTACT_FALLBACK);
}

#[wasm_bindgen_test]
async fn broken_config_page_without_history_points_to_the_national_directory() {
    storage::remove(storage::keys::CONTACT_FALLBACK);
    let root = mount(|| view! { <BrokenConfigPage failure=ConfigFailure::Unreachable("test".into()) /> });
    settle().await;
    assert!(root.query_selector("a[href^='tel:']").unwrap().is_none());
    let link = find(&root, "a[href='https://www.1jeune1solution.gouv.fr/accompagnement']");
    assert!(link.text_content().unwrap().contains("mission locale"));
}

#[wasm_bindgen_test]
async fn broken_config_page_speaks_vous_to_counsellors() {
    storage::write(
        storage::keys::CONTACT_FALLBACK,
        r#"{"name":"ML","short_name":"la Mission Locale du Havre","phone_e164":"+33261910000","phone_display":"02 61 91 00 00"}"#,
    );
    let root = mount(|| view! { <BrokenConfigPage failure=ConfigFailure::Unreachable("test".into()) formal=true /> });
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("ce n’est pas de votre faute"), "{text}");
    assert!(text.contains("appelez la Mission Locale du Havre au"), "{text}");
    assert!(!text.contains("ta faute") && !text.contains("appelle ") && !text.contains("t’inscrire"), "{text}");
    storage::remove(storage::keys::CONTACT_FALLBACK);
}
