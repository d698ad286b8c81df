//! What the fuzz targets share: the NATO catalogue the session and sheet imports check
//! units against, and the panic hook of the targets whose code under test catches panics.

use cohort_domain::Catalogue;
use std::sync::LazyLock;

/// The NATO International Staff catalogue, as the demo session uses it.
pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let text = include_str!("../../catalogue/nato-international-staff.toml");
    match Catalogue::from_toml(text) {
        Ok(catalogue) => catalogue,
        Err(e) => panic!("the committed catalogue does not read: {e}"),
    }
});

/// libfuzzer-sys aborts on every panic, even one the code under test catches on purpose
/// (the PDF reader and calamine's XLSX reader run under `catch_unwind`: their panics mean a
/// file without text or an unreadable sheet, not a crash). This hook stays silent for panics raised inside registry dependencies
/// (`pdf-extract`, `lopdf`, …) and prints the others. It does not abort: a panic that the
/// product does not catch unwinds to libfuzzer-sys's own `catch_unwind`, which aborts, so
/// it is still a crash.
pub fn tolerate_caught_panics_in_dependencies() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // not libfuzzer-sys's hook (taken here), which aborts on any panic
        std::panic::set_hook(Box::new(|info| {
            let in_dependency = info
                .location()
                .is_some_and(|l| l.file().contains("/registry/src/"));
            if !in_dependency {
                eprintln!("{info}");
            }
        }));
    });
}

/// Whether `text` is tidied as `pdf_text::tidy` promises: no control character but the
/// line feed, no blank line twice in a row, lines trimmed and single-spaced.
pub fn is_tidy(text: &str) -> bool {
    !text.contains("\n\n\n")
        && text.chars().all(|c| c == '\n' || !c.is_control())
        && text.split('\n').all(|line| {
            line.trim() == line
                && !line.contains("  ")
                && !line.chars().any(|c| c.is_whitespace() && c != ' ')
        })
        && !text.starts_with('\n')
        && !text.ends_with('\n')
}

/// A sheet read as the placement import reads it: rows within the bounds, rectangular
/// for an XLSX, and every placement they make giving its fields back.
pub fn check_sheet_import(bytes: &[u8]) {
    use cohort_domain::session::{placements_from_rows, PlacementFields, PlacementId, SessionId};
    use cohort_untrusted::sheet::{self, MAX_CELLS, MAX_COLUMNS, MAX_ROWS};
    let Ok(rows) = sheet::rows(bytes) else {
        return;
    };
    assert!(rows.len() <= MAX_ROWS as usize);
    assert!(rows.iter().all(|row| row.len() <= MAX_COLUMNS as usize));
    assert!(
        rows.iter().map(Vec::len).sum::<usize>()
            <= MAX_CELLS.max(MAX_ROWS as usize * MAX_COLUMNS as usize)
    );
    if sheet::is_xlsx(bytes) {
        let width = rows.first().map_or(0, Vec::len);
        assert!(
            rows.iter().all(|row| row.len() == width),
            "an XLSX reads as a rectangle"
        );
    }
    let Ok(placements) = placements_from_rows(&rows, &CATALOGUE, SessionId(3)) else {
        return;
    };
    assert!(placements.len() < rows.len().max(1));
    for placement in placements {
        let again = PlacementFields::of(&placement).check(&CATALOGUE, SessionId(3), PlacementId(0));
        assert_eq!(again, Ok(placement));
    }
}

/// The rule of every file the office writes back: whatever `read` accepts, `write` puts
/// in a form that reads back to the same value and is reproduced byte for byte.
pub fn check_round_trip<T, E>(
    bytes: &[u8],
    read: impl Fn(&str) -> Result<T, E>,
    write: impl Fn(&T) -> String,
) where
    T: PartialEq + std::fmt::Debug,
{
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(value) = read(text) else {
        return;
    };
    let written = write(&value);
    let Ok(back) = read(&written) else {
        panic!("the written form does not read back:\n{written}");
    };
    assert_eq!(back, value);
    assert_eq!(write(&back), written, "the written form is reproduced");
}
