//! The object store holding uploaded files, and their random names.

use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::ObjectStore;
use rand::RngCore;
use std::path::PathBuf;
use std::sync::Arc;

/// Where uploaded documents are kept.
#[derive(Clone, Default)]
pub enum FilesAt {
    /// In memory (tests).
    #[default]
    Memory,
    /// A local folder, created if missing (the default of `cohort serve`).
    Folder(PathBuf),
    /// An object store by URL, e.g. `s3://bucket/prefix`, with its options (for S3:
    /// `aws_endpoint`, `aws_access_key_id`, `aws_secret_access_key`, `aws_region`,
    /// `aws_allow_http`).
    Url {
        /// The URL.
        url: String,
        /// Options by key.
        options: Vec<(String, String)>,
    },
}

impl std::fmt::Debug for FilesAt {
    // option values may be secrets: only their keys are shown
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FilesAt::Memory => f.write_str("Memory"),
            FilesAt::Folder(dir) => f.debug_tuple("Folder").field(dir).finish(),
            FilesAt::Url { url, options } => f
                .debug_struct("Url")
                .field("url", url)
                .field(
                    "options",
                    &options.iter().map(|(k, _)| k).collect::<Vec<_>>(),
                )
                .finish(),
        }
    }
}

/// The object store `at` names: a local folder (created if missing), an S3-compatible
/// bucket by URL, or memory (tests).
pub fn open_files(at: &FilesAt) -> anyhow::Result<Arc<dyn ObjectStore>> {
    match at {
        FilesAt::Folder(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                anyhow::anyhow!("cannot create the files folder {}: {e}", dir.display())
            })?;
            Ok(Arc::new(LocalFileSystem::new_with_prefix(dir)?))
        }
        FilesAt::Url { url, options } => {
            let parsed = url::Url::parse(url)
                .map_err(|e| anyhow::anyhow!("the files URL {url:?} is not a URL: {e}"))?;
            let (store, prefix) = object_store::parse_url_opts(&parsed, options.clone())
                .map_err(|e| anyhow::anyhow!("cannot use the files URL {url}: {e}"))?;
            let store: Arc<dyn ObjectStore> = Arc::from(store);
            Ok(if prefix.as_ref().is_empty() {
                store
            } else {
                Arc::new(PrefixStore::new(store, prefix))
            })
        }
        FilesAt::Memory => Ok(Arc::new(InMemory::new())),
    }
}

/// A new object key: `documents/` and 128 random bits from the OS in hex. No user input.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("documents/{hex}")
}

/// The object store path of a stored key.
pub fn path(key: &str) -> Path {
    Path::from(key)
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_random_and_plain() {
        let a = super::new_key();
        assert_eq!(a.len(), "documents/".len() + 32);
        assert!(a["documents/".len()..]
            .chars()
            .all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, super::new_key());
        assert_eq!(super::path(&a).as_ref(), a);
    }
}
