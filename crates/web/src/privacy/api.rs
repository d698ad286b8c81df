//! `GET /api/v1/me/export` and `DELETE /api/v1/me`: the signed-in person's own data,
//! downloaded or erased. The account is always the caller's, taken from `SignedIn`.

use super::archive;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::session::cleared_cookie;
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::State;
use axum::http::header::{self, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use object_store::path::Path;
use object_store::ObjectStoreExt;
use utoipa::ToSchema;

/// A ZIP archive, as downloaded.
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "application/zip")]
#[expect(
    dead_code,
    reason = "describes the download in the OpenAPI document only"
)]
pub struct ZipFile(Vec<u8>);

/// Downloads everything stored about the signed-in account: a ZIP holding `data.json`
/// (the account, the profile, every application with its choices, timeline and documents'
/// details, and after an accepted offer the checklist and the testimonial) and the
/// documents themselves, those sent for checklist items included.
#[utoipa::path(get, path = "/api/v1/me/export", operation_id = "export_my_data", tag = "privacy",
    responses(
        (status = 200, description = "The archive", content_type = "application/zip", body = ZipFile),
        (status = 401, description = "Not signed in", body = ErrorBody),
    ))]
pub async fn export(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let account_id = signed_in.account.id;
    let data = state
        .store
        .personal_data(account_id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        // deleted between the sign-in check and now
        .ok_or_else(|| fail(ApiError::NotSignedIn))?;
    let (mut data, to_copy) = archive::data_file(data, state.settings.now());
    let internships = crate::internship::own(&state, account_id)
        .await
        .map_err(fail)?
        .iter()
        .map(|i| serde_json::to_value(crate::internship::mine::body(&state, i, visitor.lang)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(ApiError::internal(e)))?;
    data.set_internships(internships);
    let mut files = Vec::with_capacity(to_copy.len());
    for file in to_copy {
        // a row always names a written file (written first, deleted after): missing is ours
        let bytes = async {
            state
                .files
                .get(&Path::from(file.object_key.as_str()))
                .await?
                .bytes()
                .await
        }
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
        files.push((file.path, bytes.to_vec()));
    }
    let zip = tokio::task::spawn_blocking(move || archive::zip(&data, files))
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .map_err(|e| fail(ApiError::internal(e)))?;
    tracing::info!(
        account = account_id,
        bytes = zip.len(),
        "personal data exported"
    );
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/zip"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"cohort-data.zip\""),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
    ];
    Ok((headers, zip).into_response())
}

/// Deletes the signed-in account and everything about the person: profile, applications,
/// documents and their files, sign-ins, e-mails (needs `X-CSRF-Token`). Only anonymous
/// counts remain. Signs out.
#[utoipa::path(delete, path = "/api/v1/me", operation_id = "delete_my_account", tag = "privacy",
    responses(
        (status = 204, description = "Deleted and signed out"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing or wrong", body = ErrorBody),
    ))]
pub async fn delete_account(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
) -> Result<Response, LocalizedError> {
    let account_id = signed_in.account.id;
    let keys = state
        .store
        .delete_account(account_id, state.settings.now())
        .await
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))?
        .unwrap_or_default();
    // the rows are gone: from here on nothing fails the request
    for key in &keys {
        if let Err(error) = state.files.delete(&Path::from(key.as_str())).await {
            tracing::warn!(%error, key, "a deleted account's document file could not be deleted");
        }
    }
    tracing::info!(account = account_id, files = keys.len(), "account deleted");
    let cookie = cleared_cookie(state.settings.secure_cookies());
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}
