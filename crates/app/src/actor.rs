//! Who acts: a candidate, a member of staff, or the system (a job, the command line),
//! with the client's address when there is a client. The audit log names them by
//! [`Actor::label`].

use cohort_domain::{Permission, Role};
use cohort_store::NewAuditEntry;

/// Who acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in candidate.
    Candidate {
        /// Their account.
        account_id: i64,
        /// The client's IP address.
        address: String,
    },
    /// A signed-in member of staff.
    Staff {
        /// Their account.
        account_id: i64,
        /// Their e-mail address, as the audit log names them.
        email: String,
        /// Their role.
        role: Role,
        /// The units a reviewer reviews for (empty for other roles).
        units: Vec<String>,
        /// The client's IP address.
        address: String,
    },
    /// Cohort itself: a periodic job (`system`) or the command line (`cli`).
    System(&'static str),
}

impl Actor {
    /// What the audit log names them by: `ana@example.org (coordinator)`, `cli`.
    pub fn label(&self) -> String {
        match self {
            Actor::Candidate { account_id, .. } => format!("account:{account_id}"),
            Actor::Staff { email, role, .. } => format!("{email} ({})", role.as_str()),
            Actor::System(name) => (*name).to_owned(),
        }
    }

    /// Whether they may do what `permission` covers; the system may do anything.
    pub fn may(&self, permission: Permission) -> bool {
        match self {
            Actor::Candidate { .. } => Role::Candidate.may(permission),
            Actor::Staff { role, .. } => role.may(permission),
            Actor::System(_) => true,
        }
    }

    /// An audit entry of theirs; `label` is [`Actor::label`] (borrowed, so the caller
    /// keeps it alive).
    pub fn audit_entry<'a>(
        &'a self,
        label: &'a str,
        action: &'a str,
        subject: &'a str,
        detail: &'a str,
    ) -> NewAuditEntry<'a> {
        let (actor_id, address) = match self {
            Actor::Candidate {
                account_id,
                address,
            }
            | Actor::Staff {
                account_id,
                address,
                ..
            } => (Some(*account_id), Some(address.as_str())),
            Actor::System(_) => (None, None),
        };
        NewAuditEntry {
            actor_id,
            actor: label,
            action,
            subject,
            detail,
            address,
        }
    }
}
