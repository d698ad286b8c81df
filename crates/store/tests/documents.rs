//! Application documents on SQLite and on PostgreSQL: one per kind, a second upload
//! replaces the first and hands back the old object key, only drafts change, and each
//! application has its own.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::demo_session;
use cohort_store::{insert_account, Conflict, DocumentKind, NewAccount, NewDocument, Store};

const NOW: i64 = 1_780_000_000_000;

#[macro_use]
mod backends;

on_both_backends!(
    an_application_starts_without_documents,
    one_document_per_kind_and_a_new_one_replaces_the_old,
    only_a_draft_takes_documents,
    each_application_has_its_own_documents,
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
        text: "Droit international",
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
        text: "",
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
