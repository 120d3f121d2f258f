//! One way to build the running service, used by `tatwir serve` and by the end-to-end tests.

use crate::config::Config;
use anyhow::Context;
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use std::sync::Arc;
use tatwir_core::clock::{Clock, SystemClock};
use tatwir_core::content::Library;
use tatwir_core::engine::Engine;
use tatwir_core::learning::{LearningStore, queue_due_dailies};
use tatwir_core::person::Channel;
use tatwir_matrix::{Matrix, MatrixConfig};
use tatwir_store::SqlStore;
use tatwir_telegram::webhook::TelegramSlot;
use tatwir_telegram::{Telegram, TelegramConfig};
use tokio::net::TcpListener;
use tokio_util::task::AbortOnDropHandle;

/// How often the scheduler queues due messages and looks for a newly imported pack.
const SCHEDULER_TICK: std::time::Duration = std::time::Duration::from_secs(15);

/// The engine as the service runs it: on the SQL store.
pub type TatwirEngine = Engine<SqlStore>;

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
    /// Set from `TELOXIDE_TOKEN`; tests set it to point at the loopback Bot API server.
    pub telegram: Option<TelegramConfig>,
    /// The Telegram adapter once connected (tests wait on it).
    pub telegram_slot: TelegramSlot,
    /// Set from `MATRIX_*`; tests point it at their Synapse.
    pub matrix: Option<MatrixConfig>,
    /// Reverse proxies whose `X-Forwarded-For` the web server believes.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Draws certificates with `tatwir-render`.
pub struct Artist;

impl tatwir_core::certificate::CertificateArtist for Artist {
    fn png(&self, card: &tatwir_core::certificate::CertificateCard) -> Result<Vec<u8>, String> {
        tatwir_render::png(&render_card(card)).map_err(|error| error.to_string())
    }

    fn pdf(&self, card: &tatwir_core::certificate::CertificateCard) -> Result<Vec<u8>, String> {
        tatwir_render::pdf(&render_card(card)).map_err(|error| error.to_string())
    }
}

fn render_card(card: &tatwir_core::certificate::CertificateCard) -> tatwir_render::Card {
    tatwir_render::Card {
        right_to_left: card.right_to_left,
        heading: card.heading.clone(),
        holder: card.holder.clone(),
        statement: card.statement.clone(),
        track: card.track.clone(),
        lines: card.lines.clone(),
        issuer: card.issuer.clone(),
        qr_payload: card.qr_payload.clone(),
        qr_caption: card.qr_caption.clone(),
    }
}

impl Application {
    /// Opens and migrates the database and binds the HTTP port.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        Self::build_with_clock(config, SystemClock).await
    }

    /// [`Application::build`] telling time by `clock`: the tests' fake clock, which only they
    /// move. Everything else is built as `tatwir serve` builds it.
    pub async fn build_with_clock(config: &Config, clock: impl Clock + 'static) -> anyhow::Result<Self> {
        let store = open_store(config).await?;
        // Claims of processes that stopped (and of an earlier instance in this one) are freed;
        // those of a process still running beside this one are left to it.
        let own = std::process::id();
        let released = store
            .release_stale_claims(|pid| pid != own && std::path::Path::new(&format!("/proc/{pid}")).exists())
            .await?;
        if released > 0 {
            tracing::info!(released, "messages claimed before the last stop are queued again");
        }
        let locales = Arc::new(tatwir_locales::localizer()?);
        let engine = Arc::new(Engine::new(store.clone(), clock, locales));
        engine.set_library(load_library(&store, config, engine.clock().now()).await?);
        let telegram = TelegramConfig::from_env(config.telegram_webhook()?, config.telegram_limits())?;
        let matrix = MatrixConfig::from_env(&config.data_dir)?;
        let (listener, http_addr) = tatwir_web::bind(config.http_addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.http_addr))?;
        engine.set_publishing(tatwir_core::certificate::Publishing {
            artist: Some(Arc::new(Artist)),
            ..config.publishing(http_addr)
        });
        Ok(Application {
            trusted_proxies: config.trusted_proxies.clone(),
            engine,
            store,
            listener,
            http_addr,
            telegram,
            telegram_slot: TelegramSlot::default(),
            matrix,
        })
    }

    /// Serves until `shutdown` completes.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        tracing::info!(address = %self.http_addr, "HTTP server listening (GET /healthz)");
        for channel in channel_switches() {
            if channel.enabled {
                tracing::info!(channel = channel.name, "channel enabled");
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
        // A configured channel is "starting" from the first request on, so /readyz never reads
        // an empty list as ready.
        if self.telegram.is_some() {
            self.engine.health().starting(Channel::Telegram);
        }
        if self.matrix.is_some() {
            self.engine.health().starting(Channel::Matrix);
        }
        let scheduler = tokio::spawn(schedule(self.engine.clone(), self.store.clone()));
        let telegram = self.telegram.map(|config| {
            let (engine, store, slot) = (self.engine.clone(), self.store.clone(), self.telegram_slot.clone());
            tokio::spawn(async move {
                match Telegram::connect(config, engine, store).await {
                    Ok(telegram) => {
                        let _ = slot.set(telegram.clone());
                        telegram.run(std::future::pending()).await;
                    }
                    Err(error) => tracing::error!(%error, "the Telegram channel could not start"),
                }
            })
        });
        let matrix_slot: Arc<std::sync::OnceLock<Arc<Matrix>>> = Arc::default();
        let matrix = self.matrix.map(|config| {
            let (engine, store, slot) = (self.engine.clone(), self.store.clone(), matrix_slot.clone());
            AbortOnDropHandle::new(tokio::spawn(async move {
                // A homeserver that does not answer at start is waited for; only refused
                // credentials stop the channel (and /readyz says so).
                let health = engine.health().clone();
                health.starting(Channel::Matrix);
                let mut wait = std::time::Duration::from_secs(1);
                loop {
                    match Matrix::connect(config.clone(), engine.clone(), store.clone()).await {
                        Ok(matrix) => {
                            let _ = slot.set(matrix.clone());
                            return matrix.run().await;
                        }
                        Err(error) if tatwir_matrix::credentials_refused(&error) => {
                            health.refused(Channel::Matrix, chrono::Utc::now());
                            tracing::error!(%error, "the homeserver refused the Matrix credentials");
                            return;
                        }
                        Err(error) => {
                            health.failing(Channel::Matrix, chrono::Utc::now());
                            tracing::warn!(%error, ?wait, "the Matrix channel could not connect; trying again");
                            tokio::time::sleep(wait).await;
                            wait = (wait * 2).min(std::time::Duration::from_secs(60));
                        }
                    }
                }
            }))
        });
        // The issuer key is made by the first instance that starts (off the start's path: it
        // takes a moment), or by the first document that needs it, whichever comes first.
        let store = self.store.clone();
        tokio::spawn(async move {
            if let Err(error) = tatwir_web::certificates::signing_key(&store).await {
                tracing::warn!(%error, "could not make the issuer key; Open Badges documents wait for it");
            }
        });
        let router = tatwir_web::router(self.engine.clone(), self.trusted_proxies.clone())
            .merge(tatwir_telegram::webhook::router(self.telegram_slot.clone()));
        let served = axum::serve(
            self.listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        // The turns under way and the messages being sent get a few seconds to finish, and no
        // more is claimed from the outbox; then the channels stop. What is left is handled at the
        // next start: Telegram's updates wait in the inbox, a Matrix event is recorded as handled
        // only once its turn is over, claimed messages are taken back (and the engine refuses an
        // answer it already took).
        if let Some(connected) = self.telegram_slot.get() {
            connected.drain(SHUTDOWN_DEADLINE).await;
        }
        if let Some(connected) = matrix_slot.get() {
            connected.drain(SHUTDOWN_DEADLINE).await;
        }
        if let Some(telegram) = telegram {
            telegram.abort();
        }
        drop(matrix);
        scheduler.abort();
        served?;
        self.store.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// How long updates being handled are waited for at shutdown.
const SHUTDOWN_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens the configured database and brings its schema up to date.
pub async fn open_store(config: &Config) -> anyhow::Result<SqlStore> {
    let url = config.database_url();
    let store = SqlStore::connect(&url)
        .await?
        .with_give_up_after(chrono::Duration::hours(i64::from(config.outbox_give_up_hours.max(1))));
    tracing::debug!(database = %url, "database ready");
    Ok(store)
}

/// Imports the configured content folder when it is valid and differs from the pack taught so
/// far, then returns the pack to teach. A broken folder is reported and the previous pack kept.
pub async fn load_library(store: &SqlStore, config: &Config, now: DateTime<Utc>) -> anyhow::Result<Library> {
    let dir = &config.content_dir;
    if dir.is_dir() {
        match tatwir_content::load(dir) {
            Ok(library) => {
                let report = store.import_library(&library, now).await?;
                if report.changed {
                    tracing::info!(
                        dir = %dir.display(),
                        toolboxes = report.toolboxes,
                        lessons = report.lessons,
                        new = report.new_lessons,
                        changed = report.changed_lessons,
                        removed = report.removed_lessons,
                        "content imported"
                    );
                }
            }
            Err(problems) => {
                for problem in &problems {
                    tracing::warn!(%problem, "content problem");
                }
                tracing::warn!(
                    dir = %dir.display(),
                    problems = problems.len(),
                    "the content folder has problems (see `tatwir content check`): keeping the pack imported before"
                );
            }
        }
    } else {
        tracing::warn!(dir = %dir.display(), "no content folder: set TATWIR_CONTENT_DIR to teach toolboxes");
    }
    let library = store.library().await?.unwrap_or_default();
    tracing::info!(
        toolboxes = library.toolboxes.len(),
        lessons = library.lesson_count(),
        "teaching"
    );
    Ok(library)
}

/// Queues what is due at `now`: the daily lessons and the meetings' reminders. Failures are
/// logged; the next tick tries again.
pub async fn queue_due<S>(store: &S, now: chrono::DateTime<chrono::Utc>)
where
    S: tatwir_core::learning::LearningStore
        + tatwir_core::meeting::MeetingStore
        + tatwir_core::certificate::CertificateStore
        + tatwir_core::campaign::CampaignStore
        + tatwir_core::outbox::OutboxStore,
{
    match queue_due_dailies(store, now).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "daily lessons queued"),
        Err(error) => tracing::warn!(%error, "could not queue the daily lessons"),
    }
    match tatwir_core::meeting::queue_due_reminders(store, now).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "meeting reminders queued"),
        Err(error) => tracing::warn!(%error, "could not queue the meeting reminders"),
    }
    match tatwir_core::engine::certify::queue_expiry_reminders(store, now).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "certificate reminders queued"),
        Err(error) => tracing::warn!(%error, "could not queue the certificate reminders"),
    }
    match tatwir_core::engine::campaign::settle_due(store, now).await {
        Ok((0, 0, 0)) => {}
        Ok((votes, statements, reminders)) => {
            tracing::info!(
                votes,
                statements,
                reminders,
                "votes and statements closed, reminders queued"
            )
        }
        Err(error) => tracing::warn!(%error, "could not close the votes and statements due"),
    }
}

/// The daily evaluation of the associations' quality label under `library`'s rules (nothing
/// when the pack declares no label). Failures are logged; returns whether it ran to its end.
pub async fn evaluate_labels<S>(store: &S, library: &Library, now: DateTime<Utc>) -> bool
where
    S: tatwir_core::label::LabelStore + tatwir_core::store::Store,
{
    let Some(rules) = library.label.as_ref() else {
        return true;
    };
    match tatwir_core::label::evaluate_labels(store, rules, now).await {
        Ok(done) => {
            tracing::info!(
                associations = done.associations,
                granted = done.granted,
                extended = done.extended,
                lost = done.lost,
                warned = done.warned,
                "quality labels evaluated"
            );
            true
        }
        Err(error) => {
            tracing::warn!(%error, "could not evaluate the quality labels; trying again at the next tick");
            false
        }
    }
}

/// The scheduler: queues the daily lessons that are due, evaluates the quality labels once a
/// local day (the first tick of each day; the evaluation changes nothing if another instance
/// already ran it), and picks up a pack imported by `tatwir content import` while the service runs.
async fn schedule(engine: Arc<TatwirEngine>, store: SqlStore) {
    let mut tick = tokio::time::interval(SCHEDULER_TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pack = store.latest_pack().await.ok().flatten();
    let mut labels_evaluated: Option<chrono::NaiveDate> = None;
    loop {
        tick.tick().await;
        let now = engine.clock().now();
        queue_due(&store, now).await;
        let today = now.with_timezone(&tatwir_core::daily::DEFAULT_ZONE).date_naive();
        if labels_evaluated != Some(today) && evaluate_labels(&store, &engine.library(), now).await {
            labels_evaluated = Some(today);
        }
        let latest = store.latest_pack().await.ok().flatten();
        if latest != pack
            && let Ok(Some(library)) = store.library().await
        {
            tracing::info!(
                lessons = library.lesson_count(),
                "a new content pack was imported: teaching it"
            );
            engine.set_library(library);
            pack = latest;
        }
    }
}
