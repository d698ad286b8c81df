//! The eligibility rules TOML: rules read are written canonically and read back unchanged.
#![no_main]

use cohort_domain::eligibility::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    cohort_fuzz::check_round_trip(bytes, RuleSet::from_toml, RuleSet::to_toml);
});
