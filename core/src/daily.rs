//! The daily lesson: one lesson a day at a local time the person chose, in their time zone
//! (Africa/Casablanca unless they chose another). An occurrence is identified by its local date,
//! so it happens once per day even when the clock changes (Morocco's Ramadan changes included).

use crate::local_time::resolve_local;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
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

/// The text given as a time of day is not one.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a time of day (HH:MM)")]
pub struct BadTime;

/// `HH:MM` is five characters; anything longer is refused before any allocation.
const LONGEST_TIME: usize = 5;

/// ASCII digits stay, Arabic-Indic (٠..٩) and Eastern Arabic-Indic (۰..۹) digits become ASCII, as people
/// type with whichever keyboard they have.
pub fn ascii_digit(c: char) -> char {
    let value = match c {
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        _ => return c,
    };
    char::from_digit(value, 10).unwrap_or(c)
}

fn two_digit_number(digits: &str, max: u8) -> Option<u8> {
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u8>().ok().filter(|n| *n <= max)
}

impl FromStr for DailyTime {
    type Err = BadTime;

    /// Accepts `7:30`, `07:30`, `07h30`, `7h` and `07.30`; Arabic-Indic digits too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.chars().nth(LONGEST_TIME).is_some() {
            return Err(BadTime);
        }
        let text: String = s.chars().map(ascii_digit).collect();
        // Once only ASCII is left, byte indices are char boundaries.
        if !text.is_ascii() {
            return Err(BadTime);
        }
        let at = text.find([':', 'h', 'H', '.']).ok_or(BadTime)?;
        let (hour, minute) = (&text[..at], &text[at + 1..]);
        let hour = two_digit_number(hour, 23).ok_or(BadTime)?;
        // `7h` means 7 o'clock, but `7:` and `7.` look like an unfinished time.
        let minute = if minute.is_empty() && matches!(text.as_bytes()[at], b'h' | b'H') {
            0
        } else if minute.len() == 2 {
            two_digit_number(minute, 59).ok_or(BadTime)?
        } else {
            return Err(BadTime);
        };
        Ok(DailyTime { hour, minute })
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
        // The fields are public, so a stored plan could hold 24:60: clamp it into the day rather than fail.
        let time = NaiveTime::from_hms_opt(self.time.hour.min(23).into(), self.time.minute.min(59).into(), 0)
            .unwrap_or(NaiveTime::MIN);
        resolve_local(self.zone, date.and_time(time))
    }

    /// The next occurrence: the first local date after `after_date` (or from today, local to
    /// `now`, when `None`) whose instant is later than `now`.
    ///
    /// Dates already past are skipped, not caught up on: after the service was down for days the
    /// person gets one lesson, at the next occurrence.
    pub fn next(&self, after_date: Option<NaiveDate>, now: DateTime<Utc>) -> (NaiveDate, DateTime<Utc>) {
        let today = now.with_timezone(&self.zone).date_naive();
        let mut date = match after_date.and_then(|d| d.succ_opt()) {
            Some(day_after) => day_after.max(today),
            None => today,
        };
        let mut instant = self.occurrence(date);
        // Today's occurrence may be past, tomorrow's too when the clock goes back over midnight, but
        // an hour or two of change cannot reach the day after tomorrow: a few tries are enough.
        for _ in 0..3 {
            if instant > now {
                break;
            }
            let Some(following) = date.succ_opt() else { break };
            date = following;
            instant = self.occurrence(date);
        }
        (date, instant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Offset, TimeZone};
    use chrono_tz::Europe::Paris;

    fn time(s: &str) -> DailyTime {
        s.parse().unwrap()
    }

    fn plan(at: &str) -> DailyPlan {
        DailyPlan {
            time: time(at),
            zone: DEFAULT_ZONE,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    fn offset_seconds(zone: Tz, at: DateTime<Utc>) -> i32 {
        zone.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
    }

    #[test]
    fn times_are_read_in_every_accepted_form() {
        let half_past_seven = DailyTime { hour: 7, minute: 30 };
        for text in [
            "7:30",
            "07:30",
            "07h30",
            "7h30",
            "07H30",
            "07.30",
            "  7:30\t",
            "\u{a0}07:30\n",
            "٧:٣٠",
            "٠٧:٣٠",
            "۷:۳۰",
            "۰۷h۳۰",
            "07:٣٠",
        ] {
            assert_eq!(text.parse(), Ok(half_past_seven), "{text:?}");
        }
        assert_eq!(time("7h"), DailyTime { hour: 7, minute: 0 });
        assert_eq!(time("٧h"), DailyTime { hour: 7, minute: 0 });
        assert_eq!(time("0:00"), DailyTime { hour: 0, minute: 0 });
        assert_eq!(time("23:59"), DailyTime { hour: 23, minute: 59 });
        assert_eq!(time("٢٣:٥٩"), DailyTime { hour: 23, minute: 59 });
    }

    #[test]
    fn other_text_is_not_a_time() {
        let huge = "7".repeat(1_000_000) + ":30";
        for text in [
            "",
            " ",
            "24:00",
            "23:60",
            "7:5",
            "7:300",
            "007:30",
            "abc",
            "7:30pm",
            "7",
            "7:",
            "7.",
            ":30",
            "h30",
            "-1:30",
            "+7:30",
            "7 :30",
            "7::30",
            "7:3a",
            "７:３０",
            "7h5",
            "7,30",
            "١٢٣:٠٠",
            &huge,
        ] {
            assert_eq!(text.parse::<DailyTime>(), Err(BadTime), "{text:?}");
        }
    }

    #[test]
    fn no_character_makes_parsing_panic() {
        // Multi-byte characters next to the separators are where byte slicing would break.
        let samples = (0..0x11_0000u32)
            .step_by(97)
            .filter_map(char::from_u32)
            .chain(['é', '٧', '🙂', '\u{301}']);
        for c in samples {
            for text in [
                format!("{c}"),
                format!("{c}:{c}"),
                format!("7{c}30"),
                format!("7:{c}"),
                format!("{c}7:30"),
                format!("7h{c}"),
                format!("{c}{c}{c}{c}{c}{c}"),
            ] {
                let _ = text.parse::<DailyTime>();
            }
        }
    }

    #[test]
    fn times_display_as_they_are_read() {
        for text in ["00:00", "07:30", "23:59"] {
            assert_eq!(time(text).to_string(), text);
        }
        assert_eq!(time("٧h").to_string(), "07:00");
    }

    /// The assertions below rest on the tzdata bundled with chrono-tz: Ramadan (UTC+0) from the Sunday
    /// clocks go back at 03:00 to the Sunday they jump forward at 02:00.
    #[test]
    fn casablanca_changes_its_clock_around_ramadan() {
        for (start, end) in [
            (utc(2026, 2, 15, 2, 0, 0), utc(2026, 3, 22, 2, 0, 0)),
            (utc(2027, 2, 7, 2, 0, 0), utc(2027, 3, 14, 2, 0, 0)),
            (utc(2028, 1, 23, 2, 0, 0), utc(2028, 3, 5, 2, 0, 0)),
        ] {
            let second = Duration::seconds(1);
            assert_eq!(offset_seconds(DEFAULT_ZONE, start - second), 3600, "{start}");
            assert_eq!(offset_seconds(DEFAULT_ZONE, start), 0, "{start}");
            assert_eq!(offset_seconds(DEFAULT_ZONE, end - second), 0, "{end}");
            assert_eq!(offset_seconds(DEFAULT_ZONE, end), 3600, "{end}");
        }
    }

    #[test]
    fn a_time_that_happens_twice_takes_the_earlier_instant() {
        // 02:30 is read first at UTC+1 (01:30 UTC), then again at UTC+0 (02:30 UTC).
        assert_eq!(plan("02:30").occurrence(date(2026, 2, 15)), utc(2026, 2, 15, 1, 30, 0));
        assert_eq!(plan("02:00").occurrence(date(2026, 2, 15)), utc(2026, 2, 15, 1, 0, 0));
        assert_eq!(plan("02:59").occurrence(date(2026, 2, 15)), utc(2026, 2, 15, 1, 59, 0));
        assert_eq!(plan("03:00").occurrence(date(2026, 2, 15)), utc(2026, 2, 15, 3, 0, 0));
        assert_eq!(plan("02:30").occurrence(date(2027, 2, 7)), utc(2027, 2, 7, 1, 30, 0));
        assert_eq!(plan("02:30").occurrence(date(2028, 1, 23)), utc(2028, 1, 23, 1, 30, 0));
    }

    #[test]
    fn a_time_that_never_happens_takes_the_jump() {
        let jump = utc(2026, 3, 22, 2, 0, 0);
        for at in ["02:00", "02:30", "02:59"] {
            assert_eq!(plan(at).occurrence(date(2026, 3, 22)), jump, "{at}");
        }
        assert_eq!(jump.with_timezone(&DEFAULT_ZONE).format("%H:%M").to_string(), "03:00");
        assert_eq!(plan("01:59").occurrence(date(2026, 3, 22)), utc(2026, 3, 22, 1, 59, 0));
        assert_eq!(plan("03:00").occurrence(date(2026, 3, 22)), jump);
        assert_eq!(plan("03:01").occurrence(date(2026, 3, 22)), utc(2026, 3, 22, 2, 1, 0));
        assert_eq!(plan("02:30").occurrence(date(2027, 3, 14)), utc(2027, 3, 14, 2, 0, 0));
        assert_eq!(plan("02:30").occurrence(date(2028, 3, 5)), utc(2028, 3, 5, 2, 0, 0));
    }

    #[test]
    fn a_jump_off_the_minute_is_found_to_the_second() {
        // In 1913 Casablanca left local mean time (UTC-00:30:20) at 00:30:20 UTC: 00:00 to 00:30:19 never
        // happened on 26 October.
        let jump = utc(1913, 10, 26, 0, 30, 20);
        assert_eq!(plan("00:15").occurrence(date(1913, 10, 26)), jump);
        assert_eq!(plan("00:30").occurrence(date(1913, 10, 26)), jump);
    }

    #[test]
    fn half_past_seven_follows_the_ramadan_clock() {
        let at = plan("07:30");
        assert_eq!(at.occurrence(date(2026, 2, 14)), utc(2026, 2, 14, 6, 30, 0));
        assert_eq!(at.occurrence(date(2026, 2, 15)), utc(2026, 2, 15, 7, 30, 0));
        assert_eq!(at.occurrence(date(2026, 3, 21)), utc(2026, 3, 21, 7, 30, 0));
        assert_eq!(at.occurrence(date(2026, 3, 22)), utc(2026, 3, 22, 6, 30, 0));
    }

    #[test]
    fn paris_summer_time_changes_are_handled_the_same_way() {
        let at = DailyPlan {
            time: time("02:30"),
            zone: Paris,
        };
        // Spring: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        assert_eq!(at.occurrence(date(2026, 3, 29)), utc(2026, 3, 29, 1, 0, 0));
        // Autumn: 03:00 CEST goes back to 02:00 CET; 02:30 is first read at UTC+2.
        assert_eq!(at.occurrence(date(2026, 10, 25)), utc(2026, 10, 25, 0, 30, 0));
        assert_eq!(at.occurrence(date(2026, 10, 26)), utc(2026, 10, 26, 1, 30, 0));
        let mut sent = None;
        let mut now = utc(2026, 3, 1, 0, 0, 0);
        let mut previous = now;
        for day in date(2026, 3, 1).iter_days().take_while(|d| *d <= date(2026, 11, 30)) {
            let (next, instant) = at.next(sent, now);
            assert_eq!(next, day);
            assert!(instant > previous);
            (sent, now, previous) = (Some(next), instant, instant);
        }
    }

    /// Runs a daily sender from `start` to `end` the way the service does: it wakes every few minutes,
    /// sends when the pending occurrence is due, then asks for the one after the date it sent.
    fn sent_dates(plan: DailyPlan, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<(NaiveDate, DateTime<Utc>)> {
        let mut sent: Vec<(NaiveDate, DateTime<Utc>)> = Vec::new();
        let mut now = start;
        let mut pending = plan.next(None, now);
        while now < end {
            if pending.1 <= now {
                sent.push(pending);
                pending = plan.next(Some(pending.0), now);
            }
            now += Duration::minutes(7);
        }
        sent
    }

    #[test]
    fn every_local_date_gets_exactly_one_lesson_through_ramadan() {
        let years = [
            (date(2026, 2, 1), date(2026, 4, 1)),
            (date(2027, 1, 25), date(2027, 3, 25)),
            (date(2028, 1, 10), date(2028, 3, 15)),
        ];
        for at in ["02:30", "07:30", "23:59", "00:00", "02:00", "03:00"] {
            let plan = plan(at);
            for (first, last) in years {
                let start = plan.occurrence(first) - Duration::hours(1);
                let end = plan.occurrence(last) + Duration::minutes(10);
                let sent = sent_dates(plan, start, end);
                let expected: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
                assert_eq!(
                    sent.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
                    expected,
                    "{at} from {first}"
                );
                assert!(sent.windows(2).all(|w| w[0].1 < w[1].1), "{at} from {first}");
                for (day, instant) in &sent {
                    assert_eq!(*instant, plan.occurrence(*day));
                }
            }
        }
        let sent = sent_dates(plan("02:30"), utc(2026, 2, 1, 0, 0, 0), utc(2026, 4, 1, 12, 0, 0));
        let on = |day: NaiveDate| {
            sent.iter()
                .filter(|(d, _)| *d == day)
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
        };
        assert_eq!(on(date(2026, 2, 15)), [utc(2026, 2, 15, 1, 30, 0)]);
        assert_eq!(on(date(2026, 3, 22)), [utc(2026, 3, 22, 2, 0, 0)]);
    }

    #[test]
    fn walking_next_day_after_day_skips_and_repeats_no_date() {
        for at in ["02:30", "07:30", "23:59"] {
            let plan = plan(at);
            let mut now = utc(2026, 2, 1, 0, 0, 0);
            let mut sent = None;
            let mut previous: Option<DateTime<Utc>> = None;
            for day in date(2026, 2, 1).iter_days().take_while(|d| *d <= date(2026, 4, 1)) {
                let (next, instant) = plan.next(sent, now);
                assert_eq!(next, day, "{at}");
                assert!(instant > now, "{at} {day}");
                assert!(previous.is_none_or(|p| instant > p), "{at} {day}");
                // Sent at its instant exactly, then a little late.
                assert_eq!(plan.next(Some(next), instant).0, day.succ_opt().unwrap());
                (sent, now, previous) = (Some(next), instant + Duration::seconds(30), Some(instant));
            }
            assert_eq!(sent, Some(date(2026, 4, 1)));
        }
    }

    #[test]
    fn next_around_todays_occurrence() {
        let at = plan("07:30");
        let today = date(2026, 5, 10);
        let tomorrow = date(2026, 5, 11);
        let instant = utc(2026, 5, 10, 6, 30, 0);
        let second = Duration::seconds(1);
        assert_eq!(at.next(None, instant - second), (today, instant));
        assert_eq!(at.next(None, instant), (tomorrow, utc(2026, 5, 11, 6, 30, 0)));
        assert_eq!(at.next(None, instant + second), (tomorrow, utc(2026, 5, 11, 6, 30, 0)));
        assert_eq!(at.next(Some(date(2026, 5, 9)), instant - second), (today, instant));
        // Today's lesson already sent, even early: the next is tomorrow's.
        assert_eq!(at.next(Some(today), instant - second).0, tomorrow);
        assert_eq!(at.next(Some(today), instant + second).0, tomorrow);
    }

    #[test]
    fn after_the_service_was_down_the_next_lesson_is_in_the_future() {
        let at = plan("07:30");
        let last_sent = Some(date(2026, 5, 1));
        assert_eq!(
            at.next(last_sent, utc(2026, 5, 10, 12, 0, 0)),
            (date(2026, 5, 11), utc(2026, 5, 11, 6, 30, 0))
        );
        assert_eq!(
            at.next(last_sent, utc(2026, 5, 10, 5, 0, 0)),
            (date(2026, 5, 10), utc(2026, 5, 10, 6, 30, 0))
        );
    }

    #[test]
    fn today_is_the_date_in_the_plans_zone() {
        let at = DailyPlan {
            time: time("07:30"),
            zone: chrono_tz::Asia::Tokyo,
        };
        // 20:00 UTC on 10 May is already 05:00 on 11 May in Tokyo.
        assert_eq!(
            at.next(None, utc(2026, 5, 10, 20, 0, 0)),
            (date(2026, 5, 11), utc(2026, 5, 10, 22, 30, 0))
        );
    }

    #[test]
    fn a_stored_time_out_of_range_does_not_panic() {
        let at = DailyPlan {
            time: DailyTime { hour: 99, minute: 99 },
            zone: DEFAULT_ZONE,
        };
        assert_eq!(at.occurrence(date(2026, 5, 10)), utc(2026, 5, 10, 22, 59, 0));
    }
}
