//! The audit log on SQLite and on PostgreSQL: appends are numbered without gaps and chained,
//! and every kind of tampering (made through a connection of the test's own, as someone
//! with database access would) is reported at the entry it touched.

use cohort_store::{AuditFilter, AuditProblem, AuditProblemKind, NewAuditEntry, Store};
use sqlx::{AnyConnection, Connection};

const NOW: i64 = 1_780_000_000_000;

use crate::backends;
use backends::Fresh;

on_both_backends_fresh!(
    appends_are_numbered_and_chained,
    an_append_rolled_back_leaves_no_gap,
    an_edited_entry_is_reported_at_its_seq,
    a_deleted_entry_is_reported_missing,
    swapped_entries_are_reported,
    a_cut_tail_is_reported,
    concurrent_appends_get_consecutive_seqs,
    a_log_longer_than_a_batch_is_checked_whole,
    the_browsing_page_filters_newest_first,
);

fn viewed(subject: &str) -> NewAuditEntry<'_> {
    NewAuditEntry {
        actor_id: Some(7),
        actor: "reviewer@example.org",
        action: "application.view",
        subject,
        detail: "{}",
        address: Some("192.0.2.1"),
    }
}

/// Appends `n` entries, one a second, about applications 1..=n.
async fn append(store: &Store, n: i64) {
    for i in 1..=n {
        let subject = format!("application:{i}");
        let seq = store
            .audit(&viewed(&subject), NOW + i * 1000)
            .await
            .expect("append");
        assert_eq!(seq, i);
    }
}

/// Runs `sql` on a connection of the test's own, behind the store's back.
async fn tamper(fresh: &Fresh, sql: &str) {
    let mut conn = AnyConnection::connect(&fresh.url)
        .await
        .expect("a connection of the test's own");
    for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
        sqlx::query(statement)
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    conn.close().await.expect("close");
}

async fn problems(store: &Store) -> Vec<AuditProblem> {
    store.verify_audit().await.expect("verify").problems
}

fn problem(seq: i64, kind: AuditProblemKind) -> AuditProblem {
    AuditProblem { seq, kind }
}

async fn appends_are_numbered_and_chained(fresh: Fresh) {
    let store = &fresh.store;
    let empty = store.verify_audit().await.expect("verify");
    assert_eq!((empty.entries, empty.is_intact()), (0, true));
    append(store, 5).await;
    let entries = store.audit_entries(0, 100).await.expect("entries");
    let seqs: Vec<i64> = entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
    assert_eq!(entries[0].prev_hash, cohort_store::AUDIT_GENESIS_HASH);
    for pair in entries.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash, "entry {}", pair[1].seq);
    }
    assert_eq!(entries[2].subject, "application:3");
    assert_eq!(entries[2].at, NOW + 3000);
    assert_eq!(entries[2].address.as_deref(), Some("192.0.2.1"));
    assert_eq!(store.audit_entries(3, 1).await.expect("page")[0].seq, 4);
    let report = store.verify_audit().await.expect("verify");
    assert_eq!((report.entries, report.problems), (5, vec![]));
}

async fn an_append_rolled_back_leaves_no_gap(fresh: Fresh) {
    let store = &fresh.store;
    append(store, 1).await;
    // In the caller's transaction, on a connection of its own.
    let mut conn = AnyConnection::connect(&fresh.url).await.expect("connect");
    let mut tx = conn.begin().await.expect("begin");
    let seq = cohort_store::append_audit(&mut tx, &viewed("application:9"), NOW)
        .await
        .expect("append");
    assert_eq!(seq, 2);
    tx.rollback().await.expect("rollback");
    assert_eq!(store.audit(&viewed("x"), NOW).await.expect("append"), 2);
    assert_eq!(problems(store).await, vec![]);
}

async fn an_edited_entry_is_reported_at_its_seq(fresh: Fresh) {
    append(&fresh.store, 4).await;
    tamper(
        &fresh,
        "UPDATE audit_log SET detail = '{\"note\":\"nothing to see\"}' WHERE seq = 3",
    )
    .await;
    let found = problems(&fresh.store).await;
    assert_eq!(found, vec![problem(3, AuditProblemKind::Edited)]);
    assert!(
        found[0].to_string().contains("entry 3 was edited"),
        "{}",
        found[0]
    );
}

async fn a_deleted_entry_is_reported_missing(fresh: Fresh) {
    append(&fresh.store, 5).await;
    tamper(&fresh, "DELETE FROM audit_log WHERE seq = 3").await;
    let found = problems(&fresh.store).await;
    let missing = AuditProblemKind::Missing { expected_seq: 3 };
    assert_eq!(found, vec![problem(4, missing)]);
    assert!(
        found[0].to_string().contains("entry 3 is missing"),
        "{}",
        found[0]
    );
}

async fn swapped_entries_are_reported(fresh: Fresh) {
    append(&fresh.store, 5).await;
    tamper(
        &fresh,
        "UPDATE audit_log SET seq = 1000 WHERE seq = 2; \
         UPDATE audit_log SET seq = 2 WHERE seq = 3; \
         UPDATE audit_log SET seq = 3 WHERE seq = 1000",
    )
    .await;
    let found = problems(&fresh.store).await;
    for seq in [2, 3] {
        assert!(
            found.contains(&problem(seq, AuditProblemKind::Edited)),
            "{seq} in {found:?}"
        );
        assert!(
            found.contains(&problem(seq, AuditProblemKind::BrokenLink)),
            "{seq} in {found:?}"
        );
    }
    assert!(found.iter().all(|p| (2..=4).contains(&p.seq)), "{found:?}");
}

async fn a_cut_tail_is_reported(fresh: Fresh) {
    append(&fresh.store, 5).await;
    tamper(&fresh, "DELETE FROM audit_log WHERE seq >= 4").await;
    let report = fresh.store.verify_audit().await.expect("verify");
    let cut = AuditProblemKind::HeadMismatch { last_seq: 3 };
    assert_eq!(
        (report.entries, report.problems.clone()),
        (3, vec![problem(5, cut)])
    );
    assert!(report.problems[0].to_string().contains("ends at entry 3"));
}

async fn concurrent_appends_get_consecutive_seqs(fresh: Fresh) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let store = fresh.store.clone();
        tasks.spawn(async move {
            let subject = format!("application:{i}");
            store.audit(&viewed(&subject), NOW + i).await
        });
    }
    let mut seqs = Vec::new();
    while let Some(done) = tasks.join_next().await {
        seqs.push(done.expect("task").expect("append"));
    }
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=20).collect::<Vec<i64>>());
    let report = fresh.store.verify_audit().await.expect("verify");
    assert_eq!((report.entries, report.problems), (20, vec![]));
}

async fn a_log_longer_than_a_batch_is_checked_whole(fresh: Fresh) {
    let mut tx = fresh.store.begin().await.expect("begin");
    for i in 0..2500 {
        cohort_store::append_audit(&mut tx, &viewed("application:1"), NOW + i)
            .await
            .expect("append");
    }
    tx.commit().await.expect("commit");
    // Around the first batch's end (1000 entries), and in the last batch.
    tamper(
        &fresh,
        "DELETE FROM audit_log WHERE seq = 1000; \
         UPDATE audit_log SET actor = 'someone else' WHERE seq = 2001",
    )
    .await;
    let report = fresh.store.verify_audit().await.expect("verify");
    let missing = AuditProblemKind::Missing { expected_seq: 1000 };
    let expected = vec![
        problem(1001, missing),
        problem(2001, AuditProblemKind::Edited),
    ];
    assert_eq!((report.entries, report.problems), (2499, expected));
}

async fn the_browsing_page_filters_newest_first(fresh: Fresh) {
    let store = &fresh.store;
    append(store, 3).await;
    let system = NewAuditEntry {
        actor_id: None,
        actor: "system",
        action: "application.status",
        address: None,
        ..viewed("application:2")
    };
    store.audit(&system, NOW + 9000).await.expect("append");
    let seqs = |page: Vec<cohort_store::AuditEntry>| page.iter().map(|e| e.seq).collect::<Vec<_>>();
    let all = AuditFilter::default();
    let page = store.audit_page(&all, None, 2).await.expect("page");
    assert_eq!(seqs(page), [4, 3]);
    let page = store.audit_page(&all, Some(3), 10).await.expect("page");
    assert_eq!(seqs(page), [2, 1]);
    let about_two = AuditFilter {
        subject: Some("application:2".into()),
        ..AuditFilter::default()
    };
    let page = store.audit_page(&about_two, None, 10).await.expect("page");
    assert_eq!(seqs(page), [4, 2]);
    let system_about_two = AuditFilter {
        actor: Some("system".into()),
        action: Some("application.status".into()),
        ..about_two
    };
    let page = store.audit_page(&system_about_two, None, 10).await;
    let page = page.expect("page");
    assert_eq!((page.len(), page[0].actor_id), (1, None));

    // a time range: from included, until excluded
    let range = AuditFilter {
        from: Some(NOW + 2000),
        until: Some(NOW + 9000),
        ..AuditFilter::default()
    };
    let page = store.audit_page(&range, None, 10).await.expect("page");
    assert_eq!(seqs(page), [3, 2]);
    // a staff member's address finds their labelled entries, and only theirs
    let coordinator = NewAuditEntry {
        actor: "coord@nato.example (coordinator)",
        ..viewed("application:1")
    };
    store
        .audit(&coordinator, NOW + 10_000)
        .await
        .expect("append");
    let by = |actor: &str| AuditFilter {
        actor: Some(actor.into()),
        ..AuditFilter::default()
    };
    let page = store.audit_page(&by("coord@nato.example"), None, 10).await;
    assert_eq!(seqs(page.expect("page")), [5]);
    for other in ["coord@nato", "coord@nato.example (", "oord@nato.example"] {
        let page = store.audit_page(&by(other), None, 10).await.expect("page");
        assert_eq!(seqs(page), Vec::<i64>::new(), "{other}");
    }
    let page = store
        .audit_page(&by("reviewer@example.org"), Some(3), 10)
        .await;
    assert_eq!(seqs(page.expect("page")), [2, 1]);
}
