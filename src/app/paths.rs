//! The app's addresses, in one place: the route table (`app::Pages`), the links and the
//! redirects all name them from here.

use crate::domain::draft::Step;

pub const START: &str = "/";
pub const RESULT: &str = "/resultat";
pub const ELIGIBILITY: &str = "/inscription";
pub const NOT_ELIGIBLE: &str = "/inscription/pas-eligible";
pub const DETAILS: &str = "/inscription/coordonnees";
pub const CHECK: &str = "/inscription/verifier";
pub const CONFIRMATION: &str = "/inscription/confirmation";
/// The question pages: `/test/4`.
pub const QUESTION_PREFIX: &str = "/test/";
/// Where a host that answers every address with index.html brings a counsellor: not a page of
/// this app (see [`COUNSELLORS_PAGE`]).
pub const COUNSELLORS: &str = "/conseillers";
/// The counsellors' page, a separate app: `dist/conseillers/index.html`. Named with its
/// file so that any static host serves it, even one that answers unknown addresses with
/// the young people's index.html.
pub const COUNSELLORS_PAGE: &str = "/conseillers/index.html";
pub const PRIVACY: &str = crate::legal::PRIVACY_PATH;
pub const LEGAL_NOTICE: &str = "/mentions-legales";
pub const ACCESSIBILITY: &str = "/accessibilite";

/// The page of question `n` (1-based).
pub fn question(n: usize) -> String {
    format!("{QUESTION_PREFIX}{n}")
}

/// The page of a step of the sign-up.
pub fn step(step: Step) -> &'static str {
    match step {
        Step::Eligibility => ELIGIBILITY,
        Step::NotEligible => NOT_ELIGIBLE,
        Step::Details => DETAILS,
        Step::Check => CHECK,
    }
}

/// Whether `path` is `page`, with or without a final slash (the painted copies of some pages,
/// for browsers without JavaScript, live in folders, and an offline reload lands there).
pub fn is_folder(path: &str, page: &str) -> bool {
    path.strip_suffix('/').unwrap_or(path) == page
}
