//! Every e-mail the product sends comes from a template: the office's wording when it
//! wrote one (`mail_templates` in the store), the product's default otherwise. The
//! defaults are the Fluent messages `mail-{kind}-subject` and `mail-{kind}-body`, read
//! with each variable standing for itself, so the office edits them in the same
//! `{ $name }` spelling it sees.

pub mod api;
pub mod page;

use crate::api::ApiError;
use crate::office::Staff;
use crate::state::AppState;
use cohort_domain::mail::{MailKind, MailTemplate, TemplateProblem};
use cohort_domain::Lang;
use cohort_store::MailTemplateRow;

pub use cohort_app::mail_book::{compose, samples, MailBook};

/// A problem of a template as the API and the form word it: field, message key, values.
pub fn problem_message(problem: &TemplateProblem) -> ApiError {
    let (key, args): (&'static str, Vec<(&'static str, String)>) = match problem {
        TemplateProblem::Empty(_) => ("mail-template-empty", Vec::new()),
        TemplateProblem::TooLong { max, .. } => {
            ("mail-template-too-long", vec![("max", max.to_string())])
        }
        TemplateProblem::SubjectLines => ("mail-template-subject-lines", Vec::new()),
        TemplateProblem::Malformed { near, .. } => {
            ("mail-template-malformed", vec![("near", near.clone())])
        }
        TemplateProblem::Unknown { name, .. } => {
            ("mail-template-unknown", vec![("name", name.clone())])
        }
        TemplateProblem::Missing { name } => {
            ("mail-template-missing", vec![("name", (*name).to_owned())])
        }
        TemplateProblem::LinkNotAlone { line, .. } => {
            ("mail-template-link-not-alone", vec![("line", line.clone())])
        }
    };
    ApiError::InvalidArgs {
        field: problem.field().as_str().to_owned(),
        key,
        args,
    }
}

/// The kind and language named in a path, or 404.
pub fn parse_path(kind: &str, lang: &str) -> Result<(MailKind, Lang), ApiError> {
    match (MailKind::parse(kind), Lang::parse(lang)) {
        (Some(kind), Some(lang)) => Ok((kind, lang)),
        _ => Err(ApiError::NoRoute),
    }
}

/// Saves the office's wording of `kind` in `lang` if it is valid, audited with the new
/// text; the template's problems otherwise, nothing saved.
pub async fn save(
    state: &AppState,
    staff: &Staff,
    kind: MailKind,
    lang: Lang,
    template: &MailTemplate,
    address: &str,
) -> Result<Result<(), Vec<TemplateProblem>>, ApiError> {
    if let Err(problems) = template.check(kind) {
        return Ok(Err(problems));
    }
    let subject = format!("mail_template:{}/{}", kind.as_str(), lang.code());
    let detail =
        serde_json::json!({ "subject": template.subject, "body": template.body }).to_string();
    let label = staff.label();
    let row = MailTemplateRow {
        kind: kind.as_str().to_owned(),
        lang: lang.code().to_owned(),
        subject: template.subject.clone(),
        body: template.body.clone(),
        updated_at: state.settings.now(),
        updated_by: Some(staff.account.id),
    };
    let audit = staff.audit_entry(&label, "mail_template.save", &subject, &detail, address);
    state
        .store
        .save_mail_template(&row, &audit)
        .await
        .map_err(ApiError::internal)?;
    Ok(Ok(()))
}

/// Goes back to the product's wording of `kind` in `lang`, audited.
pub async fn reset(
    state: &AppState,
    staff: &Staff,
    kind: MailKind,
    lang: Lang,
    address: &str,
) -> Result<(), ApiError> {
    let subject = format!("mail_template:{}/{}", kind.as_str(), lang.code());
    let label = staff.label();
    let audit = staff.audit_entry(&label, "mail_template.reset", &subject, "{}", address);
    state
        .store
        .reset_mail_template(kind.as_str(), lang.code(), &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    Ok(())
}
