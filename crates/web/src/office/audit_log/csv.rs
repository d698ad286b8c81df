//! The audit log as CSV, with the conventions of the list's exports (`office/export.rs`):
//! UTF-8 with a byte-order mark, `;` between cells in French, formulas neutralised. Written
//! a batch at a time to a file, so that memory stays flat however long the log is.

use super::rfc3339;
use crate::office::export::{csv_line, delimiter, neutralise};
use cohort_i18n::Tr;
use cohort_store::{AuditEntry, AuditFilter, Store, StoreError};
use tokio::io::AsyncWriteExt;

/// The columns, by message key.
const COLUMNS: [&str; 7] = [
    "audit-col-seq",
    "audit-col-at",
    "audit-col-actor",
    "audit-col-action",
    "audit-col-subject",
    "audit-col-detail",
    "audit-col-address",
];

/// Entries read from the store at a time.
const BATCH: i64 = 1000;

/// The header line in `tr`'s language.
pub fn header(tr: &Tr<'_>) -> String {
    let titles: Vec<String> = COLUMNS.iter().map(|key| tr.t(key)).collect();
    csv_line(&titles, delimiter(tr.lang))
}

/// One entry's line, its cells neutralised.
pub fn line(entry: &AuditEntry, tr: &Tr<'_>) -> String {
    let cells: Vec<String> = [
        entry.seq.to_string(),
        rfc3339(entry.at),
        entry.actor.clone(),
        entry.action.clone(),
        entry.subject.clone(),
        entry.detail.clone(),
        entry.address.clone().unwrap_or_default(),
    ]
    .iter()
    .map(|c| neutralise(c))
    .collect();
    csv_line(&cells, delimiter(tr.lang))
}

/// Writes every entry matching `filter`, newest first, to `file`; returns how many.
pub async fn write(
    store: &Store,
    filter: &AuditFilter,
    tr: &Tr<'_>,
    file: &mut tokio::fs::File,
) -> Result<usize, WriteError> {
    file.write_all("\u{feff}".as_bytes()).await?;
    file.write_all(header(tr).as_bytes()).await?;
    let (mut before, mut rows) = (None, 0);
    loop {
        let batch = store.audit_page(filter, before, BATCH).await?;
        let Some(last) = batch.last() else { break };
        before = Some(last.seq);
        let mut text = String::new();
        for entry in &batch {
            text.push_str(&line(entry, tr));
        }
        file.write_all(text.as_bytes()).await?;
        rows += batch.len();
    }
    file.flush().await?;
    Ok(rows)
}

/// Why the file could not be written (ours, never the caller's).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Reading the log.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the file.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
