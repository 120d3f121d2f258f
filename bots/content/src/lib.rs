//! Reading and checking a toolbox pack folder (format in `content/README.md`): the file-system
//! side of `tatwir_core::content`, which holds the pack once read.
//!
//! Every defect is reported with the file and line it is on, as a typed [`Defect`] that the
//! command line localises; a pack with any defect is not loaded. Reading never panics: files
//! over [`MAX_FILE_BYTES`], invalid UTF-8 and invalid TOML are defects like any other.
//! What is allowed but worth a second look is a [`Warning`], which never stops a pack.

mod certificate;
mod label;
mod problem;
#[cfg(test)]
mod tests;
mod texts;
mod toolbox;
mod warning;

pub use certificate::CERTIFICATES_DIR;
pub use label::LABEL_FILE;
pub use problem::{Defect, Problem, TextKind};
pub use warning::{Concern, MIN_MULTIPLE_FOR_PATTERN, Warning};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tatwir_core::content::Library;
use toolbox::*;

/// The largest pack file read: a pack is a few dozen kilobytes of text.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The structure file of a toolbox folder.
pub const TOOLBOX_FILE: &str = "toolbox.toml";

/// Reads every toolbox under `dir`. Returns the library only when no problem was found.
pub fn load(dir: &Path) -> Result<Library, Vec<Problem>> {
    let (library, problems) = read(dir);
    if problems.is_empty() {
        Ok(library)
    } else {
        Err(problems)
    }
}

/// Every problem of the pack under `dir`, in folder and line order.
pub fn check(dir: &Path) -> Vec<Problem> {
    read(dir).1
}

/// Whether `id` is a valid toolbox, lesson, question or material id.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Everything that could be read under `dir`, with every problem. With problems, the library
/// is incomplete (lessons or questions without texts are left out): it may be counted, never
/// taught.
pub fn read(dir: &Path) -> (Library, Vec<Problem>) {
    let pack = read_pack(dir);
    (pack.library, pack.problems)
}

/// A pack as read: what could be read, every problem, and every warning.
#[derive(Debug, Default)]
pub struct Pack {
    /// Incomplete when there are problems (see [`read`]).
    pub library: Library,
    /// In folder and line order.
    pub problems: Vec<Problem>,
    /// In folder and line order, the pack-wide ones (answer patterns) last.
    pub warnings: Vec<Warning>,
}

/// Everything under `dir`: the library, its problems and its warnings.
pub fn read_pack(dir: &Path) -> Pack {
    let mut problems = Vec::new();
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                !name.starts_with('.') && name != CERTIFICATES_DIR
            })
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect(),
        Err(_) => {
            problems.push(Problem {
                file: dir.to_path_buf(),
                line: None,
                defect: Defect::Unreadable,
            });
            return Pack {
                problems,
                ..Pack::default()
            };
        }
    };
    folders.sort();
    let mut toolboxes = Vec::new();
    let mut warnings = Vec::new();
    let mut shapes = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for folder in folders {
        let read = read_toolbox(&folder);
        let mut found = read.problems;
        warnings.extend(read.warnings);
        shapes.extend(read.shapes);
        if let Some((toolbox, file, line)) = read.found {
            if let Some(other) = seen.get(&toolbox.id) {
                found.push(Problem {
                    file,
                    line: Some(line),
                    defect: Defect::DuplicateToolbox {
                        id: toolbox.id.clone(),
                        other: other.clone(),
                    },
                });
            } else {
                seen.insert(toolbox.id.clone(), file);
            }
            toolboxes.push(toolbox);
        }
        problems.append(&mut found);
    }
    if toolboxes.is_empty() && problems.is_empty() {
        problems.push(Problem {
            file: dir.to_path_buf(),
            line: None,
            defect: Defect::NoToolboxes,
        });
    }
    toolboxes.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id)));
    warnings.extend(warning::answer_pattern(&shapes));
    let certificates = certificate::read_tracks(dir, &toolboxes, &mut problems);
    let label = label::read_label(dir, &certificates, &mut problems);
    Pack {
        library: Library {
            toolboxes,
            certificates,
            label,
        },
        problems,
        warnings,
    }
}
