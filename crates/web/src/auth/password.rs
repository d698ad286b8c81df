//! argon2id hashing, off the async threads (it is deliberately slow).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Hashes a password into a PHC string (argon2id, the crate's recommended parameters).
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

/// Whether `password` matches `phc`. With no stored hash, or one that is not a PHC
/// string (a staff account whose owner has not chosen a password yet), nothing matches but
/// the same time is spent, so that response times do not tell which accounts exist.
pub async fn verify(password: String, phc: Option<String>) -> anyhow::Result<bool> {
    let phc = phc.filter(|p| PasswordHash::new(p).is_ok());
    let known = phc.is_some();
    let stored = match phc {
        Some(phc) => phc,
        None => dummy().await?,
    };
    let matches = tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored).map_err(|e| anyhow::anyhow!("bad hash: {e}"))?;
        anyhow::Ok(
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
        )
    })
    .await??;
    Ok(matches && known)
}

/// A hash of a random password nobody knows, made once.
async fn dummy() -> anyhow::Result<String> {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY
        .get_or_try_init(|| hash(super::tokens::random_token()))
        .await
        .cloned()
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn hashes_verify_and_differ() {
        let a = super::hash("correct horse battery".into())
            .await
            .expect("hash");
        let b = super::hash("correct horse battery".into())
            .await
            .expect("hash");
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(
            super::verify("correct horse battery".into(), Some(a.clone()))
                .await
                .expect("verify")
        );
        assert!(!super::verify("wrong horse battery".into(), Some(a))
            .await
            .expect("verify"));
        assert!(!super::verify("anything at all".into(), None)
            .await
            .expect("verify"));
        assert!(
            !super::verify("!".into(), Some(cohort_store::NO_PASSWORD.into()))
                .await
                .expect("verify"),
            "a password-less account matches nothing"
        );
    }
}
