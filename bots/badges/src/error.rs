/// What can go wrong: a key, a token or an encoded list that cannot be read or trusted.
///
/// Building a document cannot fail; reading something that came from outside can, and always
/// returns one of these instead of panicking.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operating system gave no randomness.
    #[error("no randomness from the operating system")]
    Random,
    /// The RSA key generation failed.
    #[error("could not generate an RSA key")]
    KeyGeneration,
    /// The text is not a PKCS#8 PEM RSA private key this crate accepts (2048 bits or more).
    #[error("not a usable PKCS#8 RSA private key: {0}")]
    InvalidKey(&'static str),
    /// Signing failed inside the crypto library.
    #[error("could not sign: {0}")]
    Signing(String),
    /// The token is not a compact JWS with a JSON header and a JSON object payload.
    #[error("malformed token: {0}")]
    MalformedToken(&'static str),
    /// The token's header names an algorithm other than RS256 (`none` and `HS256` among them), or
    /// a critical extension.
    #[error("refused algorithm or header: {0}")]
    UnsupportedAlgorithm(String),
    /// No given public key has the token's `kid`, or that key is not an RSA signing key for RS256.
    #[error("no usable public key for kid {0:?}")]
    UnknownKey(Option<String>),
    /// The signature does not verify with the key the token names.
    #[error("the signature does not verify")]
    BadSignature,
    /// A JWT claim disagrees with the credential it carries (or one that must be there is not).
    #[error("the JWT claim {0} does not agree with the credential")]
    ClaimMismatch(&'static str),
    /// The `encodedList` is not multibase base64url of a GZIP stream.
    #[error("malformed status list: {0}")]
    MalformedStatusList(&'static str),
    /// The decoded status list is shorter than the 131,072 entries the specification requires.
    #[error("the status list has {0} bits, fewer than 131072")]
    StatusListTooShort(usize),
    /// The index is outside the list: beyond its end when reading, beyond
    /// [`MAX_STATUS_LIST_BITS`](crate::MAX_STATUS_LIST_BITS) when writing.
    #[error("status list index {0} is out of range")]
    StatusIndexOutOfRange(u64),
}

/// This crate's result.
pub type Result<T> = std::result::Result<T, Error>;
