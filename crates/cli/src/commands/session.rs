//! `cohort session import FILE`: a session and its placements, checked whole first.

use super::open_store;
use crate::args::SessionCommand;
use anyhow::Context;
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
    if store.sessions().await?.iter().any(|s| s.code == code) {
        anyhow::bail!(
            "{}: a session with the code {code} exists already",
            file.display()
        );
    }
    let id = store
        .insert_session(&read.session, &read.placements)
        .await?;
    println!(
        "created session {code} (id {}) with {} placements",
        id.0,
        read.placements.len()
    );
    Ok(())
}
