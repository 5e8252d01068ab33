use leptos::prelude::*;

/// The form's main button ("Continuer"), in the actions row. `data-tap` names it in every
/// language: a tap on it in a page painted at build time is replayed on it by the boot script
/// (tools/boot.js), whatever language the app then shows.
#[component]
pub fn SubmitButton(text: Signal<&'static str>) -> impl IntoView {
    view! {
        <p class="actions">
            <button type="submit" class="button button-primary" data-tap="submit">{text}</button>
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
