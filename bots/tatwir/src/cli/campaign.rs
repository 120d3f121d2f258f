//! `tatwir campaign|vote|statement …`: coordinators' cooperation from the command line, the
//! same store and rules as the chat.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use anyhow::{Context, bail};
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use clap::{Args, Subcommand};
use serde_json::json;
use tatwir_core::args;
use tatwir_core::association::AssociationId;
use tatwir_core::campaign::{
    Campaign, CampaignId, CampaignStatus, CampaignStore, Majority, NewCampaign, NewStatement, NewVote, Participants,
    Quorum, StatementId, Vote, VoteId, VoteOption, Written, decide,
};
use tatwir_core::group::GroupChatId;
use tatwir_core::store::StoreError;
use tatwir_store::SqlStore;

#[derive(Debug, Args)]
pub struct Words {
    /// In French (required).
    #[arg(long)]
    pub text: String,
    #[arg(long)]
    pub text_ar: Option<String>,
    #[arg(long)]
    pub text_ary: Option<String>,
}

// Parsed once from the command line: boxing the large `Add` would only make its match harder to read.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// A campaign, open at once; prints its id.
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        title_ar: Option<String>,
        #[arg(long)]
        title_ary: Option<String>,
        #[command(flatten)]
        words: Words,
        /// A link (http or https); repeat for several.
        #[arg(long = "link", value_name = "URL")]
        links: Vec<String>,
        /// An association taking part; repeat for several (all associations when none and no city).
        #[arg(long = "association", value_name = "ID")]
        associations: Vec<i64>,
        /// The associations of a city take part.
        #[arg(long)]
        city: Option<String>,
        /// A group chat its votes and statements are posted in; repeat for several.
        #[arg(long = "group", value_name = "ID")]
        groups: Vec<i64>,
        #[command(flatten)]
        output: Output,
    },
    /// Every campaign.
    List {
        #[command(flatten)]
        output: Output,
    },
    /// One campaign with its votes.
    Show {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
    /// Open a campaign a manager proposed.
    Open {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Subcommand)]
pub enum VoteCommand {
    /// Open a vote on a campaign; prints its id.
    Open(Box<VoteOpen>),
    /// Move an open vote's deadline; everyone taking part is told.
    Extend {
        id: i64,
        /// The new deadline, local time: 2027-02-07T18:00 (or "07/02/2027 18:00").
        #[arg(long)]
        deadline: String,
        #[command(flatten)]
        output: Output,
    },
    /// A vote: its status, count, who voted, and its result once closed.
    Show {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
    /// Close a vote now and publish its result.
    Close {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
    /// A vote's audit log: who changed an association's vote, when, on which channel (and what,
    /// for an open vote).
    Audit {
        id: i64,
        #[arg(long, value_name = "ID")]
        association: Option<i64>,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Args)]
pub struct VoteOpen {
    #[arg(long)]
    pub campaign: i64,
    #[arg(long)]
    pub question: String,
    #[arg(long)]
    pub question_ar: Option<String>,
    #[arg(long)]
    pub question_ary: Option<String>,
    /// An option of one's own (2 to 10; for, against and abstain when none). Abstaining is
    /// always offered.
    #[arg(long = "option", value_name = "TEXT")]
    pub options: Vec<String>,
    /// The options' Arabic, in the same order.
    #[arg(long = "option-ar", value_name = "TEXT")]
    pub options_ar: Vec<String>,
    /// The options' Darija, in the same order.
    #[arg(long = "option-ary", value_name = "TEXT")]
    pub options_ary: Vec<String>,
    /// The deadline, local time in --zone: 2027-02-07T18:00 (or "07/02/2027 18:00").
    #[arg(long)]
    pub deadline: String,
    /// The organiser's zone.
    #[arg(long, default_value = "Africa/Casablanca")]
    pub zone: String,
    #[arg(long, default_value = "50%")]
    pub quorum: String,
    #[arg(long, default_value = "simple")]
    pub majority: String,
    #[arg(long)]
    pub secret: bool,
    #[arg(long)]
    pub close_when_all_voted: bool,
    /// Show the running count of each option before the close.
    #[arg(long)]
    pub show_results: bool,
    /// A group chat to post it in (besides the campaign's); repeat for several.
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<i64>,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, Subcommand)]
pub enum StatementCommand {
    /// A joint statement, version 1; prints its id.
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        title_ar: Option<String>,
        #[arg(long)]
        title_ary: Option<String>,
        #[command(flatten)]
        words: Words,
        #[arg(long)]
        campaign: Option<i64>,
        /// Signatures until then, local time in --zone.
        #[arg(long)]
        deadline: Option<String>,
        #[arg(long, default_value = "Africa/Casablanca")]
        zone: String,
        #[command(flatten)]
        output: Output,
    },
    /// A new version: the signatures of the one before are voided and their signers told.
    Edit {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        title_ar: Option<String>,
        #[arg(long)]
        title_ary: Option<String>,
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        text_ar: Option<String>,
        #[arg(long)]
        text_ary: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// A statement with its versions and signatures.
    Show {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
    /// Close a statement now: its final text is posted and published.
    Close {
        id: i64,
        #[command(flatten)]
        output: Output,
    },
    /// The final text with its signatories, as Markdown, HTML or PDF.
    Export {
        id: i64,
        #[arg(long, value_parser = ["md", "html", "pdf"])]
        format: String,
        #[arg(long, default_value = "fr")]
        lang: String,
        /// Where to write it (standard output when absent).
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

/// A local date and time in `zone`: `2027-02-07T18:00`, `2027-02-07 18:00` or `07/02/2027 18:00`.
pub(crate) fn read_deadline(printer: &Printer, typed: &str, zone: &str) -> anyhow::Result<(DateTime<Utc>, Tz)> {
    let zone: Tz = zone
        .parse()
        .map_err(|_| anyhow::anyhow!(printer.say("cli-vote-bad-zone", Some(&args! { "zone" => zone.to_owned() }))))?;
    let normalized = typed.trim().replace('T', " ");
    let local = NaiveDateTime::parse_from_str(&normalized, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&normalized, "%d/%m/%Y %H:%M"))
        .map_err(|_| {
            anyhow::anyhow!(printer.say("cli-vote-bad-deadline", Some(&args! { "deadline" => typed.to_owned() })))
        })?;
    Ok((tatwir_core::local_time::resolve_local(zone, local), zone))
}

fn written(
    printer: &Printer,
    fr: &str,
    ar: Option<&str>,
    ary: Option<&str>,
    multiline: bool,
) -> anyhow::Result<Written> {
    let max = if multiline {
        tatwir_core::campaign::MAX_TEXT
    } else {
        tatwir_core::campaign::MAX_TITLE
    };
    Written::read(fr, ar, ary, multiline, max).map_err(|error| {
        anyhow::anyhow!(printer.say("cli-campaign-bad-words", Some(&args! { "why" => error.to_string() })))
    })
}

fn campaign_json(campaign: &Campaign) -> serde_json::Value {
    json!({
        "id": campaign.id,
        "title": campaign.title,
        "text": campaign.text,
        "links": campaign.links,
        "participants": campaign.participants,
        "groups": campaign.groups,
        "status": campaign.status.code(),
        "proposed_by": campaign.proposed_by,
        "created_at": campaign.created_at,
    })
}

async fn vote_json(store: &SqlStore, vote: &Vote) -> anyhow::Result<serde_json::Value> {
    let now = Utc::now();
    let count = store.vote_count(vote.id).await?;
    let decision = decide(vote, &count);
    let options: Vec<serde_json::Value> = vote
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let (text, kind) = match option {
                VoteOption::For => (None, "for"),
                VoteOption::Against => (None, "against"),
                VoteOption::Abstain => (None, "abstain"),
                VoteOption::Own { text } => (Some(text), "own"),
            };
            // The count of each option is public once the vote is closed, or while it runs if
            // the vote shows it.
            let shown = vote.closed_at.is_some() || vote.results_shown;
            json!({
                "index": i,
                "kind": kind,
                "text": text,
                "abstain": option.is_abstain(),
                "count": shown.then(|| decision.counts.get(i).copied().unwrap_or(0)),
            })
        })
        .collect();
    let closed = vote.closed_at.is_some();
    Ok(json!({
        "id": vote.id,
        "campaign": vote.campaign,
        "question": vote.question,
        "status": vote.status(now),
        "deadline": vote.deadline,
        "zone": vote.zone.name(),
        "quorum": vote.quorum.0,
        "majority": vote.majority.code(),
        "secret": vote.secret,
        "close_when_all_voted": vote.close_when_all_voted,
        "groups": vote.groups,
        "electorate": vote.electorate,
        "options": options,
        "voted": count.voted,
        "quorum_met": decision.quorum_met,
        "result": closed.then_some(&decision.outcome),
        "choices": (closed && !vote.secret).then(|| count.choices.iter().map(|(a, c)| json!({ "association": a, "option": c })).collect::<Vec<_>>()),
        "receipts": (closed && vote.secret).then(|| {
            count
                .published_receipts()
                .iter()
                .map(|(r, c)| json!({ "receipt": r.to_string(), "option": c }))
                .collect::<Vec<_>>()
        }),
        "opened_at": vote.opened_at,
        "closed_at": vote.closed_at,
    }))
}

fn store_error(printer: &Printer, error: StoreError, what: &str, id: i64) -> anyhow::Error {
    match error {
        StoreError::NotFound(_) => anyhow::anyhow!(printer.say(
            "cli-campaign-not-found",
            Some(&args! { "what" => what.to_owned(), "id" => id })
        )),
        StoreError::Conflict(why) => anyhow::anyhow!(printer.say(
            "cli-campaign-conflict",
            Some(&args! { "what" => what.to_owned(), "id" => id, "why" => why })
        )),
        other => other.into(),
    }
}

pub async fn campaign(config: &Config, printer: &Printer, command: CampaignCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    let now = Utc::now();
    match command {
        CampaignCommand::Add {
            title,
            title_ar,
            title_ary,
            words,
            links,
            associations,
            city,
            groups,
            output,
        } => {
            let title = written(printer, &title, title_ar.as_deref(), title_ary.as_deref(), false)?;
            let text = written(
                printer,
                &words.text,
                words.text_ar.as_deref(),
                words.text_ary.as_deref(),
                true,
            )?;
            let links = links
                .iter()
                .map(|link| {
                    tatwir_core::campaign::read_link(link).ok_or_else(|| {
                        anyhow::anyhow!(printer.say("cli-campaign-bad-link", Some(&args! { "link" => link.clone() })))
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let participants = match (associations.is_empty(), city) {
                (false, _) => Participants::Listed {
                    associations: associations.into_iter().map(AssociationId).collect(),
                },
                (true, Some(city)) => Participants::City {
                    city: tatwir_core::text::clean_line(&city),
                },
                (true, None) => Participants::All,
            };
            let new = NewCampaign {
                title,
                text,
                links,
                participants,
                groups: groups.into_iter().map(GroupChatId).collect(),
                status: CampaignStatus::Open,
                proposed_by: None,
            };
            let campaign = store.create_campaign(&new, now).await?;
            if output.json {
                return print_json(&campaign_json(&campaign));
            }
            println!(
                "{}",
                printer.say("cli-campaign-added", Some(&args! { "id" => campaign.id.0 }))
            );
        }
        CampaignCommand::List { output } => {
            let campaigns = store.campaigns().await?;
            if output.json {
                return print_json(&json!(campaigns.iter().map(campaign_json).collect::<Vec<_>>()));
            }
            for campaign in campaigns {
                println!("{}\t{}\t{}", campaign.id, campaign.status.code(), campaign.title.fr);
            }
        }
        CampaignCommand::Show { id, output } => {
            let Some(campaign) = store.campaign(CampaignId(id)).await? else {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "campaign", "id" => id })
                ));
            };
            let votes = store.votes(Some(campaign.id)).await?;
            if output.json {
                let mut value = campaign_json(&campaign);
                value["votes"] = json!(votes.iter().map(|v| v.id).collect::<Vec<_>>());
                return print_json(&value);
            }
            println!("{} · {}\n{}", campaign.id, campaign.title.fr, campaign.text.fr);
            for vote in votes {
                println!("  {} {} {}", vote.id, vote.status(now), vote.question.fr);
            }
        }
        CampaignCommand::Open { id, output } => {
            let Some(campaign) = store.open_campaign(CampaignId(id), now).await? else {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "campaign", "id" => id })
                ));
            };
            if output.json {
                return print_json(&campaign_json(&campaign));
            }
            println!("{}", printer.say("cli-campaign-opened", Some(&args! { "id" => id })));
        }
    }
    Ok(())
}

pub async fn vote(config: &Config, printer: &Printer, command: VoteCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    let now = Utc::now();
    match command {
        VoteCommand::Open(open) => {
            let VoteOpen {
                campaign,
                question,
                question_ar,
                question_ary,
                options,
                options_ar,
                options_ary,
                deadline,
                zone,
                quorum,
                majority,
                secret,
                close_when_all_voted,
                show_results,
                groups,
                output,
            } = *open;
            let question = written(
                printer,
                &question,
                question_ar.as_deref(),
                question_ary.as_deref(),
                false,
            )?;
            let options = if options.is_empty() {
                VoteOption::standard()
            } else {
                let mut own = Vec::new();
                for (i, option) in options.iter().enumerate() {
                    own.push(written(
                        printer,
                        option,
                        options_ar.get(i).map(String::as_str),
                        options_ary.get(i).map(String::as_str),
                        false,
                    )?);
                }
                VoteOption::own(own).ok_or_else(|| anyhow::anyhow!(printer.say("cli-vote-bad-options", None)))?
            };
            let (deadline, zone) = read_deadline(printer, &deadline, &zone)?;
            if deadline <= now {
                bail!(printer.say("cli-vote-past-deadline", None));
            }
            let quorum: Quorum = quorum.parse().map_err(|why: String| anyhow::anyhow!(why))?;
            let majority: Majority = majority.parse().map_err(|why: String| anyhow::anyhow!(why))?;
            let new = NewVote {
                campaign: CampaignId(campaign),
                question,
                options,
                deadline,
                zone,
                quorum,
                majority,
                secret,
                close_when_all_voted,
                results_shown: show_results,
                groups: groups.into_iter().map(GroupChatId).collect(),
                opened_by: None,
            };
            let vote = store
                .open_vote(&new, now)
                .await
                .map_err(|e| store_error(printer, e, "campaign", campaign))?;
            if output.json {
                return print_json(&vote_json(&store, &vote).await?);
            }
            println!(
                "{}",
                printer.say(
                    "cli-vote-opened",
                    Some(&args! { "id" => vote.id.0, "total" => vote.electorate.len() as i64 })
                )
            );
        }
        VoteCommand::Extend { id, deadline, output } => {
            let Some(vote) = store.vote(VoteId(id)).await? else {
                bail!(printer.say("cli-campaign-not-found", Some(&args! { "what" => "vote", "id" => id })));
            };
            let (deadline, _) = read_deadline(printer, &deadline, vote.zone.name())?;
            if deadline <= now {
                bail!(printer.say("cli-vote-past-deadline", None));
            }
            let vote = store
                .extend_vote(vote.id, deadline, now)
                .await
                .map_err(|e| store_error(printer, e, "vote", id))?;
            if output.json {
                return print_json(&vote_json(&store, &vote).await?);
            }
            println!("{}", printer.say("cli-vote-extended", Some(&args! { "id" => id })));
        }
        VoteCommand::Show { id, output } => {
            let Some(vote) = store.vote(VoteId(id)).await? else {
                bail!(printer.say("cli-campaign-not-found", Some(&args! { "what" => "vote", "id" => id })));
            };
            let value = vote_json(&store, &vote).await?;
            if output.json {
                return print_json(&value);
            }
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        VoteCommand::Close { id, output } => {
            let closed = store.close_vote(VoteId(id), now).await?;
            let Some(vote) = store.vote(VoteId(id)).await? else {
                bail!(printer.say("cli-campaign-not-found", Some(&args! { "what" => "vote", "id" => id })));
            };
            if output.json {
                let mut value = vote_json(&store, &vote).await?;
                value["closed_now"] = json!(closed.is_some());
                return print_json(&value);
            }
            let said = if closed.is_some() {
                "cli-vote-closed"
            } else {
                "cli-vote-already-closed"
            };
            println!("{}", printer.say(said, Some(&args! { "id" => id })));
        }
        VoteCommand::Audit {
            id,
            association,
            output,
        } => {
            let entries = store.vote_audit(VoteId(id), association.map(AssociationId)).await?;
            if output.json {
                return print_json(&json!(entries));
            }
            for entry in entries {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    entry.at.format("%Y-%m-%d %H:%M:%S UTC"),
                    entry.association,
                    entry.person_name,
                    entry.channel,
                    entry.choice.map(|c| c.to_string()).unwrap_or_else(|| "-".into())
                );
            }
        }
    }
    Ok(())
}

pub async fn statement(config: &Config, printer: &Printer, command: StatementCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    let now = Utc::now();
    match command {
        StatementCommand::Add {
            title,
            title_ar,
            title_ary,
            words,
            campaign,
            deadline,
            zone,
            output,
        } => {
            let title = written(printer, &title, title_ar.as_deref(), title_ary.as_deref(), false)?;
            let text = written(
                printer,
                &words.text,
                words.text_ar.as_deref(),
                words.text_ary.as_deref(),
                true,
            )?;
            let (deadline, zone) = match deadline {
                Some(deadline) => {
                    let (at, zone) = read_deadline(printer, &deadline, &zone)?;
                    (Some(at), zone)
                }
                None => (None, zone.parse().unwrap_or(tatwir_core::daily::DEFAULT_ZONE)),
            };
            if let Some(campaign) = campaign
                && store.campaign(CampaignId(campaign)).await?.is_none()
            {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "campaign", "id" => campaign })
                ));
            }
            let new = NewStatement {
                campaign: campaign.map(CampaignId),
                title,
                text,
                deadline,
                zone,
                written_by: None,
            };
            let statement = store.create_statement(&new, now).await?;
            if output.json {
                return print_json(&json!({ "id": statement.id, "version": statement.version }));
            }
            println!(
                "{}",
                printer.say("cli-statement-added", Some(&args! { "id" => statement.id.0 }))
            );
        }
        StatementCommand::Edit {
            id,
            title,
            title_ar,
            title_ary,
            text,
            text_ar,
            text_ary,
            output,
        } => {
            let Some(record) = store.statement(StatementId(id)).await? else {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "statement", "id" => id })
                ));
            };
            let current = &record.statement;
            // What is not given stays as it was, language by language.
            let merge = |old: &Written, fr: Option<String>, ar: Option<String>, ary: Option<String>| Written {
                fr: fr.unwrap_or_else(|| old.fr.clone()),
                ar: ar.or_else(|| old.ar.clone()),
                ary: ary.or_else(|| old.ary.clone()),
            };
            let title = merge(&current.title, title, title_ar, title_ary);
            let text = merge(&current.text, text, text_ar, text_ary);
            let title = written(printer, &title.fr, title.ar.as_deref(), title.ary.as_deref(), false)?;
            let text = written(printer, &text.fr, text.ar.as_deref(), text.ary.as_deref(), true)?;
            let edited = store
                .edit_statement(StatementId(id), &title, &text, None, now)
                .await
                .map_err(|e| store_error(printer, e, "statement", id))?;
            let version = edited.as_ref().map_or(current.version, |s| s.version);
            if output.json {
                return print_json(&json!({ "id": id, "version": version, "changed": edited.is_some() }));
            }
            let said = if edited.is_some() {
                "cli-statement-edited"
            } else {
                "cli-statement-unchanged"
            };
            println!(
                "{}",
                printer.say(said, Some(&args! { "id" => id, "version" => i64::from(version) }))
            );
        }
        StatementCommand::Show { id, output } => {
            let Some(record) = store.statement(StatementId(id)).await? else {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "statement", "id" => id })
                ));
            };
            let statement = &record.statement;
            let value = json!({
                "id": statement.id,
                "campaign": statement.campaign,
                "status": statement.status(now),
                "version": statement.version,
                "title": statement.title,
                "text": statement.text,
                "deadline": statement.deadline,
                "closed_at": statement.closed_at,
                "versions": record.versions,
                "signatures": record.signatures.iter().map(|s| json!({
                    "association": s.association,
                    "association_name": s.association_name,
                    "city": s.city,
                    "person": s.person,
                    "person_name": s.person_name,
                    "channel": s.channel,
                    "version": s.version,
                    "at": s.at,
                    "voided": s.voided,
                })).collect::<Vec<_>>(),
            });
            if output.json {
                return print_json(&value);
            }
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        StatementCommand::Close { id, output } => {
            let closed = store.close_statement(StatementId(id), now).await?;
            if store.statement(StatementId(id)).await?.is_none() {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "statement", "id" => id })
                ));
            }
            if output.json {
                return print_json(&json!({ "id": id, "closed_now": closed.is_some() }));
            }
            let said = if closed.is_some() {
                "cli-statement-closed"
            } else {
                "cli-statement-already-closed"
            };
            println!("{}", printer.say(said, Some(&args! { "id" => id })));
        }
        StatementCommand::Export {
            id,
            format,
            lang,
            output,
        } => {
            let Some(record) = store.statement(StatementId(id)).await? else {
                bail!(printer.say(
                    "cli-campaign-not-found",
                    Some(&args! { "what" => "statement", "id" => id })
                ));
            };
            let bytes = export(&record, &format, &lang, config)?;
            match output {
                Some(path) => std::fs::write(&path, bytes).with_context(|| path.display().to_string())?,
                None => {
                    use std::io::Write;
                    std::io::stdout().write_all(&bytes)?;
                }
            }
        }
    }
    Ok(())
}

/// A statement exported as Markdown, HTML or PDF in `lang` (written with tatwir-web's pages).
fn export(
    record: &tatwir_core::campaign::StatementRecord,
    format: &str,
    lang: &str,
    config: &Config,
) -> anyhow::Result<Vec<u8>> {
    let _ = config;
    let lang = tatwir_core::language::Language::from_typed_name(lang).unwrap_or(tatwir_core::language::Language::Fr);
    let locales = tatwir_locales::localizer()?;
    Ok(match format {
        "md" => tatwir_web::statements::markdown(record, lang, &locales).into_bytes(),
        "html" => {
            let here = tatwir_web::statements::path(record.statement.id);
            tatwir_web::statements::page(record, lang, &locales, &here)
                .into_string()
                .into_bytes()
        }
        _ => tatwir_render::document::pdf(&tatwir_web::statements::document(record, lang, &locales))?,
    })
}
