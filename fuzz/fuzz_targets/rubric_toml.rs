//! The supervisor's evaluation rubric TOML: a rubric read is written and read back
//! unchanged.
#![no_main]

use cohort_domain::internship::EvaluationRubric;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(rubric) = EvaluationRubric::from_toml(text) else {
        return;
    };
    let written = rubric.to_toml();
    let back = EvaluationRubric::from_toml(&written).expect("a written rubric reads back");
    assert_eq!(back, rubric);
});
