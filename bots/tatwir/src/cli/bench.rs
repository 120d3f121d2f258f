//! `tatwir bench broadcast`: one announcement to generated members through the real Telegram
//! adapter and the outbox, against the loopback Bot API server (the `bench` feature).
//! `tatwir bench vote`: one vote of many associations in a Telegram group, every delegate pressing
//! their button there, through the real adapter's update path and the outbox.
//! `tatwir bench certificate`: the time to draw one certificate picture, in each language.

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::Subcommand;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tatwir_botapi::{BotApiServer, TgChat, TgUser};
use tatwir_core::association::{AssociationDraft, AssociationId};
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::{BroadcastStore, NewBroadcast, Topic};
use tatwir_core::campaign::{CampaignStatus, CampaignStore, NewCampaign, NewVote, Participants, Vote, Written};
use tatwir_core::clock::SystemClock;
use tatwir_core::engine::Engine;
use tatwir_core::group::GroupChatId;
use tatwir_core::language::Language;
use tatwir_core::meeting::MeetingStore;
use tatwir_core::person::{Channel, Identity};
use tatwir_core::role::Role;
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
    /// One vote of DELEGATES associations, each with one Telegram delegate (also its manager), in
    /// one group: every delegate presses a button of the group's ballot, then the vote closes.
    Vote {
        #[arg(long, default_value_t = 200)]
        delegates: u64,
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
        BenchCommand::Vote { delegates } => {
            println!("{}", bench_vote(delegates).await?);
            return Ok(());
        }
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

/// What the vote benchmark measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteReport {
    pub delegates: u64,
    /// From the first press to the group's ballot showing every association counted.
    pub all_counted_ms: u64,
    /// From the close to the result in the group and in every manager's private chat.
    pub close_and_results_ms: u64,
    /// The most new messages in the group within any 60 seconds, by the server's records.
    pub max_group_per_minute: u64,
    /// Edits of the group's messages (the ballot's count, then its closed version).
    pub group_edits: u64,
    /// Presses not counted, and results not delivered (to the group or a manager).
    pub lost: u64,
    /// Messages posted more than once: the ballot or the result in the group, a manager's result.
    pub duplicates: u64,
}

impl std::fmt::Display for VoteReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "delegates={} time_to_all_counted_ms={} time_to_close_and_post_results_ms={} \
             max_group_messages_per_minute={} group_edits={} lost={} duplicates={}",
            self.delegates,
            self.all_counted_ms,
            self.close_and_results_ms,
            self.max_group_per_minute,
            self.group_edits,
            self.lost,
            self.duplicates
        )
    }
}

/// Opens a vote on a new open campaign of `associations`, posted in `groups`: for, against,
/// abstain; open ballots; quorum 50 %, simple majority; closing at `deadline`.
pub async fn open_coalition_vote(
    store: &SqlStore,
    associations: Vec<AssociationId>,
    groups: Vec<GroupChatId>,
    now: DateTime<Utc>,
    deadline: DateTime<Utc>,
) -> anyhow::Result<Vote> {
    let campaign = NewCampaign {
        title: Written::french("Accès à l'eau dans les quartiers"),
        text: Written::french("La coalition demande un accès à l'eau potable dans chaque quartier."),
        links: Vec::new(),
        participants: Participants::Listed { associations },
        groups,
        status: CampaignStatus::Open,
        proposed_by: None,
    };
    let campaign = store.create_campaign(&campaign, now).await?;
    let vote = NewVote::new(
        campaign.id,
        Written::french("Soutenez-vous la position ?"),
        deadline,
        chrono_tz::Africa::Casablanca,
    );
    Ok(store.open_vote(&vote, now).await?)
}

/// Waits until `found` gives something, or `timeout` has passed (`None`).
async fn wait_for<T>(timeout: Duration, mut found: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = found() {
            return Some(value);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Runs the vote benchmark: `delegates` associations, each with one person on Telegram who
/// manages it and is its delegate; one group, where the ballot is posted; every delegate presses
/// a button of it (callback queries through the loopback server, received by the real adapter),
/// then the vote is closed and its result delivered, at Telegram's own pace.
pub async fn bench_vote(delegates: u64) -> anyhow::Result<VoteReport> {
    anyhow::ensure!(delegates >= 2, "--delegates must be at least 2");
    let token = "1001:vote-benchmark";
    let bot = TgUser {
        username: Some("tatwir_bench_bot".into()),
        ..TgUser::new(1001, "Tatwir")
    };
    let api = BotApiServer::start(token, bot).await?;
    let dir = tempfile::tempdir()?;
    let store = SqlStore::connect(&DatabaseUrl::sqlite_in(dir.path())).await?;
    let now = Utc::now();
    let first_user = 6_000_000_i64;
    let mut associations = Vec::new();
    let mut users = Vec::new();
    for i in 0..delegates as i64 {
        let draft = AssociationDraft::new(&format!("Association {i}"), "Tanger")?;
        let association = store.create_association(&draft, now).await?.association.id;
        store.bench_people(association, first_user + i, 1).await?;
        let identity = Identity::new(Channel::Telegram, (first_user + i).to_string());
        let person = store.person_by_identity(&identity).await?.context("a delegate")?.id;
        store.grant_role(person, Role::Manager, Some(association), now).await?;
        store.name_delegate(association, person, now).await?;
        let user = TgUser::new(first_user + i, &format!("Délégué {i}"));
        api.introduce(&user, &TgChat::Private);
        associations.push(association);
        users.push(user);
    }
    let group_chat = -1_000_777_i64;
    let chat = TgChat::Supergroup {
        id: group_chat,
        title: "Coalition".into(),
    };
    api.introduce(&users[0], &chat);
    store
        .note_group_chat(Channel::Telegram, &group_chat.to_string(), "Coalition", now)
        .await?;
    let group = store
        .group_chat_at(Channel::Telegram, &group_chat.to_string())
        .await?
        .context("the group")?
        .id;
    let engine = Arc::new(Engine::new(
        store.clone(),
        SystemClock,
        Arc::new(tatwir_locales::localizer()?),
    ));
    let config = TelegramConfig {
        token: token.into(),
        api_url: Some(api.url()),
        webhook: None,
        limits: Limits::default(),
    };
    let telegram = Telegram::connect(config, engine, store.clone()).await?;
    let _running = tokio_util::task::AbortOnDropHandle::new(tokio::spawn(telegram.run(std::future::pending())));
    let vote = open_coalition_vote(&store, associations, vec![group], now, now + chrono::Duration::days(1)).await?;
    let ballot = wait_for(Duration::from_secs(60), || {
        api.sent_to(group_chat).into_iter().find(|sent| !sent.edited)
    })
    .await
    .context("the ballot was never posted in the group")?;
    let presses: Vec<String> = ballot
        .reply_markup
        .as_ref()
        .and_then(|markup| markup["inline_keyboard"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|button| button["callback_data"].as_str().map(str::to_owned))
        .collect();
    anyhow::ensure!(!presses.is_empty(), "the ballot has no buttons");

    let started = Instant::now();
    for (i, user) in users.iter().enumerate() {
        api.press(user, &chat, ballot.message_id, &presses[i % presses.len()]);
    }
    let everyone = format!("{delegates} associations ont voté sur {delegates}");
    let counted = wait_for(Duration::from_secs(60 + delegates / 5), || {
        api.message(group_chat, ballot.message_id)
            .and_then(|message| message.plain_text)
            .filter(|text| text.contains(&everyone))
    })
    .await;
    let all_counted_ms = started.elapsed().as_millis() as u64;
    let voted = store.vote_count(vote.id).await?.voted.len() as u64;
    if counted.is_none() {
        eprintln!("only {voted} of {delegates} associations were counted");
    }

    let closing = Instant::now();
    anyhow::ensure!(
        store.close_vote(vote.id, Utc::now()).await?.is_some(),
        "the vote was closed already"
    );
    let result = |chat: i64| {
        api.sent_to(chat)
            .into_iter()
            .filter(|sent| !sent.edited && sent.plain_text.as_deref().unwrap_or_default().contains("Résultat"))
            .count() as u64
    };
    let delivered = wait_for(Duration::from_secs(60 + delegates / 5), || {
        (result(group_chat) > 0 && users.iter().all(|user| result(user.id) > 0)).then_some(())
    })
    .await;
    let close_and_results_ms = closing.elapsed().as_millis() as u64;
    if delivered.is_none() {
        eprintln!("some results were not delivered in time");
    }
    // A moment for anything sent twice to arrive.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let in_group = api.sent_to(group_chat);
    // The ballot and the result are each posted once (a long result in several parts, only the
    // first of which has the heading).
    let ballots = in_group
        .iter()
        .filter(|sent| !sent.edited && sent.plain_text.as_deref().unwrap_or_default().contains("🗳 Vote"))
        .count() as u64;
    let results: Vec<u64> = users.iter().map(|user| result(user.id)).collect();
    let missing_results = results.iter().filter(|&&count| count == 0).count() as u64;
    let lost = delegates - voted + missing_results + u64::from(result(group_chat) == 0);
    let duplicates = ballots.saturating_sub(1)
        + result(group_chat).saturating_sub(1)
        + results.iter().map(|count| count.saturating_sub(1)).sum::<u64>();
    Ok(VoteReport {
        delegates,
        all_counted_ms,
        close_and_results_ms,
        max_group_per_minute: api.most_in_a_minute(group_chat) as u64,
        group_edits: in_group.iter().filter(|sent| sent.edited).count() as u64,
        lost,
        duplicates,
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
