//! Sending: the outbox delivered at Telegram's pace, and each `Outgoing` rendered as the Bot API
//! call it needs (text with buttons, a native quiz poll, a file uploaded once then re-sent by id).

use crate::render::{PollForm, html, keyboard, messages, poll_as_buttons, poll_form};
use crate::{COMMAND_PREFIX, OUTBOX_WORKERS, Telegram};
use chrono::Utc;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tatwir_core::message::{Choice, Media, MediaKind, MediaSource, Outgoing, Poll, Text};
use tatwir_core::outbox::{OutboxItem, OutboxStore, Undelivered};
use tatwir_core::person::{Channel, Identity};
use tatwir_store::SentPoll;
use teloxide::payloads::{
    EditMessageTextSetters, SendDocumentSetters, SendMessageSetters, SendPhotoSetters, SendPollSetters,
    SendVideoSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{ChatId, FileId, InputFile, InputPollOption, Message, MessageId, ParseMode, PollType};
use teloxide::{ApiError, RequestError};

/// What went wrong sending one message.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Telegram asked to wait (a 429): all sending pauses that long, and the message goes back
    /// to the outbox for after the wait rather than holding its worker.
    RetryAfter(Duration),
    Unreachable(String),
    Rejected(String),
    Transient(String),
}

impl From<Failure> for Undelivered {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::RetryAfter(wait) => {
                Undelivered::RetryAfter(chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::seconds(1)))
            }
            Failure::Unreachable(why) => Undelivered::Unreachable(why),
            Failure::Rejected(why) => Undelivered::Rejected(why),
            Failure::Transient(why) => Undelivered::Transient(why),
        }
    }
}

impl Telegram {
    /// Delivers what the outbox holds for Telegram, for as long as the service runs.
    /// Several workers, so that one slow chat or request does not hold the others up; the pacer
    /// keeps them all within the limits together.
    pub async fn deliver_outbox(self: Arc<Self>) {
        futures::future::join_all((0..OUTBOX_WORKERS).map(|_| {
            let this = self.clone();
            async move {
                // At shutdown, the batch under way is finished and no other is claimed.
                while !this.stopping.load(std::sync::atomic::Ordering::Relaxed) {
                    let delivered = match this.deliver_due().await {
                        Ok(count) => count,
                        Err(error) => {
                            tracing::warn!(%error, "could not read the outbox");
                            0
                        }
                    };
                    if delivered == 0 {
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                }
            }
        }))
        .await;
    }

    /// Claims and sends due messages once; returns how many were handled.
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        let now = self.engine.clock().now();
        let items = self.store.claim(Channel::Telegram, None, &self.worker, now, 50).await?;
        let count = items.len();
        // Items for different chats go out together; the pacer keeps each chat's pace.
        let mut by_chat: BTreeMap<String, Vec<OutboxItem>> = BTreeMap::new();
        for item in items {
            by_chat.entry(item.chat.clone()).or_default().push(item);
        }
        futures::future::join_all(by_chat.into_values().map(|items| async move {
            for item in items {
                if self.stopping.load(std::sync::atomic::Ordering::Relaxed) {
                    // Left claimed: a restarted process takes it back at once (SQLite), or the
                    // claim lapses (PostgreSQL).
                    break;
                }
                let clock = self.engine.clock();
                tatwir_core::outbox::deliver_held(&self.store, &self.worker, item.id, clock, self.deliver(&item)).await;
            }
        }))
        .await;
        Ok(count)
    }

    /// Sends one claimed item; a person who blocked the bot is kept as unreachable, a group that
    /// removed it as left.
    async fn deliver(&self, item: &OutboxItem) -> Result<(), Undelivered> {
        let chat = item
            .chat
            .parse::<i64>()
            .map_err(|_| Undelivered::Rejected("not a Telegram chat".into()))?;
        let chat = self.store.current_telegram_chat(chat).await.unwrap_or(chat);
        let identity = Identity::new(Channel::Telegram, chat.to_string());
        if chat > 0 && self.store.is_unreachable(&identity).await.unwrap_or(false) {
            return Err(Undelivered::Unreachable("blocked the bot".into()));
        }
        let replies = self
            .engine
            .render(item, COMMAND_PREFIX)
            .await
            .map_err(|error| Undelivered::Transient(error.to_string()))?;
        for reply in &replies {
            if let Err(failure) = self.send(chat, reply, 1).await {
                if let Failure::Unreachable(_) = failure {
                    let now = self.engine.clock().now();
                    let noted = if chat > 0 {
                        self.store.set_unreachable(&identity, Some(now)).await
                    } else {
                        self.store
                            .left_group_chat(Channel::Telegram, &chat.to_string(), now)
                            .await
                    };
                    if let Err(error) = noted {
                        tracing::warn!(%error, "could not record an unreachable chat");
                    }
                }
                return Err(failure.into());
            }
        }
        Ok(())
    }

    /// Sends one message at the pace Telegram allows, following a group to its supergroup, and
    /// retrying other failures `tries` times. A 429 pauses all sending for its `retry_after` and
    /// is returned, so that the message waits in the outbox rather than in a worker.
    pub(crate) async fn send(&self, chat: i64, outgoing: &Outgoing, tries: u32) -> Result<(), Failure> {
        let mut chat = chat;
        let mut tried = 0;
        let mut wait = Duration::from_millis(500);
        loop {
            self.pacer.ready(chat).await;
            match self.send_once(chat, outgoing).await {
                Ok(()) => return Ok(()),
                Err(RequestError::RetryAfter(seconds)) => {
                    tracing::info!(seconds = seconds.seconds(), "Telegram asks to wait: all sending pauses");
                    self.pacer.pause(u64::from(seconds.seconds()));
                    return Err(Failure::RetryAfter(seconds.duration()));
                }
                Err(RequestError::MigrateToChatId(new)) => {
                    if let Err(error) = self.store.migrate_telegram_chat(chat, new.0, Utc::now()).await {
                        tracing::warn!(%error, "could not record a group migration");
                    }
                    chat = new.0;
                }
                Err(error) => match classify(&error) {
                    Failure::Transient(why) => {
                        tried += 1;
                        if tried >= tries {
                            return Err(Failure::Transient(why));
                        }
                        tokio::time::sleep(wait).await;
                        wait *= 2;
                    }
                    failure => return Err(failure),
                },
            }
        }
    }

    async fn send_once(&self, chat: i64, outgoing: &Outgoing) -> Result<(), RequestError> {
        let chat_id = ChatId(chat);
        match outgoing {
            Outgoing::Message { text, choices } => self.send_text(chat_id, text, choices).await,
            Outgoing::Live { key, text, choices } => self.send_live(chat, key, text, choices).await,
            Outgoing::Poll(poll) => self.send_poll(chat, poll).await,
            Outgoing::Media(media) => self.send_media(chat_id, media).await,
        }
    }

    async fn send_text(&self, chat: ChatId, text: &Text, choices: &[Vec<Choice>]) -> Result<(), RequestError> {
        let parts = messages(text);
        let last = parts.len().saturating_sub(1);
        for (index, part) in parts.into_iter().enumerate() {
            let mut request = self.bot.send_message(chat, part).parse_mode(ParseMode::Html);
            if index == last && !choices.is_empty() {
                request = request.reply_markup(keyboard(choices));
            }
            request.await?;
        }
        Ok(())
    }

    /// A live message: the message remembered for (`chat`, `key`) edited in place, or, the first
    /// time (or when it can no longer be edited: deleted, too old), sent like a message and its id
    /// remembered. Text too long for one message is sent in parts, and the last one, which
    /// carries the buttons, is the one remembered and edited (with the last part of each new
    /// version). The pacer has let the first request go; any further one waits its turn.
    async fn send_live(&self, chat: i64, key: &str, text: &Text, choices: &[Vec<Choice>]) -> Result<(), RequestError> {
        let setting = live_setting(chat, key);
        // Two outbox workers may hold versions of the same live message: one at a time, so
        // that both do not send it anew.
        let lock = self.live.lock(&setting);
        let held = lock.lock().await;
        let outcome = self.send_live_held(chat, &setting, text, choices).await;
        drop(held);
        self.live.release(&setting, lock);
        outcome
    }

    async fn send_live_held(
        &self,
        chat: i64,
        setting: &str,
        text: &Text,
        choices: &[Vec<Choice>],
    ) -> Result<(), RequestError> {
        let remembered = match self.store.setting(setting).await {
            Ok(value) => value.as_deref().and_then(remembered_message),
            // Sending anew could leave two copies: the try waits in the outbox instead.
            Err(error) => return Err(RequestError::Io(Arc::new(std::io::Error::other(error.to_string())))),
        };
        let mut parts = messages(text);
        let markup = (!choices.is_empty()).then(|| keyboard(choices));
        let mut paced = true;
        if let Some(message_id) = remembered {
            let last = parts.pop().unwrap_or_default();
            let mut request = self
                .bot
                .edit_message_text(ChatId(chat), MessageId(message_id), last)
                .parse_mode(ParseMode::Html);
            // Leaving the markup out removes buttons the previous version had.
            if let Some(markup) = &markup {
                request = request.reply_markup(markup.clone());
            }
            match request.await {
                // The same content again: what people see is already this version.
                Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => return Ok(()),
                // Deleted, or no longer editable: posted anew below, and that one remembered.
                Err(RequestError::Api(ApiError::MessageToEditNotFound | ApiError::MessageCantBeEdited)) => {
                    tracing::info!(setting, "a live message could not be edited: it is sent anew");
                    parts = messages(text);
                    paced = false;
                }
                Err(error) => return Err(error),
            }
        }
        let last = parts.len().saturating_sub(1);
        let mut sent = None;
        for (index, part) in parts.into_iter().enumerate() {
            if !paced {
                self.pacer.ready(chat).await;
            }
            paced = false;
            let mut request = self.bot.send_message(ChatId(chat), part).parse_mode(ParseMode::Html);
            if index == last
                && let Some(markup) = &markup
            {
                request = request.reply_markup(markup.clone());
            }
            sent = Some(request.await?);
        }
        if let Some(message) = sent
            && let Err(error) = self
                .store
                .set_setting(setting, &message.id.0.to_string(), Utc::now())
                .await
        {
            // The next version will be sent anew rather than edit this one.
            tracing::warn!(%error, setting, "could not remember a live message");
        }
        Ok(())
    }

    async fn send_poll(&self, chat: i64, poll: &Poll) -> Result<(), RequestError> {
        let options = poll.options.iter().map(|option| InputPollOption::new(option.clone()));
        let request = self
            .bot
            .send_poll(ChatId(chat), poll.question.clone(), options)
            .is_anonymous(false);
        let sent = match poll_form(poll) {
            PollForm::Quiz { correct } => {
                let mut request = request.type_(PollType::Quiz).correct_option_id(correct);
                if let Some(explanation) = &poll.explanation {
                    request = request.explanation(explanation.clone());
                }
                request.await?
            }
            PollForm::Multiple => request.type_(PollType::Regular).allows_multiple_answers(true).await?,
            PollForm::Buttons => {
                let (text, choices) = poll_as_buttons(poll);
                return self.send_text(ChatId(chat), &text, &choices).await;
            }
        };
        if let Some(sent_poll) = sent.poll() {
            let record = SentPoll {
                reference: poll.reference.clone(),
                user_id: chat.to_string(),
                chat_id: chat,
                message_id: i64::from(sent.id.0),
            };
            if let Err(error) = self.store.remember_poll(&sent_poll.id.0, &record, Utc::now()).await {
                tracing::error!(%error, "could not remember a poll: its answers will not count");
            }
        }
        Ok(())
    }

    /// A lesson's file: uploaded once per bot, then re-sent by its file_id. A file made for the
    /// message (a meeting's calendar) is uploaded every time.
    async fn send_media(&self, chat: ChatId, media: &Media) -> Result<(), RequestError> {
        let (source, upload) = match &media.source {
            MediaSource::File(path) => (path.display().to_string(), InputFile::file(path.clone())),
            MediaSource::Url(url) => match url::Url::parse(url) {
                Ok(parsed) => (url.clone(), InputFile::url(parsed)),
                Err(_) => return Ok(()),
            },
            MediaSource::Inline { file_name, content, .. } => {
                let file = InputFile::memory(content.clone().into_bytes()).file_name(file_name.clone());
                return self.send_file(chat, media, file).await.map(drop);
            }
            MediaSource::Bytes { file_name, bytes, .. } => {
                let file = InputFile::memory(bytes.clone()).file_name(file_name.clone());
                return self.send_file(chat, media, file).await.map(drop);
            }
        };
        let key = format!("{}:{source}", self.bot_id);
        let cached = self.store.telegram_file(&key).await.ok().flatten();
        let file = match &cached {
            Some(id) => InputFile::file_id(FileId(id.clone())),
            None => upload,
        };
        let sent = self.send_file(chat, media, file).await?;
        let file_id = sent
            .document()
            .map(|document| document.file.id.0.clone())
            .or_else(|| {
                sent.photo()
                    .and_then(|sizes| sizes.last())
                    .map(|photo| photo.file.id.0.clone())
            })
            .or_else(|| sent.video().map(|video| video.file.id.0.clone()));
        if cached.is_none()
            && let Some(file_id) = file_id
            && let Err(error) = self.store.remember_telegram_file(&key, &file_id, Utc::now()).await
        {
            tracing::warn!(%error, "could not remember an uploaded file");
        }
        Ok(())
    }

    async fn send_file(&self, chat: ChatId, media: &Media, file: InputFile) -> Result<Message, RequestError> {
        // A caption over Telegram's limit would make it refuse the file: the file goes bare and
        // its caption follows as messages of its own.
        let caption = media.caption.clone().unwrap_or_default();
        let fits = crate::render::length(&caption.to_plain()) <= crate::render::CAPTION_LIMIT;
        let html_caption = if fits { html(&caption) } else { String::new() };
        let sent = match media.kind {
            MediaKind::Document => {
                self.bot
                    .send_document(chat, file)
                    .caption(html_caption)
                    .parse_mode(ParseMode::Html)
                    .await
            }
            MediaKind::Image => {
                self.bot
                    .send_photo(chat, file)
                    .caption(html_caption)
                    .parse_mode(ParseMode::Html)
                    .await
            }
            MediaKind::Video => {
                self.bot
                    .send_video(chat, file)
                    .caption(html_caption)
                    .parse_mode(ParseMode::Html)
                    .await
            }
        }?;
        if !fits {
            for part in crate::render::messages(&caption) {
                self.bot.send_message(chat, part).parse_mode(ParseMode::Html).await?;
            }
        }
        Ok(sent)
    }
}

/// The setting that remembers the id of the message standing for live `key` in `chat`. The
/// chat's id has no dot, so no two (chat, key) pairs share a name.
pub(crate) fn live_setting(chat: i64, key: &str) -> String {
    format!("telegram.live.{chat}.{key}")
}

/// A live message's id as [`Telegram::send_live`] remembers it; `None` for anything else
/// (a damaged value is taken as no message: the next version is sent anew).
pub(crate) fn remembered_message(value: &str) -> Option<i32> {
    value
        .parse::<i32>()
        .ok()
        .filter(|id| *id > 0 && id.to_string() == value)
}

/// Locks by live message, so that its versions are sent one at a time; a lock no one holds or
/// waits for is dropped.
#[derive(Default)]
pub(crate) struct LiveLocks(std::sync::Mutex<std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl LiveLocks {
    fn map(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock(&self, name: &str) -> Arc<tokio::sync::Mutex<()>> {
        self.map().entry(name.to_owned()).or_default().clone()
    }

    fn release(&self, name: &str, lock: Arc<tokio::sync::Mutex<()>>) {
        let mut map = self.map();
        // The map's reference and this one: no one else holds or waits for it.
        if Arc::strong_count(&lock) == 2 {
            map.remove(name);
        }
    }
}

/// Which failures pass with time, which mean the person is out of reach, and which are ours.
fn classify(error: &RequestError) -> Failure {
    match error {
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::ChatNotFound,
        ) => Failure::Unreachable(error.to_string()),
        RequestError::Api(ApiError::Unknown(description)) => {
            let description = description.to_ascii_lowercase();
            if description.starts_with("forbidden") {
                Failure::Unreachable(error.to_string())
            } else if description.starts_with("bad request") || description.starts_with("unauthorized") {
                Failure::Rejected(error.to_string())
            } else {
                // 5xx answers ("Internal Server Error", "Bad Gateway") have no richer type.
                Failure::Transient(error.to_string())
            }
        }
        RequestError::Api(_) => Failure::Rejected(error.to_string()),
        _ => Failure::Transient(error.to_string()),
    }
}

#[cfg(test)]
mod live_tests {
    use super::{live_setting, remembered_message};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn config() -> Config {
        Config {
            cases: 256,
            rng_seed: RngSeed::Fixed(0x07e1_e62a),
            failure_persistence: None,
            ..Config::default()
        }
    }

    #[test]
    fn a_remembered_id_reads_back_and_nothing_else_does() {
        assert_eq!(remembered_message("42"), Some(42));
        for damaged in ["", "0", "-3", "+4", "042", " 42", "42 ", "4.2", "x", "99999999999"] {
            assert_eq!(remembered_message(damaged), None, "{damaged:?}");
        }
        assert_eq!(live_setting(-1005001, "ballot.7"), "telegram.live.-1005001.ballot.7");
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn every_message_id_round_trips(id in 1..=i32::MAX) {
            prop_assert_eq!(remembered_message(&id.to_string()), Some(id));
        }

        #[test]
        fn any_value_reads_as_a_positive_id_written_the_same_way_or_none(value in any::<String>()) {
            if let Some(id) = remembered_message(&value) {
                prop_assert!(id > 0);
                prop_assert_eq!(id.to_string(), value);
            }
        }

        /// The name reads back as its chat (up to the first dot after the prefix) and its key
        /// (the rest, dots and all): no two live messages share a setting.
        #[test]
        fn a_setting_names_one_chat_and_one_key(chat in any::<i64>(), key in any::<String>()) {
            let name = live_setting(chat, &key);
            let rest = name.strip_prefix("telegram.live.").expect("the prefix");
            let (read_chat, read_key) = rest.split_once('.').expect("a dot after the chat");
            prop_assert_eq!(read_chat.parse::<i64>().ok(), Some(chat));
            prop_assert_eq!(read_key, key.as_str());
        }
    }
}
