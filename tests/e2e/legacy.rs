//! What an older binary saved still reads: `tests/fixtures/legacy/<commit>.sql` is a database
//! written by the binary of that commit (`tests/fixtures/legacy/make`), holding people in the
//! middle of every dialogue, queued messages of every kind and meetings of every recurrence. The
//! app starts on it as `tatwir serve` would after an upgrade (migrating it), and every one of
//! those goes on as if nothing had changed.

use crate::harness::TestApp;
use chrono::{DateTime, Duration, Utc};
use sqlx::Connection;
use tatwir_core::broadcast::dialogue::AnnounceStep;
use tatwir_core::clock::{Clock, FakeClock};
use tatwir_core::conversation::SessionStep;
use tatwir_core::conversation::{ConversationStore, Step};
use tatwir_core::learning::dialogue::LearnStep;
use tatwir_core::meeting::dialogue::OrganizeStep;
use tatwir_core::meeting::{MeetingStore, Recurrence};
use tatwir_core::message::{Chat, ChatKind, Event, Incoming, Outgoing};
use tatwir_core::outbox::OutboxStore;
use tatwir_core::person::{Channel, Identity};
use tatwir_core::store::Store;
use tatwir_testkit::DatabaseUrl;

const FIXTURE: &str = include_str!("../fixtures/legacy/e9096e4.sql");

/// A SQLite database holding the fixture, as the older binary left it.
async fn restored() -> (tempfile::TempDir, DatabaseUrl) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = DatabaseUrl::sqlite_in(dir.path());
    let mut conn = sqlx::SqliteConnection::connect(&format!("{}?mode=rwc", url.expose()))
        .await
        .expect("create the database file");
    // The dump lists tables alphabetically, children before their parents.
    sqlx::raw_sql("PRAGMA foreign_keys = OFF")
        .execute(&mut conn)
        .await
        .expect("pragma");
    sqlx::raw_sql(sqlx::AssertSqlSafe(FIXTURE))
        .execute(&mut conn)
        .await
        .expect("load the fixture");
    conn.close().await.expect("close");
    (dir, url)
}

fn terminal(user: &str, event: Event) -> Incoming {
    Incoming {
        identity: Identity::new(Channel::Terminal, user),
        display_name: user.into(),
        client_language: None,
        chat: Chat {
            id: user.into(),
            kind: ChatKind::Private,
            private_link: None,
            command_prefix: '/',
        },
        event,
    }
}

fn texts(replies: &[Outgoing]) -> String {
    replies
        .iter()
        .map(|reply| format!("{reply:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fixture was made on this day; its meetings are in the following year.
fn made_at() -> DateTime<Utc> {
    "2026-12-01T23:00:00Z".parse().expect("time")
}

#[tokio::test]
async fn conversations_saved_by_an_older_binary_go_on_where_they_were() {
    let (_dir, url) = restored().await;
    let app = TestApp::start(&url, FakeClock::at(made_at())).await;
    let store = app.store();
    let mut steps = Vec::new();
    for user in ["amina", "omar", "nadia", "youssef", "karim"] {
        let person = store
            .person_by_identity(&Identity::new(Channel::Terminal, user))
            .await
            .expect("read")
            .unwrap_or_else(|| panic!("{user} is in the fixture"));
        let conversation = store.conversation(person.id).await.expect("read");
        let offer = conversation
            .offer
            .clone()
            .unwrap_or_else(|| panic!("{user} has a live offer"));
        assert!(!offer.actions.is_empty(), "{user}: {offer:?}");
        steps.push((user, conversation.step, offer));
    }
    assert!(
        matches!(&steps[0].1, Step::Learn(LearnStep::Reading { lesson, part: 0, .. }) if lesson == "handwashing"),
        "{:?}",
        steps[0].1
    );
    assert!(
        matches!(&steps[1].1, Step::Learn(LearnStep::Quiz { question: 1, .. })),
        "{:?}",
        steps[1].1
    );
    assert!(
        matches!(
            &steps[2].1,
            Step::Session(SessionStep::ChoosingLanguage { resume: Some(_) })
        ),
        "{:?}",
        steps[2].1
    );
    assert!(
        matches!(&steps[3].1, Step::Organize(OrganizeStep::Drafting { .. })),
        "{:?}",
        steps[3].1
    );
    assert!(
        matches!(&steps[4].1, Step::Announce(AnnounceStep::Announcing { .. })),
        "{:?}",
        steps[4].1
    );

    // The keyboards people still have on screen work: each first choice is taken.
    let engine = app.engine();
    let next_part = engine
        .handle(&terminal("amina", Event::Choice(steps[0].2.data(0))))
        .await;
    assert!(
        texts(&next_part).contains("2/"),
        "the lesson's next part: {}",
        texts(&next_part)
    );
    let answered = engine
        .handle(&terminal("omar", Event::Choice(steps[1].2.data(0))))
        .await;
    assert!(
        texts(&answered).contains("réponse"),
        "the quiz takes the answer: {}",
        texts(&answered)
    );
    let french = engine
        .handle(&terminal("nadia", Event::Choice(steps[2].2.data(0))))
        .await;
    assert!(texts(&french).contains("C'est noté"), "{}", texts(&french));
    assert!(
        texts(&french).contains("Association Amal"),
        "the /start she typed before choosing is carried out: {}",
        texts(&french)
    );
    let review = engine
        .handle(&terminal("karim", Event::Choice(steps[4].2.data(0))))
        .await;
    assert!(
        !texts(&review).contains("expir"),
        "the announcement's confirmation is still valid: {}",
        texts(&review)
    );
    // The meeting being written takes its next field, typed.
    let start = engine
        .handle(&terminal("youssef", Event::Text("07/02/2027 10:00".into())))
        .await;
    assert!(!texts(&start).contains("expir"), "{}", texts(&start));
}

#[tokio::test]
async fn messages_queued_by_an_older_binary_are_delivered() {
    let (_dir, url) = restored().await;
    let clock = FakeClock::at(made_at() + Duration::days(1));
    let app = TestApp::start(&url, clock.clone()).await;
    let store = app.store();
    let items = store
        .claim(Channel::Terminal, None, "legacy-test", clock.now(), 500)
        .await
        .expect("claim");
    let mut kinds = std::collections::BTreeSet::new();
    for item in &items {
        let rendered = app.engine().render(item, '/').await.expect("render");
        assert!(
            !rendered.is_empty(),
            "{} {} renders: {item:?}",
            item.message.kind(),
            item.occurrence
        );
        kinds.insert(item.message.kind().to_owned());
    }
    for kind in ["invitation", "change", "cancellation", "broadcast"] {
        assert!(kinds.contains(kind), "a queued {kind} was delivered: {kinds:?}");
    }
}

#[tokio::test]
async fn meetings_saved_by_an_older_binary_keep_their_schedules_and_reminders() {
    let (_dir, url) = restored().await;
    let app = TestApp::start(&url, FakeClock::at(made_at())).await;
    let meetings = app.store().meetings().await.expect("read");
    let by_title = |title: &str| {
        meetings
            .iter()
            .find(|meeting| meeting.title.values().any(|t| t.starts_with(title)))
            .unwrap_or_else(|| panic!("{title} is in the fixture"))
    };
    assert_eq!(by_title("Réunion unique").recurrence, Recurrence::None);
    assert_eq!(
        by_title("Réunion toutes les deux").recurrence,
        Recurrence::Weekly { every: 2 }
    );
    assert_eq!(
        by_title("Réunion mensuelle").recurrence,
        Recurrence::Monthly { every: 1 }
    );
    assert_eq!(
        by_title("Réunion du dimanche").recurrence,
        Recurrence::Cron("0 0 10 * * SUN".into())
    );
    assert_eq!(by_title("Réunion toutes les deux").reminders.labels(), ["48h"]);
    assert!(by_title("Réunion mensuelle").reminders.labels().is_empty());
    assert_eq!(by_title("Réunion unique").reminders.labels(), ["24h", "1h"]);
    assert!(by_title("Réunion annulée").cancelled);
}
