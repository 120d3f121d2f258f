//! The outbox port: messages that must not be lost (daily lessons, broadcasts, meeting news,
//! replies a channel could not send at once) are written to a durable queue in the transaction
//! that causes them, then claimed and delivered by workers that respect each channel's limits.

use crate::association::AssociationId;
use crate::broadcast::{BroadcastId, Topic};
use crate::campaign::{StatementId, VoteId};
use crate::certificate::CertificateId;
use crate::label::{LabelGrantId, UnmetCriterion};
use crate::meeting::MeetingId;
use crate::message::Outgoing;
use crate::person::{Channel, PersonId};
use crate::store::StoreResult;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::future::Future;

/// What a queued message is, with what it takes to write it at delivery time (in the reader's
/// language then). Stored as its kind (`daily`, `broadcast`, `invitation`, `reminder`, `change`,
/// `cancellation`, `reply`, `label_lost`) and its payload as JSON, the shapes every version has written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
pub enum OutboxMessage {
    /// The daily lesson of a local date.
    Daily { date: NaiveDate },
    /// An announcement.
    Broadcast { broadcast: BroadcastId },
    /// A meeting's invitation.
    Invitation { meeting: MeetingId },
    /// A reminder of one occurrence, before its start (`reminder` is the reminder's key, the
    /// occurrence and the offset: `2027-02-07T10:00/24h`).
    Reminder { meeting: MeetingId, reminder: String },
    /// A meeting changed: those invited may answer again.
    Change { meeting: MeetingId },
    /// A meeting was cancelled.
    Cancellation { meeting: MeetingId },
    /// A reply a channel could not send at once, delivered as it was written.
    Reply(Outgoing),
    /// A certificate issued by hand (`tatwir certificate issue`): sent to its holder.
    Certificate { certificate: CertificateId },
    /// A certificate ends within 30 days: its holder may take the refresher.
    CertificateExpiring { certificate: CertificateId },
    /// To a manager: their association lost the quality label (`grant`), because `criteria`
    /// stopped holding.
    LabelLost {
        association: AssociationId,
        grant: LabelGrantId,
        criteria: Vec<UnmetCriterion>,
    },
    /// A vote opened: its ballot, posted in a group (edited in place as the count changes) or
    /// sent to a person who votes for an association.
    VoteOpened { vote: VoteId },
    /// A group's count of an open vote, edited in place in the ballot posted there.
    VoteCount { vote: VoteId },
    /// To a person whose association has not voted: the deadline is near.
    VoteReminder { vote: VoteId },
    /// A vote's deadline moved to `deadline`.
    VoteExtended { vote: VoteId, deadline: DateTime<Utc> },
    /// A vote closed: its result.
    VoteResult { vote: VoteId },
    /// A statement's `version`, to read and sign, posted in a group.
    StatementPosted { statement: StatementId, version: u32 },
    /// To a signer: the statement changed to `version`, their signature was voided.
    StatementChanged { statement: StatementId, version: u32 },
    /// A statement closed: its final text and signatories.
    StatementClosed { statement: StatementId },
}

impl OutboxMessage {
    /// The stored kind.
    pub fn kind(&self) -> &'static str {
        match self {
            OutboxMessage::Daily { .. } => "daily",
            OutboxMessage::Broadcast { .. } => "broadcast",
            OutboxMessage::Invitation { .. } => "invitation",
            OutboxMessage::Reminder { .. } => "reminder",
            OutboxMessage::Change { .. } => "change",
            OutboxMessage::Cancellation { .. } => "cancellation",
            OutboxMessage::Reply(_) => "reply",
            OutboxMessage::Certificate { .. } => "certificate",
            OutboxMessage::CertificateExpiring { .. } => "certificate_expiring",
            OutboxMessage::LabelLost { .. } => "label_lost",
            OutboxMessage::VoteOpened { .. } => "vote_opened",
            OutboxMessage::VoteCount { .. } => "vote_count",
            OutboxMessage::VoteReminder { .. } => "vote_reminder",
            OutboxMessage::VoteExtended { .. } => "vote_extended",
            OutboxMessage::VoteResult { .. } => "vote_result",
            OutboxMessage::StatementPosted { .. } => "statement_posted",
            OutboxMessage::StatementChanged { .. } => "statement_changed",
            OutboxMessage::StatementClosed { .. } => "statement_closed",
        }
    }

    /// The stored payload.
    pub fn payload(&self) -> serde_json::Value {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut tagged)) => tagged.remove("payload").unwrap_or_default(),
            _ => serde_json::Value::Null,
        }
    }

    /// Reads a stored kind and payload back; an unknown kind or a payload of the wrong shape is
    /// an error, never another message.
    pub fn read(kind: &str, payload: serde_json::Value) -> Result<OutboxMessage, serde_json::Error> {
        serde_json::from_value(serde_json::json!({ "kind": kind, "payload": payload }))
    }
}

/// One message waiting to be delivered.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxItem {
    pub id: i64,
    pub message: OutboxMessage,
    /// Which occurrence: with `kind` and the person, it is unique (the local date of a daily lesson).
    /// A message to a group chat has no person, and its occurrence names the group
    /// (`<meeting>@<group>`): unique with `kind` alone.
    pub occurrence: String,
    /// Whom it is for; `None` for a message posted in a group chat.
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub chat: String,
    /// Delivery attempts so far.
    pub tries: u32,
}

/// A message to queue.
#[derive(Clone, Debug, PartialEq)]
pub struct NewOutboxItem {
    pub message: OutboxMessage,
    pub occurrence: String,
    pub person: PersonId,
    pub channel: Channel,
    pub chat: String,
}

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
/// come back after this). A worker renews it before each send.
pub const CLAIM_LEASE: Duration = Duration::seconds(60);

/// How long an item is tried before it is given up (failed, until `tatwir outbox retry`), unless
/// the service is configured otherwise: a day of outage loses nothing.
pub const DEFAULT_GIVE_UP_AFTER: Duration = Duration::hours(24);

/// The wait before try `tries + 1`: 5 s, 10 s, 20 s… up to 30 minutes.
pub fn backoff(tries: u32) -> Duration {
    let seconds = 5i64.saturating_mul(1i64 << tries.min(12));
    Duration::seconds(seconds.min(1800))
}

/// Where an item is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
    Unreachable,
}

impl OutboxStatus {
    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Unreachable => "unreachable",
        }
    }

    pub fn parse(code: &str) -> Option<OutboxStatus> {
        [
            OutboxStatus::Pending,
            OutboxStatus::Sent,
            OutboxStatus::Failed,
            OutboxStatus::Unreachable,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }
}

/// An item as an operator sees it (`tatwir outbox list`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: String,
    pub channel: Channel,
    pub chat: String,
    pub status: OutboxStatus,
    pub tries: u32,
    pub created_at: DateTime<Utc>,
    pub not_before: DateTime<Utc>,
    pub claimed_by: Option<String>,
    pub last_error: Option<String>,
}

pub trait OutboxStore: Send + Sync {
    /// Queues a message unless the same (kind, occurrence, person) was queued before; returns
    /// whether it was queued now.
    fn enqueue(&self, item: &NewOutboxItem, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Queues a message to a person in one of their private chats, unless they muted `topic` or
    /// the same (kind, occurrence, person) was queued before; returns whether it was queued now
    /// (false too when the person has no private chat).
    fn enqueue_for_person(
        &self,
        person: PersonId,
        message: &OutboxMessage,
        occurrence: &str,
        topic: Option<Topic>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

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

    /// Holds item `id` for `worker` until `now + CLAIM_LEASE`; false when the worker no longer
    /// holds it (its lease lapsed and another took it, or it was settled): then it must not send.
    fn renew_claim(&self, id: i64, worker: &str, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Records a delivery by `worker`: the item is never sent again. False (and nothing changed)
    /// when `worker` does not hold the item.
    fn mark_sent(&self, id: i64, worker: &str, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Records a failed try by `worker`: retried after `not_before` (a platform's wait, or a
    /// backoff while the item is younger than the give-up age), or marked failed or unreachable.
    /// False (and nothing changed) when `worker` does not hold the item.
    fn mark_undelivered(
        &self,
        id: i64,
        worker: &str,
        outcome: &Undelivered,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Items for an operator, of the given statuses, oldest first.
    fn outbox_entries(
        &self,
        statuses: &[OutboxStatus],
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<OutboxEntry>>> + Send;

    /// Puts failed items back (all, or those of `ids`) as new: due now, tries and age from now.
    /// Returns how many.
    fn retry_failed(&self, ids: &[i64], now: DateTime<Utc>) -> impl Future<Output = StoreResult<u64>> + Send;
}

/// Queues replies a channel could not send now, in order, for its outbox worker: the person of
/// `identity` gets them in `chat`; `occurrence(i)` names the i-th, unique per reply. Failures
/// are logged (there is nowhere else to put them).
pub async fn queue_replies<S: OutboxStore + crate::store::Store>(
    store: &S,
    identity: &crate::person::Identity,
    chat: &str,
    replies: &[Outgoing],
    occurrence: impl Fn(usize) -> String,
    now: DateTime<Utc>,
) {
    let person = match store.person_by_identity(identity).await {
        Ok(Some(person)) => person.id,
        Ok(None) => return,
        Err(error) => {
            tracing::error!(%error, "could not queue a reply: it is lost");
            return;
        }
    };
    for (index, reply) in replies.iter().enumerate() {
        let item = NewOutboxItem {
            message: OutboxMessage::Reply(reply.clone()),
            occurrence: occurrence(index),
            person,
            channel: identity.channel,
            chat: chat.to_owned(),
        };
        if let Err(error) = store.enqueue(&item, now).await {
            tracing::error!(%error, "could not queue a reply: it is lost");
        }
    }
}

/// Delivers item `id` with `deliver` if `worker` still holds it: the claim is renewed first (a
/// chat's items go out at its pace, which may outlast the lease), and an item whose claim went to
/// another worker is left to them. Records the outcome; returns whether it was delivered or tried.
pub async fn deliver_held<S: OutboxStore>(
    store: &S,
    worker: &str,
    id: i64,
    clock: &dyn crate::clock::Clock,
    deliver: impl Future<Output = Result<(), Undelivered>>,
) -> bool {
    match store.renew_claim(id, worker, clock.now()).await {
        Ok(true) => {}
        Ok(false) => return false,
        Err(error) => {
            tracing::warn!(%error, id, "could not renew an outbox claim");
            return false;
        }
    }
    let outcome = deliver.await;
    record(store, id, worker, outcome, clock.now()).await;
    true
}

/// Records how `worker`'s delivery of item `id` went: sent, or tried again later, failed or
/// unreachable. A failure to record is logged (the item comes back once its claim lapses); a
/// claim lost meanwhile is logged too (another worker has the item).
pub async fn record<S: OutboxStore>(
    store: &S,
    id: i64,
    worker: &str,
    outcome: Result<(), Undelivered>,
    now: DateTime<Utc>,
) {
    let recorded = match &outcome {
        Ok(()) => store.mark_sent(id, worker, now).await,
        Err(undelivered) => store.mark_undelivered(id, worker, undelivered, now).await,
    };
    match recorded {
        Ok(true) => {}
        Ok(false) => tracing::warn!(
            id,
            worker,
            "an outbox item's claim was lost before its delivery was recorded"
        ),
        Err(error) => tracing::warn!(%error, id, "could not record a delivery"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Text;
    use serde_json::json;

    #[test]
    fn messages_are_stored_as_every_version_wrote_them_and_read_back() {
        let stored = [
            (
                OutboxMessage::Daily {
                    date: NaiveDate::from_ymd_opt(2027, 2, 7).expect("date"),
                },
                "daily",
                json!({ "date": "2027-02-07" }),
            ),
            (
                OutboxMessage::Broadcast {
                    broadcast: BroadcastId(3),
                },
                "broadcast",
                json!({ "broadcast": 3 }),
            ),
            (
                OutboxMessage::Invitation { meeting: MeetingId(4) },
                "invitation",
                json!({ "meeting": 4 }),
            ),
            (
                OutboxMessage::Reminder {
                    meeting: MeetingId(4),
                    reminder: "2027-02-07T10:00/24h".into(),
                },
                "reminder",
                json!({ "meeting": 4, "reminder": "2027-02-07T10:00/24h" }),
            ),
            (
                OutboxMessage::Change { meeting: MeetingId(4) },
                "change",
                json!({ "meeting": 4 }),
            ),
            (
                OutboxMessage::Cancellation { meeting: MeetingId(4) },
                "cancellation",
                json!({ "meeting": 4 }),
            ),
            (
                OutboxMessage::LabelLost {
                    association: AssociationId(2),
                    grant: LabelGrantId(5),
                    criteria: vec![UnmetCriterion {
                        id: "charter".into(),
                        actual: 0,
                        needed: 1,
                        out_of: None,
                    }],
                },
                "label_lost",
                json!({ "association": 2, "grant": 5, "criteria": [{ "id": "charter", "actual": 0, "needed": 1 }] }),
            ),
            (
                OutboxMessage::Reply(Outgoing::text(Text::plain("hello"))),
                "reply",
                serde_json::to_value(Outgoing::text(Text::plain("hello"))).expect("json"),
            ),
        ];
        for (message, kind, payload) in stored {
            assert_eq!(message.kind(), kind);
            assert_eq!(message.payload(), payload, "{kind}");
            assert_eq!(OutboxMessage::read(kind, payload).expect("reads"), message);
        }
    }

    #[test]
    fn an_unknown_kind_or_a_payload_of_another_shape_is_an_error() {
        assert!(OutboxMessage::read("telegram", json!({})).is_err());
        assert!(OutboxMessage::read("invitation", json!({ "broadcast": 3 })).is_err());
        assert!(OutboxMessage::read("daily", json!({ "date": "tomorrow" })).is_err());
    }
}
