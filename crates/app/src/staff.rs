//! Creating a staff account: by `cohort user add` (the first administrator; the link is
//! printed) or by an administrator or coordinator in the back office (the link is
//! e-mailed). Either way the account is confirmed, has no password, and its owner chooses
//! one through a one-time link valid seven days.

use crate::mail_book::compose;
use crate::tokens::{digest, random_token};
use crate::App;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::{Catalogue, Email, Lang, Role, UnitCode};
use cohort_store::{NewAccount, NewMail, NewStaff, NO_PASSWORD};

/// How long the set-a-password link of an invitation works.
pub const INVITATION_MILLIS: i64 = 7 * 24 * 60 * 60 * 1000;

/// A staff account to create.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// The address, as typed.
    pub email: String,
    /// Reviewer, coordinator or administrator.
    pub role: Role,
    /// A reviewer's host units (codes of the catalogue); none for other roles.
    pub units: Vec<String>,
    /// The language of the account (and of the invitation).
    pub lang: Lang,
}

/// Why an invitation is refused; each names its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteProblem {
    /// Not an e-mail address.
    #[error("email: not a valid e-mail address")]
    Email,
    /// Candidates register themselves.
    #[error("role: choose reviewer, coordinator or administrator")]
    Role,
    /// A reviewer needs a unit; others have none.
    #[error("units: a reviewer works for at least one host unit, other roles for none")]
    Units,
    /// A code the catalogue does not have.
    #[error("units: {0} is not a unit of the catalogue")]
    UnknownUnit(String),
    /// The address already has an account.
    #[error("email: this address already has an account")]
    Taken,
    /// The database failed.
    #[error("the database refused the change: {0}")]
    Store(String),
}

impl InviteProblem {
    /// The field at fault and the message key, for the API and the pages.
    pub fn field_and_key(&self) -> (&'static str, &'static str) {
        match self {
            InviteProblem::Email => ("email", "account-email-malformed"),
            InviteProblem::Role => ("role", "invite-role"),
            InviteProblem::Units => ("units", "invite-units"),
            InviteProblem::UnknownUnit(_) => ("units", "invite-unknown-unit"),
            InviteProblem::Taken => ("email", "invite-taken"),
            InviteProblem::Store(_) => ("", "api-error-internal-short"),
        }
    }
}

/// Creates the account; returns the set-a-password link. With `mail`, the link is also
/// queued as an e-mail in the account's language (in the same transaction).
pub async fn invite_staff(
    app: &App,
    catalogue: &Catalogue,
    invitation: &Invitation,
    mail: bool,
) -> Result<String, InviteProblem> {
    let (store, locales, now) = (&app.store, app.locales.as_ref(), app.now());
    let public_url = app.public_url.trim_end_matches('/');
    let email = Email::parse(&invitation.email).map_err(|_| InviteProblem::Email)?;
    if invitation.role == Role::Candidate {
        return Err(InviteProblem::Role);
    }
    if (invitation.role == Role::Reviewer) == invitation.units.is_empty() {
        return Err(InviteProblem::Units);
    }
    for unit in &invitation.units {
        let known = UnitCode::parse(unit)
            .ok()
            .and_then(|code| catalogue.unit(&code))
            .is_some();
        if !known {
            return Err(InviteProblem::UnknownUnit(unit.clone()));
        }
    }
    let token = random_token();
    let link = format!("{public_url}/password-reset?token={token}");
    let tr = locales.tr(invitation.lang);
    let role_name = tr.t(&format!("office-role-{}", invitation.role.as_str()));
    let Rendered { subject, body } = compose(
        store,
        locales,
        MailKind::Invite,
        invitation.lang,
        &[("role", role_name), ("link", link.clone())],
    )
    .await
    .map_err(|e| InviteProblem::Store(e.to_string()))?;
    let key = email.key();
    let token_hash = digest(&token);
    let new = NewStaff {
        account: NewAccount {
            email_key: &key,
            email: email.as_str(),
            password_hash: NO_PASSWORD,
            role: invitation.role.as_str(),
            lang: invitation.lang.code(),
        },
        units: &invitation.units,
        token_hash: &token_hash,
        token_expires_at: now + INVITATION_MILLIS,
        mail: mail.then_some(NewMail {
            to: email.as_str(),
            lang: invitation.lang.code(),
            subject: &subject,
            body_text: &body,
        }),
    };
    match store.create_staff(&new, now).await {
        Ok(Some(_)) => Ok(link),
        Ok(None) => Err(InviteProblem::Taken),
        Err(e) => Err(InviteProblem::Store(e.to_string())),
    }
}
