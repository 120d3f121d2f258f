//! The real Matrix adapter against the Synapse that tests/run starts: a volunteer played by a
//! matrix-sdk client invites the bot, joins an association, takes a lesson, answers a quiz with
//! a poll response and with typed numbers, and reads their progress; in an unencrypted and in an
//! encrypted room; and the bot restarts in the middle without a new device, a replay or a loss;
//! a certificate earned, received as an m.image and verified by someone else in a group room.

use crate::backends::{RunTatwir, TestDb};
use crate::calendar::{FIRST_AID, assert_first_aid_ics};
use crate::certification::all_first_aid_but_the_last;
use crate::harness::TestApp;
use crate::learning::{bundled, right_options};
use crate::synapse::{Synapse, unique};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::Room;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoom, RoomPreset};
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::events::poll::unstable_response::UnstablePollResponseEventContent;
use matrix_sdk::ruma::events::poll::unstable_start::OriginalSyncUnstablePollStartEvent;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::message::{
    FileMessageEventContent, ImageMessageEventContent, MessageType, OriginalSyncRoomMessageEvent,
    RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, UserId};
use matrix_sdk::{Client, RoomState};
use std::path::Path;
use std::time::{Duration, Instant};
use tatwir_core::association::{AssociationDraft, NewAssociation};
use tatwir_core::clock::SystemClock;
use tatwir_core::learning::LearningStore;
use tatwir_core::store::Store;
use tatwir_matrix::{Matrix, MatrixConfig};
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio_util::task::AbortOnDropHandle;

const WAIT: Duration = Duration::from_secs(60);
const PASSWORD: &str = "correct horse battery staple";

/// What the volunteer's client saw the bot send.
#[derive(Clone, Debug)]
enum Seen {
    /// A text, with its event (a reply names it) and its room.
    Text(String, OwnedEventId, OwnedRoomId),
    Poll {
        id: OwnedEventId,
        question: String,
    },
    /// An m.file, with its caption; [`Volunteer::download`] fetches it.
    File(Box<FileMessageEventContent>),
    /// An m.image, with its caption; [`Volunteer::download`] fetches it.
    Image(Box<ImageMessageEventContent>),
}

struct Bot {
    config: MatrixConfig,
    url: DatabaseUrl,
    app: Option<TestApp>,
    task: Option<AbortOnDropHandle<()>>,
    device: String,
}

impl Bot {
    async fn start(synapse: &Synapse, db: &TestDb, dir: &Path) -> Bot {
        let localpart = unique("tatwir-bot");
        let user = synapse.register(&localpart, PASSWORD, false).await;
        let config = MatrixConfig {
            homeserver: synapse.url.clone(),
            user,
            password: Some(PASSWORD.into()),
            access_token: None,
            allowed_servers: Vec::new(),
            store_dir: dir.join("matrix"),
            messages_per_second: 20.0,
        };
        let mut bot = Bot {
            config,
            url: db.url.clone(),
            app: None,
            task: None,
            device: String::new(),
        };
        bot.run().await;
        bot
    }

    /// Starts (or starts again) the app, and the adapter on it as `tatwir serve` does.
    async fn run(&mut self) {
        let app = TestApp::start(&self.url, SystemClock).await;
        let matrix = Matrix::connect(self.config.clone(), app.engine().clone(), app.store().clone())
            .await
            .expect("connect");
        self.app = Some(app);
        self.device = matrix.device_id().unwrap_or_default();
        self.task = Some(AbortOnDropHandle::new(tokio::spawn(matrix.run())));
    }

    fn stop(&mut self) {
        self.task = None;
        self.app = None;
    }

    fn user_id(&self) -> OwnedUserId {
        UserId::parse(&self.config.user).expect("user id")
    }
}

struct Volunteer {
    client: Client,
    room: Room,
    seen: UnboundedReceiver<Seen>,
    _sync: AbortOnDropHandle<()>,
}

impl Volunteer {
    async fn new(synapse: &Synapse, bot: &OwnedUserId, encrypted: bool, dir: &Path) -> Volunteer {
        Volunteer::named(synapse, bot, encrypted, dir, None).await
    }

    /// A volunteer whose client shows `name` (else their user name), with a direct room with
    /// the bot; the client keeps its data in `dir`, one folder per volunteer.
    async fn named(synapse: &Synapse, bot: &OwnedUserId, encrypted: bool, dir: &Path, name: Option<&str>) -> Volunteer {
        let localpart = unique("volunteer");
        synapse.register(&localpart, PASSWORD, false).await;
        let client = Client::builder()
            .homeserver_url(synapse.url.as_str())
            .sqlite_store(dir.join("volunteer"), None)
            .build()
            .await
            .expect("client");
        client
            .matrix_auth()
            .login_username(&localpart, PASSWORD)
            .send()
            .await
            .expect("login");
        if let Some(name) = name {
            // Before the room exists, so that the bot sees the name in the volunteer's membership.
            client
                .account()
                .set_display_name(Some(name))
                .await
                .expect("display name");
        }
        let (tx, seen) = unbounded_channel();
        let from = bot.clone();
        let texts = tx.clone();
        client.add_event_handler(move |event: OriginalSyncRoomMessageEvent, room: Room| {
            let (from, texts) = (from.clone(), texts.clone());
            async move {
                if event.sender != from {
                    return;
                }
                match &event.content.msgtype {
                    MessageType::Text(text) => {
                        let _ = texts.send(Seen::Text(
                            text.body.clone(),
                            event.event_id.clone(),
                            room.room_id().to_owned(),
                        ));
                    }
                    MessageType::File(file) => {
                        let _ = texts.send(Seen::File(Box::new(file.clone())));
                    }
                    MessageType::Image(image) => {
                        let _ = texts.send(Seen::Image(Box::new(image.clone())));
                    }
                    _ => {}
                }
            }
        });
        let from = bot.clone();
        client.add_event_handler(move |event: OriginalSyncUnstablePollStartEvent| {
            let (from, polls) = (from.clone(), tx.clone());
            async move {
                if event.sender == from {
                    let question = event.content.poll_start().question.text.clone();
                    let _ = polls.send(Seen::Poll {
                        id: event.event_id.clone(),
                        question,
                    });
                }
            }
        });
        client.sync_once(SyncSettings::default()).await.expect("first sync");
        let sync = {
            let client = client.clone();
            AbortOnDropHandle::new(tokio::spawn(async move {
                // `sync` ends at the first failed request (a keep-alive connection the
                // homeserver closed, a slow answer under load); a real client syncs again, from
                // the token it kept, so nothing is missed.
                loop {
                    if let Err(error) = client.sync(SyncSettings::default()).await {
                        eprintln!("the volunteer's sync failed ({error}); syncing again");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            }))
        };
        let mut request = CreateRoom::new();
        request.invite = vec![bot.clone()];
        request.is_direct = true;
        request.preset = Some(RoomPreset::TrustedPrivateChat);
        if encrypted {
            request.initial_state = vec![
                InitialStateEvent::with_empty_state_key(RoomEncryptionEventContent::with_recommended_defaults())
                    .to_raw_any(),
            ];
        }
        let room = client.create_room(request).await.expect("create the room");
        // The bot accepts the invite.
        let deadline = Instant::now() + WAIT;
        loop {
            let joined = room.get_member(bot).await.ok().flatten().is_some_and(|member| {
                *member.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
            });
            if joined {
                break;
            }
            assert!(Instant::now() < deadline, "the bot never joined");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert_eq!(room.state(), RoomState::Joined);
        assert_eq!(
            room.latest_encryption_state().await.expect("state").is_encrypted(),
            encrypted
        );
        Volunteer {
            client,
            room,
            seen,
            _sync: sync,
        }
    }

    async fn say(&self, text: &str) {
        self.room
            .send(RoomMessageEventContent::text_plain(text))
            .await
            .expect("send");
    }

    /// Joins an association with its code, in French; returns what the bot said meanwhile.
    async fn join(&mut self, code: &impl std::fmt::Display) -> Vec<Seen> {
        self.say(&format!("!start {code}")).await;
        self.expect("Choisissez votre langue").await;
        self.say("1").await;
        self.expect("Vous avez rejoint").await
    }

    /// Waits until the bot has said something containing `needle`; returns all it said meanwhile.
    async fn expect(&mut self, needle: &str) -> Vec<Seen> {
        match self.try_expect(needle).await {
            Ok(seen) => seen,
            Err(seen) => panic!("the bot never said {needle:?}; it said {seen:#?}"),
        }
    }

    /// Like [`Volunteer::expect`], returning what was seen instead of failing, so that a test can
    /// say more of what happened.
    async fn try_expect(&mut self, needle: &str) -> Result<Vec<Seen>, Vec<Seen>> {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.seen.recv()).await {
                Ok(Some(message)) => {
                    let found = match &message {
                        Seen::Text(text, _, _) => text.contains(needle),
                        Seen::Poll { question, .. } => question.contains(needle),
                        Seen::File(file) => file.filename().contains(needle),
                        Seen::Image(image) => image.body.contains(needle),
                    };
                    seen.push(message);
                    if found {
                        return Ok(seen);
                    }
                }
                _ => return Err(seen),
            }
        }
    }

    /// Waits until the bot has said something containing `needle`, which must have come in the
    /// volunteer's private room with the bot; returns it.
    async fn said_privately(&mut self, needle: &str) -> String {
        let seen = self.expect(needle).await;
        let Some(Seen::Text(text, _, room)) = seen.last().cloned() else {
            panic!("a text: {seen:?}");
        };
        assert_eq!(room, self.room.room_id(), "{text:?} came in another room");
        text
    }

    /// The content of a file or picture the bot sent (decrypted in an encrypted room).
    async fn download(&self, file: &impl matrix_sdk::media::MediaEventContent) -> Vec<u8> {
        self.client
            .media()
            .get_file(file, false)
            .await
            .expect("download")
            .expect("a file")
    }
}

async fn has_joined(room: &Room, user: &UserId) -> bool {
    use matrix_sdk::ruma::events::room::member::MembershipState;
    room.get_member(user)
        .await
        .ok()
        .flatten()
        .is_some_and(|member| *member.membership() == MembershipState::Join)
}

/// The number before `label` in what the bot said last with it ("3. Premiers secours" gives "3").
fn number_of(seen: &[Seen], label: &str) -> String {
    seen.iter()
        .rev()
        .filter_map(|message| match message {
            Seen::Text(text, _, _) => Some(text),
            _ => None,
        })
        .flat_map(|text| text.lines())
        .find_map(|line| {
            let (number, rest) = line.trim().split_once(". ")?;
            (rest.contains(label) && number.chars().all(|c| c.is_ascii_digit())).then(|| number.to_owned())
        })
        .unwrap_or_else(|| panic!("no numbered choice {label:?} in {seen:#?}"))
}

/// The last text the bot said.
fn last_text(seen: &[Seen]) -> String {
    seen.iter()
        .rev()
        .find_map(|message| match message {
            Seen::Text(text, _, _) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no text in {seen:#?}"))
}

/// The last question the bot asked as a poll: its event and its text.
fn last_question(seen: &[Seen]) -> (OwnedEventId, String) {
    seen.iter()
        .rev()
        .find_map(|message| match message {
            Seen::Poll { id, question } => Some((id.clone(), question.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no question in {seen:#?}"))
}

/// A group room `name` that `creator` makes, inviting `other` and the bot, once the bot has joined
/// it and answered `!help` there (so that its client knows it has joined, and it knows the room as
/// a group).
async fn group_room(creator: &mut Volunteer, other: &str, bot: &OwnedUserId, name: &str) -> Room {
    let mut request = CreateRoom::new();
    request.invite = vec![UserId::parse(other).expect("id"), bot.clone()];
    request.preset = Some(RoomPreset::PrivateChat);
    request.name = Some(name.to_owned());
    let group = creator.client.create_room(request).await.expect("group room");
    let deadline = Instant::now() + WAIT;
    while !has_joined(&group, bot).await {
        assert!(Instant::now() < deadline, "the bot never joined the group");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    group
        .send(RoomMessageEventContent::text_plain("!help"))
        .await
        .expect("send");
    creator.expect("!start").await;
    group
}

/// The bot's messages in `room` whose body holds `needle`, edits included, oldest first: the
/// room's timeline as the homeserver gives it to a member's client.
/// `text` sent as a reply to `event` (how a number answers a vote's ballot in a room).
fn reply_to(event: &OwnedEventId, text: &str) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::text_plain(text);
    let event = event.clone();
    content.relates_to = Some(matrix_sdk::ruma::events::room::message::Relation::Reply(
        matrix_sdk::ruma::events::relation::Reply::with_event_id(event),
    ));
    content
}

async fn bot_messages(room: &Room, bot: &UserId, needle: &str) -> Vec<serde_json::Value> {
    let mut options = matrix_sdk::room::MessagesOptions::backward();
    options.limit = matrix_sdk::ruma::UInt::from(100u32);
    let timeline = room.messages(options).await.expect("the room's messages");
    let mut messages: Vec<serde_json::Value> = timeline
        .chunk
        .iter()
        .map(|event| serde_json::from_str::<serde_json::Value>(event.raw().json().get()).expect("JSON"))
        .filter(|event| event["type"] == "m.room.message" && event["sender"] == bot.as_str())
        .filter(|event| event["content"]["body"].as_str().unwrap_or_default().contains(needle))
        .collect();
    messages.reverse();
    messages
}

/// The Synapse of the run, a database with one association (the app imports the bundled pack
/// when it starts), a folder.
async fn fixture() -> (Synapse, TestDb, SqlStore, NewAssociation, tempfile::TempDir) {
    let synapse = Synapse::from_env();
    let db = TestDb::sqlite();
    let store = db.store().await;
    let draft = AssociationDraft::new("Association Amal", "Tanger").expect("draft");
    let amal = store
        .create_association(&draft, chrono::Utc::now())
        .await
        .expect("association");
    (synapse, db, store, amal, tempfile::tempdir().expect("temporary folder"))
}

async fn a_volunteer_learns_over_matrix(encrypted: bool) {
    let (synapse, db, store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::new(&synapse, &bot.user_id(), encrypted, dir.path()).await;

    let joined = volunteer.join(&amal.volunteer_code).await;
    assert!(format!("{joined:?}").contains("Association Amal"));
    volunteer.say("!learn").await;
    volunteer.expect("Vos boîtes à outils").await;
    volunteer.say("2").await;
    volunteer.expect("Le lavage des mains").await;
    volunteer.say("1").await;
    volunteer.expect("Le lavage des mains · 1/3").await;

    // The bot restarts in the middle of the lesson: same device, nothing replayed.
    let device = bot.device.clone();
    bot.stop();
    bot.run().await;
    assert_eq!(bot.device, device, "a restart does not make a new device");
    // Nothing is replayed: the next answer is the first thing the bot says (a replay would have
    // come before it, events being handled in order).
    volunteer.say("1").await;
    let next = volunteer.expect("Le lavage des mains · 2/3").await;
    assert_eq!(next.len(), 1, "something was replayed after the restart: {next:#?}");
    volunteer.say("1").await;
    volunteer.expect("Le lavage des mains · 3/3").await;
    volunteer.say("1").await;
    let quiz = volunteer.expect("(1/4)").await;
    // The first question answered with a poll response (the right option is the second).
    let (poll, _) = last_question(&quiz);
    volunteer
        .room
        .send(UnstablePollResponseEventContent::new(vec!["1".into()], poll))
        .await
        .expect("poll response");
    volunteer.expect("Bonne réponse").await;
    volunteer.expect("(2/4)").await;
    // The others by typing numbers, as clients without polls do.
    volunteer.say("1").await;
    volunteer.expect("(3/4)").await;
    volunteer.say("1,2,3,5").await;
    volunteer.expect("(4/4)").await;
    volunteer.say("3").await;
    volunteer.expect("Quiz terminé : 4/4 (100 %).").await;
    volunteer.say("!progress").await;
    volunteer.expect("Hygiène : 1/5 leçons · score 100 %").await;
    let person = store
        .person_by_identity(&tatwir_core::person::Identity::new(
            tatwir_core::person::Channel::Matrix,
            volunteer.client.user_id().expect("user").as_str(),
        ))
        .await
        .expect("read")
        .expect("person");
    assert_eq!(
        store.attempts(person.id).await.expect("attempts").len(),
        4,
        "each answer once"
    );
    bot.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_learns_in_an_unencrypted_room() {
    a_volunteer_learns_over_matrix(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_learns_in_an_encrypted_room() {
    a_volunteer_learns_over_matrix(true).await;
}

/// A group room: what was said before the bot came is not for it, chatter is ignored, commands
/// are answered, and lessons are sent to a direct room.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_room_gets_commands_only_and_nothing_from_before_the_bot_joined() {
    let (synapse, db, _store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::new(&synapse, &bot.user_id(), false, dir.path()).await;
    volunteer.join(&amal.volunteer_code).await;
    volunteer.expect("Ce que vous pouvez faire").await;
    // A second person makes the room a group... created by the volunteer, with the bot invited
    // only after a command was already sent.
    let friend = unique("friend");
    let friend_id = synapse.register(&friend, PASSWORD, false).await;
    let mut request = CreateRoom::new();
    request.invite = vec![UserId::parse(&friend_id).expect("id")];
    request.preset = Some(RoomPreset::PrivateChat);
    let group = volunteer.client.create_room(request).await.expect("group room");
    group
        .send(RoomMessageEventContent::text_plain("!help"))
        .await
        .expect("send");
    tokio::time::sleep(Duration::from_millis(300)).await;
    group.invite_user_by_id(&bot.user_id()).await.expect("invite the bot");
    let deadline = Instant::now() + WAIT;
    while !has_joined(&group, &bot.user_id()).await {
        assert!(Instant::now() < deadline, "the bot never joined the group");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    group
        .send(RoomMessageEventContent::text_plain("bonjour à tous"))
        .await
        .expect("send");
    group
        .send(RoomMessageEventContent::text_plain("!learn"))
        .await
        .expect("send");
    // The first thing the bot says: the !help from before it joined and the chatter got nothing
    // (they came first, and a room's events are handled in order).
    let answer = volunteer.expect("https://matrix.to/#/").await;
    assert_eq!(answer.len(), 1, "the bot answered more than !learn: {answer:#?}");
    assert!(format!("{answer:?}").contains(bot.user_id().as_str()), "{answer:?}");
    bot.stop();
}

/// A meeting's invitation reaches a member in an encrypted room; its calendar choice, typed by
/// number, brings an m.file with the meeting's iCalendar.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_member_gets_the_meeting_as_a_calendar_file() {
    let (synapse, db, _store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::new(&synapse, &bot.user_id(), true, dir.path()).await;
    volunteer.join(&amal.volunteer_code).await;
    let association = amal.association.id.0.to_string();
    let created = db
        .tatwir(&[FIRST_AID, &["--association", &association, "--json"]].concat())
        .await;
    let id = serde_json::from_str::<serde_json::Value>(&created).expect("JSON")["id"]
        .as_i64()
        .expect("id");
    let invitation = volunteer.expect("Invitation à une réunion").await;
    assert!(
        format!("{invitation:?}").contains("4. 📅 Ajouter à mon agenda (.ics)"),
        "{invitation:?}"
    );
    volunteer.say("4").await;
    let name = format!("tatwir-meeting-{id}.ics");
    let seen = volunteer.expect(&name).await;
    let Some(Seen::File(file)) = seen.last() else {
        panic!("no file: {seen:?}")
    };
    assert_eq!(
        file.info.as_ref().and_then(|info| info.mimetype.as_deref()),
        Some("text/calendar")
    );
    assert!(
        file.caption()
            .is_some_and(|caption| caption.contains("Formation premiers secours")),
        "{file:?}"
    );
    assert!(
        matches!(file.source, matrix_sdk::ruma::events::room::MediaSource::Encrypted(_)),
        "encrypted in an encrypted room"
    );
    let content = String::from_utf8(volunteer.download(file.as_ref()).await).expect("UTF-8");
    assert_first_aid_ics(&content);
    bot.stop();
}

/// A meeting that invites a group room: the invitation is posted there once, a member answers by
/// typing the answer's number in the room, and the cancellation is posted there too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_room_invited_to_a_meeting_answers_in_the_room() {
    use tatwir_core::meeting::{MeetingStore, Rsvp};
    let (synapse, db, store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::new(&synapse, &bot.user_id(), false, dir.path()).await;
    volunteer.join(&amal.volunteer_code).await;
    volunteer.expect("Ce que vous pouvez faire").await;
    let friend = unique("friend");
    let friend_id = synapse.register(&friend, PASSWORD, false).await;
    let group = group_room(&mut volunteer, &friend_id, &bot.user_id(), "Coordination Tanger").await;
    let groups: serde_json::Value = serde_json::from_str(&db.tatwir(&["group", "list", "--json"]).await).expect("JSON");
    let listed = groups.as_array().cloned().unwrap_or_default();
    assert_eq!(listed.len(), 1, "{groups}");
    assert_eq!(listed[0]["title"], "Coordination Tanger", "{groups}");
    let group_id = listed[0]["id"].to_string();
    // The group reads Darija: meeting messages are posted there in it.
    let set = db.tatwir(&["group", "language", &group_id, "ary"]).await;
    assert!(set.contains("« ary »"), "{set}");

    let created = db
        .tatwir(&[FIRST_AID, &["--group", &group_id, "--json"]].concat())
        .await;
    let id = tatwir_core::meeting::MeetingId(
        serde_json::from_str::<serde_json::Value>(&created).expect("JSON")["id"]
            .as_i64()
            .expect("id"),
    );
    let invitation = match volunteer.try_expect("عرضة لاجتماع").await {
        Ok(seen) => seen,
        Err(seen) => panic!(
            "the invitation never reached the group; the volunteer saw {seen:#?}; the outbox holds {}",
            db.tatwir(&["outbox", "list", "--all", "--json"]).await
        ),
    };
    let shown = format!("{invitation:?}");
    assert!(shown.contains("1. ✅ إيه") && shown.contains("3. 🤔 يمكن"), "{shown}");
    let Some(Seen::Text(_, first_post, _)) = invitation.last().cloned() else {
        panic!("the invitation is a text: {invitation:?}");
    };
    // A second meeting is posted after it: a number that replies to the first post answers the
    // first meeting, not the last one posted (issue 12, point 13).
    db.tatwir(&[
        "meeting",
        "add",
        "--title",
        "Deuxième réunion",
        "--start",
        "2027-04-20T09:30",
        "--group",
        &group_id,
    ])
    .await;
    volunteer.expect("Deuxième réunion").await;
    let mut reply = RoomMessageEventContent::text_plain("3");
    reply.relates_to = Some(matrix_sdk::ruma::events::room::message::Relation::Reply(
        matrix_sdk::ruma::events::relation::Reply::with_event_id(first_post),
    ));
    group.send(reply).await.expect("send");
    // The acknowledgement is the volunteer's own, in French.
    volunteer.expect("Peut-être pour").await;
    let person = store
        .person_by_identity(&tatwir_core::person::Identity::new(
            tatwir_core::person::Channel::Matrix,
            volunteer.client.user_id().expect("logged in").as_str(),
        ))
        .await
        .expect("read")
        .expect("the volunteer");
    assert_eq!(store.rsvps(id).await.expect("answers"), vec![(person.id, Rsvp::Maybe)]);

    db.tatwir(&["meeting", "cancel", &id.to_string()]).await;
    if let Err(seen) = volunteer.try_expect("الاجتماع تلغى").await {
        panic!(
            "the cancellation never reached the group; the volunteer saw {seen:#?}; the outbox holds {}",
            db.tatwir(&["outbox", "list", "--all", "--json"]).await
        );
    }
    // A late answer to a cancelled meeting changes nothing.
    group
        .send(RoomMessageEventContent::text_plain("1"))
        .await
        .expect("send");
    // A later command is answered: the late answer, before it, was handled by then.
    group
        .send(RoomMessageEventContent::text_plain("!help"))
        .await
        .expect("send");
    volunteer.expect("!start").await;
    assert_eq!(store.rsvps(id).await.expect("answers"), vec![(person.id, Rsvp::Maybe)]);

    // Removed from the room, the bot keeps it as left: no meeting may invite it any more.
    group.kick_user(&bot.user_id(), None).await.expect("kick the bot");
    let deadline = Instant::now() + WAIT;
    loop {
        let groups: serde_json::Value =
            serde_json::from_str(&db.tatwir(&["group", "list", "--json"]).await).expect("JSON");
        if groups[0]["left"] == true {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the group was never marked as left: {groups}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bot.stop();
}

/// Issue 13 on Matrix: the quiz that completes the first-aid track, answered with poll
/// responses, issues the certificate; the volunteer types the number of the suggested name and
/// gets the certificate as an m.image (uploaded, encrypted in an encrypted room) whose caption
/// holds the code; a second response to the same poll issues nothing more; someone else types
/// `!verify CODE` in a group room and reads the name, then that it was revoked.
async fn a_volunteer_earns_a_certificate_over_matrix(encrypted: bool) {
    use matrix_sdk::ruma::events::room::MediaSource;
    use tatwir_core::certificate::{CertificateFilter, CertificateStore};
    let (synapse, db, store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::named(
        &synapse,
        &bot.user_id(),
        encrypted,
        &dir.path().join("amina"),
        Some("Amina El Idrissi"),
    )
    .await;
    volunteer.join(&amal.volunteer_code).await;
    let person = store
        .person_by_identity(&tatwir_core::person::Identity::new(
            tatwir_core::person::Channel::Matrix,
            volunteer.client.user_id().expect("logged in").as_str(),
        ))
        .await
        .expect("read")
        .expect("the volunteer")
        .id;
    let (lesson_id, title) = all_first_aid_but_the_last(&store, person, chrono::Utc::now()).await;
    let library = bundled();
    let (_, lesson) = library.lesson("first-aid", &lesson_id).expect("the last lesson");
    let (parts, questions) = (
        lesson.texts.get(tatwir_core::language::Language::Fr).parts.len(),
        lesson.questions.len(),
    );

    // To the lesson and through it, typing the numbers of the choices.
    volunteer.say("!learn").await;
    let toolboxes = volunteer.expect("Vos boîtes à outils").await;
    volunteer.say(&number_of(&toolboxes, "Premiers secours")).await;
    let lessons = volunteer.expect(&title).await;
    volunteer.say(&number_of(&lessons, &title)).await;
    let mut seen = volunteer.expect(&format!(" · 1/{parts}")).await;
    for part in 2..=parts {
        volunteer.say(&number_of(&seen, "Suite")).await;
        seen = volunteer.expect(&format!(" · {part}/{parts}")).await;
    }
    volunteer.say(&number_of(&seen, "quiz")).await;

    // Every question answered right with a poll response (several options where it takes them).
    let mut last = None;
    for number in 1..=questions {
        let seen = volunteer.expect(&format!("({number}/{questions})")).await;
        let (poll, question) = last_question(&seen);
        let answers: Vec<String> = right_options(&question).iter().map(usize::to_string).collect();
        volunteer
            .room
            .send(UnstablePollResponseEventContent::new(answers.clone(), poll.clone()))
            .await
            .expect("poll response");
        last = Some((poll, answers));
    }
    volunteer
        .expect(&format!("Quiz terminé : {questions}/{questions}"))
        .await;
    volunteer
        .expect("Vous avez obtenu le certificat « Premiers secours »")
        .await;
    let asked = volunteer.expect("Quel nom imprimer").await;
    assert!(
        format!("{asked:?}").contains("1. ✅ Amina El Idrissi"),
        "the name the client shows is suggested: {asked:#?}"
    );
    let held = async || {
        store
            .certificates(CertificateFilter {
                person: Some(person),
                association: None,
            })
            .await
            .expect("certificates")
    };
    assert_eq!(held().await.len(), 1);

    // The last question answered again: refused, and nothing issued twice.
    let (poll, answers) = last.expect("a question");
    volunteer
        .room
        .send(UnstablePollResponseEventContent::new(answers, poll))
        .await
        .expect("poll response");
    let refused = volunteer.expect("Ce choix n'est pas ou plus valable").await;
    assert!(!format!("{refused:?}").contains("obtenu le certificat"), "{refused:#?}");
    assert_eq!(held().await.len(), 1, "one certificate");

    // The suggested name, by its number: noted, then the certificate as a picture.
    volunteer.say("1").await;
    volunteer.expect("« Amina El Idrissi » sera imprimé").await;
    let certificate = held().await.remove(0);
    assert_eq!(certificate.holder_name.as_deref(), Some("Amina El Idrissi"));
    let code = certificate.code.to_string();
    let seen = volunteer.expect(&code).await;
    let Some(Seen::Image(image)) = seen.last() else {
        panic!("the certificate is an m.image: {seen:#?}")
    };
    let verify_url = bot
        .app
        .as_ref()
        .expect("running")
        .engine()
        .publishing()
        .verify_url(&certificate.code);
    for expected in [
        "🎓 Premiers secours — Amina El Idrissi",
        &format!("Code : {code}"),
        &format!("Vérifier : {verify_url}"),
    ] {
        assert!(image.body.contains(expected), "{expected:?} in {:?}", image.body);
    }
    assert_eq!(
        image.filename.as_deref(),
        Some(format!("tatwir-certificate-{}.png", certificate.code.as_str()).as_str())
    );
    assert_eq!(
        image.info.as_ref().and_then(|info| info.mimetype.as_deref()),
        Some("image/png")
    );
    let info = image.info.as_ref().expect("the picture's info");
    assert_eq!(
        (info.width.map(u64::from), info.height.map(u64::from)),
        (Some(1600), Some(1131)),
        "clients can lay the picture out before downloading it"
    );
    assert!(info.size.is_some_and(|size| u64::from(size) > 10_000), "{info:?}");
    match (&image.source, encrypted) {
        (MediaSource::Encrypted(_), true) | (MediaSource::Plain(_), false) => {}
        (source, _) => panic!("encrypted only in an encrypted room: {source:?}"),
    }
    let bytes = volunteer.download(image.as_ref()).await;
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let decoded = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG that decodes");
    assert_eq!((decoded.info().width, decoded.info().height), (1600, 1131));

    // Karim, who never joined, types !verify in a group room of his.
    let mut karim = Volunteer::named(
        &synapse,
        &bot.user_id(),
        false,
        &dir.path().join("karim"),
        Some("Karim"),
    )
    .await;
    let friend = unique("friend");
    let friend_id = synapse.register(&friend, PASSWORD, false).await;
    let mut request = CreateRoom::new();
    request.invite = vec![UserId::parse(&friend_id).expect("id"), bot.user_id()];
    request.preset = Some(RoomPreset::PrivateChat);
    let group = karim.client.create_room(request).await.expect("group room");
    let deadline = Instant::now() + WAIT;
    while !has_joined(&group, &bot.user_id()).await {
        assert!(Instant::now() < deadline, "the bot never joined the group");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    group
        .send(RoomMessageEventContent::text_plain(format!("!verify {code}")))
        .await
        .expect("send");
    let verified = karim.expect("Amina El Idrissi").await;
    let shown = last_text(&verified);
    assert!(shown.contains("✅") && shown.contains("Premiers secours"), "{shown}");

    store
        .revoke_certificate(&certificate.code, "Examen non conforme", chrono::Utc::now())
        .await
        .expect("revoke");
    group
        .send(RoomMessageEventContent::text_plain(format!(
            "!verify {}",
            certificate.code.as_str()
        )))
        .await
        .expect("send");
    let verified = karim.expect("révoqué le").await;
    let shown = last_text(&verified);
    assert!(shown.contains("⚠️") && shown.contains("Examen non conforme"), "{shown}");
    assert_eq!(held().await.len(), 1, "still one certificate");
    bot.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_earns_a_certificate_in_an_unencrypted_room() {
    a_volunteer_earns_a_certificate_over_matrix(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_earns_a_certificate_in_an_encrypted_room() {
    a_volunteer_earns_a_certificate_over_matrix(true).await;
}

/// Issue 13's quality label on Matrix, in an unencrypted room. Fatima, a manager, types `!label`
/// and reads the checklist (what is done and what is missing, with the numbers); she types the
/// number that opens the charter, then the one that adopts it on the association's behalf
/// (recorded once, with her name and the date). Once the rest is done, the daily evaluation
/// grants the label and `!label` shows it with its dates. Her manager certificate is revoked:
/// the next evaluation takes the label back, and the Matrix outbox worker brings her one
/// warning (Karim, the other manager, has no chat with the bot and gets none); `!label` shows
/// it lost. Amina, a volunteer, is told `!label` is not for her role.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_adopts_the_charter_by_number_and_is_warned_when_the_label_is_lost() {
    use crate::label::{adoptions, bundled_rules, certify, label_warnings, meeting_between_associations, written_date};
    use tatwir_core::certificate::CertificateStore;
    use tatwir_core::label::{Evaluation, LabelStore, evaluate_labels};
    use tatwir_core::language::Language;
    use tatwir_core::meeting::MeetingStore;
    use tatwir_core::outbox::OutboxStatus;
    use tatwir_core::person::{Channel, Identity};
    use tatwir_core::role::Role;
    let (synapse, db, store, amal, dir) = fixture().await;
    let now = chrono::Utc::now();
    let association = amal.association.id;
    // Two meetings between associations took place last months, before anyone here used the bot.
    let first_meeting = meeting_between_associations(&store, now, 30).await;
    let second_meeting = meeting_between_associations(&store, now, 60).await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let rules = bundled_rules(bot.app.as_ref().expect("running"));
    let mut fatima = Volunteer::named(
        &synapse,
        &bot.user_id(),
        false,
        &dir.path().join("fatima"),
        Some("Fatima Zahra"),
    )
    .await;
    fatima.join(&amal.manager_code).await;
    let mut amina = Volunteer::named(
        &synapse,
        &bot.user_id(),
        false,
        &dir.path().join("amina"),
        Some("Amina"),
    )
    .await;
    amina.join(&amal.volunteer_code).await;
    let person_of = async |volunteer: &Volunteer| {
        store
            .person_by_identity(&Identity::new(
                Channel::Matrix,
                volunteer.client.user_id().expect("logged in").as_str(),
            ))
            .await
            .expect("read")
            .expect("a person")
            .id
    };
    let (fatima_id, amina_id) = (person_of(&fatima).await, person_of(&amina).await);
    // Karim, the other manager, has never written to the bot: no chat to warn him in.
    let karim_id = store
        .person_for(
            &Identity::new(Channel::Telegram, "1901"),
            "Karim",
            Some(Language::Fr),
            now,
        )
        .await
        .expect("person")
        .id;
    store
        .grant_role(karim_id, Role::Manager, Some(association), now)
        .await
        .expect("manager");
    let long = now + chrono::Duration::days(700);
    let fatima_certificate = certify(&store, now, fatima_id, "manager", long).await;
    certify(&store, now, karim_id, "manager", long).await;

    // A volunteer has no !label.
    amina.say("!label").await;
    let refused = amina.expect("n'est pas ouverte à votre rôle").await;
    assert_eq!(
        last_text(&refused),
        "Cette commande n'est pas ouverte à votre rôle. Envoyez !help pour voir ce que vous pouvez faire."
    );

    // The checklist: the managers' certificates are there, the rest is missing.
    fatima.say("!label").await;
    let shown = last_text(&fatima.expect("Label qualité Tatwir").await);
    for expected in [
        "🏅 Label qualité Tatwir — Association Amal",
        "Pas encore de label.",
        "✅ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 2",
        "❌ Au moins 50 % des bénévoles actifs ces 12 derniers mois ont le certificat « Bénévole formé·e » : 0 sur 0 (il en faut 1)",
        "❌ Au moins un membre a le certificat « Premiers secours » : 0",
        "❌ Charte éthique pas encore adoptée",
        "❌ Au moins 2 réunions entre associations suivies ces 12 derniers mois : 0",
        "4 critères ne sont pas remplis.",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert!(shown.ends_with("\n1. 📜 Lire et adopter la charte"), "{shown}");

    // The charter, by its number, and the choice that adopts it: reading it adopts nothing.
    fatima.say("1").await;
    let shown = last_text(&fatima.expect("Charte éthique de l'association").await);
    for expected in [
        "6. Protection des enfants :",
        // Matrix shows no button: the confirmation names the choice to make.
        "En choisissant « J'adopte la charte » ci-dessous, vous adoptez cette charte au nom de Association Amal ; votre nom et la date sont enregistrés.",
    ] {
        assert!(shown.contains(expected), "{expected:?} in:\n{shown}");
    }
    assert!(
        shown.ends_with("\n1. ✅ J'adopte la charte au nom de Association Amal\n2. ↩ Retour au label"),
        "{shown}"
    );
    assert_eq!(adoptions(&store).await, 0, "nothing adopted before the confirmation");

    // The store keeps milliseconds.
    let before = chrono::Utc::now() - chrono::Duration::milliseconds(1);
    fatima.say("1").await;
    let seen = fatima.expect("Label qualité Tatwir").await;
    let after = chrono::Utc::now();
    let adoption = store
        .label_state(association, &rules, after)
        .await
        .expect("state")
        .expect("association")
        .checklist
        .adoption
        .expect("the adoption is recorded");
    assert_eq!(
        (adoption.person, adoption.adopted_by.as_str()),
        (Some(fatima_id), "Fatima Zahra")
    );
    assert!((before..=after).contains(&adoption.adopted_at), "{adoption:?}");
    assert_eq!(adoptions(&store).await, 1);
    let day = written_date(Language::Fr, adoption.adopted_at);
    let said = format!("{seen:?}");
    assert!(
        said.contains(&format!(
            "✅ Charte adoptée au nom de Association Amal par Fatima Zahra le {day}."
        )),
        "{seen:#?}"
    );
    let shown = last_text(&seen);
    for expected in [
        format!("✅ Charte éthique adoptée par Fatima Zahra le {day}"),
        "3 critères ne sont pas remplis.".to_owned(),
    ] {
        assert!(shown.contains(&expected), "{expected:?} in:\n{shown}");
    }
    assert!(shown.ends_with("\n1. 📜 Lire la charte"), "adopted once: {shown}");

    // The rest, done: Amina came to both meetings and holds the volunteer and first-aid
    // certificates.
    for (meeting, occurrence) in [&first_meeting, &second_meeting] {
        store
            .record_attendance(*meeting, occurrence, &[amina_id], now)
            .await
            .expect("attendance");
    }
    certify(&store, now, amina_id, "volunteer", long).await;
    certify(&store, now, amina_id, "first-aid", long).await;
    fatima.say("!label").await;
    let ready = last_text(&fatima.expect("Label qualité Tatwir").await);
    assert!(
        ready.contains(
            "Tous les critères sont remplis : le label sera accordé lors de la prochaine évaluation quotidienne."
        ),
        "{ready}"
    );
    assert!(!ready.contains("❌"), "{ready}");

    // The daily evaluation grants it.
    let granted_at = chrono::Utc::now();
    let granted = evaluate_labels(&store, &rules, granted_at).await.expect("evaluate");
    assert_eq!((granted.granted, granted.lost, granted.warned), (1, 0, 0));
    let until = granted_at
        .checked_add_months(chrono::Months::new(12))
        .expect("a year on");
    fatima.say("!label").await;
    let shown = last_text(&fatima.expect("Label qualité Tatwir").await);
    assert!(
        shown.contains(&format!(
            "Label accordé depuis le {}, valable jusqu'au {}.",
            written_date(Language::Fr, granted_at),
            written_date(Language::Fr, until)
        )),
        "{shown}"
    );
    assert!(!shown.contains("❌"), "{shown}");

    // Fatima's manager certificate is revoked: the next evaluation takes the label back, and
    // the Matrix outbox worker brings her the warning.
    store
        .revoke_certificate(&fatima_certificate.code, "attribué par erreur", chrono::Utc::now())
        .await
        .expect("revoke");
    let lost_at = chrono::Utc::now();
    let lost = evaluate_labels(&store, &rules, lost_at).await.expect("evaluate");
    assert_eq!((lost.lost, lost.warned), (1, 1), "{lost:?}");
    let again = evaluate_labels(&store, &rules, chrono::Utc::now())
        .await
        .expect("evaluate");
    assert_eq!(
        again,
        Evaluation {
            associations: 1,
            ..Evaluation::default()
        }
    );
    let warning = match fatima.try_expect("a perdu le label").await {
        Ok(seen) => last_text(&seen),
        Err(seen) => panic!(
            "the warning never came; Fatima saw {seen:#?}; the outbox holds {}",
            db.tatwir(&["outbox", "list", "--all", "--json"]).await
        ),
    };
    assert_eq!(
        warning,
        "⚠️ Association Amal a perdu le label qualité Tatwir : ces critères ne sont plus remplis.\n\
         ❌ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 1\n\n\
         Envoyez !label pour voir la liste complète et ce qu'il reste à faire."
    );

    // !label shows it lost; no second warning came before it.
    fatima.say("!label").await;
    let seen = fatima.expect("Label qualité Tatwir").await;
    assert!(!format!("{seen:?}").contains("a perdu le label"), "{seen:#?}");
    let shown = last_text(&seen);
    for expected in [
        format!(
            "Label perdu le {} : un critère n'était plus rempli.",
            written_date(Language::Fr, lost_at)
        ),
        "❌ Au moins 2 responsables ont le certificat « Responsable associatif·ve » : 1".to_owned(),
        "Un critère n'est pas rempli.".to_owned(),
    ] {
        assert!(shown.contains(&expected), "{expected:?} in:\n{shown}");
    }

    // One warning, delivered; none for the volunteer.
    assert_eq!(label_warnings(&store).await, [OutboxStatus::Sent]);
    while let Ok(seen) = amina.seen.try_recv() {
        assert!(!format!("{seen:?}").contains("label"), "{seen:?}");
    }
    bot.stop();
}

/// A vote's count in a group room (`Outgoing::Live`), through the outbox as the engine queues it:
/// the first version is a message with its numbered choices; later ones are `m.replace` edits of
/// it, whose `m.new_content` is the new version and whose fallback body starts with `* `; another
/// key has a message of its own; and the numbers stay those of the first message, which people
/// reply to.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_message_is_sent_once_then_replaced_in_a_group_room() {
    use tatwir_core::message::numbered::Pick;
    use tatwir_core::message::{Choice, Outgoing, Text};
    use tatwir_core::outbox::{NewOutboxItem, OutboxMessage, OutboxStatus, OutboxStore};
    use tatwir_core::person::{Channel, Identity};
    let (synapse, db, store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let mut volunteer = Volunteer::new(&synapse, &bot.user_id(), false, dir.path()).await;
    volunteer.join(&amal.volunteer_code).await;
    volunteer.expect("Ce que vous pouvez faire").await;
    let person = store
        .person_by_identity(&Identity::new(
            Channel::Matrix,
            volunteer.client.user_id().expect("logged in").as_str(),
        ))
        .await
        .expect("read")
        .expect("the volunteer")
        .id;
    let friend = unique("friend");
    let friend_id = synapse.register(&friend, PASSWORD, false).await;
    let group = group_room(&mut volunteer, &friend_id, &bot.user_id(), "Fédération Tanger").await;

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
    let room = group.room_id().to_string();
    for (n, (key, voted)) in [("budget", 1), ("bureau", 0), ("budget", 2), ("budget", 12)]
        .into_iter()
        .enumerate()
    {
        let item = NewOutboxItem {
            message: OutboxMessage::Reply(live(key, voted)),
            occurrence: format!("live-{n}"),
            person,
            channel: Channel::Matrix,
            chat: room.clone(),
        };
        assert!(store.enqueue(&item, chrono::Utc::now()).await.expect("queue"));
        // One at a time, as versions follow one another.
        let deadline = Instant::now() + WAIT;
        loop {
            let refused = store
                .outbox_entries(&[OutboxStatus::Failed, OutboxStatus::Unreachable], 100)
                .await
                .expect("read");
            assert!(refused.is_empty(), "refused: {refused:#?}");
            let pending = store.outbox_entries(&[OutboxStatus::Pending], 100).await.expect("read");
            if pending.is_empty() {
                break;
            }
            assert!(Instant::now() < deadline, "not delivered: {pending:#?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    let messages = bot_messages(&group, &bot.user_id(), "Vote ").await;
    let (originals, edits): (Vec<_>, Vec<_>) = messages
        .iter()
        .partition(|event| event["content"].get("m.relates_to").is_none());
    let bodies: Vec<&str> = originals
        .iter()
        .map(|event| event["content"]["body"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        bodies,
        [
            "Vote budget\n1 associations sur 30 ont voté\n1. Voter (budget)",
            "Vote bureau\n0 associations sur 30 ont voté\n1. Voter (bureau)"
        ],
        "one message per key: {messages:#?}"
    );
    let budget = originals[0]["event_id"].as_str().expect("an event id");
    assert_eq!(edits.len(), 2, "two edits of the budget vote: {edits:#?}");
    for edit in &edits {
        assert_eq!(
            edit["content"]["m.relates_to"],
            serde_json::json!({ "rel_type": "m.replace", "event_id": budget }),
            "{edit:#}"
        );
    }
    // What clients show for the budget vote: the last edit's new content.
    let latest = &edits[1]["content"];
    assert_eq!(
        latest["m.new_content"]["body"],
        "Vote budget\n12 associations sur 30 ont voté\n1. Voter (budget)"
    );
    assert_eq!(
        latest["m.new_content"]["formatted_body"],
        "<b>Vote budget</b><br>12 associations sur 30 ont voté<br>1. Voter (budget)"
    );
    assert_eq!(latest["m.new_content"]["msgtype"], "m.text");
    // Clients that do not know edits show the fallback, marked as an edit.
    assert_eq!(
        latest["body"],
        "* Vote budget\n12 associations sur 30 ont voté\n1. Voter (budget)"
    );

    // A number replying to the first message (as clients reply to an edited one) picks the
    // latest version's choice; the room's last numbers are the budget vote's.
    let picks = |name: String| {
        let store = store.clone();
        async move {
            let json = store.setting(&name).await.expect("read").expect("numbers remembered");
            serde_json::from_str::<Vec<Pick>>(&json).expect("numbers")
        }
    };
    let budget_picks = vec![Pick::Choice("vote:budget".into())];
    assert_eq!(picks(format!("matrix.picks.event.{budget}")).await, budget_picks);
    assert_eq!(picks(format!("matrix.picks.{room}")).await, budget_picks);
    let bureau = originals[1]["event_id"].as_str().expect("an event id");
    assert_eq!(
        picks(format!("matrix.picks.event.{bureau}")).await,
        [Pick::Choice("vote:bureau".into())]
    );
    bot.stop();
}

/// Issue 14 on Matrix, through the adapter and a real Synapse, with a Telegram delegate on the
/// same vote: the ballot is posted in the room with numbered choices; Youssef, Amal's delegate,
/// types a number in the room and is answered in his private room with the bot, not in the
/// room; Omar, a volunteer of Amal, types one and is told privately who votes for Amal; Karim
/// votes for Nour with the button of the same vote in a Telegram group; both count in the one
/// tally, and the room's ballot is replaced (`m.replace`) with the new count.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delegate_votes_by_number_in_a_room_and_is_answered_in_private() {
    use crate::telegram::{press_in, quick, telegram_on, text};
    use tatwir_botapi::TgChat;
    use tatwir_core::campaign::CampaignStore;
    use tatwir_core::person::{Channel, Identity};
    let (synapse, db, store, amal, dir) = fixture().await;
    let mut bot = Bot::start(&synapse, &db, dir.path()).await;
    let bot_id = bot.user_id();
    let mut youssef = Volunteer::named(&synapse, &bot_id, false, &dir.path().join("youssef"), None).await;
    let mut omar = Volunteer::named(&synapse, &bot_id, false, &dir.path().join("omar"), None).await;
    for volunteer in [&mut youssef, &mut omar] {
        volunteer.join(&amal.volunteer_code).await;
        volunteer.expect("Ce que vous pouvez faire").await;
    }
    let now = chrono::Utc::now();
    let person = async |client: &Client| {
        store
            .person_by_identity(&Identity::new(
                Channel::Matrix,
                client.user_id().expect("logged in").as_str(),
            ))
            .await
            .expect("read")
            .expect("a person")
            .id
    };
    let youssef_id = person(&youssef.client).await;
    store
        .name_delegate(amal.association.id, youssef_id, now)
        .await
        .expect("delegate");

    // The coalition's room: Youssef, Omar and the bot.
    let omar_id = omar.client.user_id().expect("id").to_string();
    let group = group_room(&mut youssef, &omar_id, &bot_id, "Coalition Tanger").await;
    let omar_group = omar.client.join_room_by_id(group.room_id()).await.expect("Omar joins");
    let listed: serde_json::Value = serde_json::from_str(&db.tatwir(&["group", "list", "--json"]).await).expect("JSON");
    let room_group = tatwir_core::group::GroupChatId(listed[0]["id"].as_i64().unwrap_or_else(|| panic!("{listed}")));

    // Nour's delegate, Karim, is on Telegram, in a group of the same campaign.
    let app = bot.app.as_ref().expect("running");
    let (api, _telegram, telegram_task) = telegram_on(app, quick()).await;
    let _telegram_task = AbortOnDropHandle::new(telegram_task);
    let nour = store
        .create_association(
            &AssociationDraft::new("Association Nour", "Tanger").expect("draft"),
            now,
        )
        .await
        .expect("association");
    let karim = crate::telegram::person(2401, "Karim", "fr");
    api.send_text(&karim, &TgChat::Private, &format!("/start {}", nour.volunteer_code));
    api.wait_sent(karim.id, 2, WAIT).await;
    let karim_id = store
        .person_by_identity(&Identity::new(Channel::Telegram, "2401"))
        .await
        .expect("read")
        .expect("Karim")
        .id;
    store
        .name_delegate(nour.association.id, karim_id, now)
        .await
        .expect("delegate");
    let telegram_chat = TgChat::Group {
        id: -5401,
        title: "Coalition Tanger (Telegram)".into(),
    };
    api.set_bot_in_group(&karim, &telegram_chat, true);
    let deadline = Instant::now() + WAIT;
    let telegram_group = loop {
        use tatwir_core::meeting::MeetingStore;
        if let Some(group) = store.group_chat_at(Channel::Telegram, "-5401").await.expect("read") {
            break group.id;
        }
        assert!(Instant::now() < deadline, "the bot never noted the Telegram group");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    let vote = tatwir::cli::bench::open_coalition_vote(
        &store,
        vec![amal.association.id, nour.association.id],
        vec![room_group, telegram_group],
        now,
        now + chrono::Duration::days(2),
    )
    .await
    .expect("vote");
    // The ballot in the room, with its numbered choices (Omar gets none in private: he does not vote).
    let seen = omar.expect("Soutenez-vous la position ?").await;
    let Some(Seen::Text(ballot, ballot_event, room)) = seen.last().cloned() else {
        panic!("the ballot is a text: {seen:?}");
    };
    assert_eq!(room, group.room_id());
    assert!(
        ballot.contains("0 association a voté sur 2")
            && ballot.contains("1. Pour")
            && ballot.contains("2. Contre")
            && ballot.contains("3. Abstention"),
        "{ballot}"
    );

    // Youssef answers the ballot with the number of "Pour"; he is answered in his private room.
    group.send(reply_to(&ballot_event, "1")).await.expect("send");
    youssef
        .said_privately("Vote enregistré pour Association Amal : Pour.")
        .await;
    // Omar types a number too: refused, privately, and told who votes for Amal.
    omar_group.send(reply_to(&ballot_event, "2")).await.expect("send");
    let refused = omar.said_privately("Vous ne votez pas pour Association Amal").await;
    assert!(refused.contains("vote pour elle"), "{refused}");

    // Karim presses "Contre" in the Telegram group: the same vote's tally.
    let telegram_ballot = api.wait_sent(-5401, 1, WAIT).await[0].clone();
    assert!(text(&telegram_ballot).contains("Soutenez-vous la position ?"));
    let told = press_in(&api, &karim, &telegram_chat, &telegram_ballot, "Contre").await;
    assert_eq!(told, "Vote enregistré pour Association Nour : Contre.");
    let count = store.vote_count(vote.id).await.expect("count");
    assert_eq!(count.counts, [1, 1, 0]);
    let mut voted = count.voted.clone();
    voted.sort();
    assert_eq!(voted, [amal.association.id, nour.association.id]);
    let channels: Vec<Channel> = store
        .vote_audit(vote.id, None)
        .await
        .expect("audit")
        .iter()
        .map(|entry| entry.channel)
        .collect();
    assert!(
        channels.contains(&Channel::Matrix) && channels.contains(&Channel::Telegram),
        "{channels:?}"
    );

    // Within the next 15-second slot the room's ballot is replaced with the count.
    let seen = youssef.expect("2 associations ont voté sur 2").await;
    assert!(last_text(&seen).starts_with("* "), "an edit's fallback: {seen:?}");
    let edits: Vec<serde_json::Value> = bot_messages(&group, &bot_id, "associations ont voté sur 2")
        .await
        .into_iter()
        .filter(|event| event["content"].get("m.relates_to").is_some())
        .collect();
    let latest = edits.last().expect("an edit");
    assert_eq!(
        latest["content"]["m.relates_to"],
        serde_json::json!({ "rel_type": "m.replace", "event_id": ballot_event.as_str() }),
        "{latest:#}"
    );
    assert!(
        latest["content"]["m.new_content"]["body"]
            .as_str()
            .unwrap_or_default()
            .contains("2 associations ont voté sur 2"),
        "{latest:#}"
    );
    // Nothing of the presses was said in the room.
    let in_room = bot_messages(&group, &bot_id, "").await;
    assert!(
        in_room.iter().all(|event| {
            let body = event["content"]["body"].as_str().unwrap_or_default();
            !body.contains("Vote enregistré") && !body.contains("Vous ne votez pas")
        }),
        "{in_room:#?}"
    );
    bot.stop();
}
