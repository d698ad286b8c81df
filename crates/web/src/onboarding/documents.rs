//! Documents sent for checklist items (proof of health insurance, the signed agreement):
//! the same rules as application documents — PDF only, 5 MB at most, stored under a random
//! name, the file written before its row and the replaced one deleted after. The intern
//! sends and downloads their own; coordinators download anyone's; nobody else sees them.

use super::{act_on, candidate_items, Move, Who};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::client_addr::ClientAddr;
use crate::documents::api::{delete_file, pdf_attachment};
use crate::documents::upload::{read_pdf, PdfFile};
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_app::files::{new_key, path};
use cohort_domain::onboarding::ItemAction;
use cohort_domain::Permission;
use cohort_store::{Conflict, ItemChange, ItemDocument};
use object_store::{ObjectStoreExt, PutPayload};

/// The form of a checklist document, for the OpenAPI document.
#[derive(Debug, utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart form in the OpenAPI document only"
)]
pub struct ItemDocumentForm {
    /// The PDF, at most 5 MB; checked by its content, not its name.
    #[schema(value_type = String, format = Binary, content_media_type = "application/pdf")]
    file: Vec<u8>,
}

/// Writes the file, then the item's change with the document's row; deletes the replaced
/// file after, or the new one when the change is refused.
pub(super) async fn store_with(
    state: &AppState,
    change: &ItemChange<'_>,
    pdf: PdfFile,
) -> Result<Result<(), Conflict>, ApiError> {
    let key = new_key();
    let size = i64::try_from(pdf.bytes.len()).map_err(ApiError::internal)?;
    state
        .files
        .put(&path(&key), PutPayload::from(pdf.bytes))
        .await
        .map_err(ApiError::internal)?;
    let now = state.settings.now();
    let document = ItemDocument {
        application_id: change.application_id,
        item_key: change.key.to_owned(),
        object_key: key.clone(),
        file_name: pdf.file_name,
        size,
        sha256: pdf.sha256,
        uploaded_at: now,
    };
    match state.store.put_item_document(change, &document, now).await {
        Ok(Ok(replaced)) => {
            if let Some(old) = replaced {
                delete_file(state, &old).await;
            }
            Ok(Ok(()))
        }
        Ok(Err(conflict)) => {
            delete_file(state, &key).await;
            Ok(Err(conflict))
        }
        Err(error) => {
            delete_file(state, &key).await;
            Err(ApiError::internal(error))
        }
    }
}

/// The intern sends `pdf` for their item `key` in `session`.
pub async fn upload(
    state: &AppState,
    account: &cohort_store::Account,
    session: i64,
    key: &str,
    pdf: PdfFile,
    address: &str,
) -> Result<cohort_domain::onboarding::ItemStatus, ApiError> {
    let (_, application, _) = candidate_items(state, account.id, session).await?;
    let change = Move {
        action: Some(ItemAction::Upload),
        due: None,
        document: Some(pdf),
    };
    act_on(
        state,
        Who::Candidate(account),
        application,
        key,
        change,
        address,
    )
    .await
}

/// The PDF of one item's document, as an attachment.
async fn download(state: &AppState, application: i64, key: &str) -> Result<Response, ApiError> {
    let found = state
        .store
        .item_documents(application)
        .await
        .map_err(ApiError::internal)?
        .into_iter()
        .find(|d| d.item_key == key)
        .ok_or(ApiError::DocumentNotFound)?;
    // the key is the checklist's, letters and underscores: safe in a header
    let name = format!(
        "attachment; filename=\"{}.pdf\"",
        key.replace(['"', '\\'], "")
    );
    let disposition = HeaderValue::from_str(&name).map_err(ApiError::internal)?;
    pdf_attachment(state, &found.object_key, disposition).await
}

/// The intern sends the document of one of their checklist items (multipart `file`, a PDF
/// of 5 MB at most); the office checks it next. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/checklist/{key}/document", operation_id = "upload_checklist_document", tag = "applications",
    params(("id" = i64, Path, description = "The session's id"), ("key" = String, Path, description = "The item's key")),
    request_body(content = ItemDocumentForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored; the item's new status", body = super::api::ItemStatusBody),
        (status = 400, description = "Not a multipart form with `file`", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No accepted offer or no such item", body = ErrorBody),
        (status = 409, description = "Not a document of the intern's, or already checked; the reason is given", body = ErrorBody),
        (status = 413, description = "Larger than 5 MB", body = ErrorBody),
        (status = 415, description = "Not a PDF", body = ErrorBody),
        (status = 422, description = "`file` is missing", body = ErrorBody),
    ))]
pub async fn post_document(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    peer: ClientAddr,
    path: Result<Path<(i64, String)>, PathRejection>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((session, key)) = path.map_err(|_| fail(ApiError::SessionNotFound))?;
    // before reading the file: someone without this checklist sends nothing
    candidate_items(&state, who.account.id, session)
        .await
        .map_err(fail)?;
    let multipart = multipart.map_err(|_| fail(ApiError::BadBody))?;
    let (pdf, _) = read_pdf(multipart, false, &format!("{key}.pdf"))
        .await
        .map_err(fail)?;
    let status = upload(
        &state,
        &who.account,
        session,
        &key,
        pdf,
        &peer.ip().to_string(),
    )
    .await
    .map_err(fail)?;
    let body = super::api::ItemStatusBody {
        status: status.as_str().to_owned(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The intern downloads the document they sent for one item.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/checklist/{key}/document", operation_id = "download_checklist_document", tag = "applications",
    params(("id" = i64, Path, description = "The session's id"), ("key" = String, Path, description = "The item's key")),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = crate::documents::api::PdfFile),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such document of yours", body = ErrorBody),
    ))]
pub async fn get_document(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    path: Result<Path<(i64, String)>, PathRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((session, key)) = path.map_err(|_| fail(ApiError::SessionNotFound))?;
    let (_, application, _) = candidate_items(&state, who.account.id, session)
        .await
        .map_err(fail)?;
    download(&state, application, &key).await.map_err(fail)
}

/// A coordinator downloads the document an intern sent for one item; audited.
#[utoipa::path(get, path = "/api/v1/office/applications/{id}/checklist/{key}/document", operation_id = "office_checklist_document", tag = "office",
    params(("id" = i64, Path, description = "The application's id"), ("key" = String, Path, description = "The item's key")),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = crate::documents::api::PdfFile),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such document, or not for this account", body = ErrorBody),
    ))]
pub async fn get_office_document(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, String)>, PathRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((application, key)) = path.map_err(|_| fail(ApiError::DocumentNotFound))?;
    staff.require(Permission::ManageSessions).map_err(fail)?;
    let response = download(&state, application, &key).await.map_err(fail)?;
    let label = staff.label();
    let subject = format!("application:{application}");
    let detail = serde_json::json!({ "item": key }).to_string();
    let address = peer.ip().to_string();
    let entry = staff.audit_entry(
        &label,
        "onboarding.document.view",
        &subject,
        &detail,
        &address,
    );
    state
        .store
        .audit(&entry, state.settings.now())
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(response)
}
