//! Toolboxes of micro-lessons and quizzes, as the engine uses them once a pack is loaded.
//!
//! Packs are folders of TOML files (see `content/README.md`); [`pack`] reads and checks them.
//! Ids never change once published: a learner's progress and history are kept by toolbox,
//! lesson and question id, so lessons can be edited or reordered freely. Each lesson carries a
//! `version` (a digest of everything it says, in every language) stored with each answer.

use crate::language::Language;
use crate::message::{MediaKind, MediaSource};
use crate::role::Role;
use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Platform limits every text must fit (characters, as the platforms count them).
pub mod limits {
    /// One lesson part: kept short for small screens (a chat message may hold 4096).
    pub const PART: usize = 700;
    pub const MESSAGE: usize = 4096;
    pub const CAPTION: usize = 1024;
    pub const QUESTION: usize = 300;
    pub const OPTION: usize = 100;
    pub const EXPLANATION: usize = 200;
    pub const MIN_PARTS: usize = 1;
    pub const MAX_PARTS: usize = 4;
    pub const MIN_QUESTIONS: usize = 3;
    pub const MIN_OPTIONS: usize = 2;
    pub const MAX_OPTIONS: usize = 10;
    /// The label's charter in one language: one chat message with its title and a few lines
    /// around it.
    pub const CHARTER: usize = 3000;
}

/// Every loaded toolbox, in the order `/learn` lists them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub toolboxes: Vec<Toolbox>,
    /// The tracks of certification (`certificates/*.toml`), in the order they are listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<CertificateTrack>,
    /// The criteria of the associations' quality label and its charter (`label.toml`); `None`:
    /// the pack grants no label. Packs stored before the label read as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<LabelRules>,
}

/// Who a toolbox is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToolboxAudience {
    Volunteer,
    Manager,
    Both,
}

/// The toolboxes a person is offered: managers (and platform roles) see every toolbox, since
/// they lead volunteers; volunteers see the volunteer and shared ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Track {
    Volunteer,
    Manager,
}

impl Track {
    pub fn for_role(role: Role) -> Track {
        if role >= Role::Manager {
            Track::Manager
        } else {
            Track::Volunteer
        }
    }

    pub fn includes(self, audience: ToolboxAudience) -> bool {
        match self {
            Track::Manager => true,
            Track::Volunteer => audience != ToolboxAudience::Manager,
        }
    }
}

/// Texts in each language; French is always there and stands in for a missing language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Translations<T> {
    pub by_language: BTreeMap<Language, T>,
}

impl<T> Translations<T> {
    /// The text in `language`, or the French one.
    pub fn get(&self, language: Language) -> &T {
        self.by_language
            .get(&language)
            .or_else(|| self.by_language.get(&Language::FALLBACK))
            .or_else(|| self.by_language.values().next())
            .expect("a loaded pack has French texts")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Toolbox {
    pub id: String,
    pub audience: ToolboxAudience,
    pub position: i64,
    pub materials: Vec<Material>,
    pub lessons: Vec<Lesson>,
    pub texts: Translations<ToolboxText>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToolboxText {
    pub title: String,
    pub summary: String,
}

/// A source a lesson draws on, and the terms it is used under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Material {
    pub id: String,
    pub title: String,
    pub source: String,
    pub url: Option<String>,
    pub licence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: String,
    /// A digest of the lesson's content in every language: changes whenever a word does.
    pub version: String,
    pub materials: Vec<String>,
    pub media: Option<LessonMedia>,
    /// Pictures of single parts (a step shown as it is taught), at most one per part, in part
    /// order. Packs stored before them read as none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<PartImage>,
    pub questions: Vec<Question>,
    pub texts: Translations<LessonText>,
}

/// A picture sent with one part of a lesson, just before its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartImage {
    /// The part it goes with, 0-based.
    pub part: usize,
    /// A local file is an absolute path once loaded.
    pub source: MediaSource,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonMedia {
    pub kind: MediaKind,
    /// A local file is an absolute path once loaded.
    pub source: MediaSource,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonText {
    pub title: String,
    /// 1 to 4 chat messages.
    pub parts: Vec<String>,
    /// Shown under the media.
    pub caption: Option<String>,
    /// Shown under each part's image, by part (0-based).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub image_captions: BTreeMap<usize, String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// The right options, 0-based and sorted.
    pub correct: Vec<usize>,
    pub texts: Translations<QuestionText>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionText {
    pub text: String,
    pub options: Vec<String>,
    pub explanation: String,
}

/// Where a question lives: stable across edits and reorderings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuestionKey {
    pub toolbox: String,
    pub lesson: String,
    pub question: String,
}

impl Library {
    pub fn toolbox(&self, id: &str) -> Option<&Toolbox> {
        self.toolboxes.iter().find(|toolbox| toolbox.id == id)
    }

    pub fn lesson(&self, toolbox: &str, lesson: &str) -> Option<(&Toolbox, &Lesson)> {
        let toolbox = self.toolbox(toolbox)?;
        Some((toolbox, toolbox.lesson(lesson)?))
    }

    pub fn question(&self, key: &QuestionKey) -> Option<(&Toolbox, &Lesson, &Question)> {
        let (toolbox, lesson) = self.lesson(&key.toolbox, &key.lesson)?;
        let question = lesson.questions.iter().find(|q| q.id == key.question)?;
        Some((toolbox, lesson, question))
    }

    /// The toolboxes of a track, in teaching order.
    pub fn for_track(&self, track: Track) -> impl Iterator<Item = &Toolbox> {
        self.toolboxes
            .iter()
            .filter(move |toolbox| track.includes(toolbox.audience))
    }

    pub fn certificate_track(&self, id: &str) -> Option<&CertificateTrack> {
        self.certificates.iter().find(|track| track.id == id)
    }

    /// A track's title in `lang`, or its id when the pack no longer has it (a certificate
    /// outlives a track taken out of the pack).
    pub fn track_title(&self, id: &str, lang: crate::language::Language) -> String {
        self.certificate_track(id)
            .map_or_else(|| id.to_owned(), |track| track.texts.get(lang).title.clone())
    }

    pub fn lesson_count(&self) -> usize {
        self.toolboxes.iter().map(|toolbox| toolbox.lessons.len()).sum()
    }
}

impl Toolbox {
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| lesson.id == id)
    }
}

impl Lesson {
    /// The picture of part `part` (0-based), if it has one.
    pub fn image(&self, part: usize) -> Option<&PartImage> {
        self.images.iter().find(|image| image.part == part)
    }
}

impl Question {
    pub fn is_right(&self, chosen: &[usize]) -> bool {
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == self.correct
    }
}

/// A track of certification, as the content pack declares it (`content/certificates/*.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateTrack {
    pub id: String,
    /// Who may earn it: a manager track is issued only to a manager.
    pub role: TrackRole,
    /// Every lesson it asks for, with the best score each needs.
    pub lessons: Vec<TrackLesson>,
    /// How many meetings (occurrences) the person must have attended.
    #[serde(default)]
    pub meetings: u32,
    /// The track's own minimum score, in percent: a refresher must reach it to renew.
    pub min_percent: u32,
    /// How long a certificate stays valid; `None`: for good.
    pub valid_months: Option<u32>,
    pub texts: Translations<TrackText>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrackRole {
    Volunteer,
    Manager,
}

impl TrackRole {
    pub fn code(self) -> &'static str {
        match self {
            TrackRole::Volunteer => "volunteer",
            TrackRole::Manager => "manager",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackLesson {
    pub toolbox: String,
    pub lesson: String,
    /// The smallest best quiz score that counts, in percent.
    pub min_percent: u32,
    /// A version of the lesson that must be retaken: only quizzes finished since it was first
    /// taught count (content is corrected over time). `None`: any version counts.
    #[serde(default)]
    pub since_version: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackText {
    pub title: String,
    pub description: String,
}

impl CertificateTrack {
    /// When a certificate of this track issued (or renewed) from `start` ends.
    pub fn valid_until(&self, start: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.valid_months
            .map(|months| start.checked_add_months(Months::new(months)).unwrap_or(start))
    }
}

/// The quality label of associations, as the content pack declares it (`content/label.toml`):
/// the criteria an association must meet, and the ethics charter its managers adopt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelRules {
    /// How long a label stays valid once granted; one still deserved at its end is extended as long.
    pub valid_months: u32,
    /// "The last N months" that activity and meetings are counted over.
    pub window_months: u32,
    /// In the order the checklist shows them.
    pub criteria: Vec<LabelCriterion>,
    pub charter: Charter,
}

/// One criterion of the label: a stable id (the command line and the warnings name it) and its rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelCriterion {
    pub id: String,
    pub rule: CriterionRule,
}

/// What a criterion asks of an association. Certificates count while valid (not expired, not
/// revoked); people count while they are members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CriterionRule {
    /// At least `at_least` of its managers hold a certificate of `track`.
    ManagersCertified { track: String, at_least: u32 },
    /// At least `percent` % of its active volunteers hold a certificate of `track`, and it has
    /// at least one active volunteer (see `label::active_volunteers`).
    ActiveVolunteersCertified { track: String, percent: u32 },
    /// At least `at_least` of its members, volunteers or managers, hold a certificate of `track`.
    MembersCertified { track: String, at_least: u32 },
    /// One of its managers adopted the charter in its current version.
    CharterAdopted,
    /// Its members attended at least `at_least` occurrences of inter-association meetings in the
    /// window (see `label::is_inter_association`).
    MeetingsAttended { at_least: u32 },
}

impl CriterionRule {
    /// The kind, as `label.toml` and the JSON output write it.
    pub fn kind(&self) -> &'static str {
        match self {
            CriterionRule::ManagersCertified { .. } => "managers_certified",
            CriterionRule::ActiveVolunteersCertified { .. } => "active_volunteers_certified",
            CriterionRule::MembersCertified { .. } => "members_certified",
            CriterionRule::CharterAdopted => "charter_adopted",
            CriterionRule::MeetingsAttended { .. } => "meetings_attended",
        }
    }

    /// The certificate track it counts, if it counts one.
    pub fn track(&self) -> Option<&str> {
        match self {
            CriterionRule::ManagersCertified { track, .. }
            | CriterionRule::ActiveVolunteersCertified { track, .. }
            | CriterionRule::MembersCertified { track, .. } => Some(track),
            CriterionRule::CharterAdopted | CriterionRule::MeetingsAttended { .. } => None,
        }
    }
}

/// The ethics charter an association's managers adopt for the label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Charter {
    /// A digest of its texts in every language: an adoption is of one version, and a charter
    /// whose words change must be adopted again.
    pub version: String,
    pub texts: Translations<CharterText>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharterText {
    pub title: String,
    pub text: String,
}

/// A short, stable digest of anything serialisable: lesson versions and pack identities.
pub fn digest(value: &impl Serialize) -> String {
    use sha2::{Digest, Sha256};
    let json = serde_json::to_vec(value).unwrap_or_default();
    let hash = Sha256::digest(&json);
    hash.iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}
