//! What the HTML forms share: reading a form body, the signed-in candidate of a page, the
//! CSRF field, fields with their errors, and API errors worded for a page.

use super::view::{render, Chrome};
use crate::api::ApiError;
use crate::auth::session::session_token;
use crate::state::AppState;
use askama::Template;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_app::tokens::digest;
use cohort_i18n::Tr;
use cohort_store::Account;

/// A form body (`application/x-www-form-urlencoded`) as name–value pairs.
#[derive(Debug, Default)]
pub struct FormData(Vec<(String, String)>);

impl FormData {
    pub fn parse(body: &[u8]) -> FormData {
        FormData(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// Adds a pair (to show stored values in a form).
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// The value of `name`, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The value, `None` when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let value = self.get(name);
        (!value.trim().is_empty()).then(|| value.to_owned())
    }
}

/// The signed-in candidate of a page, or nobody.
#[derive(Debug)]
pub struct PageUser {
    pub account: Account,
    pub token_hash: String,
    pub csrf_token: String,
}

/// The candidate signed in with the request's cookie, if any. Unlike the API's
/// `SignedIn`, the CSRF token is checked by the handler, in the form's `csrf_token` field.
pub async fn page_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<PageUser>, ApiError> {
    let Some(token) = session_token(headers) else {
        return Ok(None);
    };
    let token_hash = digest(&token);
    let row = crate::auth::session::live_sign_in(state, &token_hash)
        .await
        .map_err(ApiError::internal)?;
    Ok(row.map(|row| PageUser {
        account: row.account,
        token_hash,
        csrf_token: row.csrf_token,
    }))
}

/// Whether the form carries the session's CSRF token.
pub fn csrf_ok(user: &PageUser, sent: Option<&str>) -> bool {
    tokens_match(&user.csrf_token, sent)
}

/// Whether `sent` is the session's CSRF token `expected`, compared in constant time.
pub fn tokens_match(expected: &str, sent: Option<&str>) -> bool {
    let expected = expected.as_bytes();
    sent.is_some_and(|sent| {
        let sent = sent.as_bytes();
        // same work whatever the first differing byte
        sent.len() == expected.len()
            && sent
                .iter()
                .zip(expected)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    })
}

pub fn to_login() -> Response {
    Redirect::to("/login").into_response()
}

#[derive(Template)]
#[template(path = "notice.html")]
pub struct NoticePage<'a> {
    pub chrome: Chrome<'a>,
    pub heading: String,
    pub body: String,
    pub link: Option<(String, String)>,
}

/// A short page: a heading, a sentence, and maybe a link onwards.
pub fn notice(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    status: StatusCode,
    heading: String,
    body: String,
    link: Option<(String, String)>,
) -> Response {
    let snapshot = state.snapshot();
    let page = NoticePage {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, heading.clone()),
        heading,
        body,
        link,
    };
    render(&page, status)
}

/// The 403 page of a form sent without the session's CSRF token.
pub fn csrf_refused(state: &AppState, tr: Tr<'_>, uri: &Uri) -> Response {
    notice(
        state,
        tr,
        uri,
        StatusCode::FORBIDDEN,
        tr.t("candidate-csrf-title"),
        tr.t("candidate-csrf-body"),
        Some(("/my-application".to_owned(), tr.t("candidate-back"))),
    )
}

/// The page shown for our own failure; the detail is already in the log.
pub fn internal(state: &AppState, tr: Tr<'_>, uri: &Uri) -> Response {
    internal_page(state, tr, uri)
}

/// [`internal`], after logging what went wrong (the page names no detail of it).
pub fn internal_after(
    state: &AppState,
    tr: Tr<'_>,
    uri: &Uri,
    error: &impl std::fmt::Debug,
) -> Response {
    tracing::error!(?error, path = uri.path(), "a page could not be built");
    internal_page(state, tr, uri)
}

fn internal_page(state: &AppState, tr: Tr<'_>, uri: &Uri) -> Response {
    notice(
        state,
        tr,
        uri,
        StatusCode::INTERNAL_SERVER_ERROR,
        tr.t("candidate-internal-title"),
        tr.t("api-error-internal-short"),
        None,
    )
}

/// An error worded for a page: the field it belongs to (the form's field name) if any.
pub fn worded(tr: &Tr<'_>, error: &ApiError) -> (Option<String>, String) {
    match error {
        ApiError::Invalid { field, key } => (Some((*field).to_owned()), tr.t(key)),
        ApiError::InvalidAt { field, key } => (Some(field.clone()), tr.t(key)),
        ApiError::InvalidArgs { field, key, args } => {
            (Some(field.clone()), tr.with_args(key, args))
        }
        ApiError::Conflict { key, args } => (None, tr.with_args(key, args)),
        ApiError::Ineligible(reasons) => (
            None,
            format!("{} {}", tr.t("api-error-ineligible"), reasons.join(" ")),
        ),
        ApiError::WrongCredentials => (None, tr.t("api-error-wrong-credentials")),
        ApiError::NotVerified => (None, tr.t("api-error-not-verified")),
        ApiError::RateLimited { key, retry_after } => (
            None,
            tr.with_args(key, &[("wait", crate::api::wait(tr, *retry_after))]),
        ),
        ApiError::Busy => (
            None,
            tr.with_args(
                "api-error-busy",
                &[("wait", crate::api::wait(tr, crate::api::BUSY_RETRY_SECS))],
            ),
        ),
        ApiError::BadToken => (None, tr.t("api-error-bad-token")),
        ApiError::TooLarge => (
            Some("file".to_owned()),
            tr.t("api-error-document-too-large"),
        ),
        ApiError::NotPdf => (Some("file".to_owned()), tr.t("api-error-document-not-pdf")),
        ApiError::ApplicationNotFound => (None, tr.t("api-error-application-not-found")),
        ApiError::BadBody => (None, tr.t("api-error-bad-body")),
        _ => (None, tr.t("api-error-internal-short")),
    }
}

/// A form page answering a refused request: 429 or 503 with `Retry-After` when the
/// refusal is a rate limit or saturated work, as the API answers; else the page as it is.
pub fn with_retry(mut page: Response, error: &ApiError) -> Response {
    let (status, seconds) = match error {
        ApiError::RateLimited { retry_after, .. } => (StatusCode::TOO_MANY_REQUESTS, *retry_after),
        ApiError::Busy => (StatusCode::SERVICE_UNAVAILABLE, crate::api::BUSY_RETRY_SECS),
        _ => return page,
    };
    *page.status_mut() = status;
    let (name, value) = crate::api::retry_after_header(seconds);
    page.headers_mut().insert(name, value);
    page
}

/// One error of a form: the id of the input it belongs to (empty: the whole form).
#[derive(Debug, Clone)]
pub struct ErrorView {
    pub target: String,
    pub message: String,
}

/// An element id from a field name: `languages[0].level` → `f-languages-0-level`.
pub fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
            dash = false;
        } else if !dash {
            id.push('-');
            dash = true;
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// An option of a `<select>`.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// An input or a select, with what was typed and its error.
#[derive(Debug, Clone)]
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    pub value: String,
    /// `text`, `email`, `password`, `number`, … (ignored for a select).
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    pub maxlength: Option<usize>,
    /// When not empty, a `<select>` of these.
    pub options: Vec<Opt>,
}

impl Field {
    pub fn new(name: &str, label: String, value: &str) -> Field {
        Field {
            id: field_id(name),
            name: name.to_owned(),
            label,
            value: value.to_owned(),
            kind: "text",
            autocomplete: "off",
            hint: None,
            error: None,
            required: false,
            maxlength: None,
            options: Vec::new(),
        }
    }

    pub fn kind(mut self, kind: &'static str) -> Field {
        self.kind = kind;
        self
    }

    pub fn autocomplete(mut self, autocomplete: &'static str) -> Field {
        self.autocomplete = autocomplete;
        self
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn maxlength(mut self, max: usize) -> Field {
        self.maxlength = Some(max);
        self
    }

    /// A select of `(value, label)`; the current value is selected.
    pub fn select(mut self, options: Vec<(String, String)>) -> Field {
        self.options = options
            .into_iter()
            .map(|(value, label)| Opt {
                selected: value == self.value,
                value,
                label,
            })
            .collect();
        self
    }

    /// `aria-describedby`: the hint and the error, when there are.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// Attaches each error to its field (by name); the rest are for the whole form. Gives the
/// list for the summary at the top, each linked to its input.
pub fn attach(fields: &mut [&mut Field], errors: Vec<(Option<String>, String)>) -> Vec<ErrorView> {
    let mut summary = Vec::new();
    for (name, message) in errors {
        let field = name
            .as_deref()
            .and_then(|name| fields.iter_mut().find(|f| f.name == name));
        match field {
            Some(field) => {
                summary.push(ErrorView {
                    target: field.id.clone(),
                    message: message.clone(),
                });
                if field.error.is_none() {
                    field.error = Some(message);
                }
            }
            None => summary.push(ErrorView {
                target: String::new(),
                message,
            }),
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    #[test]
    fn field_ids_are_plain() {
        assert_eq!(super::field_id("languages[0].level"), "f-languages-0-level");
        assert_eq!(super::field_id("given_names"), "f-given_names");
    }
}
