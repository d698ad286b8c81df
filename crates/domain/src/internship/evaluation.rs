//! The supervisor's evaluations of an intern: a mid-term and a final one, each scored on a
//! rubric given as data (`evaluation.toml` by default) with written comments. A draft may
//! be incomplete; a submission scores every criterion and has comments, and is final.

use crate::Localized;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The default rubric, as data.
const DEFAULT_RUBRIC: &str = include_str!("evaluation.toml");

/// One criterion of the evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationCriterion {
    /// Stable key, stored with the score, e.g. `teamwork`.
    pub key: String,
    /// Shown to the supervisor and the intern.
    pub label: Localized<String>,
}

/// The criteria, their scale and the longest comments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationRubric {
    /// The lowest score.
    pub lowest: u8,
    /// The highest score.
    pub highest: u8,
    /// The longest comments, in characters.
    pub max_comment_chars: usize,
    /// The criteria, in the order shown.
    pub criteria: Vec<EvaluationCriterion>,
}

/// Why a rubric file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationRubricError {
    /// Not the expected TOML.
    #[error("the evaluation rubric is not valid TOML: {0}")]
    Syntax(String),
    /// A blank or repeated key.
    #[error("criterion key {0:?} is blank or repeated")]
    Key(String),
    /// No criteria, or a scale that goes nowhere.
    #[error("the rubric needs criteria and a scale whose lowest is below its highest")]
    Scale,
    /// A criterion without its label in one of the two languages.
    #[error("criterion {0:?} needs a label in English and in French")]
    Label(String),
}

/// Mid-term or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvaluationKind {
    /// Halfway through.
    Midterm,
    /// At the end.
    Final,
}

impl EvaluationKind {
    /// Both, in order.
    pub const ALL: [EvaluationKind; 2] = [EvaluationKind::Midterm, EvaluationKind::Final];

    /// The stored (and URL) name: `midterm` or `final`.
    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationKind::Midterm => "midterm",
            EvaluationKind::Final => "final",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<EvaluationKind> {
        EvaluationKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// An evaluation as the supervisor types it: scores by criterion key, and comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationDraft {
    /// Scores given so far, by criterion key.
    pub scores: BTreeMap<String, i64>,
    /// The written comments.
    pub comments: String,
}

/// Saved as a draft, or submitted (final).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// Anything in range may be missing.
    Draft,
    /// Every criterion scored, comments written.
    Submission,
}

/// What is wrong with an evaluation; each names its criterion or field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationProblem {
    /// A key the rubric does not have.
    #[error("{0}: not a criterion of the rubric")]
    UnknownCriterion(String),
    /// A score outside the scale.
    #[error("{criterion}: {score} is not between {lowest} and {highest}")]
    OutOfRange {
        /// The criterion.
        criterion: String,
        /// The score given.
        score: i64,
        /// The scale's lowest.
        lowest: u8,
        /// The scale's highest.
        highest: u8,
    },
    /// Not scored (a submission only).
    #[error("{0}: not scored")]
    Missing(String),
    /// No comments (a submission only).
    #[error("comments: empty")]
    NoComments,
    /// Comments longer than the rubric allows.
    #[error("comments: longer than {0} characters")]
    CommentsTooLong(usize),
}

impl EvaluationProblem {
    /// The field at fault: the criterion's key, or `comments`.
    pub fn field(&self) -> &str {
        match self {
            EvaluationProblem::UnknownCriterion(key)
            | EvaluationProblem::Missing(key)
            | EvaluationProblem::OutOfRange { criterion: key, .. } => key,
            EvaluationProblem::NoComments | EvaluationProblem::CommentsTooLong(_) => "comments",
        }
    }
}

impl Default for EvaluationRubric {
    /// Quality of work, initiative, teamwork, communication, professional conduct; 1 to 5.
    fn default() -> Self {
        match EvaluationRubric::from_toml(DEFAULT_RUBRIC) {
            Ok(rubric) => rubric,
            // the embedded file is checked by the tests; an empty rubric never shows
            Err(_) => EvaluationRubric {
                lowest: 1,
                highest: 5,
                max_comment_chars: 4000,
                criteria: Vec::new(),
            },
        }
    }
}

impl EvaluationRubric {
    /// The rubric as TOML ([`EvaluationRubric::from_toml`] reads it back).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Reads and checks a rubric: unique non-blank keys, at least one criterion, a scale.
    pub fn from_toml(text: &str) -> Result<EvaluationRubric, EvaluationRubricError> {
        let rubric: EvaluationRubric =
            toml::from_str(text).map_err(|e| EvaluationRubricError::Syntax(e.to_string()))?;
        if rubric.criteria.is_empty() || rubric.lowest >= rubric.highest {
            return Err(EvaluationRubricError::Scale);
        }
        for (i, c) in rubric.criteria.iter().enumerate() {
            if c.key.trim().is_empty() || rubric.criteria[..i].iter().any(|o| o.key == c.key) {
                return Err(EvaluationRubricError::Key(c.key.clone()));
            }
            if c.label.en.trim().is_empty() || c.label.fr.trim().is_empty() {
                return Err(EvaluationRubricError::Label(c.key.clone()));
            }
        }
        Ok(rubric)
    }

    /// Checks `draft` against the rubric, naming every problem; the comments come back
    /// trimmed.
    pub fn check(
        &self,
        draft: EvaluationDraft,
        completeness: Completeness,
    ) -> Result<EvaluationDraft, Vec<EvaluationProblem>> {
        let mut problems = Vec::new();
        for (key, &score) in &draft.scores {
            if !self.criteria.iter().any(|c| &c.key == key) {
                problems.push(EvaluationProblem::UnknownCriterion(key.clone()));
            } else if score < i64::from(self.lowest) || score > i64::from(self.highest) {
                problems.push(EvaluationProblem::OutOfRange {
                    criterion: key.clone(),
                    score,
                    lowest: self.lowest,
                    highest: self.highest,
                });
            }
        }
        let comments = draft.comments.trim().to_owned();
        if completeness == Completeness::Submission {
            problems.extend(
                self.criteria
                    .iter()
                    .filter(|c| !draft.scores.contains_key(&c.key))
                    .map(|c| EvaluationProblem::Missing(c.key.clone())),
            );
            if comments.is_empty() {
                problems.push(EvaluationProblem::NoComments);
            }
        }
        if comments.chars().count() > self.max_comment_chars {
            problems.push(EvaluationProblem::CommentsTooLong(self.max_comment_chars));
        }
        if problems.is_empty() {
            Ok(EvaluationDraft {
                scores: draft.scores,
                comments,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(scores: &[(&str, i64)], comments: &str) -> EvaluationDraft {
        EvaluationDraft {
            scores: scores.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
            comments: comments.to_owned(),
        }
    }

    #[test]
    fn a_rubric_round_trips_and_needs_both_labels() {
        let rubric = EvaluationRubric::default();
        assert_eq!(
            EvaluationRubric::from_toml(&rubric.to_toml()),
            Ok(rubric.clone())
        );
        let mut unlabelled = rubric;
        unlabelled.criteria[1].label.fr = " ".into();
        assert_eq!(
            EvaluationRubric::from_toml(&unlabelled.to_toml()),
            Err(EvaluationRubricError::Label("initiative".into()))
        );
    }

    #[test]
    fn the_default_rubric_is_the_embedded_file() {
        let rubric = EvaluationRubric::default();
        let keys: Vec<&str> = rubric.criteria.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "quality",
                "initiative",
                "teamwork",
                "communication",
                "conduct"
            ]
        );
        assert_eq!((rubric.lowest, rubric.highest), (1, 5));
        assert!(rubric
            .criteria
            .iter()
            .all(|c| !c.label.en.is_empty() && !c.label.fr.is_empty()));
    }

    #[test]
    fn bad_rubrics_are_refused() {
        let repeated = "lowest = 1\nhighest = 5\nmax_comment_chars = 10\n\
            [[criteria]]\nkey = \"a\"\nlabel = { en = \"A\", fr = \"A\" }\n\
            [[criteria]]\nkey = \"a\"\nlabel = { en = \"B\", fr = \"B\" }\n";
        assert_eq!(
            EvaluationRubric::from_toml(repeated),
            Err(EvaluationRubricError::Key("a".into()))
        );
        let flat = "lowest = 3\nhighest = 3\nmax_comment_chars = 10\n\
            [[criteria]]\nkey = \"a\"\nlabel = { en = \"A\", fr = \"A\" }\n";
        assert_eq!(
            EvaluationRubric::from_toml(flat),
            Err(EvaluationRubricError::Scale)
        );
        assert!(matches!(
            EvaluationRubric::from_toml("lowest ="),
            Err(EvaluationRubricError::Syntax(_))
        ));
    }

    #[test]
    fn checks_name_every_problem() {
        use EvaluationProblem as P;
        let rubric = EvaluationRubric::default();
        let all = [
            ("quality", 5),
            ("initiative", 4),
            ("teamwork", 1),
            ("communication", 3),
            ("conduct", 5),
        ];
        let cases: Vec<(EvaluationDraft, Completeness, Result<(), Vec<P>>)> = vec![
            (draft(&all, "  Fine.  "), Completeness::Submission, Ok(())),
            (draft(&[("quality", 3)], ""), Completeness::Draft, Ok(())),
            (
                draft(&[("quality", 3)], ""),
                Completeness::Submission,
                Err(vec![
                    P::Missing("initiative".into()),
                    P::Missing("teamwork".into()),
                    P::Missing("communication".into()),
                    P::Missing("conduct".into()),
                    P::NoComments,
                ]),
            ),
            (
                draft(&[("quality", 0), ("teamwork", 6), ("charm", 3)], ""),
                Completeness::Draft,
                Err(vec![
                    P::UnknownCriterion("charm".into()),
                    P::OutOfRange {
                        criterion: "quality".into(),
                        score: 0,
                        lowest: 1,
                        highest: 5,
                    },
                    P::OutOfRange {
                        criterion: "teamwork".into(),
                        score: 6,
                        lowest: 1,
                        highest: 5,
                    },
                ]),
            ),
            (
                draft(&[], &"é".repeat(4001)),
                Completeness::Draft,
                Err(vec![P::CommentsTooLong(4000)]),
            ),
            (draft(&[], &"é".repeat(4000)), Completeness::Draft, Ok(())),
        ];
        for (input, completeness, expected) in cases {
            let got = rubric.check(input.clone(), completeness).map(|_| ());
            assert_eq!(got, expected, "{input:?}");
        }
        let trimmed = rubric
            .check(draft(&all, "  Fine.  "), Completeness::Submission)
            .expect("valid");
        assert_eq!(trimmed.comments, "Fine.");
        assert_eq!(P::NoComments.field(), "comments");
        assert_eq!(P::Missing("teamwork".into()).field(), "teamwork");
    }

    #[test]
    fn kinds_round_trip() {
        for kind in EvaluationKind::ALL {
            assert_eq!(EvaluationKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EvaluationKind::parse("mid"), None);
    }
}
