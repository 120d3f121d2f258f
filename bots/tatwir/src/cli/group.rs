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
    /// Gives a group to an association (its managers then run it), or back to the platform.
    Claim {
        id: i64,
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "platform",
            conflicts_with = "platform"
        )]
        association: Option<i64>,
        /// The platform's again: coordinators alone run it.
        #[arg(long)]
        platform: bool,
    },
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
                        group
                            .owner
                            .map_or_else(|| printer.say("cli-group-platform", None), |owner| owner.to_string()),
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
                    "cli-col-association",
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
        GroupCommand::Claim { id, association, .. } => {
            use tatwir_core::store::Store;
            let owner = match association {
                Some(association) => {
                    let found = store
                        .association(tatwir_core::association::AssociationId(association))
                        .await?
                        .ok_or_else(|| {
                            anyhow::anyhow!(printer.say(
                                "cli-error-unknown-association",
                                Some(&args! { "association" => association })
                            ))
                        })?;
                    Some(found)
                }
                None => None,
            };
            if !store
                .set_group_owner(GroupChatId(id), owner.as_ref().map(|a| a.id))
                .await?
            {
                anyhow::bail!(printer.say("cli-error-unknown-group", Some(&args! { "group" => id })));
            }
            let args = args! {
                "group" => id,
                "association" => owner.map_or_else(|| "none".to_owned(), |a| a.name),
            };
            println!("{}", printer.say("cli-group-claimed", Some(&args)));
        }
    }
    Ok(())
}
