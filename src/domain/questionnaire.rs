//! The self-assessment: its structure (generated from `content/questionnaire.toml`), the answers,
//! and the scoring that turns them into a profile and a suggested pathway.
//!
//! Scoring, in plain words:
//! 1. each answer is worth points (0 to the question's `max`); a question with several possible
//!    answers scores `base` plus the points of every chosen answer, kept between 0 and `max`;
//! 2. a dimension's score is its questions' points as a share of their maximum, weighted, from
//!    0 to 100, rounded half up;
//! 3. the rules are tried in order; the first whose conditions (`score ≥ at_least`) all hold gives
//!    the suggested pathway. The last rule has no condition, so there is always a suggestion.
//!
//! No answer is "wrong" and no one fails: the profile only says where the young person stands
//! today, to start the conversation with the counsellor.

use std::collections::BTreeMap;

/// The answers: question id → chosen option ids. Ids (not positions) so that a draft saved
/// before the questionnaire changed never maps an answer to the wrong option.
pub type Answers = BTreeMap<String, Vec<String>>;

/// The whole questionnaire.
#[derive(Debug)]
pub struct Questionnaire {
    /// Sent with the answers, so the counsellor knows which questions they answered.
    pub version: &'static str,
    pub dimensions: &'static [&'static str],
    pub pathways: &'static [&'static str],
    pub questions: &'static [Question],
    pub rules: &'static [Rule],
    pub strength_at_least: u8,
    pub work_on_below: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Exactly one answer (radio buttons).
    Single,
    /// One or more answers (checkboxes); an `exclusive` answer ("none of these") stands alone.
    Multiple,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// Index into [`Questionnaire::dimensions`].
    pub dimension: usize,
    pub kind: Kind,
    /// Weight of this question within its dimension.
    pub weight: u32,
    /// Starting points of a multiple-answer question.
    pub base: i32,
    /// Most points this question can give.
    pub max: i32,
    pub options: &'static [Choice],
}

#[derive(Debug)]
pub struct Choice {
    pub id: &'static str,
    pub points: i32,
    pub exclusive: bool,
}

#[derive(Debug)]
pub struct Rule {
    /// Index into [`Questionnaire::pathways`].
    pub pathway: usize,
    pub conditions: &'static [Condition],
}

#[derive(Debug)]
pub struct Condition {
    /// Index into [`Questionnaire::dimensions`].
    pub dimension: usize,
    pub at_least: u8,
}

/// The result of a complete questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// One score per dimension, 0–100, in the order of [`Questionnaire::dimensions`].
    pub scores: Vec<u8>,
    /// The suggested pathway (index into [`Questionnaire::pathways`]).
    pub pathway: usize,
    /// The rule that suggested it: its conditions are the reasons shown to the young person.
    pub rule: usize,
}

include!(concat!(env!("OUT_DIR"), "/questionnaire.rs"));

impl Question {
    /// The valid chosen options, as indices, ignoring ids this question does not have.
    pub fn chosen(&self, answers: &Answers) -> Vec<usize> {
        let Some(ids) = answers.get(self.id) else { return Vec::new() };
        let mut chosen: Vec<usize> =
            self.options.iter().enumerate().filter(|(_, o)| ids.iter().any(|id| id == o.id)).map(|(i, _)| i).collect();
        if self.kind == Kind::Single {
            chosen.truncate(1);
        }
        chosen
    }

    /// Whether the question has a usable answer.
    pub fn is_answered(&self, answers: &Answers) -> bool {
        !self.chosen(answers).is_empty()
    }

    /// Points given by the current answer (0 when unanswered).
    pub fn points(&self, answers: &Answers) -> i32 {
        let chosen = self.chosen(answers);
        let sum: i32 = chosen.iter().map(|&i| self.options[i].points).sum();
        match self.kind {
            Kind::Single => sum.clamp(0, self.max),
            Kind::Multiple => (self.base + sum).clamp(0, self.max),
        }
    }

    /// The answer after the young person taps `option`: for a single question it replaces the
    /// answer; for a multiple one it toggles it, an exclusive option clearing the others and any
    /// other option clearing the exclusive one.
    pub fn toggle(&self, current: &[String], option: &str) -> Vec<String> {
        let Some(choice) = self.options.iter().find(|o| o.id == option) else { return current.to_vec() };
        match self.kind {
            Kind::Single => vec![option.to_owned()],
            Kind::Multiple if current.iter().any(|c| c == option) => {
                current.iter().filter(|c| *c != option).cloned().collect()
            }
            Kind::Multiple if choice.exclusive => vec![option.to_owned()],
            Kind::Multiple => {
                let exclusive = |id: &String| self.options.iter().any(|o| o.id == id && o.exclusive);
                let mut next: Vec<String> = current.iter().filter(|c| !exclusive(c)).cloned().collect();
                next.push(option.to_owned());
                // Keep the order of the options, so the same answers always look the same.
                crate::domain::small_sort::sort_by_key(&mut next, |id| self.options.iter().position(|o| o.id == id));
                next
            }
        }
    }
}

impl Questionnaire {
    /// Index of the first question without a usable answer.
    pub fn first_unanswered(&self, answers: &Answers) -> Option<usize> {
        self.questions.iter().position(|q| !q.is_answered(answers))
    }

    /// How many questions have a usable answer.
    pub fn answered_count(&self, answers: &Answers) -> usize {
        self.questions.iter().filter(|q| q.is_answered(answers)).count()
    }

    /// The profile, or the index of the first unanswered question.
    pub fn score(&self, answers: &Answers) -> Result<Profile, usize> {
        if let Some(missing) = self.first_unanswered(answers) {
            return Err(missing);
        }
        let scores: Vec<u8> = (0..self.dimensions.len())
            .map(|dimension| {
                let questions = self.questions.iter().filter(|q| q.dimension == dimension);
                let (got, max) = questions.fold((0i64, 0i64), |(got, max), q| {
                    (
                        got + i64::from(q.weight) * i64::from(q.points(answers)),
                        max + i64::from(q.weight) * i64::from(q.max),
                    )
                });
                if max == 0 { 0 } else { u8::try_from((200 * got + max) / (2 * max)).unwrap_or(100).min(100) }
            })
            .collect();
        let rule = self
            .rules
            .iter()
            .position(|rule| rule.conditions.iter().all(|c| scores[c.dimension] >= c.at_least))
            .unwrap_or(self.rules.len() - 1);
        Ok(Profile { pathway: self.rules[rule].pathway, rule, scores })
    }

    /// Index of a pathway by id.
    pub fn pathway_index(&self, id: &str) -> Option<usize> {
        self.pathways.iter().position(|p| *p == id)
    }

    /// Checks the structure (the build already does; this lets a test prove it on the real data).
    pub fn check(&self) -> Result<(), String> {
        if !(12..=20).contains(&self.questions.len()) {
            return Err(format!("{} questions; the test has 12 to 20", self.questions.len()));
        }
        for (d, _) in self.dimensions.iter().enumerate() {
            if !self.questions.iter().any(|q| q.dimension == d) {
                return Err(format!("dimension {} has no question", self.dimensions[d]));
            }
        }
        for q in self.questions {
            if q.options.len() < 2 || q.max <= 0 || q.weight == 0 {
                return Err(format!("question {} needs two options, a positive max and weight", q.id));
            }
            let reachable_max = match q.kind {
                Kind::Single => q.options.iter().map(|o| o.points).max().unwrap_or(0),
                Kind::Multiple => q.base + q.options.iter().map(|o| o.points.max(0)).sum::<i32>(),
            };
            if reachable_max < q.max {
                return Err(format!("question {}: no answer reaches its max of {}", q.id, q.max));
            }
        }
        match self.rules.last() {
            Some(last) if last.conditions.is_empty() => Ok(()),
            _ => Err("the last rule must have no condition, so that there is always a suggestion".into()),
        }
    }
}

impl Profile {
    /// Dimensions to show as strengths: those at or above the threshold, best first (ties in the
    /// order of the dimensions), at most three; when none reaches it, the best one if it is not a
    /// point to work on (a strength must be true to the answers).
    pub fn strengths(&self, questionnaire: &Questionnaire) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.scores.len()).collect();
        crate::domain::small_sort::sort_by_key(&mut order, |&d| std::cmp::Reverse(self.scores[d]));
        let mut strengths: Vec<usize> =
            order.iter().copied().filter(|&d| self.scores[d] >= questionnaire.strength_at_least).take(3).collect();
        if strengths.is_empty() {
            strengths.extend(order.first().filter(|&&d| self.scores[d] >= questionnaire.work_on_below));
        }
        strengths
    }

    /// Dimensions to show as points to work on: those below the threshold, weakest first (ties
    /// in the order of the dimensions), at most three, never one already shown as a strength.
    pub fn work_on(&self, questionnaire: &Questionnaire) -> Vec<usize> {
        let strengths = self.strengths(questionnaire);
        let mut order: Vec<usize> = (0..self.scores.len()).filter(|d| !strengths.contains(d)).collect();
        crate::domain::small_sort::sort_by_key(&mut order, |&d| self.scores[d]);
        order.into_iter().filter(|&d| self.scores[d] < questionnaire.work_on_below).take(3).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers every question with the option at `pick(question index, options count)`.
    fn answer_all(q: &Questionnaire, pick: impl Fn(usize, usize) -> usize) -> Answers {
        q.questions
            .iter()
            .enumerate()
            .map(|(i, qu)| (qu.id.to_owned(), vec![qu.options[pick(i, qu.options.len())].id.to_owned()]))
            .collect()
    }

    fn with(mut answers: Answers, question: &str, options: &[&str]) -> Answers {
        answers.insert(question.to_owned(), options.iter().map(|s| (*s).to_owned()).collect());
        answers
    }

    #[test]
    fn the_real_questionnaire_is_well_formed() {
        QUESTIONNAIRE.check().unwrap();
        assert_eq!(QUESTIONNAIRE.pathways, ["discovery", "collective", "individual"]);
        assert_eq!(QUESTIONNAIRE.questions.len(), 16);
    }

    // A small questionnaire with known numbers, for table tests independent of content edits.
    static TINY: Questionnaire = Questionnaire {
        version: "test",
        dimensions: &["a", "b"],
        pathways: &["low", "high"],
        questions: &[
            Question { id: "a1", dimension: 0, kind: Kind::Single, weight: 1, base: 0, max: 3, options: &OPTS },
            Question { id: "a2", dimension: 0, kind: Kind::Single, weight: 2, base: 0, max: 3, options: &OPTS },
            Question { id: "b1", dimension: 1, kind: Kind::Multiple, weight: 1, base: 2, max: 2, options: &MULTI },
        ],
        rules: &[
            Rule {
                pathway: 1,
                conditions: &[Condition { dimension: 0, at_least: 50 }, Condition { dimension: 1, at_least: 50 }],
            },
            Rule { pathway: 0, conditions: &[] },
        ],
        strength_at_least: 60,
        work_on_below: 40,
    };
    static OPTS: [Choice; 4] = [
        Choice { id: "0", points: 0, exclusive: false },
        Choice { id: "1", points: 1, exclusive: false },
        Choice { id: "2", points: 2, exclusive: false },
        Choice { id: "3", points: 3, exclusive: false },
    ];
    static MULTI: [Choice; 3] = [
        Choice { id: "x", points: -1, exclusive: false },
        Choice { id: "y", points: -1, exclusive: false },
        Choice { id: "none", points: 0, exclusive: true },
    ];

    #[test]
    fn table_of_answers_scores_and_pathways() {
        // (a1, a2, b1) → (score a, score b, pathway)
        /// (answer to a1, answer to a2, answers to b1, score a, score b, pathway)
        type Row = (&'static str, &'static str, &'static [&'static str], u8, u8, &'static str);
        let table: &[Row] = &[
            ("0", "0", &["x", "y"], 0, 0, "low"),
            ("3", "3", &["none"], 100, 100, "high"),
            // a = (1·3 + 2·0) / 9 = 33.3 → 33
            ("3", "0", &["none"], 33, 100, "low"),
            // a = (1·0 + 2·3) / 9 = 66.7 → 67; b = (2 - 1) / 2 = 50: exactly the threshold
            ("0", "3", &["x"], 67, 50, "high"),
            // a = (1·1 + 2·1) / 9 = 33.3 → 33
            ("1", "1", &["none"], 33, 100, "low"),
            // a = (1·0 + 2·2) / 9 = 44.4 → 44; just under 50
            ("0", "2", &["none"], 44, 100, "low"),
            // a = (1·3 + 2·1)/9 = 55.6 → 56; b = 0 (two constraints)
            ("3", "1", &["x", "y"], 56, 0, "low"),
        ];
        for (a1, a2, b1, score_a, score_b, pathway) in table {
            let answers: Answers = [("a1", vec![*a1]), ("a2", vec![*a2]), ("b1", b1.to_vec())]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
                .collect();
            let profile = TINY.score(&answers).unwrap();
            assert_eq!(profile.scores, [*score_a, *score_b], "{a1} {a2} {b1:?}");
            assert_eq!(TINY.pathways[profile.pathway], *pathway, "{a1} {a2} {b1:?}");
        }
    }

    #[test]
    fn all_lowest_and_all_highest_answers() {
        let q = &QUESTIONNAIRE;
        let lowest = answer_all(q, |_, _| 0);
        // The constraints question: its first option is a constraint; pick them all for the minimum.
        let lowest =
            with(lowest, "availability_constraints", &["work_hours", "childcare", "transport", "health", "money"]);
        let profile = q.score(&lowest).unwrap();
        assert_eq!(profile.scores, vec![0; q.dimensions.len()]);
        assert_eq!(q.pathways[profile.pathway], "discovery");
        assert!(profile.strengths(q).is_empty(), "no strength the answers contradict");
        assert_eq!(profile.work_on(q).len(), 3);

        let highest = answer_all(q, |_, n| n - 1);
        let highest = with(highest, "availability_constraints", &["none"]);
        let profile = q.score(&highest).unwrap();
        assert_eq!(profile.scores, vec![100; q.dimensions.len()]);
        assert_eq!(q.pathways[profile.pathway], "individual");
        assert!(profile.work_on(q).is_empty());
    }

    #[test]
    fn real_profiles_suggest_the_expected_pathway() {
        let q = &QUESTIONNAIRE;
        let pathway = |answers: &Answers| q.pathways[q.score(answers).unwrap().pathway];
        // A clear idea shared with friends, motivated, available: the individual pathway.
        let clear = with(answer_all(q, |_, _| 2), "availability_constraints", &["transport"]);
        assert_eq!(pathway(&clear), "individual", "{:?}", q.score(&clear).unwrap().scores);
        // A vague idea, motivated: try the project approach in a group.
        let vague = with(clear.clone(), "idea_stage", &["vague"]);
        assert_eq!(pathway(&vague), "collective", "{:?}", q.score(&vague).unwrap().scores);
        // A clear idea and strong motivation but little time: collective, not individual.
        let busy = with(
            with(answer_all(q, |_, n| n - 1), "availability_time", &["under_2h"]),
            "availability_constraints",
            &["work_hours", "childcare"],
        );
        assert_eq!(pathway(&busy), "collective", "{:?}", q.score(&busy).unwrap().scores);
        // No idea yet: discovery, whatever the rest.
        let no_idea = with(with(answer_all(q, |_, n| n - 1), "idea_stage", &["none"]), "idea_shared", &["no_idea"]);
        assert_eq!(pathway(&no_idea), "discovery", "{:?}", q.score(&no_idea).unwrap().scores);
    }

    #[test]
    fn ties_are_broken_by_the_order_of_the_dimensions() {
        let profile = Profile { scores: vec![70, 90, 70, 90, 10, 10, 30, 50], pathway: 0, rule: 0 };
        assert_eq!(profile.strengths(&QUESTIONNAIRE), [1, 3, 0]);
        assert_eq!(profile.work_on(&QUESTIONNAIRE), [4, 5, 6]);
        let flat = Profile { scores: vec![50; 8], pathway: 0, rule: 0 };
        assert_eq!(flat.strengths(&QUESTIONNAIRE), [0], "the best one, when it is not a weakness");
        let low = Profile { scores: vec![39, 20, 10, 0, 0, 0, 0, 0], pathway: 0, rule: 0 };
        assert!(low.strengths(&QUESTIONNAIRE).is_empty());
        assert!(flat.work_on(&QUESTIONNAIRE).is_empty());
    }

    #[test]
    fn incomplete_answers_point_to_the_first_missing_question() {
        let q = &QUESTIONNAIRE;
        let mut answers = answer_all(q, |_, _| 1);
        answers.remove(q.questions[4].id);
        answers.remove(q.questions[9].id);
        assert_eq!(q.score(&answers), Err(4));
        assert_eq!(q.answered_count(&answers), q.questions.len() - 2);
        // Unknown option ids (an old draft) do not count as answers.
        answers.insert(q.questions[4].id.to_owned(), vec!["gone".to_owned()]);
        assert_eq!(q.first_unanswered(&answers), Some(4));
        assert_eq!(q.first_unanswered(&Answers::new()), Some(0));
    }

    #[test]
    fn toggling_answers() {
        let single = &TINY.questions[0];
        assert_eq!(single.toggle(&["1".into()], "3"), ["3"]);
        assert_eq!(single.toggle(&["1".into()], "unknown"), ["1"]);
        let multiple = &TINY.questions[2];
        assert_eq!(multiple.toggle(&[], "y"), ["y"]);
        assert_eq!(multiple.toggle(&["y".into()], "x"), ["x", "y"]);
        assert_eq!(multiple.toggle(&["x".into(), "y".into()], "x"), ["y"]);
        assert_eq!(multiple.toggle(&["x".into(), "y".into()], "none"), ["none"]);
        assert_eq!(multiple.toggle(&["none".into()], "x"), ["x"]);
        assert_eq!(multiple.toggle(&["none".into()], "none"), Vec::<String>::new());
    }
}
