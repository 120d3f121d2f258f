//! `tatwir bench broadcast`: one announcement to generated members through the real Telegram
//! adapter and the outbox, against the loopback Bot API server (the `bench` feature).
//! `tatwir bench certificate`: the time to draw one certificate picture, in each language.

use chrono::Utc;
use clap::Subcommand;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tatwir_botapi::{BotApiServer, TgChat, TgUser};
use tatwir_core::association::AssociationDraft;
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::{BroadcastStore, NewBroadcast, Topic};
use tatwir_core::clock::SystemClock;
use tatwir_core::engine::Engine;
use tatwir_core::language::Language;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;
use tatwir_telegram::{Limits, Telegram, TelegramConfig};

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// A broadcast to generated recipients through the real Telegram adapter and outbox, against
    /// the loopback Bot API server capped at RATE messages/s (429 above it).
    Broadcast {
        #[arg(long, default_value_t = 10_000)]
        recipients: u64,
        #[arg(long, default_value_t = 1_000)]
        rate: u32,
    },
    /// Draws certificates (PNG, then PDF) in French, Arabic and Darija, the way the chat and the
    /// verification page draw them, and prints the time per picture and its size.
    Certificate {
        #[arg(long, default_value_t = 50)]
        rounds: u32,
    },
}

/// What the broadcast benchmark measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenchReport {
    pub achieved_ratio: f64,
    pub rate_per_s: f64,
    pub too_many_requests: u64,
    pub duplicates: u64,
    pub lost: u64,
    pub peak_rss_mb: u64,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "achieved_ratio={:.3} rate_per_s={:.1} 429s={} duplicates={} lost={} peak_rss_mb={}",
            self.achieved_ratio, self.rate_per_s, self.too_many_requests, self.duplicates, self.lost, self.peak_rss_mb
        )
    }
}

pub async fn bench(command: BenchCommand) -> anyhow::Result<()> {
    let (recipients, rate) = match command {
        BenchCommand::Broadcast { recipients, rate } => (recipients, rate),
        BenchCommand::Certificate { rounds } => return bench_certificate(rounds),
    };
    anyhow::ensure!(recipients > 0 && rate > 0, "--recipients and --rate must be positive");
    let report = bench_broadcast(recipients, rate).await?;
    println!("{report}");
    Ok(())
}

/// Runs the broadcast benchmark: `recipients` generated people with a Telegram private chat, one
/// announcement to all, delivered by the real adapter through the outbox to the loopback Bot API
/// server capped at `rate` messages/s.
pub async fn bench_broadcast(recipients: u64, rate: u32) -> anyhow::Result<BenchReport> {
    let token = "1000:benchmark";
    let bot = TgUser {
        username: Some("tatwir_bench_bot".into()),
        ..TgUser::new(1000, "Tatwir")
    };
    let api = BotApiServer::start(token, bot).await?;
    api.set_rate_cap(Some(rate));
    let dir = tempfile::tempdir()?;
    let store = SqlStore::connect(&DatabaseUrl::sqlite_in(dir.path())).await?;
    let draft = AssociationDraft::new("Benchmark", "Tanger")?;
    let association = store.create_association(&draft, Utc::now()).await?.association.id;
    let first_user = 5_000_000_i64;
    store.bench_people(association, first_user, recipients).await?;
    for i in 0..recipients as i64 {
        api.introduce(&TgUser::new(first_user + i, "P"), &TgChat::Private);
    }
    let engine = Arc::new(Engine::new(
        store.clone(),
        SystemClock,
        Arc::new(tatwir_locales::localizer()?),
    ));
    // Just under the cap, with a burst small enough that no one-second window goes over it.
    let limits = Limits {
        overall_per_second: f64::from(rate) * 0.995,
        ..Limits::default()
    };
    let config = TelegramConfig {
        token: token.into(),
        api_url: Some(api.url()),
        webhook: None,
        limits,
    };
    let telegram = Telegram::connect(config, engine, store.clone()).await?;
    let broadcast = NewBroadcast {
        author: None,
        topic: Topic::Announcements,
        texts: BTreeMap::from([(Language::Fr, "Réunion des associations samedi à 10 h.".to_owned())]),
        audience: Audience::default(),
        request: None,
    };
    let started = Instant::now();
    let (id, queued) = store.create_broadcast(&broadcast, Utc::now()).await?;
    anyhow::ensure!(queued == recipients, "queued {queued} of {recipients}");
    let delivery = tokio_util::task::AbortOnDropHandle::new(tokio::spawn(telegram.clone().deliver_outbox()));
    let deadline = started + Duration::from_secs(60 + recipients / u64::from(rate) * 3);
    loop {
        let report = store.delivery_report(id).await?;
        if report.pending == 0 || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    drop(delivery);
    let mut per_chat: HashMap<i64, u64> = HashMap::new();
    for sent in api.sent().into_iter().filter(|sent| !sent.edited) {
        *per_chat.entry(sent.chat_id).or_default() += 1;
    }
    let delivered: u64 = per_chat.values().sum();
    let duplicates = per_chat.values().map(|count| count.saturating_sub(1)).sum();
    let lost = recipients.saturating_sub(per_chat.len() as u64);
    let rate_per_s = delivered as f64 / elapsed;
    Ok(BenchReport {
        achieved_ratio: rate_per_s / f64::from(rate),
        rate_per_s,
        too_many_requests: api.stats().too_many_requests,
        duplicates,
        lost,
        peak_rss_mb: peak_rss_mb(),
    })
}

/// The process's peak resident memory (Linux `VmHWM`), in MiB.
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// Draws each language's sample card `rounds` times as PNG and as PDF; prints the median and
/// the slowest time per picture, and the sizes.
fn bench_certificate(rounds: u32) -> anyhow::Result<()> {
    anyhow::ensure!(rounds > 0, "--rounds must be positive");
    for (language, card) in tatwir_render::sample_cards() {
        for (format, draw) in [
            (
                "png",
                tatwir_render::png as fn(&tatwir_render::Card) -> Result<Vec<u8>, tatwir_render::RenderError>,
            ),
            ("pdf", tatwir_render::pdf),
        ] {
            // One draw first: fonts are parsed once per process.
            let size = draw(&card)?.len();
            let mut times: Vec<Duration> = (0..rounds)
                .map(|_| {
                    let start = Instant::now();
                    let drawn = draw(&card);
                    let took = start.elapsed();
                    drawn.map(|_| took)
                })
                .collect::<Result<_, _>>()?;
            times.sort();
            let median = times[times.len() / 2];
            let slowest = times[times.len() - 1];
            println!(
                "certificate language={language} format={format} rounds={rounds} median_ms={:.1} max_ms={:.1} bytes={size}",
                median.as_secs_f64() * 1000.0,
                slowest.as_secs_f64() * 1000.0,
            );
        }
    }
    Ok(())
}
