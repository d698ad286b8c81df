//! Application documents: a CV and a motivation letter, PDF only, at most 5 MB each.
//!
//! - **What is accepted** is decided by the content, never by the file name or the declared
//!   type: [`cohort_untrusted::pdf::looks_like_pdf`].
//! - **Size** is enforced while the multipart field streams in ([`upload`]): at most
//!   [`MAX_BYTES`] plus one chunk is ever held in memory.
//! - **Where files go**: an `object_store` — a local folder by default, in memory for tests,
//!   any S3-compatible store later without touching the handlers — under a random name
//!   (`documents/` + 128 random bits in hex). Nothing the candidate sends ends up in a path
//!   or in a response header; their file name is kept for display only.
//! - **Order of writes**: the file first, then the row; the replaced file is deleted after
//!   the row has committed, and the new file is deleted when the row is refused. A crash in
//!   between leaves at worst an unreferenced file, never a row naming a missing file.
//! - **A CV's text** is read just after the upload is answered ([`cv_text`]), in the
//!   sandbox (a child process under hard limits: `cohort_untrusted::sandbox`), by a reader
//!   on whichever node claims it, and saved with its row, bounded; a PDF without readable
//!   text — or one that crashes the child — is accepted all the same, with no text.
//! - **Who sees what**: everything is looked up from the signed-in account's own
//!   application; another candidate's session id or document answers 404.

pub(crate) mod admit;
pub mod api;
pub(crate) mod cv_text;
pub(crate) mod upload;

pub use cohort_app::files::open_files;

/// The largest document accepted: 5 MB.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The request body limit of the upload route: the document plus room for the multipart
/// framing and the `kind` field. Larger bodies are cut off by axum, and that too is
/// answered as 413 by us.
pub const MAX_BODY_BYTES: usize = MAX_BYTES + 64 * 1024;
