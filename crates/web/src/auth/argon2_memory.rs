//! argon2id with its ~19 MiB of working memory allocated once per thread and reused.
//!
//! Letting the crate allocate and free that block on each hash made glibc raise its mmap
//! threshold after the first free and then keep the freed blocks in per-thread arenas: a
//! burst of 15 registrations took the server from 37 to 250 MiB that it never gave back.
//! The password gate runs these on a fixed set of threads, so the memory is at most one
//! block per gate thread, for the life of the process.

use argon2::password_hash::{Output, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;

/// The most working memory a stored hash may ask for (a hash made by this product asks
/// for 19 MiB; anything far above is not ours).
const MAX_MEMORY_KIB: u32 = 64 * 1024;

thread_local! {
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` with at least `count` blocks of this thread's memory.
fn with_blocks<T>(count: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    BLOCKS.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        if blocks.len() < count {
            *blocks = vec![Block::default(); count];
        }
        work(&mut blocks[..count])
    })
}

/// A PHC string of `password` with a new random salt (argon2id, the crate's recommended
/// parameters).
pub fn hash(password: &[u8]) -> Result<String, String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let params = Params::default();
    let phc = compute(
        password,
        Algorithm::Argon2id,
        Version::default(),
        params,
        salt.as_salt(),
    )?;
    Ok(phc.to_string())
}

/// Whether `password` gives the hash stored in `phc` (compared in constant time).
pub fn verify(password: &[u8], phc: &PasswordHash<'_>) -> Result<bool, String> {
    let (Some(salt), Some(expected)) = (phc.salt, phc.hash) else {
        return Ok(false);
    };
    let params = Params::try_from(phc).map_err(|e| e.to_string())?;
    if params.m_cost() > MAX_MEMORY_KIB {
        return Err(format!("a stored hash asks for {} KiB", params.m_cost()));
    }
    let algorithm = Algorithm::try_from(phc.algorithm).map_err(|e| e.to_string())?;
    let version = phc
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    let computed = compute(password, algorithm, version, params, salt)?;
    Ok(computed.hash == Some(expected))
}

fn compute<'a>(
    password: &[u8],
    algorithm: Algorithm,
    version: Version,
    params: Params,
    salt: Salt<'a>,
) -> Result<PasswordHash<'a>, String> {
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .decode_b64(&mut salt_bytes)
        .map_err(|e| e.to_string())?;
    let output_len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let output = with_blocks(params.block_count(), |blocks| {
        Output::init_with(output_len, |out| {
            argon2
                .hash_password_into_with_memory(password, salt_bytes, out, blocks)
                .map_err(|_| argon2::password_hash::Error::Crypto)
        })
    })
    .map_err(|e| e.to_string())?;
    Ok(PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: (&params)
            .try_into()
            .map_err(|e: argon2::password_hash::Error| e.to_string())?,
        salt: Some(salt),
        hash: Some(output),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    #[test]
    fn our_hashes_and_the_crates_agree_both_ways() {
        let ours = hash(b"correct horse").expect("hash");
        let parsed = PasswordHash::new(&ours).expect("phc");
        Argon2::default()
            .verify_password(b"correct horse", &parsed)
            .expect("the crate accepts our hash");
        assert!(verify(b"correct horse", &parsed).expect("verify"));
        assert!(!verify(b"wrong horse", &parsed).expect("verify"));

        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let theirs = Argon2::default()
            .hash_password(b"battery staple", &salt)
            .expect("crate hash")
            .to_string();
        let parsed = PasswordHash::new(&theirs).expect("phc");
        assert!(verify(b"battery staple", &parsed).expect("verify"));
        assert!(!verify(b"battery stapler", &parsed).expect("verify"));
    }

    #[test]
    fn a_stored_hash_asking_for_too_much_memory_is_refused() {
        let params = Params::new(MAX_MEMORY_KIB + 1, 1, 1, None).expect("params");
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let phc = format!(
            "$argon2id$v=19${}${}$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            argon2::password_hash::ParamsString::try_from(&params).expect("params string"),
            salt.as_str()
        );
        let parsed = PasswordHash::new(&phc).expect("phc");
        assert!(verify(b"x", &parsed).is_err());
    }
}
