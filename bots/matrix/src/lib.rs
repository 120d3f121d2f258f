//! The Matrix channel, on matrix-sdk: room invites accepted, direct rooms for lessons and
//! quizzes, commands in group rooms, numbered choices answered by sending the number, quiz
//! questions as MSC3381 polls with a text fallback, and encrypted rooms.
//!
//! The session (access token and device), the sync token and the crypto store persist under the
//! data directory, so a restart keeps the device and its keys and does not replay old messages.
//! Each event is handled once, by event id; events from before the bot joined a room and the
//! bot's own messages are ignored.

use chrono::Utc;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::Room;
use matrix_sdk::ruma::events::poll::start::PollKind;
use matrix_sdk::ruma::events::poll::unstable_response::OriginalSyncUnstablePollResponseEvent;
use matrix_sdk::ruma::events::poll::unstable_start::{
    NewUnstablePollStartEventContent, UnstablePollAnswer, UnstablePollAnswers, UnstablePollStartContentBlock,
};
use matrix_sdk::ruma::events::room::member::{MembershipState, OriginalSyncRoomMemberEvent, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, ReplacementMetadata, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedUserId, UInt, UserId};
use matrix_sdk::{Client, RoomState};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tatwir_core::engine::Engine;
use tatwir_core::message::html::{escape, html};
use tatwir_core::message::numbered::{Pick, read};
use tatwir_core::message::{Chat, ChatKind, Choice, Event, Incoming, Media, MediaSource, Outgoing, Poll, Text};
use tatwir_core::outbox::{OutboxStore, Undelivered};
use tatwir_core::person::{Channel, Identity};
use tatwir_store::SqlStore;
use tokio_util::task::AbortOnDropHandle;

/// Commands start with `!` on Matrix: clients keep `/` for their own commands (`/` is read too).
const COMMAND_PREFIX: char = '!';

/// How the bot logs in, from `MATRIX_*` variables.
#[derive(Clone)]
pub struct MatrixConfig {
    pub homeserver: url::Url,
    pub user: String,
    pub password: Option<String>,
    pub access_token: Option<String>,
    /// Accept invites only from these homeservers (all when empty).
    pub allowed_servers: Vec<String>,
    /// Where the session, sync token and crypto store live.
    pub store_dir: PathBuf,
    /// Pace of scheduled and bulk messages.
    pub messages_per_second: f64,
}

impl std::fmt::Debug for MatrixConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MatrixConfig")
            .field("homeserver", &self.homeserver.as_str())
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("access_token", &self.access_token.as_ref().map(|_| "***"))
            .field("allowed_servers", &self.allowed_servers)
            .field("store_dir", &self.store_dir)
            .finish()
    }
}

impl MatrixConfig {
    /// `None` unless `MATRIX_HOMESERVER`, `MATRIX_USER` and a password or token are set.
    pub fn from_env(data_dir: &std::path::Path) -> anyhow::Result<Option<Self>> {
        let var = |name: &str| std::env::var(name).ok().filter(|value| !value.trim().is_empty());
        let (Some(homeserver), Some(user)) = (var("MATRIX_HOMESERVER"), var("MATRIX_USER")) else {
            return Ok(None);
        };
        let (password, access_token) = (var("MATRIX_PASSWORD"), var("MATRIX_ACCESS_TOKEN"));
        if password.is_none() && access_token.is_none() {
            return Ok(None);
        }
        Ok(Some(MatrixConfig {
            homeserver: url::Url::parse(&homeserver).map_err(|e| anyhow::anyhow!("MATRIX_HOMESERVER: {e}"))?,
            user,
            password,
            access_token,
            allowed_servers: var("MATRIX_ALLOWED_SERVERS")
                .map(|list| {
                    list.split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            store_dir: data_dir.join("matrix"),
            messages_per_second: 5.0,
        }))
    }
}

pub struct Matrix {
    client: Client,
    own: OwnedUserId,
    engine: Arc<Engine<SqlStore>>,
    store: SqlStore,
    allowed_servers: Vec<String>,
    send_gap: Duration,
    worker: String,
    /// The turns under way: each runs as a task of its own, so that stopping the sync at shutdown
    /// does not cut one in the middle ([`Matrix::drain`] waits for them).
    turns: tokio_util::task::TaskTracker,
    /// Set at shutdown: the outbox worker finishes what it is sending and claims nothing more.
    stopping: std::sync::atomic::AtomicBool,
    /// Held while a live message is looked up, sent and remembered.
    live: tokio::sync::Mutex<()>,
}

impl Matrix {
    /// Logs in, or restores the session kept under the data directory (same device, same keys).
    pub async fn connect(
        config: MatrixConfig,
        engine: Arc<Engine<SqlStore>>,
        store: SqlStore,
    ) -> anyhow::Result<Arc<Self>> {
        // The session's access token and the encryption keys are in there: the owner's alone.
        {
            use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&config.store_dir)?;
            std::fs::set_permissions(&config.store_dir, std::fs::Permissions::from_mode(0o700))?;
        }
        let client = Client::builder()
            .homeserver_url(config.homeserver.as_str())
            .sqlite_store(config.store_dir.join("sdk"), None)
            .build()
            .await?;
        let session_file = config.store_dir.join("session.json");
        let restored = match std::fs::read_to_string(&session_file) {
            Ok(json) => match serde_json::from_str::<MatrixSession>(&json) {
                Ok(session) => {
                    client
                        .matrix_auth()
                        .restore_session(session, matrix_sdk::store::RoomLoadSettings::default())
                        .await?;
                    true
                }
                Err(error) => anyhow::bail!(
                    "{} does not read ({error}): remove it to log in again",
                    session_file.display()
                ),
            },
            Err(_) => false,
        };
        if !restored {
            match (&config.password, &config.access_token) {
                (Some(password), _) => {
                    client
                        .matrix_auth()
                        .login_username(&config.user, password)
                        .initial_device_display_name("Tatwir")
                        .send()
                        .await?;
                }
                (None, Some(token)) => {
                    let probe = Client::builder()
                        .homeserver_url(config.homeserver.as_str())
                        .build()
                        .await?;
                    let session = MatrixSession {
                        meta: matrix_sdk::SessionMeta {
                            user_id: UserId::parse(&config.user)?,
                            device_id: "TATWIR".into(),
                        },
                        tokens: matrix_sdk::authentication::SessionTokens {
                            access_token: token.clone(),
                            refresh_token: None,
                        },
                    };
                    probe
                        .matrix_auth()
                        .restore_session(session.clone(), Default::default())
                        .await?;
                    let whoami = probe.whoami().await?;
                    let session = MatrixSession {
                        meta: matrix_sdk::SessionMeta {
                            user_id: whoami.user_id,
                            device_id: whoami
                                .device_id
                                .ok_or_else(|| anyhow::anyhow!("the access token has no device"))?,
                        },
                        tokens: session.tokens,
                    };
                    client
                        .matrix_auth()
                        .restore_session(session, Default::default())
                        .await?;
                }
                (None, None) => anyhow::bail!("set MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN"),
            }
            let session = client
                .matrix_auth()
                .session()
                .ok_or_else(|| anyhow::anyhow!("logged in without a session"))?;
            write_private(&session_file, &serde_json::to_string(&session)?)?;
        }
        let own = client
            .user_id()
            .ok_or_else(|| anyhow::anyhow!("no user id after login"))?
            .to_owned();
        tracing::info!(user = %own, device = ?client.device_id(), restored, "Matrix channel ready");
        Ok(Arc::new(Matrix {
            client,
            own,
            engine,
            store,
            allowed_servers: config.allowed_servers,
            send_gap: Duration::from_secs_f64(1.0 / config.messages_per_second.max(0.1)),
            worker: tatwir_store::outbox::worker_name("matrix"),
            turns: tokio_util::task::TaskTracker::new(),
            stopping: Default::default(),
            live: Default::default(),
        }))
    }

    /// Waits, up to `deadline`, for the turns under way to end (at shutdown, once the sync is
    /// stopped); an event whose turn did not end is handled again at the next start.
    pub async fn drain(&self, deadline: Duration) {
        self.stopping.store(true, std::sync::atomic::Ordering::Relaxed);
        self.turns.close();
        if tokio::time::timeout(deadline, self.turns.wait()).await.is_err() {
            tracing::warn!("some Matrix turns were still under way at the shutdown deadline");
        }
    }

    pub fn user_id(&self) -> &UserId {
        &self.own
    }

    pub fn device_id(&self) -> Option<String> {
        self.client.device_id().map(|device| device.to_string())
    }

    /// Syncs until the task is dropped, and delivers the outbox meanwhile.
    pub async fn run(self: Arc<Self>) {
        // Delivery stops with this future, however it ends (the service aborts it at shutdown).
        let _delivery = AbortOnDropHandle::new(self.turns.spawn(self.clone().deliver_outbox()));
        // The first start skips the history of rooms the account is already in; later starts
        // go on from the stored sync token, so nothing is replayed and nothing missed.
        let first = format!("matrix.{}.synced", self.own);
        let health = self.engine.health().clone();
        if self.store.setting(&first).await.ok().flatten().is_none() {
            while let Err(error) = self.client.sync_once(SyncSettings::default()).await {
                health.failing(Channel::Matrix, Utc::now());
                tracing::warn!(%error, "Matrix: first sync failed; trying again");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            if let Err(error) = self.store.set_setting(&first, "yes", Utc::now()).await {
                tracing::warn!(%error, "could not record the first sync");
            }
        }
        self.register_handlers();
        // Each sync's outcome sets the channel's state; a failed one is retried from the kept
        // token after a pause, so nothing is missed.
        let synced = self
            .client
            .sync_with_result_callback(SyncSettings::default(), |result| {
                let health = health.clone();
                async move {
                    match result {
                        Ok(_) => health.up(Channel::Matrix, Utc::now()),
                        Err(error) => {
                            health.failing(Channel::Matrix, Utc::now());
                            tracing::warn!(%error, "Matrix sync failed; trying again");
                            tokio::time::sleep(Duration::from_secs(2)).await;
                        }
                    }
                    Ok(matrix_sdk::LoopCtrl::Continue)
                }
            })
            .await;
        if let Err(error) = synced {
            tracing::error!(%error, "Matrix sync ended");
        }
    }

    fn register_handlers(self: &Arc<Self>) {
        let this = self.clone();
        self.client
            .add_event_handler(move |event: StrippedRoomMemberEvent, room: Room| {
                let this = this.clone();
                async move { this.on_invite(event, room).await }
            });
        let this = self.clone();
        self.client
            .add_event_handler(move |event: OriginalSyncRoomMemberEvent, room: Room| {
                let this = this.clone();
                async move {
                    if event.state_key != this.own {
                        return;
                    }
                    match event.content.membership {
                        MembershipState::Join => {
                            let at = i64::from(event.origin_server_ts.0);
                            this.remember_join(&room, at, false).await;
                        }
                        // Removed or gone: the room can no longer hear of meetings.
                        MembershipState::Leave | MembershipState::Ban => {
                            let left = this
                                .store
                                .left_group_chat(Channel::Matrix, room.room_id().as_str(), Utc::now())
                                .await;
                            if let Err(error) = left {
                                tracing::warn!(%error, "could not record leaving a room");
                            }
                        }
                        _ => {}
                    }
                }
            });
        let this = self.clone();
        self.client
            .add_event_handler(move |event: OriginalSyncRoomMessageEvent, room: Room| {
                let this = this.clone();
                // Awaited, so a room's events stay in order; a task of its own, so that it ends
                // even when the sync is stopped meanwhile.
                let turn = this.turns.spawn({
                    let this = this.clone();
                    async move { this.on_message(event, room).await }
                });
                async move {
                    let _ = turn.await;
                }
            });
        let this = self.clone();
        self.client
            .add_event_handler(move |event: OriginalSyncUnstablePollResponseEvent, room: Room| {
                let this = this.clone();
                let turn = this.turns.spawn({
                    let this = this.clone();
                    async move { this.on_poll_response(event, room).await }
                });
                async move {
                    let _ = turn.await;
                }
            });
    }

    async fn on_invite(&self, event: StrippedRoomMemberEvent, room: Room) {
        if event.state_key != self.own || room.state() != RoomState::Invited {
            return;
        }
        let server = event.sender.server_name().as_str().to_owned();
        if !self.allowed_servers.is_empty() && !self.allowed_servers.contains(&server) {
            tracing::info!(%server, room = %room.room_id(), "invite from a homeserver not listed: declined");
            let _ = room.leave().await;
            return;
        }
        // Messages sent before the bot is in the room are not for it.
        self.remember_join(&room, Utc::now().timestamp_millis(), true).await;
        let mut wait = Duration::from_secs(1);
        for _ in 0..8 {
            match room.join().await {
                Ok(()) => {
                    tracing::info!(room = %room.room_id(), "joined a room");
                    return;
                }
                Err(error) => {
                    tracing::warn!(%error, room = %room.room_id(), "could not join yet");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
            }
        }
    }

    async fn remember_join(&self, room: &Room, at: i64, overwrite: bool) {
        let key = format!("matrix.joined.{}", room.room_id());
        if !overwrite && self.store.setting(&key).await.ok().flatten().is_some() {
            return;
        }
        if let Err(error) = self.store.set_setting(&key, &at.to_string(), Utc::now()).await {
            tracing::warn!(%error, "could not record when the bot joined a room");
        }
    }

    /// Whether the event is new to the bot: after its join, not its own, not seen before.
    async fn first_sight(&self, room: &Room, sender: &UserId, event_id: &str, at: i64) -> bool {
        if sender == self.own || room.state() != RoomState::Joined {
            return false;
        }
        let joined = self
            .store
            .setting(&format!("matrix.joined.{}", room.room_id()))
            .await
            .ok()
            .flatten()
            .and_then(|at| at.parse::<i64>().ok())
            .unwrap_or(0);
        if at < joined {
            return false;
        }
        match self.store.event_handled(&format!("matrix:{event_id}")).await {
            Ok(handled) => !handled,
            Err(error) => {
                tracing::warn!(%error, "could not read whether an event was handled");
                false
            }
        }
    }

    /// Records that an event was handled, once its turn is over (a crash in the middle leaves it
    /// to be handled again after the restart: the engine refuses an answer it already took).
    async fn handled(&self, event_id: &str) {
        if let Err(error) = self.store.claim_event(&format!("matrix:{event_id}"), Utc::now()).await {
            tracing::warn!(%error, "could not record an event as handled");
        }
    }

    /// A room of the bot and one person (joined or invited) is a direct chat; any more is a group.
    /// The member list comes from the homeserver the first time (sync summaries can lag).
    async fn chat_kind(&self, room: &Room) -> ChatKind {
        let members = match room.members(matrix_sdk::RoomMemberships::ACTIVE).await {
            Ok(members) => members.len(),
            Err(error) => {
                tracing::warn!(%error, "could not list a room's members");
                room.active_members_count() as usize
            }
        };
        if members <= 2 {
            ChatKind::Private
        } else {
            ChatKind::Group
        }
    }

    async fn on_message(&self, event: OriginalSyncRoomMessageEvent, room: Room) {
        if event.sender == self.own {
            return;
        }
        let body = match &event.content.msgtype {
            MessageType::Text(text) => text.body.clone(),
            MessageType::Notice(_) => return,
            _ => String::new(),
        };
        let kind = self.chat_kind(&room).await;
        // A number answers the message it replies to; else the last one shown to its sender.
        let replied_to = match &event.content.relates_to {
            Some(matrix_sdk::ruma::events::room::message::Relation::Reply(reply)) => {
                Some(reply.in_reply_to.event_id.to_string())
            }
            _ => None,
        };
        let picks = self.picks(&room, kind, &event.sender, replied_to.as_deref()).await;
        let event_kind = if kind == ChatKind::Private {
            read(&picks, &body)
        } else {
            self.note_group(&room).await;
            let typed = body.trim_start();
            match read(&picks, &body) {
                // A number under a meeting posted in the room answers it, for whoever types it.
                Event::Choice(data) if tatwir_core::meeting::press::parse_answer(&data).is_some() => {
                    Event::Choice(data)
                }
                // A vote or a statement counts only a number sent as a reply to its message (the
                // engine checks that the sender votes or signs for an association): a bare "2" in
                // the room's conversation is not a ballot, and two votes in one room stay apart.
                Event::Choice(data)
                    if replied_to.is_some() && tatwir_core::campaign::press::CampaignPress::parse(&data).is_some() =>
                {
                    Event::Choice(data)
                }
                _ if typed.starts_with('!') || typed.starts_with('/') => Event::Text(body),
                // Chatter is not for the bot: dropped before anything is recorded of it.
                _ => return,
            }
        };
        let at = i64::from(event.origin_server_ts.0);
        if !self
            .first_sight(&room, &event.sender, event.event_id.as_str(), at)
            .await
        {
            return;
        }
        self.turn(&room, &event.sender, kind, event_kind).await;
        self.handled(event.event_id.as_str()).await;
    }

    /// Keeps the group rooms the bot is in (a meeting may invite them), named as clients show them.
    async fn note_group(&self, room: &Room) {
        let title = match room.display_name().await {
            Ok(name) => name.to_string(),
            Err(_) => room.room_id().to_string(),
        };
        if let Err(error) = self
            .store
            .note_group_chat(Channel::Matrix, room.room_id().as_str(), &title, Utc::now())
            .await
        {
            tracing::warn!(%error, "could not record a group room");
        }
    }

    async fn on_poll_response(&self, event: OriginalSyncUnstablePollResponseEvent, room: Room) {
        let at = i64::from(event.origin_server_ts.0);
        if !self
            .first_sight(&room, &event.sender, event.event_id.as_str(), at)
            .await
        {
            return;
        }
        let poll_event = event.content.relates_to.event_id.to_string();
        let Ok(Some(reference)) = self.store.setting(&format!("matrix.poll.{poll_event}")).await else {
            return;
        };
        let options: Vec<usize> = event
            .content
            .poll_response
            .answers
            .iter()
            .filter_map(|answer| answer.parse().ok())
            .collect();
        if options.is_empty() {
            return;
        }
        let kind = self.chat_kind(&room).await;
        let answer = Event::PollAnswer {
            poll: reference,
            options,
        };
        self.turn(&room, &event.sender, kind, answer).await;
        self.handled(event.event_id.as_str()).await;
    }

    async fn turn(&self, room: &Room, sender: &UserId, kind: ChatKind, event: Event) {
        let display_name = match room.get_member_no_sync(sender).await {
            Ok(Some(member)) => member.display_name().map(str::to_owned),
            _ => None,
        }
        .unwrap_or_else(|| sender.localpart().to_owned());
        let incoming = Incoming {
            identity: Identity::new(Channel::Matrix, sender.as_str()),
            display_name,
            client_language: None,
            chat: Chat {
                id: room.room_id().to_string(),
                kind,
                private_link: Some(format!("https://matrix.to/#/{}", self.own)),
                command_prefix: COMMAND_PREFIX,
            },
            event,
        };
        let handled = self.engine.handle_event(&incoming).await;
        // Matrix has no passing notices: in a group, what was meant for the presser alone (their
        // vote counted, a refusal) goes to their private room rather than to everyone.
        let replies = match handled.notice.clone() {
            Some(notice) if kind == ChatKind::Group => {
                self.notify_privately(&incoming.identity, &notice).await;
                handled.replies
            }
            _ => handled.into_replies(),
        };
        for (index, reply) in replies.iter().enumerate() {
            if let Err(error) = self.send(room, reply, Some(sender)).await {
                // Not dropped: what could not be sent waits in the outbox, in order.
                tracing::warn!(%error, room = %room.room_id(), "could not send a reply: it waits in the outbox");
                self.queue_replies(&incoming.identity, room, &replies[index..]).await;
                return;
            }
        }
    }

    /// Sends `notice` to the person of `identity` in their private room, through the outbox
    /// (nothing when they have none: they never wrote to the bot in private).
    async fn notify_privately(&self, identity: &Identity, notice: &str) {
        let person = match tatwir_core::store::Store::person_by_identity(&self.store, identity).await {
            Ok(Some(person)) => person.id,
            Ok(None) => return,
            Err(error) => {
                tracing::warn!(%error, "could not find who pressed");
                return;
            }
        };
        let now = Utc::now();
        let message = tatwir_core::outbox::OutboxMessage::Reply(Outgoing::text(Text::plain(notice)));
        let occurrence = format!("notice:{}", now.timestamp_nanos_opt().unwrap_or_default());
        if let Err(error) = self
            .store
            .enqueue_for_person(person, &message, &occurrence, None, now)
            .await
        {
            tracing::warn!(%error, "could not queue a notice");
        }
    }

    /// Queues replies that could not be sent, for the outbox worker to send.
    async fn queue_replies(&self, identity: &Identity, room: &Room, replies: &[Outgoing]) {
        let now = Utc::now();
        let stamp = now.timestamp_nanos_opt().unwrap_or_default();
        let occurrence = |i: usize| format!("matrix:{}:{stamp}:{i}", room.room_id());
        tatwir_core::outbox::queue_replies(&self.store, identity, room.room_id().as_str(), replies, occurrence, now)
            .await;
    }

    /// The numbered choices a number typed by `sender` answers: those of the message it replies
    /// to, else of the last message shown to that person in the room (in a group, others may
    /// have been shown something else since), else of the room's last one.
    async fn picks(&self, room: &Room, kind: ChatKind, sender: &UserId, replied_to: Option<&str>) -> Vec<Pick> {
        let read = async |key: String| -> Option<Vec<Pick>> {
            let json = self.store.setting(&key).await.ok().flatten()?;
            serde_json::from_str(&json).ok()
        };
        if let Some(event) = replied_to {
            return read(format!("matrix.picks.event.{event}")).await.unwrap_or_default();
        }
        if kind == ChatKind::Group
            && let Some(picks) = read(format!("matrix.picks.{}.{sender}", room.room_id())).await
        {
            return picks;
        }
        read(format!("matrix.picks.{}", room.room_id()))
            .await
            .unwrap_or_default()
    }

    /// Sends one message; choices and poll options are numbered, and the numbers remembered for
    /// the message itself, for the room, and for `to` (the person it answers) in the room.
    async fn send(&self, room: &Room, outgoing: &Outgoing, to: Option<&UserId>) -> anyhow::Result<()> {
        let mut picks = Vec::new();
        // A live message that was edited: its numbers are remembered under the first event's id
        // (`sent`, the one people reply to), and under the edit's too.
        let mut edit = None;
        let sent = match outgoing {
            Outgoing::Message { text, choices } | Outgoing::Live { text, choices, .. } => {
                let (plain, html) = numbered(text, choices.iter().flatten().map(|choice| choice.label.as_str()));
                picks.extend(
                    choices
                        .iter()
                        .flatten()
                        .map(|Choice { data, .. }| Pick::Choice(data.clone())),
                );
                let content = RoomMessageEventContent::text_html(plain, html);
                match outgoing {
                    Outgoing::Live { key, .. } => {
                        let (original, replacement) = self.send_live(room, key, content).await?;
                        edit = replacement;
                        original
                    }
                    _ => room.send(content).await?.response.event_id.to_string(),
                }
            }
            Outgoing::Poll(poll) => {
                let sent = self.send_poll(room, poll).await?;
                picks.extend((0..poll.options.len()).map(|option| Pick::PollOption {
                    poll: poll.reference.clone(),
                    option,
                }));
                self.store
                    .set_setting(&format!("matrix.poll.{sent}"), &poll.reference, Utc::now())
                    .await?;
                sent
            }
            Outgoing::Media(media) => {
                self.send_media(room, media).await?;
                return Ok(());
            }
        };
        if !picks.is_empty() {
            let json = serde_json::to_string(&picks)?;
            let mut keys = vec![
                format!("matrix.picks.event.{sent}"),
                format!("matrix.picks.{}", room.room_id()),
            ];
            // A client may also reply to the edit itself.
            if let Some(edit) = &edit {
                keys.push(format!("matrix.picks.event.{edit}"));
            }
            if let Some(person) = to {
                keys.push(format!("matrix.picks.{}.{person}", room.room_id()));
            }
            for key in keys {
                self.store.set_setting(&key, &json, Utc::now()).await?;
            }
        }
        Ok(())
    }

    /// A live message: an `m.replace` edit of the event remembered for (`room`, `key`), or, the
    /// first time, the message itself, whose event id is remembered. Returns the original event's
    /// id, and the edit's when one was sent.
    async fn send_live(
        &self,
        room: &Room,
        key: &str,
        content: RoomMessageEventContent,
    ) -> anyhow::Result<(String, Option<String>)> {
        let setting = live_setting(room.room_id().as_str(), key);
        // A turn and the outbox worker may both send a version: one at a time, so that both do
        // not send it anew.
        let _held = self.live.lock().await;
        let remembered = self
            .store
            .setting(&setting)
            .await?
            .and_then(|id| OwnedEventId::try_from(id).ok());
        match remembered {
            Some(original) => {
                // make_replacement puts the content in m.new_content and prefixes the fallback
                // body with "* ", as the specification asks.
                let replacement = content.make_replacement(ReplacementMetadata::new(original.clone(), None));
                let edit = room.send(replacement).await?.response.event_id;
                Ok((original.to_string(), Some(edit.to_string())))
            }
            None => {
                let sent = room.send(content).await?.response.event_id;
                if let Err(error) = self.store.set_setting(&setting, sent.as_str(), Utc::now()).await {
                    // Sent all the same: the next version is sent anew rather than edit this one.
                    tracing::warn!(%error, setting, "could not remember a live message");
                }
                Ok((sent.to_string(), None))
            }
        }
    }

    /// An MSC3381 poll with a text fallback that lists the numbered options.
    async fn send_poll(&self, room: &Room, poll: &Poll) -> anyhow::Result<String> {
        let mut fallback = Text::default().then_bold(poll.question.clone());
        if let Some(hint) = &poll.hint {
            fallback = fallback.line_break().then_plain(hint.clone());
        }
        let (plain, _) = numbered(&fallback, poll.options.iter().map(String::as_str));
        let answers: Vec<UnstablePollAnswer> = poll
            .options
            .iter()
            .enumerate()
            .map(|(i, text)| UnstablePollAnswer::new(i.to_string(), text.clone()))
            .collect();
        let answers = UnstablePollAnswers::try_from(answers).map_err(|e| anyhow::anyhow!("poll answers: {e}"))?;
        let mut block = UnstablePollStartContentBlock::new(poll.question.clone(), answers);
        block.kind = PollKind::Undisclosed;
        block.max_selections =
            UInt::try_from(if poll.multiple_answers { poll.options.len() } else { 1 }).unwrap_or(UInt::MIN);
        let content = NewUnstablePollStartEventContent::plain_text(plain, block);
        let response = room
            .send(matrix_sdk::ruma::events::poll::unstable_start::UnstablePollStartEventContent::New(content))
            .await?;
        Ok(response.response.event_id.to_string())
    }

    /// A lesson's link as text; a file as an m.image, m.video or m.file as its type says
    /// (uploaded encrypted in an encrypted room).
    async fn send_media(&self, room: &Room, media: &Media) -> anyhow::Result<()> {
        let caption = media.caption.clone().unwrap_or_default();
        let (name, mime, data) = match &media.source {
            MediaSource::Url(url) => {
                let text = caption.line_break().then_plain(url.clone());
                let (plain, html) = numbered(&text, std::iter::empty());
                room.send(RoomMessageEventContent::text_html(plain, html)).await?;
                return Ok(());
            }
            MediaSource::File(path) => {
                let data = tokio::fs::read(path).await?;
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file").to_owned();
                let mime = mime_of(&name);
                (name, mime, data)
            }
            MediaSource::Inline {
                file_name,
                mime,
                content,
            } => (
                file_name.clone(),
                mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM),
                content.clone().into_bytes(),
            ),
            MediaSource::Bytes { file_name, mime, bytes } => (
                file_name.clone(),
                mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM),
                bytes.clone(),
            ),
        };
        let mut config = matrix_sdk::attachment::AttachmentConfig::new().caption(Some(
            matrix_sdk::ruma::events::room::message::TextMessageEventContent::plain(caption.to_plain()),
        ));
        // A picture's size and dimensions let clients lay it out before downloading it (weak
        // networks); a PNG gives them in its header.
        if media.kind == tatwir_core::message::MediaKind::Image {
            let dimension = |at: usize| {
                data.get(at..at + 4)
                    .filter(|_| data.starts_with(b"\x89PNG\r\n\x1a\n"))
                    .and_then(|bytes| <[u8; 4]>::try_from(bytes).ok())
                    .map(u32::from_be_bytes)
                    .map(matrix_sdk::ruma::UInt::from)
            };
            config = config.info(matrix_sdk::attachment::AttachmentInfo::Image(
                matrix_sdk::attachment::BaseImageInfo {
                    width: dimension(16),
                    height: dimension(20),
                    size: matrix_sdk::ruma::UInt::try_from(data.len()).ok(),
                    ..Default::default()
                },
            ));
        }
        room.send_attachment(name, &mime, data, config).await?;
        Ok(())
    }

    async fn deliver_outbox(self: Arc<Self>) {
        // At shutdown, the message under way is finished and nothing more is claimed.
        while !self.stopping.load(std::sync::atomic::Ordering::Relaxed) {
            let now = self.engine.clock().now();
            let items = match self.store.claim(Channel::Matrix, None, &self.worker, now, 20).await {
                Ok(items) => items,
                Err(error) => {
                    tracing::warn!(%error, "could not read the outbox");
                    Vec::new()
                }
            };
            if items.is_empty() {
                tokio::time::sleep(Duration::from_millis(500)).await;
                continue;
            }
            for item in items {
                if self.stopping.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let clock = self.engine.clock();
                let tried =
                    tatwir_core::outbox::deliver_held(&self.store, &self.worker, item.id, clock, self.deliver(&item))
                        .await;
                if tried {
                    // Bulk sending is paced; the SDK also honours M_LIMIT_EXCEEDED.
                    tokio::time::sleep(self.send_gap).await;
                }
            }
        }
    }

    async fn deliver(&self, item: &tatwir_core::outbox::OutboxItem) -> Result<(), Undelivered> {
        let room_id = matrix_sdk::ruma::RoomId::parse(&item.chat)
            .map_err(|_| Undelivered::Rejected("not a Matrix room".into()))?;
        let Some(room) = self
            .client
            .get_room(&room_id)
            .filter(|room| room.state() == RoomState::Joined)
        else {
            return Err(Undelivered::Unreachable("the bot is not in the room".into()));
        };
        let replies = self
            .engine
            .render(item, COMMAND_PREFIX)
            .await
            .map_err(|error| Undelivered::Transient(error.to_string()))?;
        for reply in &replies {
            self.send(&room, reply, None)
                .await
                .map_err(|error| Undelivered::Transient(error.to_string()))?;
        }
        Ok(())
    }
}

/// Whether a failure to connect means the homeserver refused the credentials (a wrong password or
/// token, a deactivated account): then trying again will not help until the configuration changes.
pub fn credentials_refused(error: &anyhow::Error) -> bool {
    use matrix_sdk::ruma::api::error::ErrorKind;
    let kind = if let Some(error) = error.downcast_ref::<matrix_sdk::Error>() {
        error.client_api_error_kind()
    } else if let Some(error) = error.downcast_ref::<matrix_sdk::HttpError>() {
        error.client_api_error_kind()
    } else {
        None
    };
    matches!(
        kind,
        Some(ErrorKind::Forbidden | ErrorKind::UnknownToken(_) | ErrorKind::UserDeactivated)
    )
}

/// The setting that remembers the event standing for live `key` in `room`. A room id's server
/// name may hold dots, so two (room, key) pairs could only share a name if two rooms had the same
/// random opaque id on servers whose names differ by a dotted suffix.
fn live_setting(room: &str, key: &str) -> String {
    format!("matrix.live.{room}.{key}")
}

/// The text in plain and HTML, followed by the numbered choices.
fn numbered<'a>(text: &Text, labels: impl Iterator<Item = &'a str>) -> (String, String) {
    let mut plain = text.to_plain();
    let mut html = html(text, "<br>");
    for (i, label) in labels.enumerate() {
        plain.push_str(&format!("\n{}. {label}", i + 1));
        html.push_str(&format!("<br>{}. {}", i + 1, escape(label)));
    }
    (plain, html)
}

fn mime_of(name: &str) -> mime::Mime {
    match name.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("pdf") => mime::APPLICATION_PDF,
        Some("png") => mime::IMAGE_PNG,
        Some("jpg" | "jpeg") => mime::IMAGE_JPEG,
        Some("mp4") => "video/mp4".parse().unwrap_or(mime::APPLICATION_OCTET_STREAM),
        _ => mime::APPLICATION_OCTET_STREAM,
    }
}

/// Writes a file only its owner can read (it holds an access token).
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)?
    };
    #[cfg(not(unix))]
    let file = std::fs::File::create(path)?;
    let mut file = file;
    file.write_all(contents.as_bytes())
}
