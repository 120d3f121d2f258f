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
use teloxide::RequestError;
use teloxide::payloads::{
    SendDocumentSetters, SendMessageSetters, SendPhotoSetters, SendPollSetters, SendVideoSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{ChatId, FileId, InputFile, InputPollOption, Message, ParseMode, PollType};

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
            // Until live messages are edited in place, each version is sent anew.
            Outgoing::Message { text, choices } | Outgoing::Live { text, choices, .. } => {
                self.send_text(chat_id, text, choices).await
            }
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

/// Which failures pass with time, which mean the person is out of reach, and which are ours.
fn classify(error: &RequestError) -> Failure {
    use teloxide::ApiError;
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
