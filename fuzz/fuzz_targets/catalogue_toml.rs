//! The catalogue TOML: a catalogue read is written in canonical form, which reads back to
//! the same catalogue and is reproduced byte for byte.
#![no_main]

use cohort_domain::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    cohort_fuzz::check_round_trip(bytes, Catalogue::from_toml, Catalogue::to_toml);
});
