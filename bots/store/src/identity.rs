//! People, associations, roles and invite codes on SQL: the `Store` port.

use super::{SqlStore, corrupt, fail, from_millis, integer, millis, parse_role};
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Row, Transaction};
use std::collections::HashMap;
use tatwir_core::association::{
    Association, AssociationDraft, AssociationId, AssociationSummary, Invite, InviteCode, NewAssociation,
};
use tatwir_core::language::Language;
use tatwir_core::person::{Access, Identity, Membership, MembershipSummary, Person, PersonId, PersonSummary};
use tatwir_core::role::Role;
use tatwir_core::store::{
    CodeFailures, GrantError, JoinOutcome, RedeemError, Redemption, Store, StoreError, StoreResult,
};

fn person_from(row: &AnyRow) -> StoreResult<Person> {
    let language: Option<String> = row.try_get("language").map_err(fail)?;
    Ok(Person {
        id: PersonId(row.try_get("id").map_err(fail)?),
        display_name: row.try_get("display_name").map_err(fail)?,
        language: language.map(|code| code.parse()).transpose().map_err(corrupt)?,
        time_zone: row
            .try_get::<Option<String>, _>("time_zone")
            .map_err(fail)?
            .and_then(|name| name.parse().ok()),
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
    })
}

fn association_from(row: &AnyRow) -> StoreResult<Association> {
    Ok(Association {
        id: AssociationId(row.try_get("id").map_err(fail)?),
        name: row.try_get("name").map_err(fail)?,
        city: row.try_get("city").map_err(fail)?,
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
    })
}

fn invite_from(row: &AnyRow) -> StoreResult<Invite> {
    let code: String = row.try_get("code").map_err(fail)?;
    let role: String = row.try_get("role").map_err(fail)?;
    let expires_at: Option<i64> = row.try_get("expires_at").map_err(fail)?;
    let revoked_at: Option<i64> = row.try_get("revoked_at").map_err(fail)?;
    Ok(Invite {
        code: InviteCode::parse(&code).ok_or_else(|| corrupt(format!("malformed stored code {code:?}")))?,
        association_id: AssociationId(row.try_get("association_id").map_err(fail)?),
        role: parse_role(&role)?,
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
        expires_at: expires_at.map(from_millis),
        revoked_at: revoked_at.map(from_millis),
        uses: row.try_get("uses").map_err(fail)?,
        max_uses: row.try_get("max_uses").map_err(fail)?,
    })
}

/// The columns [`invite_from`] reads.
macro_rules! invite_columns {
    () => {
        "code, association_id, role, created_at, expires_at, revoked_at, uses, max_uses"
    };
}

/// The columns [`person_from`] reads, as a literal so that queries stay static strings.
macro_rules! person_columns {
    () => {
        "p.id, p.display_name, p.language, p.time_zone, p.created_at"
    };
}

const PERSON_BY_IDENTITY: &str = concat!(
    "SELECT ",
    person_columns!(),
    " FROM identities i JOIN people p ON p.id = i.person_id WHERE i.channel = $1 AND i.user_id = $2"
);

async fn insert_invite(
    tx: &mut Transaction<'static, sqlx::Any>,
    association: AssociationId,
    role: Role,
    expires_at: Option<DateTime<Utc>>,
    max_uses: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Invite> {
    // A fresh code collides with an existing one about once in 10^19 draws; try again if so.
    for _ in 0..5 {
        let code = InviteCode::generate();
        let inserted = sqlx::query(
            "INSERT INTO invites (code, association_id, role, created_at, expires_at, uses, max_uses) \
             VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT (code) DO NOTHING",
        )
        .bind(code.as_str())
        .bind(association.0)
        .bind(role.code())
        .bind(millis(now))
        .bind(expires_at.map(millis))
        .bind(max_uses)
        .execute(&mut **tx)
        .await
        .map_err(fail)?;
        if inserted.rows_affected() == 1 {
            return Ok(Invite {
                code,
                association_id: association,
                role,
                created_at: now,
                expires_at,
                revoked_at: None,
                uses: 0,
                max_uses,
            });
        }
    }
    Err(StoreError::Conflict("could not draw an unused invite code".into()))
}

/// A manager code as one is made by default: for one person, valid a week.
async fn insert_manager_invite(
    tx: &mut Transaction<'static, sqlx::Any>,
    association: AssociationId,
    now: DateTime<Utc>,
) -> StoreResult<Invite> {
    let expires = now + chrono::Duration::days(Invite::MANAGER_VALID_DAYS);
    insert_invite(
        tx,
        association,
        Role::Manager,
        Some(expires),
        Some(Invite::MANAGER_USES),
        now,
    )
    .await
}

/// `UnknownAssociation` unless the association exists.
async fn known_association(
    tx: &mut Transaction<'static, sqlx::Any>,
    association: AssociationId,
) -> Result<(), GrantError> {
    let exists = sqlx::query("SELECT id FROM associations WHERE id = $1")
        .bind(association.0)
        .fetch_optional(&mut **tx)
        .await
        .map_err(fail)?;
    match exists {
        Some(_) => Ok(()),
        None => Err(GrantError::UnknownAssociation(association)),
    }
}

impl Store for SqlStore {
    async fn person_for(
        &self,
        identity: &Identity,
        display_name: &str,
        language: Option<Language>,
        now: DateTime<Utc>,
    ) -> StoreResult<Person> {
        if let Some(person) = self.person_by_identity(identity).await? {
            return Ok(person);
        }
        let mut tx = self.write().await?;
        // Someone else may have created it between the read and the lock.
        let existing = sqlx::query(PERSON_BY_IDENTITY)
            .bind(identity.channel.code())
            .bind(&identity.user)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        if let Some(row) = existing {
            return person_from(&row);
        }
        let row =
            sqlx::query("INSERT INTO people (display_name, language, created_at) VALUES ($1, $2, $3) RETURNING id")
                .bind(display_name)
                .bind(language.map(|l| l.code()))
                .bind(millis(now))
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
        let id: i64 = row.try_get("id").map_err(fail)?;
        sqlx::query("INSERT INTO identities (channel, user_id, person_id, created_at) VALUES ($1, $2, $3, $4)")
            .bind(identity.channel.code())
            .bind(&identity.user)
            .bind(id)
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Person {
            id: PersonId(id),
            display_name: display_name.to_owned(),
            language,
            time_zone: None,
            created_at: from_millis(millis(now)),
        })
    }

    async fn person(&self, id: PersonId) -> StoreResult<Option<Person>> {
        sqlx::query(concat!("SELECT ", person_columns!(), " FROM people p WHERE p.id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .as_ref()
            .map(person_from)
            .transpose()
    }

    async fn person_by_identity(&self, identity: &Identity) -> StoreResult<Option<Person>> {
        sqlx::query(PERSON_BY_IDENTITY)
            .bind(identity.channel.code())
            .bind(&identity.user)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .as_ref()
            .map(person_from)
            .transpose()
    }

    async fn set_language(&self, person: PersonId, language: Language) -> StoreResult<()> {
        sqlx::query("UPDATE people SET language = $1 WHERE id = $2")
            .bind(language.code())
            .bind(person.0)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn access(&self, person: PersonId) -> StoreResult<Access> {
        let rows = sqlx::query(
            "SELECT a.id, a.name, a.city, a.created_at, m.role, m.joined_at \
             FROM memberships m JOIN associations a ON a.id = m.association_id \
             WHERE m.person_id = $1 ORDER BY m.joined_at, a.id",
        )
        .bind(person.0)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let memberships = rows
            .iter()
            .map(|row| {
                let role: String = row.try_get("role").map_err(fail)?;
                Ok(Membership {
                    association: association_from(row)?,
                    role: parse_role(&role)?,
                    joined_at: from_millis(row.try_get("joined_at").map_err(fail)?),
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        let platform_roles = sqlx::query("SELECT role FROM platform_roles WHERE person_id = $1 ORDER BY role")
            .bind(person.0)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(|row| parse_role(&row.try_get::<String, _>("role").map_err(fail)?))
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Access {
            memberships,
            platform_roles,
        })
    }

    async fn redeem_invite(
        &self,
        person: PersonId,
        code: &InviteCode,
        now: DateTime<Utc>,
    ) -> Result<Redemption, RedeemError> {
        // A wrong code is answered from a read: guesses never take the write lock.
        let refusal = |invite: &Invite| -> Option<RedeemError> {
            if invite.revoked_at.is_some() {
                Some(RedeemError::Revoked)
            } else if invite.expires_at.is_some_and(|at| at <= now) {
                Some(RedeemError::Expired)
            } else if invite.uses_left() == Some(0) {
                Some(RedeemError::UsedUp)
            } else {
                None
            }
        };
        let read = concat!("SELECT ", invite_columns!(), " FROM invites WHERE code = $1");
        let row = sqlx::query(read)
            .bind(code.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let invite = invite_from(&row.ok_or(RedeemError::Unknown)?)?;
        if let Some(refused) = refusal(&invite) {
            return Err(refused);
        }
        let mut tx = self.write().await?;
        // Read again under the lock: another person may have used the last place meanwhile.
        let row = sqlx::query(read)
            .bind(code.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?;
        let invite = invite_from(&row.ok_or(RedeemError::Unknown)?)?;
        if let Some(refused) = refusal(&invite) {
            return Err(refused);
        }
        let taken_back: Option<i64> =
            sqlx::query("SELECT revoked_at FROM role_revocations WHERE person_id = $1 AND association_id = $2")
                .bind(person.0)
                .bind(invite.association_id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?
                .map(|row| row.try_get("revoked_at"))
                .transpose()
                .map_err(fail)?;
        if taken_back.is_some_and(|at| at >= millis(invite.created_at)) {
            return Err(RedeemError::RoleTakenBack);
        }
        let association = sqlx::query("SELECT id, name, city, created_at FROM associations WHERE id = $1")
            .bind(invite.association_id.0)
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let association = association_from(&association)?;
        let current = sqlx::query("SELECT role FROM memberships WHERE person_id = $1 AND association_id = $2")
            .bind(person.0)
            .bind(invite.association_id.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .map(|row| {
                row.try_get::<String, _>("role")
                    .map_err(fail)
                    .and_then(|r| parse_role(&r))
            })
            .transpose()?;
        let outcome = match current {
            Some(role) if role >= invite.role => JoinOutcome::AlreadyMember { role },
            Some(from) => {
                sqlx::query(
                    "UPDATE memberships SET role = $1, invite_code = $2 WHERE person_id = $3 AND association_id = $4",
                )
                .bind(invite.role.code())
                .bind(code.as_str())
                .bind(person.0)
                .bind(invite.association_id.0)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
                JoinOutcome::Promoted { from }
            }
            None => {
                sqlx::query(
                    "INSERT INTO memberships (person_id, association_id, role, joined_at, invite_code) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(person.0)
                .bind(invite.association_id.0)
                .bind(invite.role.code())
                .bind(millis(now))
                .bind(code.as_str())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
                JoinOutcome::Joined
            }
        };
        if !matches!(outcome, JoinOutcome::AlreadyMember { .. }) {
            let counted = sqlx::query(
                "UPDATE invites SET uses = uses + 1 WHERE code = $1 AND (max_uses IS NULL OR uses < max_uses)",
            )
            .bind(code.as_str())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
            if counted.rows_affected() != 1 {
                return Err(RedeemError::UsedUp);
            }
        }
        tx.commit().await.map_err(fail)?;
        Ok(Redemption {
            association,
            role: invite.role,
            outcome,
        })
    }

    async fn create_association(&self, draft: &AssociationDraft, now: DateTime<Utc>) -> StoreResult<NewAssociation> {
        let mut tx = self.write().await?;
        let row = sqlx::query("INSERT INTO associations (name, city, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(&draft.name)
            .bind(&draft.city)
            .bind(millis(now))
            .fetch_one(&mut *tx)
            .await
            .map_err(fail)?;
        let id = AssociationId(row.try_get("id").map_err(fail)?);
        let volunteer = insert_invite(&mut tx, id, Role::Volunteer, None, None, now).await?;
        let manager = insert_manager_invite(&mut tx, id, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(NewAssociation {
            association: Association {
                id,
                name: draft.name.clone(),
                city: draft.city.clone(),
                created_at: from_millis(millis(now)),
            },
            volunteer_code: volunteer.code,
            manager_code: manager.code,
        })
    }

    async fn association(&self, id: AssociationId) -> StoreResult<Option<Association>> {
        sqlx::query("SELECT id, name, city, created_at FROM associations WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
            .as_ref()
            .map(association_from)
            .transpose()
    }

    async fn associations(&self) -> StoreResult<Vec<AssociationSummary>> {
        let rows = sqlx::query(
            "SELECT a.id, a.name, a.city, a.created_at, \
             COUNT(m.person_id) AS members, \
             COALESCE(SUM(CASE WHEN m.role = 'volunteer' THEN 1 ELSE 0 END), 0) AS volunteers, \
             COALESCE(SUM(CASE WHEN m.role = 'manager' THEN 1 ELSE 0 END), 0) AS managers \
             FROM associations a LEFT JOIN memberships m ON m.association_id = a.id \
             GROUP BY a.id, a.name, a.city, a.created_at ORDER BY a.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                Ok(AssociationSummary {
                    association: association_from(row)?,
                    members: row.try_get("members").map_err(fail)?,
                    volunteers: integer(row, "volunteers")?,
                    managers: integer(row, "managers")?,
                })
            })
            .collect()
    }

    async fn people(&self, association: Option<AssociationId>) -> StoreResult<Vec<PersonSummary>> {
        // Association ids start at 1: 0 stands for "everyone".
        let people = sqlx::query(concat!(
            "SELECT ",
            person_columns!(),
            " FROM people p WHERE $1 = 0 OR p.id IN (SELECT person_id FROM memberships WHERE association_id = $1) ORDER BY p.id"
        ))
        .bind(association.map_or(0, |a| a.0))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut summaries: Vec<PersonSummary> = people
            .iter()
            .map(|row| {
                let person = person_from(row)?;
                Ok(PersonSummary {
                    id: person.id,
                    display_name: person.display_name,
                    language: person.language,
                    identities: Vec::new(),
                    memberships: Vec::new(),
                    platform_roles: Vec::new(),
                })
            })
            .collect::<StoreResult<_>>()?;
        let index: HashMap<i64, usize> = summaries.iter().enumerate().map(|(i, p)| (p.id.0, i)).collect();
        for row in sqlx::query("SELECT person_id, channel, user_id FROM identities ORDER BY channel, user_id")
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
        {
            if let Some(&i) = index.get(&row.try_get::<i64, _>("person_id").map_err(fail)?) {
                let channel: String = row.try_get("channel").map_err(fail)?;
                summaries[i].identities.push(Identity {
                    channel: channel.parse().map_err(corrupt)?,
                    user: row.try_get("user_id").map_err(fail)?,
                });
            }
        }
        for row in sqlx::query(
            "SELECT m.person_id, m.association_id, a.name, m.role FROM memberships m \
             JOIN associations a ON a.id = m.association_id ORDER BY m.association_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        {
            if let Some(&i) = index.get(&row.try_get::<i64, _>("person_id").map_err(fail)?) {
                summaries[i].memberships.push(MembershipSummary {
                    association_id: AssociationId(row.try_get("association_id").map_err(fail)?),
                    association: row.try_get("name").map_err(fail)?,
                    role: parse_role(&row.try_get::<String, _>("role").map_err(fail)?)?,
                });
            }
        }
        for row in sqlx::query("SELECT person_id, role FROM platform_roles ORDER BY role")
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
        {
            if let Some(&i) = index.get(&row.try_get::<i64, _>("person_id").map_err(fail)?) {
                summaries[i]
                    .platform_roles
                    .push(parse_role(&row.try_get::<String, _>("role").map_err(fail)?)?);
            }
        }
        Ok(summaries)
    }

    async fn grant_role(
        &self,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
        now: DateTime<Utc>,
    ) -> Result<bool, GrantError> {
        let mut tx = self.write().await?;
        self.check_target(&mut tx, person, role, association).await?;
        let changed = match association {
            None => sqlx::query(
                "INSERT INTO platform_roles (person_id, role, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(person.0)
            .bind(role.code())
            .bind(millis(now))
            .execute(&mut *tx)
            .await,
            Some(association) => {
                sqlx::query(
                    "INSERT INTO memberships (person_id, association_id, role, joined_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (person_id, association_id) DO UPDATE SET role = excluded.role \
                 WHERE memberships.role <> excluded.role",
                )
                .bind(person.0)
                .bind(association.0)
                .bind(role.code())
                .bind(millis(now))
                .execute(&mut *tx)
                .await
            }
        }
        .map_err(fail)?
        .rows_affected()
            > 0;
        if changed {
            super::conversation::clear_offer(&mut tx, person).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(changed)
    }

    async fn revoke_role(
        &self,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
        now: DateTime<Utc>,
    ) -> Result<bool, GrantError> {
        let mut tx = self.write().await?;
        self.check_target(&mut tx, person, role, association).await?;
        if let Some(association) = association {
            // Codes of this association made until now no longer give the person a role in it.
            sqlx::query(
                "INSERT INTO role_revocations (person_id, association_id, revoked_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (person_id, association_id) DO UPDATE SET revoked_at = excluded.revoked_at",
            )
            .bind(person.0)
            .bind(association.0)
            .bind(millis(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        let changed = match association {
            None => {
                sqlx::query("DELETE FROM platform_roles WHERE person_id = $1 AND role = $2")
                    .bind(person.0)
                    .bind(role.code())
                    .execute(&mut *tx)
                    .await
            }
            Some(association) => {
                sqlx::query("DELETE FROM memberships WHERE person_id = $1 AND association_id = $2 AND role = $3")
                    .bind(person.0)
                    .bind(association.0)
                    .bind(role.code())
                    .execute(&mut *tx)
                    .await
            }
        }
        .map_err(fail)?
        .rows_affected()
            > 0;
        if changed {
            super::conversation::clear_offer(&mut tx, person).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(changed)
    }

    async fn create_invite(
        &self,
        association: AssociationId,
        role: Role,
        expires_at: Option<DateTime<Utc>>,
        max_uses: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Invite, GrantError> {
        if !role.is_association_role() {
            return Err(GrantError::NotAnAssociationRole(role));
        }
        let mut tx = self.write().await?;
        known_association(&mut tx, association).await?;
        let invite = insert_invite(&mut tx, association, role, expires_at, max_uses, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(invite)
    }

    async fn rotate_manager_codes(
        &self,
        association: AssociationId,
        now: DateTime<Utc>,
    ) -> Result<(u64, Invite), GrantError> {
        let mut tx = self.write().await?;
        known_association(&mut tx, association).await?;
        let revoked = sqlx::query(
            "UPDATE invites SET revoked_at = $1 \
             WHERE association_id = $2 AND role = 'manager' AND revoked_at IS NULL",
        )
        .bind(millis(now))
        .bind(association.0)
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        let invite = insert_manager_invite(&mut tx, association, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok((revoked, invite))
    }

    async fn revoke_invite(&self, code: &InviteCode, now: DateTime<Utc>) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE invites SET revoked_at = $1 WHERE code = $2 AND revoked_at IS NULL")
            .bind(millis(now))
            .bind(code.as_str())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(done.rows_affected() == 1)
    }

    async fn invites(&self, association: Option<AssociationId>) -> StoreResult<Vec<Invite>> {
        sqlx::query(concat!(
            "SELECT ",
            invite_columns!(),
            " FROM invites WHERE $1 = 0 OR association_id = $1 ORDER BY association_id, created_at, code"
        ))
        .bind(association.map_or(0, |a| a.0))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(invite_from)
        .collect()
    }

    async fn code_failures(&self, person: PersonId) -> StoreResult<CodeFailures> {
        let row = sqlx::query("SELECT failures, last_failure_at FROM code_failures WHERE person_id = $1")
            .bind(person.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        let Some(row) = row else {
            return Ok(CodeFailures::default());
        };
        let count: i64 = row.try_get("failures").map_err(fail)?;
        Ok(CodeFailures {
            count: u32::try_from(count).unwrap_or(u32::MAX),
            last: Some(from_millis(row.try_get("last_failure_at").map_err(fail)?)),
        })
    }

    async fn record_code_failure(&self, person: PersonId, now: DateTime<Utc>) -> StoreResult<u32> {
        let row = sqlx::query(
            "INSERT INTO code_failures (person_id, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (person_id) DO UPDATE SET failures = code_failures.failures + 1, \
             last_failure_at = excluded.last_failure_at RETURNING failures",
        )
        .bind(person.0)
        .bind(millis(now))
        .fetch_one(&self.pool)
        .await
        .map_err(fail)?;
        let count: i64 = row.try_get("failures").map_err(fail)?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    async fn clear_code_failures(&self, person: PersonId) -> StoreResult<()> {
        sqlx::query("DELETE FROM code_failures WHERE person_id = $1")
            .bind(person.0)
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }
}

impl SqlStore {
    async fn check_target(
        &self,
        tx: &mut Transaction<'static, sqlx::Any>,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
    ) -> Result<(), GrantError> {
        match (association, role.is_association_role()) {
            (None, true) => return Err(GrantError::AssociationNeeded(role)),
            (Some(_), false) => return Err(GrantError::NotAnAssociationRole(role)),
            _ => {}
        }
        let found = sqlx::query("SELECT id FROM people WHERE id = $1")
            .bind(person.0)
            .fetch_optional(&mut **tx)
            .await
            .map_err(fail)?;
        if found.is_none() {
            return Err(GrantError::UnknownPerson(person));
        }
        if let Some(association) = association {
            let found = sqlx::query("SELECT id FROM associations WHERE id = $1")
                .bind(association.0)
                .fetch_optional(&mut **tx)
                .await
                .map_err(fail)?;
            if found.is_none() {
                return Err(GrantError::UnknownAssociation(association));
            }
        }
        Ok(())
    }
}
