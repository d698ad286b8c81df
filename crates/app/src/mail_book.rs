//! The wording of every e-mail: the office's when it wrote one (`mail_templates` in the
//! store), the product's default otherwise. The defaults are the Fluent messages
//! `mail-{kind}-subject` and `mail-{kind}-body`, read with each variable standing for
//! itself, so the office edits them in the same `{ $name }` spelling it sees.

use cohort_domain::mail::{MailKind, MailTemplate, Rendered};
use cohort_domain::Lang;
use cohort_i18n::Locales;
use cohort_store::{MailTemplateRow, Store, StoreError};

/// The product's wording of `kind` in `lang`.
pub fn default_template(locales: &Locales, kind: MailKind, lang: Lang) -> MailTemplate {
    let tr = locales.tr(lang);
    let placeholders: Vec<(&str, String)> = kind
        .variables()
        .iter()
        .map(|v| (v.name, MailTemplate::placeholder(v.name)))
        .collect();
    MailTemplate {
        subject: tr.with_args(&format!("mail-{}-subject", kind.as_str()), &placeholders),
        body: tr.with_args(&format!("mail-{}-body", kind.as_str()), &placeholders),
    }
}

/// A sample value of each variable of `kind`, in `lang`, for previews.
pub fn samples(locales: &Locales, kind: MailKind, lang: Lang) -> Vec<(&'static str, String)> {
    let tr = locales.tr(lang);
    kind.variables()
        .iter()
        .map(|v| (v.name, tr.t(&format!("mail-sample-{}", v.name))))
        .collect()
}

/// The office's wordings, read once for a batch of e-mails.
#[derive(Debug, Clone, Default)]
pub struct MailBook {
    rows: Vec<MailTemplateRow>,
}

impl MailBook {
    /// Reads the office's wordings.
    pub async fn load(store: &Store) -> Result<MailBook, StoreError> {
        Ok(MailBook {
            rows: store.mail_templates().await?,
        })
    }

    /// The office's row for `kind` in `lang`, if it wrote one.
    pub fn custom(&self, kind: MailKind, lang: Lang) -> Option<&MailTemplateRow> {
        self.rows
            .iter()
            .find(|r| r.kind == kind.as_str() && r.lang == lang.code())
    }

    /// The wording in force for `kind` in `lang`.
    pub fn template(&self, locales: &Locales, kind: MailKind, lang: Lang) -> MailTemplate {
        match self.custom(kind, lang) {
            Some(row) => MailTemplate {
                subject: row.subject.clone(),
                body: row.body.clone(),
            },
            None => default_template(locales, kind, lang),
        }
    }

    /// The e-mail `kind` in `lang` with `values`. For a kind whose link opens an account
    /// ([`MailKind::guards_link`]) the result is proved to carry the link alone on its
    /// line(s); when the office's wording does not (saved before the rule, or changed in
    /// the database by hand), the product's wording is sent instead.
    pub fn compose(
        &self,
        locales: &Locales,
        kind: MailKind,
        lang: Lang,
        values: &[(&str, String)],
    ) -> Rendered {
        let template = self.template(locales, kind, lang);
        if !kind.guards_link() {
            return template.render(values);
        }
        if let Some(mail) = template.render_guarded(kind, values) {
            return mail;
        }
        if self.custom(kind, lang).is_some() {
            tracing::warn!(
                kind = kind.as_str(),
                lang = lang.code(),
                "the office's wording does not keep the link alone on its line: the product's is sent"
            );
        }
        let default = default_template(locales, kind, lang);
        default
            .render_guarded(kind, values)
            .unwrap_or_else(|| default.render(values))
    }
}

/// One e-mail, with the office's wording read now.
pub async fn compose(
    store: &Store,
    locales: &Locales,
    kind: MailKind,
    lang: Lang,
    values: &[(&str, String)],
) -> Result<Rendered, StoreError> {
    Ok(MailBook::load(store)
        .await?
        .compose(locales, kind, lang, values))
}

#[cfg(test)]
mod tests {
    use super::{default_template, MailBook};
    use cohort_domain::mail::MailKind;
    use cohort_domain::Lang;
    use cohort_i18n::Locales;

    /// Every kind's default, in both languages, is a valid template that uses each of its
    /// variables, and renders with no placeholder left.
    #[test]
    fn every_template_renders_in_both_languages_with_every_variable() {
        let locales = Locales::load().expect("messages");
        let book = MailBook::default();
        for kind in MailKind::ALL {
            for lang in [Lang::En, Lang::Fr] {
                let template = default_template(&locales, kind, lang);
                assert_eq!(template.check(kind), Ok(()), "{kind:?} {lang:?}");
                let values: Vec<(&str, String)> = kind
                    .variables()
                    .iter()
                    .map(|v| (v.name, format!("«{}-value»", v.name)))
                    .collect();
                let mail = book.compose(&locales, kind, lang, &values);
                let all = format!("{}\n{}", mail.subject, mail.body);
                for (name, value) in &values {
                    assert!(all.contains(value), "{kind:?} {lang:?} lacks {name}: {all}");
                }
                assert!(!all.contains("{ $"), "{kind:?} {lang:?}: {all}");
                assert!(!all.contains("mail-"), "{kind:?} {lang:?}: missing message");
                assert!(!mail.subject.trim().is_empty() && !mail.body.trim().is_empty());
                for (name, sample) in super::samples(&locales, kind, lang) {
                    assert!(!sample.starts_with("mail-sample"), "no sample for {name}");
                }
            }
            if kind.guards_link() {
                for lang in [Lang::En, Lang::Fr] {
                    let link = "https://cohort.example/verify?token=t0k3n".to_owned();
                    let mail = book.compose(&locales, kind, lang, &[("link", link.clone())]);
                    assert!(
                        mail.body.lines().any(|l| l.trim() == link),
                        "{kind:?} {lang:?}: {}",
                        mail.body
                    );
                }
            }
            // the two languages are two texts, not one copied
            let en = default_template(&locales, kind, Lang::En);
            let fr = default_template(&locales, kind, Lang::Fr);
            assert_ne!(en.body, fr.body, "{kind:?}");
        }
    }
}
