//! Is it a PDF? Decided by the bytes, not by the name or the declared type.
//!
//! The rule is the one PDF readers apply (ISO 32000 and Acrobat's implementation notes):
//! the header `%PDF-x.y` may appear anywhere in the first 1024 bytes, and the end-of-file
//! marker `%%EOF` anywhere in the last 1024. Both are required: the header alone would take
//! a truncated upload, and a renamed image or Word file has neither. This is a gate against
//! wrong files, not a full parse or a malware check; the file is served back only as an
//! attachment with `nosniff`, so even a crafted file is never rendered on our origin.

/// How far from the start the header may be, and from the end the end-of-file marker.
const WINDOW: usize = 1024;

/// Whether `bytes` look like a whole PDF file.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(WINDOW)];
    let tail = &bytes[bytes.len().saturating_sub(WINDOW)..];
    has_header(head) && find(tail, b"%%EOF").is_some()
}

/// `%PDF-` then a version `d.d`.
fn has_header(head: &[u8]) -> bool {
    let mut rest = head;
    while let Some(at) = find(rest, b"%PDF-") {
        let version = &rest[at + 5..];
        if let [major, b'.', minor, ..] = version {
            if major.is_ascii_digit() && minor.is_ascii_digit() {
                return true;
            }
        }
        rest = &rest[at + 1..];
    }
    false
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::looks_like_pdf;

    const MINIMAL: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

    fn padded(prefix: usize, body: &[u8], suffix: usize) -> Vec<u8> {
        let mut bytes = vec![b' '; prefix];
        bytes.extend_from_slice(body);
        bytes.extend(std::iter::repeat_n(b'\n', suffix));
        bytes
    }

    #[test]
    fn check() {
        let big_middle = {
            let mut bytes = b"%PDF-1.7\n".to_vec();
            bytes.extend(std::iter::repeat_n(b'x', 100_000));
            bytes.extend_from_slice(b"\n%%EOF");
            bytes
        };
        let cases: &[(&str, Vec<u8>, bool)] = &[
            ("minimal", MINIMAL.to_vec(), true),
            ("PDF 2.0, CRLF", b"%PDF-2.0\r\n%%EOF\r\n".to_vec(), true),
            ("large body", big_middle, true),
            (
                "header after junk within 1024",
                padded(1000, MINIMAL, 0),
                true,
            ),
            ("header too far", padded(1024, MINIMAL, 0), false),
            ("trailing junk within 1024", padded(0, MINIMAL, 1000), true),
            (
                "end marker too far from the end",
                padded(0, MINIMAL, 1100),
                false,
            ),
            ("empty", Vec::new(), false),
            (
                "no end marker (truncated)",
                b"%PDF-1.4\n1 0 obj".to_vec(),
                false,
            ),
            ("no header", b"hello\n%%EOF".to_vec(), false),
            ("header without version", b"%PDF-x\n%%EOF".to_vec(), false),
            ("cut header", b"%PDF-".to_vec(), false),
            (
                "PNG renamed .pdf",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec(),
                false,
            ),
            ("zip (docx)", b"PK\x03\x04\x14\0\x06\0".to_vec(), false),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(looks_like_pdf(bytes), *expected, "{name}");
        }
    }
}
