//! The Telegram channel, on teloxide: updates in (long polling, or a webhook served by tatwir's
//! own HTTP server), the engine's replies out at Telegram's pace.
//!
//! What teloxide's dispatcher would keep in memory is ours and durable: each update is kept in the
//! inbox before the offset (or the webhook's answer) confirms it, then handled by its chat's
//! worker, in order, beside the other chats (an update handled twice after a crash has no double
//! effect: the engine refuses an answer to an offer already answered), native polls are mapped
//! to the engine's references in the database, uploaded files are re-sent by file_id, and a
//! reply that cannot be sent goes to the outbox instead of being lost.

mod pacer;
mod send;
use send::Failure;
pub mod render;
pub mod webhook;

pub use pacer::Limits;

use chrono::Utc;
use pacer::Pacer;
use std::sync::Arc;
use std::time::Duration;
use tatwir_core::command::{COMMANDS, UsableBy};
use tatwir_core::engine::Engine;
use tatwir_core::language::Language;
use tatwir_core::locale::Localizer;
use tatwir_core::message::{Chat, ChatKind, Event, Incoming, Outgoing};
use tatwir_core::person::{Channel, Identity};
use tatwir_store::{Received, SqlStore};
use teloxide::RequestError;
use teloxide::payloads::{
    AnswerCallbackQuerySetters, EditMessageReplyMarkupSetters, GetUpdatesSetters, SetMyCommandsSetters,
    SetWebhookSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{
    AllowedUpdate, BotCommand, InlineKeyboardMarkup, MaybeAnonymousUser, Message, Update, UpdateKind, User,
};
use tokio_util::task::AbortOnDropHandle;

/// Commands start with `/` on Telegram (`/help`, `/help@bot` in groups).
const COMMAND_PREFIX: char = '/';

/// How long one getUpdates call waits for news (below teloxide's 17 s request timeout).
const POLL_TIMEOUT_SECONDS: u32 = 10;
/// Outbox workers per process.
const OUTBOX_WORKERS: usize = 4;
/// Tries of a reply before it is handed to the outbox.
const INLINE_TRIES: u32 = 3;

/// A webhook: Telegram POSTs updates to `url`, which the reverse proxy forwards to
/// `/telegram/webhook` on tatwir's HTTP server.
#[derive(Clone)]
pub struct Webhook {
    pub url: url::Url,
    pub secret: String,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &self.url.as_str())
            .field("secret", &"***")
            .finish()
    }
}

#[derive(Clone)]
pub struct TelegramConfig {
    pub token: String,
    /// Another Bot API server (a self-hosted one, or the loopback test server).
    pub api_url: Option<url::Url>,
    pub webhook: Option<Webhook>,
    pub limits: Limits,
}

impl std::fmt::Debug for TelegramConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramConfig")
            .field("token", &"***")
            .field("api_url", &self.api_url.as_ref().map(url::Url::as_str))
            .field("webhook", &self.webhook)
            .field("limits", &self.limits)
            .finish()
    }
}

impl TelegramConfig {
    /// From `TELOXIDE_TOKEN`, `TELOXIDE_API_URL` and the webhook settings; `None` without a token.
    pub fn from_env(webhook: Option<Webhook>, limits: Limits) -> anyhow::Result<Option<Self>> {
        let Some(token) = std::env::var("TELOXIDE_TOKEN")
            .ok()
            .filter(|token| !token.trim().is_empty())
        else {
            return Ok(None);
        };
        let api_url = match std::env::var("TELOXIDE_API_URL")
            .ok()
            .filter(|url| !url.trim().is_empty())
        {
            Some(url) => Some(url::Url::parse(&url).map_err(|e| anyhow::anyhow!("TELOXIDE_API_URL: {e}"))?),
            None => None,
        };
        Ok(Some(TelegramConfig {
            token: token.trim().to_owned(),
            api_url,
            webhook,
            limits,
        }))
    }
}

pub struct Telegram {
    bot: teloxide::Bot,
    bot_id: u64,
    username: String,
    engine: Arc<Engine<SqlStore>>,
    store: SqlStore,
    pacer: Pacer,
    webhook: Option<Webhook>,
    worker: String,
    /// The chats whose worker is running (one per chat, so its updates stay in order).
    running: std::sync::Mutex<std::collections::HashSet<String>>,
    /// The chat workers, waited for at shutdown.
    workers: tokio_util::task::TaskTracker,
    floods: std::sync::Mutex<std::collections::HashMap<i64, FloodWindow>>,
    /// One sender at a time per live message (`send::LiveLocks`).
    live: send::LiveLocks,
    /// Set at shutdown: the outbox workers finish what they are sending and claim nothing more.
    stopping: std::sync::atomic::AtomicBool,
}

impl Telegram {
    /// Connects (getMe, with retries), remembers the bot's username for deep links, and sets
    /// the command menus.
    pub async fn connect(
        config: TelegramConfig,
        engine: Arc<Engine<SqlStore>>,
        store: SqlStore,
    ) -> anyhow::Result<Arc<Self>> {
        let mut bot = teloxide::Bot::new(config.token.clone());
        if let Some(url) = &config.api_url {
            bot = bot.set_api_url(url.clone());
        }
        // Only a refused token stops the channel: a server error, a timeout or a 429 at start
        // is waited out, however long, and /readyz shows the channel retrying meanwhile.
        let health = engine.health().clone();
        health.starting(Channel::Telegram);
        let mut wait = Duration::from_secs(1);
        let me = loop {
            match bot.get_me().await {
                Ok(me) => break me,
                Err(RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                    health.refused(Channel::Telegram, Utc::now());
                    anyhow::bail!("Telegram refused the bot token: set a valid TELOXIDE_TOKEN");
                }
                Err(RequestError::RetryAfter(seconds)) => {
                    health.failing(Channel::Telegram, Utc::now());
                    tokio::time::sleep(seconds.duration()).await;
                }
                Err(error) => {
                    health.failing(Channel::Telegram, Utc::now());
                    tracing::warn!(%error, ?wait, "Telegram is not answering getMe; trying again");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(60));
                }
            }
        };
        // teloxide's `Me::username` panics when a server leaves it out.
        let username = me.user.username.clone().unwrap_or_default();
        store.set_setting("telegram.username", &username, Utc::now()).await?;
        let telegram = Arc::new(Telegram {
            bot,
            bot_id: me.id.0,
            username,
            engine,
            store,
            pacer: Pacer::new(config.limits),
            webhook: config.webhook,
            worker: tatwir_store::outbox::worker_name("telegram"),
            running: Default::default(),
            workers: tokio_util::task::TaskTracker::new(),
            live: Default::default(),
            floods: Default::default(),
            stopping: Default::default(),
        });
        telegram.set_commands().await;
        health.up(Channel::Telegram, Utc::now());
        tracing::info!(bot = %telegram.username, "Telegram channel ready");
        Ok(telegram)
    }

    pub fn username(&self) -> &str {
        &self.username
    }

    /// The command menu per language: French by default, Arabic for Arabic clients (Telegram
    /// reports Darija speakers as `ar`).
    async fn set_commands(&self) {
        let locales = self.engine.locales();
        for (language, code) in [
            (Language::Fr, None),
            (Language::Fr, Some("fr")),
            (Language::Ar, Some("ar")),
        ] {
            let commands = menu(locales, language);
            let mut request = self.bot.set_my_commands(commands);
            if let Some(code) = code {
                request = request.language_code(code);
            }
            if let Err(error) = request.await {
                tracing::warn!(%error, language = code.unwrap_or("default"), "could not set the command menu");
            }
        }
    }

    /// Receives updates until `shutdown`, and delivers the outbox meanwhile.
    pub async fn run(self: Arc<Self>, shutdown: impl Future<Output = ()> + Send + 'static) {
        // Delivery stops with this future, however it ends (the service aborts it at shutdown).
        let _delivery = AbortOnDropHandle::new(self.workers.spawn(self.clone().deliver_outbox()));
        // Updates kept before a restart are handled first; then the inbox is looked at every
        // second, for a chat whose worker stopped just as another update came.
        let dispatcher = {
            let this = self.clone();
            AbortOnDropHandle::new(tokio::spawn(async move {
                loop {
                    this.dispatch().await;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }))
        };
        let _dispatcher = dispatcher;
        let receiving = async {
            match &self.webhook {
                Some(webhook) => self.register_webhook(webhook).await,
                None => self.poll().await,
            }
        };
        tokio::select! {
            () = receiving => {}
            () = shutdown => {}
        }
    }

    async fn register_webhook(&self, webhook: &Webhook) {
        let mut wait = Duration::from_secs(1);
        loop {
            match self
                .bot
                .set_webhook(webhook.url.clone())
                .secret_token(webhook.secret.clone())
                .allowed_updates(allowed_updates())
                .await
            {
                Ok(_) => {
                    self.engine.health().up(Channel::Telegram, Utc::now());
                    tracing::info!(url = %webhook.url, "Telegram webhook set");
                    // Updates now come through the HTTP server.
                    std::future::pending::<()>().await;
                }
                Err(error) => {
                    self.engine.health().failing(Channel::Telegram, Utc::now());
                    tracing::warn!(%error, "could not set the Telegram webhook; trying again");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(60));
                }
            }
        }
    }

    fn offset_setting(&self) -> String {
        format!("telegram.{}.offset", self.bot_id)
    }

    /// Long polling. The offset confirming a batch is stored once the batch is handled.
    async fn poll(self: &Arc<Self>) {
        if let Err(error) = self.bot.delete_webhook().await {
            tracing::warn!(%error, "could not remove a Telegram webhook before polling");
        }
        let mut offset: i32 = match self.store.setting(&self.offset_setting()).await {
            Ok(value) => value.and_then(|v| v.parse().ok()).unwrap_or(0),
            Err(error) => {
                tracing::warn!(%error, "could not read the Telegram offset");
                0
            }
        };
        let mut wait = Duration::from_secs(1);
        loop {
            let batch = self
                .bot
                .get_updates()
                .offset(offset)
                .timeout(POLL_TIMEOUT_SECONDS)
                .allowed_updates(allowed_updates())
                .await;
            let updates = match batch {
                Ok(updates) => {
                    wait = Duration::from_secs(1);
                    self.engine.health().up(Channel::Telegram, Utc::now());
                    updates
                }
                Err(RequestError::RetryAfter(seconds)) => {
                    tokio::time::sleep(seconds.duration()).await;
                    continue;
                }
                Err(error) => {
                    self.engine.health().failing(Channel::Telegram, Utc::now());
                    tracing::warn!(%error, "getUpdates failed; trying again");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(30));
                    continue;
                }
            };
            let Some(last) = updates.iter().map(|update| update.id.0).max() else {
                continue;
            };
            // Kept before the offset confirms them, then handled per chat beside this loop:
            // receiving never waits for sending, and one busy chat holds up no other.
            if let Err(error) = self.receive(&updates).await {
                tracing::warn!(%error, "could not keep the received updates; asking for them again");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(30));
                continue;
            }
            offset = i32::try_from(last).unwrap_or(i32::MAX).saturating_add(1);
            if let Err(error) = self
                .store
                .set_setting(&self.offset_setting(), &offset.to_string(), Utc::now())
                .await
            {
                tracing::warn!(%error, "could not store the Telegram offset");
            }
        }
    }

    fn inbox_source(&self) -> String {
        format!("telegram:{}", self.bot_id)
    }

    /// Keeps updates in the inbox (durably, before they are confirmed to Telegram), then has
    /// each chat's worker handle them.
    pub async fn receive(self: &Arc<Self>, updates: &[Update]) -> anyhow::Result<()> {
        let mut received = Vec::with_capacity(updates.len());
        let mut unkept = Vec::new();
        for update in updates {
            let payload = write_update(update)?;
            // An update teloxide would not read back is handled now rather than lost.
            if read_update(&payload).is_err() {
                tracing::warn!(
                    update = update.id.0,
                    "an update does not read back once written: handled without the inbox"
                );
                unkept.push(update.clone());
                continue;
            }
            received.push(Received {
                update_id: i64::from(update.id.0),
                chat_key: chat_key(update).to_string(),
                payload,
            });
        }
        self.store
            .inbox_add(&self.inbox_source(), &received, Utc::now())
            .await?;
        self.dispatch().await;
        for update in unkept {
            let telegram = self.clone();
            self.workers.spawn(async move { telegram.handle_update(update).await });
        }
        Ok(())
    }

    /// Starts a worker for each chat with updates waiting and none running. Called after each
    /// batch and every second (a worker that just stopped may have missed the last updates).
    async fn dispatch(self: &Arc<Self>) {
        let chats = match self.store.inbox_chats(&self.inbox_source()).await {
            Ok(chats) => chats,
            Err(error) => {
                tracing::warn!(%error, "could not read the inbox");
                return;
            }
        };
        for chat in chats {
            let start = lock(&self.running).insert(chat.clone());
            if start {
                let telegram = self.clone();
                self.workers.spawn(async move { telegram.chat_worker(chat).await });
            }
        }
    }

    /// Handles one chat's updates in order until none is left, then stops.
    async fn chat_worker(self: Arc<Self>, chat: String) {
        let source = self.inbox_source();
        loop {
            let next = match self.store.inbox_next(&source, &chat).await {
                Ok(next) => next,
                Err(error) => {
                    tracing::warn!(%error, "could not read the inbox");
                    None
                }
            };
            let Some(received) = next else {
                break;
            };
            match read_update(&received.payload) {
                Ok(update) => {
                    if self.admit(&update).await {
                        self.handle_update(update).await;
                    }
                }
                Err(error) => tracing::warn!(%error, "a kept update does not read: dropped"),
            }
            if let Err(error) = self.store.inbox_done(&source, received.update_id).await {
                tracing::warn!(%error, "could not mark an update handled");
                break;
            }
        }
        lock(&self.running).remove(&chat);
    }

    /// The flood limit: a chat whose updates come faster than [`FLOOD_PER_MINUTE`] (a group's,
    /// or [`FLOOD_PER_MINUTE_PRIVATE`] a person's) has the rest of the minute dropped, and is
    /// told so once. A press is answered to the presser alone (a passing notice), never in the
    /// group, so presses count against the presser, at a person's limit: the delegates of a
    /// coalition voting on a group's ballot are many people, not a flood of the group.
    async fn admit(&self, update: &Update) -> bool {
        let (chat, limit) = match &update.kind {
            UpdateKind::CallbackQuery(query) => (query.from.id.0 as i64, FLOOD_PER_MINUTE_PRIVATE),
            _ => {
                let chat = chat_key(update);
                let limit = if chat < 0 {
                    FLOOD_PER_MINUTE
                } else {
                    FLOOD_PER_MINUTE_PRIVATE
                };
                (chat, limit)
            }
        };
        let now = std::time::Instant::now();
        let tell = {
            let mut windows = lock(&self.floods);
            let window = windows.entry(chat).or_insert(FloodWindow {
                start: now,
                count: 0,
                told: false,
            });
            if now.duration_since(window.start) >= Duration::from_secs(60) {
                *window = FloodWindow {
                    start: now,
                    count: 0,
                    told: false,
                };
            }
            window.count += 1;
            if window.count <= limit {
                return true;
            }
            !std::mem::replace(&mut window.told, true)
        };
        if tell {
            let language = update
                .from()
                .and_then(|user| user.language_code.as_deref())
                .and_then(Language::from_client_code)
                .unwrap_or(Language::FALLBACK);
            let text = self.engine.locales().text(language, "flood-slow-down", None);
            tracing::info!(
                chat,
                "a chat sends faster than the flood limit: the rest of the minute is dropped"
            );
            if let Err(failure) = self
                .send(chat, &Outgoing::text(tatwir_core::message::Text::plain(text)), 1)
                .await
            {
                tracing::debug!(?failure, "could not tell a flooding chat to slow down");
            }
        }
        false
    }

    /// At shutdown: the outbox workers finish the message under way and claim no more, and the
    /// updates being handled are finished, all within `deadline`; what is still waiting in the
    /// inbox or the outbox is handled at the next start.
    pub async fn drain(&self, deadline: Duration) {
        self.stopping.store(true, std::sync::atomic::Ordering::Relaxed);
        self.workers.close();
        if tokio::time::timeout(deadline, self.workers.wait()).await.is_err() {
            tracing::warn!("some updates were still being handled at the shutdown deadline");
        }
    }

    /// One update, answered. Never fails: what cannot be sent now goes to the outbox.
    pub async fn handle_update(&self, update: Update) {
        let id = update.id.0;
        match update.kind {
            UpdateKind::Message(message) => self.on_message(id, message).await,
            UpdateKind::CallbackQuery(query) => {
                let message = query.regular_message().cloned();
                if let Some(message) = &message {
                    self.note_group(&message.chat).await;
                }
                let chat = message.as_ref().map_or(query.from.id.0 as i64, |m| m.chat.id.0);
                let kind = if chat < 0 { ChatKind::Group } else { ChatKind::Private };
                let data = query.data.clone().unwrap_or_default();
                let incoming = self.incoming(&query.from, chat, kind, Event::Choice(data));
                let handled = self.engine.handle_event(&incoming).await;
                // The press is answered at once (the client stops waiting), with the notice as a
                // passing message when there is one.
                let mut answer = self.bot.answer_callback_query(query.id.clone());
                if let Some(notice) = &handled.notice {
                    answer = answer.text(notice.clone());
                }
                if let Err(error) = answer.await {
                    tracing::debug!(%error, "could not answer a callback query");
                }
                if handled.accepted
                    && let Some(message) = &message
                {
                    // The keyboard did its work: take it away so a lesson leaves no dead buttons.
                    self.pacer.ready(chat).await;
                    let edit = self
                        .bot
                        .edit_message_reply_markup(message.chat.id, message.id)
                        .reply_markup(InlineKeyboardMarkup::default())
                        .await;
                    if let Err(error) = edit {
                        tracing::debug!(%error, "could not retire a keyboard");
                    }
                }
                self.reply(id, &incoming.identity, chat, handled.replies).await;
            }
            UpdateKind::PollAnswer(answer) => {
                let MaybeAnonymousUser::User(user) = &answer.voter else {
                    return;
                };
                if answer.option_ids.is_empty() {
                    return;
                }
                let poll = match self.store.sent_poll(&answer.poll_id.0).await {
                    Ok(Some(poll)) => poll,
                    Ok(None) => return,
                    Err(error) => {
                        tracing::warn!(%error, "could not look up a poll");
                        return;
                    }
                };
                let event = Event::PollAnswer {
                    poll: poll.reference,
                    options: answer.option_ids.iter().map(|&option| usize::from(option)).collect(),
                };
                let chat = user.id.0 as i64;
                let incoming = self.incoming(user, chat, ChatKind::Private, event);
                let replies = self.engine.handle_event(&incoming).await.into_replies();
                self.reply(id, &incoming.identity, chat, replies).await;
            }
            UpdateKind::MyChatMember(member) => {
                if member.new_chat_member.is_present() {
                    self.note_group(&member.chat).await;
                } else if !member.chat.is_private()
                    && let Err(error) = self
                        .store
                        .left_group_chat(Channel::Telegram, &member.chat.id.0.to_string(), Utc::now())
                        .await
                {
                    tracing::warn!(%error, "could not record that the bot left a group");
                }
            }
            _ => {}
        }
    }

    /// Keeps the group chats the bot is in (a meeting may invite them), with their titles.
    async fn note_group(&self, chat: &teloxide::types::Chat) {
        if !(chat.is_group() || chat.is_supergroup()) {
            return;
        }
        let title = chat.title().unwrap_or_default();
        if let Err(error) = self
            .store
            .note_group_chat(Channel::Telegram, &chat.id.0.to_string(), title, Utc::now())
            .await
        {
            tracing::warn!(%error, "could not record a group chat");
        }
    }

    async fn on_message(&self, update: u32, message: Message) {
        if let Some(new) = message.migrate_to_chat_id() {
            if let Err(error) = self
                .store
                .migrate_telegram_chat(message.chat.id.0, new.0, Utc::now())
                .await
            {
                tracing::warn!(%error, "could not follow a group to its supergroup");
            }
            return;
        }
        self.note_group(&message.chat).await;
        let Some(from) = message.from.as_ref().filter(|user| !user.is_bot) else {
            return;
        };
        let chat = message.chat.id.0;
        let group = !message.chat.is_private();
        let text = message.text().unwrap_or_default();
        if group {
            // In groups the bot answers only commands meant for it (privacy mode shows it little
            // else, and chatter is not for the bot).
            let Some(command) = text.strip_prefix('/') else {
                return;
            };
            let word = command.split_whitespace().next().unwrap_or_default();
            if let Some((_, bot)) = word.split_once('@')
                && !bot.eq_ignore_ascii_case(&self.username)
            {
                return;
            }
        }
        let kind = if group { ChatKind::Group } else { ChatKind::Private };
        let incoming = self.incoming(from, chat, kind, Event::Text(text.to_owned()));
        // Writing again makes a person who had blocked the bot reachable again.
        if !group && let Err(error) = self.store.set_unreachable(&incoming.identity, None).await {
            tracing::warn!(%error, "could not mark a person reachable");
        }
        let replies = self.engine.handle_event(&incoming).await.into_replies();
        self.reply(update, &incoming.identity, chat, replies).await;
    }

    fn incoming(&self, user: &User, chat: i64, kind: ChatKind, event: Event) -> Incoming {
        Incoming {
            identity: Identity::new(Channel::Telegram, user.id.0.to_string()),
            display_name: user.full_name(),
            client_language: user.language_code.clone(),
            chat: Chat {
                id: chat.to_string(),
                kind,
                private_link: Some(format!("https://t.me/{}", self.username)),
                command_prefix: COMMAND_PREFIX,
            },
            event,
        }
    }

    /// Sends a turn's replies in order; on a failure that may pass, the rest wait in the outbox.
    async fn reply(&self, update: u32, identity: &Identity, chat: i64, replies: Vec<Outgoing>) {
        for (index, reply) in replies.iter().enumerate() {
            match self.send(chat, reply, INLINE_TRIES).await {
                Ok(()) => {}
                Err(Failure::Unreachable(why)) => {
                    tracing::info!(%identity, %why, "the person cannot be reached: sending stops until they write");
                    if let Err(error) = self.store.set_unreachable(identity, Some(Utc::now())).await {
                        tracing::warn!(%error, "could not mark a person unreachable");
                    }
                    return;
                }
                Err(Failure::Rejected(why)) => {
                    tracing::error!(%why, %identity, "Telegram refused a reply");
                }
                Err(Failure::RetryAfter(wait)) => {
                    tracing::info!(?wait, "Telegram asks to wait: the reply waits in the outbox");
                    self.queue_replies(update, identity, chat, index, &replies[index..])
                        .await;
                    return;
                }
                Err(Failure::Transient(why)) => {
                    tracing::warn!(%why, "Telegram is not answering: the reply waits in the outbox");
                    self.queue_replies(update, identity, chat, index, &replies[index..])
                        .await;
                    return;
                }
            }
        }
    }

    async fn queue_replies(&self, update: u32, identity: &Identity, chat: i64, first: usize, replies: &[Outgoing]) {
        let occurrence = |i: usize| format!("telegram:{}:{update}:{}", self.bot_id, first + i);
        tatwir_core::outbox::queue_replies(
            &self.store,
            identity,
            &chat.to_string(),
            replies,
            occurrence,
            Utc::now(),
        )
        .await;
    }

    /// Keeps an update that came through the webhook; it is handled beside the request, which
    /// is answered at once (dropping the request no longer aborts the turn). False when it could
    /// not be kept: Telegram is then asked to send it again.
    pub async fn handle_webhook_update(self: &Arc<Self>, update: Update) -> bool {
        match self.receive(std::slice::from_ref(&update)).await {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(%error, "could not keep a webhook update");
                false
            }
        }
    }

    pub fn webhook_secret(&self) -> Option<&str> {
        self.webhook.as_ref().map(|webhook| webhook.secret.as_str())
    }
}

fn allowed_updates() -> Vec<AllowedUpdate> {
    vec![
        AllowedUpdate::Message,
        AllowedUpdate::CallbackQuery,
        AllowedUpdate::PollAnswer,
        AllowedUpdate::MyChatMember,
    ]
}

/// Updates of one chat are handled in order.
/// At most this many updates a minute are handled from one group chat (Telegram lets a bot
/// post about 20 messages a minute in a group: more could not be answered anyway).
const FLOOD_PER_MINUTE: u32 = 20;
/// At most this many a minute from one person in a private chat.
const FLOOD_PER_MINUTE_PRIVATE: u32 = 30;

/// Updates counted in the current minute of one chat.
struct FloodWindow {
    start: std::time::Instant,
    count: u32,
    told: bool,
}

fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An update kept in the inbox, read as a webhook body is (a panic of teloxide's reader is an
/// update that does not read).
fn read_update(json: &str) -> Result<Update, String> {
    webhook::read_update(json.as_bytes())
}

/// An update as the Bot API writes it, so that [`read_update`] reads it back. teloxide writes a
/// poll answer's voter flat into the answer, but reads it only under `user` or `voter_chat` (and
/// panics when neither is there), and writes an inaccessible message without the `date: 0` it
/// is told apart by: those parts are written as the Bot API does.
fn write_update(update: &Update) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(update)?;
    if let UpdateKind::CallbackQuery(query) = &update.kind
        && let Some(teloxide::types::MaybeInaccessibleMessage::Inaccessible(_)) = &query.message
    {
        value["callback_query"]["message"]["date"] = serde_json::Value::from(0);
    }
    if let UpdateKind::PollAnswer(answer) = &update.kind {
        let (field, voter) = match &answer.voter {
            MaybeAnonymousUser::User(user) => ("user", serde_json::to_value(user)?),
            MaybeAnonymousUser::Chat(chat) => ("voter_chat", serde_json::to_value(chat)?),
        };
        let mut written = serde_json::Map::new();
        written.insert("poll_id".to_owned(), serde_json::to_value(&answer.poll_id)?);
        written.insert(field.to_owned(), voter);
        written.insert("option_ids".to_owned(), serde_json::to_value(&answer.option_ids)?);
        value["poll_answer"] = serde_json::Value::Object(written);
    }
    serde_json::to_string(&value)
}

fn chat_key(update: &Update) -> i64 {
    match &update.kind {
        UpdateKind::Message(message) => message.chat.id.0,
        UpdateKind::CallbackQuery(query) => query
            .regular_message()
            .map_or(query.from.id.0 as i64, |message| message.chat.id.0),
        UpdateKind::PollAnswer(answer) => match &answer.voter {
            MaybeAnonymousUser::User(user) => user.id.0 as i64,
            MaybeAnonymousUser::Chat(chat) => chat.id.0,
        },
        UpdateKind::MyChatMember(member) => member.chat.id.0,
        _ => 0,
    }
}

/// The command menu in one language: the commands everyone or every member may use.
fn menu(locales: &Localizer, language: Language) -> Vec<BotCommand> {
    COMMANDS
        .iter()
        .filter(|spec| matches!(spec.audience, UsableBy::Everyone | UsableBy::Members))
        .map(|spec| BotCommand::new(spec.name, locales.text(language, spec.description, None)))
        .collect()
}

#[cfg(test)]
mod inbox_tests {
    use super::{read_update, write_update};

    /// Every kind of update the bot asks for reads back as it was written into the inbox.
    #[test]
    fn updates_kept_in_the_inbox_read_back() {
        let user = r#"{"id": 42, "is_bot": false, "first_name": "Amina", "language_code": "ar"}"#;
        let chat = r#"{"id": -100, "type": "supergroup", "title": "Bureau"}"#;
        for json in [
            format!(
                r#"{{"update_id": 1, "message": {{"message_id": 5, "date": 1700000000, "chat": {{"id": 42, "type": "private", "first_name": "Amina"}}, "from": {user}, "text": "/help"}}}}"#
            ),
            format!(
                r#"{{"update_id": 2, "callback_query": {{"id": "9", "from": {user}, "chat_instance": "1", "data": "abc.0", "message": {{"message_id": 6, "date": 1700000000, "chat": {chat}, "text": "x"}}}}}}"#
            ),
            format!(
                r#"{{"update_id": 6, "callback_query": {{"id": "10", "from": {user}, "chat_instance": "1", "data": "abc.1", "message": {{"message_id": 7, "date": 0, "chat": {chat}}}}}}}"#
            ),
            format!(r#"{{"update_id": 3, "poll_answer": {{"poll_id": "p1", "user": {user}, "option_ids": [0, 2]}}}}"#),
            format!(
                r#"{{"update_id": 4, "poll_answer": {{"poll_id": "p2", "voter_chat": {chat}, "user": {user}, "option_ids": [1]}}}}"#
            ),
            format!(
                r#"{{"update_id": 5, "my_chat_member": {{"chat": {chat}, "from": {user}, "date": 1700000000, "old_chat_member": {{"user": {user}, "status": "left"}}, "new_chat_member": {{"user": {user}, "status": "member"}}}}}}"#
            ),
        ] {
            let update = read_update(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            let kept = write_update(&update).expect("written");
            let back = read_update(&kept).unwrap_or_else(|e| panic!("{kept}: {e}"));
            assert_eq!(back, update, "{kept}");
        }
    }
}
