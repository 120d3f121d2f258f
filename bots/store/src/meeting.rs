//! Meetings and answers on SQL; invitations, reminders and cancellations go through the outbox.

use super::broadcast::queue_for_audience;
use super::{SqlStore, corrupt, fail, from_millis, millis, placeholders, unwritable};
use chrono::{DateTime, NaiveDateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Row, Transaction};
use tatwir_core::broadcast::Topic;
use tatwir_core::group::{GroupChat, GroupChatId};
use tatwir_core::language::Language;
use tatwir_core::meeting::{CalendarToken, Meeting, MeetingId, MeetingStore, MeetingTime, NewMeeting, Rsvp};
use tatwir_core::outbox::OutboxMessage;
use tatwir_core::person::{Channel, PersonId};
use tatwir_core::store::StoreResult;

const LOCAL: &str = "%Y-%m-%dT%H:%M";

const MEETING_COLUMNS: &str = "m.id, m.organizer_id, m.title, m.agenda, m.start_local, m.end_local, m.time_zone, \
     m.place, m.link, m.recurrence, m.reminders, m.audience, m.cancelled_at, m.calendar_token, m.sequence, m.created_at";

fn meeting_from(row: &AnyRow) -> StoreResult<Meeting> {
    let text = |name: &str| row.try_get::<String, _>(name).map_err(fail);
    let local = |name: &str| NaiveDateTime::parse_from_str(&text(name)?, LOCAL).map_err(corrupt);
    Ok(Meeting {
        id: MeetingId(row.try_get("id").map_err(fail)?),
        organizer: row
            .try_get::<Option<i64>, _>("organizer_id")
            .map_err(fail)?
            .map(PersonId),
        title: serde_json::from_str(&text("title")?).map_err(corrupt)?,
        agenda: serde_json::from_str(&text("agenda")?).map_err(corrupt)?,
        time: MeetingTime {
            start: local("start_local")?,
            end: local("end_local")?,
            zone: text("time_zone")?.parse().map_err(corrupt)?,
        },
        place: row.try_get("place").map_err(fail)?,
        link: row.try_get("link").map_err(fail)?,
        recurrence: serde_json::from_str(&text("recurrence")?).map_err(corrupt)?,
        reminders: serde_json::from_str(&text("reminders")?).map_err(corrupt)?,
        audience: serde_json::from_str(&text("audience")?).map_err(corrupt)?,
        cancelled: row.try_get::<Option<i64>, _>("cancelled_at").map_err(fail)?.is_some(),
        calendar: CalendarToken::parse(&text("calendar_token")?)
            .ok_or_else(|| corrupt("a meeting's calendar token is not 32 hex digits"))?,
        sequence: u32::try_from(row.try_get::<i64, _>("sequence").map_err(fail)?).unwrap_or(0),
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
    })
}

const GROUP_COLUMNS: &str = "id, channel, chat_id, title, first_seen, last_seen, left_at, language, association_id";

fn group_from(row: &AnyRow) -> StoreResult<GroupChat> {
    let channel: String = row.try_get("channel").map_err(fail)?;
    Ok(GroupChat {
        id: GroupChatId(row.try_get("id").map_err(fail)?),
        channel: channel.parse().map_err(corrupt)?,
        chat: row.try_get("chat_id").map_err(fail)?,
        title: row.try_get("title").map_err(fail)?,
        first_seen: from_millis(row.try_get("first_seen").map_err(fail)?),
        last_seen: from_millis(row.try_get("last_seen").map_err(fail)?),
        left: row.try_get::<Option<i64>, _>("left_at").map_err(fail)?.is_some(),
        language: row
            .try_get::<Option<String>, _>("language")
            .map_err(fail)?
            .and_then(|code| code.parse().ok()),
        owner: row
            .try_get::<Option<i64>, _>("association_id")
            .map_err(fail)?
            .map(tatwir_core::association::AssociationId),
    })
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Binds $1 to $9: the texts, times, place, link, recurrence and reminders of a meeting.
fn bind_fields<'q>(query: Query<'q>, meeting: &NewMeeting) -> StoreResult<Query<'q>> {
    Ok(query
        .bind(serde_json::to_string(&meeting.title).map_err(unwritable)?)
        .bind(serde_json::to_string(&meeting.agenda).map_err(unwritable)?)
        .bind(meeting.time.start.format(LOCAL).to_string())
        .bind(meeting.time.end.format(LOCAL).to_string())
        .bind(meeting.time.zone.name())
        .bind(meeting.place.clone())
        .bind(meeting.link.clone())
        .bind(serde_json::to_string(&meeting.recurrence).map_err(unwritable)?)
        .bind(serde_json::to_string(&meeting.reminders).map_err(unwritable)?))
}

/// Which group chats hear of a meeting.
enum Groups<'a> {
    /// Those its audience names (an invitation), unless the bot left them.
    Named(&'a [GroupChatId]),
    /// Those it invited (a change, a reminder, a cancellation), unless the bot left them since.
    Invited,
}

/// Queues `message` once per group chat, in the caller's transaction; the occurrence of each is
/// `<occurrence>@<group>`, and with the kind it is unique. Only a cancellation is queued for a
/// cancelled meeting. Returns how many were queued.
async fn queue_for_groups(
    tx: &mut Transaction<'static, sqlx::Any>,
    meeting: MeetingId,
    message: &OutboxMessage,
    occurrence: &str,
    groups: Groups<'_>,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    // Which groups: those named (one placeholder each), or those the invitation was posted in.
    let which = match groups {
        Groups::Named([]) => return Ok(0),
        Groups::Named(ids) => format!("g.id IN ({})", placeholders(7, ids.len())),
        Groups::Invited => "EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'invitation' AND o.person_id IS NULL \
             AND o.occurrence = $6 || '@' || CAST(g.id AS TEXT))"
            .to_owned(),
    };
    let sql = format!(
        "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
         SELECT $1, $2 || '@' || CAST(g.id AS TEXT), NULL, g.channel, g.chat_id, $3, $4, $4 FROM group_chats g \
         WHERE g.left_at IS NULL \
         AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = $5 AND (m.cancelled_at IS NULL OR $1 = 'cancellation')) \
         AND {which} \
         ON CONFLICT DO NOTHING"
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(message.kind())
        .bind(occurrence.to_owned())
        .bind(message.payload().to_string())
        .bind(millis(now))
        .bind(meeting.0)
        .bind(meeting.to_string());
    if let Groups::Named(ids) = groups {
        for id in ids {
            query = query.bind(id.0);
        }
    }
    let queued = query.execute(&mut **tx).await.map_err(fail)?.rows_affected();
    Ok(queued)
}

/// Queues news of a meeting (`message` at `occurrence`: a change, a cancellation) for everyone
/// its invitation reached, people and groups; returns how many are told.
async fn tell_invited(
    tx: &mut Transaction<'static, sqlx::Any>,
    meeting: MeetingId,
    message: &OutboxMessage,
    occurrence: &str,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let people = sqlx::query(
        "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
         SELECT $1, $2, person_id, channel, chat_id, $3, $4, $4 FROM outbox \
         WHERE kind = 'invitation' AND occurrence = $5 AND person_id IS NOT NULL \
         ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
    )
    .bind(message.kind())
    .bind(occurrence)
    .bind(message.payload().to_string())
    .bind(millis(now))
    .bind(meeting.to_string())
    .execute(&mut **tx)
    .await
    .map_err(fail)?
    .rows_affected();
    let groups = queue_for_groups(tx, meeting, message, occurrence, Groups::Invited, now).await?;
    Ok(people + groups)
}

impl SqlStore {
    /// The meetings a person was invited to in private or answered (in a group), with their
    /// answer: all of them, or the one asked.
    async fn invitations_of(
        &self,
        person: PersonId,
        meeting: Option<MeetingId>,
    ) -> StoreResult<Vec<(Meeting, Option<Rsvp>)>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEETING_COLUMNS}, r.answer FROM meetings m \
             LEFT JOIN rsvps r ON r.meeting_id = m.id AND r.person_id = $1 \
             WHERE ($2 = 0 OR m.id = $2) AND (r.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM outbox o \
             WHERE o.kind = 'invitation' AND o.occurrence = CAST(m.id AS TEXT) AND o.person_id = $1)) \
             ORDER BY m.start_local, m.id"
        )))
        .bind(person.0)
        .bind(meeting.map_or(0, |meeting| meeting.0))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                let answer: Option<String> = row.try_get("answer").map_err(fail)?;
                Ok((meeting_from(row)?, answer.as_deref().and_then(Rsvp::from_code)))
            })
            .collect()
    }
}

impl MeetingStore for SqlStore {
    async fn create_meeting(&self, meeting: &NewMeeting, now: DateTime<Utc>) -> StoreResult<(MeetingId, u64)> {
        let mut tx = self.write().await?;
        // The same confirmation again finds the first meeting (see create_broadcast).
        let inserted = bind_fields(
            sqlx::query(
                "INSERT INTO meetings (title, agenda, start_local, end_local, time_zone, place, link, recurrence, \
                 reminders, organizer_id, audience, created_at, calendar_token, request_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
                 ON CONFLICT (request_key) DO NOTHING RETURNING id",
            ),
            meeting,
        )?
        .bind(meeting.organizer.map(|person| person.0))
        .bind(serde_json::to_string(&meeting.audience).map_err(unwritable)?)
        .bind(millis(now))
        .bind(CalendarToken::new().as_str().to_owned())
        .bind(meeting.request.clone())
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?;
        let Some(inserted) = inserted else {
            let first: i64 = sqlx::query("SELECT id FROM meetings WHERE request_key = $1")
                .bind(meeting.request.clone())
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?
                .try_get("id")
                .map_err(fail)?;
            let counted = sqlx::query(
                "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'invitation' \
                 AND (occurrence = $1 OR occurrence LIKE $2)",
            )
            .bind(first.to_string())
            .bind(format!("{first}@%"))
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
            let invited = super::integer(&counted, "n")?;
            return Ok((MeetingId(first), u64::try_from(invited).unwrap_or(0)));
        };
        let id = inserted.try_get("id").map(MeetingId).map_err(fail)?;
        let invitation = OutboxMessage::Invitation { meeting: id };
        let invited = queue_for_audience(
            &mut tx,
            &invitation,
            &id.to_string(),
            &meeting.audience,
            Topic::Meetings,
            now,
        )
        .await?;
        let groups = Groups::Named(&meeting.audience.groups);
        let told = queue_for_groups(&mut tx, id, &invitation, &id.to_string(), groups, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok((id, invited + told))
    }

    async fn meeting_by_calendar(&self, token: &CalendarToken) -> StoreResult<Option<Meeting>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m WHERE m.calendar_token = $1"
        )))
        .bind(token.as_str().to_owned())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        .as_ref()
        .map(meeting_from)
        .transpose()
    }

    async fn meeting(&self, id: MeetingId) -> StoreResult<Option<Meeting>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m WHERE m.id = $1"
        )))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        .as_ref()
        .map(meeting_from)
        .transpose()
    }

    async fn meetings(&self) -> StoreResult<Vec<Meeting>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m ORDER BY m.id"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(meeting_from)
        .collect()
    }

    async fn cancel_meeting(&self, id: MeetingId, now: DateTime<Utc>) -> StoreResult<Option<u64>> {
        let mut tx = self.write().await?;
        let cancelled: Option<Option<i64>> = sqlx::query("SELECT cancelled_at FROM meetings WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .map(|row| row.try_get("cancelled_at").map_err(fail))
            .transpose()?;
        match cancelled {
            None => return Ok(None),
            Some(Some(_)) => return Ok(Some(0)),
            Some(None) => {}
        }
        sqlx::query("UPDATE meetings SET cancelled_at = $1, sequence = sequence + 1 WHERE id = $2")
            .bind(millis(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        // Everyone invited hears of it, and reminders not yet sent are dropped.
        let announced = tell_invited(
            &mut tx,
            id,
            &OutboxMessage::Cancellation { meeting: id },
            &id.to_string(),
            now,
        )
        .await?;
        sqlx::query(
            "UPDATE outbox SET status = 'failed', last_error = 'meeting cancelled' WHERE kind = 'reminder' \
             AND status = 'pending' AND occurrence LIKE $1",
        )
        .bind(format!("{id}/%"))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(announced))
    }

    async fn update_meeting(
        &self,
        id: MeetingId,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<u64>> {
        let mut tx = self.write().await?;
        let sequence: Option<i64> = bind_fields(
            sqlx::query(
                "UPDATE meetings SET title = $1, agenda = $2, start_local = $3, end_local = $4, time_zone = $5, \
                 place = $6, link = $7, recurrence = $8, reminders = $9, sequence = sequence + 1 \
                 WHERE id = $10 AND cancelled_at IS NULL RETURNING sequence",
            ),
            meeting,
        )?
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?
        .map(|row| row.try_get("sequence").map_err(fail))
        .transpose()?;
        let Some(sequence) = sequence else {
            return Ok(None);
        };
        // Everyone invited hears of it, once per change.
        let announced = tell_invited(
            &mut tx,
            id,
            &OutboxMessage::Change { meeting: id },
            &format!("{id}/{sequence}"),
            now,
        )
        .await?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(announced))
    }

    async fn invitees(&self, meeting: MeetingId) -> StoreResult<Vec<PersonId>> {
        sqlx::query(
            "SELECT person_id FROM outbox WHERE kind = 'invitation' AND occurrence = $1 \
             AND person_id IS NOT NULL ORDER BY id",
        )
        .bind(meeting.to_string())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| Ok(PersonId(row.try_get("person_id").map_err(fail)?)))
        .collect()
    }

    async fn rsvps(&self, meeting: MeetingId) -> StoreResult<Vec<(PersonId, Rsvp)>> {
        sqlx::query("SELECT person_id, answer FROM rsvps WHERE meeting_id = $1 ORDER BY answered_at, person_id")
            .bind(meeting.0)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .filter_map(|row| {
                let person = row.try_get("person_id").map(PersonId);
                let answer = row.try_get::<String, _>("answer").map(|a| Rsvp::from_code(&a));
                match (person, answer) {
                    (Ok(person), Ok(Some(answer))) => Some(Ok((person, answer))),
                    (Ok(_), Ok(None)) => None,
                    (Err(error), _) | (_, Err(error)) => Some(Err(fail(error))),
                }
            })
            .collect()
    }

    async fn set_rsvp(
        &self,
        meeting: MeetingId,
        person: PersonId,
        answer: Rsvp,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO rsvps (meeting_id, person_id, answer, answered_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (meeting_id, person_id) DO UPDATE SET answer = excluded.answer, \
             answered_at = excluded.answered_at",
        )
        .bind(meeting.0)
        .bind(person.0)
        .bind(answer.code())
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn invitations(&self, person: PersonId) -> StoreResult<Vec<(Meeting, Option<Rsvp>)>> {
        self.invitations_of(person, None).await
    }

    async fn invitation(&self, person: PersonId, meeting: MeetingId) -> StoreResult<Option<(Meeting, Option<Rsvp>)>> {
        Ok(self.invitations_of(person, Some(meeting)).await?.pop())
    }

    async fn record_attendance(
        &self,
        meeting: MeetingId,
        occurrence: &str,
        people: &[PersonId],
        now: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let mut recorded = 0;
        for person in people {
            recorded += sqlx::query(
                "INSERT INTO attendance (meeting_id, occurrence, person_id, recorded_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (meeting_id, occurrence, person_id) DO NOTHING",
            )
            .bind(meeting.0)
            .bind(occurrence)
            .bind(person.0)
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?
            .rows_affected();
        }
        tx.commit().await.map_err(fail)?;
        Ok(recorded)
    }

    async fn attendance(&self, meeting: MeetingId) -> StoreResult<Vec<(String, PersonId)>> {
        sqlx::query("SELECT occurrence, person_id FROM attendance WHERE meeting_id = $1 ORDER BY occurrence, person_id")
            .bind(meeting.0)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(|row| {
                Ok((
                    row.try_get("occurrence").map_err(fail)?,
                    PersonId(row.try_get("person_id").map_err(fail)?),
                ))
            })
            .collect()
    }

    async fn queue_reminder(&self, meeting: MeetingId, key: &str, now: DateTime<Utc>) -> StoreResult<u64> {
        let occurrence = format!("{meeting}/{key}");
        // The scheduler asks on each tick while the reminder is due: once it is queued (for a
        // person or a group), a read answers without taking the write lock.
        let queued_before = sqlx::query(
            "SELECT 1 FROM outbox WHERE kind = 'reminder' AND (occurrence = $1 OR occurrence LIKE $2) LIMIT 1",
        )
        .bind(&occurrence)
        .bind(format!("{occurrence}@%"))
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        if queued_before.is_some() {
            return Ok(0);
        }
        let mut tx = self.write().await?;
        let reminder = OutboxMessage::Reminder {
            meeting,
            reminder: key.to_owned(),
        };
        let queued = sqlx::query(
            "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
             SELECT 'reminder', $1, o.person_id, o.channel, o.chat_id, $2, $3, $3 FROM outbox o \
             JOIN rsvps r ON r.meeting_id = $4 AND r.person_id = o.person_id AND r.answer IN ('yes', 'maybe') \
             JOIN meetings m ON m.id = $4 AND m.cancelled_at IS NULL \
             WHERE o.kind = 'invitation' AND o.occurrence = $5 \
             AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.person_id = o.person_id AND mu.topic = 'meetings') \
             ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
        )
        .bind(&occurrence)
        .bind(reminder.payload().to_string())
        .bind(millis(now))
        .bind(meeting.0)
        .bind(meeting.to_string())
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        let told = queue_for_groups(&mut tx, meeting, &reminder, &occurrence, Groups::Invited, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(queued + told)
    }

    async fn group_chats(&self) -> StoreResult<Vec<GroupChat>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {GROUP_COLUMNS} FROM group_chats ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(group_from)
        .collect()
    }

    async fn set_group_language(&self, group: GroupChatId, language: Option<Language>) -> StoreResult<bool> {
        let changed = sqlx::query("UPDATE group_chats SET language = $1 WHERE id = $2")
            .bind(language.map(|language| language.code()))
            .bind(group.0)
            .execute(&self.pool)
            .await
            .map_err(fail)?
            .rows_affected();
        Ok(changed > 0)
    }

    async fn set_group_owner(
        &self,
        group: GroupChatId,
        owner: Option<tatwir_core::association::AssociationId>,
    ) -> StoreResult<bool> {
        let changed = sqlx::query("UPDATE group_chats SET association_id = $1 WHERE id = $2")
            .bind(owner.map(|association| association.0))
            .bind(group.0)
            .execute(&self.pool)
            .await
            .map_err(fail)?
            .rows_affected();
        Ok(changed > 0)
    }

    async fn group_chat_at(&self, channel: Channel, chat: &str) -> StoreResult<Option<GroupChat>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {GROUP_COLUMNS} FROM group_chats WHERE channel = $1 AND chat_id = $2"
        )))
        .bind(channel.code())
        .bind(chat)
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        .as_ref()
        .map(group_from)
        .transpose()
    }
}
