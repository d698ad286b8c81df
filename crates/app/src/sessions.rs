//! Sessions: created from the office's form (no placements yet) or imported whole from a
//! file by `cohort session import` — one use case, so both check the code inside the
//! transaction and leave the same audit entry (`session.create`, subject `session:ID`,
//! detail `{"code": …}`).

use crate::{Actor, App, Error};
use cohort_domain::session::{Placement, Session, SessionId};
use cohort_domain::Permission;
use cohort_store::ReviewSettingsRow;

/// A session to create.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Its fields and rules (its id is given by the database).
    pub session: Session,
    /// Its placements, in order (none from the office's form).
    pub placements: Vec<Placement>,
    /// Its review settings, when not the defaults.
    pub review: Option<ReviewSettingsRow>,
}

/// Creates the session with its placements; [`Error::Conflict`] when its code is taken
/// (`session-problem-code-taken`), [`Error::Forbidden`] for anyone who may not manage
/// sessions.
pub async fn create(app: &App, actor: &Actor, new: &NewSession) -> Result<SessionId, Error> {
    if !actor.may(Permission::ManageSessions) {
        return Err(Error::Forbidden);
    }
    let label = actor.label();
    let detail = serde_json::json!({ "code": new.session.code }).to_string();
    let audit = actor.audit_entry(&label, "session.create", "", &detail);
    let id = app
        .store
        .create_session(&new.session, &new.placements, &audit, app.now())
        .await?
        .map_err(|_| Error::Conflict {
            key: "session-problem-code-taken",
            args: vec![("code", new.session.code.clone())],
        })?;
    if let Some(review) = &new.review {
        app.store.set_review_settings(id, review).await?;
    }
    Ok(id)
}
