//! The certificate of internship as a PDF, written here: one A4 page of text in a standard
//! font needs no library — only the file's structure (objects, a cross-reference table) and
//! text encoded in the font's WinAnsi encoding, so that French accents print and a text
//! extractor reads them back.

/// One line of the certificate: its size in points and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Font size, points.
    pub size: u8,
    /// The text (characters outside WinAnsi print as `?`).
    pub text: String,
}

/// A4 in points.
const WIDTH: u32 = 595;
const HEIGHT: u32 = 842;
const MARGIN: u32 = 72;

/// WinAnsi (Windows-1252) for the characters a name or a French sentence needs.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '’' | '‘' => b'\'',
        '“' | '”' => b'"',
        '\u{202f}' => b' ',
        '–' => 0x96,
        '—' => 0x97,
        'œ' => 0x9c,
        'Œ' => 0x8c,
        '€' => 0x80,
        _ => b'?',
    }
}

/// A PDF string literal: parentheses and backslashes escaped, bytes in WinAnsi.
fn literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        match win_ansi(c) {
            b'(' => out.extend_from_slice(b"\\("),
            b')' => out.extend_from_slice(b"\\)"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            byte => out.push(byte),
        }
    }
    out.push(b')');
    out
}

/// Breaks a text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The PDF of `lines`, top to bottom, wrapped to the page's width.
pub fn certificate_pdf(lines: &[Line]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut y = HEIGHT - MARGIN;
    for line in lines {
        let size = u32::from(line.size.max(6));
        // Helvetica averages about half an em a character
        let per_line = ((WIDTH - 2 * MARGIN) * 2 / size) as usize;
        let pieces = if line.text.is_empty() {
            vec![String::new()]
        } else {
            wrap(&line.text, per_line)
        };
        for piece in pieces {
            y = y.saturating_sub(size * 3 / 2);
            content.extend_from_slice(format!("BT /F1 {size} Tf {MARGIN} {y} Td ").as_bytes());
            content.extend_from_slice(&literal(&piece));
            content.extend_from_slice(b" Tj ET\n");
        }
        y = y.saturating_sub(size / 2);
    }
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] \
             /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        {
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(&content);
            stream.extend_from_slice(b"endstream");
            stream
        },
    ];
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_encoded_and_wrapped() {
        assert_eq!(literal("a(b)\\ é’"), b"(a\\(b\\)\\\\ \xe9')".to_vec());
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        let pdf = certificate_pdf(&[Line {
            size: 20,
            text: "Attestation".into(),
        }]);
        assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
        // the trailer points at the cross-reference table (offsets count bytes)
        let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).into_owned();
        let xref: usize = tail
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("offset");
        assert!(pdf[xref..].starts_with(b"xref"));
    }
}
