//! One module per screen. Pages render state and call the domain; they hold no business rules.

mod broken_config;
mod check;
mod confirmation;
mod counsellor;
mod details;
mod eligibility;
mod legal;
mod not_eligible;
mod not_found;
mod question;
mod result;
mod start;

pub use broken_config::BrokenConfigPage;
pub use check::CheckPage;
pub use confirmation::ConfirmationPage;
pub use counsellor::CounsellorPage;
pub use details::DetailsPage;
pub use eligibility::EligibilityPage;
pub use legal::{AccessibilityPage, PrivacyPage};
pub use not_eligible::NotEligiblePage;
pub use not_found::NotFoundPage;
pub use question::QuestionPage;
pub use result::ResultPage;
pub use start::StartPage;

use leptos::prelude::*;

use crate::app::platform;
use crate::app::state::use_texts;
use crate::content::Texts;

/// Keeps the document title in step with the page and the language:
/// "Question 4 sur 16 – Lab'O". `has_errors` prefixes "Erreur : " (GOV.UK pattern).
fn use_page_title(title: impl Fn(&'static Texts) -> String + Send + Sync + 'static, has_errors: Signal<bool>) {
    let t = use_texts();
    Effect::new(move || {
        let t = t.get();
        let prefix = if has_errors.get() { t.errors_page_title_prefix } else { "" };
        platform::set_title(&format!("{prefix}{}{}", title(t), t.app_title_suffix));
    });
}

/// Paths of the journey, in one place.
pub mod paths {
    pub const START: &str = "/";
    pub const RESULT: &str = "/resultat";
    pub const ELIGIBILITY: &str = "/inscription";
    pub const NOT_ELIGIBLE: &str = "/inscription/pas-eligible";
    pub const DETAILS: &str = "/inscription/coordonnees";
    pub const CHECK: &str = "/inscription/verifier";
    pub const CONFIRMATION: &str = "/inscription/confirmation";
    /// The counsellors' page, a separate app: `dist/conseillers/index.html`. Named with its
    /// file so that any static host serves it, even one that answers unknown addresses with
    /// the young people's index.html.
    pub const COUNSELLORS_PAGE: &str = "/conseillers/index.html";
    pub const PRIVACY: &str = "/confidentialite";
    pub const ACCESSIBILITY: &str = "/accessibilite";

    /// The page of question `n` (1-based).
    pub fn question(n: usize) -> String {
        format!("/test/{n}")
    }
}
