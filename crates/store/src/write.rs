//! Writers take turns. SQLite lets one transaction write at a time, and its busy handler
//! makes a waiting writer sleep in steps of up to 100 ms; under a deadline-day surge that
//! sleeping, not the work, set the pace. Queuing writers in-process instead wakes the next
//! one the moment the previous one commits. PostgreSQL needs no turn: rows lock, not files.

use crate::{Backend, Store, StoreError};
use sqlx::{Any, AnyConnection, Transaction};
use std::ops::{Deref, DerefMut};
use tokio::sync::OwnedMutexGuard;

/// A write transaction holding this process's writing turn (SQLite) until it ends.
#[derive(Debug)]
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// Commits, then gives the turn to the next writer.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Waits for this process's writing turn (SQLite only); hold it while writing.
    pub(crate) async fn turn(&self) -> Option<OwnedMutexGuard<()>> {
        match self.backend() {
            Backend::Sqlite => Some(self.writers.clone().lock_owned().await),
            Backend::Postgres => None,
        }
    }

    /// Starts a write transaction in turn; functions of this crate taking
    /// `&mut AnyConnection` run in it. Never call another `Store` write method while
    /// holding one: the turn is not re-entrant.
    pub async fn begin(&self) -> Result<WriteTx, StoreError> {
        let turn = self.turn().await;
        let tx = self.pool.begin().await?;
        Ok(WriteTx { tx, _turn: turn })
    }
}
