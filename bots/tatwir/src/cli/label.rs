//! `tatwir label show|evaluate`: an association's quality label and its checklist, under the
//! pack the service teaches; the daily evaluation run now.

use crate::app;
use crate::cli::{Output, Printer, known_association, print_json};
use crate::config::Config;
use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use tatwir_core::args;
use tatwir_core::label::{LabelRules, LabelStatus, LabelStore};
use tatwir_core::learning::LearningStore;
use tatwir_core::locale::count;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

#[derive(Debug, Subcommand)]
pub enum LabelCommand {
    /// An association's label: granted or not, and each criterion with what it has and needs.
    Show {
        /// The association's number.
        association: i64,
        #[command(flatten)]
        output: Output,
    },
    /// Evaluate every association's label now, as the service does once a day: grant, extend,
    /// or lose it and warn the managers.
    Evaluate {
        #[command(flatten)]
        output: Output,
    },
}

/// The label's rules in the pack taught.
async fn rules(store: &SqlStore, printer: &Printer) -> anyhow::Result<LabelRules> {
    store
        .library()
        .await?
        .and_then(|library| library.label)
        .ok_or_else(|| anyhow::anyhow!(printer.say("cli-label-none", None)))
}

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

pub async fn run(config: &Config, printer: &Printer, command: LabelCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        LabelCommand::Show { association, output } => {
            let id = known_association(&store, printer, association).await?;
            let rules = rules(&store, printer).await?;
            let name = store.association(id).await?.map(|found| found.name).unwrap_or_default();
            let Some(state) = store.label_state(id, &rules, Utc::now()).await? else {
                anyhow::bail!(printer.say(
                    "cli-error-unknown-association",
                    Some(&args! { "association" => association })
                ));
            };
            if output.json {
                let criteria: Vec<serde_json::Value> = state
                    .checklist
                    .criteria
                    .iter()
                    .map(|check| {
                        json!({
                            "id": check.id,
                            "kind": check.rule.kind(),
                            "met": check.met,
                            "actual": check.actual,
                            "needed": check.needed,
                            "out_of": check.out_of,
                        })
                    })
                    .collect();
                let adoption = state.checklist.adoption.as_ref();
                return print_json(&json!({
                    "association": id,
                    "name": name,
                    "granted": state.status.granted(),
                    "granted_at": state.granted_at(),
                    "valid_until": state.valid_until(),
                    "status": state.status,
                    "criteria": criteria,
                    "charter": {
                        "version": rules.charter.version,
                        "adopted_by": adoption.map(|a| a.adopted_by.clone()),
                        "adopted_at": adoption.map(|a| a.adopted_at),
                    },
                }));
            }
            let (state_code, since, until) = match state.status {
                LabelStatus::None => ("none", String::new(), String::new()),
                LabelStatus::Granted { since, until } => ("granted", day(since), day(until)),
                LabelStatus::Expired { since, at } => ("expired", day(since), day(at)),
                LabelStatus::Lost { since, at } => ("lost", day(since), day(at)),
            };
            let args = args! {
                "id" => association,
                "association" => name,
                "state" => state_code,
                "since" => since,
                "until" => until,
            };
            println!("{}", printer.say("cli-label-state", Some(&args)));
            let rows = state
                .checklist
                .criteria
                .iter()
                .map(|check| {
                    vec![
                        check.id.clone(),
                        printer.say(
                            if check.met {
                                "cli-label-met"
                            } else {
                                "cli-label-not-met"
                            },
                            None,
                        ),
                        check.actual.to_string(),
                        check.needed.to_string(),
                    ]
                })
                .collect();
            printer.table(
                &["cli-col-criterion", "cli-col-met", "cli-col-actual", "cli-col-needed"],
                rows,
            );
        }
        LabelCommand::Evaluate { output } => {
            let rules = rules(&store, printer).await?;
            let done = tatwir_core::label::evaluate_labels(&store, &rules, Utc::now()).await?;
            if output.json {
                return print_json(&serde_json::to_value(done)?);
            }
            let args = args! {
                "associations" => count(done.associations as i64),
                "granted" => count(done.granted as i64),
                "extended" => count(done.extended as i64),
                "lost" => count(done.lost as i64),
                "warned" => count(i64::try_from(done.warned).unwrap_or(i64::MAX)),
            };
            println!("{}", printer.say("cli-label-evaluated", Some(&args)));
        }
    }
    store.close().await;
    Ok(())
}
