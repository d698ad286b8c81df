//! The e-mails the product sends, as templates: each kind of e-mail has a subject and a
//! body in French and in English, with `{ $name }` placeholders for the variables that
//! kind may use. The office may replace the wording; the variables stay the product's.

mod kind;
mod template;

pub use kind::{MailKind, Variable};
pub use template::{MailTemplate, Rendered, TemplateField, TemplateProblem};
