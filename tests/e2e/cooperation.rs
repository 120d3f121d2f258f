//! Cooperation end to end through the engine, on the real store, with a fake clock: three
//! associations of a coalition vote on a campaign's position from Telegram, Matrix and the
//! terminal (one vote per association, cast by its delegate; a non-delegate refused; a change of
//! vote; the count in the group edited in place), the result published once at the deadline
//! (across Morocco's clock change), a secret vote whose receipts check out, a quorum missed and a
//! tie, two instances on PostgreSQL closing a vote once, and a joint statement signed, edited
//! (signatures voided, signers told), signed again and closed.

use crate::learning::{at, texts};
use chrono::{DateTime, Duration, Utc};
use tatwir_core::association::{AssociationDraft, AssociationId};
use tatwir_core::campaign::press::CampaignPress;
use tatwir_core::campaign::{
    CampaignStatus, CampaignStore, NewCampaign, NewStatement, NewVote, Participants, StatementId, Vote, VoteId, Written,
};
use tatwir_core::clock::Clock;
use tatwir_core::engine::Handled;
use tatwir_core::group::GroupChatId;
use tatwir_core::meeting::MeetingStore;
use tatwir_core::message::{Chat, ChatKind, Event, Incoming, Outgoing};
use tatwir_core::outbox::{OutboxItem, OutboxMessage, OutboxStore};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_testkit::{FakeClock, TestDb};

use crate::harness::TestApp;

/// The Telegram group of the coalition, as the adapter records it.
const GROUP: &str = "-100777";

struct Coalition {
    app: TestApp,
    clock: FakeClock,
    _db: TestDb,
    amal: AssociationId,
    nour: AssociationId,
    atlas: AssociationId,
    group: GroupChatId,
}

/// Who is who: Fatima manages Amal (Telegram); Nour's manager Karim named Youssef (Matrix) its
/// delegate; Said manages Atlas (the terminal); Omar is a volunteer of Amal.
fn who(user: &str) -> Identity {
    match user {
        "youssef" => Identity::new(Channel::Matrix, "@youssef:tanger.example"),
        "said" => Identity::new(Channel::Terminal, "said"),
        other => Identity::new(Channel::Telegram, other),
    }
}

impl Coalition {
    async fn new(db: TestDb, now: DateTime<Utc>) -> Coalition {
        let clock = FakeClock::at(now);
        let app = TestApp::start(&db.url, clock.clone()).await;
        let store = app.store();
        let mut ids = Vec::new();
        for (name, city) in [("Amal", "Tanger"), ("Nour", "Tanger"), ("Atlas", "Tétouan")] {
            let draft = AssociationDraft::new(&format!("Association {name}"), city).expect("draft");
            ids.push(
                store
                    .create_association(&draft, now)
                    .await
                    .expect("association")
                    .association
                    .id,
            );
        }
        let (amal, nour, atlas) = (ids[0], ids[1], ids[2]);
        let coalition = Coalition {
            app,
            clock,
            _db: db,
            amal,
            nour,
            atlas,
            group: GroupChatId(0),
        };
        for (user, association, role) in [
            ("fatima", amal, Role::Manager),
            ("omar", amal, Role::Volunteer),
            ("karim", nour, Role::Manager),
            ("youssef", nour, Role::Volunteer),
            ("said", atlas, Role::Manager),
        ] {
            // Each writes to the bot in private first (a language, a private chat).
            coalition.say(user, "/language").await;
            let person = coalition.person(user).await;
            coalition
                .app
                .store()
                .set_language(person, tatwir_core::language::Language::Fr)
                .await
                .expect("language");
            coalition
                .app
                .store()
                .grant_role(person, role, Some(association), now)
                .await
                .expect("role");
        }
        let youssef = coalition.person("youssef").await;
        coalition
            .app
            .store()
            .name_delegate(nour, youssef, now)
            .await
            .expect("delegate");
        coalition
            .app
            .store()
            .note_group_chat(Channel::Telegram, GROUP, "Coalition Tanger", now)
            .await
            .expect("group");
        let group = coalition
            .app
            .store()
            .group_chat_at(Channel::Telegram, GROUP)
            .await
            .expect("read")
            .expect("group")
            .id;
        Coalition { group, ..coalition }
    }

    fn store(&self) -> &SqlStore {
        self.app.store()
    }

    async fn person(&self, user: &str) -> PersonId {
        self.store()
            .person_by_identity(&who(user))
            .await
            .expect("read")
            .expect("person")
            .id
    }

    async fn send(&self, user: &str, kind: ChatKind, event: Event) -> Handled {
        let identity = who(user);
        let chat = if kind == ChatKind::Group {
            GROUP.to_owned()
        } else {
            identity.user.clone()
        };
        let incoming = Incoming {
            identity,
            display_name: user.to_owned(),
            client_language: Some("fr".into()),
            chat: Chat {
                id: chat,
                kind,
                private_link: Some("https://t.me/tatwir_bot".into()),
                command_prefix: '/',
            },
            event,
        };
        self.app.engine().handle_event(&incoming).await
    }

    async fn say(&self, user: &str, text: &str) -> Vec<Outgoing> {
        self.send(user, ChatKind::Private, Event::Text(text.to_owned()))
            .await
            .into_replies()
    }

    async fn press(&self, user: &str, kind: ChatKind, press: CampaignPress) -> Handled {
        self.send(user, kind, Event::Choice(press.data())).await
    }

    async fn campaign(&self, participants: Participants) -> tatwir_core::campaign::Campaign {
        let new = NewCampaign {
            title: Written {
                fr: "Accès à l'eau dans les quartiers".into(),
                ar: Some("الحق في الماء في الأحياء".into()),
                ary: None,
            },
            text: Written::french("La coalition demande un accès à l'eau potable dans chaque quartier de Tanger."),
            links: vec!["https://example.org/eau".into()],
            participants,
            groups: vec![self.group],
            status: CampaignStatus::Open,
            proposed_by: None,
        };
        self.store()
            .create_campaign(&new, self.clock.now())
            .await
            .expect("campaign")
    }

    async fn open(&self, campaign: &tatwir_core::campaign::Campaign, deadline: DateTime<Utc>, secret: bool) -> Vote {
        let new = NewVote {
            secret,
            ..NewVote::new(
                campaign.id,
                Written::french("Soutenez-vous la position ?"),
                deadline,
                chrono_tz::Africa::Casablanca,
            )
        };
        self.store().open_vote(&new, self.clock.now()).await.expect("vote")
    }

    /// What the outbox holds that is due, as each recipient reads it (rendered as a channel's
    /// worker renders it), then marked sent.
    async fn deliver(&self) -> Vec<(OutboxItem, Vec<Outgoing>)> {
        let mut delivered = Vec::new();
        for channel in [Channel::Telegram, Channel::Matrix, Channel::Terminal] {
            let items = self
                .store()
                .claim(channel, None, "test", self.clock.now(), 500)
                .await
                .expect("claim");
            for item in items {
                let rendered = self.app.engine().render(&item, '/').await.expect("render");
                self.store()
                    .mark_sent(item.id, "test", self.clock.now())
                    .await
                    .expect("sent");
                delivered.push((item, rendered));
            }
        }
        delivered
    }
}

fn vote_press(vote: VoteId, option: usize) -> CampaignPress {
    CampaignPress::Vote {
        vote,
        option,
        association: None,
    }
}

#[tokio::test]
async fn three_associations_vote_from_three_channels_and_the_result_is_published_once() {
    // 1 February 2027: Morocco is at UTC+1; Ramadan (UTC+0) starts mid-February.
    let now = at(2027, 2, 1, 9, 0);
    let coalition = Coalition::new(TestDb::sqlite(), now).await;
    let campaign = coalition.campaign(Participants::All).await;
    // The deadline, 20 February 18:00 in Casablanca, falls after the clock went back: 18:00 UTC.
    let local = tatwir_core::meeting::parse_local_key("2027-02-20T18:00").expect("local");
    let deadline = tatwir_core::local_time::resolve_local(chrono_tz::Africa::Casablanca, local);
    assert_eq!(deadline, at(2027, 2, 20, 18, 0), "Ramadan time is UTC+0 in Morocco");
    let vote = coalition.open(&campaign, deadline, false).await;
    assert_eq!(vote.electorate, vec![coalition.amal, coalition.nour, coalition.atlas]);

    // The ballot is posted in the group (a live message) and sent to each delegate in private.
    let opened = coalition.deliver().await;
    let group_post = opened
        .iter()
        .find(|(item, _)| item.person.is_none())
        .expect("the ballot in the group");
    let [Outgoing::Live { key, text, choices }] = group_post.1.as_slice() else {
        panic!("a live ballot: {:?}", group_post.1);
    };
    assert_eq!(key, &format!("vote:{}", vote.id));
    let shown = text.to_plain();
    assert!(shown.contains("Soutenez-vous la position ?"), "{shown}");
    assert!(shown.contains("20/02/2027 18:00 (Africa/Casablanca)"), "{shown}");
    assert!(shown.contains("0 association a voté sur 3"), "{shown}");
    let labels: Vec<&str> = choices.iter().flatten().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Pour", "Contre", "Abstention"]);
    let private: Vec<PersonId> = opened.iter().filter_map(|(item, _)| item.person).collect();
    let (fatima, youssef, said, karim) = (
        coalition.person("fatima").await,
        coalition.person("youssef").await,
        coalition.person("said").await,
        coalition.person("karim").await,
    );
    for delegate in [fatima, youssef, said] {
        assert!(private.contains(&delegate), "{delegate} gets the ballot in private");
    }
    assert!(
        !private.contains(&karim),
        "Karim no longer votes for Nour: Youssef does"
    );

    // Omar, a volunteer, presses in the group: refused to him alone, told who votes.
    let refused = coalition.press("omar", ChatKind::Group, vote_press(vote.id, 0)).await;
    assert!(refused.replies.is_empty(), "nothing said in the group");
    let notice = refused.notice.expect("a notice to Omar alone");
    assert!(
        notice.contains("Vous ne votez pas pour Association Amal") && notice.contains("fatima"),
        "{notice}"
    );
    // Karim manages Nour but Nour named Youssef: refused too.
    let refused = coalition.press("karim", ChatKind::Group, vote_press(vote.id, 0)).await;
    assert!(refused.notice.expect("notice").contains("youssef"));

    // Fatima (Telegram, in the group) votes for; Youssef (Matrix, in private) against; Said
    // (terminal) against, then changes his mind.
    let counted = coalition.press("fatima", ChatKind::Group, vote_press(vote.id, 0)).await;
    assert!(counted.replies.is_empty());
    assert_eq!(
        counted.notice.as_deref(),
        Some("Vote enregistré pour Association Amal : Pour.")
    );
    let replies = coalition
        .press("youssef", ChatKind::Private, vote_press(vote.id, 1))
        .await
        .into_replies();
    assert!(
        texts(&replies).contains("Vote enregistré pour Association Nour : Contre."),
        "{}",
        texts(&replies)
    );
    coalition.say("said", "/votes").await;
    coalition.press("said", ChatKind::Private, vote_press(vote.id, 1)).await;
    coalition.clock.advance(Duration::minutes(5));
    let changed = coalition
        .press("said", ChatKind::Private, vote_press(vote.id, 0))
        .await
        .into_replies();
    assert!(
        texts(&changed).contains("Vote changé pour Association Atlas : Pour."),
        "{}",
        texts(&changed)
    );
    // The same press delivered twice counts once and changes nothing.
    coalition.press("said", ChatKind::Private, vote_press(vote.id, 0)).await;
    let audit = coalition.store().vote_audit(vote.id, None).await.expect("audit");
    assert_eq!(audit.len(), 4, "four changes: {audit:?}");
    let atlas: Vec<(Channel, Option<usize>)> = audit
        .iter()
        .filter(|entry| entry.association == coalition.atlas)
        .map(|entry| (entry.channel, entry.choice))
        .collect();
    assert_eq!(atlas, [(Channel::Terminal, Some(1)), (Channel::Terminal, Some(0))]);

    // The count in the group is edited in place (the same key), at most every 15 seconds.
    coalition.clock.advance(Duration::seconds(30));
    let updates = coalition.deliver().await;
    let counts: Vec<String> = updates
        .iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::VoteCount { .. }))
        .flat_map(|(_, rendered)| rendered.iter())
        .map(|reply| match reply {
            Outgoing::Live { key, text, .. } => {
                assert_eq!(key, &format!("vote:{}", vote.id));
                text.to_plain()
            }
            other => panic!("an edit of the ballot: {other:?}"),
        })
        .collect();
    assert!(!counts.is_empty() && counts.len() <= 3, "{counts:?}");
    assert!(
        counts
            .last()
            .expect("a count")
            .contains("3 associations ont voté sur 3"),
        "{counts:?}"
    );
    assert!(
        !counts.last().expect("a count").contains("Pour :"),
        "results hidden until the close"
    );

    // A coordinator's `/vote show` tells who has not voted, never what anyone chose.
    // Nothing closes before the deadline (17:59 UTC is 17:59 in Casablanca then).
    coalition.clock.set(at(2027, 2, 20, 17, 59));
    let settled = tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    assert_eq!(settled.0, 0);
    // A press after the deadline is refused and changes nothing.
    coalition.clock.set(at(2027, 2, 20, 18, 0));
    let late = coalition
        .press("youssef", ChatKind::Private, vote_press(vote.id, 0))
        .await
        .into_replies();
    assert!(texts(&late).contains("Ce vote est clos"), "{}", texts(&late));
    let settled = tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    assert_eq!(settled.0, 1, "closed at the deadline");
    let again = tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    assert_eq!(again.0, 0, "closed once");

    // The result: in the group (the ballot edited to closed, then the result), and to every
    // manager of the three associations.
    let results = coalition.deliver().await;
    let in_group: Vec<&(OutboxItem, Vec<Outgoing>)> = results
        .iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }) && item.person.is_none())
        .collect();
    assert_eq!(in_group.len(), 1);
    let shown = texts(&in_group[0].1);
    for expected in [
        "Le vote est clos.",
        "Pour : 2",
        "Contre : 1",
        "Abstention : 0",
        "3 associations ont voté sur 3 : quorum de 50 % atteint.",
        "Adopté : Pour.",
        "Association Amal: Pour",
        "Association Nour: Contre",
    ] {
        assert!(shown.contains(expected), "{expected:?} in {shown}");
    }
    let managers: Vec<PersonId> = results
        .iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }))
        .filter_map(|(item, _)| item.person)
        .collect();
    for manager in [fatima, karim, said] {
        assert!(managers.contains(&manager), "{manager} gets the result");
    }
    let vote = coalition.store().vote(vote.id).await.expect("read").expect("vote");
    assert!(vote.closed_at.is_some());
}

#[tokio::test]
async fn a_secret_vote_publishes_receipts_that_check_out_and_keeps_no_choice_with_an_association() {
    let now = at(2027, 3, 20, 9, 0);
    let coalition = Coalition::new(TestDb::sqlite(), now).await;
    let campaign = coalition.campaign(Participants::City { city: "tanger".into() }).await;
    let vote = coalition.open(&campaign, now + Duration::days(3), true).await;
    assert_eq!(
        vote.electorate,
        vec![coalition.amal, coalition.nour],
        "Tanger's associations"
    );
    coalition.deliver().await;

    let fatima = coalition.press("fatima", ChatKind::Group, vote_press(vote.id, 0)).await;
    let notice = fatima.notice.expect("notice");
    let receipt = |said: &str| -> String {
        let at = said.find("reçu : ").expect("a receipt") + "reçu : ".len();
        said[at..at + 11].to_owned()
    };
    let fatima_receipt = receipt(&notice);
    let youssef = coalition
        .press("youssef", ChatKind::Private, vote_press(vote.id, 2))
        .await
        .into_replies();
    let youssef_first = receipt(&texts(&youssef));
    // A change of a secret vote makes a new receipt; the old one no longer counts.
    let youssef = coalition
        .press("youssef", ChatKind::Private, vote_press(vote.id, 1))
        .await
        .into_replies();
    let youssef_receipt = receipt(&texts(&youssef));
    assert_ne!(youssef_first, youssef_receipt);
    // The audit log says who and when, never what; Karim, Nour's manager, reads Nour's lines.
    let audit = coalition.store().vote_audit(vote.id, None).await.expect("audit");
    assert_eq!(audit.len(), 3);
    assert!(audit.iter().all(|entry| entry.choice.is_none()), "{audit:?}");
    let log = texts(&coalition.say("karim", &format!("/votelog {}", vote.id)).await);
    assert_eq!(log.matches("Association Nour · youssef (matrix)").count(), 2, "{log}");
    assert!(
        !log.contains("Association Amal") && !log.contains("Contre") && !log.contains("Abstention"),
        "{log}"
    );
    let refused = texts(&coalition.say("youssef", &format!("/votelog {}", vote.id)).await);
    assert!(
        !refused.contains("youssef (matrix)"),
        "a delegate who does not manage reads no log: {refused}"
    );

    coalition.clock.advance(Duration::days(3));
    tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    let results = coalition.deliver().await;
    let (_, in_group) = results
        .iter()
        .find(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }) && item.person.is_none())
        .expect("result in the group");
    let shown = texts(in_group);
    assert!(shown.contains(&format!("{fatima_receipt} Pour")), "{shown}");
    assert!(shown.contains(&format!("{youssef_receipt} Contre")), "{shown}");
    assert!(!shown.contains(&youssef_first), "a replaced receipt is not published");
    assert!(
        !shown.contains("Association Amal: "),
        "no association's choice: {shown}"
    );
    assert!(shown.contains("Égalité (Pour, Contre)"), "{shown}");
    assert!(
        shown.contains("L'opérateur du service peut encore relier un reçu à une association."),
        "the ballot says plainly what the operator can do: {shown}"
    );
}

#[tokio::test]
async fn a_missed_quorum_decides_nothing_and_a_coordinator_extends_then_closes_from_the_chat() {
    let now = at(2027, 4, 1, 9, 0);
    let coalition = Coalition::new(TestDb::sqlite(), now).await;
    let campaign = coalition.campaign(Participants::All).await;
    let coordinator = coalition.person("omar").await;
    coalition
        .store()
        .grant_role(coordinator, Role::Coordinator, None, now)
        .await
        .expect("coordinator");
    let opened = coalition
        .say(
            "omar",
            &format!("/vote open {} 10/04/2027 18:00 Faut-il signer la charte ?", campaign.id),
        )
        .await;
    assert!(
        texts(&opened).contains("ouvert pour 3 associations"),
        "{}",
        texts(&opened)
    );
    let vote = coalition.store().votes(Some(campaign.id)).await.expect("votes")[0].clone();
    coalition.deliver().await;
    coalition.press("fatima", ChatKind::Group, vote_press(vote.id, 0)).await;

    // 24 hours before the deadline, the two associations that have not voted are reminded once.
    coalition.clock.set(at(2027, 4, 9, 17, 30));
    tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    let reminded: Vec<PersonId> = coalition
        .deliver()
        .await
        .into_iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::VoteReminder { .. }))
        .filter_map(|(item, _)| item.person)
        .collect();
    let (youssef, said, fatima) = (
        coalition.person("youssef").await,
        coalition.person("said").await,
        coalition.person("fatima").await,
    );
    assert_eq!(reminded.len(), 2, "{reminded:?}");
    assert!(reminded.contains(&youssef) && reminded.contains(&said) && !reminded.contains(&fatima));

    // The coordinator moves the deadline: everyone is told.
    let extended = coalition
        .say("omar", &format!("/vote extend {} 12/04/2027 18:00", vote.id))
        .await;
    assert!(
        texts(&extended).contains("nouvelle date limite 12/04/2027 18:00"),
        "{}",
        texts(&extended)
    );
    let told = coalition.deliver().await;
    assert!(
        told.iter().any(|(item, rendered)| item.person.is_none()
            && texts(rendered)
                .contains("Nouvelle date limite du vote « Faut-il signer la charte ? » : 12/04/2027 18:00")),
        "the group is told"
    );
    // Closed early by the coordinator: one of three voted, under the 50 % quorum.
    let closed = coalition.say("omar", &format!("/vote close {}", vote.id)).await;
    assert!(texts(&closed).contains("clos"), "{}", texts(&closed));
    let results = coalition.deliver().await;
    let group = results
        .iter()
        .find(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }) && item.person.is_none())
        .expect("result");
    let shown = texts(&group.1);
    assert!(shown.contains("quorum de 50 % non atteint"), "{shown}");
    assert!(
        shown.contains("Le quorum n'est pas atteint : rien n'est décidé."),
        "{shown}"
    );
    let to_said = results
        .iter()
        .find(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }) && item.person == Some(said))
        .expect("Said's result");
    assert!(
        texts(&to_said.1).contains("Association Atlas n'a pas voté."),
        "{}",
        texts(&to_said.1)
    );
    // A press after the close changes nothing; a volunteer cannot close a vote.
    let late = coalition
        .press("said", ChatKind::Private, vote_press(vote.id, 0))
        .await
        .into_replies();
    assert!(texts(&late).contains("Ce vote est clos"));
    let count = coalition.store().vote_count(vote.id).await.expect("count");
    assert_eq!(count.voted, vec![coalition.amal]);
    // A coordinator sets a vote's rules in the chat before its question.
    let second = coalition
        .say(
            "omar",
            &format!(
                "/vote open {} ١٢/٠٤/٢٠٢٧ 18:00 secret 60% 2/3 tous Seconde question ?",
                campaign.id
            ),
        )
        .await;
    assert!(
        texts(&second).contains("ouvert pour 3 associations"),
        "{}",
        texts(&second)
    );
    let second = coalition.store().votes(Some(campaign.id)).await.expect("votes")[0].clone();
    assert_eq!(second.question.fr, "Seconde question ?");
    assert!(second.secret && second.close_when_all_voted);
    assert_eq!(
        (second.quorum, second.majority),
        (
            tatwir_core::campaign::Quorum(60),
            tatwir_core::campaign::Majority::TwoThirds
        )
    );
    // Options of one's own, typed after the question.
    coalition
        .say(
            "omar",
            &format!(
                "/vote open {} 12/04/2027 18:00 Quel local ? | Dar Chabab | Maison de quartier",
                campaign.id
            ),
        )
        .await;
    let third = coalition.store().votes(Some(campaign.id)).await.expect("votes")[0].clone();
    assert_eq!(third.question.fr, "Quel local ?");
    assert_eq!(
        third.options,
        [
            tatwir_core::campaign::VoteOption::Own {
                text: Written::french("Dar Chabab")
            },
            tatwir_core::campaign::VoteOption::Own {
                text: Written::french("Maison de quartier")
            },
            tatwir_core::campaign::VoteOption::Abstain,
        ]
    );
    let refused = coalition.say("youssef", &format!("/vote close {}", vote.id)).await;
    assert!(
        texts(&refused).contains("pas permis") || !texts(&refused).contains("clos"),
        "{}",
        texts(&refused)
    );
}

#[tokio::test]
async fn a_delegate_whose_role_was_taken_back_cannot_vote_with_an_old_button() {
    let now = at(2027, 5, 1, 9, 0);
    let coalition = Coalition::new(TestDb::sqlite(), now).await;
    let campaign = coalition.campaign(Participants::All).await;
    let vote = coalition.open(&campaign, now + Duration::days(2), false).await;
    let youssef = coalition.person("youssef").await;
    coalition
        .store()
        .remove_delegate(coalition.nour, youssef, now)
        .await
        .expect("removed");
    let refused = coalition
        .press("youssef", ChatKind::Private, vote_press(vote.id, 0))
        .await;
    let notice = texts(&refused.into_replies());
    assert!(notice.contains("Rien n'a changé"), "{notice}");
    // A forged press for an association he never voted for changes nothing either.
    let forged = CampaignPress::Vote {
        vote: vote.id,
        option: 0,
        association: Some(coalition.atlas),
    };
    coalition.press("youssef", ChatKind::Private, forged).await;
    // A press from a group the vote was not posted in is stale.
    let count = coalition.store().vote_count(vote.id).await.expect("count");
    assert!(count.voted.is_empty(), "{count:?}");
    // Nour's manager votes again once no delegate is named.
    let karim = coalition
        .press("karim", ChatKind::Private, vote_press(vote.id, 1))
        .await
        .into_replies();
    assert!(texts(&karim).contains("Association Nour : Contre"), "{}", texts(&karim));
}

#[tokio::test]
async fn two_instances_on_postgresql_close_a_vote_once() {
    let now = at(2027, 6, 1, 9, 0);
    let db = TestDb::postgres().await;
    let url = db.url.clone();
    let coalition = Coalition::new(db, now).await;
    let campaign = coalition.campaign(Participants::All).await;
    let vote = coalition.open(&campaign, now + Duration::hours(1), false).await;
    coalition
        .press("fatima", ChatKind::Private, vote_press(vote.id, 0))
        .await;
    let other = TestApp::start(&url, coalition.clock.clone()).await;
    coalition.deliver().await;
    coalition.clock.advance(Duration::hours(1));
    let when = coalition.clock.now();
    let (a, b) = tokio::join!(
        tatwir_core::engine::campaign::settle_due(coalition.store(), when),
        tatwir_core::engine::campaign::settle_due(other.store(), when),
    );
    assert_eq!(a.expect("first").0 + b.expect("second").0, 1, "closed exactly once");
    let results: Vec<_> = coalition
        .deliver()
        .await
        .into_iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::VoteResult { .. }) && item.person.is_none())
        .collect();
    assert_eq!(results.len(), 1, "the result posted once in the group");
}

#[tokio::test]
async fn a_statement_is_signed_edited_signed_again_and_closed() {
    let now = at(2027, 7, 1, 9, 0);
    let coalition = Coalition::new(TestDb::sqlite(), now).await;
    let campaign = coalition.campaign(Participants::All).await;
    let statement = coalition
        .store()
        .create_statement(
            &NewStatement {
                campaign: Some(campaign.id),
                title: Written::french("Lettre au conseil communal"),
                text: Written::french("Nous demandons l'accès à l'eau."),
                deadline: Some(now + Duration::days(7)),
                zone: chrono_tz::Africa::Casablanca,
                written_by: None,
            },
            now,
        )
        .await
        .expect("statement");
    // Posted in the campaign's group with a "sign" button.
    let posted = coalition.deliver().await;
    let (_, in_group) = posted
        .iter()
        .find(|(item, _)| item.person.is_none())
        .expect("posted in the group");
    assert!(
        texts(in_group).contains("Lettre au conseil communal (version 1)"),
        "{}",
        texts(in_group)
    );
    let sign = |version: u32| CampaignPress::Sign {
        statement: statement.id,
        version,
        association: None,
    };
    // Fatima (manager) signs from the group; Youssef (delegate) from /statements; Omar is refused.
    let signed = coalition.press("fatima", ChatKind::Group, sign(1)).await;
    assert!(signed.notice.expect("notice").contains("Association Amal a signé"));
    // A manager writes another statement in the chat: title, text, no deadline.
    coalition.say("karim", "/newstatement").await;
    coalition.say("karim", "Communiqué de presse").await;
    coalition.say("karim", "La coalition salue la décision.").await;
    let written = texts(&coalition.say("karim", "-").await);
    assert!(
        written.contains("Déclaration n° ") && written.contains("écrite"),
        "{written}"
    );
    let listed = coalition.say("youssef", "/statements").await;
    assert!(
        texts(&listed).contains("Communiqué de presse (version 1)"),
        "{}",
        texts(&listed)
    );
    assert!(
        texts(&listed).contains("Signer pour Association Nour"),
        "{}",
        texts(&listed)
    );
    coalition.press("youssef", ChatKind::Private, sign(1)).await;
    let refused = coalition.press("omar", ChatKind::Group, sign(1)).await;
    assert!(
        refused
            .notice
            .expect("notice")
            .contains("Seuls les responsables et les délégués")
    );
    let again = coalition.press("fatima", ChatKind::Group, sign(1)).await;
    assert!(again.notice.expect("notice").contains("déjà signé"));

    // A change of text voids both signatures; the signers are told; an old button is stale.
    let edited = coalition
        .store()
        .edit_statement(
            statement.id,
            &Written::french("Lettre au conseil communal"),
            &Written {
                fr: "Nous demandons l'accès à l'eau potable.".into(),
                ar: Some("نطالب بالحق في الماء الصالح للشرب.".into()),
                ary: None,
            },
            None,
            coalition.clock.now(),
        )
        .await
        .expect("edit")
        .expect("a new version");
    assert_eq!(edited.version, 2);
    let told: Vec<PersonId> = coalition
        .deliver()
        .await
        .into_iter()
        .filter(|(item, _)| matches!(item.message, OutboxMessage::StatementChanged { .. }))
        .filter_map(|(item, _)| item.person)
        .collect();
    let (fatima, youssef) = (coalition.person("fatima").await, coalition.person("youssef").await);
    assert!(told.contains(&fatima) && told.contains(&youssef), "{told:?}");
    let stale = coalition.press("fatima", ChatKind::Group, sign(1)).await;
    assert!(stale.notice.expect("notice").contains("Le texte a changé"));
    coalition.press("fatima", ChatKind::Group, sign(2)).await;

    let record = coalition
        .store()
        .statement(statement.id)
        .await
        .expect("read")
        .expect("record");
    let current: Vec<AssociationId> = record.signatories().map(|s| s.association).collect();
    assert_eq!(current, vec![coalition.amal]);
    assert_eq!(
        record.signatures.iter().filter(|s| s.voided).count(),
        2,
        "the history is kept"
    );
    assert_eq!(record.versions.len(), 2);

    // The deadline closes it once; the final text goes to the group with its public link.
    coalition.clock.advance(Duration::days(7));
    let (_, closed, _) = tatwir_core::engine::campaign::settle_due(coalition.store(), coalition.clock.now())
        .await
        .expect("settle");
    assert_eq!(closed, 1);
    let final_text = coalition.deliver().await;
    let (_, in_group) = final_text
        .iter()
        .find(|(item, _)| matches!(item.message, OutboxMessage::StatementClosed { .. }) && item.person.is_none())
        .expect("the final text in the group");
    let shown = texts(in_group);
    assert!(shown.contains("Signée par Association Amal."), "{shown}");
    assert!(shown.contains(&format!("/statements/{}", statement.id)), "{shown}");
    let late = coalition
        .press("youssef", ChatKind::Private, sign(2))
        .await
        .into_replies();
    assert!(texts(&late).contains("close"), "{}", texts(&late));
    let _ = StatementId(0);
}
