//! A session's rubric: weighted criteria scored 1 to 5. An application's score from one
//! review is the weighted mean of its criteria; two reviews disagree when their scores are
//! further apart than the session's threshold.

use crate::Localized;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The lowest score of a criterion.
pub const MIN_SCORE: u8 = 1;
/// The highest.
pub const MAX_SCORE: u8 = 5;

/// One criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable key, e.g. `motivation`.
    pub key: String,
    /// Shown to reviewers.
    pub label: Localized<String>,
    /// Relative weight, at least 1.
    pub weight: u8,
}

/// The criteria of a session, in the order reviewers see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rubric {
    /// Criteria.
    pub criteria: Vec<Criterion>,
}

fn text(en: &str, fr: &str) -> Localized<String> {
    Localized {
        en: en.to_owned(),
        fr: fr.to_owned(),
    }
}

impl Default for Rubric {
    /// What the internship office asks of every host unit unless it sets its own.
    fn default() -> Self {
        Rubric {
            criteria: vec![
                Criterion {
                    key: "motivation".into(),
                    label: text(
                        "Motivation and fit with the unit",
                        "Motivation et adéquation avec l’unité",
                    ),
                    weight: 3,
                },
                Criterion {
                    key: "education".into(),
                    label: text(
                        "Studies relevant to the placement",
                        "Études utiles au stage",
                    ),
                    weight: 2,
                },
                Criterion {
                    key: "languages".into(),
                    label: text("Languages", "Langues"),
                    weight: 1,
                },
                Criterion {
                    key: "experience".into(),
                    label: text("Experience and skills", "Expérience et compétences"),
                    weight: 2,
                },
            ],
        }
    }
}

/// One reviewer's scores, by criterion key, each from 1 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores(pub BTreeMap<String, u8>);

/// Why scores are refused; the criterion is named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoresProblem {
    /// A criterion of the rubric has no score.
    #[error("no score for {0}")]
    Missing(String),
    /// A score outside 1–5.
    #[error("{0} must be scored from 1 to 5")]
    OutOfRange(String),
    /// A key that is not a criterion.
    #[error("{0} is not a criterion")]
    Unknown(String),
}

impl Rubric {
    /// Checks that `scores` gives every criterion exactly one score from 1 to 5.
    pub fn check(&self, scores: &BTreeMap<String, i64>) -> Result<Scores, ScoresProblem> {
        if let Some(unknown) = scores
            .keys()
            .find(|k| !self.criteria.iter().any(|c| &c.key == *k))
        {
            return Err(ScoresProblem::Unknown(unknown.clone()));
        }
        let mut checked = BTreeMap::new();
        for criterion in &self.criteria {
            let score = *scores
                .get(&criterion.key)
                .ok_or_else(|| ScoresProblem::Missing(criterion.key.clone()))?;
            let score = u8::try_from(score)
                .ok()
                .filter(|s| (MIN_SCORE..=MAX_SCORE).contains(s))
                .ok_or_else(|| ScoresProblem::OutOfRange(criterion.key.clone()))?;
            checked.insert(criterion.key.clone(), score);
        }
        Ok(Scores(checked))
    }

    /// The weighted mean of checked scores, on the 1–5 scale.
    pub fn score(&self, scores: &Scores) -> f64 {
        let (mut sum, mut weights) = (0.0, 0.0);
        for criterion in &self.criteria {
            if let Some(&s) = scores.0.get(&criterion.key) {
                sum += f64::from(s) * f64::from(criterion.weight);
                weights += f64::from(criterion.weight);
            }
        }
        if weights == 0.0 {
            0.0
        } else {
            sum / weights
        }
    }
}

/// Whether two review scores are further apart than `threshold` (a large disagreement the
/// unit should look at before ranking).
pub fn disagree(a: f64, b: f64, threshold: f64) -> bool {
    (a - b).abs() > threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn every_criterion_needs_one_score_from_one_to_five() {
        let rubric = Rubric::default();
        let all = scores(&[
            ("motivation", 5),
            ("education", 4),
            ("languages", 3),
            ("experience", 1),
        ]);
        let checked = rubric.check(&all).expect("complete");
        // (5×3 + 4×2 + 3×1 + 1×2) / 8
        assert!((rubric.score(&checked) - 28.0 / 8.0).abs() < 1e-9);

        let mut missing = all.clone();
        missing.remove("languages");
        assert_eq!(
            rubric.check(&missing),
            Err(ScoresProblem::Missing("languages".into()))
        );
        for bad in [0, 6, -1] {
            let mut out = all.clone();
            out.insert("education".into(), bad);
            assert_eq!(
                rubric.check(&out),
                Err(ScoresProblem::OutOfRange("education".into())),
                "{bad}"
            );
        }
        let mut extra = all.clone();
        extra.insert("charm".into(), 5);
        assert_eq!(
            rubric.check(&extra),
            Err(ScoresProblem::Unknown("charm".into()))
        );
    }

    #[test]
    fn disagreement_is_beyond_the_threshold() {
        assert!(
            !disagree(4.0, 2.5, 1.5),
            "exactly the threshold is tolerated"
        );
        assert!(disagree(4.0, 2.4, 1.5));
        assert!(disagree(1.0, 5.0, 1.5));
    }
}
