//! Accounts as the API and the pages both use them: register, confirm the address, sign in
//! and out. The handlers only read their request and shape their answer.

use crate::api::ApiError;
use crate::auth::password;
use crate::auth::session::SESSION_MILLIS;
use crate::auth::tokens::{digest, random_token};
use crate::mail_templates::{compose, MailBook};
use crate::state::AppState;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::{Email, EmailError, Lang, NewPassword, PasswordProblem};
use cohort_store::{
    enqueue_mail, insert_account, insert_email_token, Account, NewAccount, NewMail,
};
use std::net::IpAddr;

pub(crate) const HOUR: i64 = 60 * 60 * 1000;
/// Failed sign-ins tolerated per account and per address within [`LIMIT_WINDOW`].
const LIMIT_PER_ACCOUNT: i64 = 5;
const LIMIT_PER_ADDRESS: i64 = 20;
const LIMIT_WINDOW: i64 = HOUR / 4;

pub(crate) fn email_problem(e: EmailError) -> ApiError {
    let key = match e {
        EmailError::Empty => "account-email-empty",
        EmailError::TooLong => "account-email-too-long",
        EmailError::Malformed => "account-email-malformed",
    };
    ApiError::Invalid {
        field: "email",
        key,
    }
}

pub(crate) fn password_problem(p: PasswordProblem) -> ApiError {
    let key = match p {
        PasswordProblem::TooShort => "account-password-too-short",
        PasswordProblem::TooLong => "account-password-too-long",
        PasswordProblem::TooCommon => "account-password-too-common",
        PasswordProblem::ContainsEmail => "account-password-contains-email",
    };
    ApiError::Invalid {
        field: "password",
        key,
    }
}

fn local_part(email: &Email) -> &str {
    email.as_str().split('@').next().unwrap_or("")
}

/// Creates an account and e-mails a confirmation link (through the outbox). The outcome is
/// the same whether or not the address already has an account (its owner is told by
/// e-mail instead). Every refused field is an [`ApiError::Invalid`].
pub async fn register(
    state: &AppState,
    email: &str,
    password: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    let email = Email::parse(email).map_err(email_problem)?;
    let new_password =
        NewPassword::parse(password, local_part(&email)).map_err(password_problem)?;
    let hash = password::hash(new_password.expose().to_owned())
        .await
        .map_err(ApiError::internal)?;
    let now = state.settings.now();
    let token = random_token();
    let result: Result<(), cohort_store::StoreError> = async {
        let book = MailBook::load(&state.store).await?;
        let mut tx = state.store.begin().await?;
        let new = NewAccount {
            email_key: &email.key(),
            email: email.as_str(),
            password_hash: &hash,
            role: "candidate",
            lang: lang.code(),
        };
        let mail = match insert_account(&mut tx, &new, now).await? {
            Some(id) => {
                insert_email_token(&mut tx, &digest(&token), id, "verify", now + 48 * HOUR).await?;
                let link = format!("{}/verify?token={token}", state.settings.public_url);
                book.compose(&state.locales, MailKind::Verify, lang, &[("link", link)])
            }
            None => {
                let link = format!("{}/password-reset", state.settings.public_url);
                book.compose(&state.locales, MailKind::Exists, lang, &[("link", link)])
            }
        };
        let Rendered {
            subject,
            body: text,
        } = mail;
        let mail = NewMail {
            to: email.as_str(),
            lang: lang.code(),
            subject: &subject,
            body_text: &text,
        };
        enqueue_mail(&mut tx, &mail, now).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result.map_err(ApiError::internal)?;
    tracing::info!(domain = email.domain(), "registration accepted");
    Ok(())
}

/// Confirms an address with the token of the e-mailed link.
pub async fn verify(state: &AppState, token: &str) -> Result<(), ApiError> {
    let used = state
        .store
        .use_email_token(&digest(token.trim()), "verify", state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    used.map(|_| ()).ok_or(ApiError::BadToken)
}

/// A new sign-in: the cookie's token (only its digest is stored) and the CSRF token.
#[derive(Debug)]
pub struct NewSignIn {
    /// The account.
    pub account: Account,
    /// Goes in the session cookie.
    pub token: String,
    /// Goes back with every state-changing request.
    pub csrf_token: String,
}

/// Signs in, limiting failed attempts per account and per address.
pub async fn login(
    state: &AppState,
    peer: IpAddr,
    email: &str,
    password: String,
) -> Result<NewSignIn, ApiError> {
    let key = email.trim().to_lowercase();
    let subjects = [format!("account:{key}"), format!("address:{peer}")];
    let now = state.settings.now();
    let store = &state.store;
    let account_failures = store
        .login_failures_since(&subjects[0], now - LIMIT_WINDOW)
        .await
        .map_err(ApiError::internal)?;
    let address_failures = store
        .login_failures_since(&subjects[1], now - LIMIT_WINDOW)
        .await
        .map_err(ApiError::internal)?;
    if account_failures >= LIMIT_PER_ACCOUNT || address_failures >= LIMIT_PER_ADDRESS {
        return Err(ApiError::RateLimited);
    }
    let account = store
        .account_by_email(&key)
        .await
        .map_err(ApiError::internal)?;
    let matches = password::verify(password, account.as_ref().map(|a| a.password_hash.clone()))
        .await
        .map_err(ApiError::internal)?;
    let account = match account {
        Some(account) if matches => account,
        _ => {
            let subjects: Vec<&str> = subjects.iter().map(String::as_str).collect();
            store
                .record_login_failure(&subjects, now)
                .await
                .map_err(ApiError::internal)?;
            return Err(ApiError::WrongCredentials);
        }
    };
    if !account.verified {
        return Err(ApiError::NotVerified);
    }
    let token = random_token();
    let csrf_token = random_token();
    store
        .insert_sign_in(
            &digest(&token),
            account.id,
            &csrf_token,
            now,
            now + SESSION_MILLIS,
        )
        .await
        .map_err(ApiError::internal)?;
    Ok(NewSignIn {
        account,
        token,
        csrf_token,
    })
}

/// Ends the sign-in whose token has this digest.
pub async fn logout(state: &AppState, token_hash: &str) -> Result<(), ApiError> {
    state
        .store
        .delete_sign_in(token_hash)
        .await
        .map_err(ApiError::internal)
}

/// E-mails a password reset link (valid one hour) when the address has an account, in the
/// account's language; does nothing otherwise, and the caller answers the same either way.
pub async fn request_reset(state: &AppState, email: &str, fallback: Lang) -> Result<(), ApiError> {
    let key = email.trim().to_lowercase();
    let account = state
        .store
        .account_by_email(&key)
        .await
        .map_err(ApiError::internal)?;
    let Some(account) = account else {
        return Ok(());
    };
    let token = random_token();
    let link = format!("{}/password-reset?token={token}", state.settings.public_url);
    send_link(state, &account, &token, "reset", HOUR, fallback, &link).await
}

/// Stores a one-time `purpose` token for the account and queues the e-mail carrying
/// `link`, in one transaction.
async fn send_link(
    state: &AppState,
    account: &Account,
    token: &str,
    purpose: &str,
    valid_for: i64,
    fallback: Lang,
    link: &str,
) -> Result<(), ApiError> {
    let now = state.settings.now();
    let lang = Lang::parse(&account.lang).unwrap_or(fallback);
    // the token's purpose names its e-mail too
    let kind = MailKind::parse(purpose).ok_or(ApiError::Internal)?;
    let result: Result<(), cohort_store::StoreError> = async {
        let Rendered {
            subject,
            body: text,
        } = compose(
            &state.store,
            &state.locales,
            kind,
            lang,
            &[("link", link.to_owned())],
        )
        .await?;
        let mut tx = state.store.begin().await?;
        insert_email_token(
            &mut tx,
            &digest(token),
            account.id,
            purpose,
            now + valid_for,
        )
        .await?;
        let mail = NewMail {
            to: &account.email,
            lang: &account.lang,
            subject: &subject,
            body_text: &text,
        };
        enqueue_mail(&mut tx, &mail, now).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result.map_err(ApiError::internal)
}

/// Sets a new password with the token of a reset link and signs the account out
/// everywhere. The password is checked before the token is spent, so a refused password
/// costs nothing.
pub async fn reset_password(state: &AppState, token: &str, password: &str) -> Result<(), ApiError> {
    let new_password = NewPassword::parse(password, "").map_err(password_problem)?;
    let hash = password::hash(new_password.expose().to_owned())
        .await
        .map_err(ApiError::internal)?;
    let store = &state.store;
    let account_id = store
        .use_email_token(&digest(token.trim()), "reset", state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::BadToken)?;
    store
        .set_password(account_id, &hash)
        .await
        .map_err(ApiError::internal)
}
