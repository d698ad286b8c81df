//! One module per subcommand.

pub mod allocate;
pub mod audit;
pub mod catalogue;
pub mod demo;
pub mod migrate;
pub mod retention;
pub mod serve;
pub mod session;
pub mod user;

use crate::args::DatabaseArgs;
use anyhow::Context;
use cohort_store::Store;

/// Opens (and migrates) the database the arguments point to.
pub async fn open_store(args: &DatabaseArgs) -> anyhow::Result<Store> {
    let url = match &args.database_url {
        Some(url) => url.clone(),
        None => {
            std::fs::create_dir_all(&args.data_dir).with_context(|| {
                format!(
                    "cannot create the data directory {}",
                    args.data_dir.display()
                )
            })?;
            Store::sqlite_url_in(&args.data_dir)
        }
    };
    Store::open_with(&url, args.sqlite_sync.into())
        .await
        .with_context(|| format!("cannot open the database {}", redact(&url)))
}

/// The URL without its password, for messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The use cases' `App` for a command that touches no document (`session import`, `user
/// add`): the system clock, the messages, and `public_url` for links in e-mails.
pub fn app_without_files(
    store: cohort_store::Store,
    public_url: &str,
) -> anyhow::Result<cohort_app::App> {
    Ok(cohort_app::App {
        store,
        files: cohort_app::files::open_files(&cohort_app::files::FilesAt::Memory)?,
        clock: cohort_app::system_clock(),
        locales: std::sync::Arc::new(cohort_i18n::Locales::load()?),
        public_url: public_url.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite://x.db"), "sqlite://x.db");
    }
}
