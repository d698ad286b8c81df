//! The reviewers' rubric, one criterion a line (`key | weight | en | fr`): a rubric read
//! is written and read back unchanged.
#![no_main]

use cohort_domain::review::Rubric;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(rubric) = Rubric::from_lines(text) else {
        return;
    };
    let written = rubric.to_lines();
    let back = Rubric::from_lines(&written).expect("a written rubric reads back");
    assert_eq!(back, rubric);
    assert_eq!(back.to_lines(), written);
});
