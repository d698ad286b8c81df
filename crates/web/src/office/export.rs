//! Exports of a filtered list: CSV (UTF-8 with a byte-order mark so that spreadsheet
//! programs read the accents; `;` between cells for French, whose spreadsheets use the comma
//! for decimals) and XLSX (written row by row to a temporary file: memory stays flat
//! whatever the number of rows). A cell that a spreadsheet would run as a formula is
//! neutralised with a leading apostrophe.

use super::list::Entry;
use cohort_domain::{Catalogue, Lang};
use cohort_i18n::Tr;

/// The columns, by message key.
const COLUMNS: [&str; 13] = [
    "office-col-id",
    "office-col-status",
    "office-col-submitted",
    "office-col-eligible",
    "office-col-name",
    "candidate-email",
    "office-col-nationality",
    "office-born",
    "office-facet-level",
    "office-facet-field",
    "office-facet-language",
    "office-col-units",
    "office-motivation",
];

/// A cell as text, safe to open in a spreadsheet: text a spreadsheet would take for a
/// formula (`=`, `+`, `-`, `@`, or a tab or carriage return first) gets a leading `'`.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The header row in `tr`'s language.
pub fn header(tr: &Tr<'_>) -> Vec<String> {
    COLUMNS.iter().map(|key| tr.t(key)).collect()
}

/// One application's cells, in [`COLUMNS`] order, neutralised.
pub fn cells(entry: &Entry, catalogue: &Catalogue, tr: &Tr<'_>) -> Vec<String> {
    let row = &entry.row;
    let profile = &entry.profile;
    let education = profile.education.as_ref();
    let units: Vec<String> = entry
        .units
        .iter()
        .map(|u| super::pages::unit_name(catalogue, u, tr.lang))
        .collect();
    [
        row.id.to_string(),
        tr.t(&format!("office-status-{}", row.status.as_str())),
        row.submitted_at
            .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
            .map(|t| t.to_string())
            .unwrap_or_default(),
        tr.t(if row.eligible {
            "office-eligible-yes"
        } else {
            "office-eligible-no"
        }),
        entry.name(),
        row.email.clone(),
        profile.nationalities.join(" "),
        profile.birth_date.clone().unwrap_or_default(),
        education
            .and_then(|e| e.level.as_deref())
            .map(|l| tr.t(&format!("candidate-level-{l}")))
            .unwrap_or_default(),
        education.and_then(|e| e.field.clone()).unwrap_or_default(),
        profile
            .languages
            .iter()
            .map(|l| format!("{} {}", l.language, l.level))
            .collect::<Vec<_>>()
            .join(", "),
        units.join(" | "),
        row.motivation.clone(),
    ]
    .iter()
    .map(|c| neutralise(c))
    .collect()
}

/// The CSV delimiter of a language.
pub fn delimiter(lang: Lang) -> char {
    match lang {
        Lang::Fr => ';',
        Lang::En => ',',
    }
}

/// One CSV line (RFC 4180 quoting), ending with CRLF.
pub fn csv_line(cells: &[String], delimiter: char) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(delimiter);
        }
        if cell.contains([delimiter, '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push_str("\r\n");
    line
}

/// The whole CSV file.
pub fn csv(entries: &[&Entry], catalogue: &Catalogue, tr: &Tr<'_>) -> Vec<u8> {
    let delimiter = delimiter(tr.lang);
    let mut out = Vec::with_capacity(64 + entries.len() * 256);
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(csv_line(&header(tr), delimiter).as_bytes());
    for entry in entries {
        out.extend_from_slice(csv_line(&cells(entry, catalogue, tr), delimiter).as_bytes());
    }
    out
}

/// Writes the XLSX file at `path` (a temporary file the caller streams out).
pub fn xlsx(
    entries: &[&Entry],
    catalogue: &Catalogue,
    tr: &Tr<'_>,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    for (col, title) in header(tr).iter().enumerate() {
        sheet.write_string(0, col as u16, title)?;
    }
    for (i, entry) in entries.iter().enumerate() {
        let row = (i + 1) as u32;
        sheet.write_number(row, 0, entry.row.id as f64)?;
        for (col, cell) in cells(entry, catalogue, tr).iter().enumerate().skip(1) {
            sheet.write_string(row, col as u16, cell)?;
        }
    }
    workbook.save(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_is_kept() {
        for (raw, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+33 1 23", "'+33 1 23"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("Ana", "Ana"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(neutralise(raw), safe, "{raw:?}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let cells = ["plain", "a;b", "say \"hi\"", "two\nlines"].map(str::to_owned);
        assert_eq!(
            csv_line(&cells, ';'),
            "plain;\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n"
        );
        assert_eq!(csv_line(&cells[..2], ','), "plain,a;b\r\n");
    }
}
