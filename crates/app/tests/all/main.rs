//! The use cases of `cohort-app`, called directly (no HTTP), on a fresh SQLite database
//! each. One test binary, one module per area.

mod sessions;

use cohort_app::files::{open_files, FilesAt};
use cohort_app::App;
use cohort_store::Store;

/// Now, for every test: a fixed instant.
pub const NOW: i64 = 1_780_000_000_000;

/// An app on a fresh, migrated database holding the NATO catalogue; the folder goes with
/// the returned guard.
pub async fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&Store::sqlite_url_in(dir.path()))
        .await
        .expect("store");
    let catalogue = cohort_domain::Catalogue::from_toml(include_str!(
        "../../../../catalogue/nato-international-staff.toml"
    ))
    .expect("catalogue");
    store.replace_catalogue(&catalogue).await.expect("import");
    let app = App {
        store,
        files: open_files(&FilesAt::Memory).expect("files"),
        clock: std::sync::Arc::new(|| NOW),
        locales: std::sync::Arc::new(cohort_i18n::Locales::load().expect("messages")),
        public_url: "https://interns.example.org".into(),
    };
    (app, dir)
}
