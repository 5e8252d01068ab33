//! The app's addresses as data: every page a young person can open, read from its path
//! ([`Route::parse`]) and written back ([`Route::path`]). The route table (`app::page_at`), the
//! links, the redirects and the painted pages all name them from here; which sign-up page the
//! answers let a young person see is [`super::draft::Progress::open`].

use super::draft::Step;

/// The question pages: `/test/4`.
const QUESTION_PREFIX: &str = "/test/";

/// A page of the app (or the address of one that lives elsewhere).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: what the Lab'O is, "Faire le test", "M'inscrire".
    Start,
    /// `/test/4`: question 4 (1-based). Any number may be written in an address; only 1 to
    /// the number of questions opens a question ([`Route::open_question`]).
    Question(usize),
    /// `/resultat`: the profile and the suggested pathway.
    Result,
    /// A step of the sign-up: `/inscription`, `/inscription/pas-eligible`,
    /// `/inscription/coordonnees`, `/inscription/verifier`.
    Signup(Step),
    /// `/inscription/confirmation`: where a sign-up is.
    Confirmation,
    /// `/confidentialite`: personal data.
    Privacy,
    /// `/accessibilite`: the accessibility statement.
    Accessibility,
    /// `/mentions-legales`: the legal notice.
    LegalNotice,
    /// `/conseillers`: where a host that answers every address with index.html brings a
    /// counsellor; not a page of this app (see [`COUNSELLORS_PAGE`]).
    Counsellors,
    /// Any other address.
    NotFound,
}

/// The counsellors' page, a separate app: `dist/conseillers/index.html`. Named with its file so
/// that any static host serves it, even one that answers unknown addresses with the young
/// people's index.html.
pub const COUNSELLORS_PAGE: &str = "/conseillers/index.html";

/// The not-found page's address: what [`Route::NotFound`] writes (a static host serves its
/// painted copy, `404.html`, for an address it does not know).
const NOT_FOUND: &str = "/404";

impl Route {
    /// The page at `path` (without query or fragment). The legal pages and the counsellors'
    /// address are read with or without a final slash: their painted copies live in folders
    /// (`confidentialite/index.html`), and an offline reload lands there.
    pub fn parse(path: &str) -> Route {
        if let Some(n) = path.strip_prefix(QUESTION_PREFIX) {
            // `/test/abc` is a question address all the same: it starts the test over.
            return Route::Question(n.parse().unwrap_or(0));
        }
        let folder = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
        match path {
            "/" => return Route::Start,
            "/resultat" => return Route::Result,
            "/inscription" => return Route::Signup(Step::Eligibility),
            "/inscription/pas-eligible" => return Route::Signup(Step::NotEligible),
            "/inscription/coordonnees" => return Route::Signup(Step::Details),
            "/inscription/verifier" => return Route::Signup(Step::Check),
            "/inscription/confirmation" => return Route::Confirmation,
            _ => {}
        }
        match folder {
            "/confidentialite" => Route::Privacy,
            "/accessibilite" => Route::Accessibility,
            "/mentions-legales" => Route::LegalNotice,
            "/conseillers" => Route::Counsellors,
            _ => Route::NotFound,
        }
    }

    /// The address of this page.
    pub fn path(self) -> String {
        let path = match self {
            Route::Question(n) => return format!("{QUESTION_PREFIX}{n}"),
            Route::Start => "/",
            Route::Result => "/resultat",
            Route::Signup(Step::Eligibility) => "/inscription",
            Route::Signup(Step::NotEligible) => "/inscription/pas-eligible",
            Route::Signup(Step::Details) => "/inscription/coordonnees",
            Route::Signup(Step::Check) => "/inscription/verifier",
            Route::Confirmation => "/inscription/confirmation",
            Route::Privacy => "/confidentialite",
            Route::Accessibility => "/accessibilite",
            Route::LegalNotice => "/mentions-legales",
            Route::Counsellors => "/conseillers",
            Route::NotFound => NOT_FOUND,
        };
        path.to_owned()
    }

    /// The question a `/test/n` address opens, among `questions`: `n` itself, or `Err` with
    /// where to go instead (the first question: a number out of range starts the test over).
    pub fn open_question(n: usize, questions: usize) -> Result<usize, Route> {
        if (1..=questions).contains(&n) { Ok(n) } else { Err(Route::Question(1)) }
    }

    /// Where "Continuer" on question `n` of `questions` leads: the next one, the result after
    /// the last.
    pub fn after_question(n: usize, questions: usize) -> Route {
        if n < questions { Route::Question(n + 1) } else { Route::Result }
    }

    /// Where "Retour" on question `n` leads: the one before, the start page before the first.
    pub fn before_question(n: usize) -> Route {
        if n > 1 { Route::Question(n - 1) } else { Route::Start }
    }

    /// Every page a link opens without any answer on the device, so painted at build time as
    /// static pages (with `questions` questions): the start page, the sign-up's first page,
    /// every question, the legal pages and the not-found page.
    pub fn painted(questions: usize) -> Vec<Route> {
        let mut routes = vec![Route::Start, Route::Signup(Step::Eligibility)];
        routes.extend((1..=questions).map(Route::Question));
        routes.extend([Route::Privacy, Route::Accessibility, Route::LegalNotice, Route::NotFound]);
        routes
    }

    /// The app's pages that need answers on the device, so have no painted copy: a static host
    /// answers them with the app's shell, index.html (`dist/_redirects`, deploy/nginx.conf);
    /// any other address it does not know gets the painted not-found page, with a 404.
    pub fn shell_only() -> [Route; 5] {
        [
            Route::Result,
            Route::Signup(Step::NotEligible),
            Route::Signup(Step::Details),
            Route::Signup(Step::Check),
            Route::Confirmation,
        ]
    }

    /// The file of this page's painted copy in the built site: `inscription.html`,
    /// `test/4.html`, the legal pages in folders (`confidentialite/index.html`, which any static
    /// host serves at their address, even one that knows nothing of `.html`), `404.html`.
    pub fn painted_file(self) -> String {
        match self {
            Route::Start => "index.html".into(),
            Route::Privacy | Route::Accessibility | Route::LegalNotice => format!("{}/index.html", &self.path()[1..]),
            _ => format!("{}.html", &self.path()[1..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_STEPS: [Step; 4] = [Step::Eligibility, Step::NotEligible, Step::Details, Step::Check];

    fn every_route() -> Vec<Route> {
        let mut routes = vec![
            Route::Start,
            Route::Result,
            Route::Confirmation,
            Route::Privacy,
            Route::Accessibility,
            Route::LegalNotice,
            Route::Counsellors,
            Route::NotFound,
        ];
        routes.extend(ALL_STEPS.map(Route::Signup));
        routes.extend([0, 1, 16, 99].map(Route::Question));
        routes
    }

    #[test]
    fn every_route_reads_back_from_its_path() {
        for route in every_route() {
            assert_eq!(Route::parse(&route.path()), route, "{}", route.path());
        }
    }

    #[test]
    fn every_route_has_its_own_path() {
        let paths: Vec<String> = every_route().into_iter().map(Route::path).collect();
        for (i, path) in paths.iter().enumerate() {
            assert!(!paths[i + 1..].contains(path), "{path} twice");
        }
    }

    #[test]
    fn addresses_a_young_person_may_type() {
        assert_eq!(Route::parse("/test/4"), Route::Question(4));
        assert_eq!(Route::parse("/test/abc"), Route::Question(0));
        assert_eq!(Route::parse("/test/"), Route::Question(0));
        assert_eq!(Route::parse("/confidentialite/"), Route::Privacy);
        assert_eq!(Route::parse("/mentions-legales/"), Route::LegalNotice);
        assert_eq!(Route::parse("/conseillers/"), Route::Counsellors);
        // Only the legal pages live in folders: another page with a slash is not one of ours.
        assert_eq!(Route::parse("/inscription/"), Route::NotFound);
        assert_eq!(Route::parse("/resultat/"), Route::NotFound);
        assert_eq!(Route::parse("//"), Route::NotFound);
        assert_eq!(Route::parse(""), Route::NotFound);
        assert_eq!(Route::parse("/Inscription"), Route::NotFound);
        assert_eq!(Route::parse("/index.html"), Route::NotFound);
    }

    #[test]
    fn only_the_questions_that_exist_open() {
        assert_eq!(Route::open_question(1, 16), Ok(1));
        assert_eq!(Route::open_question(16, 16), Ok(16));
        for n in [0, 17, usize::MAX] {
            assert_eq!(Route::open_question(n, 16), Err(Route::Question(1)));
        }
    }

    #[test]
    fn the_test_goes_from_the_start_page_through_every_question_to_the_result() {
        let mut route = Route::Question(1);
        let mut seen = vec![route];
        while let Route::Question(n) = route {
            route = Route::after_question(n, 16);
            seen.push(route);
        }
        assert_eq!(seen.len(), 17);
        assert_eq!(seen[16], Route::Result);
        assert_eq!(Route::before_question(1), Route::Start);
        assert_eq!(Route::before_question(16), Route::Question(15));
    }

    #[test]
    fn painted_pages_have_their_own_files() {
        let files: Vec<String> = Route::painted(16).into_iter().map(Route::painted_file).collect();
        assert_eq!(files.len(), 2 + 16 + 4);
        assert_eq!(files[..3], ["index.html", "inscription.html", "test/1.html"]);
        assert_eq!(
            files[18..],
            ["confidentialite/index.html", "accessibilite/index.html", "mentions-legales/index.html", "404.html"]
        );
        for (i, file) in files.iter().enumerate() {
            assert!(!files[i + 1..].contains(file), "{file} twice");
        }
    }

    #[test]
    fn every_page_of_the_app_is_painted_or_served_as_the_shell() {
        let (painted, shell) = (Route::painted(16), Route::shell_only());
        for route in every_route() {
            let served = painted.contains(&route) || shell.contains(&route);
            // The counsellors' page is its own app; a question out of range is answered by the
            // not-found page, which is the app's shell too (it starts the test over).
            let elsewhere = matches!(route, Route::Counsellors | Route::Question(0 | 99));
            assert!(served != elsewhere, "{route:?}");
        }
        assert!(shell.iter().all(|route| !painted.contains(route)));
    }
}
