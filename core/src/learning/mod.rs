//! What a person has learnt: lessons started and done, quiz scores, every answer given, and the
//! review schedule of each question.

pub mod dialogue;

use crate::content::{Library, QuestionKey};
use crate::daily::DailyPlan;
use crate::person::{Channel, PersonId};
use crate::review::ReviewCard;
use crate::store::StoreResult;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::future::Future;

/// What importing a toolbox pack changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// False when the pack was already the one taught: nothing was written.
    pub changed: bool,
    pub toolboxes: usize,
    pub lessons: usize,
    /// Lessons never seen before.
    pub new_lessons: usize,
    /// Lessons whose text changed: a new version, progress kept.
    pub changed_lessons: usize,
    /// Lessons of the previous pack no longer in this one (their history is kept).
    pub removed_lessons: usize,
}

/// A person's state in one lesson, kept by toolbox and lesson id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LessonProgress {
    pub toolbox: String,
    pub lesson: String,
    pub started_at: DateTime<Utc>,
    /// When a quiz of this lesson was first finished.
    pub completed_at: Option<DateTime<Utc>>,
    /// The best quiz score, and out of how many questions it was.
    pub best_score: Option<Score>,
    pub last_score: Option<Score>,
    pub quiz_runs: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub right: u32,
    pub out_of: u32,
}

impl Score {
    /// Whether `self` beats `other`, comparing as fractions.
    pub fn beats(self, other: Score) -> bool {
        u64::from(self.right) * u64::from(other.out_of.max(1)) > u64::from(other.right) * u64::from(self.out_of.max(1))
    }

    pub fn percent(self) -> u32 {
        if self.out_of == 0 {
            return 0;
        }
        (self.right * 100 + self.out_of / 2) / self.out_of
    }
}

/// Where an answer was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerSource {
    Quiz,
    Review,
}

impl AnswerSource {
    pub fn code(self) -> &'static str {
        match self {
            AnswerSource::Quiz => "quiz",
            AnswerSource::Review => "review",
        }
    }
}

/// One answer to one question: kept forever, certification builds on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub person: PersonId,
    pub question: QuestionKey,
    pub lesson_version: String,
    /// The options chosen, 0-based.
    pub chosen: Vec<usize>,
    pub correct: bool,
    pub source: AnswerSource,
    /// The offer the answer was given to: an answer delivered twice is recorded once.
    pub offer: String,
    pub answered_at: DateTime<Utc>,
}

/// What recording an answer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    New,
    /// The same offer was already answered: nothing changed.
    Duplicate,
}

/// A question's place in spaced review for one person.
#[derive(Clone, Debug, PartialEq)]
pub struct DueReview {
    pub question: QuestionKey,
    pub card: ReviewCard,
}

/// A person's daily-lesson subscription.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DailySubscription {
    pub person: PersonId,
    pub plan: DailyPlan,
    /// Where the lessons go: the private chat the person subscribed from.
    pub channel: Channel,
    pub chat: String,
    /// The local date and instant of the next lesson.
    pub next_date: NaiveDate,
    pub next_at: DateTime<Utc>,
}

/// The learning store port. Each method is one transaction.
pub trait LearningStore: Send + Sync {
    /// Makes `library` the pack every instance teaches, recording each lesson's version.
    /// Importing the same pack again changes nothing.
    fn import_library(
        &self,
        library: &Library,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<ImportReport>> + Send;

    /// The pack last imported, if any.
    fn library(&self) -> impl Future<Output = StoreResult<Option<Library>>> + Send;

    /// Every lesson the person has started.
    fn progress(&self, person: PersonId) -> impl Future<Output = StoreResult<Vec<LessonProgress>>> + Send;

    /// Marks a lesson started (nothing changes if it already was).
    fn start_lesson(
        &self,
        person: PersonId,
        toolbox: &str,
        lesson: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>> + Send;

    /// Records an answer, schedules its question for review, saves the conversation that
    /// follows (the engine's `Conversation`, which this port only stores) and, when the answer ends a quiz, its score (`finished`), all at once; an offer
    /// answered before is recorded once.
    fn record_attempt(
        &self,
        attempt: &Attempt,
        card: &ReviewCard,
        conversation: &(impl serde::Serialize + Sync),
        finished: Option<Score>,
    ) -> impl Future<Output = StoreResult<Recorded>> + Send;

    /// Records a finished quiz: the last score, the best score and the completion.
    fn finish_quiz(
        &self,
        person: PersonId,
        toolbox: &str,
        lesson: &str,
        score: Score,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<LessonProgress>> + Send;

    /// Every answer the person gave, oldest first.
    fn attempts(&self, person: PersonId) -> impl Future<Output = StoreResult<Vec<Attempt>>> + Send;

    fn review_card(
        &self,
        person: PersonId,
        question: &QuestionKey,
    ) -> impl Future<Output = StoreResult<Option<ReviewCard>>> + Send;

    /// Questions due for review at `now`, the most overdue first.
    fn due_reviews(
        &self,
        person: PersonId,
        now: DateTime<Utc>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<DueReview>>> + Send;

    fn count_due_reviews(&self, person: PersonId, now: DateTime<Utc>) -> impl Future<Output = StoreResult<u32>> + Send;

    /// Subscribes (or moves) the daily lesson; `None` stops it.
    fn set_daily(
        &self,
        person: PersonId,
        subscription: Option<&DailySubscription>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>> + Send;

    fn daily(&self, person: PersonId) -> impl Future<Output = StoreResult<Option<DailySubscription>>> + Send;

    /// Subscriptions whose next lesson is due at `now`.
    fn due_dailies(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<DailySubscription>>> + Send;

    /// In one transaction: queues the lesson of `due.next_date` in the outbox (once, whatever
    /// happens) and moves the subscription to `next`, unless another worker did it first.
    /// Returns whether this call queued it.
    fn queue_daily(
        &self,
        due: &DailySubscription,
        next: (NaiveDate, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

    fn set_time_zone(&self, person: PersonId, zone: Option<Tz>) -> impl Future<Output = StoreResult<()>> + Send;
}

/// Queues every daily lesson due at `now` and moves each subscription to its next local date.
/// Safe to run from several workers at once: each lesson is queued once.
pub async fn queue_due_dailies<S: LearningStore>(store: &S, now: DateTime<Utc>) -> StoreResult<usize> {
    let mut queued = 0;
    for subscription in store.due_dailies(now, 1000).await? {
        let next = subscription.plan.next(Some(subscription.next_date), now);
        if store.queue_daily(&subscription, next, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}
