//! The learning half of the SQL store: the pack, progress, answers, review cards, daily lessons.

use super::{SqlStore, corrupt, fail, from_millis, millis, unwritable};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::any::AnyRow;
use sqlx::{Row, Transaction};
use std::collections::HashSet;
use tatwir_core::content::{Library, QuestionKey, digest};
use tatwir_core::daily::{DailyPlan, DailyTime};
use tatwir_core::learning::{
    AnswerSource, Attempt, DailySubscription, DueReview, ImportReport, LearningStore, LessonProgress, Recorded, Score,
};
use tatwir_core::outbox::OutboxMessage;
use tatwir_core::person::PersonId;
use tatwir_core::review::ReviewCard;
use tatwir_core::store::StoreResult;

const PROGRESS_COLUMNS: &str = "toolbox_id, lesson_id, started_at, completed_at, best_right, best_out_of, \
     last_right, last_out_of, quiz_runs";

fn score(right: Option<i64>, out_of: Option<i64>) -> Option<Score> {
    Some(Score {
        right: u32::try_from(right?).ok()?,
        out_of: u32::try_from(out_of?).ok()?,
    })
}

fn progress_from(row: &AnyRow) -> StoreResult<LessonProgress> {
    let get = |name: &str| row.try_get::<Option<i64>, _>(name).map_err(fail);
    Ok(LessonProgress {
        toolbox: row.try_get("toolbox_id").map_err(fail)?,
        lesson: row.try_get("lesson_id").map_err(fail)?,
        started_at: from_millis(row.try_get("started_at").map_err(fail)?),
        completed_at: get("completed_at")?.map(from_millis),
        best_score: score(get("best_right")?, get("best_out_of")?),
        last_score: score(get("last_right")?, get("last_out_of")?),
        quiz_runs: u32::try_from(row.try_get::<i64, _>("quiz_runs").map_err(fail)?).unwrap_or(0),
    })
}

/// A column holding JSON, read into `T`.
fn from_json<T: serde::de::DeserializeOwned>(row: &AnyRow, column: &str) -> StoreResult<T> {
    let json: String = row.try_get(column).map_err(fail)?;
    serde_json::from_str(&json).map_err(corrupt)
}

fn daily_from(row: &AnyRow) -> StoreResult<DailySubscription> {
    let time: String = row.try_get("local_time").map_err(fail)?;
    let zone: String = row.try_get("time_zone").map_err(fail)?;
    let channel: String = row.try_get("channel").map_err(fail)?;
    let next_date: String = row.try_get("next_date").map_err(fail)?;
    Ok(DailySubscription {
        person: PersonId(row.try_get("person_id").map_err(fail)?),
        plan: DailyPlan {
            time: time.parse::<DailyTime>().map_err(corrupt)?,
            zone: zone.parse::<Tz>().map_err(corrupt)?,
        },
        channel: channel.parse().map_err(corrupt)?,
        chat: row.try_get("chat_id").map_err(fail)?,
        next_date: next_date.parse::<NaiveDate>().map_err(corrupt)?,
        next_at: from_millis(row.try_get("next_at").map_err(fail)?),
    })
}

/// Records a finished quiz inside a transaction: the last score, the best one, the completion.
async fn finish(
    tx: &mut Transaction<'static, sqlx::Any>,
    person: PersonId,
    toolbox: &str,
    lesson: &str,
    version: &str,
    score: Score,
    now: DateTime<Utc>,
) -> StoreResult<LessonProgress> {
    sqlx::query(
        "INSERT INTO quiz_runs (person_id, toolbox_id, lesson_id, lesson_version, right_answers, out_of, finished_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(person.0)
    .bind(toolbox)
    .bind(lesson)
    .bind(version)
    .bind(i64::from(score.right))
    .bind(i64::from(score.out_of))
    .bind(millis(now))
    .execute(&mut **tx)
    .await
    .map_err(fail)?;
    let select = format!(
        "SELECT {PROGRESS_COLUMNS} FROM lesson_progress WHERE person_id = $1 AND toolbox_id = $2 AND lesson_id = $3"
    );
    let current = sqlx::query(sqlx::AssertSqlSafe(select.clone()))
        .bind(person.0)
        .bind(toolbox)
        .bind(lesson)
        .fetch_optional(&mut **tx)
        .await
        .map_err(fail)?
        .as_ref()
        .map(progress_from)
        .transpose()?;
    let best = match current.as_ref().and_then(|progress| progress.best_score) {
        Some(best) if !score.beats(best) => best,
        _ => score,
    };
    sqlx::query(
        "INSERT INTO lesson_progress (person_id, toolbox_id, lesson_id, started_at, completed_at, best_right, \
         best_out_of, last_right, last_out_of, quiz_runs) VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, 1) \
         ON CONFLICT (person_id, toolbox_id, lesson_id) DO UPDATE SET \
         completed_at = COALESCE(lesson_progress.completed_at, excluded.completed_at), \
         best_right = excluded.best_right, best_out_of = excluded.best_out_of, \
         last_right = excluded.last_right, last_out_of = excluded.last_out_of, \
         quiz_runs = lesson_progress.quiz_runs + 1",
    )
    .bind(person.0)
    .bind(toolbox)
    .bind(lesson)
    .bind(millis(now))
    .bind(i64::from(best.right))
    .bind(i64::from(best.out_of))
    .bind(i64::from(score.right))
    .bind(i64::from(score.out_of))
    .execute(&mut **tx)
    .await
    .map_err(fail)?;
    let updated = sqlx::query(sqlx::AssertSqlSafe(select))
        .bind(person.0)
        .bind(toolbox)
        .bind(lesson)
        .fetch_one(&mut **tx)
        .await
        .map_err(fail)?;
    progress_from(&updated)
}

const DAILY_COLUMNS: &str = "person_id, channel, chat_id, local_time, time_zone, next_date, next_at";

impl LearningStore for SqlStore {
    async fn import_library(&self, library: &Library, now: DateTime<Utc>) -> StoreResult<ImportReport> {
        let pack_digest = digest(library);
        let mut tx = self.write().await?;
        let current: Option<(String, String)> =
            sqlx::query("SELECT digest, library FROM content_packs ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?
                .map(|row| Ok::<_, sqlx::Error>((row.try_get("digest")?, row.try_get("library")?)))
                .transpose()
                .map_err(fail)?;
        let mut report = ImportReport {
            changed: false,
            toolboxes: library.toolboxes.len(),
            lessons: library.lesson_count(),
            ..ImportReport::default()
        };
        let previous: Option<Library> = current
            .as_ref()
            .map(|(_, json)| serde_json::from_str(json))
            .transpose()
            .map_err(corrupt)?;
        let known: HashSet<(String, String, String)> = previous
            .iter()
            .flat_map(|library| library.toolboxes.iter())
            .flat_map(|toolbox| {
                toolbox
                    .lessons
                    .iter()
                    .map(|lesson| (toolbox.id.clone(), lesson.id.clone(), lesson.version.clone()))
            })
            .collect();
        let known_lessons: HashSet<(&str, &str)> = known.iter().map(|(t, l, _)| (t.as_str(), l.as_str())).collect();
        let mut present = HashSet::new();
        for toolbox in &library.toolboxes {
            for lesson in &toolbox.lessons {
                present.insert((toolbox.id.as_str(), lesson.id.as_str()));
                if !known_lessons.contains(&(toolbox.id.as_str(), lesson.id.as_str())) {
                    report.new_lessons += 1;
                } else if !known.contains(&(toolbox.id.clone(), lesson.id.clone(), lesson.version.clone())) {
                    report.changed_lessons += 1;
                }
                sqlx::query(
                    "INSERT INTO lesson_versions (toolbox_id, lesson_id, version, first_imported_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (toolbox_id, lesson_id, version) DO NOTHING",
                )
                .bind(&toolbox.id)
                .bind(&lesson.id)
                .bind(&lesson.version)
                .bind(millis(now))
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            }
        }
        report.removed_lessons = known_lessons.difference(&present).count();
        if current.as_ref().is_some_and(|(current, _)| *current == pack_digest) {
            tx.rollback().await.map_err(fail)?;
            return Ok(report);
        }
        sqlx::query("INSERT INTO content_packs (digest, library, imported_at) VALUES ($1, $2, $3)")
            .bind(&pack_digest)
            .bind(serde_json::to_string(library).map_err(unwritable)?)
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        report.changed = true;
        Ok(report)
    }

    async fn library(&self) -> StoreResult<Option<Library>> {
        let row = sqlx::query("SELECT library FROM content_packs ORDER BY id DESC LIMIT 1")
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(|row| from_json(&row, "library")).transpose()
    }

    async fn progress(&self, person: PersonId) -> StoreResult<Vec<LessonProgress>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {PROGRESS_COLUMNS} FROM lesson_progress WHERE person_id = $1 ORDER BY started_at, toolbox_id, lesson_id"
        )))
        .bind(person.0)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter().map(progress_from).collect()
    }

    async fn start_lesson(&self, person: PersonId, toolbox: &str, lesson: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO lesson_progress (person_id, toolbox_id, lesson_id, started_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (person_id, toolbox_id, lesson_id) DO NOTHING",
        )
        .bind(person.0)
        .bind(toolbox)
        .bind(lesson)
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn record_attempt(
        &self,
        attempt: &Attempt,
        card: &ReviewCard,
        conversation: &(impl serde::Serialize + Sync),
        finished: Option<Score>,
    ) -> StoreResult<Recorded> {
        let mut tx = self.write().await?;
        let chosen = attempt
            .chosen
            .iter()
            .map(|option| option.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let inserted = sqlx::query(
            "INSERT INTO attempts (person_id, toolbox_id, lesson_id, question_id, lesson_version, chosen, correct, \
             source, offer, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (person_id, offer) DO NOTHING",
        )
        .bind(attempt.person.0)
        .bind(&attempt.question.toolbox)
        .bind(&attempt.question.lesson)
        .bind(&attempt.question.question)
        .bind(&attempt.lesson_version)
        .bind(chosen)
        .bind(i32::from(attempt.correct))
        .bind(attempt.source.code())
        .bind(&attempt.offer)
        .bind(millis(attempt.answered_at))
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        if inserted == 0 {
            tx.rollback().await.map_err(fail)?;
            return Ok(Recorded::Duplicate);
        }
        sqlx::query(
            "INSERT INTO review_cards (person_id, toolbox_id, lesson_id, question_id, due_at, card) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (person_id, toolbox_id, lesson_id, question_id) \
             DO UPDATE SET due_at = excluded.due_at, card = excluded.card",
        )
        .bind(attempt.person.0)
        .bind(&attempt.question.toolbox)
        .bind(&attempt.question.lesson)
        .bind(&attempt.question.question)
        .bind(millis(card.due))
        .bind(serde_json::to_string(card).map_err(unwritable)?)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        sqlx::query(super::SAVE_CONVERSATION)
            .bind(attempt.person.0)
            .bind(serde_json::to_string(conversation).map_err(unwritable)?)
            .bind(millis(attempt.answered_at))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        if let Some(score) = finished {
            let question = &attempt.question;
            finish(
                &mut tx,
                attempt.person,
                &question.toolbox,
                &question.lesson,
                &attempt.lesson_version,
                score,
                attempt.answered_at,
            )
            .await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(Recorded::New)
    }

    async fn finish_quiz(
        &self,
        person: PersonId,
        toolbox: &str,
        lesson: &str,
        score: Score,
        now: DateTime<Utc>,
    ) -> StoreResult<LessonProgress> {
        let mut tx = self.write().await?;
        let progress = finish(&mut tx, person, toolbox, lesson, "", score, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(progress)
    }

    async fn attempts(&self, person: PersonId) -> StoreResult<Vec<Attempt>> {
        let rows = sqlx::query(
            "SELECT toolbox_id, lesson_id, question_id, lesson_version, chosen, correct, source, offer, answered_at \
             FROM attempts WHERE person_id = $1 ORDER BY id",
        )
        .bind(person.0)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                let chosen: String = row.try_get("chosen").map_err(fail)?;
                let source: String = row.try_get("source").map_err(fail)?;
                Ok(Attempt {
                    person,
                    question: QuestionKey {
                        toolbox: row.try_get("toolbox_id").map_err(fail)?,
                        lesson: row.try_get("lesson_id").map_err(fail)?,
                        question: row.try_get("question_id").map_err(fail)?,
                    },
                    lesson_version: row.try_get("lesson_version").map_err(fail)?,
                    chosen: chosen
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| s.parse().map_err(corrupt))
                        .collect::<StoreResult<_>>()?,
                    correct: row.try_get::<i32, _>("correct").map_err(fail)? != 0,
                    source: if source == "review" {
                        AnswerSource::Review
                    } else {
                        AnswerSource::Quiz
                    },
                    offer: row.try_get("offer").map_err(fail)?,
                    answered_at: from_millis(row.try_get("answered_at").map_err(fail)?),
                })
            })
            .collect()
    }

    async fn review_card(&self, person: PersonId, question: &QuestionKey) -> StoreResult<Option<ReviewCard>> {
        let row = sqlx::query(
            "SELECT card FROM review_cards WHERE person_id = $1 AND toolbox_id = $2 AND lesson_id = $3 \
             AND question_id = $4",
        )
        .bind(person.0)
        .bind(&question.toolbox)
        .bind(&question.lesson)
        .bind(&question.question)
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        row.map(|row| from_json(&row, "card")).transpose()
    }

    async fn due_reviews(&self, person: PersonId, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<DueReview>> {
        let rows = sqlx::query(
            "SELECT toolbox_id, lesson_id, question_id, card FROM review_cards \
             WHERE person_id = $1 AND due_at <= $2 ORDER BY due_at, toolbox_id, lesson_id, question_id LIMIT $3",
        )
        .bind(person.0)
        .bind(millis(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                Ok(DueReview {
                    question: QuestionKey {
                        toolbox: row.try_get("toolbox_id").map_err(fail)?,
                        lesson: row.try_get("lesson_id").map_err(fail)?,
                        question: row.try_get("question_id").map_err(fail)?,
                    },
                    card: from_json(row, "card")?,
                })
            })
            .collect()
    }

    async fn count_due_reviews(&self, person: PersonId, now: DateTime<Utc>) -> StoreResult<u32> {
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM review_cards WHERE person_id = $1 AND due_at <= $2")
            .bind(person.0)
            .bind(millis(now))
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?
            .try_get("n")
            .map_err(fail)?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    async fn set_daily(
        &self,
        person: PersonId,
        subscription: Option<&DailySubscription>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let Some(subscription) = subscription else {
            sqlx::query("DELETE FROM daily_lessons WHERE person_id = $1")
                .bind(person.0)
                .execute(&self.pool)
                .await
                .map_err(fail)?;
            return Ok(());
        };
        sqlx::query(
            "INSERT INTO daily_lessons (person_id, channel, chat_id, local_time, time_zone, next_date, next_at, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (person_id) DO UPDATE SET \
             channel = excluded.channel, chat_id = excluded.chat_id, local_time = excluded.local_time, \
             time_zone = excluded.time_zone, next_date = excluded.next_date, next_at = excluded.next_at",
        )
        .bind(person.0)
        .bind(subscription.channel.code())
        .bind(&subscription.chat)
        .bind(subscription.plan.time.to_string())
        .bind(subscription.plan.zone.name())
        .bind(subscription.next_date.to_string())
        .bind(millis(subscription.next_at))
        .bind(millis(now))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn daily(&self, person: PersonId) -> StoreResult<Option<DailySubscription>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {DAILY_COLUMNS} FROM daily_lessons WHERE person_id = $1"
        )))
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        .as_ref()
        .map(daily_from)
        .transpose()
    }

    async fn due_dailies(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<DailySubscription>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {DAILY_COLUMNS} FROM daily_lessons WHERE next_at <= $1 ORDER BY next_at, person_id LIMIT $2"
        )))
        .bind(millis(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter().map(daily_from).collect()
    }

    async fn queue_daily(
        &self,
        due: &DailySubscription,
        next: (NaiveDate, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        // Only the worker that moves the subscription on queues the lesson; the outbox's unique
        // key would stop a second copy anyway.
        let moved = sqlx::query(
            "UPDATE daily_lessons SET next_date = $1, next_at = $2 WHERE person_id = $3 AND next_date = $4",
        )
        .bind(next.0.to_string())
        .bind(millis(next.1))
        .bind(due.person.0)
        .bind(due.next_date.to_string())
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        if moved == 0 {
            tx.rollback().await.map_err(fail)?;
            return Ok(false);
        }
        let daily = OutboxMessage::Daily { date: due.next_date };
        let queued = sqlx::query(
            "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, created_at) \
             SELECT $7, $1, $2, $3, $4, $5, $6, $6 WHERE NOT EXISTS \
             (SELECT 1 FROM mutes WHERE person_id = $2 AND topic = 'daily') \
             ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
        )
        .bind(due.next_date.to_string())
        .bind(due.person.0)
        .bind(due.channel.code())
        .bind(&due.chat)
        .bind(daily.payload().to_string())
        .bind(millis(now))
        .bind(daily.kind())
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        tx.commit().await.map_err(fail)?;
        Ok(queued > 0)
    }

    async fn set_time_zone(&self, person: PersonId, zone: Option<Tz>) -> StoreResult<()> {
        sqlx::query("UPDATE people SET time_zone = $1 WHERE id = $2")
            .bind(zone.map(|zone| zone.name().to_owned()))
            .bind(person.0)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}
