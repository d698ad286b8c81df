//! A template's text: `{ $name }` placeholders (Fluent's spelling, so the defaults read
//! the same), checked against its kind's variables before it is saved, rendered with
//! values when a message is sent.

use super::MailKind;

/// The longest subject kept, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// The longest body kept, in characters.
pub const MAX_BODY_CHARS: usize = 10_000;

/// The subject and body of one kind of e-mail in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailTemplate {
    /// One line of text with placeholders.
    pub subject: String,
    /// Plain text with placeholders.
    pub body: String,
}

/// A rendered e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
}

/// Which part of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateField {
    /// The subject line.
    Subject,
    /// The body.
    Body,
}

impl TemplateField {
    /// `subject` or `body`, as forms and the API name the field.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateField::Subject => "subject",
            TemplateField::Body => "body",
        }
    }
}

/// Why a template is refused; each names what a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    /// Nothing but spaces.
    Empty(TemplateField),
    /// Longer than allowed.
    TooLong {
        /// Which part.
        field: TemplateField,
        /// The limit, in characters.
        max: usize,
    },
    /// A subject must be one line.
    SubjectLines,
    /// A `{` that does not open a `{ $name }` placeholder.
    Malformed {
        /// Which part.
        field: TemplateField,
        /// The text from the brace on (a few characters), to find it.
        near: String,
    },
    /// A placeholder this kind of e-mail has no value for.
    Unknown {
        /// Which part.
        field: TemplateField,
        /// The name used.
        name: String,
    },
    /// A variable the e-mail cannot do without is used nowhere.
    Missing {
        /// Its name.
        name: &'static str,
    },
}

impl TemplateProblem {
    /// The field the problem is in (a missing variable belongs in the body).
    pub fn field(&self) -> TemplateField {
        match self {
            TemplateProblem::Empty(field)
            | TemplateProblem::TooLong { field, .. }
            | TemplateProblem::Malformed { field, .. }
            | TemplateProblem::Unknown { field, .. } => *field,
            TemplateProblem::SubjectLines => TemplateField::Subject,
            TemplateProblem::Missing { .. } => TemplateField::Body,
        }
    }
}

/// A piece of template text.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Var(&'a str),
}

/// Splits `text` into text and placeholders; `Err` holds the offset of a bad `{`.
fn pieces(text: &str) -> Result<Vec<Piece<'_>>, usize> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(offset + open)?;
        let name = after[..close]
            .trim()
            .strip_prefix('$')
            .filter(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
            .ok_or(offset + open)?;
        out.push(Piece::Var(name));
        let used = open + 1 + close + 1;
        rest = &rest[used..];
        offset += used;
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

fn near(text: &str, at: usize) -> String {
    text[at..].chars().take(20).collect()
}

impl MailTemplate {
    /// Every problem of this template for `kind`, or none.
    pub fn check(&self, kind: MailKind) -> Result<(), Vec<TemplateProblem>> {
        let mut problems = Vec::new();
        let mut used = Vec::new();
        for (field, text, max) in [
            (TemplateField::Subject, &self.subject, MAX_SUBJECT_CHARS),
            (TemplateField::Body, &self.body, MAX_BODY_CHARS),
        ] {
            if text.trim().is_empty() {
                problems.push(TemplateProblem::Empty(field));
                continue;
            }
            if text.chars().count() > max {
                problems.push(TemplateProblem::TooLong { field, max });
            }
            match pieces(text) {
                Err(at) => problems.push(TemplateProblem::Malformed {
                    field,
                    near: near(text, at),
                }),
                Ok(pieces) => {
                    for piece in pieces {
                        let Piece::Var(name) = piece else { continue };
                        if kind.variables().iter().any(|v| v.name == name) {
                            used.push(name.to_owned());
                        } else {
                            problems.push(TemplateProblem::Unknown {
                                field,
                                name: name.to_owned(),
                            });
                        }
                    }
                }
            }
        }
        if self.subject.contains(['\n', '\r']) {
            problems.push(TemplateProblem::SubjectLines);
        }
        let readable = !problems
            .iter()
            .any(|p| matches!(p, TemplateProblem::Malformed { .. }));
        if readable {
            for variable in kind.variables().iter().filter(|v| v.required) {
                if !used.iter().any(|u| u == variable.name) {
                    problems.push(TemplateProblem::Missing {
                        name: variable.name,
                    });
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The e-mail with `values` in place of the placeholders. A placeholder without a value
    /// (only possible in an unchecked template) is left as written, so it shows.
    pub fn render(&self, values: &[(&str, String)]) -> Rendered {
        let fill = |text: &str| match pieces(text) {
            Err(_) => text.to_owned(),
            Ok(pieces) => pieces
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(text) => text.to_owned(),
                    Piece::Var(name) => values
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map_or_else(|| format!("{{ ${name} }}"), |(_, v)| v.clone()),
                })
                .collect::<String>(),
        };
        // a value may hold a line break; a subject may not
        let subject = fill(&self.subject)
            .split(['\r', '\n'])
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Rendered {
            subject,
            body: fill(&self.body),
        }
    }

    /// The placeholder for `name`, as templates write it.
    pub fn placeholder(name: &str) -> String {
        format!("{{ ${name} }}")
    }
}

#[cfg(test)]
mod tests {
    use super::{MailTemplate, TemplateField, TemplateProblem};
    use crate::mail::MailKind;

    fn template(subject: &str, body: &str) -> MailTemplate {
        MailTemplate {
            subject: subject.to_owned(),
            body: body.to_owned(),
        }
    }

    #[test]
    fn placeholders_are_filled_with_or_without_spaces() {
        let t = template("Offer: { $placement }", "Answer by {$deadline}: { $link }.");
        let values = [
            ("placement", "Analyst".to_owned()),
            ("deadline", "1 May".to_owned()),
            ("link", "https://x/y".to_owned()),
        ];
        let out = t.render(&values);
        assert_eq!(out.subject, "Offer: Analyst");
        assert_eq!(out.body, "Answer by 1 May: https://x/y.");
        assert_eq!(t.check(MailKind::Offer), Ok(()));
    }

    #[test]
    fn a_subject_never_carries_a_line_break_from_a_value() {
        let t = template("Item { $item } due", "{ $link }");
        let out = t.render(&[("item", "a\r\nBcc: x@y".to_owned())]);
        assert_eq!(out.subject, "Item a Bcc: x@y due");
    }

    #[test]
    fn unknown_malformed_missing_and_empty_are_each_named() {
        let t = template("Hello { $name }", "Click {link} or { $link");
        let problems = t.check(MailKind::Verify).expect_err("three problems");
        assert!(problems.contains(&TemplateProblem::Unknown {
            field: TemplateField::Subject,
            name: "name".into()
        }));
        assert!(problems.contains(&TemplateProblem::Malformed {
            field: TemplateField::Body,
            near: "{link} or { $link".into()
        }));

        let missing = template("Confirm", "No link here").check(MailKind::Verify);
        assert_eq!(
            missing,
            Err(vec![TemplateProblem::Missing { name: "link" }])
        );

        let empty = template("  ", "{ $link }").check(MailKind::Verify);
        assert_eq!(
            empty,
            Err(vec![TemplateProblem::Empty(TemplateField::Subject)])
        );
        let lines = template("a\nb", "{ $link }").check(MailKind::Verify);
        assert_eq!(lines, Err(vec![TemplateProblem::SubjectLines]));
    }

    #[test]
    fn a_value_containing_a_placeholder_is_not_filled_again() {
        let t = template("{ $reason }", "{ $reason }");
        let out = t.render(&[("reason", "{ $link }".to_owned())]);
        assert_eq!(out.body, "{ $link }");
    }

    #[test]
    fn too_long_is_refused_with_the_limit() {
        let long = "x".repeat(super::MAX_SUBJECT_CHARS + 1);
        let problems = template(&long, "{ $link }").check(MailKind::Reset);
        assert_eq!(
            problems,
            Err(vec![TemplateProblem::TooLong {
                field: TemplateField::Subject,
                max: super::MAX_SUBJECT_CHARS
            }])
        );
    }
}
