//! Files for tests and fuzzing seeds: a well-formed PDF with text, and the hostile ones
//! that once took the server down (arrays nested deep, a stream that inflates to a GiB).

use std::io::Write;

/// A one-page PDF showing `lines` (Latin-1; other characters become `?`), Helvetica in
/// WinAnsi, with a correct cross-reference table.
pub fn pdf_with_text(lines: &[&str]) -> Vec<u8> {
    let mut content = b"BT /F1 11 Tf 14 TL 56 780 Td\n".to_vec();
    for line in lines {
        content.push(b'(');
        for c in line.chars() {
            let byte = u8::try_from(u32::from(c)).unwrap_or(b'?');
            if matches!(byte, b'(' | b')' | b'\\') {
                content.push(b'\\');
            }
            content.push(byte);
        }
        content.extend_from_slice(b") Tj T*\n");
    }
    content.extend_from_slice(b"ET\n");
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"\nendstream");
    one_page(stream, Vec::new())
}

/// A PDF whose page carries an extra entry nesting arrays `depth` deep (a 2.6 KB file at
/// depth 1,000 overflowed the parser's stack).
pub fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut nested = "[".repeat(depth).into_bytes();
    nested.extend(std::iter::repeat_n(b']', depth));
    let content = b"<< /Length 0 >>\nstream\n\nendstream".to_vec();
    one_page(content, nested)
}

/// A PDF whose page content is a FlateDecode stream inflating to `inflated` zero bytes
/// (1 GiB compresses to about 1 MB).
pub fn flate_bomb(inflated: usize) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    let mut left = inflated;
    while left > 0 {
        let n = left.min(zeros.len());
        // writing to a Vec cannot fail
        let _ = encoder.write_all(&zeros[..n]);
        left -= n;
    }
    let compressed = encoder.finish().unwrap_or_default();
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        compressed.len()
    )
    .into_bytes();
    stream.extend_from_slice(&compressed);
    stream.extend_from_slice(b"\nendstream");
    one_page(stream, Vec::new())
}

/// Catalog, pages, one page with `content` (a whole stream object) and, when not empty,
/// `extra` as the page's `/Extra` entry; then the cross-reference table and trailer.
fn one_page(content: Vec<u8>, extra: Vec<u8>) -> Vec<u8> {
    let mut page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R"
        .to_vec();
    if !extra.is_empty() {
        page.extend_from_slice(b" /Extra ");
        page.extend_from_slice(&extra);
    }
    page.extend_from_slice(b" >>");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page,
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
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
