//! The onboarding checklist TOML: a checklist read is written and read back unchanged.
#![no_main]

use cohort_domain::onboarding::Checklist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(list) = Checklist::from_toml(text) else {
        return;
    };
    let written = list.to_toml();
    let back = Checklist::from_toml(&written).expect("a written checklist reads back");
    assert_eq!(back, list);
});
