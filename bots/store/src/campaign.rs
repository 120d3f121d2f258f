//! The cooperation port on SQLite and PostgreSQL: campaigns, delegates, votes and statements.
//!
//! A write that checks a vote or a statement before changing it locks its row first on
//! PostgreSQL (`FOR UPDATE`; SQLite's writers already take turns), so that a ballot, a signature
//! or a new version never slips past a close or another writer. Closing is one conditional
//! `UPDATE … WHERE closed_at IS NULL`: only the call that changed the row queues the news.

use crate::outbox::{queue_in_groups, queue_private};
use crate::*;
use sqlx::AnyConnection;
use std::collections::BTreeSet;
use tatwir_core::association::AssociationId;
use tatwir_core::broadcast::Topic;
use tatwir_core::campaign::*;
use tatwir_core::group::GroupChatId;
use tatwir_core::outbox::OutboxMessage;
use tatwir_core::person::{Channel, PersonId};

/// The condition, on `memberships m`, that its person votes for its association now: a named
/// delegate, or a manager of an association whose named delegates are none (a delegate counts
/// while they are a member).
const VOTES_FOR: &str = "(EXISTS (SELECT 1 FROM delegates d WHERE d.association_id = m.association_id \
     AND d.person_id = m.person_id) OR (m.role = 'manager' AND NOT EXISTS (SELECT 1 FROM delegates d \
     JOIN memberships dm ON dm.association_id = d.association_id AND dm.person_id = d.person_id \
     WHERE d.association_id = m.association_id)))";

const CAMPAIGN_COLUMNS: &str = "id, title, position, links, participants, status, proposed_by, created_at";

const VOTE_COLUMNS: &str = "id, campaign_id, question, options, deadline, time_zone, quorum, majority, secret, \
     close_when_all_voted, results_shown, opened_by, opened_at, closed_at";

const STATEMENT_COLUMNS: &str = "s.id, s.campaign_id, s.version, v.title, v.body, s.deadline, s.time_zone, \
     s.written_by, s.created_at, s.closed_at";

const STATEMENT_FROM: &str =
    "statements s JOIN statement_versions v ON v.statement_id = s.id AND v.version = s.version";

fn json<T: serde::de::DeserializeOwned>(row: &AnyRow, column: &str) -> StoreResult<T> {
    let text: String = row.try_get(column).map_err(fail)?;
    serde_json::from_str(&text).map_err(corrupt)
}

fn to_json(value: &impl serde::Serialize) -> StoreResult<String> {
    serde_json::to_string(value).map_err(unwritable)
}

fn person_of(row: &AnyRow, column: &str) -> StoreResult<Option<PersonId>> {
    Ok(row.try_get::<Option<i64>, _>(column).map_err(fail)?.map(PersonId))
}

fn at_of(row: &AnyRow, column: &str) -> StoreResult<Option<DateTime<Utc>>> {
    Ok(row.try_get::<Option<i64>, _>(column).map_err(fail)?.map(from_millis))
}

fn flag(row: &AnyRow, column: &str) -> StoreResult<bool> {
    Ok(row.try_get::<i64, _>(column).map_err(fail)? != 0)
}

fn channel_of(row: &AnyRow) -> StoreResult<Channel> {
    row.try_get::<String, _>("channel")
        .map_err(fail)?
        .parse()
        .map_err(corrupt)
}

fn choice_of(row: &AnyRow) -> StoreResult<Option<usize>> {
    row.try_get::<Option<i64>, _>("choice")
        .map_err(fail)?
        .map(|choice| usize::try_from(choice).map_err(corrupt))
        .transpose()
}

fn receipt_of(row: &AnyRow) -> StoreResult<Option<Receipt>> {
    row.try_get::<Option<String>, _>("receipt")
        .map_err(fail)?
        .map(|stored| Receipt::from_stored(&stored).ok_or_else(|| corrupt(format!("receipt {stored:?}"))))
        .transpose()
}

fn version_of(row: &AnyRow) -> StoreResult<u32> {
    u32::try_from(row.try_get::<i64, _>("version").map_err(fail)?).map_err(corrupt)
}

fn statement_from(row: &AnyRow) -> StoreResult<Statement> {
    Ok(Statement {
        id: StatementId(row.try_get("id").map_err(fail)?),
        campaign: row
            .try_get::<Option<i64>, _>("campaign_id")
            .map_err(fail)?
            .map(CampaignId),
        version: version_of(row)?,
        title: json(row, "title")?,
        text: json(row, "body")?,
        deadline: at_of(row, "deadline")?,
        zone: row
            .try_get::<String, _>("time_zone")
            .map_err(fail)?
            .parse()
            .map_err(corrupt)?,
        written_by: person_of(row, "written_by")?,
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
        closed_at: at_of(row, "closed_at")?,
    })
}

/// The ids a query returns in its first column, `binds` bound to $1, $2…
async fn ids(conn: &mut AnyConnection, sql: &str, binds: &[i64]) -> StoreResult<Vec<i64>> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
    for bind in binds {
        query = query.bind(*bind);
    }
    query
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| row.try_get::<i64, _>(0).map_err(fail))
        .collect()
}

/// The groups a query returns (`group_id` first), `id` bound to $1.
async fn groups(conn: &mut AnyConnection, sql: &str, id: i64) -> StoreResult<Vec<GroupChatId>> {
    Ok(ids(conn, sql, &[id]).await?.into_iter().map(GroupChatId).collect())
}

/// The people a query returns (`person_id` first), `binds` bound to $1, $2…
async fn people(conn: &mut AnyConnection, sql: &str, binds: &[i64]) -> StoreResult<Vec<PersonId>> {
    Ok(ids(conn, sql, binds).await?.into_iter().map(PersonId).collect())
}

async fn campaign_with(conn: &mut AnyConnection, row: &AnyRow) -> StoreResult<Campaign> {
    let id: i64 = row.try_get("id").map_err(fail)?;
    let status: String = row.try_get("status").map_err(fail)?;
    let groups = groups(
        conn,
        "SELECT group_id FROM campaign_groups WHERE campaign_id = $1 ORDER BY group_id",
        id,
    )
    .await?;
    Ok(Campaign {
        id: CampaignId(id),
        title: json(row, "title")?,
        text: json(row, "position")?,
        links: json(row, "links")?,
        participants: json(row, "participants")?,
        groups,
        status: match status.as_str() {
            "proposed" => CampaignStatus::Proposed,
            "open" => CampaignStatus::Open,
            other => return Err(corrupt(format!("campaign status {other:?}"))),
        },
        proposed_by: person_of(row, "proposed_by")?,
        created_at: from_millis(row.try_get("created_at").map_err(fail)?),
    })
}

/// The rows `sql` selects ($1 bound to `id`), each completed by `complete` on the same
/// connection (a campaign's groups, a vote's electorate).
async fn completed<T>(
    conn: &mut AnyConnection,
    sql: String,
    id: i64,
    complete: impl AsyncFn(&mut AnyConnection, &AnyRow) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?;
    let mut completed = Vec::with_capacity(rows.len());
    for row in &rows {
        completed.push(complete(conn, row).await?);
    }
    Ok(completed)
}

/// The campaigns of `condition` ($1 bound to `id`), newest first.
async fn campaigns_where(conn: &mut AnyConnection, condition: &str, id: i64) -> StoreResult<Vec<Campaign>> {
    let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE {condition} ORDER BY created_at DESC, id DESC");
    completed(conn, sql, id, campaign_with).await
}

async fn campaign_in(conn: &mut AnyConnection, id: CampaignId) -> StoreResult<Option<Campaign>> {
    Ok(campaigns_where(conn, "id = $1", id.0).await?.pop())
}

async fn vote_with(conn: &mut AnyConnection, row: &AnyRow) -> StoreResult<Vote> {
    let id: i64 = row.try_get("id").map_err(fail)?;
    let majority: String = row.try_get("majority").map_err(fail)?;
    let quorum: i64 = row.try_get("quorum").map_err(fail)?;
    let electorate = ids(
        conn,
        "SELECT association_id FROM vote_electorate WHERE vote_id = $1 ORDER BY association_id",
        &[id],
    )
    .await?;
    let groups = vote_groups(conn, VoteId(id)).await?;
    Ok(Vote {
        id: VoteId(id),
        campaign: CampaignId(row.try_get("campaign_id").map_err(fail)?),
        question: json(row, "question")?,
        options: json(row, "options")?,
        deadline: from_millis(row.try_get("deadline").map_err(fail)?),
        zone: row
            .try_get::<String, _>("time_zone")
            .map_err(fail)?
            .parse()
            .map_err(corrupt)?,
        quorum: Quorum(u8::try_from(quorum).map_err(corrupt)?),
        majority: majority.parse().map_err(corrupt)?,
        secret: flag(row, "secret")?,
        close_when_all_voted: flag(row, "close_when_all_voted")?,
        results_shown: flag(row, "results_shown")?,
        groups,
        electorate: electorate.into_iter().map(AssociationId).collect(),
        opened_by: person_of(row, "opened_by")?,
        opened_at: from_millis(row.try_get("opened_at").map_err(fail)?),
        closed_at: at_of(row, "closed_at")?,
    })
}

/// A vote, its row locked until the transaction ends when `lock` is `" FOR UPDATE"`.
async fn vote_in(conn: &mut AnyConnection, id: VoteId, lock: &str) -> StoreResult<Option<Vote>> {
    Ok(votes_where(conn, "id = $1", &format!("id{lock}"), id.0).await?.pop())
}

/// The votes of `condition` ($1 bound to `id`) in `order` (which may end with a lock).
async fn votes_where(conn: &mut AnyConnection, condition: &str, order: &str, id: i64) -> StoreResult<Vec<Vote>> {
    let sql = format!("SELECT {VOTE_COLUMNS} FROM votes WHERE {condition} ORDER BY {order}");
    completed(conn, sql, id, vote_with).await
}

/// Whom a vote's news is for, among the members of the associations of its electorate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whom {
    /// Those who vote for them now.
    Voters,
    /// Those who vote for them now, and their managers.
    VotersAndManagers,
    /// Their managers.
    Managers,
}

/// The people `whom` names for vote `vote` (for the associations that have not voted, when
/// `not_voted`), each once.
async fn electorate_people(
    conn: &mut AnyConnection,
    vote: VoteId,
    whom: Whom,
    not_voted: bool,
) -> StoreResult<Vec<PersonId>> {
    let condition = match whom {
        Whom::Voters => VOTES_FOR.to_owned(),
        Whom::VotersAndManagers => format!("({VOTES_FOR} OR m.role = 'manager')"),
        Whom::Managers => "m.role = 'manager'".to_owned(),
    };
    let sql = format!(
        "SELECT DISTINCT m.person_id FROM memberships m \
         JOIN vote_electorate e ON e.association_id = m.association_id AND e.vote_id = $1 \
         WHERE {condition} AND ($2 = 0 OR NOT EXISTS (SELECT 1 FROM vote_casts c WHERE c.vote_id = $1 \
         AND c.association_id = m.association_id)) ORDER BY m.person_id"
    );
    people(conn, &sql, &[vote.0, i64::from(not_voted)]).await
}

/// The groups of vote `vote`.
async fn vote_groups(conn: &mut AnyConnection, vote: VoteId) -> StoreResult<Vec<GroupChatId>> {
    groups(
        conn,
        "SELECT group_id FROM vote_groups WHERE vote_id = $1 ORDER BY group_id",
        vote.0,
    )
    .await
}

/// The groups of the campaign of a statement (none without a campaign).
async fn statement_groups(conn: &mut AnyConnection, statement: StatementId) -> StoreResult<Vec<GroupChatId>> {
    groups(
        conn,
        "SELECT g.group_id FROM campaign_groups g JOIN statements s ON s.campaign_id = g.campaign_id \
         WHERE s.id = $1 ORDER BY g.group_id",
        statement.0,
    )
    .await
}

async fn statement_in(conn: &mut AnyConnection, id: StatementId, lock: &str) -> StoreResult<Option<Statement>> {
    if !lock.is_empty() {
        // The statement's row alone is locked (its versions are only ever added).
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM statements WHERE id = $1{lock}"
        )))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(fail)?;
    }
    let sql = format!("SELECT {STATEMENT_COLUMNS} FROM {STATEMENT_FROM} WHERE s.id = $1");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(fail)?
        .as_ref()
        .map(statement_from)
        .transpose()
}

/// The people whose signatures of `version` of `statement` stand (not voided), each once.
async fn signers(conn: &mut AnyConnection, statement: StatementId, version: u32) -> StoreResult<Vec<PersonId>> {
    people(
        conn,
        "SELECT DISTINCT person_id FROM statement_signatures WHERE statement_id = $1 AND version = $2 \
         AND voided = 0 AND person_id IS NOT NULL ORDER BY person_id",
        &[statement.0, i64::from(version)],
    )
    .await
}

async fn display_name(conn: &mut AnyConnection, person: PersonId) -> StoreResult<Option<String>> {
    sqlx::query("SELECT display_name FROM people WHERE id = $1")
        .bind(person.0)
        .fetch_optional(&mut *conn)
        .await
        .map_err(fail)?
        .map(|row| row.try_get("display_name").map_err(fail))
        .transpose()
}

impl SqlStore {
    /// What locks a row read in a write transaction: `FOR UPDATE` on PostgreSQL; nothing on
    /// SQLite, whose write transactions take turns.
    fn lock(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }

    /// The associations taking part in a campaign now.
    async fn participants(conn: &mut AnyConnection, participants: &Participants) -> StoreResult<Vec<AssociationId>> {
        let rows = sqlx::query("SELECT id, city FROM associations ORDER BY id")
            .fetch_all(&mut *conn)
            .await
            .map_err(fail)?;
        let mut taking_part = Vec::new();
        for row in &rows {
            let id = AssociationId(row.try_get("id").map_err(fail)?);
            let city: String = row.try_get("city").map_err(fail)?;
            let takes_part = match participants {
                Participants::All => true,
                Participants::City { city: wanted } => city.trim().to_lowercase() == wanted.trim().to_lowercase(),
                Participants::Listed { associations } => associations.contains(&id),
            };
            if takes_part {
                taking_part.push(id);
            }
        }
        Ok(taking_part)
    }
}

impl CampaignStore for SqlStore {
    async fn create_campaign(&self, new: &NewCampaign, now: DateTime<Utc>) -> StoreResult<Campaign> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO campaigns (title, position, links, participants, status, proposed_by, created_at, \
             opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(to_json(&new.title)?)
        .bind(to_json(&new.text)?)
        .bind(to_json(&new.links)?)
        .bind(to_json(&new.participants)?)
        .bind(new.status.code())
        .bind(new.proposed_by.map(|person| person.0))
        .bind(millis(now))
        .bind((new.status == CampaignStatus::Open).then(|| millis(now)))
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?
        .try_get("id")
        .map_err(fail)?;
        add_campaign_groups(&mut tx, CampaignId(id), &new.groups).await?;
        let campaign = campaign_in(&mut tx, CampaignId(id))
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("campaign {id}")))?;
        tx.commit().await.map_err(fail)?;
        Ok(campaign)
    }

    async fn campaign(&self, id: CampaignId) -> StoreResult<Option<Campaign>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        campaign_in(&mut conn, id).await
    }

    async fn campaigns(&self) -> StoreResult<Vec<Campaign>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        campaigns_where(&mut conn, "$1 = 0", 0).await
    }

    async fn open_campaign(&self, id: CampaignId, now: DateTime<Utc>) -> StoreResult<Option<Campaign>> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE campaigns SET status = 'open', opened_at = $1 WHERE id = $2 AND status = 'proposed'")
            .bind(millis(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let campaign = campaign_in(&mut tx, id).await?;
        tx.commit().await.map_err(fail)?;
        Ok(campaign)
    }

    async fn edit_campaign(
        &self,
        id: CampaignId,
        edit: &CampaignEdit,
        _now: DateTime<Utc>,
    ) -> StoreResult<Option<Campaign>> {
        let mut tx = self.write().await?;
        let Some(current) = campaign_in(&mut tx, id).await? else {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        };
        sqlx::query("UPDATE campaigns SET title = $1, position = $2, links = $3, participants = $4 WHERE id = $5")
            .bind(to_json(edit.title.as_ref().unwrap_or(&current.title))?)
            .bind(to_json(edit.text.as_ref().unwrap_or(&current.text))?)
            .bind(to_json(edit.links.as_ref().unwrap_or(&current.links))?)
            .bind(to_json(edit.participants.as_ref().unwrap_or(&current.participants))?)
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        add_campaign_groups(&mut tx, id, &edit.add_groups).await?;
        let campaign = campaign_in(&mut tx, id).await?;
        tx.commit().await.map_err(fail)?;
        Ok(campaign)
    }

    async fn delegation(&self, association: AssociationId) -> StoreResult<Option<Delegation>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        let exists = sqlx::query("SELECT id FROM associations WHERE id = $1")
            .bind(association.0)
            .fetch_optional(&mut *conn)
            .await
            .map_err(fail)?;
        if exists.is_none() {
            return Ok(None);
        }
        let people = |rows: Vec<AnyRow>| -> StoreResult<Vec<(PersonId, String)>> {
            rows.iter()
                .map(|row| {
                    Ok((
                        PersonId(row.try_get("person_id").map_err(fail)?),
                        row.try_get("display_name").map_err(fail)?,
                    ))
                })
                .collect()
        };
        let named = sqlx::query(
            "SELECT d.person_id, p.display_name FROM delegates d JOIN people p ON p.id = d.person_id \
             JOIN memberships m ON m.person_id = d.person_id AND m.association_id = d.association_id \
             WHERE d.association_id = $1 ORDER BY d.person_id",
        )
        .bind(association.0)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?;
        let managers = sqlx::query(
            "SELECT m.person_id, p.display_name FROM memberships m JOIN people p ON p.id = m.person_id \
             WHERE m.association_id = $1 AND m.role = 'manager' ORDER BY m.person_id",
        )
        .bind(association.0)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?;
        Ok(Some(Delegation {
            association,
            named: people(named)?,
            managers: people(managers)?,
        }))
    }

    async fn name_delegate(
        &self,
        association: AssociationId,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let association_known = sqlx::query("SELECT id FROM associations WHERE id = $1")
            .bind(association.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .is_some();
        let person_known = display_name(&mut tx, person).await?.is_some();
        if !association_known || !person_known {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!(
                "no association {association} or no person {}",
                person.0
            )));
        }
        let member = sqlx::query("SELECT role FROM memberships WHERE person_id = $1 AND association_id = $2")
            .bind(person.0)
            .bind(association.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
            .is_some();
        if !member {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::Conflict(format!(
                "person {} is not a member of association {association}",
                person.0
            )));
        }
        let named = sqlx::query(
            "INSERT INTO delegates (association_id, person_id, named_at) VALUES ($1, $2, $3) \
             ON CONFLICT (association_id, person_id) DO NOTHING",
        )
        .bind(association.0)
        .bind(person.0)
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        tx.commit().await.map_err(fail)?;
        Ok(named > 0)
    }

    async fn remove_delegate(
        &self,
        association: AssociationId,
        person: PersonId,
        _now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let removed = sqlx::query("DELETE FROM delegates WHERE association_id = $1 AND person_id = $2")
            .bind(association.0)
            .bind(person.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?
            .rows_affected();
        tx.commit().await.map_err(fail)?;
        Ok(removed > 0)
    }

    async fn represented_by(&self, person: PersonId) -> StoreResult<Vec<AssociationId>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        let sql = format!(
            "SELECT m.association_id FROM memberships m WHERE m.person_id = $1 AND {VOTES_FOR} \
             ORDER BY m.association_id"
        );
        Ok(ids(&mut conn, &sql, &[person.0])
            .await?
            .into_iter()
            .map(AssociationId)
            .collect())
    }

    async fn open_vote(&self, new: &NewVote, now: DateTime<Utc>) -> StoreResult<Vote> {
        let mut tx = self.write().await?;
        let Some(campaign) = campaign_in(&mut tx, new.campaign).await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("campaign {}", new.campaign)));
        };
        if campaign.status != CampaignStatus::Open {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::Conflict(format!("campaign {} is not open", campaign.id)));
        }
        let electorate = Self::participants(&mut tx, &campaign.participants).await?;
        add_campaign_groups(&mut tx, campaign.id, &new.groups).await?;
        let id: i64 = sqlx::query(
            "INSERT INTO votes (campaign_id, question, options, deadline, time_zone, quorum, majority, secret, \
             close_when_all_voted, results_shown, opened_by, opened_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(campaign.id.0)
        .bind(to_json(&new.question)?)
        .bind(to_json(&new.options)?)
        .bind(millis(new.deadline))
        .bind(new.zone.name())
        .bind(i64::from(new.quorum.0))
        .bind(new.majority.code())
        .bind(i64::from(new.secret))
        .bind(i64::from(new.close_when_all_voted))
        .bind(i64::from(new.results_shown))
        .bind(new.opened_by.map(|person| person.0))
        .bind(millis(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?
        .try_get("id")
        .map_err(fail)?;
        let vote = VoteId(id);
        for association in &electorate {
            sqlx::query("INSERT INTO vote_electorate (vote_id, association_id) VALUES ($1, $2)")
                .bind(id)
                .bind(association.0)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        sqlx::query("INSERT INTO vote_groups (vote_id, group_id) SELECT $1, group_id FROM campaign_groups WHERE campaign_id = $2")
            .bind(id)
            .bind(campaign.id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        // A vote that opens within the reminder's lead of its deadline is not reminded right
        // after its opening: the opening is the reminder.
        if new.deadline - now <= reminder_lead() {
            sqlx::query("UPDATE votes SET reminded_for = deadline WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        let message = OutboxMessage::VoteOpened { vote };
        let occurrence = format!("vote:{vote}");
        let groups = vote_groups(&mut tx, vote).await?;
        queue_in_groups(&mut tx, &groups, &message, (&occurrence, ""), now, now).await?;
        let voters = electorate_people(&mut tx, vote, Whom::Voters, false).await?;
        queue_private(&mut tx, &voters, &message, &occurrence, Some(Topic::Votes), now).await?;
        let opened = vote_in(&mut tx, vote, "")
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("vote {vote}")))?;
        tx.commit().await.map_err(fail)?;
        Ok(opened)
    }

    async fn vote(&self, id: VoteId) -> StoreResult<Option<Vote>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        vote_in(&mut conn, id, "").await
    }

    async fn open_votes(&self) -> StoreResult<Vec<Vote>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        votes_where(&mut conn, "closed_at IS NULL AND $1 = 0", "opened_at, id", 0).await
    }

    async fn votes(&self, campaign: Option<CampaignId>) -> StoreResult<Vec<Vote>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        let id = campaign.map_or(0, |campaign| campaign.0);
        votes_where(&mut conn, "($1 = 0 OR campaign_id = $1)", "opened_at DESC, id DESC", id).await
    }

    async fn cast_vote(&self, cast: &NewCast, now: DateTime<Utc>) -> StoreResult<CastOutcome> {
        let mut tx = self.write().await?;
        let Some(vote) = vote_in(&mut tx, cast.vote, self.lock()).await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("vote {}", cast.vote)));
        };
        let votes_for = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT 1 AS yes FROM memberships m WHERE m.person_id = $1 AND m.association_id = $2 AND {VOTES_FOR}"
        )))
        .bind(cast.person.0)
        .bind(cast.association.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?
        .is_some();
        let refused = if !vote.is_open(now) {
            Some(CastOutcome::Closed)
        } else if !vote.electorate.contains(&cast.association) {
            Some(CastOutcome::NotTakingPart)
        } else if !votes_for {
            Some(CastOutcome::NotDelegate)
        } else if cast.choice >= vote.options.len() {
            Some(CastOutcome::NoSuchOption)
        } else {
            None
        };
        if let Some(refused) = refused {
            tx.rollback().await.map_err(fail)?;
            return Ok(refused);
        }
        let current = sqlx::query(
            "SELECT c.choice, c.receipt, r.choice AS secret_choice FROM vote_casts c \
             LEFT JOIN vote_receipts r ON r.vote_id = c.vote_id AND r.receipt = c.receipt \
             WHERE c.vote_id = $1 AND c.association_id = $2",
        )
        .bind(vote.id.0)
        .bind(cast.association.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?;
        let current = match current {
            Some(row) => {
                let receipt = receipt_of(&row)?;
                let choice = match choice_of(&row)? {
                    Some(choice) => Some(choice),
                    None => row
                        .try_get::<Option<i64>, _>("secret_choice")
                        .map_err(fail)?
                        .map(|choice| usize::try_from(choice).map_err(corrupt))
                        .transpose()?,
                };
                Some((choice, receipt))
            }
            None => None,
        };
        if let Some((Some(choice), receipt)) = &current
            && *choice == cast.choice
        {
            tx.rollback().await.map_err(fail)?;
            return Ok(CastOutcome::Unchanged {
                receipt: receipt.clone(),
            });
        }
        let choice = i64::try_from(cast.choice).map_err(corrupt)?;
        let receipt = if vote.secret {
            if let Some((_, Some(previous))) = &current {
                sqlx::query("DELETE FROM vote_receipts WHERE vote_id = $1 AND receipt = $2")
                    .bind(vote.id.0)
                    .bind(previous.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(fail)?;
            }
            let receipt = Receipt::generate();
            sqlx::query("INSERT INTO vote_receipts (vote_id, receipt, choice) VALUES ($1, $2, $3)")
                .bind(vote.id.0)
                .bind(receipt.as_str())
                .bind(choice)
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            Some(receipt)
        } else {
            None
        };
        // A secret ballot's row keeps the receipt, never the choice.
        let open_choice = (!vote.secret).then_some(choice);
        sqlx::query(
            "INSERT INTO vote_casts (vote_id, association_id, person_id, channel, cast_at, choice, receipt) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (vote_id, association_id) DO UPDATE SET \
             person_id = excluded.person_id, channel = excluded.channel, cast_at = excluded.cast_at, \
             choice = excluded.choice, receipt = excluded.receipt",
        )
        .bind(vote.id.0)
        .bind(cast.association.0)
        // A secret ballot's row names no person: with its receipt it would link them to a choice.
        .bind((!vote.secret).then_some(cast.person.0))
        .bind(cast.channel.code())
        .bind(millis(now))
        .bind(open_choice)
        .bind(receipt.as_ref().map(|receipt| receipt.as_str().to_owned()))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        let name = display_name(&mut tx, cast.person).await?.unwrap_or_default();
        sqlx::query(
            "INSERT INTO vote_audit (vote_id, association_id, person_id, person_name, channel, at, choice) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(vote.id.0)
        .bind(cast.association.0)
        .bind(cast.person.0)
        .bind(name)
        .bind(cast.channel.code())
        .bind(millis(now))
        .bind(open_choice)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        // How many have voted is shown for secret votes too: it says nothing of any choice.
        if !vote.groups.is_empty() {
            let slot = now.timestamp().div_euclid(COUNT_SLOT_SECONDS);
            let due = from_millis((slot + 1) * COUNT_SLOT_SECONDS * 1000);
            let occurrence = format!("count:{}", vote.id);
            let message = OutboxMessage::VoteCount { vote: vote.id };
            let after = format!(":{slot}");
            queue_in_groups(&mut tx, &vote.groups, &message, (&occurrence, &after), due, now).await?;
        }
        let missing: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM vote_electorate e WHERE e.vote_id = $1 AND NOT EXISTS \
             (SELECT 1 FROM vote_casts c WHERE c.vote_id = e.vote_id AND c.association_id = e.association_id)",
        )
        .bind(vote.id.0)
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?
        .try_get("n")
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(CastOutcome::Counted {
            changed: current.is_some(),
            receipt,
            all_voted: missing == 0,
        })
    }

    async fn vote_count(&self, vote: VoteId) -> StoreResult<Count> {
        let mut tx = self.pool.begin().await.map_err(fail)?;
        let Some(vote) = vote_in(&mut tx, vote, "").await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("vote {vote}")));
        };
        let mut count = Count {
            counts: vec![0; vote.options.len()],
            ..Count::default()
        };
        let mut tally = |choice: usize| -> StoreResult<()> {
            *count
                .counts
                .get_mut(choice)
                .ok_or_else(|| corrupt(format!("vote {}: no option {choice}", vote.id)))? += 1;
            Ok(())
        };
        let casts =
            sqlx::query("SELECT association_id, choice FROM vote_casts WHERE vote_id = $1 ORDER BY association_id")
                .bind(vote.id.0)
                .fetch_all(&mut *tx)
                .await
                .map_err(fail)?;
        let mut voted = Vec::new();
        let mut choices = Vec::new();
        for row in &casts {
            let association = AssociationId(row.try_get("association_id").map_err(fail)?);
            voted.push(association);
            if let Some(choice) = choice_of(row)?
                && !vote.secret
            {
                tally(choice)?;
                choices.push((association, choice));
            }
        }
        let mut receipts = Vec::new();
        if vote.secret {
            let rows = sqlx::query("SELECT receipt, choice FROM vote_receipts WHERE vote_id = $1 ORDER BY receipt")
                .bind(vote.id.0)
                .fetch_all(&mut *tx)
                .await
                .map_err(fail)?;
            for row in &rows {
                let receipt = receipt_of(row)?.ok_or_else(|| corrupt("a receipt row without a receipt"))?;
                let choice = choice_of(row)?.ok_or_else(|| corrupt("a receipt row without a choice"))?;
                tally(choice)?;
                receipts.push((receipt, choice));
            }
        }
        tx.commit().await.map_err(fail)?;
        count.voted = voted;
        count.choices = choices;
        count.receipts = receipts;
        Ok(count)
    }

    async fn ballot_of(
        &self,
        vote: VoteId,
        association: AssociationId,
    ) -> StoreResult<Option<(Option<usize>, Option<Receipt>)>> {
        let row = sqlx::query("SELECT choice, receipt FROM vote_casts WHERE vote_id = $1 AND association_id = $2")
            .bind(vote.0)
            .bind(association.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        row.map(|row| Ok((choice_of(&row)?, receipt_of(&row)?))).transpose()
    }

    async fn vote_audit(&self, vote: VoteId, association: Option<AssociationId>) -> StoreResult<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT association_id, person_id, person_name, channel, at, choice FROM vote_audit \
             WHERE vote_id = $1 AND ($2 = 0 OR association_id = $2) ORDER BY at, id",
        )
        .bind(vote.0)
        .bind(association.map_or(0, |association| association.0))
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        rows.iter()
            .map(|row| {
                Ok(AuditEntry {
                    association: AssociationId(row.try_get("association_id").map_err(fail)?),
                    person: person_of(row, "person_id")?,
                    person_name: row.try_get("person_name").map_err(fail)?,
                    channel: channel_of(row)?,
                    at: from_millis(row.try_get("at").map_err(fail)?),
                    choice: choice_of(row)?,
                })
            })
            .collect()
    }

    async fn extend_vote(&self, vote: VoteId, deadline: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<Vote> {
        let mut tx = self.write().await?;
        let Some(current) = vote_in(&mut tx, vote, self.lock()).await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("vote {vote}")));
        };
        // A vote past its deadline is closing: moving its deadline would take ballots after the
        // deadline announced.
        if current.closed_at.is_some() || now >= current.deadline {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::Conflict(format!("vote {vote} is closed")));
        }
        // A reminder already sent is sent again only when the new deadline leaves time for it.
        let remind_again = deadline - now > reminder_lead();
        sqlx::query(
            "UPDATE votes SET deadline = $1, reminded_for = CASE WHEN reminded_for IS NOT NULL AND $2 = 0 \
             THEN $1 ELSE reminded_for END WHERE id = $3",
        )
        .bind(millis(deadline))
        .bind(i64::from(remind_again))
        .bind(vote.0)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        let message = OutboxMessage::VoteExtended { vote, deadline };
        let occurrence = format!("extended:{vote}:{}", deadline.timestamp());
        queue_in_groups(&mut tx, &current.groups, &message, (&occurrence, ""), now, now).await?;
        // A change of deadline and the result reach everyone taking part, muted or not: only the
        // openings and reminders are the votes topic's.
        let people = electorate_people(&mut tx, vote, Whom::VotersAndManagers, false).await?;
        queue_private(&mut tx, &people, &message, &occurrence, None, now).await?;
        let extended = vote_in(&mut tx, vote, "")
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("vote {vote}")))?;
        tx.commit().await.map_err(fail)?;
        Ok(extended)
    }

    async fn close_vote(&self, vote: VoteId, now: DateTime<Utc>) -> StoreResult<Option<Vote>> {
        let mut tx = self.write().await?;
        if !close_once(&mut tx, Closing::Votes, vote.0, now).await? {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        }
        let message = OutboxMessage::VoteResult { vote };
        let occurrence = format!("result:{vote}");
        let groups = vote_groups(&mut tx, vote).await?;
        queue_in_groups(&mut tx, &groups, &message, (&occurrence, ""), now, now).await?;
        let managers = electorate_people(&mut tx, vote, Whom::Managers, false).await?;
        queue_private(&mut tx, &managers, &message, &occurrence, None, now).await?;
        let closed = vote_in(&mut tx, vote, "").await?;
        tx.commit().await.map_err(fail)?;
        Ok(closed)
    }

    async fn queue_vote_reminders(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let due = sqlx::query(
            "SELECT id, deadline FROM votes WHERE closed_at IS NULL AND deadline > $1 AND deadline <= $2 \
             AND (reminded_for IS NULL OR reminded_for <> deadline) ORDER BY deadline, id",
        )
        .bind(millis(now))
        .bind(millis(now + reminder_lead()))
        .fetch_all(&mut *tx)
        .await
        .map_err(fail)?;
        let mut queued = 0;
        for row in &due {
            let vote = VoteId(row.try_get("id").map_err(fail)?);
            let deadline: i64 = row.try_get("deadline").map_err(fail)?;
            // Another instance may have reminded it meanwhile: only the one that marks it queues.
            let marked = sqlx::query(
                "UPDATE votes SET reminded_for = deadline WHERE id = $1 AND deadline = $2 AND closed_at IS NULL \
                 AND (reminded_for IS NULL OR reminded_for <> deadline)",
            )
            .bind(vote.0)
            .bind(deadline)
            .execute(&mut *tx)
            .await
            .map_err(fail)?
            .rows_affected();
            if marked != 1 {
                continue;
            }
            let message = OutboxMessage::VoteReminder { vote };
            let occurrence = format!("reminder:{vote}:{}", from_millis(deadline).timestamp());
            let people = electorate_people(&mut tx, vote, Whom::Voters, true).await?;
            queued += queue_private(&mut tx, &people, &message, &occurrence, Some(Topic::Votes), now).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(queued)
    }

    async fn create_statement(&self, new: &NewStatement, now: DateTime<Utc>) -> StoreResult<Statement> {
        let mut tx = self.write().await?;
        if let Some(campaign) = new.campaign
            && campaign_in(&mut tx, campaign).await?.is_none()
        {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("campaign {campaign}")));
        }
        let id: i64 = sqlx::query(
            "INSERT INTO statements (campaign_id, version, deadline, time_zone, written_by, created_at) \
             VALUES ($1, 1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(new.campaign.map(|campaign| campaign.0))
        .bind(new.deadline.map(millis))
        .bind(new.zone.name())
        .bind(new.written_by.map(|person| person.0))
        .bind(millis(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?
        .try_get("id")
        .map_err(fail)?;
        let statement = StatementId(id);
        add_version(&mut tx, statement, 1, &new.title, &new.text, new.written_by, now).await?;
        let posted = statement_in(&mut tx, statement, "")
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("statement {statement}")))?;
        tx.commit().await.map_err(fail)?;
        Ok(posted)
    }

    async fn statement(&self, id: StatementId) -> StoreResult<Option<StatementRecord>> {
        let mut tx = self.pool.begin().await.map_err(fail)?;
        let Some(statement) = statement_in(&mut tx, id, "").await? else {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        };
        let versions = sqlx::query(
            "SELECT version, title, body, written_by, written_at FROM statement_versions WHERE statement_id = $1 \
             ORDER BY version",
        )
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| {
            Ok(StatementVersion {
                version: version_of(row)?,
                title: json(row, "title")?,
                text: json(row, "body")?,
                written_by: person_of(row, "written_by")?,
                at: from_millis(row.try_get("written_at").map_err(fail)?),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
        let signatures = sqlx::query(
            "SELECT s.association_id, s.association_name AS name, s.association_city AS city, s.person_id, \
             s.person_name, s.channel, s.version, s.signed_at, s.voided FROM statement_signatures s \
             WHERE s.statement_id = $1 ORDER BY s.signed_at, s.version, s.association_id",
        )
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await
        .map_err(fail)?
        .iter()
        .map(|row| {
            Ok(Signature {
                association: AssociationId(row.try_get("association_id").map_err(fail)?),
                association_name: row.try_get("name").map_err(fail)?,
                city: row.try_get("city").map_err(fail)?,
                person: person_of(row, "person_id")?,
                person_name: row.try_get("person_name").map_err(fail)?,
                channel: channel_of(row)?,
                version: version_of(row)?,
                at: from_millis(row.try_get("signed_at").map_err(fail)?),
                voided: flag(row, "voided")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(StatementRecord {
            statement,
            versions,
            signatures,
        }))
    }

    async fn statements(&self, open_only: bool) -> StoreResult<Vec<Statement>> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM {STATEMENT_FROM} WHERE ($1 = 0 OR s.closed_at IS NULL) \
             ORDER BY s.created_at DESC, s.id DESC"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(open_only))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .iter()
            .map(statement_from)
            .collect()
    }

    async fn edit_statement(
        &self,
        id: StatementId,
        title: &Written,
        text: &Written,
        by: Option<PersonId>,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Statement>> {
        let mut tx = self.write().await?;
        let Some(current) = statement_in(&mut tx, id, self.lock()).await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("statement {id}")));
        };
        if !current.is_open(now) {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::Conflict(format!("statement {id} is closed")));
        }
        if current.title == *title && current.text == *text {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        }
        let version = current.version + 1;
        sqlx::query("UPDATE statements SET version = $1 WHERE id = $2")
            .bind(i64::from(version))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let voided = signers(&mut tx, id, current.version).await?;
        sqlx::query(
            "UPDATE statement_signatures SET voided = 1 WHERE statement_id = $1 AND version = $2 AND voided = 0",
        )
        .bind(id.0)
        .bind(i64::from(current.version))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        let changed = OutboxMessage::StatementChanged { statement: id, version };
        queue_private(
            &mut tx,
            &voided,
            &changed,
            &format!("changed:{id}:{version}"),
            None,
            now,
        )
        .await?;
        add_version(&mut tx, id, version, title, text, by, now).await?;
        let edited = statement_in(&mut tx, id, "").await?;
        tx.commit().await.map_err(fail)?;
        Ok(edited)
    }

    async fn sign_statement(&self, signature: &NewSignature, now: DateTime<Utc>) -> StoreResult<SignOutcome> {
        let mut tx = self.write().await?;
        let Some(statement) = statement_in(&mut tx, signature.statement, self.lock()).await? else {
            tx.rollback().await.map_err(fail)?;
            return Err(StoreError::NotFound(format!("statement {}", signature.statement)));
        };
        let allowed = sqlx::query(
            "SELECT 1 AS yes FROM memberships m WHERE m.person_id = $1 AND m.association_id = $2 \
             AND (m.role = 'manager' OR EXISTS (SELECT 1 FROM delegates d WHERE d.association_id = m.association_id \
             AND d.person_id = m.person_id))",
        )
        .bind(signature.person.0)
        .bind(signature.association.0)
        .fetch_optional(&mut *tx)
        .await
        .map_err(fail)?
        .is_some();
        let refused = if !statement.is_open(now) {
            Some(SignOutcome::Closed)
        } else if signature.version != statement.version {
            Some(SignOutcome::StaleVersion {
                current: statement.version,
            })
        } else if !allowed {
            Some(SignOutcome::NotAllowed)
        } else {
            None
        };
        if let Some(refused) = refused {
            tx.rollback().await.map_err(fail)?;
            return Ok(refused);
        }
        let name = display_name(&mut tx, signature.person).await?.unwrap_or_default();
        let signed = sqlx::query(
            "INSERT INTO statement_signatures (statement_id, version, association_id, person_id, person_name, \
             channel, signed_at, voided, association_name, association_city) \
             SELECT $1, $2, $3, $4, $5, $6, $7, 0, a.name, a.city FROM associations a WHERE a.id = $3 \
             ON CONFLICT (statement_id, version, association_id) DO NOTHING",
        )
        .bind(signature.statement.0)
        .bind(i64::from(signature.version))
        .bind(signature.association.0)
        .bind(signature.person.0)
        .bind(name)
        .bind(signature.channel.code())
        .bind(millis(now))
        .execute(&mut *tx)
        .await
        .map_err(fail)?
        .rows_affected();
        tx.commit().await.map_err(fail)?;
        Ok(if signed > 0 {
            SignOutcome::Signed
        } else {
            SignOutcome::AlreadySigned
        })
    }

    async fn close_statement(&self, id: StatementId, now: DateTime<Utc>) -> StoreResult<Option<Statement>> {
        let mut tx = self.write().await?;
        if !close_once(&mut tx, Closing::Statements, id.0, now).await? {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        }
        let Some(statement) = statement_in(&mut tx, id, "").await? else {
            tx.rollback().await.map_err(fail)?;
            return Ok(None);
        };
        let message = OutboxMessage::StatementClosed { statement: id };
        let occurrence = format!("statement:{id}");
        let groups = statement_groups(&mut tx, id).await?;
        queue_in_groups(&mut tx, &groups, &message, (&occurrence, ""), now, now).await?;
        let signed = signers(&mut tx, id, statement.version).await?;
        queue_private(&mut tx, &signed, &message, &occurrence, None, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(statement))
    }

    async fn statements_due(&self, now: DateTime<Utc>) -> StoreResult<Vec<StatementId>> {
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        let sql = "SELECT id FROM statements WHERE closed_at IS NULL AND deadline IS NOT NULL AND deadline <= $1 \
                   ORDER BY deadline, id";
        Ok(ids(&mut conn, sql, &[millis(now)])
            .await?
            .into_iter()
            .map(StatementId)
            .collect())
    }
}

/// What closes once.
#[derive(Clone, Copy)]
enum Closing {
    Votes,
    Statements,
}

/// Closes row `id` of a vote or a statement unless it is closed: true only for the call that
/// closed it, however many instances try at once (the second waits for the first's row lock,
/// then finds it closed).
async fn close_once(conn: &mut AnyConnection, closing: Closing, id: i64, now: DateTime<Utc>) -> StoreResult<bool> {
    let sql = match closing {
        Closing::Votes => "UPDATE votes SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
        Closing::Statements => "UPDATE statements SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
    };
    let closed = sqlx::query(sql)
        .bind(millis(now))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(fail)?
        .rows_affected();
    Ok(closed == 1)
}

/// How long a group's count waits for more ballots before it is edited: at most four edits a minute.
const COUNT_SLOT_SECONDS: i64 = 15;

/// Adds `groups` to a campaign's (those it has stay).
async fn add_campaign_groups(
    conn: &mut AnyConnection,
    campaign: CampaignId,
    groups: &[GroupChatId],
) -> StoreResult<()> {
    let unique: BTreeSet<GroupChatId> = groups.iter().copied().collect();
    for group in unique {
        sqlx::query(
            "INSERT INTO campaign_groups (campaign_id, group_id) VALUES ($1, $2) \
             ON CONFLICT (campaign_id, group_id) DO NOTHING",
        )
        .bind(campaign.0)
        .bind(group.0)
        .execute(&mut *conn)
        .await
        .map_err(fail)?;
    }
    Ok(())
}

/// Records `version` of a statement's words and posts it in its campaign's groups
/// (`StatementPosted`, occurrence `posted:<id>:<version>@<group>`).
async fn add_version(
    conn: &mut AnyConnection,
    statement: StatementId,
    version: u32,
    title: &Written,
    text: &Written,
    by: Option<PersonId>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO statement_versions (statement_id, version, title, body, written_by, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(statement.0)
    .bind(i64::from(version))
    .bind(to_json(title)?)
    .bind(to_json(text)?)
    .bind(by.map(|person| person.0))
    .bind(millis(now))
    .execute(&mut *conn)
    .await
    .map_err(fail)?;
    let message = OutboxMessage::StatementPosted { statement, version };
    let occurrence = format!("posted:{statement}:{version}");
    let groups = statement_groups(conn, statement).await?;
    queue_in_groups(conn, &groups, &message, (&occurrence, ""), now, now).await?;
    Ok(())
}
