//! `cohort migrate`.

use crate::args::DatabaseArgs;

pub async fn run(args: &DatabaseArgs) -> anyhow::Result<()> {
    let store = super::open_store(args).await?;
    tracing::info!(backend = ?store.backend(), "database is up to date");
    store.close().await;
    Ok(())
}
