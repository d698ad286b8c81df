//! The upload gate `looks_like_pdf` against its rule written plainly: `%PDF-d.d` within
//! the first 1024 bytes and `%%EOF` within the last 1024.
#![no_main]

use cohort_untrusted::pdf::looks_like_pdf;
use libfuzzer_sys::fuzz_target;

fn spec(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let header = head.windows(8).any(|w| {
        &w[..5] == b"%PDF-" && w[5].is_ascii_digit() && w[6] == b'.' && w[7].is_ascii_digit()
    });
    header && tail.windows(5).any(|w| w == b"%%EOF")
}

fuzz_target!(|bytes: &[u8]| {
    assert_eq!(looks_like_pdf(bytes), spec(bytes));
});
