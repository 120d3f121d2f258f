//! Group chats the bot is in. A meeting may invite them: its news is posted there once, and
//! anyone in the group may answer with the buttons under it.

use crate::meeting::Rsvp;
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
}

/// The choice data of an answer to a meeting posted in a group: `m<meeting>.<y|n|m>`.
///
/// Unlike a person's offer it carries no secret: anyone may forge it, so the engine takes it only
/// from a group the meeting invited, and only while the meeting stands. It cannot be mistaken
/// for an offer's `<nonce>.<index>`, whose index is a number.
pub fn answer_data(meeting: i64, answer: Rsvp) -> String {
    let letter = match answer {
        Rsvp::Yes => 'y',
        Rsvp::No => 'n',
        Rsvp::Maybe => 'm',
    };
    format!("m{meeting}.{letter}")
}

/// The meeting and the answer of [`answer_data`].
pub fn parse_answer(data: &str) -> Option<(i64, Rsvp)> {
    let (meeting, letter) = data.strip_prefix('m')?.split_once('.')?;
    let answer = match letter {
        "y" => Rsvp::Yes,
        "n" => Rsvp::No,
        "m" => Rsvp::Maybe,
        _ => return None,
    };
    let meeting = meeting
        .parse()
        .ok()
        .filter(|&id: &i64| id > 0 && meeting.bytes().all(|b| b.is_ascii_digit()))?;
    Some((meeting, answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_and_nothing_else_does() {
        for answer in Rsvp::ALL {
            assert_eq!(parse_answer(&answer_data(42, answer)), Some((42, answer)));
        }
        for data in [
            "m42.x", "m.y", "m-4.y", "m+4.y", "m0.y", "abc123.0", "m42y", "42.y", "m4 2.y",
        ] {
            assert_eq!(parse_answer(data), None, "{data}");
        }
        assert!(
            answer_data(i64::MAX, Rsvp::Maybe).len() <= 64,
            "Telegram's callback data limit"
        );
    }
}
