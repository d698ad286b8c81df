//! The audit log: who did what to which record, when and from where, appended and never
//! changed. Entries are numbered 1, 2, 3… without gaps, and each carries the hash of the
//! one before it, so that tampering shows:
//!
//! - an edited entry no longer matches its own hash;
//! - a deleted entry leaves a gap in the numbers;
//! - an inserted, reordered or rewritten entry no longer links to the one before it;
//! - a cut tail no longer matches `audit_head`, the row that records the last entry.
//!
//! `hash` is SHA-256, in lower-case hex, of this encoding, in which every field has a fixed
//! width or a length prefix, so that two different entries never encode the same bytes:
//!
//! ```text
//! "cohort-audit-v1"                            the format's name and version
//! seq, at                                      i64, 8 bytes big-endian each
//! actor_id                                     0x00, or 0x01 and i64 8 bytes big-endian
//! actor, action, subject, detail               u64 big-endian byte length, then UTF-8
//! address                                      0x00, or 0x01 and length-prefixed UTF-8
//! prev_hash                                    length-prefixed (64 zeros for entry 1)
//! ```
//!
//! Someone who can write the database can still rewrite the whole chain and its head; a
//! last hash kept elsewhere (`cohort audit export`) catches that too.

mod verify;

pub use verify::{AuditProblem, AuditProblemKind, AuditReport};

use crate::{Store, StoreError};
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The `prev_hash` of entry 1, and the hash an empty log's head records.
pub const AUDIT_GENESIS_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// An entry to append, borrowed from the caller.
#[derive(Debug, Clone, Copy)]
pub struct NewAuditEntry<'a> {
    /// The account that acted, if any (kept as a number: the account may be deleted later).
    pub actor_id: Option<i64>,
    /// Who acted, readable on its own: an e-mail address, `system` or `cli`.
    pub actor: &'a str,
    /// What was done, e.g. `application.view`, `application.status`, `audit.purge`.
    pub action: &'a str,
    /// What it was done to, e.g. `application:42`.
    pub subject: &'a str,
    /// More about it, as JSON text; `{}` when there is nothing to add.
    pub detail: &'a str,
    /// The client's IP address, when there is a client.
    pub address: Option<&'a str>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Its number: 1, 2, 3… without gaps.
    pub seq: i64,
    /// When, unix milliseconds.
    pub at: i64,
    /// The account that acted, if any.
    pub actor_id: Option<i64>,
    /// Who acted.
    pub actor: String,
    /// What was done.
    pub action: String,
    /// What it was done to.
    pub subject: String,
    /// More about it, JSON text.
    pub detail: String,
    /// The client's IP address.
    pub address: Option<String>,
    /// The hash of entry `seq - 1` ([`AUDIT_GENESIS_HASH`] for entry 1).
    pub prev_hash: String,
    /// The hash of this entry (see the module documentation).
    pub hash: String,
}

impl AuditEntry {
    /// The hash this entry should carry, computed again from its fields.
    pub fn computed_hash(&self) -> String {
        let fields = NewAuditEntry {
            actor_id: self.actor_id,
            actor: &self.actor,
            action: &self.action,
            subject: &self.subject,
            detail: &self.detail,
            address: self.address.as_deref(),
        };
        chain_hash(self.seq, self.at, &fields, &self.prev_hash)
    }
}

/// Which entries an administrator is browsing: each given field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this actor's entries: the actor as recorded (`system`, `cli`, an address), or
    /// a staff member's address, which the log records followed by their role in brackets.
    pub actor: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only entries about this subject.
    pub subject: Option<String>,
    /// Only entries at or after this instant (unix milliseconds).
    pub from: Option<i64>,
    /// Only entries before this instant (unix milliseconds).
    pub until: Option<i64>,
}

/// A bound value of a browsing query.
enum Bound<'a> {
    Text(&'a str),
    Int(i64),
}

/// Appends `entry` on `conn`, inside the caller's transaction (`&mut tx` of
/// [`Store::begin`]), so that the entry exists exactly when the change it records was
/// committed. Returns its seq. Appends take turns on the `audit_head` row (a row lock on
/// PostgreSQL; SQLite writers already take turns), which keeps the seqs gapless and the
/// chain without forks.
#[tracing::instrument(skip_all, fields(action = entry.action))]
pub async fn append_audit(
    conn: &mut sqlx::AnyConnection,
    entry: &NewAuditEntry<'_>,
    now: i64,
) -> Result<i64, StoreError> {
    // The hash column is not changed here, so RETURNING gives the previous entry's hash.
    let head: Option<(i64, String)> =
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
            .fetch_optional(&mut *conn)
            .await?;
    let (seq, prev_hash) =
        head.ok_or_else(|| StoreError::Corrupt("the audit log's head row is missing".into()))?;
    let hash = chain_hash(seq, now, entry, &prev_hash);
    sqlx::query(
        "INSERT INTO audit_log \
         (seq, at, actor_id, actor, action, subject, detail, address, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(seq)
    .bind(now)
    .bind(entry.actor_id)
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.subject)
    .bind(entry.detail)
    .bind(entry.address)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    Ok(seq)
}

const COLUMNS: &str = "seq, at, actor_id, actor, action, subject, detail, address, prev_hash, hash";

impl Store {
    /// Appends `entry` in a transaction of its own, for callers that change nothing else
    /// (e.g. recording that a record was viewed). Returns its seq.
    pub async fn audit(&self, entry: &NewAuditEntry<'_>, now: i64) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let seq = append_audit(&mut tx, entry, now).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Up to `limit` entries after seq `after_seq`, in seq order: page through the whole
    /// log with the last seq of each batch.
    pub async fn audit_entries(
        &self,
        after_seq: i64,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
        ))
        .bind(after_seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(entry)
        .collect()
    }

    /// Up to `limit` entries matching `filter`, newest first, before seq `before_seq`
    /// (from the newest when `None`): an administrator's browsing page.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let mut conditions = Vec::new();
        let mut values: Vec<Bound<'_>> = Vec::new();
        fn next<'a>(value: Bound<'a>, values: &mut Vec<Bound<'a>>) -> String {
            values.push(value);
            format!("${}", values.len())
        }
        // the label of a staff member is "address (role)": their address alone finds it
        let labelled = filter.actor.as_ref().map(|a| format!("{a} ("));
        if let (Some(actor), Some(prefix)) = (&filter.actor, &labelled) {
            let exact = next(Bound::Text(actor), &mut values);
            let start = next(Bound::Text(prefix), &mut values);
            conditions.push(format!(
                "(actor = {exact} OR substr(actor, 1, length({start})) = {start})"
            ));
        }
        for (column, value) in [("action", &filter.action), ("subject", &filter.subject)] {
            if let Some(value) = value {
                let n = next(Bound::Text(value), &mut values);
                conditions.push(format!("{column} = {n}"));
            }
        }
        if let Some(from) = filter.from {
            let n = next(Bound::Int(from), &mut values);
            conditions.push(format!("at >= {n}"));
        }
        if let Some(until) = filter.until {
            let n = next(Bound::Int(until), &mut values);
            conditions.push(format!("at < {n}"));
        }
        let before = next(Bound::Int(before_seq.unwrap_or(i64::MAX)), &mut values);
        conditions.push(format!("seq < {before}"));
        let limit_at = next(Bound::Int(limit), &mut values);
        let sql = format!(
            "SELECT {COLUMNS} FROM audit_log WHERE {} ORDER BY seq DESC LIMIT {limit_at}",
            conditions.join(" AND ")
        );
        let mut query = sqlx::query(&sql);
        for value in values {
            query = match value {
                Bound::Text(text) => query.bind(text),
                Bound::Int(n) => query.bind(n),
            };
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(entry)
            .collect()
    }

    /// The seq and hash of the last entry as the head records them; `(0, genesis)` when
    /// the log is empty or its head row is gone.
    pub(crate) async fn audit_head(&self) -> Result<(i64, String), StoreError> {
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(head.unwrap_or_else(|| (0, AUDIT_GENESIS_HASH.to_owned())))
    }
}

/// SHA-256 of the encoding described in the module documentation, lower-case hex.
fn chain_hash(seq: i64, at: i64, entry: &NewAuditEntry<'_>, prev_hash: &str) -> String {
    fn text(hasher: &mut Sha256, value: &str) {
        hasher.update((value.len() as u64).to_be_bytes());
        hasher.update(value.as_bytes());
    }
    let mut hasher = Sha256::new();
    hasher.update(b"cohort-audit-v1");
    hasher.update(seq.to_be_bytes());
    hasher.update(at.to_be_bytes());
    match entry.actor_id {
        None => hasher.update([0]),
        Some(id) => {
            hasher.update([1]);
            hasher.update(id.to_be_bytes());
        }
    }
    for value in [entry.actor, entry.action, entry.subject, entry.detail] {
        text(&mut hasher, value);
    }
    match entry.address {
        None => hasher.update([0]),
        Some(address) => {
            hasher.update([1]);
            text(&mut hasher, address);
        }
    }
    text(&mut hasher, prev_hash);
    format!("{:x}", hasher.finalize())
}

fn entry(row: &AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        actor_id: row.try_get("actor_id")?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        subject: row.try_get("subject")?,
        detail: row.try_get("detail")?,
        address: row.try_get("address")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(detail: &str) -> NewAuditEntry<'_> {
        NewAuditEntry {
            actor_id: Some(7),
            actor: "ana@example.org",
            action: "application.view",
            subject: "application:42",
            detail,
            address: None,
        }
    }

    #[test]
    fn the_hash_is_lower_case_hex_sha256_and_stable() {
        let hash = chain_hash(1, 1_780_000_000_000, &new("{}"), AUDIT_GENESIS_HASH);
        assert_eq!(hash.len(), 64);
        assert!(hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        assert_eq!(
            hash,
            chain_hash(1, 1_780_000_000_000, &new("{}"), AUDIT_GENESIS_HASH)
        );
    }

    #[test]
    fn moving_bytes_between_fields_changes_the_hash() {
        let one = NewAuditEntry {
            actor: "ab",
            action: "c",
            ..new("{}")
        };
        let two = NewAuditEntry {
            actor: "a",
            action: "bc",
            ..new("{}")
        };
        let no_address = NewAuditEntry {
            address: None,
            ..new("")
        };
        let empty_address = NewAuditEntry {
            address: Some(""),
            ..new("")
        };
        let no_actor = NewAuditEntry {
            actor_id: None,
            ..new("")
        };
        let hash = |e: &NewAuditEntry<'_>| chain_hash(1, 2, e, AUDIT_GENESIS_HASH);
        assert_ne!(hash(&one), hash(&two));
        assert_ne!(hash(&no_address), hash(&empty_address));
        assert_ne!(hash(&no_actor), hash(&new("")));
    }
}
