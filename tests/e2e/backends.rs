//! Fresh databases for tests: a SQLite file in a temporary folder, or a PostgreSQL database of
//! its own (created from TATWIR_TEST_POSTGRES_URL and dropped afterwards).

use sqlx::Connection;
use std::future::Future;
use tatwir::database_url::{Backend, DatabaseUrl};
use tatwir::store::SqlStore;

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

    /// `None` when no PostgreSQL server is named.
    pub async fn postgres() -> Option<TestDb> {
        let admin = std::env::var(POSTGRES_ENV).ok().filter(|v| !v.is_empty())?;
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
        Some(TestDb {
            url: DatabaseUrl::new(url.to_string()).expect("postgres URL"),
            postgres: Some((admin, name)),
            _dir: None,
        })
    }

    pub async fn for_backend(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(TestDb::sqlite()),
            Backend::Postgres => TestDb::postgres().await,
        }
    }

    pub async fn store(&self) -> SqlStore {
        SqlStore::connect(&self.url)
            .await
            .expect("open and migrate the test database")
    }

    /// Runs the `tatwir` command line on this database, in French; returns what it printed.
    /// It waits off the runtime's thread: the bot under test keeps running meanwhile, and does not
    /// hold a transaction open that the command would wait for.
    pub async fn tatwir(&self, args: &[&str]) -> String {
        let url = self.url.expose().to_owned();
        let args: Vec<String> = args.iter().map(|&arg| arg.to_owned()).collect();
        let output = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_tatwir"))
                .args(args)
                .env("TATWIR_DATABASE_URL", url)
                .env("TATWIR_LOG", "warn")
                .env("TATWIR_LANG", "fr")
                .output()
                .expect("run tatwir")
        })
        .await
        .expect("the command's thread");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("UTF-8")
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
    let Some(db) = TestDb::for_backend(backend).await else {
        eprintln!("PostgreSQL not tested here: {POSTGRES_ENV} is not set (tests/run sets it)");
        return;
    };
    let outcome = tokio::spawn(test(db.url.clone())).await;
    db.drop_database().await;
    if let Err(error) = outcome {
        std::panic::resume_unwind(error.into_panic());
    }
}

/// Declares each listed `async fn(DatabaseUrl)` as one test per backend.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::backends::run_on(tatwir::database_url::Backend::Sqlite, super::$name).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::backends::run_on(tatwir::database_url::Backend::Postgres, super::$name).await;
                }
            )*
        }
    };
}
pub(crate) use on_both_backends;
