//! Who the Lab'O is for: 16 to 25 years old on the day of the sign-up, no longer at school,
//! living in the territory. This module reads the date of birth as typed, computes the age and
//! says which condition is not met, if any. It never refuses for good: the app turns each case
//! into a kind page that points to the right place.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use super::json;

use super::territory::{CommuneChoice, Territory};

/// Youngest age accepted.
pub const MIN_AGE: u32 = 16;
/// Oldest age accepted (until the day before the 26th birthday).
pub const MAX_AGE: u32 = 25;

/// Why a typed date of birth is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateError {
    /// Nothing typed.
    Empty,
    /// One or two of day, month, year are missing.
    Incomplete,
    /// Not digits, or a day that does not exist (31/02).
    NotADate,
    /// The year is not four digits, or before 1900.
    Year,
    /// After today.
    Future,
}

/// Reads a date of birth typed in three fields, as the GOV.UK / DSFR pattern asks.
pub fn parse_birth_date(day: &str, month: &str, year: &str, today: NaiveDate) -> Result<NaiveDate, BirthDateError> {
    let parts = [day.trim(), month.trim(), year.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        return Err(BirthDateError::Empty);
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(BirthDateError::Incomplete);
    }
    if parts.iter().any(|p| p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(BirthDateError::NotADate);
    }
    if parts[2].len() != 4 {
        return Err(BirthDateError::Year);
    }
    let (d, m, y): (u32, u32, i32) = match (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
        (Ok(d), Ok(m), Ok(y)) => (d, m, y),
        _ => return Err(BirthDateError::NotADate),
    };
    if y < 1900 {
        return Err(BirthDateError::Year);
    }
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(BirthDateError::NotADate)?;
    if date > today {
        return Err(BirthDateError::Future);
    }
    Ok(date)
}

/// Age in whole years on `today`. Someone born on 29 February turns a year older on 1 March in
/// years without a 29 February.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    u32::try_from(age).unwrap_or(0)
}

/// A condition the young person does not meet, in the order they are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ineligibility {
    TooYoung { age: u32 },
    TooOld { age: u32 },
    AtSchool,
    OutsideTerritory,
}

/// The eligibility questions as typed, kept in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EligibilityForm {
    pub day: String,
    pub month: String,
    pub year: String,
    /// `Some(true)`: still at school.
    pub at_school: Option<bool>,
    /// What was typed in the commune search.
    pub commune_query: String,
    pub commune: Option<CommuneChoice>,
    /// "J'habite ailleurs".
    pub elsewhere: bool,
}

impl EligibilityForm {
    /// Reads the form back from the draft's JSON (what is missing or damaged reads as empty).
    pub fn from_json(value: &Value) -> EligibilityForm {
        EligibilityForm {
            day: json::text(value, "day"),
            month: json::text(value, "month"),
            year: json::text(value, "year"),
            at_school: value.get("at_school").and_then(Value::as_bool),
            commune_query: json::text(value, "commune_query"),
            commune: value
                .get("commune")
                .filter(|c| c.is_object())
                .map(|c| CommuneChoice { insee: json::text(c, "insee"), postcode: json::text(c, "postcode") }),
            elsewhere: json::flag(value, "elsewhere"),
        }
    }

    /// The school question's answer as a value of the page: [`SCHOOL_NO`], [`SCHOOL_YES`].
    pub fn school_answer(&self) -> Option<&'static str> {
        self.at_school.map(|at_school| if at_school { SCHOOL_YES } else { SCHOOL_NO })
    }

    /// Answers the school question with a value of the page.
    pub fn choose_school(&mut self, value: &str) {
        self.at_school = Some(value == SCHOOL_YES);
    }

    /// The commune answer as a value of the page: [`ELSEWHERE`], a commune's
    /// [`CommuneChoice::value`], or empty while none is chosen.
    pub fn commune_answer(&self) -> String {
        match (&self.commune, self.elsewhere) {
            (_, true) => ELSEWHERE.to_owned(),
            (Some(choice), false) => choice.value(),
            (None, false) => String::new(),
        }
    }

    /// Answers the commune question with a value of the page (one of the offers, or
    /// [`ELSEWHERE`]); an unknown value changes nothing.
    pub fn choose_commune(&mut self, value: &str) {
        if value == ELSEWHERE {
            self.elsewhere = true;
            self.commune = None;
        } else if let Some(choice) = CommuneChoice::from_value(value) {
            self.elsewhere = false;
            self.commune = Some(choice);
        }
    }
}

/// The school question's answers in the page: "Non, je ne vais plus à l'école" comes first.
pub const SCHOOL_NO: &str = "no";
pub const SCHOOL_YES: &str = "yes";
/// "J'habite ailleurs", among the commune's answers.
pub const ELSEWHERE: &str = "elsewhere";

/// A problem on the eligibility page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EligibilityError {
    BirthDate(BirthDateError),
    SchoolMissing,
    CommuneEmpty,
    CommuneNotChosen,
}

/// The answers once valid: the facts sent to the endpoint, and what to show next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibilityAnswer {
    pub birth_date: NaiveDate,
    pub age: u32,
    pub at_school: bool,
    /// The commune picked in the list; `None` when the young person lives elsewhere.
    pub commune: Option<CommuneChoice>,
    /// What was typed in the commune search when no commune of the list was picked (a commune
    /// elsewhere, a postcode), on one line and at most [`COMMUNE_GIVEN_MAX`] characters: for
    /// the counsellor.
    pub commune_given: Option<String>,
}

/// Longest commune text kept for the counsellor when it is not in the list.
pub const COMMUNE_GIVEN_MAX: usize = 60;

impl EligibilityAnswer {
    /// Every condition not met, in order (age, school, territory).
    pub fn problems(&self) -> Vec<Ineligibility> {
        let mut problems = Vec::new();
        if self.age < MIN_AGE {
            problems.push(Ineligibility::TooYoung { age: self.age });
        } else if self.age > MAX_AGE {
            problems.push(Ineligibility::TooOld { age: self.age });
        }
        if self.at_school {
            problems.push(Ineligibility::AtSchool);
        }
        if self.commune.is_none() {
            problems.push(Ineligibility::OutsideTerritory);
        }
        problems
    }

    /// Whether the young person may go on to the form: eligible, or only outside the territory
    /// with a counsellor's link that allows it.
    pub fn may_continue(&self, counsellor_allows_outside: bool) -> bool {
        let problems = self.problems();
        problems.is_empty() || (counsellor_allows_outside && problems == [Ineligibility::OutsideTerritory])
    }
}

impl EligibilityForm {
    /// Validates the page; every problem at once, in the order of the page.
    pub fn validate(
        &self,
        territory: &Territory,
        today: NaiveDate,
    ) -> Result<EligibilityAnswer, Vec<EligibilityError>> {
        let mut errors = Vec::new();
        let birth = parse_birth_date(&self.day, &self.month, &self.year, today)
            .map_err(|e| errors.push(EligibilityError::BirthDate(e)))
            .ok();
        if self.at_school.is_none() {
            errors.push(EligibilityError::SchoolMissing);
        }
        let chosen = self.commune.as_ref().filter(|c| territory.resolve(c).is_some());
        let query = self.commune_query.trim();
        // A postcode typed in full that the territory does not have means "I live elsewhere".
        let outside_postcode =
            query.len() == 5 && query.bytes().all(|b| b.is_ascii_digit()) && !territory.has_postcode(query);
        let commune_ok = chosen.is_some() || self.elsewhere || outside_postcode;
        if !commune_ok {
            errors.push(if query.is_empty() {
                EligibilityError::CommuneEmpty
            } else {
                EligibilityError::CommuneNotChosen
            });
        }
        match (birth, self.at_school) {
            (Some(birth_date), Some(at_school)) if errors.is_empty() => Ok(EligibilityAnswer {
                birth_date,
                age: age_on(birth_date, today),
                at_school,
                commune: if self.elsewhere { None } else { chosen.cloned() },
                commune_given: (self.elsewhere || chosen.is_none())
                    .then(|| {
                        query.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(COMMUNE_GIVEN_MAX).collect()
                    })
                    .filter(|given: &String| !given.is_empty()),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::territory::Commune;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_school_and_commune_answers_read_back_as_they_were_chosen() {
        let mut form = EligibilityForm::default();
        assert_eq!((form.school_answer(), form.commune_answer().as_str()), (None, ""));
        form.choose_school(SCHOOL_NO);
        assert_eq!((form.at_school, form.school_answer()), (Some(false), Some(SCHOOL_NO)));
        form.choose_school(SCHOOL_YES);
        assert_eq!(form.school_answer(), Some(SCHOOL_YES));
        form.choose_commune("76351-76600");
        assert_eq!(form.commune_answer(), "76351-76600");
        form.choose_commune(ELSEWHERE);
        assert_eq!((form.commune.clone(), form.commune_answer().as_str()), (None, ELSEWHERE));
        form.choose_commune("76259-76400");
        assert!(!form.elsewhere);
        form.choose_commune("garbage");
        assert_eq!(form.commune_answer(), "76259-76400", "an unknown value changes nothing");
    }

    #[test]
    fn ages_around_birthdays_and_leap_years() {
        let cases = [
            // (birth, today, age)
            (date(2008, 11, 27), date(2024, 11, 26), 15),
            (date(2008, 11, 27), date(2024, 11, 27), 16), // birthday today
            (date(2008, 11, 27), date(2024, 11, 28), 16),
            (date(2000, 11, 27), date(2026, 11, 26), 25), // last day at 25
            (date(2000, 11, 27), date(2026, 11, 27), 26),
            (date(2008, 2, 29), date(2024, 2, 28), 15), // leap day birth, leap year
            (date(2008, 2, 29), date(2024, 2, 29), 16),
            (date(2008, 2, 29), date(2025, 2, 28), 16),
            (date(2007, 2, 28), date(2024, 2, 29), 17),
            (date(2008, 2, 29), date(2027, 2, 28), 18), // not yet 19 until 1 March
            (date(2008, 2, 29), date(2027, 3, 1), 19),
            (date(2026, 11, 27), date(2026, 11, 27), 0), // born today
            (date(2007, 12, 31), date(2026, 1, 1), 18),
        ];
        for (birth, today, age) in cases {
            assert_eq!(age_on(birth, today), age, "{birth} on {today}");
        }
    }

    #[test]
    fn reads_dates_of_birth_as_typed() {
        let today = date(2026, 11, 27);
        assert_eq!(parse_birth_date("14", "3", "2007", today), Ok(date(2007, 3, 14)));
        assert_eq!(parse_birth_date(" 01 ", "03", "2007", today), Ok(date(2007, 3, 1)));
        assert_eq!(parse_birth_date("29", "2", "2008", today), Ok(date(2008, 2, 29)));
        assert_eq!(parse_birth_date("27", "11", "2026", today), Ok(today));
        let errors = [
            (("", "", ""), BirthDateError::Empty),
            (("14", "", "2007"), BirthDateError::Incomplete),
            (("", "3", ""), BirthDateError::Incomplete),
            (("31", "2", "2007"), BirthDateError::NotADate),
            (("29", "2", "2007"), BirthDateError::NotADate),
            (("14", "13", "2007"), BirthDateError::NotADate),
            (("0", "3", "2007"), BirthDateError::NotADate),
            (("aa", "3", "2007"), BirthDateError::NotADate),
            (("14", "3", "-2007"), BirthDateError::NotADate),
            (("14", "3", "07"), BirthDateError::Year),
            (("14", "3", "1850"), BirthDateError::Year),
            (("28", "11", "2026"), BirthDateError::Future),
            (("1", "1", "2030"), BirthDateError::Future),
            (("99999", "3", "2007"), BirthDateError::NotADate),
        ];
        for ((d, m, y), expected) in errors {
            assert_eq!(parse_birth_date(d, m, y, today), Err(expected), "{d}/{m}/{y}");
        }
    }

    fn territory() -> Territory {
        Territory::new(vec![Commune {
            insee: "76351".into(),
            name: "Le Havre".into(),
            postcodes: vec!["76600".into(), "76610".into()],
            epci: String::new(),
        }])
        .unwrap()
    }

    fn form(
        day: &str,
        month: &str,
        year: &str,
        at_school: Option<bool>,
        query: &str,
        commune: Option<(&str, &str)>,
        elsewhere: bool,
    ) -> EligibilityForm {
        EligibilityForm {
            day: day.into(),
            month: month.into(),
            year: year.into(),
            at_school,
            commune_query: query.into(),
            commune: commune.map(|(insee, postcode)| CommuneChoice { insee: insee.into(), postcode: postcode.into() }),
            elsewhere,
        }
    }

    #[test]
    fn eligibility_decisions() {
        let today = date(2026, 11, 27);
        let t = territory();
        let le_havre = Some(("76351", "76610"));
        let check = |f: EligibilityForm| f.validate(&t, today).unwrap().problems();
        assert_eq!(check(form("14", "3", "2007", Some(false), "le havre", le_havre, false)), []);
        assert_eq!(
            check(form("28", "11", "2010", Some(false), "", le_havre, false)),
            [Ineligibility::TooYoung { age: 15 }]
        );
        assert_eq!(check(form("27", "11", "2010", Some(false), "", le_havre, false)), []);
        assert_eq!(
            check(form("27", "11", "2000", Some(false), "", le_havre, false)),
            [Ineligibility::TooOld { age: 26 }]
        );
        assert_eq!(check(form("28", "11", "2000", Some(false), "", le_havre, false)), []);
        assert_eq!(check(form("14", "3", "2007", Some(true), "", le_havre, false)), [Ineligibility::AtSchool]);
        assert_eq!(check(form("14", "3", "2007", Some(false), "rouen", None, true)), [Ineligibility::OutsideTerritory]);
        assert_eq!(
            check(form("14", "3", "2007", Some(false), "76000", None, false)),
            [Ineligibility::OutsideTerritory]
        );
        assert_eq!(
            check(form("14", "3", "1990", Some(true), "", None, true)),
            [Ineligibility::TooOld { age: 36 }, Ineligibility::AtSchool, Ineligibility::OutsideTerritory]
        );
    }

    #[test]
    fn a_counsellor_link_lets_only_the_territory_condition_pass() {
        let answer = |age, at_school, commune: Option<CommuneChoice>| EligibilityAnswer {
            birth_date: date(2007, 1, 1),
            age,
            at_school,
            commune,
            commune_given: None,
        };
        assert!(answer(19, false, None).may_continue(true));
        assert!(!answer(19, false, None).may_continue(false));
        assert!(!answer(30, false, None).may_continue(true));
        assert!(!answer(19, true, None).may_continue(true));
        assert!(answer(19, false, Some(CommuneChoice::default())).may_continue(false));
    }

    #[test]
    fn page_errors_in_order() {
        let today = date(2026, 11, 27);
        let t = territory();
        assert_eq!(
            form("", "", "", None, "", None, false).validate(&t, today),
            Err(vec![
                EligibilityError::BirthDate(BirthDateError::Empty),
                EligibilityError::SchoolMissing,
                EligibilityError::CommuneEmpty
            ])
        );
        assert_eq!(
            form("14", "3", "2007", Some(false), "rou", None, false).validate(&t, today),
            Err(vec![EligibilityError::CommuneNotChosen])
        );
        // A stale choice (commune no longer in the list) is not a choice.
        assert_eq!(
            form("14", "3", "2007", Some(false), "x", Some(("99999", "76600")), false).validate(&t, today),
            Err(vec![EligibilityError::CommuneNotChosen])
        );
        // A postcode of the territory typed without picking: pick it in the list.
        assert_eq!(
            form("14", "3", "2007", Some(false), "76600", None, false).validate(&t, today),
            Err(vec![EligibilityError::CommuneNotChosen])
        );
    }
}
