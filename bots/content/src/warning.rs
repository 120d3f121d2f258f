//! What is allowed in a pack but worth a second look: a warning never stops a pack from
//! loading, and `tatwir content check` keeps its exit status.

use crate::problem::{TextKind, number};
use fluent_bundle::FluentArgs;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use tatwir_core::locale::count;

/// The fewest multiple-answer questions in a pack before their shared pattern is worth a
/// warning: with two or three, one pattern is bound to be the most common.
pub const MIN_MULTIPLE_FOR_PATTERN: usize = 4;

/// One warning, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    /// 1-based.
    pub line: usize,
    pub concern: Concern,
}

/// What deserves a second look. Each variant has a Fluent message `content-warning-<kebab-name>`
/// in `locales/*/content.ftl` taking the fields as arguments ([`Concern::message_id`],
/// [`Concern::args`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Concern {
    /// More than half of the pack's multiple-answer questions have `correct` right options out
    /// of `options`: a learner who spots the pattern answers without reading. Reported on the
    /// first question of the pattern.
    AnswerPattern {
        correct: usize,
        options: usize,
        same: usize,
        total: usize,
    },
    /// A Darija text with Latin letters (outside web addresses): Darija is written in Arabic
    /// script in this pack. `word` is the first such word.
    LatinInDarija { kind: TextKind, word: String },
    /// A Darija text with the Persian letter پ, where Moroccan spelling writes ب.
    PehInDarija { kind: TextKind },
}

impl Concern {
    /// The Fluent message that explains this warning.
    pub fn message_id(&self) -> &'static str {
        match self {
            Concern::AnswerPattern { .. } => "content-warning-answer-pattern",
            Concern::LatinInDarija { .. } => "content-warning-latin-in-darija",
            Concern::PehInDarija { .. } => "content-warning-peh-in-darija",
        }
    }

    /// The arguments of [`Concern::message_id`]. Counts are numbers (for plurals).
    pub fn args(&self) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        match self {
            Concern::AnswerPattern {
                correct,
                options,
                same,
                total,
            } => {
                args.set("correct", count(number(*correct)));
                args.set("options", count(number(*options)));
                args.set("same", count(number(*same)));
                args.set("total", count(number(*total)));
            }
            Concern::LatinInDarija { kind, word } => {
                args.set("kind", kind.code());
                args.set("word", word.clone());
            }
            Concern::PehInDarija { kind } => args.set("kind", kind.code()),
        }
        args
    }
}

impl fmt::Display for Warning {
    /// `file:line: warning: concern` in English-free debug form, for logs; the command line
    /// localises.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {:?}", self.file.display(), self.line, self.concern)
    }
}

/// The shape of one multiple-answer question: how many right options out of how many, and
/// where it is declared.
#[derive(Clone, Debug)]
pub(crate) struct AnswerShape {
    pub(crate) file: PathBuf,
    pub(crate) line: usize,
    pub(crate) correct: usize,
    pub(crate) options: usize,
}

/// A warning when more than half of `shapes` (in pack order) share one pattern.
pub(crate) fn answer_pattern(shapes: &[AnswerShape]) -> Option<Warning> {
    let total = shapes.len();
    if total < MIN_MULTIPLE_FOR_PATTERN {
        return None;
    }
    let mut patterns: BTreeMap<(usize, usize), Vec<&AnswerShape>> = BTreeMap::new();
    for shape in shapes {
        patterns.entry((shape.correct, shape.options)).or_default().push(shape);
    }
    // The most common pattern; on a tie (never more than half), any would do.
    let ((correct, options), members) = patterns.into_iter().max_by_key(|(_, members)| members.len())?;
    let same = members.len();
    if same * 2 <= total {
        return None;
    }
    let first = members[0];
    Some(Warning {
        file: first.file.clone(),
        line: first.line,
        concern: Concern::AnswerPattern {
            correct,
            options,
            same,
            total,
        },
    })
}

/// What is wrong with the script of a Darija text, if anything: Latin letters first (with the
/// first Latin word), then پ. Web addresses are left alone.
pub(crate) fn darija_script(text: &str, kind: TextKind) -> Vec<Concern> {
    let mut concerns = Vec::new();
    let latin = text
        .split_whitespace()
        .filter(|word| !is_address(word))
        .find(|word| word.chars().any(is_latin_letter));
    if let Some(word) = latin {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        concerns.push(Concern::LatinInDarija { kind, word });
    }
    if text.contains('پ') {
        concerns.push(Concern::PehInDarija { kind });
    }
    concerns
}

fn is_address(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["http://", "https://", "www."]
        .iter()
        .any(|prefix| word.starts_with(prefix))
}

/// Basic Latin letters and the accented Latin letters of French (Latin-1 and Latin Extended-A
/// and B).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}
