//! The API's errors: a status, a stable code for programs, and a message in the visitor's
//! language for people (with the field at fault when there is one).

use crate::state::AppState;
use crate::visitor::Visitor;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_i18n::Tr;
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
    /// A field's value is refused: the field and the message key.
    Invalid {
        /// The JSON field.
        field: &'static str,
        /// Fluent key of the reason.
        key: &'static str,
    },
    /// A field's value is refused, with a field path computed at run time (`choices[3]`).
    InvalidAt {
        /// The JSON field path.
        field: String,
        /// Fluent key of the reason.
        key: &'static str,
    },
    /// A field's value is refused, with a message that needs arguments (the value, the
    /// other date…).
    InvalidArgs {
        /// The field path.
        field: String,
        /// Fluent key of the reason.
        key: &'static str,
        /// Its arguments.
        args: Vec<(&'static str, String)>,
    },
    /// The body is not the JSON expected.
    BadBody,
    /// No valid session cookie.
    NotSignedIn,
    /// A state-changing request without the session's CSRF token.
    CsrfMissing,
    /// A sign-in, registration or reset sent by a page of another site (login CSRF).
    CrossOrigin,
    /// Wrong address or password.
    WrongCredentials,
    /// The address is not confirmed yet.
    NotVerified,
    /// Too many requests of this kind (failed sign-ins, registrations, reset links): the
    /// message key (with a `$wait` variable) and in how many seconds to try again.
    RateLimited {
        /// Fluent key of the message.
        key: &'static str,
        /// Seconds before another try may succeed (`Retry-After`).
        retry_after: u64,
    },
    /// Too much costly work is already running or waiting (password hashing): try again
    /// in a moment.
    Busy,
    /// The e-mailed link is unknown, used or expired.
    BadToken,
    /// No session has this id.
    SessionNotFound,
    /// The candidate has no application to this session.
    ApplicationNotFound,
    /// The action is refused in the application's current state: the message key and its
    /// arguments (e.g. the deadline in the programme's time zone).
    Conflict {
        /// Fluent key.
        key: &'static str,
        /// Its arguments.
        args: Vec<(&'static str, String)>,
    },
    /// The candidate does not meet the session's rules; every failed rule, worded.
    Ineligible(Vec<String>),
    /// The candidate's application has no document of this kind.
    DocumentNotFound,
    /// An uploaded document is larger than we accept.
    TooLarge,
    /// A request body is larger than its route accepts.
    BodyTooLarge {
        /// The route's limit, in KiB.
        limit_kib: usize,
    },
    /// An uploaded document is not a PDF (by its content).
    NotPdf,
    /// Our fault; the detail is in the log.
    Internal,
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
    /// Stable, for programs: `not_found`, `bad_request`, `invalid`, `unauthorized`,
    /// `forbidden`, `too_many_requests`, `payload_too_large`, `unsupported_media_type`,
    /// `unavailable`, `internal`.
    #[schema(example = "not_found")]
    pub code: String,
    /// For people, in the language asked for.
    pub message: String,
    /// The field at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// An API error ready to send.
#[derive(Debug)]
pub struct LocalizedError {
    status: StatusCode,
    /// Seconds, for `Retry-After` (429, 503).
    retry_after: Option<u64>,
    body: ErrorBody,
}

/// What a 503 for saturated work asks the client to wait, in seconds.
pub const BUSY_RETRY_SECS: u64 = 2;

/// "3 seconds", "one minute", "12 minutes": how long to wait, in the visitor's language.
pub fn wait(tr: &Tr<'_>, seconds: u64) -> String {
    let seconds = seconds.max(1);
    let minutes = if seconds < 60 {
        0
    } else {
        seconds.div_ceil(60)
    };
    tr.with_args(
        "api-wait",
        &[
            ("seconds", seconds.to_string()),
            ("minutes", minutes.to_string()),
        ],
    )
}

/// The `Retry-After` header for `seconds`.
pub fn retry_after_header(seconds: u64) -> (axum::http::HeaderName, axum::http::HeaderValue) {
    (
        axum::http::header::RETRY_AFTER,
        axum::http::HeaderValue::from(seconds.max(1)),
    )
}

impl From<cohort_app::Error> for ApiError {
    /// The use case's refusal as the API answers it; every refusal of a staff action
    /// looks like a missing route, as the office's own checks do. Internal errors were
    /// logged by the use case.
    fn from(error: cohort_app::Error) -> ApiError {
        use cohort_app::Error as E;
        match error {
            E::NotFound("session") => ApiError::SessionNotFound,
            E::NotFound("application") => ApiError::ApplicationNotFound,
            E::NotFound("document") => ApiError::DocumentNotFound,
            E::NotFound(_) | E::Forbidden => ApiError::NoRoute,
            E::Invalid { field, key, args } => ApiError::InvalidArgs {
                field: field.to_owned(),
                key,
                args,
            },
            E::Conflict { key, args } => ApiError::Conflict { key, args },
            E::Ineligible(rules) => ApiError::Ineligible(rules),
            E::Unavailable => ApiError::Busy,
            E::Internal(_) => ApiError::Internal,
        }
    }
}

impl ApiError {
    /// Logs an error of ours once, here at the boundary, and hides it from the client.
    pub fn internal(error: impl std::fmt::Display) -> ApiError {
        tracing::error!(%error, "internal error");
        ApiError::Internal
    }

    /// Words the error in the visitor's language.
    pub fn into_localized(self, state: &AppState, visitor: Visitor) -> LocalizedError {
        let tr = state.locales.tr(visitor.lang);
        use StatusCode as S;
        let (status, code, message) = match &self {
            ApiError::UnitNotFound(code) => (
                S::NOT_FOUND,
                "not_found",
                tr.t1("api-error-not-found", "code", code),
            ),
            ApiError::NoRoute => (S::NOT_FOUND, "not_found", tr.t("api-error-no-route")),
            ApiError::BadLang(lang) => (
                S::BAD_REQUEST,
                "bad_request",
                tr.t1("api-error-bad-lang", "lang", lang),
            ),
            ApiError::QueryMissing => (
                S::BAD_REQUEST,
                "bad_request",
                tr.t("api-error-query-missing"),
            ),
            ApiError::QueryTooLong => (
                S::BAD_REQUEST,
                "bad_request",
                tr.t1("api-error-query-too-long", "max", MAX_QUERY_CHARS),
            ),
            ApiError::Invalid { key, .. } => (S::UNPROCESSABLE_ENTITY, "invalid", tr.t(key)),
            ApiError::BadBody => (S::BAD_REQUEST, "bad_request", tr.t("api-error-bad-body")),
            ApiError::NotSignedIn => (
                S::UNAUTHORIZED,
                "unauthorized",
                tr.t("api-error-not-signed-in"),
            ),
            ApiError::CsrfMissing => (S::FORBIDDEN, "forbidden", tr.t("api-error-csrf")),
            ApiError::CrossOrigin => (S::FORBIDDEN, "forbidden", tr.t("api-error-cross-origin")),
            ApiError::WrongCredentials => (
                S::UNAUTHORIZED,
                "unauthorized",
                tr.t("api-error-wrong-credentials"),
            ),
            ApiError::NotVerified => (S::FORBIDDEN, "forbidden", tr.t("api-error-not-verified")),
            ApiError::RateLimited { key, retry_after } => (
                S::TOO_MANY_REQUESTS,
                "too_many_requests",
                tr.with_args(key, &[("wait", wait(&tr, *retry_after))]),
            ),
            ApiError::Busy => (
                S::SERVICE_UNAVAILABLE,
                "unavailable",
                tr.with_args("api-error-busy", &[("wait", wait(&tr, BUSY_RETRY_SECS))]),
            ),
            ApiError::BadToken => (S::BAD_REQUEST, "bad_request", tr.t("api-error-bad-token")),
            ApiError::InvalidAt { key, .. } => (S::UNPROCESSABLE_ENTITY, "invalid", tr.t(key)),
            ApiError::InvalidArgs { key, args, .. } => {
                (S::UNPROCESSABLE_ENTITY, "invalid", tr.with_args(key, args))
            }
            ApiError::SessionNotFound => (
                S::NOT_FOUND,
                "not_found",
                tr.t("api-error-session-not-found"),
            ),
            ApiError::ApplicationNotFound => (
                S::NOT_FOUND,
                "not_found",
                tr.t("api-error-application-not-found"),
            ),
            ApiError::Conflict { key, args } => (S::CONFLICT, "conflict", tr.with_args(key, args)),
            ApiError::Ineligible(reasons) => (
                S::UNPROCESSABLE_ENTITY,
                "ineligible",
                format!("{} {}", tr.t("api-error-ineligible"), reasons.join(" ")),
            ),
            ApiError::DocumentNotFound => (
                S::NOT_FOUND,
                "not_found",
                tr.t("api-error-document-not-found"),
            ),
            ApiError::TooLarge => (
                S::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                tr.t("api-error-document-too-large"),
            ),
            ApiError::BodyTooLarge { limit_kib } => (
                S::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                tr.t1("api-error-body-too-large", "kib", limit_kib),
            ),
            ApiError::NotPdf => (
                S::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                tr.t("api-error-document-not-pdf"),
            ),
            ApiError::Internal => (
                S::INTERNAL_SERVER_ERROR,
                "internal",
                tr.t("api-error-internal-short"),
            ),
        };
        let field = match &self {
            ApiError::Invalid { field, .. } => Some((*field).to_owned()),
            ApiError::TooLarge | ApiError::NotPdf => Some("file".to_owned()),
            ApiError::InvalidAt { field, .. } | ApiError::InvalidArgs { field, .. } => {
                Some(field.clone())
            }
            _ => None,
        };
        let retry_after = match &self {
            ApiError::RateLimited { retry_after, .. } => Some((*retry_after).max(1)),
            ApiError::Busy => Some(BUSY_RETRY_SECS),
            _ => None,
        };
        LocalizedError {
            status,
            retry_after,
            body: ErrorBody {
                error: ErrorDetail {
                    code: code.to_owned(),
                    message,
                    field,
                },
            },
        }
    }
}

impl LocalizedError {
    /// The message alone as plain text, for a page's form posted too large.
    pub fn into_text_response(self) -> Response {
        (self.status, self.body.error.message).into_response()
    }
}

impl IntoResponse for LocalizedError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            let (name, value) = retry_after_header(seconds);
            response.headers_mut().insert(name, value);
        }
        response
    }
}
