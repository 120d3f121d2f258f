//! The meeting the calendar-file tests make on every channel, and what its iCalendar must say.

/// `tatwir meeting add` for a first-aid training on 2027-03-20 at 09:30 in Casablanca; the
/// caller adds its audience.
pub const FIRST_AID: &[&str] = &[
    "meeting",
    "add",
    "--title",
    "Formation premiers secours",
    "--start",
    "2027-03-20T09:30",
];

/// Panics unless `ics` is the training's calendar, with its local start in Casablanca's zone.
pub fn assert_first_aid_ics(ics: &str) {
    for line in [
        "BEGIN:VCALENDAR",
        "SUMMARY:Formation premiers secours",
        "DTSTART;TZID=Africa/Casablanca:20270320T093000",
        "END:VCALENDAR",
    ] {
        assert!(ics.contains(line), "{line} in\n{ics}");
    }
}
