//! The VC-JWT of Open Badges 3.0 ("JSON Web Token Proof Format"): its exact form, and what the
//! verifier refuses.

use aws_lc_rs::{hmac, signature};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use tatwir_badges::{Error, IssuerKey, OpenBadgeCredential, verify_vc_jwt};

use crate::award::{awarded_on, certificate, expires_on, quality_label};
use crate::issuer_key::OTHER_KEY_PEM;

fn kid_url(key: &IssuerKey) -> String {
    format!("https://tatwir.example/keys/{}", key.kid())
}

fn signed_certificate() -> (String, Vec<Value>) {
    let key = IssuerKey::test_key();
    let token = certificate().to_vc_jwt(&key, &kid_url(&key)).expect("signed");
    (token, vec![key.public_jwk(&kid_url(&key))])
}

fn part(token: &str, index: usize) -> Map<String, Value> {
    let segment = token.split('.').nth(index).expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(segment).expect("base64url")).expect("JSON")
}

fn with_part(token: &str, index: usize, json: &Value) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[index] = URL_SAFE_NO_PAD.encode(json.to_string());
    parts.join(".")
}

#[test]
fn the_header_is_exactly_alg_kid_and_typ() {
    let key = IssuerKey::test_key();
    let (token, _) = signed_certificate();
    assert_eq!(
        Value::Object(part(&token, 0)),
        json!({ "alg": "RS256", "kid": kid_url(&key), "typ": "JWT" })
    );
}

#[test]
fn the_payload_is_the_credential_with_iss_jti_nbf_and_exp() {
    let (token, _) = signed_certificate();
    let mut payload = part(&token, 1);
    assert_eq!(
        payload.remove("iss"),
        Some(json!("https://tatwir.example/associations/amal/issuer"))
    );
    assert_eq!(
        payload.remove("jti"),
        Some(json!("https://tatwir.example/credentials/9f2c"))
    );
    assert_eq!(payload.remove("nbf"), Some(json!(awarded_on().timestamp())));
    assert_eq!(payload.remove("exp"), Some(json!(expires_on().timestamp())));
    assert!(!payload.contains_key("sub"), "no credentialSubject.id, no sub");
    assert!(
        !payload.contains_key("vc"),
        "VC 2.0: the credential is the payload, no vc claim"
    );
    assert_eq!(Value::Object(payload), certificate().to_json());
}

#[test]
fn a_credential_without_end_has_no_exp_and_a_subject_id_gives_sub() {
    let key = IssuerKey::test_key();
    let label = quality_label().to_vc_jwt(&key, &kid_url(&key)).expect("signed");
    assert!(!part(&label, 1).contains_key("exp"));
    let award = OpenBadgeCredential {
        subject_id: Some("did:example:amina".into()),
        ..certificate()
    };
    let token = award.to_vc_jwt(&key, &kid_url(&key)).expect("signed");
    assert_eq!(part(&token, 1)["sub"], "did:example:amina");
    let keys = [key.public_jwk(&kid_url(&key))];
    assert_eq!(verify_vc_jwt(&token, &keys).expect("verifies"), award.to_json());
    assert_eq!(
        verify_vc_jwt(&label, &keys).expect("verifies"),
        quality_label().to_json()
    );
}

#[test]
fn the_published_jwk_verifies_the_signature_outside_this_crate() {
    let (token, keys) = signed_certificate();
    let jwk = &keys[0];
    let component = |name: &str| {
        URL_SAFE_NO_PAD
            .decode(jwk[name].as_str().expect("a string"))
            .expect("base64url")
    };
    let public = signature::RsaPublicKeyComponents {
        n: component("n"),
        e: component("e"),
    };
    let (signed, signature_b64) = token.rsplit_once('.').expect("a signature");
    let signature_bytes = URL_SAFE_NO_PAD.decode(signature_b64).expect("base64url");
    public
        .verify(
            &signature::RSA_PKCS1_2048_8192_SHA256,
            signed.as_bytes(),
            &signature_bytes,
        )
        .expect("RSASSA-PKCS1-v1_5 SHA-256 over header.payload");
}

#[test]
fn a_token_round_trips_to_the_credential() {
    let (token, keys) = signed_certificate();
    assert_eq!(verify_vc_jwt(&token, &keys).expect("verifies"), certificate().to_json());
}

#[test]
fn the_key_is_chosen_by_kid_among_old_and_new_ones() {
    let old = IssuerKey::from_pkcs8_pem(OTHER_KEY_PEM).expect("a key");
    let new = IssuerKey::test_key();
    let keys = [new.public_jwk(&kid_url(&new)), old.public_jwk(&kid_url(&old))];
    for key in [&old, &new] {
        let token = certificate().to_vc_jwt(key, &kid_url(key)).expect("signed");
        assert!(verify_vc_jwt(&token, &keys).is_ok());
    }
}

#[test]
fn a_tampered_payload_is_refused() {
    let (token, keys) = signed_certificate();
    let mut payload = Value::Object(part(&token, 1));
    payload["name"] = json!("Médecine");
    payload["credentialSubject"]["achievement"]["name"] = json!("Médecine");
    let forged = with_part(&token, 1, &payload);
    assert!(matches!(verify_vc_jwt(&forged, &keys), Err(Error::BadSignature)));
}

#[test]
fn a_tampered_signature_is_refused() {
    let (token, keys) = signed_certificate();
    let (signed, signature_b64) = token.rsplit_once('.').expect("a signature");
    let mut signature_bytes = URL_SAFE_NO_PAD.decode(signature_b64).expect("base64url");
    signature_bytes[17] ^= 0x01;
    let forged = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(&signature_bytes));
    assert!(matches!(verify_vc_jwt(&forged, &keys), Err(Error::BadSignature)));
    let truncated = format!("{signed}.{}", &signature_b64[..100]);
    assert!(verify_vc_jwt(&truncated, &keys).is_err());
}

#[test]
fn a_token_signed_by_another_key_is_refused() {
    let (_, keys) = signed_certificate();
    let genuine = IssuerKey::test_key();
    let other = IssuerKey::from_pkcs8_pem(OTHER_KEY_PEM).expect("a key");
    // Claiming the genuine key's kid: the signature does not verify with it.
    let impostor = certificate().to_vc_jwt(&other, &kid_url(&genuine)).expect("signed");
    assert!(matches!(verify_vc_jwt(&impostor, &keys), Err(Error::BadSignature)));
    // Naming its own kid: no such published key.
    let unknown = certificate().to_vc_jwt(&other, &kid_url(&other)).expect("signed");
    assert!(matches!(
        verify_vc_jwt(&unknown, &keys),
        Err(Error::UnknownKey(Some(_)))
    ));
}

#[test]
fn alg_none_is_refused() {
    let (token, keys) = signed_certificate();
    let key = IssuerKey::test_key();
    let header = json!({ "alg": "none", "kid": kid_url(&key), "typ": "JWT" });
    let unsigned = with_part(&token, 0, &header);
    let (without_signature, _) = unsigned.rsplit_once('.').expect("three parts");
    for forged in [format!("{without_signature}."), unsigned] {
        assert!(matches!(
            verify_vc_jwt(&forged, &keys),
            Err(Error::UnsupportedAlgorithm(_))
        ));
    }
}

#[test]
fn hs256_keyed_with_the_public_key_is_refused() {
    let (token, keys) = signed_certificate();
    let key = IssuerKey::test_key();
    let header = URL_SAFE_NO_PAD.encode(json!({ "alg": "HS256", "kid": kid_url(&key), "typ": "JWT" }).to_string());
    let payload = token.split('.').nth(1).expect("a payload");
    let signing_input = format!("{header}.{payload}");
    // The classic confusion: the "secret" is the public key everyone can fetch.
    for secret in [
        keys[0]["n"].as_str().expect("n").as_bytes(),
        keys[0].to_string().as_bytes(),
    ] {
        let mac = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret), signing_input.as_bytes());
        let forged = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(mac.as_ref()));
        assert!(matches!(
            verify_vc_jwt(&forged, &keys),
            Err(Error::UnsupportedAlgorithm(_))
        ));
    }
}

#[test]
fn other_rsa_algorithms_and_critical_headers_are_refused() {
    let (token, keys) = signed_certificate();
    let key = IssuerKey::test_key();
    for header in [
        json!({ "alg": "RS512", "kid": kid_url(&key) }),
        json!({ "alg": "PS256", "kid": kid_url(&key) }),
        json!({ "alg": "RS256", "kid": kid_url(&key), "crit": ["b64"], "b64": false }),
        json!({ "alg": "RS256", "kid": kid_url(&key), "typ": "dpop+jwt" }),
    ] {
        let forged = with_part(&token, 0, &header);
        assert!(
            matches!(verify_vc_jwt(&forged, &keys), Err(Error::UnsupportedAlgorithm(_))),
            "{header}"
        );
    }
}

#[test]
fn a_jwk_that_is_not_an_rsa_signing_key_for_rs256_is_not_used() {
    let (token, keys) = signed_certificate();
    for (member, value) in [
        ("kty", json!("EC")),
        ("alg", json!("RS512")),
        ("use", json!("enc")),
        ("n", json!(7)),
    ] {
        let mut jwk = keys[0].clone();
        jwk[member] = value;
        assert!(
            matches!(verify_vc_jwt(&token, &[jwk]), Err(Error::UnknownKey(_))),
            "{member}"
        );
    }
}

#[test]
fn malformed_tokens_are_errors_not_panics() {
    let (token, keys) = signed_certificate();
    let (header, rest) = token.split_once('.').expect("parts");
    for garbage in [
        String::new(),
        ".".into(),
        "..".into(),
        "a.b.c".into(),
        "a.b.c.d".into(),
        format!("{token}."),
        format!("{header}.."),
        format!("{header}.!!!.{}", rest.split_once('.').expect("parts").1),
        format!("{}.{rest}", URL_SAFE_NO_PAD.encode("[1,2]")),
        format!("{}.{rest}", URL_SAFE_NO_PAD.encode(r#"{"alg":7}"#)),
        format!("{}.{rest}", URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#)),
        "é.é.é".into(),
    ] {
        assert!(verify_vc_jwt(&garbage, &keys).is_err(), "{garbage:.80}");
    }
    assert!(verify_vc_jwt(&token, &[]).is_err());
    assert!(verify_vc_jwt(&token, &[json!(null), json!("kid"), json!({})]).is_err());
}
