//! The self-assessment: its structure (generated from `content/questionnaire.toml`), the answers,
//! and what they give: a profile **in words** (one level per dimension) and a suggested pathway.
//!
//! In plain words:
//! 1. an answer to a question that feeds a dimension is worth points; a dimension's share is its
//!    questions' points over their maximum (weighted), from 0 to 100;
//! 2. the share gives a level ("À découvrir", "En route", "Déjà là"): the last level whose
//!    `from` it reaches. The share itself is never shown: no marks, no "/100";
//! 3. questions without a dimension are information for the counsellor (already followed,
//!    time, entourage, life constraints) or inputs of the rule (group or one-to-one): they never change a
//!    level;
//! 4. the rules are tried in order; the first whose conditions (a dimension at some levels, a
//!    question with some answers) all hold gives the suggested pathway, and its conditions'
//!    reasons are what the young person reads. The last rule has no condition, so there is
//!    always a suggestion.
//!
//! The test suggests, it never judges: the counsellor's diagnostic decides.

use std::collections::BTreeMap;

/// The answers: question id → chosen option ids. Ids (not positions) so that a draft saved
/// before the questionnaire changed never maps an answer to the wrong option.
pub type Answers = BTreeMap<String, Vec<String>>;

/// The whole questionnaire.
#[derive(Debug)]
pub struct Questionnaire {
    /// Sent with the answers, so the counsellor knows which questions they answered.
    pub version: &'static str,
    /// The levels of a dimension, lowest first.
    pub levels: &'static [Level],
    pub dimensions: &'static [&'static str],
    pub pathways: &'static [&'static str],
    pub questions: &'static [Question],
    pub rules: &'static [Rule],
}

/// One level of a dimension: reached from this share (0–100) of its points.
#[derive(Debug)]
pub struct Level {
    pub id: &'static str,
    pub from: u8,
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
    /// Index into [`Questionnaire::dimensions`]; `None` for information or a rule input, which
    /// never changes a level.
    pub dimension: Option<usize>,
    pub kind: Kind,
    /// Weight of this question within its dimension.
    pub weight: u32,
    /// Most points an answer gives.
    pub max: u32,
    pub options: &'static [Choice],
}

#[derive(Debug)]
pub struct Choice {
    pub id: &'static str,
    pub points: u32,
    pub exclusive: bool,
}

#[derive(Debug)]
pub struct Rule {
    /// Index into [`Questionnaire::pathways`].
    pub pathway: usize,
    pub conditions: &'static [Condition],
}

/// What a rule checks; each condition carries the reason shown when the rule applies.
#[derive(Debug)]
pub enum Condition {
    /// The dimension is at one of these levels (indices into [`Questionnaire::levels`]).
    Level { dimension: usize, levels: &'static [usize], reason: &'static str },
    /// The (single-answer) question was answered with one of these option ids.
    Answer { question: usize, answers: &'static [&'static str], reason: &'static str },
}

impl Condition {
    pub fn reason(&self) -> &'static str {
        match self {
            Condition::Level { reason, .. } | Condition::Answer { reason, .. } => reason,
        }
    }
}

/// Points of one dimension: what the answers gave and the most they could give (weighted).
/// Sent to the counsellor with consent, as raw material, never shown as a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Points {
    pub got: u32,
    pub max: u32,
}

/// The result of a complete questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// One level (index into [`Questionnaire::levels`]) per dimension, in their order.
    pub levels: Vec<usize>,
    /// The points behind each level, in the order of the dimensions.
    pub points: Vec<Points>,
    /// The suggested pathway (index into [`Questionnaire::pathways`]).
    pub pathway: usize,
    /// The rule that suggested it: its conditions' reasons are shown to the young person.
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

    /// Points given by the current answer (0 when unanswered or without a dimension).
    pub fn points(&self, answers: &Answers) -> u32 {
        self.chosen(answers).first().map_or(0, |&i| self.options[i].points.min(self.max))
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

    /// Records a tap on `option` in `answers` (see [`Question::toggle`]); a question left with
    /// no answer is removed, so it counts as unanswered.
    pub fn choose(&self, answers: &mut Answers, option: &str) {
        let current = answers.get(self.id).cloned().unwrap_or_default();
        let next = self.toggle(&current, option);
        if next.is_empty() {
            answers.remove(self.id);
        } else {
            answers.insert(self.id.to_owned(), next);
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

    /// The level of a share of points (0–100): the last level whose `from` it reaches.
    pub fn level_of(&self, share: u8) -> usize {
        self.levels.iter().rposition(|l| share >= l.from).unwrap_or(0)
    }

    /// The profile, or the index of the first unanswered question.
    pub fn score(&self, answers: &Answers) -> Result<Profile, usize> {
        if let Some(missing) = self.first_unanswered(answers) {
            return Err(missing);
        }
        let points: Vec<Points> = (0..self.dimensions.len())
            .map(|dimension| {
                self.questions.iter().filter(|q| q.dimension == Some(dimension)).fold(
                    Points { got: 0, max: 0 },
                    |sum, q| Points { got: sum.got + q.weight * q.points(answers), max: sum.max + q.weight * q.max },
                )
            })
            .collect();
        let levels: Vec<usize> = points.iter().map(|p| self.level_of(share(*p))).collect();
        let holds = |condition: &Condition| match condition {
            Condition::Level { dimension, levels: accepted, .. } => accepted.contains(&levels[*dimension]),
            Condition::Answer { question, answers: accepted, .. } => {
                let question = &self.questions[*question];
                question.chosen(answers).first().is_some_and(|&i| accepted.contains(&question.options[i].id))
            }
        };
        let rule = self.rules.iter().position(|rule| rule.conditions.iter().all(holds)).unwrap_or(self.rules.len() - 1);
        Ok(Profile { pathway: self.rules[rule].pathway, rule, levels, points })
    }

    /// Index of a pathway by id.
    pub fn pathway_index(&self, id: &str) -> Option<usize> {
        self.pathways.iter().position(|p| *p == id)
    }

    /// Checks the structure (the build already does; this lets a test prove it on the real data).
    pub fn check(&self) -> Result<(), String> {
        if !(12..=18).contains(&self.questions.len()) {
            return Err(format!("{} questions; the test has 12 to 18", self.questions.len()));
        }
        for (d, _) in self.dimensions.iter().enumerate() {
            if !self.questions.iter().any(|q| q.dimension == Some(d)) {
                return Err(format!("dimension {} has no question", self.dimensions[d]));
            }
        }
        for q in self.questions {
            if q.options.len() < 2 || q.weight == 0 || (q.dimension.is_some() != (q.max > 0)) {
                return Err(format!(
                    "question {} needs two options, a weight, and points only if it feeds a dimension",
                    q.id
                ));
            }
        }
        match self.rules.last() {
            Some(last) if last.conditions.is_empty() => Ok(()),
            _ => Err("the last rule must have no condition, so that there is always a suggestion".into()),
        }
    }
}

/// The share of points, 0–100, rounded half up.
fn share(points: Points) -> u8 {
    if points.max == 0 {
        return 0;
    }
    let (got, max) = (u64::from(points.got), u64::from(points.max));
    u8::try_from((200 * got + max) / (2 * max)).unwrap_or(100).min(100)
}

impl Profile {
    /// The dimensions grouped by level, the highest first (what is already there leads), only
    /// the levels that have some: `(level, dimensions)`.
    pub fn by_level(&self, questionnaire: &Questionnaire) -> Vec<(usize, Vec<usize>)> {
        (0..questionnaire.levels.len())
            .rev()
            .map(|level| (level, self.at_level(level)))
            .filter(|(_, dimensions)| !dimensions.is_empty())
            .collect()
    }

    /// The pathway to preselect on the result page: the one the young person already chose
    /// (`chosen`, a pathway id), else the suggestion.
    pub fn preselected(&self, questionnaire: &Questionnaire, chosen: &str) -> &'static str {
        let index = questionnaire.pathway_index(chosen).unwrap_or(self.pathway);
        questionnaire.pathways[index]
    }

    /// The dimensions at a level, in the order of the dimensions.
    pub fn at_level(&self, level: usize) -> Vec<usize> {
        (0..self.levels.len()).filter(|&d| self.levels[d] == level).collect()
    }

    /// The reasons of the suggestion: the `reason` of each condition of the rule that applied,
    /// or `default` for the rule without condition. They only repeat what the answers said.
    pub fn reasons(&self, questionnaire: &Questionnaire) -> Vec<&'static str> {
        let conditions = questionnaire.rules[self.rule].conditions;
        if conditions.is_empty() { vec!["default"] } else { conditions.iter().map(Condition::reason).collect() }
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

    fn question(id: &str) -> &'static Question {
        QUESTIONNAIRE.questions.iter().find(|q| q.id == id).unwrap()
    }

    fn level_ids(profile: &Profile) -> Vec<&'static str> {
        profile.levels.iter().map(|&l| QUESTIONNAIRE.levels[l].id).collect()
    }

    #[test]
    fn the_real_questionnaire_is_well_formed() {
        QUESTIONNAIRE.check().unwrap();
        assert_eq!(QUESTIONNAIRE.pathways, ["discovery", "collective", "individual"]);
        assert_eq!(
            QUESTIONNAIRE.levels.iter().map(|l| l.id).collect::<Vec<_>>(),
            ["discover", "on_the_way", "already"]
        );
        assert_eq!(QUESTIONNAIRE.questions.len(), 16);
        // Life constraints, entourage, time and the preference are never scored ("already
        // followed" is a field of the sign-up form, not a question of the test).
        assert!(QUESTIONNAIRE.questions.iter().all(|q| q.id != "followed"));
        for id in ["constraints", "network_people", "network_help", "availability_time", "preference"] {
            assert_eq!(question(id).dimension, None, "{id}");
        }
    }

    // A small questionnaire with known numbers, for table tests independent of content edits.
    static TINY: Questionnaire = Questionnaire {
        version: "test",
        levels: &[Level { id: "low", from: 0 }, Level { id: "mid", from: 34 }, Level { id: "high", from: 67 }],
        dimensions: &["a", "b"],
        pathways: &["p0", "p1", "p2"],
        questions: &[
            Question { id: "a1", dimension: Some(0), kind: Kind::Single, weight: 1, max: 3, options: &OPTS },
            Question { id: "a2", dimension: Some(0), kind: Kind::Single, weight: 2, max: 3, options: &OPTS },
            Question { id: "b1", dimension: Some(1), kind: Kind::Single, weight: 1, max: 3, options: &OPTS },
            Question { id: "pref", dimension: None, kind: Kind::Single, weight: 1, max: 0, options: &PREF },
            Question { id: "info", dimension: None, kind: Kind::Multiple, weight: 1, max: 0, options: &INFO },
        ],
        rules: &[
            Rule { pathway: 0, conditions: &[Condition::Level { dimension: 0, levels: &[0], reason: "a_low" }] },
            Rule {
                pathway: 2,
                conditions: &[
                    Condition::Level { dimension: 1, levels: &[1, 2], reason: "b_some" },
                    Condition::Answer { question: 3, answers: &["alone"], reason: "alone" },
                ],
            },
            Rule { pathway: 1, conditions: &[] },
        ],
    };
    static OPTS: [Choice; 4] = [
        Choice { id: "0", points: 0, exclusive: false },
        Choice { id: "1", points: 1, exclusive: false },
        Choice { id: "2", points: 2, exclusive: false },
        Choice { id: "3", points: 3, exclusive: false },
    ];
    static PREF: [Choice; 2] =
        [Choice { id: "alone", points: 0, exclusive: false }, Choice { id: "group", points: 0, exclusive: false }];
    static INFO: [Choice; 3] = [
        Choice { id: "x", points: 0, exclusive: false },
        Choice { id: "y", points: 0, exclusive: false },
        Choice { id: "none", points: 0, exclusive: true },
    ];

    #[test]
    fn table_of_answers_levels_and_pathways() {
        /// (a1, a2, b1, pref, levels of a and b, pathway, reasons)
        type Row = (
            &'static str,
            &'static str,
            &'static str,
            &'static str,
            [&'static str; 2],
            &'static str,
            &'static [&'static str],
        );
        let table: &[Row] = &[
            ("0", "0", "3", "alone", ["low", "high"], "p0", &["a_low"]),
            // a = (1·3 + 2·0) / 9 = 33.3 → 33: still low (the level starts at 34)
            ("3", "0", "3", "alone", ["low", "high"], "p0", &["a_low"]),
            // a = (1·0 + 2·2) / 9 = 44.4 → mid; b = 1/3 = 33 → low: the second rule fails
            ("0", "2", "1", "alone", ["mid", "low"], "p1", &["default"]),
            // b = 2/3 = 66.7 → 67: high, and alone: p2 with both reasons
            ("0", "2", "2", "alone", ["mid", "high"], "p2", &["b_some", "alone"]),
            ("0", "2", "2", "group", ["mid", "high"], "p1", &["default"]),
            ("3", "3", "3", "alone", ["high", "high"], "p2", &["b_some", "alone"]),
        ];
        for (a1, a2, b1, pref, levels, pathway, reasons) in table {
            for info in [&["x", "y"][..], &["none"]] {
                let answers: Answers = [
                    ("a1", vec![*a1]),
                    ("a2", vec![*a2]),
                    ("b1", vec![*b1]),
                    ("pref", vec![*pref]),
                    ("info", info.to_vec()),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
                .collect();
                let profile = TINY.score(&answers).unwrap();
                let got: Vec<&str> = profile.levels.iter().map(|&l| TINY.levels[l].id).collect();
                assert_eq!(got, *levels, "{a1} {a2} {b1} {pref}");
                assert_eq!(TINY.pathways[profile.pathway], *pathway, "{a1} {a2} {b1} {pref}");
                assert_eq!(profile.reasons(&TINY), *reasons, "{a1} {a2} {b1} {pref}");
            }
        }
        assert_eq!(
            TINY.score(&answer_all(&TINY, |_, _| 1)).unwrap().points,
            [Points { got: 3, max: 9 }, Points { got: 1, max: 3 }]
        );
    }

    /// A young person's answers, written the way a counsellor would describe them.
    fn profile(description: &[(&str, &str)]) -> Answers {
        // Middle-of-the-road answers everywhere, then the described ones.
        let mut answers = answer_all(&QUESTIONNAIRE, |_, n| n / 2);
        answers = with(answers, "constraints", &["none"]);
        for (question, answer) in description {
            let options: Vec<&str> = answer.split('+').collect();
            answers = with(answers, question, &options);
        }
        answers
    }

    #[test]
    fn typical_profiles_get_the_pathway_a_counsellor_would_expect() {
        let motivated = [("motivation_why", "create"), ("motivation_start", "nervous_but_up")];
        /// (the young person in words, their answers, the expected pathway, its reasons)
        type Row<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, &'a [&'a str]);
        let rows: &[Row] = &[
            (
                "idée claire, préfère le tête-à-tête, peu de temps",
                vec![("idea_stage", "clear"), ("preference", "one_to_one"), ("availability_time", "under_2h")],
                "individual",
                &["has_idea", "prefers_one_to_one"],
            ),
            (
                "idée claire, préfère le groupe",
                vec![("idea_stage", "clear"), ("preference", "group")],
                "collective",
                &["has_idea", "prefers_group"],
            ),
            (
                "idée floue, sans préférence",
                vec![("idea_stage", "vague"), ("preference", "no_preference")],
                "collective",
                &["idea_vague"],
            ),
            (
                "idée floue, préfère le tête-à-tête",
                vec![("idea_stage", "vague"), ("preference", "one_to_one")],
                "individual",
                &["has_idea", "prefers_one_to_one"],
            ),
            (
                "idée déjà lancée, sans préférence",
                vec![("idea_stage", "started"), ("preference", "no_preference")],
                "individual",
                &["idea_ready"],
            ),
            (
                "idée claire, sans préférence, toutes les contraintes",
                vec![
                    ("idea_stage", "clear"),
                    ("preference", "no_preference"),
                    ("constraints", "work_hours+childcare+transport+housing+money+other"),
                ],
                "individual",
                &["idea_ready"],
            ),
            (
                "pas encore d'idée, préfère le groupe",
                vec![("idea_stage", "none"), ("idea_shared", "no_idea"), ("preference", "group")],
                "discovery",
                &["no_idea"],
            ),
        ];
        for (description, answers, expected, reasons) in rows {
            let mut described = motivated.to_vec();
            described.extend(answers.iter().copied());
            let profile = QUESTIONNAIRE.score(&self::profile(&described)).unwrap();
            assert_eq!(QUESTIONNAIRE.pathways[profile.pathway], *expected, "{description}");
            assert_eq!(profile.reasons(&QUESTIONNAIRE), *reasons, "{description}");
        }
        // "On m'en a parlé, je prends d'abord mon temps" is a motivation, not a lack of one: it
        // never sends someone who has started back to discovery, nor someone alone anywhere.
        let circumstances = [
            ("motivation_why", "told"),
            ("motivation_start", "not_ready"),
            ("risk_choice", "safe_job"),
            ("network_people", "nobody"),
            ("network_help", "nobody"),
        ];
        let rows: &[Row] = &[
            (
                "on m'en a parlé, déjà lancée, préfère le tête-à-tête",
                vec![("idea_stage", "started"), ("preference", "one_to_one")],
                "individual",
                &["has_idea", "prefers_one_to_one"],
            ),
            (
                "on m'en a parlé, déjà lancée, sans préférence",
                vec![("idea_stage", "started")],
                "individual",
                &["idea_ready"],
            ),
            ("on m'en a parlé, idée floue", vec![("idea_stage", "vague")], "collective", &["idea_vague"]),
        ];
        for (description, answers, expected, reasons) in rows {
            let mut described = circumstances.to_vec();
            described.extend(answers.iter().copied());
            described.push(("idea_shared", "customers"));
            if !answers.iter().any(|(q, _)| *q == "preference") {
                described.push(("preference", "no_preference"));
            }
            let profile = QUESTIONNAIRE.score(&self::profile(&described)).unwrap();
            assert_eq!(QUESTIONNAIRE.pathways[profile.pathway], *expected, "{description}");
            assert_eq!(profile.reasons(&QUESTIONNAIRE), *reasons, "{description}");
            assert_ne!(level_ids(&profile)[0], "discover", "{description}: motivation");
        }
    }

    #[test]
    fn reasons_never_contradict_the_answers() {
        // A clear idea never reads "à préciser"; a vague one never "claire".
        let clear = profile(&[("motivation_why", "create"), ("idea_stage", "clear"), ("preference", "group")]);
        let reasons = QUESTIONNAIRE.score(&clear).unwrap().reasons(&QUESTIONNAIRE);
        assert!(!reasons.contains(&"idea_vague"), "{reasons:?}");
        let vague = profile(&[("motivation_why", "create"), ("idea_stage", "vague"), ("preference", "no_preference")]);
        let reasons = QUESTIONNAIRE.score(&vague).unwrap().reasons(&QUESTIONNAIRE);
        assert!(!reasons.contains(&"idea_ready"), "{reasons:?}");
        // Every answer condition's reason is given only when that answer was chosen: checked by
        // construction (a rule applies only when its conditions hold); here on every rule.
        for rule in QUESTIONNAIRE.rules {
            for condition in rule.conditions {
                if let Condition::Answer { question, answers, reason } = condition {
                    assert!(!answers.is_empty() && !reason.is_empty(), "{}", QUESTIONNAIRE.questions[*question].id);
                }
            }
        }
    }

    #[test]
    fn all_lowest_and_all_highest_answers() {
        let q = &QUESTIONNAIRE;
        let lowest = answer_all(q, |i, _| {
            let options = q.questions[i].options;
            (0..options.len()).min_by_key(|&o| options[o].points).unwrap_or(0)
        });
        let profile = q.score(&with(lowest, "constraints", &["none"])).unwrap();
        // Every answer to the motivation questions is a motivation: the lowest is « En route ».
        let motivation = q.dimensions.iter().position(|d| *d == "motivation").unwrap();
        for (d, &level) in profile.levels.iter().enumerate() {
            assert_eq!(level, usize::from(d == motivation), "{:?}", level_ids(&profile));
        }
        assert_eq!(q.pathways[profile.pathway], "discovery");
        let highest = answer_all(q, |i, _| {
            let options = q.questions[i].options;
            (0..options.len()).max_by_key(|&o| (options[o].points, std::cmp::Reverse(o))).unwrap_or(0)
        });
        let profile = q.score(&with(highest, "constraints", &["none"])).unwrap();
        assert!(profile.levels.iter().all(|&l| l == 2), "{:?}", level_ids(&profile));
        assert!(profile.points.iter().all(|p| p.got == p.max));
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
        let multiple = &TINY.questions[4];
        assert_eq!(multiple.toggle(&[], "y"), ["y"]);
        assert_eq!(multiple.toggle(&["y".into()], "x"), ["x", "y"]);
        assert_eq!(multiple.toggle(&["x".into(), "y".into()], "x"), ["y"]);
        assert_eq!(multiple.toggle(&["x".into(), "y".into()], "none"), ["none"]);
        assert_eq!(multiple.toggle(&["none".into()], "x"), ["x"]);
        assert_eq!(multiple.toggle(&["none".into()], "none"), Vec::<String>::new());
        // Recorded in the answers: a question left with nothing is unanswered again.
        let mut answers = Answers::new();
        multiple.choose(&mut answers, "y");
        assert_eq!(answers[multiple.id], ["y"]);
        multiple.choose(&mut answers, "y");
        assert!(!answers.contains_key(multiple.id) && !multiple.is_answered(&answers));
    }

    #[test]
    fn the_result_groups_by_level_highest_first_and_preselects_the_choice_else_the_suggestion() {
        let q = &QUESTIONNAIRE;
        let profile = q.score(&answer_all(q, |_, _| 0)).unwrap();
        let groups = profile.by_level(q);
        assert!(groups.windows(2).all(|w| w[0].0 > w[1].0), "highest level first");
        assert!(groups.iter().all(|(_, dimensions)| !dimensions.is_empty()));
        assert_eq!(groups.iter().map(|(_, d)| d.len()).sum::<usize>(), q.dimensions.len());
        assert_eq!(profile.preselected(q, ""), q.pathways[profile.pathway]);
        assert_eq!(profile.preselected(q, "undecided"), q.pathways[profile.pathway]);
        let other = q.pathways[(profile.pathway + 1) % q.pathways.len()];
        assert_eq!(profile.preselected(q, other), other);
    }

    // proptest is a native dev-dependency (the wasm test build has none).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any complete answer set: one option index per single question, any subset of the
        /// constraints (or "none").
        fn any_answers() -> impl Strategy<Value = Answers> {
            let picks = prop::collection::vec(0usize..8, QUESTIONNAIRE.questions.len());
            (picks, 0u32..128).prop_map(|(picks, constraints)| {
                let mut answers = answer_all(&QUESTIONNAIRE, |i, n| picks[i] % n);
                answers.insert("constraints".into(), constraint_set(constraints));
                answers
            })
        }

        /// Subset number `bits` of the constraints; 0 is "none".
        fn constraint_set(bits: u32) -> Vec<String> {
            let q = question("constraints");
            let listed: Vec<&Choice> = q.options.iter().filter(|o| !o.exclusive).collect();
            let chosen: Vec<String> =
                listed.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, o)| o.id.to_owned()).collect();
            if chosen.is_empty() { vec!["none".into()] } else { chosen }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            /// Life constraints are information, never a score: for any answers, every set of
            /// constraints gives the same levels, points and suggestion.
            #[test]
            fn life_constraints_never_change_the_profile_or_the_suggestion(answers in any_answers()) {
                let reference = QUESTIONNAIRE.score(&answers).unwrap();
                let listed = question("constraints").options.iter().filter(|o| !o.exclusive).count();
                for bits in 0..(1u32 << listed) {
                    let mut other = answers.clone();
                    other.insert("constraints".into(), constraint_set(bits));
                    prop_assert_eq!(&QUESTIONNAIRE.score(&other).unwrap(), &reference);
                }
                // Nor does the time available.
                for id in ["availability_time"] {
                    for option in question(id).options {
                        let other = with(answers.clone(), id, &[option.id]);
                        prop_assert_eq!(&QUESTIONNAIRE.score(&other).unwrap(), &reference);
                    }
                }
            }

            /// Circumstances are never a lack. An answer about who sent them, their pace or
            /// money gives every level at least what any answer but the question's strongest
            /// gives, and the suggestion any answer to that question gives; an answer about
            /// their entourage (or family), like the life constraints, changes nothing at all.
            #[test]
            fn circumstances_never_lower_a_level_or_change_the_suggestion(answers in any_answers()) {
                let circumstances = [("motivation_why", "told"), ("motivation_start", "not_ready"), ("risk_choice", "safe_job")];
                for (id, circumstance) in circumstances {
                    let q = question(id);
                    let best = q.options.iter().map(|o| o.points).max().unwrap_or(0);
                    let given = QUESTIONNAIRE.score(&with(answers.clone(), id, &[circumstance])).unwrap();
                    for option in q.options {
                        let other = QUESTIONNAIRE.score(&with(answers.clone(), id, &[option.id])).unwrap();
                        prop_assert_eq!(given.pathway, other.pathway, "{} = {} or {}", id, circumstance, option.id);
                        if option.points < best {
                            for (d, (a, b)) in given.levels.iter().zip(&other.levels).enumerate() {
                                prop_assert!(a >= b, "{} = {} gives {} a lower level than {}", id, circumstance, QUESTIONNAIRE.dimensions[d], option.id);
                            }
                        }
                    }
                }
                let reference = QUESTIONNAIRE.score(&answers).unwrap();
                for id in ["network_people", "network_help"] {
                    for option in question(id).options {
                        let other = with(answers.clone(), id, &[option.id]);
                        prop_assert_eq!(&QUESTIONNAIRE.score(&other).unwrap(), &reference, "{} = {}", id, option.id);
                    }
                }
            }

            /// A clear or started idea (first clients…) never gets « Découvrir » from motivation
            /// alone: whatever the two motivation answers, the suggestion stays the same, and it
            /// is never discovery.
            #[test]
            fn a_started_idea_never_gets_discovery_from_motivation_alone(
                answers in any_answers(),
                stage in prop::sample::select(vec!["clear", "started"]),
            ) {
                let answers = with(answers, "idea_stage", &[stage]);
                let reference = QUESTIONNAIRE.score(&answers).unwrap().pathway;
                prop_assert_ne!(QUESTIONNAIRE.pathways[reference], "discovery");
                for why in question("motivation_why").options {
                    for start in question("motivation_start").options {
                        let other = with(with(answers.clone(), "motivation_why", &[why.id]), "motivation_start", &[start.id]);
                        prop_assert_eq!(QUESTIONNAIRE.score(&other).unwrap().pathway, reference, "{} + {}", why.id, start.id);
                    }
                }
            }

            /// No knife edges: an answer moves the suggestion only if it is one the rule means
            /// (motivation, the idea's stage, the preference); every other answer can change
            /// freely.
            #[test]
            fn only_the_rules_questions_move_the_suggestion(answers in any_answers()) {
                let pathway = QUESTIONNAIRE.score(&answers).unwrap().pathway;
                let rule_questions = ["motivation_why", "motivation_start", "idea_stage", "preference"];
                for q in QUESTIONNAIRE.questions.iter().filter(|q| q.kind == Kind::Single && !rule_questions.contains(&q.id)) {
                    for option in q.options {
                        let other = with(answers.clone(), q.id, &[option.id]);
                        prop_assert_eq!(QUESTIONNAIRE.score(&other).unwrap().pathway, pathway, "{} = {}", q.id, option.id);
                    }
                }
            }
        }
    }
}
