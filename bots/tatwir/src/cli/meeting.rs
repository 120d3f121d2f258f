//! `tatwir meeting add|list|show|edit|cancel|ics|attendance`.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use chrono::Utc;
use clap::{Args, Subcommand};
use tatwir_core::args;
use tatwir_core::association::AssociationId;
use tatwir_core::audience::Audience;
use tatwir_core::group::GroupChatId;
use tatwir_core::language::Language;
use tatwir_core::meeting::draft::{MeetingDraft, read_agenda, read_link, read_place, read_reminders, read_title};
use tatwir_core::meeting::{IcsMethod, MeetingId, MeetingStore, Recurrence, parse_local_key};
use tatwir_core::role::Role;

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Create a meeting and invite its audience; prints the new meeting's id.
    Add(Box<AddArgs>),
    /// Every meeting.
    List {
        #[command(flatten)]
        output: Output,
    },
    /// One meeting.
    Show {
        id: MeetingId,
        #[command(flatten)]
        output: Output,
    },
    /// Change a meeting's title, agenda, times, place, link or repeat: everyone invited is told
    /// and may answer again. What is not given stays.
    Edit(Box<EditArgs>),
    /// Cancel a meeting: everyone invited is told.
    Cancel { id: MeetingId },
    /// The meeting as iCalendar (RFC 5545).
    Ics { id: MeetingId },
    /// Record who attended (PERSON: a number or an identity such as telegram:12345).
    Attendance {
        id: MeetingId,
        #[arg(required = true)]
        people: Vec<String>,
        /// Which occurrence of a repeating meeting (its local start, 2027-02-14T10:00); the first by default.
        #[arg(long)]
        occurrence: Option<String>,
        #[command(flatten)]
        output: Output,
    },
}

/// What `meeting add` and `meeting edit` both take.
#[derive(Debug, Args)]
pub struct Details {
    /// The title in Arabic.
    #[arg(long)]
    pub title_ar: Option<String>,
    /// The agenda in French (empty: none).
    #[arg(long)]
    pub agenda: Option<String>,
    /// Local end (for a new meeting, two hours after the start by default; else the length stays).
    #[arg(long)]
    pub end: Option<String>,
    /// IANA time zone of the times (Africa/Casablanca for a new meeting).
    #[arg(long)]
    pub tz: Option<String>,
    /// The place (empty: none).
    #[arg(long)]
    pub place: Option<String>,
    /// A link to follow it online, http(s) (empty: none).
    #[arg(long)]
    pub link: Option<String>,
    /// Repeat by a cron expression, seconds first (`0 0 10 * * SUN`).
    #[arg(long)]
    pub cron: Option<String>,
    /// Repeat every N weeks.
    #[arg(long, value_name = "N")]
    pub weekly: Option<u32>,
    /// Repeat every N months, on the same day.
    #[arg(long, value_name = "N")]
    pub monthly: Option<u32>,
    /// Remind those coming this long before each occurrence: 2d, 24h, 90m (repeatable; `none` for no
    /// reminders; 24h and 1h for a new meeting when absent).
    #[arg(long = "remind", value_name = "OFFSET")]
    pub remind: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The title in French.
    #[arg(long)]
    pub title: String,
    /// Local start, e.g. 2027-02-07T10:00.
    #[arg(long)]
    pub start: String,
    #[command(flatten)]
    pub details: Details,
    /// Invite the members of this association (repeatable; all associations when absent).
    #[arg(long = "association", value_name = "ID")]
    pub associations: Vec<i64>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub role: Option<Role>,
    /// Post the invitation in this group chat, where anyone may answer (repeatable; `tatwir group
    /// list` gives the ids). Only the groups are invited when no association, city or role is given.
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<i64>,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: MeetingId,
    /// The title in French.
    #[arg(long)]
    pub title: Option<String>,
    /// New local start; the length stays unless --end is given.
    #[arg(long)]
    pub start: Option<String>,
    #[command(flatten)]
    pub details: Details,
    /// Happens once from now on.
    #[arg(long)]
    pub once: bool,
}

/// Applies what was given to `draft`; the option at fault when something does not read.
fn apply(
    draft: &mut MeetingDraft,
    title: Option<&str>,
    start: Option<&str>,
    details: Details,
) -> Result<(), &'static str> {
    if let Some(title) = title {
        draft.title.insert(Language::Fr, read_title(title).ok_or("--title")?);
    }
    if let Some(ar) = details.title_ar.filter(|t| !t.trim().is_empty()) {
        draft.title.insert(Language::Ar, read_title(&ar).ok_or("--title-ar")?);
    }
    // Empty removes the agenda or the place.
    if let Some(agenda) = details.agenda {
        draft.agenda.clear();
        if !agenda.trim().is_empty() {
            draft
                .agenda
                .insert(Language::Fr, read_agenda(&agenda).ok_or("--agenda")?);
        }
    }
    if let Some(zone) = &details.tz {
        draft.zone = zone.parse().map_err(|_| "--tz")?;
    }
    if let Some(start) = start {
        draft.start = Some(parse_local_key(start).ok_or("--start")?);
    }
    if let Some(end) = &details.end {
        let end = parse_local_key(end).ok_or("--end")?;
        let start = draft.start.ok_or("--start")?;
        draft.minutes = Some(
            u32::try_from((end - start).num_minutes())
                .ok()
                .filter(|&m| m > 0)
                .ok_or("--end")?,
        );
    }
    if let Some(place) = details.place {
        draft.place = match place.trim() {
            "" => None,
            typed => Some(read_place(typed).ok_or("--place")?),
        };
    }
    if let Some(link) = details.link {
        draft.link = match link.trim() {
            "" => None,
            typed => Some(read_link(typed).ok_or("--link")?),
        };
    }
    if let Some(recurrence) = recurrence_of(details.cron.as_deref(), details.weekly, details.monthly)? {
        draft.recurrence = recurrence;
    }
    if !details.remind.is_empty() {
        draft.reminders = read_reminders(&details.remind.join(" ")).ok_or("--remind")?;
    }
    Ok(())
}

/// A new meeting's length when no --end is given, in minutes.
const DEFAULT_MINUTES: u32 = 120;

/// The repeat asked by `--cron`, `--weekly` or `--monthly` (at most one), if any.
fn recurrence_of(
    cron: Option<&str>,
    weekly: Option<u32>,
    monthly: Option<u32>,
) -> Result<Option<Recurrence>, &'static str> {
    match (cron, weekly, monthly) {
        (Some(expr), None, None) => Recurrence::parse_cron(expr).map(Some).map_err(|_| "--cron"),
        (None, Some(every), None) if every > 0 => Ok(Some(Recurrence::Weekly { every })),
        (None, None, Some(every)) if every > 0 => Ok(Some(Recurrence::Monthly { every })),
        (None, None, None) => Ok(None),
        _ => Err("--cron / --weekly / --monthly"),
    }
}

pub async fn run(config: &Config, printer: &Printer, command: MeetingCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        MeetingCommand::Add(add) => {
            let add = *add;
            let bad = |what: &str| {
                anyhow::anyhow!(printer.say("cli-meeting-invalid", Some(&args! { "what" => what.to_owned() })))
            };
            for &id in &add.associations {
                crate::cli::known_association(&store, printer, id).await?;
            }
            let known_groups = store.group_chats().await?;
            for &id in &add.groups {
                if !known_groups.iter().any(|group| group.id.0 == id && !group.left) {
                    anyhow::bail!(printer.say("cli-error-unknown-group", Some(&args! { "group" => id })));
                }
            }
            let mut draft = MeetingDraft::new(chrono_tz::Africa::Casablanca);
            draft.minutes = Some(DEFAULT_MINUTES);
            draft.audience = Some(Audience {
                associations: add.associations.iter().map(|&id| AssociationId(id)).collect(),
                role: add.role,
                city: add.city,
                groups: add.groups.iter().map(|&id| GroupChatId(id)).collect(),
            });
            apply(&mut draft, Some(&add.title), Some(&add.start), add.details).map_err(bad)?;
            let meeting = draft.to_new(None).map_err(|_| bad("--start"))?;
            let (id, invited) = store.create_meeting(&meeting, Utc::now()).await?;
            if add.output.json {
                return print_json(&serde_json::json!({ "id": id, "invited": invited }));
            }
            println!(
                "{}",
                printer.say(
                    "cli-meeting-created",
                    Some(&args! { "id" => id.0, "count" => invited as i64 })
                )
            );
        }
        MeetingCommand::List { output } => {
            let all = store.meetings().await?;
            if output.json {
                return print_json(&serde_json::to_value(&all)?);
            }
            if all.is_empty() {
                println!("{}", printer.say("cli-meetings-none", None));
                return Ok(());
            }
            let rows = all
                .iter()
                .map(|m| {
                    vec![
                        m.id.to_string(),
                        m.title_for(printer.language()).to_owned(),
                        format!("{} {}", m.time.start.format("%Y-%m-%d %H:%M"), m.time.zone),
                        if m.cancelled {
                            printer.say("cli-meeting-cancelled", None)
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            printer.table(
                &["cli-col-id", "cli-col-title", "cli-col-start", "cli-col-status"],
                rows,
            );
        }
        MeetingCommand::Show { id, output } => {
            let meeting = known(&store, printer, id).await?;
            if output.json {
                return print_json(&serde_json::to_value(&meeting)?);
            }
            println!("{}", meeting.ics(IcsMethod::Publish));
        }
        MeetingCommand::Edit(edit) => {
            let edit = *edit;
            let bad = |what: &str| {
                anyhow::anyhow!(printer.say("cli-meeting-invalid", Some(&args! { "what" => what.to_owned() })))
            };
            let meeting = known(&store, printer, edit.id).await?;
            let mut draft = MeetingDraft::editing(&meeting);
            let repeats =
                edit.details.cron.is_some() || edit.details.weekly.is_some() || edit.details.monthly.is_some();
            if edit.once {
                if repeats {
                    return Err(bad("--once"));
                }
                draft.recurrence = Recurrence::None;
            }
            apply(&mut draft, edit.title.as_deref(), edit.start.as_deref(), edit.details).map_err(bad)?;
            let changed = draft.to_new(meeting.organizer).map_err(|_| bad("--start"))?;
            match store.update_meeting(edit.id, &changed, Utc::now()).await? {
                None => anyhow::bail!(printer.say("cli-meeting-unknown", Some(&args! { "id" => edit.id }))),
                Some(count) => println!(
                    "{}",
                    printer.say(
                        "cli-meeting-changed",
                        Some(&args! { "id" => edit.id, "count" => count as i64 })
                    )
                ),
            }
        }
        MeetingCommand::Cancel { id } => {
            let announced = store.cancel_meeting(id, Utc::now()).await?;
            match announced {
                None => anyhow::bail!(printer.say("cli-meeting-unknown", Some(&args! { "id" => id }))),
                Some(count) => println!(
                    "{}",
                    printer.say(
                        "cli-meeting-cancel-done",
                        Some(&args! { "id" => id, "count" => count as i64 })
                    )
                ),
            }
        }
        MeetingCommand::Attendance {
            id,
            people,
            occurrence,
            output,
        } => {
            let meeting = known(&store, printer, id).await?;
            let occurrence = occurrence.unwrap_or_else(|| meeting.time.start.format("%Y-%m-%dT%H:%M").to_string());
            if parse_local_key(&occurrence).is_none() {
                anyhow::bail!(printer.say("cli-meeting-invalid", Some(&args! { "what" => "--occurrence" })));
            }
            let mut ids = Vec::new();
            for reference in &people {
                ids.push(crate::cli::find_person(&store, printer, reference).await?);
            }
            let recorded = store.record_attendance(id, &occurrence, &ids, Utc::now()).await?;
            if output.json {
                return print_json(
                    &serde_json::json!({ "meeting": id, "occurrence": occurrence, "recorded": recorded }),
                );
            }
            let args = args! { "id" => id, "count" => recorded as i64, "occurrence" => occurrence };
            println!("{}", printer.say("cli-meeting-attendance", Some(&args)));
        }
        MeetingCommand::Ics { id } => {
            let meeting = known(&store, printer, id).await?;
            print!("{}", meeting.ics(IcsMethod::Publish));
        }
    }
    Ok(())
}

async fn known(
    store: &tatwir_store::SqlStore,
    printer: &Printer,
    id: MeetingId,
) -> anyhow::Result<tatwir_core::meeting::Meeting> {
    store
        .meeting(id)
        .await?
        .ok_or_else(|| anyhow::anyhow!(printer.say("cli-meeting-unknown", Some(&args! { "id" => id }))))
}
