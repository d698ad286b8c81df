//! A spreadsheet as rows of text cells: CSV (`,` or `;`, UTF-8 with or without BOM, as
//! Excel writes it in English or French) or XLSX (its first sheet).
//!
//! Bounded before anything grows: the file's size, then the sheet's declared dimensions,
//! then each cell's position and the number of cells as they stream in. Cells are read one
//! at a time (calamine's cell reader), never as the dense range a sheet *claims*, so a
//! single cell at XFD1048576 costs one cell, not 2^34. An XLSX is a ZIP whose parts may
//! inflate far beyond the file: the server reads it in the sandbox (`crate::sandbox`),
//! where the address-space limit ends such a file.

use std::collections::BTreeMap;
use std::io::Cursor;

/// The largest sheet accepted, in bytes.
pub const MAX_SHEET_BYTES: usize = 2 * 1024 * 1024;
/// The most rows a sheet may span (a programme has tens to hundreds of placements).
pub const MAX_ROWS: u32 = 5_000;
/// The most columns a sheet may span.
pub const MAX_COLUMNS: u32 = 100;
/// The most non-empty cells read from one sheet.
pub const MAX_CELLS: usize = 100_000;

/// Why a file cannot be read as a sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetError {
    /// Neither valid UTF-8 CSV nor an XLSX workbook.
    Unreadable,
    /// Larger than [`MAX_SHEET_BYTES`].
    TooLarge,
    /// Spans more than [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns, or holds more than
    /// [`MAX_CELLS`] cells.
    TooManyCells,
}

/// Whether `bytes` are an XLSX workbook (a ZIP archive) rather than CSV.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The rows of `bytes`, header first.
pub fn rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, SheetError> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(SheetError::TooLarge);
    }
    if is_xlsx(bytes) {
        // calamine's arithmetic on a cell reference with too many letters overflows (a
        // panic where overflow checks are on, a wrong column elsewhere): unreadable, the
        // same in every build, rather than a crashed sandbox
        std::panic::catch_unwind(|| xlsx_rows(bytes)).unwrap_or(Err(SheetError::Unreadable))
    } else {
        csv_rows(bytes)
    }
}

fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, SheetError> {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let first = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(SheetError::Unreadable)?;
    let mut reader = book
        .worksheet_cells_reader(&first)
        .map_err(|_| SheetError::Unreadable)?;
    let declared = reader.dimensions();
    if !within(declared.start) || !within(declared.end) {
        return Err(SheetError::TooManyCells);
    }
    let mut cells = Cells::default();
    while let Some(cell) = reader.next_cell().map_err(|_| SheetError::Unreadable)? {
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        cells.put(cell.get_position(), value.to_string())?;
    }
    Ok(cells.into_rows())
}

/// Whether a (row, column) lies inside the bounds.
fn within((row, column): (u32, u32)) -> bool {
    row < MAX_ROWS && column < MAX_COLUMNS
}

/// The non-empty cells read so far, by position.
#[derive(Default)]
struct Cells(BTreeMap<(u32, u32), String>);

impl Cells {
    fn put(&mut self, at: (u32, u32), text: String) -> Result<(), SheetError> {
        if !within(at) || self.0.len() >= MAX_CELLS {
            return Err(SheetError::TooManyCells);
        }
        self.0.insert(at, text);
        Ok(())
    }

    /// Dense rows from the first used cell to the last, as calamine's ranges are.
    fn into_rows(self) -> Vec<Vec<String>> {
        let Some(top) = self.0.keys().map(|p| p.0).min() else {
            return Vec::new();
        };
        let bottom = self.0.keys().map(|p| p.0).max().unwrap_or(top);
        let left = self.0.keys().map(|p| p.1).min().unwrap_or(0);
        let right = self.0.keys().map(|p| p.1).max().unwrap_or(left);
        let width = (right - left + 1) as usize;
        let mut rows = vec![vec![String::new(); width]; (bottom - top + 1) as usize];
        for ((row, column), text) in self.0 {
            rows[(row - top) as usize][(column - left) as usize] = text;
        }
        rows
    }
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
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(|_| SheetError::Unreadable)?;
        cells += record.len();
        if rows.len() >= MAX_ROWS as usize
            || record.len() > MAX_COLUMNS as usize
            || cells > MAX_CELLS
        {
            return Err(SheetError::TooManyCells);
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(rows)
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

    #[test]
    fn xlsx_gaps_are_empty_cells() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(1, 1, "unit").expect("write");
        sheet.write(3, 2, "DI").expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        assert_eq!(
            rows(&bytes).expect("xlsx"),
            [vec!["unit", ""], vec!["", ""], vec!["", "DI"]]
        );
    }

    #[test]
    fn a_far_cell_is_refused_without_allocating_the_range() {
        // one cell at XFD1048576 made the dense range ask for 512 GiB
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "unit").expect("write");
        sheet.write(1_048_575, 16_383, "x").expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        assert_eq!(rows(&bytes), Err(SheetError::TooManyCells));
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(MAX_ROWS, 0, "x").expect("write");
        assert_eq!(
            rows(&book.save_to_buffer().expect("xlsx")),
            Err(SheetError::TooManyCells)
        );
    }

    #[test]
    fn a_reference_with_too_many_letters_is_refused() {
        // found by the fuzz target sheet_xlsx: `<dimension ref="formats.org/officeDocsH3"/>`
        // overflowed calamine's column arithmetic (a panic in builds with overflow checks)
        let bytes = include_bytes!("../tests/fuzz-found/xlsx-dimension-overflow.xlsx");
        assert!(is_xlsx(bytes));
        assert!(rows(bytes).is_err());
    }

    #[test]
    fn a_cell_reference_that_overflows_is_refused() {
        // found by the fuzz target sheet_xlsx: a cell reference that overflows calamine's
        // position arithmetic (`attempt to multiply with overflow` in its xlsx reader)
        let bytes = include_bytes!("../tests/fuzz-found/xlsx-cell-reference-overflow.xlsx");
        assert!(is_xlsx(bytes));
        assert_eq!(rows(bytes), Err(SheetError::Unreadable));
    }

    #[test]
    fn csv_bounds() {
        let many_rows = "a\n".repeat(MAX_ROWS as usize + 1);
        assert_eq!(rows(many_rows.as_bytes()), Err(SheetError::TooManyCells));
        let wide = ",".repeat(MAX_COLUMNS as usize);
        assert_eq!(rows(wide.as_bytes()), Err(SheetError::TooManyCells));
        let big = vec![b'a'; MAX_SHEET_BYTES + 1];
        assert_eq!(rows(&big), Err(SheetError::TooLarge));
    }
}
