//! Certificates on the web, served by the app as `tatwir serve` serves it: the verification page
//! in three languages, the picture and the PDF, the Open Badges 3.0 credential verified with the
//! key the service publishes (and refused once tampered with), the Open Badges 2.0 documents,
//! revocation (410, the status list's bit), and guessing limited per client address.

use crate::backends::TestDb;
use crate::harness::TestApp;
use std::time::Duration;
use tatwir_badges::{IssuerKey, status_is_set, verify_vc_jwt};
use tatwir_core::certificate::*;
use tatwir_core::clock::{Clock, SystemClock};
use tatwir_core::language::Language;
use tatwir_core::person::{Channel, Identity};
use tatwir_core::store::Store;

struct Served {
    base: String,
    http: reqwest::Client,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    certificate: Certificate,
    app_store: tatwir_store::SqlStore,
}

async fn serve(db: &TestDb) -> Served {
    let app = TestApp::start(&db.url, SystemClock).await;
    let store = app.store().clone();
    // Tests load a fixed key instead of making one.
    let key = IssuerKey::test_key();
    store
        .ensure_issuer_key(&IssuerKeyRecord {
            kid: key.kid().to_owned(),
            private_pem: key.to_pkcs8_pem(),
            created_at: SystemClock.now(),
            retired_at: None,
        })
        .await
        .expect("key");
    let person = store
        .person_for(
            &Identity::new(Channel::Telegram, "7"),
            "Fatima",
            Some(Language::Ar),
            SystemClock.now(),
        )
        .await
        .expect("person")
        .id;
    let Issue::New(certificate) = store
        .issue_certificate(&NewCertificate {
            code: CertificateCode::generate(),
            person,
            track: "first-aid".into(),
            association: None,
            issued_by: IssuedBy::Track,
            issued_at: SystemClock.now(),
            valid_until: Some(SystemClock.now() + chrono::Duration::days(730)),
        })
        .await
        .expect("issue")
    else {
        panic!("new");
    };
    let salt = new_salt();
    store
        .set_holder(
            person,
            &Holder {
                name: "فاطمة الزهراء بنعلي".into(),
                email_hash: Some(hash_email("fatima@example.org", &salt)),
                salt: Some(salt),
                confirmed_at: SystemClock.now(),
            },
        )
        .await
        .expect("holder");
    let certificate = store.certificate(certificate.id).await.expect("read").expect("named");
    let base = format!("http://{}", app.app.http_addr);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(app.app.run(async {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    // The server answers once it listens.
    for _ in 0..100 {
        if http.get(format!("{base}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Served {
        base,
        http,
        stop: Some(stop),
        task,
        certificate,
        app_store: store,
    }
}

impl Served {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("answered")
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.await.expect("join").expect("served");
    }
}

#[tokio::test]
async fn the_verification_page_speaks_three_languages_and_shows_the_picture() {
    let db = TestDb::sqlite();
    let served = serve(&db).await;
    let code = served.certificate.code.clone();
    for (lang, dir, title) in [
        ("fr", "ltr", "Vérification d'un certificat"),
        ("ar", "rtl", "التحقق من شهادة"),
        ("ary", "rtl", "التأكد من شي شهادة"),
    ] {
        // The code as a person types it: any case, with dashes.
        let typed = code.to_string().to_lowercase();
        let response = served.get(&format!("/verify/{typed}?lang={lang}")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"].to_str().expect("ascii"),
            "text/html; charset=utf-8"
        );
        let page = response.text().await.expect("page");
        assert!(page.contains(&format!("lang=\"{lang}\" dir=\"{dir}\"")), "{page}");
        assert!(page.contains(title), "{page}");
        assert!(page.contains("فاطمة الزهراء بنعلي"), "{page}");
        assert!(page.contains("name=\"viewport\""), "readable on a phone");
        for id in ["web-verify-", "certificate-", "date-long"] {
            assert!(!page.contains(id), "a message is missing in {lang}: {page}");
        }
    }
    let page = served
        .http
        .get(format!("{}/verify/{}", served.base, code.as_str()))
        .header("accept-language", "ar-MA,ar;q=0.9,fr;q=0.8")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("text");
    assert!(page.contains("dir=\"rtl\""), "Accept-Language picks Arabic");

    let png = served
        .get(&format!("/certificates/{}.png?lang=ar", code.as_str()))
        .await;
    assert_eq!(png.status(), 200);
    assert_eq!(png.headers()["content-type"], "image/png");
    let bytes = png.bytes().await.expect("png");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let pdf = served.get(&format!("/certificates/{}.pdf", code.as_str())).await;
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.expect("pdf").starts_with(b"%PDF"));

    let unknown = served
        .get(&format!("/verify/{}?lang=fr", CertificateCode::generate()))
        .await;
    assert_eq!(unknown.status(), 404);
    assert!(unknown.text().await.expect("page").contains("Certificat introuvable"));
    served.stop().await;
}

/// The key a token names, fetched from the address its `kid` gives.
async fn published_key(served: &Served, token: &str) -> serde_json::Value {
    use base64::Engine;
    let header = token.split('.').next().expect("header");
    let header: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(header)
            .expect("base64url"),
    )
    .expect("json");
    assert_eq!(header["alg"], "RS256");
    let kid = header["kid"].as_str().expect("kid");
    assert!(
        kid.starts_with(&served.base),
        "the kid is an address of the service: {kid}"
    );
    let jwk = served.http.get(kid).send().await.expect("key");
    assert_eq!(jwk.status(), 200);
    jwk.json().await.expect("jwk")
}

#[tokio::test]
async fn open_badges_documents_verify_and_revocation_shows_everywhere() {
    let db = TestDb::sqlite();
    let served = serve(&db).await;
    let code = served.certificate.code.clone();

    // Open Badges 3.0: a VC-JWT that verifies with the published key, and not once tampered.
    let response = served.get(&format!("/ob/v3/credentials/{}", code.as_str())).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/vc+jwt");
    let token = response.text().await.expect("jwt");
    let jwk = published_key(&served, &token).await;
    let credential = verify_vc_jwt(&token, std::slice::from_ref(&jwk)).expect("verifies");
    assert_eq!(credential["type"][1], "OpenBadgeCredential");
    assert_eq!(
        credential["id"],
        format!("{}/ob/v3/credentials/{}", served.base, code.as_str())
    );
    assert_eq!(
        credential["credentialSubject"]["achievement"]["name"],
        "Premiers secours"
    );
    assert!(
        credential["credentialSubject"]["identifier"][0]["identityHash"]
            .as_str()
            .expect("hash")
            .starts_with("sha256$"),
        "the e-mail is named by its hash: {credential}"
    );
    let achievement_url = credential["credentialSubject"]["achievement"]["id"]
        .as_str()
        .expect("id");
    let achievement: serde_json::Value = served
        .http
        .get(achievement_url)
        .send()
        .await
        .expect("achievement")
        .json()
        .await
        .expect("json");
    assert_eq!(
        achievement["type"][0], "Achievement",
        "the achievement answers at its id: {achievement}"
    );
    assert_eq!(achievement["name"], "Premiers secours");
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[1] = parts[1].replacen('e', "f", 1);
    assert!(
        verify_vc_jwt(&parts.join("."), std::slice::from_ref(&jwk)).is_err(),
        "tampered"
    );

    // Open Badges 2.0: the assertion, its badge class and its issuer on the same origin.
    let assertion: serde_json::Value = served
        .get(&format!("/ob/v2/assertions/{}", code.as_str()))
        .await
        .json()
        .await
        .expect("assertion");
    assert_eq!(assertion["@context"], "https://w3id.org/openbadges/v2");
    assert_eq!(assertion["type"], "Assertion");
    assert_eq!(assertion["verification"]["type"], "hosted");
    assert_eq!(assertion["recipient"]["type"], "email");
    assert_eq!(assertion["recipient"]["hashed"], true);
    let salt = assertion["recipient"]["salt"].as_str().expect("salt");
    assert_eq!(
        assertion["recipient"]["identity"],
        hash_email("Fatima@Example.org", salt)
    );
    let badge = assertion["badge"].as_str().expect("badge");
    let badge: serde_json::Value = served
        .http
        .get(badge)
        .send()
        .await
        .expect("badge")
        .json()
        .await
        .expect("json");
    assert_eq!(badge["type"], "BadgeClass");
    for field in ["name", "description", "image", "criteria", "issuer"] {
        assert!(!badge[field].is_null(), "BadgeClass.{field}: {badge}");
    }
    let image = served
        .http
        .get(badge["image"].as_str().expect("image"))
        .send()
        .await
        .expect("image");
    assert_eq!(image.headers()["content-type"], "image/png");
    let issuer: serde_json::Value = served
        .http
        .get(badge["issuer"].as_str().expect("issuer"))
        .send()
        .await
        .expect("issuer")
        .json()
        .await
        .expect("json");
    for field in ["id", "type", "name", "url", "email"] {
        assert!(!issuer[field].is_null(), "Profile.{field}: {issuer}");
    }

    // Revoked: 410 with revoked: true, and the status list's bit set.
    served
        .app_store
        .revoke_certificate(&code, "Erreur d'attribution", SystemClock.now())
        .await
        .expect("revoke");
    let gone = served.get(&format!("/ob/v2/assertions/{}", code.as_str())).await;
    assert_eq!(gone.status(), 410);
    let gone: serde_json::Value = gone.json().await.expect("json");
    assert_eq!(gone["revoked"], true);
    let token = served
        .get(&format!("/ob/v3/credentials/{}", code.as_str()))
        .await
        .text()
        .await
        .expect("jwt");
    let credential = verify_vc_jwt(&token, std::slice::from_ref(&jwk)).expect("still signed");
    let list_url = credential["credentialStatus"]["statusListCredential"]
        .as_str()
        .expect("list");
    let index: u64 = credential["credentialStatus"]["statusListIndex"]
        .as_str()
        .expect("index")
        .parse()
        .expect("number");
    let list = served.http.get(list_url).send().await.expect("list");
    assert_eq!(list.headers()["content-type"], "application/vc+jwt");
    let list = list.text().await.expect("list");
    let list = verify_vc_jwt(&list, std::slice::from_ref(&jwk)).expect("the list is signed");
    let encoded = list["credentialSubject"]["encodedList"].as_str().expect("encoded");
    assert!(status_is_set(encoded, index).expect("decodes"), "revoked on the list");
    assert!(!status_is_set(encoded, (index + 1) % 131_072).expect("decodes"));
    let page = served
        .get(&format!("/verify/{}?lang=fr", code.as_str()))
        .await
        .text()
        .await
        .expect("page");
    assert!(
        page.contains("n'est plus valable") && page.contains("Erreur d'attribution"),
        "{page}"
    );
    served.stop().await;
}

#[tokio::test]
async fn guessing_is_limited_per_client_address_behind_a_trusted_proxy() {
    let db = TestDb::sqlite();
    let served = serve(&db).await;
    let guess = |from: &'static str| {
        served
            .http
            .get(format!(
                "{}/verify/{}",
                served.base,
                CertificateCode::generate().as_str()
            ))
            // The test client is on loopback, a trusted proxy by default: its X-Forwarded-For is
            // believed.
            .header("x-forwarded-for", from)
            .send()
    };
    for _ in 0..GUESSES {
        assert_eq!(guess("203.0.113.9").await.expect("answered").status(), 404);
    }
    let refused = guess("203.0.113.9").await.expect("answered");
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    // Even the right code waits for that address; another address is not held back.
    let right = served
        .http
        .get(format!("{}/verify/{}", served.base, served.certificate.code.as_str()))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .expect("answered");
    assert_eq!(right.status(), 429);
    assert_eq!(guess("198.51.100.4").await.expect("answered").status(), 404);
    served.stop().await;
}

const GUESSES: u32 = tatwir_web::certificates::GUESSES_PER_WINDOW;
