//! `cohort session import FILE`: a session and its placements, checked whole first.

use super::open_store;
use crate::args::SessionCommand;
use anyhow::Context;
use cohort_app::sessions::{self, NewSession};
use cohort_app::Actor;
use cohort_domain::eligibility::RuleSet;
use cohort_domain::session::session_from_toml;

pub async fn run(command: SessionCommand) -> anyhow::Result<()> {
    let SessionCommand::Import { file, database } = command;
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let store = open_store(&database).await?;
    super::catalogue::seed_if_empty(&store).await?;
    let catalogue = store
        .catalogue()
        .await?
        .context("the database holds no catalogue")?;
    let mut read = session_from_toml(&text, &catalogue)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    if let Some(rules) = &read.rules_file {
        let path = file
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join(rules);
        let rules_text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "{}: cannot read the rules file {}",
                file.display(),
                path.display()
            )
        })?;
        read.session.rules = RuleSet::from_toml(&rules_text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    let code = read.session.code.clone();
    let app = super::app_without_files(store.clone(), "")?;
    let new = NewSession {
        session: read.session,
        placements: read.placements,
        review: None,
    };
    // the office's own use case: the code checked in the transaction, audited as `cli`
    let id = match sessions::create(&app, &Actor::System("cli"), &new).await {
        Ok(id) => id,
        Err(cohort_app::Error::Conflict { .. }) => anyhow::bail!(
            "{}: a session with the code {code} exists already",
            file.display()
        ),
        Err(other) => return Err(other.into()),
    };
    store.close().await;
    println!(
        "created session {code} (id {}) with {} placements",
        id.0,
        new.placements.len()
    );
    Ok(())
}
