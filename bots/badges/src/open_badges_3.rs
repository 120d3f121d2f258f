//! Open Badges 3.0: the `OpenBadgeCredential`, a Verifiable Credential (VC Data Model 2.0).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::{Achievement, Issuer, IssuerKey, Recipient, Result, timestamp, vc_jwt};

/// The two contexts, in the order Open Badges 3.0 requires.
pub(crate) const CONTEXT_VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
pub(crate) const CONTEXT_OB_V3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// One award as an Open Badges 3.0 `OpenBadgeCredential`.
///
/// [`to_json`](Self::to_json) builds the credential, [`to_vc_jwt`](Self::to_vc_jwt) signs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBadgeCredential {
    /// URL of the credential (where the caller serves it or its verification page).
    pub id: String,
    /// Who awards it.
    pub issuer: Issuer,
    /// What is awarded.
    pub achievement: Achievement,
    /// To whom.
    pub recipient: Recipient,
    /// A URI the holder proved to be theirs (a DID from their wallet), if any. Open Badges 3.0's
    /// implementation guide says to leave `credentialSubject.id` out when there is none, as for
    /// credentials shared by URL; the JWT's `sub` then is left out too.
    pub subject_id: Option<String>,
    /// When the award takes effect (`validFrom`, the JWT's `nbf`), to the second.
    pub valid_from: DateTime<Utc>,
    /// When it expires, if it does (`validUntil`, the JWT's `exp`), to the second.
    pub valid_until: Option<DateTime<Utc>>,
    /// Its place in the revocation list.
    pub status: StatusListEntry,
}

/// A credential's place in a revocation [`StatusListCredential`](crate::StatusListCredential).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusListEntry {
    /// URL of the status list credential.
    pub list_url: String,
    /// The credential's index in that list. The specification asks for indexes assigned at
    /// random, so that an index tells nothing about when or how many were issued; the caller
    /// draws them, unique within a list and below its length.
    pub index: u64,
}

impl StatusListEntry {
    /// The `credentialStatus` object: a `BitstringStatusListEntry` with the purpose `revocation`.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            // Any URL but the list's own; the fragment makes it one per credential.
            "id": format!("{}#{}", self.list_url, self.index),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": self.index.to_string(),
            "statusListCredential": self.list_url,
        })
    }
}

impl OpenBadgeCredential {
    /// The credential, unsigned.
    ///
    /// Only terms of the two contexts are used, and every property Open Badges 3.0 requires is
    /// there: `@context`, `id`, `type`, `issuer` (a `Profile` with `id` and `type`), `validFrom`,
    /// `name`, and `credentialSubject` (an `AchievementSubject` with an `identifier` and an
    /// `achievement` with `id`, `type`, `name`, `description` and `criteria`).
    pub fn to_json(&self) -> Value {
        let mut credential = json!({
            "@context": [CONTEXT_VC_V2, CONTEXT_OB_V3],
            "id": self.id,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {
                "id": self.issuer.id,
                "type": ["Profile"],
                "name": self.issuer.name,
                "url": self.issuer.url,
                "email": self.issuer.email,
            },
            "validFrom": timestamp(&self.valid_from),
            "name": self.achievement.name,
            "credentialSubject": self.subject(),
            "credentialStatus": self.status.to_json(),
        });
        if let (Some(until), Some(object)) = (&self.valid_until, credential.as_object_mut()) {
            object.insert("validUntil".into(), timestamp(until).into());
        }
        credential
    }

    /// The credential signed as a VC-JWT (Open Badges 3.0, "JSON Web Token Proof Format").
    ///
    /// Header `{"alg":"RS256","kid":kid_url,"typ":"JWT"}`; payload the credential with the claims
    /// `iss` (= `issuer.id`), `jti` (= `id`), `nbf` (= `validFrom`), `exp` (= `validUntil`, when it
    /// expires) and `sub` (= `credentialSubject.id`, when there is one). `kid_url` is where the
    /// caller serves [`IssuerKey::public_jwk`]`(kid_url)`.
    pub fn to_vc_jwt(&self, key: &IssuerKey, kid_url: &str) -> Result<String> {
        vc_jwt::sign(&self.to_json(), key, kid_url, vc_jwt::NotBefore::Claim)
    }

    fn subject(&self) -> Value {
        let identifier = match &self.recipient {
            Recipient::Person { email: Some(email), .. } => json!({
                "type": "IdentityObject",
                "hashed": true,
                "identityHash": email.identity,
                "identityType": "emailAddress",
                "salt": email.salt,
            }),
            Recipient::Person { name, email: None } | Recipient::Association { name } => json!({
                "type": "IdentityObject",
                "hashed": false,
                "identityHash": name,
                "identityType": "name",
            }),
        };
        let achievement = &self.achievement;
        let mut subject = json!({
            "type": ["AchievementSubject"],
            "identifier": [identifier],
            "achievement": {
                "id": achievement.id,
                "type": ["Achievement"],
                "name": achievement.name,
                "description": achievement.description,
                "criteria": { "narrative": achievement.criteria },
                "image": { "id": achievement.image, "type": "Image" },
                "achievementType": achievement.achievement_type.as_str(),
            },
        });
        if let (Some(id), Some(object)) = (&self.subject_id, subject.as_object_mut()) {
            object.insert("id".into(), id.as_str().into());
        }
        subject
    }
}
