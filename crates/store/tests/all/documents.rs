//! Application documents on SQLite and on PostgreSQL: one per kind, a second upload
//! replaces the first and hands back the old object key, only drafts change, and each
//! application has its own; a CV's text is read later by one claimant at a time.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::demo_session;
use cohort_store::{insert_account, Conflict, DocumentKind, NewAccount, NewDocument, Store};

const NOW: i64 = 1_780_000_000_000;

use crate::backends;

on_both_backends!(
    an_application_starts_without_documents,
    one_document_per_kind_and_a_new_one_replaces_the_old,
    only_a_draft_takes_documents,
    each_application_has_its_own_documents,
    a_cv_is_read_once_by_whoever_claims_it,
    a_replaced_cv_is_not_given_the_old_ones_text,
    concurrent_readers_claim_each_cv_once,
);

/// A candidate with a draft application; returns (account id, application id).
async fn draft(store: &Store, email: &str) -> (i64, i64) {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: email,
        email,
        password_hash: "$argon2id$fake",
        role: "candidate",
        lang: "en",
    };
    let account = insert_account(&mut tx, &new, NOW)
        .await
        .expect("insert account")
        .expect("a new address");
    tx.commit().await.expect("commit");
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let mut session = demo_session(now, "Europe/Brussels").expect("demo session");
    session.code = format!("{}-{email}", session.code);
    let session = store
        .insert_session(&session, &[])
        .await
        .expect("insert session");
    let application = store
        .save_draft(account, session, &[], "x", NOW)
        .await
        .expect("save draft")
        .expect("a draft");
    (account, application)
}

fn new_document<'a>(application_id: i64, kind: DocumentKind, key: &'a str) -> NewDocument<'a> {
    NewDocument {
        application_id,
        kind,
        object_key: key,
        file_name: "Mon CV (final).pdf",
        size: 1234,
        sha256: "ab",
        text: Some("Droit international"),
    }
}

async fn an_application_starts_without_documents(store: Store) {
    let (_, application) = draft(&store, "ana@example.org").await;
    assert!(store
        .documents(application)
        .await
        .expect("documents")
        .is_empty());
    assert_eq!(
        store
            .document(application, DocumentKind::Cv)
            .await
            .expect("document"),
        None
    );
    assert!(!store.has_all_documents(application).await.expect("kinds"));
}

async fn one_document_per_kind_and_a_new_one_replaces_the_old(store: Store) {
    let (_, application) = draft(&store, "ana@example.org").await;
    let first = store
        .put_document(
            &new_document(application, DocumentKind::Cv, "documents/a"),
            NOW,
        )
        .await
        .expect("put");
    assert_eq!(first, Ok(None), "nothing replaced");
    assert_eq!(
        store.cv_text(application).await.expect("text"),
        "Droit international"
    );
    let letter = store
        .put_document(
            &new_document(application, DocumentKind::Letter, "documents/l"),
            NOW,
        )
        .await
        .expect("put");
    assert_eq!(letter, Ok(None));
    assert!(store.has_all_documents(application).await.expect("kinds"));
    let second = NewDocument {
        file_name: "cv-2.pdf",
        size: 99,
        sha256: "cd",
        text: Some(""),
        ..new_document(application, DocumentKind::Cv, "documents/b")
    };
    let replaced = store.put_document(&second, NOW + 1).await.expect("put");
    assert_eq!(replaced, Ok(Some("documents/a".to_owned())));
    let documents = store.documents(application).await.expect("documents");
    assert_eq!(
        documents.iter().map(|d| d.kind).collect::<Vec<_>>(),
        [DocumentKind::Cv, DocumentKind::Letter],
        "still one CV"
    );
    let cv = store
        .document(application, DocumentKind::Cv)
        .await
        .expect("document")
        .expect("a CV");
    assert_eq!(cv.object_key, "documents/b");
    assert_eq!(cv.file_name, "cv-2.pdf");
    assert_eq!((cv.size, cv.sha256.as_str()), (99, "cd"));
    assert_eq!(cv.uploaded_at, NOW + 1);
    assert_eq!(
        store.cv_text(application).await.expect("text"),
        "",
        "the new CV's text replaced the old one's"
    );
    assert_eq!(documents[0], cv);
    assert_eq!(
        store.document_kinds(application).await.expect("kinds"),
        DocumentKind::ALL
    );
}

async fn only_a_draft_takes_documents(store: Store) {
    let (_, application) = draft(&store, "ana@example.org").await;
    store
        .put_document(
            &new_document(application, DocumentKind::Cv, "documents/a"),
            NOW,
        )
        .await
        .expect("put")
        .expect("a draft");
    store
        .change_status(
            application,
            ApplicationStatus::Draft,
            ApplicationStatus::Submitted,
            "submitted",
            NOW,
        )
        .await
        .expect("submit")
        .expect("was a draft");
    let refused = store
        .put_document(
            &new_document(application, DocumentKind::Cv, "documents/b"),
            NOW,
        )
        .await
        .expect("put");
    assert_eq!(refused, Err(Conflict));
    let cv = store
        .document(application, DocumentKind::Cv)
        .await
        .expect("document")
        .expect("the first CV");
    assert_eq!(cv.object_key, "documents/a", "nothing changed");
    let unknown = store
        .put_document(&new_document(-1, DocumentKind::Cv, "documents/c"), NOW)
        .await
        .expect("put");
    assert_eq!(unknown, Err(Conflict), "no such application");
}

async fn each_application_has_its_own_documents(store: Store) {
    let (_, ana) = draft(&store, "ana@example.org").await;
    let (_, ben) = draft(&store, "ben@example.org").await;
    for (application, key) in [(ana, "documents/a"), (ben, "documents/b")] {
        store
            .put_document(&new_document(application, DocumentKind::Cv, key), NOW)
            .await
            .expect("put")
            .expect("a draft");
    }
    let only = |documents: Vec<cohort_store::DocumentRow>| {
        assert_eq!(documents.len(), 1);
        documents[0].object_key.clone()
    };
    assert_eq!(
        only(store.documents(ana).await.expect("documents")),
        "documents/a"
    );
    assert_eq!(
        only(store.documents(ben).await.expect("documents")),
        "documents/b"
    );
}

fn cv_to_read(application_id: i64, key: &str) -> NewDocument<'_> {
    NewDocument {
        text: None,
        ..new_document(application_id, DocumentKind::Cv, key)
    }
}

async fn a_cv_is_read_once_by_whoever_claims_it(store: Store) {
    let (_, application) = draft(&store, "ana@example.org").await;
    store
        .put_document(&cv_to_read(application, "documents/a"), NOW)
        .await
        .expect("put")
        .expect("a draft");
    assert_eq!(store.cvs_to_read().await.expect("count"), 1);
    assert_eq!(store.cv_text(application).await.expect("text"), "");
    let claimed = store
        .claim_cv_to_read(NOW, NOW + 60_000)
        .await
        .expect("claim")
        .expect("one to read");
    assert_eq!(
        (
            claimed.application_id,
            claimed.object_key.as_str(),
            claimed.attempts
        ),
        (application, "documents/a", 1)
    );
    assert_eq!(
        store
            .claim_cv_to_read(NOW + 1, NOW + 60_001)
            .await
            .expect("claim"),
        None,
        "held by the first claimant"
    );
    // the first claimant died: once its claim has run out, another takes it over
    let again = store
        .claim_cv_to_read(NOW + 60_000, NOW + 120_000)
        .await
        .expect("claim")
        .expect("claimable again");
    assert_eq!(again.attempts, 2);
    // the session's list, once the application is sent, learns that the text changed
    store
        .change_status(
            application,
            ApplicationStatus::Draft,
            ApplicationStatus::Submitted,
            "submitted",
            NOW,
        )
        .await
        .expect("submit")
        .expect("was a draft");
    let session = store.sessions().await.expect("sessions")[0].id;
    let before = store.applications_revision().await.expect("revision");
    assert!(store
        .save_cv_text(&again, "Droit international")
        .await
        .expect("save"));
    let after = store.applications_revision().await.expect("revision");
    assert!(after > before, "{before:?} then {after:?}");
    assert_eq!(
        store
            .cv_texts_saved_since(session, before.2)
            .await
            .expect("since"),
        [application]
    );
    assert!(store
        .cv_texts_saved_since(session, after.2)
        .await
        .expect("since")
        .is_empty());
    assert_eq!(
        store.cv_text(application).await.expect("text"),
        "Droit international"
    );
    assert_eq!(store.cvs_to_read().await.expect("count"), 0);
    assert!(
        !store.save_cv_text(&claimed, "late").await.expect("save"),
        "the slower claimant's text is not saved twice"
    );
    assert_eq!(
        store.applications_revision().await.expect("revision"),
        after
    );
    assert_eq!(
        store
            .claim_cv_to_read(NOW + 200_000, NOW + 260_000)
            .await
            .expect("claim"),
        None
    );
}

async fn a_replaced_cv_is_not_given_the_old_ones_text(store: Store) {
    let (_, application) = draft(&store, "ana@example.org").await;
    store
        .put_document(&cv_to_read(application, "documents/a"), NOW)
        .await
        .expect("put")
        .expect("a draft");
    let old = store
        .claim_cv_to_read(NOW, NOW + 60_000)
        .await
        .expect("claim")
        .expect("one to read");
    store
        .put_document(&cv_to_read(application, "documents/b"), NOW + 1)
        .await
        .expect("put")
        .expect("a draft");
    assert!(!store.save_cv_text(&old, "old text").await.expect("save"));
    assert_eq!(store.cv_text(application).await.expect("text"), "");
    // the new file is to read, with a claim of its own
    let new = store
        .claim_cv_to_read(NOW + 2, NOW + 60_002)
        .await
        .expect("claim")
        .expect("the new CV");
    assert_eq!((new.object_key.as_str(), new.attempts), ("documents/b", 1));
    store
        .release_cv_to_read(&new, NOW + 10)
        .await
        .expect("release");
    assert_eq!(
        store
            .claim_cv_to_read(NOW + 5, NOW + 60_005)
            .await
            .expect("claim"),
        None,
        "given back for later"
    );
    let later = store
        .claim_cv_to_read(NOW + 10, NOW + 60_010)
        .await
        .expect("claim")
        .expect("later");
    assert!(store.save_cv_text(&later, "new text").await.expect("save"));
    assert_eq!(store.cv_text(application).await.expect("text"), "new text");
}

/// Eight readers (as on several nodes) claiming at once: each of 12 CVs goes to one.
async fn concurrent_readers_claim_each_cv_once(store: Store) {
    for i in 0..12 {
        let (_, application) = draft(&store, &format!("c{i}@example.org")).await;
        let key = format!("documents/{i}");
        store
            .put_document(&cv_to_read(application, &key), NOW + i)
            .await
            .expect("put")
            .expect("a draft");
    }
    let readers = (0..8).map(|_| {
        let store = store.clone();
        tokio::spawn(async move {
            let mut mine = Vec::new();
            for _ in 0..20 {
                if let Some(cv) = store
                    .claim_cv_to_read(NOW + 100, NOW + 60_000)
                    .await
                    .expect("claim")
                {
                    mine.push(cv.object_key);
                }
            }
            mine
        })
    });
    let mut claimed = Vec::new();
    for reader in readers.collect::<Vec<_>>() {
        claimed.extend(reader.await.expect("reader"));
    }
    claimed.sort();
    let mut unique = claimed.clone();
    unique.dedup();
    assert_eq!(claimed, unique, "no CV claimed twice");
    assert_eq!(claimed.len(), 12, "every CV claimed: {claimed:?}");
}
