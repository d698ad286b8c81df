//! `cohort audit verify|export`: check the audit log's hash chain, or write it as CSV.

use crate::args::AuditCommand;
use anyhow::Context;
use cohort_store::{AuditEntry, Store};
use std::io::Write;
use std::path::Path;

/// The exit status of `audit verify` when the log is not intact: neither 1 (the check
/// could not run) nor 2 (a usage error), so that a scheduled check can tell them apart.
pub const NOT_INTACT_EXIT: u8 = 3;

/// `audit verify` found problems; they are printed already.
#[derive(Debug)]
pub struct NotIntact {
    problems: usize,
}

impl std::fmt::Display for NotIntact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the audit log is not intact: {} problem(s)",
            self.problems
        )
    }
}

impl std::error::Error for NotIntact {}

/// Entries read per query: the log may hold millions.
const BATCH: i64 = 1000;

const HEADER: &str =
    "seq,at,time_utc,actor_id,actor,action,subject,detail,address,prev_hash,hash\r\n";

pub async fn run(command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::Verify(database) => {
            let store = super::open_store(&database).await?;
            let report = store.verify_audit().await;
            store.close().await;
            let report = report?;
            let mut out = std::io::stdout().lock();
            if report.is_intact() {
                writeln!(out, "audit log intact: {} entries", report.entries)?;
                return Ok(());
            }
            for problem in &report.problems {
                writeln!(out, "{problem}")?;
            }
            Err(NotIntact {
                problems: report.problems.len(),
            }
            .into())
        }
        AuditCommand::Export { output, database } => {
            let store = super::open_store(&database).await?;
            let written = match output {
                Some(path) if path.as_os_str() != "-" => export_to_file(&store, &path).await,
                _ => export(&store, &mut std::io::stdout().lock()).await,
            };
            store.close().await;
            tracing::info!(entries = written?, "exported the audit log");
            Ok(())
        }
    }
}

/// Writes to `PATH.partial`, then renames: a failed export never looks like a whole one.
async fn export_to_file(store: &Store, path: &Path) -> anyhow::Result<u64> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let file = std::fs::File::create(&partial)
        .with_context(|| format!("cannot write {}", Path::new(&partial).display()))?;
    let written = export(store, &mut std::io::BufWriter::new(file)).await?;
    std::fs::rename(&partial, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(written)
}

/// The CSV, in seq order, a batch at a time; returns how many entries were written.
async fn export(store: &Store, out: &mut impl Write) -> anyhow::Result<u64> {
    out.write_all("\u{feff}".as_bytes())?;
    out.write_all(HEADER.as_bytes())?;
    let (mut after, mut written) = (0, 0);
    loop {
        let batch = store.audit_entries(after, BATCH).await?;
        for entry in &batch {
            write_row(out, entry)?;
        }
        written += batch.len() as u64;
        match batch.last() {
            Some(last) if batch.len() == BATCH as usize => after = last.seq,
            _ => break,
        }
    }
    out.flush()?;
    Ok(written)
}

fn write_row(out: &mut impl Write, entry: &AuditEntry) -> std::io::Result<()> {
    let time = jiff::Timestamp::from_millisecond(entry.at).map_or(String::new(), |t| t.to_string());
    let cells = [
        entry.seq.to_string(),
        entry.at.to_string(),
        time,
        entry.actor_id.map_or(String::new(), |id| id.to_string()),
        cell(&entry.actor),
        cell(&entry.action),
        cell(&entry.subject),
        cell(&entry.detail),
        entry.address.as_deref().map_or(String::new(), cell),
        entry.prev_hash.clone(),
        entry.hash.clone(),
    ];
    write!(out, "{}\r\n", cells.join(","))
}

/// A text cell. One starting with = + - @ (or a tab or carriage return, which some
/// spreadsheets skip first) gets a leading ' so that it is shown, not run as a formula;
/// one holding a comma, a quote or a line break is quoted.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_neutralised_and_separators_quoted() {
        assert_eq!(cell("ana@example.org"), "ana@example.org");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("{\"a\":1,\"b\":2}"), "\"{\"\"a\"\":1,\"\"b\"\":2}\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(""), "");
    }
}
