//! The `Staff` extractor: a signed-in account with a staff role (and a reviewer's units).

use crate::api::{ApiError, LocalizedError};
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use cohort_domain::{Permission, Role};
use cohort_store::Account;

/// A signed-in staff member. Candidates and anonymous visitors get 404 (401 without a
/// sign-in, so that a program knows to sign in), and writes need the CSRF token, as for
/// every signed-in request.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The account.
    pub account: Account,
    /// Its role (never `Candidate`).
    pub role: Role,
    /// The host units of a reviewer (empty for other roles).
    pub units: Vec<String>,
    /// The session's CSRF token (for the pages' forms).
    pub csrf_token: String,
}

impl Staff {
    /// `Ok` when the role may do `permission`, else the 404 every refusal looks like.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.role.may(permission) {
            Ok(())
        } else {
            Err(ApiError::NoRoute)
        }
    }

    /// Whether a reviewer's scope covers one of these units (always for coordinators,
    /// never for anyone else: a supervisor reads no application).
    pub fn sees_any_of<'a>(&self, mut units: impl Iterator<Item = &'a str>) -> bool {
        match self.role {
            Role::Reviewer => units.any(|u| self.units.iter().any(|mine| mine == u)),
            Role::Supervisor | Role::Candidate => false,
            Role::Coordinator | Role::Administrator => true,
        }
    }

    /// Whether a form carried this session's CSRF token.
    pub fn csrf_ok(&self, sent: Option<&str>) -> bool {
        crate::pages::forms::tokens_match(&self.csrf_token, sent)
    }

    /// What the audit log names them by.
    pub fn label(&self) -> String {
        format!("{} ({})", self.account.email, self.role.as_str())
    }

    /// Who they are to the use cases of `cohort-app`, acting from `peer`.
    pub fn actor(&self, peer: crate::client_addr::ClientAddr) -> cohort_app::Actor {
        cohort_app::Actor::Staff {
            account_id: self.account.id,
            email: self.account.email.clone(),
            role: self.role,
            units: self.units.clone(),
            address: peer.ip().to_string(),
        }
    }

    /// An audit entry for something they did from `address`; `label` is [`Staff::label`]
    /// (borrowed, so the caller keeps it alive).
    pub fn audit_entry<'a>(
        &self,
        label: &'a str,
        action: &'a str,
        subject: &'a str,
        detail: &'a str,
        address: &'a str,
    ) -> cohort_store::NewAuditEntry<'a> {
        cohort_store::NewAuditEntry {
            actor_id: Some(self.account.id),
            actor: label,
            action,
            subject,
            detail,
            address: Some(address),
        }
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = LocalizedError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let signed_in = SignedIn::from_request_parts(parts, state).await?;
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .unwrap_or(Visitor {
                lang: cohort_domain::Lang::En,
            });
        let fail = |e: ApiError| e.into_localized(state, visitor);
        Staff::of(state, signed_in.account, signed_in.csrf_token)
            .await
            .map_err(fail)?
            .ok_or_else(|| fail(ApiError::NoRoute))
    }
}

impl Staff {
    /// The staff member behind an account; `None` for a candidate.
    pub async fn of(
        state: &AppState,
        account: Account,
        csrf_token: String,
    ) -> Result<Option<Staff>, ApiError> {
        let Some(role) = Role::parse(&account.role).filter(|r| *r != Role::Candidate) else {
            return Ok(None);
        };
        let units = if role == Role::Reviewer {
            state
                .store
                .reviewer_units(account.id)
                .await
                .map_err(ApiError::internal)?
        } else {
            Vec::new()
        };
        Ok(Some(Staff {
            account,
            role,
            units,
            csrf_token,
        }))
    }
}
