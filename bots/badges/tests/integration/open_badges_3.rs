//! The Open Badges 3.0 `OpenBadgeCredential`, checked against the data model of the
//! specification (ob_v3p0/common_credentials.lines of 1EdTech/openbadges-specification, from which
//! the 1EdTech JSON schema is generated) and against what the 1EdTech validator probes.

use serde_json::{Value, json};
use tatwir_badges::{OpenBadgeCredential, Recipient, hash_email};

use crate::award::{LIST_URL, certificate, quality_label};

/// The terms of `IdentifierTypeEnum` (1EdTech common data model, with `name` added by OB 3.0).
const IDENTIFIER_TYPES: &[&str] = &[
    "name",
    "sourcedId",
    "systemId",
    "productId",
    "userName",
    "accountId",
    "emailAddress",
    "nationalIdentityNumber",
    "isbn",
    "issn",
    "lisSourcedId",
    "oneRosterSourcedId",
    "sisSourcedId",
    "ltiContextId",
    "ltiDeploymentId",
    "ltiToolId",
    "ltiPlatformId",
    "ltiUserId",
    "identifier",
];
/// The terms of OB 3.0's `AchievementType` vocabulary.
const ACHIEVEMENT_TYPES: &[&str] = &[
    "Achievement",
    "ApprenticeshipCertificate",
    "Assessment",
    "Assignment",
    "AssociateDegree",
    "Award",
    "Badge",
    "BachelorDegree",
    "Certificate",
    "CertificateOfCompletion",
    "Certification",
    "CommunityService",
    "Competency",
    "Course",
    "CoCurricular",
    "Degree",
    "Diploma",
    "DoctoralDegree",
    "Fieldwork",
    "GeneralEducationDevelopment",
    "JourneymanCertificate",
    "LearningProgram",
    "License",
    "Membership",
    "ProfessionalDoctorate",
    "QualityAssuranceCredential",
    "MasterCertificate",
    "MasterDegree",
    "MicroCredential",
    "ResearchDoctorate",
    "SecondarySchoolDiploma",
];

fn string<'a>(value: &'a Value, what: &str) -> &'a str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{what} must be a string, is {value}"))
}

/// `type` as OB 3.0 writes it: an IRI or an array of them ("array-compacted").
fn types(value: &Value) -> Vec<&str> {
    match value {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().map(|t| string(t, "a type")).collect(),
        other => panic!("type must be a string or an array, is {other}"),
    }
}

/// `DateTimeZ`: an ISO 8601 date and time with a time zone.
fn assert_date_time_z(value: &Value, what: &str) {
    let text = string(value, what);
    assert!(
        chrono::DateTime::parse_from_rfc3339(text).is_ok(),
        "{what} {text} is not RFC 3339"
    );
    assert!(text.ends_with('Z'), "{what} {text} is not in UTC");
}

fn assert_absolute_url(value: &Value, what: &str) {
    let text = string(value, what);
    assert!(text.starts_with("https://"), "{what} {text} is not an https URL");
}

/// Every requirement of the `AchievementCredential` class and the classes it contains that a
/// credential of this crate can meet or break.
fn assert_valid_open_badge_credential(credential: &Value) {
    let object = credential.as_object().expect("a JSON object");
    // @context: an ordered set, the VC 2.0 context then the OB 3.0 one.
    assert_eq!(
        credential["@context"],
        json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ])
    );
    assert_absolute_url(&credential["id"], "id");
    let credential_types = types(&credential["type"]);
    assert!(credential_types.contains(&"VerifiableCredential"));
    assert!(credential_types.contains(&"OpenBadgeCredential"));
    // issuer: a Profile with an id (the validator's IssuerProbe requires the type Profile).
    let issuer = &credential["issuer"];
    assert_absolute_url(&issuer["id"], "issuer.id");
    assert!(types(&issuer["type"]).contains(&"Profile"));
    string(&issuer["name"], "issuer.name");
    assert_absolute_url(&issuer["url"], "issuer.url");
    assert!(string(&issuer["email"], "issuer.email").contains('@'));
    assert_date_time_z(&credential["validFrom"], "validFrom");
    if let Some(until) = object.get("validUntil") {
        assert_date_time_z(until, "validUntil");
    }
    string(&credential["name"], "name");
    // No proof: the VC-JWT is the proof. No VC 1.1 properties.
    for absent in ["proof", "issuanceDate", "expirationDate"] {
        assert!(!object.contains_key(absent), "{absent} must not be there");
    }

    let subject = &credential["credentialSubject"];
    assert!(types(&subject["type"]).contains(&"AchievementSubject"));
    let identifiers = subject["identifier"].as_array();
    assert!(
        subject.get("id").is_some() || identifiers.is_some_and(|list| !list.is_empty()),
        "either credentialSubject.id or an identifier"
    );
    for identifier in identifiers.into_iter().flatten() {
        let identifier = identifier.as_object().expect("an IdentityObject");
        // IdentityObject: type is the IRI itself, not an array; no other property is allowed.
        assert_eq!(identifier["type"], "IdentityObject");
        assert!(identifier["hashed"].is_boolean());
        let hash = string(&identifier["identityHash"], "identityHash");
        assert!(IDENTIFIER_TYPES.contains(&string(&identifier["identityType"], "identityType")));
        if identifier["hashed"] == true {
            let hex = hash.strip_prefix("sha256$").expect("an IdentityHash");
            assert_eq!(hex.len(), 64);
            assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
            string(&identifier["salt"], "salt");
        }
        for member in identifier.keys() {
            assert!(
                ["type", "hashed", "identityHash", "identityType", "salt"].contains(&member.as_str()),
                "IdentityObject has no {member}"
            );
        }
    }

    let achievement = &subject["achievement"];
    assert_absolute_url(&achievement["id"], "achievement.id");
    assert!(types(&achievement["type"]).contains(&"Achievement"));
    string(&achievement["name"], "achievement.name");
    string(&achievement["description"], "achievement.description");
    // criteria: required, with an id or a narrative (the validator's CredentialSubjectProbe).
    let criteria = &achievement["criteria"];
    assert!(criteria.get("id").is_some() || criteria["narrative"].is_string());
    if let Some(image) = achievement.get("image") {
        // Image: an object whose type is the IRI Image, with the URI in id.
        assert_eq!(image["type"], "Image");
        assert_absolute_url(&image["id"], "achievement.image.id");
    }
    if let Some(kind) = achievement.get("achievementType") {
        let kind = string(kind, "achievementType");
        assert!(ACHIEVEMENT_TYPES.contains(&kind) || kind.starts_with("ext:"), "{kind}");
    }

    // credentialStatus: id and type (CredentialStatus), then the Bitstring Status List entry.
    let status = &credential["credentialStatus"];
    assert_absolute_url(&status["id"], "credentialStatus.id");
    assert_eq!(status["type"], "BitstringStatusListEntry");
    assert_eq!(status["statusPurpose"], "revocation");
    let index = string(&status["statusListIndex"], "statusListIndex");
    assert!(
        index.parse::<u64>().is_ok(),
        "statusListIndex is a base-10 integer as a string"
    );
    assert_absolute_url(&status["statusListCredential"], "statusListCredential");
    assert_ne!(
        status["id"], status["statusListCredential"],
        "the entry id is not the list's URL"
    );
}

#[test]
fn a_certificate_has_every_property_the_specification_requires() {
    let credential = certificate().to_json();
    assert_valid_open_badge_credential(&credential);
    assert_eq!(credential["id"], "https://tatwir.example/credentials/9f2c");
    assert_eq!(credential["name"], "Secourisme");
    assert_eq!(credential["validFrom"], "2026-03-01T10:00:00Z");
    assert_eq!(credential["validUntil"], "2028-03-01T10:00:00Z");
    assert_eq!(credential["issuer"]["name"], "جمعية أمل");
    let achievement = &credential["credentialSubject"]["achievement"];
    assert_eq!(achievement["achievementType"], "Certification");
    assert_eq!(
        achievement["criteria"]["narrative"],
        "Suivre la formation et **réussir** l'évaluation pratique."
    );
    assert_eq!(
        achievement["image"]["id"],
        "https://tatwir.example/associations/amal/achievements/first-aid.png"
    );
}

#[test]
fn a_person_with_an_email_is_named_by_its_salted_hash_only() {
    let credential = certificate().to_json();
    let subject = &credential["credentialSubject"];
    assert_eq!(
        subject["identifier"],
        json!([{
            "type": "IdentityObject",
            "hashed": true,
            // printf 'amina@example.maa-stored-salt' | sha256sum
            "identityHash": "sha256$5592dc78c0093c816ec605820720a0239f287631bd12aa0a569ba2176e1ef1f4",
            "identityType": "emailAddress",
            "salt": "a-stored-salt",
        }])
    );
    assert!(
        subject.get("id").is_none(),
        "no DID: no credentialSubject.id (implementation guide)"
    );
    let text = credential.to_string();
    assert!(!text.contains("amina@example.ma") && !text.contains("Amina El Idrissi"));
}

#[test]
fn a_person_without_an_email_is_named_by_name() {
    let mut award = certificate();
    award.recipient = Recipient::Person {
        name: "Youssef Benali".into(),
        email: None,
    };
    let credential = award.to_json();
    assert_valid_open_badge_credential(&credential);
    assert_eq!(
        credential["credentialSubject"]["identifier"],
        json!([{
            "type": "IdentityObject",
            "hashed": false,
            "identityHash": "Youssef Benali",
            "identityType": "name",
        }])
    );
}

#[test]
fn the_quality_label_names_the_association_and_does_not_expire() {
    let credential = quality_label().to_json();
    assert_valid_open_badge_credential(&credential);
    assert!(credential.get("validUntil").is_none());
    let subject = &credential["credentialSubject"];
    assert_eq!(subject["identifier"][0]["identityType"], "name");
    assert_eq!(subject["identifier"][0]["identityHash"], "Association Amal");
    assert_eq!(subject["achievement"]["achievementType"], "QualityAssuranceCredential");
}

#[test]
fn the_status_entry_points_into_the_revocation_list() {
    let credential = certificate().to_json();
    assert_eq!(
        credential["credentialStatus"],
        json!({
            "id": format!("{LIST_URL}#40961"),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "40961",
            "statusListCredential": LIST_URL,
        })
    );
}

#[test]
fn a_holder_identifier_becomes_the_credential_subject_id() {
    let award = OpenBadgeCredential {
        subject_id: Some("did:example:amina".into()),
        ..certificate()
    };
    let credential = award.to_json();
    assert_eq!(credential["credentialSubject"]["id"], "did:example:amina");
    assert_eq!(
        credential["credentialSubject"]["identifier"][0]["identityHash"],
        hash_email("amina@example.ma", "a-stored-salt").as_str()
    );
}

#[test]
fn dates_are_written_to_the_second_in_utc() {
    let mut award = certificate();
    award.valid_from += chrono::Duration::milliseconds(1500);
    let credential = award.to_json();
    assert_eq!(credential["validFrom"], "2026-03-01T10:00:01Z");
}
