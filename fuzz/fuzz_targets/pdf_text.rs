//! The sandbox child's PDF text extraction, run in this process: it must return (a panic
//! of the parser is caught and means "no text"), and what it returns is tidied and
//! bounded; `tidy` itself keeps its promise on any text. Stack and memory are the
//! sandbox's limits in production: here the stack is libFuzzer's main thread's (8 MiB,
//! as the child's `RLIMIT_STACK`) and `-rss_limit_mb` stands for the address-space limit.
#![no_main]

use cohort_fuzz::{is_tidy, tolerate_caught_panics_in_dependencies};
use cohort_untrusted::pdf_text::{extract_in_this_process, tidy, MAX_TEXT_CHARS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    tolerate_caught_panics_in_dependencies();
    let text = extract_in_this_process(bytes);
    assert!(text.chars().count() <= MAX_TEXT_CHARS);
    assert!(is_tidy(&text), "{text:?}");
    assert_eq!(tidy(&text), text, "tidying is idempotent");
    if let Ok(raw) = std::str::from_utf8(bytes) {
        let tidied = tidy(raw);
        assert!(tidied.chars().count() <= MAX_TEXT_CHARS);
        assert!(is_tidy(&tidied), "{raw:?} -> {tidied:?}");
        assert_eq!(tidy(&tidied), tidied, "tidying is idempotent");
    }
});
