//! The store on SQLite (one file, the default) or PostgreSQL (several instances), through
//! sqlx's `Any` driver: one implementation, one SQL dialect both understand (`$n` parameters,
//! `RETURNING`, `ON CONFLICT`), and per-backend migrations. Where the backends must differ
//! (locking a SQLite file for writing), the code says so.

use crate::database_url::{Backend, DatabaseUrl};
use chrono::{DateTime, TimeZone, Utc};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row, Transaction};
use std::time::Duration;
use tatwir_core::role::Role;
use tatwir_core::store::{StoreError, StoreResult};

mod broadcast;
mod campaign;
mod certificate;
mod channel;
mod conversation;
pub mod database_url;
mod identity;
mod label;
pub use channel::{Received, SentPoll};
mod learning;
mod meeting;
pub mod outbox;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    /// How long an undeliverable outbox item is tried before it is failed.
    give_up_after: chrono::Duration,
}

/// Stores a person's conversation ($1 person, $2 state as JSON, $3 time).
pub(crate) const SAVE_CONVERSATION: &str = "INSERT INTO conversations (person_id, state, updated_at) VALUES ($1, $2, $3) \
     ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at";

/// A database error, by kind: a missing row, a broken unique or foreign key, an unreachable or
/// busy database, a value that does not decode, or anything else.
pub(crate) fn fail(error: sqlx::Error) -> StoreError {
    use sqlx::Error;
    let text = error.to_string();
    match &error {
        Error::RowNotFound => StoreError::NotFound(text),
        Error::Database(database) if database.is_unique_violation() || database.is_foreign_key_violation() => {
            StoreError::Conflict(text)
        }
        Error::PoolTimedOut | Error::PoolClosed | Error::Io(_) | Error::Tls(_) | Error::WorkerCrashed => {
            StoreError::Unavailable(text)
        }
        // SQLite answers "database is locked" (SQLITE_BUSY, code 5) when a writer waited too long.
        Error::Database(database) if database.code().is_some_and(|code| code == "5" || code == "517") => {
            StoreError::Unavailable(text)
        }
        Error::ColumnDecode { .. } | Error::Decode(_) | Error::ColumnNotFound(_) | Error::TypeNotFound { .. } => {
            StoreError::Corrupt(text)
        }
        _ => StoreError::Failed(text),
    }
}

/// A value of ours that does not serialise (never expected: our types serialise).
pub(crate) fn unwritable(error: serde_json::Error) -> StoreError {
    StoreError::Failed(error.to_string())
}

/// A stored value that does not read as its type (JSON of another shape, an unknown code).
pub(crate) fn corrupt(error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(error.to_string())
}

/// Everyone's data is in the SQLite file: a folder made for it is the owner's alone (0700), and
/// the file is created, or tightened, to 0600 before SQLite opens it. SQLite gives its WAL and
/// shared-memory files the database file's mode; those left by an older version are tightened too.
fn private_database_file(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    if path.as_os_str().is_empty() || path.to_str() == Some(":memory:") {
        return Ok(());
    }
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
        && !parent.exists()
    {
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(parent)?;
    }
    // Created here only when missing: opening and closing an existing database file would drop
    // every POSIX lock this process's SQLite connections hold on it (locks are per process, and
    // any close releases them), letting two writers in at once.
    if !path.exists() {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        if std::path::Path::new(&file).exists() {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

/// `$first, $first+1, …`: `count` numbered placeholders, for a list bound one value each (the
/// `Any` driver has no array parameters that both backends read).
pub(crate) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn parse_role(raw: &str) -> StoreResult<Role> {
    raw.parse().map_err(corrupt)
}

impl SqlStore {
    /// Opens (creating a SQLite file and its folder if needed) without migrating.
    pub async fn open(url: &DatabaseUrl) -> StoreResult<Self> {
        sqlx::any::install_default_drivers();
        let backend = url.backend().map_err(|e| StoreError::Failed(e.to_string()))?;
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(30));
        let connect_to = match backend {
            Backend::Sqlite => {
                let raw = url.expose();
                let path = raw.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
                let path = path.split('?').next().unwrap_or_default();
                private_database_file(std::path::Path::new(path))
                    .map_err(|e| StoreError::Unavailable(format!("cannot prepare {url}: {e}")))?;
                options = options.max_connections(4).after_connect(|conn, _meta| {
                    Box::pin(async move {
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL",
                        )
                        .await?;
                        Ok(())
                    })
                });
                if raw.contains("mode=") {
                    raw.to_owned()
                } else if raw.contains('?') {
                    format!("{raw}&mode=rwc")
                } else {
                    format!("{raw}?mode=rwc")
                }
            }
            Backend::Postgres => {
                options = options.max_connections(10);
                url.expose().to_owned()
            }
        };
        let pool = options
            .connect(&connect_to)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot open {url}: {e}")))?;
        if backend == Backend::Sqlite {
            // WAL lets readers (the CLI, the HTTP server) work while the bot writes.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(fail)?;
        }
        Ok(SqlStore {
            pool,
            backend,
            give_up_after: tatwir_core::outbox::DEFAULT_GIVE_UP_AFTER,
        })
    }

    /// The same store, giving up undeliverable outbox items after `age` instead of a day.
    pub fn with_give_up_after(mut self, age: chrono::Duration) -> Self {
        self.give_up_after = age;
        self
    }

    /// Opens and brings the schema up to date.
    pub async fn connect(url: &DatabaseUrl) -> StoreResult<Self> {
        let store = Self::open(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Failed(format!("migration failed: {e}")))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The id of the pack last imported, to notice an import made by another process.
    pub async fn latest_pack(&self) -> StoreResult<Option<i64>> {
        sqlx::query("SELECT MAX(id) AS id FROM content_packs")
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?
            .try_get::<Option<i64>, _>("id")
            .map_err(fail)
    }

    /// Whether the database answers (for /healthz).
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(fail)
    }

    /// A transaction that will write. On SQLite it takes the write lock at once, so that two
    /// writers wait for each other instead of failing when a read turns into a write.
    pub(crate) async fn write(&self) -> StoreResult<Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(fail),
            Backend::Postgres => self.pool.begin().await.map_err(fail),
        }
    }

    /// Every table and its columns as (table, column, type class, nullable), for the schema test.
    pub async fn schema(&self) -> StoreResult<Vec<(String, String, String, bool)>> {
        let rows = match self.backend {
            Backend::Sqlite => {
                sqlx::query(
                    "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
                     CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END AS nullable \
                     FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(&self.pool)
                .await
            }
            Backend::Postgres => {
                sqlx::query(
                    "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                     data_type::text AS data_type, CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
                     FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(&self.pool)
                .await
            }
        }
        .map_err(fail)?;
        let mut columns = rows
            .iter()
            .map(|row| {
                let data_type: String = row.try_get("data_type")?;
                let class = match data_type.to_ascii_lowercase().as_str() {
                    "integer" | "bigint" | "int" | "smallint" => "integer",
                    "text" | "character varying" => "text",
                    "real" | "double precision" => "real",
                    "blob" | "bytea" => "blob",
                    other => {
                        return Ok((
                            row.try_get("table_name")?,
                            row.try_get("column_name")?,
                            format!("unknown:{other}"),
                            false,
                        ));
                    }
                };
                let nullable: i64 = row.try_get("nullable")?;
                Ok((
                    row.try_get("table_name")?,
                    row.try_get("column_name")?,
                    class.to_owned(),
                    nullable == 1,
                ))
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(fail)?;
        columns.sort();
        Ok(columns)
    }
}

/// SUM() is BIGINT on SQLite and NUMERIC on PostgreSQL; both read back through text.
pub(crate) fn integer(row: &AnyRow, column: &str) -> StoreResult<i64> {
    if let Ok(value) = row.try_get::<i64, _>(column) {
        return Ok(value);
    }
    let text: String = row.try_get(column).map_err(fail)?;
    text.parse().map_err(corrupt)
}
