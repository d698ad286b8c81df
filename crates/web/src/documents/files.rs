//! The object store holding uploaded files, and their random names.

use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::ObjectStore;
use rand::RngCore;
use std::sync::Arc;

/// A local folder (created if missing), or memory when there is none (tests).
pub fn open_files(dir: Option<&std::path::Path>) -> anyhow::Result<Arc<dyn ObjectStore>> {
    match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                anyhow::anyhow!("cannot create the files folder {}: {e}", dir.display())
            })?;
            Ok(Arc::new(LocalFileSystem::new_with_prefix(dir)?))
        }
        None => Ok(Arc::new(InMemory::new())),
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
