//! The check page ("Vérifie tes réponses") as plain data: which answers it shows, in which
//! order, what each one holds and which page changes it. The page only puts each row into words.

use super::{ContactChannel, ContactTime, Field, Followed, Situation, ValidDetails};
use crate::domain::dates;
use crate::domain::draft::Step;
use crate::domain::eligibility::EligibilityAnswer;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::territory::Territory;

/// One line of the summary: the answer to `field`, changed on the page of `step`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRow {
    pub field: Field,
    pub step: Step,
    pub answer: Answer,
}

/// What a row shows, before it is put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// As typed, or as the app writes it (a phone number, a date, a commune and its postcode).
    Text(String),
    /// An optional answer left empty.
    NotGiven,
    YesNo(bool),
    /// "I live elsewhere" instead of a commune of the territory.
    Elsewhere,
    /// The situation, with the words typed for "other".
    Situation(Situation, Option<String>),
    Contact(ContactChannel, ContactTime),
    /// Already followed, with the counsellor's name; `None` when not answered.
    Followed(Option<Followed>, Option<String>),
    /// The pathway chosen, by its index in the questionnaire; `None` when undecided.
    Pathway(Option<usize>),
}

/// Every row of the check page, in the order of the pages. The consent to share the test's
/// answers is shown only when the test was taken (`test_done`): otherwise nothing would be sent.
pub fn check_rows(
    eligibility: &EligibilityAnswer,
    details: &ValidDetails,
    territory: &Territory,
    questionnaire: &Questionnaire,
    test_done: bool,
) -> Vec<CheckRow> {
    let eligibility_row = |field, answer| CheckRow { field, step: Step::Eligibility, answer };
    let row = |field, answer| CheckRow { field, step: Step::Details, answer };
    let optional = |text: &Option<String>| text.clone().map_or(Answer::NotGiven, Answer::Text);
    let commune = eligibility.commune.as_ref().and_then(|c| territory.resolve(c));
    let d = details;
    let mut rows = vec![
        row(Field::FirstName, Answer::Text(d.first_name.clone())),
        row(Field::LastName, Answer::Text(d.last_name.clone())),
        eligibility_row(Field::BirthDate, Answer::Text(dates::numeric_date(eligibility.birth_date))),
        eligibility_row(Field::School, Answer::YesNo(eligibility.at_school)),
        eligibility_row(
            Field::Commune,
            commune.map_or(Answer::Elsewhere, |m| Answer::Text(format!("{} ({})", m.commune.name, m.postcode))),
        ),
        row(Field::Phone, Answer::Text(d.phone.display())),
        row(Field::Email, optional(&d.email)),
        row(Field::Situation, Answer::Situation(d.situation, d.situation_other.clone())),
        row(Field::ContactChannel, Answer::Contact(d.contact_channel, d.contact_time)),
        row(Field::Followed, Answer::Followed(d.followed, d.followed_by.clone())),
        row(Field::Idea, optional(&d.idea)),
        row(Field::Pathway, Answer::Pathway(d.pathway.as_deref().and_then(|p| questionnaire.pathway_index(p)))),
    ];
    if test_done {
        rows.push(row(Field::Consent, Answer::YesNo(d.share_answers)));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::EligibilityForm;
    use crate::domain::questionnaire::QUESTIONNAIRE;
    use crate::domain::signup::SignupForm;
    use crate::domain::territory::CommuneChoice;

    fn answers(territory: &Territory) -> (EligibilityAnswer, ValidDetails) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let eligibility = EligibilityForm {
            day: "3".into(),
            month: "7".into(),
            year: "2005".into(),
            at_school: Some(false),
            commune: Some(CommuneChoice { insee: "76351".into(), postcode: "76610".into() }),
            ..EligibilityForm::default()
        };
        let details = SignupForm {
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            phone: "06 12 34 56 78".into(),
            situation: Some(Situation::Other),
            situation_other: "Service civique".into(),
            contact_channel: Some(ContactChannel::Sms),
            contact_time: Some(ContactTime::Morning),
            pathway: QUESTIONNAIRE.pathways[1].into(),
            ..SignupForm::default()
        };
        (eligibility.validate(territory, today).unwrap(), details.validate(QUESTIONNAIRE.pathways).unwrap())
    }

    #[test]
    fn every_answer_in_the_order_of_the_pages_with_the_page_that_changes_it() {
        let territory = Territory::parse(include_str!("../../../public/communes.json")).unwrap();
        let (eligibility, details) = answers(&territory);
        let rows = check_rows(&eligibility, &details, &territory, &QUESTIONNAIRE, true);
        let fields: Vec<Field> = rows.iter().map(|r| r.field).collect();
        use Field::*;
        assert_eq!(
            fields,
            [
                FirstName,
                LastName,
                BirthDate,
                School,
                Commune,
                Phone,
                Email,
                Situation,
                ContactChannel,
                Followed,
                Idea,
                Pathway,
                Consent
            ]
        );
        let on_eligibility: Vec<Field> = rows.iter().filter(|r| r.step == Step::Eligibility).map(|r| r.field).collect();
        assert_eq!(on_eligibility, [BirthDate, School, Commune]);
        assert!(rows.iter().all(|r| matches!(r.step, Step::Eligibility | Step::Details)));
        let answer = |field| rows.iter().find(|r| r.field == field).map(|r| r.answer.clone()).unwrap();
        assert_eq!(answer(BirthDate), Answer::Text("03/07/2005".into()));
        assert_eq!(answer(Commune), Answer::Text("Le Havre (76610)".into()));
        assert_eq!(answer(Phone), Answer::Text("06 12 34 56 78".into()));
        assert_eq!(answer(Email), Answer::NotGiven);
        assert_eq!(answer(School), Answer::YesNo(false));
        assert_eq!(answer(Situation), Answer::Situation(super::Situation::Other, Some("Service civique".into())));
        assert_eq!(answer(Followed), Answer::Followed(None, None));
        assert_eq!(answer(Pathway), Answer::Pathway(Some(1)));
        assert_eq!(answer(Consent), Answer::YesNo(false));
    }

    #[test]
    fn without_the_test_no_consent_row_and_elsewhere_in_words() {
        let territory = Territory::parse(include_str!("../../../public/communes.json")).unwrap();
        let (mut eligibility, details) = answers(&territory);
        eligibility.commune = None;
        let rows = check_rows(&eligibility, &details, &territory, &QUESTIONNAIRE, false);
        assert!(rows.iter().all(|r| r.field != Field::Consent));
        assert_eq!(rows.iter().find(|r| r.field == Field::Commune).unwrap().answer, Answer::Elsewhere);
    }
}
