//! Candidates' profiles on SQLite and on PostgreSQL: none until saved, saved whole,
//! replaced by the next save, one per account.

use cohort_store::{insert_account, NewAccount, Store};

const NOW: i64 = 1_780_000_000_000;

use crate::backends;

on_both_backends!(
    no_profile_until_one_is_saved,
    a_saved_profile_reads_back_verbatim,
    a_second_save_replaces_the_first,
    each_account_has_its_own_profile,
);

async fn account(store: &Store, email: &str) -> i64 {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: email,
        email,
        password_hash: "$argon2id$test",
        role: "candidate",
        lang: "en",
    };
    let id = insert_account(&mut tx, &new, NOW)
        .await
        .expect("insert")
        .expect("a new address");
    tx.commit().await.expect("commit");
    id
}

async fn no_profile_until_one_is_saved(store: Store) {
    let id = account(&store, "ana@example.org").await;
    assert_eq!(store.profile(id).await.expect("read"), None);
    assert_eq!(store.profile(id + 1000).await.expect("read"), None);
}

async fn a_saved_profile_reads_back_verbatim(store: Store) {
    let id = account(&store, "ana@example.org").await;
    // accents, quotes, markup and a non-BMP character survive untouched
    let json = r#"{"given_names":"Ana María","family_name":"<script>alert(\"x\")</script> 𝔸"}"#;
    store.save_profile(id, json, NOW).await.expect("save");
    assert_eq!(
        store.profile(id).await.expect("read").as_deref(),
        Some(json)
    );
}

async fn a_second_save_replaces_the_first(store: Store) {
    let id = account(&store, "ana@example.org").await;
    store
        .save_profile(id, r#"{"city":"Mons"}"#, NOW)
        .await
        .expect("first");
    store
        .save_profile(id, r#"{"city":"Brussels"}"#, NOW + 1)
        .await
        .expect("second");
    assert_eq!(
        store.profile(id).await.expect("read").as_deref(),
        Some(r#"{"city":"Brussels"}"#)
    );
}

async fn each_account_has_its_own_profile(store: Store) {
    let ana = account(&store, "ana@example.org").await;
    let ben = account(&store, "ben@example.org").await;
    store
        .save_profile(ana, r#"{"city":"Mons"}"#, NOW)
        .await
        .expect("save");
    assert_eq!(store.profile(ben).await.expect("read"), None);
    store
        .save_profile(ben, r#"{"city":"Oslo"}"#, NOW)
        .await
        .expect("save");
    assert_eq!(
        store.profile(ana).await.expect("read").as_deref(),
        Some(r#"{"city":"Mons"}"#)
    );
}
