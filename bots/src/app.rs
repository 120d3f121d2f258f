//! One way to build the running service, used by `tatwir serve` and by the end-to-end tests.

use crate::config::Config;
use crate::store::SqlStore;
use anyhow::Context;
use std::net::SocketAddr;
use std::sync::Arc;
use tatwir_core::clock::SystemClock;
use tatwir_core::engine::Engine;
use tatwir_core::locale::Localizer;
use tokio::net::TcpListener;

pub type TatwirEngine = Engine<SqlStore, SystemClock>;

/// A channel and the settings that switch it on.
pub struct ChannelSwitch {
    pub name: &'static str,
    pub enabled: bool,
    pub enable_with: &'static str,
}

/// Which chat channels the environment enables.
pub fn channel_switches() -> Vec<ChannelSwitch> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    vec![
        ChannelSwitch {
            name: "telegram",
            enabled: set("TELOXIDE_TOKEN"),
            enable_with: "TELOXIDE_TOKEN",
        },
        ChannelSwitch {
            name: "matrix",
            enabled: set("MATRIX_HOMESERVER")
                && set("MATRIX_USER")
                && (set("MATRIX_PASSWORD") || set("MATRIX_ACCESS_TOKEN")),
            enable_with: "MATRIX_HOMESERVER, MATRIX_USER and MATRIX_PASSWORD or MATRIX_ACCESS_TOKEN",
        },
    ]
}

pub struct Application {
    pub engine: Arc<TatwirEngine>,
    pub store: SqlStore,
    listener: TcpListener,
    pub http_addr: SocketAddr,
}

impl Application {
    /// Opens and migrates the database and binds the HTTP port.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let store = open_store(config).await?;
        let locales = Arc::new(Localizer::bundled()?);
        let engine = Arc::new(Engine::new(store.clone(), SystemClock, locales));
        let (listener, http_addr) = crate::http::bind(config.http_addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.http_addr))?;
        Ok(Application {
            engine,
            store,
            listener,
            http_addr,
        })
    }

    /// Serves until `shutdown` completes.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        tracing::info!(address = %self.http_addr, "HTTP server listening (GET /healthz)");
        for channel in channel_switches() {
            if channel.enabled {
                tracing::warn!(
                    channel = channel.name,
                    "channel configured, but this build has no adapter for it yet"
                );
            } else {
                tracing::info!(
                    channel = channel.name,
                    enable_with = channel.enable_with,
                    "channel disabled"
                );
            }
        }
        tracing::info!(
            channel = "terminal",
            "use `tatwir chat --user NAME` to talk to the bot in a terminal"
        );
        axum::serve(self.listener, crate::http::router(self.store.clone()))
            .with_graceful_shutdown(shutdown)
            .await?;
        self.store.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Opens the configured database and brings its schema up to date.
pub async fn open_store(config: &Config) -> anyhow::Result<SqlStore> {
    let url = config.database_url();
    let store = SqlStore::connect(&url).await?;
    tracing::debug!(database = %url, "database ready");
    Ok(store)
}
