//! Spaced review of quiz questions with FSRS (the `rs-fsrs` crate): each answered question is a
//! card; a right answer rates it Good, a wrong one Again; `/review` serves the cards that are due.

use chrono::{DateTime, Duration, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

/// A question's review state for one person, stored as JSON beside its due time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    /// When the question should be asked again.
    pub due: DateTime<Utc>,
    /// FSRS memory stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// Whole days between the last two answers.
    pub elapsed_days: i64,
    /// Whole days from the last answer to `due`.
    pub scheduled_days: i64,
    /// How many answers were given.
    pub reps: i32,
    /// How many times a question once known was answered wrong.
    pub lapses: i32,
    pub state: ReviewState,
    pub last_review: Option<DateTime<Utc>>,
}

/// Where a card is in FSRS's life cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    New,
    Learning,
    Review,
    Relearning,
}

impl ReviewCard {
    /// Whether the question should be asked at `now`.
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.due <= now
    }

    fn to_fsrs(&self, now: DateTime<Utc>) -> Card {
        // A card stored without its last answer can only be guessed at: its due date minus its interval.
        let last_review = self
            .last_review
            .unwrap_or_else(|| self.due - Duration::days(self.scheduled_days.clamp(0, MAXIMUM_INTERVAL.into())));
        Card {
            due: self.due,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: self.state.into(),
            // An answer "after" now (a clock set back) would give FSRS negative elapsed days.
            last_review: last_review.min(now),
        }
    }

    fn from_fsrs(card: Card) -> Self {
        ReviewCard {
            due: card.due,
            stability: card.stability,
            difficulty: card.difficulty,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: card.reps,
            lapses: card.lapses,
            state: card.state.into(),
            last_review: Some(card.last_review),
        }
    }
}

impl From<ReviewState> for State {
    fn from(state: ReviewState) -> Self {
        match state {
            ReviewState::New => State::New,
            ReviewState::Learning => State::Learning,
            ReviewState::Review => State::Review,
            ReviewState::Relearning => State::Relearning,
        }
    }
}

impl From<State> for ReviewState {
    fn from(state: State) -> Self {
        match state {
            State::New => ReviewState::New,
            State::Learning => ReviewState::Learning,
            State::Review => ReviewState::Review,
            State::Relearning => ReviewState::Relearning,
        }
    }
}

/// A hundred years, as rs-fsrs has by default: a question known for good is still asked one day.
const MAXIMUM_INTERVAL: i32 = 36_500;

fn parameters() -> Parameters {
    Parameters {
        // People review in a chat about once a day: the long-term scheduler counts whole days, where the
        // short-term one would ask again within minutes.
        enable_short_term: false,
        // Deterministic intervals can be tested; the load spreading that fuzz buys matters little here.
        enable_fuzz: false,
        maximum_interval: MAXIMUM_INTERVAL,
        ..Parameters::default()
    }
}

/// The card after an answer given at `now` (`None`: the question's first answer).
pub fn after_answer(card: Option<&ReviewCard>, correct: bool, now: DateTime<Utc>) -> ReviewCard {
    // rs_fsrs::Card::new() reads the wall clock; a new card is built from `now` so a fake clock works.
    let card = card.map_or_else(
        || Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
        |card| card.to_fsrs(now),
    );
    let rating = if correct { Rating::Good } else { Rating::Again };
    let mut next = ReviewCard::from_fsrs(FSRS::new(parameters()).next(card, now, rating).card);
    // Stored cards are ours, but one damaged by hand (a negative stability) would give a NaN interval,
    // read as zero days: it must not come back at once, in a loop.
    if next.due <= now {
        next.due = now + Duration::days(1);
        next.scheduled_days = 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    /// Answers `answers` in turn, each at the card's due time.
    fn answer_all(start: DateTime<Utc>, answers: &[bool]) -> Vec<ReviewCard> {
        let mut cards: Vec<ReviewCard> = Vec::new();
        let mut now = start;
        for &correct in answers {
            let card = after_answer(cards.last(), correct, now);
            assert!(card.due > now, "{card:?}");
            now = card.due;
            cards.push(card);
        }
        cards
    }

    #[test]
    fn a_first_right_answer_comes_back_later_than_a_wrong_one() {
        let now = utc(2026, 5, 10, 9, 0);
        let right = after_answer(None, true, now);
        let wrong = after_answer(None, false, now);
        assert!(right.due > wrong.due);
        assert!(wrong.due > now);
        for card in [&right, &wrong] {
            assert_eq!(card.reps, 1);
            assert_eq!(card.lapses, 0);
            assert_eq!(card.state, ReviewState::Review);
            assert_eq!(card.last_review, Some(now));
            // Whole days, not minutes: the long-term scheduler.
            assert_eq!(card.due - now, Duration::days(card.scheduled_days));
            assert!(card.scheduled_days >= 1);
        }
    }

    #[test]
    fn right_answers_space_the_questions_out() {
        let cards = answer_all(utc(2026, 5, 10, 9, 0), &[true; 6]);
        let intervals: Vec<i64> = cards.iter().map(|c| c.scheduled_days).collect();
        assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
        assert_eq!(cards.last().map(|c| c.reps), Some(6));
        assert!(cards.iter().all(|c| c.lapses == 0));
    }

    #[test]
    fn a_wrong_answer_after_right_ones_comes_back_sooner_and_counts_a_lapse() {
        let cards = answer_all(utc(2026, 5, 10, 9, 0), &[true, true, true, true, false]);
        let (known, forgotten) = (&cards[3], &cards[4]);
        assert!(forgotten.scheduled_days < known.scheduled_days);
        assert_eq!(forgotten.lapses, 1);
        assert!(forgotten.stability < known.stability);
        assert!(forgotten.difficulty > known.difficulty);
        // Right again: no new lapse, and the interval grows from there.
        let again = after_answer(Some(forgotten), true, forgotten.due);
        assert_eq!(again.lapses, 1);
        assert!(again.scheduled_days > forgotten.scheduled_days);
    }

    #[test]
    fn the_due_time_is_always_after_the_answer() {
        let mut card: Option<ReviewCard> = None;
        let mut now = utc(2026, 1, 1, 8, 0);
        for i in 0..60 {
            let next = after_answer(card.as_ref(), i % 3 != 0, now);
            assert!(next.due > now, "{i}: {next:?}");
            // Sometimes early (the person asked for /review), sometimes late.
            now = if i % 2 == 0 {
                now + Duration::hours(20)
            } else {
                next.due + Duration::days(3)
            };
            card = Some(next);
        }
        let damaged = ReviewCard {
            stability: -3.0,
            difficulty: 42.0,
            last_review: None,
            ..after_answer(None, true, now)
        };
        assert!(after_answer(Some(&damaged), true, now).due > now);
        assert!(after_answer(Some(&damaged), false, now).due > now);
    }

    #[test]
    fn is_due_compares_with_now() {
        let card = after_answer(None, true, utc(2026, 5, 10, 9, 0));
        assert!(!card.is_due(card.due - Duration::seconds(1)));
        assert!(card.is_due(card.due));
        assert!(card.is_due(card.due + Duration::days(5)));
    }

    #[test]
    fn cards_survive_a_json_round_trip() {
        let cards = answer_all(utc(2026, 5, 10, 9, 0), &[true, false, true]);
        for card in &cards {
            let json = serde_json::to_string(card).unwrap();
            let read: ReviewCard = serde_json::from_str(&json).unwrap();
            // serde_json's default float parser may be off by the last bit, which FSRS does not feel.
            assert!((read.stability - card.stability).abs() < 1e-12);
            assert!((read.difficulty - card.difficulty).abs() < 1e-12);
            let exact = ReviewCard {
                stability: card.stability,
                difficulty: card.difficulty,
                ..read
            };
            assert_eq!(&exact, card);
        }
        let json = serde_json::to_value(&cards[0]).unwrap();
        assert_eq!(json["state"], "review");
        let mut new = serde_json::to_value(&cards[0]).unwrap();
        new["state"] = "new".into();
        new["last_review"] = serde_json::Value::Null;
        let new: ReviewCard = serde_json::from_value(new).unwrap();
        assert_eq!(new.state, ReviewState::New);
        assert_eq!(new.last_review, None);
    }

    #[test]
    fn reviews_across_ramadan_are_counted_in_utc_days() {
        // Casablanca's clock changes on 2026-02-15 and 2026-03-22 do not matter: intervals are UTC days.
        // The person opens /review every day at 07:30 UTC and gets one answer in three wrong.
        let mut card: Option<ReviewCard> = None;
        let mut answers = 0;
        let mut intervals = Vec::new();
        let mut now = utc(2026, 2, 15, 7, 30);
        while now <= utc(2026, 3, 22, 7, 30) {
            if card.as_ref().is_none_or(|c| c.is_due(now)) {
                let next = after_answer(card.as_ref(), answers % 3 != 2, now);
                assert!(next.due > now, "{next:?}");
                assert_eq!(next.due - now, Duration::days(next.scheduled_days));
                intervals.push(next.scheduled_days);
                answers += 1;
                assert_eq!(next.reps, answers);
                card = Some(next);
            }
            now += Duration::days(1);
        }
        // Fuzz is off: the default FSRS weights give exactly these whole-day intervals.
        assert_eq!(intervals, [3, 11, 2, 6, 16]);
        assert_eq!(card.map(|c| c.lapses), Some(1));
    }
}
