//! A placements file (`[[placements]]`, the demo's format), checked against the NATO
//! catalogue: each placement read gives its own fields back (the edit form's round trip).
#![no_main]

use cohort_domain::session::{placements_from_toml, PlacementFields, PlacementId, SessionId};
use cohort_fuzz::CATALOGUE;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(placements) = placements_from_toml(text, &CATALOGUE, SessionId(7)) else {
        return;
    };
    for placement in placements {
        assert_eq!(placement.session, SessionId(7));
        let again = PlacementFields::of(&placement).check(&CATALOGUE, SessionId(7), PlacementId(0));
        assert_eq!(again, Ok(placement));
    }
});
