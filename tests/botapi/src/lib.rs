//! A Telegram Bot API server on loopback, for tests and benchmarks.
//!
//! Telegram cannot be reached from CI, so the real teloxide adapter is pointed at this server
//! (`TELOXIDE_API_URL`, or `Bot::set_api_url`). It speaks the request and response shapes of
//! <https://core.telegram.org/bots/api> for the methods the adapter uses, and it is strict where
//! Telegram is strict (lengths, HTML entities, callback data bytes, poll limits, photos it cannot
//! read or will not show, "message is not modified", webhook/getUpdates exclusivity) so that a
//! bot passing here does not first fail in production. Tests play users ([`BotApiServer::send_text`], [`BotApiServer::press`],
//! [`BotApiServer::answer_poll`]), read what the bot did ([`BotApiServer::sent`]) and inject
//! faults ([`BotApiServer::fail_next`], rate caps).
//!
//! Everything lives in memory behind one mutex: the server is for a single bot under test, and a
//! mutex keeps the bookkeeping (update queue, messages, polls, rate windows) trivially consistent.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// Telegram accepts uploads up to 50 MB through the public Bot API.
const MAX_BODY: usize = 50 * 1024 * 1024;
/// Limits from the Bot API documentation.
const MAX_TEXT: usize = 4096;
const MAX_CAPTION: usize = 1024;
const MAX_CALLBACK_DATA: usize = 64;
const MAX_POLL_QUESTION: usize = 300;
const MAX_POLL_OPTION: usize = 100;
const MAX_POLL_EXPLANATION: usize = 200;
/// sendPhoto: at most 10 MB, width and height at most 10000 together, a ratio of at most 20.
const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
const MAX_PHOTO_SIDES: u64 = 10_000;
const MAX_PHOTO_RATIO: u64 = 20;
/// The boxes Telegram scales a photo into (its `s`, `m`, `x` and `y` sizes), smallest first.
const PHOTO_BOXES: [u32; 4] = [90, 320, 800, 1280];
/// Update kinds Telegram leaves out when `allowed_updates` is not given (or empty).
const NOT_BY_DEFAULT: [&str; 3] = ["chat_member", "message_reaction", "message_reaction_count"];

/// Methods this server knows, in their documented spelling. Telegram matches method names
/// case-insensitively (teloxide sends `SendMessage`), so lookups lower-case both sides.
const METHODS: &[&str] = &[
    "getMe",
    "logOut",
    "close",
    "getUpdates",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "sendPoll",
    "stopPoll",
    "sendDocument",
    "sendPhoto",
    "sendVideo",
    "getFile",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "sendChatAction",
    "setMyName",
    "setMyDescription",
    "setMyShortDescription",
];

/// Methods that put or change a message in a chat: the ones `"*"` faults and rate caps apply to.
const SENDING: &[&str] = &[
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "sendPoll",
    "stopPoll",
    "sendDocument",
    "sendPhoto",
    "sendVideo",
];

/// A Telegram user played by a test (or the bot itself, for [`BotApiServer::start`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TgUser {
    /// User id; for the bot it is the number before `:` in its token.
    pub id: i64,
    /// First name as shown by Telegram.
    pub first_name: String,
    /// `@username` without the `@`.
    pub username: Option<String>,
    /// IETF language tag of the user's client, e.g. `ar` or `en`.
    pub language_code: Option<String>,
}

impl TgUser {
    /// A user with only an id and a first name.
    pub fn new(id: i64, first_name: &str) -> Self {
        Self {
            id,
            first_name: first_name.to_owned(),
            username: None,
            language_code: None,
        }
    }
}

/// Where a played user writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TgChat {
    /// The private chat between the user and the bot; its id is the user's id.
    Private,
    /// A basic group (negative id), which may later migrate to a supergroup.
    Group {
        /// Chat id (negative).
        id: i64,
        /// Group title.
        title: String,
    },
    /// A supergroup (id usually `-100…`).
    Supergroup {
        /// Chat id (negative).
        id: i64,
        /// Group title.
        title: String,
    },
}

impl TgChat {
    /// The chat id this chat has when `from` writes in it.
    pub fn id(&self, from: &TgUser) -> i64 {
        match self {
            TgChat::Private => from.id,
            TgChat::Group { id, .. } | TgChat::Supergroup { id, .. } => *id,
        }
    }
}

/// One thing the bot did to a chat: a new message, or an edit of one (`edited`).
#[derive(Clone, Debug)]
pub struct Sent {
    /// The Bot API method, in its documented spelling (`sendMessage`, `editMessageText`, …).
    pub method: String,
    /// Target chat.
    pub chat_id: i64,
    /// The message created or edited.
    pub message_id: i64,
    /// Text (or caption) exactly as the bot sent it, markup included; see `plain_text`.
    pub text: Option<String>,
    /// `parse_mode` as sent (`HTML`, `MarkdownV2`, …).
    pub parse_mode: Option<String>,
    /// `reply_markup` as sent, parsed as JSON.
    pub reply_markup: Option<Value>,
    /// For polls: the Poll object as Telegram returns it (votes are updated in [`BotApiServer::message`]).
    pub poll: Option<Value>,
    /// For sendDocument/sendPhoto/sendVideo: how the file was given.
    pub document: Option<SentFile>,
    /// When the server accepted it.
    pub at: Instant,
    /// True for edits (editMessageText, editMessageReplyMarkup, stopPoll).
    pub edited: bool,
    /// How many times editMessageText and editMessageReplyMarkup changed the message: on its
    /// current state ([`BotApiServer::message`]) the count so far, on an edit's record its number.
    pub edits: u32,
    /// Text (or caption) as users see it: HTML tags removed and entities decoded.
    pub plain_text: Option<String>,
}

/// How the bot gave a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SentFile {
    /// Uploaded in a multipart body; the server issued `file_id` for it.
    Uploaded {
        /// File name from the multipart part.
        name: String,
        /// Size in bytes.
        bytes: usize,
        /// The id the server issued, usable for resending.
        file_id: String,
    },
    /// A `file_id` issued earlier by this server.
    ById(String),
    /// An http(s) URL (accepted without fetching).
    ByUrl(String),
}

/// A fault to inject with [`BotApiServer::fail_next`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 429 with `parameters.retry_after`.
    TooManyRequests {
        /// Seconds the bot is told to wait.
        retry_after: u32,
    },
    /// 403 "Forbidden: bot was blocked by the user".
    Forbidden,
    /// The given HTTP status (e.g. 500, 502) with a JSON error body.
    ServerError(u16),
    /// Answer normally, but only after this delay.
    Slow(Duration),
}

/// Commands from setMyCommands: `(command, description)` pairs in the order given.
pub type CommandList = Vec<(String, String)>;

/// Counters over the server's life.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Every request to `/bot…` (including rejected ones).
    pub requests: u64,
    /// New messages the bot sent (edits excluded).
    pub sent_messages: u64,
    /// Accepted editMessageText and editMessageReplyMarkup calls (refused ones, "message is not
    /// modified" among them, are only in `per_method`).
    pub edits: u64,
    /// 429 answers, injected or from rate caps.
    pub too_many_requests: u64,
    /// Requests per method (documented spelling; unknown methods as given).
    pub per_method: BTreeMap<String, u64>,
}

/// A Bot API error as Telegram returns it.
#[derive(Debug)]
struct ApiErr {
    code: u16,
    description: String,
    parameters: Option<Value>,
}

impl ApiErr {
    fn new(code: u16, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            parameters: None,
        }
    }

    fn bad(description: impl AsRef<str>) -> Self {
        Self::new(400, format!("Bad Request: {}", description.as_ref()))
    }

    fn retry_after(seconds: u64) -> Self {
        Self {
            code: 429,
            description: format!("Too Many Requests: retry after {seconds}"),
            parameters: Some(json!({ "retry_after": seconds })),
        }
    }

    fn into_response(self) -> Response {
        let mut body = json!({ "ok": false, "error_code": self.code, "description": self.description });
        if let Some(parameters) = self.parameters {
            body["parameters"] = parameters;
        }
        let status = StatusCode::from_u16(self.code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, axum::Json(body)).into_response()
    }
}

type ApiResult = Result<Value, ApiErr>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChatKind {
    Private,
    Group,
    Supergroup,
}

#[derive(Clone, Debug)]
struct ChatRec {
    kind: ChatKind,
    title: String,
    /// The user of a private chat.
    user: Option<TgUser>,
}

struct StoredMessage {
    /// The Message object as Telegram would return it now.
    json: Value,
    /// The bot's own messages carry their [`Sent`] (current state); users' messages do not.
    sent: Option<Sent>,
}

struct PollRec {
    chat_id: i64,
    message_id: i64,
    json: Value,
    anonymous: bool,
    quiz: bool,
    multiple: bool,
    votes: HashMap<i64, Vec<i32>>,
}

struct Webhook {
    url: String,
    secret: Option<String>,
    max_connections: Option<i64>,
    last_error: Option<(i64, String)>,
}

struct FileRec {
    unique_id: String,
    name: String,
    mime: Option<String>,
    path: String,
    bytes: Bytes,
    /// A photo's width and height, read from the image when it was uploaded.
    dimensions: Option<(u32, u32)>,
}

struct FaultRule {
    method: String,
    fault: Fault,
    remaining: u32,
}

/// One update waiting for delivery.
struct Queued {
    id: i64,
    json: Value,
}

#[derive(Default)]
struct Inner {
    next_update_id: i64,
    updates: VecDeque<Queued>,
    confirmed_offset: i64,
    /// `None` = Telegram's default set.
    allowed_updates: Option<Vec<String>>,
    /// Bumped by every getUpdates call, so an older long poll knows it was superseded.
    poll_generation: u64,
    webhook: Option<Webhook>,
    chats: HashMap<i64, ChatRec>,
    next_message_id: HashMap<i64, i64>,
    messages: HashMap<(i64, i64), StoredMessage>,
    sent: Vec<Sent>,
    callbacks: HashMap<String, bool>,
    next_callback: u64,
    callback_answers: Vec<(String, Option<String>)>,
    polls: HashMap<String, PollRec>,
    next_poll: u64,
    ignored_poll_answers: Vec<(String, i64, String)>,
    commands: BTreeMap<(String, Option<String>), CommandList>,
    files: HashMap<String, FileRec>,
    next_file: u64,
    migrated: HashMap<i64, i64>,
    blocked: HashSet<i64>,
    stats: Stats,
    faults: Vec<FaultRule>,
    rate_cap: Option<u32>,
    recent_sends: VecDeque<Instant>,
    group_rate_cap: Option<u32>,
    recent_group_sends: HashMap<i64, VecDeque<Instant>>,
}

struct Shared {
    token: String,
    bot: TgUser,
    inner: Mutex<Inner>,
    /// New update queued, webhook set or removed, or a newer getUpdates arrived.
    updates_changed: Notify,
    /// The bot sent or edited something.
    sent_changed: Notify,
}

impl Shared {
    /// A panic while holding the lock (a failed assertion in a test helper) must not turn every
    /// later request into a second panic, so poisoning is ignored.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A fake Telegram Bot API server bound to `127.0.0.1` on a free port.
pub struct BotApiServer {
    shared: Arc<Shared>,
    url: url::Url,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for BotApiServer {
    fn drop(&mut self) {
        // A test that forgets `stop` must not leave a server and webhook poster running.
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl BotApiServer {
    /// Starts a server for the bot with this token (Telegram's `ID:secret` form, where `ID` is
    /// `bot.id`) on `127.0.0.1:0`.
    pub async fn start(token: &str, bot: TgUser) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            token: token.to_owned(),
            bot,
            inner: Mutex::new(Inner {
                next_update_id: 10_001,
                ..Inner::default()
            }),
            updates_changed: Notify::new(),
            sent_changed: Notify::new(),
        });
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let url = url::Url::parse(&format!("http://{addr}/")).map_err(std::io::Error::other)?;
        let app = Router::new()
            .fallback(handle)
            .layer(DefaultBodyLimit::max(MAX_BODY))
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                tracing::error!(%error, "fake Bot API server stopped");
            }
        });
        let poster = tokio::spawn(webhook_loop(shared.clone()));
        Ok(Self {
            shared,
            url,
            tasks: vec![server, poster],
        })
    }

    /// Base URL for `TELOXIDE_API_URL`, e.g. `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> url::Url {
        self.url.clone()
    }

    /// Makes a chat known without a message in it, as if the user had started the bot earlier.
    /// Sending to a chat the server has never seen answers 400 "chat not found".
    pub fn introduce(&self, from: &TgUser, chat: &TgChat) {
        register_chat(&mut self.shared.lock(), from, chat);
    }

    /// The user writes `text` in `chat`; returns the new message id. A leading `/command` gets a
    /// `bot_command` entity at offset 0, as real clients send.
    pub fn send_text(&self, from: &TgUser, chat: &TgChat, text: &str) -> i64 {
        let mut inner = self.shared.lock();
        let chat_id = register_chat(&mut inner, from, chat);
        let message_id = next_message_id(&mut inner, chat_id);
        let mut message = json!({
            "message_id": message_id,
            "from": user_json(from, false),
            "chat": chat_json(&inner, chat_id),
            "date": unix_now(),
            "text": text,
        });
        if text.starts_with('/') {
            let command = text.split(char::is_whitespace).next().unwrap_or(text);
            message["entities"] = json!([{ "type": "bot_command", "offset": 0, "length": utf16_len(command) }]);
        }
        inner.messages.insert(
            (chat_id, message_id),
            StoredMessage {
                json: message.clone(),
                sent: None,
            },
        );
        push_update(&mut inner, "message", message);
        drop(inner);
        self.shared.updates_changed.notify_waiters();
        message_id
    }

    /// The user presses a button of message `message_id` in `chat`, with callback `data` (not
    /// checked against the keyboard: tests forge presses). Returns the callback query id.
    pub fn press(&self, from: &TgUser, chat: &TgChat, message_id: i64, data: &str) -> String {
        let mut inner = self.shared.lock();
        let chat_id = register_chat(&mut inner, from, chat);
        inner.next_callback += 1;
        let id = format!("{}{:08}", from.id.unsigned_abs(), inner.next_callback);
        // A message the server does not hold is delivered as an InaccessibleMessage (date 0).
        let message = match inner.messages.get(&(chat_id, message_id)) {
            Some(stored) => stored.json.clone(),
            None => json!({ "message_id": message_id, "chat": chat_json(&inner, chat_id), "date": 0 }),
        };
        let query = json!({
            "id": id,
            "from": user_json(from, false),
            "message": message,
            "chat_instance": format!("{}", chat_id.unsigned_abs() * 7919),
            "data": data,
        });
        inner.callbacks.insert(id.clone(), false);
        push_update(&mut inner, "callback_query", query);
        drop(inner);
        self.shared.updates_changed.notify_waiters();
        id
    }

    /// The user votes in a poll the bot sent. For non-anonymous polls the bot gets a
    /// `poll_answer` update; every counted vote also yields a `poll` update with the new counts
    /// (Telegram sends those for polls the bot sent). Votes Telegram would not deliver as
    /// `poll_answer` (anonymous poll, closed poll, unknown poll, bad options, changing a quiz
    /// answer) are recorded in [`BotApiServer::ignored_poll_answers`].
    pub fn answer_poll(&self, from: &TgUser, poll_id: &str, option_ids: &[i32]) {
        let mut inner = self.shared.lock();
        let ignore = |inner: &mut Inner, reason: &str| {
            tracing::debug!(poll_id, user = from.id, reason, "poll answer not delivered");
            inner
                .ignored_poll_answers
                .push((poll_id.to_owned(), from.id, reason.to_owned()));
        };
        let Some(poll) = inner.polls.get(poll_id) else {
            return ignore(&mut inner, "unknown poll");
        };
        let count = poll.json["options"].as_array().map_or(0, Vec::len) as i32;
        let reason = if poll.json["is_closed"] == true {
            Some("poll is closed")
        } else if option_ids.iter().any(|&o| o < 0 || o >= count) {
            Some("option out of range")
        } else if option_ids.len() > 1 && !poll.multiple {
            Some("several options in a single-answer poll")
        } else if poll.quiz && poll.votes.contains_key(&from.id) {
            Some("quiz answers cannot be changed")
        } else if option_ids.is_empty() && !poll.votes.contains_key(&from.id) {
            Some("retracting a vote that was never cast")
        } else {
            None
        };
        if let Some(reason) = reason {
            return ignore(&mut inner, reason);
        }
        let Some(poll) = inner.polls.get_mut(poll_id) else {
            return;
        };
        if option_ids.is_empty() {
            poll.votes.remove(&from.id);
        } else {
            poll.votes.insert(from.id, option_ids.to_vec());
        }
        let mut counts = vec![0u64; count as usize];
        for votes in poll.votes.values() {
            for &o in votes {
                counts[o as usize] += 1;
            }
        }
        for (i, n) in counts.iter().enumerate() {
            poll.json["options"][i]["voter_count"] = json!(n);
        }
        poll.json["total_voter_count"] = json!(poll.votes.len());
        let (anonymous, key, poll_json) = (poll.anonymous, (poll.chat_id, poll.message_id), poll.json.clone());
        if let Some(stored) = inner.messages.get_mut(&key) {
            stored.json["poll"] = poll_json.clone();
            if let Some(sent) = &mut stored.sent {
                sent.poll = Some(poll_json.clone());
            }
        }
        push_update(&mut inner, "poll", poll_json);
        if anonymous {
            ignore(&mut inner, "anonymous poll: counted, but no poll_answer is delivered");
        } else {
            let answer = json!({ "poll_id": poll_id, "user": user_json(from, false), "option_ids": option_ids });
            push_update(&mut inner, "poll_answer", answer);
        }
        drop(inner);
        self.shared.updates_changed.notify_waiters();
    }

    /// Poll answers that produced no `poll_answer` update: `(poll id, user id, reason)`.
    pub fn ignored_poll_answers(&self) -> Vec<(String, i64, String)> {
        self.shared.lock().ignored_poll_answers.clone()
    }

    /// The basic group `from_chat_id` becomes the supergroup `to_supergroup_id`. The bot gets the
    /// two service messages Telegram sends; afterwards sending to the old id answers 400 with
    /// `parameters.migrate_to_chat_id`.
    pub fn migrate_group(&self, from_chat_id: i64, to_supergroup_id: i64) {
        let mut inner = self.shared.lock();
        let title = inner
            .chats
            .get(&from_chat_id)
            .map(|c| c.title.clone())
            .unwrap_or_else(|| "Group".to_owned());
        inner.chats.insert(
            from_chat_id,
            ChatRec {
                kind: ChatKind::Group,
                title: title.clone(),
                user: None,
            },
        );
        inner.chats.insert(
            to_supergroup_id,
            ChatRec {
                kind: ChatKind::Supergroup,
                title,
                user: None,
            },
        );
        inner.migrated.insert(from_chat_id, to_supergroup_id);
        // Telegram attributes the service messages to the user who upgraded; a neutral user here.
        let from =
            json!({ "id": 1_087_968_824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot" });
        let old_id = next_message_id(&mut inner, from_chat_id);
        let to = json!({
            "message_id": old_id, "from": from, "chat": chat_json(&inner, from_chat_id), "date": unix_now(),
            "migrate_to_chat_id": to_supergroup_id,
        });
        push_update(&mut inner, "message", to);
        let new_id = next_message_id(&mut inner, to_supergroup_id);
        let from_msg = json!({
            "message_id": new_id, "from": from, "chat": chat_json(&inner, to_supergroup_id), "date": unix_now(),
            "migrate_from_chat_id": from_chat_id,
        });
        push_update(&mut inner, "message", from_msg);
        drop(inner);
        self.shared.updates_changed.notify_waiters();
    }

    /// `from` adds the bot to a group (`added`), or removes it: the bot gets a `my_chat_member`
    /// update, as Telegram sends whatever the privacy mode.
    pub fn set_bot_in_group(&self, from: &TgUser, chat: &TgChat, added: bool) {
        let mut inner = self.shared.lock();
        let chat_id = register_chat(&mut inner, from, chat);
        let bot = user_json(&self.shared.bot, true);
        let (old, new) = if added { ("left", "member") } else { ("member", "left") };
        let update = json!({
            "chat": chat_json(&inner, chat_id),
            "from": user_json(from, false),
            "date": unix_now(),
            "old_chat_member": { "status": old, "user": bot },
            "new_chat_member": { "status": new, "user": bot },
        });
        push_update(&mut inner, "my_chat_member", update);
        drop(inner);
        self.shared.updates_changed.notify_waiters();
    }

    /// From now on, sending to this user's private chat answers 403 "bot was blocked by the user".
    pub fn block(&self, user_id: i64) {
        self.shared.lock().blocked.insert(user_id);
    }

    /// Undoes [`BotApiServer::block`].
    pub fn unblock(&self, user_id: i64) {
        self.shared.lock().blocked.remove(&user_id);
    }

    /// A member deletes a message from the chat (for everyone): editing it then answers "message
    /// to edit not found". Returns whether there was such a message.
    pub fn delete_message(&self, chat_id: i64, message_id: i64) -> bool {
        self.shared.lock().messages.remove(&(chat_id, message_id)).is_some()
    }

    /// Everything the bot sent or edited, in order.
    pub fn sent(&self) -> Vec<Sent> {
        self.shared.lock().sent.clone()
    }

    /// What the bot sent or edited in one chat, in order.
    pub fn sent_to(&self, chat_id: i64) -> Vec<Sent> {
        self.shared
            .lock()
            .sent
            .iter()
            .filter(|s| s.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// The most new messages (edits not counted) the bot sent to `chat_id` within any 60 seconds,
    /// from the times the server accepted them: what Telegram's ~20 a minute per group limits.
    pub fn most_in_a_minute(&self, chat_id: i64) -> usize {
        let times: Vec<Instant> = self
            .sent_to(chat_id)
            .into_iter()
            .filter(|sent| !sent.edited)
            .map(|sent| sent.at)
            .collect();
        let mut most = 0;
        let mut first = 0;
        for (last, at) in times.iter().enumerate() {
            while at.duration_since(times[first]) >= Duration::from_secs(60) {
                first += 1;
            }
            most = most.max(last + 1 - first);
        }
        most
    }

    /// Waits until at least `count` new messages (edits not counted) went to `chat_id` and
    /// returns those messages (edits left out; see [`BotApiServer::message`] for their current
    /// state). Panics with everything sent so far on timeout.
    pub async fn wait_sent(&self, chat_id: i64, count: usize, timeout: Duration) -> Vec<Sent> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Register before looking, so a send between the look and the wait is not missed.
            let notified = self.shared.sent_changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let messages: Vec<Sent> = self.sent_to(chat_id).into_iter().filter(|s| !s.edited).collect();
            if messages.len() >= count {
                return messages;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "timed out after {timeout:?} waiting for {count} messages to chat {chat_id}; got {}. Everything sent: {:#?}",
                    messages.len(),
                    self.sent()
                );
            }
        }
    }

    /// The current state of a message the bot sent (after edits and poll votes).
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Sent> {
        self.shared
            .lock()
            .messages
            .get(&(chat_id, message_id))
            .and_then(|m| m.sent.clone())
    }

    /// The Message object as Telegram would return it now (bot's or user's message).
    pub fn message_json(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&(chat_id, message_id))
            .map(|m| m.json.clone())
    }

    /// answerCallbackQuery calls, in order: `(callback query id, text)`.
    pub fn callback_answers(&self) -> Vec<(String, Option<String>)> {
        self.shared.lock().callback_answers.clone()
    }

    /// Command lists from setMyCommands: `(language_code, [(command, description)])`, all scopes
    /// together (see [`BotApiServer::commands_scoped`]).
    pub fn commands(&self) -> Vec<(Option<String>, CommandList)> {
        self.shared
            .lock()
            .commands
            .iter()
            .map(|((_, lang), list)| (lang.clone(), list.clone()))
            .collect()
    }

    /// Command lists with their scope: `(scope JSON or "default", language_code, commands)`.
    pub fn commands_scoped(&self) -> Vec<(String, Option<String>, CommandList)> {
        let inner = self.shared.lock();
        inner
            .commands
            .iter()
            .map(|((scope, lang), list)| (scope.clone(), lang.clone(), list.clone()))
            .collect()
    }

    /// The webhook set by the bot: `(url, secret_token)`.
    pub fn webhook(&self) -> Option<(String, Option<String>)> {
        self.shared
            .lock()
            .webhook
            .as_ref()
            .map(|w| (w.url.clone(), w.secret.clone()))
    }

    /// Updates queued and not yet confirmed (getUpdates offset) or delivered (webhook).
    pub fn pending_updates(&self) -> usize {
        self.shared.lock().updates.len()
    }

    /// The highest getUpdates `offset` the bot has sent (0 before any).
    pub fn confirmed_offset(&self) -> i64 {
        self.shared.lock().confirmed_offset
    }

    /// Request counters.
    pub fn stats(&self) -> Stats {
        self.shared.lock().stats.clone()
    }

    /// The next `times` calls of `method` (`"*"` = any sending method) get `fault`.
    /// `Fault::Slow` answers normally after the delay.
    pub fn fail_next(&self, method: &str, fault: Fault, times: u32) {
        let method = method.to_ascii_lowercase();
        self.shared.lock().faults.push(FaultRule {
            method,
            fault,
            remaining: times,
        });
    }

    /// Caps sending methods at `messages_per_second` over a sliding one-second window; above it
    /// the bot gets 429 with `retry_after` 1 (counted in [`Stats::too_many_requests`]).
    pub fn set_rate_cap(&self, messages_per_second: Option<u32>) {
        let mut inner = self.shared.lock();
        inner.rate_cap = messages_per_second;
        inner.recent_sends.clear();
    }

    /// Caps sending methods per group chat (negative ids) at `per_minute` over a sliding minute,
    /// like Telegram's ~20 messages per minute in a group.
    pub fn set_group_rate_cap(&self, per_minute: Option<u32>) {
        let mut inner = self.shared.lock();
        inner.group_rate_cap = per_minute;
        inner.recent_group_sends.clear();
    }

    /// Stops serving; pending long polls are dropped.
    pub async fn stop(mut self) {
        for task in std::mem::take(&mut self.tasks) {
            task.abort();
            let _ = task.await;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Request handling

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    let path = path.trim_start_matches('/');
    if let Some(rest) = path.strip_prefix("file/bot") {
        return download(&shared, rest);
    }
    let Some(rest) = path.strip_prefix("bot") else {
        return ApiErr::new(404, "Not Found").into_response();
    };
    let (token, method) = rest.split_once('/').unwrap_or((rest, ""));
    let canonical = METHODS.iter().copied().find(|m| m.eq_ignore_ascii_case(method));
    {
        let mut inner = shared.lock();
        inner.stats.requests += 1;
        let name = canonical.unwrap_or(method).to_owned();
        *inner.stats.per_method.entry(name).or_default() += 1;
    }
    // teloxide does not percent-encode the `:` of the token, but other clients may.
    if token != shared.token && token.replace("%3A", ":").replace("%3a", ":") != shared.token {
        return ApiErr::new(401, "Unauthorized").into_response();
    }
    let Some(method) = canonical else {
        return ApiErr::new(404, "Not Found").into_response();
    };
    let result = match read_params(req).await {
        Ok(params) => call(&shared, method, &params).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(result) => axum::Json(json!({ "ok": true, "result": result })).into_response(),
        Err(err) => {
            if err.code == 429 {
                shared.lock().stats.too_many_requests += 1;
            }
            tracing::debug!(method, code = err.code, description = %err.description, "fake Bot API error");
            err.into_response()
        }
    }
}

async fn call(shared: &Arc<Shared>, method: &'static str, params: &Params) -> ApiResult {
    let fault = {
        let mut inner = shared.lock();
        let lower = method.to_ascii_lowercase();
        let sending = SENDING.contains(&method);
        let rule = inner
            .faults
            .iter_mut()
            .find(|r| r.remaining > 0 && (r.method == lower || (r.method == "*" && sending)));
        rule.map(|r| {
            r.remaining -= 1;
            r.fault.clone()
        })
    };
    match fault {
        Some(Fault::TooManyRequests { retry_after }) => return Err(ApiErr::retry_after(retry_after.into())),
        Some(Fault::Forbidden) => return Err(ApiErr::new(403, "Forbidden: bot was blocked by the user")),
        Some(Fault::ServerError(code)) => {
            let reason = StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Internal Server Error");
            return Err(ApiErr::new(code, reason));
        }
        Some(Fault::Slow(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }
    match method {
        "getUpdates" => get_updates(shared, params).await,
        _ => dispatch(shared, method, params),
    }
}

fn dispatch(shared: &Shared, method: &str, p: &Params) -> ApiResult {
    match method {
        "getMe" => {
            let mut me = user_json(&shared.bot, true);
            me["can_join_groups"] = json!(true);
            me["can_read_all_group_messages"] = json!(false);
            me["supports_inline_queries"] = json!(false);
            me["can_connect_to_business"] = json!(false);
            me["has_main_web_app"] = json!(false);
            Ok(me)
        }
        "logOut" | "close" | "setMyName" | "setMyDescription" | "setMyShortDescription" => Ok(json!(true)),
        "setWebhook" => set_webhook(shared, p),
        "deleteWebhook" => {
            let drop_pending = p.bool("drop_pending_updates")?.unwrap_or(false);
            let mut inner = shared.lock();
            inner.webhook = None;
            if drop_pending {
                inner.updates.clear();
            }
            drop(inner);
            shared.updates_changed.notify_waiters();
            Ok(json!(true))
        }
        "getWebhookInfo" => {
            let inner = shared.lock();
            let mut info = json!({
                "url": inner.webhook.as_ref().map_or("", |w| w.url.as_str()),
                "has_custom_certificate": false,
                "pending_update_count": inner.updates.len(),
            });
            if let Some(w) = &inner.webhook {
                if let Some(max) = w.max_connections {
                    info["max_connections"] = json!(max);
                }
                if let Some((date, message)) = &w.last_error {
                    info["last_error_date"] = json!(date);
                    info["last_error_message"] = json!(message);
                }
            }
            if let Some(allowed) = &inner.allowed_updates {
                info["allowed_updates"] = json!(allowed);
            }
            Ok(info)
        }
        "sendMessage" => send_message(shared, p),
        "editMessageText" => edit_message_text(shared, p),
        "editMessageReplyMarkup" => edit_reply_markup(shared, p),
        "deleteMessage" => {
            let chat_id = chat_id_param(p)?;
            let message_id = p
                .i64("message_id")?
                .ok_or_else(|| ApiErr::bad("message identifier is not specified"))?;
            let mut inner = shared.lock();
            check_chat(&inner, chat_id)?;
            inner
                .messages
                .remove(&(chat_id, message_id))
                .ok_or_else(|| ApiErr::bad("message to delete not found"))?;
            Ok(json!(true))
        }
        "answerCallbackQuery" => {
            let id = p.str("callback_query_id")?.unwrap_or_default();
            let text = p.str("text")?;
            if text.as_deref().is_some_and(|t| t.chars().count() > 200) {
                return Err(ApiErr::bad("MESSAGE_TOO_LONG"));
            }
            let mut inner = shared.lock();
            match inner.callbacks.get_mut(&id) {
                Some(answered) if !*answered => *answered = true,
                _ => {
                    return Err(ApiErr::bad(
                        "query is too old and response timeout expired or query id is invalid",
                    ));
                }
            }
            inner.callback_answers.push((id, text));
            Ok(json!(true))
        }
        "sendPoll" => send_poll(shared, p),
        "stopPoll" => stop_poll(shared, p),
        "sendDocument" => send_file(shared, p, "sendDocument", "document"),
        "sendPhoto" => send_file(shared, p, "sendPhoto", "photo"),
        "sendVideo" => send_file(shared, p, "sendVideo", "video"),
        "getFile" => {
            let id = p.str("file_id")?.unwrap_or_default();
            let inner = shared.lock();
            let file = inner.files.get(&id).ok_or_else(|| ApiErr::bad("invalid file_id"))?;
            Ok(
                json!({ "file_id": id, "file_unique_id": file.unique_id, "file_size": file.bytes.len(), "file_path": file.path }),
            )
        }
        "setMyCommands" => set_my_commands(shared, p),
        "deleteMyCommands" => {
            let key = commands_key(p)?;
            shared.lock().commands.remove(&key);
            Ok(json!(true))
        }
        "getMyCommands" => {
            let key = commands_key(p)?;
            let inner = shared.lock();
            let list = inner.commands.get(&key).cloned().unwrap_or_default();
            Ok(Value::Array(
                list.into_iter()
                    .map(|(c, d)| json!({ "command": c, "description": d }))
                    .collect(),
            ))
        }
        "sendChatAction" => {
            let chat_id = chat_id_param(p)?;
            p.str("action")?.ok_or_else(|| ApiErr::bad("action is not specified"))?;
            check_chat(&shared.lock(), chat_id)?;
            Ok(json!(true))
        }
        _ => Err(ApiErr::new(404, "Not Found")),
    }
}

fn download(shared: &Shared, rest: &str) -> Response {
    let Some((token, path)) = rest.split_once('/') else {
        return ApiErr::new(404, "Not Found").into_response();
    };
    if token != shared.token {
        return ApiErr::new(401, "Unauthorized").into_response();
    }
    let inner = shared.lock();
    match inner.files.values().find(|f| f.path == path) {
        Some(file) => {
            let mime = file
                .mime
                .clone()
                .unwrap_or_else(|| "application/octet-stream".to_owned());
            ([(header::CONTENT_TYPE, mime)], file.bytes.clone()).into_response()
        }
        None => ApiErr::new(404, "Not Found").into_response(),
    }
}

// ---------------------------------------------------------------------------------------------
// Parameters: JSON, form-urlencoded, multipart or query string, as the Bot API accepts.

struct Upload {
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Bytes,
}

#[derive(Default)]
struct Params {
    values: Map<String, Value>,
    /// Every multipart part by name, so `attach://name` can find it.
    parts: HashMap<String, Upload>,
}

impl Params {
    fn raw(&self, key: &str) -> Option<&Value> {
        self.values.get(key).filter(|v| !v.is_null())
    }

    fn str(&self, key: &str) -> Result<Option<String>, ApiErr> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(Value::Bool(b)) => Ok(Some(b.to_string())),
            Some(_) => Err(ApiErr::bad(format!("field \"{key}\" must be of type String"))),
        }
    }

    fn i64(&self, key: &str) -> Result<Option<i64>, ApiErr> {
        let wrong = || ApiErr::bad(format!("field \"{key}\" must be of type Integer"));
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(wrong),
            Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| wrong()),
            Some(_) => Err(wrong()),
        }
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, ApiErr> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if matches!(s.as_str(), "true" | "True" | "1") => Ok(Some(true)),
            Some(Value::String(s)) if matches!(s.as_str(), "false" | "False" | "0" | "") => Ok(Some(false)),
            Some(Value::Number(n)) => Ok(Some(n.as_i64() != Some(0))),
            Some(_) => Err(ApiErr::bad(format!("field \"{key}\" must be of type Boolean"))),
        }
    }

    /// A JSON-typed parameter; form and multipart bodies carry it as a JSON string.
    fn json(&self, key: &str) -> Result<Option<Value>, ApiErr> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(s)) => serde_json::from_str(s)
                .map(Some)
                .map_err(|_| ApiErr::bad(format!("can't parse {key} JSON object"))),
            Some(v) => Ok(Some(v.clone())),
        }
    }
}

async fn read_params(req: Request) -> Result<Params, ApiErr> {
    let (parts, body) = req.into_parts();
    let mut params = Params::default();
    if let Some(query) = parts.uri.query() {
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            params.values.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    }
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let req = Request::from_parts(parts, body);
        let mut multipart = Multipart::from_request(req, &())
            .await
            .map_err(|e| ApiErr::bad(format!("can't parse request: {e}")))?;
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(e) => return Err(ApiErr::bad(format!("can't parse multipart body: {e}"))),
            };
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let content_type = field.content_type().map(str::to_owned);
            let bytes = field
                .bytes()
                .await
                .map_err(|e| ApiErr::bad(format!("can't read multipart part: {e}")))?;
            // Parts without a file name are ordinary parameters (teloxide sends numbers, JSON
            // objects and strings that way).
            if file_name.is_none() {
                params.values.insert(
                    name.clone(),
                    Value::String(String::from_utf8_lossy(&bytes).into_owned()),
                );
            }
            params.parts.insert(
                name,
                Upload {
                    file_name,
                    content_type,
                    bytes,
                },
            );
        }
        return Ok(params);
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| ApiErr::new(413, "Request Entity Too Large"))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiErr::bad("request body is not UTF-8"))?
        .trim();
    if text.is_empty() {
        return Ok(params);
    }
    // Without a content type, guess from the first byte, as lenient servers do.
    let is_json = content_type.starts_with("application/json") || (content_type.is_empty() && text.starts_with('{'));
    if is_json {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => params.values.extend(map),
            _ => return Err(ApiErr::bad("can't parse JSON object")),
        }
    } else if content_type.is_empty() || content_type.starts_with("application/x-www-form-urlencoded") {
        for (k, v) in url::form_urlencoded::parse(text.as_bytes()) {
            params.values.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    } else {
        return Err(ApiErr::bad(format!("unsupported Content-Type {content_type}")));
    }
    Ok(params)
}

// ---------------------------------------------------------------------------------------------
// Updates: getUpdates and webhook delivery

async fn get_updates(shared: &Shared, p: &Params) -> ApiResult {
    let offset = p.i64("offset")?.unwrap_or(0);
    let limit = p.i64("limit")?.unwrap_or(100).clamp(1, 100) as usize;
    let timeout = p.i64("timeout")?.unwrap_or(0).max(0) as u64;
    let allowed = parse_allowed_updates(p)?;
    let generation = {
        let mut inner = shared.lock();
        if inner.webhook.is_some() {
            return Err(ApiErr::new(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            ));
        }
        if let Some(allowed) = allowed {
            inner.allowed_updates = allowed;
        }
        if offset > 0 {
            inner.updates.retain(|u| u.id >= offset);
            inner.confirmed_offset = inner.confirmed_offset.max(offset);
        } else if offset < 0 {
            // A negative offset keeps only the last -offset updates and forgets the rest.
            let keep = offset.unsigned_abs() as usize;
            while inner.updates.len() > keep {
                inner.updates.pop_front();
            }
        }
        inner.poll_generation += 1;
        inner.poll_generation
    };
    // Wake an older long poll so it can answer 409, as Telegram does.
    shared.updates_changed.notify_waiters();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        {
            let inner = shared.lock();
            if inner.webhook.is_some() {
                return Err(ApiErr::new(409, "Conflict: terminated by setWebhook request"));
            }
            if inner.poll_generation != generation {
                return Err(ApiErr::new(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                ));
            }
            if !inner.updates.is_empty() {
                return Ok(Value::Array(
                    inner.updates.iter().take(limit).map(|u| u.json.clone()).collect(),
                ));
            }
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return Ok(json!([]));
        }
    }
}

/// `Some(None)` resets to Telegram's default set (an empty list means that too).
fn parse_allowed_updates(p: &Params) -> Result<Option<Option<Vec<String>>>, ApiErr> {
    let Some(value) = p.json("allowed_updates")? else {
        return Ok(None);
    };
    let list = value
        .as_array()
        .ok_or_else(|| ApiErr::bad("can't parse allowed updates"))?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| ApiErr::bad("can't parse allowed updates"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(if list.is_empty() { None } else { Some(list) }))
}

fn set_webhook(shared: &Shared, p: &Params) -> ApiResult {
    let url = p.str("url")?.unwrap_or_default();
    let secret = p.str("secret_token")?;
    let drop_pending = p.bool("drop_pending_updates")?.unwrap_or(false);
    let allowed = parse_allowed_updates(p)?;
    let max_connections = p.i64("max_connections")?;
    if let Some(secret) = &secret {
        let valid = (1..=256).contains(&secret.len())
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid {
            return Err(ApiErr::bad("secret token contains unallowed characters"));
        }
    }
    if max_connections.is_some_and(|m| !(1..=100).contains(&m)) {
        return Err(ApiErr::bad("bad webhook: max_connections must be between 1 and 100"));
    }
    let mut inner = shared.lock();
    if url.is_empty() {
        // Telegram treats an empty URL as deleteWebhook.
        inner.webhook = None;
    } else {
        // Telegram insists on HTTPS and a few ports; loopback tests need plain http on any port.
        let parsed = url::Url::parse(&url).map_err(|_| ApiErr::bad("bad webhook: invalid URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(ApiErr::bad("bad webhook: HTTPS url must be provided for webhook"));
        }
        inner.webhook = Some(Webhook {
            url,
            secret,
            max_connections,
            last_error: None,
        });
    }
    if let Some(allowed) = allowed {
        inner.allowed_updates = allowed;
    }
    if drop_pending {
        inner.updates.clear();
    }
    drop(inner);
    shared.updates_changed.notify_waiters();
    Ok(json!(true))
}

/// Posts queued updates, in order and one at a time, to the webhook while one is set. A failed
/// delivery is retried (Telegram keeps retrying too) with a short backoff suited to tests.
async fn webhook_loop(shared: Arc<Shared>) {
    let client = match reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "fake Bot API: no HTTP client for webhook delivery");
            return;
        }
    };
    let mut backoff = Duration::from_millis(50);
    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let job = {
            let inner = shared.lock();
            match (&inner.webhook, inner.updates.front()) {
                (Some(w), Some(u)) => Some((w.url.clone(), w.secret.clone(), u.id, u.json.to_string())),
                _ => None,
            }
        };
        let Some((url, secret, id, body)) = job else {
            let _ = tokio::time::timeout(Duration::from_secs(1), notified).await;
            continue;
        };
        let mut request = client
            .post(url.as_str())
            .header("content-type", "application/json")
            .body(body);
        if let Some(secret) = &secret {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", secret.as_str());
        }
        let error = match request.send().await {
            Ok(response) if response.status().is_success() => None,
            Ok(response) => Some(format!("Wrong response from the webhook: {}", response.status())),
            Err(error) => Some(format!("Connection failed: {error}")),
        };
        let failed = {
            let mut inner = shared.lock();
            match error {
                None => {
                    // Only drop it if it is still the head of the same webhook's queue.
                    let same = inner.webhook.as_ref().is_some_and(|w| w.url == url);
                    if same && inner.updates.front().is_some_and(|u| u.id == id) {
                        inner.updates.pop_front();
                    }
                    false
                }
                Some(message) => {
                    tracing::debug!(%url, %message, "fake Bot API: webhook delivery failed");
                    if let Some(w) = inner.webhook.as_mut() {
                        w.last_error = Some((unix_now(), message));
                    }
                    true
                }
            }
        };
        if failed {
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(2));
        } else {
            backoff = Duration::from_millis(50);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sending and editing

fn send_message(shared: &Shared, p: &Params) -> ApiResult {
    let chat_id = chat_id_param(p)?;
    let raw = p.str("text")?.unwrap_or_default();
    let parse_mode = p.str("parse_mode")?;
    let (plain, entities) = parse_text(&raw, parse_mode.as_deref(), p.json("entities")?)?;
    check_text(&plain)?;
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, true)?;
    }
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let reply_to = reply_to(&inner, p, chat_id)?;
    admit(&mut inner, chat_id)?;
    let message_id = next_message_id(&mut inner, chat_id);
    let mut message = bot_message(shared, &inner, chat_id, message_id);
    message["text"] = json!(plain);
    set_or_remove(
        &mut message,
        "entities",
        (!entities.is_empty()).then(|| json!(entities)),
    );
    set_or_remove(&mut message, "reply_markup", inline_only(markup.as_ref()));
    set_or_remove(&mut message, "reply_to_message", reply_to);
    let sent = Sent {
        method: "sendMessage".to_owned(),
        chat_id,
        message_id,
        text: Some(raw),
        parse_mode,
        reply_markup: markup,
        poll: None,
        document: None,
        at: Instant::now(),
        edited: false,
        edits: 0,
        plain_text: Some(plain),
    };
    Ok(store_new(shared, &mut inner, message, sent))
}

fn edit_message_text(shared: &Shared, p: &Params) -> ApiResult {
    let (chat_id, message_id) = edit_target(p)?;
    let raw = p.str("text")?.unwrap_or_default();
    let parse_mode = p.str("parse_mode")?;
    let (plain, entities) = parse_text(&raw, parse_mode.as_deref(), p.json("entities")?)?;
    check_text(&plain)?;
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, false)?;
    }
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let stored = editable(&inner, chat_id, message_id)?;
    if stored.json.get("text").is_none() {
        return Err(ApiErr::bad("there is no text in the message to edit"));
    }
    let new_entities = (!entities.is_empty()).then(|| json!(entities));
    // Omitting reply_markup in editMessageText removes the keyboard, as in Telegram.
    let new_markup = inline_only(markup.as_ref());
    if stored.json.get("text") == Some(&json!(plain))
        && stored.json.get("entities") == new_entities.as_ref()
        && stored.json.get("reply_markup") == new_markup.as_ref()
    {
        return Err(not_modified());
    }
    admit(&mut inner, chat_id)?;
    let Some(stored) = inner.messages.get_mut(&(chat_id, message_id)) else {
        return Err(ApiErr::bad("message to edit not found"));
    };
    stored.json["text"] = json!(plain);
    set_or_remove(&mut stored.json, "entities", new_entities);
    set_or_remove(&mut stored.json, "reply_markup", new_markup);
    stored.json["edit_date"] = json!(unix_now());
    let sent = stored.sent.as_mut().map(|s| {
        s.text = Some(raw.clone());
        s.plain_text = Some(plain.clone());
        s.parse_mode = parse_mode.clone();
        s.reply_markup = markup.clone();
        s.edits += 1;
        s.clone()
    });
    let json = stored.json.clone();
    inner.stats.edits += 1;
    let edit = Sent {
        method: "editMessageText".to_owned(),
        edited: true,
        at: Instant::now(),
        ..or_blank(sent, chat_id, message_id)
    };
    record(shared, &mut inner, edit);
    Ok(json)
}

fn edit_reply_markup(shared: &Shared, p: &Params) -> ApiResult {
    let (chat_id, message_id) = edit_target(p)?;
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, false)?;
    }
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let stored = editable(&inner, chat_id, message_id)?;
    let new_markup = inline_only(markup.as_ref());
    if stored.json.get("reply_markup") == new_markup.as_ref() {
        return Err(not_modified());
    }
    admit(&mut inner, chat_id)?;
    let Some(stored) = inner.messages.get_mut(&(chat_id, message_id)) else {
        return Err(ApiErr::bad("message to edit not found"));
    };
    set_or_remove(&mut stored.json, "reply_markup", new_markup);
    stored.json["edit_date"] = json!(unix_now());
    let sent = stored.sent.as_mut().map(|s| {
        s.reply_markup = markup.clone();
        s.edits += 1;
        s.clone()
    });
    let json = stored.json.clone();
    inner.stats.edits += 1;
    let edit = Sent {
        method: "editMessageReplyMarkup".to_owned(),
        edited: true,
        at: Instant::now(),
        ..or_blank(sent, chat_id, message_id)
    };
    record(shared, &mut inner, edit);
    Ok(json)
}

fn send_poll(shared: &Shared, p: &Params) -> ApiResult {
    let chat_id = chat_id_param(p)?;
    let question = p.str("question")?.unwrap_or_default();
    let question_len = question.chars().count();
    if question.trim().is_empty() {
        return Err(ApiErr::bad("poll question must be non-empty"));
    }
    if question_len > MAX_POLL_QUESTION {
        return Err(ApiErr::bad(format!(
            "poll question length must not exceed {MAX_POLL_QUESTION}"
        )));
    }
    let options = p.json("options")?.unwrap_or(json!([]));
    let options = options
        .as_array()
        .ok_or_else(|| ApiErr::bad("can't parse options JSON object"))?;
    // Bot API 7.3 sends InputPollOption objects; older clients send plain strings.
    let texts = options
        .iter()
        .map(|o| match o {
            Value::String(s) => Ok(s.clone()),
            Value::Object(m) => m
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| ApiErr::bad("can't parse InputPollOption")),
            _ => Err(ApiErr::bad("can't parse InputPollOption")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if texts.len() < 2 {
        return Err(ApiErr::bad("poll must have at least 2 option"));
    }
    if texts.len() > 12 {
        return Err(ApiErr::bad("poll can't have more than 12 options"));
    }
    if texts.iter().any(|t| t.trim().is_empty()) {
        return Err(ApiErr::bad("poll options must be non-empty"));
    }
    if texts.iter().any(|t| t.chars().count() > MAX_POLL_OPTION) {
        return Err(ApiErr::bad(format!(
            "poll options length must not exceed {MAX_POLL_OPTION}"
        )));
    }
    let kind = p.str("type")?.unwrap_or_else(|| "regular".to_owned());
    let quiz = match kind.as_str() {
        "regular" => false,
        "quiz" => true,
        _ => return Err(ApiErr::bad("wrong poll type specified")),
    };
    let anonymous = p.bool("is_anonymous")?.unwrap_or(true);
    let multiple = p.bool("allows_multiple_answers")?.unwrap_or(false);
    if quiz && multiple {
        return Err(ApiErr::bad("quiz poll can't allow multiple answers"));
    }
    let correct = p.i64("correct_option_id")?;
    if quiz && correct.is_none() {
        return Err(ApiErr::bad("correct_option_id must be specified for quiz polls"));
    }
    if correct.is_some_and(|c| c < 0 || c as usize >= texts.len()) {
        return Err(ApiErr::bad("wrong correct option id specified"));
    }
    let explanation = match p.str("explanation")? {
        Some(raw) => {
            let mode = p.str("explanation_parse_mode")?;
            let (plain, entities) = parse_text(&raw, mode.as_deref(), p.json("explanation_entities")?)?;
            if utf16_len(&plain) > MAX_POLL_EXPLANATION {
                return Err(ApiErr::bad(format!(
                    "poll explanation length must not exceed {MAX_POLL_EXPLANATION}"
                )));
            }
            Some((plain, entities))
        }
        None => None,
    };
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, true)?;
    }
    let open_period = p.i64("open_period")?;
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let reply_to = reply_to(&inner, p, chat_id)?;
    admit(&mut inner, chat_id)?;
    inner.next_poll += 1;
    let poll_id = format!("{}", 5_377_643_193_141_000_000u64 + inner.next_poll);
    let mut poll = json!({
        "id": poll_id,
        "question": question,
        "options": texts.iter().map(|t| json!({ "text": t, "voter_count": 0 })).collect::<Vec<_>>(),
        "total_voter_count": 0,
        "is_closed": false,
        "is_anonymous": anonymous,
        "type": kind,
        "allows_multiple_answers": multiple,
    });
    set_or_remove(&mut poll, "correct_option_id", correct.map(|c| json!(c)));
    set_or_remove(&mut poll, "open_period", open_period.map(|o| json!(o)));
    if let Some((plain, entities)) = &explanation {
        poll["explanation"] = json!(plain);
        if !entities.is_empty() {
            poll["explanation_entities"] = json!(entities);
        }
    }
    let message_id = next_message_id(&mut inner, chat_id);
    let mut message = bot_message(shared, &inner, chat_id, message_id);
    message["poll"] = poll.clone();
    set_or_remove(&mut message, "reply_markup", inline_only(markup.as_ref()));
    set_or_remove(&mut message, "reply_to_message", reply_to);
    inner.polls.insert(
        poll_id,
        PollRec {
            chat_id,
            message_id,
            json: poll.clone(),
            anonymous,
            quiz,
            multiple,
            votes: HashMap::new(),
        },
    );
    let sent = Sent {
        method: "sendPoll".to_owned(),
        chat_id,
        message_id,
        text: None,
        parse_mode: None,
        reply_markup: markup,
        poll: Some(poll),
        document: None,
        at: Instant::now(),
        edited: false,
        edits: 0,
        plain_text: None,
    };
    Ok(store_new(shared, &mut inner, message, sent))
}

fn stop_poll(shared: &Shared, p: &Params) -> ApiResult {
    let chat_id = chat_id_param(p)?;
    let message_id = p
        .i64("message_id")?
        .ok_or_else(|| ApiErr::bad("message identifier is not specified"))?;
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, false)?;
    }
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let stored = inner
        .messages
        .get(&(chat_id, message_id))
        .ok_or_else(|| ApiErr::bad("message with poll to stop not found"))?;
    let poll_id = stored.json["poll"]["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| ApiErr::bad("message is not a poll"))?;
    if stored.json["poll"]["is_closed"] == true {
        return Err(ApiErr::bad("poll has already been closed"));
    }
    admit(&mut inner, chat_id)?;
    let Some(poll) = inner.polls.get_mut(&poll_id) else {
        return Err(ApiErr::bad("message is not a poll"));
    };
    poll.json["is_closed"] = json!(true);
    let poll_json = poll.json.clone();
    let Some(stored) = inner.messages.get_mut(&(chat_id, message_id)) else {
        return Err(ApiErr::bad("message with poll to stop not found"));
    };
    stored.json["poll"] = poll_json.clone();
    if markup.is_some() {
        set_or_remove(&mut stored.json, "reply_markup", inline_only(markup.as_ref()));
    }
    let sent = stored.sent.as_mut().map(|s| {
        s.poll = Some(poll_json.clone());
        if markup.is_some() {
            s.reply_markup = markup.clone();
        }
        s.clone()
    });
    let edit = Sent {
        method: "stopPoll".to_owned(),
        edited: true,
        at: Instant::now(),
        ..or_blank(sent, chat_id, message_id)
    };
    record(shared, &mut inner, edit);
    Ok(poll_json)
}

fn send_file(shared: &Shared, p: &Params, method: &str, field: &str) -> ApiResult {
    let chat_id = chat_id_param(p)?;
    let caption_raw = p.str("caption")?;
    let parse_mode = p.str("parse_mode")?;
    let caption = match &caption_raw {
        Some(raw) => {
            let (plain, entities) = parse_text(raw, parse_mode.as_deref(), p.json("caption_entities")?)?;
            if utf16_len(&plain) > MAX_CAPTION {
                return Err(ApiErr::bad("message caption is too long"));
            }
            Some((plain, entities))
        }
        None => None,
    };
    let markup = p.json("reply_markup")?;
    if let Some(markup) = &markup {
        validate_markup(markup, true)?;
    }
    // The file comes as a part named like the field (curl style), as `attach://name` (teloxide),
    // as a file_id this server issued, or as an http(s) URL.
    let upload = match p.str(field)? {
        Some(value) if value.starts_with("attach://") => {
            let name = &value["attach://".len()..];
            Some(
                p.parts
                    .get(name)
                    .ok_or_else(|| ApiErr::bad(format!("file attach://{name} not found in the request")))?,
            )
        }
        Some(_) => None,
        None => Some(
            p.parts
                .get(field)
                .filter(|u| u.file_name.is_some())
                .ok_or_else(|| ApiErr::bad(format!("there is no {field} in the request")))?,
        ),
    };
    if upload.is_some_and(|u| u.bytes.is_empty()) {
        return Err(ApiErr::bad("file must be non-empty"));
    }
    // Telegram decodes an uploaded photo: what is no image, or too big, or too thin, is refused.
    let dimensions = match (field, upload) {
        ("photo", Some(upload)) => Some(photo_dimensions(&upload.bytes)?),
        _ => None,
    };
    let by_value = if upload.is_none() { p.str(field)? } else { None };
    let mut inner = shared.lock();
    check_chat(&inner, chat_id)?;
    let (file_id, document) = match (upload, by_value) {
        (Some(upload), _) => {
            inner.next_file += 1;
            let n = inner.next_file;
            let file_id = format!("BQACAgIAAxkBAAI{n:012}");
            let name = upload
                .file_name
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("file_{n}"));
            let document = SentFile::Uploaded {
                name: name.clone(),
                bytes: upload.bytes.len(),
                file_id: file_id.clone(),
            };
            let rec = FileRec {
                unique_id: format!("AgAD{n:08}"),
                name,
                mime: upload.content_type.clone(),
                path: format!("{field}s/file_{n}"),
                bytes: upload.bytes.clone(),
                dimensions,
            };
            inner.files.insert(file_id.clone(), rec);
            (Some(file_id), document)
        }
        (None, Some(value)) if value.starts_with("http://") || value.starts_with("https://") => {
            (None, SentFile::ByUrl(value))
        }
        (None, Some(value)) if inner.files.contains_key(&value) => (Some(value.clone()), SentFile::ById(value)),
        _ => return Err(ApiErr::bad("wrong file identifier/HTTP URL specified")),
    };
    let reply_to = reply_to(&inner, p, chat_id)?;
    if let Err(err) = admit(&mut inner, chat_id) {
        if let SentFile::Uploaded { file_id, .. } = &document {
            inner.files.remove(file_id);
        }
        return Err(err);
    }
    // A URL-sent file gets an id too, as Telegram stores it; it just cannot be downloaded here.
    let (file_id, unique_id, size, name, mime) = match file_id.as_ref().and_then(|id| inner.files.get(id)) {
        Some(f) => (
            file_id.clone().unwrap_or_default(),
            f.unique_id.clone(),
            f.bytes.len(),
            Some(f.name.clone()),
            f.mime.clone(),
        ),
        None => {
            inner.next_file += 1;
            let n = inner.next_file;
            let (file_id, unique_id) = (format!("BQACAgIAAxkBAAI{n:012}"), format!("AgAD{n:08}"));
            // Kept, so that the bot can send it again by this id as it would on Telegram.
            let rec = FileRec {
                unique_id: unique_id.clone(),
                name: format!("file_{n}"),
                mime: None,
                path: format!("{field}s/file_{n}"),
                bytes: Default::default(),
                dimensions: None,
            };
            inner.files.insert(file_id.clone(), rec);
            (file_id, unique_id, 0, None, None)
        }
    };
    let dimensions = inner.files.get(&file_id).and_then(|file| file.dimensions);
    let mut media = json!({ "file_id": file_id, "file_unique_id": unique_id, "file_size": size });
    let message_id = next_message_id(&mut inner, chat_id);
    let mut message = bot_message(shared, &inner, chat_id, message_id);
    match field {
        "photo" => message["photo"] = photo_sizes(&mut inner, media, dimensions),
        "video" => {
            media["width"] = json!(0);
            media["height"] = json!(0);
            media["duration"] = json!(0);
            set_or_remove(&mut media, "file_name", name.map(|n| json!(n)));
            media["mime_type"] = json!(mime.unwrap_or_else(|| "video/mp4".to_owned()));
            message["video"] = media;
        }
        _ => {
            set_or_remove(&mut media, "file_name", name.map(|n| json!(n)));
            set_or_remove(&mut media, "mime_type", mime.map(|m| json!(m)));
            message["document"] = media;
        }
    }
    if let Some((plain, entities)) = &caption {
        message["caption"] = json!(plain);
        if !entities.is_empty() {
            message["caption_entities"] = json!(entities);
        }
    }
    set_or_remove(&mut message, "reply_markup", inline_only(markup.as_ref()));
    set_or_remove(&mut message, "reply_to_message", reply_to);
    let sent = Sent {
        method: method.to_owned(),
        chat_id,
        message_id,
        text: caption_raw,
        parse_mode,
        reply_markup: markup,
        poll: None,
        document: Some(document),
        at: Instant::now(),
        edited: false,
        edits: 0,
        plain_text: caption.map(|(plain, _)| plain),
    };
    Ok(store_new(shared, &mut inner, message, sent))
}

/// The width and height of an uploaded photo, refused as Telegram refuses it: not an image it
/// reads (PNG, JPEG, WebP, GIF, BMP), over 10 MB, sides over 10000 together, a ratio over 20.
fn photo_dimensions(bytes: &[u8]) -> Result<(u32, u32), ApiErr> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(ApiErr::bad("PHOTO_SAVE_FILE_INVALID"));
    }
    let (width, height) = image_dimensions(bytes).ok_or_else(|| ApiErr::bad("IMAGE_PROCESS_FAILED"))?;
    let (w, h) = (u64::from(width), u64::from(height));
    if w == 0 || h == 0 || w + h > MAX_PHOTO_SIDES || w > h * MAX_PHOTO_RATIO || h > w * MAX_PHOTO_RATIO {
        return Err(ApiErr::bad("PHOTO_INVALID_DIMENSIONS"));
    }
    Ok((width, height))
}

/// Reads the size from an image's header, without decoding its pixels.
fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let be32 = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let be16 = |at: usize| Some(u32::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?)));
    let le16 = |at: usize| Some(u32::from(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?)));
    let le24 = |at: usize| {
        let b = bytes.get(at..at + 3)?;
        Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    };
    let le32 = |at: usize| Some(i32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?).unsigned_abs());
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if bytes.starts_with(b"BM") {
        return Some((le32(18)?, le32(22)?));
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return match bytes.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
                Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        };
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        // JPEG: walk the segments to the first start of frame (SOF0 to SOF15, not DHT, JPG, DAC).
        let mut at = 2;
        while at + 4 <= bytes.len() {
            if bytes[at] != 0xff {
                return None;
            }
            let marker = bytes[at + 1];
            if marker == 0xff {
                at += 1;
                continue;
            }
            let length = be16(at + 2)? as usize;
            if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
                return Some((be16(at + 7)?, be16(at + 5)?));
            }
            at += 2 + length;
        }
    }
    None
}

/// A photo's PhotoSize list as Telegram returns it, smallest first: the photo scaled into each
/// box smaller than it, then, if it fits the largest box, the photo itself. The largest size is
/// the file sent (`media`: its bytes are the upload as received, where Telegram would give its
/// own JPEG); the smaller ones are files of their own, without bytes here. Without known
/// dimensions (a photo by URL), one 90×90 size.
fn photo_sizes(inner: &mut Inner, mut media: Value, dimensions: Option<(u32, u32)>) -> Value {
    let Some((width, height)) = dimensions else {
        media["width"] = json!(90);
        media["height"] = json!(90);
        return json!([media]);
    };
    let longest = width.max(height);
    let scaled = |side: u32| {
        let scale =
            |length: u32| ((u64::from(length) * u64::from(side) + u64::from(longest) / 2) / u64::from(longest)).max(1);
        (scale(width), scale(height))
    };
    let mut sizes: Vec<(u64, u64)> = PHOTO_BOXES
        .iter()
        .filter(|&&side| longest > side)
        .map(|&side| scaled(side))
        .collect();
    if longest <= PHOTO_BOXES[PHOTO_BOXES.len() - 1] {
        sizes.push((width.into(), height.into()));
    }
    let (last_width, last_height) = sizes.pop().unwrap_or((width.into(), height.into()));
    let mut list = Vec::new();
    for (w, h) in sizes {
        inner.next_file += 1;
        let n = inner.next_file;
        let (file_id, unique_id) = (format!("AgACAgIAAxkBAAI{n:012}"), format!("AQAD{n:08}"));
        inner.files.insert(
            file_id.clone(),
            FileRec {
                unique_id: unique_id.clone(),
                name: format!("file_{n}"),
                mime: Some("image/jpeg".to_owned()),
                path: format!("photos/file_{n}"),
                bytes: Default::default(),
                dimensions: u32::try_from(w).ok().zip(u32::try_from(h).ok()),
            },
        );
        list.push(json!({ "file_id": file_id, "file_unique_id": unique_id, "width": w, "height": h }));
    }
    media["width"] = json!(last_width);
    media["height"] = json!(last_height);
    list.push(media);
    Value::Array(list)
}

fn set_my_commands(shared: &Shared, p: &Params) -> ApiResult {
    let key = commands_key(p)?;
    let list = p
        .json("commands")?
        .ok_or_else(|| ApiErr::bad("parameter \"commands\" is required"))?;
    let list = list
        .as_array()
        .ok_or_else(|| ApiErr::bad("can't parse commands JSON object"))?;
    if list.len() > 100 {
        return Err(ApiErr::bad("too many commands"));
    }
    let mut commands = Vec::with_capacity(list.len());
    for item in list {
        let command = item["command"].as_str().unwrap_or_default();
        let description = item["description"].as_str().unwrap_or_default();
        let valid = (1..=32).contains(&command.len())
            && command
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(ApiErr::bad("BOT_COMMAND_INVALID"));
        }
        if !(1..=256).contains(&description.chars().count()) {
            return Err(ApiErr::bad("BOT_COMMAND_DESCRIPTION_INVALID"));
        }
        commands.push((command.to_owned(), description.to_owned()));
    }
    let mut inner = shared.lock();
    if commands.is_empty() {
        inner.commands.remove(&key);
    } else {
        inner.commands.insert(key, commands);
    }
    Ok(json!(true))
}

/// Commands are stored per (scope, language); the default scope is spelled `default`.
fn commands_key(p: &Params) -> Result<(String, Option<String>), ApiErr> {
    let scope = match p.json("scope")? {
        None => "default".to_owned(),
        Some(scope) if scope.get("type").and_then(Value::as_str) == Some("default") => "default".to_owned(),
        Some(scope) if scope.get("type").and_then(Value::as_str).is_some() => scope.to_string(),
        Some(_) => return Err(ApiErr::bad("can't parse BotCommandScope")),
    };
    let lang = p.str("language_code")?.filter(|l| !l.is_empty());
    if lang
        .as_deref()
        .is_some_and(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(ApiErr::bad("invalid language code specified"));
    }
    Ok((scope, lang))
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn set_or_remove(target: &mut Value, key: &str, value: Option<Value>) {
    if let Some(map) = target.as_object_mut() {
        match value {
            Some(v) => {
                map.insert(key.to_owned(), v);
            }
            None => {
                map.remove(key);
            }
        }
    }
}

fn user_json(user: &TgUser, is_bot: bool) -> Value {
    let mut v = json!({ "id": user.id, "is_bot": is_bot, "first_name": user.first_name });
    set_or_remove(&mut v, "username", user.username.as_ref().map(|u| json!(u)));
    set_or_remove(&mut v, "language_code", user.language_code.as_ref().map(|l| json!(l)));
    v
}

fn chat_json(inner: &Inner, chat_id: i64) -> Value {
    match inner.chats.get(&chat_id) {
        Some(ChatRec {
            kind: ChatKind::Private,
            user,
            ..
        }) => {
            let mut v = json!({ "id": chat_id, "type": "private" });
            if let Some(user) = user {
                v["first_name"] = json!(user.first_name);
                set_or_remove(&mut v, "username", user.username.as_ref().map(|u| json!(u)));
            }
            v
        }
        Some(ChatRec {
            kind: ChatKind::Group,
            title,
            ..
        }) => json!({ "id": chat_id, "type": "group", "title": title }),
        Some(ChatRec {
            kind: ChatKind::Supergroup,
            title,
            ..
        }) => {
            json!({ "id": chat_id, "type": "supergroup", "title": title })
        }
        None if chat_id > 0 => json!({ "id": chat_id, "type": "private" }),
        None => json!({ "id": chat_id, "type": "group", "title": "" }),
    }
}

fn register_chat(inner: &mut Inner, from: &TgUser, chat: &TgChat) -> i64 {
    let id = chat.id(from);
    let rec = match chat {
        TgChat::Private => ChatRec {
            kind: ChatKind::Private,
            title: String::new(),
            user: Some(from.clone()),
        },
        TgChat::Group { title, .. } => ChatRec {
            kind: ChatKind::Group,
            title: title.clone(),
            user: None,
        },
        TgChat::Supergroup { title, .. } => ChatRec {
            kind: ChatKind::Supergroup,
            title: title.clone(),
            user: None,
        },
    };
    inner.chats.insert(id, rec);
    id
}

fn next_message_id(inner: &mut Inner, chat_id: i64) -> i64 {
    let next = inner.next_message_id.entry(chat_id).or_insert(1);
    let id = *next;
    *next += 1;
    id
}

fn push_update(inner: &mut Inner, kind: &str, payload: Value) {
    let allowed = match &inner.allowed_updates {
        Some(list) => list.iter().any(|k| k == kind),
        None => !NOT_BY_DEFAULT.contains(&kind),
    };
    if !allowed {
        return;
    }
    let id = inner.next_update_id;
    inner.next_update_id += 1;
    let mut json = json!({ "update_id": id });
    json[kind] = payload;
    inner.updates.push_back(Queued { id, json });
}

fn bot_message(shared: &Shared, inner: &Inner, chat_id: i64, message_id: i64) -> Value {
    json!({
        "message_id": message_id,
        "from": user_json(&shared.bot, true),
        "chat": chat_json(inner, chat_id),
        "date": unix_now(),
    })
}

fn store_new(shared: &Shared, inner: &mut Inner, message: Value, sent: Sent) -> Value {
    inner.stats.sent_messages += 1;
    inner.messages.insert(
        (sent.chat_id, sent.message_id),
        StoredMessage {
            json: message.clone(),
            sent: Some(sent.clone()),
        },
    );
    record(shared, inner, sent);
    message
}

fn record(shared: &Shared, inner: &mut Inner, sent: Sent) {
    inner.sent.push(sent);
    shared.sent_changed.notify_waiters();
}

/// The Sent to copy an edit from; a blank one if the message had none (cannot happen for
/// messages that passed `editable`, but a blank record beats a panic).
fn or_blank(sent: Option<Sent>, chat_id: i64, message_id: i64) -> Sent {
    sent.unwrap_or(Sent {
        method: String::new(),
        chat_id,
        message_id,
        text: None,
        parse_mode: None,
        reply_markup: None,
        poll: None,
        document: None,
        at: Instant::now(),
        edited: true,
        edits: 0,
        plain_text: None,
    })
}

fn not_modified() -> ApiErr {
    ApiErr::bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current \
         content and reply markup of the message",
    )
}

fn chat_id_param(p: &Params) -> Result<i64, ApiErr> {
    match p.raw("chat_id") {
        None => Err(ApiErr::bad("chat_id is empty")),
        // `@channelusername` addresses public channels, which this server does not have.
        Some(Value::String(s)) if s.starts_with('@') => Err(ApiErr::bad("chat not found")),
        Some(_) => p.i64("chat_id")?.ok_or_else(|| ApiErr::bad("chat_id is empty")),
    }
}

fn edit_target(p: &Params) -> Result<(i64, i64), ApiErr> {
    if p.raw("inline_message_id").is_some() {
        // Inline messages need inline mode, which this server does not offer.
        return Err(ApiErr::bad("message to edit not found"));
    }
    let chat_id = chat_id_param(p)?;
    let message_id = p
        .i64("message_id")?
        .ok_or_else(|| ApiErr::bad("message identifier is not specified"))?;
    Ok((chat_id, message_id))
}

fn editable(inner: &Inner, chat_id: i64, message_id: i64) -> Result<&StoredMessage, ApiErr> {
    let stored = inner
        .messages
        .get(&(chat_id, message_id))
        .ok_or_else(|| ApiErr::bad("message to edit not found"))?;
    if stored.sent.is_none() {
        return Err(ApiErr::bad("message can't be edited"));
    }
    Ok(stored)
}

/// Migrated groups, blocked users and chats the server never saw fail like Telegram's.
fn check_chat(inner: &Inner, chat_id: i64) -> Result<(), ApiErr> {
    if let Some(&to) = inner.migrated.get(&chat_id) {
        return Err(ApiErr {
            code: 400,
            description: "Bad Request: group chat was upgraded to a supergroup chat".to_owned(),
            parameters: Some(json!({ "migrate_to_chat_id": to })),
        });
    }
    if inner.blocked.contains(&chat_id) {
        return Err(ApiErr::new(403, "Forbidden: bot was blocked by the user"));
    }
    if !inner.chats.contains_key(&chat_id) {
        return Err(ApiErr::bad("chat not found"));
    }
    Ok(())
}

fn reply_to(inner: &Inner, p: &Params, chat_id: i64) -> Result<Option<Value>, ApiErr> {
    let (id, allow_missing) = match p.json("reply_parameters")? {
        Some(params) => (
            params["message_id"].as_i64(),
            params["allow_sending_without_reply"] == true,
        ),
        None => (
            p.i64("reply_to_message_id")?,
            p.bool("allow_sending_without_reply")?.unwrap_or(false),
        ),
    };
    let Some(id) = id else { return Ok(None) };
    match inner.messages.get(&(chat_id, id)) {
        Some(stored) => {
            // Telegram does not nest replies more than one level.
            let mut replied = stored.json.clone();
            set_or_remove(&mut replied, "reply_to_message", None);
            Ok(Some(replied))
        }
        None if allow_missing => Ok(None),
        None => Err(ApiErr::bad("message to be replied not found")),
    }
}

/// Rate caps over sending methods: a global one-second window and per-group minute windows.
/// Only accepted calls enter the windows.
fn admit(inner: &mut Inner, chat_id: i64) -> Result<(), ApiErr> {
    let now = Instant::now();
    while inner
        .recent_sends
        .front()
        .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
    {
        inner.recent_sends.pop_front();
    }
    if let Some(cap) = inner.rate_cap
        && inner.recent_sends.len() >= cap as usize
    {
        return Err(ApiErr::retry_after(1));
    }
    if chat_id < 0
        && let Some(cap) = inner.group_rate_cap
    {
        let window = inner.recent_group_sends.entry(chat_id).or_default();
        while window
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
        {
            window.pop_front();
        }
        if window.len() >= cap as usize {
            let wait = window
                .front()
                .map_or(1, |t| 60u64.saturating_sub(now.duration_since(*t).as_secs()).max(1));
            return Err(ApiErr::retry_after(wait));
        }
        window.push_back(now);
    }
    inner.recent_sends.push_back(now);
    Ok(())
}

fn check_text(plain: &str) -> Result<(), ApiErr> {
    if plain.trim().is_empty() {
        return Err(ApiErr::bad("message text is empty"));
    }
    // Telegram counts UTF-16 code units, so an emoji counts twice.
    if utf16_len(plain) > MAX_TEXT {
        return Err(ApiErr::bad("message is too long"));
    }
    Ok(())
}

/// Only inline keyboards are part of a Message; reply keyboards are not echoed back.
fn inline_only(markup: Option<&Value>) -> Option<Value> {
    markup.filter(|m| m.get("inline_keyboard").is_some()).cloned()
}

fn validate_markup(markup: &Value, allow_reply_keyboards: bool) -> Result<(), ApiErr> {
    let Some(rows) = markup.get("inline_keyboard") else {
        let reply_keyboard = markup.get("keyboard").is_some()
            || markup.get("remove_keyboard").is_some()
            || markup.get("force_reply").is_some();
        if reply_keyboard && allow_reply_keyboards {
            return Ok(());
        }
        return Err(ApiErr::bad("can't parse reply keyboard markup JSON object"));
    };
    let rows = rows
        .as_array()
        .ok_or_else(|| ApiErr::bad("can't parse inline keyboard markup JSON object"))?;
    let mut buttons = 0;
    for row in rows {
        let row = row
            .as_array()
            .ok_or_else(|| ApiErr::bad("can't parse inline keyboard button: row is not an array"))?;
        for button in row {
            buttons += 1;
            if button.get("text").and_then(Value::as_str).is_none() {
                return Err(ApiErr::bad(
                    "can't parse inline keyboard button: Text must be non-empty",
                ));
            }
            if let Some(data) = button.get("callback_data") {
                let data = data.as_str().unwrap_or_default();
                if !(1..=MAX_CALLBACK_DATA).contains(&data.len()) {
                    return Err(ApiErr::bad("BUTTON_DATA_INVALID"));
                }
            } else if let Some(url) = button.get("url") {
                let ok = url.as_str().and_then(|u| url::Url::parse(u).ok()).is_some();
                if !ok {
                    return Err(ApiErr::bad("BUTTON_URL_INVALID"));
                }
            } else {
                const OTHERS: [&str; 7] = [
                    "web_app",
                    "login_url",
                    "switch_inline_query",
                    "switch_inline_query_current_chat",
                    "switch_inline_query_chosen_chat",
                    "copy_text",
                    "pay",
                ];
                if !OTHERS.iter().any(|k| button.get(*k).is_some()) {
                    return Err(ApiErr::bad(
                        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
                    ));
                }
            }
        }
    }
    if buttons > 100 {
        return Err(ApiErr::bad("reply markup is too long"));
    }
    Ok(())
}

/// Text as users will see it and its entities, after `parse_mode`. HTML is parsed strictly;
/// Markdown modes are passed through unparsed (their text is counted as sent).
fn parse_text(raw: &str, parse_mode: Option<&str>, entities: Option<Value>) -> Result<(String, Vec<Value>), ApiErr> {
    match parse_mode {
        Some(mode) if mode.eq_ignore_ascii_case("html") => {
            parse_html(raw).map_err(|e| ApiErr::bad(format!("can't parse entities: {e}")))
        }
        Some(mode) if mode.eq_ignore_ascii_case("markdownv2") || mode.eq_ignore_ascii_case("markdown") => {
            Ok((raw.to_owned(), Vec::new()))
        }
        Some(mode) if !mode.is_empty() => Err(ApiErr::bad(format!("unsupported parse_mode \"{mode}\""))),
        _ => {
            let entities = match entities {
                Some(Value::Array(list)) => list,
                Some(_) => return Err(ApiErr::bad("can't parse entities JSON object")),
                None => Vec::new(),
            };
            Ok((raw.to_owned(), entities))
        }
    }
}

/// Parses Telegram's HTML subset into plain text and entities (UTF-16 offsets). Errors read
/// like Telegram's ("Unsupported start tag …", "Can't find end tag …").
fn parse_html(raw: &str) -> Result<(String, Vec<Value>), String> {
    struct Open {
        name: String,
        start: usize,
        entity: Option<Value>,
    }
    let mut out = String::with_capacity(raw.len());
    let mut pos16 = 0usize;
    let mut stack: Vec<Open> = Vec::new();
    let mut entities: Vec<Value> = Vec::new();
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < raw.len() {
        let c = bytes[i];
        if c == b'<' {
            let Some(close) = raw[i..].find('>') else {
                return Err(format!("Unclosed start tag at byte offset {i}"));
            };
            let tag = &raw[i + 1..i + close];
            if let Some(end) = tag.strip_prefix('/') {
                let name = end.trim().to_ascii_lowercase();
                let Some(open) = stack.pop() else {
                    return Err(format!("Unexpected end tag at byte offset {i}"));
                };
                if open.name != name {
                    return Err(format!(
                        "Unmatched end tag at byte offset {i}, expected \"</{}>\", found \"</{name}>\"",
                        open.name
                    ));
                }
                if let Some(mut entity) = open.entity
                    && pos16 > open.start
                {
                    entity["offset"] = json!(open.start);
                    entity["length"] = json!(pos16 - open.start);
                    entities.push(entity);
                }
            } else {
                let (name, attrs) = split_tag(tag).map_err(|e| format!("{e} at byte offset {i}"))?;
                let attr = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
                let entity = match name.as_str() {
                    "b" | "strong" => Some(json!({ "type": "bold" })),
                    "i" | "em" => Some(json!({ "type": "italic" })),
                    "u" | "ins" => Some(json!({ "type": "underline" })),
                    "s" | "strike" | "del" => Some(json!({ "type": "strikethrough" })),
                    "tg-spoiler" => Some(json!({ "type": "spoiler" })),
                    "span" if attr("class").as_deref() == Some("tg-spoiler") => Some(json!({ "type": "spoiler" })),
                    "span" => {
                        return Err(format!(
                            "Tag \"span\" must have class \"tg-spoiler\" at byte offset {i}"
                        ));
                    }
                    "a" => match attr("href") {
                        Some(href) if url::Url::parse(&href).is_ok() => {
                            Some(json!({ "type": "text_link", "url": href }))
                        }
                        Some(_) => return Err(format!("Wrong HTTP URL at byte offset {i}")),
                        None => None,
                    },
                    "code" => {
                        // <pre><code class="language-x"> gives the pre entity a language.
                        let language = attr("class").and_then(|c| c.strip_prefix("language-").map(str::to_owned));
                        match (stack.last_mut(), language) {
                            (Some(parent), Some(language)) if parent.name == "pre" => {
                                if let Some(entity) = parent.entity.as_mut() {
                                    entity["language"] = json!(language);
                                }
                                None
                            }
                            (Some(parent), _) if parent.name == "pre" => None,
                            _ => Some(json!({ "type": "code" })),
                        }
                    }
                    "pre" => Some(json!({ "type": "pre" })),
                    "blockquote" if attrs.iter().any(|(k, _)| k == "expandable") => {
                        Some(json!({ "type": "expandable_blockquote" }))
                    }
                    "blockquote" => Some(json!({ "type": "blockquote" })),
                    "tg-emoji" => match attr("emoji-id") {
                        Some(id) => Some(json!({ "type": "custom_emoji", "custom_emoji_id": id })),
                        None => {
                            return Err(format!(
                                "Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset {i}"
                            ));
                        }
                    },
                    _ => return Err(format!("Unsupported start tag \"{name}\" at byte offset {i}")),
                };
                stack.push(Open {
                    name,
                    start: pos16,
                    entity,
                });
            }
            i += close + 1;
        } else if c == b'&' {
            let (decoded, used) = decode_entity(&raw[i..]);
            match decoded {
                Some(ch) => {
                    out.push(ch);
                    pos16 += ch.len_utf16();
                    i += used;
                }
                None => {
                    out.push('&');
                    pos16 += 1;
                    i += 1;
                }
            }
        } else {
            let ch = raw[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(ch);
            pos16 += ch.len_utf16();
            i += ch.len_utf8();
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!(
            "Can't find end tag corresponding to start tag \"{}\"",
            open.name
        ));
    }
    entities.sort_by_key(|e| (e["offset"].as_u64(), std::cmp::Reverse(e["length"].as_u64())));
    Ok((out, entities))
}

/// Splits `name attr="v" attr2='w' flag` into a lower-case name and attributes.
fn split_tag(tag: &str) -> Result<(String, Vec<(String, String)>), String> {
    let tag = tag.trim_end_matches('/').trim();
    let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    let name = tag[..name_end].to_ascii_lowercase();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err("Expected a tag name".to_owned());
    }
    let mut attrs = Vec::new();
    let mut rest = tag[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..]
                        .find(q)
                        .ok_or_else(|| "Unclosed attribute value".to_owned())?;
                    (&after[1..1 + end], &after[end + 2..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = remaining.trim_start();
            decode_all_entities(value)
        } else {
            String::new()
        };
        attrs.push((key, value));
    }
    Ok((name, attrs))
}

fn decode_all_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&'
            && let (Some(ch), used) = decode_entity(&s[i..])
        {
            out.push(ch);
            i += used;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Decodes `&lt;` `&gt;` `&amp;` `&quot;` and numeric entities at the start of `s`; anything
/// else is left as literal text, as Telegram does.
fn decode_entity(s: &str) -> (Option<char>, usize) {
    let Some(end) = s.find(';').filter(|&e| e <= 12) else {
        return (None, 0);
    };
    let name = &s[1..end];
    let ch = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|d| d.parse().ok())
            };
            code.and_then(char::from_u32)
        }
    };
    (ch, end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::prelude::*;
    use teloxide::types::{
        BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, InputPollOption, MessageId, ParseMode,
        UpdateKind,
    };
    use teloxide::{ApiError, RequestError};

    const TOKEN: &str = "123456:TEST-token_abc";

    fn bot_user() -> TgUser {
        TgUser {
            id: 123_456,
            first_name: "Tatwir".to_owned(),
            username: Some("tatwir_bot".to_owned()),
            language_code: None,
        }
    }

    fn alice() -> TgUser {
        TgUser {
            id: 1001,
            first_name: "Alice".to_owned(),
            username: Some("alice".to_owned()),
            language_code: Some("ar".to_owned()),
        }
    }

    async fn server() -> BotApiServer {
        BotApiServer::start(TOKEN, bot_user())
            .await
            .expect("fake Bot API server starts")
    }

    async fn post(url: String, content_type: &str, body: Vec<u8>) -> (u16, Value) {
        // Loopback must not go through a proxy configured in the environment.
        let http = teloxide::net::default_reqwest_settings()
            .no_proxy()
            .build()
            .expect("client");
        let response = http
            .post(url)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("non-JSON answer {status}: {text}")),
        )
    }

    async fn call(server: &BotApiServer, method: &str, body: Value) -> (u16, Value) {
        post(
            format!("{}bot{TOKEN}/{method}", server.url()),
            "application/json",
            body.to_string().into_bytes(),
        )
        .await
    }

    fn description(answer: &(u16, Value)) -> &str {
        answer.1["description"].as_str().unwrap_or_default()
    }

    fn teloxide_bot(server: &BotApiServer) -> Bot {
        let http = teloxide::net::default_reqwest_settings()
            .no_proxy()
            .build()
            .expect("client");
        Bot::with_client(TOKEN, http).set_api_url(server.url())
    }

    #[tokio::test]
    async fn get_me_unknown_token_and_unknown_method() {
        let server = server().await;
        let (status, body) = call(&server, "getMe", json!({})).await;
        assert_eq!(status, 200);
        assert_eq!(body["ok"], true);
        assert_eq!(body["result"]["username"], "tatwir_bot");
        assert_eq!(body["result"]["is_bot"], true);
        let me: teloxide::types::Me = serde_json::from_value(body["result"].clone()).expect("teloxide reads Me");
        assert_eq!(me.id.0, 123_456);

        let wrong = post(
            format!("{}bot1:nope/getMe", server.url()),
            "application/json",
            b"{}".to_vec(),
        )
        .await;
        assert_eq!((wrong.0, wrong.1["error_code"].as_i64()), (401, Some(401)));
        assert_eq!(description(&wrong), "Unauthorized");
        let unknown = call(&server, "sendTelepathy", json!({})).await;
        assert_eq!((unknown.0, description(&unknown)), (404, "Not Found"));
        assert_eq!(server.stats().requests, 3);
        server.stop().await;
    }

    #[tokio::test]
    async fn long_poll_returns_an_update_pushed_during_the_wait() {
        let server = Arc::new(server().await);
        let poller = {
            let server = server.clone();
            tokio::spawn(async move {
                let started = Instant::now();
                let answer = call(&server, "getUpdates", json!({ "timeout": 10 })).await;
                (answer, started.elapsed())
            })
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        server.send_text(&alice(), &TgChat::Private, "/start hello");
        let ((status, body), elapsed) = poller.await.expect("poller");
        assert_eq!(status, 200);
        assert!(elapsed < Duration::from_secs(5), "long poll returned after {elapsed:?}");
        let updates = body["result"].as_array().expect("array");
        assert_eq!(updates.len(), 1);
        let message = &updates[0]["message"];
        assert_eq!(message["text"], "/start hello");
        assert_eq!(
            message["entities"],
            json!([{ "type": "bot_command", "offset": 0, "length": 6 }])
        );
        // teloxide's Update visitor wants borrowed keys, which only a string deserialiser gives.
        let update: teloxide::types::Update =
            serde_json::from_str(&updates[0].to_string()).expect("teloxide reads Update");
        assert!(matches!(update.kind, UpdateKind::Message(_)));

        // An empty poll with a timeout waits about that long and returns [].
        let started = Instant::now();
        let empty = call(
            &server,
            "getUpdates",
            json!({ "timeout": 1, "offset": update.id.0 + 1 }),
        )
        .await;
        assert_eq!(empty.1["result"], json!([]));
        assert!(started.elapsed() >= Duration::from_millis(900));
    }

    #[tokio::test]
    async fn offset_confirms_and_drops_earlier_updates() {
        let server = server().await;
        for text in ["one", "two", "three"] {
            server.send_text(&alice(), &TgChat::Private, text);
        }
        let (_, body) = call(&server, "getUpdates", json!({})).await;
        let ids: Vec<i64> = body["result"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["update_id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "increasing ids {ids:?}");
        // Without an offset nothing is confirmed: the same updates come again.
        let (_, again) = call(&server, "getUpdates", json!({ "limit": 2 })).await;
        assert_eq!(again["result"].as_array().unwrap().len(), 2);
        let (_, rest) = call(&server, "getUpdates", json!({ "offset": ids[1] })).await;
        assert_eq!(rest["result"][0]["update_id"], ids[1]);
        assert_eq!(server.pending_updates(), 2);
        let (_, none) = call(&server, "getUpdates", json!({ "offset": ids[2] + 1 })).await;
        assert_eq!(none["result"], json!([]));
        assert_eq!(server.pending_updates(), 0);
        assert_eq!(server.confirmed_offset(), ids[2] + 1);
        // allowed_updates is honoured for updates created afterwards.
        call(
            &server,
            "getUpdates",
            json!({ "offset": ids[2] + 1, "allowed_updates": ["callback_query"] }),
        )
        .await;
        server.send_text(&alice(), &TgChat::Private, "not delivered");
        assert_eq!(server.pending_updates(), 0);
        server.stop().await;
    }

    #[tokio::test]
    async fn send_message_validation() {
        let server = server().await;
        let (status, body) = call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "hi" })).await;
        assert_eq!(
            (status, body["description"].as_str()),
            (400, Some("Bad Request: chat not found"))
        );
        server.send_text(&alice(), &TgChat::Private, "hello");

        let long = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "a".repeat(4097) }),
        )
        .await;
        assert_eq!((long.0, description(&long)), (400, "Bad Request: message is too long"));
        let max = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "ب".repeat(4096) }),
        )
        .await;
        assert_eq!(max.0, 200);
        // Telegram counts UTF-16 units: 2049 emoji are 4098 units.
        let emoji = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "😀".repeat(2049) }),
        )
        .await;
        assert_eq!(description(&emoji), "Bad Request: message is too long");
        // Tags do not count towards the limit.
        let tagged = format!("<b>{}</b>", "a".repeat(4096));
        let ok = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": tagged, "parse_mode": "HTML" }),
        )
        .await;
        assert_eq!(ok.0, 200, "{:?}", ok.1);
        let empty = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "<b> </b>", "parse_mode": "HTML" }),
        )
        .await;
        assert_eq!(description(&empty), "Bad Request: message text is empty");

        // 32 Arabic letters are 64 bytes; 33 are 66.
        let keyboard = |data: &str| json!({ "inline_keyboard": [[{ "text": "go", "callback_data": data }]] });
        let fits = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "q", "reply_markup": keyboard(&"ع".repeat(32)) }),
        )
        .await;
        assert_eq!(fits.0, 200, "{:?}", fits.1);
        let over = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "q", "reply_markup": keyboard(&"ع".repeat(33)) }),
        )
        .await;
        assert_eq!((over.0, description(&over)), (400, "Bad Request: BUTTON_DATA_INVALID"));
        let none = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "q", "reply_markup": keyboard("") }),
        )
        .await;
        assert_eq!(description(&none), "Bad Request: BUTTON_DATA_INVALID");

        for (html, expected) in [
            ("<b>bold", "Can't find end tag corresponding to start tag \"b\""),
            (
                "<b>x</i>",
                "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"",
            ),
            ("<foo>x</foo>", "Unsupported start tag \"foo\" at byte offset 0"),
            ("a<br>b", "Unsupported start tag \"br\" at byte offset 1"),
            ("x < y", "Unclosed start tag at byte offset 2"),
            ("x <b> y", "Can't find end tag"),
            ("2 <3", "Unclosed start tag at byte offset 2"),
        ] {
            let answer = call(
                &server,
                "sendMessage",
                json!({ "chat_id": 1001, "text": html, "parse_mode": "HTML" }),
            )
            .await;
            assert_eq!(answer.0, 400, "{html}");
            assert!(
                description(&answer).starts_with(&format!("Bad Request: can't parse entities: {expected}")),
                "{html}: {}",
                description(&answer)
            );
        }
        let good = "<b>مرحبا</b> &amp; <i>😀x</i> <a href=\"https://example.org/?a=1&amp;b=2\">l</a> <pre><code class=\"language-rust\">fn</code></pre>";
        let (status, body) = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": good, "parse_mode": "HTML" }),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["result"]["text"], "مرحبا & 😀x l fn");
        assert_eq!(
            body["result"]["entities"],
            json!([
                { "type": "bold", "offset": 0, "length": 5 },
                { "type": "italic", "offset": 8, "length": 3 },
                { "type": "text_link", "offset": 12, "length": 1, "url": "https://example.org/?a=1&b=2" },
                { "type": "pre", "offset": 14, "length": 2, "language": "rust" },
            ])
        );
        let message: teloxide::types::Message =
            serde_json::from_value(body["result"].clone()).expect("teloxide reads it");
        assert_eq!(message.text(), Some("مرحبا & 😀x l fn"));
        let last = server.sent().pop().expect("sent");
        assert_eq!(last.text.as_deref(), Some(good));
        assert_eq!(last.plain_text.as_deref(), Some("مرحبا & 😀x l fn"));
        assert_eq!(last.parse_mode.as_deref(), Some("HTML"));
        server.stop().await;
    }

    #[tokio::test]
    async fn edits_not_found_not_modified_and_keyboard_removal() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        let missing = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": 999, "text": "x" }),
        )
        .await;
        assert_eq!(
            (missing.0, description(&missing)),
            (400, "Bad Request: message to edit not found")
        );
        let users = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": 1, "text": "x" }),
        )
        .await;
        assert_eq!(description(&users), "Bad Request: message can't be edited");

        let keyboard = json!({ "inline_keyboard": [[{ "text": "A", "callback_data": "a" }]] });
        let (_, sent) = call(
            &server,
            "sendMessage",
            json!({ "chat_id": 1001, "text": "question", "reply_markup": keyboard }),
        )
        .await;
        let id = sent["result"]["message_id"].as_i64().unwrap();
        let same = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": id, "text": "question", "reply_markup": keyboard }),
        )
        .await;
        assert!(
            description(&same).starts_with("Bad Request: message is not modified: "),
            "{:?}",
            same.1
        );
        let same_markup = call(
            &server,
            "editMessageReplyMarkup",
            json!({ "chat_id": 1001, "message_id": id, "reply_markup": keyboard }),
        )
        .await;
        assert!(description(&same_markup).starts_with("Bad Request: message is not modified"));

        // Same text without reply_markup removes the keyboard, which is a modification.
        let (status, edited) = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": id, "text": "question" }),
        )
        .await;
        assert_eq!(status, 200, "{edited}");
        assert!(edited["result"].get("reply_markup").is_none());
        assert!(edited["result"]["edit_date"].is_i64());
        let again = call(
            &server,
            "editMessageReplyMarkup",
            json!({ "chat_id": 1001, "message_id": id }),
        )
        .await;
        assert!(description(&again).starts_with("Bad Request: message is not modified"));
        let (status, _) = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": id, "text": "answered" }),
        )
        .await;
        assert_eq!(status, 200);

        let state = server.message(1001, id).expect("stored");
        assert_eq!(state.text.as_deref(), Some("answered"));
        assert_eq!(state.reply_markup, None);
        assert_eq!(state.edits, 2, "refused edits do not count");
        assert_eq!(server.stats().edits, 2);
        let log = server.sent_to(1001);
        assert_eq!(
            log.iter().map(|s| (s.method.as_str(), s.edited)).collect::<Vec<_>>(),
            [
                ("sendMessage", false),
                ("editMessageText", true),
                ("editMessageText", true)
            ]
        );
        assert_eq!(server.stats().sent_messages, 1);
        let waited = server.wait_sent(1001, 1, Duration::from_secs(1)).await;
        assert_eq!(waited.len(), 1);
        server.stop().await;
    }

    #[tokio::test]
    async fn edit_message_text_returns_the_message_validates_like_send_and_counts_in_the_group_cap() {
        let server = server().await;
        let group = TgChat::Group {
            id: -77,
            title: "Vote".to_owned(),
        };
        server.send_text(&alice(), &group, "hi all");
        let keyboard = json!({ "inline_keyboard": [[{ "text": "Oui", "callback_data": "yes" }]] });
        let (_, sent) = call(
            &server,
            "sendMessage",
            json!({ "chat_id": -77, "text": "<b>1</b> of 30", "parse_mode": "HTML", "reply_markup": keyboard }),
        )
        .await;
        let id = sent["result"]["message_id"].as_i64().unwrap();

        // Refused as sendMessage refuses: bad HTML, empty text, a bad keyboard; and a reply
        // keyboard, which an edit cannot carry.
        for (body, expected) in [
            (
                json!({ "text": "<b>2", "parse_mode": "HTML" }),
                "Bad Request: can't parse entities",
            ),
            (json!({ "text": " " }), "Bad Request: message text is empty"),
            (
                json!({ "text": "2", "reply_markup": { "inline_keyboard": [[{ "text": "x", "callback_data": "d".repeat(65) }]] } }),
                "Bad Request: ",
            ),
            (
                json!({ "text": "2", "reply_markup": { "keyboard": [[{ "text": "x" }]] } }),
                "Bad Request: ",
            ),
        ] {
            let mut body = body;
            body["chat_id"] = json!(-77);
            body["message_id"] = json!(id);
            let answer = call(&server, "editMessageText", body.clone()).await;
            assert_eq!(answer.0, 400, "{body} {}", answer.1);
            assert!(description(&answer).starts_with(expected), "{body} {}", answer.1);
        }
        // Another chat's message id is not found in this one.
        server.send_text(&alice(), &TgChat::Private, "hi");
        let elsewhere = call(
            &server,
            "editMessageText",
            json!({ "chat_id": 1001, "message_id": id, "text": "2" }),
        )
        .await;
        assert_eq!(description(&elsewhere), "Bad Request: message to edit not found");

        // An edit answers the edited Message, with its entities and keyboard.
        let (status, edited) = call(
            &server,
            "editMessageText",
            json!({ "chat_id": -77, "message_id": id, "text": "<b>2</b> of 30", "parse_mode": "HTML",
                    "reply_markup": keyboard }),
        )
        .await;
        assert_eq!(status, 200, "{edited}");
        let message = &edited["result"];
        assert_eq!(message["message_id"], id);
        assert_eq!(message["chat"]["id"], -77);
        assert_eq!(message["text"], "2 of 30");
        assert_eq!(
            message["entities"],
            json!([{ "type": "bold", "offset": 0, "length": 1 }])
        );
        assert_eq!(message["reply_markup"], keyboard);
        assert!(message["edit_date"].is_i64());
        let state = server.message(-77, id).expect("stored");
        assert_eq!((state.plain_text.as_deref(), state.edits), (Some("2 of 30"), 1));

        // The same content again is refused, with Telegram's words, and changes nothing.
        let same = call(
            &server,
            "editMessageText",
            json!({ "chat_id": -77, "message_id": id, "text": "<b>2</b> of 30", "parse_mode": "HTML",
                    "reply_markup": keyboard }),
        )
        .await;
        assert_eq!(
            (same.0, description(&same)),
            (
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly \
                 the same as a current content and reply markup of the message"
            )
        );
        assert_eq!(server.message(-77, id).expect("stored").edits, 1);

        // Edits count against a group's minute window as sends do.
        server.set_group_rate_cap(Some(3));
        let edit = |n: u32| json!({ "chat_id": -77, "message_id": id, "text": format!("{n} of 30") });
        assert_eq!(
            call(&server, "sendMessage", json!({ "chat_id": -77, "text": "a" }))
                .await
                .0,
            200
        );
        assert_eq!(call(&server, "editMessageText", edit(3)).await.0, 200);
        assert_eq!(call(&server, "editMessageText", edit(4)).await.0, 200);
        let limited = call(&server, "editMessageText", edit(5)).await;
        assert_eq!(limited.0, 429, "{}", limited.1);
        assert_eq!(
            server.message(-77, id).expect("stored").plain_text.as_deref(),
            Some("4 of 30")
        );

        // A message deleted from the chat is no longer found.
        server.set_group_rate_cap(None);
        assert!(server.delete_message(-77, id));
        let gone = call(&server, "editMessageText", edit(6)).await;
        assert_eq!(description(&gone), "Bad Request: message to edit not found");
        assert_eq!(server.stats().edits, 3);
        server.stop().await;
    }

    #[tokio::test]
    async fn injected_faults() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        server.fail_next("sendMessage", Fault::TooManyRequests { retry_after: 7 }, 1);
        let limited = call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" })).await;
        assert_eq!(limited.0, 429);
        assert_eq!(limited.1["parameters"], json!({ "retry_after": 7 }));
        assert_eq!(description(&limited), "Too Many Requests: retry after 7");
        assert_eq!(
            call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" }))
                .await
                .0,
            200
        );

        server.fail_next("*", Fault::ServerError(502), 1);
        assert_eq!(
            call(&server, "getMe", json!({})).await.0,
            200,
            "getMe is not a sending method"
        );
        assert_eq!(call(&server, "sendPoll", json!({})).await.0, 502);
        server.fail_next("sendmessage", Fault::Forbidden, 1);
        assert_eq!(
            call(&server, "SendMessage", json!({ "chat_id": 1001, "text": "a" }))
                .await
                .0,
            403
        );
        server.fail_next("getMe", Fault::Slow(Duration::from_millis(300)), 1);
        let started = Instant::now();
        assert_eq!(call(&server, "getMe", json!({})).await.0, 200);
        assert!(started.elapsed() >= Duration::from_millis(300));

        let stats = server.stats();
        assert_eq!(stats.too_many_requests, 1);
        assert_eq!(stats.sent_messages, 1);
        assert_eq!(stats.per_method.get("sendMessage"), Some(&3));
        server.stop().await;
    }

    #[tokio::test]
    async fn blocked_user_gets_403_until_unblocked() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        server.block(1001);
        let blocked = call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" })).await;
        assert_eq!(
            (blocked.0, description(&blocked)),
            (403, "Forbidden: bot was blocked by the user")
        );
        server.unblock(1001);
        assert_eq!(
            call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" }))
                .await
                .0,
            200
        );
        server.stop().await;
    }

    #[tokio::test]
    async fn rate_caps_answer_429_and_count_them() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        server.set_rate_cap(Some(3));
        let mut codes = Vec::new();
        for _ in 0..5 {
            let answer = call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" })).await;
            if answer.0 == 429 {
                assert_eq!(answer.1["parameters"]["retry_after"], 1);
            }
            codes.push(answer.0);
        }
        assert_eq!(codes, [200, 200, 200, 429, 429]);
        assert_eq!(server.stats().too_many_requests, 2);
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert_eq!(
            call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" }))
                .await
                .0,
            200
        );
        server.set_rate_cap(None);

        let group = TgChat::Group {
            id: -42,
            title: "Class".to_owned(),
        };
        server.send_text(&alice(), &group, "hi all");
        server.set_group_rate_cap(Some(2));
        for _ in 0..2 {
            assert_eq!(
                call(&server, "sendMessage", json!({ "chat_id": -42, "text": "a" }))
                    .await
                    .0,
                200
            );
        }
        let limited = call(&server, "sendMessage", json!({ "chat_id": -42, "text": "a" })).await;
        assert_eq!(limited.0, 429);
        assert!(limited.1["parameters"]["retry_after"].as_i64().unwrap() > 1);
        // Private chats are not subject to the group cap.
        assert_eq!(
            call(&server, "sendMessage", json!({ "chat_id": 1001, "text": "a" }))
                .await
                .0,
            200
        );
        assert_eq!(server.stats().too_many_requests, 3);
        server.stop().await;
    }

    #[tokio::test]
    async fn migrated_group_answers_migrate_to_chat_id() {
        let server = server().await;
        let group = TgChat::Group {
            id: -42,
            title: "Class".to_owned(),
        };
        server.send_text(&alice(), &group, "hi all");
        server.migrate_group(-42, -100_042);
        let old = call(&server, "sendMessage", json!({ "chat_id": -42, "text": "a" })).await;
        assert_eq!(old.0, 400);
        assert_eq!(old.1["parameters"], json!({ "migrate_to_chat_id": -100_042 }));
        let new = call(&server, "sendMessage", json!({ "chat_id": -100_042, "text": "a" })).await;
        assert_eq!(new.0, 200);
        assert_eq!(new.1["result"]["chat"]["type"], "supergroup");

        let bot = teloxide_bot(&server);
        let updates = bot.get_updates().await.expect("teloxide reads the service messages");
        assert_eq!(updates.len(), 3);
        let UpdateKind::Message(to) = &updates[1].kind else {
            panic!("{:?}", updates[1])
        };
        assert_eq!(to.migrate_to_chat_id(), Some(&ChatId(-100_042)));
        let error = bot.send_message(ChatId(-42), "x").await.expect_err("migrated");
        assert!(
            matches!(error, RequestError::MigrateToChatId(ChatId(-100_042))),
            "{error:?}"
        );
        server.stop().await;
    }

    #[tokio::test]
    async fn multipart_upload_then_resend_by_file_id() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        let boundary = "XyZ123boundary";
        let mut body = Vec::new();
        for (name, value) in [("chat_id", "1001"), ("caption", "<b>notes</b>"), ("parse_mode", "HTML")] {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(b"hello file");
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let url = format!("{}bot{TOKEN}/sendDocument", server.url());
        let (status, sent) = post(url, &format!("multipart/form-data; boundary={boundary}"), body).await;
        assert_eq!(status, 200, "{sent}");
        let document = &sent["result"]["document"];
        assert_eq!(document["file_name"], "notes.txt");
        assert_eq!(document["file_size"], 10);
        assert_eq!(sent["result"]["caption"], "notes");
        let file_id = document["file_id"].as_str().unwrap().to_owned();

        let (status, again) = call(&server, "sendDocument", json!({ "chat_id": 1001, "document": file_id })).await;
        assert_eq!(status, 200, "{again}");
        assert_eq!(again["result"]["document"]["file_id"], file_id.as_str());
        let by_url = call(
            &server,
            "sendPhoto",
            json!({ "chat_id": 1001, "photo": "https://example.org/a.png" }),
        )
        .await;
        assert_eq!(by_url.0, 200, "{:?}", by_url.1);
        let wrong = call(
            &server,
            "sendDocument",
            json!({ "chat_id": 1001, "document": "nonsense" }),
        )
        .await;
        assert_eq!(
            description(&wrong),
            "Bad Request: wrong file identifier/HTTP URL specified"
        );
        let long = call(
            &server,
            "sendDocument",
            json!({ "chat_id": 1001, "document": file_id, "caption": "c".repeat(1025) }),
        )
        .await;
        assert_eq!(description(&long), "Bad Request: message caption is too long");

        let files: Vec<Option<SentFile>> = server.sent().into_iter().map(|s| s.document).collect();
        assert_eq!(
            files,
            [
                Some(SentFile::Uploaded {
                    name: "notes.txt".to_owned(),
                    bytes: 10,
                    file_id: file_id.clone()
                }),
                Some(SentFile::ById(file_id.clone())),
                Some(SentFile::ByUrl("https://example.org/a.png".to_owned())),
            ]
        );

        // getFile and the download URL give the bytes back.
        let (_, file) = call(&server, "getFile", json!({ "file_id": file_id })).await;
        let path = file["result"]["file_path"].as_str().unwrap();
        let http = teloxide::net::default_reqwest_settings().no_proxy().build().unwrap();
        let bytes = http
            .get(format!("{}file/bot{TOKEN}/{path}", server.url()))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert_eq!(&bytes[..], b"hello file");
        server.stop().await;
    }

    /// The start of a PNG file: signature and IHDR (the server reads no further than the size).
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&[8, 6, 0, 0, 0]);
        bytes
    }

    /// Uploads `bytes` as a photo named `name` through sendPhoto.
    async fn upload_photo(server: &BotApiServer, name: &str, bytes: &[u8]) -> (u16, Value) {
        let boundary = "PhotoBoundary42";
        let mut body =
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n1001\r\n").into_bytes();
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{name}\"\r\nContent-Type: image/png\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let url = format!("{}bot{TOKEN}/sendPhoto", server.url());
        post(url, &format!("multipart/form-data; boundary={boundary}"), body).await
    }

    #[tokio::test]
    async fn photos_are_read_for_their_size_and_refused_where_telegram_refuses_them() {
        let server = server().await;
        server.send_text(&alice(), &TgChat::Private, "hi");
        // A certificate-sized picture: scaled into each box up to 1280, as Telegram lists them.
        let (status, sent) = upload_photo(&server, "c.png", &png_header(1600, 1131)).await;
        assert_eq!(status, 200, "{sent}");
        let sizes: Vec<(u64, u64)> = sent["result"]["photo"]
            .as_array()
            .expect("sizes")
            .iter()
            .map(|size| (size["width"].as_u64().unwrap(), size["height"].as_u64().unwrap()))
            .collect();
        assert_eq!(sizes, [(90, 64), (320, 226), (800, 566), (1280, 905)]);
        // The largest size is the upload: its file gives the bytes back.
        let largest = &sent["result"]["photo"][3]["file_id"];
        let (_, file) = call(&server, "getFile", json!({ "file_id": largest })).await;
        assert_eq!(file["result"]["file_size"], 29, "{file}");
        // A small picture keeps its own size last.
        let (_, small) = upload_photo(&server, "s.png", &png_header(200, 100)).await;
        assert_eq!(small["result"]["photo"][1]["width"], 200, "{small}");
        assert_eq!(small["result"]["photo"][0]["height"], 45, "{small}");
        // What Telegram cannot read as a picture, or will not show as a photo.
        for (bytes, refusal) in [
            (b"not a picture".to_vec(), "Bad Request: IMAGE_PROCESS_FAILED"),
            (png_header(2100, 100), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
            (png_header(6000, 4001), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
        ] {
            let refused = upload_photo(&server, "x.png", &bytes).await;
            assert_eq!((refused.0, description(&refused)), (400, refusal));
        }
        let mut big = png_header(1000, 1000);
        big.resize(MAX_PHOTO_BYTES + 1, 0);
        let refused = upload_photo(&server, "big.png", &big).await;
        assert_eq!(description(&refused), "Bad Request: PHOTO_SAVE_FILE_INVALID");
        assert_eq!(server.sent_to(1001).len(), 2, "refused photos are not sent");
        // Image formats other than PNG are read too.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8];
        jpeg.extend_from_slice(&[0, 30, 0, 40, 3]);
        assert_eq!(image_dimensions(&jpeg), Some((40, 30)));
        assert_eq!(image_dimensions(b"GIF89a\x05\0\x07\0"), Some((5, 7)));
        server.stop().await;
    }

    #[tokio::test]
    async fn webhook_delivery_with_secret_and_exclusivity_with_get_updates() {
        let server = Arc::new(server().await);
        // A receiver that records the secret header and the body.
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Option<String>, Value)>();
        let receiver = Router::new().route(
            "/hook",
            axum::routing::post(move |headers: axum::http::HeaderMap, body: Bytes| {
                let tx = tx.clone();
                async move {
                    let secret = headers
                        .get("x-telegram-bot-api-secret-token")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    let _ = tx.send((secret, serde_json::from_slice(&body).unwrap_or(Value::Null)));
                    StatusCode::OK
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
        let hook_url = format!("http://{}/hook", listener.local_addr().unwrap());
        let receiver = tokio::spawn(async move { axum::serve(listener, receiver).await });

        // A long poll in flight is terminated by setWebhook.
        let poller = {
            let server = server.clone();
            tokio::spawn(async move { call(&server, "getUpdates", json!({ "timeout": 10 })).await })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        let bad = call(
            &server,
            "setWebhook",
            json!({ "url": hook_url, "secret_token": "no spaces allowed" }),
        )
        .await;
        assert_eq!(bad.0, 400);
        let (status, _) = call(
            &server,
            "setWebhook",
            json!({ "url": hook_url, "secret_token": "s3cret_-X" }),
        )
        .await;
        assert_eq!(status, 200);
        let terminated = poller.await.unwrap();
        assert_eq!(
            (terminated.0, description(&terminated)),
            (409, "Conflict: terminated by setWebhook request")
        );
        let refused = call(&server, "getUpdates", json!({})).await;
        assert_eq!(refused.0, 409);
        assert!(description(&refused).contains("can't use getUpdates method while webhook is active"));
        assert_eq!(server.webhook(), Some((hook_url.clone(), Some("s3cret_-X".to_owned()))));

        server.send_text(&alice(), &TgChat::Private, "via webhook");
        let (secret, update) = tokio::time::timeout(Duration::from_secs(5), rx.recv())
            .await
            .expect("delivered")
            .unwrap();
        assert_eq!(secret.as_deref(), Some("s3cret_-X"));
        assert_eq!(update["message"]["text"], "via webhook");
        for _ in 0..50 {
            if server.pending_updates() == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(server.pending_updates(), 0);
        let (_, info) = call(&server, "getWebhookInfo", json!({})).await;
        let info: teloxide::types::WebhookInfo =
            serde_json::from_value(info["result"].clone()).expect("teloxide reads it");
        assert_eq!(info.url.map(|u| u.to_string()), Some(hook_url));

        assert_eq!(call(&server, "deleteWebhook", json!({})).await.0, 200);
        assert_eq!(call(&server, "getUpdates", json!({})).await.0, 200);
        receiver.abort();
    }

    #[tokio::test]
    async fn a_newer_get_updates_terminates_the_older_one() {
        let server = Arc::new(server().await);
        let first = {
            let server = server.clone();
            tokio::spawn(async move { call(&server, "getUpdates", json!({ "timeout": 10 })).await })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        let second = call(&server, "getUpdates", json!({ "timeout": 0 })).await;
        assert_eq!(second.0, 200);
        let first = first.await.unwrap();
        assert_eq!(first.0, 409);
        assert!(description(&first).starts_with("Conflict: terminated by other getUpdates request"));
    }

    #[tokio::test]
    async fn polls_are_validated_and_answers_delivered() {
        let server = server().await;
        let group = TgChat::Supergroup {
            id: -100_700,
            title: "Class".to_owned(),
        };
        server.send_text(&alice(), &group, "hi");
        let opts = |n: usize| (0..n).map(|i| format!("option {i}")).collect::<Vec<_>>();
        for (body, expected) in [
            (
                json!({ "question": "q", "options": opts(1) }),
                "Bad Request: poll must have at least 2 option",
            ),
            (
                json!({ "question": "q", "options": opts(13) }),
                "Bad Request: poll can't have more than 12 options",
            ),
            (
                json!({ "question": "q".repeat(301), "options": opts(2) }),
                "Bad Request: poll question length must not exceed 300",
            ),
            (
                json!({ "question": "", "options": opts(2) }),
                "Bad Request: poll question must be non-empty",
            ),
            (
                json!({ "question": "q", "options": ["a", "b".repeat(101)] }),
                "Bad Request: poll options length must not exceed 100",
            ),
            (
                json!({ "question": "q", "options": opts(2), "type": "quiz" }),
                "Bad Request: correct_option_id must be specified for quiz polls",
            ),
            (
                json!({ "question": "q", "options": opts(2), "type": "quiz", "correct_option_id": 0, "explanation": "e".repeat(201) }),
                "Bad Request: poll explanation length must not exceed 200",
            ),
        ] {
            let mut body = body;
            body["chat_id"] = json!(-100_700);
            let answer = call(&server, "sendPoll", body).await;
            assert_eq!((answer.0, description(&answer)), (400, expected));
        }
        let (status, quiz) = call(
            &server,
            "sendPoll",
            json!({
                "chat_id": -100_700, "question": "2+2?", "options": [{ "text": "3" }, { "text": "4" }], "type": "quiz",
                "correct_option_id": 1, "is_anonymous": false, "explanation": "<b>four</b>", "explanation_parse_mode": "HTML",
            }),
        )
        .await;
        assert_eq!(status, 200, "{quiz}");
        let poll_id = quiz["result"]["poll"]["id"].as_str().unwrap().to_owned();
        assert_eq!(quiz["result"]["poll"]["explanation"], "four");
        let (_, anonymous) = call(
            &server,
            "sendPoll",
            json!({ "chat_id": -100_700, "question": "q", "options": opts(2) }),
        )
        .await;
        let anonymous_id = anonymous["result"]["poll"]["id"].as_str().unwrap().to_owned();
        call(&server, "getUpdates", json!({ "offset": -1 })).await;
        let skip = call(&server, "getUpdates", json!({})).await.1["result"][0]["update_id"]
            .as_i64()
            .unwrap();
        call(&server, "getUpdates", json!({ "offset": skip + 1 })).await;

        server.answer_poll(&alice(), &poll_id, &[1]);
        server.answer_poll(&alice(), &poll_id, &[0]);
        server.answer_poll(&alice(), &anonymous_id, &[0]);
        let ignored: Vec<String> = server
            .ignored_poll_answers()
            .into_iter()
            .map(|(_, _, reason)| reason)
            .collect();
        assert_eq!(
            ignored,
            [
                "quiz answers cannot be changed",
                "anonymous poll: counted, but no poll_answer is delivered"
            ]
        );
        let kinds: Vec<String> = call(&server, "getUpdates", json!({})).await.1["result"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                u.as_object()
                    .unwrap()
                    .keys()
                    .find(|k| *k != "update_id")
                    .unwrap()
                    .clone()
            })
            .collect();
        assert_eq!(kinds, ["poll", "poll_answer", "poll"]);
        let message = server
            .message(-100_700, quiz["result"]["message_id"].as_i64().unwrap())
            .unwrap();
        assert_eq!(message.poll.unwrap()["options"][1]["voter_count"], 1);

        let stop = call(
            &server,
            "stopPoll",
            json!({ "chat_id": -100_700, "message_id": quiz["result"]["message_id"] }),
        )
        .await;
        assert_eq!(stop.1["result"]["is_closed"], true);
        let twice = call(
            &server,
            "stopPoll",
            json!({ "chat_id": -100_700, "message_id": quiz["result"]["message_id"] }),
        )
        .await;
        assert_eq!(description(&twice), "Bad Request: poll has already been closed");
        server.stop().await;
    }

    #[tokio::test]
    async fn malformed_requests_get_400_json() {
        let server = server().await;
        let url = format!("{}bot{TOKEN}/sendMessage", server.url());
        for (content_type, body) in [
            ("application/json", b"{not json".to_vec()),
            ("application/json", b"[1,2]".to_vec()),
            ("multipart/form-data; boundary=zz", b"garbage".to_vec()),
            ("multipart/form-data", b"--x\r\n".to_vec()),
            ("text/plain", b"chat_id=1".to_vec()),
            ("application/x-www-form-urlencoded", b"chat_id=%%%&text=\xff".to_vec()),
        ] {
            let (status, answer) = post(url.clone(), content_type, body).await;
            assert_eq!(status, 400, "{content_type}: {answer}");
            assert_eq!(answer["ok"], false);
        }
        for body in [
            json!({ "chat_id": { "x": 1 }, "text": "a" }),
            json!({ "chat_id": "@somewhere", "text": "a" }),
            json!({ "chat_id": 1001, "text": ["a"] }),
            json!({ "chat_id": 1001, "text": "a", "reply_markup": "{bad" }),
            json!({ "chat_id": 1001, "text": "a", "reply_markup": { "inline_keyboard": [{ "text": "x" }] } }),
            json!({ "chat_id": 1001, "text": "a", "reply_markup": { "inline_keyboard": [[{ "text": "x" }]] } }),
        ] {
            let answer = call(&server, "sendMessage", body.clone()).await;
            assert_eq!(answer.0, 400, "{body}: {:?}", answer.1);
        }
        // Form-encoded and query-string parameters work like JSON.
        server.send_text(&alice(), &TgChat::Private, "hi");
        let (status, _) = post(
            url.clone(),
            "application/x-www-form-urlencoded",
            b"chat_id=1001&text=form".to_vec(),
        )
        .await;
        assert_eq!(status, 200);
        let (status, _) = post(format!("{url}?chat_id=1001&text=query"), "application/json", Vec::new()).await;
        assert_eq!(status, 200);
        assert!(
            call(&server, "answerCallbackQuery", json!({ "callback_query_id": "nope" }))
                .await
                .0
                == 400
        );
        server.stop().await;
    }

    /// The real client: teloxide must read every answer, and map errors to its typed variants.
    #[tokio::test]
    async fn teloxide_round_trip() {
        let server = server().await;
        let bot = teloxide_bot(&server);
        let me = bot.get_me().await.expect("getMe");
        assert_eq!(me.username(), "tatwir_bot");

        let chat = TgChat::Private;
        server.send_text(&alice(), &chat, "/start");
        let updates = bot.get_updates().timeout(1).await.expect("getUpdates");
        let UpdateKind::Message(first) = &updates[0].kind else {
            panic!("{updates:?}")
        };
        assert_eq!(first.text(), Some("/start"));
        let mut offset = updates[0].id.as_offset();

        let keyboard = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("نعم", "yes")]]);
        let sent = bot
            .send_message(ChatId(1001), "<b>سؤال</b>؟")
            .parse_mode(ParseMode::Html)
            .reply_markup(keyboard.clone())
            .await
            .expect("sendMessage");
        assert_eq!(sent.text(), Some("سؤال؟"));
        let id = server.press(&alice(), &chat, i64::from(sent.id.0), "yes");
        let updates = bot.get_updates().offset(offset).timeout(1).await.expect("getUpdates");
        let UpdateKind::CallbackQuery(query) = &updates[0].kind else {
            panic!("{updates:?}")
        };
        assert_eq!(query.id.0, id);
        assert_eq!(query.data.as_deref(), Some("yes"));
        assert_eq!(query.regular_message().map(|m| m.id), Some(sent.id));
        offset = updates[0].id.as_offset();
        bot.answer_callback_query(query.id.clone())
            .text("ok")
            .await
            .expect("answer");
        let twice = bot
            .answer_callback_query(query.id.clone())
            .await
            .expect_err("answered twice");
        assert!(
            matches!(twice, RequestError::Api(ApiError::InvalidQueryId)),
            "{twice:?}"
        );
        assert_eq!(server.callback_answers(), [(id, Some("ok".to_owned()))]);

        let edited = bot
            .edit_message_text(ChatId(1001), sent.id, "done")
            .await
            .expect("edit");
        assert_eq!(edited.text(), Some("done"));
        let same = bot
            .edit_message_text(ChatId(1001), sent.id, "done")
            .await
            .expect_err("not modified");
        assert!(
            matches!(same, RequestError::Api(ApiError::MessageNotModified)),
            "{same:?}"
        );
        let missing = bot
            .edit_message_text(ChatId(1001), MessageId(999), "x")
            .await
            .expect_err("missing");
        assert!(
            matches!(missing, RequestError::Api(ApiError::MessageToEditNotFound)),
            "{missing:?}"
        );

        let poll = bot
            .send_poll(
                ChatId(1001),
                "لون؟",
                [InputPollOption::new("أحمر"), InputPollOption::new("أزرق")],
            )
            .is_anonymous(false)
            .await
            .expect("sendPoll");
        let poll_id = poll.poll().expect("a poll").id.0.clone();
        server.answer_poll(&alice(), &poll_id, &[1]);
        let updates = bot.get_updates().offset(offset).timeout(1).await.expect("getUpdates");
        let answer = updates
            .iter()
            .find_map(|u| match &u.kind {
                UpdateKind::PollAnswer(a) => Some(a.clone()),
                _ => None,
            })
            .expect("poll_answer");
        assert_eq!(answer.option_ids, [1]);
        assert!(updates.iter().any(|u| matches!(u.kind, UpdateKind::Poll(_))));
        let stopped = bot.stop_poll(ChatId(1001), poll.id).await.expect("stopPoll");
        assert!(stopped.is_closed);

        let doc = bot
            .send_document(ChatId(1001), InputFile::memory(b"bytes".to_vec()).file_name("a.txt"))
            .caption("ملف")
            .await
            .expect("sendDocument");
        let file_id = doc.document().expect("document").file.id.clone();
        bot.send_document(ChatId(1001), InputFile::file_id(file_id.clone()))
            .await
            .expect("resend");
        bot.send_photo(ChatId(1001), InputFile::memory(png_header(64, 48)).file_name("p.png"))
            .await
            .expect("sendPhoto");
        bot.send_video(ChatId(1001), InputFile::memory(b"mp4".to_vec()).file_name("v.mp4"))
            .await
            .expect("sendVideo");
        let kinds: Vec<_> = server.sent_to(1001).into_iter().filter_map(|s| s.document).collect();
        assert!(
            matches!(&kinds[0], SentFile::Uploaded { name, bytes: 5, .. } if name == "a.txt"),
            "{kinds:?}"
        );
        assert_eq!(kinds[1], SentFile::ById(file_id.0));

        bot.set_my_commands([BotCommand::new("start", "ابدأ")])
            .language_code("ar")
            .await
            .expect("setMyCommands");
        bot.set_my_commands([BotCommand::new("start", "Start")])
            .await
            .expect("setMyCommands");
        let listed = bot.get_my_commands().language_code("ar").await.expect("getMyCommands");
        assert_eq!(listed, [BotCommand::new("start", "ابدأ")]);
        assert_eq!(
            server.commands(),
            [
                (None, vec![("start".to_owned(), "Start".to_owned())]),
                (Some("ar".to_owned()), vec![("start".to_owned(), "ابدأ".to_owned())]),
            ]
        );
        let invalid = bot.set_my_commands([BotCommand::new("Start!", "x")]).await;
        assert!(invalid.is_err());

        server.fail_next("*", Fault::TooManyRequests { retry_after: 3 }, 1);
        let limited = bot.send_message(ChatId(1001), "x").await.expect_err("429");
        assert!(
            matches!(limited, RequestError::RetryAfter(s) if s.seconds() == 3),
            "{limited:?}"
        );
        server.block(1001);
        let blocked = bot.send_message(ChatId(1001), "x").await.expect_err("403");
        assert!(
            matches!(blocked, RequestError::Api(ApiError::BotBlocked)),
            "{blocked:?}"
        );
        server.unblock(1001);
        let too_long = bot
            .send_message(ChatId(1001), "x".repeat(4097))
            .await
            .expect_err("too long");
        assert!(
            matches!(too_long, RequestError::Api(ApiError::MessageIsTooLong)),
            "{too_long:?}"
        );
        let html = bot
            .send_message(ChatId(1001), "<b>x")
            .parse_mode(ParseMode::Html)
            .await
            .expect_err("bad html");
        assert!(
            matches!(html, RequestError::Api(ApiError::CantParseEntities(_))),
            "{html:?}"
        );
        server.stop().await;
    }
}
