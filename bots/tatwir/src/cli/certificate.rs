//! `tatwir certificate tracks|issue|list|revoke|keys|rotate-key`: the tracks of the pack taught,
//! certificates issued by hand for training done in person, revocations, and the issuer keys.

use crate::app;
use crate::cli::{Output, Printer, find_person, print_json};
use crate::config::Config;
use anyhow::{Context, bail};
use clap::Subcommand;
use serde_json::json;
use tatwir_core::args;
use tatwir_core::association::AssociationId;
use tatwir_core::certificate::*;
use tatwir_core::clock::{Clock, SystemClock};
use tatwir_core::content::Library;
use tatwir_core::learning::LearningStore;
use tatwir_core::outbox::{OutboxMessage, OutboxStore};
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

#[derive(Debug, Subcommand)]
pub enum CertificateCommand {
    /// The tracks of certification of the pack taught, with their criteria.
    Tracks {
        #[command(flatten)]
        output: Output,
    },
    /// Issues a certificate by hand, for training done in person; the holder receives it in
    /// the chat. PERSON is a person's number or an identity such as telegram:12345.
    Issue {
        #[arg(long, value_name = "PERSON")]
        person: String,
        #[arg(long, value_name = "TRACK")]
        track: String,
        /// The name to print, when the person has not confirmed one in the chat.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Certificates issued, newest first.
    List {
        #[arg(long, value_name = "ID")]
        association: Option<i64>,
        #[arg(long, value_name = "PERSON")]
        person: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Revokes a certificate: every page and message says so from now on.
    Revoke {
        code: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        output: Output,
    },
    /// The issuer keys: the one that signs, and retired ones that still verify.
    Keys {
        #[command(flatten)]
        output: Output,
    },
    /// Makes a new issuer key the one that signs; the old one still verifies what it signed.
    RotateKey,
}

/// The pack taught, or the content folder's when none was imported yet.
async fn library(store: &SqlStore, config: &Config) -> anyhow::Result<Library> {
    match store.library().await? {
        Some(library) => Ok(library),
        None => tatwir_content::load(&config.content_dir)
            .map_err(|problems| anyhow::anyhow!("the content folder has {} problem(s)", problems.len())),
    }
}

/// A certificate as `--json` prints it, with every address it is published at.
fn certificate_json(
    publishing: &Publishing,
    certificate: &Certificate,
    now: chrono::DateTime<chrono::Utc>,
) -> serde_json::Value {
    json!({
        "id": certificate.id,
        "code": certificate.code.to_string(),
        "person": certificate.person,
        "track": certificate.track,
        "holder_name": certificate.holder_name,
        "association": certificate.association,
        "issued_by": certificate.issued_by,
        "issued_at": certificate.issued_at,
        "renewed_at": certificate.renewed_at,
        "valid_until": certificate.valid_until,
        "revoked_at": certificate.revoked_at,
        "revoked_reason": certificate.revoked_reason,
        "state": certificate.state(now).code(),
        "verify_url": publishing.verify_url(&certificate.code),
        "image_url": publishing.image_url(&certificate.code),
        "pdf_url": publishing.pdf_url(&certificate.code),
        "ob3_url": publishing.ob3_url(&certificate.code),
        "ob2_url": publishing.ob2_url(&certificate.code),
    })
}

fn parse_code(printer: &Printer, typed: &str) -> anyhow::Result<CertificateCode> {
    CertificateCode::parse(typed).with_context(|| {
        printer.say(
            "cli-certificate-unknown",
            Some(&args! { "code" => typed.chars().take(40).collect::<String>() }),
        )
    })
}

pub async fn run(config: &Config, printer: &Printer, command: CertificateCommand) -> anyhow::Result<()> {
    let store = app::open_store(config).await?;
    let publishing = config.publishing(config.http_addr);
    let now = SystemClock.now();
    let lang = printer.language();
    match command {
        CertificateCommand::Tracks { output } => {
            let library = library(&store, config).await?;
            if output.json {
                let tracks: Vec<_> = library
                    .certificates
                    .iter()
                    .map(|track| {
                        let titles: serde_json::Map<_, _> = track
                            .texts
                            .by_language
                            .iter()
                            .map(|(language, text)| (language.code().to_owned(), json!(text.title)))
                            .collect();
                        let lessons: Vec<_> = track
                            .lessons
                            .iter()
                            .map(|lesson| {
                                let version = library
                                    .lesson(&lesson.toolbox, &lesson.lesson)
                                    .map(|(_, found)| found.version.clone());
                                json!({
                                    "toolbox": lesson.toolbox,
                                    "lesson": lesson.lesson,
                                    "min_score": lesson.min_percent,
                                    "since_version": lesson.since_version,
                                    "current_version": version,
                                })
                            })
                            .collect();
                        json!({
                            "id": track.id,
                            "role": track.role.code(),
                            "titles": titles,
                            "min_score": track.min_percent,
                            "meetings": track.meetings,
                            "valid_months": track.valid_months,
                            "criteria": { "lessons": lessons, "meetings": track.meetings },
                            "badge_class_url": publishing.badge_class_url(&track.id),
                        })
                    })
                    .collect();
                return print_json(&json!(tracks));
            }
            if library.certificates.is_empty() {
                println!("{}", printer.say("cli-certificate-no-tracks", None));
            }
            for track in &library.certificates {
                let args = args! {
                    "id" => track.id.clone(),
                    "title" => track.texts.get(lang).title.clone(),
                    "lessons" => track.lessons.len() as i64,
                    "min" => i64::from(track.min_percent),
                    "meetings" => i64::from(track.meetings),
                    "months" => i64::from(track.valid_months.unwrap_or(0)),
                    "role" => track.role.code(),
                };
                println!("{}", printer.say("cli-certificate-track", Some(&args)));
            }
            Ok(())
        }
        CertificateCommand::Issue {
            person,
            track,
            name,
            output,
        } => {
            let library = library(&store, config).await?;
            let Some(found) = library.certificate_track(&track) else {
                bail!(printer.say("cli-certificate-unknown-track", Some(&args! { "track" => track })));
            };
            let person = find_person(&store, printer, &person).await?;
            let access = store.access(person).await?;
            let evidence = store.evidence(person, std::slice::from_ref(found)).await?;
            if found.role == TrackRole::Manager && !evidence.is_manager {
                bail!(printer.say("cli-certificate-not-manager", Some(&args! { "person" => person.0 })));
            }
            if let Some(name) = name {
                let Some(name) = clean_name(&name) else {
                    bail!(printer.say("cli-certificate-bad-name", Some(&args! { "max" => MAX_NAME as i64 })));
                };
                if store.holder(person).await?.is_none() {
                    let holder = Holder {
                        name,
                        email_hash: None,
                        salt: None,
                        confirmed_at: now,
                    };
                    store.set_holder(person, &holder).await?;
                }
            }
            let association: Option<AssociationId> = access
                .memberships
                .iter()
                .find(|membership| {
                    found.role == TrackRole::Volunteer || membership.role >= tatwir_core::role::Role::Manager
                })
                .map(|membership| membership.association.id);
            let new = NewCertificate {
                code: CertificateCode::generate(),
                person,
                track: found.id.clone(),
                association,
                issued_by: IssuedBy::Hand,
                issued_at: now,
                valid_until: found.valid_until(now),
            };
            let certificate = match store.issue_certificate(&new).await? {
                Issue::New(certificate) => certificate,
                Issue::Held(held) => bail!(printer.say(
                    "cli-certificate-held",
                    Some(&args! { "person" => person.0, "code" => held.code.to_string() })
                )),
            };
            let message = OutboxMessage::Certificate {
                certificate: certificate.id,
            };
            store
                .enqueue_for_person(person, &message, &certificate.id.to_string(), None, now)
                .await?;
            if output.json {
                return print_json(&certificate_json(&publishing, &certificate, now));
            }
            let args = args! {
                "code" => certificate.code.to_string(),
                "person" => person.0,
                "url" => publishing.verify_url(&certificate.code),
            };
            println!("{}", printer.say("cli-certificate-issued", Some(&args)));
            Ok(())
        }
        CertificateCommand::List {
            association,
            person,
            output,
        } => {
            let person = match person {
                Some(reference) => Some(find_person(&store, printer, &reference).await?),
                None => None,
            };
            let filter = CertificateFilter {
                person,
                association: association.map(AssociationId),
            };
            let certificates = store.certificates(filter).await?;
            if output.json {
                let list: Vec<_> = certificates
                    .iter()
                    .map(|certificate| certificate_json(&publishing, certificate, now))
                    .collect();
                return print_json(&json!(list));
            }
            if certificates.is_empty() {
                println!("{}", printer.say("cli-certificate-none", None));
                return Ok(());
            }
            let rows = certificates
                .iter()
                .map(|certificate| {
                    vec![
                        certificate.code.to_string(),
                        certificate.person.to_string(),
                        certificate.holder_name.clone().unwrap_or_default(),
                        certificate.track.clone(),
                        certificate.issued_at.format("%Y-%m-%d").to_string(),
                        certificate
                            .valid_until
                            .map_or_else(String::new, |until| until.format("%Y-%m-%d").to_string()),
                        printer.say(
                            "cli-certificate-state",
                            Some(&args! { "state" => certificate.state(now).code() }),
                        ),
                    ]
                })
                .collect();
            printer.table(
                &[
                    "cli-col-code",
                    "cli-col-person",
                    "cli-col-name",
                    "cli-col-track",
                    "cli-col-issued",
                    "cli-col-expires",
                    "cli-col-status",
                ],
                rows,
            );
            Ok(())
        }
        CertificateCommand::Revoke { code, reason, output } => {
            let code = parse_code(printer, &code)?;
            let reason = tatwir_core::text::clean_line(&reason);
            if reason.is_empty() || reason.chars().count() > 500 {
                bail!(printer.say("cli-certificate-bad-reason", None));
            }
            let Some(certificate) = store.revoke_certificate(&code, &reason, now).await? else {
                bail!(printer.say("cli-certificate-unknown", Some(&args! { "code" => code.to_string() })));
            };
            if output.json {
                return print_json(&certificate_json(&publishing, &certificate, now));
            }
            let args = args! { "code" => code.to_string() };
            println!("{}", printer.say("cli-certificate-revoked", Some(&args)));
            Ok(())
        }
        CertificateCommand::Keys { output } => {
            // The key is made by the first instance that starts; asking for it here makes it too.
            tatwir_web::certificates::signing_key(&store)
                .await
                .map_err(|error| anyhow::anyhow!(error))?;
            let keys = store.issuer_keys().await?;
            if output.json {
                let list: Vec<_> = keys
                    .iter()
                    .map(|key| {
                        json!({
                            "kid": key.kid,
                            "url": publishing.key_url(&key.kid),
                            "created_at": key.created_at,
                            "retired_at": key.retired_at,
                        })
                    })
                    .collect();
                return print_json(&json!(list));
            }
            for key in &keys {
                let state = if key.retired_at.is_none() {
                    "cli-certificate-key-current"
                } else {
                    "cli-certificate-key-retired"
                };
                println!(
                    "{}  {}  {}",
                    key.kid,
                    key.created_at.format("%Y-%m-%d"),
                    printer.say(state, None)
                );
            }
            Ok(())
        }
        CertificateCommand::RotateKey => {
            let key = tokio::task::spawn_blocking(tatwir_badges::IssuerKey::generate)
                .await?
                .map_err(|error| anyhow::anyhow!(error.to_string()))?;
            let record = IssuerKeyRecord {
                kid: key.kid().to_owned(),
                private_pem: key.to_pkcs8_pem(),
                created_at: now,
                retired_at: None,
            };
            store.rotate_issuer_key(&record, now).await?;
            println!(
                "{}",
                printer.say("cli-certificate-key-rotated", Some(&args! { "kid" => record.kid }))
            );
            Ok(())
        }
    }
}
