//! `tatwir group list`: the group chats the bot is in, which a meeting may invite.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use clap::Subcommand;
use tatwir_core::meeting::MeetingStore;

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// The group chats the bot has seen, with their ids for `meeting add --group`.
    List {
        #[command(flatten)]
        output: Output,
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
                        if group.left {
                            printer.say("cli-group-left", None)
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            printer.table(
                &["cli-col-id", "cli-col-channel", "cli-col-title", "cli-col-status"],
                rows,
            );
        }
    }
    Ok(())
}
