//! A fresh, migrated database per test, on SQLite and on PostgreSQL, and the macro that
//! runs one test body on both.
//!
//! PostgreSQL comes from `COHORT_TEST_POSTGRES_URL` (a server URL whose user may create
//! databases), which `./scripts/test` sets after starting a throwaway cluster.

use cohort_store::Store;
use sqlx::Connection;

/// A migrated, empty database, removed (SQLite) or abandoned (PostgreSQL) with the test.
pub struct Fresh {
    pub store: Store,
    /// For a second connection of the test's own.
    #[allow(dead_code)]
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

pub async fn sqlite() -> Fresh {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = Store::sqlite_url_in(dir.path());
    let store = Store::open(&url).await.expect("open sqlite");
    Fresh {
        store,
        url,
        _dir: Some(dir),
    }
}

pub async fn postgres() -> Fresh {
    let admin = std::env::var("COHORT_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "COHORT_TEST_POSTGRES_URL is not set: these tests need a PostgreSQL server. \
             Run ./scripts/test, which installs and starts one, or set it to postgres://USER@HOST:PORT/postgres"
        )
    });
    sqlx::any::install_default_drivers();
    let name = format!("cohort_test_{}_{}", std::process::id(), next());
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
    let url = format!("{base}/{name}");
    let store = Store::open(&url).await.expect("open postgres");
    Fresh {
        store,
        url,
        _dir: None,
    }
}

fn next() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// `on_both_backends!(a, b)` runs `async fn a(store: Store)` on SQLite and on PostgreSQL.
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $( #[tokio::test] async fn $name() { super::$name(super::backends::sqlite().await.store).await } )*
        }
        mod on_postgres {
            $( #[tokio::test] async fn $name() { super::$name(super::backends::postgres().await.store).await } )*
        }
    };
}

/// Like `on_both_backends!`, for bodies that take the whole [`Fresh`] (to open a
/// connection of their own).
#[allow(unused_macros)]
macro_rules! on_both_backends_fresh {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $( #[tokio::test] async fn $name() { super::$name(super::backends::sqlite().await).await } )*
        }
        mod on_postgres {
            $( #[tokio::test] async fn $name() { super::$name(super::backends::postgres().await).await } )*
        }
    };
}
