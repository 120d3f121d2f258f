//! Property tests of the parsers that read what anyone can type or send: commands, language
//! names, invite codes, times of day, a meeting's start, end, reminders and link, numbered
//! replies, the data of a pressed button, and the cleaning of every message. Each one takes any
//! string (any Unicode, control characters, bidirectional marks, Arabic-Indic digits, inputs of
//! several kilobytes) without panicking, and gives back what it wrote where it writes something.
//! The same parsers are fuzzed by `tests/fuzz/run` (README.md, "Fuzzing"); here they run a
//! fixed number of cases from a fixed seed, so a run is repeatable and writes no file.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use tatwir_core::association::InviteCode;
use tatwir_core::command;
use tatwir_core::conversation::{Action, Offer, SessionAction};
use tatwir_core::daily::DailyTime;
use tatwir_core::language::Language;
use tatwir_core::local_time::resolve_local;
use tatwir_core::meeting::draft::{
    BadStart, MAX_AGENDA, MAX_LINK, MAX_PLACE, MAX_TITLE, read_agenda, read_end, read_link, read_place, read_reminders,
    read_start, read_title,
};
use tatwir_core::meeting::press::{MeetingPress, parse_answer, parse_press, press_data};
use tatwir_core::meeting::{CalendarToken, MAX_REMINDER_OFFSET, MAX_REMINDERS, MeetingId, Reminders, Rsvp};
use tatwir_core::message::Event;
use tatwir_core::message::numbered::{Pick, read};
use tatwir_core::text::{clean_line, clean_message};

/// 256 cases from one seed, no file of failures: the same cases on every run.
fn config() -> Config {
    Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x7a7_e11),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces people (and forgers) type: command prefixes, separators, digits of three scripts,
/// units, zone names, bidirectional and zero-width marks, control characters, Arabic words.
const PIECES: &[&str] = &[
    "/",
    "!",
    "@",
    ".",
    ",",
    "،",
    ";",
    ":",
    "-",
    "h",
    "H",
    "T",
    "d",
    "j",
    "m",
    "min",
    "y",
    "n",
    "c",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "0",
    "1",
    "7",
    "9",
    "12",
    "2027",
    "99999999999999999999",
    "-1",
    "٠",
    "٣",
    "٩",
    "۷",
    "\u{200F}",
    "\u{200E}",
    "\u{202E}",
    "\u{2067}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{85}",
    "\u{2028}",
    "é",
    "ß",
    "İ",
    "ﬃ",
    "🎉",
    "👩🏽\u{200D}⚕️",
    "start",
    "help",
    "Europe/Paris",
    "africa/casablanca",
    "Mars/Olympus",
    "aucun",
    "none",
    "لا",
    "et",
    "العربية",
    "darija",
    "https://",
    "http://",
    "meet.example.org",
    "m42",
    "abc234",
];

/// Any string at all, or one made of the pieces above, up to several kilobytes.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..6000).prop_map(String::from_iter),
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat()),
        prop::collection::vec(prop::sample::select(PIECES), 0..2000).prop_map(|pieces| pieces.concat()),
    ]
}

const CASA: Tz = chrono_tz::Africa::Casablanca;

/// The engine's reader of a zone's name (`engine::daily::zone_named`).
fn zone_named(name: &str) -> Option<Tz> {
    if name.len() > 64 || !name.is_ascii() {
        return None;
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

fn language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

fn check_reminders(reminders: &Reminders) {
    let offsets = reminders.offsets();
    assert!(offsets.len() <= MAX_REMINDERS);
    assert!(offsets.windows(2).all(|pair| pair[0] > pair[1]), "{offsets:?}");
    assert!(
        offsets
            .iter()
            .all(|o| *o > Duration::zero() && *o <= MAX_REMINDER_OFFSET)
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn cleaning_keeps_no_invisible_character_and_is_stable(text in typed()) {
        let line = clean_line(&text);
        prop_assert!(!line.chars().any(char::is_control), "{line:?}");
        prop_assert!(!line.contains("  ") && line.trim() == line);
        prop_assert!(!line.contains(['\u{200F}', '\u{202E}', '\u{FEFF}']), "{:?}", line);
        prop_assert_eq!(clean_line(&line), line.clone());
        let message = clean_message(&text);
        prop_assert!(!message.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{message:?}");
        prop_assert_eq!(message.trim(), message.as_str());
        prop_assert_eq!(clean_message(&message), message.clone());
    }

    #[test]
    fn commands_read_from_any_text(text in typed()) {
        if let Some(typed) = command::parse(&text) {
            prop_assert!(typed.name.starts_with(|c: char| c.is_ascii_alphabetic()));
            prop_assert!(!typed.name.contains(char::is_whitespace) && !typed.name.contains('@'));
            prop_assert_eq!(typed.name.to_ascii_lowercase(), typed.name.clone());
            prop_assert_eq!(typed.argument.trim(), typed.argument);
            prop_assert!(text.contains(typed.argument));
        }
    }

    #[test]
    fn a_command_reads_back(
        prefix in prop::sample::select(vec!["/", "!", " /", "\n!"]),
        name in "[a-zA-Z][a-zA-Z0-9_]{0,20}",
        bot in prop::option::of("[a-z_]{1,20}"),
        argument in typed(),
    ) {
        let bot = bot.map(|bot| format!("@{bot}")).unwrap_or_default();
        let text = format!("{prefix}{name}{bot} {argument}");
        let typed = command::parse(&text).expect("a command");
        prop_assert_eq!(typed.name, name.to_ascii_lowercase());
        prop_assert_eq!(typed.argument, argument.trim());
    }

    #[test]
    fn language_names_read_from_any_text(text in typed(), language in language()) {
        let _ = Language::from_typed_name(&text);
        let _ = Language::from_client_code(&text);
        let _ = text.parse::<Language>();
        prop_assert_eq!(format!(" {} ", language.code().to_uppercase()).parse::<Language>().ok(), Some(language));
        prop_assert_eq!(Language::from_typed_name(&format!("{}!", language.code())), Some(language));
    }

    #[test]
    fn invite_codes_read_from_any_text(text in typed()) {
        if let Some(code) = InviteCode::parse(&text) {
            prop_assert!(matches!(code.as_str().len(), InviteCode::LEN | InviteCode::LEGACY_LEN));
            prop_assert!(code.as_str().bytes().all(|b| b"ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains(&b)));
        }
    }

    #[test]
    fn a_generated_invite_code_reads_back_however_typed(cuts in prop::collection::vec(0..13usize, 0..4), lower in any::<bool>()) {
        let code = InviteCode::generate();
        let mut typed = code.as_str().to_owned();
        if lower {
            typed = typed.to_lowercase();
        }
        for (i, cut) in cuts.into_iter().enumerate() {
            typed.insert(cut, if i % 2 == 0 { '-' } else { ' ' });
        }
        prop_assert_eq!(InviteCode::parse(&format!(" {typed}\n")), Some(code));
    }

    #[test]
    fn calendar_tokens_read_from_any_text(text in typed()) {
        if let Some(token) = CalendarToken::parse(&text) {
            prop_assert_eq!(token.as_str(), text.as_str());
        }
        let token = CalendarToken::new();
        prop_assert_eq!(CalendarToken::parse(token.as_str()), Some(token));
    }

    #[test]
    fn times_of_day_read_from_any_text(text in typed()) {
        if let Ok(time) = text.parse::<DailyTime>() {
            prop_assert!(time.hour < 24 && time.minute < 60);
        }
    }

    #[test]
    fn a_time_of_day_reads_back(hour in 0..24u8, minute in 0..60u8, arabic in any::<bool>()) {
        let written = DailyTime { hour, minute }.to_string();
        prop_assert_eq!(written.parse::<DailyTime>(), Ok(DailyTime { hour, minute }));
        if arabic {
            let arabic: String = written
                .chars()
                .map(|c| c.to_digit(10).map_or(c, |d| char::from_u32(0x0660 + d).unwrap()))
                .collect();
            prop_assert_eq!(arabic.parse::<DailyTime>(), Ok(DailyTime { hour, minute }));
        }
    }

    #[test]
    fn meeting_starts_read_from_any_text(text in typed(), zone in 0..chrono_tz::TZ_VARIANTS.len(), ahead in 0..(200 * 365 * 24 * 3600i64)) {
        let zone = chrono_tz::TZ_VARIANTS[zone];
        // From 1926 to 2126.
        let now = now() - Duration::seconds(100 * 365 * 24 * 3600) + Duration::seconds(ahead);
        if let Ok((start, zone)) = read_start(&text, zone, now, zone_named) {
            prop_assert!(resolve_local(zone, start) > now);
        }
        let start = now.naive_utc();
        if let Some(minutes) = read_end(&text, start) {
            prop_assert!(minutes > 0 && minutes < 24 * 60);
        }
    }

    #[test]
    fn a_meeting_start_reads_back(days in 1..(4 * 365i64), hour in 0..24u32, minute in 0..60u32, form in 0..4usize) {
        let date: NaiveDate = now().date_naive() + Duration::days(days);
        let start = date.and_hms_opt(hour, minute, 0).unwrap();
        let typed = match form {
            0 => start.format("%d/%m/%Y %H:%M").to_string(),
            1 => start.format("%Y-%m-%dT%H:%M").to_string(),
            2 => start.format(" %-d.%-m.%Y  %-Hh%M ").to_string(),
            _ => start.format("%d/%m/%Y %H:%M Europe/Paris").to_string(),
        };
        let zone = if form == 3 { chrono_tz::Europe::Paris } else { CASA };
        prop_assert_eq!(read_start(&typed, CASA, now(), zone_named), Ok((start, zone)), "{}", typed);
        prop_assert_eq!(read_start(&typed, CASA, now() + Duration::days(days + 2), zone_named), Err(BadStart::Past));
    }

    #[test]
    fn reminders_read_from_any_text(text in typed()) {
        if let Some(reminders) = read_reminders(&text) {
            check_reminders(&reminders);
        }
        if let Ok(offset) = Reminders::parse_offset(&text) {
            prop_assert!(offset >= Duration::zero() && offset <= MAX_REMINDER_OFFSET);
        }
        if let Ok(reminders) = serde_json::from_str::<Reminders>(&text) {
            check_reminders(&reminders);
        }
    }

    #[test]
    fn reminders_read_back(minutes in prop::collection::btree_set(1..=(30 * 24 * 60i64), 0..=MAX_REMINDERS)) {
        let reminders = Reminders::new(minutes.iter().map(|&m| Duration::minutes(m))).expect("in range");
        let typed = reminders.labels().join(" ");
        let read = if minutes.is_empty() { read_reminders("aucun") } else { read_reminders(&typed) };
        prop_assert_eq!(read.as_ref(), Some(&reminders), "{}", typed);
        let json = serde_json::to_string(&reminders).unwrap();
        prop_assert_eq!(serde_json::from_str::<Reminders>(&json).ok(), Some(reminders));
    }

    #[test]
    fn meeting_texts_read_from_any_text(text in typed()) {
        if let Some(link) = read_link(&text) {
            prop_assert!(link.len() <= MAX_LINK && (link.starts_with("https://") || link.starts_with("http://")));
        }
        if let Some(title) = read_title(&text) {
            prop_assert!(!title.is_empty() && title.chars().count() <= MAX_TITLE);
        }
        if let Some(place) = read_place(&text) {
            prop_assert!(!place.is_empty() && place.chars().count() <= MAX_PLACE);
        }
        if let Some(agenda) = read_agenda(&text) {
            prop_assert!(!agenda.is_empty() && agenda.chars().count() <= MAX_AGENDA);
        }
    }

    #[test]
    fn numbered_replies_read_from_any_text(text in typed(), shape in any::<u16>(), count in 0..12usize) {
        let picks = picks(count, shape);
        match read(&picks, &text) {
            Event::Text(read) => prop_assert_eq!(read, text),
            Event::Choice(data) => prop_assert!(data.is_empty() || picks.contains(&Pick::Choice(data.clone()))),
            Event::PollAnswer { poll, options } => {
                prop_assert!(!options.is_empty());
                for option in options {
                    prop_assert!(picks.contains(&Pick::PollOption { poll: poll.clone(), option }), "{} {}", poll, option);
                }
            }
        }
    }

    #[test]
    fn a_number_on_screen_picks_its_choice(shape in any::<u16>(), count in 1..12usize, index in 0..12usize, pad in "[ ,;]{0,3}") {
        let picks = picks(count, shape);
        let index = index % count;
        let expected = match &picks[index] {
            Pick::Choice(data) => Event::Choice(data.clone()),
            Pick::PollOption { poll, option } => Event::PollAnswer { poll: poll.clone(), options: vec![*option] },
        };
        prop_assert_eq!(read(&picks, &format!("{pad}{}{pad}", index + 1)), expected);
        prop_assert_eq!(read(&picks, &format!("{}", count + 1)), Event::Choice(String::new()));
    }

    #[test]
    fn press_data_reads_from_any_text(text in typed()) {
        if let Some((meeting, press)) = parse_press(&text) {
            prop_assert!(meeting.0 > 0);
            prop_assert_eq!(parse_press(&press_data(meeting, press)), Some((meeting, press)));
        }
        if let Some((meeting, answer)) = parse_answer(&text) {
            prop_assert_eq!(parse_press(&text), Some((meeting, MeetingPress::Answer(answer))));
        }
    }

    #[test]
    fn press_data_reads_back(meeting in 1..=i64::MAX, press in 0..4usize) {
        let press = match press {
            3 => MeetingPress::Calendar,
            answer => MeetingPress::Answer(Rsvp::ALL[answer]),
        };
        let data = press_data(MeetingId(meeting), press);
        prop_assert!(data.len() <= 64, "Telegram's callback data limit");
        prop_assert_eq!(parse_press(&data), Some((MeetingId(meeting), press)));
    }

    #[test]
    fn offer_data_reads_from_any_text(text in typed(), index in 0..6usize) {
        let offer = Offer::new(Language::ALL.into_iter().map(|language| Action::from(SessionAction::SetLanguage { language })).collect());
        prop_assert!(offer.action_for(&text).is_none() || text.starts_with(&offer.nonce));
        let expected = offer.actions.get(index);
        prop_assert_eq!(offer.action_for(&offer.data(index)), expected);
        let forged = Offer { nonce: text.split_once('.').map_or(text.as_str(), |(nonce, _)| nonce).to_owned(), ..offer.clone() };
        if let Some(action) = forged.action_for(&text) {
            prop_assert!(forged.actions.contains(action));
        }
    }
}

/// `count` numbered picks, each a choice or an option of one of two polls as `shape`'s bits say.
fn picks(count: usize, shape: u16) -> Vec<Pick> {
    (0..count)
        .map(|i| {
            if shape & (1 << i) == 0 {
                Pick::Choice(format!("abc234.{i}"))
            } else {
                let poll = if shape & (1 << 15) != 0 && i % 2 == 0 { "q" } else { "p" };
                Pick::PollOption {
                    poll: poll.to_owned(),
                    option: i,
                }
            }
        })
        .collect()
}
