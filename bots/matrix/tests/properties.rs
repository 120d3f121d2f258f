//! Property tests of how Matrix events are read: a room message and an MSC3381 poll response from
//! any text, from JSON of any shape, and from real events cut or spliced anywhere, as matrix-sdk
//! reads them before the adapter's handlers; a well-formed message with any body reads back that
//! body, and a typed number in it picks the numbered choice on screen. The same reading is fuzzed
//! by `tests/fuzz/run` (README.md, "Fuzzing"); here it runs a fixed number of cases from a fixed
//! seed.

use matrix_sdk::ruma::events::AnySyncTimelineEvent;
use matrix_sdk::ruma::events::poll::unstable_response::OriginalSyncUnstablePollResponseEvent;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{Value, json};
use tatwir_core::command;
use tatwir_core::message::Event;
use tatwir_core::message::numbered::{Pick, read};

fn config() -> Config {
    Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x3a7_12c),
        failure_persistence: None,
        ..Config::default()
    }
}

fn picks() -> Vec<Pick> {
    vec![
        Pick::Choice("m42.y".into()),
        Pick::Choice("abc234.1".into()),
        Pick::PollOption {
            poll: "p".into(),
            option: 0,
        },
    ]
}

/// What the adapter reads of a message (`on_message`): the body of a text, read as a numbered
/// reply or a command. Returns the body when the event is a text message.
fn read_message(json: &str) -> Option<String> {
    let _ = serde_json::from_str::<AnySyncTimelineEvent>(json);
    if let Ok(response) = serde_json::from_str::<OriginalSyncUnstablePollResponseEvent>(json) {
        let _ = response.content.relates_to.event_id.to_string();
        let _: Vec<usize> = response
            .content
            .poll_response
            .answers
            .iter()
            .filter_map(|answer| answer.parse().ok())
            .collect();
    }
    let event = serde_json::from_str::<OriginalSyncRoomMessageEvent>(json).ok()?;
    let _ = (
        i64::from(event.origin_server_ts.0),
        event.event_id.as_str(),
        event.sender.as_str(),
    );
    let MessageType::Text(text) = &event.content.msgtype else {
        return None;
    };
    let _ = read(&picks(), &text.body);
    let _ = command::parse(text.body.trim_start());
    Some(text.body.clone())
}

fn message(body: &str) -> Value {
    json!({
        "type": "m.room.message",
        "event_id": "$143273582443PhrSn:example.org",
        "sender": "@amina:example.org",
        "origin_server_ts": 1_767_225_600_000u64,
        "content": { "msgtype": "m.text", "body": body },
    })
}

fn poll_response(answers: &[String]) -> Value {
    json!({
        "type": "org.matrix.msc3381.poll.response",
        "event_id": "$3:example.org",
        "sender": "@amina:example.org",
        "origin_server_ts": 1_767_225_600_000u64,
        "content": {
            "m.relates_to": { "rel_type": "m.reference", "event_id": "$poll:example.org" },
            "org.matrix.msc3381.poll.response": { "answers": answers },
        },
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..5000).prop_map(String::from_iter),
        prop::collection::vec(
            prop::sample::select(vec![
                "1",
                "2",
                " ",
                ",",
                "،",
                "٣",
                "!start",
                "/help",
                "\u{202E}",
                "\u{200F}",
                "\u{0}",
                "\\",
                "\"",
                "\n",
                "> ",
                "جمعية",
                "🎉",
                "@amina:example.org",
                "$x:example.org",
                "!room:example.org",
            ]),
            0..200
        )
        .prop_map(|pieces| pieces.concat()),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "msgtype",
                    "body",
                    "format",
                    "formatted_body",
                    "m.relates_to",
                    "m.in_reply_to",
                    "event_id",
                    "rel_type",
                    "m.new_content",
                    "url",
                    "info",
                    "answers",
                    "org.matrix.msc3381.poll.response",
                    "m.mentions",
                    "user_ids",
                    "filename",
                    "geo_uri",
                ])
                .prop_map(str::to_owned),
                inner,
                0..8
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_reads_without_panic(json in text()) {
        let _ = read_message(&json);
    }

    #[test]
    fn content_of_any_shape_reads_without_panic(
        kind in prop::sample::select(vec!["m.room.message", "org.matrix.msc3381.poll.response", "m.poll.response", "m.room.member"]),
        sender in text(),
        content in value(),
    ) {
        let event = json!({
            "type": kind,
            "event_id": "$1:example.org",
            "sender": sender,
            "origin_server_ts": 1_767_225_600_000u64,
            "content": content,
        });
        let _ = read_message(&event.to_string());
    }

    #[test]
    fn a_message_reads_back_its_body(body in text()) {
        prop_assert_eq!(read_message(&message(&body).to_string()), Some(body));
    }

    #[test]
    fn a_typed_number_picks_what_is_on_screen(index in 0..3usize, pad in "[ ]{0,3}") {
        let body = read_message(&message(&format!("{pad}{}{pad}", index + 1)).to_string()).expect("a text");
        let expected = match &picks()[index] {
            Pick::Choice(data) => Event::Choice(data.clone()),
            Pick::PollOption { poll, option } => Event::PollAnswer { poll: poll.clone(), options: vec![*option] },
        };
        prop_assert_eq!(read(&picks(), &body), expected);
    }

    #[test]
    fn a_poll_response_reads_without_panic(answers in prop::collection::vec(text(), 0..12)) {
        let _ = read_message(&poll_response(&answers).to_string());
    }

    #[test]
    fn a_real_event_cut_or_spliced_reads_without_panic(
        which in 0..2usize,
        at in 0.0..=1.0f64,
        cut in any::<bool>(),
        splice in prop::sample::select(vec!["", "{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e999", "\\u0000", "\\ud800", "\u{0}", "18446744073709551616"]),
    ) {
        let json = if which == 0 { message("1") } else { poll_response(&["0".to_owned()]) }.to_string();
        let mut at = (json.len() as f64 * at) as usize;
        while !json.is_char_boundary(at) {
            at -= 1;
        }
        let broken = if cut { json[..at].to_owned() } else { format!("{}{splice}{}", &json[..at], &json[at..]) };
        let _ = read_message(&broken);
    }
}
