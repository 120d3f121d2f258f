//! A recipient's e-mail address as the badges carry it: salted and hashed, never in clear.

use aws_lc_rs::digest::{SHA256, digest};

use crate::{Error, Result};

/// A recipient's e-mail address hashed with a salt, as Open Badges 2.0 (`IdentityObject` of type
/// `email`) and 3.0 (`IdentityObject` of `identityType` `emailAddress`) both write it.
///
/// The caller stores the salt and the hash, which is all a document needs: the address itself
/// need not be kept for the badges. A backpack proves the award is the holder's by hashing the
/// holder's verified address with the salt and comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedEmail {
    /// The salt appended to the address before hashing.
    pub salt: String,
    /// `sha256$` followed by the lowercase hex SHA-256 of the normalised address and the salt.
    pub identity: String,
}

impl HashedEmail {
    /// Hashes `email` (normalised by [`normalise_email`]) with `salt`.
    pub fn new(email: &str, salt: &str) -> Self {
        Self {
            salt: salt.to_owned(),
            identity: hash_email(email, salt),
        }
    }

    /// Hashes `email` with a fresh salt from [`random_salt`].
    pub fn with_random_salt(email: &str) -> Result<Self> {
        Ok(Self::new(email, &random_salt()?))
    }
}

/// A fresh salt: 16 bytes (128 bits) from the operating system's CSPRNG, as 32 lowercase hex
/// digits. Fails only if the operating system gives no randomness.
pub fn random_salt() -> Result<String> {
    let mut bytes = [0u8; 16];
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| Error::Random)?;
    Ok(hex(&bytes))
}

/// The form of an address that is hashed: surrounding white space removed, then lowercased.
///
/// Lowercasing the local part is not what RFC 5321 says, but it is what people and backpacks do:
/// the same person typing `Amina@Example.ma` and `amina@example.ma` must get the same hash.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The Open Badges identity hash of an address: `sha256$` and the lowercase hex SHA-256 of the
/// UTF-8 bytes of [`normalise_email`]`(email)` followed by `salt`.
pub fn hash_email(email: &str, salt: &str) -> String {
    let mut input = normalise_email(email);
    input.push_str(salt);
    format!("sha256${}", hex(digest(&SHA256, input.as_bytes()).as_ref()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}
