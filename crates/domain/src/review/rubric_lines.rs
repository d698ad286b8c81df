//! A rubric written one criterion a line, as the office's form shows it:
//! `key | weight | English label | French label`.

use super::rubric::{Criterion, Rubric};
use crate::Localized;

/// The heaviest weight of a criterion.
pub const MAX_WEIGHT: u8 = 10;

/// What is wrong with a line of a rubric.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricProblem {
    /// Not four parts separated by `|`.
    #[error("write key | weight | English label | French label")]
    Shape,
    /// A key that is not lowercase letters, digits and `_`.
    #[error("{0:?} is not a key (lowercase letters, digits, _)")]
    Key(String),
    /// The key is on an earlier line too.
    #[error("{0} is used twice")]
    Duplicate(String),
    /// Not a whole number from 1 to 10.
    #[error("{0:?} is not a weight from 1 to 10")]
    Weight(String),
    /// A label is blank.
    #[error("both labels are required")]
    Label,
    /// No criterion at all.
    #[error("at least one criterion is required")]
    Empty,
}

/// A problem and its 1-based line (0 for the whole rubric).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RubricError {
    /// 1-based line, 0 when the whole rubric is meant.
    pub line: usize,
    /// What is wrong.
    pub problem: RubricProblem,
}

impl Rubric {
    /// Parses a rubric written one criterion a line; blank lines are skipped.
    pub fn from_lines(text: &str) -> Result<Rubric, RubricError> {
        let mut criteria: Vec<Criterion> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let fail = |problem| RubricError {
                line: i + 1,
                problem,
            };
            let parts: Vec<&str> = raw.split('|').map(str::trim).collect();
            let [key, weight, en, fr] = parts[..] else {
                return Err(fail(RubricProblem::Shape));
            };
            let valid_key = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid_key {
                return Err(fail(RubricProblem::Key(key.to_owned())));
            }
            if criteria.iter().any(|c| c.key == key) {
                return Err(fail(RubricProblem::Duplicate(key.to_owned())));
            }
            let weight = weight
                .parse::<u8>()
                .ok()
                .filter(|w| (1..=MAX_WEIGHT).contains(w))
                .ok_or_else(|| fail(RubricProblem::Weight(weight.to_owned())))?;
            if en.is_empty() || fr.is_empty() {
                return Err(fail(RubricProblem::Label));
            }
            criteria.push(Criterion {
                key: key.to_owned(),
                label: Localized {
                    en: en.to_owned(),
                    fr: fr.to_owned(),
                },
                weight,
            });
        }
        if criteria.is_empty() {
            return Err(RubricError {
                line: 0,
                problem: RubricProblem::Empty,
            });
        }
        Ok(Rubric { criteria })
    }

    /// The rubric one criterion a line ([`Rubric::from_lines`] reads it back).
    pub fn to_lines(&self) -> String {
        self.criteria
            .iter()
            .map(|c| {
                format!(
                    "{} | {} | {} | {}\n",
                    c.key, c.weight, c.label.en, c.label.fr
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rubric_round_trips_through_its_lines() {
        let rubric = Rubric::default();
        assert_eq!(Rubric::from_lines(&rubric.to_lines()), Ok(rubric));
    }

    #[test]
    fn each_mistake_names_its_line() {
        let error = |text: &str| Rubric::from_lines(text).expect_err("bad");
        assert_eq!(error("a | 1 | A | A\n\nb | 2 | B").line, 3);
        assert_eq!(
            error("A | 1 | A | A").problem,
            RubricProblem::Key("A".into())
        );
        assert_eq!(
            error("a | 0 | A | A").problem,
            RubricProblem::Weight("0".into())
        );
        assert_eq!(error("a | 1 | A | ").problem, RubricProblem::Label);
        assert_eq!(
            error("a | 1 | A | A\na | 2 | B | B").problem,
            RubricProblem::Duplicate("a".into())
        );
        assert_eq!(error(" \n").problem, RubricProblem::Empty);
    }
}
