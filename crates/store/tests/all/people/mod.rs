//! People for the store tests: an account of any role, and a candidate whose application
//! to one placement is submitted and shortlisted.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use cohort_store::{insert_account, NewAccount, NewAuditEntry, StaffDecision, Store};

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: None,
    actor: "test",
    action: "test",
    subject: "test",
    detail: "{}",
    address: None,
};

/// A new account of `role`, in English.
pub async fn account(store: &Store, email: &str, role: &str, now: i64) -> i64 {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: email,
        email,
        password_hash: "$argon2id$fake",
        role,
        lang: "en",
    };
    let id = insert_account(&mut tx, &new, now)
        .await
        .expect("insert")
        .expect("a new address");
    tx.commit().await.expect("commit");
    id
}

/// `email` applies to `placement`, submits, and `coordinator` shortlists the application:
/// `(account, application)`.
pub async fn shortlisted(
    store: &Store,
    session: SessionId,
    placement: PlacementId,
    email: &str,
    coordinator: i64,
    now: i64,
) -> (i64, i64) {
    let candidate = account(store, email, "candidate", now).await;
    let id = store
        .save_draft(candidate, session, &[placement], "Motivation", now)
        .await
        .expect("draft")
        .expect("draft");
    store
        .submit_application(id, "{}", true, now)
        .await
        .expect("submit")
        .expect("draft");
    let shortlist = StaffDecision {
        application_id: id,
        from: ApplicationStatus::Submitted,
        to: ApplicationStatus::Shortlisted,
        kind: "shortlisted",
        reason: "good",
        actor_id: coordinator,
        mail: None,
        audit: AUDIT,
    };
    store
        .decide_application(&shortlist, now)
        .await
        .expect("decide")
        .expect("submitted");
    (candidate, id)
}
