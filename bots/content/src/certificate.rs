//! Reading the tracks of certification: `certificates/*.toml` beside the toolbox folders
//! (format in `content/README.md`).

use crate::problem::*;
use crate::toolbox::File;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tatwir_core::content::{CertificateTrack, Toolbox, TrackLesson, TrackRole, TrackText, Translations};
use tatwir_core::language::Language;

/// The folder of a pack that holds the tracks: never a toolbox.
pub const CERTIFICATES_DIR: &str = "certificates";

/// The most a certificate may stay valid: ten years.
pub const MAX_VALID_MONTHS: i64 = 120;

/// Every track under `dir/certificates`, checked against the toolboxes read; sorted by id.
pub(crate) fn read_tracks(dir: &Path, toolboxes: &[Toolbox], problems: &mut Vec<Problem>) -> Vec<CertificateTrack> {
    let folder = dir.join(CERTIFICATES_DIR);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut tracks: Vec<CertificateTrack> = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in files {
        let mut file = File::new(path.clone());
        if let Some((track, line)) = read_track(&mut file, toolboxes) {
            if let Some(other) = seen.get(&track.id) {
                file.problems.push(Problem {
                    file: path.clone(),
                    line: Some(line),
                    defect: Defect::DuplicateTrack {
                        id: track.id.clone(),
                        other: other.clone(),
                    },
                });
            } else {
                seen.insert(track.id.clone(), path.clone());
                tracks.push(track);
            }
        }
        problems.append(&mut file.problems);
    }
    tracks.sort_by(|a, b| a.id.cmp(&b.id));
    tracks
}

fn read_track(file: &mut File, toolboxes: &[Toolbox]) -> Option<(CertificateTrack, usize)> {
    let text = file.read()?;
    let root = file.parse(&text)?;
    let top = 0..0;
    file.only(
        &root,
        &[
            "id",
            "role",
            "valid_months",
            "min_score",
            "meetings",
            "toolboxes",
            "lessons",
            "retake",
            "title",
            "description",
        ],
        "",
    );
    let mut line = 1;
    let id = file.required(&root, "id", &top, "").and_then(|value| {
        line = file.line(&value.span());
        let id = file.string(value, || "id".to_owned())?;
        file.id(&id, &value.span());
        Some(id)
    });
    let role = file.required(&root, "role", &top, "").and_then(|value| {
        let text = file.string(value, || "role".to_owned())?;
        let role = match text.as_str() {
            "volunteer" => Some(TrackRole::Volunteer),
            "manager" => Some(TrackRole::Manager),
            _ => None,
        };
        if role.is_none() {
            file.at(&value.span(), Defect::UnknownTrackRole { value: text });
        }
        role
    });
    let mut valid_months = Some(None);
    if let Some(value) = root.get("valid_months") {
        valid_months = file.integer(value, || "valid_months".to_owned()).and_then(|months| {
            if (1..=MAX_VALID_MONTHS).contains(&months) {
                Some(Some(months as u32))
            } else {
                file.at(&value.span(), Defect::ValidMonthsOutOfRange { months });
                None
            }
        });
    }
    let score = |file: &mut File, value: &toml::Spanned<toml::de::DeValue<'_>>, field: &str| {
        let score = file.integer(value, || field.to_owned())?;
        if (1..=100).contains(&score) {
            Some(score as u32)
        } else {
            file.at(&value.span(), Defect::ScoreOutOfRange { score });
            None
        }
    };
    let min_score = match root.get("min_score") {
        Some(value) => score(file, value, "min_score"),
        None => {
            file.at(
                &top,
                Defect::MissingField {
                    field: "min_score".into(),
                },
            );
            None
        }
    };
    let meetings = match root.get("meetings") {
        Some(value) => file
            .integer(value, || "meetings".to_owned())
            .and_then(|n| u32::try_from(n).ok().filter(|n| *n <= 100)),
        None => Some(0),
    };
    let mut lessons: Vec<TrackLesson> = Vec::new();
    let add = |lessons: &mut Vec<TrackLesson>, toolbox: &str, lesson: &str| {
        if !lessons.iter().any(|l| l.toolbox == toolbox && l.lesson == lesson) {
            lessons.push(TrackLesson {
                toolbox: toolbox.to_owned(),
                lesson: lesson.to_owned(),
                min_percent: min_score.unwrap_or(100),
                since_version: None,
            });
        }
    };
    if let Some(value) = root.get("toolboxes") {
        for (id, span) in file.strings(value, || "toolboxes".to_owned()).unwrap_or_default() {
            match toolboxes.iter().find(|toolbox| toolbox.id == id) {
                Some(toolbox) => {
                    for lesson in &toolbox.lessons {
                        add(&mut lessons, &toolbox.id, &lesson.id);
                    }
                }
                None => file.at(&span, Defect::UnknownReference { id }),
            }
        }
    }
    if let Some(value) = root.get("lessons") {
        for (id, span) in file.strings(value, || "lessons".to_owned()).unwrap_or_default() {
            match find_lesson(toolboxes, &id) {
                Some((toolbox, lesson)) => add(&mut lessons, toolbox, lesson),
                None => file.at(&span, Defect::UnknownReference { id }),
            }
        }
    }
    if let Some(value) = root.get("retake") {
        for (table, span) in file.tables(value, "retake") {
            file.only(table, &["lesson", "since_version", "min_score"], "retake.");
            let Some(reference) = file
                .required(table, "lesson", &span, "retake.")
                .and_then(|value| Some((file.string(value, || "retake.lesson".to_owned())?, value.span())))
            else {
                continue;
            };
            let Some((toolbox, lesson)) = find_lesson(toolboxes, &reference.0) else {
                file.at(&reference.1, Defect::UnknownReference { id: reference.0 });
                continue;
            };
            let Some(entry) = lessons.iter_mut().find(|l| l.toolbox == toolbox && l.lesson == lesson) else {
                file.at(&reference.1, Defect::RetakeOutsideTrack { id: reference.0 });
                continue;
            };
            if let Some(value) = table.get("since_version")
                && let Some(version) = file.string(value, || "retake.since_version".to_owned())
            {
                if version.len() == 16
                    && version
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                {
                    entry.since_version = Some(version);
                } else {
                    file.at(&value.span(), Defect::BadVersion { version });
                }
            }
            if let Some(value) = table.get("min_score")
                && let Some(min) = score(file, value, "retake.min_score")
            {
                entry.min_percent = min;
            }
        }
    }
    if lessons.is_empty() && file.problems.is_empty() {
        file.at(&top, Defect::EmptyTrack);
    }
    let titles = texts(file, &root, "title", TextKind::Title, "", &top);
    let descriptions = texts(file, &root, "description", TextKind::Summary, "", &top);
    let mut by_language = BTreeMap::new();
    for language in Language::ALL {
        if let (Some(title), Some(description)) = (titles.get(&language), descriptions.get(&language)) {
            by_language.insert(
                language,
                TrackText {
                    title: title.clone(),
                    description: description.clone(),
                },
            );
        }
    }
    let (Some(id), Some(role), Some(valid_months), Some(meetings)) = (id, role, valid_months, meetings) else {
        return None;
    };
    if !file.problems.is_empty() {
        return None;
    }
    let track = CertificateTrack {
        id,
        role,
        lessons,
        meetings,
        min_percent: min_score.unwrap_or(100),
        valid_months,
        texts: Translations { by_language },
    };
    Some((track, line))
}

/// `toolbox/lesson` in the pack.
fn find_lesson<'t>(toolboxes: &'t [Toolbox], reference: &str) -> Option<(&'t str, &'t str)> {
    let (toolbox, lesson) = reference.split_once('/')?;
    let toolbox = toolboxes.iter().find(|t| t.id == toolbox)?;
    let lesson = toolbox.lessons.iter().find(|l| l.id == lesson)?;
    Some((&toolbox.id, &lesson.id))
}

/// A table of texts by language code (`[title]` with `fr`, `ar`, `ary`) in `root`, whose fields
/// are named after `prefix`; every language is required (a missing table is reported on
/// `anchor`'s line).
pub(crate) fn texts(
    file: &mut File,
    root: &toml::de::DeTable<'_>,
    key: &str,
    kind: TextKind,
    prefix: &str,
    anchor: &std::ops::Range<usize>,
) -> BTreeMap<Language, String> {
    let mut found = BTreeMap::new();
    let Some(value) = file.required(root, key, anchor, prefix) else {
        return found;
    };
    let Some(table) = file.table(value, || format!("{prefix}{key}")) else {
        return found;
    };
    let codes: Vec<&str> = Language::ALL.iter().map(|language| language.code()).collect();
    file.only(table, &codes, &format!("{prefix}{key}."));
    for language in Language::ALL {
        let field = format!("{prefix}{key}.{}", language.code());
        let Some(text) = file.required(table, language.code(), &value.span(), &format!("{prefix}{key}.")) else {
            continue;
        };
        if let Some(string) = file.string(text, || field.clone()) {
            file.text(&string, &text.span(), kind);
            found.insert(language, string);
        }
    }
    found
}
