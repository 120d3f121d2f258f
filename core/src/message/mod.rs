//! What comes in from a channel and what goes back out, in channel-neutral terms. Each adapter
//! turns its platform's updates into [`Incoming`] and renders [`Outgoing`] its own way.

pub mod html;
pub mod numbered;

use crate::person::Identity;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One thing a person did in a chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub identity: Identity,
    /// The name the channel shows for the person, used when the person is first seen.
    pub display_name: String,
    /// The client's own language code (Telegram's `language_code`, `--lang` in the terminal).
    pub client_language: Option<String>,
    pub chat: Chat,
    pub event: Event,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Chat {
    /// The channel's own chat id (a Telegram chat id, a Matrix room id, a terminal user).
    pub id: String,
    pub kind: ChatKind,
    /// Where a person opens a private chat with the bot (`https://t.me/<bot>`), if the channel
    /// has such an address: group answers point there.
    pub private_link: Option<String>,
    /// How commands are typed on this channel (`/`; `!` on Matrix, whose clients keep `/` for
    /// themselves): the engine writes the commands it suggests this way.
    pub command_prefix: char,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChatKind {
    /// A one-to-one chat with the bot.
    Private,
    /// A group chat or a room with several people.
    Group,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A text message, commands included.
    Text(String),
    /// A choice pressed or typed: the opaque `data` of a [`Choice`] the engine offered.
    Choice(String),
    /// An answer to a poll the engine sent (option indexes, from 0).
    PollAnswer { poll: String, options: Vec<usize> },
}

/// Text with simple formatting, which every channel can render (HTML, Markdown, ANSI, plain).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub spans: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "text")]
pub enum Span {
    Plain(String),
    Bold(String),
    Italic(String),
    /// Something to type exactly: a command or a code.
    Code(String),
}

impl Text {
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            spans: vec![Span::Plain(text.into())],
        }
    }

    pub fn push(mut self, span: Span) -> Self {
        self.spans.push(span);
        self
    }

    pub fn then_plain(self, text: impl Into<String>) -> Self {
        self.push(Span::Plain(text.into()))
    }

    pub fn then_bold(self, text: impl Into<String>) -> Self {
        self.push(Span::Bold(text.into()))
    }

    pub fn then_code(self, text: impl Into<String>) -> Self {
        self.push(Span::Code(text.into()))
    }

    pub fn line_break(self) -> Self {
        self.then_plain("\n")
    }

    /// The text without formatting.
    pub fn to_plain(&self) -> String {
        self.spans
            .iter()
            .map(|span| match span {
                Span::Plain(s) | Span::Bold(s) | Span::Italic(s) | Span::Code(s) => s.as_str(),
            })
            .collect()
    }
}

/// One option a person can pick. `data` is opaque, short ASCII (it fits Telegram's 64-byte
/// callback data) and carries no text: the engine checks it against what it offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub label: String,
    pub data: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poll {
    /// Opaque reference the engine recognises in a [`Event::PollAnswer`].
    pub reference: String,
    pub question: String,
    pub options: Vec<String>,
    pub multiple_answers: bool,
    /// For a quiz: the right option(s).
    pub correct: Vec<usize>,
    pub explanation: Option<String>,
    /// How to answer, for channels whose polls do not say it themselves ("several answers").
    #[serde(default)]
    pub hint: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Image,
    Video,
    Document,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaSource {
    File(PathBuf),
    Url(String),
    /// A file made for this message (a meeting's iCalendar): sent as an upload, never cached.
    Inline {
        file_name: String,
        mime: String,
        content: String,
    },
    /// A binary file made for this message (a certificate's picture): sent as an upload, never
    /// cached.
    Bytes {
        file_name: String,
        mime: String,
        bytes: Vec<u8>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    pub kind: MediaKind,
    pub source: MediaSource,
    pub caption: Option<Text>,
}

/// One message to send back into the chat the [`Incoming`] came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum Outgoing {
    /// Text, with rows of choices under it (none for a plain message).
    Message {
        text: Text,
        choices: Vec<Vec<Choice>>,
    },
    Poll(Poll),
    Media(Media),
    /// A message that stands for something that changes while people act on it (how many
    /// associations have voted): posted the first time under `key` in its chat, then edited in
    /// place there (Telegram's editMessageText, a Matrix `m.replace`) rather than sent again, so
    /// that a group reads one message however many press.
    Live {
        key: String,
        text: Text,
        choices: Vec<Vec<Choice>>,
    },
}

impl Outgoing {
    pub fn text(text: Text) -> Self {
        Outgoing::Message {
            text,
            choices: Vec::new(),
        }
    }

    pub fn with_choices(text: Text, choices: Vec<Vec<Choice>>) -> Self {
        Outgoing::Message { text, choices }
    }
}
