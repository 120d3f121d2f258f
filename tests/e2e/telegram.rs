//! The real Telegram adapter (teloxide) against the project's Bot API server on loopback:
//! joining, a lesson and its quiz through buttons and native polls, forged presses, a 429 burst,
//! a blocked person, groups, media re-sent by file_id, webhook mode, and a certificate earned,
//! received as a photo and verified in a group.

use crate::backends::{RunTatwir, TestDb};
use crate::calendar::{FIRST_AID, assert_first_aid_ics};
use crate::certification::all_first_aid_but_the_last;
use crate::harness::TestApp;
use crate::learning::right_options;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tatwir::app::Application;
use tatwir::config::Config;
use tatwir_botapi::{BotApiServer, Fault, Sent, SentFile, TgChat, TgUser};
use tatwir_core::association::{AssociationDraft, NewAssociation};
use tatwir_core::broadcast::BroadcastStore;
use tatwir_core::clock::SystemClock;
use tatwir_core::learning::LearningStore;
use tatwir_core::meeting::MeetingId;
use tatwir_core::outbox::{NewOutboxItem, OutboxMessage, OutboxStore};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_telegram::{Limits, Telegram, TelegramConfig, Webhook};

const TOKEN: &str = "4242:loopback-test-token";
const WAIT: Duration = Duration::from_secs(20);

fn bot_user() -> TgUser {
    TgUser {
        id: 4242,
        first_name: "Tatwir".into(),
        username: Some("tatwir_test_bot".into()),
        language_code: None,
    }
}

pub(crate) fn person(id: i64, name: &str, language: &str) -> TgUser {
    TgUser {
        id,
        first_name: name.into(),
        username: None,
        language_code: Some(language.into()),
    }
}

/// Limits that keep tests quick; the 429 and pacing tests use Telegram's own.
pub(crate) fn quick() -> Limits {
    Limits {
        overall_per_second: 200.0,
        private_per_second: 50.0,
        group_per_minute: 600.0,
        burst: 10.0,
    }
}

struct Rig {
    api: BotApiServer,
    app: TestApp,
    store: SqlStore,
    amal: NewAssociation,
    telegram: Arc<Telegram>,
    task: tokio::task::JoinHandle<()>,
    db: TestDb,
}

impl Rig {
    async fn start(limits: Limits) -> Rig {
        Rig::start_with_clock(limits, SystemClock).await
    }

    /// The rig with the app telling time by `clock` (the outbox worker too: a row is sent once
    /// `clock` reaches its time); the adapter's own pace is real time.
    async fn start_with_clock(limits: Limits, clock: impl tatwir_core::clock::Clock + 'static) -> Rig {
        let db = TestDb::sqlite();
        let app = TestApp::start(&db.url, clock).await;
        let store = app.store().clone();
        let draft = AssociationDraft::new("جمعية الأمل", "Tanger").expect("draft");
        let amal = store
            .create_association(&draft, chrono::Utc::now())
            .await
            .expect("association");
        let (api, telegram, task) = telegram_on(&app, limits).await;
        Rig {
            api,
            app,
            store,
            amal,
            telegram,
            task,
            db,
        }
    }

    /// Sends `text` and returns the bot's next `count` messages to that chat.
    async fn say(&self, from: &TgUser, text: &str, count: usize) -> Vec<Sent> {
        let before = self.messages_to(from.id).len();
        self.api.send_text(from, &TgChat::Private, text);
        let all = self.api.wait_sent(from.id, before + count, WAIT).await;
        all.into_iter().filter(|sent| !sent.edited).skip(before).collect()
    }

    async fn press(&self, from: &TgUser, on: &Sent, label_part: &str, count: usize) -> Vec<Sent> {
        let data = button(on, label_part);
        let before = self.messages_to(from.id).len();
        self.api.press(from, &TgChat::Private, on.message_id, &data);
        let all = self.api.wait_sent(from.id, before + count, WAIT).await;
        all.into_iter().filter(|sent| !sent.edited).skip(before).collect()
    }

    async fn tatwir(&self, args: &[&str]) -> String {
        self.db.tatwir(args).await
    }

    fn messages_to(&self, chat: i64) -> Vec<Sent> {
        self.api.sent_to(chat).into_iter().filter(|sent| !sent.edited).collect()
    }

    async fn person_id(&self, user: &TgUser) -> PersonId {
        self.store
            .person_by_identity(&Identity::new(Channel::Telegram, user.id.to_string()))
            .await
            .expect("read")
            .expect("person")
            .id
    }
}

/// The real Telegram adapter on `app`'s engine and store, as `tatwir serve` runs it (receiving by
/// long polling, sending from the outbox), against a new loopback Bot API server.
pub(crate) async fn telegram_on(
    app: &TestApp,
    limits: Limits,
) -> (BotApiServer, Arc<Telegram>, tokio::task::JoinHandle<()>) {
    let api = BotApiServer::start(TOKEN, bot_user()).await.expect("Bot API server");
    let config = TelegramConfig {
        token: TOKEN.into(),
        api_url: Some(api.url()),
        webhook: None,
        limits,
    };
    let telegram = Telegram::connect(config, app.engine().clone(), app.store().clone())
        .await
        .expect("connect");
    let task = tokio::spawn(telegram.clone().run(std::future::pending()));
    (api, telegram, task)
}

impl Drop for Rig {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub(crate) fn text(sent: &Sent) -> String {
    sent.plain_text
        .clone()
        .or_else(|| sent.text.clone())
        .unwrap_or_default()
}

fn all_text(sent: &[Sent]) -> String {
    sent.iter().map(text).collect::<Vec<_>>().join("\n---\n")
}

pub(crate) fn buttons(sent: &Sent) -> Vec<(String, String)> {
    sent.reply_markup
        .as_ref()
        .and_then(|markup| markup["inline_keyboard"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .map(|button| {
            (
                button["text"].as_str().unwrap_or_default().to_owned(),
                button["callback_data"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn button(sent: &Sent, label_part: &str) -> String {
    buttons(sent)
        .into_iter()
        .find(|(label, _)| label.contains(label_part))
        .map(|(_, data)| data)
        .unwrap_or_else(|| panic!("no button with {label_part:?} on {:?}", buttons(sent)))
}

fn last_with_buttons(sent: &[Sent]) -> &Sent {
    sent.iter()
        .rev()
        .find(|s| !buttons(s).is_empty())
        .expect("a message with buttons")
}

/// Answers the quiz under way through native polls, right except for question `wrong`.
async fn answer_quiz(rig: &Rig, user: &TgUser, mut poll: Sent, wrong: Option<usize>) -> Vec<Sent> {
    let mut number = 0;
    loop {
        let object = poll.poll.clone().expect("a poll");
        assert_eq!(object["is_anonymous"], false, "the bot must learn the answer: {object}");
        let id = object["id"].as_str().expect("poll id").to_owned();
        let options = object["options"].as_array().expect("options").len();
        let correct = object["correct_option_id"].as_i64();
        let answer: Vec<i32> = match (correct, wrong == Some(number)) {
            (Some(right), false) => vec![right as i32],
            (Some(right), true) => vec![(0..options as i32).find(|&o| o != right as i32).expect("wrong option")],
            // A question with several right answers is a regular poll: the test knows them from the pack.
            (None, _) => multiple_answer(&object),
        };
        let before = rig.messages_to(user.id).len();
        rig.api.answer_poll(user, &id, &answer);
        // Feedback, then the next question (a poll) or the score.
        let replies = rig.api.wait_sent(user.id, before + 2, WAIT).await;
        let replies: Vec<Sent> = replies.into_iter().filter(|s| !s.edited).skip(before).collect();
        match replies.iter().find(|sent| sent.poll.is_some()) {
            Some(next) => poll = next.clone(),
            None => return replies,
        }
        number += 1;
    }
}

/// A question with several right answers goes out as a regular poll, which does not say which:
/// the test knows them from the pack.
fn multiple_answer(poll: &serde_json::Value) -> Vec<i32> {
    assert_eq!(poll["allows_multiple_answers"], true, "{poll}");
    right_options(poll["question"].as_str().expect("a question"))
        .into_iter()
        .map(|option| option as i32)
        .collect()
}

/// Waits until the bot has sent `chat` a message containing `needle`; returns it.
async fn wait_for_text(rig: &Rig, chat: i64, needle: &str) -> Sent {
    loop {
        let sent = rig.messages_to(chat);
        if let Some(found) = sent.iter().find(|message| text(message).contains(needle)) {
            return found.clone();
        }
        rig.api.wait_sent(chat, sent.len() + 1, WAIT).await;
    }
}

/// A `poll_answer` update as Telegram delivers it.
fn poll_answer_update(update_id: i64, poll: &str, from: &TgUser, options: &[i32]) -> teloxide::types::Update {
    let update = serde_json::json!({
        "update_id": update_id,
        "poll_answer": {"poll_id": poll, "user": {"id": from.id, "is_bot": false, "first_name": from.first_name},
                        "option_ids": options}
    });
    // From text, as updates come: teloxide reads an update's kind from a key borrowed from the
    // text, which a serde_json::Value cannot lend (the update would read as an unknown kind).
    serde_json::from_str(&update.to_string()).expect("a poll answer update")
}

#[tokio::test]
async fn a_volunteer_joins_and_takes_a_lesson_and_its_quiz_in_arabic() {
    let rig = Rig::start(quick()).await;
    // Menus per language, set at start.
    let menus = rig.api.commands();
    assert!(
        menus
            .iter()
            .any(|(lang, list)| lang.as_deref() == Some("ar") && list.iter().any(|(c, _)| c == "learn"))
    );
    assert!(
        menus.iter().any(|(lang, _)| lang.is_none()),
        "a default menu: {menus:?}"
    );
    let salma = person(501, "<b>Salma</b> & co", "ar");
    let joined = rig.say(&salma, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let welcome = &joined[0];
    assert_eq!(welcome.parse_mode.as_deref(), Some("HTML"));
    assert!(
        welcome
            .text
            .as_deref()
            .unwrap_or_default()
            .contains("&lt;b&gt;Salma&lt;/b&gt; &amp; co"),
        "what people wrote is escaped: {:?}",
        welcome.text
    );
    assert!(text(welcome).contains("جمعية الأمل"), "{}", text(welcome));
    let list = rig.say(&salma, "/learn", 1).await;
    let toolbox = rig.press(&salma, &list[0], "النظافة", 1).await;
    // The keyboard pressed is retired: a lesson leaves no dead buttons.
    let pressed = rig.api.message(salma.id, list[0].message_id).expect("the list");
    assert!(buttons(&pressed).is_empty(), "{:?}", pressed.reply_markup);
    assert!(!rig.api.callback_answers().is_empty());
    let mut step = rig.press(&salma, &toolbox[0], "غسل اليدين", 2).await;
    // The lesson's picture (drawn for the project, in the pack) goes first, uploaded as a
    // photo, then its first part.
    assert_eq!(step[0].method, "sendPhoto", "{:?}", step[0]);
    assert!(
        matches!(&step[0].document, Some(SentFile::Uploaded { name, .. }) if name == "handwashing.png"),
        "{:?}",
        step[0].document
    );
    while buttons(last_with_buttons(&step))
        .iter()
        .any(|(label, _)| label.contains("التالي"))
    {
        step = rig.press(&salma, last_with_buttons(&step), "التالي", 1).await;
    }
    let quiz = rig.press(&salma, last_with_buttons(&step), "الاختبار", 2).await;
    assert!(text(&quiz[0]).contains("اختبار"), "{}", all_text(&quiz));
    let first_poll = quiz[1].clone();
    assert_eq!(first_poll.poll.as_ref().expect("poll")["type"], "quiz");
    let end = answer_quiz(&rig, &salma, first_poll, Some(0)).await;
    let summary = all_text(&end);
    assert!(summary.contains("انتهى الاختبار: 3/4"), "{summary}");
    let progress = rig.say(&salma, "/progress", 1).await;
    assert!(text(&progress[0]).contains("النظافة: 1/5"), "{}", text(&progress[0]));
    let salma_id = rig.person_id(&salma).await;
    assert_eq!(rig.store.attempts(salma_id).await.expect("attempts").len(), 4);
    // The same lesson again: its picture is re-sent by the file_id Telegram gave the first time.
    let list = rig.say(&salma, "/learn", 1).await;
    let toolbox = rig.press(&salma, &list[0], "النظافة", 1).await;
    let again = rig.press(&salma, &toolbox[0], "غسل اليدين", 2).await;
    assert!(
        matches!(again[0].document, Some(SentFile::ById(_))),
        "{:?}",
        again[0].document
    );
}

#[tokio::test]
async fn a_lesson_in_french_with_forged_presses_and_an_answer_delivered_twice() {
    let rig = Rig::start(quick()).await;
    let amina = person(601, "Amina", "fr");
    rig.say(&amina, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let list = rig.say(&amina, "/learn", 1).await;
    // A forged press, and someone else's press on Amina's keyboard: refused, nothing changes.
    let before = rig.messages_to(amina.id).len();
    rig.api.press(&amina, &TgChat::Private, list[0].message_id, "zzzzzz.0");
    let refused = rig.api.wait_sent(amina.id, before + 1, WAIT).await;
    assert!(text(refused.last().expect("reply")).contains("Ce choix n'est pas ou plus valable"));
    let karim = person(602, "Karim", "fr");
    rig.say(&karim, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let before = rig.messages_to(karim.id).len();
    rig.api.press(
        &karim,
        &TgChat::Private,
        list[0].message_id,
        &button(&list[0], "Hygiène"),
    );
    let refused = rig.api.wait_sent(karim.id, before + 1, WAIT).await;
    assert!(text(refused.last().expect("reply")).contains("Ce choix n'est pas ou plus valable"));
    // Amina's keyboard still works.
    let toolbox = rig.press(&amina, &list[0], "Hygiène", 1).await;
    let mut step = rig.press(&amina, &toolbox[0], "Le lavage des mains", 2).await;
    while buttons(last_with_buttons(&step))
        .iter()
        .any(|(label, _)| label.contains("Suite"))
    {
        step = rig.press(&amina, last_with_buttons(&step), "Suite", 1).await;
    }
    let quiz = rig.press(&amina, last_with_buttons(&step), "quiz", 2).await;
    let poll = quiz[1].poll.clone().expect("poll");
    let id = poll["id"].as_str().expect("id").to_owned();
    let right = poll["correct_option_id"].as_i64().expect("quiz") as i32;
    let before = rig.messages_to(amina.id).len();
    rig.api.answer_poll(&amina, &id, &[right]);
    rig.api.wait_sent(amina.id, before + 2, WAIT).await;
    // The same update handled again, as after a crash before its offset was stored: it counts once.
    let update = poll_answer_update(999_999, &id, &amina, &[right]);
    rig.telegram.handle_update(update.clone()).await;
    rig.telegram.handle_update(update).await;
    let replies = rig.api.wait_sent(amina.id, before + 4, WAIT).await;
    assert!(text(&replies[before + 2]).contains("Ce choix n'est pas ou plus valable"));
    // The rest of the quiz, through polls.
    let next = replies[before..before + 2]
        .iter()
        .find(|sent| sent.poll.is_some())
        .expect("next question");
    let end = answer_quiz(&rig, &amina, next.clone(), None).await;
    assert!(
        all_text(&end).contains("Quiz terminé : 4/4 (100 %)."),
        "{}",
        all_text(&end)
    );
    let next_lesson = rig.press(&amina, last_with_buttons(&end), "Leçon suivante", 1).await;
    assert!(
        text(&next_lesson[0]).contains("Aliments sûrs (1)"),
        "{}",
        text(&next_lesson[0])
    );
    let amina_id = rig.person_id(&amina).await;
    assert_eq!(
        rig.store.attempts(amina_id).await.expect("attempts").len(),
        4,
        "one attempt per question"
    );
}

#[tokio::test]
async fn a_burst_that_hits_a_429_loses_nothing_and_sends_nothing_inside_the_window() {
    let rig = Rig::start(Limits::default()).await;
    let people: Vec<TgUser> = (0..6).map(|i| person(700 + i, &format!("P{i}"), "fr")).collect();
    rig.api
        .fail_next("sendMessage", Fault::TooManyRequests { retry_after: 3 }, 1);
    let hit = Instant::now();
    for someone in &people {
        rig.api.send_text(someone, &TgChat::Private, "/help");
    }
    for someone in &people {
        let replies = rig.api.wait_sent(someone.id, 1, WAIT).await;
        assert!(
            text(&replies[0]).contains("Ce que vous pouvez faire"),
            "{}",
            text(&replies[0])
        );
    }
    // Replies already on their way when the 429 came may land; after them nothing goes out
    // until the window has passed.
    let mut times: Vec<Instant> = rig.api.sent().iter().map(|sent| sent.at).collect();
    times.push(hit);
    times.sort();
    let (gap, before_gap) = times
        .windows(2)
        .enumerate()
        .map(|(i, pair)| (pair[1].duration_since(pair[0]), i + 1))
        .max()
        .expect("several messages");
    assert!(gap >= Duration::from_millis(2900), "a {gap:?} pause after the 429");
    assert!(
        before_gap <= people.len(),
        "only replies already in flight went before the pause"
    );
    assert_eq!(rig.api.stats().too_many_requests, 1);
}

#[tokio::test]
async fn a_person_who_blocked_the_bot_is_not_sent_to_until_they_write_again() {
    let rig = Rig::start(quick()).await;
    let nadia = person(801, "Nadia", "fr");
    rig.say(&nadia, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let nadia_id = rig.person_id(&nadia).await;
    rig.api.block(nadia.id);
    let queue = |occurrence: &str| NewOutboxItem {
        message: OutboxMessage::Reply(tatwir_core::message::Outgoing::text(tatwir_core::message::Text::plain(
            "announcement",
        ))),
        occurrence: occurrence.into(),
        person: nadia_id,
        channel: Channel::Telegram,
        chat: nadia.id.to_string(),
    };
    rig.store
        .enqueue(&queue("one"), chrono::Utc::now())
        .await
        .expect("queue");
    let identity = Identity::new(Channel::Telegram, nadia.id.to_string());
    let deadline = Instant::now() + WAIT;
    while !rig.store.is_unreachable(&identity).await.expect("read") {
        assert!(Instant::now() < deadline, "the 403 was not noticed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let tried = rig.api.stats().per_method.get("sendMessage").copied();
    rig.store
        .enqueue(&queue("two"), chrono::Utc::now())
        .await
        .expect("queue");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        rig.api.stats().per_method.get("sendMessage").copied(),
        tried,
        "nothing more is tried after the 403"
    );
    // Nadia unblocks the bot and writes: she gets her answer.
    rig.api.unblock(nadia.id);
    let replies = rig.say(&nadia, "/help", 1).await;
    assert!(text(&replies[0]).contains("Ce que vous pouvez faire"));
    assert!(!rig.store.is_unreachable(&identity).await.expect("read"));
}

#[tokio::test]
async fn groups_get_commands_addressed_to_the_bot_and_lessons_stay_private() {
    let rig = Rig::start(quick()).await;
    let youssef = person(901, "Youssef", "fr");
    rig.say(&youssef, &format!("/start {}", rig.amal.volunteer_code), 2)
        .await;
    let group = TgChat::Group {
        id: -5001,
        title: "Coordination Tanger".into(),
    };
    rig.api.send_text(&youssef, &group, "bonjour à tous");
    rig.api.send_text(&youssef, &group, "/help@some_other_bot");
    rig.api.send_text(&youssef, &group, "/learn@tatwir_test_bot");
    let replies = rig.api.wait_sent(-5001, 1, WAIT).await;
    let answer = text(&replies[0]);
    assert!(
        answer.contains("en privé") && answer.contains("https://t.me/tatwir_test_bot"),
        "{answer}"
    );
    // A chat's updates are handled in order: the chatter and the other bot's command, sent
    // before, were handled when /learn was answered.
    assert_eq!(
        rig.messages_to(-5001).len(),
        1,
        "chatter and other bots' commands get no answer"
    );
    // The group becomes a supergroup: what was queued for it follows.
    rig.api.migrate_group(-5001, -1005001);
    let item = NewOutboxItem {
        message: OutboxMessage::Reply(tatwir_core::message::Outgoing::text(tatwir_core::message::Text::plain(
            "note",
        ))),
        occurrence: "group-note".into(),
        person: rig.person_id(&youssef).await,
        channel: Channel::Telegram,
        chat: "-5001".into(),
    };
    rig.store.enqueue(&item, chrono::Utc::now()).await.expect("queue");
    let moved = rig.api.wait_sent(-1005001, 1, WAIT).await;
    assert_eq!(text(&moved[0]), "note");
    assert_eq!(rig.store.current_telegram_chat(-5001).await.expect("read"), -1005001);
}

#[tokio::test]
async fn webhook_mode_refuses_a_wrong_secret_and_answers_with_the_right_one() {
    let api = BotApiServer::start(TOKEN, bot_user()).await.expect("Bot API server");
    let db = TestDb::sqlite();
    let config = Config {
        database_url: Some(db.url.clone()),
        http_addr: "127.0.0.1:0".parse().expect("address"),
        content_dir: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        ..Config::default()
    };
    let mut app = Application::build(&config).await.expect("build");
    let hook = format!("http://{}/telegram/webhook", app.http_addr);
    app.telegram = Some(TelegramConfig {
        token: TOKEN.into(),
        api_url: Some(api.url()),
        webhook: Some(Webhook {
            url: hook.parse().expect("url"),
            secret: "right-secret_1".into(),
        }),
        limits: quick(),
    });
    let slot = app.telegram_slot.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run(async {
        let _ = stopped.await;
    }));
    let deadline = Instant::now() + WAIT;
    while api.webhook().is_none() || slot.get().is_none() {
        assert!(Instant::now() < deadline, "the webhook was never set");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(api.webhook(), Some((hook.clone(), Some("right-secret_1".into()))));
    // A caller without the secret, or with a wrong one, is refused and changes nothing.
    let update = serde_json::json!({
        "update_id": 1,
        "message": {"message_id": 1, "date": 0, "chat": {"id": 77, "type": "private", "first_name": "X"},
                    "from": {"id": 77, "is_bot": false, "first_name": "X"}, "text": "/help"}
    });
    for secret in [None, Some("wrong")] {
        let status = post(&hook, secret, &update.to_string()).await;
        assert_eq!(status, 401);
    }
    assert!(api.sent_to(77).is_empty());
    // Telegram itself (the loopback server) posts with the right secret: the bot answers.
    let leila = person(1001, "Leila", "fr");
    api.send_text(&leila, &TgChat::Private, "/help");
    let replies = api.wait_sent(leila.id, 1, WAIT).await;
    assert!(
        text(&replies[0]).contains("Ce que vous pouvez faire"),
        "{}",
        text(&replies[0])
    );
    let _ = stop.send(());
    server.await.expect("join").expect("served");
}

/// A bare HTTP POST (the loopback peer is plain HTTP/1.1).
async fn post(url: &str, secret: Option<&str>, body: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let url = url::Url::parse(url).expect("url");
    let address = format!("{}:{}", url.host_str().expect("host"), url.port().expect("port"));
    let mut stream = tokio::net::TcpStream::connect(address).await.expect("connect");
    let header = secret
        .map(|s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{header}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        url.path(),
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("status")
}

#[tokio::test]
async fn a_server_error_is_retried_and_the_reply_arrives() {
    let rig = Rig::start(quick()).await;
    let omar = person(1101, "Omar", "fr");
    rig.api.introduce(&omar, &TgChat::Private);
    rig.api.fail_next("sendMessage", Fault::ServerError(502), 1);
    rig.api.send_text(&omar, &TgChat::Private, "/help");
    let replies = rig.api.wait_sent(omar.id, 1, Duration::from_secs(40)).await;
    assert!(
        text(&replies[0]).contains("Ce que vous pouvez faire"),
        "{}",
        text(&replies[0])
    );
    assert_eq!(rig.messages_to(omar.id).len(), 1, "sent once");
}

#[tokio::test]
async fn new_associations_get_telegram_deep_links_once_the_bot_is_known() {
    let rig = Rig::start(quick()).await;
    assert_eq!(rig.telegram.username(), "tatwir_test_bot");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tatwir"))
        .args([
            "association",
            "add",
            "--name",
            "Jeunes de Tanger",
            "--city",
            "Tanger",
            "--json",
        ])
        .env("TATWIR_DATABASE_URL", rig.db.url.expose())
        .env("TATWIR_LOG", "warn")
        .output()
        .expect("run tatwir");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let code = json["volunteer_code"].as_str().expect("code");
    assert_eq!(
        json["volunteer_link"],
        format!("https://t.me/tatwir_test_bot?start={code}")
    );
    // Opening the link sends `/start CODE`: the person joins.
    let hind = person(1201, "Hind", "fr");
    let joined = rig.say(&hind, &format!("/start {code}"), 2).await;
    assert!(text(&joined[0]).contains("Jeunes de Tanger"), "{}", text(&joined[0]));
}

/// `tatwir serve` as a deployer runs it, configured only by the environment: the Telegram bot
/// against the loopback `api`, data in `data`.
fn serve_command(api: &BotApiServer, data: &std::path::Path) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_tatwir"));
    command
        .arg("serve")
        .env("TATWIR_DATA_DIR", data)
        .env("TATWIR_HTTP_ADDR", "127.0.0.1:0")
        .env(
            "TATWIR_CONTENT_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"),
        )
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", api.url().as_str())
        .env("TATWIR_LOG", "warn")
        .env_remove("TATWIR_DATABASE_URL")
        .kill_on_drop(true)
        .stdout(std::process::Stdio::null());
    command
}

/// `tatwir serve` itself, configured only by the environment as a deployer would.
#[tokio::test]
async fn tatwir_serve_starts_the_telegram_bot_when_a_token_is_set() {
    let api = BotApiServer::start(TOKEN, bot_user()).await.expect("Bot API server");
    let data = tempfile::tempdir().expect("temporary folder");
    let mut child = serve_command(&api, data.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start tatwir serve");
    let mut stderr = child.stderr.take().expect("stderr");
    let log = tokio::spawn(async move {
        use tokio::io::AsyncReadExt;
        let mut log = String::new();
        let _ = stderr.read_to_string(&mut log).await;
        log
    });
    let leila = person(1301, "Leila", "ar");
    api.send_text(&leila, &TgChat::Private, "/help");
    let replies = api.wait_sent(leila.id, 1, Duration::from_secs(60)).await;
    assert!(text(&replies[0]).contains("ما يمكنك فعله"), "{}", text(&replies[0]));
    child.kill().await.expect("stop");
    let log = log.await.expect("log");
    assert!(
        !log.contains("loopback-test-token"),
        "the token never reaches the logs:\n{log}"
    );
}

/// `tatwir broadcast send` from the command line: each person gets the announcement in their
/// language (French when theirs is missing), people who muted announcements get nothing, and
/// `tatwir broadcast status` reports the delivery.
#[tokio::test]
async fn an_announcement_reaches_each_member_in_their_language_except_who_muted_it() {
    let rig = Rig::start(quick()).await;
    let people = [
        person(1401, "Amina", "fr"),
        person(1402, "Youssef", "ar"),
        person(1403, "Salma", "fr"),
    ];
    for someone in &people {
        rig.say(someone, &format!("/start {}", rig.amal.volunteer_code), 2)
            .await;
    }
    let muted = rig.say(&people[2], "/mute annonces", 1).await;
    assert!(
        text(&muted[0]).contains("vous ne recevrez plus les messages « annonces »"),
        "{}",
        text(&muted[0])
    );
    let run = async |args: &[&str]| serde_json::from_str::<serde_json::Value>(&rig.tatwir(args).await).expect("JSON");
    let queued = run(&[
        "broadcast",
        "send",
        "--text",
        "Réunion samedi à 10 h",
        "--text-ar",
        "اجتماع يوم السبت على الساعة 10",
        "--json",
    ])
    .await;
    assert_eq!(queued["recipients"], 2, "{queued}");
    let id = queued["id"].as_i64().expect("id").to_string();
    let amina = rig.api.wait_sent(people[0].id, 3, WAIT).await;
    assert!(text(&amina[2]).contains("📢 Annonce") && text(&amina[2]).contains("Réunion samedi"));
    let youssef = rig.api.wait_sent(people[1].id, 3, WAIT).await;
    assert!(text(&youssef[2]).contains("اجتماع يوم السبت"), "{}", text(&youssef[2]));
    let deadline = Instant::now() + WAIT;
    loop {
        let status = run(&["broadcast", "status", &id, "--json"]).await;
        if status["sent"] == 2 {
            assert_eq!(status["pending"], 0);
            break;
        }
        assert!(Instant::now() < deadline, "{status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Every message of the broadcast is settled (none pending): Salma's was never queued.
    assert_eq!(rig.messages_to(people[2].id).len(), 3, "Salma muted announcements");
}

/// The benchmark's correctness, on a small run (its speed is what it prints, not a test).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_broadcast_benchmark_loses_and_repeats_nothing() {
    let report = tatwir::cli::bench::bench_broadcast(300, 200).await.expect("bench");
    assert_eq!((report.duplicates, report.lost), (0, 0), "{report}");
    let line = report.to_string();
    let keys: Vec<&str> = line
        .split(' ')
        .map(|pair| pair.split('=').next().unwrap_or_default())
        .collect();
    assert_eq!(
        keys,
        [
            "achieved_ratio",
            "rate_per_s",
            "429s",
            "duplicates",
            "lost",
            "peak_rss_mb"
        ]
    );
}

/// `kill -9` in the middle of a broadcast, then a restart: everyone gets the announcement, and
/// only messages in flight at the kill may come twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_survives_kill_9_and_a_restart() {
    const PEOPLE: i64 = 300;
    const FIRST: i64 = 7_000_000;
    let api = BotApiServer::start(TOKEN, bot_user()).await.expect("Bot API server");
    let data = tempfile::tempdir().expect("temporary folder");
    let store = SqlStore::connect(&tatwir_store::database_url::DatabaseUrl::sqlite_in(data.path()))
        .await
        .expect("store");
    let draft = AssociationDraft::new("Amal", "Tanger").expect("draft");
    let amal = store
        .create_association(&draft, chrono::Utc::now())
        .await
        .expect("association");
    store
        .bench_people(amal.association.id, FIRST, PEOPLE as u64)
        .await
        .expect("people");
    for i in 0..PEOPLE {
        api.introduce(&TgUser::new(FIRST + i, "P"), &TgChat::Private);
    }
    let serve = || {
        serve_command(&api, data.path())
            .env("TATWIR_TELEGRAM_OVERALL_PER_SECOND", "100")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start tatwir serve")
    };
    let mut first = serve();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tatwir"))
        .args([
            "broadcast",
            "send",
            "--text",
            "Assemblée générale dimanche",
            "--no-wait",
            "--json",
        ])
        .env("TATWIR_DATA_DIR", data.path())
        .env_remove("TATWIR_DATABASE_URL")
        .output()
        .expect("broadcast");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let id = tatwir_core::broadcast::BroadcastId(
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")["id"]
            .as_i64()
            .expect("id"),
    );
    let deadline = Instant::now() + WAIT;
    while api.stats().sent_messages < 80 {
        assert!(Instant::now() < deadline, "the broadcast did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.start_kill().expect("kill -9");
    first.wait().await.expect("killed");
    let at_kill = api.stats().sent_messages;
    assert!(at_kill < PEOPLE as u64, "killed in the middle ({at_kill} sent)");
    let _second = serve();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let report = store.delivery_report(id).await.expect("report");
        if report.pending == 0 {
            assert_eq!(report.sent, PEOPLE as u64, "{report:?}");
            break;
        }
        assert!(Instant::now() < deadline, "{report:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut per_chat = std::collections::HashMap::<i64, u64>::new();
    for sent in api.sent() {
        *per_chat.entry(sent.chat_id).or_default() += 1;
    }
    assert_eq!(per_chat.len(), PEOPLE as usize, "nobody is left out");
    let twice: u64 = per_chat.values().map(|n| n - 1).sum();
    eprintln!("killed after {at_kill} of {PEOPLE}; sent twice: {twice}");
    // Only requests under way when the process died can be sent again (README: the bound).
    assert!(twice <= 8, "{twice} messages came twice");
}

/// A meeting from the command line: invitations with answers in each language and time zone,
/// an answer changed, reminders once for those coming, iCalendar, and a cancellation told to all.
#[tokio::test]
async fn a_meeting_invites_members_who_answer_get_reminded_and_hear_of_its_cancellation() {
    use tatwir_core::meeting::{MeetingStore, queue_due_reminders};
    let rig = Rig::start(quick()).await;
    let amina = person(1501, "Amina", "fr");
    let youssef = person(1502, "Youssef", "ar");
    for someone in [&amina, &youssef] {
        rig.say(someone, &format!("/start {}", rig.amal.volunteer_code), 2)
            .await;
    }
    rig.say(&youssef, "/timezone Europe/Paris", 1).await;
    let run = async |args: &[&str]| rig.tatwir(args).await;
    let association = rig.amal.association.id.0.to_string();
    let created = run(&[
        "meeting",
        "add",
        "--title",
        "Assemblée générale",
        "--title-ar",
        "الجمعية العامة",
        "--start",
        "2027-02-07T10:00",
        "--place",
        "Maison des associations, Tanger",
        "--association",
        &association,
        "--json",
    ])
    .await;
    let created: serde_json::Value = serde_json::from_str(&created).expect("JSON");
    assert_eq!(created["invited"], 2, "{created}");
    let id = MeetingId(created["id"].as_i64().expect("id"));
    let invitation = rig.api.wait_sent(amina.id, 3, WAIT).await;
    let shown = text(&invitation[2]);
    // 2027-02-07 is during Ramadan: Casablanca is UTC+0 then.
    assert!(
        shown.contains("Assemblée générale") && shown.contains("07/02/2027 10:00 (Africa/Casablanca)"),
        "{shown}"
    );
    let arabic = rig.api.wait_sent(youssef.id, 4, WAIT).await;
    let shown = text(&arabic[3]);
    assert!(
        shown.contains("الجمعية العامة") && shown.contains("07/02/2027 11:00 (Europe/Paris)"),
        "{shown}"
    );
    let yes = rig.press(&amina, &invitation[2], "Oui", 1).await;
    assert!(
        text(&yes[0]).contains("Réponse notée pour « Assemblée générale » : ✅ Oui"),
        "{}",
        text(&yes[0])
    );
    let mine = rig.say(&amina, "/meetings", 1).await;
    assert!(text(&mine[0]).contains("Votre réponse : ✅ Oui"), "{}", text(&mine[0]));
    let changed = rig.press(&amina, &mine[0], "Non", 1).await;
    assert!(text(&changed[0]).contains("❌ Non"), "{}", text(&changed[0]));
    rig.press(&amina, &mine[0], "Peut-être", 1).await;
    // Reminders: a day and an hour before, once, only for those coming (Youssef did not answer).
    let day_before = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 2, 6, 10, 0, 0)
        .single()
        .expect("time");
    assert_eq!(queue_due_reminders(&rig.store, day_before).await.expect("queue"), 1);
    assert_eq!(queue_due_reminders(&rig.store, day_before).await.expect("again"), 0);
    // The reminder waits in the outbox for its time (here, a simulated day before the meeting).
    let due = rig
        .store
        .claim(Channel::Telegram, Some(&amina.id.to_string()), "test", day_before, 10)
        .await
        .expect("claim");
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].message.kind(), "reminder");
    assert_eq!(due[0].occurrence, format!("{id}/2027-02-07T10:00/24h"));
    let ics = run(&["meeting", "ics", &id.to_string()]).await;
    for line in [
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "DTSTART;TZID=Africa/Casablanca:20270207T100000",
        "LOCATION:Maison des associations\\, Tanger",
    ] {
        assert!(ics.contains(line), "{line} in\n{ics}");
    }
    // Who came: recorded once, by identity, for certification.
    let who = [
        "meeting",
        "attendance",
        &id.to_string(),
        "telegram:1501",
        "telegram:1502",
        "--json",
    ];
    let recorded: serde_json::Value = serde_json::from_str(&run(&who).await).expect("JSON");
    assert_eq!(
        (recorded["recorded"].as_i64(), recorded["occurrence"].as_str()),
        (Some(2), Some("2027-02-07T10:00"))
    );
    let again: serde_json::Value = serde_json::from_str(&run(&who).await).expect("JSON");
    assert_eq!(again["recorded"], 0);
    assert_eq!(rig.store.attendance(id).await.expect("attendance").len(), 2);
    let cancelled = run(&["meeting", "cancel", &id.to_string()]).await;
    assert!(cancelled.contains("personnes prévenues : 2"), "{cancelled}");
    let told = rig.api.wait_sent(youssef.id, 5, WAIT).await;
    assert!(text(&told[4]).contains("أُلغي الاجتماع"), "{}", text(&told[4]));
    let hour_before = day_before + chrono::Duration::hours(23);
    assert_eq!(
        queue_due_reminders(&rig.store, hour_before).await.expect("queue"),
        0,
        "none for a cancelled meeting"
    );
    assert!(rig.store.meeting(id).await.expect("read").expect("meeting").cancelled);
}

/// Downloads a file the bot sent, as a Telegram client does: getFile, then its file_path.
async fn download(api: &BotApiServer, file_id: &str) -> Vec<u8> {
    let http = reqwest::Client::new();
    let file: serde_json::Value = http
        .post(format!("{}bot{TOKEN}/getFile", api.url()))
        .json(&serde_json::json!({ "file_id": file_id }))
        .send()
        .await
        .expect("getFile")
        .json()
        .await
        .expect("JSON");
    let path = file["result"]["file_path"].as_str().expect("a file path");
    http.get(format!("{}file/bot{TOKEN}/{path}", api.url()))
        .send()
        .await
        .expect("download")
        .bytes()
        .await
        .expect("bytes")
        .to_vec()
}

/// The name and text of the document a message carries.
async fn document(rig: &Rig, sent: &Sent) -> (String, String) {
    assert_eq!(sent.method, "sendDocument", "{sent:?}");
    match &sent.document {
        Some(SentFile::Uploaded { name, file_id, .. }) => (
            name.clone(),
            String::from_utf8(download(&rig.api, file_id).await).expect("UTF-8"),
        ),
        other => panic!("not an uploaded file: {other:?}"),
    }
}

/// A meeting's iCalendar file in the chat, from the invitation and from /meetings: the same as
/// `tatwir meeting ics`, a cancelling one once the meeting is cancelled, and only for those invited.
#[tokio::test]
async fn an_invited_member_gets_the_meeting_as_a_calendar_file() {
    let rig = Rig::start(quick()).await;
    let amina = person(1601, "Amina", "fr");
    rig.say(&amina, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let association = rig.amal.association.id.0.to_string();
    let created = rig
        .tatwir(&[FIRST_AID, &["--association", &association, "--json"]].concat())
        .await;
    let id = serde_json::from_str::<serde_json::Value>(&created).expect("JSON")["id"]
        .as_i64()
        .expect("id");
    let invitation = rig.api.wait_sent(amina.id, 3, WAIT).await;
    let calendar = button(&invitation[2], "Ajouter à mon agenda");
    assert!(
        buttons(&invitation[2]).iter().any(|(label, _)| label.contains("Oui")),
        "the answers stay"
    );
    let file = rig.press(&amina, &invitation[2], "Ajouter à mon agenda", 1).await;
    let (name, content) = document(&rig, &file[0]).await;
    assert_eq!(name, format!("tatwir-meeting-{id}.ics"));
    assert!(
        text(&file[0]).contains("Formation premiers secours"),
        "{}",
        text(&file[0])
    );
    assert_first_aid_ics(&content);
    assert!(content.contains("STATUS:CONFIRMED"), "{content}");
    assert_eq!(content, rig.tatwir(&["meeting", "ics", &id.to_string()]).await);
    // The invitation keeps its keyboard: the answer is still to give, on the same message.
    let kept = rig
        .api
        .message(amina.id, invitation[2].message_id)
        .expect("the invitation");
    assert!(
        buttons(&kept).iter().any(|(label, _)| label.contains("Oui")),
        "{:?}",
        kept.reply_markup
    );
    let noted = rig.press(&amina, &kept, "Peut-être", 1).await;
    assert!(text(&noted[0]).contains("/meetings"), "{}", text(&noted[0]));

    // /meetings: the answers in one row, the calendar file in the next.
    let mine = rig.say(&amina, "/meetings", 1).await;
    let rows = mine[0].reply_markup.as_ref().expect("a keyboard")["inline_keyboard"]
        .as_array()
        .expect("rows")
        .clone();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].as_array().map(Vec::len), Some(3), "{rows:?}");
    assert!(
        rows[1][0]["text"].as_str().is_some_and(|label| label.contains(".ics")),
        "{rows:?}"
    );

    // Karim joined after the meeting was made: not invited, and Amina's choice is not his.
    let karim = person(1602, "Karim", "fr");
    rig.say(&karim, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let none = rig.say(&karim, "/meetings", 1).await;
    assert!(text(&none[0]).contains("Aucune réunion à venir"), "{}", text(&none[0]));
    for data in [calendar, button(&mine[0], "Ajouter à mon agenda")] {
        let before = rig.messages_to(karim.id).len();
        rig.api.press(&karim, &TgChat::Private, mine[0].message_id, &data);
        let refused = rig.api.wait_sent(karim.id, before + 1, WAIT).await;
        assert!(
            text(refused.last().expect("reply")).contains("Ce choix n'est pas ou plus valable"),
            "{}",
            text(refused.last().expect("reply"))
        );
    }
    assert!(
        rig.api.sent_to(karim.id).iter().all(|sent| sent.document.is_none()),
        "no file for Karim"
    );

    // Cancelled: the calendar file from the list still on screen now cancels the meeting.
    let before = rig.messages_to(amina.id).len();
    rig.tatwir(&["meeting", "cancel", &id.to_string()]).await;
    let told = rig.api.wait_sent(amina.id, before + 1, WAIT).await;
    assert!(text(told.last().expect("told")).contains("Réunion annulée"));
    let file = rig.press(&amina, &mine[0], "Ajouter à mon agenda", 1).await;
    let (name, content) = document(&rig, &file[0]).await;
    assert_eq!(name, format!("tatwir-meeting-{id}.ics"));
    assert!(
        content.contains("METHOD:CANCEL") && content.contains("STATUS:CANCELLED"),
        "{content}"
    );
}

/// `tatwir group list --json`, once the bot has seen `count` groups.
async fn known_groups(rig: &Rig, count: usize) -> Vec<serde_json::Value> {
    let deadline = Instant::now() + WAIT;
    loop {
        let listed: serde_json::Value =
            serde_json::from_str(&rig.tatwir(&["group", "list", "--json"]).await).expect("JSON");
        let groups = listed.as_array().cloned().unwrap_or_default();
        if groups.len() >= count || Instant::now() > deadline {
            return groups;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `who` presses the button of `on` whose label holds `label` in `chat`; returns the passing
/// notice the press was answered with (answerCallbackQuery's text).
pub(crate) async fn press_in(api: &BotApiServer, who: &TgUser, chat: &TgChat, on: &Sent, label: &str) -> String {
    let before = api.callback_answers().len();
    api.press(who, chat, on.message_id, &button(on, label));
    let deadline = Instant::now() + WAIT;
    loop {
        let answers = api.callback_answers();
        if answers.len() > before {
            return answers[before].1.clone().unwrap_or_default();
        }
        assert!(Instant::now() < deadline, "the press was never answered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_meeting_invites_a_group_chat_where_anyone_answers_and_a_press_from_elsewhere_changes_nothing() {
    use tatwir_core::meeting::{MeetingStore, Rsvp, queue_due_reminders};
    let rig = Rig::start(quick()).await;
    let amina = person(1601, "Amina", "fr");
    let karim = person(1602, "Karim", "fr");
    let salma = person(1603, "Salma", "ar");
    let leila = person(1604, "Leila", "fr");
    let volunteers = TgChat::Supergroup {
        id: -1_006_001,
        title: "Bénévoles Tanger".into(),
    };
    let other = TgChat::Group {
        id: -6002,
        title: "Autre groupe".into(),
    };
    rig.say(&karim, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    // The bot is added to one group, and sees a command in another.
    rig.api.set_bot_in_group(&amina, &volunteers, true);
    rig.api.send_text(&leila, &other, "/help@tatwir_test_bot");
    rig.api.wait_sent(-6002, 1, WAIT).await;
    let groups = known_groups(&rig, 2).await;
    let id_of = |title: &str| {
        groups
            .iter()
            .find(|group| group["title"] == title)
            .and_then(|group| group["id"].as_i64())
            .unwrap_or_else(|| panic!("{title} in {groups:?}"))
    };
    let volunteers_id = id_of("Bénévoles Tanger");
    assert_ne!(id_of("Autre groupe"), volunteers_id);
    assert_eq!(groups[0]["channel"], "telegram", "{groups:?}");
    let listed = rig.tatwir(&["group", "list"]).await;
    assert!(
        listed.contains("Bénévoles Tanger") && listed.contains("telegram"),
        "{listed}"
    );

    let created = rig
        .tatwir(&[
            "meeting",
            "add",
            "--title",
            "Réunion de quartier",
            "--start",
            "2027-04-01T18:00",
            "--group",
            &volunteers_id.to_string(),
            "--json",
        ])
        .await;
    let created: serde_json::Value = serde_json::from_str(&created).expect("JSON");
    assert_eq!(created["invited"], 1, "one group, and nobody privately: {created}");
    let meeting = MeetingId(created["id"].as_i64().expect("id"));
    let posted = rig.api.wait_sent(-1_006_001, 1, WAIT).await;
    let invitation = &posted[0];
    let shown = text(invitation);
    assert!(
        shown.contains("Invitation à une réunion")
            && shown.contains("Réunion de quartier")
            && shown.contains("01/04/2027 18:00 (Africa/Casablanca)"),
        "{shown}"
    );
    let labels: Vec<String> = buttons(invitation).into_iter().map(|(label, _)| label).collect();
    assert_eq!(labels, ["✅ Oui", "❌ Non", "🤔 Peut-être"]);
    // Someone presses an answer in the group; returns the passing notice the press was answered with.
    let press = async |who: &TgUser, label: &str| press_in(&rig.api, who, &volunteers, invitation, label).await;
    let answered = async |who: TgUser, answer: Rsvp| {
        let person = rig.person_id(&who).await;
        rig.store
            .rsvps(meeting)
            .await
            .expect("rsvps")
            .contains(&(person, answer))
    };

    // Two members press; each is answered with a passing notice, not a message to the whole
    // group (a group may get 20 messages a minute), and the buttons stay for the next one.
    let told = press(&karim, "Oui").await;
    assert!(told.contains("Karim : ✅ Oui"), "{told}");
    let told = press(&salma, "Peut-être").await;
    assert!(told.contains("Salma"), "{told}");
    assert_eq!(
        rig.messages_to(-1_006_001).len(),
        1,
        "the group only has the invitation"
    );
    assert!(
        rig.api.sent_to(-1_006_001).iter().all(|sent| !sent.edited),
        "a group's keyboard is not taken away"
    );
    // The same press forged in a group the meeting did not invite changes nothing.
    let before = rig.api.callback_answers().len();
    rig.api.press(&leila, &other, 1, &button(invitation, "Oui"));
    let deadline = Instant::now() + WAIT;
    while rig.api.callback_answers().len() == before {
        assert!(Instant::now() < deadline, "the forged press was never answered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let refused = rig.api.callback_answers()[before].1.clone().unwrap_or_default();
    assert!(refused.contains("plus valable"), "{refused}");
    let karim_id = rig.person_id(&karim).await;
    let salma_id = rig.person_id(&salma).await;
    let mut answers = rig.store.rsvps(meeting).await.expect("rsvps");
    answers.sort_by_key(|(person, _)| person.0);
    assert_eq!(answers, [(karim_id, Rsvp::Yes), (salma_id, Rsvp::Maybe)]);
    // One answer per person: answering again in the group changes it.
    press(&karim, "Non").await;
    assert!(answered(karim.clone(), Rsvp::No).await);
    // Privately, the meeting is among Karim's, with the answer he gave in the group.
    let mine = rig.say(&karim, "/meetings", 1).await;
    assert!(
        text(&mine[0]).contains("Réunion de quartier") && text(&mine[0]).contains("❌ Non"),
        "{}",
        text(&mine[0])
    );

    // The group is reminded once per reminder, whatever the answers.
    let day_before = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 31, 17, 0, 0)
        .single()
        .expect("time");
    assert_eq!(queue_due_reminders(&rig.store, day_before).await.expect("queue"), 1);
    assert_eq!(queue_due_reminders(&rig.store, day_before).await.expect("again"), 0);
    // It waits in the outbox for its time (a simulated day before the meeting).
    let due = rig
        .store
        .claim(Channel::Telegram, Some("-1006001"), "test", day_before, 10)
        .await
        .expect("claim");
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!((due[0].message.kind(), due[0].person), ("reminder", None));
    assert_eq!(
        due[0].occurrence,
        format!("{meeting}/2027-04-01T18:00/24h@{volunteers_id}")
    );
    rig.store.mark_sent(due[0].id, "test", day_before).await.expect("sent");

    // The cancellation is posted in the group, and not in the other one.
    let cancelled = rig.tatwir(&["meeting", "cancel", &meeting.to_string()]).await;
    assert!(cancelled.contains(": 1"), "{cancelled}");
    let news = rig.api.wait_sent(-1_006_001, 2, WAIT).await;
    assert!(
        text(&news[1]).contains("Réunion annulée") && buttons(&news[1]).is_empty(),
        "{}",
        text(&news[1])
    );
    // A press after the cancellation is refused.
    // (Salma reads Arabic: a passing notice is hers alone, so it is in her language.)
    let refused = press(&salma, "Oui").await;
    assert!(refused.contains("غير صالح"), "{refused:?}");
    assert!(answered(salma.clone(), Rsvp::Maybe).await);
    assert_eq!(rig.messages_to(-6002).len(), 1, "nothing posted in a group not invited");

    // Removed from the group, the bot lists it as left and a meeting may not invite it.
    rig.api.set_bot_in_group(&amina, &volunteers, false);
    let deadline = Instant::now() + WAIT;
    while !known_groups(&rig, 2)
        .await
        .iter()
        .any(|g| g["id"] == volunteers_id && g["left"] == true)
    {
        assert!(Instant::now() < deadline, "the group is never marked left");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Issue 12, point 8: receiving does not wait for sending, and one flooding group holds up no
/// one else. At Telegram's own pace (20 messages a minute in a group), 40 `/help` in a group
/// would take two minutes to answer; a person's private `/help` sent after them is answered
/// before the group's third answer (the group's first ones go out in a burst), and the group is
/// answered 20 times in its minute, then told once to slow down, the rest dropped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_group_holds_up_nobody_else_and_is_told_to_slow_down() {
    let rig = Rig::start(Limits::default()).await;
    let youssef = person(2101, "Youssef", "fr");
    let leila = person(2102, "Leila", "fr");
    let group = TgChat::Group {
        id: -7001,
        title: "Salle des fêtes".into(),
    };
    for _ in 0..40 {
        rig.api.send_text(&youssef, &group, "/help@tatwir_test_bot");
    }
    let private = rig.say(&leila, "/help", 1).await;
    assert!(text(&private[0]).contains("/start"), "{}", text(&private[0]));
    let group_answers = rig.messages_to(-7001).len();
    assert!(
        group_answers < 3,
        "the private answer waited for {group_answers} group answers"
    );
    // 20 answers in the minute, then one notice; nothing more however long one waits.
    let answered = rig.api.wait_sent(-7001, 21, Duration::from_secs(120)).await;
    assert!(
        text(&answered[20]).contains("Trop de messages"),
        "{}",
        text(&answered[20])
    );
    // Once every update of the flood is handled (none left in the inbox), nothing more came.
    let deadline = Instant::now() + WAIT;
    while !rig.store.inbox_chats("telegram:4242").await.expect("inbox").is_empty() {
        assert!(Instant::now() < deadline, "the flood was never all handled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        rig.messages_to(-7001).len(),
        21,
        "the flood was answered beyond its limit"
    );
    assert_eq!(rig.api.pending_updates(), 0, "every update was confirmed");
}

/// Issue 13 on Telegram: the quiz that completes the first-aid track, answered with native polls,
/// issues the certificate; the suggested name is pressed; the certificate comes as an uploaded
/// photo (a 1600×1131 PNG) whose caption, in Telegram's HTML and within its 1024 characters,
/// holds the code and the address to verify it. The answer delivered again issues nothing more;
/// anyone verifies the code in a group, and learns when it is revoked.
#[tokio::test]
async fn a_volunteer_earns_a_certificate_as_a_photo_and_anyone_verifies_it_in_a_group() {
    use tatwir_core::certificate::{CertificateFilter, CertificateStore};
    let rig = Rig::start(quick()).await;
    // A name with what HTML must escape: the caption is parsed strictly.
    let amina = person(1701, "Amina <Idrissi> & co", "fr");
    rig.say(&amina, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let amina_id = rig.person_id(&amina).await;
    let (_, title) = all_first_aid_but_the_last(&rig.store, amina_id, chrono::Utc::now()).await;

    let list = rig.say(&amina, "/learn", 1).await;
    let toolbox = rig.press(&amina, &list[0], "Premiers secours", 1).await;
    let mut step = rig.press(&amina, &toolbox[0], &title, 1).await;
    while buttons(last_with_buttons(&step))
        .iter()
        .any(|(label, _)| label.contains("Suite"))
    {
        step = rig.press(&amina, last_with_buttons(&step), "Suite", 1).await;
    }
    let quiz = rig.press(&amina, last_with_buttons(&step), "quiz", 2).await;
    let end = answer_quiz(&rig, &amina, quiz[1].clone(), None).await;
    assert!(all_text(&end).contains("Quiz terminé : 5/5"), "{}", all_text(&end));
    let earned = wait_for_text(&rig, amina.id, "Vous avez obtenu le certificat").await;
    assert!(text(&earned).contains("« Premiers secours »"), "{}", text(&earned));
    let ask = wait_for_text(&rig, amina.id, "Quel nom imprimer").await;
    assert_eq!(
        buttons(&ask)
            .iter()
            .map(|(label, _)| label.as_str())
            .collect::<Vec<_>>(),
        ["✅ Amina <Idrissi> & co"],
        "the channel's name is suggested"
    );
    let held = async || {
        rig.store
            .certificates(CertificateFilter {
                person: Some(amina_id),
                association: None,
            })
            .await
            .expect("certificates")
    };
    assert_eq!(held().await.len(), 1);

    // The last answer delivered again, as after a crash before its offset was stored: refused,
    // nothing issued twice, and the name question still answers.
    let last_poll = rig
        .messages_to(amina.id)
        .into_iter()
        .rev()
        .find_map(|sent| sent.poll)
        .expect("the last question");
    let right = last_poll["correct_option_id"].as_i64().expect("a quiz poll") as i32;
    let before = rig.messages_to(amina.id).len();
    rig.telegram
        .handle_update(poll_answer_update(
            999_001,
            last_poll["id"].as_str().expect("poll id"),
            &amina,
            &[right],
        ))
        .await;
    let replayed = rig.api.wait_sent(amina.id, before + 1, WAIT).await;
    let replayed = all_text(&replayed[before..]);
    assert!(replayed.contains("Ce choix n'est pas ou plus valable"), "{replayed}");
    assert!(!replayed.contains("obtenu le certificat"), "{replayed}");
    assert_eq!(held().await.len(), 1, "one certificate");

    // The suggested name, pressed: noted, then the certificate as a photo.
    let named = rig.press(&amina, &ask, "Amina", 2).await;
    assert!(
        text(&named[0]).contains("« Amina <Idrissi> & co » sera imprimé"),
        "{}",
        text(&named[0])
    );
    let certificate = held().await.remove(0);
    assert_eq!(certificate.holder_name.as_deref(), Some("Amina <Idrissi> & co"));
    let photo = &named[1];
    assert_eq!(photo.method, "sendPhoto", "{photo:?}");
    let Some(SentFile::Uploaded { name, file_id, .. }) = &photo.document else {
        panic!("the picture is uploaded: {:?}", photo.document)
    };
    assert_eq!(*name, format!("tatwir-certificate-{}.png", certificate.code.as_str()));
    let caption = text(photo);
    let verify_url = rig.app.engine().publishing().verify_url(&certificate.code);
    for expected in [
        "🎓 Premiers secours — Amina <Idrissi> & co",
        "valable jusqu'au",
        &format!("Code : {}", certificate.code),
        &format!("Vérifier : {verify_url}"),
    ] {
        assert!(caption.contains(expected), "{expected:?} in {caption:?}");
    }
    // Telegram's HTML, escaped where the name needs it, and within 1024 characters (it counts
    // UTF-16 code units) once parsed.
    assert_eq!(photo.parse_mode.as_deref(), Some("HTML"));
    assert!(
        photo
            .text
            .as_deref()
            .is_some_and(|raw| raw.contains("Amina &lt;Idrissi&gt; &amp; co")),
        "{:?}",
        photo.text
    );
    assert!(caption.encode_utf16().count() <= 1024, "{caption}");
    // The picture itself: a PNG of the certificate's size.
    let bytes = download(&rig.api, file_id).await;
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let decoded = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG that decodes");
    assert_eq!((decoded.info().width, decoded.info().height), (1600, 1131));

    // Someone else, who never joined, verifies the code in a group.
    let karim = person(1702, "Karim", "fr");
    let group = TgChat::Group {
        id: -8001,
        title: "Bénévoles Tanger".into(),
    };
    rig.api
        .send_text(&karim, &group, &format!("/verify {}", certificate.code));
    let verified = rig.api.wait_sent(-8001, 1, WAIT).await;
    let shown = text(&verified[0]);
    assert!(
        shown.contains("✅") && shown.contains("Amina <Idrissi> & co") && shown.contains("Premiers secours"),
        "{shown}"
    );

    // Revoked: /verify says so, and why.
    rig.store
        .revoke_certificate(&certificate.code, "Examen non conforme", chrono::Utc::now())
        .await
        .expect("revoke");
    rig.api.send_text(
        &karim,
        &group,
        &format!("/verify@tatwir_test_bot {}", certificate.code.as_str()),
    );
    let verified = rig.api.wait_sent(-8001, 2, WAIT).await;
    let shown = text(&verified[1]);
    assert!(
        shown.contains("⚠️") && shown.contains("révoqué le") && shown.contains("Examen non conforme"),
        "{shown}"
    );
    assert_eq!(held().await.len(), 1, "still one certificate");
    assert_eq!(
        rig.messages_to(amina.id)
            .iter()
            .filter(|sent| sent.method == "sendPhoto")
            .count(),
        1,
        "one picture sent"
    );
}

/// Issue 13's quality label on Telegram, through the adapter and the loopback Bot API. Karim, a
/// manager who reads Arabic, sends /label and reads the checklist (what is done and what is
/// missing, with the numbers); he presses the button to read the charter, then the one that
/// adopts it on the association's behalf (recorded once, with his name and the date). Once the
/// rest is done, the daily evaluation grants the label and /label shows it with its dates. A
/// manager certificate is revoked: the next evaluation takes the label back, and each manager
/// receives one warning from the outbox, in their language (Karim in Arabic, Fatima in French);
/// /label shows it lost. Amina, a volunteer, is told /label is not for her role.
#[tokio::test]
async fn a_manager_adopts_the_charter_and_is_warned_in_arabic_when_the_label_is_lost() {
    use crate::label::{adoptions, bundled_rules, certify, label_warnings, meeting_between_associations, written_date};
    use tatwir_core::certificate::CertificateStore;
    use tatwir_core::label::{Evaluation, LabelStatus, LabelStore, evaluate_labels};
    use tatwir_core::language::Language;
    use tatwir_core::meeting::MeetingStore;
    use tatwir_core::outbox::OutboxStatus;
    let rig = Rig::start(quick()).await;
    let now = chrono::Utc::now();
    let association = rig.amal.association.id;
    let rules = bundled_rules(&rig.app);
    // Two meetings between associations took place last months, before anyone here used the bot.
    let first_meeting = meeting_between_associations(&rig.store, now, 30).await;
    let second_meeting = meeting_between_associations(&rig.store, now, 60).await;

    // A name with what HTML must escape: every message is parsed strictly.
    let karim = person(1801, "Karim <Bennani> & co", "ar");
    let fatima = person(1802, "Fatima", "fr");
    let amina = person(1803, "Amina", "fr");
    rig.say(&karim, &format!("/start {}", rig.amal.manager_code), 2).await;
    // A manager code serves once: Fatima is given a new one.
    let (_, second) = rig
        .store
        .rotate_manager_codes(association, now)
        .await
        .expect("a new manager code");
    rig.say(&fatima, &format!("/start {}", second.code), 2).await;
    rig.say(&amina, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let (karim_id, fatima_id, amina_id) = (
        rig.person_id(&karim).await,
        rig.person_id(&fatima).await,
        rig.person_id(&amina).await,
    );
    let long = now + chrono::Duration::days(700);
    let karim_certificate = certify(&rig.store, now, karim_id, "manager", long).await;
    certify(&rig.store, now, fatima_id, "manager", long).await;

    // A volunteer has no /label.
    let refused = rig.say(&amina, "/label", 1).await;
    assert_eq!(
        text(&refused[0]),
        "Cette commande n'est pas ouverte à votre rôle. Envoyez /help pour voir ce que vous pouvez faire."
    );
    assert!(buttons(&refused[0]).is_empty());

    // The checklist, in Arabic: the managers' certificates are there, the rest is missing.
    let checklist = rig.say(&karim, "/label", 1).await;
    let shown = text(&checklist[0]);
    for expected in [
        "🏅 علامة الجودة من تطوير — \u{2068}جمعية الأمل\u{2069}",
        "لا علامة بعد.",
        "✅ مسؤولان على الأقل يحملان شهادة «\u{2068}مسؤول(ة) جمعوي(ة)\u{2069}»: 2",
        "❌ 50٪ على الأقل من المتطوعين النشيطين خلال آخر 12 شهرًا يحملون شهادة «\u{2068}متطوع(ة) مُكوَّن(ة)\u{2069}»: 0 من 0 (المطلوب 1)",
        "❌ عضو واحد على الأقل يحمل شهادة «\u{2068}الإسعافات الأولية\u{2069}»: 0",
        "❌ الميثاق الأخلاقي لم يُعتمد بعد",
        "❌ اجتماعان على الأقل بين الجمعيات خلال آخر 12 شهرًا: 0",
        "4 معايير غير مستوفاة.",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert_eq!(checklist[0].parse_mode.as_deref(), Some("HTML"));
    let labels = |sent: &Sent| buttons(sent).into_iter().map(|(label, _)| label).collect::<Vec<_>>();
    assert_eq!(labels(&checklist[0]), ["📜 قراءة الميثاق واعتماده"]);

    // The charter, and the button that adopts it: reading it adopts nothing.
    let charter = rig.press(&karim, &checklist[0], "قراءة الميثاق", 1).await;
    let shown = text(&charter[0]);
    for expected in [
        "الميثاق الأخلاقي للجمعية",
        "6. حماية الأطفال:",
        "باختيار «أعتمد الميثاق» أدناه، تعتمد هذا الميثاق باسم \u{2068}جمعية الأمل\u{2069}؛ ويُسجَّل اسمك والتاريخ.",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert!(shown.encode_utf16().count() <= 4096, "{shown}");
    assert_eq!(
        labels(&charter[0]),
        ["✅ أعتمد الميثاق باسم جمعية الأمل", "↩ العودة إلى العلامة"]
    );
    let pressed = rig
        .api
        .message(karim.id, checklist[0].message_id)
        .expect("the checklist");
    assert!(buttons(&pressed).is_empty(), "the keyboard pressed is retired");
    assert_eq!(
        adoptions(&rig.store).await,
        0,
        "nothing adopted before the confirmation"
    );

    // The store keeps milliseconds.
    let before = chrono::Utc::now() - chrono::Duration::milliseconds(1);
    let adopted = rig.press(&karim, &charter[0], "أعتمد الميثاق", 2).await;
    let after = chrono::Utc::now();
    let adoption = rig
        .store
        .label_state(association, &rules, after)
        .await
        .expect("state")
        .expect("association")
        .checklist
        .adoption
        .expect("the adoption is recorded");
    assert_eq!(
        (adoption.person, adoption.adopted_by.as_str()),
        (Some(karim_id), "Karim <Bennani> & co")
    );
    assert!((before..=after).contains(&adoption.adopted_at), "{adoption:?}");
    assert_eq!(adoptions(&rig.store).await, 1);
    let day = written_date(Language::Ar, adoption.adopted_at);
    assert_eq!(
        text(&adopted[0]),
        format!(
            "✅ اعتُمد الميثاق باسم \u{2068}جمعية الأمل\u{2069}، اعتمده \u{2068}Karim <Bennani> & co\u{2069} في {day}."
        )
    );
    assert!(
        adopted[0]
            .text
            .as_deref()
            .is_some_and(|raw| raw.contains("Karim &lt;Bennani&gt; &amp; co")),
        "{:?}",
        adopted[0].text
    );
    let shown = text(&adopted[1]);
    for expected in [
        format!("✅ الميثاق الأخلاقي اعتمده \u{2068}Karim <Bennani> & co\u{2069} في {day}"),
        "3 معايير غير مستوفاة.".to_owned(),
    ] {
        assert!(shown.contains(&expected), "{expected:?} in:\n{shown}");
    }
    assert_eq!(labels(&adopted[1]), ["📜 قراءة الميثاق"], "adopted once");

    // The rest, done: Amina came to both meetings and holds the volunteer and first-aid
    // certificates.
    for (meeting, occurrence) in [&first_meeting, &second_meeting] {
        rig.store
            .record_attendance(*meeting, occurrence, &[amina_id, fatima_id], now)
            .await
            .expect("attendance");
    }
    certify(&rig.store, now, amina_id, "volunteer", long).await;
    certify(&rig.store, now, amina_id, "first-aid", long).await;
    let ready = text(&rig.say(&karim, "/label", 1).await[0]);
    assert!(
        ready.contains("كل المعايير مستوفاة: ستُمنح العلامة في التقييم اليومي القادم."),
        "{ready}"
    );
    assert!(!ready.contains("❌"), "{ready}");

    // The daily evaluation grants it.
    let granted_at = chrono::Utc::now();
    let granted = evaluate_labels(&rig.store, &rules, granted_at).await.expect("evaluate");
    assert_eq!((granted.granted, granted.lost, granted.warned), (1, 0, 0));
    let until = granted_at
        .checked_add_months(chrono::Months::new(12))
        .expect("a year on");
    let shown = text(&rig.say(&karim, "/label", 1).await[0]);
    assert!(
        shown.contains(&format!(
            "العلامة ممنوحة منذ {}، وصالحة حتى {}.",
            written_date(Language::Ar, granted_at),
            written_date(Language::Ar, until)
        )),
        "{shown}"
    );
    assert!(!shown.contains("❌"), "{shown}");

    // Karim's manager certificate is revoked: the next evaluation takes the label back and
    // warns each manager once, through the outbox, in their language.
    rig.store
        .revoke_certificate(&karim_certificate.code, "attribué par erreur", chrono::Utc::now())
        .await
        .expect("revoke");
    let lost_at = chrono::Utc::now();
    let lost = evaluate_labels(&rig.store, &rules, lost_at).await.expect("evaluate");
    assert_eq!((lost.lost, lost.warned), (1, 2), "{lost:?}");
    let again = evaluate_labels(&rig.store, &rules, chrono::Utc::now())
        .await
        .expect("evaluate");
    assert_eq!(
        again,
        Evaluation {
            associations: 1,
            ..Evaluation::default()
        }
    );
    let warning = wait_for_text(&rig, karim.id, "فقدت").await;
    assert_eq!(
        text(&warning),
        "⚠️ فقدت \u{2068}جمعية الأمل\u{2069} علامة الجودة من تطوير: لم تعد هذه المعايير مستوفاة.\n\
         ❌ مسؤولان على الأقل يحملان شهادة «\u{2068}مسؤول(ة) جمعوي(ة)\u{2069}»: 1\n\n\
         أرسل /label لترى القائمة كاملة وما بقي فعله."
    );
    assert_eq!(warning.parse_mode.as_deref(), Some("HTML"));
    assert!(buttons(&warning).is_empty());
    let warning = wait_for_text(&rig, fatima.id, "a perdu le label").await;
    assert_eq!(
        text(&warning),
        "⚠️ جمعية الأمل a perdu le label qualité Tatwir : ces critères ne sont plus remplis.\n\
         ❌ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 1\n\n\
         Envoyez /label pour voir la liste complète et ce qu'il reste à faire."
    );

    // /label shows it lost.
    let shown = text(&rig.say(&karim, "/label", 1).await[0]);
    for expected in [
        format!(
            "فُقدت العلامة في {}: لم يعد أحد المعايير مستوفى.",
            written_date(Language::Ar, lost_at)
        ),
        "❌ مسؤولان على الأقل يحملان شهادة «\u{2068}مسؤول(ة) جمعوي(ة)\u{2069}»: 1".to_owned(),
        "معيار واحد غير مستوفى.".to_owned(),
    ] {
        assert!(shown.contains(&expected), "{expected:?} in:\n{shown}");
    }
    let status = rig
        .store
        .label_state(association, &rules, chrono::Utc::now())
        .await
        .expect("state")
        .expect("association")
        .status;
    assert!(matches!(status, LabelStatus::Lost { .. }), "{status:?}");

    // One warning each, delivered: none waits in the outbox, and each chat got one.
    assert_eq!(
        label_warnings(&rig.store).await,
        [OutboxStatus::Sent, OutboxStatus::Sent]
    );
    let warnings_to = |user: &TgUser, needle: &str| {
        rig.messages_to(user.id)
            .iter()
            .filter(|sent| text(sent).contains(needle))
            .count()
    };
    assert_eq!(warnings_to(&karim, "فقدت"), 1);
    assert_eq!(warnings_to(&fatima, "a perdu le label"), 1);
    assert_eq!(warnings_to(&amina, "a perdu le label"), 0, "a volunteer is not warned");
}

#[tokio::test]
async fn a_picture_whose_caption_is_over_telegrams_limit_goes_bare_and_its_caption_follows() {
    use tatwir_core::message::{Media, MediaKind, MediaSource, Outgoing, Text};
    let rig = Rig::start(quick()).await;
    let leila = person(1001, "Leila", "fr");
    // She writes first: the bot may only write to people who started it.
    rig.say(&leila, "/help", 1).await;
    let person = rig
        .store
        .person_by_identity(&Identity::new(Channel::Telegram, "1001"))
        .await
        .expect("read")
        .expect("person")
        .id;
    let before = rig.messages_to(leila.id).len();
    // 700 characters, but 1400 UTF-16 units as Telegram counts them: over its 1024.
    let caption = "🎓".repeat(700);
    let (_, card) = tatwir_render::sample_cards().remove(0);
    let picture = Outgoing::Media(Media {
        kind: MediaKind::Image,
        source: MediaSource::Bytes {
            file_name: "card.png".into(),
            mime: "image/png".into(),
            bytes: tatwir_render::png(&card).expect("png"),
        },
        caption: Some(Text::plain(caption.clone())),
    });
    rig.store
        .enqueue(
            &NewOutboxItem {
                message: OutboxMessage::Reply(picture),
                occurrence: "long-caption".into(),
                person,
                channel: Channel::Telegram,
                chat: leila.id.to_string(),
            },
            chrono::Utc::now(),
        )
        .await
        .expect("queue");
    let sent: Vec<Sent> = rig
        .api
        .wait_sent(leila.id, before + 2, WAIT)
        .await
        .into_iter()
        .skip(before)
        .collect();
    assert_eq!(sent[0].method, "sendPhoto", "{sent:?}");
    assert!(
        sent[0].text.as_deref().unwrap_or_default().is_empty(),
        "the photo goes bare"
    );
    assert_eq!(sent[1].method, "sendMessage");
    assert_eq!(
        sent[1].text.as_deref(),
        Some(caption.as_str()),
        "the caption follows, whole"
    );
}

/// Queues `outgoing` for `chat` and waits until the outbox worker has delivered it; fails at once
/// if it was refused.
async fn deliver_to(
    rig: &Rig,
    person: PersonId,
    chat: i64,
    occurrence: &str,
    outgoing: tatwir_core::message::Outgoing,
) {
    use tatwir_core::outbox::OutboxStatus;
    let item = NewOutboxItem {
        message: OutboxMessage::Reply(outgoing),
        occurrence: occurrence.into(),
        person,
        channel: Channel::Telegram,
        chat: chat.to_string(),
    };
    assert!(
        rig.store.enqueue(&item, chrono::Utc::now()).await.expect("queue"),
        "queued"
    );
    let deadline = Instant::now() + WAIT;
    loop {
        let refused = rig
            .store
            .outbox_entries(&[OutboxStatus::Failed, OutboxStatus::Unreachable], 100)
            .await
            .expect("read");
        assert!(refused.is_empty(), "refused: {refused:#?}");
        let pending = rig
            .store
            .outbox_entries(&[OutboxStatus::Pending], 100)
            .await
            .expect("read");
        if pending.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "not delivered: {pending:#?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A vote's count in a group (`Outgoing::Live`): the first version is posted with its buttons,
/// later ones edit that message in place, another key has a message of its own, the same version
/// again is no error, and a message deleted from the group, or a group become a supergroup, gets
/// the next version posted anew.
#[tokio::test]
async fn a_live_message_is_posted_once_then_edited_in_place_in_a_group() {
    use tatwir_core::message::{Choice, Outgoing, Text};
    let rig = Rig::start(quick()).await;
    let salma = person(951, "Salma", "fr");
    rig.say(&salma, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let salma_id = rig.person_id(&salma).await;
    let group = TgChat::Group {
        id: -5101,
        title: "Fédération Tanger".into(),
    };
    rig.api.introduce(&salma, &group);
    let live = |key: &str, voted: u32| Outgoing::Live {
        key: key.into(),
        text: Text::default()
            .then_bold(format!("Vote {key}"))
            .line_break()
            .then_plain(format!("{voted} associations sur 30 ont voté")),
        choices: vec![vec![Choice {
            label: format!("Voter ({key})"),
            data: format!("vote:{key}"),
        }]],
    };
    let mut occurrence = 0;
    let mut deliver = async |chat: i64, outgoing: Outgoing| {
        occurrence += 1;
        deliver_to(&rig, salma_id, chat, &format!("live-{occurrence}"), outgoing).await;
    };
    deliver(-5101, live("budget", 1)).await;
    deliver(-5101, live("bureau", 0)).await;
    deliver(-5101, live("budget", 2)).await;
    deliver(-5101, live("budget", 12)).await;

    // What the group sees: one message per vote, each at its latest version, with its button.
    let posted = rig.messages_to(-5101);
    assert_eq!(posted.len(), 2, "one message per key: {posted:#?}");
    let budget = rig.api.message(-5101, posted[0].message_id).expect("the budget vote");
    assert_eq!(text(&budget), "Vote budget\n12 associations sur 30 ont voté");
    assert_eq!(
        budget.text.as_deref(),
        Some("<b>Vote budget</b>\n12 associations sur 30 ont voté")
    );
    assert_eq!(
        buttons(&budget),
        [("Voter (budget)".to_owned(), "vote:budget".to_owned())]
    );
    assert_eq!(budget.edits, 2);
    let bureau = rig.api.message(-5101, posted[1].message_id).expect("the bureau vote");
    assert_eq!(text(&bureau), "Vote bureau\n0 associations sur 30 ont voté");
    assert_eq!(
        buttons(&bureau),
        [("Voter (bureau)".to_owned(), "vote:bureau".to_owned())]
    );
    assert_eq!(bureau.edits, 0);
    // What the server saw of the budget vote: one send and two edits.
    let calls: Vec<(String, bool)> = rig
        .api
        .sent_to(-5101)
        .into_iter()
        .filter(|sent| sent.message_id == posted[0].message_id)
        .map(|sent| (sent.method, sent.edited))
        .collect();
    assert_eq!(
        calls,
        [
            ("sendMessage".to_owned(), false),
            ("editMessageText".to_owned(), true),
            ("editMessageText".to_owned(), true)
        ]
    );

    // The same version again: Telegram answers "message is not modified", which is no failure
    // (deliver_to fails on a refused item), and nothing changes.
    deliver(-5101, live("budget", 12)).await;
    assert_eq!(rig.api.stats().per_method.get("editMessageText"), Some(&3));
    assert_eq!(rig.api.stats().edits, 2);
    assert_eq!(rig.messages_to(-5101).len(), 2);
    assert_eq!(
        text(&rig.api.message(-5101, posted[0].message_id).expect("kept")),
        "Vote budget\n12 associations sur 30 ont voté"
    );

    // Someone deletes the message: the next version is posted anew, and edited after that.
    assert!(rig.api.delete_message(-5101, posted[0].message_id));
    deliver(-5101, live("budget", 13)).await;
    let posted = rig.messages_to(-5101);
    assert_eq!(posted.len(), 3, "{posted:#?}");
    assert_eq!(text(&posted[2]), "Vote budget\n13 associations sur 30 ont voté");
    deliver(-5101, live("budget", 14)).await;
    assert_eq!(rig.messages_to(-5101).len(), 3);
    let again = rig.api.message(-5101, posted[2].message_id).expect("the new post");
    assert_eq!(text(&again), "Vote budget\n14 associations sur 30 ont voté");
    assert_eq!(
        buttons(&again),
        [("Voter (budget)".to_owned(), "vote:budget".to_owned())]
    );

    // The group becomes a supergroup: its messages there are new ones, so the vote is posted
    // there anew and then edited there.
    rig.api.migrate_group(-5101, -1005101);
    deliver(-5101, live("budget", 15)).await;
    let moved = rig.messages_to(-1005101);
    assert_eq!(moved.len(), 1, "{moved:#?}");
    assert_eq!(text(&moved[0]), "Vote budget\n15 associations sur 30 ont voté");
    deliver(-5101, live("budget", 16)).await;
    assert_eq!(rig.messages_to(-1005101).len(), 1);
    let state = rig
        .api
        .message(-1005101, moved[0].message_id)
        .expect("the supergroup's post");
    assert_eq!(text(&state), "Vote budget\n16 associations sur 30 ont voté");
    assert_eq!(state.edits, 1);
}

/// A live message too long for one Telegram message goes out in parts; the last one carries the
/// buttons, and it is the one later versions edit.
#[tokio::test]
async fn a_long_live_message_edits_its_last_part() {
    use tatwir_core::message::{Choice, Outgoing, Text};
    let rig = Rig::start(quick()).await;
    let salma = person(952, "Salma", "fr");
    rig.say(&salma, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let salma_id = rig.person_id(&salma).await;
    let group = TgChat::Group {
        id: -5102,
        title: "Fédération Tétouan".into(),
    };
    rig.api.introduce(&salma, &group);
    let names: String = (1..=400).map(|n| format!("Association numéro {n}\n")).collect();
    let live = |voted: u32| Outgoing::Live {
        key: "budget".into(),
        text: Text::plain(format!("{names}{voted} sur 400 ont voté")),
        choices: vec![vec![Choice {
            label: "Voter".into(),
            data: "vote:budget".into(),
        }]],
    };
    deliver_to(&rig, salma_id, -5102, "long-1", live(1)).await;
    let parts = rig.messages_to(-5102);
    assert!(parts.len() > 1, "{} parts", parts.len());
    let last = parts.last().expect("parts");
    assert!(text(last).ends_with("1 sur 400 ont voté"), "{}", text(last));
    assert!(parts[..parts.len() - 1].iter().all(|part| buttons(part).is_empty()));
    deliver_to(&rig, salma_id, -5102, "long-2", live(2)).await;
    assert_eq!(rig.messages_to(-5102).len(), parts.len(), "no part posted again");
    let edited = rig.api.message(-5102, last.message_id).expect("the last part");
    assert!(text(&edited).ends_with("2 sur 400 ont voté"), "{}", text(&edited));
    assert_eq!(buttons(&edited), [("Voter".to_owned(), "vote:budget".to_owned())]);
    assert_eq!(edited.edits, 1);
}

/// Waits until message `id` of `chat` reads `needle`, edited; returns it.
async fn wait_for_edit(api: &BotApiServer, chat: i64, id: i64, needle: &str) -> Sent {
    let deadline = Instant::now() + WAIT;
    loop {
        let message = api.message(chat, id).expect("the message");
        if message.edits > 0 && text(&message).contains(needle) {
            return message;
        }
        assert!(
            Instant::now() < deadline,
            "never edited to {needle:?}: {}",
            text(&message)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Issue 14 on Telegram, through the adapter and the loopback Bot API, on a fake clock: a vote of
/// three associations is posted in their group with a button per option; each delegate presses
/// in the group and is answered alone (the press's passing notice), a volunteer is told alone who
/// votes for his association, and nothing is posted in the group; at the end of each 15-second
/// slot the group's ballot is edited (never posted again) with how many have voted; at the
/// deadline the ballot is edited to closed without buttons and the result posted once; the group
/// never gets more than 20 messages in a minute.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delegates_vote_on_the_groups_ballot_which_is_edited_with_the_count() {
    use tatwir_core::campaign::CampaignStore;
    use tatwir_core::clock::Clock;
    use tatwir_core::outbox::OutboxStatus;
    let clock = tatwir_testkit::FakeClock::at(chrono::Utc::now());
    let rig = Rig::start_with_clock(quick(), clock.clone()).await;
    // As Telegram does: a 21st message in a group's minute would be refused.
    rig.api.set_group_rate_cap(Some(20));
    let now = clock.now();
    let mut associations = vec![rig.amal.clone()];
    for name in ["Association Nour", "Association Atlas"] {
        let draft = AssociationDraft::new(name, "Tanger").expect("draft");
        associations.push(rig.store.create_association(&draft, now).await.expect("association"));
    }
    let (fatima, karim, said, omar) = (
        person(2301, "Fatima", "fr"),
        person(2302, "Karim", "fr"),
        person(2303, "Said", "fr"),
        person(2304, "Omar", "fr"),
    );
    for (user, association) in [(&fatima, 0), (&karim, 1), (&said, 2), (&omar, 0)] {
        rig.say(user, &format!("/start {}", associations[association].volunteer_code), 2)
            .await;
        if user.id != omar.id {
            let delegate = rig.person_id(user).await;
            rig.store
                .name_delegate(associations[association].association.id, delegate, now)
                .await
                .expect("delegate");
        }
    }
    let coalition = TgChat::Group {
        id: -5301,
        title: "Coalition Tanger".into(),
    };
    rig.api.set_bot_in_group(&fatima, &coalition, true);
    let group = tatwir_core::group::GroupChatId(known_groups(&rig, 1).await[0]["id"].as_i64().expect("id"));
    let vote = tatwir::cli::bench::open_coalition_vote(
        &rig.store,
        associations.iter().map(|a| a.association.id).collect(),
        vec![group],
        now,
        now + chrono::Duration::days(2),
    )
    .await
    .expect("vote");

    // The ballot, with one button per option, each carrying the vote and the option.
    let ballot = rig.api.wait_sent(-5301, 1, WAIT).await[0].clone();
    let shown = text(&ballot);
    assert!(
        shown.contains("Soutenez-vous la position ?") && shown.contains("0 association a voté sur 3"),
        "{shown}"
    );
    let v = vote.id.0;
    assert_eq!(
        buttons(&ballot),
        [
            ("Pour".to_owned(), format!("V{v}.0")),
            ("Contre".to_owned(), format!("V{v}.1")),
            ("Abstention".to_owned(), format!("V{v}.2"))
        ]
    );

    // Two delegates press; each is answered alone. Omar, no delegate, is told who votes.
    let told = press_in(&rig.api, &fatima, &coalition, &ballot, "Pour").await;
    assert_eq!(told, "Vote enregistré pour جمعية الأمل : Pour.");
    let told = press_in(&rig.api, &karim, &coalition, &ballot, "Contre").await;
    assert_eq!(told, "Vote enregistré pour Association Nour : Contre.");
    let told = press_in(&rig.api, &omar, &coalition, &ballot, "Pour").await;
    assert!(
        told.contains("Vous ne votez pas pour جمعية الأمل") && told.contains("Fatima"),
        "{told}"
    );
    assert_eq!(rig.messages_to(-5301).len(), 1, "nothing posted in the group");
    let unchanged = rig.api.message(-5301, ballot.message_id).expect("the ballot");
    assert_eq!(unchanged.edits, 0, "the count waits for the end of its 15 seconds");

    // The slot ends: the ballot is edited in place with the count, the buttons kept.
    clock.advance(chrono::Duration::seconds(15));
    let edited = wait_for_edit(&rig.api, -5301, ballot.message_id, "2 associations ont voté sur 3").await;
    assert_eq!(buttons(&edited), buttons(&ballot));
    assert!(
        !text(&edited).contains("Pour :"),
        "the counts stay hidden until the close"
    );
    let told = press_in(&rig.api, &said, &coalition, &ballot, "Abstention").await;
    assert_eq!(told, "Vote enregistré pour Association Atlas : Abstention.");
    clock.advance(chrono::Duration::seconds(15));
    wait_for_edit(&rig.api, -5301, ballot.message_id, "3 associations ont voté sur 3").await;
    assert_eq!(
        rig.messages_to(-5301).len(),
        1,
        "the ballot is edited, not posted again"
    );
    let count = rig.store.vote_count(vote.id).await.expect("count");
    assert_eq!((count.voted.len(), count.counts), (3, vec![1, 1, 1]));

    // The deadline: the ballot is edited to closed, without buttons, and the result posted once.
    clock.set(vote.deadline);
    let settled = tatwir_core::engine::campaign::settle_due(&rig.store, clock.now())
        .await
        .expect("settle");
    assert_eq!(settled.0, 1);
    let posted = rig.api.wait_sent(-5301, 2, WAIT).await;
    let result = text(&posted[1]);
    for expected in [
        "Résultat",
        "Pour : 1",
        "Contre : 1",
        "Abstention : 1",
        "3 associations ont voté sur 3",
        "Égalité (Pour, Contre)",
    ] {
        assert!(result.contains(expected), "{expected:?} in {result}");
    }
    let closed = wait_for_edit(&rig.api, -5301, ballot.message_id, "Le vote est clos.").await;
    assert!(buttons(&closed).is_empty(), "{:?}", buttons(&closed));
    // A press on the old ballot is refused.
    let late = press_in(&rig.api, &karim, &coalition, &ballot, "Pour").await;
    assert!(late.contains("Ce vote est clos"), "{late}");
    let deadline = Instant::now() + WAIT;
    while !rig
        .store
        .outbox_entries(&[OutboxStatus::Pending], 100)
        .await
        .expect("read")
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the outbox never emptied");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(rig.messages_to(-5301).len(), 2, "the ballot and the result, once each");
    assert!(rig.api.most_in_a_minute(-5301) <= 20);
    assert_eq!(rig.api.stats().too_many_requests, 0);
}

/// The vote benchmark's correctness on a small run, with more delegates than a group's 20
/// updates a minute (its times are what it prints, not a test): every press counts, the
/// ballot is edited rather than posted again, the result reaches the group and every manager.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_vote_benchmark_counts_every_delegate_and_repeats_nothing() {
    let report = tatwir::cli::bench::bench_vote(30).await.expect("bench");
    assert_eq!((report.lost, report.duplicates), (0, 0), "{report}");
    assert!(report.max_group_per_minute <= 20, "{report}");
    assert!(report.group_edits >= 2, "{report}");
}

#[tokio::test]
async fn each_step_picture_is_uploaded_once_then_sent_by_its_file_id() {
    let rig = Rig::start(quick()).await;
    let amina = person(611, "Amina", "fr");
    rig.say(&amina, &format!("/start {}", rig.amal.volunteer_code), 2).await;
    let open = || {
        let rig = &rig;
        let amina = &amina;
        async move {
            let list = rig.say(amina, "/learn", 1).await;
            let toolbox = rig.press(amina, &list[0], "Premiers secours", 1).await;
            let first = rig.press(amina, &toolbox[0], "Étouffement chez l'adulte", 2).await;
            assert_eq!(first[0].method, "sendPhoto", "{:?}", first[0]);
            let second = rig.press(amina, last_with_buttons(&first), "Suite", 2).await;
            assert_eq!(second[0].method, "sendPhoto", "{:?}", second[0]);
            (first, second)
        }
    };
    let (first, second) = open().await;
    assert!(
        matches!(&first[0].document, Some(SentFile::Uploaded { name, .. }) if name == "back-blows.png"),
        "{:?}",
        first[0].document
    );
    assert!(
        matches!(&second[0].document, Some(SentFile::Uploaded { name, .. }) if name == "abdominal-thrusts.png"),
        "{:?}",
        second[0].document
    );
    let (first, second) = open().await;
    assert!(
        matches!(first[0].document, Some(SentFile::ById(_))),
        "{:?}",
        first[0].document
    );
    assert!(
        matches!(second[0].document, Some(SentFile::ById(_))),
        "{:?}",
        second[0].document
    );
}
