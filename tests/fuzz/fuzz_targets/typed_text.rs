//! What anyone types as a whole message: commands (`/start CODE`, `!help`), language names,
//! invite codes, times of day, the token of a calendar address (`/meetings/<token>.ics`), and the
//! cleaning every message goes through first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tatwir_core::association::InviteCode;
use tatwir_core::command::{self, Spec};
use tatwir_core::daily::DailyTime;
use tatwir_core::language::Language;
use tatwir_core::meeting::CalendarToken;
use tatwir_core::text::{clean_line, clean_message};

fuzz_target!(|data: &[u8]| {
    // Every channel hands the engine a Rust string: valid UTF-8.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let message = clean_message(text);
    assert!(message.len() <= text.len());
    let line = clean_line(text);
    assert!(line.len() <= text.len());
    assert!(!line.contains("  ") && line.trim() == line);
    for typed in [text, message.as_str()] {
        if let Some(command) = command::parse(typed) {
            assert!(command.name.starts_with(|c: char| c.is_ascii_alphabetic()));
            assert_eq!(command.argument, command.argument.trim());
            let _ = Spec::find(&command.name);
            let _ = InviteCode::parse(command.argument);
        }
    }
    let _ = Language::from_typed_name(text);
    let _ = Language::from_client_code(text);
    let _ = text.parse::<Language>();
    if let Some(code) = InviteCode::parse(text) {
        assert!(matches!(code.as_str().len(), InviteCode::LEN | InviteCode::LEGACY_LEN));
    }
    if let Some(token) = CalendarToken::parse(text) {
        assert_eq!(token.as_str(), text);
    }
    if let Ok(time) = text.parse::<DailyTime>() {
        assert!(time.hour < 24 && time.minute < 60);
        assert_eq!(time.to_string().parse::<DailyTime>(), Ok(time));
    }
});
