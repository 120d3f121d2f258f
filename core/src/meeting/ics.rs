//! The iCalendar (RFC 5545) invitation people import into their calendars.

use super::reminders::*;
use super::schedule::*;
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::collections::BTreeSet;

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
pub(super) const MAX_RDATES: usize = 1000;

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
pub(super) struct Ics {
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
pub(super) fn escape_text(text: &str) -> String {
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
pub(super) fn ics_offset(seconds: i32) -> String {
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
pub(super) fn vtimezone(out: &mut Ics, zone: Tz, first_year: i32, last_year: i32) {
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
