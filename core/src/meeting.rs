//! Meetings: when they happen (one-off, weekly, monthly or on a cron schedule), the reminders before
//! them, and the iCalendar (RFC 5545) invitation people import into their calendars.
//!
//! Times are local wall-clock times in the meeting's zone, and each local occurrence happens exactly once
//! even when the clock changes: Morocco's Ramadan changes repeat an hour in February (02:00-02:59 happens
//! twice) and skip one in March (02:00-02:59 never happens). The rule is the daily lesson's
//! ([`resolve_local`]): the earlier instant when a local time happens twice, the jump instant when it does
//! not happen at all.

use crate::local_time::resolve_local;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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

/// How a meeting repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

impl Recurrence {
    /// Checks a cron expression (6 or 7 fields, seconds first) and returns it as a recurrence.
    pub fn parse_cron(expr: &str) -> Result<Recurrence, RecurrenceError> {
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
fn local_key(local: NaiveDateTime) -> String {
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
fn occurrence_at(zone: Tz, start: NaiveDateTime, length: Duration) -> Occurrence {
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
        .collect()
}

/// The local starts of a meeting from about `local_from` on, in increasing order.
fn local_starts(
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

    /// The form stored in the database: minutes, comma-separated, longest first (`1440,60`); empty for none.
    pub fn to_code(&self) -> String {
        let minutes: Vec<String> = self.0.iter().map(|offset| offset.num_minutes().to_string()).collect();
        minutes.join(",")
    }

    /// Reads [`Reminders::to_code`] back; offsets that do not read or are out of range are left out.
    pub fn from_code(code: &str) -> Reminders {
        let offsets = code
            .split(',')
            .filter_map(|minutes| minutes.trim().parse().ok())
            .filter_map(Duration::try_minutes)
            .filter(|offset| *offset > Duration::zero() && *offset <= MAX_REMINDER_OFFSET);
        Reminders::new(offsets).unwrap_or_default()
    }

    /// The offsets as people read them: `24h`, `90m`, `2d` is `48h`.
    pub fn labels(&self) -> Vec<String> {
        self.0.iter().map(|offset| offset_label(*offset)).collect()
    }
}

/// In JSON, as their labels: `["24h", "1h"]`.
impl Serialize for Reminders {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.labels().serialize(serializer)
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

/// A meeting as it goes into an iCalendar invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsMeeting {
    /// Globally unique and the same in every version of the invitation, so updates replace it.
    pub uid: String,
    /// Incremented on every change, cancellation included, so calendars know which version is newer.
    pub sequence: u32,
    pub title: String,
    pub description: Option<String>,
    /// Where it takes place, as text.
    pub place: Option<String>,
    /// Where to join it online.
    pub link: Option<String>,
    pub time: MeetingTime,
    pub recurrence: Recurrence,
    /// One VALARM each, so a calendar reminds as the bot does.
    pub reminders: Reminders,
    /// An address (`mailto:…` or any URI; a bare `name@host` gets `mailto:`). iTIP wants one with
    /// [`IcsMethod::Request`] and [`IcsMethod::Cancel`].
    pub organizer: Option<String>,
    /// When this version was made: written as DTSTAMP, so the same meeting gives the same text.
    pub created: DateTime<Utc>,
}

/// What the invitation asks of the calendar (iTIP, RFC 5546).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IcsMethod {
    /// Here is the meeting (a feed, a download).
    Publish,
    /// Please add the meeting (an invitation).
    Request,
    /// The meeting is cancelled: `STATUS:CANCELLED`.
    Cancel,
}

impl IcsMethod {
    fn as_str(self) -> &'static str {
        match self {
            IcsMethod::Publish => "PUBLISH",
            IcsMethod::Request => "REQUEST",
            IcsMethod::Cancel => "CANCEL",
        }
    }
}

/// Content lines longer than this many octets are folded (RFC 5545 section 3.1).
const LINE_OCTETS: usize = 75;

/// At most this many RDATE lines list a cron schedule that has no RRULE: a calendar does not want more.
const MAX_RDATES: usize = 1000;

/// The iCalendar text (RFC 5545) of a meeting: a VCALENDAR with METHOD, a VTIMEZONE for the meeting's zone
/// and one VEVENT, with CRLF line endings and lines folded at 75 octets on character boundaries.
///
/// Weekly and monthly meetings, and cron schedules that are daily or on fixed weekdays at a fixed time, get
/// an RRULE; other cron schedules list their occurrences of the first year as RDATE lines (at most 1000).
/// The VTIMEZONE holds the zone's observances from the year before the meeting to a year after it (five
/// years after for a repeating one); for Africa/Casablanca those are the Ramadan changes, which tzdata
/// lists one by one rather than by rule.
///
/// Calendars resolve a local time in a clock gap by the RFC's rule (the offset before the gap, so 02:30
/// becomes 03:30), not ours (the jump, 03:00): DTSTART and RDATE are written as our resolved local times so
/// they agree, but an RRULE instance in a gap (a Sunday-02:30 weekly meeting in Casablanca) may show an
/// hour later in the calendar than our reminders.
pub fn ics(meeting: &IcsMeeting, method: IcsMethod) -> String {
    let zone = meeting.time.zone;
    let length = meeting.time.end - meeting.time.start;
    let first = first_local_start(&meeting.time, &meeting.recurrence);
    let first_occurrence = occurrence_at(zone, first, length);
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).naive_local();
    let (rrule, rdates) = match &meeting.recurrence {
        Recurrence::None => (None, Vec::new()),
        Recurrence::Weekly { every } => (Some(format!("FREQ=WEEKLY;INTERVAL={}", (*every).max(1))), Vec::new()),
        Recurrence::Monthly { every } => (Some(format!("FREQ=MONTHLY;INTERVAL={}", (*every).max(1))), Vec::new()),
        Recurrence::Cron(expr) => match cron_rrule(expr) {
            Some(rule) => (Some(rule), Vec::new()),
            None => {
                let year_later = first_occurrence.start + Duration::days(366);
                let later = occurrences(&meeting.time, &meeting.recurrence, first_occurrence.start, year_later);
                let rdates = later.iter().skip(1).take(MAX_RDATES).map(|o| local(o.start)).collect();
                (None, rdates)
            }
        },
    };
    let repeats = !matches!(meeting.recurrence, Recurrence::None);
    let year = first.year();
    let (first_year, last_year) = (year - 1, if repeats { year + 5 } else { year + 1 });

    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Tatwir//Tatwir meetings//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line(&format!("METHOD:{}", method.as_str()));
    vtimezone(&mut out, zone, first_year, last_year);
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}", escape_text(&meeting.uid)));
    out.line(&format!("SEQUENCE:{}", meeting.sequence));
    out.line(&format!("DTSTAMP:{}", meeting.created.format("%Y%m%dT%H%M%SZ")));
    let tzid = zone.name();
    out.line(&format!(
        "DTSTART;TZID={tzid}:{}",
        ics_local(local(first_occurrence.start))
    ));
    out.line(&format!("DTEND;TZID={tzid}:{}", ics_local(local(first_occurrence.end))));
    if let Some(rule) = rrule {
        out.line(&format!("RRULE:{rule}"));
    }
    for rdate in rdates {
        out.line(&format!("RDATE;TZID={tzid}:{}", ics_local(rdate)));
    }
    out.line(&format!("SUMMARY:{}", escape_text(&meeting.title)));
    if let Some(description) = &meeting.description {
        out.line(&format!("DESCRIPTION:{}", escape_text(description)));
    }
    if let Some(place) = &meeting.place {
        out.line(&format!("LOCATION:{}", escape_text(place)));
    }
    if let Some(link) = &meeting.link {
        out.line(&format!("URL:{}", uri(link)));
    }
    if let Some(organizer) = &meeting.organizer {
        let address = uri(organizer);
        let address = if address.contains(':') {
            address
        } else {
            format!("mailto:{address}")
        };
        out.line(&format!("ORGANIZER:{address}"));
    }
    let status = if method == IcsMethod::Cancel {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    out.line(&format!("STATUS:{status}"));
    if method != IcsMethod::Cancel {
        for offset in meeting.reminders.offsets() {
            out.line("BEGIN:VALARM");
            out.line("ACTION:DISPLAY");
            out.line(&format!("TRIGGER:{}", ics_trigger(*offset)));
            out.line(&format!("DESCRIPTION:{}", escape_text(&meeting.title)));
            out.line("END:VALARM");
        }
    }
    out.line("END:VEVENT");
    out.line("END:VCALENDAR");
    out.text
}

/// The local start of the first occurrence: the meeting's start, or for a cron schedule its first time at
/// or after that start, since DTSTART must be an occurrence of the RRULE or RDATE set.
fn first_local_start(time: &MeetingTime, recurrence: &Recurrence) -> NaiveDateTime {
    match recurrence {
        Recurrence::Cron(_) => local_starts(time, recurrence, time.start).next().unwrap_or(time.start),
        _ => time.start,
    }
}

/// Builds iCalendar text line by line.
#[derive(Default)]
struct Ics {
    text: String,
}

impl Ics {
    /// Adds a content line, folded at 75 octets on character boundaries, ended by CRLF.
    fn line(&mut self, line: &str) {
        let mut octets = 0;
        for c in line.chars() {
            // A continuation line starts with a space, which counts towards its 75 octets.
            if octets + c.len_utf8() > LINE_OCTETS {
                self.text.push_str("\r\n ");
                octets = 1;
            }
            self.text.push(c);
            octets += c.len_utf8();
        }
        self.text.push_str("\r\n");
    }
}

/// A TEXT value (RFC 5545 section 3.3.11): backslashes, semicolons and commas escaped, line breaks as `\n`,
/// other control characters (which TEXT cannot hold) dropped.
fn escape_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: not escaped as TEXT, but a control character would break the line, so those go.
fn uri(text: &str) -> String {
    text.trim().chars().filter(|c| !c.is_control()).collect()
}

/// A TRIGGER `offset` before the start, as an exact duration (hours, not days: a calendar reads `-P1D` on
/// the wall clock, and a reminder is a day before in absolute time): `-PT24H`, `-PT90M`.
fn ics_trigger(offset: Duration) -> String {
    let minutes = offset.num_minutes();
    if minutes % 60 == 0 {
        format!("-PT{}H", minutes / 60)
    } else {
        format!("-PT{minutes}M")
    }
}

/// A local DATE-TIME: `20270207T100000`.
fn ics_local(local: NaiveDateTime) -> String {
    local.format("%Y%m%dT%H%M%S").to_string()
}

/// A UTC offset: `+0100`, `-0030`, with seconds (`-003020`) only when not zero.
fn ics_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if rest == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{rest:02}")
    }
}

/// What a zone's clock says at an instant.
#[derive(Clone, PartialEq, Eq)]
struct Observance {
    offset: i32,
    daylight: bool,
    name: String,
}

impl Observance {
    fn at(zone: Tz, at: DateTime<Utc>) -> Observance {
        let offset = zone.offset_from_utc_datetime(&at.naive_utc());
        let seconds = offset.fix().local_minus_utc();
        Observance {
            offset: seconds,
            daylight: !offset.dst_offset().is_zero(),
            name: offset.abbreviation().map_or_else(|| ics_offset(seconds), str::to_owned),
        }
    }

    /// Whether the clock keeps the same time (a change of abbreviation alone is not a transition).
    fn same_clock(&self, other: &Observance) -> bool {
        self.offset == other.offset && self.daylight == other.daylight
    }
}

/// The VTIMEZONE for `zone`: its observance on 1 January of `first_year`, then one STANDARD or DAYLIGHT per
/// change of offset until the end of `last_year`, found by scanning chrono-tz's offsets hour by hour (tzdata
/// has no rule for Morocco's Ramadan changes, only a list, so there is no RRULE to copy).
fn vtimezone(out: &mut Ics, zone: Tz, first_year: i32, last_year: i32) {
    let Some(start) = Utc.with_ymd_and_hms(first_year, 1, 1, 0, 0, 0).single() else {
        return;
    };
    let Some(end) = Utc.with_ymd_and_hms(last_year + 1, 1, 1, 0, 0, 0).single() else {
        return;
    };
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", zone.name()));
    let mut current = Observance::at(zone, start);
    sub_component(out, start, &current, &current);
    let mut at = start;
    while at < end {
        let next = at + Duration::hours(1);
        let then = Observance::at(zone, next);
        if !then.same_clock(&current) {
            let change = change_instant(zone, at, next, &current);
            sub_component(out, change, &current, &then);
            current = then;
        }
        at = next;
    }
    out.line("END:VTIMEZONE");
}

/// The first second in `(before, after]` at which the zone no longer keeps `was`.
fn change_instant(zone: Tz, mut before: DateTime<Utc>, mut after: DateTime<Utc>, was: &Observance) -> DateTime<Utc> {
    while after - before > Duration::seconds(1) {
        let middle = before + (after - before) / 2;
        if Observance::at(zone, middle).same_clock(was) {
            before = middle;
        } else {
            after = middle;
        }
    }
    after
}

/// One STANDARD or DAYLIGHT observance starting at `at`, whose DTSTART is local time before the change.
fn sub_component(out: &mut Ics, at: DateTime<Utc>, from: &Observance, to: &Observance) {
    let kind = if to.daylight { "DAYLIGHT" } else { "STANDARD" };
    let local = at.naive_utc() + Duration::seconds(from.offset.into());
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", ics_local(local)));
    out.line(&format!("TZOFFSETFROM:{}", ics_offset(from.offset)));
    out.line(&format!("TZOFFSETTO:{}", ics_offset(to.offset)));
    out.line(&format!("TZNAME:{}", escape_text(&to.name)));
    out.line(&format!("END:{kind}"));
}

/// The RRULE equivalent to a cron expression when there is a simple one: a fixed second, minute and hour,
/// any day of month and month, and any weekday (`FREQ=DAILY`) or a list of weekdays (`FREQ=WEEKLY;BYDAY=`).
fn cron_rrule(expr: &str) -> Option<String> {
    let fields: Vec<&str> = expr.split_whitespace().collect();
    let [second, minute, hour, day, month, weekday, rest @ ..] = fields.as_slice() else {
        return None;
    };
    if !matches!(rest, [] | ["*"]) || !matches!(*day, "*" | "?") || *month != "*" {
        return None;
    }
    // The rule takes its time of day from DTSTART, so the time only needs to be a fixed one.
    let fixed = |text: &str, max: u32| text.parse::<u32>().is_ok_and(|n| n <= max);
    if !(fixed(second, 59) && fixed(minute, 59) && fixed(hour, 23)) {
        return None;
    }
    if matches!(*weekday, "*" | "?") {
        return Some("FREQ=DAILY".to_owned());
    }
    let mut days = BTreeSet::new();
    for item in weekday.split(',') {
        match item.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (cron_weekday(first)?, cron_weekday(last)?);
                if first > last {
                    return None;
                }
                days.extend(first..=last);
            }
            None => {
                days.insert(cron_weekday(item)?);
            }
        }
    }
    const BYDAY: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    let byday: Vec<&str> = days.iter().map(|d| BYDAY[usize::from(*d)]).collect();
    Some(format!("FREQ=WEEKLY;BYDAY={}", byday.join(",")))
}

/// A cron weekday, counted from Sunday = 0 as the cron crate's 1 = Sunday … 7 = Saturday, or by name.
fn cron_weekday(text: &str) -> Option<u8> {
    const NAMES: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    if let Ok(n) = text.parse::<u8>() {
        return (1..=7).contains(&n).then(|| n - 1);
    }
    let lower = text.to_ascii_lowercase();
    let short = lower.get(..3)?;
    let index = NAMES.iter().position(|name| *name == short)?;
    // Accept `mon` and `monday`, as the cron crate does, but nothing else starting with `mon`.
    let full = [
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
    ][index];
    let tues_thurs = matches!(lower.as_str(), "tues" | "thurs");
    (lower == short || lower == full || tues_thurs).then_some(index as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use chrono_tz::Africa::Casablanca;
    use chrono_tz::Europe::Paris;
    use std::collections::BTreeMap;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        date(y, mo, d).and_hms_opt(h, mi, 0).unwrap()
    }

    /// A one-hour meeting from `start` in Casablanca.
    fn casablanca(start: NaiveDateTime) -> MeetingTime {
        MeetingTime {
            start,
            end: start + Duration::hours(1),
            zone: Casablanca,
        }
    }

    fn cron(expr: &str) -> Recurrence {
        Recurrence::parse_cron(expr).unwrap()
    }

    /// The Ramadan changes as tzdata has them: the clock goes back 03:00 -> 02:00 at 02:00 UTC, then jumps
    /// 02:00 -> 03:00 at 02:00 UTC.
    type Ymd = (i32, u32, u32);

    const RAMADANS: [(Ymd, Ymd); 3] = [
        ((2026, 2, 15), (2026, 3, 22)),
        ((2027, 2, 7), (2027, 3, 14)),
        ((2028, 1, 23), (2028, 3, 5)),
    ];

    /// Checks that `found` has one occurrence per key, in strictly increasing keys and non-decreasing starts.
    fn assert_once_each(found: &[Occurrence]) {
        let keys: BTreeSet<&str> = found.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys.len(), found.len(), "a key twice");
        assert!(
            found
                .windows(2)
                .all(|w| w[0].key < w[1].key && w[0].start <= w[1].start)
        );
    }

    #[test]
    fn weekly_casablanca_meetings_cross_three_ramadans_once_each() {
        // The changes are on Sundays, so a Sunday meeting meets every one of them.
        for (hour, minute) in [(2, 30), (10, 0)] {
            let time = casablanca(local(2026, 1, 4, hour, minute));
            let found = occurrences(
                &time,
                &Recurrence::Weekly { every: 1 },
                utc(2026, 1, 1, 0, 0),
                utc(2029, 1, 1, 0, 0),
            );
            assert_once_each(&found);
            let sundays: Vec<String> = date(2026, 1, 4)
                .iter_weeks()
                .take_while(|d| d.year() < 2029)
                .map(|d| local_key(d.and_hms_opt(hour, minute, 0).unwrap()))
                .collect();
            assert_eq!(found.iter().map(|o| o.key.clone()).collect::<Vec<_>>(), sundays);
            let at = |y, m, d| {
                found
                    .iter()
                    .find(|o| o.key.starts_with(&format!("{y}-{m:02}-{d:02}")))
                    .unwrap()
                    .start
            };
            for ((y, m, d), (y2, m2, d2)) in RAMADANS {
                if (hour, minute) == (2, 30) {
                    // Twice on the clock, once here: the first, at UTC+1.
                    assert_eq!(at(y, m, d), utc(y, m, d, 1, 30), "{y}-{m}-{d}");
                    // Never on the clock: at the jump, 02:00 UTC (03:00 local).
                    assert_eq!(at(y2, m2, d2), utc(y2, m2, d2, 2, 0), "{y2}-{m2}-{d2}");
                } else {
                    assert_eq!(at(y, m, d), utc(y, m, d, 10, 0));
                    assert_eq!(at(y2, m2, d2), utc(y2, m2, d2, 9, 0));
                }
            }
        }
    }

    #[test]
    fn daily_cron_in_casablanca_is_once_per_local_date() {
        for (expr, hour, minute) in [
            ("0 30 2 * * *", 2, 30),
            ("0 0 10 * * *", 10, 0),
            ("0 30 2 * * * *", 2, 30),
        ] {
            for ((y, m, d), (y2, m2, d2)) in RAMADANS {
                let (first, last) = (date(y, m, d) - Duration::days(3), date(y2, m2, d2) + Duration::days(3));
                let time = casablanca(first.and_hms_opt(0, 0, 0).unwrap());
                let from = utc(first.year(), first.month(), first.day(), 0, 0) - Duration::hours(1);
                let until = resolve_local(Casablanca, last.and_hms_opt(23, 59, 0).unwrap());
                let found = occurrences(&time, &cron(expr), from, until);
                assert_once_each(&found);
                let dates: Vec<String> = first
                    .iter_days()
                    .take_while(|day| *day <= last)
                    .map(|day| local_key(day.and_hms_opt(hour, minute, 0).unwrap()))
                    .collect();
                assert_eq!(
                    found.iter().map(|o| o.key.clone()).collect::<Vec<_>>(),
                    dates,
                    "{expr} {y}"
                );
                // Strictly increasing too: two days are never the same instant.
                assert!(found.windows(2).all(|w| w[0].start < w[1].start));
                let on = |y, m, d| {
                    found
                        .iter()
                        .find(|o| o.key.starts_with(&format!("{y}-{m:02}-{d:02}")))
                        .unwrap()
                };
                if hour == 2 {
                    assert_eq!(on(y, m, d).start, utc(y, m, d, 1, 30), "{expr} {y}");
                    assert_eq!(on(y2, m2, d2).start, utc(y2, m2, d2, 2, 0), "{expr} {y2}");
                } else {
                    assert_eq!(on(y, m, d).start, utc(y, m, d, 10, 0));
                    assert_eq!(on(y2, m2, d2).start, utc(y2, m2, d2, 9, 0));
                }
            }
        }
    }

    /// Why cron schedules are read on naive local times: in a `DateTime<Tz>` the cron crate fires twice when
    /// the clock goes back and never in the gap. Deduplicated by local key, its times are ours but for the gap.
    #[test]
    fn the_cron_crate_in_the_zone_repeats_and_skips_what_occurrences_fixes() {
        let schedule = cron::Schedule::from_str("0 30 2 * * *").unwrap();
        let start = utc(2026, 2, 10, 0, 0).with_timezone(&Casablanca);
        let until = utc(2026, 3, 30, 0, 0);
        let theirs: Vec<DateTime<Tz>> = schedule.after(&start).take_while(|t| *t < until).collect();
        let on = |day: NaiveDate| theirs.iter().filter(|t| t.date_naive() == day).count();
        assert_eq!(on(date(2026, 2, 15)), 2);
        assert_eq!(on(date(2026, 3, 22)), 0);
        let mut by_key: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
        for t in &theirs {
            let instant = t.with_timezone(&Utc);
            by_key
                .entry(local_key(t.naive_local()))
                .and_modify(|v| *v = (*v).min(instant))
                .or_insert(instant);
        }
        let ours = occurrences(
            &casablanca(local(2026, 2, 10, 0, 0)),
            &cron("0 30 2 * * *"),
            start.to_utc(),
            until,
        );
        let missing: Vec<&Occurrence> = ours.iter().filter(|o| by_key.get(&o.key) != Some(&o.start)).collect();
        assert_eq!(missing.len(), 1);
        assert_eq!(
            (missing[0].key.as_str(), missing[0].start),
            ("2026-03-22T02:30", utc(2026, 3, 22, 2, 0))
        );
        assert_eq!(ours.len(), by_key.len() + 1);
    }

    #[test]
    fn paris_summer_time_changes_are_handled_the_same_way() {
        let time = MeetingTime {
            start: local(2026, 3, 1, 2, 30),
            end: local(2026, 3, 1, 3, 30),
            zone: Paris,
        };
        for recurrence in [Recurrence::Weekly { every: 1 }, cron("0 30 2 * * SUN")] {
            let found = occurrences(&time, &recurrence, utc(2026, 3, 1, 0, 0), utc(2026, 11, 30, 0, 0));
            assert_once_each(&found);
            assert_eq!(found.len(), 40, "{recurrence:?}");
            let on = |key: &str| found.iter().find(|o| o.key == key).unwrap().clone();
            // Spring: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; the meeting starts then and ends at 03:30.
            let spring = on("2026-03-29T02:30");
            assert_eq!(
                (spring.start, spring.end),
                (utc(2026, 3, 29, 1, 0), utc(2026, 3, 29, 1, 30))
            );
            // Autumn: 02:30 happens at UTC+2 then UTC+1; the meeting starts at the first and ends at 03:30 CET.
            let autumn = on("2026-10-25T02:30");
            assert_eq!(
                (autumn.start, autumn.end),
                (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 2, 30))
            );
        }
    }

    #[test]
    fn durations_are_kept_on_the_wall_clock_across_a_change() {
        let meeting = |start, end| MeetingTime {
            start,
            end,
            zone: Casablanca,
        };
        let once = |time: MeetingTime| {
            let found = occurrences(&time, &Recurrence::None, utc(2000, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0));
            assert_eq!(found.len(), 1);
            (found[0].start, found[0].end)
        };
        // 01:30 -> 03:30 while the clock goes back an hour at 03:00: three hours pass.
        let back = meeting(local(2026, 2, 15, 1, 30), local(2026, 2, 15, 3, 30));
        assert_eq!(once(back), (utc(2026, 2, 15, 0, 30), utc(2026, 2, 15, 3, 30)));
        // 01:00 -> 04:00 while the clock jumps an hour at 02:00: two hours pass.
        let forward = meeting(local(2026, 3, 22, 1, 0), local(2026, 3, 22, 4, 0));
        assert_eq!(once(forward), (utc(2026, 3, 22, 1, 0), utc(2026, 3, 22, 3, 0)));
        // 02:30 -> 03:00 never happens: it starts at the jump and keeps its half hour.
        let gap = meeting(local(2026, 3, 22, 2, 30), local(2026, 3, 22, 3, 0));
        assert_eq!(once(gap), (utc(2026, 3, 22, 2, 0), utc(2026, 3, 22, 2, 30)));
        // A weekly meeting keeps one local hour every week, whatever the offset.
        let weekly = occurrences(
            &casablanca(local(2027, 1, 31, 10, 0)),
            &Recurrence::Weekly { every: 1 },
            utc(2027, 1, 1, 0, 0),
            utc(2027, 4, 1, 0, 0),
        );
        assert!(weekly.iter().all(|o| o.end - o.start == Duration::hours(1)));
        assert_eq!(weekly.len(), 9);
    }

    #[test]
    fn occurrences_are_those_starting_in_the_window() {
        let time = casablanca(local(2026, 5, 3, 10, 0));
        let weekly = Recurrence::Weekly { every: 2 };
        // 10:00 at UTC+1 is 09:00 UTC.
        let found = occurrences(&time, &weekly, utc(2026, 5, 17, 9, 0), utc(2026, 6, 14, 9, 0));
        let keys: Vec<&str> = found.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["2026-05-17T10:00", "2026-05-31T10:00"]);
        assert!(occurrences(&time, &weekly, utc(2020, 1, 1, 0, 0), utc(2026, 5, 3, 9, 0)).is_empty());
        let once = occurrences(&time, &Recurrence::None, utc(2026, 5, 3, 9, 0), utc(2026, 5, 3, 9, 1));
        assert_eq!(once.len(), 1);
        // A cron schedule starts at the meeting's start, not before.
        let daily = occurrences(
            &time,
            &cron("0 0 10 * * *"),
            utc(2026, 1, 1, 0, 0),
            utc(2026, 5, 5, 0, 0),
        );
        assert_eq!(
            daily.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(),
            ["2026-05-03T10:00", "2026-05-04T10:00"]
        );
        // A stored expression that no longer parses has no occurrences rather than failing.
        let broken = Recurrence::Cron("not cron".to_owned());
        assert!(occurrences(&time, &broken, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)).is_empty());
    }

    #[test]
    fn monthly_meetings_skip_months_without_their_day() {
        let time = casablanca(local(2026, 1, 31, 18, 0));
        let found = occurrences(
            &time,
            &Recurrence::Monthly { every: 1 },
            utc(2026, 1, 1, 0, 0),
            utc(2027, 1, 1, 0, 0),
        );
        let keys: Vec<&str> = found.iter().map(|o| &o.key[..10]).collect();
        assert_eq!(
            keys,
            [
                "2026-01-31",
                "2026-03-31",
                "2026-05-31",
                "2026-07-31",
                "2026-08-31",
                "2026-10-31",
                "2026-12-31"
            ]
        );
        let every_two = occurrences(
            &casablanca(local(2026, 1, 15, 18, 0)),
            &Recurrence::Monthly { every: 2 },
            utc(2026, 6, 1, 0, 0),
            utc(2027, 1, 1, 0, 0),
        );
        let keys: Vec<&str> = every_two.iter().map(|o| &o.key[..10]).collect();
        assert_eq!(keys, ["2026-07-15", "2026-09-15", "2026-11-15"]);
        // The 15 March 2026 meeting falls in Ramadan: UTC+0.
        let march = occurrences(
            &time,
            &Recurrence::Monthly { every: 1 },
            utc(2026, 3, 31, 0, 0),
            utc(2026, 4, 1, 0, 0),
        );
        assert_eq!(march[0].start, utc(2026, 3, 31, 17, 0));
    }

    #[test]
    fn cron_expressions_need_six_or_seven_fields() {
        assert_eq!(Recurrence::parse_cron("30 10 * * *"), Err(RecurrenceError::FiveFields));
        assert_eq!(Recurrence::parse_cron("10 * * *"), Err(RecurrenceError::FieldCount(4)));
        assert_eq!(Recurrence::parse_cron(""), Err(RecurrenceError::FieldCount(0)));
        assert_eq!(
            Recurrence::parse_cron("0 0 0 0 0 0 0 0"),
            Err(RecurrenceError::FieldCount(8))
        );
        assert!(matches!(
            Recurrence::parse_cron("0 61 10 * * *"),
            Err(RecurrenceError::Invalid(_))
        ));
        assert!(matches!(
            Recurrence::parse_cron("0 30 10 * * Funday"),
            Err(RecurrenceError::Invalid(_))
        ));
        assert_eq!(
            Recurrence::parse_cron(" 0  30 10 * * *\n"),
            Ok(Recurrence::Cron("0 30 10 * * *".to_owned()))
        );
        assert!(Recurrence::parse_cron("0 30 10 * * Mon-Fri 2026-2030").is_ok());
        assert!(RecurrenceError::FiveFields.to_string().contains("seconds first"));
    }

    #[test]
    fn reminders_are_a_day_and_an_hour_before_in_absolute_time() {
        let time = casablanca(local(2026, 1, 4, 10, 0));
        let weekly = Recurrence::Weekly { every: 1 };
        let found = occurrences(&time, &weekly, utc(2026, 2, 15, 0, 0), utc(2026, 3, 23, 0, 0));
        let first = &found[0];
        assert_eq!(first.key, "2026-02-15T10:00");
        // The day before was at UTC+1: a day before is 11:00 local on the 14th.
        assert_eq!(
            reminders(first, DEFAULT_REMINDERS),
            [
                ("2026-02-15T10:00/24h".to_owned(), utc(2026, 2, 14, 10, 0)),
                ("2026-02-15T10:00/1h".to_owned(), utc(2026, 2, 15, 9, 0)),
            ]
        );
        assert_eq!(utc(2026, 2, 14, 10, 0).with_timezone(&Casablanca).hour(), 11);
        let last = found.last().unwrap();
        assert_eq!(last.key, "2026-03-22T10:00");
        // The day before was still Ramadan (UTC+0): a day before is 09:00 local on the 21st.
        let sent = reminders(last, DEFAULT_REMINDERS);
        assert_eq!(sent[0], ("2026-03-22T10:00/24h".to_owned(), utc(2026, 3, 21, 9, 0)));
        assert_eq!(sent[1], ("2026-03-22T10:00/1h".to_owned(), utc(2026, 3, 22, 8, 0)));
        let odd = reminders(
            last,
            &[Duration::minutes(90), Duration::seconds(30), Duration::minutes(-5)],
        );
        let keys: Vec<&str> = odd.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["2026-03-22T10:00/90m", "2026-03-22T10:00/30s", "2026-03-22T10:00/+5m"]
        );
    }

    #[test]
    fn reminder_offsets_read_check_and_store() {
        let parse = Reminders::parse_offset;
        assert_eq!(parse("24h"), Ok(Duration::hours(24)));
        assert_eq!(parse(" 90m "), Ok(Duration::minutes(90)));
        assert_eq!(parse("2D"), Ok(Duration::days(2)));
        assert_eq!(parse("30d"), Ok(Duration::days(30)));
        assert_eq!(parse("31d"), Err(ReminderError::OutOfRange));
        assert_eq!(parse("99999999999999999d"), Err(ReminderError::OutOfRange));
        for unreadable in ["", "h", "24", "1.5h", "-1h", "1h30m", "24 heures", "٢٤h"] {
            assert_eq!(parse(unreadable), Err(ReminderError::Unreadable), "{unreadable}");
        }
        // Zero is not a reminder before the start.
        assert_eq!(Reminders::new([parse("0m").unwrap()]), Err(ReminderError::OutOfRange));
        assert_eq!(Reminders::new([Duration::seconds(90)]), Err(ReminderError::OutOfRange));
        assert_eq!(
            Reminders::new((1..=11).map(Duration::minutes)),
            Err(ReminderError::TooMany)
        );
        // The same offset twice counts once; the longest comes first.
        let set = Reminders::new([Duration::hours(1), Duration::days(1), Duration::hours(24)]).unwrap();
        assert_eq!(set, Reminders::default());
        assert_eq!(set.to_code(), "1440,60");
        assert_eq!(set.labels(), ["24h", "1h"]);
        assert_eq!(serde_json::to_value(&set).unwrap(), serde_json::json!(["24h", "1h"]));
        let odd = Reminders::new([Duration::minutes(90), Duration::days(2)]).unwrap();
        assert_eq!(Reminders::from_code(&odd.to_code()), odd);
        assert_eq!(odd.labels(), ["48h", "90m"]);
        assert_eq!(Reminders::none().to_code(), "");
        assert_eq!(Reminders::from_code(""), Reminders::none());
        // A damaged code keeps what still reads.
        assert_eq!(
            Reminders::from_code("60,x,-5"),
            Reminders::new([Duration::hours(1)]).unwrap()
        );
    }

    #[test]
    fn a_reminder_key_names_its_occurrence() {
        let time = casablanca(local(2026, 1, 4, 10, 0));
        let meeting = Meeting {
            organizer: None,
            id: 7,
            title: BTreeMap::new(),
            agenda: BTreeMap::new(),
            time,
            place: None,
            link: None,
            recurrence: Recurrence::Weekly { every: 1 }.to_code(),
            reminders: Reminders::default(),
            audience: crate::broadcast::Audience::default(),
            cancelled: false,
            sequence: 0,
            created_at: utc(2026, 1, 1, 0, 0),
        };
        let found = meeting.occurrence_time("2026-03-22T10:00/24h").unwrap();
        assert_eq!(
            (found.start, found.end),
            (local(2026, 3, 22, 10, 0), local(2026, 3, 22, 11, 0))
        );
        assert_eq!(
            meeting.occurrence_time("2026-03-22T10:00:30").unwrap().start.second(),
            30
        );
        assert_eq!(meeting.occurrence_time("24h"), None);
        assert_eq!(
            parse_local_key(&local_key(local(2026, 2, 15, 2, 30))),
            Some(local(2026, 2, 15, 2, 30))
        );
    }

    // iCalendar.

    fn meeting(recurrence: Recurrence) -> IcsMeeting {
        IcsMeeting {
            uid: "meeting-42@tatwir.invalid".to_owned(),
            sequence: 0,
            title: "اجتماع لجنة تطوير المحتوى التعليمي, الفصل الأول; مراجعة الدروس والتمارين".to_owned(),
            description: Some("Agenda: reviews, drills; the C:\\ path\nsecond line".to_owned()),
            place: Some("Rabat, salle 2".to_owned()),
            link: Some("https://meet.example.invalid/tatwir?room=1&lang=ar".to_owned()),
            time: casablanca(local(2027, 2, 7, 10, 0)),
            recurrence,
            reminders: Reminders::default(),
            organizer: Some("dev@tatwir.invalid".to_owned()),
            created: utc(2027, 1, 20, 8, 15),
        }
    }

    /// Checks the physical form (CRLF, 75 octets, BEGIN/END nesting) and returns the unfolded lines.
    fn lines(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
        let physical: Vec<&str> = text.split_terminator("\r\n").collect();
        for line in &physical {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let mut logical: Vec<String> = Vec::new();
        for line in physical {
            match line.strip_prefix(' ') {
                Some(rest) => logical.last_mut().unwrap().push_str(rest),
                None => logical.push(line.to_owned()),
            }
        }
        let mut open = Vec::new();
        for line in &logical {
            if let Some(name) = line.strip_prefix("BEGIN:") {
                open.push(name.to_owned());
            } else if let Some(name) = line.strip_prefix("END:") {
                assert_eq!(open.pop().as_deref(), Some(name));
            }
        }
        assert!(open.is_empty());
        assert_eq!(logical.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        logical
    }

    /// A component's properties as (name, raw value).
    type Props = Vec<(String, String)>;

    /// Reads the text back with the icalendar crate's parser: the calendar's properties and the
    /// VTIMEZONE and VEVENT components, by name.
    fn parsed(text: &str) -> (Props, Vec<String>, Props) {
        let unfolded = icalendar::parser::unfold(text);
        let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
        let props = |props: &[icalendar::parser::Property]| {
            props
                .iter()
                .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
                .collect::<Vec<_>>()
        };
        let names: Vec<String> = calendar.components.iter().map(|c| c.name.as_str().to_owned()).collect();
        let event = calendar
            .components
            .iter()
            .find(|c| c.name.as_str() == "VEVENT")
            .unwrap();
        (props(&calendar.properties), names, props(&event.properties))
    }

    fn value<'a>(props: &'a [(String, String)], name: &str) -> Option<&'a str> {
        props.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn a_single_meeting_as_ics() {
        let text = ics(&meeting(Recurrence::None), IcsMethod::Request);
        let logical = lines(&text);
        for expected in [
            "VERSION:2.0",
            "PRODID:-//Tatwir//Tatwir meetings//EN",
            "METHOD:REQUEST",
            "BEGIN:VTIMEZONE",
            "TZID:Africa/Casablanca",
            "UID:meeting-42@tatwir.invalid",
            "SEQUENCE:0",
            "DTSTAMP:20270120T081500Z",
            "DTSTART;TZID=Africa/Casablanca:20270207T100000",
            "DTEND;TZID=Africa/Casablanca:20270207T110000",
            "SUMMARY:اجتماع لجنة تطوير المحتوى التعليمي\\, الفصل الأول\\; مراجعة الدروس والتمارين",
            "DESCRIPTION:Agenda: reviews\\, drills\\; the C:\\\\ path\\nsecond line",
            "LOCATION:Rabat\\, salle 2",
            "URL:https://meet.example.invalid/tatwir?room=1&lang=ar",
            "ORGANIZER:mailto:dev@tatwir.invalid",
            "STATUS:CONFIRMED",
        ] {
            assert!(logical.iter().any(|l| l == expected), "missing {expected}\n{text}");
        }
        assert!(!logical.iter().any(|l| l.starts_with("RRULE") || l.starts_with("RDATE")));
        // The Arabic title is long: it was folded, and only between characters (the text is valid UTF-8
        // line by line, which `split` on a &str guarantees, and unfolds back to the title).
        let summary = text.split("\r\n").position(|l| l.starts_with("SUMMARY:")).unwrap();
        assert!(text.split("\r\n").nth(summary + 1).unwrap().starts_with(' '));
        let (calendar, components, event) = parsed(&text);
        assert_eq!(value(&calendar, "METHOD"), Some("REQUEST"));
        assert_eq!(components, ["VTIMEZONE", "VEVENT"]);
        let title = icalendar::parser::ParseString::from(value(&event, "SUMMARY").unwrap()).unescape_text();
        assert_eq!(title.as_str(), meeting(Recurrence::None).title);
        // Same meeting, same text: nothing depends on the clock or chance.
        assert_eq!(text, ics(&meeting(Recurrence::None), IcsMethod::Request));
    }

    #[test]
    fn the_vtimezone_lists_the_ramadan_changes() {
        let text = ics(&meeting(Recurrence::Weekly { every: 2 }), IcsMethod::Publish);
        let logical = lines(&text).join("\n");
        // Ramadan 2027: back from +01 to +00 at 03:00 local, forward again at 02:00 local.
        for (start, from, to) in [
            ("20260215T030000", "+0100", "+0000"),
            ("20260322T020000", "+0000", "+0100"),
            ("20270207T030000", "+0100", "+0000"),
            ("20270314T020000", "+0000", "+0100"),
            ("20280123T030000", "+0100", "+0000"),
            ("20280305T020000", "+0000", "+0100"),
        ] {
            let observance = format!("DTSTART:{start}\nTZOFFSETFROM:{from}\nTZOFFSETTO:{to}\n");
            assert!(logical.contains(&observance), "{observance}\n{logical}");
        }
        let vtimezone = &logical[logical.find("BEGIN:VTIMEZONE").unwrap()..logical.find("END:VTIMEZONE").unwrap()];
        assert_eq!(
            vtimezone.matches("BEGIN:STANDARD").count() + vtimezone.matches("BEGIN:DAYLIGHT").count(),
            // The observance on 1 January 2026, then two changes a year from 2026 to 2032, and a third in 2029:
            // Ramadan moves eleven days earlier each year, so it starts again on 30 December 2029.
            1 + 2 * 7 + 1
        );
        // chrono-tz models Ramadan as negative daylight saving time (+01 standard, -1 h), so Ramadan is DAYLIGHT.
        assert!(vtimezone.contains("BEGIN:DAYLIGHT\nDTSTART:20291230T030000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000\n"));
        assert!(!vtimezone.contains("UID") && !vtimezone.contains("DTSTAMP"));
        assert!(logical.contains("METHOD:PUBLISH\n"));
        assert!(logical.contains("DTSTART;TZID=Africa/Casablanca:20270207T100000\nDTEND;TZID=Africa/Casablanca:20270207T110000\nRRULE:FREQ=WEEKLY;INTERVAL=2\n"));
        let monthly = ics(&meeting(Recurrence::Monthly { every: 1 }), IcsMethod::Publish);
        assert!(lines(&monthly).contains(&"RRULE:FREQ=MONTHLY;INTERVAL=1".to_owned()));
        // A zone without changes still gets one observance.
        let mut tokyo = meeting(Recurrence::None);
        tokyo.time.zone = chrono_tz::Asia::Tokyo;
        let tokyo = lines(&ics(&tokyo, IcsMethod::Publish)).join("\n");
        assert_eq!(tokyo.matches("BEGIN:STANDARD").count(), 1);
        assert!(tokyo.contains("TZOFFSETFROM:+0900\nTZOFFSETTO:+0900\nTZNAME:JST\n"));
        parsed(&text);
    }

    #[test]
    fn cron_meetings_get_an_rrule_when_one_says_the_same() {
        let rule = |expr: &str| {
            let text = ics(&meeting(cron(expr)), IcsMethod::Publish);
            let logical = lines(&text);
            let rrule = logical.iter().find_map(|l| l.strip_prefix("RRULE:").map(str::to_owned));
            let rdates: Vec<String> = logical.iter().filter(|l| l.starts_with("RDATE")).cloned().collect();
            let dtstart = logical.iter().find(|l| l.starts_with("DTSTART;")).unwrap().clone();
            (rrule, rdates, dtstart)
        };
        let (daily, rdates, dtstart) = rule("0 0 10 * * *");
        assert_eq!(daily.as_deref(), Some("FREQ=DAILY"));
        assert!(rdates.is_empty());
        assert_eq!(dtstart, "DTSTART;TZID=Africa/Casablanca:20270207T100000");
        assert_eq!(rule("0 0 10 * * MON,wed").0.as_deref(), Some("FREQ=WEEKLY;BYDAY=MO,WE"));
        assert_eq!(
            rule("0 0 10 ? * 2-6 *").0.as_deref(),
            Some("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
        );
        // DTSTART is the first occurrence, here the Wednesday after the meeting's Sunday start.
        let (_, _, dtstart) = rule("0 30 18 * * Wed");
        assert_eq!(dtstart, "DTSTART;TZID=Africa/Casablanca:20270210T183000");
        // Every other hour has no simple RRULE here: a year of RDATEs, capped.
        let (none, rdates, _) = rule("0 0 */2 * * *");
        assert_eq!(none, None);
        assert_eq!(rdates.len(), MAX_RDATES);
        assert_eq!(rdates[0], "RDATE;TZID=Africa/Casablanca:20270207T120000");
        // First of each month at 02:30: the RDATE in the March 2027 gap is written as the jump, 03:00.
        let (none, rdates, _) = rule("0 30 2 14 * *");
        assert_eq!(none, None);
        assert_eq!(rdates.len(), 12);
        assert!(rdates.contains(&"RDATE;TZID=Africa/Casablanca:20270314T030000".to_owned()));
        assert!(rdates.contains(&"RDATE;TZID=Africa/Casablanca:20270414T023000".to_owned()));
    }

    #[test]
    fn reminders_are_calendar_alarms_in_exact_hours_or_minutes() {
        let mut weekly = meeting(Recurrence::Weekly { every: 1 });
        weekly.reminders = Reminders::new([Duration::days(2), Duration::minutes(90)]).unwrap();
        let text = ics(&weekly, IcsMethod::Request);
        let logical = lines(&text).join("\n");
        assert_eq!(logical.matches("BEGIN:VALARM").count(), 2);
        for trigger in ["TRIGGER:-PT48H", "TRIGGER:-PT90M"] {
            let alarm = format!("BEGIN:VALARM\nACTION:DISPLAY\n{trigger}\nDESCRIPTION:");
            assert!(logical.contains(&alarm), "{alarm}\n{logical}");
        }
        parsed(&text);
        weekly.reminders = Reminders::none();
        assert!(!ics(&weekly, IcsMethod::Request).contains("VALARM"));
        // A cancelled meeting has nothing to remind of.
        let cancelled = ics(&meeting(Recurrence::None), IcsMethod::Cancel);
        assert!(!cancelled.contains("VALARM"));
        assert!(ics(&meeting(Recurrence::None), IcsMethod::Publish).contains("TRIGGER:-PT24H\r\n"));
    }

    #[test]
    fn a_cancelled_meeting_as_ics() {
        let mut cancelled = meeting(Recurrence::Weekly { every: 1 });
        cancelled.sequence = 3;
        cancelled.organizer = Some("mailto:Dev@tatwir.invalid".to_owned());
        let text = ics(&cancelled, IcsMethod::Cancel);
        let logical = lines(&text);
        for expected in [
            "METHOD:CANCEL",
            "STATUS:CANCELLED",
            "SEQUENCE:3",
            "UID:meeting-42@tatwir.invalid",
            "ORGANIZER:mailto:Dev@tatwir.invalid",
        ] {
            assert!(logical.iter().any(|l| l == expected), "missing {expected}");
        }
        let (calendar, _, event) = parsed(&text);
        assert_eq!(value(&calendar, "METHOD"), Some("CANCEL"));
        assert_eq!(value(&event, "STATUS"), Some("CANCELLED"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        for title in [
            "ا".repeat(200),
            "é".repeat(101),
            "a".repeat(300),
            "🙂".repeat(60),
            format!("x{}", "ب".repeat(99)),
        ] {
            let mut one = meeting(Recurrence::None);
            one.title = title.clone();
            one.description = None;
            let logical = lines(&ics(&one, IcsMethod::Publish));
            assert!(logical.contains(&format!("SUMMARY:{title}")));
        }
        assert_eq!(escape_text("a\r\nb\rc\u{7}d\te"), "a\\nb\\ncd\te");
        assert_eq!(ics_offset(-(30 * 60 + 20)), "-003020");
        assert_eq!(ics_offset(3600), "+0100");
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

impl Recurrence {
    /// The form stored in the database: `none`, `weekly:N`, `monthly:N` or `cron:EXPR`.
    pub fn to_code(&self) -> String {
        match self {
            Recurrence::None => "none".to_owned(),
            Recurrence::Weekly { every } => format!("weekly:{every}"),
            Recurrence::Monthly { every } => format!("monthly:{every}"),
            Recurrence::Cron(expr) => format!("cron:{expr}"),
        }
    }

    pub fn from_code(code: &str) -> Recurrence {
        match code.split_once(':') {
            Some(("weekly", every)) => Recurrence::Weekly {
                every: every.parse().unwrap_or(1),
            },
            Some(("monthly", every)) => Recurrence::Monthly {
                every: every.parse().unwrap_or(1),
            },
            Some(("cron", expr)) => Recurrence::Cron(expr.to_owned()),
            _ => Recurrence::None,
        }
    }
}

/// A meeting as it is kept: texts per language (French stands in for missing ones).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Meeting {
    pub id: i64,
    /// Who set it up (from the chat); `None` from the command line.
    pub organizer: Option<crate::person::PersonId>,
    pub title: std::collections::BTreeMap<crate::language::Language, String>,
    pub agenda: std::collections::BTreeMap<crate::language::Language, String>,
    pub time: MeetingTime,
    pub place: Option<String>,
    pub link: Option<String>,
    pub recurrence: String,
    pub reminders: Reminders,
    pub audience: crate::broadcast::Audience,
    pub cancelled: bool,
    pub sequence: u32,
    pub created_at: DateTime<Utc>,
}

impl Meeting {
    pub fn title_for(&self, language: crate::language::Language) -> &str {
        pick(&self.title, language)
    }

    pub fn agenda_for(&self, language: crate::language::Language) -> &str {
        pick(&self.agenda, language)
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
                recurrence: Recurrence::from_code(&self.recurrence),
                reminders: self.reminders.clone(),
                organizer: None,
                created: self.created_at,
            },
            if self.cancelled { IcsMethod::Cancel } else { method },
        )
    }
}

/// The text for a reader of `language`: theirs, else French, else any.
pub fn pick(
    texts: &std::collections::BTreeMap<crate::language::Language, String>,
    language: crate::language::Language,
) -> &str {
    texts
        .get(&language)
        .or_else(|| texts.get(&crate::language::Language::FALLBACK))
        .or_else(|| texts.values().next())
        .map_or("", String::as_str)
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
    pub audience: crate::broadcast::Audience,
    /// When those coming are reminded of each occurrence.
    pub reminders: Reminders,
}

/// The meetings store port. Each method is one transaction.
pub trait MeetingStore: Send + Sync {
    /// Records the meeting and queues an invitation for every person of the audience who has a
    /// private chat and has not muted meetings. Returns the id and how many were invited.
    fn create_meeting(
        &self,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<(i64, u64)>> + Send;

    fn meeting(&self, id: i64) -> impl std::future::Future<Output = crate::store::StoreResult<Option<Meeting>>> + Send;

    fn meetings(&self) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<Meeting>>> + Send;

    /// Cancels a meeting and queues the news for everyone invited; `None` when there is no such
    /// meeting, `Some(0)` when it was already cancelled.
    fn cancel_meeting(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<u64>>> + Send;

    /// Changes a meeting's texts, times, place, link and recurrence (not its audience) and queues
    /// the news for everyone invited, who may answer again; `None` when there is no such meeting
    /// or it was cancelled, else how many are told.
    fn update_meeting(
        &self,
        id: i64,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<u64>>> + Send;

    /// The people a meeting's invitation was addressed to (in private), in the order invited.
    fn invitees(
        &self,
        meeting: i64,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<crate::person::PersonId>>> + Send;

    /// Every answer to a meeting's invitation.
    fn rsvps(
        &self,
        meeting: i64,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(crate::person::PersonId, Rsvp)>>> + Send;

    fn set_rsvp(
        &self,
        meeting: i64,
        person: crate::person::PersonId,
        answer: Rsvp,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<()>> + Send;

    /// The meetings a person was invited to, or answered in a group chat, with their answer.
    fn invitations(
        &self,
        person: crate::person::PersonId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(Meeting, Option<Rsvp>)>>> + Send;

    /// One meeting a person was invited to (or answered in a group), with their answer.
    fn invitation(
        &self,
        person: crate::person::PersonId,
        meeting: i64,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<(Meeting, Option<Rsvp>)>>> + Send;

    /// Records who attended an occurrence (its key); returns how many were newly recorded.
    fn record_attendance(
        &self,
        meeting: i64,
        occurrence: &str,
        people: &[crate::person::PersonId],
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<u64>> + Send;

    /// Who attended, per occurrence key.
    fn attendance(
        &self,
        meeting: i64,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(String, crate::person::PersonId)>>> + Send;

    /// Queues reminder `key` of a meeting for those who answered yes or maybe, and for the group
    /// chats it invited whatever the answers (once per key).
    fn queue_reminder(
        &self,
        meeting: i64,
        key: &str,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<u64>> + Send;

    /// The group chats the bot knows, on every channel, the ones it left included.
    fn group_chats(
        &self,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<crate::group::GroupChat>>> + Send;

    /// Sets the language a group chat's meeting messages are written in (`None`: French); returns
    /// whether there is such a group.
    fn set_group_language(
        &self,
        group: crate::group::GroupChatId,
        language: Option<crate::language::Language>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<bool>> + Send;

    /// The group chat a channel's chat id stands for, if the bot knows it as a group.
    fn group_chat_at(
        &self,
        channel: crate::person::Channel,
        chat: &str,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<crate::group::GroupChat>>> + Send;
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
        let recurrence = Recurrence::from_code(&meeting.recurrence);
        for offset in meeting.reminders.offsets() {
            // A reminder `offset` before a start is due when that start is in (now + offset - lateness,
            // now + offset]: one narrow window per offset, however far ahead the offset reaches.
            let ahead = now + *offset;
            let window = occurrences(
                &meeting.time,
                &recurrence,
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
