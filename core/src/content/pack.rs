//! Reading and checking a toolbox pack folder (format in `content/README.md`).
//!
//! Every defect is reported with the file and line it is on, as a typed [`Defect`] that the
//! command line localises; a pack with any defect is not loaded. Reading never panics: files
//! over [`MAX_FILE_BYTES`], invalid UTF-8 and invalid TOML are defects like any other.

use super::{
    Lesson, LessonMedia, LessonText, Library, Material, Question, QuestionKind, QuestionText, Toolbox, ToolboxAudience,
    ToolboxText, Translations, digest, limits,
};
use crate::language::Language;
use crate::locale::count;
use crate::message::{MediaKind, MediaSource};
use fluent_bundle::FluentArgs;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The largest pack file read: a pack is a few dozen kilobytes of text.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The structure file of a toolbox folder.
pub const TOOLBOX_FILE: &str = "toolbox.toml";

/// One problem in a pack, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; `None` when the problem is a whole missing file (or something missing from a
    /// file, which has no line).
    pub line: Option<usize>,
    pub defect: Defect,
}

/// Which text a length or emptiness defect is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Title,
    Summary,
    Part,
    Caption,
    Question,
    Option,
    Explanation,
    /// Material titles, sources and licences.
    Reference,
}

impl TextKind {
    /// The most characters a text of this kind may have.
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::Title | TextKind::Summary | TextKind::Reference => limits::MESSAGE,
            TextKind::Part => limits::PART,
            TextKind::Caption => limits::CAPTION,
            TextKind::Question => limits::QUESTION,
            TextKind::Option => limits::OPTION,
            TextKind::Explanation => limits::EXPLANATION,
        }
    }
}

/// What is wrong. Each variant has a Fluent message `content-defect-<kebab-name>` in
/// `locales/*/cli.ftl` taking the fields as arguments ([`Defect::message_id`], [`Defect::args`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Defect {
    /// The pack folder itself cannot be read, or holds no toolbox.
    NoToolboxes,
    /// A folder of the pack without `toolbox.toml`.
    MissingToolboxFile,
    /// One of `fr.toml`, `ar.toml`, `ary.toml` is missing.
    MissingLanguageFile {
        language: Language,
    },
    FileTooLarge {
        max_bytes: u64,
    },
    Unreadable,
    NotUtf8,
    /// Invalid TOML; the parser's own explanation (English) is kept for logs.
    Syntax {
        detail: String,
    },
    MissingField {
        field: String,
    },
    UnknownField {
        field: String,
    },
    WrongType {
        field: String,
    },
    UnknownAudience {
        value: String,
    },
    UnknownQuestionKind {
        value: String,
    },
    UnknownMediaKind {
        value: String,
    },
    BadId {
        id: String,
    },
    DuplicateToolbox {
        id: String,
        other: PathBuf,
    },
    DuplicateMaterial {
        id: String,
        first_line: usize,
    },
    DuplicateLesson {
        id: String,
        first_line: usize,
    },
    DuplicateQuestion {
        id: String,
        first_line: usize,
    },
    UnknownMaterial {
        id: String,
    },
    PartsOutOfRange {
        parts: i64,
    },
    TooFewQuestions {
        questions: usize,
    },
    OptionsOutOfRange {
        options: i64,
    },
    CorrectEmpty,
    CorrectOutOfRange {
        answer: i64,
        options: i64,
    },
    CorrectDuplicated {
        answer: i64,
    },
    SingleWithSeveralCorrect {
        correct: usize,
    },
    MediaBothSources,
    MediaNoSource,
    MediaFileMissing {
        file: String,
    },
    MediaOutsideToolbox {
        file: String,
    },
    BadUrl {
        url: String,
    },
    MissingToolboxText {
        field: String,
    },
    MissingLessonText {
        lesson: String,
    },
    MissingQuestionText {
        lesson: String,
        question: String,
    },
    PartsCount {
        lesson: String,
        expected: usize,
        found: usize,
    },
    OptionsCount {
        lesson: String,
        question: String,
        expected: usize,
        found: usize,
    },
    CaptionMissing {
        lesson: String,
    },
    CaptionWithoutMedia {
        lesson: String,
    },
    TextTooLong {
        kind: TextKind,
        max: usize,
        length: usize,
    },
    EmptyText {
        kind: TextKind,
    },
    UndeclaredLesson {
        lesson: String,
    },
    UndeclaredQuestion {
        lesson: String,
        question: String,
    },
}

fn number(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Defect {
    /// The Fluent message that explains this defect.
    pub fn message_id(&self) -> &'static str {
        match self {
            Defect::NoToolboxes => "content-defect-no-toolboxes",
            Defect::MissingToolboxFile => "content-defect-missing-toolbox-file",
            Defect::MissingLanguageFile { .. } => "content-defect-missing-language-file",
            Defect::FileTooLarge { .. } => "content-defect-file-too-large",
            Defect::Unreadable => "content-defect-unreadable",
            Defect::NotUtf8 => "content-defect-not-utf8",
            Defect::Syntax { .. } => "content-defect-syntax",
            Defect::MissingField { .. } => "content-defect-missing-field",
            Defect::UnknownField { .. } => "content-defect-unknown-field",
            Defect::WrongType { .. } => "content-defect-wrong-type",
            Defect::UnknownAudience { .. } => "content-defect-unknown-audience",
            Defect::UnknownQuestionKind { .. } => "content-defect-unknown-question-kind",
            Defect::UnknownMediaKind { .. } => "content-defect-unknown-media-kind",
            Defect::BadId { .. } => "content-defect-bad-id",
            Defect::DuplicateToolbox { .. } => "content-defect-duplicate-toolbox",
            Defect::DuplicateMaterial { .. } => "content-defect-duplicate-material",
            Defect::DuplicateLesson { .. } => "content-defect-duplicate-lesson",
            Defect::DuplicateQuestion { .. } => "content-defect-duplicate-question",
            Defect::UnknownMaterial { .. } => "content-defect-unknown-material",
            Defect::PartsOutOfRange { .. } => "content-defect-parts-out-of-range",
            Defect::TooFewQuestions { .. } => "content-defect-too-few-questions",
            Defect::OptionsOutOfRange { .. } => "content-defect-options-out-of-range",
            Defect::CorrectEmpty => "content-defect-correct-empty",
            Defect::CorrectOutOfRange { .. } => "content-defect-correct-out-of-range",
            Defect::CorrectDuplicated { .. } => "content-defect-correct-duplicated",
            Defect::SingleWithSeveralCorrect { .. } => "content-defect-single-with-several-correct",
            Defect::MediaBothSources => "content-defect-media-both-sources",
            Defect::MediaNoSource => "content-defect-media-no-source",
            Defect::MediaFileMissing { .. } => "content-defect-media-file-missing",
            Defect::MediaOutsideToolbox { .. } => "content-defect-media-outside-toolbox",
            Defect::BadUrl { .. } => "content-defect-bad-url",
            Defect::MissingToolboxText { .. } => "content-defect-missing-toolbox-text",
            Defect::MissingLessonText { .. } => "content-defect-missing-lesson-text",
            Defect::MissingQuestionText { .. } => "content-defect-missing-question-text",
            Defect::PartsCount { .. } => "content-defect-parts-count",
            Defect::OptionsCount { .. } => "content-defect-options-count",
            Defect::CaptionMissing { .. } => "content-defect-caption-missing",
            Defect::CaptionWithoutMedia { .. } => "content-defect-caption-without-media",
            Defect::TextTooLong { .. } => "content-defect-text-too-long",
            Defect::EmptyText { .. } => "content-defect-empty-text",
            Defect::UndeclaredLesson { .. } => "content-defect-undeclared-lesson",
            Defect::UndeclaredQuestion { .. } => "content-defect-undeclared-question",
        }
    }

    /// The arguments of [`Defect::message_id`]. Counts are numbers (for plurals); a text kind
    /// is a selector value (`title`, `part`, …).
    pub fn args(&self) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        match self {
            Defect::NoToolboxes
            | Defect::MissingToolboxFile
            | Defect::Unreadable
            | Defect::NotUtf8
            | Defect::Syntax { .. }
            | Defect::CorrectEmpty
            | Defect::MediaBothSources
            | Defect::MediaNoSource => {}
            Defect::MissingLanguageFile { language } => args.set("language", language.code()),
            Defect::FileTooLarge { max_bytes } => args.set("max", count(i64::try_from(*max_bytes).unwrap_or(i64::MAX))),
            Defect::MissingField { field }
            | Defect::UnknownField { field }
            | Defect::WrongType { field }
            | Defect::MissingToolboxText { field } => args.set("field", field.clone()),
            Defect::UnknownAudience { value }
            | Defect::UnknownQuestionKind { value }
            | Defect::UnknownMediaKind { value } => args.set("value", value.clone()),
            Defect::BadId { id } | Defect::UnknownMaterial { id } => args.set("id", id.clone()),
            Defect::DuplicateToolbox { id, other } => {
                args.set("id", id.clone());
                args.set("other", other.display().to_string());
            }
            Defect::DuplicateMaterial { id, first_line }
            | Defect::DuplicateLesson { id, first_line }
            | Defect::DuplicateQuestion { id, first_line } => {
                args.set("id", id.clone());
                args.set("line", count(number(*first_line)));
            }
            Defect::PartsOutOfRange { parts } => {
                args.set("parts", count(*parts));
                args.set("min", count(number(limits::MIN_PARTS)));
                args.set("max", count(number(limits::MAX_PARTS)));
            }
            Defect::TooFewQuestions { questions } => {
                args.set("questions", count(number(*questions)));
                args.set("min", count(number(limits::MIN_QUESTIONS)));
            }
            Defect::OptionsOutOfRange { options } => {
                args.set("options", count(*options));
                args.set("min", count(number(limits::MIN_OPTIONS)));
                args.set("max", count(number(limits::MAX_OPTIONS)));
            }
            Defect::CorrectOutOfRange { answer, options } => {
                args.set("answer", count(*answer));
                args.set("options", count(*options));
            }
            Defect::CorrectDuplicated { answer } => args.set("answer", count(*answer)),
            Defect::SingleWithSeveralCorrect { correct } => args.set("correct", count(number(*correct))),
            Defect::MediaFileMissing { file } | Defect::MediaOutsideToolbox { file } => args.set("file", file.clone()),
            Defect::BadUrl { url } => args.set("url", url.clone()),
            Defect::MissingLessonText { lesson }
            | Defect::CaptionMissing { lesson }
            | Defect::CaptionWithoutMedia { lesson }
            | Defect::UndeclaredLesson { lesson } => args.set("lesson", lesson.clone()),
            Defect::MissingQuestionText { lesson, question } | Defect::UndeclaredQuestion { lesson, question } => {
                args.set("lesson", lesson.clone());
                args.set("question", question.clone());
            }
            Defect::PartsCount {
                lesson,
                expected,
                found,
            } => {
                args.set("lesson", lesson.clone());
                args.set("expected", count(number(*expected)));
                args.set("found", count(number(*found)));
            }
            Defect::OptionsCount {
                lesson,
                question,
                expected,
                found,
            } => {
                args.set("lesson", lesson.clone());
                args.set("question", question.clone());
                args.set("expected", count(number(*expected)));
                args.set("found", count(number(*found)));
            }
            Defect::TextTooLong { kind, max, length } => {
                args.set("kind", kind.code());
                args.set("max", count(number(*max)));
                args.set("length", count(number(*length)));
            }
            Defect::EmptyText { kind } => args.set("kind", kind.code()),
        }
        args
    }
}

impl TextKind {
    /// The selector value the Fluent messages use.
    pub fn code(self) -> &'static str {
        match self {
            TextKind::Title => "title",
            TextKind::Summary => "summary",
            TextKind::Part => "part",
            TextKind::Caption => "caption",
            TextKind::Question => "question",
            TextKind::Option => "option",
            TextKind::Explanation => "explanation",
            TextKind::Reference => "reference",
        }
    }
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
    let mut problems = Vec::new();
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect(),
        Err(_) => {
            problems.push(Problem {
                file: dir.to_path_buf(),
                line: None,
                defect: Defect::Unreadable,
            });
            return (Library::default(), problems);
        }
    };
    folders.sort();
    let mut toolboxes = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for folder in folders {
        let (toolbox, mut found) = read_toolbox(&folder);
        if let Some((toolbox, file, line)) = toolbox {
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
    (Library { toolboxes }, problems)
}

/// One file being read: its path, where its lines start, and what is wrong with it.
struct File {
    path: PathBuf,
    line_starts: Vec<usize>,
    problems: Vec<Problem>,
}

impl File {
    fn new(path: PathBuf) -> Self {
        File {
            path,
            line_starts: vec![0],
            problems: Vec::new(),
        }
    }

    /// Reads the file's text, or records why it cannot be read.
    fn read(&mut self) -> Option<String> {
        let file = match std::fs::File::open(&self.path) {
            Ok(file) => file,
            Err(_) => {
                self.whole(Defect::Unreadable);
                return None;
            }
        };
        let mut bytes = Vec::new();
        if file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).is_err() {
            self.whole(Defect::Unreadable);
            return None;
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            self.whole(Defect::FileTooLarge {
                max_bytes: MAX_FILE_BYTES,
            });
            return None;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            self.whole(Defect::NotUtf8);
            return None;
        };
        self.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Some(text)
    }

    fn parse<'i>(&mut self, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(table) => Some(table.into_inner()),
            Err(error) => {
                let defect = Defect::Syntax {
                    detail: error.message().to_owned(),
                };
                match error.span() {
                    Some(span) => self.at(&span, defect),
                    None => self.problems.push(Problem {
                        file: self.path.clone(),
                        line: Some(1),
                        defect,
                    }),
                }
                None
            }
        }
    }

    fn line(&self, span: &Range<usize>) -> usize {
        self.line_starts.partition_point(|&start| start <= span.start).max(1)
    }

    fn at(&mut self, span: &Range<usize>, defect: Defect) {
        let line = self.line(span);
        self.problems.push(Problem {
            file: self.path.clone(),
            line: Some(line),
            defect,
        });
    }

    fn whole(&mut self, defect: Defect) {
        self.problems.push(Problem {
            file: self.path.clone(),
            line: None,
            defect,
        });
    }

    /// Reports keys of `table` not in `known`.
    fn only(&mut self, table: &DeTable<'_>, known: &[&str], prefix: &str) {
        for key in table.keys() {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let field = format!("{prefix}{}", key.get_ref());
                self.at(&key.span(), Defect::UnknownField { field });
            }
        }
    }

    /// A required value; a missing one is reported on `anchor`'s line.
    fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        anchor: &Range<usize>,
        prefix: &str,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = table.get(key);
        if value.is_none() {
            self.at(
                anchor,
                Defect::MissingField {
                    field: format!("{prefix}{key}"),
                },
            );
        }
        value
    }

    fn wrong_type(&mut self, value: &Spanned<DeValue<'_>>, field: String) {
        self.at(&value.span(), Defect::WrongType { field });
    }

    fn string(&mut self, value: &Spanned<DeValue<'_>>, field: impl FnOnce() -> String) -> Option<String> {
        match value.get_ref().as_str() {
            Some(text) => Some(text.to_owned()),
            None => {
                self.wrong_type(value, field());
                None
            }
        }
    }

    fn integer(&mut self, value: &Spanned<DeValue<'_>>, field: impl FnOnce() -> String) -> Option<i64> {
        let parsed = value
            .get_ref()
            .as_integer()
            .and_then(|n| i64::from_str_radix(n.as_str(), n.radix()).ok());
        if parsed.is_none() {
            self.wrong_type(value, field());
        }
        parsed
    }

    /// An array whose items are all strings, each with its span.
    fn strings(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: impl Fn() -> String,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(value, field());
            return None;
        };
        let mut items = Vec::new();
        for item in array.iter() {
            items.push((self.string(item, &field)?, item.span()));
        }
        Some(items)
    }

    fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        field: impl FnOnce() -> String,
    ) -> Option<&'t DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(value, field());
        }
        table
    }

    /// The items of an array of tables (`[[lesson]]`), each with its span.
    fn tables<'t, 'i>(&mut self, value: &'t Spanned<DeValue<'i>>, field: &str) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(value, field.to_owned());
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|item| match item.get_ref().as_table() {
                Some(table) => Some((table, item.span())),
                None => {
                    self.wrong_type(item, field.to_owned());
                    None
                }
            })
            .collect()
    }

    /// Checks a text for emptiness and length (in characters).
    fn text(&mut self, text: &str, span: &Range<usize>, kind: TextKind) {
        if text.trim().is_empty() {
            self.at(span, Defect::EmptyText { kind });
            return;
        }
        let length = text.chars().count();
        let max = kind.max_chars();
        if length > max {
            self.at(span, Defect::TextTooLong { kind, max, length });
        }
    }

    fn id(&mut self, id: &str, span: &Range<usize>) {
        if !valid_id(id) {
            self.at(span, Defect::BadId { id: id.to_owned() });
        }
    }

    fn url(&mut self, url: &str, span: &Range<usize>) {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or_default();
        if rest.is_empty() || url.chars().any(char::is_whitespace) {
            self.at(span, Defect::BadUrl { url: url.to_owned() });
        }
    }
}

/// What `toolbox.toml` declares about a lesson.
struct LessonDecl {
    id: String,
    parts: Option<usize>,
    /// Whether a media is declared (even a defective one).
    has_media: bool,
    materials: Vec<String>,
    media: Option<LessonMedia>,
    /// The media as written (a relative file), for the version digest.
    media_written: Option<(MediaKind, MediaSource)>,
    questions: Vec<QuestionDecl>,
}

struct QuestionDecl {
    id: String,
    kind: QuestionKind,
    options: Option<usize>,
    correct: Vec<usize>,
}

/// A toolbox, the file it is declared in and the line of its id.
type Found = (Toolbox, PathBuf, usize);

fn read_toolbox(folder: &Path) -> (Option<Found>, Vec<Problem>) {
    let path = folder.join(TOOLBOX_FILE);
    if !path.exists() {
        let problem = Problem {
            file: folder.to_path_buf(),
            line: None,
            defect: Defect::MissingToolboxFile,
        };
        return (None, vec![problem]);
    }
    let mut file = File::new(path);
    let Some(text) = file.read() else {
        return (None, file.problems);
    };
    let Some(root) = file.parse(&text) else {
        return (None, file.problems);
    };
    let top = 0..0;
    file.only(&root, &["id", "audience", "position", "material", "lesson"], "");
    let mut id_line = 1;
    let id = match file.required(&root, "id", &top, "") {
        Some(value) => {
            id_line = file.line(&value.span());
            let id = file.string(value, || "id".to_owned());
            if let Some(id) = &id {
                file.id(id, &value.span());
            }
            id
        }
        None => None,
    };
    let audience = file.required(&root, "audience", &top, "").and_then(|value| {
        let text = file.string(value, || "audience".to_owned())?;
        let audience = match text.as_str() {
            "volunteer" => Some(ToolboxAudience::Volunteer),
            "manager" => Some(ToolboxAudience::Manager),
            "both" => Some(ToolboxAudience::Both),
            _ => None,
        };
        if audience.is_none() {
            file.at(&value.span(), Defect::UnknownAudience { value: text });
        }
        audience
    });
    let position = file
        .required(&root, "position", &top, "")
        .and_then(|value| file.integer(value, || "position".to_owned()));
    let (materials, declared) = match root.get("material") {
        Some(value) => read_materials(&mut file, value),
        None => (Vec::new(), BTreeSet::new()),
    };
    let material_ids: BTreeSet<&str> = declared.iter().map(String::as_str).collect();
    let lessons = match file.required(&root, "lesson", &top, "") {
        Some(value) => read_lessons(&mut file, value, folder, &material_ids),
        None => Vec::new(),
    };

    let mut problems = std::mem::take(&mut file.problems);
    let mut texts = BTreeMap::new();
    let mut lesson_texts: Vec<BTreeMap<Language, LessonText>> = lessons.iter().map(|_| BTreeMap::new()).collect();
    let mut question_texts: Vec<Vec<BTreeMap<Language, QuestionText>>> = lessons
        .iter()
        .map(|lesson| lesson.questions.iter().map(|_| BTreeMap::new()).collect())
        .collect();
    for language in Language::ALL {
        let path = folder.join(format!("{}.toml", language.code()));
        if !path.exists() {
            problems.push(Problem {
                file: path,
                line: None,
                defect: Defect::MissingLanguageFile { language },
            });
            continue;
        }
        let mut file = File::new(path);
        if let Some(text) = file.read()
            && let Some(root) = file.parse(&text)
        {
            let read = read_language(&mut file, &root, &lessons);
            if let Some((toolbox, lessons, questions)) = read {
                texts.insert(language, toolbox);
                for (i, text) in lessons.into_iter().enumerate() {
                    if let Some(text) = text {
                        lesson_texts[i].insert(language, text);
                    }
                }
                for (i, lesson) in questions.into_iter().enumerate() {
                    for (j, text) in lesson.into_iter().enumerate() {
                        if let Some(text) = text {
                            question_texts[i][j].insert(language, text);
                        }
                    }
                }
            }
        }
        problems.append(&mut file.problems);
    }

    let (Some(id), Some(audience), Some(position)) = (id, audience, position) else {
        return (None, problems);
    };
    if texts.is_empty() {
        return (None, problems);
    }
    let lessons = lessons
        .into_iter()
        .zip(lesson_texts)
        .zip(question_texts)
        .filter(|((_, texts), _)| !texts.is_empty())
        .map(|((decl, texts), question_texts)| {
            let questions: Vec<Question> = decl
                .questions
                .into_iter()
                .zip(question_texts)
                .filter(|(_, texts)| !texts.is_empty())
                .map(|(question, texts)| Question {
                    id: question.id,
                    kind: question.kind,
                    correct: question.correct,
                    texts: Translations { by_language: texts },
                })
                .collect();
            let texts = Translations { by_language: texts };
            let version = digest(&(&decl.id, &decl.materials, &decl.media_written, &questions, &texts));
            Lesson {
                id: decl.id,
                version,
                materials: decl.materials,
                media: decl.media,
                questions,
                texts,
            }
        })
        .collect();
    let toolbox = Toolbox {
        id,
        audience,
        position,
        materials,
        lessons,
        texts: Translations { by_language: texts },
    };
    let file = folder.join(TOOLBOX_FILE);
    (Some((toolbox, file, id_line)), problems)
}

/// The complete materials, and the ids of all declared ones (even incomplete).
fn read_materials(file: &mut File, value: &Spanned<DeValue<'_>>) -> (Vec<Material>, BTreeSet<String>) {
    let mut materials = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (table, span) in file.tables(value, "material") {
        file.only(table, &["id", "title", "source", "url", "licence"], "material.");
        let mut field = |key: &str| {
            let value = file.required(table, key, &span, "material.")?;
            let text = file.string(value, || format!("material.{key}"))?;
            Some((text, value.span()))
        };
        let id = field("id");
        let title = field("title");
        let source = field("source");
        let licence = field("licence");
        let url = table.get("url").and_then(|value| {
            let url = file.string(value, || "material.url".to_owned())?;
            file.url(&url, &value.span());
            Some(url)
        });
        for (text, span) in [&title, &source, &licence].into_iter().flatten() {
            file.text(text, span, TextKind::Reference);
        }
        let Some((id, id_span)) = id else { continue };
        file.id(&id, &id_span);
        let line = file.line(&id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateMaterial { id, first_line });
            continue;
        }
        seen.insert(id.clone(), line);
        if let (Some((title, _)), Some((source, _)), Some((licence, _))) = (title, source, licence) {
            materials.push(Material {
                id,
                title,
                source,
                url,
                licence,
            });
        }
    }
    let declared = seen.into_keys().collect();
    (materials, declared)
}

fn read_lessons(
    file: &mut File,
    value: &Spanned<DeValue<'_>>,
    folder: &Path,
    materials: &BTreeSet<&str>,
) -> Vec<LessonDecl> {
    let mut lessons = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (table, span) in file.tables(value, "lesson") {
        file.only(table, &["id", "parts", "materials", "media", "question"], "lesson.");
        let Some(id_value) = file.required(table, "id", &span, "lesson.") else {
            continue;
        };
        let Some(id) = file.string(id_value, || "lesson.id".to_owned()) else {
            continue;
        };
        let id_span = id_value.span();
        file.id(&id, &id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateLesson { id, first_line });
            continue;
        }
        seen.insert(id.clone(), file.line(&id_span));
        let parts = file.required(table, "parts", &span, "lesson.").and_then(|value| {
            let parts = file.integer(value, || "lesson.parts".to_owned())?;
            let range = number(limits::MIN_PARTS)..=number(limits::MAX_PARTS);
            if !range.contains(&parts) {
                file.at(&value.span(), Defect::PartsOutOfRange { parts });
                return None;
            }
            usize::try_from(parts).ok()
        });
        let mut lesson_materials = Vec::new();
        if let Some(value) = table.get("materials")
            && let Some(items) = file.strings(value, || "lesson.materials".to_owned())
        {
            for (material, span) in items {
                if !materials.contains(material.as_str()) {
                    file.at(&span, Defect::UnknownMaterial { id: material.clone() });
                }
                lesson_materials.push(material);
            }
        }
        let (media, media_written) = match table.get("media") {
            Some(value) => read_media(file, value, folder),
            None => (None, None),
        };
        let questions = match file.required(table, "question", &span, "lesson.") {
            Some(value) => read_questions(file, value, &id_span),
            None => Vec::new(),
        };
        lessons.push(LessonDecl {
            id,
            parts,
            has_media: table.get("media").is_some(),
            materials: lesson_materials,
            media,
            media_written,
            questions,
        });
    }
    lessons
}

type MediaRead = (Option<LessonMedia>, Option<(MediaKind, MediaSource)>);

fn read_media(file: &mut File, value: &Spanned<DeValue<'_>>, folder: &Path) -> MediaRead {
    let Some(table) = file.table(value, || "lesson.media".to_owned()) else {
        return (None, None);
    };
    let span = value.span();
    file.only(table, &["kind", "file", "url"], "lesson.media.");
    let kind = file.required(table, "kind", &span, "lesson.media.").and_then(|value| {
        let text = file.string(value, || "lesson.media.kind".to_owned())?;
        let kind = match text.as_str() {
            "image" => Some(MediaKind::Image),
            "video" => Some(MediaKind::Video),
            "document" => Some(MediaKind::Document),
            _ => None,
        };
        if kind.is_none() {
            file.at(&value.span(), Defect::UnknownMediaKind { value: text });
        }
        kind
    });
    let local = table
        .get("file")
        .and_then(|value| Some((file.string(value, || "lesson.media.file".to_owned())?, value.span())));
    let url = table
        .get("url")
        .and_then(|value| Some((file.string(value, || "lesson.media.url".to_owned())?, value.span())));
    let (source, written) = match (local, url) {
        (Some(_), Some(_)) => {
            file.at(&span, Defect::MediaBothSources);
            return (None, None);
        }
        (None, None) => {
            if table.get("file").is_none() && table.get("url").is_none() {
                file.at(&span, Defect::MediaNoSource);
            }
            return (None, None);
        }
        (None, Some((url, url_span))) => {
            file.url(&url, &url_span);
            (MediaSource::Url(url.clone()), MediaSource::Url(url))
        }
        (Some((relative, file_span)), None) => {
            let Some(absolute) = media_file(file, folder, &relative, &file_span) else {
                return (None, None);
            };
            (MediaSource::File(absolute), MediaSource::File(PathBuf::from(relative)))
        }
    };
    match kind {
        Some(kind) => (Some(LessonMedia { kind, source }), Some((kind, written))),
        None => (None, None),
    }
}

/// The absolute path of a media file, which must be a file inside the toolbox folder.
fn media_file(file: &mut File, folder: &Path, relative: &str, span: &Range<usize>) -> Option<PathBuf> {
    let joined = folder.join(relative);
    if relative.trim().is_empty() || !joined.is_file() {
        file.at(
            span,
            Defect::MediaFileMissing {
                file: relative.to_owned(),
            },
        );
        return None;
    }
    let (Ok(absolute), Ok(root)) = (joined.canonicalize(), folder.canonicalize()) else {
        file.at(
            span,
            Defect::MediaFileMissing {
                file: relative.to_owned(),
            },
        );
        return None;
    };
    if !absolute.starts_with(&root) {
        file.at(
            span,
            Defect::MediaOutsideToolbox {
                file: relative.to_owned(),
            },
        );
        return None;
    }
    Some(absolute)
}

fn read_questions(file: &mut File, value: &Spanned<DeValue<'_>>, lesson_span: &Range<usize>) -> Vec<QuestionDecl> {
    let mut questions = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let prefix = "lesson.question.";
    let items = file.tables(value, "lesson.question");
    if items.len() < limits::MIN_QUESTIONS {
        file.at(lesson_span, Defect::TooFewQuestions { questions: items.len() });
    }
    for (table, span) in items {
        file.only(table, &["id", "kind", "options", "correct"], prefix);
        let Some(id_value) = file.required(table, "id", &span, prefix) else {
            continue;
        };
        let Some(id) = file.string(id_value, || format!("{prefix}id")) else {
            continue;
        };
        let id_span = id_value.span();
        file.id(&id, &id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateQuestion { id, first_line });
            continue;
        }
        seen.insert(id.clone(), file.line(&id_span));
        let kind = file.required(table, "kind", &span, prefix).and_then(|value| {
            let text = file.string(value, || format!("{prefix}kind"))?;
            let kind = match text.as_str() {
                "single" => Some(QuestionKind::Single),
                "multiple" => Some(QuestionKind::Multiple),
                _ => None,
            };
            if kind.is_none() {
                file.at(&value.span(), Defect::UnknownQuestionKind { value: text });
            }
            kind
        });
        let options = file.required(table, "options", &span, prefix).and_then(|value| {
            let options = file.integer(value, || format!("{prefix}options"))?;
            let range = number(limits::MIN_OPTIONS)..=number(limits::MAX_OPTIONS);
            if !range.contains(&options) {
                file.at(&value.span(), Defect::OptionsOutOfRange { options });
                return None;
            }
            usize::try_from(options).ok()
        });
        let mut correct = Vec::new();
        if let Some(value) = file.required(table, "correct", &span, prefix)
            && let Some(array) = value.get_ref().as_array()
        {
            if array.is_empty() {
                file.at(&value.span(), Defect::CorrectEmpty);
            }
            let mut answers = BTreeSet::new();
            for item in array.iter() {
                let Some(answer) = file.integer(item, || format!("{prefix}correct")) else {
                    continue;
                };
                if let Some(options) = options
                    && (answer < 1 || answer > number(options))
                {
                    file.at(
                        &item.span(),
                        Defect::CorrectOutOfRange {
                            answer,
                            options: number(options),
                        },
                    );
                    continue;
                }
                if !answers.insert(answer) {
                    file.at(&item.span(), Defect::CorrectDuplicated { answer });
                }
            }
            if kind == Some(QuestionKind::Single) && answers.len() > 1 {
                file.at(
                    &value.span(),
                    Defect::SingleWithSeveralCorrect { correct: answers.len() },
                );
            }
            correct = answers
                .into_iter()
                .filter_map(|answer| usize::try_from(answer - 1).ok())
                .collect();
        } else if let Some(value) = table.get("correct") {
            file.wrong_type(value, format!("{prefix}correct"));
        }
        questions.push(QuestionDecl {
            id,
            kind: kind.unwrap_or(QuestionKind::Single),
            options,
            correct,
        });
    }
    questions
}

/// The texts of one language: the toolbox's, each lesson's and each question's (in
/// declaration order; `None` where missing or defective).
type LanguageTexts = (ToolboxText, Vec<Option<LessonText>>, Vec<Vec<Option<QuestionText>>>);

fn read_language(file: &mut File, root: &DeTable<'_>, lessons: &[LessonDecl]) -> Option<LanguageTexts> {
    file.only(root, &["title", "summary", "lesson"], "");
    let toolbox_text = |file: &mut File, key: &str, kind: TextKind| match root.get(key) {
        Some(value) => {
            let text = file.string(value, || key.to_owned())?;
            file.text(&text, &value.span(), kind);
            Some(text)
        }
        None => {
            file.whole(Defect::MissingToolboxText { field: key.to_owned() });
            None
        }
    };
    let title = toolbox_text(file, "title", TextKind::Title);
    let summary = toolbox_text(file, "summary", TextKind::Summary);
    let empty = DeTable::default();
    let lesson_table = match root.get("lesson") {
        Some(value) => file.table(value, || "lesson".to_owned()).unwrap_or(&empty),
        None => &empty,
    };
    for key in lesson_table.keys() {
        if !lessons.iter().any(|lesson| *lesson.id == **key.get_ref()) {
            file.at(
                &key.span(),
                Defect::UndeclaredLesson {
                    lesson: key.get_ref().to_string(),
                },
            );
        }
    }
    let mut lesson_texts = Vec::new();
    let mut question_texts = Vec::new();
    for lesson in lessons {
        let Some((key, value)) = lesson_table.get_key_value(lesson.id.as_str()) else {
            file.whole(Defect::MissingLessonText {
                lesson: lesson.id.clone(),
            });
            lesson_texts.push(None);
            question_texts.push(lesson.questions.iter().map(|_| None).collect());
            continue;
        };
        let (text, questions) = read_lesson_text(file, lesson, &key.span(), value);
        lesson_texts.push(text);
        question_texts.push(questions);
    }
    Some((
        ToolboxText {
            title: title?,
            summary: summary?,
        },
        lesson_texts,
        question_texts,
    ))
}

fn read_lesson_text(
    file: &mut File,
    lesson: &LessonDecl,
    anchor: &Range<usize>,
    value: &Spanned<DeValue<'_>>,
) -> (Option<LessonText>, Vec<Option<QuestionText>>) {
    let none = || lesson.questions.iter().map(|_| None).collect();
    let prefix = format!("lesson.{}.", lesson.id);
    let Some(table) = file.table(value, || format!("lesson.{}", lesson.id)) else {
        return (None, none());
    };
    file.only(table, &["title", "parts", "caption", "question"], &prefix);
    let title = file.required(table, "title", anchor, &prefix).and_then(|value| {
        let title = file.string(value, || format!("{prefix}title"))?;
        file.text(&title, &value.span(), TextKind::Title);
        Some(title)
    });
    let parts = file.required(table, "parts", anchor, &prefix).and_then(|value| {
        let parts = file.strings(value, || format!("{prefix}parts"))?;
        if let Some(expected) = lesson.parts
            && parts.len() != expected
        {
            file.at(
                &value.span(),
                Defect::PartsCount {
                    lesson: lesson.id.clone(),
                    expected,
                    found: parts.len(),
                },
            );
        }
        for (part, span) in &parts {
            file.text(part, span, TextKind::Part);
        }
        Some(parts.into_iter().map(|(part, _)| part).collect::<Vec<_>>())
    });
    let caption = match table.get("caption") {
        Some(value) => {
            let caption = file.string(value, || format!("{prefix}caption"));
            if let Some(caption) = &caption {
                file.text(caption, &value.span(), TextKind::Caption);
            }
            if !lesson.has_media {
                file.at(
                    &value.span(),
                    Defect::CaptionWithoutMedia {
                        lesson: lesson.id.clone(),
                    },
                );
            }
            caption
        }
        None => {
            if lesson.has_media {
                file.at(
                    anchor,
                    Defect::CaptionMissing {
                        lesson: lesson.id.clone(),
                    },
                );
            }
            None
        }
    };
    let empty = DeTable::default();
    let question_table = match table.get("question") {
        Some(value) => file.table(value, || format!("{prefix}question")).unwrap_or(&empty),
        None => &empty,
    };
    for key in question_table.keys() {
        if !lesson.questions.iter().any(|q| *q.id == **key.get_ref()) {
            file.at(
                &key.span(),
                Defect::UndeclaredQuestion {
                    lesson: lesson.id.clone(),
                    question: key.get_ref().to_string(),
                },
            );
        }
    }
    let questions = lesson
        .questions
        .iter()
        .map(|question| match question_table.get_key_value(question.id.as_str()) {
            Some((key, value)) => read_question_text(file, lesson, question, &key.span(), value),
            None => {
                file.at(
                    anchor,
                    Defect::MissingQuestionText {
                        lesson: lesson.id.clone(),
                        question: question.id.clone(),
                    },
                );
                None
            }
        })
        .collect();
    let text = match (title, parts) {
        (Some(title), Some(parts)) => Some(LessonText { title, parts, caption }),
        _ => None,
    };
    (text, questions)
}

fn read_question_text(
    file: &mut File,
    lesson: &LessonDecl,
    question: &QuestionDecl,
    anchor: &Range<usize>,
    value: &Spanned<DeValue<'_>>,
) -> Option<QuestionText> {
    let prefix = format!("lesson.{}.question.{}.", lesson.id, question.id);
    let table = file.table(value, || format!("lesson.{}.question.{}", lesson.id, question.id))?;
    file.only(table, &["text", "options", "explanation"], &prefix);
    let single = |file: &mut File, key: &str, kind: TextKind| {
        let value = file.required(table, key, anchor, &prefix)?;
        let text = file.string(value, || format!("{prefix}{key}"))?;
        file.text(&text, &value.span(), kind);
        Some(text)
    };
    let text = single(file, "text", TextKind::Question);
    let explanation = single(file, "explanation", TextKind::Explanation);
    let options = file.required(table, "options", anchor, &prefix).and_then(|value| {
        let options = file.strings(value, || format!("{prefix}options"))?;
        if let Some(expected) = question.options
            && options.len() != expected
        {
            file.at(
                &value.span(),
                Defect::OptionsCount {
                    lesson: lesson.id.clone(),
                    question: question.id.clone(),
                    expected,
                    found: options.len(),
                },
            );
        }
        for (option, span) in &options {
            file.text(option, span, TextKind::Option);
        }
        Some(options.into_iter().map(|(option, _)| option).collect())
    });
    Some(QuestionText {
        text: text?,
        options: options?,
        explanation: explanation?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Localizer;

    const TOOLBOX: &str = r#"id = "demo"
audience = "volunteer"
position = 5

[[material]]
id = "src"
title = "A source"
source = "Someone"
url = "https://example.org/source"
licence = "CC BY 4.0"

[[lesson]]
id = "one"
parts = 2
materials = ["src"]

[[lesson.question]]
id = "a"
kind = "single"
options = 2
correct = [2]

[[lesson.question]]
id = "b"
kind = "multiple"
options = 3
correct = [3, 1]

[[lesson.question]]
id = "c"
kind = "single"
options = 2
correct = [1]
"#;

    fn language_file(tag: &str) -> String {
        format!(
            r#"title = "Demo {tag}"
summary = "Résumé {tag}"

[lesson.one]
title = "Leçon {tag}"
parts = ["Partie une {tag}", "Partie deux"]

[lesson.one.question.a]
text = "Question a ?"
options = ["Oui", "Non"]
explanation = "Parce que."

[lesson.one.question.b]
text = "Question b ?"
options = ["Un", "Deux", "Trois"]
explanation = "Parce que."

[lesson.one.question.c]
text = "Question c ?"
options = ["Vrai", "Faux"]
explanation = "Parce que."
"#
        )
    }

    /// A pack folder holding the demo toolbox, with `edit` applied to its files first.
    fn pack(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        let folder = dir.path().join("demo");
        std::fs::create_dir(&folder).expect("folder");
        let mut files = vec![("toolbox.toml", TOOLBOX.to_owned())];
        for language in Language::ALL {
            files.push((language.code(), language_file(language.code())));
        }
        for (name, text) in files {
            let name = if name == "toolbox.toml" {
                name.to_owned()
            } else {
                format!("{name}.toml")
            };
            std::fs::write(folder.join(&name), edit(&name, text)).expect("write");
        }
        dir
    }

    fn replace(file: &'static str, from: &'static str, to: &'static str) -> impl Fn(&str, String) -> String {
        move |name, text| {
            if name == file {
                assert!(text.contains(from), "{from:?} not in {file}");
                text.replacen(from, to, 1)
            } else {
                text
            }
        }
    }

    fn problems_of(dir: &tempfile::TempDir) -> Vec<(String, Option<usize>, Defect)> {
        check(dir.path())
            .into_iter()
            .map(|p| {
                let name = p
                    .file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, p.line, p.defect)
            })
            .collect()
    }

    #[test]
    fn a_valid_pack_loads_into_the_model() {
        let dir = pack(|_, text| text);
        let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
        let toolbox = &library.toolboxes[0];
        assert_eq!(
            (toolbox.id.as_str(), toolbox.audience, toolbox.position),
            ("demo", ToolboxAudience::Volunteer, 5)
        );
        assert_eq!(toolbox.texts.get(Language::Ar).title, "Demo ar");
        assert_eq!(toolbox.materials[0].url.as_deref(), Some("https://example.org/source"));
        let lesson = &toolbox.lessons[0];
        assert_eq!(lesson.materials, ["src"]);
        assert_eq!(lesson.texts.by_language.len(), 3);
        assert_eq!(lesson.texts.get(Language::Ary).parts, ["Partie une ary", "Partie deux"]);
        assert_eq!(lesson.version.len(), 16);
        let correct: Vec<&[usize]> = lesson.questions.iter().map(|q| q.correct.as_slice()).collect();
        assert_eq!(correct, [&[1][..], &[0, 2], &[0]]);
        assert!(lesson.questions[1].is_right(&[2, 0]));
    }

    #[test]
    fn any_edit_in_any_language_makes_a_new_version_and_reordering_does_not() {
        let version = |dir: &tempfile::TempDir| {
            let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
            library.lesson("demo", "one").expect("lesson").1.version.clone()
        };
        let base = version(&pack(|_, text| text));
        assert_eq!(base, version(&pack(|_, text| text)), "stable");
        assert_ne!(base, version(&pack(replace("ary.toml", "Parce que.", "Hit."))));
        assert_ne!(
            base,
            version(&pack(replace("toolbox.toml", "correct = [1]", "correct = [2]")))
        );
        // Another lesson listed before this one leaves its version alone.
        let second = "[[lesson]]\nid = \"zero\"\nparts = 1\n\n[[lesson.question]]\nid = \"a\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson.question]]\nid = \"b\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson.question]]\nid = \"c\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson]]\nid = \"one\"";
        let texts = "[lesson.zero]\ntitle = \"Z\"\nparts = [\"Z\"]\n[lesson.zero.question.a]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n[lesson.zero.question.b]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n[lesson.zero.question.c]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n\n[lesson.one]";
        let reordered = pack(move |name, text| {
            if name == "toolbox.toml" {
                text.replacen("[[lesson]]\nid = \"one\"", second, 1)
            } else {
                text.replacen("[lesson.one]", texts, 1)
            }
        });
        let library = load(reordered.path()).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(library.toolboxes[0].lessons[0].id, "zero");
        assert_eq!(library.toolboxes[0].lessons[1].version, base);
    }

    #[test]
    fn each_defect_is_found_on_its_line() {
        use Defect as D;
        let cases: Vec<(&'static str, &'static str, &'static str, Option<usize>, Defect)> = vec![
            (
                "toolbox.toml",
                "id = \"demo\"",
                "id = \"Demo\"",
                Some(1),
                D::BadId { id: "Demo".into() },
            ),
            (
                "toolbox.toml",
                "audience = \"volunteer\"",
                "audience = \"all\"",
                Some(2),
                D::UnknownAudience { value: "all".into() },
            ),
            (
                "toolbox.toml",
                "position = 5\n",
                "",
                Some(1),
                D::MissingField {
                    field: "position".into(),
                },
            ),
            (
                "toolbox.toml",
                "position = 5",
                "position = \"5\"",
                Some(3),
                D::WrongType {
                    field: "position".into(),
                },
            ),
            (
                "toolbox.toml",
                "licence",
                "license",
                Some(10),
                D::UnknownField {
                    field: "material.license".into(),
                },
            ),
            (
                "toolbox.toml",
                "parts = 2",
                "parts = 5",
                Some(14),
                D::PartsOutOfRange { parts: 5 },
            ),
            (
                "toolbox.toml",
                "materials = [\"src\"]",
                "materials = [\"who\"]",
                Some(15),
                D::UnknownMaterial { id: "who".into() },
            ),
            (
                "toolbox.toml",
                "kind = \"multiple\"",
                "kind = \"many\"",
                Some(25),
                D::UnknownQuestionKind { value: "many".into() },
            ),
            (
                "toolbox.toml",
                "options = 3",
                "options = 11",
                Some(26),
                D::OptionsOutOfRange { options: 11 },
            ),
            (
                "toolbox.toml",
                "correct = [2]",
                "correct = []",
                Some(21),
                D::CorrectEmpty,
            ),
            (
                "toolbox.toml",
                "correct = [2]",
                "correct = [3]",
                Some(21),
                D::CorrectOutOfRange { answer: 3, options: 2 },
            ),
            (
                "toolbox.toml",
                "correct = [3, 1]",
                "correct = [3, 3]",
                Some(27),
                D::CorrectDuplicated { answer: 3 },
            ),
            (
                "toolbox.toml",
                "correct = [2]",
                "correct = [1, 2]",
                Some(21),
                D::SingleWithSeveralCorrect { correct: 2 },
            ),
            (
                "toolbox.toml",
                "id = \"c\"",
                "id = \"a\"",
                Some(30),
                D::DuplicateQuestion {
                    id: "a".into(),
                    first_line: 18,
                },
            ),
            (
                "toolbox.toml",
                "url = \"https://example.org/source\"",
                "url = \"example.org\"",
                Some(9),
                D::BadUrl {
                    url: "example.org".into(),
                },
            ),
            (
                "toolbox.toml",
                "materials = [\"src\"]",
                "media = { kind = \"video\" }",
                Some(15),
                D::MediaNoSource,
            ),
            (
                "toolbox.toml",
                "materials = [\"src\"]",
                "media = { kind = \"gif\", url = \"https://x.org/a.gif\" }",
                Some(15),
                D::UnknownMediaKind { value: "gif".into() },
            ),
            (
                "toolbox.toml",
                "materials = [\"src\"]",
                "media = { kind = \"image\", url = \"https://x.org/a.png\", file = \"a.png\" }",
                Some(15),
                D::MediaBothSources,
            ),
            (
                "toolbox.toml",
                "materials = [\"src\"]",
                "media = { kind = \"image\", file = \"media/none.png\" }",
                Some(15),
                D::MediaFileMissing {
                    file: "media/none.png".into(),
                },
            ),
            (
                "toolbox.toml",
                "correct = [2]",
                "correct = [2\n",
                Some(24),
                D::Syntax { detail: String::new() },
            ),
            (
                "fr.toml",
                "summary = \"Résumé fr\"\n",
                "",
                None,
                D::MissingToolboxText {
                    field: "summary".into(),
                },
            ),
            (
                "ar.toml",
                "parts = [\"Partie une ar\", \"Partie deux\"]",
                "parts = [\"Une\"]",
                Some(6),
                D::PartsCount {
                    lesson: "one".into(),
                    expected: 2,
                    found: 1,
                },
            ),
            (
                "ary.toml",
                "options = [\"Oui\", \"Non\"]",
                "options = [\"Oui\"]",
                Some(10),
                D::OptionsCount {
                    lesson: "one".into(),
                    question: "a".into(),
                    expected: 2,
                    found: 1,
                },
            ),
            (
                "fr.toml",
                "[lesson.one.question.c]",
                "[lesson.one.question.d]",
                Some(4),
                D::MissingQuestionText {
                    lesson: "one".into(),
                    question: "c".into(),
                },
            ),
            (
                "fr.toml",
                "text = \"Question a ?\"",
                "text = \" \"",
                Some(9),
                D::EmptyText {
                    kind: TextKind::Question,
                },
            ),
            (
                "fr.toml",
                "title = \"Leçon fr\"",
                "title = \"Leçon fr\"\ncaption = \"Voir\"",
                Some(6),
                D::CaptionWithoutMedia { lesson: "one".into() },
            ),
            (
                "fr.toml",
                "[lesson.one]\n",
                "[lesson.two]\ntitle = \"x\"\n[lesson.one]\n",
                Some(4),
                D::UndeclaredLesson { lesson: "two".into() },
            ),
        ];
        let mut failures = Vec::new();
        for (file, from, to, line, defect) in cases {
            let dir = pack(replace(file, from, to));
            let found = problems_of(&dir);
            let matches = |(f, l, d): &(String, Option<usize>, Defect)| {
                f == file
                    && *l == line
                    && match (d, &defect) {
                        (D::Syntax { .. }, D::Syntax { .. }) => true,
                        (d, defect) => d == defect,
                    }
            };
            if !found.iter().any(matches) {
                failures.push(format!(
                    "{file}: {from:?} -> {to:?}: expected {defect:?} on {line:?}, found {found:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn texts_are_measured_in_characters() {
        // 100 Arabic letters are 200 bytes: still a valid option.
        let option = "ب".repeat(limits::OPTION);
        let fits = pack(move |name, text| {
            if name == "ar.toml" {
                text.replacen("\"Oui\"", &format!("\"{option}\""), 1)
            } else {
                text
            }
        });
        assert_eq!(problems_of(&fits), []);
        let long = "ب".repeat(limits::OPTION + 1);
        let over = pack(move |name, text| {
            if name == "ar.toml" {
                text.replacen("\"Oui\"", &format!("\"{long}\""), 1)
            } else {
                text
            }
        });
        assert_eq!(
            problems_of(&over),
            [(
                "ar.toml".to_owned(),
                Some(10),
                Defect::TextTooLong {
                    kind: TextKind::Option,
                    max: limits::OPTION,
                    length: limits::OPTION + 1
                }
            )]
        );
    }

    #[test]
    fn files_and_folders_that_are_missing_too_big_or_not_text() {
        let dir = pack(|_, text| text);
        std::fs::remove_file(dir.path().join("demo/ary.toml")).expect("remove");
        std::fs::write(dir.path().join("demo/ar.toml"), vec![b'#'; 2 * MAX_FILE_BYTES as usize]).expect("write");
        std::fs::write(dir.path().join("demo/fr.toml"), b"title = \"\xff\"").expect("write");
        std::fs::create_dir(dir.path().join("empty")).expect("folder");
        std::fs::write(dir.path().join("README.md"), "ignored").expect("write");
        let found = problems_of(&dir);
        for expected in [
            ("fr.toml".to_owned(), None, Defect::NotUtf8),
            (
                "ar.toml".to_owned(),
                None,
                Defect::FileTooLarge {
                    max_bytes: MAX_FILE_BYTES,
                },
            ),
            (
                "ary.toml".to_owned(),
                None,
                Defect::MissingLanguageFile {
                    language: Language::Ary,
                },
            ),
            ("empty".to_owned(), None, Defect::MissingToolboxFile),
        ] {
            assert!(found.contains(&expected), "{expected:?} in {found:?}");
        }
        assert_eq!(found.len(), 4, "{found:?}");
    }

    #[test]
    fn toolbox_ids_are_unique_and_toolboxes_sorted_by_position() {
        let dir = pack(|_, text| text);
        let copy = |to: &str, edit: &dyn Fn(String) -> String| {
            std::fs::create_dir(dir.path().join(to)).expect("folder");
            for name in ["toolbox.toml", "fr.toml", "ar.toml", "ary.toml"] {
                let text = std::fs::read_to_string(dir.path().join("demo").join(name)).expect("read");
                let text = if name == "toolbox.toml" { edit(text) } else { text };
                std::fs::write(dir.path().join(to).join(name), text).expect("write");
            }
        };
        copy("again", &|text| text);
        let found = problems_of(&dir);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            matches!(&found[0], (_, Some(1), Defect::DuplicateToolbox { id, .. }) if id == "demo"),
            "{found:?}"
        );
        std::fs::remove_dir_all(dir.path().join("again")).expect("remove");
        copy("first", &|text| {
            text.replace("id = \"demo\"", "id = \"first\"")
                .replace("position = 5", "position = 1")
        });
        copy("same", &|text| text.replace("id = \"demo\"", "id = \"b-same\""));
        let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
        let ids: Vec<&str> = library.toolboxes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["first", "b-same", "demo"]);
    }

    #[test]
    fn media_files_become_absolute_paths_inside_the_toolbox() {
        let dir = pack(replace(
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"image\", file = \"media/a.png\" }",
        ));
        let with_caption = |dir: &tempfile::TempDir| {
            for language in Language::ALL {
                let path = dir.path().join(format!("demo/{}.toml", language.code()));
                let text = std::fs::read_to_string(&path).expect("read");
                std::fs::write(&path, text.replacen("parts =", "caption = \"Regardez\"\nparts =", 1)).expect("write");
            }
        };
        std::fs::create_dir(dir.path().join("demo/media")).expect("folder");
        std::fs::write(dir.path().join("demo/media/a.png"), b"png").expect("write");
        let found = problems_of(&dir);
        assert_eq!(found.len(), 3, "a caption in each language: {found:?}");
        assert!(
            found
                .iter()
                .all(|(_, line, d)| *line == Some(4) && matches!(d, Defect::CaptionMissing { .. }))
        );
        with_caption(&dir);
        let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
        let media = library.toolboxes[0].lessons[0].media.as_ref().expect("media");
        match &media.source {
            MediaSource::File(path) => assert!(path.is_absolute() && path.ends_with("demo/media/a.png"), "{path:?}"),
            other => panic!("{other:?}"),
        }

        let outside = pack(replace(
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"image\", file = \"../secret.png\" }",
        ));
        std::fs::write(outside.path().join("secret.png"), b"png").expect("write");
        with_caption(&outside);
        assert_eq!(
            problems_of(&outside),
            [(
                "toolbox.toml".to_owned(),
                Some(15),
                Defect::MediaOutsideToolbox {
                    file: "../secret.png".into()
                }
            )]
        );
    }

    #[test]
    fn no_input_makes_the_reader_panic() {
        let inputs = [
            "",
            "\u{0}",
            "lesson = 5",
            "lesson = [1, \"x\"]",
            "[[lesson]]\nid = 7\nparts = 99999999999999999999\nquestion = \"x\"",
            "[[lesson]]\nid = \"\u{202e}évil\"\nparts = -1\n[[lesson.question]]\noptions = 0x10\ncorrect = [\"a\", -3, 9223372036854775807]\nkind = 1",
            "id = \"x\"\naudience = []\nposition = 1.5\nmaterial = { id = 1 }",
            "[lesson.one]\nquestion = \"x\"\nparts = [[1]]",
            "title = 1\nsummary = [\"a\"]\n[lesson]\none = 1",
            "[lesson.one.question.a]\ntext = \"مرحبا 👋🏽\"\noptions = \"x\"",
        ];
        for toolbox in inputs {
            for language in inputs {
                let dir = pack(|name, text| {
                    if name == "toolbox.toml" {
                        toolbox.to_owned()
                    } else if name == "fr.toml" {
                        language.to_owned()
                    } else {
                        text
                    }
                });
                assert!(!check(dir.path()).is_empty(), "{toolbox:?} / {language:?}");
            }
        }
        assert!(!check(Path::new("/nonexistent/pack")).is_empty());
        let empty = tempfile::tempdir().expect("temporary folder");
        assert_eq!(check(empty.path())[0].defect, Defect::NoToolboxes);
    }

    #[test]
    fn every_defect_has_its_message_in_every_language() {
        let localizer = Localizer::from_repository();
        let text = || "x".to_owned();
        let defects = [
            Defect::NoToolboxes,
            Defect::MissingToolboxFile,
            Defect::MissingLanguageFile { language: Language::Ar },
            Defect::FileTooLarge {
                max_bytes: MAX_FILE_BYTES,
            },
            Defect::Unreadable,
            Defect::NotUtf8,
            Defect::Syntax { detail: text() },
            Defect::MissingField { field: text() },
            Defect::UnknownField { field: text() },
            Defect::WrongType { field: text() },
            Defect::UnknownAudience { value: text() },
            Defect::UnknownQuestionKind { value: text() },
            Defect::UnknownMediaKind { value: text() },
            Defect::BadId { id: text() },
            Defect::DuplicateToolbox {
                id: text(),
                other: PathBuf::from("a/toolbox.toml"),
            },
            Defect::DuplicateMaterial {
                id: text(),
                first_line: 3,
            },
            Defect::DuplicateLesson {
                id: text(),
                first_line: 3,
            },
            Defect::DuplicateQuestion {
                id: text(),
                first_line: 3,
            },
            Defect::UnknownMaterial { id: text() },
            Defect::PartsOutOfRange { parts: 0 },
            Defect::TooFewQuestions { questions: 2 },
            Defect::OptionsOutOfRange { options: 1 },
            Defect::CorrectEmpty,
            Defect::CorrectOutOfRange { answer: 5, options: 4 },
            Defect::CorrectDuplicated { answer: 2 },
            Defect::SingleWithSeveralCorrect { correct: 2 },
            Defect::MediaBothSources,
            Defect::MediaNoSource,
            Defect::MediaFileMissing { file: text() },
            Defect::MediaOutsideToolbox { file: text() },
            Defect::BadUrl { url: text() },
            Defect::MissingToolboxText { field: text() },
            Defect::MissingLessonText { lesson: text() },
            Defect::MissingQuestionText {
                lesson: text(),
                question: text(),
            },
            Defect::PartsCount {
                lesson: text(),
                expected: 2,
                found: 1,
            },
            Defect::OptionsCount {
                lesson: text(),
                question: text(),
                expected: 4,
                found: 3,
            },
            Defect::CaptionMissing { lesson: text() },
            Defect::CaptionWithoutMedia { lesson: text() },
            Defect::TextTooLong {
                kind: TextKind::Part,
                max: 700,
                length: 701,
            },
            Defect::EmptyText {
                kind: TextKind::Explanation,
            },
            Defect::UndeclaredLesson { lesson: text() },
            Defect::UndeclaredQuestion {
                lesson: text(),
                question: text(),
            },
        ];
        for defect in &defects {
            for language in Language::ALL {
                let id = defect.message_id();
                assert!(localizer.has_message(language, id), "{id} missing in {language}");
                let message = localizer.text(language, id, Some(&defect.args()));
                assert!(
                    !message.contains("{$") && !message.contains("{ $"),
                    "{id} in {language}: {message}"
                );
            }
        }
    }

    #[test]
    fn the_bundled_pack_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        match load(&dir) {
            Ok(library) => assert!(library.toolboxes.len() >= 6),
            Err(problems) => panic!(
                "{}",
                problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            ),
        }
    }
}
