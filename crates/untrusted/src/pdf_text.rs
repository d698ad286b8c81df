//! The text of a PDF, read in this process. Only the sandbox's child calls
//! [`extract_in_this_process`]: the PDF parser recurses on nested objects (a 2.6 KB file
//! nesting arrays 1,000 deep overflows its stack, which no `catch_unwind` can catch) and
//! inflates streams without bound, so it must never run inside the server.
//!
//! The text is tidied (runs of blank space folded, at most one empty line in a row,
//! control characters dropped) and cut to [`MAX_TEXT_CHARS`], so that one upload cannot
//! weigh on the office's in-memory index.

/// The most characters of text kept from one document (a dense two-page CV has ~8,000).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The tidied text of the PDF `bytes`; empty when it has none that can be read.
pub fn extract_in_this_process(bytes: &[u8]) -> String {
    match std::panic::catch_unwind(|| extract(bytes)) {
        Ok(Some(text)) => tidy(&text),
        Ok(None) | Err(_) => String::new(),
    }
}

/// `pdf_extract::extract_text_from_mem`, but refusing a page tree that loops.
fn extract(bytes: &[u8]) -> Option<String> {
    let mut doc = pdf_extract::Document::load_mem(bytes).ok()?;
    if doc.is_encrypted() {
        // as pdf-extract does: an empty user password, or no text
        doc.decrypt("").ok()?;
    }
    if !parents_end(&doc) {
        return None;
    }
    let mut text = String::new();
    let mut output = pdf_extract::PlainTextOutput::new(&mut text);
    pdf_extract::output_doc(&doc, &mut output).ok()?;
    Some(text)
}

/// Whether the chain of `/Parent` of every page ends. pdf-extract climbs it for an
/// inherited `/MediaBox` or `/Resources`, and forever when a page is its own ancestor
/// (a 700-byte file held the sandbox's child until its CPU limit).
fn parents_end(doc: &pdf_extract::Document) -> bool {
    doc.get_pages().into_values().all(|page| {
        let mut seen = std::collections::HashSet::new();
        let mut at = page;
        while seen.insert(at) {
            let parent = doc
                .get_dictionary(at)
                .and_then(|dict| dict.get(b"Parent"))
                .and_then(|parent| parent.as_reference());
            match parent {
                Ok(next) => at = next,
                Err(_) => return true,
            }
        }
        false
    })
}

/// Blank runs within a line become one space, lines are trimmed, at most one empty line
/// separates paragraphs, control characters go, and the whole is cut to
/// [`MAX_TEXT_CHARS`].
pub fn tidy(raw: &str) -> String {
    let mut out = String::new();
    let mut blank_lines = 0;
    for line in raw.lines() {
        // control characters go first, so that a word made only of them leaves no space
        let words: Vec<String> = line
            .split_whitespace()
            .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
            .filter(|word| !word.is_empty())
            .collect();
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
            out.push_str(word);
        }
        if out.len() > 4 * MAX_TEXT_CHARS {
            break;
        }
    }
    match out.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => out[..cut].to_owned(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::{extract_in_this_process, tidy, MAX_TEXT_CHARS};

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
    fn a_word_of_control_characters_leaves_no_space() {
        // found by the fuzz target pdf_text: "9 \0\u{1}" was tidied to "9 " (a trailing
        // space), and "a \0 b" to "a  b"
        for (raw, tidied) in [
            ("0000000009 \0\0\u{1}\nnext", "0000000009\nnext"),
            ("a \u{7} b", "a b"),
            ("\u{0}\u{1}\n\nx", "x"),
            ("x\n\u{0}\n\ny", "x\n\ny"),
        ] {
            assert_eq!(tidy(raw), tidied, "{raw:?}");
            assert_eq!(tidy(tidied), tidied, "{tidied:?} is tidy");
        }
    }

    #[test]
    fn a_page_that_is_its_own_parent_gives_no_text_at_once() {
        // found by the fuzz target pdf_text: the page's /Parent pointing to itself, and no
        // /MediaBox to find, pdf-extract looked for one up the chain forever
        let good = crate::samples::pdf_with_text(&["Ana Popescu"]);
        assert_eq!(extract_in_this_process(&good), "Ana Popescu");
        let text = String::from_utf8_lossy(&good).into_owned();
        for (from, to) in [
            ("/Parent 2 0 R /MediaBox", "/Parent 3 0 R /MediaBoz"),
            ("/Parent 2 0 R /MediaBox", "/Parent 3 0 R /MediaBox"),
        ] {
            // the same length, so the cross-reference table stays right
            let looping = text.replacen(from, to, 1);
            assert_ne!(looping, text);
            let started = std::time::Instant::now();
            assert_eq!(extract_in_this_process(looping.as_bytes()), "", "{to}");
            assert!(started.elapsed() < std::time::Duration::from_secs(2));
        }
    }

    #[test]
    fn unreadable_pdfs_give_no_text() {
        for bytes in [
            &b"%PDF-1.4\n%%EOF\n"[..],
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF",
            b"not a pdf at all",
        ] {
            assert_eq!(extract_in_this_process(bytes), "");
        }
    }
}
