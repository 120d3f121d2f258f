//! `tatwir outbox list|retry`: what waits to be delivered or was given up, and putting given-up
//! messages back (after an outage longer than `outbox_give_up_hours`, say).

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use chrono::Utc;
use clap::Subcommand;
use serde_json::json;
use tatwir_core::args;
use tatwir_core::outbox::{OutboxStatus, OutboxStore};

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// The messages waiting to be delivered and those given up, oldest first.
    List {
        /// Only the given-up ones.
        #[arg(long, conflicts_with = "all")]
        failed: bool,
        /// Also those sent and those whose chat cannot be reached.
        #[arg(long)]
        all: bool,
        /// At most this many.
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[command(flatten)]
        output: Output,
    },
    /// Puts given-up messages back, to be tried again from now: those named, or with --failed
    /// all of them.
    Retry {
        /// Message numbers, as `outbox list` shows them.
        ids: Vec<i64>,
        /// Every given-up message.
        #[arg(long)]
        failed: bool,
        #[command(flatten)]
        output: Output,
    },
}

pub async fn run(config: &Config, printer: &Printer, command: OutboxCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        OutboxCommand::List {
            failed,
            all,
            limit,
            output,
        } => {
            use OutboxStatus::{Failed, Pending, Sent, Unreachable};
            let statuses: &[OutboxStatus] = match (failed, all) {
                (true, _) => &[Failed],
                (_, true) => &[Pending, Failed, Sent, Unreachable],
                _ => &[Pending, Failed],
            };
            let entries = store.outbox_entries(statuses, limit).await?;
            if output.json {
                return print_json(&serde_json::to_value(&entries)?);
            }
            if entries.is_empty() {
                println!("{}", printer.say("cli-outbox-empty", None));
                return Ok(());
            }
            let rows = entries
                .iter()
                .map(|entry| {
                    vec![
                        entry.id.to_string(),
                        entry.kind.clone(),
                        entry.channel.to_string(),
                        entry.chat.clone(),
                        printer.say(
                            match entry.status {
                                OutboxStatus::Pending => "cli-outbox-pending",
                                OutboxStatus::Failed => "cli-outbox-failed",
                                OutboxStatus::Sent => "cli-outbox-sent",
                                OutboxStatus::Unreachable => "cli-outbox-unreachable",
                            },
                            None,
                        ),
                        entry.tries.to_string(),
                        entry.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                        entry.last_error.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            printer.table(
                &[
                    "cli-col-id",
                    "cli-col-kind",
                    "cli-col-channel",
                    "cli-col-chat",
                    "cli-col-status",
                    "cli-col-tries",
                    "cli-col-queued",
                    "cli-col-error",
                ],
                rows,
            );
        }
        OutboxCommand::Retry { ids, failed, output } => {
            if ids.is_empty() != failed {
                anyhow::bail!(printer.say("cli-error-outbox-retry", None));
            }
            let retried = store.retry_failed(&ids, Utc::now()).await?;
            if output.json {
                return print_json(&json!({ "retried": retried }));
            }
            println!(
                "{}",
                printer.say(
                    "cli-outbox-retried",
                    Some(&args! { "count" => tatwir_core::locale::count(retried as i64) })
                )
            );
        }
    }
    Ok(())
}
