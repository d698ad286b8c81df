//! The placement import from a CSV sheet, as the office uploads it: the sheet's rows
//! within their bounds, then the placements they describe, each giving its own fields
//! back (the edit form's round trip).
#![no_main]

use cohort_fuzz::check_sheet_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if cohort_untrusted::sheet::is_xlsx(bytes) {
        return;
    }
    check_sheet_import(bytes);
});
