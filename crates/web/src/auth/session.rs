//! The session cookie and the `SignedIn` extractor (which also checks CSRF on writes).

use crate::api::{ApiError, LocalizedError};
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::FromRequestParts;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use cohort_app::tokens::digest;
use cohort_store::{Account, SessionRow, StoreError};

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

/// How stale `last_seen_at` may get before a request records a new one: a signed-in
/// visitor costs at most one write a minute, and the idle timeout is exact to a minute.
pub const TOUCH_EVERY_MILLIS: i64 = 60 * 1000;

/// The sign-in with this token hash, if it is live: not past its absolute lifetime, and
/// used within its account's idle timeout ([`crate::state::IdleTimeouts`]). An idle one is
/// deleted and treated as signed out; a live one has its use recorded (at most once a
/// minute). Every way of reading the session cookie goes through here.
pub async fn live_sign_in(
    state: &AppState,
    token_hash: &str,
) -> Result<Option<SessionRow>, StoreError> {
    let now = state.settings.now();
    let Some(row) = state.store.sign_in(token_hash, now).await? else {
        return Ok(None);
    };
    let idle_limit = state.settings.idle.millis_for(&row.account.role);
    if now.saturating_sub(row.last_seen_at) >= idle_limit {
        state.store.delete_sign_in(token_hash).await?;
        tracing::info!(account = row.account.id, "idle sign-in ended");
        return Ok(None);
    }
    if now.saturating_sub(row.last_seen_at) >= TOUCH_EVERY_MILLIS {
        state
            .store
            .touch_sign_in(token_hash, now, TOUCH_EVERY_MILLIS)
            .await?;
    }
    Ok(Some(row))
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
        let row = live_sign_in(state, &token_hash)
            .await
            .map_err(|e| fail(ApiError::internal(e)))?
            .ok_or_else(|| fail(ApiError::NotSignedIn))?;
        if changes_state(&parts.method) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok());
            // in constant time, as the forms' field
            if !crate::pages::forms::tokens_match(&row.csrf_token, sent) {
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
