use leptos::prelude::*;

use super::use_page_title;
use crate::app::components::PAGE_TITLE_ID;
use crate::app::state::{use_config, use_texts};
use crate::legal::{self, Block, Inline, Page};

/// The privacy notice (GDPR article 13), in plain words, with the deployment's controller,
/// contacts and retention from config.json (the blocks come from `crate::legal`).
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.privacy_page_title.to_owned(), Signal::stored(false));
    move || page(legal::privacy_notice(t.get(), &config, false))
}

/// The accessibility statement, on the RGAA model: conformity, tests, content not accessible,
/// how it was established, contact, remedies (Défenseur des droits), and the multi-year plan.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    let config = use_config();
    use_page_title(|t| t.accessibility_page_title.to_owned(), Signal::stored(false));
    move || page(legal::accessibility_statement(t.get(), &config, false))
}

fn page(page: Page) -> impl IntoView {
    let blocks = page.parts.into_iter().map(|part| block(part.block)).collect_view();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{page.title}</h1>
        {blocks}
    }
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Lead(inlines) => view! { <p class="lead">{inlines_view(inlines)}</p> }.into_any(),
        Block::Heading(2, text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading(_, text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph(inlines) => view! { <p>{inlines_view(inlines)}</p> }.into_any(),
        Block::List(items) => {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{inlines_view(item)}</li> }).collect_view()}</ul> }
                .into_any()
        }
    }
}

fn inlines_view(inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Value { text, .. } => text.into_any(),
            Inline::Link { href, text, .. } => view! { <a href=href>{text}</a> }.into_any(),
        })
        .collect_view()
}
