use leptos::prelude::*;

/// The form's main button ("Continuer"), in the actions row.
#[component]
pub fn SubmitButton(text: Signal<&'static str>) -> impl IntoView {
    view! {
        <p class="actions">
            <button type="submit" class="button button-primary">{text}</button>
        </p>
    }
}

/// The way back, under the page ("Retour"): a plain link, which keeps every answer.
#[component]
pub fn BackLink(#[prop(into)] href: String, text: Signal<&'static str>) -> impl IntoView {
    view! {
        <p class="back-link">
            <a href=href>{text}</a>
        </p>
    }
}
