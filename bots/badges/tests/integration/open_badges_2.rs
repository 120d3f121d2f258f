//! Open Badges 2.0 hosted verification: Profile, BadgeClass, Assertion, revoked Assertion.

use serde_json::json;
use tatwir_badges::{
    HashedEmail, assertion, badge_class, hash_email, issuer_profile, normalise_email, random_salt, revoked_assertion,
};

use crate::award::{amina_email, awarded_on, expires_on, first_aid, issuer};

const ASSERTION_ID: &str = "https://tatwir.example/associations/amal/assertions/9f2c";

#[test]
fn the_identity_hash_is_the_one_of_the_specification() {
    // Open Badges: "sha256$b5809d…f399 represents the result of calculating a SHA-256 hash on the
    // string 'a@example.comKosher'" (also `printf 'a@example.comKosher' | sha256sum`).
    assert_eq!(
        hash_email("a@example.com", "Kosher"),
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
    );
}

#[test]
fn addresses_are_trimmed_and_lowercased_before_hashing() {
    assert_eq!(normalise_email("  Amina@Example.MA \n"), "amina@example.ma");
    assert_eq!(HashedEmail::new("  Amina@Example.MA ", "a-stored-salt"), amina_email());
    // printf 'amina@example.maa-stored-salt' | sha256sum
    assert_eq!(
        amina_email().identity,
        "sha256$5592dc78c0093c816ec605820720a0239f287631bd12aa0a569ba2176e1ef1f4"
    );
}

#[test]
fn salts_are_random_128_bits() {
    let (one, two) = (random_salt().expect("random"), random_salt().expect("random"));
    assert_ne!(one, two);
    assert_eq!(one.len(), 32);
    assert!(one.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    let hashed = HashedEmail::with_random_salt("amina@example.ma").expect("random");
    assert_eq!(hashed.identity, hash_email("amina@example.ma", &hashed.salt));
}

#[test]
fn the_issuer_profile_has_what_an_issuer_requires() {
    assert_eq!(
        issuer_profile(&issuer()),
        json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Issuer",
            "id": "https://tatwir.example/associations/amal/issuer",
            "name": "جمعية أمل",
            "url": "https://tatwir.example/associations/amal",
            "email": "contact@amal.example",
        })
    );
}

#[test]
fn the_badge_class_has_every_required_property() {
    assert_eq!(
        badge_class(&first_aid(), &issuer().id),
        json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "BadgeClass",
            "id": "https://tatwir.example/associations/amal/achievements/first-aid",
            "name": "Secourisme",
            "description": "Premiers secours, formation de 12 heures.",
            "image": "https://tatwir.example/associations/amal/achievements/first-aid.png",
            "criteria": { "narrative": "Suivre la formation et **réussir** l'évaluation pratique." },
            "issuer": "https://tatwir.example/associations/amal/issuer",
        })
    );
}

#[test]
fn the_assertion_names_its_recipient_by_salted_hash_and_is_hosted() {
    let document = assertion(
        ASSERTION_ID,
        &first_aid().id,
        &amina_email(),
        &awarded_on(),
        Some(&expires_on()),
    );
    assert_eq!(
        document,
        json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": ASSERTION_ID,
            "recipient": {
                "type": "email",
                "hashed": true,
                "salt": "a-stored-salt",
                "identity": "sha256$5592dc78c0093c816ec605820720a0239f287631bd12aa0a569ba2176e1ef1f4",
            },
            "badge": "https://tatwir.example/associations/amal/achievements/first-aid",
            "verification": { "type": "hosted" },
            "issuedOn": "2026-03-01T10:00:00Z",
            "expires": "2028-03-01T10:00:00Z",
        })
    );
    assert!(!document.to_string().contains("amina@"));
    let without_end = assertion(ASSERTION_ID, &first_aid().id, &amina_email(), &awarded_on(), None);
    assert!(without_end.get("expires").is_none());
}

#[test]
fn the_assertion_is_on_the_origin_of_its_issuer_as_hosted_verification_requires() {
    // Verifiers accept a hosted assertion only from the origin of the issuer's Profile id
    // (the default allowedOrigins); the caller's URLs here follow that rule.
    let origin = |url: &str| url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    assert_eq!(origin(ASSERTION_ID), origin(&issuer().id));
    assert_eq!(origin(&first_aid().id), origin(&issuer().id));
}

#[test]
fn a_revoked_assertion_keeps_only_its_id_and_says_why() {
    assert_eq!(
        revoked_assertion(ASSERTION_ID, Some("Délivré par erreur")),
        json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": ASSERTION_ID,
            "revoked": true,
            "revocationReason": "Délivré par erreur",
        })
    );
    assert!(revoked_assertion(ASSERTION_ID, None).get("revocationReason").is_none());
}
