//! Who awards what to whom: the plain data every document is built from.

use crate::HashedEmail;

/// The issuer of a badge: an association for its certificates, the Tatwir instance for the
/// quality label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// URL of the issuer's Profile document (the caller serves [`issuer_profile`](crate::issuer_profile)
    /// there). Open Badges 2.0 hosted verification requires the assertions to be served from the
    /// same origin (scheme, host and port) as this URL.
    pub id: String,
    /// The issuer's name, already localised.
    pub name: String,
    /// The issuer's home page.
    pub url: String,
    /// A contact address. Open Badges 2.0 requires one on an issuer's Profile, so it is not
    /// optional here.
    pub email: String,
}

/// What is awarded: an Open Badges 3.0 `Achievement`, which is an Open Badges 2.0 `BadgeClass`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achievement {
    /// URL of the achievement; the caller serves the Open Badges 2.0
    /// [`badge_class`](crate::badge_class) there.
    pub id: String,
    /// Its name, already localised.
    pub name: String,
    /// A short description, already localised.
    pub description: String,
    /// What one must do to earn it (Markdown allowed), already localised.
    pub criteria: String,
    /// URL of its picture, a PNG or SVG (Open Badges 2.0 requires one).
    pub image: String,
    /// Its kind, from the Open Badges 3.0 vocabulary.
    pub achievement_type: AchievementType,
}

/// The kind of an achievement: the terms of Open Badges 3.0's `AchievementType` vocabulary that
/// fit Tatwir's awards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AchievementType {
    /// "Credential that designates requisite knowledge and skills of an occupation, profession, or
    /// academic program": a manager's certificate.
    Certificate,
    /// "Credential that acknowledges completion of an assignment, training or other activity".
    CertificateOfCompletion,
    /// "Time-limited, revocable, renewable credential awarded by an authoritative body for
    /// demonstrating the knowledge, skills, and abilities to perform specific tasks": first aid.
    Certification,
    /// "Represents community service": a volunteer's certificate.
    CommunityService,
    /// "Credential assuring that an organization, program, or awarded credential meets prescribed
    /// requirements": the quality label of an association.
    QualityAssuranceCredential,
}

impl AchievementType {
    /// The term as Open Badges 3.0 writes it in `achievementType`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Certificate => "Certificate",
            Self::CertificateOfCompletion => "CertificateOfCompletion",
            Self::Certification => "Certification",
            Self::CommunityService => "CommunityService",
            Self::QualityAssuranceCredential => "QualityAssuranceCredential",
        }
    }
}

/// Who receives the award.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// A person. With an e-mail address, the badges name them by its salted hash only; without
    /// one, by their name in clear (Open Badges 2.0 then has no way to name them: see
    /// [`assertion`](crate::assertion)).
    Person {
        /// The person's name as they want it on the certificate.
        name: String,
        /// Their hashed e-mail address, if they gave one.
        email: Option<HashedEmail>,
    },
    /// An association (the holder of a quality label), named by its name.
    Association {
        /// The association's name.
        name: String,
    },
}
