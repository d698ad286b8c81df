//! Accounts as the API and the pages both use them: register, confirm the address, sign in
//! and out, reset a password. The handlers only read their request and shape their answer.
//!
//! Limits (`cohort_domain::limits`, counted in the store so that every node shares them):
//! registrations and reset requests per client address (over: 429 with `Retry-After`) and
//! per e-mail address (over: the usual "check your e-mail" answer, and no e-mail: counted
//! whether or not the address has an account, so neither answer tells whether it has one;
//! the address's owner already holds the links sent within the hour); sign-in attempts
//! reserved per account and per client address before the password is checked, then
//! growing delays (429). A reset through the mailed link forgets the account's failures
//! and signs its owner in, so that no attacker can keep the owner out. Every argon2 run
//! takes a place in [`crate::state::Passwords`] first: when none is left, 503.

use crate::api::ApiError;
use crate::auth::password::PasswordError;
use crate::auth::session::SESSION_MILLIS;
use crate::client_addr::ClientAddr;
use crate::mail_templates::{compose, MailBook};
use crate::rate_limits as limits;
use crate::state::AppState;
use cohort_app::tokens::{digest, random_token};
use cohort_domain::limits::{
    REGISTER_PER_CLIENT, REGISTER_PER_EMAIL, RESET_PER_CLIENT, RESET_PER_EMAIL,
};
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::{Email, EmailError, Lang, NewPassword, PasswordProblem};
use cohort_store::{
    enqueue_mail, insert_account, insert_email_token, Account, Grant, Limited, NewAccount, NewMail,
};

pub(crate) const HOUR: i64 = 60 * 60 * 1000;
/// Longer than any e-mail address may be: such a "login" is wrong without a look.
const MAX_EMAIL_CHARS: usize = 320;

fn password_error(e: PasswordError) -> ApiError {
    match e {
        PasswordError::Busy => ApiError::Busy,
        PasswordError::Failed(e) => ApiError::internal(e),
    }
}

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
    client: ClientAddr,
    email: &str,
    password: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    let email = Email::parse(email).map_err(email_problem)?;
    let new_password =
        NewPassword::parse(password, local_part(&email)).map_err(password_problem)?;
    let hashing = state.passwords.admit().map_err(password_error)?;
    limits::per_client(
        state,
        Limited::RegisterClient,
        client,
        REGISTER_PER_CLIENT,
        "api-error-register-limited",
    )
    .await?;
    if let Grant::Refused { .. } = limits::take(
        state,
        Limited::RegisterEmail,
        &email.key(),
        REGISTER_PER_EMAIL,
    )
    .await?
    {
        // the usual answer and no e-mail: see the module's documentation
        tracing::info!(
            domain = email.domain(),
            "registration over its address's quota"
        );
        return Ok(());
    }
    let hash = hashing
        .hash(new_password.expose().to_owned())
        .await
        .map_err(password_error)?;
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

/// Signs in. The attempt is reserved (counted as a failure) per account and per client
/// address before the password is checked, so that concurrent guesses never get more
/// checks than the limit; a right password gives it back.
pub async fn login(
    state: &AppState,
    client: ClientAddr,
    email: &str,
    password: String,
) -> Result<NewSignIn, ApiError> {
    let key = email.trim().to_lowercase();
    if key.chars().count() > MAX_EMAIL_CHARS {
        return Err(ApiError::WrongCredentials);
    }
    let checking = state.passwords.admit().map_err(password_error)?;
    let subjects = limits::sign_in_subjects(&key, client);
    limits::reserve_sign_in(state, &subjects).await?;
    let store = &state.store;
    let account = store
        .account_by_email(&key)
        .await
        .map_err(ApiError::internal)?;
    let matches = checking
        .verify(password, account.as_ref().map(|a| a.password_hash.clone()))
        .await
        .map_err(password_error)?;
    let account = match account {
        Some(account) if matches => account,
        // the failure is counted already
        _ => return Err(ApiError::WrongCredentials),
    };
    store
        .sign_in_succeeded(&subjects[0], &subjects[1])
        .await
        .map_err(ApiError::internal)?;
    if !account.verified {
        return Err(ApiError::NotVerified);
    }
    open_sign_in(state, account).await
}

/// A new sign-in for the account.
async fn open_sign_in(state: &AppState, account: Account) -> Result<NewSignIn, ApiError> {
    let now = state.settings.now();
    let token = random_token();
    let csrf_token = random_token();
    state
        .store
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
/// Limited per client address (429) and per address (over it: nothing is sent, and the
/// answer is the same).
pub async fn request_reset(
    state: &AppState,
    client: ClientAddr,
    email: &str,
    fallback: Lang,
) -> Result<(), ApiError> {
    let key = email.trim().to_lowercase();
    if key.is_empty() || key.chars().count() > MAX_EMAIL_CHARS {
        return Ok(());
    }
    limits::per_client(
        state,
        Limited::ResetClient,
        client,
        RESET_PER_CLIENT,
        "api-error-reset-limited",
    )
    .await?;
    if let Grant::Refused { .. } =
        limits::take(state, Limited::ResetEmail, &key, RESET_PER_EMAIL).await?
    {
        tracing::info!("password reset over its address's quota: nothing sent");
        return Ok(());
    }
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

/// Sets a new password with the token of a reset link, voids the account's other reset
/// links, signs it out everywhere, forgets its failed sign-ins and signs its owner in
/// here. The password and the token are checked before anything costly or lasting: a
/// refused password or an unknown link costs no hashing.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
) -> Result<NewSignIn, ApiError> {
    let new_password = NewPassword::parse(password, "").map_err(password_problem)?;
    let store = &state.store;
    let token_hash = digest(token.trim());
    let valid = store
        .email_token_valid(&token_hash, "reset", state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    if !valid {
        return Err(ApiError::BadToken);
    }
    let hash = state
        .passwords
        .hash(new_password.expose().to_owned())
        .await
        .map_err(password_error)?;
    let account = store
        .reset_password(&token_hash, &hash, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::BadToken)?;
    open_sign_in(state, account).await
}
