//! The certificates port, on SQLite and PostgreSQL.

use crate::backends::on_both_backends;
use chrono::{DateTime, Duration, TimeZone, Utc};
use tatwir_core::certificate::*;
use tatwir_core::language::Language;
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(
    a_certificate_is_issued_once_per_track,
    revoked_and_renewed_certificates_keep_their_code,
    the_confirmed_name_reaches_certificates_without_one,
    one_issuer_key_whoever_starts_first_and_rotation_keeps_the_old,
    certificates_are_listed_by_person,
);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid time")
}

async fn person(store: &SqlStore, user: &str) -> PersonId {
    use tatwir_core::store::Store;
    store
        .person_for(
            &Identity::new(Channel::Telegram, user),
            "Fatima",
            Some(Language::Fr),
            t0(),
        )
        .await
        .expect("person")
        .id
}

fn new(person: PersonId, track: &str, issued_by: IssuedBy) -> NewCertificate {
    NewCertificate {
        code: CertificateCode::generate(),
        person,
        track: track.to_owned(),
        association: None,
        issued_by,
        issued_at: t0(),
        valid_until: Some(t0() + Duration::days(730)),
    }
}

async fn a_certificate_is_issued_once_per_track(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let fatima = person(&store, "1").await;
    let Issue::New(first) = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Track))
        .await
        .expect("issue")
    else {
        panic!("the first is new");
    };
    assert_eq!(first.holder_name, None, "no name confirmed yet");
    assert!((0..STATUS_LIST_BITS).contains(&first.status_index));
    let again = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Track))
        .await
        .expect("again");
    assert_eq!(again, Issue::Held(first.clone()), "a replay issues nothing");
    let by_hand = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Hand))
        .await
        .expect("by hand");
    assert_eq!(by_hand, Issue::Held(first.clone()), "one live certificate per track");
    let Issue::New(other) = store
        .issue_certificate(&new(fatima, "volunteer", IssuedBy::Track))
        .await
        .expect("other")
    else {
        panic!("another track is another certificate");
    };
    assert_ne!(other.code, first.code);
    assert_eq!(
        store.certificate_by_code(&first.code).await.expect("read"),
        Some(first.clone())
    );
    assert_eq!(store.certificate(first.id).await.expect("read"), Some(first));
    assert_eq!(
        store
            .certificate_by_code(&CertificateCode::generate())
            .await
            .expect("read"),
        None
    );
}

async fn revoked_and_renewed_certificates_keep_their_code(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let fatima = person(&store, "1").await;
    let Issue::New(issued) = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Track))
        .await
        .expect("issue")
    else {
        panic!("new");
    };
    let until = issued.valid_until.expect("expires");
    assert!(
        store
            .renew_certificate(issued.id, until + Duration::days(730), t0())
            .await
            .expect("renew")
    );
    assert!(
        !store
            .renew_certificate(issued.id, until + Duration::days(730), t0())
            .await
            .expect("renew twice"),
        "renewing to the same end twice changes nothing"
    );
    let later = t0() + Duration::days(3);
    let revoked = store
        .revoke_certificate(&issued.code, "fraude à l'examen", later)
        .await
        .expect("revoke")
        .expect("exists");
    assert_eq!(revoked.code, issued.code);
    assert_eq!(revoked.revoked_at, Some(later));
    assert_eq!(revoked.valid_until, Some(until + Duration::days(730)));
    assert_eq!(revoked.state(later), CertificateState::Revoked);
    let twice = store
        .revoke_certificate(&issued.code, "autre", later + Duration::days(1))
        .await
        .expect("revoke")
        .expect("exists");
    assert_eq!(
        twice.revoked_reason.as_deref(),
        Some("fraude à l'examen"),
        "the first revocation stands"
    );
    assert!(
        !store
            .renew_certificate(issued.id, until + Duration::days(2000), later)
            .await
            .expect("renew")
    );
    assert_eq!(
        store
            .issue_certificate(&new(fatima, "first-aid", IssuedBy::Track))
            .await
            .expect("auto"),
        Issue::Held(twice.clone()),
        "a revoked certificate is not issued again by itself"
    );
    let Issue::New(again) = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Hand))
        .await
        .expect("hand")
    else {
        panic!("a coordinator may issue a new one after a revocation");
    };
    assert_ne!(again.code, issued.code);
    assert!(
        store
            .revoke_certificate(&CertificateCode::generate(), "x", later)
            .await
            .expect("none")
            .is_none()
    );
}

async fn the_confirmed_name_reaches_certificates_without_one(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let fatima = person(&store, "1").await;
    assert_eq!(store.holder(fatima).await.expect("read"), None);
    let Issue::New(issued) = store
        .issue_certificate(&new(fatima, "first-aid", IssuedBy::Track))
        .await
        .expect("issue")
    else {
        panic!("new");
    };
    let holder = Holder {
        name: "فاطمة الزهراء بنعلي".into(),
        email_hash: Some("sha256$00ff".into()),
        salt: Some("salt".into()),
        confirmed_at: t0(),
    };
    store.set_holder(fatima, &holder).await.expect("set");
    assert_eq!(store.holder(fatima).await.expect("read"), Some(holder.clone()));
    let named = store.certificate(issued.id).await.expect("read").expect("exists");
    assert_eq!(named.holder_name.as_deref(), Some("فاطمة الزهراء بنعلي"));
    let Issue::New(next) = store
        .issue_certificate(&new(fatima, "volunteer", IssuedBy::Track))
        .await
        .expect("issue")
    else {
        panic!("new");
    };
    assert_eq!(
        next.holder_name, named.holder_name,
        "later certificates take the confirmed name"
    );
    let renamed = Holder {
        name: "Fatima Zahra Benali".into(),
        ..holder
    };
    store.set_holder(fatima, &renamed).await.expect("rename");
    assert_eq!(
        store
            .certificate(issued.id)
            .await
            .expect("read")
            .expect("exists")
            .holder_name,
        named.holder_name,
        "a certificate keeps the name it was issued with"
    );
}

async fn one_issuer_key_whoever_starts_first_and_rotation_keeps_the_old(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    assert!(store.issuer_keys().await.expect("none").is_empty());
    let key = |kid: &str| IssuerKeyRecord {
        kid: kid.to_owned(),
        private_pem: format!("-----BEGIN PRIVATE KEY-----\n{kid}\n-----END PRIVATE KEY-----\n"),
        created_at: t0(),
        retired_at: None,
    };
    let (key_a, key_b) = (key("a"), key("b"));
    let (a, b) = tokio::join!(store.ensure_issuer_key(&key_a), store.ensure_issuer_key(&key_b));
    let (a, b) = (a.expect("a"), b.expect("b"));
    assert_eq!(a, b, "two instances starting at once agree on one key");
    assert_eq!(store.issuer_keys().await.expect("keys").len(), 1);
    store
        .rotate_issuer_key(&key("c"), t0() + Duration::days(1))
        .await
        .expect("rotate");
    let keys = store.issuer_keys().await.expect("keys");
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].kid, "c", "the new key signs");
    assert_eq!(keys[0].retired_at, None);
    assert_eq!(keys[1].kid, a.kid, "the old key still verifies");
    assert_eq!(keys[1].retired_at, Some(t0() + Duration::days(1)));
    assert_eq!(store.ensure_issuer_key(&key("d")).await.expect("ensure").kid, "c");
}

async fn certificates_are_listed_by_person(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let fatima = person(&store, "1").await;
    let omar = person(&store, "2").await;
    for (who, track) in [(fatima, "first-aid"), (omar, "first-aid"), (fatima, "volunteer")] {
        store
            .issue_certificate(&new(who, track, IssuedBy::Track))
            .await
            .expect("issue");
    }
    let all = store.certificates(CertificateFilter::default()).await.expect("all");
    assert_eq!(all.len(), 3);
    let hers = store
        .certificates(CertificateFilter {
            person: Some(fatima),
            association: None,
        })
        .await
        .expect("hers");
    assert_eq!(hers.len(), 2);
    assert!(hers.iter().all(|certificate| certificate.person == fatima));
}
