//! The placement import from an XLSX workbook (read in the sandbox's child in
//! production): the first sheet's rows within their bounds, then the placements they
//! describe, each giving its own fields back.
#![no_main]

use cohort_fuzz::{check_sheet_import, tolerate_caught_panics_in_dependencies};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // calamine's arithmetic panics on some references; `sheet::rows` catches that on
    // purpose (an unreadable sheet), so only a panic it does not catch is a crash
    tolerate_caught_panics_in_dependencies();
    if !cohort_untrusted::sheet::is_xlsx(bytes) {
        return;
    }
    check_sheet_import(bytes);
});
