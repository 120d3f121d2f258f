//! One contract for the store, run on SQLite and on PostgreSQL.

use crate::backends::on_both_backends;
use chrono::{DateTime, Duration, TimeZone, Utc};
use tatwir_core::association::{AssociationDraft, AssociationId, InviteCode};
use tatwir_core::conversation::{Action, Conversation, ConversationStore, Offer, Step};
use tatwir_core::conversation::{SessionAction, SessionStep};
use tatwir_core::language::Language;
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::{GrantError, JoinOutcome, RedeemError, Store};
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(
    people_are_created_once_per_identity,
    invite_codes_join_promote_and_refuse,
    refused_codes_change_nothing,
    associations_count_their_members,
    roles_are_granted_and_revoked,
    invites_are_listed_and_revoked,
    manager_codes_run_out_and_old_codes_do_not_give_a_role_back,
    wrong_codes_are_counted_until_one_works,
    conversation_state_survives_a_restart,
    any_script_round_trips,
);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn telegram(user: &str) -> Identity {
    Identity::new(Channel::Telegram, user)
}

async fn amal(store: &SqlStore) -> tatwir_core::association::NewAssociation {
    let draft = AssociationDraft::new("Association Amal", "Tanger").expect("valid draft");
    store
        .create_association(&draft, t0())
        .await
        .expect("create association")
}

async fn people_are_created_once_per_identity(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let first = store
        .person_for(&telegram("42"), "Amina", Some(Language::Ar), t0())
        .await
        .expect("create");
    let again = store
        .person_for(&telegram("42"), "Another name", None, t0())
        .await
        .expect("find");
    assert_eq!(first.id, again.id);
    assert_eq!(again.display_name, "Amina", "first contact's name is kept");
    assert_eq!(again.language, Some(Language::Ar));
    let matrix = store
        .person_for(
            &Identity::new(Channel::Matrix, "@amina:example.org"),
            "Amina",
            None,
            t0(),
        )
        .await
        .expect("create");
    assert_ne!(
        matrix.id, first.id,
        "an identity on another channel is another person until linked"
    );
    assert_eq!(matrix.language, None);
    store
        .set_language(matrix.id, Language::Ary)
        .await
        .expect("set language");
    assert_eq!(
        store.person(matrix.id).await.expect("read").expect("exists").language,
        Some(Language::Ary)
    );
    assert!(store.person_by_identity(&telegram("43")).await.expect("read").is_none());
    assert!(store.person(PersonId(999_999)).await.expect("read").is_none());
}

async fn invite_codes_join_promote_and_refuse(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let created = amal(&store).await;
    let person = store
        .person_for(&telegram("1"), "Youssef", Some(Language::Fr), t0())
        .await
        .expect("person");

    let joined = store
        .redeem_invite(person.id, &created.volunteer_code, t0())
        .await
        .expect("join");
    assert_eq!(joined.outcome, JoinOutcome::Joined);
    assert_eq!(joined.role, Role::Volunteer);
    assert_eq!(joined.association.name, "Association Amal");

    let again = store
        .redeem_invite(person.id, &created.volunteer_code, t0())
        .await
        .expect("again");
    assert_eq!(again.outcome, JoinOutcome::AlreadyMember { role: Role::Volunteer });

    let promoted = store
        .redeem_invite(person.id, &created.manager_code, t0())
        .await
        .expect("promote");
    assert_eq!(promoted.outcome, JoinOutcome::Promoted { from: Role::Volunteer });

    let not_demoted = store
        .redeem_invite(person.id, &created.volunteer_code, t0())
        .await
        .expect("volunteer code");
    assert_eq!(not_demoted.outcome, JoinOutcome::AlreadyMember { role: Role::Manager });

    let access = store.access(person.id).await.expect("access");
    assert_eq!(access.memberships.len(), 1);
    assert_eq!(access.memberships[0].role, Role::Manager);
    let uses: Vec<(String, i64)> = store
        .invites(None)
        .await
        .expect("invites")
        .into_iter()
        .map(|i| (i.code.to_string(), i.uses))
        .collect();
    assert!(uses.contains(&(created.volunteer_code.to_string(), 1)), "{uses:?}");
    assert!(uses.contains(&(created.manager_code.to_string(), 1)), "{uses:?}");
}

async fn refused_codes_change_nothing(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let created = amal(&store).await;
    let person = store
        .person_for(&telegram("7"), "Salma", None, t0())
        .await
        .expect("person");
    let unknown = InviteCode::parse("ZZZZ2222").expect("well-formed");
    assert!(matches!(
        store.redeem_invite(person.id, &unknown, t0()).await,
        Err(RedeemError::Unknown)
    ));

    let expiring = store
        .create_invite(
            created.association.id,
            Role::Volunteer,
            Some(t0() + Duration::days(1)),
            None,
            t0(),
        )
        .await
        .expect("invite");
    let later = t0() + Duration::days(2);
    assert!(matches!(
        store.redeem_invite(person.id, &expiring.code, later).await,
        Err(RedeemError::Expired)
    ));

    assert!(
        store
            .revoke_invite(&created.volunteer_code, t0())
            .await
            .expect("revoke")
    );
    assert!(matches!(
        store.redeem_invite(person.id, &created.volunteer_code, t0()).await,
        Err(RedeemError::Revoked)
    ));

    assert!(store.access(person.id).await.expect("access").memberships.is_empty());
    assert!(store.invites(None).await.expect("invites").iter().all(|i| i.uses == 0));
    // The expiring code still works before it expires.
    let joined = store
        .redeem_invite(person.id, &expiring.code, t0() + Duration::hours(23))
        .await
        .expect("join");
    assert_eq!(joined.outcome, JoinOutcome::Joined);
}

async fn associations_count_their_members(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = amal(&store).await;
    let draft = AssociationDraft::new("جمعية النور", "طنجة").expect("draft");
    let nour = store.create_association(&draft, t0()).await.expect("create");
    assert_ne!(amal.volunteer_code, amal.manager_code);
    for (user, code) in [
        ("1", &amal.volunteer_code),
        ("2", &amal.volunteer_code),
        ("3", &amal.manager_code),
        ("4", &nour.volunteer_code),
    ] {
        let person = store
            .person_for(&telegram(user), user, None, t0())
            .await
            .expect("person");
        store.redeem_invite(person.id, code, t0()).await.expect("join");
    }
    let all = store.associations().await.expect("list");
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].members, all[0].volunteers, all[0].managers), (3, 2, 1));
    assert_eq!((all[1].members, all[1].volunteers, all[1].managers), (1, 1, 0));
    assert_eq!(all[1].association.city, "طنجة");

    let members = store.people(Some(amal.association.id)).await.expect("people");
    assert_eq!(members.len(), 3);
    assert!(
        members
            .iter()
            .all(|p| p.memberships.iter().any(|m| m.association_id == amal.association.id))
    );
    assert_eq!(members[0].identities, vec![telegram("1")]);
    assert_eq!(store.people(None).await.expect("everyone").len(), 4);
    assert!(
        store
            .people(Some(AssociationId(424_242)))
            .await
            .expect("nobody")
            .is_empty()
    );
}

async fn roles_are_granted_and_revoked(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = amal(&store).await;
    let person = store
        .person_for(&telegram("9"), "Karim", None, t0())
        .await
        .expect("person");
    assert!(
        store
            .grant_role(person.id, Role::Coordinator, None, t0())
            .await
            .expect("grant")
    );
    assert!(
        !store
            .grant_role(person.id, Role::Coordinator, None, t0())
            .await
            .expect("grant twice"),
        "nothing changes"
    );
    assert!(
        store
            .grant_role(person.id, Role::Manager, Some(amal.association.id), t0())
            .await
            .expect("grant in association")
    );
    let access = store.access(person.id).await.expect("access");
    assert_eq!(access.platform_roles, vec![Role::Coordinator]);
    assert_eq!(access.role_in(amal.association.id), Some(Role::Manager));
    assert!(access.has_at_least(Role::Coordinator));

    assert!(matches!(
        store.grant_role(person.id, Role::Volunteer, None, t0()).await,
        Err(GrantError::AssociationNeeded(Role::Volunteer))
    ));
    assert!(matches!(
        store
            .grant_role(person.id, Role::Admin, Some(amal.association.id), t0())
            .await,
        Err(GrantError::NotAnAssociationRole(Role::Admin))
    ));
    assert!(matches!(
        store.grant_role(PersonId(31_337), Role::Admin, None, t0()).await,
        Err(GrantError::UnknownPerson(_))
    ));
    assert!(matches!(
        store
            .grant_role(person.id, Role::Manager, Some(AssociationId(31_337)), t0())
            .await,
        Err(GrantError::UnknownAssociation(_))
    ));

    assert!(
        store
            .revoke_role(person.id, Role::Coordinator, None, t0())
            .await
            .expect("revoke")
    );
    assert!(
        !store
            .revoke_role(person.id, Role::Coordinator, None, t0())
            .await
            .expect("revoke twice")
    );
    assert!(store.access(person.id).await.expect("access").platform_roles.is_empty());
}

async fn invites_are_listed_and_revoked(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = amal(&store).await;
    let extra = store
        .create_invite(amal.association.id, Role::Manager, None, None, t0())
        .await
        .expect("invite");
    assert!(matches!(
        store
            .create_invite(amal.association.id, Role::Admin, None, None, t0())
            .await,
        Err(GrantError::NotAnAssociationRole(_))
    ));
    assert!(matches!(
        store
            .create_invite(AssociationId(777), Role::Volunteer, None, None, t0())
            .await,
        Err(GrantError::UnknownAssociation(_))
    ));
    let listed = store.invites(Some(amal.association.id)).await.expect("list");
    assert_eq!(listed.len(), 3);
    assert!(store.revoke_invite(&extra.code, t0()).await.expect("revoke"));
    assert!(
        !store.revoke_invite(&extra.code, t0()).await.expect("revoke twice"),
        "already revoked"
    );
    let revoked = store
        .invites(None)
        .await
        .expect("list")
        .into_iter()
        .find(|i| i.code == extra.code)
        .expect("still listed");
    assert_eq!(revoked.revoked_at, Some(t0()));
}

async fn conversation_state_survives_a_restart(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let person = store
        .person_for(&telegram("5"), "Nadia", None, t0())
        .await
        .expect("person");
    assert_eq!(
        store.conversation(person.id).await.expect("read"),
        Conversation::default()
    );
    let state = Conversation {
        step: Step::Session(SessionStep::ChoosingLanguage {
            resume: Some("/start ABCD2345".into()),
        }),
        offer: Some(Offer::new(vec![Action::Session(SessionAction::SetLanguage {
            language: Language::Ary,
        })])),
    };
    store.save_conversation(person.id, &state, t0()).await.expect("save");
    store.close().await;

    let reopened = SqlStore::connect(&url).await.expect("reopen");
    assert_eq!(reopened.conversation(person.id).await.expect("read"), state);
    let idle = Conversation::default();
    reopened
        .save_conversation(person.id, &idle, t0())
        .await
        .expect("overwrite");
    assert_eq!(reopened.conversation(person.id).await.expect("read"), idle);
}

async fn any_script_round_trips(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let names = [
        "جمعية الأمل للتنمية",
        "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "Émilie 👩🏽‍⚕️",
        "O'Brien \"quoted\"; DROP TABLE people;--",
    ];
    for (i, name) in names.iter().enumerate() {
        let person = store
            .person_for(&telegram(&format!("u{i}")), name, None, t0())
            .await
            .expect("person");
        assert_eq!(
            store
                .person(person.id)
                .await
                .expect("read")
                .expect("exists")
                .display_name,
            *name
        );
        let draft = AssociationDraft::new(name, name).expect("draft");
        let created = store.create_association(&draft, t0()).await.expect("association");
        assert_eq!(
            store
                .association(created.association.id)
                .await
                .expect("read")
                .expect("exists")
                .name,
            *name
        );
    }
    assert_eq!(store.people(None).await.expect("people").len(), names.len());
}

/// Issue 12, point 1: a new association's manager code serves one person within a week; a
/// person whose role was taken back is not given it again by a code made before; rotating the
/// manager codes revokes the old ones and makes one that works.
async fn manager_codes_run_out_and_old_codes_do_not_give_a_role_back(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let created = amal(&store).await;
    let amal_id = created.association.id;
    let person = |user: &'static str| {
        let store = store.clone();
        async move {
            store
                .person_for(&telegram(user), user, None, t0())
                .await
                .expect("person")
                .id
        }
    };
    let (karim, salma, nadia) = (person("karim").await, person("salma").await, person("nadia").await);
    let listed = store.invites(Some(amal_id)).await.expect("list");
    let manager = listed.iter().find(|i| i.role == Role::Manager).expect("manager code");
    assert_eq!(manager.max_uses, Some(1));
    assert_eq!(manager.expires_at, Some(t0() + Duration::days(7)));
    let volunteer = listed
        .iter()
        .find(|i| i.role == Role::Volunteer)
        .expect("volunteer code");
    assert_eq!((volunteer.max_uses, volunteer.expires_at), (None, None));

    // One person only, even a week early.
    store
        .redeem_invite(karim, &created.manager_code, t0())
        .await
        .expect("first use");
    assert!(matches!(
        store.redeem_invite(salma, &created.manager_code, t0()).await,
        Err(RedeemError::UsedUp)
    ));
    assert!(store.access(salma).await.expect("access").memberships.is_empty());
    // Nobody after a week either.
    let late = store
        .create_invite(amal_id, Role::Manager, Some(t0() + Duration::days(7)), Some(1), t0())
        .await
        .expect("invite");
    assert!(matches!(
        store.redeem_invite(salma, &late.code, t0() + Duration::days(7)).await,
        Err(RedeemError::Expired)
    ));

    // Karim's role is taken back: no code made before gives it back, nor any other role there.
    let revoked_at = t0() + Duration::hours(1);
    assert!(
        store
            .revoke_role(karim, Role::Manager, Some(amal_id), revoked_at)
            .await
            .expect("revoke")
    );
    let spare = store
        .create_invite(amal_id, Role::Manager, None, Some(5), t0())
        .await
        .expect("spare");
    for code in [&spare.code, &created.volunteer_code] {
        assert!(matches!(
            store
                .redeem_invite(karim, code, revoked_at + Duration::minutes(1))
                .await,
            Err(RedeemError::RoleTakenBack)
        ));
    }
    assert!(store.access(karim).await.expect("access").memberships.is_empty());
    // A code made afterwards, given to him on purpose, does.
    let fresh = store
        .create_invite(amal_id, Role::Volunteer, None, None, revoked_at + Duration::minutes(2))
        .await
        .expect("fresh");
    store
        .redeem_invite(karim, &fresh.code, revoked_at + Duration::minutes(3))
        .await
        .expect("a code made after");
    // Others still join with the spare code.
    store
        .redeem_invite(nadia, &spare.code, revoked_at)
        .await
        .expect("another person");

    // Rotation revokes every live manager code and makes one fresh single-use code.
    let (revoked, new) = store.rotate_manager_codes(amal_id, revoked_at).await.expect("rotate");
    assert_eq!(revoked, 3, "the used one, the expired one and the spare are revoked");
    assert_eq!((new.role, new.max_uses), (Role::Manager, Some(1)));
    assert!(matches!(
        store.redeem_invite(salma, &spare.code, revoked_at).await,
        Err(RedeemError::Revoked)
    ));
    let joined = store
        .redeem_invite(salma, &new.code, revoked_at)
        .await
        .expect("new code");
    assert_eq!((joined.role, joined.outcome), (Role::Manager, JoinOutcome::Joined));
    let listed = store.invites(Some(amal_id)).await.expect("list");
    let shown = listed.iter().find(|i| i.code == new.code).expect("listed");
    assert_eq!((shown.uses, shown.uses_left()), (1, Some(0)));
    assert!(matches!(
        store.rotate_manager_codes(AssociationId(777), t0()).await,
        Err(GrantError::UnknownAssociation(_))
    ));
}

/// Issue 12, point 3: wrong codes are counted per person, and forgotten once one works.
async fn wrong_codes_are_counted_until_one_works(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let person = store
        .person_for(&telegram("9"), "Omar", None, t0())
        .await
        .expect("person");
    assert_eq!(store.code_failures(person.id).await.expect("read").count, 0);
    for n in 1..=3 {
        let at = t0() + Duration::minutes(n);
        assert_eq!(store.record_code_failure(person.id, at).await.expect("count"), n as u32);
    }
    let failures = store.code_failures(person.id).await.expect("read");
    assert_eq!((failures.count, failures.last), (3, Some(t0() + Duration::minutes(3))));
    store.clear_code_failures(person.id).await.expect("clear");
    assert_eq!(store.code_failures(person.id).await.expect("read").count, 0);
}
