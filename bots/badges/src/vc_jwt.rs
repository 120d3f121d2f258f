//! Credentials signed as JWTs (compact JWS, RS256): Open Badges 3.0's "JSON Web Token Proof
//! Format", which secures a VC Data Model 2.0 credential as VC-JOSE-COSE does, the credential
//! itself being the payload (no `vc` claim).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, Header, Validation};
use serde_json::{Map, Value};

use crate::{Error, IssuerKey, Result};

/// The JWT claims this crate adds to a credential, and takes away again when verifying.
const CLAIMS: [&str; 5] = ["iss", "jti", "sub", "nbf", "exp"];

/// Whether the payload carries `nbf`. Open Badges 3.0 requires it (= `validFrom`);
/// VC-JOSE-COSE does not recommend it, and a status list, made anew whenever a credential is
/// revoked, would be refused for a few seconds by any verifier whose clock is behind ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotBefore {
    Claim,
    Omit,
}

/// Signs `credential` (a JSON object with `id`, `issuer` and `validFrom`) with RS256.
pub(crate) fn sign(credential: &Value, key: &IssuerKey, kid_url: &str, not_before: NotBefore) -> Result<String> {
    let body = credential
        .as_object()
        .ok_or(Error::Signing("the credential is not an object".into()))?;
    let facts = Facts::of(body)?;
    let mut payload = body.clone();
    payload.insert("iss".into(), facts.issuer.into());
    payload.insert("jti".into(), facts.id.into());
    if let Some(subject) = facts.subject {
        payload.insert("sub".into(), subject.into());
    }
    if not_before == NotBefore::Claim {
        let valid_from = facts.valid_from.ok_or(Error::Signing("no validFrom".into()))?;
        payload.insert("nbf".into(), valid_from.timestamp().into());
    }
    if let Some(valid_until) = facts.valid_until {
        payload.insert("exp".into(), valid_until.timestamp().into());
    }
    // Open Badges 3.0 allows exactly `alg`, `kid` (or `jwk`) and `typ`, which "MUST be JWT".
    let mut header = Header::new(Algorithm::RS256);
    header.typ = Some("JWT".into());
    header.kid = Some(kid_url.into());
    jsonwebtoken::encode(&header, &payload, key.signing_key()).map_err(|e| Error::Signing(e.to_string()))
}

/// Verifies a VC-JWT made by this crate (or any RS256 VC-JWT of the same form) and returns the
/// credential it carries, without the JWT claims.
///
/// `keys` are the issuer's published public JWKs, as [`IssuerKey::public_jwk`] makes them, old
/// and new; the one whose `kid` equals the token's `kid` header is used, its public key rebuilt
/// from `n` and `e`. Refused: a token that is not a compact JWS, an `alg` other than RS256 (`none`
/// and `HS256` included), a `crit` header, a `typ` other than `JWT` or `vc+jwt`, an unknown
/// `kid`, a bad signature, and claims that disagree with the credential (`iss` with `issuer`,
/// `jti` with `id`, `sub` with `credentialSubject.id`, `nbf` with `validFrom`, `exp` with
/// `validUntil`; `iss` and `jti` are required, and `nbf` too for an Open Badges credential).
///
/// The validity period and the revocation status are not checked here: the caller holds the
/// clock and the status list ([`status_is_set`](crate::status_is_set)).
pub fn verify_vc_jwt(token: &str, keys: &[Value]) -> Result<Value> {
    let header = decode_header(token)?;
    match header.get("alg").and_then(Value::as_str) {
        Some("RS256") => {}
        Some(other) => return Err(Error::UnsupportedAlgorithm(other.into())),
        None => return Err(Error::UnsupportedAlgorithm("no alg".into())),
    }
    if header.contains_key("crit") {
        return Err(Error::UnsupportedAlgorithm("crit".into()));
    }
    if let Some(typ) = header.get("typ") {
        let typ = typ.as_str().unwrap_or_default().to_ascii_lowercase();
        let typ = typ.strip_prefix("application/").unwrap_or(&typ);
        if typ != "jwt" && typ != "vc+jwt" {
            return Err(Error::UnsupportedAlgorithm(format!("typ {typ}")));
        }
    }
    let kid = header.get("kid").and_then(Value::as_str);
    let jwk = kid
        .and_then(|kid| {
            keys.iter()
                .find(|jwk| jwk.get("kid").and_then(Value::as_str) == Some(kid))
        })
        .ok_or_else(|| Error::UnknownKey(kid.map(str::to_owned)))?;
    let decoding_key = rsa_public_key(jwk).ok_or_else(|| Error::UnknownKey(kid.map(str::to_owned)))?;

    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let payload = jsonwebtoken::decode::<Map<String, Value>>(token, &decoding_key, &validation)
        .map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::InvalidSignature => Error::BadSignature,
            jsonwebtoken::errors::ErrorKind::InvalidAlgorithm => Error::UnsupportedAlgorithm("alg".into()),
            _ => Error::MalformedToken("undecodable token"),
        })?
        .claims;

    let mut credential = payload.clone();
    for claim in CLAIMS {
        credential.remove(claim);
    }
    check_claims(
        &payload,
        &Facts::of(&credential).map_err(|_| Error::MalformedToken("not a credential"))?,
    )?;
    Ok(Value::Object(credential))
}

/// The header, read before any key is chosen (the signature is checked afterwards).
fn decode_header(token: &str) -> Result<Map<String, Value>> {
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(Error::MalformedToken("not three dot-separated parts"));
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| Error::MalformedToken("header is not base64url"))?;
    serde_json::from_slice(&bytes).map_err(|_| Error::MalformedToken("header is not a JSON object"))
}

/// The RSA public key of a JWK meant for RS256 signatures, from its `n` and `e`.
fn rsa_public_key(jwk: &Value) -> Option<DecodingKey> {
    let member = |name: &str| jwk.get(name).map(|value| value.as_str());
    if member("kty")? != Some("RSA") {
        return None;
    }
    if !matches!(member("alg"), None | Some(Some("RS256"))) || !matches!(member("use"), None | Some(Some("sig"))) {
        return None;
    }
    DecodingKey::from_rsa_components(member("n")??, member("e")??).ok()
}

/// What the claims must agree with, read from the credential.
struct Facts<'a> {
    id: &'a str,
    issuer: &'a str,
    subject: Option<&'a str>,
    valid_from: Option<DateTime<Utc>>,
    valid_until: Option<DateTime<Utc>>,
    open_badge: bool,
}

impl<'a> Facts<'a> {
    fn of(credential: &'a Map<String, Value>) -> Result<Self> {
        let missing = |what: &'static str| Error::Signing(format!("the credential has no {what}"));
        let id = credential
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| missing("id"))?;
        let issuer = match credential.get("issuer") {
            Some(Value::String(issuer)) => Some(issuer.as_str()),
            Some(Value::Object(issuer)) => issuer.get("id").and_then(Value::as_str),
            _ => None,
        }
        .ok_or_else(|| missing("issuer id"))?;
        let subject = credential
            .get("credentialSubject")
            .and_then(|subject| subject.get("id"))
            .and_then(Value::as_str);
        let date = |name: &str| -> Result<Option<DateTime<Utc>>> {
            match credential.get(name) {
                None => Ok(None),
                Some(value) => value
                    .as_str()
                    .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
                    .map(|at| Some(at.with_timezone(&Utc)))
                    .ok_or_else(|| missing("valid date")),
            }
        };
        let open_badge = credential.get("type").and_then(Value::as_array).is_some_and(|types| {
            types
                .iter()
                .any(|t| t == "OpenBadgeCredential" || t == "AchievementCredential")
        });
        Ok(Self {
            id,
            issuer,
            subject,
            valid_from: date("validFrom")?,
            valid_until: date("validUntil")?,
            open_badge,
        })
    }
}

fn check_claims(payload: &Map<String, Value>, facts: &Facts<'_>) -> Result<()> {
    let text = |name| payload.get(name).map(Value::as_str);
    let seconds = |name| payload.get(name).map(Value::as_i64);
    if text("iss") != Some(Some(facts.issuer)) {
        return Err(Error::ClaimMismatch("iss"));
    }
    if text("jti") != Some(Some(facts.id)) {
        return Err(Error::ClaimMismatch("jti"));
    }
    if text("sub") != facts.subject.map(Some) {
        return Err(Error::ClaimMismatch("sub"));
    }
    match (seconds("nbf"), facts.valid_from) {
        (Some(Some(nbf)), Some(from)) if nbf == from.timestamp() => {}
        (None, _) if !facts.open_badge => {}
        _ => return Err(Error::ClaimMismatch("nbf")),
    }
    match (seconds("exp"), facts.valid_until) {
        (Some(Some(exp)), Some(until)) if exp == until.timestamp() => {}
        (None, None) => {}
        _ => return Err(Error::ClaimMismatch("exp")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{Algorithm, Header};
    use serde_json::{Value, json};

    use super::verify_vc_jwt;
    use crate::{Error, IssuerKey};

    const KID: &str = "https://tatwir.example/keys/test";

    fn credential() -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "https://tatwir.example/credentials/1",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": { "id": "https://tatwir.example/issuer", "type": ["Profile"], "name": "Tatwir" },
            "validFrom": "2026-03-01T10:00:00Z",
            "validUntil": "2028-03-01T10:00:00Z",
            "name": "Secourisme",
            "credentialSubject": { "id": "did:example:amina", "type": ["AchievementSubject"] },
        })
    }

    /// The claims a faithful issuer would add.
    fn faithful() -> Value {
        json!({
            "iss": "https://tatwir.example/issuer",
            "jti": "https://tatwir.example/credentials/1",
            "sub": "did:example:amina",
            "nbf": 1_772_359_200,
            "exp": 1_835_517_600,
        })
    }

    /// Signs the credential with the given claims, whatever they say, with a genuine key.
    fn token(claims: &Value) -> String {
        let mut payload = credential();
        for (name, value) in claims.as_object().into_iter().flatten() {
            if !value.is_null() {
                payload[name] = value.clone();
            }
        }
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(KID.into());
        jsonwebtoken::encode(&header, &payload, IssuerKey::test_key().signing_key()).expect("signs")
    }

    fn verify(claims: &Value) -> crate::Result<Value> {
        verify_vc_jwt(&token(claims), &[IssuerKey::test_key().public_jwk(KID)])
    }

    #[test]
    fn faithful_claims_verify_and_are_taken_away() {
        assert_eq!(verify(&faithful()).expect("verifies"), credential());
    }

    #[test]
    fn each_claim_must_agree_with_the_credential() {
        for (claim, wrong) in [
            ("iss", json!("https://evil.example/issuer")),
            ("jti", json!("https://tatwir.example/credentials/2")),
            ("sub", json!("did:example:someone-else")),
            ("nbf", json!(1_772_359_201)),
            ("exp", json!(1_900_000_000)),
            ("iss", json!(7)),
            ("nbf", json!("1772359200")),
        ] {
            let mut claims = faithful();
            claims[claim] = wrong;
            assert!(
                matches!(verify(&claims), Err(Error::ClaimMismatch(name)) if name == claim),
                "{claim}"
            );
        }
    }

    #[test]
    fn iss_jti_nbf_and_the_matching_sub_and_exp_are_required() {
        for claim in ["iss", "jti", "sub", "nbf", "exp"] {
            let mut claims = faithful();
            claims[claim] = Value::Null;
            assert!(
                matches!(verify(&claims), Err(Error::ClaimMismatch(name)) if name == claim),
                "{claim}"
            );
        }
    }
}
