//! Fluent messages in English and French, loaded once from `locales/` (compiled in):
//! [`Locales`] holds both, [`Tr`] gives the messages of one language.

use cohort_domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

type Bundle = FluentBundle<FluentResource>;

/// The message files of one language: one file per area of the product, compiled in.
macro_rules! locale_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/accounts.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/eligibility.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/profile.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/documents.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/applications.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/privacy.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/candidate.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/office.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/allocation.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/sessions.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/calendar.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/mail.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/internship.ftl")),
        ]
    };
}

/// English messages, every file.
pub const EN: &[&str] = &locale_files!("en");
/// French messages, every file.
pub const FR: &[&str] = &locale_files!("fr");

/// Every message bundle.
pub struct Locales {
    en: Bundle,
    fr: Bundle,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Locales")
    }
}

impl Locales {
    /// Parses the message files; a syntax error is a bug caught by the tests.
    pub fn load() -> anyhow::Result<Locales> {
        let bundle = |lang: Lang, sources: &[&str]| -> anyhow::Result<Bundle> {
            let id = lang.code().parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // the isolation marks would end up inside HTML attributes and JSON
            bundle.set_use_isolating(false);
            for source in sources {
                let resource =
                    FluentResource::try_new((*source).to_owned()).map_err(|(_, errors)| {
                        anyhow::anyhow!("locales/{}: {errors:?}", lang.code())
                    })?;
                // a key defined twice is an error here, not a silent override
                bundle
                    .add_resource(resource)
                    .map_err(|errors| anyhow::anyhow!("locales/{}: {errors:?}", lang.code()))?;
            }
            Ok(bundle)
        };
        Ok(Locales {
            en: bundle(Lang::En, EN)?,
            fr: bundle(Lang::Fr, FR)?,
        })
    }

    /// The translator for one language.
    pub fn tr(&self, lang: Lang) -> Tr<'_> {
        let bundle = match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        };
        Tr { bundle, lang }
    }
}

/// Messages of one language, as templates and handlers use them.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    bundle: &'a Bundle,
    /// The language of every message this gives.
    pub lang: Lang,
}

impl std::fmt::Debug for Tr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tr({})", self.lang.code())
    }
}

impl<'a> Tr<'a> {
    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with one variable.
    pub fn t1(&self, key: &str, name: &str, value: impl ToString) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// The message `key` with a count (for plurals) and one more variable.
    pub fn count(&self, key: &str, count: usize, name: &str, value: impl ToString) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        args.set(name.to_owned(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// The message `key` with variables given as text (as the domain's `message_args`
    /// give them); numbers among them are passed as numbers, for plurals and ordinals.
    pub fn with_args(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, FluentValue::try_number(value.as_str()));
        }
        self.format(key, Some(&fluent))
    }

    /// The label of a kind of unit.
    pub fn kind(&self, kind: cohort_domain::UnitKind) -> String {
        self.t(&format!("unit-kind-{}", kind.as_str()))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = self.lang.code(), "missing message");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "message formatting failed");
        }
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(sources: &[&str]) -> BTreeSet<String> {
        sources
            .iter()
            .flat_map(|s| s.lines())
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.to_owned()))
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        assert_eq!(keys(EN), keys(FR));
        assert!(keys(EN).len() > 30);
    }

    #[test]
    fn every_key_used_in_code_and_templates_exists() {
        let en = keys(EN);
        // the crates that word messages (the domain's `key:` fields are data, not
        // messages): their sources, and the web's templates
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../");
        let mut used = BTreeSet::new();
        let mut files = Vec::new();
        let mut dirs: Vec<std::path::PathBuf> = ["web/templates", "web/src", "app/src"]
            .iter()
            .map(|d| std::path::PathBuf::from(format!("{root}{d}")))
            .collect();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        for path in files {
            let text = std::fs::read_to_string(&path).expect("read");
            for call in [".t(\"", ".t1(\"", ".count(\"", ".with_args(\"", "key: \""] {
                for piece in text.split(call).skip(1) {
                    if let Some((key, _)) = piece.split_once('"') {
                        if key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                        {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
        assert!(used.len() > 20, "the scan found the calls");
    }

    #[test]
    fn plurals_and_variables_render_in_both_languages() {
        let locales = Locales::load().expect("valid message files");
        let en = locales.tr(Lang::En);
        let fr = locales.tr(Lang::Fr);
        assert_eq!(
            en.count("search-results", 1, "query", "legal"),
            "One unit matches “legal”."
        );
        assert_eq!(
            en.count("search-results", 3, "query", "x"),
            "3 units match “x”."
        );
        assert_eq!(
            fr.count("search-results", 0, "query", "x"),
            "Aucune unité ne correspond à « x »."
        );
        assert_eq!(fr.t1("unit-code", "code", "DI"), "Code : DI");
        for kind in cohort_domain::UnitKind::ALL {
            assert!(!en.kind(kind).starts_with("unit-kind"));
            assert!(!fr.kind(kind).starts_with("unit-kind"));
        }
    }
}
