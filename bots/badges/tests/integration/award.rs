//! The awards the tests build documents from, as the caller would describe them.

use chrono::{DateTime, TimeZone, Utc};
use tatwir_badges::{
    Achievement, AchievementType, HashedEmail, Issuer, OpenBadgeCredential, Recipient, StatusListEntry,
};

pub const BASE: &str = "https://tatwir.example";
pub const LIST_URL: &str = "https://tatwir.example/status/1";

pub fn issuer() -> Issuer {
    Issuer {
        id: format!("{BASE}/associations/amal/issuer"),
        name: "جمعية أمل".into(),
        url: format!("{BASE}/associations/amal"),
        email: "contact@amal.example".into(),
    }
}

pub fn first_aid() -> Achievement {
    Achievement {
        id: format!("{BASE}/associations/amal/achievements/first-aid"),
        name: "Secourisme".into(),
        description: "Premiers secours, formation de 12 heures.".into(),
        criteria: "Suivre la formation et **réussir** l'évaluation pratique.".into(),
        image: format!("{BASE}/associations/amal/achievements/first-aid.png"),
        achievement_type: AchievementType::Certification,
    }
}

pub fn awarded_on() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
        .single()
        .expect("a valid date")
}

pub fn expires_on() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2028, 3, 1, 10, 0, 0)
        .single()
        .expect("a valid date")
}

pub fn amina_email() -> HashedEmail {
    HashedEmail::new("amina@example.ma", "a-stored-salt")
}

/// A first-aid certificate for a person who gave her e-mail address.
pub fn certificate() -> OpenBadgeCredential {
    OpenBadgeCredential {
        id: format!("{BASE}/credentials/9f2c"),
        issuer: issuer(),
        achievement: first_aid(),
        recipient: Recipient::Person {
            name: "Amina El Idrissi".into(),
            email: Some(amina_email()),
        },
        subject_id: None,
        valid_from: awarded_on(),
        valid_until: Some(expires_on()),
        status: StatusListEntry {
            list_url: LIST_URL.into(),
            index: 40961,
        },
    }
}

/// The quality label of an association, issued by the Tatwir instance; it does not expire.
pub fn quality_label() -> OpenBadgeCredential {
    OpenBadgeCredential {
        id: format!("{BASE}/credentials/label-7"),
        issuer: Issuer {
            id: format!("{BASE}/issuer"),
            name: "Tatwir".into(),
            url: BASE.into(),
            email: "label@tatwir.example".into(),
        },
        achievement: Achievement {
            id: format!("{BASE}/achievements/quality-label"),
            name: "Label qualité".into(),
            description: "L'association respecte la charte de bonne gouvernance.".into(),
            criteria: "Audit de la gouvernance, des comptes et de l'accueil des bénévoles.".into(),
            image: format!("{BASE}/achievements/quality-label.svg"),
            achievement_type: AchievementType::QualityAssuranceCredential,
        },
        recipient: Recipient::Association {
            name: "Association Amal".into(),
        },
        subject_id: None,
        valid_from: awarded_on(),
        valid_until: None,
        status: StatusListEntry {
            list_url: LIST_URL.into(),
            index: 7,
        },
    }
}
