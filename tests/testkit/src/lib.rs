//! What Tatwir's tests share, so that each test builds its world one way:
//! - [`TestDb`]: a fresh database, a SQLite file in a temporary folder or a PostgreSQL database of
//!   its own (created on the server named by `TATWIR_TEST_POSTGRES_URL`, dropped afterwards);
//! - [`on_both_backends!`]: one test per backend from one `async fn(DatabaseUrl)`, the store
//!   contract's way of running the same assertions on SQLite and PostgreSQL;
//! - [`FakeClock`], re-exported: time moves only when a test says so.
//!
//! A PostgreSQL test never passes without PostgreSQL: when the variable is unset it fails and
//! says what to set (`tests/run` sets it, starting a throwaway server when none answers).

use sqlx::Connection;
use std::future::Future;
pub use tatwir_core::clock::FakeClock;
pub use tatwir_store::SqlStore;
pub use tatwir_store::database_url::{Backend, DatabaseUrl};

pub const POSTGRES_ENV: &str = "TATWIR_TEST_POSTGRES_URL";

pub struct TestDb {
    pub url: DatabaseUrl,
    postgres: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = DatabaseUrl::sqlite_in(dir.path());
        TestDb {
            url,
            postgres: None,
            _dir: Some(dir),
        }
    }

    /// A database of its own on the PostgreSQL server named by `TATWIR_TEST_POSTGRES_URL`;
    /// panics, saying what to set, when it is not set.
    pub async fn postgres() -> TestDb {
        let admin = std::env::var(POSTGRES_ENV)
            .ok()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| {
                panic!(
                    "{POSTGRES_ENV} is not set: this test runs on PostgreSQL too. Run tests/run (it provides a \
                 server), or set {POSTGRES_ENV} to a server where this user may CREATE DATABASE, e.g. \
                 postgres://postgres@127.0.0.1:5432/postgres"
                )
            });
        let name = format!("tatwir_test_{}_{:08x}", std::process::id(), rand_suffix());
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("{POSTGRES_ENV} is set but PostgreSQL does not answer: {e}"));
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create test database");
        conn.close().await.ok();
        let mut url = url::Url::parse(&admin).expect("valid PostgreSQL URL");
        url.set_path(&name);
        TestDb {
            url: DatabaseUrl::new(url.to_string()).expect("postgres URL"),
            postgres: Some((admin, name)),
            _dir: None,
        }
    }

    pub async fn for_backend(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => TestDb::sqlite(),
            Backend::Postgres => TestDb::postgres().await,
        }
    }

    pub async fn store(&self) -> SqlStore {
        SqlStore::connect(&self.url)
            .await
            .expect("open and migrate the test database")
    }

    pub async fn drop_database(self) {
        if let Some((admin, name)) = &self.postgres {
            let mut conn = sqlx::PgConnection::connect(admin).await.expect("reconnect to drop");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await
            .expect("drop test database");
            conn.close().await.ok();
        }
    }
}

fn rand_suffix() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    hasher.finish() as u32
}

/// Runs `test` against a fresh database of `backend`, and drops the database even when the
/// test fails.
pub async fn run_on<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(DatabaseUrl) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let db = TestDb::for_backend(backend).await;
    let outcome = tokio::spawn(test(db.url.clone())).await;
    db.drop_database().await;
    if let Err(error) = outcome {
        std::panic::resume_unwind(error.into_panic());
    }
}

/// Declares each listed `async fn(DatabaseUrl)` as one test per backend, in modules `sqlite`
/// and `postgres` (so a test reads `store_contract::postgres::claims_once`).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::run_on($crate::Backend::Sqlite, super::$name).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::run_on($crate::Backend::Postgres, super::$name).await;
                }
            )*
        }
    };
}
