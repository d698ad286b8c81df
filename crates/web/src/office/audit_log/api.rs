//! `GET /api/v1/office/audit` (a page of entries, JSON) and `GET /api/v1/office/audit/export`
//! (the filtered entries as CSV; the page links here too, the session cookie is enough
//! for a download). Administrators only.

use super::{page, parse_query, rfc3339, AuditQuery};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::office::api::audit;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_domain::Permission;
use cohort_store::AuditEntry;
use serde::Serialize;
use utoipa::ToSchema;

/// An entry of the audit log.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryBody {
    /// Its number: 1, 2, 3… without gaps.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: a staff member's address and role, `system` or `cli`.
    pub actor: String,
    /// What, e.g. `application.view`.
    pub action: String,
    /// To what, e.g. `application:42`.
    pub subject: String,
    /// More about it, JSON text.
    pub detail: String,
    /// From which IP address.
    pub address: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPageBody {
    /// The entries.
    pub entries: Vec<AuditEntryBody>,
    /// Ask again with `before` set to this for older entries; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_before: Option<i64>,
}

impl From<AuditEntry> for AuditEntryBody {
    fn from(e: AuditEntry) -> AuditEntryBody {
        AuditEntryBody {
            seq: e.seq,
            at: rfc3339(e.at),
            actor: e.actor,
            action: e.action,
            subject: e.subject,
            detail: e.detail,
            address: e.address,
        }
    }
}

/// The query as checked, for an administrator only.
pub(crate) fn allowed(staff: &Staff, raw: Option<&str>) -> Result<AuditQuery, ApiError> {
    staff.require(Permission::BrowseAudit)?;
    parse_query(raw)
}

/// A page of the audit log, newest first, filtered; the view is itself recorded.
#[utoipa::path(get, path = "/api/v1/office/audit", operation_id = "office_audit", tag = "office",
    params(
        ("actor" = Option<String>, Query, description = "Who: a staff member's address, system or cli"),
        ("action" = Option<String>, Query, description = "What, e.g. application.view"),
        ("from" = Option<String>, Query, description = "From this day on (YYYY-MM-DD, UTC)"),
        ("to" = Option<String>, Query, description = "Up to this day, included (YYYY-MM-DD, UTC)"),
        ("before" = Option<i64>, Query, description = "Entries older than this seq (the previous page's next_before)"),
    ),
    responses(
        (status = 200, description = "Up to 50 entries", body = AuditPageBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
        (status = 422, description = "A filter is not understood; the field is named", body = ErrorBody),
    ))]
pub async fn get_audit(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    RawQuery(raw): RawQuery,
) -> Result<Json<AuditPageBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let query = allowed(&staff, raw.as_deref()).map_err(fail)?;
    let (entries, next_before) = page(&state, &query).await.map_err(fail)?;
    let detail = serde_json::json!({ "query": raw.unwrap_or_default(), "shown": entries.len() });
    audit(&state, &staff, peer, "audit.view", "audit", detail)
        .await
        .map_err(fail)?;
    Ok(Json(AuditPageBody {
        entries: entries.into_iter().map(AuditEntryBody::from).collect(),
        next_before,
    }))
}

/// Every entry that matches the filters, newest first, as CSV (UTF-8 with BOM; `;` in
/// French); the export is itself recorded.
#[utoipa::path(get, path = "/api/v1/office/audit/export", operation_id = "office_audit_export", tag = "office",
    params(
        ("actor" = Option<String>, Query, description = "As for the page"),
        ("action" = Option<String>, Query, description = "As for the page"),
        ("from" = Option<String>, Query, description = "As for the page"),
        ("to" = Option<String>, Query, description = "As for the page"),
    ),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "text/csv"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
        (status = 422, description = "A filter is not understood; the field is named", body = ErrorBody),
    ))]
pub async fn export_audit(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    RawQuery(raw): RawQuery,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let query = allowed(&staff, raw.as_deref()).map_err(fail)?;
    let tr = state.locales.tr(visitor.lang);
    let file = tempfile::NamedTempFile::new().map_err(|e| fail(ApiError::internal(e)))?;
    let reopen = || file.reopen().map(tokio::fs::File::from_std);
    let mut writing = reopen().map_err(|e| fail(ApiError::internal(e)))?;
    let rows = super::csv::write(&state.store, &query.filter, &tr, &mut writing)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    let detail = serde_json::json!({ "query": raw.unwrap_or_default(), "rows": rows });
    audit(&state, &staff, peer, "audit.export", "audit", detail)
        .await
        .map_err(fail)?;
    // the open file outlives its name: streamed, then gone
    let reading = reopen().map_err(|e| fail(ApiError::internal(e)))?;
    drop(file);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"audit.csv\""),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        Body::from_stream(tokio_util::io::ReaderStream::new(reading)),
    )
        .into_response())
}
