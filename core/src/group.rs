//! Group chats the bot is in. A meeting may invite them: its news is posted there once, and
//! anyone in the group may answer with the buttons under it (`meeting::press`).

use crate::person::Channel;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GroupChatId(pub i64);

/// A group chat as the bot last saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupChat {
    pub id: GroupChatId,
    pub channel: Channel,
    /// The channel's own chat id (a Telegram chat id, a Matrix room id).
    pub chat: String,
    pub title: String,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    /// The bot left the group or was removed from it.
    pub left: bool,
    /// The language meeting messages are posted in there (French when none is set).
    pub language: Option<crate::language::Language>,
    /// The association it belongs to; `None`: the platform's (coordinators only).
    pub owner: Option<crate::association::AssociationId>,
}
