//! Where each person is in their conversation, on SQL.

use super::{SAVE_CONVERSATION, SqlStore, fail, millis, unwritable};
use chrono::{DateTime, Utc};
use sqlx::Row;
use tatwir_core::conversation::{Conversation, ConversationStore};
use tatwir_core::person::PersonId;
use tatwir_core::store::StoreResult;

impl ConversationStore for SqlStore {
    async fn conversation(&self, person: PersonId) -> StoreResult<Conversation> {
        let row = sqlx::query("SELECT state FROM conversations WHERE person_id = $1")
            .bind(person.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(row) = row else {
            return Ok(Conversation::default());
        };
        let state: String = row.try_get("state").map_err(fail)?;
        // A state written by an older or newer version that no longer reads starts afresh,
        // rather than locking the person out of the bot.
        Ok(serde_json::from_str(&state).unwrap_or_else(|error| {
            tracing::warn!(%person, %error, "unreadable conversation state: starting afresh");
            Conversation::default()
        }))
    }

    async fn save_conversation(
        &self,
        person: PersonId,
        conversation: &Conversation,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let state = serde_json::to_string(conversation).map_err(unwritable)?;
        sqlx::query(SAVE_CONVERSATION)
            .bind(person.0)
            .bind(state)
            .bind(millis(now))
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

/// Drops the choices a person has on screen, in the caller's transaction: once their roles
/// change, a keyboard shown under the old ones must not act under the new ones (the engine checks
/// roles when an action is taken too; this makes the old keyboard say at once that it is stale).
pub(crate) async fn clear_offer(tx: &mut sqlx::Transaction<'static, sqlx::Any>, person: PersonId) -> StoreResult<()> {
    let row = sqlx::query("SELECT state FROM conversations WHERE person_id = $1")
        .bind(person.0)
        .fetch_optional(&mut **tx)
        .await
        .map_err(fail)?;
    let Some(row) = row else { return Ok(()) };
    let state: String = row.try_get("state").map_err(fail)?;
    match serde_json::from_str::<Conversation>(&state) {
        Ok(mut conversation) if conversation.offer.is_some() => {
            conversation.offer = None;
            sqlx::query("UPDATE conversations SET state = $1 WHERE person_id = $2")
                .bind(serde_json::to_string(&conversation).map_err(unwritable)?)
                .bind(person.0)
                .execute(&mut **tx)
                .await
                .map_err(fail)?;
        }
        Ok(_) => {}
        // What does not read is dropped when it is next read anyway.
        Err(_) => {
            sqlx::query("DELETE FROM conversations WHERE person_id = $1")
                .bind(person.0)
                .execute(&mut **tx)
                .await
                .map_err(fail)?;
        }
    }
    Ok(())
}
