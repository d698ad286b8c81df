//! The domain's refusals about internships as API errors with message keys and the
//! arguments the messages name (both dates, the opening day, the criterion).

use crate::api::ApiError;
use cohort_domain::internship::{
    EvaluationProblem, InternshipPeriod, PeriodProblem, SubmitRefusal,
};
use jiff::civil::Date;

pub(super) fn conflict(key: &'static str, args: Vec<(&'static str, String)>) -> ApiError {
    ApiError::Conflict { key, args }
}

fn date(field: &'static str, text: &str) -> Result<Date, ApiError> {
    text.trim().parse().map_err(|_| ApiError::InvalidArgs {
        field: field.into(),
        key: "internship-date-invalid",
        args: vec![("value", text.to_owned())],
    })
}

/// Parses and checks the dates; a refusal names both.
pub(super) fn period(start: &str, end: &str) -> Result<InternshipPeriod, ApiError> {
    let (start, end) = (date("start", start)?, date("end", end)?);
    InternshipPeriod::new(start, end).map_err(|problem| {
        let (start, end) = problem.dates();
        let key = match problem {
            PeriodProblem::EndBeforeStart { .. } => "internship-end-before-start",
            PeriodProblem::TooLong { .. } => "internship-too-long",
        };
        ApiError::InvalidArgs {
            field: "end".into(),
            key,
            args: vec![
                ("start", start.to_string()),
                ("end", end.to_string()),
                (
                    "days",
                    cohort_domain::internship::MAX_INTERNSHIP_DAYS.to_string(),
                ),
            ],
        }
    })
}

/// The first problem of an evaluation, naming its criterion or the comments.
pub(super) fn evaluation(problems: &[EvaluationProblem]) -> ApiError {
    let Some(problem) = problems.first() else {
        return ApiError::Internal;
    };
    let (key, args) = match problem {
        EvaluationProblem::UnknownCriterion(_) => ("evaluation-unknown-criterion", Vec::new()),
        EvaluationProblem::OutOfRange {
            score,
            lowest,
            highest,
            ..
        } => (
            "evaluation-out-of-range",
            vec![
                ("score", score.to_string()),
                ("lowest", lowest.to_string()),
                ("highest", highest.to_string()),
            ],
        ),
        EvaluationProblem::Missing(_) => ("evaluation-missing", Vec::new()),
        EvaluationProblem::NoComments => ("evaluation-no-comments", Vec::new()),
        EvaluationProblem::CommentsTooLong(max) => (
            "evaluation-comments-too-long",
            vec![("max", max.to_string())],
        ),
    };
    let mut args = args;
    args.push(("criterion", problem.field().to_owned()));
    ApiError::InvalidArgs {
        field: problem.field().to_owned(),
        key,
        args,
    }
}

/// Too early (naming the day it opens), or already submitted.
pub(super) fn refusal(refusal: SubmitRefusal) -> ApiError {
    match refusal {
        SubmitRefusal::NotYet(opens) => {
            conflict("evaluation-not-yet", vec![("date", opens.to_string())])
        }
        SubmitRefusal::AlreadySubmitted => conflict("evaluation-submitted", Vec::new()),
    }
}
