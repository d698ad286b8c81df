//! A person's own data on SQLite and on PostgreSQL: read whole for an export, and deleted
//! whole with the account, leaving anonymous counts that a session still reports.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, SessionId};
use cohort_store::{
    enqueue_mail, insert_account, insert_email_token, DocumentKind, NewAccount, NewDocument,
    NewMail, Store,
};

const NOW: i64 = 1_780_000_000_000;

use crate::backends;

on_both_backends!(
    personal_data_is_the_accounts_own,
    deleting_an_account_erases_it_and_keeps_anonymous_counts,
    a_sign_in_remembers_when_it_was_last_used_at_most_once_a_minute,
);

async fn account(store: &Store, email: &str) -> i64 {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: &email.to_lowercase(),
        email,
        password_hash: "$argon2id$fake",
        role: "candidate",
        lang: "en",
    };
    let id = insert_account(&mut tx, &new, NOW)
        .await
        .expect("insert account")
        .expect("a new address");
    insert_email_token(&mut tx, &format!("token-{email}"), id, "verify", NOW + 1000)
        .await
        .expect("token");
    let mail = NewMail {
        to: email,
        lang: "en",
        subject: "Welcome",
        body_text: "Hello",
    };
    enqueue_mail(&mut tx, &mail, NOW).await.expect("mail");
    tx.commit().await.expect("commit");
    id
}

async fn session(store: &Store, code: &str) -> SessionId {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let mut session = demo_session(now, "Europe/Brussels").expect("demo session");
    session.code = code.to_owned();
    store
        .insert_session(&session, &[])
        .await
        .expect("insert session")
}

/// A draft with a CV; returns the application id.
async fn draft(store: &Store, account: i64, session: SessionId, words: &str) -> i64 {
    let application = store
        .save_draft(account, session, &[], words, NOW)
        .await
        .expect("save draft")
        .expect("a draft");
    let key = format!("documents/{words}");
    let new = NewDocument {
        application_id: application,
        kind: DocumentKind::Cv,
        object_key: &key,
        file_name: "cv.pdf",
        size: 10,
        sha256: "ab",
        text: Some(""),
    };
    store
        .put_document(&new, NOW)
        .await
        .expect("put")
        .expect("a draft");
    application
}

async fn submit(store: &Store, application: i64) {
    store
        .change_status(
            application,
            ApplicationStatus::Draft,
            ApplicationStatus::Submitted,
            "submitted",
            NOW + 1,
        )
        .await
        .expect("submit")
        .expect("was a draft");
}

async fn personal_data_is_the_accounts_own(store: Store) {
    let ana = account(&store, "ana@example.org").await;
    let ben = account(&store, "ben@example.org").await;
    let spring = session(&store, "spring").await;
    let autumn = session(&store, "autumn").await;
    store
        .save_profile(ana, r#"{"given_names":"Ana"}"#, NOW)
        .await
        .expect("profile");
    let ana_spring = draft(&store, ana, spring, "ana-spring").await;
    submit(&store, ana_spring).await;
    draft(&store, ana, autumn, "ana-autumn").await;
    draft(&store, ben, spring, "ben-spring").await;

    let data = store
        .personal_data(ana)
        .await
        .expect("read")
        .expect("an account");
    assert_eq!(data.email, "ana@example.org");
    assert_eq!(data.created_at, NOW);
    assert_eq!(data.profile.as_deref(), Some(r#"{"given_names":"Ana"}"#));
    let codes: Vec<&str> = data
        .applications
        .iter()
        .map(|a| a.session_code.as_str())
        .collect();
    assert_eq!(codes, ["spring", "autumn"]);
    let first = &data.applications[0];
    assert_eq!(first.status, ApplicationStatus::Submitted);
    assert_eq!(first.motivation, "ana-spring");
    assert_eq!(first.submitted_at, Some(NOW + 1));
    let kinds: Vec<&str> = first.timeline.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "submitted"]);
    assert_eq!(first.documents.len(), 1);
    assert_eq!(first.documents[0].object_key, "documents/ana-spring");
    let ben_data = store.personal_data(ben).await.expect("read").expect("Ben");
    assert_eq!(ben_data.profile, None);
    assert_eq!(ben_data.applications.len(), 1);
    assert_eq!(ben_data.applications[0].motivation, "ben-spring");
    assert_eq!(
        store.personal_data(ben + ana + 100).await.expect("read"),
        None
    );
}

async fn deleting_an_account_erases_it_and_keeps_anonymous_counts(store: Store) {
    let ana = account(&store, "Ana@Example.org").await;
    let ben = account(&store, "ben@example.org").await;
    let spring = session(&store, "spring").await;
    let autumn = session(&store, "autumn").await;
    store.save_profile(ana, "{}", NOW).await.expect("profile");
    store
        .insert_sign_in("sign-in-ana", ana, "csrf", NOW, NOW + 1000)
        .await
        .expect("sign in");
    let ana_spring = draft(&store, ana, spring, "ana-spring").await;
    submit(&store, ana_spring).await;
    draft(&store, ana, autumn, "ana-autumn").await;
    let ben_spring = draft(&store, ben, spring, "ben-spring").await;
    let before = store.application_counts(spring).await.expect("counts");
    assert_eq!(before.of(ApplicationStatus::Submitted), 1);
    assert_eq!(before.of(ApplicationStatus::Draft), 1);

    let mut keys = store
        .delete_account(ana, NOW + 2)
        .await
        .expect("delete")
        .expect("an account");
    keys.sort();
    assert_eq!(keys, ["documents/ana-autumn", "documents/ana-spring"]);

    assert_eq!(
        store.application_counts(spring).await.expect("counts"),
        before
    );
    let autumn_counts = store.application_counts(autumn).await.expect("counts");
    assert_eq!(autumn_counts.of(ApplicationStatus::Draft), 1);
    assert_eq!(autumn_counts.total(), 1);
    assert_eq!(store.personal_data(ana).await.expect("read"), None);
    assert_eq!(
        store
            .account_by_email("ana@example.org")
            .await
            .expect("read"),
        None
    );
    assert_eq!(store.profile(ana).await.expect("read"), None);
    assert_eq!(store.application(ana, spring).await.expect("read"), None);
    assert!(store.documents(ana_spring).await.expect("read").is_empty());
    assert!(store
        .application_events(ana_spring)
        .await
        .expect("read")
        .is_empty());
    assert_eq!(store.sign_in("sign-in-ana", NOW).await.expect("read"), None);
    assert_eq!(
        store
            .use_email_token("token-Ana@Example.org", "verify", NOW)
            .await
            .expect("read"),
        None
    );
    let mails = store.pending_mail(NOW + 10, 100).await.expect("outbox");
    let recipients: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(recipients, ["ben@example.org"]);
    // Ben's application is untouched
    assert_eq!(store.documents(ben_spring).await.expect("read").len(), 1);
    assert!(store
        .application(ben, spring)
        .await
        .expect("read")
        .is_some());
    // deleting twice finds nothing; the address is free again
    assert_eq!(
        store.delete_account(ana, NOW + 3).await.expect("delete"),
        None
    );
    account(&store, "ana@example.org").await;
}

/// The idle timeout reads `last_seen_at`: the opening time at first, then the last
/// recorded use, written only when the previous one is at least `min_gap` old.
async fn a_sign_in_remembers_when_it_was_last_used_at_most_once_a_minute(store: Store) {
    let ana = account(&store, "ana@example.org").await;
    store
        .insert_sign_in("sign-in-ana", ana, "csrf", NOW, NOW + 3_600_000)
        .await
        .expect("sign in");
    let seen = |store: Store| async move {
        store
            .sign_in("sign-in-ana", NOW + 1)
            .await
            .expect("read")
            .expect("live")
            .last_seen_at
    };
    assert_eq!(seen(store.clone()).await, NOW, "never used: when it opened");
    let touched = store
        .touch_sign_in("sign-in-ana", NOW + 30_000, 60_000)
        .await
        .expect("touch");
    assert!(!touched, "30 s later: nothing written");
    assert_eq!(seen(store.clone()).await, NOW);
    let touched = store
        .touch_sign_in("sign-in-ana", NOW + 61_000, 60_000)
        .await
        .expect("touch");
    assert!(touched, "a minute later: written");
    assert_eq!(seen(store.clone()).await, NOW + 61_000);
    assert!(!store
        .touch_sign_in("sign-in-ana", NOW + 62_000, 60_000)
        .await
        .expect("touch"));
    assert!(!store
        .touch_sign_in("no-such-sign-in", NOW + 900_000, 60_000)
        .await
        .expect("touch"));
}
