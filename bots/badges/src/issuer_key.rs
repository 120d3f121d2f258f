//! The RSA key an issuer signs its credentials with.

use aws_lc_rs::digest::{SHA256, digest};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::KeyPair as _;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use crate::{Error, Result};

const PEM_BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const PEM_END: &str = "-----END PRIVATE KEY-----";
/// RS256 is RSASSA-PKCS1-v1_5 with SHA-256; RFC 7518 (3.3) asks for 2048 bits or more.
const MIN_MODULUS_BITS: usize = 2048;
/// Anything larger than an 8192-bit key, base64-armoured with comments, is not a key.
const MAX_PEM_LEN: usize = 16 * 1024;

/// An issuer's RSA private key, used with RS256.
///
/// The caller stores it as PKCS#8 PEM ([`IssuerKey::to_pkcs8_pem`]) and publishes its public half
/// as a JWK ([`IssuerKey::public_jwk`]) at the URL it names in the `kid` of every token signed
/// with it. Rotation is the caller's: keep old keys published so that their tokens keep verifying.
///
/// `Debug` shows the key id only, never the private key.
pub struct IssuerKey {
    pair: KeyPair,
    pkcs8: Zeroizing<Vec<u8>>,
    signing: jsonwebtoken::EncodingKey,
    modulus: String,
    exponent: String,
    kid: String,
}

impl IssuerKey {
    /// A new 2048-bit RSA key from the operating system's randomness.
    ///
    /// RSA key generation searches for primes, so its time varies: 0.2 to 0.5 s measured in this
    /// workspace's debug test build on two shared cores. Tests should use `IssuerKey::test_key`
    /// (feature `test-key`).
    pub fn generate() -> Result<Self> {
        let pair = KeyPair::generate(KeySize::Rsa2048).map_err(|_| Error::KeyGeneration)?;
        let pkcs8 = pair.as_der().map_err(|_| Error::KeyGeneration)?;
        Self::from_pkcs8_der(pkcs8.as_ref())
    }

    /// Reads a key written by [`IssuerKey::to_pkcs8_pem`] (or any unencrypted PKCS#8
    /// `PRIVATE KEY` PEM holding an RSA key of 2048 bits or more).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self> {
        if pem.len() > MAX_PEM_LEN {
            return Err(Error::InvalidKey("too long for a PEM key"));
        }
        let body = pem
            .trim()
            .strip_prefix(PEM_BEGIN)
            .and_then(|rest| rest.strip_suffix(PEM_END))
            .ok_or(Error::InvalidKey("not a PEM \"PRIVATE KEY\" block"))?;
        let base64: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = Zeroizing::new(
            STANDARD
                .decode(base64.as_bytes())
                .map_err(|_| Error::InvalidKey("bad base64 in PEM"))?,
        );
        Self::from_pkcs8_der(&der)
    }

    fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let pair = KeyPair::from_pkcs8(der).map_err(|_| Error::InvalidKey("not an RSA PKCS#8 key"))?;
        if pair.public_modulus_len() * 8 < MIN_MODULUS_BITS {
            return Err(Error::InvalidKey("RSA keys for RS256 need 2048 bits or more"));
        }
        // jsonwebtoken's aws-lc backend takes the PKCS#1 RSAPrivateKey, which PKCS#8 wraps.
        let info = pkcs8::PrivateKeyInfo::try_from(der).map_err(|_| Error::InvalidKey("not a PKCS#8 structure"))?;
        let signing = jsonwebtoken::EncodingKey::from_rsa_der(info.private_key);
        let public = pair.public_key();
        let modulus = URL_SAFE_NO_PAD.encode(public.modulus().big_endian_without_leading_zero());
        let exponent = URL_SAFE_NO_PAD.encode(public.exponent().big_endian_without_leading_zero());
        let kid = thumbprint(&modulus, &exponent);
        Ok(Self {
            pair,
            pkcs8: Zeroizing::new(der.to_vec()),
            signing,
            modulus,
            exponent,
            kid,
        })
    }

    /// The private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for the caller's database.
    /// A secret: store it as one.
    pub fn to_pkcs8_pem(&self) -> String {
        let base64 = Zeroizing::new(STANDARD.encode(self.pkcs8.as_slice()));
        let mut pem = String::with_capacity(base64.len() + base64.len() / 64 + 64);
        pem.push_str(PEM_BEGIN);
        pem.push('\n');
        for line in base64.as_bytes().chunks(64) {
            // Base64 is ASCII, so every chunk is valid UTF-8.
            pem.push_str(std::str::from_utf8(line).unwrap_or_default());
            pem.push('\n');
        }
        pem.push_str(PEM_END);
        pem.push('\n');
        pem
    }

    /// A stable id of the key: its RFC 7638 JWK thumbprint (SHA-256, base64url without padding).
    ///
    /// It is computed from the public key only, so it never changes for a key; a good kid URL is
    /// `<base>/keys/<kid>`.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key as a JWK (RFC 7517): `kty` RSA, `n`, `e`, `alg` RS256, `use` sig and `kid`.
    ///
    /// `kid_url` is the URL where the caller serves this very JSON object (not a JWK Set): it is
    /// the `kid` of the tokens signed with this key, and verifiers (the 1EdTech validator among
    /// them) fetch it to check them. It never contains the private exponent `d`.
    pub fn public_jwk(&self, kid_url: &str) -> Value {
        json!({
            "kty": "RSA",
            "n": self.modulus,
            "e": self.exponent,
            "alg": "RS256",
            "use": "sig",
            "kid": kid_url,
        })
    }

    pub(crate) fn signing_key(&self) -> &jsonwebtoken::EncodingKey {
        &self.signing
    }

    /// The size of the modulus, in bits.
    pub fn modulus_bits(&self) -> usize {
        self.pair.public_modulus_len() * 8
    }
}

#[cfg(any(test, feature = "test-key"))]
impl IssuerKey {
    /// A fixed 2048-bit key for tests (this crate's and its callers', with the `test-key`
    /// feature). Its private half is public: never sign anything real with it.
    pub fn test_key() -> Self {
        Self::from_pkcs8_pem(include_str!("test_key.pem")).expect("the bundled test key is valid")
    }
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

/// RFC 7638: SHA-256 over the required members of the JWK in lexicographic order, no white space.
/// `n` and `e` are base64url, so they need no JSON escaping.
fn thumbprint(modulus: &str, exponent: &str) -> String {
    let canonical = format!(r#"{{"e":"{exponent}","kty":"RSA","n":"{modulus}"}}"#);
    URL_SAFE_NO_PAD.encode(digest(&SHA256, canonical.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::thumbprint;

    #[test]
    fn the_thumbprint_is_the_one_of_rfc_7638_section_3_1() {
        let modulus = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP\
            ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicA\
            taSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINH\
            aQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        assert_eq!(
            thumbprint(modulus, "AQAB"),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }
}
