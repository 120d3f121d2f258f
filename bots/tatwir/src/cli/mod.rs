//! The command line: the service, migrations, the terminal chat, and the coordinators' tools.
//! What it prints for people comes from the Fluent locales (language from `TATWIR_LANG`, then
//! `LC_ALL`/`LANG`; French by default); `--json` prints machine-readable JSON instead.

#[cfg(feature = "bench")]
pub mod bench;
mod broadcast;
mod campaign;
mod certificate;
mod content;
mod group;
mod label;
mod meeting;
mod outbox;

use crate::app::{self, Application};
use crate::config::Config;
use crate::terminal;
use anyhow::{Context, bail};
use chrono::{Duration, Utc};
use clap::{Args, Parser, Subcommand};
use content::ContentCommand;
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use tatwir_core::args;
use tatwir_core::association::{AssociationDraft, AssociationId, DraftError, Invite, InviteCode};
use tatwir_core::clock::SystemClock;
use tatwir_core::engine::Engine;
use tatwir_core::language::Language;
use tatwir_core::locale::{Localizer, count};
use tatwir_core::person::{Identity, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::{GrantError, Store};
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

#[derive(Debug, Parser)]
#[command(
    name = "tatwir",
    version,
    about = "Tatwir: toolboxes, certification, meetings and cooperation for associations, over Telegram, Matrix and the terminal."
)]
pub struct Cli {
    /// Configuration file (default: ./tatwir.toml when present).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://… or postgres://… (overrides TATWIR_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Data directory (overrides TATWIR_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service: the chat channels that are configured and the HTTP server.
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Talk to the bot in this terminal, as the named user.
    Chat {
        #[arg(long)]
        user: String,
        /// The language the client reports (the bot asks when it is not given).
        #[arg(long)]
        lang: Option<Language>,
    },
    /// Associations.
    #[command(subcommand)]
    Association(AssociationCommand),
    /// People.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Roles: coordinator and admin across the platform, volunteer and manager in an association.
    #[command(subcommand)]
    Role(RoleCommand),
    /// Invite codes.
    #[command(subcommand)]
    Invite(InviteCommand),
    /// Toolbox packs: check, count and import them.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Announcements to an audience.
    #[command(subcommand)]
    Broadcast(broadcast::BroadcastCommand),
    /// Meetings between associations.
    #[command(subcommand)]
    Meeting(Box<meeting::MeetingCommand>),
    /// Group chats the bot is in, which meetings may invite.
    #[command(subcommand)]
    Group(group::GroupCommand),
    /// Certificates: the tracks, issuing by hand, revoking, the issuer keys.
    #[command(subcommand)]
    Certificate(certificate::CertificateCommand),
    /// The associations' quality label: an association's checklist, the daily evaluation.
    #[command(subcommand)]
    Label(label::LabelCommand),
    /// Messages waiting to be delivered, and given-up ones to try again.
    #[command(subcommand)]
    Outbox(outbox::OutboxCommand),
    /// Campaigns on social and legal policy, which associations vote on and sign statements for.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// Votes on a campaign: one vote per association, cast by its delegates.
    #[command(subcommand)]
    Vote(campaign::VoteCommand),
    /// Joint statements associations co-sign.
    #[command(subcommand)]
    Statement(campaign::StatementCommand),
    /// Benchmarks that print figures.
    #[cfg(feature = "bench")]
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

#[derive(Debug, Subcommand)]
pub enum AssociationCommand {
    /// Register an association; prints its id, a volunteer code and a manager code.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        city: String,
        #[command(flatten)]
        output: Output,
    },
    /// List associations with their member counts.
    List {
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// List people with their roles and languages.
    List {
        #[arg(long, value_name = "ID")]
        association: Option<i64>,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoleCommand {
    /// Grant a role. PERSON is a person's number or an identity such as telegram:12345.
    Grant(RoleArgs),
    /// Take a role back.
    Revoke(RoleArgs),
}

/// A role, or `delegate`: who votes and signs for an association (`--association`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleName {
    Role(Role),
    Delegate,
}

impl std::str::FromStr for RoleName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("delegate") {
            return Ok(RoleName::Delegate);
        }
        s.parse()
            .map(RoleName::Role)
            .map_err(|_| format!("unknown role {s:?}: expected volunteer, manager, delegate, coordinator or admin"))
    }
}

#[derive(Debug, Args)]
pub struct RoleArgs {
    pub person: String,
    /// volunteer, manager, delegate (with --association), coordinator or admin.
    pub role: RoleName,
    /// For volunteer and manager: the association.
    #[arg(long, value_name = "ID")]
    pub association: Option<i64>,
    /// With `revoke` of a manager: also revoke the association's manager codes and make a new one
    /// (for a code that may have been passed on).
    #[arg(long)]
    pub rotate_codes: bool,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, Subcommand)]
pub enum InviteCommand {
    /// Make a new invite code.
    Add {
        #[arg(long, value_name = "ID")]
        association: i64,
        #[arg(long, default_value = "volunteer")]
        role: Role,
        /// How many days the code stays valid (default: 7 for a manager code, until revoked for a
        /// volunteer code).
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
        valid_days: Option<u32>,
        /// How many people may join with it (default: 1 for a manager code, any number for a
        /// volunteer code).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
        uses: Option<u32>,
        #[command(flatten)]
        output: Output,
    },
    /// List invite codes.
    List {
        #[arg(long, value_name = "ID")]
        association: Option<i64>,
        #[command(flatten)]
        output: Output,
    },
    /// Revoke a code: it can no longer be used to join.
    Revoke {
        code: String,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, Args, Clone, Copy)]
pub struct Output {
    /// Print machine-readable JSON.
    #[arg(long)]
    pub json: bool,
}

/// The language for what the command line prints.
fn cli_language() -> Language {
    if let Some(lang) = std::env::var("TATWIR_LANG").ok().and_then(|v| v.parse().ok()) {
        return lang;
    }
    ["LC_ALL", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find_map(|value| Language::from_client_code(&value))
        .unwrap_or(Language::FALLBACK)
}

pub struct Printer {
    locales: Localizer,
    lang: Language,
}

impl Printer {
    /// The language the command line speaks.
    pub fn language(&self) -> Language {
        self.lang
    }

    pub(crate) fn say(&self, id: &str, args: Option<&tatwir_core::fluent_bundle::FluentArgs>) -> String {
        self.locales.text(self.lang, id, args)
    }

    fn role(&self, role: Role) -> String {
        self.locales.role_name(self.lang, role)
    }

    pub(crate) fn table(&self, headers: &[&str], rows: Vec<Vec<String>>) {
        let headers: Vec<String> = headers.iter().map(|h| self.say(h, None)).collect();
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
                .collect();
            println!("{}", padded.join("  ").trim_end());
        };
        line(&headers);
        for row in &rows {
            line(row);
        }
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(dir) = cli.data_dir {
        config.data_dir = dir;
    }
    if let Some(url) = cli.database_url {
        config.database_url = Some(DatabaseUrl::new(url)?);
    }
    let printer = Printer {
        locales: tatwir_locales::localizer()?,
        lang: cli_language(),
    };
    match cli.command {
        Command::Serve => serve(&config).await,
        Command::Migrate => {
            app::open_store(&config).await?;
            println!(
                "{}",
                printer.say(
                    "cli-migrated",
                    Some(&args! { "database" => config.database_url().redacted() })
                )
            );
            Ok(())
        }
        Command::Chat { user, lang } => chat(&config, &user, lang).await,
        Command::Association(command) => association(&config, &printer, command).await,
        Command::Person(PersonCommand::List { association, output }) => {
            people(&config, &printer, association, output).await
        }
        Command::Role(command) => role(&config, &printer, command).await,
        Command::Invite(command) => invite(&config, &printer, command).await,
        Command::Content(command) => content::run(&config, &printer, command).await,
        Command::Broadcast(command) => broadcast::broadcast(&config, &printer, command).await,
        #[cfg(feature = "bench")]
        Command::Bench(command) => bench::bench(command).await,
        Command::Meeting(command) => meeting::run(&config, &printer, *command).await,
        Command::Group(command) => group::run(&config, &printer, command).await,
        Command::Certificate(command) => certificate::run(&config, &printer, command).await,
        Command::Label(command) => label::run(&config, &printer, command).await,
        Command::Outbox(command) => outbox::run(&config, &printer, command).await,
        Command::Campaign(command) => campaign::campaign(&config, &printer, command).await,
        Command::Vote(command) => campaign::vote(&config, &printer, command).await,
        Command::Statement(command) => campaign::statement(&config, &printer, command).await,
    }
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    tracing::info!(database = %config.database_url(), data_dir = %config.data_dir.display(), "starting tatwir");
    let app = Application::build(config).await?;
    if config.public_url.is_none() {
        tracing::warn!(
            public_url = %app.engine.publishing().base_url,
            "TATWIR_PUBLIC_URL is unset: certificates' verification links point at this address, which \
             only this machine reaches; set it to the service's public address"
        );
    }
    app.run(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn chat(config: &Config, user: &str, lang: Option<Language>) -> anyhow::Result<()> {
    let user = tatwir_core::text::clean_line(user);
    if user.is_empty() {
        bail!("--user must name someone");
    }
    let store = app::open_store(config).await?;
    let engine = Engine::new(store.clone(), SystemClock, Arc::new(tatwir_locales::localizer()?));
    engine.set_library(app::load_library(&store, config, engine.clock().now()).await?);
    engine.set_publishing(tatwir_core::certificate::Publishing {
        artist: Some(Arc::new(app::Artist)),
        ..config.publishing(config.http_addr)
    });
    let styled = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    let mut stdout = std::io::stdout();
    terminal::Session::new(&engine, &user, lang, styled)
        .run(stdin, &mut stdout)
        .await?;
    store.close().await;
    Ok(())
}

pub(crate) fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

async fn association(config: &Config, printer: &Printer, command: AssociationCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        AssociationCommand::Add { name, city, output } => {
            let draft = AssociationDraft::new(&name, &city).map_err(|error| {
                let (id, args) = match error {
                    DraftError::EmptyName => ("cli-error-name-empty", args! {}),
                    DraftError::NameTooLong { max } => {
                        ("cli-error-name-too-long", args! { "max" => count(max as i64) })
                    }
                    DraftError::EmptyCity => ("cli-error-city-empty", args! {}),
                    DraftError::CityTooLong { max } => {
                        ("cli-error-city-too-long", args! { "max" => count(max as i64) })
                    }
                };
                anyhow::anyhow!(printer.say(id, Some(&args)))
            })?;
            let created = store.create_association(&draft, Utc::now()).await?;
            let a = &created.association;
            // Deep links, once `tatwir serve` has learnt the Telegram bot's username.
            let bot = store.setting("telegram.username").await?;
            let link = |code: &InviteCode| bot.as_ref().map(|bot| format!("https://t.me/{bot}?start={code}"));
            let (volunteer_link, manager_link) = (link(&created.volunteer_code), link(&created.manager_code));
            if output.json {
                return print_json(&json!({
                    "id": a.id,
                    "name": a.name,
                    "city": a.city,
                    "volunteer_code": created.volunteer_code,
                    "manager_code": created.manager_code,
                    "volunteer_link": volunteer_link,
                    "manager_link": manager_link,
                }));
            }
            println!(
                "{}",
                printer.say(
                    "cli-association-created",
                    Some(&args! { "id" => a.id.0, "name" => a.name.clone(), "city" => a.city.clone() })
                )
            );
            println!(
                "{}",
                printer.say(
                    "cli-volunteer-code",
                    Some(&args! { "code" => created.volunteer_code.to_string() })
                )
            );
            println!(
                "{}",
                printer.say(
                    "cli-manager-code",
                    Some(&args! { "code" => created.manager_code.to_string() })
                )
            );
            if let (Some(volunteer), Some(manager)) = (volunteer_link, manager_link) {
                println!(
                    "{}",
                    printer.say(
                        "cli-telegram-links",
                        Some(&args! { "volunteer" => volunteer, "manager" => manager })
                    )
                );
            }
            println!("{}", printer.say("cli-join-hint", None));
        }
        AssociationCommand::List { output } => {
            let all = store.associations().await?;
            if output.json {
                return print_json(&serde_json::to_value(&all)?);
            }
            if all.is_empty() {
                println!("{}", printer.say("cli-no-associations", None));
                return Ok(());
            }
            let rows = all
                .iter()
                .map(|s| {
                    vec![
                        s.association.id.to_string(),
                        s.association.name.clone(),
                        s.association.city.clone(),
                        s.members.to_string(),
                        s.volunteers.to_string(),
                        s.managers.to_string(),
                    ]
                })
                .collect();
            printer.table(
                &[
                    "cli-col-id",
                    "cli-col-name",
                    "cli-col-city",
                    "cli-col-members",
                    "cli-col-volunteers",
                    "cli-col-managers",
                ],
                rows,
            );
        }
    }
    Ok(())
}

async fn people(config: &Config, printer: &Printer, association: Option<i64>, output: Output) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    if let Some(id) = association {
        known_association(&store, printer, id).await?;
    }
    let all = store.people(association.map(AssociationId)).await?;
    if output.json {
        return print_json(&serde_json::to_value(&all)?);
    }
    if all.is_empty() {
        println!("{}", printer.say("cli-no-people", None));
        return Ok(());
    }
    let role = |r: Role| printer.role(r);
    let rows = all
        .iter()
        .map(|p| {
            let roles: Vec<String> = p
                .memberships
                .iter()
                .map(|m| format!("{} ({}: {})", role(m.role), m.association_id, m.association))
                .chain(p.platform_roles.iter().map(|&r| role(r)))
                .collect();
            vec![
                p.id.to_string(),
                p.display_name.clone(),
                p.language.map_or_else(|| "-".to_owned(), |l| l.code().to_owned()),
                p.identities
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                if roles.is_empty() {
                    "-".to_owned()
                } else {
                    roles.join(", ")
                },
            ]
        })
        .collect();
    printer.table(
        &[
            "cli-col-id",
            "cli-col-name",
            "cli-col-language",
            "cli-col-identities",
            "cli-col-roles",
        ],
        rows,
    );
    Ok(())
}

pub(crate) async fn known_association(store: &SqlStore, printer: &Printer, id: i64) -> anyhow::Result<AssociationId> {
    let id = AssociationId(id);
    if store.association(id).await?.is_none() {
        bail!(printer.say("cli-error-unknown-association", Some(&args! { "association" => id.0 })));
    }
    Ok(id)
}

/// A person's number, or one of their identities (`telegram:12345`).
pub(crate) async fn find_person(store: &SqlStore, printer: &Printer, reference: &str) -> anyhow::Result<PersonId> {
    let found = match reference.parse::<i64>() {
        Ok(id) => store.person(PersonId(id)).await?,
        Err(_) => match reference.parse::<Identity>() {
            Ok(identity) => store.person_by_identity(&identity).await?,
            Err(_) => None,
        },
    };
    found.map(|p| p.id).with_context(|| {
        printer.say(
            "cli-error-unknown-person",
            Some(&args! { "person" => reference.to_owned() }),
        )
    })
}

fn grant_error(printer: &Printer, error: GrantError) -> anyhow::Error {
    let role = |r: Role| printer.role(r);
    match error {
        GrantError::UnknownPerson(p) => {
            anyhow::anyhow!(printer.say("cli-error-unknown-person", Some(&args! { "person" => p.0 })))
        }
        GrantError::UnknownAssociation(a) => {
            anyhow::anyhow!(printer.say("cli-error-unknown-association", Some(&args! { "association" => a.0 })))
        }
        GrantError::AssociationNeeded(r) => {
            anyhow::anyhow!(printer.say("cli-error-association-needed", Some(&args! { "role" => role(r) })))
        }
        GrantError::NotAnAssociationRole(r) => {
            anyhow::anyhow!(printer.say("cli-error-platform-role", Some(&args! { "role" => role(r) })))
        }
        GrantError::Store(e) => e.into(),
    }
}

async fn role(config: &Config, printer: &Printer, command: RoleCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    let (granting, args) = match command {
        RoleCommand::Grant(args) => (true, args),
        RoleCommand::Revoke(args) => (false, args),
    };
    let role = match args.role {
        RoleName::Role(role) => role,
        RoleName::Delegate => return delegate(&store, printer, granting, &args).await,
    };
    if args.rotate_codes && (granting || role != Role::Manager || args.association.is_none()) {
        bail!(printer.say("cli-error-rotate-codes", None));
    }
    let person = find_person(&store, printer, &args.person).await?;
    let association = args.association.map(AssociationId);
    let now = Utc::now();
    let changed = if granting {
        store.grant_role(person, role, association, now).await
    } else {
        store.revoke_role(person, role, association, now).await
    }
    .map_err(|e| grant_error(printer, e))?;
    let rotated = match association.filter(|_| args.rotate_codes) {
        Some(association) => Some(
            store
                .rotate_manager_codes(association, now)
                .await
                .map_err(|e| grant_error(printer, e))?,
        ),
        None => None,
    };
    if args.output.json {
        return print_json(&json!({
            "person": person,
            "role": role,
            "association": association,
            "granted": granting,
            "changed": changed,
            "revoked_codes": rotated.as_ref().map(|(revoked, _)| revoked),
            "new_code": rotated.as_ref().map(|(_, invite)| invite),
        }));
    }
    let id = match (granting, changed) {
        (true, true) => "cli-role-granted",
        (true, false) => "cli-role-unchanged",
        (false, true) => "cli-role-revoked",
        (false, false) => "cli-role-not-held",
    };
    let role_name = printer.role(role);
    println!(
        "{}",
        printer.say(id, Some(&args! { "person" => person.0, "role" => role_name }))
    );
    if let Some((revoked, invite)) = rotated {
        println!(
            "{}",
            printer.say(
                "cli-codes-rotated",
                Some(&args! {
                    "count" => count(revoked as i64),
                    "code" => invite.code.to_string(),
                    "expires" => invite.expires_at.map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default(),
                })
            )
        );
    }
    Ok(())
}

/// `tatwir role grant|revoke PERSON delegate --association A`: who votes and signs for an
/// association (its managers while it names nobody).
async fn delegate(store: &SqlStore, printer: &Printer, granting: bool, args: &RoleArgs) -> anyhow::Result<()> {
    use tatwir_core::campaign::CampaignStore;
    let Some(association) = args.association else {
        bail!(printer.say("cli-delegate-needs-association", None));
    };
    let association = known_association(store, printer, association).await?;
    let person = find_person(store, printer, &args.person).await?;
    let now = Utc::now();
    let changed = if granting {
        match store.name_delegate(association, person, now).await {
            Ok(changed) => changed,
            Err(tatwir_core::store::StoreError::Conflict(_)) => {
                bail!(printer.say("cli-delegate-not-member", Some(&args! { "person" => person.0 })))
            }
            Err(error) => return Err(error.into()),
        }
    } else {
        store.remove_delegate(association, person, now).await?
    };
    if args.output.json {
        return print_json(&json!({
            "person": person,
            "role": "delegate",
            "association": association,
            "granted": granting,
            "changed": changed,
        }));
    }
    let id = match (granting, changed) {
        (true, true) => "cli-delegate-named",
        (true, false) | (false, false) => "cli-delegate-unchanged",
        (false, true) => "cli-delegate-removed",
    };
    println!(
        "{}",
        printer.say(
            id,
            Some(&args! { "person" => person.0, "association" => association.0 })
        )
    );
    Ok(())
}

fn invite_status(printer: &Printer, invite: &Invite) -> String {
    let id = if invite.revoked_at.is_some() {
        "cli-status-revoked"
    } else if invite.expires_at.is_some_and(|at| at <= Utc::now()) {
        "cli-status-expired"
    } else if invite.uses_left() == Some(0) {
        "cli-status-used-up"
    } else {
        "cli-status-active"
    };
    printer.say(id, None)
}

async fn invite(config: &Config, printer: &Printer, command: InviteCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    match command {
        InviteCommand::Add {
            association,
            role,
            valid_days,
            uses,
            output,
        } => {
            let now = Utc::now();
            let manager = role == Role::Manager;
            let valid_days = valid_days
                .map(i64::from)
                .or(manager.then_some(Invite::MANAGER_VALID_DAYS));
            let expires = valid_days.map(|days| now + Duration::days(days));
            let uses = uses.map(i64::from).or(manager.then_some(Invite::MANAGER_USES));
            let invite = store
                .create_invite(AssociationId(association), role, expires, uses, now)
                .await
                .map_err(|e| grant_error(printer, e))?;
            if output.json {
                return print_json(&serde_json::to_value(&invite)?);
            }
            let role_name = printer.role(role);
            println!(
                "{}",
                printer.say(
                    "cli-invite-created",
                    Some(
                        &args! { "code" => invite.code.to_string(), "association" => association, "role" => role_name }
                    )
                )
            );
        }
        InviteCommand::List { association, output } => {
            if let Some(id) = association {
                known_association(&store, printer, id).await?;
            }
            let all = store.invites(association.map(AssociationId)).await?;
            if output.json {
                return print_json(&serde_json::to_value(&all)?);
            }
            if all.is_empty() {
                println!("{}", printer.say("cli-no-invites", None));
                return Ok(());
            }
            let rows = all
                .iter()
                .map(|i| {
                    vec![
                        i.code.to_string(),
                        i.association_id.to_string(),
                        printer.role(i.role),
                        i.expires_at.map_or_else(
                            || printer.say("cli-never", None),
                            |at| at.format("%Y-%m-%d %H:%M UTC").to_string(),
                        ),
                        invite_status(printer, i),
                        i.uses.to_string(),
                        i.uses_left()
                            .map_or_else(|| printer.say("cli-unlimited", None), |left| left.to_string()),
                    ]
                })
                .collect();
            printer.table(
                &[
                    "cli-col-code",
                    "cli-col-association",
                    "cli-col-role",
                    "cli-col-expires",
                    "cli-col-status",
                    "cli-col-uses",
                    "cli-col-uses-left",
                ],
                rows,
            );
        }
        InviteCommand::Revoke { code, output } => {
            let parsed = InviteCode::parse(&code)
                .with_context(|| printer.say("cli-error-invalid-code", Some(&args! { "code" => code.clone() })))?;
            let revoked = store.revoke_invite(&parsed, Utc::now()).await?;
            if output.json {
                return print_json(&json!({ "code": parsed, "revoked": revoked }));
            }
            let id = if revoked {
                "cli-invite-revoked"
            } else {
                "cli-invite-not-live"
            };
            println!("{}", printer.say(id, Some(&args! { "code" => parsed.to_string() })));
            if !revoked {
                std::process::exit(1);
            }
        }
    }
    Ok(())
}
