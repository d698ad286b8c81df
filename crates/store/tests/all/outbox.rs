//! The e-mail outbox on SQLite and on PostgreSQL: only committed rows are pending, a sent
//! row leaves, a failed row comes back at its retry time. The caller's transaction is
//! opened on a connection of its own to the same database, as a caller in another module
//! would have one.

use cohort_store::{enqueue_mail, NewMail};
use sqlx::{AnyConnection, Connection};

const NOW: i64 = 1_780_000_000_000;
const MINUTE: i64 = 60_000;

use crate::backends;
use backends::Fresh;

on_both_backends_fresh!(
    a_rolled_back_transaction_queues_nothing,
    a_committed_transaction_queues_the_mail_once_committed,
    a_sent_mail_is_no_longer_pending,
    a_failed_mail_comes_back_at_its_retry_time,
    a_claimed_mail_is_taken_by_one_worker_only,
    pending_mail_is_oldest_first_and_limited,
    a_language_other_than_en_or_fr_is_refused,
);

fn welcome(to: &str) -> NewMail<'_> {
    NewMail {
        to,
        lang: "fr",
        subject: "Bienvenue à l'OTAN",
        body_text: "Votre candidature a été reçue.\nÀ bientôt !",
    }
}

async fn connect(fresh: &Fresh) -> AnyConnection {
    AnyConnection::connect(&fresh.url)
        .await
        .expect("a connection of the caller's own")
}

async fn a_rolled_back_transaction_queues_nothing(fresh: Fresh) {
    let mut conn = connect(&fresh).await;
    let mut tx = conn.begin().await.expect("begin");
    enqueue_mail(&mut tx, &welcome("ana@example.org"), NOW)
        .await
        .expect("enqueue");
    tx.rollback().await.expect("rollback");
    let pending = fresh.store.pending_mail(NOW + MINUTE, 10).await;
    assert_eq!(pending.expect("pending"), vec![]);
}

async fn a_committed_transaction_queues_the_mail_once_committed(fresh: Fresh) {
    let mut conn = connect(&fresh).await;
    let mut tx = conn.begin().await.expect("begin");
    enqueue_mail(&mut tx, &welcome("ana@example.org"), NOW)
        .await
        .expect("enqueue");
    let before = fresh.store.pending_mail(NOW, 10).await.expect("pending");
    assert_eq!(before, vec![], "the worker never sees an uncommitted row");
    tx.commit().await.expect("commit");

    let pending = fresh.store.pending_mail(NOW, 10).await.expect("pending");
    assert_eq!(pending.len(), 1);
    let mail = &pending[0];
    assert_eq!(mail.to, "ana@example.org");
    assert_eq!(mail.lang, "fr");
    assert_eq!(mail.subject, "Bienvenue à l'OTAN");
    assert_eq!(
        mail.body_text,
        "Votre candidature a été reçue.\nÀ bientôt !"
    );
    assert_eq!(mail.created_at, NOW);
    assert_eq!(mail.attempts, 0);
    assert_eq!(mail.last_error, None);
    let earlier = fresh.store.pending_mail(NOW - 1, 10).await;
    assert_eq!(
        earlier.expect("pending"),
        vec![],
        "not due before it was queued"
    );
}

async fn a_sent_mail_is_no_longer_pending(fresh: Fresh) {
    let store = fresh.store;
    store
        .enqueue(&welcome("ana@example.org"), NOW)
        .await
        .expect("enqueue");
    let pending = store.pending_mail(NOW, 10).await.expect("pending");
    store
        .mark_mail_sent(pending[0].id, NOW + 1)
        .await
        .expect("mark sent");
    let later = store.pending_mail(NOW + 1000 * MINUTE, 10).await;
    assert_eq!(later.expect("pending"), vec![]);
    store
        .mark_mail_failed(pending[0].id, "late failure", NOW + 2)
        .await
        .expect("a failure recorded after the send changes nothing");
    let later = store.pending_mail(NOW + 1000 * MINUTE, 10).await;
    assert_eq!(later.expect("pending"), vec![], "a sent mail stays sent");
}

async fn a_failed_mail_comes_back_at_its_retry_time(fresh: Fresh) {
    let store = fresh.store;
    store
        .enqueue(&welcome("ana@example.org"), NOW)
        .await
        .expect("enqueue");
    let id = store.pending_mail(NOW, 10).await.expect("pending")[0].id;
    store
        .mark_mail_failed(id, "connection refused", NOW + 2 * MINUTE)
        .await
        .expect("mark failed");
    let soon = store.pending_mail(NOW + 2 * MINUTE - 1, 10).await;
    assert_eq!(soon.expect("pending"), vec![], "not before the retry time");
    let due = store
        .pending_mail(NOW + 2 * MINUTE, 10)
        .await
        .expect("pending");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].id, id);
    assert_eq!(due[0].attempts, 1);
    assert_eq!(due[0].last_error.as_deref(), Some("connection refused"));

    let long = "é".repeat(10_000);
    store
        .mark_mail_failed(id, &long, NOW + 3 * MINUTE)
        .await
        .expect("a long error is cut, not refused");
    let due = store
        .pending_mail(NOW + 3 * MINUTE, 10)
        .await
        .expect("pending");
    assert_eq!(due[0].attempts, 2);
    let kept = due[0].last_error.as_deref().expect("error kept");
    assert!(kept.chars().all(|c| c == 'é') && kept.chars().count() < 10_000);
}

async fn a_claimed_mail_is_taken_by_one_worker_only(fresh: Fresh) {
    let store = fresh.store;
    store
        .enqueue(&welcome("ana@example.org"), NOW)
        .await
        .expect("enqueue");
    let id = store.pending_mail(NOW, 10).await.expect("pending")[0].id;
    let lease = NOW + 5 * MINUTE;
    assert!(store.claim_mail(id, NOW, lease).await.expect("claim"));
    assert!(!store.claim_mail(id, NOW, lease).await.expect("claim again"));
    let during = store.pending_mail(lease - 1, 10).await.expect("pending");
    assert_eq!(
        during,
        vec![],
        "a claimed mail is not pending during its lease"
    );
    let after = store.pending_mail(lease, 10).await.expect("pending");
    assert_eq!(
        after.len(),
        1,
        "a worker that died leaves the mail to a retry"
    );
}

async fn pending_mail_is_oldest_first_and_limited(fresh: Fresh) {
    let store = fresh.store;
    for (i, to) in ["c@example.org", "a@example.org", "b@example.org"]
        .iter()
        .enumerate()
    {
        let at = NOW + [2, 0, 1][i];
        store.enqueue(&welcome(to), at).await.expect("enqueue");
    }
    let two = store.pending_mail(NOW + 10, 2).await.expect("pending");
    let to: Vec<&str> = two.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(to, ["a@example.org", "b@example.org"]);
}

async fn a_language_other_than_en_or_fr_is_refused(fresh: Fresh) {
    let mail = NewMail {
        lang: "de",
        ..welcome("ana@example.org")
    };
    let refused = fresh.store.enqueue(&mail, NOW).await;
    assert!(refused.is_err(), "the schema accepts only en and fr");
    let pending = fresh.store.pending_mail(NOW, 10).await;
    assert_eq!(pending.expect("pending"), vec![]);
}
