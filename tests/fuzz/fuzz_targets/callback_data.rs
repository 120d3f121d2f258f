//! The data of a pressed button, which anyone can forge: a meeting's press (`m42.y`) or an
//! offer's choice (`<nonce>.<index>`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tatwir_core::conversation::{Action, Offer, SessionAction};
use tatwir_core::language::Language;
use tatwir_core::meeting::press::{MeetingPress, parse_answer, parse_press, press_data};

fuzz_target!(|data: &[u8]| {
    let Ok(data) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((meeting, press)) = parse_press(data) {
        assert!(meeting.0 > 0);
        assert_eq!(parse_press(&press_data(meeting, press)), Some((meeting, press)));
    }
    if let Some((meeting, answer)) = parse_answer(data) {
        assert_eq!(parse_press(data), Some((meeting, MeetingPress::Answer(answer))));
    }
    let actions: Vec<Action> = Language::ALL
        .into_iter()
        .map(|language| SessionAction::SetLanguage { language }.into())
        .collect();
    // An offer of its own nonce, and one whose nonce is the data's, so the index is read too.
    let offer = Offer {
        nonce: "abc234".to_owned(),
        actions: actions.clone(),
        chat: None,
    };
    if let Some(action) = offer.action_for(data) {
        assert!(offer.actions.contains(action));
    }
    if let Some((nonce, _)) = data.split_once('.') {
        let same = Offer {
            nonce: nonce.to_owned(),
            actions,
            chat: None,
        };
        if let Some(action) = same.action_for(data) {
            assert!(same.actions.contains(action));
        }
    }
});
