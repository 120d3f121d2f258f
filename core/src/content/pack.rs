//! Reading and checking a toolbox pack folder (format in `content/README.md`).
//!
//! Every defect is reported with the file and line it is on, as a typed [`Defect`] that the
//! command line localises; a pack with any defect is not loaded.

use super::Library;
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a pack, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; `None` when the problem is a whole missing file.
    pub line: Option<usize>,
    pub defect: Defect,
}

/// What is wrong. Each variant has a Fluent message `content-defect-<kebab-name>` in
/// `locales/*/cli.ftl` taking the fields as arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Defect {
    // Filled in with the loader.
}

impl fmt::Display for Problem {
    /// `file:line: defect` in English-free debug form, for logs; the command line localises.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {:?}", self.file.display(), self.defect),
            None => write!(f, "{}: {:?}", self.file.display(), self.defect),
        }
    }
}

/// Reads every toolbox under `dir`. Returns the library only when no problem was found.
pub fn load(dir: &Path) -> Result<Library, Vec<Problem>> {
    let _ = dir;
    Ok(Library::default())
}
