//! The outbox port: messages that must not be lost (daily lessons now; invitations, reminders and
//! broadcasts later) are written to a durable queue in the transaction that causes them, then
//! claimed and delivered by workers that respect each channel's limits.

use crate::person::{Channel, PersonId};
use crate::store::StoreResult;
use chrono::{DateTime, Duration, Utc};
use std::future::Future;

/// One message waiting to be delivered.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxItem {
    pub id: i64,
    /// What it is: `daily`, …
    pub kind: String,
    /// Which occurrence: with `kind` and the person, it is unique (the local date of a daily lesson).
    /// A message to a group chat has no person, and its occurrence names the group
    /// (`<meeting>@<group>`): unique with `kind` alone.
    pub occurrence: String,
    /// Whom it is for; `None` for a message posted in a group chat.
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub chat: String,
    pub payload: serde_json::Value,
    /// Delivery attempts so far.
    pub tries: u32,
}

/// A message to queue.
#[derive(Clone, Debug, PartialEq)]
pub struct NewOutboxItem {
    pub kind: String,
    pub occurrence: String,
    pub person: PersonId,
    pub channel: Channel,
    pub chat: String,
    pub payload: serde_json::Value,
}

/// The kind of a reply that could not be sent at once: its payload is the [`Outgoing`]
/// itself, delivered as it was rendered.
///
/// [`Outgoing`]: crate::message::Outgoing
pub const REPLY: &str = "reply";

/// Why a delivery did not happen, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undelivered {
    /// The platform asked to wait (a 429's `retry_after`).
    RetryAfter(Duration),
    /// A network error or a server error: try again with backoff.
    Transient(String),
    /// The person blocked the bot or left: stop until they write again.
    Unreachable(String),
    /// The message itself is refused: retrying would not help.
    Rejected(String),
}

/// How long a claim holds before another worker may take the item (a crashed worker's items
/// come back after this).
pub const CLAIM_LEASE: Duration = Duration::seconds(60);

/// After this many tries an item is marked failed.
pub const MAX_TRIES: u32 = 8;

/// The wait before try `tries + 1`: 5 s, 10 s, 20 s… up to 30 minutes.
pub fn backoff(tries: u32) -> Duration {
    let seconds = 5i64.saturating_mul(1i64 << tries.min(12));
    Duration::seconds(seconds.min(1800))
}

pub trait OutboxStore: Send + Sync {
    /// Queues a message unless the same (kind, occurrence, person) was queued before; returns
    /// whether it was queued now.
    fn enqueue(&self, item: &NewOutboxItem, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Claims up to `limit` due items of `channel` (of one chat when `chat` is given) for
    /// `worker`, until `now + CLAIM_LEASE`.
    fn claim(
        &self,
        channel: Channel,
        chat: Option<&str>,
        worker: &str,
        now: DateTime<Utc>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<OutboxItem>>> + Send;

    /// Records a delivery: the item is never sent again.
    fn mark_sent(&self, id: i64, now: DateTime<Utc>) -> impl Future<Output = StoreResult<()>> + Send;

    /// Records a failed try: retried after `not_before`, or marked failed or unreachable.
    fn mark_undelivered(
        &self,
        id: i64,
        outcome: &Undelivered,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>> + Send;
}

/// Records how delivering item `id` went: sent, or tried again later, failed or unreachable.
/// A failure to record is logged (the item comes back once its claim lapses).
pub async fn record<S: OutboxStore>(store: &S, id: i64, outcome: Result<(), Undelivered>, now: DateTime<Utc>) {
    let recorded = match &outcome {
        Ok(()) => store.mark_sent(id, now).await,
        Err(undelivered) => store.mark_undelivered(id, undelivered, now).await,
    };
    if let Err(error) = recorded {
        tracing::warn!(%error, id, "could not record a delivery");
    }
}
