//! The label's port, on SQLite and PostgreSQL: the charter adopted once and only by a manager,
//! the evidence an association's checklist is made of, and grants settled once whoever settles
//! them, with one warning per manager when one is lost.

use crate::backends::on_both_backends;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::collections::BTreeMap;
use tatwir_core::association::{AssociationDraft, AssociationId};
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::BroadcastStore;
use tatwir_core::certificate::{CertificateCode, CertificateStore, IssuedBy, NewCertificate};
use tatwir_core::content::Translations;
use tatwir_core::conversation::Conversation;
use tatwir_core::label::*;
use tatwir_core::language::Language;
use tatwir_core::learning::{AnswerSource, Attempt, LearningStore};
use tatwir_core::meeting::{MeetingStore, MeetingTime, NewMeeting, Recurrence, Reminders};
use tatwir_core::outbox::{OutboxStatus, OutboxStore};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(
    the_charter_is_adopted_once_and_only_by_a_manager,
    the_checklist_reads_members_certificates_activity_and_meetings,
    a_grant_is_settled_once_and_its_loss_warns_each_manager_once,
);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid time")
}

fn rules() -> LabelRules {
    let criterion = |id: &str, rule| LabelCriterion { id: id.into(), rule };
    LabelRules {
        valid_months: 12,
        window_months: 12,
        criteria: vec![
            criterion(
                "managers-certified",
                CriterionRule::ManagersCertified {
                    track: "manager".into(),
                    at_least: 2,
                },
            ),
            criterion(
                "volunteers-certified",
                CriterionRule::ActiveVolunteersCertified {
                    track: "volunteer".into(),
                    percent: 50,
                },
            ),
            criterion(
                "first-aid",
                CriterionRule::MembersCertified {
                    track: "first-aid".into(),
                    at_least: 1,
                },
            ),
            criterion("charter", CriterionRule::CharterAdopted),
            criterion("meetings", CriterionRule::MeetingsAttended { at_least: 2 }),
        ],
        charter: Charter {
            version: "v1".into(),
            texts: Translations {
                by_language: BTreeMap::new(),
            },
        },
    }
}

async fn association(store: &SqlStore, name: &str) -> AssociationId {
    association_in(store, name, "Fès").await
}

pub(crate) async fn association_in(store: &SqlStore, name: &str, city: &str) -> AssociationId {
    let draft = AssociationDraft::new(name, city).expect("draft");
    store
        .create_association(&draft, t0())
        .await
        .expect("association")
        .association
        .id
}

/// A person with a Telegram identity (and its private chat) and `role` in `association`.
pub(crate) async fn member(store: &SqlStore, user: &str, role: Role, association: AssociationId) -> PersonId {
    let identity = Identity::new(Channel::Telegram, user);
    let person = store
        .person_for(&identity, user, Some(Language::Fr), t0())
        .await
        .expect("person")
        .id;
    store.note_private_chat(&identity, user).await.expect("chat");
    store
        .grant_role(person, role, Some(association), t0())
        .await
        .expect("role");
    person
}

async fn certify(store: &SqlStore, person: PersonId, track: &str) {
    store
        .issue_certificate(&NewCertificate {
            code: CertificateCode::generate(),
            person,
            track: track.into(),
            association: None,
            issued_by: IssuedBy::Hand,
            issued_at: t0() - Duration::days(30),
            valid_until: Some(t0() + Duration::days(700)),
        })
        .await
        .expect("certificate");
}

async fn the_charter_is_adopted_once_and_only_by_a_manager(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = association(&store, "Amal").await;
    let other = association(&store, "Nour").await;
    let fatima = member(&store, "fatima", Role::Manager, amal).await;
    let karim = member(&store, "karim", Role::Manager, amal).await;
    let youssef = member(&store, "youssef", Role::Volunteer, amal).await;
    let salma = member(&store, "salma", Role::Manager, other).await;

    for refused in [youssef, salma] {
        assert_eq!(
            store.adopt_charter(amal, refused, "v1", t0()).await.expect("adopt"),
            Adoption::NotManager
        );
    }
    let Adoption::Adopted(first) = store.adopt_charter(amal, fatima, "v1", t0()).await.expect("adopt") else {
        panic!("a manager adopts it");
    };
    assert_eq!(
        (
            first.person,
            first.adopted_by.as_str(),
            first.version.as_str(),
            first.adopted_at
        ),
        (Some(fatima), "fatima", "v1", t0())
    );
    let later = t0() + Duration::hours(1);
    assert_eq!(
        store.adopt_charter(amal, karim, "v1", later).await.expect("again"),
        Adoption::AlreadyAdopted(first.clone()),
        "one adoption per version: the first is kept"
    );
    assert!(matches!(
        store.adopt_charter(amal, karim, "v2", later).await.expect("v2"),
        Adoption::Adopted(CharterAdoption { person: Some(p), .. }) if p == karim
    ));

    // The role is read in the same transaction: a manager whose role was taken back is refused.
    store
        .revoke_role(karim, Role::Manager, Some(amal), later)
        .await
        .expect("revoke");
    assert_eq!(
        store.adopt_charter(amal, karim, "v3", later).await.expect("adopt"),
        Adoption::NotManager
    );

    let state = store
        .label_state(amal, &rules(), later)
        .await
        .expect("state")
        .expect("association");
    assert_eq!(state.checklist.adoption, Some(first));
    store.close().await;
}

fn meeting(audience: Audience, start: &str) -> NewMeeting {
    let start = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").expect("start");
    NewMeeting {
        organizer: None,
        title: BTreeMap::from([(Language::Fr, "Rencontre".to_owned())]),
        agenda: BTreeMap::new(),
        time: MeetingTime {
            start,
            end: start + Duration::hours(2),
            zone: chrono_tz::Africa::Casablanca,
        },
        place: None,
        link: None,
        recurrence: Recurrence::None,
        audience,
        reminders: Reminders::none(),
        request: None,
    }
}

async fn the_checklist_reads_members_certificates_activity_and_meetings(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = association(&store, "Amal").await;
    let nour = association(&store, "Nour").await;
    let fatima = member(&store, "fatima", Role::Manager, amal).await;
    let karim = member(&store, "karim", Role::Manager, amal).await;
    let youssef = member(&store, "youssef", Role::Volunteer, amal).await;
    let hind = member(&store, "hind", Role::Volunteer, amal).await;
    let _idle = member(&store, "idle", Role::Volunteer, amal).await;
    let salma = member(&store, "salma", Role::Volunteer, nour).await;
    certify(&store, fatima, "manager").await;
    certify(&store, karim, "manager").await;
    certify(&store, youssef, "volunteer").await;
    // Another association's certificate counts for nobody here.
    certify(&store, salma, "first-aid").await;

    // Youssef answered a quiz question last month; Hind came to a meeting between associations.
    let answered = Attempt {
        person: youssef,
        question: tatwir_core::content::QuestionKey {
            toolbox: "hygiene".into(),
            lesson: "hands".into(),
            question: "q1".into(),
        },
        lesson_version: "v1".into(),
        chosen: vec![0],
        correct: true,
        source: AnswerSource::Quiz,
        offer: "o1".into(),
        answered_at: t0() - Duration::days(30),
    };
    let card = tatwir_core::review::after_answer(None, true, answered.answered_at);
    store
        .record_attempt(&answered, &card, &Conversation::default(), None)
        .await
        .expect("answer");
    let (between, _) = store
        .create_meeting(&meeting(Audience::default(), "2026-11-10T18:00"), t0())
        .await
        .expect("meeting");
    let own = Audience {
        associations: vec![amal],
        ..Audience::default()
    };
    let (inside, _) = store
        .create_meeting(&meeting(own, "2026-11-12T18:00"), t0())
        .await
        .expect("meeting");
    let (long_ago, _) = store
        .create_meeting(&meeting(Audience::default(), "2025-10-01T18:00"), t0())
        .await
        .expect("meeting");
    store
        .record_attendance(between, "2026-11-10T18:00", &[hind, fatima, salma], t0())
        .await
        .expect("attendance");
    store
        .record_attendance(inside, "2026-11-12T18:00", &[fatima], t0())
        .await
        .expect("attendance");
    store
        .record_attendance(long_ago, "2025-10-01T18:00", &[karim], t0())
        .await
        .expect("attendance");

    let state = store
        .label_state(amal, &rules(), t0())
        .await
        .expect("state")
        .expect("association");
    let numbers: Vec<(&str, bool, u32, u32, Option<u32>)> = state
        .checklist
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.met, c.actual, c.needed, c.out_of))
        .collect();
    assert_eq!(
        numbers,
        [
            ("managers-certified", true, 2, 2, None),
            ("volunteers-certified", true, 1, 1, Some(2)),
            ("first-aid", false, 0, 1, None),
            ("charter", false, 0, 1, None),
            ("meetings", false, 1, 2, None),
        ]
    );
    assert_eq!(state.status, LabelStatus::None);
    assert_eq!(state.grant, None);
    assert_eq!(
        store
            .label_state(AssociationId(9999), &rules(), t0())
            .await
            .expect("state"),
        None
    );
    store.close().await;
}

async fn a_grant_is_settled_once_and_its_loss_warns_each_manager_once(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = association(&store, "Amal").await;
    let fatima = member(&store, "fatima", Role::Manager, amal).await;
    let _karim = member(&store, "karim", Role::Manager, amal).await;
    let _youssef = member(&store, "youssef", Role::Volunteer, amal).await;
    // Fatima also talks to the bot on Matrix: still one warning for her.
    let matrix = Identity::new(Channel::Matrix, "@fatima:example.org");
    store
        .person_for(&matrix, "fatima", Some(Language::Fr), t0())
        .await
        .expect("person");
    sqlx::query("UPDATE identities SET person_id = $1 WHERE channel = 'matrix'")
        .bind(fatima.0)
        .execute(store.pool())
        .await
        .expect("link the identity");
    store
        .note_private_chat(&matrix, "!room:example.org")
        .await
        .expect("chat");
    // A manager the bot cannot write to is not warned.
    let silent = store
        .person_for(&Identity::new(Channel::Telegram, "silent"), "silent", None, t0())
        .await
        .expect("person")
        .id;
    store
        .grant_role(silent, Role::Manager, Some(amal), t0())
        .await
        .expect("role");

    let until = t0() + Duration::days(365);
    let grant = Settlement::Grant { valid_until: until };
    assert_eq!(
        store.settle_label(amal, &grant, t0()).await.expect("grant"),
        Settled {
            changed: true,
            warned: 0
        }
    );
    assert!(
        !store.settle_label(amal, &grant, t0()).await.expect("again").changed,
        "one live grant"
    );
    let state = store
        .label_state(amal, &rules(), t0())
        .await
        .expect("state")
        .expect("association");
    let granted = state.grant.clone().expect("a grant");
    assert_eq!((granted.granted_at, granted.valid_until), (t0(), until));
    assert_eq!(state.status, LabelStatus::Granted { since: t0(), until });

    let later = until + Duration::days(365);
    let extend = Settlement::Extend {
        grant: granted.id,
        valid_until: later,
    };
    assert!(store.settle_label(amal, &extend, until).await.expect("extend").changed);
    assert!(!store.settle_label(amal, &extend, until).await.expect("again").changed);

    let lost_at = until + Duration::days(3);
    let unmet = vec![UnmetCriterion {
        id: "first-aid".into(),
        actual: 0,
        needed: 1,
        out_of: None,
    }];
    let lose = Settlement::Lose {
        grant: granted.id,
        criteria: unmet.clone(),
    };
    assert_eq!(
        store.settle_label(amal, &lose, lost_at).await.expect("lose"),
        Settled {
            changed: true,
            warned: 2
        },
        "Fatima and Karim, once each"
    );
    assert_eq!(
        store.settle_label(amal, &lose, lost_at).await.expect("again"),
        Settled::default()
    );
    assert!(
        !store
            .settle_label(amal, &extend, lost_at)
            .await
            .expect("extend a lost one")
            .changed
    );
    let warnings: Vec<_> = store
        .outbox_entries(&[OutboxStatus::Pending], 100)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|entry| entry.kind == "label_lost")
        .collect();
    assert_eq!(warnings.len(), 2);

    let state = store
        .label_state(amal, &rules(), lost_at)
        .await
        .expect("state")
        .expect("association");
    let lost = state.grant.expect("the lost grant");
    assert_eq!((lost.valid_until, lost.lost_at), (later, Some(lost_at)));
    assert_eq!(lost.lost_criteria, unmet);
    assert_eq!(
        state.status,
        LabelStatus::Lost {
            since: t0(),
            at: lost_at
        }
    );

    // Deserved again: a new grant, and its own loss warns again.
    let regained = lost_at + Duration::days(10);
    assert!(
        store
            .settle_label(
                amal,
                &Settlement::Grant {
                    valid_until: regained + Duration::days(365)
                },
                regained
            )
            .await
            .expect("regrant")
            .changed
    );
    let state = store
        .label_state(amal, &rules(), regained)
        .await
        .expect("state")
        .expect("association");
    let second = state.grant.expect("a new grant");
    assert_ne!(second.id, lost.id);
    let again = store
        .settle_label(
            amal,
            &Settlement::Lose {
                grant: second.id,
                criteria: unmet,
            },
            regained + Duration::days(1),
        )
        .await
        .expect("lose again");
    assert_eq!(again.warned, 2);
    store.close().await;
}
