//! The catalogue TOML: a catalogue read is written in canonical form, which reads back to
//! the same catalogue and is reproduced byte for byte.
#![no_main]

use cohort_domain::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(catalogue) = Catalogue::from_toml(text) else {
        return;
    };
    let canonical = catalogue.to_toml();
    let back = Catalogue::from_toml(&canonical).expect("the canonical form reads back");
    assert_eq!(back, catalogue);
    assert_eq!(
        back.to_toml(),
        canonical,
        "the canonical form is reproduced"
    );
});
