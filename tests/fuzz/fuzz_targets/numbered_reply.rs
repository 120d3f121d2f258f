//! A typed number answering the numbered choices and poll options on screen (the terminal,
//! Matrix): `2`, `1,3`, `١ ٣`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tatwir_core::message::Event;
use tatwir_core::message::numbered::{Pick, read};

fuzz_target!(|data: &[u8]| {
    // The first two bytes lay out the screen: how many picks, and which are poll options (of
    // one poll or of two); the rest is the line typed.
    let [count, shape, rest @ ..] = data else {
        return;
    };
    let Ok(line) = std::str::from_utf8(rest) else {
        return;
    };
    let count = usize::from(count % 12);
    let picks: Vec<Pick> = (0..count)
        .map(|i| {
            if shape & (1 << (i % 8)) == 0 {
                Pick::Choice(format!("abc234.{i}"))
            } else {
                let poll = if i % 3 == 0 { "p" } else { "q" };
                Pick::PollOption {
                    poll: poll.to_owned(),
                    option: i,
                }
            }
        })
        .collect();
    match read(&picks, line) {
        Event::Text(text) => assert_eq!(text, line),
        Event::Choice(choice) => assert!(
            choice.is_empty() || picks.contains(&Pick::Choice(choice.clone())),
            "{choice:?} was not on screen"
        ),
        Event::PollAnswer { poll, options } => {
            assert!(!options.is_empty());
            for option in options {
                assert!(picks.contains(&Pick::PollOption {
                    poll: poll.clone(),
                    option
                }));
            }
        }
    }
});
