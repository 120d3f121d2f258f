//! `tatwir broadcast send|status`.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use chrono::Utc;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::time::Duration;
use tatwir_core::args;
use tatwir_core::association::AssociationId;
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::{BroadcastId, BroadcastStore, DeliveryReport, NewBroadcast, Topic};
use tatwir_core::language::Language;
use tatwir_core::role::Role;
use tatwir_store::SqlStore;

#[derive(Debug, Subcommand)]
pub enum BroadcastCommand {
    /// Queue an announcement for an audience and follow its delivery.
    Send(SendArgs),
    /// Where a broadcast's messages are: sent, pending, failed, unreachable.
    Status {
        id: BroadcastId,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The text in French (read by everyone whose language has no text).
    #[arg(long)]
    pub text: String,
    /// The text in Arabic.
    #[arg(long)]
    pub text_ar: Option<String>,
    /// The text in Darija.
    #[arg(long)]
    pub text_ary: Option<String>,
    /// Members of this association (repeatable; all associations when absent).
    #[arg(long = "association", value_name = "ID")]
    pub associations: Vec<i64>,
    /// Only people with this role there (volunteer or manager).
    #[arg(long)]
    pub role: Option<Role>,
    /// Only associations of this city.
    #[arg(long)]
    pub city: Option<String>,
    /// Return once queued, without following the delivery.
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub output: Output,
}

pub async fn broadcast(config: &Config, printer: &Printer, command: BroadcastCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        BroadcastCommand::Send(send) => {
            let mut texts = BTreeMap::from([(Language::Fr, send.text.clone())]);
            for (language, text) in [(Language::Ar, &send.text_ar), (Language::Ary, &send.text_ary)] {
                if let Some(text) = text.as_ref().filter(|text| !text.trim().is_empty()) {
                    texts.insert(language, text.clone());
                }
            }
            if texts
                .values()
                .any(|text| text.trim().is_empty() || text.chars().count() > 4000)
            {
                anyhow::bail!(printer.say("cli-broadcast-text-invalid", None));
            }
            for &id in &send.associations {
                crate::cli::known_association(&store, printer, id).await?;
            }
            let broadcast = NewBroadcast {
                author: None,
                topic: Topic::Announcements,
                texts,
                audience: Audience {
                    associations: send.associations.iter().map(|&id| AssociationId(id)).collect(),
                    role: send.role,
                    city: send.city.clone(),
                    groups: Vec::new(),
                },
                request: None,
            };
            let (id, queued) = store.create_broadcast(&broadcast, Utc::now()).await?;
            if send.output.json {
                return print_json(&serde_json::json!({ "id": id, "recipients": queued }));
            }
            println!(
                "{}",
                printer.say(
                    "cli-broadcast-queued",
                    Some(&args! { "id" => id.0, "count" => queued as i64 })
                )
            );
            if send.no_wait || queued == 0 {
                return Ok(());
            }
            follow(&store, printer, id, queued).await
        }
        BroadcastCommand::Status { id, output } => {
            if store.broadcast(id).await?.is_none() {
                anyhow::bail!(printer.say("cli-broadcast-unknown", Some(&args! { "id" => id })));
            }
            let report = store.delivery_report(id).await?;
            if output.json {
                return print_json(&serde_json::to_value(report)?);
            }
            println!("{}", report_line(printer, id, report));
            Ok(())
        }
    }
}

fn report_line(printer: &Printer, id: BroadcastId, report: DeliveryReport) -> String {
    printer.say(
        "cli-broadcast-report",
        Some(&args! {
            "id" => id,
            "sent" => report.sent as i64,
            "pending" => report.pending as i64,
            "failed" => report.failed as i64,
            "unreachable" => report.unreachable as i64,
        }),
    )
}

/// A progress bar while `tatwir serve` delivers; Ctrl-C stops following, not the delivery.
async fn follow(store: &SqlStore, printer: &Printer, id: BroadcastId, total: u64) -> anyhow::Result<()> {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    loop {
        let report = store.delivery_report(id).await?;
        bar.set_position(report.sent + report.failed + report.unreachable);
        bar.set_message(report_line(printer, id, report));
        if report.pending == 0 {
            bar.finish_and_clear();
            println!("{}", report_line(printer, id, report));
            return Ok(());
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_millis(500)) => {}
            _ = tokio::signal::ctrl_c() => {
                bar.abandon();
                return Ok(());
            }
        }
    }
}
