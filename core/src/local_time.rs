//! Local wall-clock times read in a time zone, resolved to one instant each even across clock changes:
//! the daily lesson and meetings both promise "once per local occurrence", so they share this rule.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// Clock jumps forward are an hour or two; a day bounds the search for the end of one.
const LONGEST_GAP_MINUTES: i64 = 24 * 60;

/// The instant a zone's clock reads `local`: the earlier one when the local time happens twice (the clock
/// goes back), the moment the clock jumps when it does not happen at all (the clock goes forward).
///
/// Never fails, so a schedule built on it can neither repeat nor skip a local occurrence.
pub fn resolve_local(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    earliest_instant(zone, local).unwrap_or_else(|| after_gap(zone, local))
}

/// The first instant that reads `local` on the zone's clock, if any does.
pub fn earliest_instant(zone: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// The instant the clock jumps over `local`, which falls in a gap.
fn after_gap(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let first_after = (1..=LONGEST_GAP_MINUTES).find_map(|minutes| {
        let later = local.checked_add_signed(Duration::minutes(minutes))?;
        earliest_instant(zone, later)
    });
    let Some(first_after) = first_after else {
        // No zone has a day-long gap; read the time as UTC rather than fail.
        return local.and_utc();
    };
    // Real jumps are on whole minutes, but the first existing whole minute would be late for one
    // that is not (some old local mean times): find the exact second of the change.
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix();
    let after = offset_at(first_after);
    // Seconds before `first_after`: the offset is `after` at `at` and another at `before`.
    let (mut before, mut at) = (60, 0);
    if offset_at(first_after - Duration::seconds(before)) == after {
        return first_after;
    }
    while before - at > 1 {
        let middle = (before + at) / 2;
        if offset_at(first_after - Duration::seconds(middle)) == after {
            at = middle;
        } else {
            before = middle;
        }
    }
    first_after - Duration::seconds(at)
}
