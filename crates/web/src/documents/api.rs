//! `/api/v1/sessions/{id}/application/documents`: upload, list and download the signed-in
//! candidate's own documents. The application is always the signed-in account's for the
//! session in the path: someone else's is never looked up, so it answers 404 like a
//! missing one.

use super::upload::{self, Upload};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_app::files::{new_key, path};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::SessionId;
use cohort_store::{DocumentKind, DocumentRow, NewDocument};
use object_store::{ObjectStoreExt, PutPayload};
use serde::Serialize;
use utoipa::ToSchema;

/// An uploaded document (the file itself is downloaded from its own URL).
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentBody {
    /// `cv` or `letter`.
    #[schema(example = "cv")]
    pub kind: String,
    /// The name the file had when uploaded; for display only.
    #[schema(example = "CV Ana García.pdf")]
    pub file_name: String,
    /// Bytes.
    #[schema(example = 48213)]
    pub size: i64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// When, in Unix milliseconds.
    pub uploaded_at: i64,
}

/// The documents of an application, CV first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    /// At most one per kind.
    pub documents: Vec<DocumentBody>,
}

/// The multipart form of an upload.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart form in the OpenAPI document only"
)]
pub struct UploadForm {
    /// `cv` or `letter`.
    #[schema(example = "cv")]
    kind: String,
    /// The PDF, at most 5 MB; checked by its content, not its name.
    #[schema(value_type = String, format = Binary, content_media_type = "application/pdf")]
    file: Vec<u8>,
}

/// A PDF file, as downloaded.
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "application/pdf")]
#[expect(
    dead_code,
    reason = "describes the download in the OpenAPI document only"
)]
pub struct PdfFile(Vec<u8>);

impl From<DocumentRow> for DocumentBody {
    fn from(row: DocumentRow) -> DocumentBody {
        DocumentBody {
            kind: row.kind.as_str().to_owned(),
            file_name: row.file_name,
            size: row.size,
            sha256: row.sha256,
            uploaded_at: row.uploaded_at,
        }
    }
}

/// The id and status of the signed-in candidate's application to the session `id`; 404
/// when there is none (including when `id` is not a number).
async fn own_application(
    state: &AppState,
    signed_in: &SignedIn,
    id: &str,
) -> Result<(i64, ApplicationStatus), ApiError> {
    let Ok(id) = id.parse::<i64>() else {
        return Err(ApiError::ApplicationNotFound);
    };
    state
        .store
        .application_status(signed_in.account.id, SessionId(id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)
}

pub(crate) fn not_draft() -> ApiError {
    ApiError::Conflict {
        key: "api-error-document-not-draft",
        args: Vec::new(),
    }
}

/// Uploads the CV or the motivation letter of the signed-in candidate's draft application
/// (needs `X-CSRF-Token`); a second upload of the same kind replaces the first.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/documents", operation_id = "upload_document", tag = "documents",
    params(("id" = i64, Path, description = "The session")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = DocumentBody),
        (status = 400, description = "Not a multipart form with `kind` and `file`", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing or wrong", body = ErrorBody),
        (status = 404, description = "No application of yours to this session", body = ErrorBody),
        (status = 409, description = "The application is no longer a draft", body = ErrorBody),
        (status = 413, description = "Larger than 5 MB", body = ErrorBody),
        (status = 415, description = "Not a PDF", body = ErrorBody),
        (status = 422, description = "`kind` is not `cv` or `letter`, or `file` is missing", body = ErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (application, status) = own_application(&state, &signed_in, &id)
        .await
        .map_err(fail)?;
    if status != ApplicationStatus::Draft {
        return Err(fail(not_draft()));
    }
    let multipart = multipart.map_err(|_| fail(ApiError::BadBody))?;
    let upload = upload::read(multipart).await.map_err(fail)?;
    let row = store(&state, application, upload).await.map_err(fail)?;
    tracing::info!(
        application,
        kind = row.kind.as_str(),
        size = row.size,
        "document uploaded"
    );
    Ok((StatusCode::CREATED, Json(DocumentBody::from(row))).into_response())
}

/// Writes the file, then its row; deletes whichever file ends up unreferenced.
pub(crate) async fn store(
    state: &AppState,
    application_id: i64,
    upload: Upload,
) -> Result<DocumentRow, ApiError> {
    let key = new_key();
    let size = i64::try_from(upload.bytes.len()).map_err(ApiError::internal)?;
    let bytes = axum::body::Bytes::from(upload.bytes);
    // a CV's text is read by a worker once the upload is answered: `super::cv_text`
    let text = match upload.kind {
        DocumentKind::Cv => None,
        DocumentKind::Letter => Some(""),
    };
    state
        .files
        .put(&path(&key), PutPayload::from(bytes))
        .await
        .map_err(ApiError::internal)?;
    let new = NewDocument {
        application_id,
        kind: upload.kind,
        object_key: &key,
        file_name: &upload.file_name,
        size,
        sha256: &upload.sha256,
        text,
    };
    let now = state.settings.now();
    let replaced = match state.store.put_document(&new, now).await {
        Ok(Ok(replaced)) => replaced,
        refused => {
            delete_file(state, &key).await;
            return Err(match refused {
                Ok(_) => not_draft(),
                Err(e) => ApiError::internal(e),
            });
        }
    };
    if upload.kind == DocumentKind::Cv {
        state.cv_uploaded.notify();
    }
    if let Some(old) = replaced {
        delete_file(state, &old).await;
    }
    Ok(DocumentRow {
        kind: upload.kind,
        object_key: key,
        file_name: upload.file_name,
        size,
        sha256: upload.sha256,
        uploaded_at: now,
    })
}

/// A file no row points at any more; failing to delete it wastes space, nothing else.
pub(crate) async fn delete_file(state: &AppState, key: &str) {
    if let Err(error) = state.files.delete(&path(key)).await {
        tracing::warn!(%error, key, "an unreferenced document file could not be deleted");
    }
}

/// The documents of the signed-in candidate's application to the session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/documents", operation_id = "list_documents", tag = "documents",
    params(("id" = i64, Path, description = "The session")),
    responses(
        (status = 200, description = "The documents, CV first", body = DocumentList),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No application of yours to this session", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<DocumentList>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (application, _) = own_application(&state, &signed_in, &id)
        .await
        .map_err(fail)?;
    let documents = state
        .store
        .documents(application)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(Json(DocumentList {
        documents: documents.into_iter().map(DocumentBody::from).collect(),
    }))
}

/// Downloads one document of the signed-in candidate's application, as an attachment
/// named after its kind (`cv.pdf`, `letter.pdf`).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/documents/{kind}", operation_id = "download_document", tag = "documents",
    params(
        ("id" = i64, Path, description = "The session"),
        ("kind" = String, Path, description = "`cv` or `letter`"),
    ),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = PdfFile),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such document of yours", body = ErrorBody),
    ))]
pub async fn download(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    Path((id, kind)): Path<(String, String)>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (application, _) = own_application(&state, &signed_in, &id)
        .await
        .map_err(fail)?;
    let kind = DocumentKind::parse(&kind).ok_or_else(|| fail(ApiError::DocumentNotFound))?;
    let row = state
        .store
        .document(application, kind)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .ok_or_else(|| fail(ApiError::DocumentNotFound))?;
    let disposition = match kind {
        DocumentKind::Cv => "attachment; filename=\"cv.pdf\"",
        DocumentKind::Letter => "attachment; filename=\"letter.pdf\"",
    };
    pdf_attachment(
        &state,
        &row.object_key,
        HeaderValue::from_static(disposition),
    )
    .await
    .map_err(fail)
}

/// The stored PDF `object_key` as an attachment, streamed, never cached, never sniffed.
pub(crate) async fn pdf_attachment(
    state: &AppState,
    object_key: &str,
    disposition: HeaderValue,
) -> Result<Response, ApiError> {
    // a row always names a written file (written first, deleted after): missing is ours
    let file = state
        .files
        .get(&path(object_key))
        .await
        .map_err(ApiError::internal)?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        (header::CONTENT_LENGTH, HeaderValue::from(file.meta.size)),
    ];
    Ok((headers, Body::from_stream(file.into_stream())).into_response())
}
