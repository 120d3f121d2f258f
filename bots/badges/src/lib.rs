//! The Open Badges documents Tatwir publishes, and their signatures.
//!
//! Tatwir awards certificates to people (volunteer, manager, first aid) and a quality label to
//! associations. For each award this crate builds, as pure functions with no I/O and no clock:
//!
//! - an Open Badges 3.0 [`OpenBadgeCredential`] (a W3C Verifiable Credential, VC Data Model 2.0),
//!   signed as a VC-JWT with the issuer's RSA key ([`IssuerKey`], RS256);
//! - the W3C Bitstring Status List that says which of those credentials are revoked
//!   ([`StatusListCredential`]), itself signed as a VC-JWT;
//! - the Open Badges 2.0 documents of hosted verification ([`assertion`], [`revoked_assertion`],
//!   [`badge_class`], [`issuer_profile`]), which older backpacks read.
//!
//! The caller keeps the keys and serves every document at URLs it computes from its public base
//! URL: the ids given here are those URLs, and each document must answer at its own id.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tatwir_badges::{
//!     Achievement, AchievementType, HashedEmail, IssuerKey, Issuer, OpenBadgeCredential, Recipient,
//!     StatusListEntry, verify_vc_jwt,
//! };
//!
//! let key = IssuerKey::test_key(); // IssuerKey::generate() in production, kept as PKCS#8 PEM
//! let kid_url = format!("https://tatwir.example/keys/{}", key.kid());
//! let credential = OpenBadgeCredential {
//!     id: "https://tatwir.example/credentials/9f2c".into(),
//!     issuer: Issuer {
//!         id: "https://tatwir.example/associations/amal/issuer".into(),
//!         name: "Association Amal".into(),
//!         url: "https://tatwir.example/associations/amal".into(),
//!         email: "contact@amal.example".into(),
//!     },
//!     achievement: Achievement {
//!         id: "https://tatwir.example/associations/amal/achievements/first-aid".into(),
//!         name: "Secourisme".into(),
//!         description: "Premiers secours, formation de 12 heures.".into(),
//!         criteria: "Suivre la formation et réussir l'évaluation pratique.".into(),
//!         image: "https://tatwir.example/associations/amal/achievements/first-aid.png".into(),
//!         achievement_type: AchievementType::Certification,
//!     },
//!     recipient: Recipient::Person {
//!         name: "Amina El Idrissi".into(),
//!         email: Some(HashedEmail::new("amina@example.ma", "a-stored-salt")),
//!     },
//!     subject_id: None,
//!     valid_from: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap(),
//!     valid_until: Some(Utc.with_ymd_and_hms(2028, 3, 1, 10, 0, 0).unwrap()),
//!     status: StatusListEntry { list_url: "https://tatwir.example/status/1".into(), index: 40961 },
//! };
//! let jwt = credential.to_vc_jwt(&key, &kid_url)?;
//! let published = [key.public_jwk(&kid_url)]; // what the caller serves at kid_url
//! assert_eq!(verify_vc_jwt(&jwt, &published)?, credential.to_json());
//! # Ok::<(), tatwir_badges::Error>(())
//! ```

#![warn(missing_docs)]

mod award;
mod error;
mod identity;
mod issuer_key;
mod open_badges_2;
mod open_badges_3;
mod status_list;
mod vc_jwt;

pub use award::{Achievement, AchievementType, Issuer, Recipient};
pub use error::{Error, Result};
pub use identity::{HashedEmail, hash_email, normalise_email, random_salt};
pub use issuer_key::IssuerKey;
pub use open_badges_2::{assertion, badge_class, issuer_profile, revoked_assertion};
pub use open_badges_3::{OpenBadgeCredential, StatusListEntry};
pub use status_list::{
    MAX_STATUS_LIST_BITS, MIN_STATUS_LIST_BITS, StatusListCredential, encode_status_list, status_is_set,
};
pub use vc_jwt::verify_vc_jwt;

use chrono::{DateTime, SecondsFormat, Utc};

/// A date as every document here writes it: RFC 3339 in UTC to the second (`2026-03-01T10:00:00Z`),
/// the `DateTimeZ` of Open Badges 3.0 and the `DateTime` of Open Badges 2.0. Whole seconds, so that
/// the JWT's `nbf` and `exp` (whole seconds) equal `validFrom` and `validUntil` exactly.
pub(crate) fn timestamp(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
