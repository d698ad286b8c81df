//! Readers of files that come from outside — PDF documents, CSV and XLSX sheets — and the
//! [`sandbox`] that runs them in a child process under hard limits.
//!
//! Architecture invariant: nothing here knows about HTTP, the database or the server's
//! state; the server never calls a parser of this crate on a hostile file in its own
//! process (only [`pdf::looks_like_pdf`], which reads two 1 KiB windows, and CSV, whose
//! reader is bounded, run in-process).
//!
//! ```
//! use cohort_untrusted::{pdf::looks_like_pdf, sheet};
//! assert!(looks_like_pdf(b"%PDF-1.7\n%%EOF\n"));
//! assert_eq!(sheet::rows(b"unit,seats\nDI,2\n").unwrap()[1], ["DI", "2"]);
//! ```

pub mod pdf;
pub mod pdf_text;
pub mod samples;
pub mod sandbox;
pub mod sheet;
