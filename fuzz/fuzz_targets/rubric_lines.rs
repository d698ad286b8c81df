//! The reviewers' rubric, one criterion a line (`key | weight | en | fr`): a rubric read
//! is written and read back unchanged.
#![no_main]

use cohort_domain::review::Rubric;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    cohort_fuzz::check_round_trip(bytes, Rubric::from_lines, Rubric::to_lines);
});
