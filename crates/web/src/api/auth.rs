//! `/api/v1/auth/*`: register, verify, sign in and out, reset a password.

use super::error::{ApiError, ErrorBody, LocalizedError};
use crate::auth::session::{cleared_cookie, session_cookie};
use crate::auth::SignedIn;
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts;

/// Registration.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterRequest {
    /// E-mail address.
    pub email: String,
    /// At least 12 characters, not a common password.
    pub password: String,
    /// Language of the e-mails: `en` or `fr` (default: the visitor's).
    pub lang: Option<String>,
}

/// A link token from an e-mail.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// The token in the link.
    pub token: String,
}

/// Sign-in.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    /// E-mail address.
    pub email: String,
    /// Password.
    pub password: String,
}

/// Asking for a password reset link.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// E-mail address.
    pub email: String,
}

/// Setting a new password with a reset link.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewPasswordRequest {
    /// The token in the link.
    pub token: String,
    /// The new password.
    pub password: String,
}

/// A plain status answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusBody {
    /// e.g. `check_your_email`, `verified`, `password_changed`.
    pub status: String,
}

/// The answer to a successful sign-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginBody {
    /// Send it back in `X-CSRF-Token` on every state-changing request.
    pub csrf_token: String,
    /// The account's address.
    pub email: String,
    /// The account's role.
    pub role: String,
    /// The account's language.
    pub lang: String,
}

fn status(code: StatusCode, status: &str) -> Response {
    (
        code,
        Json(StatusBody {
            status: status.to_owned(),
        }),
    )
        .into_response()
}

/// Creates an account and e-mails a confirmation link. The answer is the same whether or
/// not the address already has an account (its owner is told by e-mail instead).
#[utoipa::path(post, path = "/api/v1/auth/register", operation_id = "register", tag = "accounts",
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Check your e-mail (also when the address has had its three e-mails this hour: then none is sent)", body = StatusBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 422, description = "A field is refused", body = ErrorBody),
        (status = 429, description = "Too many registrations from this client address", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Too many passwords being hashed: try again shortly", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn register(
    State(state): State<AppState>,
    visitor: Visitor,
    client: ClientAddr,
    body: Result<Json<RegisterRequest>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let lang = body
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(visitor.lang);
    accounts::register(&state, client, &body.email, &body.password, lang)
        .await
        .map_err(fail)?;
    Ok(status(StatusCode::ACCEPTED, "check_your_email"))
}

/// Confirms an e-mail address with the token from the link.
#[utoipa::path(post, path = "/api/v1/auth/verify", operation_id = "verify", tag = "accounts",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Address confirmed", body = StatusBody),
        (status = 400, description = "Unknown, used or expired link", body = ErrorBody),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    visitor: Visitor,
    body: Result<Json<TokenRequest>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    accounts::verify(&state, &body.token).await.map_err(fail)?;
    Ok(status(StatusCode::OK, "verified"))
}

/// Signs in: sets the session cookie (`HttpOnly`, `SameSite=Lax`, `Secure` over TLS) and
/// returns the CSRF token. Failed attempts are limited per account and per address.
#[utoipa::path(post, path = "/api/v1/auth/login", operation_id = "login", tag = "accounts",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = LoginBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Wrong address or password", body = ErrorBody),
        (status = 403, description = "Address not confirmed yet", body = ErrorBody),
        (status = 429, description = "Too many failed attempts for this account or from this client address: wait, or reset the password", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Too many passwords being checked: try again shortly", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn login(
    State(state): State<AppState>,
    visitor: Visitor,
    client: ClientAddr,
    body: Result<Json<LoginRequest>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let accounts::NewSignIn {
        account,
        token,
        csrf_token,
    } = accounts::login(&state, client, &body.email, body.password)
        .await
        .map_err(fail)?;
    let cookie = session_cookie(&token, state.settings.secure_cookies());
    let body = LoginBody {
        csrf_token,
        email: account.email,
        role: account.role,
        lang: account.lang,
    };
    Ok(([(SET_COOKIE, cookie)], Json(body)).into_response())
}

/// Signs out (needs `X-CSRF-Token`).
#[utoipa::path(post, path = "/api/v1/auth/logout", operation_id = "logout", tag = "accounts",
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing or wrong", body = ErrorBody),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
) -> Result<Response, LocalizedError> {
    accounts::logout(&state, &signed_in.token_hash)
        .await
        .map_err(|e| e.into_localized(&state, visitor))?;
    let cookie = cleared_cookie(state.settings.secure_cookies());
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

/// Who is signed in.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeBody {
    /// The account's address.
    pub email: String,
    /// The account's role.
    pub role: String,
    /// The account's language.
    pub lang: String,
    /// The session's CSRF token, for state-changing requests.
    pub csrf_token: String,
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/v1/me", operation_id = "me", tag = "accounts",
    responses(
        (status = 200, description = "The signed-in account", body = MeBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
    ))]
pub async fn me(signed_in: SignedIn) -> Json<MeBody> {
    let SignedIn {
        account,
        csrf_token,
        ..
    } = signed_in;
    Json(MeBody {
        email: account.email,
        role: account.role,
        lang: account.lang,
        csrf_token,
    })
}

/// E-mails a password reset link when the address has an account; the answer is the same
/// either way.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/request", operation_id = "request_password_reset", tag = "accounts",
    request_body = ResetRequest,
    responses(
        (status = 202, description = "Check your e-mail (also for an unknown address, and for one that had its three links this hour: then none is sent)", body = StatusBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 429, description = "Too many reset requests from this client address", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn request_reset(
    State(state): State<AppState>,
    visitor: Visitor,
    client: ClientAddr,
    body: Result<Json<ResetRequest>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    accounts::request_reset(&state, client, &body.email, visitor.lang)
        .await
        .map_err(fail)?;
    Ok(status(StatusCode::ACCEPTED, "check_your_email"))
}

/// The answer to a password set through a reset link: the new session's CSRF token (the
/// session cookie comes with it).
#[derive(Debug, Serialize, ToSchema)]
pub struct PasswordChangedBody {
    /// `password_changed`.
    pub status: String,
    /// Send it back in `X-CSRF-Token` on every state-changing request.
    pub csrf_token: String,
}

/// Sets a new password with the token from a reset link: voids the account's other reset
/// links, signs out every session, forgets the account's failed sign-ins and signs in
/// (the session cookie, and the CSRF token in the body).
#[utoipa::path(post, path = "/api/v1/auth/password-reset", operation_id = "reset_password", tag = "accounts",
    request_body = NewPasswordRequest,
    responses(
        (status = 200, description = "Password changed, signed in", body = PasswordChangedBody),
        (status = 400, description = "Unknown, used or expired link", body = ErrorBody),
        (status = 422, description = "The new password is refused", body = ErrorBody),
        (status = 503, description = "Too many passwords being hashed: try again shortly", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
pub async fn reset_password(
    State(state): State<AppState>,
    visitor: Visitor,
    body: Result<Json<NewPasswordRequest>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let signed_in = accounts::reset_password(&state, &body.token, &body.password)
        .await
        .map_err(fail)?;
    let cookie = session_cookie(&signed_in.token, state.settings.secure_cookies());
    let body = PasswordChangedBody {
        status: "password_changed".to_owned(),
        csrf_token: signed_in.csrf_token,
    };
    Ok(([(SET_COOKIE, cookie)], Json(body)).into_response())
}
