//! What an organiser types while writing a meeting (a start such as `07/02/2027 10:00
//! Europe/Paris`, an end time, reminder offsets such as `2d 3h`, a link, a title) and the
//! reminders stored as JSON.
#![no_main]

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use libfuzzer_sys::fuzz_target;
use tatwir_core::daily::DailyTime;
use tatwir_core::local_time::resolve_local;
use tatwir_core::meeting::draft::{
    MAX_AGENDA, MAX_PLACE, MAX_TITLE, read_agenda, read_end, read_link, read_place, read_reminders, read_start,
    read_title,
};
use tatwir_core::meeting::{MAX_REMINDER_OFFSET, MAX_REMINDERS, Reminders};

/// The engine's reader of a zone's name (`engine::daily::zone_named`, private to the engine).
fn zone_named(name: &str) -> Option<Tz> {
    if name.len() > 64 || !name.is_ascii() {
        return None;
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
}

fn check_reminders(reminders: &Reminders) {
    let offsets = reminders.offsets();
    assert!(offsets.len() <= MAX_REMINDERS);
    assert!(offsets.windows(2).all(|pair| pair[0] > pair[1]));
    assert!(
        offsets
            .iter()
            .all(|o| *o > Duration::zero() && *o <= MAX_REMINDER_OFFSET)
    );
}

fuzz_target!(|data: &[u8]| {
    // Four bytes for now (from 2000 on, up to 136 years), one for the organiser's zone; the
    // rest is what they typed.
    let [a, b, c, d, zone, rest @ ..] = data else {
        return;
    };
    let Ok(typed) = std::str::from_utf8(rest) else {
        return;
    };
    let seconds = i64::from(u32::from_le_bytes([*a, *b, *c, *d]));
    let now: DateTime<Utc> = DateTime::from_timestamp(946_684_800 + seconds, 0).expect("in range");
    let zone = chrono_tz::TZ_VARIANTS[usize::from(*zone) % chrono_tz::TZ_VARIANTS.len()];
    let start = match read_start(typed, zone, now, zone_named) {
        Ok((start, zone)) => {
            assert!(resolve_local(zone, start) > now);
            start
        }
        Err(_) => now.naive_utc(),
    };
    if let Some(minutes) = read_end(typed, start) {
        assert!(minutes > 0 && minutes < 24 * 60);
    }
    if let Some(reminders) = read_reminders(typed) {
        check_reminders(&reminders);
    }
    if let Ok(offset) = Reminders::parse_offset(typed) {
        assert!(offset <= MAX_REMINDER_OFFSET);
    }
    if let Ok(reminders) = serde_json::from_str::<Reminders>(typed) {
        check_reminders(&reminders);
        let json = serde_json::to_string(&reminders).expect("reminders write");
        assert_eq!(serde_json::from_str::<Reminders>(&json).ok(), Some(reminders));
    }
    if let Some(link) = read_link(typed) {
        assert!(link.starts_with("http://") || link.starts_with("https://"));
    }
    if let Some(title) = read_title(typed) {
        assert!(title.chars().count() <= MAX_TITLE);
    }
    if let Some(place) = read_place(typed) {
        assert!(place.chars().count() <= MAX_PLACE);
    }
    if let Some(agenda) = read_agenda(typed) {
        assert!(agenda.chars().count() <= MAX_AGENDA);
    }
    let _ = typed.parse::<DailyTime>();
});
