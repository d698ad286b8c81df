//! Accounts, one-time e-mail tokens, sign-in sessions and failed sign-ins.

use crate::{Limited, Store, StoreError};
use sqlx::{AnyConnection, Row};

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Database id.
    pub id: i64,
    /// The address as typed.
    pub email: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// `candidate`, `reviewer`, `coordinator` or `administrator`.
    pub role: String,
    /// Preferred language, `en` or `fr`.
    pub lang: String,
    /// Whether the address was confirmed.
    pub verified: bool,
}

/// What an insert needs.
#[derive(Debug)]
pub struct NewAccount<'a> {
    /// Lower-cased address.
    pub email_key: &'a str,
    /// Address as typed.
    pub email: &'a str,
    /// argon2id PHC string.
    pub password_hash: &'a str,
    /// Role.
    pub role: &'a str,
    /// Language.
    pub lang: &'a str,
}

/// A signed-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// The account.
    pub account: Account,
    /// The CSRF token of this session.
    pub csrf_token: String,
    /// When it was last used (Unix milliseconds; when it opened, if never since), for the
    /// idle timeout. Recorded at most once a minute, see [`Store::touch_sign_in`].
    pub last_seen_at: i64,
}

const ACCOUNT_COLUMNS: &str = "a.id, a.email, a.password_hash, a.role, a.lang, a.verified_at";

fn account(row: &sqlx::any::AnyRow) -> Result<Account, StoreError> {
    Ok(Account {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        password_hash: row.try_get("password_hash")?,
        role: row.try_get("role")?,
        lang: row.try_get("lang")?,
        verified: row.try_get::<Option<i64>, _>("verified_at")?.is_some(),
    })
}

/// Inserts an account; `None` when the address already has one.
pub async fn insert_account(
    conn: &mut AnyConnection,
    new: &NewAccount<'_>,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let id: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO accounts (email_key, email, password_hash, role, lang, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email_key) DO NOTHING RETURNING id",
    )
    .bind(new.email_key)
    .bind(new.email)
    .bind(new.password_hash)
    .bind(new.role)
    .bind(new.lang)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(|(id,)| id))
}

/// Stores a one-time token (its hash) for `purpose` (`verify` or `reset`).
pub async fn insert_email_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    account_id: i64,
    purpose: &str,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, account_id, purpose, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(purpose)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    /// The account with this lower-cased address.
    pub async fn account_by_email(&self, email_key: &str) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.email_key = $1");
        let row = sqlx::query(&sql)
            .bind(email_key)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(account).transpose()
    }

    /// Uses a one-time token: marks it used and returns its account, if it is valid for
    /// `purpose`, unused and not expired. Verification also confirms the address.
    pub async fn use_email_token(
        &self,
        token_hash: &str,
        purpose: &str,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let used: Option<(i64,)> = sqlx::query_as(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
             AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .bind(purpose)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((account_id,)) = used {
            if purpose == "verify" {
                sqlx::query(
                    "UPDATE accounts SET verified_at = $1 WHERE id = $2 AND verified_at IS NULL",
                )
                .bind(now)
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(used.map(|(id,)| id))
    }

    /// Whether a one-time token is valid for `purpose` (unused, not expired) without using
    /// it: a cheap look before costly work (hashing the new password).
    pub async fn email_token_valid(
        &self,
        token_hash: &str,
        purpose: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT account_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 \
             AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Sets a new password with a reset link's token, in one transaction: uses the token
    /// (once; unused, unexpired), voids every other reset link of the account, signs it out
    /// everywhere, confirms its address (the link proved it) and forgets its failed
    /// sign-ins, so that its owner gets in at once whatever an attacker keeps trying.
    /// `None` when the token is not valid.
    pub async fn reset_password(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Option<Account>, StoreError> {
        let mut tx = self.begin().await?;
        let used: Option<(i64,)> = sqlx::query_as(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = 'reset' \
             AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((account_id,)) = used else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE account_id = $2 AND purpose = 'reset' \
             AND used_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, \
             verified_at = CASE WHEN verified_at IS NULL THEN $2 ELSE verified_at END \
             WHERE id = $3",
        )
        .bind(password_hash)
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM user_sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1");
        let row = sqlx::query(&sql)
            .bind(account_id)
            .fetch_one(&mut *tx)
            .await?;
        let account = account(&row)?;
        let (email_key,): (String,) =
            sqlx::query_as("SELECT email_key FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(Limited::SignInAccount.subject(&email_key))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(account))
    }

    /// Replaces the password and signs the account out everywhere.
    pub async fn set_password(
        &self,
        account_id: i64,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM user_sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Opens a sign-in session (a "sign-in", to tell it from a programme session).
    pub async fn insert_sign_in(
        &self,
        token_hash: &str,
        account_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO user_sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(csrf_token)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The live session with this token hash, with its account.
    pub async fn sign_in(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, s.csrf_token, COALESCE(s.last_seen_at, s.created_at) AS last_seen \
             FROM user_sessions s \
             JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(SessionRow {
                account: account(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                last_seen_at: row.try_get("last_seen")?,
            })
        })
        .transpose()
    }

    /// Records that a sign-in was used at `now`, unless that was already recorded less than
    /// `min_gap` milliseconds ago (so that a busy visitor costs one write a minute, not one a
    /// request). Whether a write happened.
    pub async fn touch_sign_in(
        &self,
        token_hash: &str,
        now: i64,
        min_gap: i64,
    ) -> Result<bool, StoreError> {
        let _turn = self.turn().await;
        let done = sqlx::query(
            "UPDATE user_sessions SET last_seen_at = $1 WHERE token_hash = $2 \
             AND COALESCE(last_seen_at, created_at) <= $3",
        )
        .bind(now)
        .bind(token_hash)
        .bind(now - min_gap)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(done > 0)
    }

    /// Gives an account a new calendar feed (its token's hash), revoking the old one.
    pub async fn replace_calendar_feed(
        &self,
        account_id: i64,
        token_hash: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM calendar_feeds WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO calendar_feeds (token_hash, account_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Revokes an account's calendar feed; whether there was one.
    pub async fn revoke_calendar_feed(&self, account_id: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let gone = sqlx::query("DELETE FROM calendar_feeds WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(gone > 0)
    }

    /// Whether the account has a calendar feed.
    pub async fn has_calendar_feed(&self, account_id: i64) -> Result<bool, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT created_at FROM calendar_feeds WHERE account_id = $1")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some())
    }

    /// The account whose calendar feed has this token hash.
    pub async fn calendar_feed_account(
        &self,
        token_hash: &str,
    ) -> Result<Option<Account>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id \
             WHERE f.token_hash = $1"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(account).transpose()
    }

    /// Ends a session.
    pub async fn delete_sign_in(&self, token_hash: &str) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        sqlx::query("DELETE FROM user_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
