//! The same store suite on SQLite and on PostgreSQL.
//!
//! PostgreSQL comes from `COHORT_TEST_POSTGRES_URL` (a server URL whose user may create
//! databases), which `./scripts/test` sets after starting a throwaway cluster. Each test
//! gets a database of its own.

use cohort_domain::{Catalogue, UnitCode};
use cohort_store::{Backend, Store};
use sqlx::Connection;

const SMALL: &str = include_str!("small-catalogue.toml");
const NATO: &str = include_str!("../../../catalogue/nato-international-staff.toml");

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
    let name = format!("cohort_test_{}", std::process::id() as u64 * 1000 + next());
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
    a_fresh_database_is_migrated_and_empty,
    migrating_again_changes_nothing,
    an_imported_catalogue_reads_back_equal,
    a_second_import_replaces_the_first_and_bumps_the_revision,
    the_nato_catalogue_survives_the_round_trip,
);

async fn a_fresh_database_is_migrated_and_empty(store: Store) {
    store.ping().await.expect("ping");
    assert_eq!(store.catalogue().await.expect("read"), None);
    assert_eq!(store.catalogue_revision().await.expect("revision"), 0);
    match store.backend() {
        Backend::Sqlite => assert_eq!(
            store
                .sqlite_journal_mode()
                .await
                .expect("pragma")
                .as_deref(),
            Some("wal")
        ),
        Backend::Postgres => assert_eq!(store.sqlite_journal_mode().await.expect("none"), None),
    }
}

async fn migrating_again_changes_nothing(store: Store) {
    let catalogue = Catalogue::from_toml(SMALL).expect("valid");
    store.replace_catalogue(&catalogue).await.expect("import");
    store.migrate().await.expect("second migration run");
    assert_eq!(store.catalogue().await.expect("read"), Some(catalogue));
}

async fn an_imported_catalogue_reads_back_equal(store: Store) {
    let catalogue = Catalogue::from_toml(SMALL).expect("valid");
    store.replace_catalogue(&catalogue).await.expect("import");
    let stored = store
        .catalogue()
        .await
        .expect("read")
        .expect("some catalogue");
    assert_eq!(stored, catalogue);
    assert_eq!(stored.to_toml(), SMALL, "quotes, accents and order survive");
}

async fn a_second_import_replaces_the_first_and_bumps_the_revision(store: Store) {
    let first = Catalogue::from_toml(SMALL).expect("valid");
    store.replace_catalogue(&first).await.expect("import");
    assert_eq!(store.catalogue_revision().await.expect("revision"), 1);
    let second = Catalogue::from_toml(NATO).expect("valid");
    store.replace_catalogue(&second).await.expect("import");
    assert_eq!(store.catalogue_revision().await.expect("revision"), 2);
    let stored = store
        .catalogue()
        .await
        .expect("read")
        .expect("some catalogue");
    assert_eq!(stored, second);
    let gone = UnitCode::parse("LEGAL").expect("code");
    assert!(
        stored.unit(&gone).is_none(),
        "units of the first import are gone"
    );
}

async fn the_nato_catalogue_survives_the_round_trip(store: Store) {
    let catalogue = Catalogue::from_toml(NATO).expect("the shipped catalogue is valid");
    store.replace_catalogue(&catalogue).await.expect("import");
    let stored = store
        .catalogue()
        .await
        .expect("read")
        .expect("some catalogue");
    assert_eq!(stored.to_toml(), NATO);
}
