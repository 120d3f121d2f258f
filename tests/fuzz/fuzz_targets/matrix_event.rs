//! A Matrix event as JSON, as matrix-sdk reads it before the adapter's handlers
//! (`bots/matrix/src/lib.rs`): a room message, whose body is read as a numbered reply or a
//! command, and an MSC3381 poll response, whose answers are read as option numbers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ruma::events::AnySyncTimelineEvent;
use ruma::events::poll::unstable_response::OriginalSyncUnstablePollResponseEvent;
use ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};
use tatwir_core::command;
use tatwir_core::meeting::press::parse_answer;
use tatwir_core::message::Event;
use tatwir_core::message::numbered::{Pick, read};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    // What a sync response holds: any timeline event.
    let _ = serde_json::from_str::<AnySyncTimelineEvent>(json);
    if let Ok(event) = serde_json::from_str::<OriginalSyncRoomMessageEvent>(json) {
        let body = match &event.content.msgtype {
            MessageType::Text(text) => text.body.clone(),
            MessageType::Notice(_) => return,
            _ => String::new(),
        };
        let picks = [
            Pick::Choice("m42.y".into()),
            Pick::Choice("abc234.1".into()),
            Pick::PollOption {
                poll: "p".into(),
                option: 0,
            },
            Pick::PollOption {
                poll: "p".into(),
                option: 1,
            },
        ];
        if let Event::Choice(data) = read(&picks, &body) {
            let _ = parse_answer(&data);
        }
        let _ = command::parse(body.trim_start());
        let _ = (
            i64::from(event.origin_server_ts.0),
            event.event_id.as_str(),
            event.sender.as_str(),
        );
    }
    if let Ok(event) = serde_json::from_str::<OriginalSyncUnstablePollResponseEvent>(json) {
        let _ = event.content.relates_to.event_id.to_string();
        let options: Vec<usize> = event
            .content
            .poll_response
            .answers
            .iter()
            .filter_map(|answer| answer.parse().ok())
            .collect();
        let _ = options;
    }
});
