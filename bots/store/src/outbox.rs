//! The outbox on SQL. Claims differ per backend: PostgreSQL skips rows another instance holds
//! (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a time (`BEGIN IMMEDIATE`), which is
//! enough for the one instance it serves.

use super::{SqlStore, corrupt, fail, millis};
use crate::database_url::Backend;
use chrono::{DateTime, Utc};
use sqlx::Row;
use tatwir_core::outbox::{
    CLAIM_LEASE, MAX_TRIES, NewOutboxItem, OutboxItem, OutboxMessage, OutboxStore, Undelivered, backoff,
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

impl SqlStore {
    /// Frees the claims a stopped process left behind. Only for SQLite, where one instance runs
    /// the workers: on PostgreSQL another instance may hold them, and they lapse on their own.
    pub async fn release_stale_claims(&self) -> StoreResult<u64> {
        if self.backend != Backend::Sqlite {
            return Ok(0);
        }
        let released = sqlx::query(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE status = 'pending' \
             AND claimed_by IS NOT NULL",
        )
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
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

    async fn mark_sent(&self, id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, claimed_by = NULL, claimed_until = NULL, \
             last_error = NULL WHERE id = $2",
        )
        .bind(millis(now))
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn mark_undelivered(&self, id: i64, outcome: &Undelivered, now: DateTime<Utc>) -> StoreResult<()> {
        let tries: i64 = sqlx::query("SELECT tries FROM outbox WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .map(|row| row.try_get("tries"))
            .transpose()
            .map_err(fail)?
            .unwrap_or(0);
        let tries = u32::try_from(tries).unwrap_or(u32::MAX);
        // A wait the platform asked for is not the message's fault: it does not count as a try.
        let (status, not_before, tries, error) = match outcome {
            Undelivered::RetryAfter(wait) => ("pending", now + *wait, tries.saturating_sub(1), "retry after"),
            Undelivered::Transient(error) if tries < MAX_TRIES => {
                ("pending", now + backoff(tries), tries, error.as_str())
            }
            Undelivered::Transient(error) | Undelivered::Rejected(error) => ("failed", now, tries, error.as_str()),
            Undelivered::Unreachable(error) => ("unreachable", now, tries, error.as_str()),
        };
        sqlx::query(
            "UPDATE outbox SET status = $1, not_before = $2, tries = $3, last_error = $4, claimed_by = NULL, \
             claimed_until = NULL WHERE id = $5",
        )
        .bind(status)
        .bind(millis(not_before))
        .bind(i64::from(tries))
        .bind(error.chars().take(500).collect::<String>())
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }
}
