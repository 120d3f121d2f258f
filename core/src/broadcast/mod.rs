//! Announcements from coordinators to an audience, each person in their own language (French
//! when theirs is missing), and the topics people mute.

pub mod dialogue;

use crate::audience::Audience;
use crate::language::Language;
use crate::person::{Identity, PersonId};
use crate::store::StoreResult;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::str::FromStr;

/// A broadcast's number, as the command line shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BroadcastId(pub i64);

impl fmt::Display for BroadcastId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// In a message, as its number.
impl From<BroadcastId> for fluent_bundle::FluentValue<'static> {
    fn from(id: BroadcastId) -> Self {
        id.0.into()
    }
}

impl FromStr for BroadcastId {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<BroadcastId, Self::Err> {
        text.parse().map(BroadcastId)
    }
}

/// What a message is about, so people can mute it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    Meetings,
    Announcements,
    Daily,
    /// Reminders that a certificate ends soon.
    Certificates,
    /// Votes opened, reminders before their deadline, their results.
    Votes,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::Meetings,
        Topic::Announcements,
        Topic::Daily,
        Topic::Certificates,
        Topic::Votes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::Meetings => "meetings",
            Topic::Announcements => "announcements",
            Topic::Daily => "daily",
            Topic::Certificates => "certificates",
            Topic::Votes => "votes",
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Topic {
    type Err = ();

    /// The code, or a word people type in French, Arabic or Darija.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "meetings" | "meeting" | "réunions" | "reunions" | "réunion" | "reunion" | "اجتماعات" | "الاجتماعات" => {
                Ok(Topic::Meetings)
            }
            "announcements" | "announcement" | "annonces" | "annonce" | "إعلانات" | "الإعلانات" | "اعلانات" => {
                Ok(Topic::Announcements)
            }
            "daily" | "leçon" | "lecon" | "leçons" | "درس" | "الدرس" => Ok(Topic::Daily),
            "certificates" | "certificate" | "certificats" | "certificat" | "شهادات" | "الشهادات" | "شواهد"
            | "الشواهد" => Ok(Topic::Certificates),
            "votes" | "vote" | "تصويت" | "التصويت" | "الأصوات" | "التصويتات" => {
                Ok(Topic::Votes)
            }
            _ => Err(()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBroadcast {
    pub author: Option<PersonId>,
    pub topic: Topic,
    /// The text per language; French should be there, as it stands in for missing ones.
    pub texts: BTreeMap<Language, String>,
    pub audience: Audience,
    /// The confirmation it comes from (`<person>:<offer nonce>`): the same key again makes no
    /// second announcement. `None` from the command line.
    pub request: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Broadcast {
    pub id: BroadcastId,
    pub topic: Topic,
    pub texts: BTreeMap<Language, String>,
    pub created_at: DateTime<Utc>,
}

impl Broadcast {
    /// The text for a reader of `language`, French when theirs is missing.
    pub fn text_for(&self, language: Language) -> &str {
        crate::language::pick(&self.texts, language)
    }
}

/// Where a broadcast's messages are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DeliveryReport {
    pub recipients: u64,
    pub sent: u64,
    pub pending: u64,
    pub failed: u64,
    pub unreachable: u64,
}

pub trait BroadcastStore: Send + Sync {
    /// Records the broadcast and queues one message per person of the audience who has not
    /// muted its topic and has a private chat with the bot, in one transaction. Returns its id
    /// and how many were queued.
    /// Creates it and queues it for its audience, in one transaction; with a `request` key
    /// already used, creates nothing and returns the first one's id and recipients.
    fn create_broadcast(
        &self,
        broadcast: &NewBroadcast,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<(BroadcastId, u64)>> + Send;

    fn broadcast(&self, id: BroadcastId) -> impl Future<Output = StoreResult<Option<Broadcast>>> + Send;

    fn delivery_report(&self, id: BroadcastId) -> impl Future<Output = StoreResult<DeliveryReport>> + Send;

    /// Mutes or unmutes a topic; returns whether anything changed.
    fn set_muted(&self, person: PersonId, topic: Topic, muted: bool) -> impl Future<Output = StoreResult<bool>> + Send;

    fn muted(&self, person: PersonId) -> impl Future<Output = StoreResult<Vec<Topic>>> + Send;

    /// Remembers the private chat where `identity` talks to the bot (where broadcasts go).
    fn note_private_chat(&self, identity: &Identity, chat: &str) -> impl Future<Output = StoreResult<()>> + Send;
}
