//! What can be wrong in a pack, where, and how people read it.

use fluent_bundle::FluentArgs;
use std::fmt;
use std::path::PathBuf;
use tatwir_core::content::limits;
use tatwir_core::language::Language;
use tatwir_core::locale::count;

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
    /// The label's ethics charter, in one language.
    Charter,
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
            TextKind::Charter => limits::CHARTER,
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
    /// A part image names a part the lesson does not have.
    ImagePartOutOfRange {
        part: i64,
        parts: i64,
    },
    /// Two images for one part.
    DuplicateImage {
        part: i64,
        first_line: usize,
    },
    /// A part image without its caption in this language.
    ImageCaptionMissing {
        lesson: String,
        part: i64,
    },
    /// A caption for a part that has no image (or a key that is no part number).
    ImageCaptionWithoutImage {
        lesson: String,
        part: String,
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
    /// A track's `role` is neither `volunteer` nor `manager`.
    UnknownTrackRole {
        value: String,
    },
    ValidMonthsOutOfRange {
        months: i64,
    },
    ScoreOutOfRange {
        score: i64,
    },
    /// A track names a toolbox, or a `toolbox/lesson`, the pack does not have.
    UnknownReference {
        id: String,
    },
    /// A `[[retake]]` names a lesson the track does not ask for.
    RetakeOutsideTrack {
        id: String,
    },
    /// A lesson version is sixteen hexadecimal digits (`tatwir certificate tracks --json` shows them).
    BadVersion {
        version: String,
    },
    /// A track asks for no lesson.
    EmptyTrack,
    DuplicateTrack {
        id: String,
        other: PathBuf,
    },
    /// A label criterion's `kind` is none of those `content/README.md` lists.
    UnknownCriterionKind {
        value: String,
    },
    /// A number of `label.toml` outside what it may be.
    NumberOutOfRange {
        field: String,
        value: i64,
        min: i64,
        max: i64,
    },
    /// A label criterion names a certificate track the pack does not have.
    UnknownTrack {
        id: String,
    },
    DuplicateCriterion {
        id: String,
        first_line: usize,
    },
    /// `label.toml` lists no criterion: the label would be everyone's.
    NoCriteria,
}

pub(crate) fn number(n: usize) -> i64 {
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
            Defect::ImagePartOutOfRange { .. } => "content-defect-image-part-out-of-range",
            Defect::DuplicateImage { .. } => "content-defect-duplicate-image",
            Defect::ImageCaptionMissing { .. } => "content-defect-image-caption-missing",
            Defect::ImageCaptionWithoutImage { .. } => "content-defect-image-caption-without-image",
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
            Defect::UnknownTrackRole { .. } => "content-defect-unknown-track-role",
            Defect::ValidMonthsOutOfRange { .. } => "content-defect-valid-months-out-of-range",
            Defect::ScoreOutOfRange { .. } => "content-defect-score-out-of-range",
            Defect::UnknownReference { .. } => "content-defect-unknown-reference",
            Defect::RetakeOutsideTrack { .. } => "content-defect-retake-outside-track",
            Defect::BadVersion { .. } => "content-defect-bad-version",
            Defect::EmptyTrack => "content-defect-empty-track",
            Defect::DuplicateTrack { .. } => "content-defect-duplicate-track",
            Defect::UnknownCriterionKind { .. } => "content-defect-unknown-criterion-kind",
            Defect::NumberOutOfRange { .. } => "content-defect-number-out-of-range",
            Defect::UnknownTrack { .. } => "content-defect-unknown-track",
            Defect::DuplicateCriterion { .. } => "content-defect-duplicate-criterion",
            Defect::NoCriteria => "content-defect-no-criteria",
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
            | Defect::MediaNoSource
            | Defect::EmptyTrack
            | Defect::NoCriteria => {}
            Defect::UnknownCriterionKind { value } => args.set("value", value.clone()),
            Defect::NumberOutOfRange { field, value, min, max } => {
                args.set("field", field.clone());
                args.set("value", count(*value));
                args.set("min", count(*min));
                args.set("max", count(*max));
            }
            Defect::UnknownTrack { id } => args.set("id", id.clone()),
            Defect::DuplicateCriterion { id, first_line } => {
                args.set("id", id.clone());
                args.set("line", count(number(*first_line)));
            }
            Defect::UnknownTrackRole { value } => args.set("value", value.clone()),
            Defect::ValidMonthsOutOfRange { months } => {
                args.set("months", count(*months));
                args.set("max", count(crate::certificate::MAX_VALID_MONTHS));
            }
            Defect::ScoreOutOfRange { score } => args.set("score", count(*score)),
            Defect::UnknownReference { id } | Defect::RetakeOutsideTrack { id } => args.set("id", id.clone()),
            Defect::BadVersion { version } => args.set("version", version.clone()),
            Defect::DuplicateTrack { id, other } => {
                args.set("id", id.clone());
                args.set("other", other.display().to_string());
            }
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
            Defect::ImagePartOutOfRange { part, parts } => {
                args.set("part", count(*part));
                args.set("parts", count(*parts));
            }
            Defect::DuplicateImage { part, first_line } => {
                args.set("part", count(*part));
                args.set("line", count(number(*first_line)));
            }
            Defect::ImageCaptionMissing { lesson, part } => {
                args.set("lesson", lesson.clone());
                args.set("part", count(*part));
            }
            Defect::ImageCaptionWithoutImage { lesson, part } => {
                args.set("lesson", lesson.clone());
                args.set("part", part.clone());
            }
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
            TextKind::Charter => "charter",
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
