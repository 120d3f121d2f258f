//! The issuer's RSA key: storage as PKCS#8 PEM, its id, its public JWK.

use std::time::Instant;

use tatwir_badges::{Error, IssuerKey};

const TEST_KEY_PEM: &str = include_str!("../../src/test_key.pem");
pub const OTHER_KEY_PEM: &str = include_str!("keys/other_2048.pem");
const WEAK_KEY_PEM: &str = include_str!("keys/weak_1024.pem");

/// The test key's RFC 7638 thumbprint, computed outside this crate: `openssl rsa -modulus` for
/// `n`, then SHA-256 of `{"e":"AQAB","kty":"RSA","n":"…"}` in Python.
const TEST_KEY_THUMBPRINT: &str = "qDGp3URrsRZxbcG4PE-4wT0fy8f3BMRYd3ba5Y13yig";

#[test]
fn the_test_key_has_the_thumbprint_computed_by_openssl_and_python() {
    let key = IssuerKey::test_key();
    assert_eq!(key.kid(), TEST_KEY_THUMBPRINT);
    assert_eq!(key.modulus_bits(), 2048);
}

#[test]
fn a_key_survives_its_pkcs8_pem() {
    let key = IssuerKey::test_key();
    let pem = key.to_pkcs8_pem();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    assert!(pem.ends_with("-----END PRIVATE KEY-----\n"));
    assert!(pem.lines().all(|line| line.len() <= 64));
    // The same DER, armoured as OpenSSL does.
    assert_eq!(pem, TEST_KEY_PEM);
    let again = IssuerKey::from_pkcs8_pem(&pem).expect("our own PEM reads back");
    assert_eq!(again.kid(), key.kid());
    assert_eq!(again.public_jwk("k"), key.public_jwk("k"));
}

#[test]
fn the_public_jwk_has_what_rfc_7517_and_open_badges_ask_and_no_private_part() {
    let key = IssuerKey::test_key();
    let kid_url = format!("https://tatwir.example/keys/{}", key.kid());
    let jwk = key.public_jwk(&kid_url);
    let object = jwk.as_object().expect("a JSON object");
    let mut members: Vec<&str> = object.keys().map(String::as_str).collect();
    members.sort_unstable();
    assert_eq!(members, ["alg", "e", "kid", "kty", "n", "use"]);
    assert_eq!(jwk["kty"], "RSA");
    assert_eq!(jwk["alg"], "RS256");
    assert_eq!(jwk["use"], "sig");
    assert_eq!(jwk["kid"], kid_url.as_str());
    assert_eq!(jwk["e"], "AQAB");
    // 2048 bits: 256 bytes, 342 base64url characters without padding or leading zero.
    assert_eq!(jwk["n"].as_str().map(str::len), Some(342));
    assert!(jwk["n"].as_str().is_some_and(|n| n.starts_with("ohOK6UNWSV8puxbkG6O9")));
}

#[test]
fn a_generated_key_is_fresh_2048_bits_and_reads_back() {
    let started = Instant::now();
    let key = IssuerKey::generate().expect("a key");
    eprintln!("RSA-2048 key generation took {:?}", started.elapsed());
    assert_eq!(key.modulus_bits(), 2048);
    assert_ne!(key.kid(), IssuerKey::test_key().kid());
    let again = IssuerKey::from_pkcs8_pem(&key.to_pkcs8_pem()).expect("reads back");
    assert_eq!(again.kid(), key.kid());
}

#[test]
fn keys_under_2048_bits_are_refused() {
    assert!(matches!(
        IssuerKey::from_pkcs8_pem(WEAK_KEY_PEM),
        Err(Error::InvalidKey(_))
    ));
}

#[test]
fn malformed_pem_is_an_error_not_a_panic() {
    let body: String = TEST_KEY_PEM.lines().filter(|line| !line.starts_with("-----")).collect();
    let truncated = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        &body[..body.len() / 2]
    );
    for pem in [
        "",
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
        truncated.as_str(),
        &"A".repeat(100_000),
    ] {
        assert!(
            matches!(IssuerKey::from_pkcs8_pem(pem), Err(Error::InvalidKey(_))),
            "{pem:.60}"
        );
    }
}

#[test]
fn debug_never_shows_the_private_key() {
    let key = IssuerKey::test_key();
    let shown = format!("{key:?}");
    assert!(shown.contains(key.kid()));
    assert!(!shown.contains("PRIVATE"));
    assert!(shown.len() < 120, "{shown}");
}
