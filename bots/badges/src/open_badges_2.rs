//! Open Badges 2.0 with hosted verification: the issuer's `Profile`, the `BadgeClass` and the
//! `Assertion`, each a JSON-LD document the caller serves at its own id (as
//! `application/ld+json`, or `application/json` when that is all the client accepts).
//!
//! Hosted verification trusts an assertion because it answers at its id, on the same origin as
//! the issuer's Profile id; a revoked one answers `410 Gone` with [`revoked_assertion`].

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::{Achievement, HashedEmail, Issuer, timestamp};

const CONTEXT_OB_V2: &str = "https://w3id.org/openbadges/v2";

/// The issuer's `Profile` (type `Issuer`), with the properties Open Badges 2.0 requires of an
/// issuer: `id`, `type`, `name`, `url` and `email`.
pub fn issuer_profile(issuer: &Issuer) -> Value {
    json!({
        "@context": CONTEXT_OB_V2,
        "type": "Issuer",
        "id": issuer.id,
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
    })
}

/// The `BadgeClass` of an achievement, issued by the Profile at `issuer_id`: `id`, `type`,
/// `name`, `description`, `image`, `criteria` (embedded, with its `narrative`) and `issuer`.
pub fn badge_class(achievement: &Achievement, issuer_id: &str) -> Value {
    json!({
        "@context": CONTEXT_OB_V2,
        "type": "BadgeClass",
        "id": achievement.id,
        "name": achievement.name,
        "description": achievement.description,
        "image": achievement.image,
        "criteria": { "narrative": achievement.criteria },
        "issuer": issuer_id,
    })
}

/// A hosted `Assertion` at `id` of the `BadgeClass` at `badge_class_id`, awarded to the holder
/// of an e-mail address: `recipient` is `{type: email, hashed: true, salt, identity: sha256$…}`,
/// `verification` is `{type: hosted}`, `issuedOn` the award and `expires` its end, if any.
///
/// An Open Badges 2.0 assertion names its recipient by a Profile identifier property (`email`,
/// `url` or `telephone`) that a backpack can match to an account; a person who gave no e-mail
/// address has none of them, so there is no Open Badges 2.0 assertion for them, only the 3.0
/// credential, which can name them by name.
pub fn assertion(
    id: &str,
    badge_class_id: &str,
    recipient: &HashedEmail,
    issued_on: &DateTime<Utc>,
    expires: Option<&DateTime<Utc>>,
) -> Value {
    let mut assertion = json!({
        "@context": CONTEXT_OB_V2,
        "type": "Assertion",
        "id": id,
        "recipient": {
            "type": "email",
            "hashed": true,
            "salt": recipient.salt,
            "identity": recipient.identity,
        },
        "badge": badge_class_id,
        "verification": { "type": "hosted" },
        "issuedOn": timestamp(issued_on),
    });
    if let (Some(expires), Some(object)) = (expires, assertion.as_object_mut()) {
        object.insert("expires".into(), timestamp(expires).into());
    }
    assertion
}

/// What a revoked assertion's id answers, with the status `410 Gone`: `id`, `type` and
/// `revoked: true`, with the `revocationReason` if one is given. The specification requires only
/// `id` and `revoked` of a revoked assertion; leaving out the rest stops publishing the
/// recipient's hash.
pub fn revoked_assertion(id: &str, reason: Option<&str>) -> Value {
    let mut assertion = json!({
        "@context": CONTEXT_OB_V2,
        "type": "Assertion",
        "id": id,
        "revoked": true,
    });
    if let (Some(reason), Some(object)) = (reason, assertion.as_object_mut()) {
        object.insert("revocationReason".into(), reason.into());
    }
    assertion
}
