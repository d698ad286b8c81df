//! The retention purge's store half on SQLite and on PostgreSQL: which applications are
//! candidates (with whether they were ever shortlisted), and a purge that deletes them with
//! everything hanging off them, leaves anonymous counts, hands back the object keys and
//! appends its audit entry — the chain still verifies.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_domain::Catalogue;
use cohort_store::{
    insert_account, DocumentKind, NewAccount, NewAuditEntry, NewDocument, PurgeCandidate, Purged,
    Store,
};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;

on_both_backends!(
    a_session_keeps_its_retention_months,
    a_purge_deletes_the_chosen_applications_and_keeps_the_counts_and_the_chain,
);

async fn session(store: &Store, retention_months: u16) -> SessionId {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let mut session = demo_session(now, "Europe/Brussels").expect("demo");
    session.retention_months = retention_months;
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    store
        .insert_session(&session, &placements)
        .await
        .expect("session")
}

async fn a_session_keeps_its_retention_months(store: Store) {
    let id = session(&store, 30).await;
    let read = store
        .session_by_id(id)
        .await
        .expect("read")
        .expect("session");
    assert_eq!(read.retention_months, 30);
}

/// An application of a new candidate, moved through `path` (status, event kind).
async fn application(
    store: &Store,
    spring: SessionId,
    email: &str,
    path: &[(ApplicationStatus, &str)],
) -> i64 {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: email,
        email,
        password_hash: "$argon2id$fake",
        role: "candidate",
        lang: "fr",
    };
    let account = insert_account(&mut tx, &new, NOW)
        .await
        .expect("insert")
        .expect("new");
    tx.commit().await.expect("commit");
    let offered = store.placement_ids(spring).await.expect("placements");
    let id = store
        .save_draft(account, spring, &[offered[0]], "Motivation", NOW)
        .await
        .expect("draft")
        .expect("draft");
    let key = format!("documents/{email}");
    let cv = NewDocument {
        application_id: id,
        kind: DocumentKind::Cv,
        object_key: &key,
        file_name: "cv.pdf",
        size: 1,
        sha256: "ab",
        text: Some("CV"),
    };
    store
        .put_document(&cv, NOW)
        .await
        .expect("put")
        .expect("draft");
    let mut from = ApplicationStatus::Draft;
    for (to, kind) in path {
        store
            .change_status(id, from, *to, kind, NOW)
            .await
            .expect("change")
            .expect("from");
        from = *to;
    }
    id
}

async fn a_purge_deletes_the_chosen_applications_and_keeps_the_counts_and_the_chain(store: Store) {
    use ApplicationStatus as S;
    let spring = session(&store, 12).await;
    let draft = application(&store, spring, "draft@example.org", &[]).await;
    let rejected = application(
        &store,
        spring,
        "rejected@example.org",
        &[(S::Submitted, "submitted"), (S::Rejected, "rejected")],
    )
    .await;
    let withdrawn = application(
        &store,
        spring,
        "withdrawn@example.org",
        &[(S::Submitted, "submitted"), (S::Withdrawn, "withdrawn")],
    )
    .await;
    let once_shortlisted = application(
        &store,
        spring,
        "once@example.org",
        &[
            (S::Submitted, "submitted"),
            (S::Shortlisted, "shortlisted"),
            (S::Rejected, "rejected"),
        ],
    )
    .await;
    let submitted = application(
        &store,
        spring,
        "sent@example.org",
        &[(S::Submitted, "submitted")],
    )
    .await;
    let earlier = NewAuditEntry {
        actor_id: Some(1),
        actor: "coord@nato.example (coordinator)",
        action: "application.view",
        subject: "application:1",
        detail: "{}",
        address: None,
    };
    store.audit(&earlier, NOW).await.expect("audit");

    let candidates = store.purge_candidates(spring).await.expect("candidates");
    let candidate = |id, status, ever_shortlisted| PurgeCandidate {
        id,
        status,
        ever_shortlisted,
    };
    assert_eq!(
        candidates,
        [
            candidate(draft, S::Draft, false),
            candidate(rejected, S::Rejected, false),
            candidate(withdrawn, S::Withdrawn, false),
            candidate(once_shortlisted, S::Rejected, true),
        ],
        "submitted and shortlisted ones are not even candidates"
    );
    let revision_before = store.applications_revision().await.expect("revision");
    // the caller chose three; one of them changed status since it was read
    store
        .change_status(withdrawn, S::Withdrawn, S::Submitted, "reopened", NOW + 1)
        .await
        .expect("change")
        .expect("from");
    let chosen = &candidates[..3];
    let entry = NewAuditEntry {
        actor_id: None,
        actor: "system",
        action: "retention.purge",
        subject: "session:1",
        detail: "",
        address: None,
    };
    let purged = store
        .purge_applications(
            chosen,
            |p| format!("{{\"applications\":{}}}", p.applications),
            entry,
            NOW + 2,
        )
        .await
        .expect("purge");
    assert_eq!(purged.applications, 2, "the one that changed is left alone");
    let mut keys = purged.object_keys.clone();
    keys.sort();
    assert_eq!(
        keys,
        [
            "documents/draft@example.org",
            "documents/rejected@example.org"
        ]
    );
    for gone in [draft, rejected] {
        assert_eq!(store.application_by_id(gone).await.expect("read"), None);
        assert!(store.documents(gone).await.expect("documents").is_empty());
        assert!(store
            .application_events(gone)
            .await
            .expect("events")
            .is_empty());
    }
    for kept in [withdrawn, once_shortlisted, submitted] {
        assert!(store.application_by_id(kept).await.expect("read").is_some());
    }
    assert_ne!(
        store.applications_revision().await.expect("revision"),
        revision_before,
        "cached lists see the purge"
    );
    let counts = store.application_counts(spring).await.expect("counts");
    let by_status: Vec<i64> = [
        S::Draft,
        S::Submitted,
        S::Rejected,
        S::Withdrawn,
        S::Shortlisted,
    ]
    .into_iter()
    .map(|s| counts.of(s))
    .collect();
    // one draft and two rejected (one purged, counted anonymously); the withdrawn one was
    // reopened meanwhile, so two are submitted
    assert_eq!(
        by_status,
        [1, 2, 2, 0, 0],
        "anonymous rows keep the counts true"
    );
    let audit = store.audit_entries(0, 10).await.expect("audit");
    assert_eq!(audit.len(), 2);
    assert_eq!(
        (
            audit[1].action.as_str(),
            audit[1].actor.as_str(),
            audit[1].detail.as_str()
        ),
        ("retention.purge", "system", "{\"applications\":2}")
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
    // purged meanwhile (by another node): nothing deleted, nothing recorded
    let again = store
        .purge_applications(chosen, |_| "{}".to_owned(), entry, NOW + 3)
        .await
        .expect("purge");
    assert_eq!(again, Purged::default());
    assert_eq!(store.audit_entries(0, 10).await.expect("audit").len(), 2);
}
