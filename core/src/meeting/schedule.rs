//! When a meeting happens: one-off, weekly, monthly or on a cron schedule, as local wall-clock
//! times in its zone, each local occurrence exactly once across clock changes.

use crate::local_time::resolve_local;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// When a meeting happens, as local wall-clock times in its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingTime {
    /// The local start of the (first) occurrence.
    pub start: NaiveDateTime,
    /// The local end of the (first) occurrence; every occurrence lasts as long on the wall clock.
    pub end: NaiveDateTime,
    /// The zone both times are read in.
    pub zone: Tz,
}

/// How a meeting repeats. In JSON (the database, conversations): `"none"`, `{"weekly":{"every":2}}`,
/// `{"monthly":{"every":1}}`, `{"cron":"0 0 10 * * SUN"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "StoredRecurrence")]
pub enum Recurrence {
    /// Once, at [`MeetingTime::start`].
    None,
    /// Every `every` weeks from the start date, at the start's local time (0 is read as 1).
    Weekly { every: u32 },
    /// Every `every` months from the start date, on the same day of month at the start's local time (0 is
    /// read as 1). Months without that day (a 31st in April, a 30th in February) are skipped, not moved to
    /// the month's last day, as RFC 5545 does for `FREQ=MONTHLY`.
    Monthly { every: u32 },
    /// A cron expression of 6 or 7 fields, seconds first (`0 30 10 * * *`), read on the zone's wall clock,
    /// from [`MeetingTime::start`] on.
    /// Build it with [`Recurrence::parse_cron`] so that it is known to parse.
    Cron(String),
}

/// The short form the command line shows (`meeting show --json`): `none`, `weekly:2`,
/// `monthly:1`, `cron:EXPR`; older versions stored it, and it still reads.
impl std::fmt::Display for Recurrence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Recurrence::None => f.write_str("none"),
            Recurrence::Weekly { every } => write!(f, "weekly:{every}"),
            Recurrence::Monthly { every } => write!(f, "monthly:{every}"),
            Recurrence::Cron(expr) => write!(f, "cron:{expr}"),
        }
    }
}

/// What may be stored for a recurrence: its JSON, or the text older versions wrote (`none`,
/// `weekly:2`, `monthly:1`, `cron:EXPR`), still found in conversations saved then.
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredRecurrence {
    Typed(TypedRecurrence),
    Text(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TypedRecurrence {
    None,
    Weekly { every: u32 },
    Monthly { every: u32 },
    Cron(String),
}

impl TryFrom<StoredRecurrence> for Recurrence {
    type Error = RecurrenceError;

    fn try_from(stored: StoredRecurrence) -> Result<Recurrence, RecurrenceError> {
        let typed = match stored {
            StoredRecurrence::Typed(typed) => typed,
            StoredRecurrence::Text(text) => {
                let every = |n: &str| n.parse().map_err(|_| RecurrenceError::Unreadable(text.clone()));
                match text.split_once(':') {
                    None if text == "none" => TypedRecurrence::None,
                    Some(("weekly", n)) => TypedRecurrence::Weekly { every: every(n)? },
                    Some(("monthly", n)) => TypedRecurrence::Monthly { every: every(n)? },
                    Some(("cron", expr)) => TypedRecurrence::Cron(expr.to_owned()),
                    _ => return Err(RecurrenceError::Unreadable(text)),
                }
            }
        };
        Ok(match typed {
            TypedRecurrence::None => Recurrence::None,
            TypedRecurrence::Weekly { every } => Recurrence::Weekly { every },
            TypedRecurrence::Monthly { every } => Recurrence::Monthly { every },
            TypedRecurrence::Cron(expr) => Recurrence::read_cron(&expr)?,
        })
    }
}

/// A cron expression that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RecurrenceError {
    /// The classic 5-field form (`30 10 * * *`): the cron crate wants seconds first.
    #[error("cron expressions need seconds first: 6 or 7 fields (`0 30 10 * * *`), not the 5-field form")]
    FiveFields,
    /// Neither 6 nor 7 fields.
    #[error("cron expressions have 6 or 7 fields, seconds first; this one has {0}")]
    FieldCount(usize),
    /// The right number of fields, but the cron crate cannot read them.
    #[error("not a cron expression: {0}")]
    Invalid(String),
    /// Occurrences closer together than [`MIN_CRON_INTERVAL`].
    #[error("a meeting repeats at most once an hour")]
    TooFrequent,
    /// Stored text that names no recurrence.
    #[error("not a recurrence: {0}")]
    Unreadable(String),
}

/// The shortest time between two occurrences a new cron schedule may have: a meeting is not a
/// timer, and a schedule every second would make each rendering compute hundreds of thousands of
/// occurrences.
pub const MIN_CRON_INTERVAL: Duration = Duration::hours(1);

/// The most occurrences one window yields, whatever the schedule (a cron schedule stored before
/// the minimum interval existed included).
pub const MAX_OCCURRENCES: usize = 2000;

impl Recurrence {
    /// Checks a cron expression (6 or 7 fields, seconds first) for a new meeting and returns it as
    /// a recurrence: its occurrences must be at least [`MIN_CRON_INTERVAL`] apart.
    pub fn parse_cron(expr: &str) -> Result<Recurrence, RecurrenceError> {
        let recurrence = Self::read_cron(expr)?;
        if let Recurrence::Cron(normalized) = &recurrence {
            let schedule = cron::Schedule::from_str(normalized).map_err(|e| RecurrenceError::Invalid(e.to_string()))?;
            // Two years of occurrences from a fixed day show the schedule's shortest gap.
            let from = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap_or_default();
            let starts: Vec<DateTime<Utc>> = schedule.after(&from).take(24 * 366 * 2).collect();
            if starts.windows(2).any(|pair| pair[1] - pair[0] < MIN_CRON_INTERVAL) {
                return Err(RecurrenceError::TooFrequent);
            }
        }
        Ok(recurrence)
    }

    /// Reads a cron expression (6 or 7 fields, seconds first) as it was stored: only its syntax
    /// is checked, so that a meeting saved before a rule was added still reads.
    fn read_cron(expr: &str) -> Result<Recurrence, RecurrenceError> {
        let fields: Vec<&str> = expr.split_whitespace().collect();
        match fields.len() {
            6 | 7 => {}
            // Named apart because it is the mistake people make, copying from crontab(5).
            5 => return Err(RecurrenceError::FiveFields),
            n => return Err(RecurrenceError::FieldCount(n)),
        }
        let normalized = fields.join(" ");
        cron::Schedule::from_str(&normalized).map_err(|e| RecurrenceError::Invalid(e.to_string()))?;
        Ok(Recurrence::Cron(normalized))
    }
}

/// One occurrence of a meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The local start as scheduled, `2026-02-15T02:30` (seconds only when not zero): unique per occurrence,
    /// so it names the occurrence even when the clock moved its instant.
    pub key: String,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
}

/// The key of an occurrence scheduled at `local`.
pub(super) fn local_key(local: NaiveDateTime) -> String {
    if local.second() == 0 {
        local.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        local.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// Reads an occurrence key back: `2026-02-15T02:30` or `2026-02-15T02:30:15`.
pub fn parse_local_key(key: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(key, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(key, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// The occurrence scheduled at local `start`, lasting `length` on the wall clock.
pub(super) fn occurrence_at(zone: Tz, start: NaiveDateTime, length: Duration) -> Occurrence {
    let instant = resolve_local(zone, start);
    let local_end = start.checked_add_signed(length).unwrap_or(start);
    let mut end = resolve_local(zone, local_end);
    // A start in a gap moves forward to the jump; an end in or at the same gap would then leave nothing of
    // the meeting, so it keeps its length instead.
    if end <= instant && length > Duration::zero() {
        end = instant + length;
    }
    Occurrence {
        key: local_key(start),
        start: instant,
        end,
    }
}

/// Clock changes move an occurrence by hours at most; two days of margin around the asked window make
/// sure no local occurrence whose instant falls in it is left out.
const WINDOW_MARGIN_DAYS: i64 = 2;

/// Every occurrence starting in `[from, until)`, in order, each local occurrence exactly once.
///
/// A local start that happens twice takes its earlier instant; one that does not happen (the clock jumps
/// over it) takes the jump instant. Each occurrence lasts as long on the wall clock as the first: its local
/// end is the local start plus `time.end - time.start`, resolved the same way. An unreadable
/// [`Recurrence::Cron`] has no occurrences. The cost is proportional to the number of occurrences, so a
/// cron firing every second over a year makes a long list.
pub fn occurrences(
    time: &MeetingTime,
    recurrence: &Recurrence,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Vec<Occurrence> {
    let length = time.end - time.start;
    let zone = time.zone;
    let local_from = from.with_timezone(&zone).naive_local() - Duration::days(WINDOW_MARGIN_DAYS);
    let local_until = until.with_timezone(&zone).naive_local() + Duration::days(WINDOW_MARGIN_DAYS);
    // Local starts are produced in increasing order and `resolve_local` keeps that order (not strictly:
    // a whole gap resolves to one instant), so the window is a prefix cut and a filter.
    local_starts(time, recurrence, local_from)
        .take_while(|local| *local < local_until)
        .map(|local| occurrence_at(zone, local, length))
        .skip_while(|o| o.start < from)
        .take_while(|o| o.start < until)
        .take(MAX_OCCURRENCES)
        .collect()
}

/// The local starts of a meeting from about `local_from` on, in increasing order.
pub(super) fn local_starts(
    time: &MeetingTime,
    recurrence: &Recurrence,
    local_from: NaiveDateTime,
) -> Box<dyn Iterator<Item = NaiveDateTime>> {
    let start = time.start;
    match recurrence {
        Recurrence::None => Box::new(std::iter::once(start)),
        Recurrence::Weekly { every } => {
            let step = i64::from((*every).max(1)) * 7;
            // Jump straight to the first period near `local_from` rather than walk from the start.
            let periods = ((local_from - start).num_days() / step).max(0);
            Box::new(
                (periods..)
                    .map_while(move |k| start.checked_add_signed(Duration::days(k.checked_mul(step)?)))
                    .filter(move |local| *local >= start),
            )
        }
        Recurrence::Monthly { every } => {
            let step = (*every).max(1);
            let months_between =
                (local_from.year() - start.year()) * 12 + local_from.month() as i32 - start.month() as i32;
            let periods = (months_between.max(0) as u32) / step;
            let (day, first_of_month) = (start.day(), start.date().with_day(1));
            Box::new(
                (periods..)
                    .map_while(move |k| {
                        let month = first_of_month?.checked_add_months(Months::new(k.checked_mul(step)?))?;
                        Some(month)
                    })
                    // A month without the start's day is skipped (documented on `Recurrence::Monthly`).
                    .filter_map(move |month| Some(month.with_day(day)?.and_time(start.time()))),
            )
        }
        Recurrence::Cron(expr) => {
            let Ok(schedule) = cron::Schedule::from_str(expr) else {
                return Box::new(std::iter::empty());
            };
            // The schedule is read on the wall clock: evaluated in a `DateTime<Tz>` the cron crate returns a
            // local time that happens twice twice and skips one that never happens, so it is evaluated on
            // naive local times (carried as UTC, which has no clock changes) and each is resolved here.
            let after = local_from.max(start) - Duration::seconds(1);
            Box::new(schedule.after_owned(after.and_utc()).map(|t| t.naive_utc()))
        }
    }
}
