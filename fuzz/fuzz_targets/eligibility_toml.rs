//! The eligibility rules TOML: rules read are written canonically and read back unchanged.
#![no_main]

use cohort_domain::eligibility::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(rules) = RuleSet::from_toml(text) else {
        return;
    };
    let canonical = rules.to_toml();
    let back = RuleSet::from_toml(&canonical).expect("the canonical form reads back");
    assert_eq!(back, rules);
    assert_eq!(back.to_toml(), canonical);
});
