//! Checking the audit chain, in batches: the log may hold millions of entries.

use super::{AuditEntry, AUDIT_GENESIS_HASH};
use crate::{Store, StoreError};
use std::fmt;

/// Entries read per query while verifying.
const BATCH: i64 = 1000;

/// What [`Store::verify_audit`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    /// How many entries were checked.
    pub entries: u64,
    /// Every problem found, in seq order; empty when the log is intact.
    pub problems: Vec<AuditProblem>,
}

impl AuditReport {
    /// No problem found.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// One sign of tampering, at entry `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditProblem {
    /// The entry it was found at (for [`AuditProblemKind::HeadMismatch`], the last entry
    /// the head records).
    pub seq: i64,
    /// What is wrong.
    pub kind: AuditProblemKind,
}

/// What is wrong with an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditProblemKind {
    /// Its stored hash does not match its contents: it was edited.
    Edited,
    /// Entries `expected_seq` to `seq - 1` are gone: they were deleted.
    Missing {
        /// The first missing seq.
        expected_seq: i64,
    },
    /// Its `prev_hash` is not the previous entry's hash: entries were reordered, inserted
    /// or rewritten.
    BrokenLink,
    /// The head does not record the last entry: the tail was cut, added to or rewritten.
    HeadMismatch {
        /// The seq of the last entry actually stored (0 when none).
        last_seq: i64,
    },
}

impl fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq;
        match self.kind {
            AuditProblemKind::Edited => write!(
                f,
                "entry {seq} was edited: its stored hash does not match its contents"
            ),
            AuditProblemKind::Missing { expected_seq } if expected_seq == seq - 1 => write!(
                f,
                "entry {expected_seq} is missing before entry {seq}: it was deleted"
            ),
            AuditProblemKind::Missing { expected_seq } => write!(
                f,
                "entries {expected_seq} to {} are missing before entry {seq}: they were deleted",
                seq - 1
            ),
            AuditProblemKind::BrokenLink => write!(
                f,
                "entry {seq} does not link to the entry before it: entries were reordered, \
                 inserted or rewritten"
            ),
            AuditProblemKind::HeadMismatch { last_seq } if last_seq < seq => write!(
                f,
                "the log ends at entry {last_seq} but its head records entry {seq}: \
                 the entries after {last_seq} were cut off"
            ),
            AuditProblemKind::HeadMismatch { last_seq } if last_seq > seq => write!(
                f,
                "the log goes on to entry {last_seq} but its head records entry {seq}: \
                 the entries after {seq} were added by hand"
            ),
            AuditProblemKind::HeadMismatch { .. } => write!(
                f,
                "entry {seq}, the last, does not have the hash its head records: \
                 the tail was rewritten"
            ),
        }
    }
}

/// The state of a walk along the chain.
struct Walk {
    /// The last entry seen: its seq (0 before any) and hash.
    last_seq: i64,
    last_hash: String,
    entries: u64,
    problems: Vec<AuditProblem>,
}

impl Walk {
    fn check(&mut self, entry: &AuditEntry) {
        let mut problem = |kind| {
            self.problems.push(AuditProblem {
                seq: entry.seq,
                kind,
            })
        };
        if entry.computed_hash() != entry.hash {
            problem(AuditProblemKind::Edited);
        }
        let expected_seq = self.last_seq + 1;
        if entry.seq != expected_seq {
            // Across a gap the link is broken by necessity: one problem, not two.
            problem(AuditProblemKind::Missing { expected_seq });
        } else if entry.prev_hash != self.last_hash {
            problem(AuditProblemKind::BrokenLink);
        }
        self.entries += 1;
        self.last_seq = entry.seq;
        self.last_hash.clone_from(&entry.hash);
    }
}

impl Store {
    /// Walks the whole audit log in seq order, checking every entry's hash, number and
    /// link, then the head; reports every problem, not only the first. Entries appended
    /// meanwhile are checked or left out, never reported.
    pub async fn verify_audit(&self) -> Result<AuditReport, StoreError> {
        let mut walk = Walk {
            last_seq: 0,
            last_hash: AUDIT_GENESIS_HASH.to_owned(),
            entries: 0,
            problems: Vec::new(),
        };
        self.walk_audit(&mut walk, i64::MAX).await?;
        // Read after the walk: an entry and its head change commit together, so every entry
        // seen so far is at or before this head, unless it was added around the log.
        let (head_seq, head_hash) = self.audit_head().await?;
        if head_seq > walk.last_seq {
            // Entries appended during the walk (or none: then the tail was cut).
            self.walk_audit(&mut walk, head_seq).await?;
        }
        if (walk.last_seq, walk.last_hash.as_str()) != (head_seq, head_hash.as_str()) {
            walk.problems.push(AuditProblem {
                seq: head_seq,
                kind: AuditProblemKind::HeadMismatch {
                    last_seq: walk.last_seq,
                },
            });
        }
        Ok(AuditReport {
            entries: walk.entries,
            problems: walk.problems,
        })
    }

    /// Checks the entries after the walk's last one, up to seq `upto`.
    async fn walk_audit(&self, walk: &mut Walk, upto: i64) -> Result<(), StoreError> {
        loop {
            let batch = self.audit_entries(walk.last_seq, BATCH).await?;
            for entry in &batch {
                if entry.seq > upto {
                    return Ok(());
                }
                walk.check(entry);
            }
            if batch.len() < BATCH as usize {
                return Ok(());
            }
        }
    }
}
