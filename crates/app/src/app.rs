//! What every use case works with: the database, the object store of uploaded files, the
//! clock, the messages and the public address. Cheap to clone.

use cohort_i18n::Locales;
use cohort_store::Store;
use object_store::ObjectStore;
use std::sync::Arc;

/// Now, in Unix milliseconds; tests move it instead of waiting.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    })
}

/// The parts the use cases share.
#[derive(Clone)]
pub struct App {
    /// The database.
    pub store: Store,
    /// Uploaded documents, under random names ([`crate::files`]).
    pub files: Arc<dyn ObjectStore>,
    /// The clock.
    pub clock: Clock,
    /// Messages in every language (e-mails are written here).
    pub locales: Arc<Locales>,
    /// The address people reach the site at, for links in e-mails.
    pub public_url: String,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.store)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Now, in Unix milliseconds.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }
}
