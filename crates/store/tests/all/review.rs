//! Reviews, conflicts and rankings on SQLite and on PostgreSQL: a review is revised in
//! place, a conflict withdraws the reviewer's review, a ranking is replaced whole, and once
//! the session's ranking is closed nothing changes.

use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_domain::Catalogue;
use cohort_store::{NewAuditEntry, NewReview, ReviewSettingsRow, Store};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;
use crate::people;

use people::account;

on_both_backends!(
    reviews_conflicts_and_rankings_until_ranking_closes,
    assignments_are_kept_once_and_followed_by_reviews,
);

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: Some(1),
    actor: "rev@nato.example (reviewer)",
    action: "test",
    subject: "test",
    detail: "{}",
    address: None,
};

async fn reviews_conflicts_and_rankings_until_ranking_closes(store: Store) {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let session = demo_session(now, "Europe/Brussels").expect("demo");
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    let session = store
        .insert_session(&session, &placements)
        .await
        .expect("session");
    let placement = store.placement_ids(session).await.expect("placements")[0];
    let reviewer = account(&store, "rev@nato.example", "reviewer", NOW).await;
    let mut applications = Vec::new();
    for who in ["ana@example.org", "ben@example.org"] {
        let candidate = account(&store, who, "candidate", NOW).await;
        let id = store
            .save_draft(candidate, session, &[placement], "Motivation", NOW)
            .await
            .expect("draft")
            .expect("draft");
        store
            .submit_application(id, "{}", true, NOW)
            .await
            .expect("submit")
            .expect("draft");
        applications.push(id);
    }
    let (ana, ben) = (applications[0], applications[1]);

    assert_eq!(
        store.review_settings(session).await.expect("settings"),
        None
    );
    let settings = ReviewSettingsRow {
        rubric: r#"{"criteria":[]}"#.into(),
        blind: true,
        disagreement: 1.25,
    };
    store
        .set_review_settings(session, &settings)
        .await
        .expect("set");
    assert_eq!(
        store.review_settings(session).await.expect("settings"),
        Some(settings)
    );

    for score in [2.5, 4.75] {
        let review = NewReview {
            application_id: ana,
            reviewer_id: reviewer,
            scores: r#"{"motivation":5}"#,
            score,
            comment: "revised",
            audit: AUDIT,
        };
        store.save_review(&review, NOW).await.expect("review");
    }
    let reviews = store.reviews_of(ana).await.expect("reviews");
    assert_eq!(reviews.len(), 1, "revised in place");
    assert_eq!(reviews[0].score, 4.75);
    assert_eq!(
        store.reviews_in_session(session).await.expect("all").len(),
        1
    );

    store
        .declare_conflict(ana, reviewer, "I know her", &AUDIT, NOW)
        .await
        .expect("conflict");
    assert_eq!(
        store.conflicts_of(reviewer).await.expect("conflicts"),
        vec![ana]
    );
    assert!(
        store.reviews_of(ana).await.expect("reviews").is_empty(),
        "withdrawn"
    );

    let saved = store
        .save_ranking(session, placement, &[(ben, 1), (ana, 1)], &AUDIT, NOW)
        .await
        .expect("save");
    assert!(saved.is_ok());
    store
        .save_ranking(session, placement, &[(ana, 1), (ben, 2)], &AUDIT, NOW)
        .await
        .expect("save")
        .expect("open");
    assert_eq!(
        store.ranking(placement).await.expect("ranking"),
        vec![(ana, 1), (ben, 2)],
        "replaced whole"
    );

    assert_eq!(
        store.ranking_closed_at(session).await.expect("closed"),
        None
    );
    assert!(store
        .close_ranking(session, &AUDIT, NOW + 1)
        .await
        .expect("close")
        .is_ok());
    assert!(
        store
            .close_ranking(session, &AUDIT, NOW + 2)
            .await
            .expect("close")
            .is_err(),
        "once"
    );
    assert_eq!(
        store.ranking_closed_at(session).await.expect("closed"),
        Some(NOW + 1)
    );
    let late = store
        .save_ranking(session, placement, &[(ben, 1)], &AUDIT, NOW + 3)
        .await
        .expect("save");
    assert!(late.is_err(), "frozen");
    assert_eq!(
        store.ranking(placement).await.expect("ranking"),
        vec![(ana, 1), (ben, 2)]
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn assignments_are_kept_once_and_followed_by_reviews(store: Store) {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let session = demo_session(now, "Europe/Brussels").expect("demo");
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    let session = store
        .insert_session(&session, &placements)
        .await
        .expect("session");
    let placement = store.placement_ids(session).await.expect("placements")[0];
    let first = account(&store, "rev1@nato.example", "reviewer", NOW).await;
    let second = account(&store, "rev2@nato.example", "reviewer", NOW).await;
    let candidate = account(&store, "ana@example.org", "candidate", NOW).await;
    let application = store
        .save_draft(candidate, session, &[placement], "Motivation", NOW)
        .await
        .expect("draft")
        .expect("draft");
    let pairs = [(application, first), (application, second)];
    store
        .add_assignments(&pairs, &AUDIT, NOW)
        .await
        .expect("assign");
    // assigning again keeps one row per pair
    store
        .add_assignments(&pairs[..1], &AUDIT, NOW)
        .await
        .expect("again");
    assert_eq!(
        store.assignments(session).await.expect("read"),
        pairs.to_vec()
    );
    assert_eq!(
        store.assigned_to(first).await.expect("read"),
        [(application, false)]
    );
    let review = NewReview {
        application_id: application,
        reviewer_id: first,
        scores: r#"{"motivation":5}"#,
        score: 5.0,
        comment: "",
        audit: AUDIT,
    };
    store.save_review(&review, NOW).await.expect("review");
    assert_eq!(
        store.assigned_to(first).await.expect("read"),
        [(application, true)]
    );
    store
        .declare_conflict(application, second, "my cousin", &AUDIT, NOW)
        .await
        .expect("conflict");
    assert_eq!(
        store.session_conflicts(session).await.expect("read"),
        [(application, second)]
    );
}
