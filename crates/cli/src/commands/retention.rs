//! `cohort retention purge`: the retention purge once, now (see `cohort_app::jobs::retention`).

use crate::args::RetentionCommand;
use std::io::Write;

pub async fn run(command: RetentionCommand) -> anyhow::Result<()> {
    let RetentionCommand::Purge(args) = command;
    let store = super::open_store(&args.database).await?;
    let files =
        cohort_app::files::open_files(&super::serve::files_at(&args.files, &args.database))?;
    let now = cohort_mail::unix_millis();
    let purged = cohort_app::jobs::retention::purge(&store, files.as_ref(), now, "cli").await;
    store.close().await;
    let mut out = std::io::stdout().lock();
    let purged = purged?;
    if purged.is_empty() {
        writeln!(out, "nothing to purge")?;
    }
    for session in purged {
        writeln!(
            out,
            "session {}: {} application(s) and {} file(s) purged",
            session.session, session.applications, session.files
        )?;
    }
    Ok(())
}
