//! The test kit's fresh databases, plus the `tatwir` binary run on one of them.

pub use tatwir_testkit::{TestDb, on_both_backends};

/// Runs the real `tatwir` binary of this build on a test database.
pub(crate) trait RunTatwir {
    /// Runs the `tatwir` command line on this database, in French; returns what it printed.
    /// It waits off the runtime's thread: the bot under test keeps running meanwhile, and does not
    /// hold a transaction open that the command would wait for.
    async fn tatwir(&self, args: &[&str]) -> String;
}

impl RunTatwir for TestDb {
    async fn tatwir(&self, args: &[&str]) -> String {
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
}
