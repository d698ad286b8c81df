//! The text of an uploaded CV, for the office's full-text search and for blind reviewers,
//! who read it as text rather than as a file.
//!
//! Extraction runs on a blocking thread with a time limit, and a panic inside the PDF
//! parser is caught: a file we cannot read is still a valid upload, with no text. The
//! text is tidied (runs of blank space folded, at most one empty line in a row) and cut
//! to [`MAX_TEXT_CHARS`], so that one upload cannot weigh on the in-memory index.

use std::time::Duration;

/// The most characters of text kept from one document (a dense two-page CV has ~8,000).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// How long one extraction may take before the upload goes on without text.
const TIME_LIMIT: Duration = Duration::from_secs(10);

/// The tidied text of the PDF `bytes`, or empty when none can be read in time.
pub async fn extract(bytes: axum::body::Bytes) -> String {
    let work = tokio::task::spawn_blocking(move || extract_now(&bytes));
    match tokio::time::timeout(TIME_LIMIT, work).await {
        Ok(Ok(text)) => text,
        Ok(Err(error)) => {
            tracing::warn!(%error, "the text extraction of a document failed");
            String::new()
        }
        Err(_) => {
            tracing::warn!("the text extraction of a document took too long");
            String::new()
        }
    }
}

/// Extracts and tidies, catching the parser's panics (a malformed file must not take the
/// upload down).
fn extract_now(bytes: &[u8]) -> String {
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match extracted {
        Ok(Ok(text)) => tidy(&text),
        Ok(Err(error)) => {
            tracing::info!(%error, "a document has no extractable text");
            String::new()
        }
        Err(_) => {
            tracing::warn!("the PDF parser panicked on a document");
            String::new()
        }
    }
}

/// Blank runs within a line become one space, lines are trimmed, at most one empty line
/// separates paragraphs, control characters go, and the whole is cut to
/// [`MAX_TEXT_CHARS`].
pub fn tidy(raw: &str) -> String {
    let mut out = String::new();
    let mut blank_lines = 0;
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.extend(word.chars().filter(|c| !c.is_control()));
        }
    }
    match out.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => out[..cut].to_owned(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::{extract_now, tidy, MAX_TEXT_CHARS};

    #[test]
    fn text_is_tidied_and_bounded() {
        for (raw, tidied) in [
            (
                "  Ana \t Popescu  \n\n\n\nDroit\u{7}  international\n",
                "Ana Popescu\n\nDroit international",
            ),
            ("\n\n a\nb\n", "a\nb"),
            ("", ""),
        ] {
            assert_eq!(tidy(raw), tidied, "{raw:?}");
        }
        let long = "é".repeat(MAX_TEXT_CHARS + 50);
        assert_eq!(tidy(&long).chars().count(), MAX_TEXT_CHARS);
    }

    #[test]
    fn unreadable_pdfs_give_no_text() {
        for bytes in [
            &b"%PDF-1.4\n%%EOF\n"[..],
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF",
            b"not a pdf at all",
        ] {
            assert_eq!(extract_now(bytes), "");
        }
    }
}
