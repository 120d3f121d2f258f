//! The quality label end to end through the engine, on the real store and the bundled pack,
//! with a fake clock: the checklist shown to managers (in French and in Arabic), the charter
//! adopted by a manager and refused to anyone else (a stale button included), the label granted
//! by the daily evaluation once the last criterion holds, lost with one warning per manager when
//! a certificate is revoked or expires, an evaluation run twice changing nothing, and
//! `tatwir label show`.

use crate::backends::RunTatwir;
use crate::learning::{Learner, at, texts, try_choice};
use chrono::{DateTime, Duration, DurationRound, Utc};
use std::collections::BTreeMap;
use tatwir_core::association::AssociationId;
use tatwir_core::audience::Audience;
use tatwir_core::certificate::{Certificate, CertificateCode, CertificateStore, Issue, IssuedBy, NewCertificate};
use tatwir_core::clock::Clock;
use tatwir_core::conversation::ConversationStore;
use tatwir_core::label::{Evaluation, LabelRules, LabelStore, evaluate_labels};
use tatwir_core::language::Language;
use tatwir_core::meeting::{MeetingId, MeetingStore, MeetingTime, NewMeeting, Recurrence, Reminders};
use tatwir_core::outbox::{OutboxMessage, OutboxStore};
use tatwir_core::person::{Channel, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

/// Association Amal, which deserves the label but for its charter: Fatima and Karim, managers
/// with the manager certificate; Amina, volunteer with the volunteer and first-aid certificates;
/// Omar, volunteer; Amina and Omar came to two meetings between associations last months.
struct Amal {
    learner: Learner,
    id: AssociationId,
    rules: LabelRules,
    fatima: PersonId,
    karim: PersonId,
    karim_certificate: Certificate,
    first_aid: Certificate,
}

/// A certificate of `track` for `person`, issued by hand ten days before `now`.
pub(crate) async fn certify(
    store: &SqlStore,
    now: DateTime<Utc>,
    person: PersonId,
    track: &str,
    valid_until: DateTime<Utc>,
) -> Certificate {
    let issued = store
        .issue_certificate(&NewCertificate {
            code: CertificateCode::generate(),
            person,
            track: track.into(),
            association: None,
            issued_by: IssuedBy::Hand,
            issued_at: now - Duration::days(10),
            valid_until: Some(valid_until),
        })
        .await
        .expect("certificate");
    match issued {
        Issue::New(certificate) => certificate,
        Issue::Held(certificate) => panic!("already held: {certificate:?}"),
    }
}

/// A meeting between associations (for every association) that started `days_ago` days before
/// `now`: its id and the key of its occurrence. It invites whoever the bot can write to when it
/// is made: a channel's test makes it before anyone joins.
pub(crate) async fn meeting_between_associations(
    store: &SqlStore,
    now: DateTime<Utc>,
    days_ago: i64,
) -> (MeetingId, String) {
    let zone = chrono_tz::Africa::Casablanca;
    let start = (now - Duration::days(days_ago)).with_timezone(&zone).naive_local();
    let key = start.format("%Y-%m-%dT%H:%M").to_string();
    let start = tatwir_core::meeting::parse_local_key(&key).expect("a local start");
    let meeting = NewMeeting {
        organizer: None,
        title: BTreeMap::from([(Language::Fr, "Rencontre inter-associations".to_owned())]),
        agenda: BTreeMap::new(),
        time: MeetingTime {
            start,
            end: start + Duration::hours(2),
            zone,
        },
        place: None,
        link: None,
        recurrence: Recurrence::None,
        audience: Audience::default(),
        reminders: Reminders::none(),
        request: None,
    };
    let (id, _) = store.create_meeting(&meeting, now).await.expect("meeting");
    (id, key)
}

/// A meeting between associations `days_ago` days ago, which `people` attended.
async fn met(learner: &Learner, days_ago: i64, people: &[PersonId]) {
    let now = learner.clock.now();
    let (id, key) = meeting_between_associations(learner.store(), now, days_ago).await;
    learner
        .store()
        .record_attendance(id, &key, people, now)
        .await
        .expect("attendance");
}

async fn amal(now: DateTime<Utc>) -> Amal {
    let learner = Learner::new(now).await;
    let id = learner.amal.association.id;
    for user in ["fatima", "karim", "omar"] {
        learner
            .say(user, &format!("/start {}", learner.amal.volunteer_code))
            .await;
    }
    let (fatima, karim) = (learner.person("fatima").await, learner.person("karim").await);
    let (amina, omar) = (learner.person("amina").await, learner.person("omar").await);
    for manager in [fatima, karim] {
        learner
            .store()
            .grant_role(manager, Role::Manager, Some(id), now)
            .await
            .expect("manager");
    }
    let long = now + Duration::days(700);
    certify(learner.store(), now, fatima, "manager", long).await;
    let karim_certificate = certify(learner.store(), now, karim, "manager", long).await;
    certify(learner.store(), now, amina, "volunteer", long).await;
    let first_aid = certify(learner.store(), now, amina, "first-aid", now + Duration::days(40)).await;
    met(&learner, 30, &[amina, omar]).await;
    met(&learner, 60, &[amina, fatima]).await;
    let rules = bundled_rules(&learner.app);
    Amal {
        learner,
        id,
        rules,
        fatima,
        karim,
        karim_certificate,
        first_aid,
    }
}

impl Amal {
    async fn evaluate(&self) -> Evaluation {
        evaluate_labels(self.learner.store(), &self.rules, self.learner.clock.now())
            .await
            .expect("evaluate")
    }

    /// The label warnings queued, as each manager reads them (claimed from the outbox and
    /// rendered as a channel's worker renders them).
    async fn warnings(&self) -> Vec<(PersonId, String)> {
        let store = self.learner.store();
        let items = store
            .claim(Channel::Telegram, None, "test", self.learner.clock.now(), 500)
            .await
            .expect("claim");
        let mut warnings = Vec::new();
        for item in items {
            if matches!(item.message, OutboxMessage::LabelLost { .. }) {
                let rendered = self.learner.app.engine().render(&item, '/').await.expect("render");
                warnings.push((item.person.expect("a manager"), texts(&rendered)));
            }
            store
                .mark_sent(item.id, "test", self.learner.clock.now())
                .await
                .expect("sent");
        }
        warnings.sort();
        warnings
    }

    async fn adopted(&self) -> bool {
        self.learner
            .store()
            .label_state(self.id, &self.rules, self.learner.clock.now())
            .await
            .expect("state")
            .expect("association")
            .checklist
            .adoption
            .is_some()
    }
}

#[tokio::test]
async fn the_label_is_granted_once_a_manager_adopts_the_charter() {
    let amal = amal(at(2026, 12, 2, 9, 0)).await;
    let learner = &amal.learner;

    let checklist = learner.say("fatima", "/label").await;
    let shown = texts(&checklist);
    for expected in [
        "🏅 Label qualité Tatwir — Association Amal",
        "Pas encore de label.",
        "✅ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 2",
        "✅ Au moins 50 % des bénévoles actifs ces 12 derniers mois ont le certificat « Bénévole formé·e » : 1 sur 2 (il en faut 1)",
        "✅ Au moins un membre a le certificat « Premiers secours » : 1",
        "❌ Charte éthique pas encore adoptée",
        "✅ Au moins 2 réunions entre associations suivies ces 12 derniers mois : 2",
        "Un critère n'est pas rempli.",
        "📜 Lire et adopter la charte",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert_eq!(amal.evaluate().await.granted, 0, "not while the charter is missing");

    let charter = learner.press("fatima", &checklist, "Lire et adopter").await;
    let shown = texts(&charter);
    assert!(shown.contains("Charte éthique de l'association"), "{shown}");
    assert!(shown.contains("Protection des enfants"), "{shown}");
    assert!(
        shown.contains("vous adoptez cette charte au nom de Association Amal"),
        "{shown}"
    );
    let adopted = learner
        .press("fatima", &charter, "J'adopte la charte au nom de Association Amal")
        .await;
    let shown = texts(&adopted);
    assert!(
        shown.contains("✅ Charte adoptée au nom de Association Amal par fatima le 2 décembre 2026."),
        "{shown}"
    );
    assert!(
        shown.contains("✅ Charte éthique adoptée par fatima le 2 décembre 2026"),
        "{shown}"
    );
    assert!(
        shown.contains("le label sera accordé lors de la prochaine évaluation quotidienne"),
        "{shown}"
    );
    assert!(try_choice(&adopted, "adopter").is_none(), "adopted once: {shown}");

    // The daily evaluation grants it; run again the same day, or later that day, it changes nothing.
    let first = amal.evaluate().await;
    assert_eq!((first.granted, first.lost, first.warned), (1, 0, 0));
    assert_eq!(
        amal.evaluate().await,
        Evaluation {
            associations: 1,
            ..Evaluation::default()
        }
    );
    learner.clock.advance(Duration::hours(10));
    assert_eq!(
        amal.evaluate().await,
        Evaluation {
            associations: 1,
            ..Evaluation::default()
        }
    );
    let shown = texts(&learner.say("fatima", "/label").await);
    assert!(
        shown.contains("Label accordé depuis le 2 décembre 2026, valable jusqu'au 2 décembre 2027."),
        "{shown}"
    );
    assert!(!shown.contains("❌"), "{shown}");

    // In Arabic, for a manager who reads Arabic.
    learner
        .store()
        .set_language(amal.karim, Language::Ar)
        .await
        .expect("language");
    let shown = texts(&learner.say("karim", "/label").await);
    for expected in [
        "🏅 علامة الجودة من تطوير — \u{2068}Association Amal\u{2069}",
        "العلامة ممنوحة منذ 2 دجنبر 2026، وصالحة حتى 2 دجنبر 2027.",
        "✅ مسؤولان على الأقل يحملان شهادة «\u{2068}مسؤول(ة) جمعوي(ة)\u{2069}»: 2",
        "✅ الميثاق الأخلاقي اعتمده \u{2068}fatima\u{2069} في 2 دجنبر 2026",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }

    // A year later, still deserved: extended from its end, not granted anew.
    learner.clock.set(at(2027, 12, 2, 10, 0));
    certify_again(&amal).await;
    let extended = amal.evaluate().await;
    assert_eq!(
        (extended.extended, extended.granted, extended.lost),
        (1, 0, 0),
        "{extended:?}"
    );
    let state = learner
        .store()
        .label_state(amal.id, &amal.rules, learner.clock.now())
        .await
        .expect("state")
        .expect("association");
    assert_eq!(state.granted_at(), Some(at(2026, 12, 2, 9, 0)));
    assert_eq!(state.valid_until(), Some(at(2027, 12, 2, 9, 0) + Duration::days(366)));
}

/// A year on, the meetings and activity counted last year are out of the window and Amina's
/// first-aid certificate has expired: Amina takes a new one, and there are two new meetings.
async fn certify_again(amal: &Amal) {
    let learner = &amal.learner;
    let amina = learner.person("amina").await;
    let omar = learner.person("omar").await;
    learner
        .store()
        .revoke_certificate(&amal.first_aid.code, "renouvelé", learner.clock.now())
        .await
        .expect("revoke");
    certify(
        learner.store(),
        learner.clock.now(),
        amina,
        "first-aid",
        learner.clock.now() + Duration::days(700),
    )
    .await;
    met(learner, 20, &[amina, omar]).await;
    met(learner, 40, &[amina]).await;
}

#[tokio::test]
async fn only_a_manager_of_the_association_adopts_its_charter_even_with_a_stale_button() {
    let amal = amal(at(2026, 12, 2, 9, 0)).await;
    let learner = &amal.learner;

    // A volunteer has no /label (and no button to press).
    let refused = texts(&learner.say("amina", "/label").await);
    assert!(refused.contains("n'est pas ouverte à votre rôle"), "{refused}");
    assert!(!texts(&learner.say("amina", "/help").await).contains("/label"));
    assert!(texts(&learner.say("fatima", "/help").await).contains("/label"));

    // Karim opens the charter; his role is taken back before he presses "adopt" (which takes
    // his buttons back too).
    let checklist = learner.say("karim", "/label").await;
    let charter = learner.press("karim", &checklist, "Lire et adopter").await;
    learner
        .store()
        .revoke_role(amal.karim, Role::Manager, Some(amal.id), learner.clock.now())
        .await
        .expect("revoke");
    let refused = texts(&learner.press("karim", &charter, "J'adopte").await);
    assert!(refused.contains("n'est pas ou plus valable"), "{refused}");
    assert!(!amal.adopted().await, "nothing recorded");
    assert!(
        texts(&learner.say("karim", "/label").await).contains("n'est pas ouverte à votre rôle"),
        "no longer a manager anywhere"
    );

    // Fatima is made a volunteer of the association while her button is on screen, and a turn
    // of hers that was under way saves her buttons back afterwards: the press itself is refused.
    let checklist = learner.say("fatima", "/label").await;
    let charter = learner.press("fatima", &checklist, "Lire et adopter").await;
    let on_screen = learner.store().conversation(amal.fatima).await.expect("conversation");
    learner
        .store()
        .grant_role(amal.fatima, Role::Volunteer, Some(amal.id), learner.clock.now())
        .await
        .expect("demote");
    learner
        .store()
        .save_conversation(amal.fatima, &on_screen, learner.clock.now())
        .await
        .expect("a late save");
    let refused = texts(&learner.press("fatima", &charter, "J'adopte").await);
    assert!(
        refused.contains("Seuls les responsables de Association Amal peuvent adopter sa charte"),
        "{refused}"
    );
    assert!(!amal.adopted().await);

    // A coordinator sees any association's checklist, and may not adopt its charter.
    learner.say("nadia", "/help").await;
    let nadia = learner.person("nadia").await;
    learner
        .store()
        .grant_role(nadia, Role::Coordinator, None, learner.clock.now())
        .await
        .expect("coordinator");
    let which = learner.say("nadia", "/label").await;
    assert!(texts(&which).contains("Pour quelle association ?"), "{}", texts(&which));
    let shown = learner.press("nadia", &which, "Association Amal").await;
    assert!(
        texts(&shown).contains("❌ Charte éthique pas encore adoptée"),
        "{}",
        texts(&shown)
    );
    assert!(try_choice(&shown, "adopter").is_none(), "{}", texts(&shown));
    let typed = texts(&learner.say("nadia", &format!("/label {}", amal.id)).await);
    assert!(typed.contains("Label qualité Tatwir — Association Amal"), "{typed}");
    let unknown = texts(&learner.say("nadia", "/label 999").await);
    assert!(unknown.contains("Aucune association ne porte le n° 999"), "{unknown}");
    let garbage = texts(&learner.say("nadia", "/label \u{202e}<b>").await);
    assert!(garbage.contains("Pour quelle association ?"), "{garbage}");
}

#[tokio::test]
async fn the_label_is_lost_with_one_warning_per_manager_when_a_certificate_is_revoked_or_expires() {
    // The command line reads the time from the system: this test starts now.
    let now = Utc::now().duration_trunc(Duration::seconds(1)).expect("now");
    let amal = amal(now).await;
    let learner = &amal.learner;
    let adopted = learner
        .store()
        .adopt_charter(amal.id, amal.fatima, &amal.rules.charter.version, now)
        .await
        .expect("adopt");
    assert!(matches!(adopted, tatwir_core::label::Adoption::Adopted(_)));
    assert_eq!(amal.evaluate().await.granted, 1);

    let id = amal.id.to_string();
    let shown: serde_json::Value =
        serde_json::from_str(&learner.db.tatwir(&["label", "show", &id, "--json"]).await).expect("JSON");
    assert_eq!(shown["association"], amal.id.0);
    assert_eq!(shown["granted"], true);
    assert!(
        shown["granted_at"].is_string() && shown["valid_until"].is_string(),
        "{shown}"
    );
    let criteria = shown["criteria"].as_array().expect("criteria");
    let ids: Vec<&str> = criteria.iter().map(|c| c["id"].as_str().expect("id")).collect();
    assert_eq!(
        ids,
        [
            "managers-certified",
            "volunteers-certified",
            "first-aid",
            "charter",
            "meetings"
        ]
    );
    assert!(criteria.iter().all(|c| c["met"] == true), "{shown}");
    assert_eq!((&criteria[0]["actual"], &criteria[0]["needed"]), (&2.into(), &2.into()));
    let plain = learner.db.tatwir(&["label", "show", &id]).await;
    assert!(
        plain.contains("Association n° 1 (Association Amal) : label accordé le"),
        "{plain}"
    );
    assert!(plain.contains("managers-certified"), "{plain}");

    // Karim's manager certificate is revoked: lost at the next evaluation, each manager warned once.
    learner
        .store()
        .revoke_certificate(&amal.karim_certificate.code, "attribué par erreur", now)
        .await
        .expect("revoke");
    let lost = amal.evaluate().await;
    assert_eq!((lost.lost, lost.warned), (1, 2), "{lost:?}");
    assert_eq!(
        amal.evaluate().await,
        Evaluation {
            associations: 1,
            ..Evaluation::default()
        }
    );
    let warnings = amal.warnings().await;
    let warned: Vec<PersonId> = warnings.iter().map(|(person, _)| *person).collect();
    assert_eq!(warned, [amal.fatima, amal.karim]);
    let (_, text) = &warnings[0];
    assert!(
        text.contains("⚠️ Association Amal a perdu le label qualité Tatwir : ces critères ne sont plus remplis."),
        "{text}"
    );
    assert!(
        text.contains("❌ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 1"),
        "{text}"
    );
    assert!(text.contains("Envoyez /label"), "{text}");
    assert!(amal.warnings().await.is_empty(), "nothing more queued");

    let shown: serde_json::Value =
        serde_json::from_str(&learner.db.tatwir(&["label", "show", &id, "--json"]).await).expect("JSON");
    assert_eq!(shown["granted"], false);
    assert_eq!(shown["granted_at"], serde_json::Value::Null);
    assert_eq!(shown["criteria"][0]["met"], false);
    assert_eq!(shown["criteria"][0]["actual"], 1);
    let status = texts(&learner.say("fatima", "/label").await);
    assert!(status.contains("Label perdu le"), "{status}");

    // A new certificate for Karim: granted again. Then Amina's first-aid certificate expires:
    // lost again, and this loss warns each manager once more.
    certify(learner.store(), now, amal.karim, "manager", now + Duration::days(700)).await;
    assert_eq!(amal.evaluate().await.granted, 1);
    learner
        .clock
        .set(amal.first_aid.valid_until.expect("ends") + Duration::hours(1));
    let lost = amal.evaluate().await;
    assert_eq!((lost.lost, lost.warned), (1, 2), "{lost:?}");
    let warnings = amal.warnings().await;
    assert_eq!(warnings.len(), 2);
    assert!(
        warnings[1]
            .1
            .contains("❌ Au moins un membre a le certificat « Premiers secours » : 0"),
        "{}",
        warnings[1].1
    );
}

/// Serves the web routes of `amal`'s app on a free port (with the fake clock) and returns the
/// base address; the issuer's test key signs.
async fn serve_web(amal: &Amal) -> (String, tokio::task::JoinHandle<()>) {
    let key = tatwir_badges::IssuerKey::test_key();
    amal.learner
        .store()
        .ensure_issuer_key(&tatwir_core::certificate::IssuerKeyRecord {
            kid: key.kid().to_owned(),
            private_pem: key.to_pkcs8_pem(),
            created_at: amal.learner.clock.now(),
            retired_at: None,
        })
        .await
        .expect("key");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let mut publishing = (*amal.learner.app.engine().publishing()).clone();
    publishing.base_url = base.clone();
    amal.learner.app.engine().set_publishing(publishing);
    let router = tatwir_web::router(amal.learner.app.engine().clone(), Vec::new());
    let task = tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    (base, task)
}

#[tokio::test]
async fn a_labelled_association_has_a_public_page_and_an_open_badges_credential() {
    let amal = amal(at(2026, 12, 2, 9, 0)).await;
    let now = amal.learner.clock.now();
    let (base, server) = serve_web(&amal).await;
    let http = reqwest::Client::new();
    let get = |path: String| http.get(format!("{base}{path}")).send();
    // Never labelled: no page.
    assert_eq!(get(format!("/label/{}", amal.id.0)).await.expect("page").status(), 404);
    assert_eq!(get("/label/not-a-number".into()).await.expect("page").status(), 404);

    amal.learner
        .store()
        .adopt_charter(amal.id, amal.fatima, &amal.rules.charter.version, now)
        .await
        .expect("adopt");
    assert_eq!(amal.evaluate().await.granted, 1);
    let page = get(format!("/label/{}?lang=fr", amal.id.0))
        .await
        .expect("page")
        .text()
        .await
        .expect("text");
    assert!(
        page.contains("Label accordé depuis le 2 décembre 2026, valable jusqu'au 2 décembre 2027"),
        "{page}"
    );
    assert!(page.contains("Charte éthique adoptée le 2 décembre 2026"), "{page}");
    assert!(!page.contains("fatima"), "a public page names no member: {page}");
    for lang in ["ar", "ary"] {
        let page = get(format!("/label/{}?lang={lang}", amal.id.0))
            .await
            .expect("page")
            .text()
            .await
            .expect("text");
        assert!(page.contains("dir=\"rtl\""), "{page}");
        assert!(
            !page.contains("label-") && !page.contains("web-"),
            "a message is missing in {lang}: {page}"
        );
    }

    // The credential the page links to verifies with the published key.
    let link = page
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.contains("/ob/v3/labels/"))
        .expect("a link to the credential")
        .to_owned();
    let token = http.get(&link).send().await.expect("jwt").text().await.expect("text");
    let jwk = tatwir_badges::IssuerKey::test_key().public_jwk(&format!(
        "{base}/ob/keys/{}",
        tatwir_badges::IssuerKey::test_key().kid()
    ));
    let served_jwk: serde_json::Value = http
        .get(jwk["kid"].as_str().expect("kid"))
        .send()
        .await
        .expect("key")
        .json()
        .await
        .expect("json");
    let credential = tatwir_badges::verify_vc_jwt(&token, std::slice::from_ref(&served_jwk)).expect("verifies");
    let subject = &credential["credentialSubject"];
    assert_eq!(subject["achievement"]["achievementType"], "QualityAssuranceCredential");
    assert_eq!(subject["identifier"][0]["identityHash"], "Association Amal");
    let achievement: serde_json::Value = http
        .get(subject["achievement"]["id"].as_str().expect("id"))
        .send()
        .await
        .expect("achievement")
        .json()
        .await
        .expect("json");
    assert_eq!(
        achievement["achievementType"], "QualityAssuranceCredential",
        "{achievement}"
    );
    let status = &credential["credentialStatus"];
    let index: u64 = status["statusListIndex"]
        .as_str()
        .expect("index")
        .parse()
        .expect("number");
    let list_url = status["statusListCredential"].as_str().expect("list").to_owned();
    let bit = |list: String| {
        let list = tatwir_badges::verify_vc_jwt(&list, std::slice::from_ref(&served_jwk)).expect("signed");
        tatwir_badges::status_is_set(list["credentialSubject"]["encodedList"].as_str().expect("list"), index)
            .expect("decodes")
    };
    assert!(!bit(http
        .get(&list_url)
        .send()
        .await
        .expect("list")
        .text()
        .await
        .expect("text")));

    // Lost: the page says so and the credential's bit is set.
    amal.learner
        .store()
        .revoke_certificate(&amal.karim_certificate.code, "Erreur", now)
        .await
        .expect("revoke");
    amal.learner.clock.advance(Duration::days(1));
    assert_eq!(amal.evaluate().await.lost, 1);
    let page = get(format!("/label/{}?lang=fr", amal.id.0))
        .await
        .expect("page")
        .text()
        .await
        .expect("text");
    assert!(page.contains("Label retiré le 3 décembre 2026"), "{page}");
    assert!(bit(http
        .get(&list_url)
        .send()
        .await
        .expect("list")
        .text()
        .await
        .expect("text")));
    server.abort();
}

/// A date as a person reads it in `lang` (the day in Casablanca), written here rather than by
/// the product, so that a channel's test checks what the product writes.
pub(crate) fn written_date(lang: Language, at: DateTime<Utc>) -> String {
    use chrono::Datelike;
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    // The months as Morocco writes them.
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ];
    let local = at.with_timezone(&chrono_tz::Africa::Casablanca);
    let months = if lang == Language::Fr { FR } else { AR };
    format!("{} {} {}", local.day(), months[local.month0() as usize], local.year())
}

/// How many times the charter was adopted, by anyone, for any association.
pub(crate) async fn adoptions(store: &SqlStore) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM charter_adoptions")
        .fetch_one(store.pool())
        .await
        .expect("count the adoptions")
}

/// The label warnings ever queued, by their state (sent, pending…).
pub(crate) async fn label_warnings(store: &SqlStore) -> Vec<tatwir_core::outbox::OutboxStatus> {
    use tatwir_core::outbox::OutboxStatus;
    let every = [
        OutboxStatus::Pending,
        OutboxStatus::Sent,
        OutboxStatus::Failed,
        OutboxStatus::Unreachable,
    ];
    store
        .outbox_entries(&every, 1000)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|entry| entry.kind == "label_lost")
        .map(|entry| entry.status)
        .collect()
}

/// The label's rules of the bundled pack, which the app teaches.
pub(crate) fn bundled_rules(app: &crate::harness::TestApp) -> LabelRules {
    app.engine()
        .library()
        .label
        .clone()
        .expect("the bundled pack declares the label")
}

#[tokio::test]
async fn on_the_terminal_a_manager_adopts_the_charter_and_reads_the_warning_when_the_label_is_lost() {
    use crate::certification::Terminal;
    let amal = amal(at(2026, 12, 2, 9, 0)).await;
    let learner = &amal.learner;
    let mut salma = Terminal::new(learner, "salma-t");
    salma.line(&format!("/start {}", learner.amal.volunteer_code)).await;
    let refused = salma.line("/label").await;
    assert!(
        refused.contains("n'est pas ouverte à votre rôle"),
        "a volunteer: {refused}"
    );
    let person = learner
        .store()
        .person_by_identity(&tatwir_core::person::Identity::new(Channel::Terminal, "salma-t"))
        .await
        .expect("read")
        .expect("joined")
        .id;
    learner
        .store()
        .grant_role(person, Role::Manager, Some(amal.id), learner.clock.now())
        .await
        .expect("manager");
    let checklist = salma.line("/label").await;
    assert!(
        checklist.contains("❌ Charte éthique pas encore adoptée"),
        "{checklist}"
    );
    let charter = salma.pick("Lire et adopter").await;
    assert!(charter.contains("Protection des enfants"), "{charter}");
    let adopted = salma.pick("J'adopte la charte").await;
    assert!(
        adopted.contains("✅ Charte adoptée au nom de Association Amal par salma-t"),
        "{adopted}"
    );
    assert_eq!(amal.evaluate().await.granted, 1);
    assert!(
        salma
            .line("/label")
            .await
            .contains("Label accordé depuis le 2 décembre 2026")
    );

    learner
        .store()
        .revoke_certificate(&amal.karim_certificate.code, "Erreur", learner.clock.now())
        .await
        .expect("revoke");
    learner.clock.advance(Duration::days(1));
    assert_eq!(amal.evaluate().await.lost, 1);
    let mut output = Vec::new();
    salma.session.deliver_due(&mut output).await.expect("deliver");
    let warning = String::from_utf8(output).expect("UTF-8");
    assert!(warning.contains("a perdu le label qualité Tatwir"), "{warning}");
    let mut again = Vec::new();
    salma.session.deliver_due(&mut again).await.expect("deliver");
    assert!(
        !String::from_utf8(again).expect("UTF-8").contains("a perdu"),
        "one warning"
    );
    assert!(salma.line("/label").await.contains("Label perdu le 3 décembre 2026"));
}
