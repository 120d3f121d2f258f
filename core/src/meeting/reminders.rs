//! Reminders before each occurrence, and the scheduler's step that queues the due ones.

use super::{MeetingStore, Occurrence, occurrences};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Reminders before an occurrence when the organizer chose none: a day and an hour before.
pub const DEFAULT_REMINDERS: &[Duration] = &[Duration::hours(24), Duration::hours(1)];

/// At most this many reminders per occurrence.
pub const MAX_REMINDERS: usize = 10;

/// How long before a start a reminder may be: a month.
pub const MAX_REMINDER_OFFSET: Duration = Duration::days(30);

/// When those coming are reminded of each occurrence of a meeting: offsets before its start, in whole
/// minutes, each once, the longest first. [`Reminders::default`] is a day and an hour before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminders(Vec<Duration>);

/// A reminder offset that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReminderError {
    /// Not a number followed by `d`, `h` or `m` (`24h`, `90m`, `2d`).
    #[error("a reminder is a number of days, hours or minutes before the start: 2d, 24h, 90m")]
    Unreadable,
    /// Zero or less, not whole minutes, or longer than [`MAX_REMINDER_OFFSET`].
    #[error("a reminder comes 1 minute to 30 days before the start, in whole minutes")]
    OutOfRange,
    /// More than [`MAX_REMINDERS`].
    #[error("at most 10 reminders")]
    TooMany,
}

impl Default for Reminders {
    fn default() -> Reminders {
        Reminders(DEFAULT_REMINDERS.to_vec())
    }
}

impl Reminders {
    /// No reminders at all.
    pub fn none() -> Reminders {
        Reminders(Vec::new())
    }

    /// Checks each offset (1 minute to 30 days, whole minutes); the same offset given twice counts once.
    pub fn new(offsets: impl IntoIterator<Item = Duration>) -> Result<Reminders, ReminderError> {
        let mut kept = BTreeSet::new();
        for offset in offsets {
            let whole_minutes = offset.num_seconds() % 60 == 0 && offset.subsec_nanos() == 0;
            if offset <= Duration::zero() || offset > MAX_REMINDER_OFFSET || !whole_minutes {
                return Err(ReminderError::OutOfRange);
            }
            kept.insert(offset);
        }
        if kept.len() > MAX_REMINDERS {
            return Err(ReminderError::TooMany);
        }
        Ok(Reminders(kept.into_iter().rev().collect()))
    }

    /// One offset as people write it: `2d`, `24h`, `90m`.
    pub fn parse_offset(text: &str) -> Result<Duration, ReminderError> {
        let text = text.trim();
        let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let number: i64 = number.parse().map_err(|_| ReminderError::Unreadable)?;
        let minutes = match unit.to_ascii_lowercase().as_str() {
            "d" => number.checked_mul(24 * 60),
            "h" => number.checked_mul(60),
            "m" | "min" => Some(number),
            _ => return Err(ReminderError::Unreadable),
        };
        minutes
            .and_then(Duration::try_minutes)
            .filter(|offset| *offset <= MAX_REMINDER_OFFSET)
            .ok_or(ReminderError::OutOfRange)
    }

    /// The offsets, the longest first.
    pub fn offsets(&self) -> &[Duration] {
        &self.0
    }

    /// The offsets as people read them: `24h`, `90m`, `2d` is `48h`.
    pub fn labels(&self) -> Vec<String> {
        self.0.iter().map(|offset| offset_label(*offset)).collect()
    }
}

/// In JSON (the database, conversations, `--json`), as their labels: `["24h", "1h"]`.
impl Serialize for Reminders {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.labels().serialize(serializer)
    }
}

/// Reads the labels back, and what older versions wrote: a list of minutes (`[1440, 60]`, the
/// database before migration 0011) or the same as text (`"1440,60"`, conversations saved then).
/// An offset that does not read or is out of range is an error, never dropped quietly.
impl<'de> Deserialize<'de> for Reminders {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Offset {
            Minutes(i64),
            Label(String),
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            List(Vec<Offset>),
            Minutes(String),
        }
        let minutes = |m: i64| Duration::try_minutes(m).ok_or(ReminderError::OutOfRange);
        let offsets: Result<Vec<Duration>, ReminderError> = match Stored::deserialize(deserializer)? {
            Stored::List(list) => list
                .into_iter()
                .map(|offset| match offset {
                    Offset::Minutes(m) => minutes(m),
                    Offset::Label(label) => Reminders::parse_offset(&label),
                })
                .collect(),
            Stored::Minutes(text) => text
                .split(',')
                .filter(|part| !part.trim().is_empty())
                .map(|part| {
                    part.trim()
                        .parse()
                        .map_err(|_| ReminderError::Unreadable)
                        .and_then(minutes)
                })
                .collect(),
        };
        offsets.and_then(Reminders::new).map_err(serde::de::Error::custom)
    }
}

/// When to remind people of `occurrence`: one reminder per offset, that long before the start in absolute
/// time (24 h before is 24 h before even across a clock change, so it may read 23:00 or 01:00 on the wall
/// clock the day before). Each comes with a key, the occurrence's key and the offset (`2026-02-15T10:00/24h`),
/// to record that it was sent.
pub fn reminders(occurrence: &Occurrence, offsets: &[Duration]) -> Vec<(String, DateTime<Utc>)> {
    offsets
        .iter()
        .map(|offset| {
            (
                format!("{}/{}", occurrence.key, offset_label(*offset)),
                occurrence.start - *offset,
            )
        })
        .collect()
}

/// `24h`, `90m`, `30s`, with a `+` for a reminder after the start.
fn offset_label(offset: Duration) -> String {
    let seconds = offset.num_seconds();
    let sign = if seconds < 0 { "+" } else { "" };
    let seconds = seconds.unsigned_abs();
    if seconds.is_multiple_of(3600) {
        format!("{sign}{}h", seconds / 3600)
    } else if seconds.is_multiple_of(60) {
        format!("{sign}{}m", seconds / 60)
    } else {
        format!("{sign}{seconds}s")
    }
}

/// A reminder is queued up to this long after its time (a scheduler that was stopped longer does not send
/// stale ones).
pub const REMINDER_LATENESS: Duration = Duration::minutes(30);

/// Queues the reminders that are due: each of a meeting's reminders of each of its occurrences, for every
/// meeting that is not cancelled, once, and none later than [`REMINDER_LATENESS`] after its time.
pub async fn queue_due_reminders<S: MeetingStore>(store: &S, now: DateTime<Utc>) -> crate::store::StoreResult<u64> {
    let mut queued = 0;
    for meeting in store.meetings().await? {
        if meeting.cancelled {
            continue;
        }
        let recurrence = &meeting.recurrence;
        for offset in meeting.reminders.offsets() {
            // A reminder `offset` before a start is due when that start is in (now + offset - lateness,
            // now + offset]: one narrow window per offset, however far ahead the offset reaches.
            let ahead = now + *offset;
            let window = occurrences(
                &meeting.time,
                recurrence,
                ahead - REMINDER_LATENESS,
                ahead + Duration::seconds(1),
            );
            for occurrence in &window {
                for (key, at) in reminders(occurrence, std::slice::from_ref(offset)) {
                    if at <= now && at > now - REMINDER_LATENESS {
                        queued += store.queue_reminder(meeting.id, &key, now).await?;
                    }
                }
            }
        }
    }
    Ok(queued)
}
