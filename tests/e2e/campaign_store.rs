//! The cooperation port, on SQLite and PostgreSQL: campaigns, delegates, votes (electorate,
//! ballots checked in their transaction, secret ballots kept only beside receipts, counts
//! coalesced per 15 seconds, closing once however many instances try, reminders once per
//! deadline) and statements (signed once per association and version, voided by a new version,
//! closed once), with the outbox rows each queues.

use crate::backends::on_both_backends;
use crate::label_store::{association_in as association, member};
use chrono::{DateTime, Duration, TimeZone, Utc};
use sqlx::Row;
use tatwir_core::association::AssociationId;
use tatwir_core::broadcast::{BroadcastStore, Topic};
use tatwir_core::campaign::*;
use tatwir_core::group::GroupChatId;
use tatwir_core::meeting::MeetingStore;
use tatwir_core::person::{Channel, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::StoreError;
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(
    campaigns_are_created_opened_and_listed,
    managers_vote_until_delegates_are_named,
    a_vote_opens_for_the_participants_and_is_posted_to_them,
    ballots_are_checked_counted_and_audited,
    a_secret_ballot_is_kept_only_beside_its_receipt,
    count_updates_coalesce_per_fifteen_seconds,
    two_instances_close_a_vote_once,
    reminders_are_queued_once_per_deadline,
    statements_are_signed_once_per_version_and_closed_once,
);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid time")
}

/// Amal (Fès: Fatima manages it, Youssef volunteers), Nour (FÈS: Salma manages it) and Rif
/// (Nador: Omar manages it), each person with a Telegram private chat named after them.
struct World {
    store: SqlStore,
    amal: AssociationId,
    nour: AssociationId,
    rif: AssociationId,
    fatima: PersonId,
    youssef: PersonId,
    salma: PersonId,
    omar: PersonId,
}

async fn world(url: &DatabaseUrl) -> World {
    let store = SqlStore::connect(url).await.expect("store");
    let amal = association(&store, "Amal", "Fès").await;
    let nour = association(&store, "Nour", "FÈS").await;
    let rif = association(&store, "Rif", "Nador").await;
    World {
        fatima: member(&store, "fatima", Role::Manager, amal).await,
        youssef: member(&store, "youssef", Role::Volunteer, amal).await,
        salma: member(&store, "salma", Role::Manager, nour).await,
        omar: member(&store, "omar", Role::Manager, rif).await,
        store,
        amal,
        nour,
        rif,
    }
}

async fn group(store: &SqlStore, chat: &str) -> GroupChatId {
    store
        .note_group_chat(Channel::Telegram, chat, chat, t0())
        .await
        .expect("group");
    store
        .group_chats()
        .await
        .expect("groups")
        .into_iter()
        .find(|group| group.chat == chat)
        .expect("noted")
        .id
}

/// A queued row: kind, occurrence, person, chat, due (seconds).
type Row5 = (String, String, Option<i64>, String, i64);

async fn outbox(store: &SqlStore, kind: &str) -> Vec<Row5> {
    let mut rows: Vec<Row5> =
        sqlx::query("SELECT kind, occurrence, person_id, chat_id, not_before FROM outbox WHERE kind = $1 ORDER BY id")
            .bind(kind)
            .fetch_all(store.pool())
            .await
            .expect("outbox")
            .iter()
            .map(|row| {
                (
                    row.get("kind"),
                    row.get("occurrence"),
                    row.get("person_id"),
                    row.get("chat_id"),
                    row.get::<i64, _>("not_before") / 1000,
                )
            })
            .collect();
    rows.sort();
    rows
}

/// (occurrence, person, chat) of each row of `kind`, sorted.
async fn queued(store: &SqlStore, kind: &str) -> Vec<(String, Option<i64>, String)> {
    outbox(store, kind)
        .await
        .into_iter()
        .map(|(_, occurrence, person, chat, _)| (occurrence, person, chat))
        .collect()
}

async fn open_campaign(store: &SqlStore, participants: Participants, groups: Vec<GroupChatId>) -> Campaign {
    store
        .create_campaign(
            &NewCampaign {
                title: Written::french("Accès à l'eau"),
                text: Written {
                    fr: "Position".into(),
                    ar: Some("موقف".into()),
                    ary: None,
                },
                links: vec!["https://example.org/eau".into()],
                participants,
                groups,
                status: CampaignStatus::Open,
                proposed_by: None,
            },
            t0(),
        )
        .await
        .expect("campaign")
}

fn new_vote(campaign: CampaignId, secret: bool) -> NewVote {
    NewVote {
        secret,
        results_shown: true,
        ..NewVote::new(
            campaign,
            Written::french("Soutenir la pétition ?"),
            t0() + Duration::days(3),
            chrono_tz::Africa::Casablanca,
        )
    }
}

fn cast(vote: VoteId, association: AssociationId, person: PersonId, choice: usize) -> NewCast {
    NewCast {
        vote,
        association,
        person,
        channel: Channel::Telegram,
        choice,
    }
}

async fn campaigns_are_created_opened_and_listed(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amal = association(&store, "Amal", "Fès").await;
    let fatima = member(&store, "fatima", Role::Manager, amal).await;
    let hall = group(&store, "-100").await;
    let proposed = store
        .create_campaign(
            &NewCampaign {
                title: Written::french("Transport scolaire"),
                text: Written::french("Des bus pour les villages"),
                links: Vec::new(),
                participants: Participants::City { city: "fès".into() },
                groups: vec![hall, hall],
                status: CampaignStatus::Proposed,
                proposed_by: Some(fatima),
            },
            t0(),
        )
        .await
        .expect("proposed");
    assert_eq!(proposed.status, CampaignStatus::Proposed);
    assert_eq!(proposed.groups, [hall]);
    assert_eq!(proposed.proposed_by, Some(fatima));
    assert_eq!(proposed.participants, Participants::City { city: "fès".into() });
    assert_eq!(store.campaign(proposed.id).await.expect("read"), Some(proposed.clone()));
    // A vote waits for a coordinator to open the campaign.
    assert!(matches!(
        store.open_vote(&new_vote(proposed.id, false), t0()).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.open_vote(&new_vote(CampaignId(999), false), t0()).await,
        Err(StoreError::NotFound(_))
    ));
    let later = t0() + Duration::hours(1);
    let water = open_campaign(&store, Participants::All, Vec::new()).await;
    let opened = store
        .open_campaign(proposed.id, later)
        .await
        .expect("open")
        .expect("known");
    assert_eq!(opened.status, CampaignStatus::Open);
    assert_eq!(
        store.open_campaign(proposed.id, later).await.expect("again"),
        Some(opened.clone()),
        "opening an open campaign changes nothing"
    );
    assert_eq!(store.open_campaign(CampaignId(999), later).await.expect("none"), None);
    let listed: Vec<CampaignId> = store.campaigns().await.expect("list").iter().map(|c| c.id).collect();
    assert_eq!(listed, [water.id, proposed.id], "newest first");
    store.close().await;
}

async fn managers_vote_until_delegates_are_named(url: DatabaseUrl) {
    let World {
        store,
        amal,
        nour,
        fatima,
        youssef,
        salma,
        ..
    } = world(&url).await;
    let karim = member(&store, "karim", Role::Manager, amal).await;

    let delegation = store.delegation(amal).await.expect("delegation").expect("known");
    assert!(delegation.named.is_empty());
    assert_eq!(
        delegation.voters(),
        [(fatima, "fatima".to_owned()), (karim, "karim".to_owned())]
    );
    assert_eq!(store.represented_by(fatima).await.expect("represents"), [amal]);
    assert_eq!(store.represented_by(youssef).await.expect("represents"), []);

    assert!(matches!(
        store.name_delegate(amal, salma, t0()).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.name_delegate(AssociationId(999), youssef, t0()).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.name_delegate(amal, PersonId(999), t0()).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(store.name_delegate(amal, youssef, t0()).await.expect("named"));
    assert!(!store.name_delegate(amal, youssef, t0()).await.expect("again"));
    let delegation = store.delegation(amal).await.expect("delegation").expect("known");
    assert_eq!(delegation.voters(), [(youssef, "youssef".to_owned())]);
    assert_eq!(delegation.managers.len(), 2);
    assert_eq!(store.represented_by(youssef).await.expect("represents"), [amal]);
    assert_eq!(
        store.represented_by(fatima).await.expect("represents"),
        [],
        "named delegates replace the managers"
    );
    assert_eq!(store.represented_by(salma).await.expect("represents"), [nour]);

    assert!(store.remove_delegate(amal, youssef, t0()).await.expect("removed"));
    assert!(!store.remove_delegate(amal, youssef, t0()).await.expect("again"));
    assert_eq!(store.represented_by(fatima).await.expect("represents"), [amal]);
    assert_eq!(store.delegation(AssociationId(999)).await.expect("none"), None);
    store.close().await;
}

async fn a_vote_opens_for_the_participants_and_is_posted_to_them(url: DatabaseUrl) {
    let World {
        store,
        amal,
        nour,
        rif,
        fatima,
        salma,
        omar,
        ..
    } = world(&url).await;
    store.set_muted(omar, Topic::Votes, true).await.expect("mute");
    let hall = group(&store, "-100").await;
    let extra = group(&store, "-200").await;
    let gone = group(&store, "-300").await;
    store
        .left_group_chat(Channel::Telegram, "-300", t0())
        .await
        .expect("left");

    let all = open_campaign(&store, Participants::All, vec![hall, gone]).await;
    let mut ask = new_vote(all.id, false);
    ask.groups = vec![extra];
    let vote = store.open_vote(&ask, t0()).await.expect("vote");
    assert_eq!(vote.electorate, [amal, nour, rif]);
    assert_eq!(vote.groups, [hall, extra, gone]);
    assert_eq!(vote.closed_at, None);
    assert_eq!(
        store.campaign(all.id).await.expect("campaign").expect("known").groups,
        [hall, extra, gone],
        "the vote's groups are added to the campaign's"
    );
    let id = vote.id.0;
    assert_eq!(
        queued(&store, "vote_opened").await,
        [
            (format!("vote:{id}"), Some(fatima.0), "fatima".to_owned()),
            (format!("vote:{id}"), Some(salma.0), "salma".to_owned()),
            (format!("vote:{id}@{}", hall.0), None, "-100".to_owned()),
            (format!("vote:{id}@{}", extra.0), None, "-200".to_owned()),
        ],
        "the managers who vote (not the volunteer, not Omar who muted votes) and the groups the bot is in"
    );

    let city = open_campaign(&store, Participants::City { city: "fès".into() }, Vec::new()).await;
    let vote = store.open_vote(&new_vote(city.id, false), t0()).await.expect("vote");
    assert_eq!(vote.electorate, [amal, nour], "the city compared without case");
    let listed = open_campaign(
        &store,
        Participants::Listed {
            associations: vec![rif, AssociationId(999)],
        },
        Vec::new(),
    )
    .await;
    let vote = store.open_vote(&new_vote(listed.id, false), t0()).await.expect("vote");
    assert_eq!(vote.electorate, [rif], "only the listed associations that exist");
    // The electorate is fixed when the vote opens.
    let later = association(&store, "Tard", "Fès").await;
    let vote = store.vote(vote.id).await.expect("read").expect("known");
    assert!(!vote.electorate.contains(&later));
    let open: Vec<VoteId> = store.open_votes().await.expect("open").iter().map(|v| v.id).collect();
    assert_eq!(open.len(), 3);
    assert_eq!(store.votes(Some(city.id)).await.expect("votes").len(), 1);
    assert_eq!(
        store.votes(None).await.expect("votes").first().map(|v| v.id),
        Some(vote.id)
    );
    store.close().await;
}

async fn ballots_are_checked_counted_and_audited(url: DatabaseUrl) {
    let World {
        store,
        amal,
        nour,
        rif,
        fatima,
        youssef,
        salma,
        omar,
    } = world(&url).await;
    let campaign = open_campaign(&store, Participants::City { city: "Fès".into() }, Vec::new()).await;
    let vote = store
        .open_vote(&new_vote(campaign.id, false), t0())
        .await
        .expect("vote");
    let at = t0() + Duration::hours(1);

    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, youssef, 0), at)
            .await
            .expect("cast"),
        CastOutcome::NotDelegate
    );
    assert_eq!(
        store.cast_vote(&cast(vote.id, rif, omar, 0), at).await.expect("cast"),
        CastOutcome::NotTakingPart
    );
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, nour, fatima, 0), at)
            .await
            .expect("cast"),
        CastOutcome::NotDelegate,
        "a manager of another association"
    );
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, fatima, 3), at)
            .await
            .expect("cast"),
        CastOutcome::NoSuchOption
    );
    assert!(matches!(
        store.cast_vote(&cast(VoteId(999), amal, fatima, 0), at).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.ballot_of(vote.id, amal).await.expect("ballot"), None);

    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, fatima, 0), at)
            .await
            .expect("cast"),
        CastOutcome::Counted {
            changed: false,
            receipt: None,
            all_voted: false
        }
    );
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, fatima, 0), at)
            .await
            .expect("cast"),
        CastOutcome::Unchanged { receipt: None }
    );
    // A named delegate now votes for Amal, and changes its vote.
    store.name_delegate(amal, youssef, at).await.expect("named");
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, fatima, 1), at)
            .await
            .expect("cast"),
        CastOutcome::NotDelegate
    );
    let later = at + Duration::hours(1);
    let mut by_matrix = cast(vote.id, amal, youssef, 1);
    by_matrix.channel = Channel::Matrix;
    assert_eq!(
        store.cast_vote(&by_matrix, later).await.expect("cast"),
        CastOutcome::Counted {
            changed: true,
            receipt: None,
            all_voted: false
        }
    );
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, nour, salma, 2), later)
            .await
            .expect("cast"),
        CastOutcome::Counted {
            changed: false,
            receipt: None,
            all_voted: true
        }
    );
    assert_eq!(
        store.ballot_of(vote.id, amal).await.expect("ballot"),
        Some((Some(1), None))
    );
    let count = store.vote_count(vote.id).await.expect("count");
    assert_eq!(count.counts, [0, 1, 1]);
    assert_eq!(count.voted, [amal, nour]);
    assert_eq!(count.choices, [(amal, 1), (nour, 2)]);
    assert!(count.receipts.is_empty());
    let decision = decide(&vote, &count);
    assert_eq!(decision.outcome, Outcome::Adopted { option: 1 });

    let audit = store.vote_audit(vote.id, Some(amal)).await.expect("audit");
    assert_eq!(
        audit,
        [
            AuditEntry {
                association: amal,
                person: Some(fatima),
                person_name: "fatima".into(),
                channel: Channel::Telegram,
                at,
                choice: Some(0),
            },
            AuditEntry {
                association: amal,
                person: Some(youssef),
                person_name: "youssef".into(),
                channel: Channel::Matrix,
                at: later,
                choice: Some(1),
            },
        ],
        "each new choice, not the repeat"
    );
    assert_eq!(store.vote_audit(vote.id, None).await.expect("audit").len(), 3);

    assert_eq!(
        store
            .cast_vote(&cast(vote.id, nour, salma, 0), vote.deadline)
            .await
            .expect("cast"),
        CastOutcome::Closed,
        "at the deadline"
    );
    store.close_vote(vote.id, later).await.expect("close").expect("closed");
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, nour, salma, 0), later)
            .await
            .expect("cast"),
        CastOutcome::Closed
    );
    assert_eq!(store.vote_count(vote.id).await.expect("count").counts, [0, 1, 1]);
    store.close().await;
}

async fn a_secret_ballot_is_kept_only_beside_its_receipt(url: DatabaseUrl) {
    let World {
        store,
        amal,
        nour,
        fatima,
        salma,
        ..
    } = world(&url).await;
    let hall = group(&store, "-100").await;
    let campaign = open_campaign(&store, Participants::City { city: "fès".into() }, vec![hall]).await;
    let vote = store.open_vote(&new_vote(campaign.id, true), t0()).await.expect("vote");
    let at = t0() + Duration::minutes(5);

    let CastOutcome::Counted {
        changed: false,
        receipt: Some(first),
        all_voted: false,
    } = store
        .cast_vote(&cast(vote.id, amal, fatima, 0), at)
        .await
        .expect("cast")
    else {
        panic!("a first secret ballot is counted with a receipt");
    };
    assert_eq!(
        store
            .cast_vote(&cast(vote.id, amal, fatima, 0), at)
            .await
            .expect("cast"),
        CastOutcome::Unchanged {
            receipt: Some(first.clone())
        }
    );
    let CastOutcome::Counted {
        changed: true,
        receipt: Some(second),
        ..
    } = store
        .cast_vote(&cast(vote.id, amal, fatima, 1), at)
        .await
        .expect("cast")
    else {
        panic!("a new choice is counted with a new receipt");
    };
    assert_ne!(first, second);
    store.cast_vote(&cast(vote.id, nour, salma, 1), at).await.expect("cast");
    assert_eq!(
        store.ballot_of(vote.id, amal).await.expect("ballot"),
        Some((None, Some(second.clone())))
    );
    let count = store.vote_count(vote.id).await.expect("count");
    assert_eq!(count.counts, [0, 2, 0]);
    assert_eq!(count.voted, [amal, nour]);
    assert!(count.choices.is_empty());
    assert_eq!(count.receipts.len(), 2);
    assert!(count.receipts.contains(&(second.clone(), 1)));
    assert!(
        !count.receipts.iter().any(|(receipt, _)| *receipt == first),
        "the old receipt is gone"
    );

    // Nothing links an association or a person to a choice but its receipt.
    let columns: Vec<String> = store
        .schema()
        .await
        .expect("schema")
        .into_iter()
        .filter(|(table, ..)| table == "vote_receipts")
        .map(|(_, column, ..)| column)
        .collect();
    assert_eq!(columns, ["choice", "receipt", "vote_id"]);
    let stored_choices: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM vote_casts WHERE vote_id = $1 AND choice IS NOT NULL")
            .bind(vote.id.0)
            .fetch_one(store.pool())
            .await
            .expect("casts")
            .get("n");
    assert_eq!(stored_choices, 0);
    let audit = store.vote_audit(vote.id, None).await.expect("audit");
    assert_eq!(audit.len(), 3);
    assert!(audit.iter().all(|entry| entry.choice.is_none()));
    let audited_choices: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM vote_audit WHERE vote_id = $1 AND choice IS NOT NULL")
            .bind(vote.id.0)
            .fetch_one(store.pool())
            .await
            .expect("audit")
            .get("n");
    assert_eq!(audited_choices, 0);
    let named: i64 = sqlx::query("SELECT COUNT(*) AS n FROM vote_casts WHERE vote_id = $1 AND person_id IS NOT NULL")
        .bind(vote.id.0)
        .fetch_one(store.pool())
        .await
        .expect("casts")
        .get("n");
    assert_eq!(named, 0, "a secret ballot's row names no person");
    assert!(
        !queued(&store, "vote_count").await.is_empty(),
        "how many have voted is posted for a secret vote too (it tells no choice)"
    );
    store.close().await;
}

async fn count_updates_coalesce_per_fifteen_seconds(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let hall = group(&store, "-100").await;
    let side = group(&store, "-200").await;
    let campaign = open_campaign(&store, Participants::All, vec![hall, side]).await;
    let mut voters = Vec::new();
    for n in 0..4 {
        let association = association(&store, &format!("A{n}"), "Fès").await;
        voters.push((
            association,
            member(&store, &format!("m{n}"), Role::Manager, association).await,
        ));
    }
    let vote = store
        .open_vote(&new_vote(campaign.id, false), t0())
        .await
        .expect("vote");
    // t0 is on a slot's start: three ballots within its 15 seconds, one in the next.
    let slot = t0().timestamp() / 15;
    for (seconds, (association, person)) in [0, 7, 14, 15].into_iter().zip(&voters) {
        store
            .cast_vote(
                &cast(vote.id, *association, *person, 0),
                t0() + Duration::seconds(seconds),
            )
            .await
            .expect("cast");
    }
    let id = vote.id.0;
    let row = |group: GroupChatId, chat: &str, slot: i64| {
        (
            "vote_count".to_owned(),
            format!("count:{id}@{}:{slot}", group.0),
            None,
            chat.to_owned(),
            (slot + 1) * 15,
        )
    };
    assert_eq!(
        outbox(&store, "vote_count").await,
        [
            row(hall, "-100", slot),
            row(hall, "-100", slot + 1),
            row(side, "-200", slot),
            row(side, "-200", slot + 1),
        ],
        "one edit per group per 15 seconds, due at the end of its period"
    );
    store.close().await;
}

async fn two_instances_close_a_vote_once(url: DatabaseUrl) {
    let first = SqlStore::connect(&url).await.expect("first instance");
    let second = SqlStore::connect(&url).await.expect("second instance");
    let amal = association(&first, "Amal", "Fès").await;
    let fatima = member(&first, "fatima", Role::Manager, amal).await;
    let _karim = member(&first, "karim", Role::Manager, amal).await;
    store_delegate_volunteer(&first, amal).await;
    let hall = group(&first, "-100").await;
    let campaign = open_campaign(&first, Participants::All, vec![hall]).await;
    let at = t0() + Duration::days(4);
    let rounds = 8;
    let mut votes = Vec::new();
    for _ in 0..rounds {
        votes.push(
            first
                .open_vote(&new_vote(campaign.id, false), t0())
                .await
                .expect("vote"),
        );
    }
    for vote in &votes {
        let (a, b) = tokio::join!(first.close_vote(vote.id, at), second.close_vote(vote.id, at));
        let closed = [a.expect("first closes"), b.expect("second closes")];
        let closers = closed.iter().flatten().count();
        assert_eq!(closers, 1, "exactly one instance closed vote {}", vote.id);
        let closed = closed.into_iter().flatten().next().expect("closed");
        assert_eq!(closed.closed_at, Some(at));
        assert_eq!(first.close_vote(vote.id, at).await.expect("again"), None);
    }
    assert_eq!(second.close_vote(VoteId(999), at).await.expect("unknown"), None);
    let results = queued(&first, "vote_result").await;
    assert_eq!(
        results.len(),
        rounds * 3,
        "each vote's result once in the group and to each manager"
    );
    let id = votes[0].id.0;
    assert!(results.contains(&(format!("result:{id}@{}", hall.0), None, "-100".into())));
    assert!(results.contains(&(format!("result:{id}"), Some(fatima.0), "fatima".into())));
    assert!(first.open_votes().await.expect("open").is_empty());
    first.close().await;
    second.close().await;
}

/// A volunteer named Amal's delegate: results still go to the managers only.
async fn store_delegate_volunteer(store: &SqlStore, amal: AssociationId) {
    let youssef = member(store, "youssef", Role::Volunteer, amal).await;
    store.name_delegate(amal, youssef, t0()).await.expect("named");
}

async fn reminders_are_queued_once_per_deadline(url: DatabaseUrl) {
    let World {
        store,
        amal,
        fatima,
        salma,
        ..
    } = world(&url).await;
    let hall = group(&store, "-100").await;
    let campaign = open_campaign(&store, Participants::City { city: "fès".into() }, vec![hall]).await;
    let vote = store
        .open_vote(&new_vote(campaign.id, false), t0())
        .await
        .expect("vote");
    store
        .cast_vote(&cast(vote.id, amal, fatima, 0), t0())
        .await
        .expect("cast");

    let early = vote.deadline - reminder_lead() - Duration::minutes(1);
    assert_eq!(store.queue_vote_reminders(early).await.expect("early"), 0);
    let near = vote.deadline - Duration::hours(2);
    assert_eq!(store.queue_vote_reminders(near).await.expect("near"), 1);
    assert_eq!(store.queue_vote_reminders(near).await.expect("again"), 0);
    let id = vote.id.0;
    let first = vote.deadline.timestamp();
    assert_eq!(
        queued(&store, "vote_reminder").await,
        [(format!("reminder:{id}:{first}"), Some(salma.0), "salma".to_owned())],
        "only to those whose association has not voted"
    );

    // Moved far: told, and reminded again before the new deadline.
    let moved = vote.deadline + Duration::days(2);
    let extended = store.extend_vote(vote.id, moved, near).await.expect("extend");
    assert_eq!(extended.deadline, moved);
    let secs = moved.timestamp();
    assert_eq!(
        queued(&store, "vote_extended").await,
        [
            (format!("extended:{id}:{secs}"), Some(fatima.0), "fatima".to_owned()),
            (format!("extended:{id}:{secs}"), Some(salma.0), "salma".to_owned()),
            (format!("extended:{id}:{secs}@{}", hall.0), None, "-100".to_owned()),
        ]
    );
    assert_eq!(store.queue_vote_reminders(near).await.expect("not yet"), 0);
    let near_again = moved - Duration::hours(1);
    assert_eq!(store.queue_vote_reminders(near_again).await.expect("again"), 1);
    assert_eq!(store.queue_vote_reminders(near_again).await.expect("once"), 0);

    // Moved by less than the reminder's lead: no second reminder for it.
    let nudged = moved + Duration::hours(3);
    store.extend_vote(vote.id, nudged, near_again).await.expect("extend");
    assert_eq!(store.queue_vote_reminders(near_again).await.expect("nudged"), 0);
    assert_eq!(queued(&store, "vote_reminder").await.len(), 2);

    store
        .close_vote(vote.id, near_again)
        .await
        .expect("close")
        .expect("closed");
    assert!(matches!(
        store.extend_vote(vote.id, nudged + Duration::days(1), near_again).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.extend_vote(VoteId(999), nudged, near_again).await,
        Err(StoreError::NotFound(_))
    ));
    store.close().await;
}

async fn statements_are_signed_once_per_version_and_closed_once(url: DatabaseUrl) {
    let World {
        store,
        amal,
        nour,
        fatima,
        youssef,
        salma,
        ..
    } = world(&url).await;
    let hind = member(&store, "hind", Role::Volunteer, amal).await;
    store.name_delegate(amal, youssef, t0()).await.expect("named");
    let hall = group(&store, "-100").await;
    let campaign = open_campaign(&store, Participants::All, vec![hall]).await;
    let deadline = t0() + Duration::days(7);
    let statement = store
        .create_statement(
            &NewStatement {
                campaign: Some(campaign.id),
                title: Written::french("Déclaration commune"),
                text: Written::french("Nous demandons…"),
                deadline: Some(deadline),
                zone: chrono_tz::Africa::Casablanca,
                written_by: Some(fatima),
            },
            t0(),
        )
        .await
        .expect("statement");
    assert_eq!(statement.version, 1);
    let id = statement.id.0;
    assert_eq!(
        queued(&store, "statement_posted").await,
        [(format!("posted:{id}:1@{}", hall.0), None, "-100".to_owned())]
    );
    let sign = |person: PersonId, association: AssociationId, version: u32| NewSignature {
        statement: statement.id,
        version,
        association,
        person,
        channel: Channel::Telegram,
    };
    let at = t0() + Duration::hours(1);
    assert_eq!(
        store.sign_statement(&sign(hind, amal, 1), at).await.expect("sign"),
        SignOutcome::NotAllowed,
        "a volunteer who is not a delegate"
    );
    assert_eq!(
        store.sign_statement(&sign(salma, amal, 1), at).await.expect("sign"),
        SignOutcome::NotAllowed,
        "a manager of another association"
    );
    assert_eq!(
        store.sign_statement(&sign(fatima, amal, 1), at).await.expect("sign"),
        SignOutcome::Signed,
        "a manager signs even when the association named delegates"
    );
    assert_eq!(
        store.sign_statement(&sign(youssef, amal, 1), at).await.expect("sign"),
        SignOutcome::AlreadySigned
    );
    assert_eq!(
        store.sign_statement(&sign(salma, nour, 1), at).await.expect("sign"),
        SignOutcome::Signed
    );
    assert_eq!(
        store
            .edit_statement(statement.id, &statement.title, &statement.text, Some(fatima), at)
            .await
            .expect("same words"),
        None
    );
    let edited = store
        .edit_statement(
            statement.id,
            &statement.title,
            &Written {
                fr: "Nous demandons…".into(),
                ar: Some("نطالب…".into()),
                ary: None,
            },
            Some(salma),
            at,
        )
        .await
        .expect("edit")
        .expect("changed");
    assert_eq!(edited.version, 2);
    assert_eq!(edited.written_by, Some(fatima));
    assert_eq!(
        queued(&store, "statement_changed").await,
        [
            (format!("changed:{id}:2"), Some(fatima.0), "fatima".to_owned()),
            (format!("changed:{id}:2"), Some(salma.0), "salma".to_owned()),
        ]
    );
    assert_eq!(
        queued(&store, "statement_posted").await,
        [
            (format!("posted:{id}:1@{}", hall.0), None, "-100".to_owned()),
            (format!("posted:{id}:2@{}", hall.0), None, "-100".to_owned()),
        ]
    );
    assert_eq!(
        store.sign_statement(&sign(youssef, amal, 1), at).await.expect("sign"),
        SignOutcome::StaleVersion { current: 2 }
    );
    assert_eq!(
        store.sign_statement(&sign(youssef, amal, 2), at).await.expect("sign"),
        SignOutcome::Signed
    );
    let record = store.statement(statement.id).await.expect("record").expect("known");
    assert_eq!(record.versions.len(), 2);
    assert_eq!(record.versions[1].written_by, Some(salma));
    assert_eq!(record.signatures.len(), 3);
    assert!(record.signatures.iter().filter(|s| s.version == 1).all(|s| s.voided));
    let signatories: Vec<(AssociationId, &str, &str)> = record
        .signatories()
        .map(|s| (s.association, s.association_name.as_str(), s.person_name.as_str()))
        .collect();
    assert_eq!(signatories, [(amal, "Amal", "youssef")]);

    assert_eq!(store.statements_due(at).await.expect("due"), []);
    assert_eq!(store.statements_due(deadline).await.expect("due"), [statement.id]);
    assert_eq!(
        store
            .sign_statement(&sign(salma, nour, 2), deadline)
            .await
            .expect("sign"),
        SignOutcome::Closed,
        "past the deadline"
    );
    let (a, b) = tokio::join!(
        store.close_statement(statement.id, deadline),
        store.close_statement(statement.id, deadline)
    );
    let closed: Vec<Statement> = [a.expect("close"), b.expect("close")].into_iter().flatten().collect();
    assert_eq!(closed.len(), 1, "closed once");
    assert_eq!(closed[0].closed_at, Some(deadline));
    assert_eq!(
        queued(&store, "statement_closed").await,
        [
            (format!("statement:{id}"), Some(youssef.0), "youssef".to_owned()),
            (format!("statement:{id}@{}", hall.0), None, "-100".to_owned()),
        ]
    );
    assert_eq!(store.statements_due(deadline).await.expect("due"), []);
    assert!(store.statements(true).await.expect("open").is_empty());
    assert_eq!(store.statements(false).await.expect("all").len(), 1);
    assert_eq!(
        store.sign_statement(&sign(salma, nour, 2), at).await.expect("sign"),
        SignOutcome::Closed
    );
    assert!(matches!(
        store
            .edit_statement(statement.id, &statement.title, &Written::french("x"), None, at)
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store
            .edit_statement(StatementId(999), &statement.title, &statement.text, None, at)
            .await,
        Err(StoreError::NotFound(_))
    ));
    store.close().await;
}
