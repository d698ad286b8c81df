//! Sessions and placements edited by the office, on SQLite and on PostgreSQL: codes stay
//! unique, placements are appended in order, edits land whole, and each change moves the
//! snapshot revision (so the public site reloads).

use cohort_domain::session::{
    demo_session, placements_from_toml, PlacementFields, PlacementId, SessionId,
};
use cohort_domain::Catalogue;
use cohort_store::{NewAuditEntry, Store};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;

on_both_backends!(sessions_and_placements_are_edited,);

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: None,
    actor: "coord@nato.example (coordinator)",
    action: "session.edit",
    subject: "session",
    detail: "{}",
    address: None,
};

async fn sessions_and_placements_are_edited(store: Store) {
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    store
        .replace_catalogue(&catalogue)
        .await
        .expect("catalogue");
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let mut session = demo_session(now, "Europe/Brussels").expect("demo");
    let id = store
        .create_session(&session, &[], &AUDIT, NOW)
        .await
        .expect("create")
        .expect("new code");
    assert!(store
        .create_session(&session, &[], &AUDIT, NOW)
        .await
        .expect("create")
        .is_err());
    session.id = id;
    session.name.fr = "Session renommée".into();
    session.retention_months = 30;
    let before = store.snapshot_revision().await.expect("revision");
    assert_eq!(
        store
            .update_session(&session, &AUDIT, NOW)
            .await
            .expect("update"),
        Ok(true)
    );
    assert_ne!(store.snapshot_revision().await.expect("revision"), before);
    assert_eq!(
        store
            .session_by_id(id)
            .await
            .expect("read")
            .expect("session")
            .name
            .fr,
        "Session renommée"
    );
    assert_eq!(
        store
            .session_by_id(id)
            .await
            .expect("read")
            .expect("session")
            .retention_months,
        30
    );
    let mut other = session.clone();
    other.code = "another".into();
    let other_id = store
        .create_session(&other, &[], &AUDIT, NOW)
        .await
        .expect("create")
        .expect("new code");
    other.id = other_id;
    other.code = session.code.clone();
    assert!(
        store
            .update_session(&other, &AUDIT, NOW)
            .await
            .expect("update")
            .is_err(),
        "a code stays unique"
    );
    session.id = SessionId(999_999);
    session.code = "nowhere".into();
    assert_eq!(
        store
            .update_session(&session, &AUDIT, NOW)
            .await
            .expect("update"),
        Ok(false)
    );

    let placements = placements_from_toml(PLACEMENTS, &catalogue, id).expect("placements");
    let first = store
        .add_placements(id, &placements[..2], &AUDIT, NOW)
        .await
        .expect("add");
    let more = store
        .add_placements(id, &placements[2..3], &AUDIT, NOW)
        .await
        .expect("add");
    let stored = store.placements(id).await.expect("placements");
    assert_eq!(
        stored.iter().map(|p| p.id).collect::<Vec<_>>(),
        [first, more].concat(),
        "appended in order"
    );
    let mut fields = PlacementFields::of(&stored[0]);
    fields.capacity = "7".into();
    fields.title_fr = "Nouveau titre".into();
    let edited = fields.check(&catalogue, id, stored[0].id).expect("valid");
    assert!(store
        .update_placement(&edited, &AUDIT, NOW)
        .await
        .expect("update"));
    assert_eq!(
        store.placement(stored[0].id).await.expect("read"),
        Some(edited.clone())
    );
    let missing = cohort_domain::session::Placement {
        id: PlacementId(999_999),
        ..edited
    };
    assert!(!store
        .update_placement(&missing, &AUDIT, NOW)
        .await
        .expect("update"));
    assert!(store
        .verify_audit()
        .await
        .expect("verify")
        .problems
        .is_empty());
}
