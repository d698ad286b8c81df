//! `cohort catalogue import|export`, and the default catalogue compiled into the binary.

use crate::args::CatalogueCommand;
use anyhow::Context;
use cohort_domain::session::{demo_session, placements_from_toml};
use cohort_domain::Catalogue;
use std::io::Write;

/// The NATO International Staff catalogue, loaded on first start.
pub const DEFAULT_CATALOGUE: &str =
    include_str!("../../../../catalogue/nato-international-staff.toml");

pub async fn run(command: CatalogueCommand) -> anyhow::Result<()> {
    match command {
        CatalogueCommand::Import { file, database } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            // Validate before touching the database: a bad file changes nothing.
            let catalogue = Catalogue::from_toml(&text)
                .with_context(|| format!("{}: the catalogue was not imported", file.display()))?;
            let store = super::open_store(&database).await?;
            store.replace_catalogue(&catalogue).await?;
            store.close().await;
            eprintln!(
                "imported {} units and {} testimonials from {}",
                catalogue.units().len(),
                catalogue.testimonials().len(),
                file.display()
            );
            Ok(())
        }
        CatalogueCommand::Export { output, database } => {
            let store = super::open_store(&database).await?;
            let catalogue = store.catalogue().await?;
            store.close().await;
            let catalogue = catalogue.context("the database holds no catalogue yet")?;
            let text = catalogue.to_toml();
            match output {
                Some(path) if path.as_os_str() != "-" => std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display())),
                _ => Ok(std::io::stdout().lock().write_all(text.as_bytes())?),
            }
        }
    }
}

/// Demo placements for the demo session.
pub const DEMO_PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

/// On first start: loads the default catalogue and opens a demo session with placements
/// across the catalogue's units, so that a fresh installation has something to show.
pub async fn seed_if_empty(store: &cohort_store::Store) -> anyhow::Result<()> {
    if store.catalogue_revision().await? != 0 {
        return Ok(());
    }
    let catalogue = Catalogue::from_toml(DEFAULT_CATALOGUE)
        .context("the built-in catalogue is invalid (a bug)")?;
    store.replace_catalogue(&catalogue).await?;
    tracing::info!(
        units = catalogue.units().len(),
        "loaded the default catalogue"
    );
    if store.sessions().await?.is_empty() {
        let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels")
            .context("cannot build the demo session (a bug)")?;
        let placements = placements_from_toml(DEMO_PLACEMENTS, &catalogue, session.id)
            .context("the built-in demo placements are invalid (a bug)")?;
        store.insert_session(&session, &placements).await?;
        tracing::info!(placements = placements.len(), "opened the demo session");
    }
    Ok(())
}
