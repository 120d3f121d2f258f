//! The outbox on SQL. Claims differ per backend: PostgreSQL skips rows another instance holds
//! (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a time (`BEGIN IMMEDIATE`), which is
//! enough for the one instance it serves.

use super::{SqlStore, corrupt, fail, millis, placeholders};
use crate::database_url::Backend;
use chrono::{DateTime, Utc};
use sqlx::Row;
use tatwir_core::broadcast::Topic;
use tatwir_core::group::GroupChatId;
use tatwir_core::outbox::{
    CLAIM_LEASE, NewOutboxItem, OutboxEntry, OutboxItem, OutboxMessage, OutboxStatus, OutboxStore, Undelivered, backoff,
};
use tatwir_core::person::{Channel, PersonId};
use tatwir_core::store::StoreResult;

macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2, tries = tries + 1 WHERE id IN (",
            "SELECT id FROM outbox WHERE status = 'pending' AND channel = $3 AND ($4 = '' OR chat_id = $4) ",
            "AND not_before <= $5 AND (claimed_until IS NULL OR claimed_until <= $5) ",
            "ORDER BY not_before, id LIMIT $6",
            $lock,
            ") RETURNING id, kind, occurrence, person_id, channel, chat_id, payload, tries"
        )
    };
}

/// A name for an outbox worker of `channel` in this process: `<channel>:<pid>:<random>`, so that
/// [`SqlStore::release_stale_claims`] can tell whether its process still runs, and two workers
/// never share a name.
pub fn worker_name(channel: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(std::process::id().into());
    format!("{channel}:{}:{:08x}", std::process::id(), hasher.finish() as u32)
}

/// How many ids one statement binds (both backends accept far more; a long list is cut).
const IDS_PER_STATEMENT: usize = 500;

/// Queues `message` at `occurrence` for each of `people` in one of their private chats (one per
/// person whatever their number of channels: the outbox's key is (kind, occurrence, person)),
/// unless they muted `topic` or the same was queued before; due at `now`, in the caller's
/// connection or transaction. A person without a private chat gets nothing. Returns how many
/// were queued.
pub(crate) async fn queue_private(
    conn: &mut sqlx::AnyConnection,
    people: &[PersonId],
    message: &OutboxMessage,
    occurrence: &str,
    topic: Option<Topic>,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let payload = message.payload().to_string();
    let mut queued = 0;
    for chunk in people.chunks(IDS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
             SELECT $1, $2, i.person_id, i.channel, i.private_chat, $3, $4, $4 FROM identities i \
             WHERE i.private_chat IS NOT NULL AND i.person_id IN ({}) \
             AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.person_id = i.person_id AND mu.topic = $5) \
             ORDER BY i.person_id, i.channel \
             ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
            placeholders(6, chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(message.kind())
            .bind(occurrence.to_owned())
            .bind(payload.clone())
            .bind(millis(now))
            .bind(topic.map_or("", |topic| topic.code()));
        for person in chunk {
            query = query.bind(person.0);
        }
        queued += query.execute(&mut *conn).await.map_err(fail)?.rows_affected();
    }
    Ok(queued)
}

/// Queues `message` in each of `groups` the bot is still in (no person; the chat is the group's),
/// at occurrence `<before>@<group><after>`, due at `not_before`, unless it was queued before; in
/// the caller's connection or transaction. Returns how many were queued.
pub(crate) async fn queue_in_groups(
    conn: &mut sqlx::AnyConnection,
    groups: &[GroupChatId],
    message: &OutboxMessage,
    (before, after): (&str, &str),
    not_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let payload = message.payload().to_string();
    let mut queued = 0;
    for chunk in groups.chunks(IDS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
             SELECT $1, $2 || '@' || CAST(g.id AS TEXT) || $3, NULL, g.channel, g.chat_id, $4, $5, $6 \
             FROM group_chats g WHERE g.left_at IS NULL AND g.id IN ({}) ORDER BY g.id ON CONFLICT DO NOTHING",
            placeholders(7, chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(message.kind())
            .bind(before.to_owned())
            .bind(after.to_owned())
            .bind(payload.clone())
            .bind(millis(not_before))
            .bind(millis(now));
        for group in chunk {
            query = query.bind(group.0);
        }
        queued += query.execute(&mut *conn).await.map_err(fail)?.rows_affected();
    }
    Ok(queued)
}

impl SqlStore {
    /// Frees the claims that workers of stopped processes left behind, so that their items go
    /// out at once rather than when the lease lapses. A worker is named `<channel>:<pid>:…`; only
    /// the claims of processes that no longer run on this machine are freed (`is_running` tells),
    /// so a second process started beside a running one (a `tatwir chat` beside `tatwir serve`)
    /// takes nothing from it. Only for SQLite, whose one instance runs on this machine: on
    /// PostgreSQL another machine may hold the claims, and they lapse on their own.
    pub async fn release_stale_claims(&self, is_running: impl Fn(u32) -> bool) -> StoreResult<u64> {
        if self.backend != Backend::Sqlite {
            return Ok(0);
        }
        let holders: Vec<String> =
            sqlx::query("SELECT DISTINCT claimed_by FROM outbox WHERE status = 'pending' AND claimed_by IS NOT NULL")
                .fetch_all(&self.pool)
                .await
                .map_err(fail)?
                .iter()
                .map(|row| row.try_get("claimed_by"))
                .collect::<Result<_, _>>()
                .map_err(fail)?;
        let mut released = 0;
        for holder in holders {
            let pid = holder.split(':').nth(1).and_then(|pid| pid.parse::<u32>().ok());
            if pid.is_some_and(&is_running) {
                continue;
            }
            released += sqlx::query(
                "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' \
                 AND claimed_by = $1",
            )
            .bind(&holder)
            .execute(&self.pool)
            .await
            .map_err(fail)?
            .rows_affected();
        }
        Ok(released)
    }
}

impl OutboxStore for SqlStore {
    async fn enqueue(&self, item: &NewOutboxItem, now: DateTime<Utc>) -> StoreResult<bool> {
        let queued = sqlx::query(
            "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
        )
        .bind(item.message.kind())
        .bind(&item.occurrence)
        .bind(item.person.0)
        .bind(item.channel.code())
        .bind(&item.chat)
        .bind(item.message.payload().to_string())
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
        Ok(queued > 0)
    }

    async fn enqueue_for_person(
        &self,
        person: PersonId,
        message: &OutboxMessage,
        occurrence: &str,
        topic: Option<Topic>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        let queued = queue_private(&mut conn, &[person], message, occurrence, topic, now).await?;
        Ok(queued > 0)
    }

    async fn claim(
        &self,
        channel: Channel,
        chat: Option<&str>,
        worker: &str,
        now: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxItem>> {
        let sql = match self.backend {
            Backend::Postgres => claim_sql!(" FOR UPDATE SKIP LOCKED"),
            Backend::Sqlite => claim_sql!(""),
        };
        let mut tx = self.write().await?;
        let rows = sqlx::query(sql)
            .bind(worker)
            .bind(millis(now + CLAIM_LEASE))
            .bind(channel.code())
            .bind(chat.unwrap_or(""))
            .bind(millis(now))
            .bind(i64::from(limit))
            .fetch_all(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        let mut items = rows
            .iter()
            .map(|row| {
                let channel: String = row.try_get("channel").map_err(fail)?;
                let kind: String = row.try_get("kind").map_err(fail)?;
                let payload: String = row.try_get("payload").map_err(fail)?;
                let payload = serde_json::from_str(&payload).map_err(corrupt)?;
                Ok(OutboxItem {
                    id: row.try_get("id").map_err(fail)?,
                    message: OutboxMessage::read(&kind, payload).map_err(corrupt)?,
                    occurrence: row.try_get("occurrence").map_err(fail)?,
                    person: row.try_get::<Option<i64>, _>("person_id").map_err(fail)?.map(PersonId),
                    channel: channel.parse().map_err(corrupt)?,
                    chat: row.try_get("chat_id").map_err(fail)?,
                    tries: u32::try_from(row.try_get::<i64, _>("tries").map_err(fail)?).unwrap_or(u32::MAX),
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        items.sort_by_key(|item| item.id);
        Ok(items)
    }

    async fn renew_claim(&self, id: i64, worker: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let renewed = sqlx::query(
            "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND claimed_by = $3 AND status = 'pending'",
        )
        .bind(millis(now + CLAIM_LEASE))
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
        Ok(renewed == 1)
    }

    async fn mark_sent(&self, id: i64, worker: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let marked = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, claimed_by = NULL, claimed_until = NULL, \
             last_error = NULL WHERE id = $2 AND claimed_by = $3",
        )
        .bind(millis(now))
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
        Ok(marked == 1)
    }

    async fn mark_undelivered(
        &self,
        id: i64,
        worker: &str,
        outcome: &Undelivered,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let row = sqlx::query("SELECT tries, created_at FROM outbox WHERE id = $1 AND claimed_by = $2")
            .bind(id)
            .bind(worker)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(row) = row else {
            return Ok(false);
        };
        let tries: i64 = row.try_get("tries").map_err(fail)?;
        let created_at = super::from_millis(row.try_get("created_at").map_err(fail)?);
        let tries = u32::try_from(tries).unwrap_or(u32::MAX);
        // An item is tried for as long as it is young enough, however many tries that takes.
        let given_up = now - created_at >= self.give_up_after;
        // A wait the platform asked for is not the message's fault: it does not count as a try.
        let (status, not_before, tries, error) = match outcome {
            Undelivered::RetryAfter(wait) if !given_up => {
                ("pending", now + *wait, tries.saturating_sub(1), "retry after")
            }
            Undelivered::Transient(error) if !given_up => ("pending", now + backoff(tries), tries, error.as_str()),
            Undelivered::RetryAfter(_) => (
                "failed",
                now,
                tries,
                "retry after, for longer than items are kept trying",
            ),
            Undelivered::Transient(error) | Undelivered::Rejected(error) => ("failed", now, tries, error.as_str()),
            Undelivered::Unreachable(error) => ("unreachable", now, tries, error.as_str()),
        };
        let marked = sqlx::query(
            "UPDATE outbox SET status = $1, not_before = $2, tries = $3, last_error = $4, claimed_by = NULL, \
             claimed_until = NULL WHERE id = $5 AND claimed_by = $6",
        )
        .bind(status)
        .bind(millis(not_before))
        .bind(i64::from(tries))
        .bind(error.chars().take(500).collect::<String>())
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
        Ok(marked == 1)
    }

    async fn outbox_entries(&self, statuses: &[OutboxStatus], limit: u32) -> StoreResult<Vec<OutboxEntry>> {
        let has = |status: OutboxStatus| i64::from(statuses.contains(&status));
        let rows = sqlx::query(
            "SELECT id, kind, channel, chat_id, status, tries, created_at, not_before, claimed_by, last_error \
             FROM outbox WHERE (status = 'pending' AND $1 = 1) OR (status = 'failed' AND $2 = 1) \
             OR (status = 'sent' AND $3 = 1) OR (status = 'unreachable' AND $4 = 1) \
             ORDER BY created_at, id LIMIT $5",
        )
        .bind(has(OutboxStatus::Pending))
        .bind(has(OutboxStatus::Failed))
        .bind(has(OutboxStatus::Sent))
        .bind(has(OutboxStatus::Unreachable))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                let channel: String = row.try_get("channel").map_err(fail)?;
                let status: String = row.try_get("status").map_err(fail)?;
                Ok(OutboxEntry {
                    id: row.try_get("id").map_err(fail)?,
                    kind: row.try_get("kind").map_err(fail)?,
                    channel: channel.parse().map_err(corrupt)?,
                    chat: row.try_get("chat_id").map_err(fail)?,
                    status: OutboxStatus::parse(&status)
                        .ok_or_else(|| corrupt(format!("unknown outbox status {status:?}")))?,
                    tries: u32::try_from(row.try_get::<i64, _>("tries").map_err(fail)?).unwrap_or(u32::MAX),
                    created_at: super::from_millis(row.try_get("created_at").map_err(fail)?),
                    not_before: super::from_millis(row.try_get("not_before").map_err(fail)?),
                    claimed_by: row.try_get("claimed_by").map_err(fail)?,
                    last_error: row.try_get("last_error").map_err(fail)?,
                })
            })
            .collect()
    }

    async fn retry_failed(&self, ids: &[i64], now: DateTime<Utc>) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let mut retried = 0;
        let sql = "UPDATE outbox SET status = 'pending', tries = 0, not_before = $1, created_at = $1, \
                   claimed_by = NULL, claimed_until = NULL WHERE status = 'failed' AND ($2 = 0 OR id = $2)";
        if ids.is_empty() {
            retried += sqlx::query(sql)
                .bind(millis(now))
                .bind(0_i64)
                .execute(&mut *tx)
                .await
                .map_err(fail)?
                .rows_affected();
        }
        for &id in ids {
            retried += sqlx::query(sql)
                .bind(millis(now))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(fail)?
                .rows_affected();
        }
        tx.commit().await.map_err(fail)?;
        Ok(retried)
    }
}
