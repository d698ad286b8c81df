//! The supervisor's evaluation rubric TOML: a rubric read is written and read back
//! unchanged.
#![no_main]

use cohort_domain::internship::EvaluationRubric;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    cohort_fuzz::check_round_trip(
        bytes,
        EvaluationRubric::from_toml,
        EvaluationRubric::to_toml,
    );
});
