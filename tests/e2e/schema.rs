//! Both migration sets must give one schema: the same tables, columns, kinds and nullability.

use crate::backends::TestDb;

#[tokio::test]
async fn sqlite_and_postgres_migrations_give_the_same_schema() {
    let sqlite = TestDb::sqlite();
    let sqlite_schema = sqlite.store().await.schema().await.expect("sqlite schema");
    assert!(
        sqlite_schema
            .iter()
            .any(|(table, column, ..)| table == "people" && column == "language")
    );
    let postgres = TestDb::postgres().await;
    let store = postgres.store().await;
    let postgres_schema = store.schema().await;
    store.close().await;
    postgres.drop_database().await;
    let postgres_schema = postgres_schema.expect("postgres schema");
    let only_sqlite: Vec<_> = sqlite_schema.iter().filter(|c| !postgres_schema.contains(c)).collect();
    let only_postgres: Vec<_> = postgres_schema.iter().filter(|c| !sqlite_schema.contains(c)).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migration sets drifted apart:\n only in SQLite: {only_sqlite:?}\n only in PostgreSQL: {only_postgres:?}"
    );
}
