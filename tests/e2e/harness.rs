//! One way to start the app in a test: [`TestApp::start`] builds it through
//! `Application::build_with_clock`, as `tatwir serve` builds it (the database opened and
//! migrated, stale claims released, the bundled pack imported and taught, the HTTP port bound on
//! port 0), with a fake clock that only the test moves. Rigs take the engine and the store from
//! it, and start a channel adapter on them the way `Application::run` does.

use std::path::PathBuf;
use std::sync::Arc;
use tatwir::app::{Application, TatwirEngine};
use tatwir::config::Config;
use tatwir_core::clock::Clock;
use tatwir_testkit::{DatabaseUrl, SqlStore};

/// The repository's toolbox packs, which `tatwir serve` teaches by default.
pub fn bundled_content() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// The configuration `tatwir serve` would read with `TATWIR_DATABASE_URL=url`, a data folder of
/// its own and a free port.
pub fn config(url: &DatabaseUrl, data_dir: PathBuf) -> Config {
    Config {
        database_url: Some(url.clone()),
        data_dir,
        content_dir: bundled_content(),
        http_addr: "127.0.0.1:0".parse().expect("a loopback address"),
        ..Config::default()
    }
}

pub struct TestApp {
    pub app: Application,
    _data: tempfile::TempDir,
}

impl TestApp {
    /// The app on the database at `url`, telling time by `clock`: a [`FakeClock`] for flows
    /// over days, the system's for a channel adapter talking to a real peer.
    ///
    /// [`FakeClock`]: tatwir_testkit::FakeClock
    pub async fn start(url: &DatabaseUrl, clock: impl Clock + 'static) -> TestApp {
        let data = tempfile::tempdir().expect("a data folder");
        let app = Application::build_with_clock(&config(url, data.path().to_owned()), clock)
            .await
            .expect("the app starts as tatwir serve starts it");
        TestApp { app, _data: data }
    }

    pub fn engine(&self) -> &Arc<TatwirEngine> {
        &self.app.engine
    }

    pub fn store(&self) -> &SqlStore {
        &self.app.store
    }
}
