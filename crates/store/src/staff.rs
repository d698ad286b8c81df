//! Staff accounts and their scopes. A staff account is created confirmed and without a
//! usable password: its owner chooses one through a one-time link (printed by `cohort user
//! add`, or e-mailed with an invitation), so no password ever travels in a command line or
//! an e-mail.

use crate::accounts::{insert_account, insert_email_token, NewAccount};
use crate::outbox::{enqueue_mail, NewMail};
use crate::{Store, StoreError};

/// A password hash no password matches (not a PHC string): sign-in stays closed until the
/// owner sets one.
pub const NO_PASSWORD: &str = "!";

/// What creating a staff account needs.
#[derive(Debug)]
pub struct NewStaff<'a> {
    /// The account.
    pub account: NewAccount<'a>,
    /// Host units a reviewer works for (empty for other roles).
    pub units: &'a [String],
    /// Digest of the one-time token of the set-a-password link.
    pub token_hash: &'a str,
    /// When that link stops working, unix milliseconds.
    pub token_expires_at: i64,
    /// The invitation e-mail, when one is sent.
    pub mail: Option<NewMail<'a>>,
}

impl Store {
    /// Creates a confirmed staff account with its scope and set-a-password token, and queues
    /// the invitation, in one transaction. `None` when the address already has an account
    /// (nothing is written then).
    pub async fn create_staff(
        &self,
        new: &NewStaff<'_>,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let Some(id) = insert_account(&mut tx, &new.account, now).await? else {
            return Ok(None);
        };
        sqlx::query("UPDATE accounts SET verified_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for unit in new.units {
            sqlx::query("INSERT INTO reviewer_units (account_id, unit_code) VALUES ($1, $2)")
                .bind(id)
                .bind(unit)
                .execute(&mut *tx)
                .await?;
        }
        insert_email_token(&mut tx, new.token_hash, id, "reset", new.token_expires_at).await?;
        if let Some(mail) = &new.mail {
            enqueue_mail(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Every staff account (not candidates) with its units, by address.
    pub async fn staff_accounts(&self) -> Result<Vec<(crate::Account, Vec<String>)>, StoreError> {
        let accounts: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, email, role, verified_at FROM accounts \
             WHERE role IN ('reviewer', 'coordinator', 'administrator') ORDER BY email_key",
        )
        .fetch_all(&self.pool)
        .await?;
        let units: Vec<(i64, String)> =
            sqlx::query_as("SELECT account_id, unit_code FROM reviewer_units ORDER BY unit_code")
                .fetch_all(&self.pool)
                .await?;
        Ok(accounts
            .into_iter()
            .map(|(id, email, role, verified_at)| {
                let mine = units
                    .iter()
                    .filter(|(a, _)| *a == id)
                    .map(|(_, u)| u.clone())
                    .collect();
                let account = crate::Account {
                    id,
                    email,
                    // never read from a listing
                    password_hash: String::new(),
                    role,
                    lang: String::new(),
                    verified: verified_at.is_some(),
                };
                (account, mine)
            })
            .collect())
    }

    /// The host units a reviewer works for, sorted.
    pub async fn reviewer_units(&self, account_id: i64) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT unit_code FROM reviewer_units WHERE account_id = $1 ORDER BY unit_code",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(u,)| u).collect())
    }
}
