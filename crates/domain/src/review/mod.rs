//! Review and ranking: the rubric reviewers score applications with, how two independent
//! reviews combine and when they disagree, and the ordered list with ties a unit submits
//! for each placement; blacking out the candidate's identifying words in a CV's text.

mod assignment;
mod ranking;
mod redact;
mod rubric;
mod rubric_lines;

pub use assignment::{assign, Assignment, ReviewerLoad, ToAssign, REVIEWERS_PER_APPLICATION};
pub use ranking::{propose, Ranking, RankingMove, RankingMoveProblem};
pub use redact::{redact, REDACTED};
pub use rubric::{disagree, Criterion, Rubric, Scores, ScoresProblem, MAX_SCORE, MIN_SCORE};
pub use rubric_lines::{RubricError, RubricProblem, MAX_WEIGHT};
