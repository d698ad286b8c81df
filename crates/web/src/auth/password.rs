//! argon2id hashing, off the async threads (it is deliberately slow) and behind a
//! [`Gate`]: each hash or check holds ~19 MiB for its duration (the crate's recommended
//! parameters), so at most one per CPU runs, a few more wait, and the rest are refused
//! (503 with `Retry-After`) rather than taking the server's memory.

use super::argon2_memory;
use crate::gate::{Gate, GateError, Ticket, WorkLimit};
use argon2::password_hash::PasswordHash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Why a hash or a check did not happen.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Too many are running and waiting: try again in a moment.
    #[error("password hashing is saturated")]
    Busy,
    /// Our fault.
    #[error("password hashing failed: {0}")]
    Failed(String),
}

impl From<GateError> for PasswordError {
    fn from(e: GateError) -> PasswordError {
        match e {
            GateError::Full => PasswordError::Busy,
            GateError::Failed => PasswordError::Failed(e.to_string()),
        }
    }
}

/// Password hashing and checking for one server; cheap to clone.
#[derive(Debug, Clone)]
pub struct Passwords {
    gate: Gate,
    /// A hash of a random password nobody knows, made at the first check of an unknown
    /// address.
    dummy: Arc<tokio::sync::OnceCell<String>>,
    checks: Arc<AtomicU64>,
}

impl Passwords {
    /// With at most `limit` hashes running and waiting.
    pub fn new(limit: WorkLimit) -> Passwords {
        Passwords {
            gate: Gate::new(limit),
            dummy: Arc::default(),
            checks: Arc::default(),
        }
    }

    /// A place for one hash or check, or [`PasswordError::Busy`] at once when the gate is
    /// full: take it before counting the request against a rate limit.
    pub fn admit(&self) -> Result<Admitted, PasswordError> {
        Ok(Admitted {
            ticket: self.gate.admit()?,
            passwords: self.clone(),
        })
    }

    /// Hashes a password into a PHC string (argon2id, the crate's recommended parameters).
    pub async fn hash(&self, password: String) -> Result<String, PasswordError> {
        self.admit()?.hash(password).await
    }

    /// Whether `password` matches `phc` (see [`Admitted::verify`]).
    pub async fn verify(
        &self,
        password: String,
        phc: Option<String>,
    ) -> Result<bool, PasswordError> {
        self.admit()?.verify(password, phc).await
    }

    async fn dummy(&self) -> Result<String, PasswordError> {
        self.dummy
            .get_or_try_init(|| self.hash(cohort_app::tokens::random_token()))
            .await
            .cloned()
    }

    /// How many passwords were checked (argon2 run on a sign-in attempt) since start.
    pub fn checks(&self) -> u64 {
        self.checks.load(Ordering::SeqCst)
    }

    /// The most hashes or checks that ever ran at once.
    pub fn peak_running(&self) -> usize {
        self.gate.peak_running()
    }

    /// The gate's limit.
    pub fn limit(&self) -> WorkLimit {
        self.gate.limit()
    }
}

/// A place for one hash or check.
#[derive(Debug)]
pub struct Admitted {
    ticket: Ticket,
    passwords: Passwords,
}

impl Admitted {
    /// Hashes a password into a PHC string (argon2id, the crate's recommended parameters).
    pub async fn hash(self, password: String) -> Result<String, PasswordError> {
        self.ticket
            .run(move || argon2_memory::hash(password.as_bytes()).map_err(PasswordError::Failed))
            .await?
    }

    /// Whether `password` matches `phc`. With no stored hash, or one that is not a PHC
    /// string (a staff account whose owner has not chosen a password yet), nothing matches
    /// but the same time is spent, so that response times do not tell which accounts exist.
    pub async fn verify(
        self,
        password: String,
        phc: Option<String>,
    ) -> Result<bool, PasswordError> {
        let phc = phc.filter(|p| PasswordHash::new(p).is_ok());
        let known = phc.is_some();
        let stored = match phc {
            Some(phc) => phc,
            None => self.passwords.dummy().await?,
        };
        let checks = self.passwords.checks.clone();
        let matches = self
            .ticket
            .run(move || {
                checks.fetch_add(1, Ordering::SeqCst);
                let parsed =
                    PasswordHash::new(&stored).map_err(|e| PasswordError::Failed(e.to_string()))?;
                argon2_memory::verify(password.as_bytes(), &parsed).map_err(PasswordError::Failed)
            })
            .await??;
        Ok(matches && known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passwords() -> Passwords {
        Passwords::new(WorkLimit {
            at_once: 2,
            queued: 2,
        })
    }

    #[tokio::test]
    async fn hashes_verify_and_differ() {
        let p = passwords();
        let a = p.hash("correct horse battery".into()).await.expect("hash");
        let b = p.hash("correct horse battery".into()).await.expect("hash");
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(p
            .verify("correct horse battery".into(), Some(a.clone()))
            .await
            .expect("verify"));
        assert!(!p
            .verify("wrong horse battery".into(), Some(a))
            .await
            .expect("verify"));
        assert!(!p
            .verify("anything at all".into(), None)
            .await
            .expect("verify"));
        assert!(
            !p.verify("!".into(), Some(cohort_store::NO_PASSWORD.into()))
                .await
                .expect("verify"),
            "a password-less account matches nothing"
        );
        assert_eq!(p.checks(), 4, "every check counted, unknown accounts too");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_flood_runs_at_most_the_limit_and_refuses_the_rest() {
        let p = passwords();
        let jobs: Vec<_> = (0..12)
            .map(|i| {
                let p = p.clone();
                tokio::spawn(async move { p.hash(format!("password number {i}")).await })
            })
            .collect();
        let mut hashed = 0;
        let mut busy = 0;
        for job in jobs {
            match job.await.expect("join") {
                Ok(_) => hashed += 1,
                Err(PasswordError::Busy) => busy += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(hashed + busy, 12);
        assert!(hashed >= 4, "running and queued ones finish: {hashed}");
        assert!(p.peak_running() <= 2, "{}", p.peak_running());
    }
}
