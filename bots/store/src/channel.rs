//! State the channel adapters keep: settings, reachability, and Telegram's polls, files and
//! migrated groups. Not a port of the engine: only the adapters in this crate use it.

use super::{SqlStore, fail, millis};
use chrono::{DateTime, Utc};
use sqlx::Row;
use tatwir_core::person::{Channel, Identity};
use tatwir_core::store::StoreResult;

/// A native poll the bot sent, and what it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentPoll {
    pub reference: String,
    pub user_id: String,
    pub chat_id: i64,
    pub message_id: i64,
}

impl SqlStore {
    /// Records that an event (`<channel>:<id>`) is being handled; false when it was before.
    pub async fn claim_event(&self, key: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let inserted = sqlx::query(
            "INSERT INTO handled_events (event_key, handled_at) VALUES ($1, $2) ON CONFLICT (event_key) DO NOTHING",
        )
        .bind(key)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?
        .rows_affected();
        Ok(inserted > 0)
    }

    /// Whether an event (`<channel>:<id>`) was handled.
    pub async fn event_handled(&self, key: &str) -> StoreResult<bool> {
        let found = sqlx::query("SELECT event_key FROM handled_events WHERE event_key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(found.is_some())
    }

    pub async fn setting(&self, name: &str) -> StoreResult<Option<String>> {
        sqlx::query("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .map(|row| row.try_get("value").map_err(fail))
            .transpose()
    }

    pub async fn set_setting(&self, name: &str, value: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO settings (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(value)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    /// Marks an identity unreachable (it blocked the bot) from `since`, or reachable again.
    /// Marks a person unreachable since a time, or reachable again (`None`; called on every
    /// private message, it writes only when the person was unreachable).
    pub async fn set_unreachable(&self, identity: &Identity, since: Option<DateTime<Utc>>) -> StoreResult<()> {
        if since.is_none() && !self.is_unreachable(identity).await? {
            return Ok(());
        }
        sqlx::query("UPDATE identities SET unreachable_since = $1 WHERE channel = $2 AND user_id = $3")
            .bind(since.map(millis))
            .bind(identity.channel.code())
            .bind(&identity.user)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    pub async fn is_unreachable(&self, identity: &Identity) -> StoreResult<bool> {
        let since: Option<Option<i64>> =
            sqlx::query("SELECT unreachable_since FROM identities WHERE channel = $1 AND user_id = $2")
                .bind(identity.channel.code())
                .bind(&identity.user)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?
                .map(|row| row.try_get("unreachable_since").map_err(fail))
                .transpose()?;
        Ok(since.flatten().is_some())
    }

    pub async fn remember_poll(&self, poll_id: &str, poll: &SentPoll, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO telegram_polls (poll_id, reference, user_id, chat_id, message_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (poll_id) DO NOTHING",
        )
        .bind(poll_id)
        .bind(&poll.reference)
        .bind(&poll.user_id)
        .bind(poll.chat_id)
        .bind(poll.message_id)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    pub async fn sent_poll(&self, poll_id: &str) -> StoreResult<Option<SentPoll>> {
        sqlx::query("SELECT reference, user_id, chat_id, message_id FROM telegram_polls WHERE poll_id = $1")
            .bind(poll_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .map(|row| {
                Ok(SentPoll {
                    reference: row.try_get("reference").map_err(fail)?,
                    user_id: row.try_get("user_id").map_err(fail)?,
                    chat_id: row.try_get("chat_id").map_err(fail)?,
                    message_id: row.try_get("message_id").map_err(fail)?,
                })
            })
            .transpose()
    }

    pub async fn telegram_file(&self, source: &str) -> StoreResult<Option<String>> {
        sqlx::query("SELECT file_id FROM telegram_files WHERE source = $1")
            .bind(source)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .map(|row| row.try_get("file_id").map_err(fail))
            .transpose()
    }

    pub async fn remember_telegram_file(&self, source: &str, file_id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO telegram_files (source, file_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (source) DO UPDATE SET file_id = excluded.file_id",
        )
        .bind(source)
        .bind(file_id)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    /// Records that a group became a supergroup, and moves what was addressed to it.
    pub async fn migrate_telegram_chat(&self, old: i64, new: i64, now: DateTime<Utc>) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO telegram_migrated_chats (old_chat_id, new_chat_id, migrated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (old_chat_id) DO UPDATE SET new_chat_id = excluded.new_chat_id",
        )
        .bind(old)
        .bind(new)
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        for table in [
            "UPDATE outbox SET chat_id = $1 WHERE channel = 'telegram' AND chat_id = $2",
            "UPDATE daily_lessons SET chat_id = $1 WHERE channel = 'telegram' AND chat_id = $2",
            // The group keeps its id (meetings name it), and a supergroup seen first keeps its own.
            "UPDATE group_chats SET chat_id = $1 WHERE channel = 'telegram' AND chat_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM group_chats g WHERE g.channel = 'telegram' AND g.chat_id = $1)",
        ] {
            sqlx::query(table)
                .bind(new.to_string())
                .bind(old.to_string())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    /// Records that the bot is in a group chat (or still is, under this title). Called on every
    /// group message, it writes only when something changed or the last sight is an hour old: a
    /// read takes no write lock.
    pub async fn note_group_chat(
        &self,
        channel: Channel,
        chat: &str,
        title: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let title: String = title.chars().take(255).collect();
        let known =
            sqlx::query("SELECT title, last_seen, left_at FROM group_chats WHERE channel = $1 AND chat_id = $2")
                .bind(channel.code())
                .bind(chat)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?;
        if let Some(row) = known {
            let same_title = row.try_get::<String, _>("title").map_err(fail)? == title;
            let present = row.try_get::<Option<i64>, _>("left_at").map_err(fail)?.is_none();
            let recent = row.try_get::<i64, _>("last_seen").map_err(fail)? > millis(now - chrono::Duration::hours(1));
            if same_title && present && recent {
                return Ok(());
            }
        }
        sqlx::query(
            "INSERT INTO group_chats (channel, chat_id, title, first_seen, last_seen) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (channel, chat_id) DO UPDATE SET title = excluded.title, last_seen = excluded.last_seen, \
             left_at = NULL",
        )
        .bind(channel.code())
        .bind(chat)
        .bind(title)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    /// Records that the bot left a group chat or was removed: nothing is posted there any more.
    pub async fn left_group_chat(&self, channel: Channel, chat: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "UPDATE group_chats SET left_at = $1, last_seen = $1 WHERE channel = $2 AND chat_id = $3 \
             AND left_at IS NULL",
        )
        .bind(millis(now))
        .bind(channel.code())
        .bind(chat)
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    /// Where a Telegram chat lives now (itself unless it was migrated).
    pub async fn current_telegram_chat(&self, chat: i64) -> StoreResult<i64> {
        Ok(
            sqlx::query("SELECT new_chat_id FROM telegram_migrated_chats WHERE old_chat_id = $1")
                .bind(chat)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?
                .map(|row| row.try_get("new_chat_id").map_err(fail))
                .transpose()?
                .unwrap_or(chat),
        )
    }
}

/// One update received and not yet handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub update_id: i64,
    /// The chat it belongs to: updates of one chat are handled in order, chats side by side.
    pub chat_key: String,
    /// The update as the platform sent it (JSON).
    pub payload: String,
}

impl SqlStore {
    /// Keeps updates from `source` (`telegram:<bot id>`) until they are handled, in one
    /// transaction; an update kept before is kept once.
    pub async fn inbox_add(&self, source: &str, updates: &[Received], now: DateTime<Utc>) -> StoreResult<()> {
        let mut tx = self.write().await?;
        for update in updates {
            sqlx::query(
                "INSERT INTO inbox (source, update_id, chat_key, payload, received_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (source, update_id) DO NOTHING",
            )
            .bind(source)
            .bind(update.update_id)
            .bind(&update.chat_key)
            .bind(&update.payload)
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    /// The chats with updates waiting, those waiting longest first.
    pub async fn inbox_chats(&self, source: &str) -> StoreResult<Vec<String>> {
        sqlx::query(
            "SELECT chat_key, MIN(update_id) AS first FROM inbox WHERE source = $1 GROUP BY chat_key ORDER BY first",
        )
        .bind(source)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| row.try_get("chat_key").map_err(fail))
        .collect()
    }

    /// A chat's oldest update waiting.
    pub async fn inbox_next(&self, source: &str, chat_key: &str) -> StoreResult<Option<Received>> {
        sqlx::query(
            "SELECT update_id, chat_key, payload FROM inbox WHERE source = $1 AND chat_key = $2 \
             ORDER BY update_id LIMIT 1",
        )
        .bind(source)
        .bind(chat_key)
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        .map(|row| {
            Ok(Received {
                update_id: row.try_get("update_id").map_err(fail)?,
                chat_key: row.try_get("chat_key").map_err(fail)?,
                payload: row.try_get("payload").map_err(fail)?,
            })
        })
        .transpose()
    }

    /// An update handled: it is forgotten.
    pub async fn inbox_done(&self, source: &str, update_id: i64) -> StoreResult<()> {
        sqlx::query("DELETE FROM inbox WHERE source = $1 AND update_id = $2")
            .bind(source)
            .bind(update_id)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}
