//! A spreadsheet as rows of text cells: CSV (`,` or `;`, UTF-8 with or without BOM, as
//! Excel writes it in English or French) or XLSX (its first sheet).

use std::io::Cursor;

/// The largest sheet accepted, in bytes.
pub const MAX_SHEET_BYTES: usize = 2 * 1024 * 1024;

/// Why a file cannot be read as a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// Neither valid UTF-8 CSV nor an XLSX workbook.
    Unreadable,
    /// Larger than [`MAX_SHEET_BYTES`].
    TooLarge,
}

/// The rows of `bytes`, header first.
pub fn rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, SheetError> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(SheetError::TooLarge);
    }
    // an XLSX file is a ZIP archive
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)
    } else {
        csv_rows(bytes)
    }
}

fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, SheetError> {
    use calamine::{open_workbook_from_rs, Reader, Xlsx};
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(SheetError::Unreadable)?
        .map_err(|_| SheetError::Unreadable)?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect())
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, SheetError> {
    let text = std::str::from_utf8(bytes).map_err(|_| SheetError::Unreadable)?;
    let text = text.trim_start_matches('\u{feff}');
    let header = text.lines().next().unwrap_or_default();
    // French Excel separates with `;`
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|_| SheetError::Unreadable)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_either_separator_with_quotes_and_bom() {
        let english = "\u{feff}unit,title_en\nDI,\"Analyst, junior\"\n";
        assert_eq!(
            rows(english.as_bytes()).expect("csv"),
            [vec!["unit", "title_en"], vec!["DI", "Analyst, junior"]]
        );
        let french = "unit;title_fr\nDI;Analyste; junior\n";
        assert_eq!(
            rows(french.as_bytes()).expect("csv")[1],
            ["DI", "Analyste", " junior"]
        );
        assert_eq!(rows(&[0xff, 0xfe, 0x00]), Err(SheetError::Unreadable));
    }

    #[test]
    fn xlsx_first_sheet() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "unit").expect("write");
        sheet.write(0, 1, "capacity").expect("write");
        sheet.write(1, 0, "DI").expect("write");
        sheet.write(1, 1, 2).expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        assert_eq!(
            rows(&bytes).expect("xlsx"),
            [vec!["unit", "capacity"], vec!["DI", "2"]]
        );
        assert_eq!(rows(b"PK\x03\x04 not really"), Err(SheetError::Unreadable));
    }
}
