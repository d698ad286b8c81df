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
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match extracted {
        Ok(Ok(text)) => tidy(&text),
        Ok(Err(_)) | Err(_) => String::new(),
    }
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
