//! Opening a database: backend by URL scheme, migrations on open.

use crate::StoreError;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use std::sync::Once;
use std::time::Duration;

/// Which database engine a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite, WAL mode.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    fn of(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl(url.to_owned()))
        }
    }
}

/// When a SQLite commit reaches the disk (`PRAGMA synchronous`, WAL mode).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SqliteSync {
    /// The WAL is synced at checkpoints, not at every commit: a committed transaction
    /// survives the process being killed (the kernel holds it) but the last ones may roll
    /// back after a power loss or an OS crash; the database is never corrupted. Several
    /// times faster on deadline day, so the default.
    #[default]
    Normal,
    /// Every commit waits for the WAL to be synced: also survives a power loss.
    Full,
}

impl SqliteSync {
    fn pragma(self) -> &'static str {
        match self {
            SqliteSync::Normal => "PRAGMA synchronous = NORMAL",
            SqliteSync::Full => "PRAGMA synchronous = FULL",
        }
    }
}

/// The database: the single source of truth.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Backend,
    /// Writers queue here on SQLite (see `write.rs`).
    pub(crate) writers: std::sync::Arc<tokio::sync::Mutex<()>>,
}

static DRIVERS: Once = Once::new();

impl Store {
    /// Connects to `url` (`sqlite://PATH?mode=rwc` or `postgres://…`) and applies pending
    /// migrations; SQLite commits with [`SqliteSync::Normal`].
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, SqliteSync::default()).await
    }

    /// [`Store::open`] with the SQLite commit durability chosen (ignored on PostgreSQL).
    #[tracing::instrument]
    pub async fn open_with(url: &str, sync: SqliteSync) -> Result<Store, StoreError> {
        let backend = Backend::of(url)?;
        DRIVERS.call_once(sqlx::any::install_default_drivers);
        let pool = AnyPoolOptions::new()
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        sqlx::query(sync.pragma()).execute(conn).await?;
                    }
                    Ok(())
                })
            })
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await?;
        if backend == Backend::Sqlite {
            // WAL is a property of the database file: set once, every connection uses it.
            // Readers never wait for the writer, and a crash loses no committed transaction.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let store = Store {
            pool,
            backend,
            writers: Default::default(),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// The SQLite URL for the database file inside a data directory.
    pub fn sqlite_url_in(data_dir: &std::path::Path) -> String {
        format!("sqlite://{}?mode=rwc", data_dir.join("cohort.db").display())
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Which engine this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The SQLite journal mode (`wal` expected); `None` on PostgreSQL.
    pub async fn sqlite_journal_mode(&self) -> Result<Option<String>, StoreError> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        let mode: (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(mode.0))
    }

    /// The SQLite `synchronous` level of a pooled connection (1 normal, 2 full); `None`
    /// on PostgreSQL.
    pub async fn sqlite_synchronous(&self) -> Result<Option<i64>, StoreError> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        let level: (i64,) = sqlx::query_as("PRAGMA synchronous")
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(level.0))
    }

    /// Closes every connection (graceful shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
