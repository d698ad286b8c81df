//! The session cookie and the `SignedIn` extractor (which also checks CSRF on writes).

use super::tokens::digest;
use crate::api::{ApiError, LocalizedError};
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::FromRequestParts;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use cohort_store::Account;

/// The cookie holding the session token.
pub const COOKIE_NAME: &str = "cohort_session";
/// How long a session lasts.
pub const SESSION_MILLIS: i64 = 12 * 60 * 60 * 1000;

/// A signed-in user. As an extractor it refuses with 401 when nobody is signed in, and with
/// 403 when a state-changing request lacks the session's CSRF token in `X-CSRF-Token`.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The account.
    pub account: Account,
    /// The session's token hash (to sign out).
    pub token_hash: String,
    /// The CSRF token of the session.
    pub csrf_token: String,
}

/// The session token from the `Cookie` header.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_owned())
}

/// `Set-Cookie` value opening a session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        SESSION_MILLIS / 1000
    )
}

/// `Set-Cookie` value ending it.
pub fn cleared_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = LocalizedError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .unwrap_or(Visitor {
                lang: cohort_domain::Lang::En,
            });
        let fail = |e: ApiError| e.into_localized(state, visitor);
        let token = session_token(&parts.headers).ok_or_else(|| fail(ApiError::NotSignedIn))?;
        let token_hash = digest(&token);
        let row = state
            .store
            .sign_in(&token_hash, state.settings.now())
            .await
            .map_err(|e| fail(ApiError::internal(e)))?
            .ok_or_else(|| fail(ApiError::NotSignedIn))?;
        if changes_state(&parts.method) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok());
            if sent != Some(row.csrf_token.as_str()) {
                return Err(fail(ApiError::CsrfMissing));
            }
        }
        Ok(SignedIn {
            account: row.account,
            token_hash,
            csrf_token: row.csrf_token,
        })
    }
}
