//! The API's errors: a status, a stable code for programs, and a message in the visitor's
//! language for people (with the field at fault when there is one).

use crate::state::AppState;
use crate::visitor::Visitor;
use axum::http::{header, HeaderValue, StatusCode};
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
    /// Too many failed sign-ins.
    RateLimited,
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
    /// Too much costly work at once (documents being read, passwords being checked): try
    /// again in [`crate::limits::RETRY_AFTER_SECONDS`].
    Busy,
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
    /// `service_unavailable`, `internal`.
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
    body: ErrorBody,
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
            ApiError::RateLimited => (
                S::TOO_MANY_REQUESTS,
                "too_many_requests",
                tr.t("api-error-rate-limited"),
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
            ApiError::Busy => (
                S::SERVICE_UNAVAILABLE,
                "service_unavailable",
                tr.t("api-error-busy"),
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
        LocalizedError {
            status,
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
        let retry = matches!(
            self.status,
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::TOO_MANY_REQUESTS
        );
        let mut response = (self.status, Json(self.body)).into_response();
        if retry && !response.headers().contains_key(header::RETRY_AFTER) {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::limits::RETRY_AFTER_SECONDS),
            );
        }
        response
    }
}
