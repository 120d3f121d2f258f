//! A meeting being written in the chat, field by field, and the readers of what organisers type
//! for it (a start such as `07/02/2027 10:00`, an end time, a link).

use crate::audience::Audience;
use crate::daily::DailyTime;
use crate::language::Language;
use crate::meeting::{Meeting, MeetingId, MeetingTime, NewMeeting, Recurrence, Reminders};
use crate::person::PersonId;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest title kept.
pub const MAX_TITLE: usize = 120;
/// The longest place kept.
pub const MAX_PLACE: usize = 200;
/// The longest agenda kept.
pub const MAX_AGENDA: usize = 1500;
/// The longest link kept.
pub const MAX_LINK: usize = 500;
/// How far ahead a meeting may be set.
const MAX_YEARS_AHEAD: i32 = 5;

/// What the dialogue asks next, or is asking now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "language", rename_all = "snake_case")]
pub enum Field {
    Title,
    Start,
    Length,
    Place,
    Link,
    Agenda,
    Repeat,
    Audience,
    /// When those coming are reminded (offered from the review only: a day and an hour before
    /// unless changed).
    Reminders,
    /// The title in another language than the organiser's.
    TitleIn(Language),
    /// The agenda in another language than the organiser's.
    AgendaIn(Language),
    /// Everything is shown, to send or to change.
    Review,
}

impl Field {
    /// Every field of a meeting, in the order the review lists them.
    pub const ALL: [Field; 9] = [
        Field::Title,
        Field::Start,
        Field::Length,
        Field::Place,
        Field::Link,
        Field::Agenda,
        Field::Repeat,
        Field::Reminders,
        Field::Audience,
    ];

    /// Whether a new meeting asks it in turn (reminders keep their default unless changed from the
    /// review).
    pub fn asked_when_new(self) -> bool {
        self != Field::Reminders
    }

    /// Whether it may be changed once the invitations went (the audience stays).
    pub fn changeable_once_sent(self) -> bool {
        self != Field::Audience
    }

    /// Whether the organiser may leave it empty.
    pub fn optional(self) -> bool {
        matches!(self, Field::Place | Field::Link | Field::Agenda | Field::AgendaIn(_))
    }

    /// Its name in Fluent ids (`draft-ask-title`, `draft-change-title`).
    pub fn code(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Start => "start",
            Field::Length => "length",
            Field::Place => "place",
            Field::Link => "link",
            Field::Agenda => "agenda",
            Field::Repeat => "repeat",
            Field::Audience => "audience",
            Field::Reminders => "reminders",
            Field::TitleIn(_) => "title-in",
            Field::AgendaIn(_) => "agenda-in",
            Field::Review => "review",
        }
    }
}

/// What a choice of the meeting dialogue does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "draft", rename_all = "snake_case")]
pub enum DraftAction {
    /// Leave the optional field being asked empty.
    Skip,
    /// The meeting lasts this long.
    Length { minutes: u32 },
    /// The meeting repeats so.
    Repeat { recurrence: Recurrence },
    /// The meeting reminds those coming so.
    Reminders { reminders: Reminders },
    /// The meeting invites this audience.
    Audience { audience: Audience },
    /// Ask this field again, from the review.
    Change { field: Field },
    /// Create the meeting (or announce the changes).
    Confirm,
    /// Drop the meeting being written.
    Discard,
}

/// A meeting as written so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDraft {
    /// The meeting being changed, or `None` for a new one.
    pub editing: Option<MeetingId>,
    pub title: BTreeMap<Language, String>,
    pub agenda: BTreeMap<Language, String>,
    pub start: Option<NaiveDateTime>,
    /// How long it lasts on the wall clock, in minutes.
    pub minutes: Option<u32>,
    pub zone: Tz,
    pub place: Option<String>,
    pub link: Option<String>,
    pub recurrence: Recurrence,
    pub audience: Option<Audience>,
    /// Drafts saved before reminders were asked have none stored: they get the default ones.
    #[serde(default)]
    pub reminders: Reminders,
    /// Once every field was asked, each answer goes back to the review.
    pub reviewing: bool,
}

impl MeetingDraft {
    /// A new meeting read in `zone`.
    pub fn new(zone: Tz) -> Self {
        MeetingDraft {
            editing: None,
            title: BTreeMap::new(),
            agenda: BTreeMap::new(),
            start: None,
            minutes: None,
            zone,
            place: None,
            link: None,
            recurrence: Recurrence::None,
            audience: None,
            reminders: Reminders::default(),
            reviewing: false,
        }
    }

    /// A draft of the changes to an existing meeting, starting from what it is.
    pub fn editing(meeting: &Meeting) -> Self {
        let minutes = (meeting.time.end - meeting.time.start).num_minutes();
        MeetingDraft {
            editing: Some(meeting.id),
            title: meeting.title.clone(),
            agenda: meeting.agenda.clone(),
            start: Some(meeting.time.start),
            minutes: u32::try_from(minutes).ok(),
            zone: meeting.time.zone,
            place: meeting.place.clone(),
            link: meeting.link.clone(),
            recurrence: meeting.recurrence.clone(),
            audience: Some(meeting.audience.clone()),
            reminders: meeting.reminders.clone(),
            reviewing: true,
        }
    }

    /// The field to ask after `field`: the next one while the draft is filled for the first time, the
    /// review afterwards (a translated title is followed by its agenda's translation).
    pub fn after(&self, field: Field) -> Field {
        match field {
            Field::TitleIn(language) if !self.agenda.is_empty() => Field::AgendaIn(language),
            _ if self.reviewing => Field::Review,
            _ => Field::ALL
                .into_iter()
                .filter(|f| f.asked_when_new())
                .skip_while(|&f| f != field)
                .nth(1)
                .unwrap_or(Field::Review),
        }
    }

    /// The meeting to store, or the first needed field that is missing.
    pub fn to_new(&self, organizer: Option<PersonId>) -> Result<NewMeeting, Field> {
        if self.title.is_empty() {
            return Err(Field::Title);
        }
        let start = self.start.ok_or(Field::Start)?;
        let end = self
            .minutes
            .and_then(|minutes| start.checked_add_signed(Duration::minutes(i64::from(minutes))))
            .ok_or(Field::Length)?;
        Ok(NewMeeting {
            organizer,
            title: self.title.clone(),
            agenda: self.agenda.clone(),
            time: MeetingTime {
                start,
                end,
                zone: self.zone,
            },
            place: self.place.clone(),
            link: self.link.clone(),
            recurrence: self.recurrence.clone(),
            reminders: self.reminders.clone(),
            audience: self.audience.clone().ok_or(Field::Audience)?,
            request: None,
        })
    }
}

/// Why a typed start is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadStart {
    /// Not a date and time.
    Unreadable,
    /// A date and time already past.
    Past,
    /// Further ahead than anyone plans a meeting.
    TooFar,
}

/// A date as people type it: `2027-02-07`, `07/02/2027`, `7.2.2027`, or `07/02` (the next such day).
fn read_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(number(year)?).ok()?, number(month)?, number(day)?)
        }
        [day, month, year] if year.len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(number(year)?).ok()?, number(month)?, number(day)?)
        }
        [day, month] => {
            let (day, month) = (number(day)?, number(month)?);
            let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
            match this_year {
                Some(date) if date >= today => Some(date),
                _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
            }
        }
        _ => None,
    }
}

/// Reads a meeting's start typed as a date, a time and optionally a zone (`07/02/2027 10:00`,
/// `2027-02-07T10h30 Europe/Paris`). `zone_named` resolves a zone's name; `zone` is the one used
/// when none is typed. The start must be ahead of `now`.
pub fn read_start(
    typed: &str,
    zone: Tz,
    now: DateTime<Utc>,
    zone_named: impl Fn(&str) -> Option<Tz>,
) -> Result<(NaiveDateTime, Tz), BadStart> {
    if typed.chars().count() > 80 {
        return Err(BadStart::Unreadable);
    }
    let text: String = typed.trim().chars().map(crate::daily::ascii_digit).collect();
    let mut words: Vec<&str> = text.split([' ', 'T', '\t']).filter(|w| !w.is_empty()).collect();
    let zone = match words.last() {
        Some(last) if last.contains('/') && last.chars().any(|c| c.is_ascii_alphabetic()) => {
            let named = zone_named(last).ok_or(BadStart::Unreadable)?;
            words.pop();
            named
        }
        _ => zone,
    };
    let [date, time] = words.as_slice() else {
        return Err(BadStart::Unreadable);
    };
    let today = now.with_timezone(&zone).date_naive();
    let date = read_date(date, today).ok_or(BadStart::Unreadable)?;
    let time: DailyTime = time.parse().map_err(|_| BadStart::Unreadable)?;
    let start = date
        .and_hms_opt(u32::from(time.hour), u32::from(time.minute), 0)
        .ok_or(BadStart::Unreadable)?;
    if crate::local_time::resolve_local(zone, start) <= now {
        return Err(BadStart::Past);
    }
    if date.year() > today.year() + MAX_YEARS_AHEAD {
        return Err(BadStart::TooFar);
    }
    Ok((start, zone))
}

/// Reads an end time typed as `HH:MM` on the start's day; the length in minutes, if it ends after
/// the start.
pub fn read_end(typed: &str, start: NaiveDateTime) -> Option<u32> {
    let time: DailyTime = typed.trim().parse().ok()?;
    let end = start
        .date()
        .and_hms_opt(u32::from(time.hour), u32::from(time.minute), 0)?;
    u32::try_from((end - start).num_minutes()).ok().filter(|&m| m > 0)
}

/// A title: one line of 1 to [`MAX_TITLE`] characters.
pub fn read_title(typed: &str) -> Option<String> {
    let line = crate::text::clean_line(typed);
    (!line.is_empty() && line.chars().count() <= MAX_TITLE).then_some(line)
}

/// A place: one line of 1 to [`MAX_PLACE`] characters.
pub fn read_place(typed: &str) -> Option<String> {
    let line = crate::text::clean_line(typed);
    (!line.is_empty() && line.chars().count() <= MAX_PLACE).then_some(line)
}

/// An agenda: 1 to [`MAX_AGENDA`] characters, its lines kept.
pub fn read_agenda(typed: &str) -> Option<String> {
    let agenda = crate::text::clean_message(typed);
    (!agenda.is_empty() && agenda.chars().count() <= MAX_AGENDA).then_some(agenda)
}

/// Reminder offsets typed as `2d 3h 30m` (also `2j`, commas, Arabic digits), or `0`/`none`/`aucun`
/// for none.
pub fn read_reminders(typed: &str) -> Option<Reminders> {
    if typed.chars().count() > 80 {
        return None;
    }
    let text: String = typed.trim().chars().map(crate::daily::ascii_digit).collect();
    let text = text.to_lowercase();
    if ["0", "none", "aucun", "aucune", "لا", "والو"].contains(&text.as_str()) {
        return Some(Reminders::none());
    }
    let mut offsets = Vec::new();
    for word in text.split([' ', ',', ';']).filter(|w| !w.is_empty() && *w != "et") {
        let word = word
            .strip_suffix('j')
            .map_or_else(|| word.to_owned(), |n| format!("{n}d"));
        offsets.push(Reminders::parse_offset(&word).ok()?);
    }
    if offsets.is_empty() {
        return None;
    }
    Reminders::new(offsets).ok()
}

/// A link to an online meeting: http or https, with a host.
pub fn read_link(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.len() > MAX_LINK || typed.chars().any(char::is_whitespace) {
        return None;
    }
    let rest = typed
        .strip_prefix("https://")
        .or_else(|| typed.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (host.contains('.') && host.chars().all(|c| c.is_alphanumeric() || ".-:".contains(c))).then(|| typed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const CASA: Tz = chrono_tz::Africa::Casablanca;

    fn zone_named(name: &str) -> Option<Tz> {
        name.parse().ok()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn starts_are_read_in_every_usual_form() {
        let read = |typed| read_start(typed, CASA, now(), zone_named);
        assert_eq!(read("07/02/2027 10:00"), Ok((local("2027-02-07T10:00"), CASA)));
        assert_eq!(read("2027-02-07T10:00"), Ok((local("2027-02-07T10:00"), CASA)));
        assert_eq!(read("2027-02-07 10h30"), Ok((local("2027-02-07T10:30"), CASA)));
        assert_eq!(read(" 7.2.2027  9:05 "), Ok((local("2027-02-07T09:05"), CASA)));
        assert_eq!(read("٠٧/٠٢/٢٠٢٧ ١٠:٠٠"), Ok((local("2027-02-07T10:00"), CASA)));
        assert_eq!(read("07/02 10:00"), Ok((local("2027-02-07T10:00"), CASA)));
        assert_eq!(read("30/11 10:00"), Ok((local("2026-11-30T10:00"), CASA)));
        assert_eq!(
            read("07/02/2027 10:00 Europe/Paris"),
            Ok((local("2027-02-07T10:00"), chrono_tz::Europe::Paris))
        );
    }

    #[test]
    fn other_text_is_refused_and_nothing_panics() {
        let read = |typed| read_start(typed, CASA, now(), zone_named);
        for typed in [
            "",
            "demain",
            "10:00",
            "31/02/2027 10:00",
            "07/02/2027 25:00",
            "07/02/2027 10:00 Mars/Olympus",
            "2027-02-07",
            "٠٧/٠٢/٢٠٢٧",
            "99999999999/1/1 10:00",
            "1/1/1 1:1",
            "é/ü/2027 10:00",
            "🎉🎉🎉",
        ] {
            assert_eq!(read(typed), Err(BadStart::Unreadable), "{typed}");
        }
        assert_eq!(read("01/01/2020 10:00"), Err(BadStart::Past));
        assert_eq!(read("29/11/2026 12:00"), Err(BadStart::Past));
        assert_eq!(read("01/01/2040 10:00"), Err(BadStart::TooFar));
        assert_eq!(read(&"1".repeat(10_000)), Err(BadStart::Unreadable));
    }

    #[test]
    fn an_end_time_gives_the_length() {
        let start = local("2027-02-07T10:00");
        assert_eq!(read_end("12:30", start), Some(150));
        assert_eq!(read_end("10:00", start), None);
        assert_eq!(read_end("09:00", start), None);
        assert_eq!(read_end("midi", start), None);
    }

    #[test]
    fn reminders_are_read_as_people_type_them() {
        let minutes = |typed: &str| {
            read_reminders(typed).map(|r| r.offsets().iter().map(|o| o.num_minutes()).collect::<Vec<_>>())
        };
        assert_eq!(minutes("2d 1h"), Some(vec![2880, 60]));
        assert_eq!(minutes("1h, 2j et 30m"), Some(vec![2880, 60, 30]));
        assert_eq!(minutes("٣h"), Some(vec![180]));
        assert_eq!(minutes("aucun"), Some(vec![]));
        for typed in ["", "bientôt", "0m", "31d", "1.5h", "-1h", "🎉"] {
            assert_eq!(read_reminders(typed), None, "{typed}");
        }
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert_eq!(
            read_link(" https://meet.example.org/tatwir?x=1 "),
            Some("https://meet.example.org/tatwir?x=1".to_owned())
        );
        for typed in [
            "meet.example.org",
            "javascript:alert(1)",
            "https://",
            "https://a b.org",
            "ftp://x.org",
        ] {
            assert_eq!(read_link(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_new_meeting_asks_every_field_once_then_reviews() {
        let mut draft = MeetingDraft::new(CASA);
        let mut field = Field::Title;
        let mut asked = vec![field];
        while field != Field::Review {
            field = draft.after(field);
            asked.push(field);
        }
        assert_eq!(
            asked.len(),
            Field::ALL.len() - 1 + 1,
            "every field but the reminders, then the review"
        );
        draft.reviewing = true;
        assert_eq!(draft.after(Field::Place), Field::Review);
        assert_eq!(draft.after(Field::TitleIn(Language::Ar)), Field::Review);
        draft.agenda.insert(Language::Fr, "Ordre du jour".into());
        assert_eq!(draft.after(Field::TitleIn(Language::Ar)), Field::AgendaIn(Language::Ar));
    }
}
