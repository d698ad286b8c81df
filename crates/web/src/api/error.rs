//! The API's errors: a status, a stable code for programs, and a message in the visitor's
//! language for people.

use crate::state::AppState;
use crate::visitor::Visitor;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_search::MAX_QUERY_CHARS;
use serde::Serialize;
use utoipa::ToSchema;

/// What went wrong with an API request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No unit has this code.
    UnitNotFound(String),
    /// `lang` is neither `en` nor `fr`.
    BadLang(String),
    /// `q` is absent or blank.
    QueryMissing,
    /// `q` is longer than we search.
    QueryTooLong,
    /// No route at this path.
    NoRoute,
}

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// One error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, for programs: `not_found`, `bad_request`.
    #[schema(example = "not_found")]
    pub code: String,
    /// For people, in the language asked for.
    pub message: String,
}

/// An API error ready to send.
#[derive(Debug)]
pub struct LocalizedError {
    status: StatusCode,
    body: ErrorBody,
}

impl ApiError {
    /// Words the error in the visitor's language.
    pub fn into_localized(self, state: &AppState, visitor: Visitor) -> LocalizedError {
        let tr = state.locales.tr(visitor.lang);
        let (status, code, message) = match &self {
            ApiError::UnitNotFound(code) => (
                StatusCode::NOT_FOUND,
                "not_found",
                tr.t1("api-error-not-found", "code", code),
            ),
            ApiError::NoRoute => (
                StatusCode::NOT_FOUND,
                "not_found",
                tr.t("api-error-no-route"),
            ),
            ApiError::BadLang(lang) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                tr.t1("api-error-bad-lang", "lang", lang),
            ),
            ApiError::QueryMissing => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                tr.t("api-error-query-missing"),
            ),
            ApiError::QueryTooLong => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                tr.t1("api-error-query-too-long", "max", MAX_QUERY_CHARS),
            ),
        };
        LocalizedError {
            status,
            body: ErrorBody {
                error: ErrorDetail {
                    code: code.to_owned(),
                    message,
                },
            },
        }
    }
}

impl IntoResponse for LocalizedError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
