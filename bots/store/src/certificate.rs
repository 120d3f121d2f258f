//! The certificates port on SQLite and PostgreSQL.

use crate::*;
use tatwir_core::association::AssociationId;
use tatwir_core::certificate::*;
use tatwir_core::learning::{LearningStore, Score};
use tatwir_core::person::PersonId;

pub(crate) const COLUMNS: &str = "id, code, person_id, track_id, holder_name, association_id, issued_by, issued_at, \
     renewed_at, valid_until, revoked_at, revoked_reason, status_index";

pub(crate) fn certificate_from(row: &AnyRow) -> StoreResult<Certificate> {
    let code: String = row.try_get("code").map_err(fail)?;
    let issued_by: String = row.try_get("issued_by").map_err(fail)?;
    let at = |name: &str| -> StoreResult<Option<DateTime<Utc>>> {
        Ok(row.try_get::<Option<i64>, _>(name).map_err(fail)?.map(from_millis))
    };
    Ok(Certificate {
        id: CertificateId(row.try_get("id").map_err(fail)?),
        code: CertificateCode::parse(&code).ok_or_else(|| corrupt(format!("certificate code {code:?}")))?,
        person: PersonId(row.try_get("person_id").map_err(fail)?),
        track: row.try_get("track_id").map_err(fail)?,
        holder_name: row.try_get("holder_name").map_err(fail)?,
        association: row
            .try_get::<Option<i64>, _>("association_id")
            .map_err(fail)?
            .map(AssociationId),
        issued_by: match issued_by.as_str() {
            "track" => IssuedBy::Track,
            "hand" => IssuedBy::Hand,
            other => return Err(corrupt(format!("issued_by {other:?}"))),
        },
        issued_at: from_millis(row.try_get("issued_at").map_err(fail)?),
        renewed_at: at("renewed_at")?,
        valid_until: at("valid_until")?,
        revoked_at: at("revoked_at")?,
        revoked_reason: row.try_get("revoked_reason").map_err(fail)?,
        status_index: row.try_get("status_index").map_err(fail)?,
    })
}

fn key_from(row: &AnyRow) -> StoreResult<IssuerKeyRecord> {
    Ok(IssuerKeyRecord {
        kid: row.try_get("kid").map_err(fail)?,
        private_pem: row.try_get("private_pem").map_err(fail)?,
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
        retired_at: row
            .try_get::<Option<i64>, _>("retired_at")
            .map_err(fail)?
            .map(from_millis),
    })
}

impl SqlStore {
    async fn certificate_where(&self, condition: &str, value: impl ToString) -> StoreResult<Option<Certificate>> {
        let sql = format!("SELECT {COLUMNS} FROM certificates WHERE {condition} = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(value.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.as_ref().map(certificate_from).transpose()
    }
}

impl CertificateStore for SqlStore {
    async fn evidence(&self, person: PersonId, tracks: &[CertificateTrack]) -> StoreResult<Evidence> {
        let progress = self.progress(person).await?;
        let runs = sqlx::query(
            "SELECT toolbox_id, lesson_id, lesson_version, right_answers, out_of, finished_at FROM quiz_runs \
             WHERE person_id = $1 ORDER BY id",
        )
        .bind(person.0)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| {
            Ok(QuizRun {
                toolbox: row.try_get("toolbox_id").map_err(fail)?,
                lesson: row.try_get("lesson_id").map_err(fail)?,
                lesson_version: row.try_get("lesson_version").map_err(fail)?,
                score: Score {
                    right: u32::try_from(row.try_get::<i64, _>("right_answers").map_err(fail)?).map_err(corrupt)?,
                    out_of: u32::try_from(row.try_get::<i64, _>("out_of").map_err(fail)?).map_err(corrupt)?,
                },
                finished_at: from_millis(row.try_get("finished_at").map_err(fail)?),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
        let mut version_taught = std::collections::BTreeMap::new();
        for track in tracks {
            for lesson in &track.lessons {
                let Some(version) = &lesson.since_version else { continue };
                let row = sqlx::query(
                    "SELECT first_imported_at FROM lesson_versions WHERE toolbox_id = $1 AND lesson_id = $2 \
                     AND version = $3",
                )
                .bind(&lesson.toolbox)
                .bind(&lesson.lesson)
                .bind(version)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?;
                if let Some(row) = row {
                    let at = from_millis(row.try_get("first_imported_at").map_err(fail)?);
                    version_taught.insert((lesson.toolbox.clone(), lesson.lesson.clone(), version.clone()), at);
                }
            }
        }
        let meetings: i64 = sqlx::query("SELECT COUNT(*) AS n FROM attendance WHERE person_id = $1")
            .bind(person.0)
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?
            .try_get("n")
            .map_err(fail)?;
        let managers: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE person_id = $1 AND role = 'manager'")
                .bind(person.0)
                .fetch_one(&self.pool)
                .await
                .map_err(fail)?
                .try_get("n")
                .map_err(fail)?;
        Ok(Evidence {
            progress,
            runs,
            version_taught,
            meetings_attended: u32::try_from(meetings).unwrap_or(u32::MAX),
            is_manager: managers > 0,
        })
    }

    async fn issue_certificate(&self, new: &NewCertificate) -> StoreResult<Issue> {
        let mut tx = self.write().await?;
        let held_condition = match new.issued_by {
            IssuedBy::Track => "",
            IssuedBy::Hand => " AND live = 1",
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates WHERE person_id = $1 AND track_id = $2{held_condition} \
             ORDER BY id DESC LIMIT 1"
        );
        let held = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(new.person.0)
            .bind(&new.track)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        if let Some(row) = held {
            let certificate = certificate_from(&row)?;
            tx.rollback().await.map_err(fail)?;
            return Ok(Issue::Held(certificate));
        }
        let name: Option<String> = sqlx::query("SELECT name FROM certificate_holders WHERE person_id = $1")
            .bind(new.person.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .map(|row| row.try_get("name"))
            .transpose()
            .map_err(fail)?;
        let issued_by = match new.issued_by {
            IssuedBy::Track => "track",
            IssuedBy::Hand => "hand",
        };
        // A free bit of the status list, drawn at random among the first STATUS_LIST_BITS (taken
        // ones are few: a draw that hits one draws again).
        let mut index = 0;
        for _ in 0..64 {
            index = rand::random_range(0..STATUS_LIST_BITS);
            let taken = sqlx::query("SELECT 1 AS taken FROM certificates WHERE status_index = $1")
                .bind(index)
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?;
            if taken.is_none() {
                break;
            }
        }
        let sql = format!(
            "INSERT INTO certificates (code, person_id, track_id, holder_name, association_id, issued_by, issued_at, \
             valid_until, status_index, live) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING {COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(new.code.as_str())
            .bind(new.person.0)
            .bind(&new.track)
            .bind(name)
            .bind(new.association.map(|id| id.0))
            .bind(issued_by)
            .bind(millis(new.issued_at))
            .bind(new.valid_until.map(millis))
            .bind(index)
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let certificate = certificate_from(&row)?;
        tx.commit().await.map_err(fail)?;
        Ok(Issue::New(certificate))
    }

    async fn certificate_by_code(&self, code: &CertificateCode) -> StoreResult<Option<Certificate>> {
        self.certificate_where("code", code.as_str()).await
    }

    async fn certificate(&self, id: CertificateId) -> StoreResult<Option<Certificate>> {
        let sql = format!("SELECT {COLUMNS} FROM certificates WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.as_ref().map(certificate_from).transpose()
    }

    async fn certificates(&self, filter: CertificateFilter) -> StoreResult<Vec<Certificate>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates WHERE ($1 IS NULL OR person_id = $1) \
             AND ($2 IS NULL OR association_id = $2) ORDER BY issued_at DESC, id DESC"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(filter.person.map(|id| id.0))
            .bind(filter.association.map(|id| id.0))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(certificate_from)
            .collect()
    }

    async fn certificates_ending(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> StoreResult<Vec<Certificate>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM certificates WHERE revoked_at IS NULL AND valid_until >= $1 AND valid_until < $2 \
             ORDER BY valid_until"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(millis(from))
            .bind(millis(to))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(certificate_from)
            .collect()
    }

    async fn revoke_certificate(
        &self,
        code: &CertificateCode,
        reason: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Certificate>> {
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE certificates SET revoked_at = $2, revoked_reason = $3, live = NULL \
             WHERE code = $1 AND revoked_at IS NULL",
        )
        .bind(code.as_str())
        .bind(millis(now))
        .bind(reason)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        let sql = format!("SELECT {COLUMNS} FROM certificates WHERE code = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(code.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        row.as_ref().map(certificate_from).transpose()
    }

    async fn renew_certificate(
        &self,
        id: CertificateId,
        valid_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let changed = sqlx::query(
            "UPDATE certificates SET valid_until = $2, renewed_at = $3 WHERE id = $1 AND revoked_at IS NULL \
             AND valid_until IS NOT NULL AND valid_until < $2",
        )
        .bind(id.0)
        .bind(millis(valid_until))
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        tx.commit().await.map_err(fail)?;
        Ok(changed > 0)
    }

    async fn holder(&self, person: PersonId) -> StoreResult<Option<Holder>> {
        let row =
            sqlx::query("SELECT name, email_hash, salt, confirmed_at FROM certificate_holders WHERE person_id = $1")
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?;
        row.map(|row| {
            Ok(Holder {
                name: row.try_get("name").map_err(fail)?,
                email_hash: row.try_get("email_hash").map_err(fail)?,
                salt: row.try_get("salt").map_err(fail)?,
                confirmed_at: from_millis(row.try_get("confirmed_at").map_err(fail)?),
            })
        })
        .transpose()
    }

    async fn set_holder(&self, person: PersonId, holder: &Holder) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO certificate_holders (person_id, name, email_hash, salt, confirmed_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, \
             email_hash = excluded.email_hash, salt = excluded.salt, confirmed_at = excluded.confirmed_at",
        )
        .bind(person.0)
        .bind(&holder.name)
        .bind(holder.email_hash.as_deref())
        .bind(holder.salt.as_deref())
        .bind(millis(holder.confirmed_at))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        sqlx::query("UPDATE certificates SET holder_name = $2 WHERE person_id = $1 AND holder_name IS NULL")
            .bind(person.0)
            .bind(&holder.name)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)
    }

    async fn issuer_keys(&self) -> StoreResult<Vec<IssuerKeyRecord>> {
        sqlx::query(
            "SELECT kid, private_pem, created_at, retired_at FROM issuer_keys \
             ORDER BY CASE WHEN current = 1 THEN 0 ELSE 1 END, created_at DESC",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(key_from)
        .collect()
    }

    async fn ensure_issuer_key(&self, candidate: &IssuerKeyRecord) -> StoreResult<IssuerKeyRecord> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO issuer_keys (kid, private_pem, created_at, current) \
             SELECT $1, $2, $3, 1 WHERE NOT EXISTS (SELECT 1 FROM issuer_keys WHERE current = 1) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&candidate.kid)
        .bind(&candidate.private_pem)
        .bind(millis(candidate.created_at))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        let row = sqlx::query("SELECT kid, private_pem, created_at, retired_at FROM issuer_keys WHERE current = 1")
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        key_from(&row)
    }

    async fn rotate_issuer_key(&self, next: &IssuerKeyRecord, now: DateTime<Utc>) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE issuer_keys SET current = NULL, retired_at = $1 WHERE current = 1")
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        sqlx::query("INSERT INTO issuer_keys (kid, private_pem, created_at, current) VALUES ($1, $2, $3, 1)")
            .bind(&next.kid)
            .bind(&next.private_pem)
            .bind(millis(next.created_at))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)
    }
}
