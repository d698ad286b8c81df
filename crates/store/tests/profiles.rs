//! Candidates' profiles on SQLite and on PostgreSQL: none until saved, saved whole,
//! replaced by the next save, one per account.
//!
//! PostgreSQL comes from `COHORT_TEST_POSTGRES_URL` (a server URL whose user may create
//! databases), which `./scripts/test` sets after starting a throwaway cluster. Each test
//! gets a database of its own.

use cohort_store::{insert_account, NewAccount, Store};
use sqlx::Connection;

const NOW: i64 = 1_780_000_000_000;

struct Fresh {
    store: Store,
    _dir: Option<tempfile::TempDir>,
}

async fn sqlite() -> Fresh {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&Store::sqlite_url_in(dir.path()))
        .await
        .expect("open sqlite");
    Fresh {
        store,
        _dir: Some(dir),
    }
}

async fn postgres() -> Fresh {
    let admin = std::env::var("COHORT_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "COHORT_TEST_POSTGRES_URL is not set: these tests need a PostgreSQL server. \
             Run ./scripts/test, which installs and starts one, or set it to postgres://USER@HOST:PORT/postgres"
        )
    });
    sqlx::any::install_default_drivers();
    let name = format!(
        "cohort_profiles_{}",
        std::process::id() as u64 * 1000 + next()
    );
    let mut conn = sqlx::AnyConnection::connect(&admin)
        .await
        .expect("connect to PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create db");
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    let store = Store::open(&format!("{base}/{name}"))
        .await
        .expect("open postgres");
    Fresh { store, _dir: None }
}

fn next() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $( #[tokio::test] async fn $name() { super::$name(super::sqlite().await.store).await } )*
        }
        mod on_postgres {
            $( #[tokio::test] async fn $name() { super::$name(super::postgres().await.store).await } )*
        }
    };
}

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
