//! Reading an upload: the `kind` and `file` fields of a multipart body, the file streamed
//! in chunk by chunk and refused as soon as it passes [`MAX_BYTES`].

use super::MAX_BYTES;
use crate::api::ApiError;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::Multipart;
use axum::http::StatusCode;
use cohort_store::DocumentKind;
use cohort_untrusted::pdf::looks_like_pdf;
use sha2::{Digest, Sha256};

/// A checked upload: a PDF of at most [`MAX_BYTES`].
#[derive(Debug)]
pub struct Upload {
    /// Which document.
    pub kind: DocumentKind,
    /// The candidate's file name, cleaned for display.
    pub file_name: String,
    /// The content.
    pub bytes: Vec<u8>,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

/// A checked PDF of at most [`MAX_BYTES`], for a checklist item.
#[derive(Debug)]
pub struct PdfFile {
    /// The sender's file name, cleaned for display.
    pub file_name: String,
    /// The content.
    pub bytes: Vec<u8>,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

/// Reads a form with a `file` field (and a `csrf_token` first, when `with_csrf`), by the
/// same rules as application documents: 413 over [`MAX_BYTES`], 415 when not a PDF, 422
/// when `file` is missing, 400 for any other field.
pub async fn read_pdf(
    multipart: Multipart,
    with_csrf: bool,
    default_name: &str,
) -> Result<(PdfFile, Option<String>), ApiError> {
    let parts = read_parts(multipart, with_csrf, false).await?;
    let (file_name, bytes, sha256) = checked_file(parts.file, default_name)?;
    Ok((
        PdfFile {
            file_name,
            bytes,
            sha256,
        },
        parts.csrf,
    ))
}

/// The fields of an upload form as read.
struct Parts {
    kind: Option<DocumentKind>,
    file: Option<(String, Vec<u8>)>,
    csrf: Option<String>,
}

/// The file, a PDF, with its name (or `default_name`) and SHA-256.
fn checked_file(
    file: Option<(String, Vec<u8>)>,
    default_name: &str,
) -> Result<(String, Vec<u8>, String), ApiError> {
    let (file_name, bytes) = file.ok_or(ApiError::Invalid {
        field: "file",
        key: "document-file-missing",
    })?;
    if !looks_like_pdf(&bytes) {
        return Err(ApiError::NotPdf);
    }
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let file_name = if file_name.is_empty() {
        default_name.to_owned()
    } else {
        file_name
    };
    Ok((file_name, bytes, sha256))
}

/// The longest `kind` value read; anything longer is not a kind anyway.
const MAX_KIND_BYTES: usize = 64;
/// File names are shown, never used; long ones are cut.
const MAX_FILE_NAME_CHARS: usize = 200;

/// Reads `kind` and `file` (in any order; other fields are refused). Errors: 413 when
/// the file or the body is too large, 415 when the file is not a PDF, 422 naming the field
/// when `kind` is missing or unknown or `file` is missing, 400 when the body is not
/// multipart.
pub async fn read(multipart: Multipart) -> Result<Upload, ApiError> {
    read_fields(multipart, false)
        .await
        .map(|(upload, _)| upload)
}

/// Like [`read`], for an HTML form: a `csrf_token` field is also read and returned (a form
/// cannot send the header). Put it first in the form: the file is read before it otherwise.
pub async fn read_form(multipart: Multipart) -> Result<(Upload, Option<String>), ApiError> {
    read_fields(multipart, true).await
}

async fn read_fields(
    multipart: Multipart,
    with_csrf: bool,
) -> Result<(Upload, Option<String>), ApiError> {
    let parts = read_parts(multipart, with_csrf, true).await?;
    let kind = parts.kind.ok_or(ApiError::Invalid {
        field: "kind",
        key: "document-kind-unknown",
    })?;
    let (file_name, bytes, sha256) = checked_file(parts.file, &format!("{}.pdf", kind.as_str()))?;
    Ok((
        Upload {
            kind,
            file_name,
            bytes,
            sha256,
        },
        parts.csrf,
    ))
}

async fn read_parts(
    mut multipart: Multipart,
    with_csrf: bool,
    with_kind: bool,
) -> Result<Parts, ApiError> {
    let mut kind = None;
    let mut file = None;
    let mut csrf = None;
    while let Some(field) = multipart.next_field().await.map_err(body_error)? {
        match field.name() {
            Some("csrf_token") if with_csrf => {
                let text = read_limited(field, MAX_KIND_BYTES * 2).await?;
                csrf = Some(String::from_utf8_lossy(&text).into_owned());
            }
            Some("kind") if with_kind => {
                let text = read_limited(field, MAX_KIND_BYTES).await?;
                let parsed = std::str::from_utf8(&text)
                    .ok()
                    .and_then(|t| DocumentKind::parse(t.trim()));
                kind = Some(parsed.ok_or(ApiError::Invalid {
                    field: "kind",
                    key: "document-kind-unknown",
                })?);
            }
            Some("file") => {
                let name = clean_file_name(field.file_name().unwrap_or_default());
                let bytes = read_limited(field, MAX_BYTES).await?;
                file = Some((name, bytes));
            }
            _ => return Err(ApiError::BadBody),
        }
    }
    Ok(Parts { kind, file, csrf })
}

/// The field's bytes, or 413 as soon as there are more than `max`: at most `max` plus one
/// chunk is held.
async fn read_limited(mut field: Field<'_>, max: usize) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(body_error)? {
        if bytes.len() + chunk.len() > max {
            return Err(ApiError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// axum cuts the body at the route's limit: that is a 413 too; anything else is a
/// malformed body.
fn body_error(error: MultipartError) -> ApiError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge
    } else {
        ApiError::BadBody
    }
}

/// The last path component, without control characters, trimmed and cut to a length.
fn clean_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    last.chars()
        .filter(|c| !c.is_control())
        .take(MAX_FILE_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_are_cleaned_for_display() {
        for (raw, clean) in [
            ("cv.pdf", "cv.pdf"),
            ("C:\\Users\\ana\\Mon CV.pdf", "Mon CV.pdf"),
            ("../../etc/passwd", "passwd"),
            (" a\r\nb\u{7}.pdf ", "ab.pdf"),
            ("", ""),
        ] {
            assert_eq!(clean_file_name(raw), clean, "{raw:?}");
        }
        assert_eq!(clean_file_name(&"é".repeat(500)).chars().count(), 200);
    }
}
