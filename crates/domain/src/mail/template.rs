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
    /// In an e-mail that carries a sign-in, reset or invitation link, the `{ $link }`
    /// placeholder shares its line with other text (or is in the subject): the link must
    /// stand alone, so that the wording cannot make it part of another address.
    LinkNotAlone {
        /// Which part.
        field: TemplateField,
        /// The offending line, as written (a few dozen characters), to find it.
        line: String,
    },
}

impl TemplateProblem {
    /// The field the problem is in (a missing variable belongs in the body).
    pub fn field(&self) -> TemplateField {
        match self {
            TemplateProblem::Empty(field)
            | TemplateProblem::TooLong { field, .. }
            | TemplateProblem::Malformed { field, .. }
            | TemplateProblem::Unknown { field, .. }
            | TemplateProblem::LinkNotAlone { field, .. } => *field,
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

/// The name of the variable a guarded kind writes on a line of its own.
const LINK: &str = "link";

/// Stands for the link while its lines are checked (never in a real value).
const MARK: &str = "\u{1}link\u{1}";

/// The lines of `text` that hold the `link` placeholder beside something else than
/// spaces, shown as written (up to 80 characters). Read as the e-mail will be: with the
/// placeholders in place (one may span lines, `{ $link\n}`), and `\r\n`, `\n` and a
/// lone `\r` each ending a line, as mail readers do. Empty when the text does not read as
/// a template (that is its own problem).
fn lines_sharing_the_link(text: &str) -> Vec<String> {
    let Ok(pieces) = pieces(text) else {
        return Vec::new();
    };
    let filled: String = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Var(name) if *name == LINK => MARK.to_owned(),
            Piece::Var(name) => MailTemplate::placeholder(name),
            Piece::Text(text) => (*text).to_owned(),
        })
        .collect();
    filled
        .split(['\n', '\r'])
        .filter(|line| line.contains(MARK) && line.trim() != MARK)
        .map(|line| {
            line.trim()
                .replace(MARK, &MailTemplate::placeholder(LINK))
                .chars()
                .take(80)
                .collect()
        })
        .collect()
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
        if kind.guards_link() {
            problems.extend(self.link_problems());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Where this template's `{ $link }` does not stand alone on its line (the subject may
    /// not hold it at all): what a kind with [`MailKind::guards_link`] refuses.
    fn link_problems(&self) -> Vec<TemplateProblem> {
        let mut problems = Vec::new();
        if matches!(pieces(&self.subject), Ok(p) if p.contains(&Piece::Var(LINK))) {
            problems.push(TemplateProblem::LinkNotAlone {
                field: TemplateField::Subject,
                line: self.subject.trim().chars().take(60).collect(),
            });
        }
        for line in lines_sharing_the_link(&self.body) {
            problems.push(TemplateProblem::LinkNotAlone {
                field: TemplateField::Body,
                line,
            });
        }
        problems
    }

    /// Renders an e-mail of a kind whose link must stand alone, and proves it did: every
    /// line of the result holding `link` holds nothing else, and the link is there. `None`
    /// otherwise (a stored wording written before the rule, or a value that broke a line),
    /// and then the caller sends the product's wording instead.
    pub fn render_guarded(&self, kind: MailKind, values: &[(&str, String)]) -> Option<Rendered> {
        if self.check(kind).is_err() {
            return None;
        }
        let rendered = self.render(values);
        if !kind.guards_link() {
            return Some(rendered);
        }
        let link = values.iter().find(|(n, _)| *n == LINK)?.1.trim();
        if link.is_empty() || link.contains(['\n', '\r']) || rendered.subject.contains(link) {
            return None;
        }
        let mut seen = false;
        for line in rendered.body.split(['\n', '\r']) {
            if line.contains(link) {
                if line.trim() != link {
                    return None;
                }
                seen = true;
            }
        }
        seen.then_some(rendered)
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
    fn a_guarded_link_must_stand_alone_on_its_line() {
        let evil = template(
            "You are invited",
            "Hello,\n\nhttps://evil.example/activate?next={ $link }\n",
        );
        assert_eq!(
            evil.check(MailKind::Invite),
            Err(vec![TemplateProblem::LinkNotAlone {
                field: TemplateField::Body,
                line: "https://evil.example/activate?next={ $link }".into()
            }])
        );
        for body in [
            "Open <{ $link }>",
            "{ $link }{ $link }",
            "{ $link } { $role }",
            "x\r{ $link }?a=1",
            "Click: { $link }",
            "https://evil.example/?next={ $link\n}",
        ] {
            let problems = template("Hi", body)
                .check(MailKind::Invite)
                .expect_err(body);
            assert!(
                problems
                    .iter()
                    .all(|p| matches!(p, TemplateProblem::LinkNotAlone { .. })),
                "{body}: {problems:?}"
            );
        }
        let in_subject = template("Your link { $link }", "\n  { $link }  \n");
        assert_eq!(
            in_subject.check(MailKind::Reset),
            Err(vec![TemplateProblem::LinkNotAlone {
                field: TemplateField::Subject,
                line: "Your link { $link }".into()
            }])
        );
        // alone, with spaces or tabs around, twice on two lines: fine
        let fine = template("Welcome", "Open:\r\n\t{ $link } \r\n\n{$link}\nBye");
        assert_eq!(fine.check(MailKind::Verify), Ok(()));
        // kinds whose link opens nothing keep their freedom
        let offer = template("Offer", "See <{ $link }> by { $deadline }");
        assert_eq!(offer.check(MailKind::Offer), Ok(()));
    }

    #[test]
    fn a_guarded_render_refuses_what_the_check_would_and_a_broken_line() {
        let link = ("link", "https://cohort.example/verify?token=abc".to_owned());
        let good = template("Confirm", "Open:\n{ $link }\nThanks");
        let out = good
            .render_guarded(MailKind::Verify, std::slice::from_ref(&link))
            .expect("renders");
        assert!(out
            .body
            .lines()
            .any(|l| l == "https://cohort.example/verify?token=abc"));
        // a wording stored before the rule existed
        let old = template("Confirm", "https://evil.example/?next={ $link }");
        assert_eq!(
            old.render_guarded(MailKind::Verify, std::slice::from_ref(&link)),
            None
        );
        // a value that would put text on the link's line
        let broken = ("link", "https://cohort.example/x\nhttps://evil".to_owned());
        assert_eq!(good.render_guarded(MailKind::Verify, &[broken]), None);
        // unguarded kinds render as before
        let offer = template("Offer", "See <{ $link }>");
        assert!(offer
            .render_guarded(MailKind::Offer, &[("link", "https://x".to_owned())])
            .is_some());
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
