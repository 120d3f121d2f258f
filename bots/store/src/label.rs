//! The label's port on SQLite and PostgreSQL.

use crate::certificate::{COLUMNS as CERTIFICATE_COLUMNS, certificate_from};
use crate::*;
use std::collections::BTreeMap;
use tatwir_core::association::AssociationId;
use tatwir_core::label::*;
use tatwir_core::meeting::MeetingId;
use tatwir_core::outbox::OutboxMessage;
use tatwir_core::person::PersonId;

const GRANT_COLUMNS: &str = "id, association_id, granted_at, valid_until, extended_at, lost_at, lost_criteria";

fn grant_from(row: &AnyRow) -> StoreResult<LabelGrant> {
    let at = |name: &str| -> StoreResult<Option<DateTime<Utc>>> {
        Ok(row.try_get::<Option<i64>, _>(name).map_err(fail)?.map(from_millis))
    };
    let lost_criteria = match row.try_get::<Option<String>, _>("lost_criteria").map_err(fail)? {
        Some(json) => serde_json::from_str(&json).map_err(corrupt)?,
        None => Vec::new(),
    };
    Ok(LabelGrant {
        id: LabelGrantId(row.try_get("id").map_err(fail)?),
        association: AssociationId(row.try_get("association_id").map_err(fail)?),
        granted_at: from_millis(row.try_get("granted_at").map_err(fail)?),
        valid_until: from_millis(row.try_get("valid_until").map_err(fail)?),
        extended_at: at("extended_at")?,
        lost_at: at("lost_at")?,
        lost_criteria,
    })
}

fn adoption_from(row: &AnyRow) -> StoreResult<CharterAdoption> {
    Ok(CharterAdoption {
        association: AssociationId(row.try_get("association_id").map_err(fail)?),
        person: row.try_get::<Option<i64>, _>("person_id").map_err(fail)?.map(PersonId),
        adopted_by: row.try_get("adopted_by").map_err(fail)?,
        version: row.try_get("version").map_err(fail)?,
        adopted_at: from_millis(row.try_get("adopted_at").map_err(fail)?),
    })
}

const ADOPTION_COLUMNS: &str = "association_id, version, person_id, adopted_by, adopted_at";

/// When an attended occurrence started: its local key read in the meeting's zone (the time it
/// was recorded for a key or zone that does not read, which only a damaged row would have).
fn occurrence_start(zone: &str, key: &str, recorded_at: DateTime<Utc>) -> DateTime<Utc> {
    let zone = zone.parse::<chrono_tz::Tz>().ok();
    let local = tatwir_core::meeting::parse_local_key(key);
    match (zone, local) {
        (Some(zone), Some(local)) => tatwir_core::local_time::resolve_local(zone, local),
        _ => recorded_at,
    }
}

impl LabelStore for SqlStore {
    async fn label_state(
        &self,
        association: AssociationId,
        rules: &LabelRules,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<LabelState>> {
        // One transaction: every part of the evidence is read from the same state (a SQLite
        // read transaction is a snapshot; PostgreSQL's default isolation is not, so it is asked for).
        let mut tx = self.pool.begin().await.map_err(fail)?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        let exists = sqlx::query("SELECT id FROM associations WHERE id = $1")
            .bind(association.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        if exists.is_none() {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        }
        let members =
            sqlx::query("SELECT person_id, role FROM memberships WHERE association_id = $1 ORDER BY person_id")
                .bind(association.0)
                .fetch_all(&mut *tx)
                .await
                .map_err(fail)?
                .iter()
                .map(|row| {
                    Ok(Member {
                        person: PersonId(row.try_get("person_id").map_err(fail)?),
                        role: parse_role(&row.try_get::<String, _>("role").map_err(fail)?)?,
                    })
                })
                .collect::<StoreResult<Vec<_>>>()?;
        let sql = format!(
            "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE person_id IN \
             (SELECT person_id FROM memberships WHERE association_id = $1) ORDER BY id"
        );
        let certificates = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(association.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(fail)?
            .iter()
            .map(certificate_from)
            .collect::<StoreResult<Vec<_>>>()?;
        let mut last_answers = BTreeMap::new();
        for row in sqlx::query(
            "SELECT a.person_id, MAX(a.answered_at) AS last_at FROM attempts a \
             JOIN memberships m ON m.person_id = a.person_id AND m.association_id = $1 GROUP BY a.person_id",
        )
        .bind(association.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(fail)?
        {
            let person = PersonId(row.try_get("person_id").map_err(fail)?);
            last_answers.insert(person, from_millis(integer(&row, "last_at")?));
        }
        let attended = sqlx::query(
            "SELECT t.person_id, t.meeting_id, t.occurrence, t.recorded_at, g.time_zone, g.audience \
             FROM attendance t JOIN memberships m ON m.person_id = t.person_id AND m.association_id = $1 \
             JOIN meetings g ON g.id = t.meeting_id ORDER BY t.meeting_id, t.occurrence, t.person_id",
        )
        .bind(association.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| {
            let occurrence: String = row.try_get("occurrence").map_err(fail)?;
            let zone: String = row.try_get("time_zone").map_err(fail)?;
            let recorded_at = from_millis(row.try_get("recorded_at").map_err(fail)?);
            let audience: String = row.try_get("audience").map_err(fail)?;
            Ok(Attended {
                person: PersonId(row.try_get("person_id").map_err(fail)?),
                meeting: MeetingId(row.try_get("meeting_id").map_err(fail)?),
                starts_at: occurrence_start(&zone, &occurrence, recorded_at),
                occurrence,
                audience: serde_json::from_str(&audience).map_err(corrupt)?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
        let sql =
            format!("SELECT {ADOPTION_COLUMNS} FROM charter_adoptions WHERE association_id = $1 ORDER BY adopted_at");
        let adoptions = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(association.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(fail)?
            .iter()
            .map(adoption_from)
            .collect::<StoreResult<Vec<_>>>()?;
        let sql =
            format!("SELECT {GRANT_COLUMNS} FROM label_grants WHERE association_id = $1 ORDER BY id DESC LIMIT 1");
        let grant = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(association.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .as_ref()
            .map(grant_from)
            .transpose()?;
        tx.commit().await.map_err(fail)?;
        let evidence = LabelEvidence {
            members,
            certificates,
            last_answers,
            attended,
            adoptions,
        };
        Ok(Some(LabelState::new(association, rules, &evidence, grant, now)))
    }

    async fn adopt_charter(
        &self,
        association: AssociationId,
        person: PersonId,
        version: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Adoption> {
        let mut tx = self.write().await?;
        let manager = sqlx::query(
            "SELECT p.display_name FROM memberships m JOIN people p ON p.id = m.person_id \
             WHERE m.person_id = $1 AND m.association_id = $2 AND m.role = 'manager'",
        )
        .bind(person.0)
        .bind(association.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?;
        let Some(manager) = manager else {
            tx.rollback().await.map_err(fail)?;
            return Ok(Adoption::NotManager);
        };
        let name: String = manager.try_get("display_name").map_err(fail)?;
        let inserted = sqlx::query(
            "INSERT INTO charter_adoptions (association_id, version, person_id, adopted_by, adopted_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (association_id, version) DO NOTHING",
        )
        .bind(association.0)
        .bind(version)
        .bind(person.0)
        .bind(&name)
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        let sql =
            format!("SELECT {ADOPTION_COLUMNS} FROM charter_adoptions WHERE association_id = $1 AND version = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(association.0)
            .bind(version)
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let adoption = adoption_from(&row)?;
        tx.commit().await.map_err(fail)?;
        Ok(if inserted > 0 {
            Adoption::Adopted(adoption)
        } else {
            Adoption::AlreadyAdopted(adoption)
        })
    }

    async fn settle_label(
        &self,
        association: AssociationId,
        settlement: &Settlement,
        now: DateTime<Utc>,
    ) -> StoreResult<Settled> {
        let mut tx = self.write().await?;
        let settled = match settlement {
            Settlement::Grant { valid_until } => {
                let changed = sqlx::query(
                    "INSERT INTO label_grants (association_id, granted_at, valid_until, live) \
                     SELECT $1, $2, $3, 1 WHERE NOT EXISTS \
                     (SELECT 1 FROM label_grants WHERE association_id = $1 AND live = 1) ON CONFLICT DO NOTHING",
                )
                .bind(association.0)
                .bind(millis(now))
                .bind(millis(*valid_until))
                .execute(&mut *tx)
                .await
                .map_err(fail)?
                .rows_affected();
                Settled {
                    changed: changed > 0,
                    warned: 0,
                }
            }
            Settlement::Extend { grant, valid_until } => {
                let changed = sqlx::query(
                    "UPDATE label_grants SET valid_until = $3, extended_at = $4 \
                     WHERE id = $1 AND association_id = $2 AND live = 1 AND valid_until < $3",
                )
                .bind(grant.0)
                .bind(association.0)
                .bind(millis(*valid_until))
                .bind(millis(now))
                .execute(&mut *tx)
                .await
                .map_err(fail)?
                .rows_affected();
                Settled {
                    changed: changed > 0,
                    warned: 0,
                }
            }
            Settlement::Lose { grant, criteria } => {
                let changed = sqlx::query(
                    "UPDATE label_grants SET lost_at = $3, lost_criteria = $4, live = NULL \
                     WHERE id = $1 AND association_id = $2 AND live = 1",
                )
                .bind(grant.0)
                .bind(association.0)
                .bind(millis(now))
                .bind(serde_json::to_string(criteria).map_err(unwritable)?)
                .execute(&mut *tx)
                .await
                .map_err(fail)?
                .rows_affected();
                let mut warned = 0;
                if changed > 0 {
                    let message = OutboxMessage::LabelLost {
                        association,
                        grant: *grant,
                        criteria: criteria.clone(),
                    };
                    // One per manager, whatever their number of channels: the outbox's key is
                    // (kind, occurrence, person).
                    warned = sqlx::query(
                        "INSERT INTO outbox (kind, occurrence, person_id, channel, chat_id, payload, not_before, \
                         created_at) SELECT $1, $2, i.person_id, i.channel, i.private_chat, $3, $4, $4 \
                         FROM identities i JOIN memberships m ON m.person_id = i.person_id \
                         WHERE m.association_id = $5 AND m.role = 'manager' AND i.private_chat IS NOT NULL \
                         ORDER BY i.person_id, i.channel \
                         ON CONFLICT (kind, occurrence, person_id) DO NOTHING",
                    )
                    .bind(message.kind())
                    .bind(grant.0.to_string())
                    .bind(message.payload().to_string())
                    .bind(millis(now))
                    .bind(association.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?
                    .rows_affected();
                }
                Settled {
                    changed: changed > 0,
                    warned,
                }
            }
        };
        tx.commit().await.map_err(fail)?;
        Ok(settled)
    }

    async fn label_grants(&self) -> StoreResult<Vec<LabelGrant>> {
        let sql = format!("SELECT {GRANT_COLUMNS} FROM label_grants ORDER BY id");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(grant_from)
            .collect()
    }
}
