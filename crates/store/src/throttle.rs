//! Rate limits shared by every node: e-mail quotas and failed sign-ins, each reserved by
//! one conditional statement (`INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`), so
//! that concurrent requests on one or several nodes never get more than the limit. The
//! rules are `cohort_domain::limits`; see there for what they mean.

use crate::{Store, StoreError};
use cohort_domain::limits::{FailureLimit, Quota};

/// What a limit is counted for; with a key (an address, a client address) it makes a
/// subject, `purpose:key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    /// Sign-in failures for an e-mail address (lower-cased).
    SignInAccount,
    /// Sign-in failures from a client address.
    SignInClient,
    /// Registrations for an e-mail address (lower-cased).
    RegisterEmail,
    /// Registrations from a client address.
    RegisterClient,
    /// Password-reset requests for an e-mail address (lower-cased).
    ResetEmail,
    /// Password-reset requests from a client address.
    ResetClient,
}

impl Limited {
    /// The purpose's name in subjects.
    pub fn as_str(self) -> &'static str {
        match self {
            Limited::SignInAccount => "signin-account",
            Limited::SignInClient => "signin-client",
            Limited::RegisterEmail => "register-email",
            Limited::RegisterClient => "register-client",
            Limited::ResetEmail => "reset-email",
            Limited::ResetClient => "reset-client",
        }
    }

    /// The subject counting this purpose for `key`.
    pub fn subject(self, key: &str) -> String {
        format!("{}:{key}", self.as_str())
    }
}

/// The answer to a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// Go ahead.
    Granted,
    /// Not before this instant (Unix ms).
    Refused {
        /// When to try again.
        retry_at: i64,
    },
}

/// What [`Store::purge_expired`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExpiredPurge {
    /// Quota and sign-in failure rows that no longer limit anything.
    pub limits: u64,
    /// One-time e-mail links past their expiry.
    pub tokens: u64,
    /// Sign-ins past their expiry.
    pub sign_ins: u64,
}

impl Store {
    /// Takes one request of `quota` for `subject` at `now`, or says when one will be
    /// granted. Exact under concurrency: the check and the count are one statement.
    pub async fn take_quota(
        &self,
        subject: &str,
        quota: Quota,
        now: i64,
    ) -> Result<Grant, StoreError> {
        let _turn = self.turn().await;
        let granted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO rate_quotas (subject, tat) VALUES ($1, $2 + $3) \
             ON CONFLICT (subject) DO UPDATE SET tat = \
             (CASE WHEN rate_quotas.tat > $2 THEN rate_quotas.tat ELSE $2 END) + $3 \
             WHERE rate_quotas.tat <= $2 + $4 RETURNING tat",
        )
        .bind(subject)
        .bind(now)
        .bind(quota.every_ms)
        .bind(quota.tolerance_ms())
        .fetch_optional(&self.pool)
        .await?;
        if granted.is_some() {
            return Ok(Grant::Granted);
        }
        let (tat,): (i64,) = sqlx::query_as("SELECT tat FROM rate_quotas WHERE subject = $1")
            .bind(subject)
            .fetch_one(&self.pool)
            .await?;
        Ok(Grant::Refused {
            retry_at: quota.retry_at(tat),
        })
    }

    /// Reserves a sign-in attempt for every subject (e.g. the account, then the client
    /// address), counting it as a failure before the password is checked: all of them or
    /// none, in one transaction. Refused while any subject waits out its delay; then
    /// nothing is counted. A granted attempt that turns out right is given back with
    /// [`Store::sign_in_succeeded`].
    pub async fn reserve_sign_in(
        &self,
        subjects: &[(&str, FailureLimit)],
        now: i64,
    ) -> Result<Grant, StoreError> {
        let mut tx = self.begin().await?;
        for (subject, limit) in subjects {
            // the row lock taken here (PostgreSQL) or the write turn (SQLite) holds other
            // reservations of this subject until this transaction ends
            let counted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO sign_in_failures (subject, failures, last_at, next_at) \
                 VALUES ($1, 1, $2, $2) \
                 ON CONFLICT (subject) DO UPDATE SET \
                 failures = CASE WHEN sign_in_failures.last_at <= $2 - $3 THEN 1 \
                 ELSE sign_in_failures.failures + 1 END, last_at = $2 \
                 WHERE sign_in_failures.next_at <= $2 RETURNING failures",
            )
            .bind(*subject)
            .bind(now)
            .bind(limit.window_ms)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((failures,)) = counted else {
                let (next_at,): (i64,) =
                    sqlx::query_as("SELECT next_at FROM sign_in_failures WHERE subject = $1")
                        .bind(*subject)
                        .fetch_one(&mut *tx)
                        .await?;
                // dropping the transaction rolls back what the other subjects counted
                return Ok(Grant::Refused { retry_at: next_at });
            };
            sqlx::query("UPDATE sign_in_failures SET next_at = $1 WHERE subject = $2")
                .bind(now + limit.delay_after(failures))
                .bind(*subject)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Grant::Granted)
    }

    /// A reserved attempt had the right password: the account's failures are forgotten
    /// (its owner proved the password), and the client's count gets this attempt back.
    pub async fn sign_in_succeeded(
        &self,
        account_subject: &str,
        client_subject: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(account_subject)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE sign_in_failures SET failures = failures - 1 \
             WHERE subject = $1 AND failures > 0",
        )
        .bind(client_subject)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Forgets the sign-in failures of `subject` (e.g. after its owner reset the password
    /// through the mailed link).
    pub async fn clear_sign_in_failures(&self, subject: &str) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The failures counted for `subject` now (0 without a row), for tests and operators.
    pub async fn sign_in_failures(&self, subject: &str) -> Result<i64, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT failures FROM sign_in_failures WHERE subject = $1")
                .bind(subject)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map_or(0, |(n,)| n))
    }

    /// Deletes what no longer counts at `now`: quota rows whose theoretical arrival time
    /// has passed (the same as no row), sign-in failures quiet for `failure_window_ms` and
    /// past their delay (the same as no row), expired one-time links and expired sign-ins.
    pub async fn purge_expired(
        &self,
        now: i64,
        failure_window_ms: i64,
    ) -> Result<ExpiredPurge, StoreError> {
        let mut tx = self.begin().await?;
        let quotas = sqlx::query("DELETE FROM rate_quotas WHERE tat <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let failures =
            sqlx::query("DELETE FROM sign_in_failures WHERE last_at <= $1 AND next_at <= $2")
                .bind(now - failure_window_ms)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let tokens = sqlx::query("DELETE FROM email_tokens WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let sign_ins = sqlx::query("DELETE FROM user_sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(ExpiredPurge {
            limits: quotas + failures,
            tokens,
            sign_ins,
        })
    }
}
