//! `tatwir content …`: check a toolbox pack, count it, and import it into the store.
//! Every line printed for people comes from the Fluent locales; `--json` prints JSON instead.

use crate::app;
use crate::cli::{Output, Printer, print_json};
use crate::config::Config;
use anyhow::bail;
use chrono::Utc;
use clap::Subcommand;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tatwir_content::{self as pack, Problem, Warning};
use tatwir_core::args;
use tatwir_core::content::{Library, ToolboxAudience};
use tatwir_core::language::Language;
use tatwir_core::learning::LearningStore;
use tatwir_core::locale::count;

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check a pack: every problem and warning with its file and line. Exit status 1 when
    /// there is any problem; warnings never change it.
    Check {
        /// The pack folder (default: the configured content folder).
        dir: Option<PathBuf>,
    },
    /// Count lessons and questions per toolbox and per language.
    Stats {
        /// The pack folder (default: the configured content folder).
        dir: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Check a pack and make it the one taught; nothing is imported when it has a problem.
    Import {
        /// The pack folder (default: the configured content folder).
        dir: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
}

pub(crate) async fn run(config: &Config, printer: &Printer, command: ContentCommand) -> anyhow::Result<()> {
    let folder = |dir: Option<PathBuf>| dir.unwrap_or_else(|| config.content_dir.clone());
    match command {
        ContentCommand::Check { dir } => {
            let pack = pack::read_pack(&folder(dir));
            for problem in &pack.problems {
                println!("{}", problem_line(printer, problem));
            }
            for warning in &pack.warnings {
                println!("{}", warning_line(printer, warning));
            }
            if !pack.problems.is_empty() {
                bail!(printer.say(
                    "content-check-failed",
                    Some(&args! { "problems" => count(size(pack.problems.len())) })
                ))
            }
            let library = pack.library;
            let questions: usize = library
                .toolboxes
                .iter()
                .flat_map(|toolbox| &toolbox.lessons)
                .map(|lesson| lesson.questions.len())
                .sum();
            println!(
                "{}",
                printer.say(
                    "content-check-ok",
                    Some(&args! {
                        "toolboxes" => count(size(library.toolboxes.len())),
                        "lessons" => count(size(library.lesson_count())),
                        "questions" => count(size(questions)),
                    })
                )
            );
            Ok(())
        }
        ContentCommand::Stats { dir, output } => {
            let (library, problems) = pack::read(&folder(dir));
            let stats = stats(&library);
            if output.json {
                print_json(&serde_json::to_value(&stats)?)?;
            } else {
                stats_table(printer, &stats);
            }
            if !problems.is_empty() {
                eprintln!(
                    "{}",
                    printer.say(
                        "content-stats-incomplete",
                        Some(&args! { "problems" => count(size(problems.len())) })
                    )
                );
            }
            Ok(())
        }
        ContentCommand::Import { dir, output } => {
            let library = load(printer, &folder(dir), "content-import-refused")?;
            let store = app::open_store(config).await?;
            let report = store.import_library(&library, Utc::now()).await;
            store.close().await;
            let report = report?;
            if output.json {
                return print_json(&serde_json::to_value(&report)?);
            }
            let totals = args! {
                "toolboxes" => count(size(report.toolboxes)),
                "lessons" => count(size(report.lessons)),
                "new" => count(size(report.new_lessons)),
                "changed" => count(size(report.changed_lessons)),
                "removed" => count(size(report.removed_lessons)),
            };
            let id = if report.changed {
                "content-import-done"
            } else {
                "content-import-unchanged"
            };
            println!("{}", printer.say(id, Some(&totals)));
            Ok(())
        }
    }
}

fn size(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Loads the pack, or prints its problems (on stdout) and fails with `failed` (on stderr).
fn load(printer: &Printer, dir: &std::path::Path, failed: &str) -> anyhow::Result<Library> {
    match pack::load(dir) {
        Ok(library) => Ok(library),
        Err(problems) => {
            for problem in &problems {
                println!("{}", problem_line(printer, problem));
            }
            bail!(printer.say(failed, Some(&args! { "problems" => count(size(problems.len())) })))
        }
    }
}

/// `path:line: message`, in the reader's language.
fn problem_line(printer: &Printer, problem: &Problem) -> String {
    let message = printer.say(problem.defect.message_id(), Some(&problem.defect.args()));
    let file = problem.file.display().to_string();
    match problem.line {
        Some(line) => printer.say(
            "content-problem",
            Some(&args! { "file" => file, "line" => line.to_string(), "message" => message }),
        ),
        None => printer.say(
            "content-problem-no-line",
            Some(&args! { "file" => file, "message" => message }),
        ),
    }
}

/// `path:line: warning: message`, in the reader's language.
fn warning_line(printer: &Printer, warning: &Warning) -> String {
    let message = printer.say(warning.concern.message_id(), Some(&warning.concern.args()));
    printer.say(
        "content-warning",
        Some(&args! {
            "file" => warning.file.display().to_string(),
            "line" => warning.line.to_string(),
            "message" => message,
        }),
    )
}

#[derive(Debug, Serialize)]
struct ToolboxStats {
    toolbox: String,
    audience: ToolboxAudience,
    lessons: usize,
    questions: usize,
    languages: BTreeMap<Language, LanguageStats>,
}

#[derive(Debug, Default, Serialize)]
struct LanguageStats {
    /// Lessons that have their texts in this language.
    lessons: usize,
    /// Questions that have their texts in this language.
    questions: usize,
}

fn stats(library: &Library) -> Vec<ToolboxStats> {
    library
        .toolboxes
        .iter()
        .map(|toolbox| {
            let languages = Language::ALL
                .into_iter()
                .map(|language| {
                    let lessons = toolbox
                        .lessons
                        .iter()
                        .filter(|lesson| lesson.texts.by_language.contains_key(&language));
                    let stats = LanguageStats {
                        lessons: lessons.clone().count(),
                        questions: lessons
                            .flat_map(|lesson| &lesson.questions)
                            .filter(|question| question.texts.by_language.contains_key(&language))
                            .count(),
                    };
                    (language, stats)
                })
                .collect();
            ToolboxStats {
                toolbox: toolbox.id.clone(),
                audience: toolbox.audience,
                lessons: toolbox.lessons.len(),
                questions: toolbox.lessons.iter().map(|lesson| lesson.questions.len()).sum(),
                languages,
            }
        })
        .collect()
}

fn stats_table(printer: &Printer, stats: &[ToolboxStats]) {
    let audience = |audience: ToolboxAudience| {
        printer.say(
            match audience {
                ToolboxAudience::Volunteer => "content-audience-volunteer",
                ToolboxAudience::Manager => "content-audience-manager",
                ToolboxAudience::Both => "content-audience-both",
            },
            None,
        )
    };
    let language_cell = |languages: &BTreeMap<Language, LanguageStats>, language: Language| {
        let stats = languages.get(&language);
        format!(
            "{}/{}",
            stats.map_or(0, |s| s.lessons),
            stats.map_or(0, |s| s.questions)
        )
    };
    let mut rows: Vec<Vec<String>> = stats
        .iter()
        .map(|toolbox| {
            let mut row = vec![
                toolbox.toolbox.clone(),
                audience(toolbox.audience),
                toolbox.lessons.to_string(),
                toolbox.questions.to_string(),
            ];
            row.extend(Language::ALL.map(|language| language_cell(&toolbox.languages, language)));
            row
        })
        .collect();
    let mut total = vec![
        printer.say("content-stats-total", None),
        String::new(),
        stats.iter().map(|t| t.lessons).sum::<usize>().to_string(),
        stats.iter().map(|t| t.questions).sum::<usize>().to_string(),
    ];
    total.extend(Language::ALL.map(|language| {
        let (lessons, questions) = stats
            .iter()
            .filter_map(|t| t.languages.get(&language))
            .fold((0, 0), |(l, q), s| (l + s.lessons, q + s.questions));
        format!("{lessons}/{questions}")
    }));
    rows.push(total);
    printer.table(
        &[
            "content-col-toolbox",
            "content-col-audience",
            "content-col-lessons",
            "content-col-questions",
            "content-col-fr",
            "content-col-ar",
            "content-col-ary",
        ],
        rows,
    );
}
