//! The daily lesson: one lesson a day at a local time the person chose, in their time zone
//! (Africa/Casablanca unless they chose another). An occurrence is identified by its local date,
//! so it happens once per day even when the clock changes (Morocco's Ramadan changes included).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::fmt;
use std::str::FromStr;

/// The zone used for people who did not choose one.
pub const DEFAULT_ZONE: Tz = chrono_tz::Africa::Casablanca;

/// A time of day, to the minute: `07:30`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DailyTime {
    pub hour: u8,
    pub minute: u8,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a time of day (HH:MM)")]
pub struct BadTime;

impl FromStr for DailyTime {
    type Err = BadTime;

    /// Accepts `7:30`, `07:30`, `07h30`, `7h` and `07.30`; Arabic-Indic digits too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let _ = s;
        Err(BadTime)
    }
}

impl fmt::Display for DailyTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// When a person's daily lesson comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyPlan {
    pub time: DailyTime,
    pub zone: Tz,
}

impl DailyPlan {
    /// The instant of the occurrence of local date `date`: the earlier one when the local time
    /// happens twice, the moment the clock jumps when it does not happen at all.
    pub fn occurrence(&self, date: NaiveDate) -> DateTime<Utc> {
        let _ = date;
        Utc::now()
    }

    /// The next occurrence: the first local date after `after_date` (or from today, local to
    /// `now`, when `None`) whose instant is later than `now`.
    pub fn next(&self, after_date: Option<NaiveDate>, now: DateTime<Utc>) -> (NaiveDate, DateTime<Utc>) {
        let _ = after_date;
        (now.date_naive(), now)
    }
}
