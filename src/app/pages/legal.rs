use leptos::prelude::*;

use super::use_page_title;
use crate::app::components::PAGE_TITLE_ID;
use crate::app::state::{tr, use_config, use_texts};
use crate::content::{around, fill};

/// The CNIL's website, where anyone can complain about the use of their data.
pub const CNIL_URL: &str = "https://www.cnil.fr";

/// The privacy notice (GDPR article 13), in plain words, with the deployment's controller,
/// contact and retention from config.json.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.privacy_page_title.to_owned(), Signal::stored(false));
    let privacy = config.privacy.clone();
    let email = privacy.contact_email.clone();
    let mailto = format!("mailto:{email}");
    let (controller, months) = (privacy.controller.clone(), privacy.retention_months.to_string());
    let with_email = move |template: fn(&crate::content::Texts) -> &'static str| {
        let (email, mailto, controller) = (email.clone(), mailto.clone(), controller.clone());
        view! {
            <p>
                {move || fill(around(template(t.get()), "email").0, &[("controller", &controller)])}
                <a href=mailto>{email}</a>
                {move || around(template(t.get()), "email").1}
            </p>
        }
    };
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.privacy_title)}</h1>
        <p class="lead">{tr(|t| t.privacy_intro)}</p>
        <h2>{tr(|t| t.privacy_who_title)}</h2>
        {with_email(|t| t.privacy_who_text)}
        <h2>{tr(|t| t.privacy_why_title)}</h2>
        <p>{tr(|t| t.privacy_why_text)}</p>
        <h2>{tr(|t| t.privacy_basis_title)}</h2>
        <p>{tr(|t| t.privacy_basis_text)}</p>
        <h2>{tr(|t| t.privacy_what_title)}</h2>
        <ul>{move || t.get().privacy_what_list.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
        <h2>{tr(|t| t.privacy_who_sees_title)}</h2>
        <p>{tr(|t| t.privacy_who_sees_text)}</p>
        <h2>{tr(|t| t.privacy_how_long_title)}</h2>
        <p>{move || fill(t.get().privacy_how_long_text, &[("months", &months)])}</p>
        <h2>{tr(|t| t.privacy_device_title)}</h2>
        <p>{tr(|t| t.privacy_device_text)}</p>
        <p>{tr(|t| t.privacy_no_tracking)}</p>
        <h2>{tr(|t| t.privacy_rights_title)}</h2>
        {with_email(|t| t.privacy_rights_text)}
        <p>{tr(|t| t.privacy_complain_text)} " " <a href=CNIL_URL>"www.cnil.fr"</a></p>
    }
}

/// The accessibility statement, in the RGAA format: conformity, tests, known gaps, date,
/// contact, and the remedies (Défenseur des droits).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.accessibility_page_title.to_owned(), Signal::stored(false));
    let entity = config.privacy.controller.clone();
    let email = config.mission_locale.email.clone().unwrap_or_else(|| config.privacy.contact_email.clone());
    let mailto = format!("mailto:{email}");
    let phone = config.mission_locale.phone.clone();
    let tel = format!("tel:{}", phone.e164());
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.accessibility_title)}</h1>
        <p>{move || fill(t.get().accessibility_intro, &[("entity", &entity)])}</p>
        <h2>{tr(|t| t.accessibility_status_title)}</h2>
        <p>{tr(|t| t.accessibility_status_text)}</p>
        <h2>{tr(|t| t.accessibility_tests_title)}</h2>
        <p>{tr(|t| t.accessibility_tests_text)}</p>
        <h2>{tr(|t| t.accessibility_non_accessible_title)}</h2>
        <p>{tr(|t| t.accessibility_non_accessible_text)}</p>
        <h2>{tr(|t| t.accessibility_established_title)}</h2>
        <p>{tr(|t| t.accessibility_established_text)}</p>
        <p>{tr(|t| t.accessibility_technologies)}</p>
        <p>{tr(|t| t.accessibility_environment)}</p>
        <h2>{tr(|t| t.accessibility_contact_title)}</h2>
        <p>
            {move || around(around(t.get().accessibility_contact_text, "phone").0, "email").0}
            <a href=mailto>{email}</a>
            {move || around(around(t.get().accessibility_contact_text, "phone").0, "email").1}
            <a href=tel>{phone.display()}</a>
            {move || around(t.get().accessibility_contact_text, "phone").1}
        </p>
        <h2>{tr(|t| t.accessibility_remedy_title)}</h2>
        <p>{tr(|t| t.accessibility_remedy_text)}</p>
        <ul>{move || t.get().accessibility_remedy_list.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
    }
}
