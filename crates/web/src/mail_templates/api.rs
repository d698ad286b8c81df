//! The e-mail templates over JSON (coordinators): every kind in both languages with its
//! variables, save a wording, preview one with sample values, go back to the default.

use super::{parse_path, problem_message, MailBook};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::mail::{MailKind, MailTemplate};
use cohort_domain::{Lang, Permission};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A variable a template may use.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariableBody {
    /// Written `{ $name }` in the text.
    pub name: String,
    /// What it holds, in the visitor's language.
    pub description: String,
    /// The e-mail cannot do without it.
    pub required: bool,
}

/// One kind of e-mail in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateBody {
    /// The kind, e.g. `offer`, `reminder-overdue`.
    pub kind: String,
    /// `en` or `fr`.
    pub lang: String,
    /// What the e-mail is for, in the visitor's language.
    pub label: String,
    /// The subject in force.
    pub subject: String,
    /// The body in force.
    pub body: String,
    /// The office's wording (`true`) or the product's (`false`).
    pub custom: bool,
    /// The variables it may use.
    pub variables: Vec<VariableBody>,
}

/// A wording to save or preview.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TemplateRequest {
    /// One line, with `{ $name }` placeholders.
    pub subject: String,
    /// Plain text, with `{ $name }` placeholders.
    pub body: String,
}

/// An e-mail as it would be sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewBody {
    /// The subject line.
    pub subject: String,
    /// The body.
    pub body: String,
}

pub(crate) fn template_body(
    state: &AppState,
    book: &MailBook,
    visitor: Lang,
    kind: MailKind,
    lang: Lang,
) -> TemplateBody {
    let tr = state.locales.tr(visitor);
    let template = book.template(&state.locales, kind, lang);
    TemplateBody {
        kind: kind.as_str().to_owned(),
        lang: lang.code().to_owned(),
        label: tr.t(&format!("mail-kind-{}", kind.as_str())),
        subject: template.subject,
        body: template.body,
        custom: book.custom(kind, lang).is_some(),
        variables: kind
            .variables()
            .iter()
            .map(|v| VariableBody {
                name: v.name.to_owned(),
                description: tr.t(&format!("mail-var-{}", v.name)),
                required: v.required,
            })
            .collect(),
    }
}

fn coordinator(staff: &Staff) -> Result<(), ApiError> {
    staff.require(Permission::ManageSessions)
}

/// Every kind of e-mail in both languages, with the wording in force and its variables.
#[utoipa::path(get, path = "/api/v1/office/mail-templates", operation_id = "office_mail_templates", tag = "office",
    responses(
        (status = 200, description = "Every template", body = Vec<TemplateBody>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Json<Vec<TemplateBody>>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    coordinator(&staff).map_err(fail)?;
    let book = MailBook::load(&state.store)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    let all = MailKind::ALL
        .into_iter()
        .flat_map(|kind| [Lang::En, Lang::Fr].map(|lang| (kind, lang)))
        .map(|(kind, lang)| template_body(&state, &book, visitor.lang, kind, lang))
        .collect();
    Ok(Json(all))
}

fn checked(
    kind: MailKind,
    request: Result<Json<TemplateRequest>, JsonRejection>,
) -> Result<MailTemplate, ApiError> {
    let Json(request) = request.map_err(|_| ApiError::BadBody)?;
    let template = MailTemplate {
        subject: request.subject,
        body: request.body,
    };
    match template.check(kind) {
        Ok(()) => Ok(template),
        Err(problems) => Err(problems.first().map_or(ApiError::BadBody, problem_message)),
    }
}

/// Saves the office's wording of one e-mail in one language. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/mail-templates/{kind}/{lang}", operation_id = "office_save_mail_template", tag = "office",
    params(
        ("kind" = String, Path, description = "The kind of e-mail, e.g. `offer`"),
        ("lang" = String, Path, description = "`en` or `fr`"),
    ),
    request_body = TemplateRequest,
    responses(
        (status = 200, description = "Saved; the wording in force", body = TemplateBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such kind or language, or not for this account", body = ErrorBody),
        (status = 422, description = "A placeholder is unknown or malformed, a required one is missing, or a field is empty or too long; the field is named", body = ErrorBody),
    ))]
pub async fn save(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    Path((kind, lang)): Path<(String, String)>,
    request: Result<Json<TemplateRequest>, JsonRejection>,
) -> Result<Json<TemplateBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    coordinator(&staff).map_err(fail)?;
    let (kind, lang) = parse_path(&kind, &lang).map_err(fail)?;
    let template = checked(kind, request).map_err(fail)?;
    let address = peer.ip().to_string();
    super::save(&state, &staff, kind, lang, &template, &address)
        .await
        .map_err(fail)?
        .map_err(|problems| fail(problems.first().map_or(ApiError::BadBody, problem_message)))?;
    let book = MailBook::load(&state.store)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(Json(template_body(&state, &book, visitor.lang, kind, lang)))
}

/// Goes back to the product's wording of one e-mail in one language. Needs
/// `X-CSRF-Token`.
#[utoipa::path(delete, path = "/api/v1/office/mail-templates/{kind}/{lang}", operation_id = "office_reset_mail_template", tag = "office",
    params(
        ("kind" = String, Path, description = "The kind of e-mail"),
        ("lang" = String, Path, description = "`en` or `fr`"),
    ),
    responses(
        (status = 204, description = "The product's wording is in force again"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such kind or language, or not for this account", body = ErrorBody),
    ))]
pub async fn reset(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    Path((kind, lang)): Path<(String, String)>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    coordinator(&staff).map_err(fail)?;
    let (kind, lang) = parse_path(&kind, &lang).map_err(fail)?;
    super::reset(&state, &staff, kind, lang, &peer.ip().to_string())
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A wording rendered with sample values, as the recipient would read it; nothing is
/// saved or sent. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/mail-templates/{kind}/{lang}/preview", operation_id = "office_preview_mail_template", tag = "office",
    params(
        ("kind" = String, Path, description = "The kind of e-mail"),
        ("lang" = String, Path, description = "`en` or `fr`"),
    ),
    request_body = TemplateRequest,
    responses(
        (status = 200, description = "The e-mail with sample values", body = PreviewBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such kind or language, or not for this account", body = ErrorBody),
        (status = 422, description = "The wording has a problem; the field is named", body = ErrorBody),
    ))]
pub async fn preview(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    Path((kind, lang)): Path<(String, String)>,
    request: Result<Json<TemplateRequest>, JsonRejection>,
) -> Result<Json<PreviewBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    coordinator(&staff).map_err(fail)?;
    let (kind, lang) = parse_path(&kind, &lang).map_err(fail)?;
    let template = checked(kind, request).map_err(fail)?;
    let mail = template.render(&super::samples(&state.locales, kind, lang));
    Ok(Json(PreviewBody {
        subject: mail.subject,
        body: mail.body,
    }))
}
