//! The conversation engine over a real SQLite store, with a fake clock.

use crate::backends::TestDb;
use crate::harness::TestApp;
use chrono::{Duration, TimeZone, Utc};
use tatwir_core::args;
use tatwir_core::association::{AssociationDraft, NewAssociation};
use tatwir_core::clock::FakeClock;
use tatwir_core::language::Language;
use tatwir_core::message::{Chat, ChatKind, Choice, Event, Incoming, Outgoing};
use tatwir_core::person::{Channel, Identity};
use tatwir_core::role::Role;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

struct Bot {
    app: TestApp,
    clock: FakeClock,
    amal: NewAssociation,
    _db: TestDb,
}

impl Bot {
    async fn new() -> Bot {
        let db = TestDb::sqlite();
        let clock = FakeClock::at(Utc.with_ymd_and_hms(2026, 2, 14, 20, 0, 0).single().expect("time"));
        let app = TestApp::start(&db.url, clock.clone()).await;
        let draft = AssociationDraft::new("Association Amal", "Tanger").expect("draft");
        let amal = app
            .store()
            .create_association(&draft, clock.now_utc())
            .await
            .expect("association");
        Bot {
            app,
            clock,
            amal,
            _db: db,
        }
    }

    fn store(&self) -> &SqlStore {
        self.app.engine().store()
    }

    /// What the Telegram user `user` belongs to now.
    async fn access_of(&self, user: &str) -> tatwir_core::person::Access {
        let person = self
            .store()
            .person_by_identity(&Identity::new(Channel::Telegram, user))
            .await
            .expect("read")
            .expect("person");
        self.store().access(person.id).await.expect("access")
    }

    fn t(&self, lang: Language, id: &str) -> String {
        self.app.engine().locales().text(lang, id, None)
    }

    fn t_start(&self, lang: Language, id: &str, start: &str) -> String {
        self.app
            .engine()
            .locales()
            .text(lang, id, Some(&args! { "start" => start.to_owned() }))
    }

    async fn send(&self, user: &str, lang: Option<&str>, event: Event) -> Vec<Outgoing> {
        self.send_on(Channel::Telegram, user, lang, event).await
    }

    async fn send_on(&self, channel: Channel, user: &str, lang: Option<&str>, event: Event) -> Vec<Outgoing> {
        let incoming = Incoming {
            identity: Identity::new(channel, user),
            display_name: format!("User {user}"),
            client_language: lang.map(str::to_owned),
            chat: Chat {
                id: user.to_owned(),
                kind: ChatKind::Private,
                private_link: None,
                command_prefix: '/',
            },
            event,
        };
        self.app.engine().handle(&incoming).await
    }

    async fn say(&self, user: &str, lang: Option<&str>, text: &str) -> Vec<Outgoing> {
        self.send(user, lang, Event::Text(text.to_owned())).await
    }
}

trait FakeNow {
    fn now_utc(&self) -> chrono::DateTime<Utc>;
}

impl FakeNow for FakeClock {
    fn now_utc(&self) -> chrono::DateTime<Utc> {
        tatwir_core::clock::Clock::now(self)
    }
}

fn texts(replies: &[Outgoing]) -> Vec<String> {
    replies
        .iter()
        .map(|r| match r {
            Outgoing::Message { text, .. } => text.to_plain(),
            other => format!("{other:?}"),
        })
        .collect()
}

fn choices(replies: &[Outgoing]) -> Vec<Choice> {
    replies
        .iter()
        .flat_map(|r| match r {
            Outgoing::Message { choices, .. } => choices.iter().flatten().cloned().collect(),
            _ => Vec::new(),
        })
        .collect()
}

#[tokio::test]
async fn a_newcomer_picks_a_language_then_joins_with_the_code_they_sent_first() {
    let bot = Bot::new().await;
    let code = bot.amal.volunteer_code.to_string();
    let picker = bot.say("100", None, &format!("/start {code}")).await;
    let offered = choices(&picker);
    assert_eq!(
        offered.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        ["Français", "العربية", "الدارجة"]
    );
    for choice in &offered {
        assert!(choice.data.len() <= 64 && choice.data.is_ascii(), "{choice:?}");
        assert!(
            !choice.label.contains(['\u{2068}', '\u{2069}']),
            "no isolation marks in labels"
        );
    }
    let text = texts(&picker).join("\n");
    for lang in Language::ALL {
        assert!(text.contains(&bot.t(lang, "language-prompt")), "{text}");
    }
    // Nothing joined before the language is chosen.
    let person = bot
        .store()
        .person_by_identity(&Identity::new(Channel::Telegram, "100"))
        .await
        .expect("read")
        .expect("person");
    assert!(
        bot.store()
            .access(person.id)
            .await
            .expect("access")
            .memberships
            .is_empty()
    );

    let replies = bot.send("100", None, Event::Choice(offered[2].data.clone())).await;
    let all = texts(&replies).join("\n");
    assert!(all.starts_with(&bot.t(Language::Ary, "language-set")), "{all}");
    assert!(all.contains("Association Amal"), "{all}");
    assert!(
        all.contains(&bot.t(Language::Ary, "help-title")),
        "help follows the welcome: {all}"
    );
    let access = bot.store().access(person.id).await.expect("access");
    assert_eq!(access.memberships.len(), 1);
    assert_eq!(access.memberships[0].role, Role::Volunteer);
    assert_eq!(
        bot.store()
            .person(person.id)
            .await
            .expect("read")
            .expect("exists")
            .language,
        Some(Language::Ary)
    );
}

#[tokio::test]
async fn the_clients_language_is_used_without_asking() {
    let bot = Bot::new().await;
    let replies = bot
        .say("200", Some("fr-MA"), &format!("/start {}", bot.amal.manager_code))
        .await;
    assert!(choices(&replies).is_empty());
    let all = texts(&replies).join("\n");
    assert!(
        all.contains("Bienvenue, User 200 ! Vous avez rejoint « Association Amal » en tant que responsable."),
        "{all}"
    );
    let replies = bot.say("201", Some("en"), "/help").await;
    assert_eq!(
        choices(&replies).len(),
        3,
        "an unknown client language makes the bot ask"
    );
}

#[tokio::test]
async fn an_expired_code_is_refused_by_the_clock() {
    let bot = Bot::new().await;
    let now = bot.clock.now_utc();
    let invite = bot
        .store()
        .create_invite(
            bot.amal.association.id,
            Role::Volunteer,
            Some(now + Duration::days(1)),
            None,
            now,
        )
        .await
        .expect("invite");
    bot.clock.advance(Duration::days(1) + Duration::seconds(1));
    let replies = bot.say("300", Some("ar"), &format!("/start {}", invite.code)).await;
    assert_eq!(texts(&replies), [bot.t_start(Language::Ar, "invite-expired", "/start")]);
    assert!(bot.access_of("300").await.memberships.is_empty());
}

#[tokio::test]
async fn unknown_revoked_and_malformed_codes_get_clear_answers() {
    let bot = Bot::new().await;
    bot.store()
        .revoke_invite(&bot.amal.volunteer_code, bot.clock.now_utc())
        .await
        .expect("revoke");
    let revoked = bot
        .say("400", Some("fr"), &format!("/start {}", bot.amal.volunteer_code))
        .await;
    assert_eq!(texts(&revoked), [bot.t_start(Language::Fr, "invite-revoked", "/start")]);
    let unknown = bot.t_start(Language::Fr, "invite-unknown", "/start");
    for typed in [
        "/start ZZZZ2222",
        "/start كود",
        "/start 💥💥💥",
        "/start '; DROP TABLE invites;--",
        &format!("/start {}", "A".repeat(3000)),
    ] {
        assert_eq!(
            texts(&bot.say("400", Some("fr"), typed).await),
            std::slice::from_ref(&unknown),
            "{typed}"
        );
    }
    assert!(bot.access_of("400").await.memberships.is_empty());
}

#[tokio::test]
async fn a_second_start_changes_nothing() {
    let bot = Bot::new().await;
    let start = format!("/start {}", bot.amal.volunteer_code);
    bot.say("500", Some("fr"), &start).await;
    let again = texts(&bot.say("500", Some("fr"), &start).await).join("\n");
    assert!(again.contains("déjà membre"), "{again}");
    let welcome_back = texts(&bot.say("500", Some("fr"), "/start").await).join("\n");
    assert!(welcome_back.contains("Bon retour"), "{welcome_back}");
    let summary = bot.store().associations().await.expect("list");
    assert_eq!(summary[0].members, 1);
}

#[tokio::test]
async fn forged_stale_and_foreign_choices_change_nothing() {
    let bot = Bot::new().await;
    let first = choices(&bot.say("600", None, "/language").await);
    let second = choices(&bot.say("600", None, "/language").await);
    let expired = bot.t(Language::Fr, "choice-expired");
    // An older keyboard, a forged payload, someone else's keyboard.
    for data in [
        first[1].data.clone(),
        "zzzzzz.0".to_owned(),
        String::new(),
        "x".repeat(5000),
        "..".to_owned(),
        "ق.١".to_owned(),
    ] {
        assert_eq!(
            texts(&bot.send("600", None, Event::Choice(data.clone())).await),
            std::slice::from_ref(&expired),
            "{data:?}"
        );
    }
    assert_eq!(
        texts(&bot.send("601", None, Event::Choice(second[1].data.clone())).await),
        std::slice::from_ref(&expired)
    );
    assert_eq!(
        texts(
            &bot.send(
                "600",
                None,
                Event::PollAnswer {
                    poll: "nope".into(),
                    options: vec![0]
                }
            )
            .await
        ),
        [expired]
    );
    let person = bot
        .store()
        .person_by_identity(&Identity::new(Channel::Telegram, "600"))
        .await
        .expect("read")
        .expect("person");
    assert_eq!(
        bot.store()
            .person(person.id)
            .await
            .expect("read")
            .expect("exists")
            .language,
        None
    );
    // The live keyboard still works, once.
    let chosen = bot.send("600", None, Event::Choice(second[1].data.clone())).await;
    assert!(texts(&chosen)[0].contains(&bot.t(Language::Ar, "language-set")));
    let replay = bot.send("600", None, Event::Choice(second[1].data.clone())).await;
    assert_eq!(texts(&replay), [bot.t(Language::Ar, "choice-expired")]);
}

#[tokio::test]
async fn where_a_person_is_survives_a_restart() {
    let db = TestDb::sqlite();
    let clock = FakeClock::at(Utc::now());
    let incoming = |event| Incoming {
        identity: Identity::new(Channel::Matrix, "@nadia:example.org"),
        display_name: "Nadia".into(),
        client_language: None,
        chat: Chat {
            id: "!room:example.org".into(),
            kind: ChatKind::Private,
            private_link: None,
            command_prefix: '!',
        },
        event,
    };
    let offered = {
        let before = TestApp::start(&db.url, clock.clone()).await;
        choices(&before.engine().handle(&incoming(Event::Text("!help".into()))).await)
    };
    let after = TestApp::start(&db.url, clock).await;
    let replies = after
        .engine()
        .handle(&incoming(Event::Choice(offered[0].data.clone())))
        .await;
    let all = texts(&replies).join("\n");
    assert!(all.contains("C'est noté"), "{all}");
    assert!(
        all.contains("!help"),
        "the resumed help uses Matrix's command prefix: {all}"
    );
    assert!(!all.contains("/help"), "{all}");
}

#[tokio::test]
async fn empty_huge_and_strange_messages_are_answered() {
    let bot = Bot::new().await;
    let fr = Some("fr");
    let empty = texts(&bot.say("700", fr, " \n\t\u{0}\u{200f} ").await);
    assert!(empty[0].starts_with("Je n'ai reçu aucun texte"), "{empty:?}");
    let huge = texts(&bot.say("700", fr, &"ا".repeat(10 * 1024)).await);
    assert!(huge[0].contains("trop long"), "{huge:?}");
    for odd in ["مرحبا", "salam 3likom", "ⵣ", "👋🏽", "\u{202e}evil", "/", "!!", "/مساعدة"] {
        let replies = texts(&bot.say("700", fr, odd).await);
        assert_eq!(replies.len(), 1, "{odd:?}");
        assert!(
            replies[0].contains("/start") && replies[0].contains("/help"),
            "{odd:?}: {replies:?}"
        );
    }
    let unknown = texts(&bot.say("700", fr, "/frobnicate@tatwir_bot now").await);
    assert_eq!(
        unknown,
        ["Je ne connais pas la commande /frobnicate. Envoyez /help pour voir la liste."]
    );
}

#[tokio::test]
async fn help_and_commands_follow_the_role() {
    let bot = Bot::new().await;
    let outsider = texts(&bot.say("800", Some("fr"), "/help").await).join("\n");
    assert!(
        outsider.contains("/start CODE") && !outsider.contains("/profile"),
        "{outsider}"
    );
    let refused = texts(&bot.say("800", Some("fr"), "/profile").await);
    assert!(refused[0].contains("n'est pas ouverte à votre rôle"), "{refused:?}");

    bot.say("800", Some("fr"), &format!("/start {}", bot.amal.volunteer_code))
        .await;
    let member = texts(&bot.say("800", Some("fr"), "/help").await).join("\n");
    assert!(member.contains("/profile"), "{member}");
    let profile = texts(&bot.say("800", Some("fr"), "/profile").await).join("\n");
    assert!(profile.contains("Association Amal (Tanger) : bénévole"), "{profile}");

    let coordinator = bot
        .store()
        .person_for(
            &Identity::new(Channel::Telegram, "801"),
            "C",
            Some(Language::Ar),
            bot.clock.now_utc(),
        )
        .await
        .expect("person");
    bot.store()
        .grant_role(coordinator.id, Role::Coordinator, None, bot.clock.now_utc())
        .await
        .expect("grant");
    let profile = texts(&bot.say("801", None, "/profile").await).join("\n");
    assert!(
        profile.contains("لست عضوًا في أي جمعية") && profile.contains("منسّق"),
        "{profile}"
    );
}
