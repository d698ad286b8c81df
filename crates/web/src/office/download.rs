//! `GET /api/v1/office/sessions/{id}/applications/export`: the filtered list as CSV or
//! XLSX, for coordinators, recorded in the audit log. The pages link here too (the
//! session cookie is enough for a download).

use super::api::{audit, parse_filter, session_list};
use super::export;
use super::list::{self, Sort};
use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use cohort_domain::Permission;

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

fn format_of(raw: Option<&str>) -> Result<Format, ApiError> {
    let asked = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.into_owned());
    match asked.as_deref() {
        None | Some("csv") => Ok(Format::Csv),
        Some("xlsx") => Ok(Format::Xlsx),
        Some(_) => Err(ApiError::Invalid {
            field: "format",
            key: "office-export-format",
        }),
    }
}

/// The filtered list as a file.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/applications/export", operation_id = "office_export_applications", tag = "office",
    params(
        ("id" = i64, Path, description = "The session's id"),
        ("format" = Option<String>, Query, description = "csv (default) or xlsx"),
        ("status" = Option<String>, Query, description = "The list's filters, as for the list"),
    ),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "text/csv"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session, or not for this account", body = ErrorBody),
        (status = 422, description = "A filter or the format is not understood; the field is named", body = ErrorBody),
    ))]
pub async fn export_applications(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff
        .require(Permission::ScreenApplications)
        .map_err(fail)?;
    let session = crate::api::sessions::find_session(&state, visitor, id).await?;
    let format = format_of(raw.as_deref()).map_err(fail)?;
    let (filter, _, _, _) = parse_filter(raw.as_deref()).map_err(fail)?;
    let list = session_list(&state, session.id).await.map_err(fail)?;
    let everything = list::query(&list, None, &filter, &[], Sort::Id, 1, usize::MAX);
    audit(
        &state,
        &staff,
        peer,
        "applications.export",
        &format!("session:{}", session.id.0),
        serde_json::json!({ "query": raw.clone().unwrap_or_default(), "rows": everything.total }),
    )
    .await
    .map_err(fail)?;
    let tr = state.locales.tr(visitor.lang);
    let snapshot = state.snapshot();
    let name = format!("applications-{}", session.code);
    let (body, content_type, extension) = match format {
        Format::Csv => (
            Body::from(export::csv(&everything.page, &snapshot.catalogue, &tr)),
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::Xlsx => {
            let ids: Vec<usize> = everything
                .page
                .iter()
                .filter_map(|e| {
                    list.entries
                        .binary_search_by_key(&e.row.id, |x| x.row.id)
                        .ok()
                })
                .collect();
            let file = tempfile::NamedTempFile::new().map_err(|e| fail(ApiError::internal(e)))?;
            let path = file.path().to_owned();
            let (list, state2, lang) = (list.clone(), state.clone(), visitor.lang);
            tokio::task::spawn_blocking(move || {
                let tr = state2.locales.tr(lang);
                let entries: Vec<&list::Entry> =
                    ids.iter().map(|&i| list.entries[i].as_ref()).collect();
                export::xlsx(&entries, &state2.snapshot().catalogue, &tr, &path)
            })
            .await
            .map_err(|e| fail(ApiError::internal(e)))?
            .map_err(|e| fail(ApiError::internal(e)))?;
            // the open file outlives its name: streamed, then gone
            let reopened =
                tokio::fs::File::from_std(file.reopen().map_err(|e| fail(ApiError::internal(e)))?);
            drop(file);
            (
                Body::from_stream(tokio_util::io::ReaderStream::new(reopened)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            )
        }
    };
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        body,
    )
        .into_response())
}
