//! `tatwir group list|language`: the group chats the bot is in, which a meeting may invite, and the
//! language meeting messages are posted in there.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use clap::Subcommand;
use tatwir_core::args;
use tatwir_core::group::GroupChatId;
use tatwir_core::language::Language;
use tatwir_core::meeting::MeetingStore;

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// The group chats the bot has seen, with their ids for `meeting add --group`.
    List {
        #[command(flatten)]
        output: Output,
    },
    /// The language meeting messages are posted in, in a group: fr, ar or ary (`default`: French).
    Language { id: i64, language: String },
}

pub async fn run(config: &Config, printer: &Printer, command: GroupCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        GroupCommand::List { output } => {
            let groups = store.group_chats().await?;
            if output.json {
                return print_json(&serde_json::to_value(&groups)?);
            }
            if groups.is_empty() {
                println!("{}", printer.say("cli-groups-none", None));
                return Ok(());
            }
            let rows = groups
                .iter()
                .map(|group| {
                    vec![
                        group.id.0.to_string(),
                        group.channel.to_string(),
                        group.title.clone(),
                        group
                            .language
                            .map_or_else(String::new, |language| language.code().to_owned()),
                        if group.left {
                            printer.say("cli-group-left", None)
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            printer.table(
                &[
                    "cli-col-id",
                    "cli-col-channel",
                    "cli-col-title",
                    "cli-col-language",
                    "cli-col-status",
                ],
                rows,
            );
        }
        GroupCommand::Language { id, language } => {
            let language = match language.trim() {
                "default" => None,
                code => Some(code.parse::<Language>().map_err(|_| {
                    anyhow::anyhow!(printer.say("cli-error-language", Some(&args! { "language" => code.to_owned() })))
                })?),
            };
            if !store.set_group_language(GroupChatId(id), language).await? {
                anyhow::bail!(printer.say("cli-error-unknown-group", Some(&args! { "group" => id })));
            }
            let args = args! { "group" => id, "language" => language.unwrap_or(Language::FALLBACK).code() };
            println!("{}", printer.say("cli-group-language-set", Some(&args)));
        }
    }
    Ok(())
}
