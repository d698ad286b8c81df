//! A session file (`[session]` and its `[[placements]]`), checked against the NATO
//! catalogue: a session read gives its own fields back (the edit form's round trip), and
//! so does each placement.
#![no_main]

use cohort_domain::session::PlacementId;
use cohort_domain::session::{session_from_toml, PlacementFields, SessionFields, SessionId};
use cohort_fuzz::CATALOGUE;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(file) = session_from_toml(text, &CATALOGUE) else {
        return;
    };
    let session = file.session;
    let again = SessionFields::of(&session).check(SessionId(0), session.rules.clone());
    assert_eq!(again, Ok(session.clone()));
    assert!(session.window.opens() < session.window.closes());
    assert!(session.period_start <= session.period_end);
    for placement in file.placements {
        let again = PlacementFields::of(&placement).check(&CATALOGUE, SessionId(0), PlacementId(0));
        assert_eq!(again, Ok(placement));
    }
});
