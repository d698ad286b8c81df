//! The problems of a session, rubric or placement, as message keys with their arguments,
//! so that the API words the first and a form words every one, in the visitor's language.

use crate::api::ApiError;
use cohort_domain::review::{RubricError, RubricProblem};
use cohort_domain::session::{PlacementProblem, RowProblem, SessionProblem, WindowError};

/// A problem of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The field (an input's name), or `rows[3].capacity` for a sheet.
    pub field: String,
    /// Fluent key.
    pub key: &'static str,
    /// Its arguments.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub(crate) fn new(
        field: impl Into<String>,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> Self {
        Problem {
            field: field.into(),
            key,
            args,
        }
    }

    /// The API's 422.
    pub fn into_api(self) -> ApiError {
        ApiError::InvalidArgs {
            field: self.field,
            key: self.key,
            args: self.args,
        }
    }
}

/// A session field's problem.
pub fn session(field: &str, problem: &SessionProblem) -> Problem {
    let (key, args) = match problem {
        SessionProblem::Code => ("session-problem-code", vec![]),
        SessionProblem::Name => ("session-problem-name", vec![]),
        SessionProblem::Date(value) => ("session-problem-date", vec![("value", value.clone())]),
        SessionProblem::EndsBeforeStart { start, end } => (
            "session-problem-ends-before-start",
            vec![("start", start.clone()), ("end", end.clone())],
        ),
        SessionProblem::Window(WindowError::UnknownTimeZone(zone)) => {
            ("session-problem-time-zone", vec![("zone", zone.clone())])
        }
        SessionProblem::Window(WindowError::BadDateTime(value)) => {
            ("session-problem-date-time", vec![("value", value.clone())])
        }
        SessionProblem::Window(WindowError::ClosesBeforeOpening { opens, closes }) => (
            "session-problem-closes-before-opens",
            vec![("opens", opens.clone()), ("closes", closes.clone())],
        ),
        SessionProblem::ClosesAfterStart { closes, start } => (
            "session-problem-closes-after-start",
            vec![("closes", closes.clone()), ("start", start.clone())],
        ),
        SessionProblem::MaxChoices => ("session-problem-max-choices", vec![]),
        SessionProblem::RetentionMonths => ("session-problem-retention", vec![]),
    };
    Problem::new(field, key, args)
}

/// A rubric's problem (the field is `rubric`).
pub fn rubric(error: &RubricError) -> Problem {
    let line = ("line", error.line.to_string());
    let (key, args) = match &error.problem {
        RubricProblem::Shape => ("rubric-problem-shape", vec![line]),
        RubricProblem::Key(v) => ("rubric-problem-key", vec![line, ("value", v.clone())]),
        RubricProblem::Duplicate(v) => {
            ("rubric-problem-duplicate", vec![line, ("value", v.clone())])
        }
        RubricProblem::Weight(v) => ("rubric-problem-weight", vec![line, ("value", v.clone())]),
        RubricProblem::Label => ("rubric-problem-label", vec![line]),
        RubricProblem::Empty => ("rubric-problem-empty", vec![]),
    };
    Problem::new("rubric", key, args)
}

/// A placement field's problem.
pub fn placement(field: &str, problem: &PlacementProblem) -> Problem {
    let (key, args) = placement_key(problem);
    Problem::new(field, key, args)
}

fn placement_key(problem: &PlacementProblem) -> (&'static str, Vec<(&'static str, String)>) {
    match problem {
        PlacementProblem::Unit(v) => ("placement-problem-unit", vec![("value", v.clone())]),
        PlacementProblem::Capacity(v) => ("placement-problem-capacity", vec![("value", v.clone())]),
        PlacementProblem::Language(v) => ("placement-problem-language", vec![("value", v.clone())]),
        PlacementProblem::Blank => ("placement-problem-blank", vec![]),
    }
}

/// A sheet's problem: the row and column, then what.
pub fn row(problem: &RowProblem) -> Problem {
    let field = format!("rows[{}].{}", problem.row, problem.column);
    let mut args = vec![
        ("row", problem.row.to_string()),
        ("column", problem.column.to_owned()),
    ];
    let key = match &problem.problem {
        None => "placement-problem-column",
        Some(p) => {
            let (key, more) = placement_key(p);
            args.extend(more);
            key
        }
    };
    Problem::new(field, key, args)
}
