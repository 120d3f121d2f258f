//! The meeting's schedule, reminders and iCalendar file, checked against the clock changes of
//! Casablanca and Paris and read back by an independent iCalendar parser.

use super::ics::*;
use super::reminders::*;
use super::schedule::*;
use super::*;
use crate::local_time::resolve_local;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Africa::Casablanca;
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::str::FromStr;

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
    assert_eq!(set.labels(), ["24h", "1h"]);
    assert_eq!(serde_json::to_value(&set).unwrap(), serde_json::json!(["24h", "1h"]));
    let odd = Reminders::new([Duration::minutes(90), Duration::days(2)]).unwrap();
    let read = |json: &str| serde_json::from_str::<Reminders>(json);
    assert_eq!(read(&serde_json::to_string(&odd).unwrap()).unwrap(), odd);
    assert_eq!(odd.labels(), ["48h", "90m"]);
    assert_eq!(serde_json::to_value(Reminders::none()).unwrap(), serde_json::json!([]));
    assert_eq!(read("[]").unwrap(), Reminders::none());
    // What older versions stored: minutes in the database, the same as text in conversations.
    assert_eq!(read("[1440, 60]").unwrap(), Reminders::default());
    assert_eq!(read("\"1440,60\"").unwrap(), Reminders::default());
    assert_eq!(read("\"\"").unwrap(), Reminders::none());
    // A damaged value is an error, never a quiet default.
    for damaged in ["\"60,x,-5\"", "[60, -5]", "[\"1 week\"]", "[0]", "{}"] {
        assert!(read(damaged).is_err(), "{damaged}");
    }
}

#[test]
fn recurrences_are_stored_as_json_and_older_text_still_reads() {
    let read = |json: &str| serde_json::from_str::<Recurrence>(json);
    for recurrence in [
        Recurrence::None,
        Recurrence::Weekly { every: 2 },
        Recurrence::Monthly { every: 1 },
        Recurrence::parse_cron("0 0 10 * * SUN").unwrap(),
    ] {
        let json = serde_json::to_string(&recurrence).unwrap();
        assert_eq!(read(&json).unwrap(), recurrence, "{json}");
    }
    assert_eq!(serde_json::to_string(&Recurrence::None).unwrap(), "\"none\"");
    assert_eq!(
        serde_json::to_value(Recurrence::Weekly { every: 2 }).unwrap(),
        serde_json::json!({ "weekly": { "every": 2 } })
    );
    // Conversations saved before the migration hold the old text.
    assert_eq!(read("\"weekly:2\"").unwrap(), Recurrence::Weekly { every: 2 });
    assert_eq!(read("\"monthly:1\"").unwrap(), Recurrence::Monthly { every: 1 });
    assert_eq!(
        read("\"cron:0 0 10 * * SUN\"").unwrap(),
        Recurrence::Cron("0 0 10 * * SUN".into())
    );
    // Nothing unreadable becomes "once" quietly.
    for damaged in [
        "\"weekly:x\"",
        "\"yearly:1\"",
        "\"\"",
        "\"cron:30 10 * * *\"",
        "{\"cron\":\"* * *\"}",
        "{\"weekly\":{}}",
    ] {
        assert!(read(damaged).is_err(), "{damaged}");
    }
}

#[test]
fn a_reminder_key_names_its_occurrence() {
    let time = casablanca(local(2026, 1, 4, 10, 0));
    let meeting = Meeting {
        organizer: None,
        id: MeetingId(7),
        title: BTreeMap::new(),
        agenda: BTreeMap::new(),
        time,
        place: None,
        link: None,
        recurrence: Recurrence::Weekly { every: 1 },
        reminders: Reminders::default(),
        calendar: CalendarToken::new(),
        audience: crate::audience::Audience::default(),
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

/// An operator's cron schedule every second made every rendering compute 400 days of
/// occurrences (issue 12, point 14): a new schedule repeats at most hourly, and any schedule
/// (one stored before the rule included) yields a bounded number of occurrences per window.
#[test]
fn cron_schedules_are_at_least_an_hour_apart_and_windows_are_bounded() {
    for too_often in ["* * * * * *", "0 */30 * * * *", "0 0,30 9 * * *"] {
        assert_eq!(
            Recurrence::parse_cron(too_often),
            Err(RecurrenceError::TooFrequent),
            "{too_often}"
        );
    }
    for fine in ["0 0 * * * *", "0 30 10 * * SUN", "0 0 9,18 * * *"] {
        assert!(Recurrence::parse_cron(fine).is_ok(), "{fine}");
    }
    // Stored before the rule, it still reads, and a window of a year stays bounded.
    let stored: Recurrence = serde_json::from_str("{\"cron\":\"* * * * * *\"}").expect("reads");
    let time = casablanca(local(2026, 1, 4, 10, 0));
    let start = utc(2026, 1, 4, 9, 0);
    let found = occurrences(&time, &stored, start, start + Duration::days(400));
    assert_eq!(found.len(), MAX_OCCURRENCES);
}

#[test]
fn calendar_tokens_are_unguessable_and_read_only_in_their_own_form() {
    let (one, two) = (CalendarToken::new(), CalendarToken::new());
    assert_ne!(one, two);
    assert_eq!(one.as_str().len(), 32);
    assert_eq!(CalendarToken::parse(one.as_str()), Some(one.clone()));
    assert_eq!(one.path(), format!("/meetings/{}.ics", one.as_str()));
    for not_a_token in [
        "7",
        "",
        "../../etc/passwd",
        &one.as_str().to_uppercase(),
        &format!("{}0", one.as_str()),
    ] {
        assert_eq!(CalendarToken::parse(not_a_token), None, "{not_a_token}");
    }
}
