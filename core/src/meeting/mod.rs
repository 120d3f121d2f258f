//! Meetings: when they happen (one-off, weekly, monthly or on a cron schedule), the reminders before
//! them, and the iCalendar (RFC 5545) invitation people import into their calendars.
//!
//! Times are local wall-clock times in the meeting's zone, and each local occurrence happens exactly once
//! even when the clock changes: Morocco's Ramadan changes repeat an hour in February (02:00-02:59 happens
//! twice) and skip one in March (02:00-02:59 never happens). The rule is the daily lesson's
//! ([`resolve_local`]): the earlier instant when a local time happens twice, the jump instant when it does
//! not happen at all.

pub mod dialogue;
pub mod draft;
mod ics;
pub mod press;
mod reminders;
mod schedule;
mod store;
#[cfg(test)]
mod tests;

pub use ics::{IcsMeeting, IcsMethod, ics};
pub use reminders::{
    DEFAULT_REMINDERS, MAX_REMINDER_OFFSET, MAX_REMINDERS, REMINDER_LATENESS, ReminderError, Reminders,
    queue_due_reminders, reminders,
};
pub use schedule::{MeetingTime, Occurrence, Recurrence, RecurrenceError, occurrences, parse_local_key};
pub use store::MeetingStore;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A meeting's number, as the command line and the calendar files show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub i64);

impl std::fmt::Display for MeetingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// In a message, as its number.
impl From<MeetingId> for fluent_bundle::FluentValue<'static> {
    fn from(id: MeetingId) -> Self {
        id.0.into()
    }
}

impl std::str::FromStr for MeetingId {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<MeetingId, Self::Err> {
        text.parse().map(MeetingId)
    }
}

/// The unguessable part of a meeting's calendar address (`/meetings/<token>.ics`): 128 random
/// bits as 32 lowercase hex digits, so that the address of one meeting tells nothing of another's.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CalendarToken(String);

impl CalendarToken {
    /// A fresh token, from the operating system's secure generator.
    pub fn new() -> CalendarToken {
        use rand::Rng;
        let bits: u128 = rand::rng().random();
        CalendarToken(format!("{bits:032x}"))
    }

    /// A token as typed in an address: 32 lowercase hex digits, or nothing.
    pub fn parse(text: &str) -> Option<CalendarToken> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
            .then(|| CalendarToken(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the meeting's calendar file is served, below the service's public address.
    pub fn path(&self) -> String {
        format!("/meetings/{}.ics", self.0)
    }
}

impl Default for CalendarToken {
    fn default() -> Self {
        Self::new()
    }
}

/// A person's answer to an invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rsvp {
    Yes,
    No,
    Maybe,
}

impl Rsvp {
    pub const ALL: [Rsvp; 3] = [Rsvp::Yes, Rsvp::No, Rsvp::Maybe];

    pub fn code(self) -> &'static str {
        match self {
            Rsvp::Yes => "yes",
            Rsvp::No => "no",
            Rsvp::Maybe => "maybe",
        }
    }

    pub fn from_code(code: &str) -> Option<Rsvp> {
        Rsvp::ALL.into_iter().find(|rsvp| rsvp.code() == code)
    }
}

/// A meeting as it is kept: texts per language (French stands in for missing ones).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Meeting {
    pub id: MeetingId,
    /// Who set it up (from the chat); `None` from the command line.
    pub organizer: Option<crate::person::PersonId>,
    pub title: std::collections::BTreeMap<crate::language::Language, String>,
    pub agenda: std::collections::BTreeMap<crate::language::Language, String>,
    pub time: MeetingTime,
    pub place: Option<String>,
    pub link: Option<String>,
    /// Shown in its short form (`weekly:2`) by `meeting show --json`.
    #[serde(serialize_with = "short_form")]
    pub recurrence: Recurrence,
    pub reminders: Reminders,
    pub audience: crate::audience::Audience,
    pub cancelled: bool,
    /// Its calendar file is served at `calendar.path()`, to those given the address.
    pub calendar: CalendarToken,
    pub sequence: u32,
    pub created_at: DateTime<Utc>,
}

impl Meeting {
    pub fn title_for(&self, language: crate::language::Language) -> &str {
        crate::language::pick(&self.title, language)
    }

    pub fn agenda_for(&self, language: crate::language::Language) -> &str {
        crate::language::pick(&self.agenda, language)
    }

    /// The local times of the occurrence a key names (`2026-03-22T10:00`, or a reminder's key
    /// `2026-03-22T10:00/24h`), so that a reminder tells the time of its occurrence, not of the first.
    pub fn occurrence_time(&self, key: &str) -> Option<MeetingTime> {
        let start = parse_local_key(key.split('/').next()?)?;
        Some(MeetingTime {
            start,
            end: start.checked_add_signed(self.time.end - self.time.start)?,
            zone: self.time.zone,
        })
    }

    /// The meeting as an iCalendar object, in French (what the command line and HTTP serve).
    pub fn ics(&self, method: IcsMethod) -> String {
        self.ics_in(crate::language::Language::FALLBACK, method)
    }

    /// The meeting as an iCalendar object with its title and agenda in `language` (French when
    /// missing).
    pub fn ics_in(&self, language: crate::language::Language, method: IcsMethod) -> String {
        let description = Some(self.agenda_for(language).to_owned()).filter(|a| !a.is_empty());
        ics(
            &IcsMeeting {
                uid: format!("meeting-{}@tatwir", self.id),
                sequence: self.sequence,
                title: self.title_for(language).to_owned(),
                description,
                place: self.place.clone(),
                link: self.link.clone(),
                time: self.time,
                recurrence: self.recurrence.clone(),
                reminders: self.reminders.clone(),
                organizer: None,
                created: self.created_at,
            },
            if self.cancelled { IcsMethod::Cancel } else { method },
        )
    }
}

/// What creating a meeting needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMeeting {
    pub organizer: Option<crate::person::PersonId>,
    pub title: std::collections::BTreeMap<crate::language::Language, String>,
    pub agenda: std::collections::BTreeMap<crate::language::Language, String>,
    pub time: MeetingTime,
    pub place: Option<String>,
    pub link: Option<String>,
    pub recurrence: Recurrence,
    pub audience: crate::audience::Audience,
    /// When those coming are reminded of each occurrence.
    pub reminders: Reminders,
    /// The confirmation it comes from (`<person>:<offer nonce>`): the same key again makes no
    /// second meeting. `None` from the command line.
    pub request: Option<String>,
}

fn short_form<S: serde::Serializer>(recurrence: &Recurrence, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(recurrence)
}
