//! The same store suite on SQLite and on PostgreSQL.

use cohort_domain::{Catalogue, UnitCode};
use cohort_store::{Backend, SqliteSync, Store};

const SMALL: &str = include_str!("../small-catalogue.toml");
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");

use crate::backends;

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

/// Every pooled connection commits as asked: held several at once so that more than one
/// connection is opened.
#[tokio::test]
async fn sqlite_commits_sync_as_asked() {
    for (sync, level) in [(SqliteSync::Normal, 1), (SqliteSync::Full, 2)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_with(&Store::sqlite_url_in(dir.path()), sync)
            .await
            .expect("open");
        let levels = tokio::join!(
            store.sqlite_synchronous(),
            store.sqlite_synchronous(),
            store.sqlite_synchronous(),
            store.sqlite_synchronous()
        );
        for got in [levels.0, levels.1, levels.2, levels.3] {
            assert_eq!(got.expect("pragma"), Some(level), "{sync:?}");
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let default = Store::open(&Store::sqlite_url_in(dir.path()))
        .await
        .expect("open");
    assert_eq!(default.sqlite_synchronous().await.expect("pragma"), Some(1));
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
