//! The onboarding checklist TOML: a checklist read is written and read back unchanged.
#![no_main]

use cohort_domain::onboarding::Checklist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    cohort_fuzz::check_round_trip(bytes, Checklist::from_toml, Checklist::to_toml);
});
