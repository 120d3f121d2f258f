//! Broadcasts and mutes on SQL.

use super::{SqlStore, corrupt, fail, from_millis, millis, placeholders, unwritable};
use chrono::{DateTime, Utc};
use sqlx::{Row, Transaction};
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::{Broadcast, BroadcastId, BroadcastStore, DeliveryReport, NewBroadcast, Topic};
use tatwir_core::outbox::OutboxMessage;
use tatwir_core::person::{Identity, PersonId};
use tatwir_core::store::StoreResult;

/// Queues `message` once per person of `audience` who has a private chat and has not
/// muted `topic`, in the caller's transaction; returns how many were queued.
pub(crate) async fn queue_for_audience(
    tx: &mut Transaction<'static, sqlx::Any>,
    message: &OutboxMessage,
    occurrence: &str,
    audience: &Audience,
    topic: Topic,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    if !audience.names_people() {
        return Ok(0);
    }
    // The associations named, one placeholder each; all associations when none is named.
    let associations = if audience.associations.is_empty() {
        "TRUE".to_owned()
    } else {
        format!("m.association_id IN ({})", placeholders(8, audience.associations.len()))
    };
    let sql = format!(
        "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
         SELECT $7, $1, i.person_id, i.channel, i.private_chat, $2, $3, $3 FROM identities i \
         WHERE i.private_chat IS NOT NULL \
         AND i.person_id IN (SELECT m.person_id FROM memberships m JOIN associations a ON a.id = m.association_id \
         WHERE {associations} \
         AND ($4 = '' OR m.role = $4) AND ($5 = '' OR LOWER(a.city) = LOWER($5))) \
         AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.person_id = i.person_id AND mu.topic = $6) \
         ON CONFLICT (kind, occurrence, person_id) DO NOTHING"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(occurrence.to_owned())
        .bind(message.payload().to_string())
        .bind(millis(now))
        .bind(audience.role.map(|role| role.to_string()).unwrap_or_default())
        .bind(audience.city.clone().unwrap_or_default())
        .bind(topic.code())
        .bind(message.kind());
    for association in &audience.associations {
        query = query.bind(association.0);
    }
    let queued = query.execute(&mut **tx).await.map_err(fail)?.rows_affected();
    Ok(queued)
}

impl SqlStore {
    /// Generated members for the broadcast benchmark: `count` people with Telegram private
    /// chats numbered from `first_user`, volunteers of `association`, in one transaction.
    pub async fn bench_people(
        &self,
        association: tatwir_core::association::AssociationId,
        first_user: i64,
        count: u64,
    ) -> StoreResult<()> {
        let now = millis(Utc::now());
        let mut tx = self.write().await?;
        for i in 0..count as i64 {
            let user = (first_user + i).to_string();
            let id: i64 = sqlx::query(
                "INSERT INTO people (display_name, language, created_at) VALUES ($1, 'fr', $2) RETURNING id",
            )
            .bind(format!("P{i}"))
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?
            .try_get("id")
            .map_err(fail)?;
            sqlx::query(
                "INSERT INTO identities (channel, user_id, person_id, created_at, private_chat) \
                 VALUES ('telegram', $1, $2, $3, $1)",
            )
            .bind(&user)
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
            sqlx::query(
                "INSERT INTO memberships (person_id, association_id, role, joined_at) VALUES ($1, $2, 'volunteer', $3)",
            )
            .bind(id)
            .bind(association.0)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(())
    }
}

impl BroadcastStore for SqlStore {
    async fn create_broadcast(&self, broadcast: &NewBroadcast, now: DateTime<Utc>) -> StoreResult<(BroadcastId, u64)> {
        let mut tx = self.write().await?;
        // The same confirmation again (a replay, two requests at once) finds the first one's row:
        // on PostgreSQL the second insert waits for the first transaction, then does nothing.
        let inserted = sqlx::query(
            "INSERT INTO broadcasts (author_id, topic, texts, audience, created_at, request_key) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_key) DO NOTHING RETURNING id",
        )
        .bind(broadcast.author.map(|person| person.0))
        .bind(broadcast.topic.code())
        .bind(serde_json::to_string(&broadcast.texts).map_err(unwritable)?)
        .bind(serde_json::to_string(&broadcast.audience).map_err(unwritable)?)
        .bind(millis(now))
        .bind(broadcast.request.clone())
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?;
        let Some(inserted) = inserted else {
            let first = sqlx::query("SELECT id, recipients FROM broadcasts WHERE request_key = $1")
                .bind(broadcast.request.clone())
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
            let recipients = super::integer(&first, "recipients")?;
            return Ok((
                BroadcastId(first.try_get("id").map_err(fail)?),
                u64::try_from(recipients).unwrap_or(0),
            ));
        };
        let id = inserted.try_get("id").map(BroadcastId).map_err(fail)?;
        let queued = queue_for_audience(
            &mut tx,
            &OutboxMessage::Broadcast { broadcast: id },
            &id.to_string(),
            &broadcast.audience,
            broadcast.topic,
            now,
        )
        .await?;
        sqlx::query("UPDATE broadcasts SET recipients = $1 WHERE id = $2")
            .bind(i64::try_from(queued).unwrap_or(i64::MAX))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok((id, queued))
    }

    async fn broadcast(&self, id: BroadcastId) -> StoreResult<Option<Broadcast>> {
        sqlx::query("SELECT id, topic, texts, created_at FROM broadcasts WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .map(|row| {
                let topic: String = row.try_get("topic").map_err(fail)?;
                let texts: String = row.try_get("texts").map_err(fail)?;
                Ok(Broadcast {
                    id: BroadcastId(row.try_get("id").map_err(fail)?),
                    topic: topic.parse().map_err(|()| corrupt(format!("unknown topic {topic}")))?,
                    texts: serde_json::from_str(&texts).map_err(corrupt)?,
                    created_at: from_millis(row.try_get("created_at").map_err(fail)?),
                })
            })
            .transpose()
    }

    async fn delivery_report(&self, id: BroadcastId) -> StoreResult<DeliveryReport> {
        let rows = sqlx::query(
            "SELECT status, COUNT(*) AS n FROM outbox WHERE kind = 'broadcast' AND occurrence = $1 GROUP BY status",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let mut report = DeliveryReport::default();
        for row in rows {
            let status: String = row.try_get("status").map_err(fail)?;
            let count = u64::try_from(row.try_get::<i64, _>("n").map_err(fail)?).unwrap_or(0);
            report.recipients += count;
            match status.as_str() {
                "sent" => report.sent += count,
                "pending" => report.pending += count,
                "unreachable" => report.unreachable += count,
                _ => report.failed += count,
            }
        }
        Ok(report)
    }

    async fn set_muted(&self, person: PersonId, topic: Topic, muted: bool) -> StoreResult<bool> {
        let query = if muted {
            sqlx::query(
                "INSERT INTO mutes (person_id, topic, muted_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (person_id, topic) DO NOTHING",
            )
            .bind(person.0)
            .bind(topic.code())
            .bind(millis(Utc::now()))
        } else {
            sqlx::query("DELETE FROM mutes WHERE person_id = $1 AND topic = $2")
                .bind(person.0)
                .bind(topic.code())
        };
        Ok(query.execute(&self.pool).await.map_err(fail)?.rows_affected() > 0)
    }

    async fn muted(&self, person: PersonId) -> StoreResult<Vec<Topic>> {
        let rows = sqlx::query("SELECT topic FROM mutes WHERE person_id = $1 ORDER BY topic")
            .bind(person.0)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .iter()
            .filter_map(|row| row.try_get::<String, _>("topic").ok()?.parse().ok())
            .collect())
    }

    async fn note_private_chat(&self, identity: &Identity, chat: &str) -> StoreResult<()> {
        // Read first: nearly every message comes from a chat already known, and a read takes no
        // write lock (on SQLite an UPDATE does, even when it changes nothing).
        let known: Option<Option<String>> =
            sqlx::query("SELECT private_chat FROM identities WHERE channel = $1 AND user_id = $2")
                .bind(identity.channel.code())
                .bind(&identity.user)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?
                .map(|row| row.try_get("private_chat").map_err(fail))
                .transpose()?;
        if matches!(&known, Some(Some(known)) if known == chat) {
            return Ok(());
        }
        sqlx::query(
            "UPDATE identities SET private_chat = $1 WHERE channel = $2 AND user_id = $3 \
             AND (private_chat IS NULL OR private_chat <> $1)",
        )
        .bind(chat)
        .bind(identity.channel.code())
        .bind(&identity.user)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }
}
