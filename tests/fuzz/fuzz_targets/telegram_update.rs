//! A Bot API update as JSON, as the webhook route reads it (`serde_json::from_str` into
//! teloxide's `Update`, as `bots/telegram/src/webhook.rs` does), then what the adapter reads of
//! it (`handle_update`, `on_message`, `chat_key` in `bots/telegram/src/lib.rs`) and the core
//! parsers the text and the press data go to.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::cell::Cell;
use std::sync::Once;
use tatwir_core::command;
use tatwir_core::meeting::press::parse_press;
use teloxide_core::types::{MaybeAnonymousUser, Update, UpdateKind};

thread_local! {
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// `tatwir_telegram::webhook::read_update`, which this crate does not build (it brings the store
/// and sqlx): teloxide-core 0.13 panics on a `poll_answer` with neither `user` nor `voter_chat`,
/// and the adapter takes that panic as an update that does not read. libfuzzer-sys's hook aborts
/// before any unwinding; it is replaced by one that stays quiet while the update is read and
/// aborts, as libfuzzer-sys's did, on any other panic.
fn read_update(body: &[u8]) -> Option<Update> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let fuzzer = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |panic| {
            if !READING.get() {
                fuzzer(panic);
            }
        }));
    });
    let json = std::str::from_utf8(body).ok()?;
    READING.set(true);
    let update = std::panic::catch_unwind(|| serde_json::from_str::<Update>(json));
    READING.set(false);
    update.ok()?.ok()
}

fuzz_target!(|data: &[u8]| {
    let Some(update) = read_update(data) else {
        return;
    };
    let _ = update.id.0;
    match &update.kind {
        UpdateKind::Message(message) => {
            let _ = message.migrate_to_chat_id();
            let _ = (message.chat.id.0, message.chat.is_private(), message.chat.is_group());
            let _ = message.chat.title();
            if let Some(from) = &message.from {
                let _ = (from.full_name(), &from.language_code, from.is_bot, from.id.0);
            }
            let text = message.text().unwrap_or_default();
            // A group's command meant for another bot is left alone.
            if let Some(command) = text.strip_prefix('/') {
                let word = command.split_whitespace().next().unwrap_or_default();
                let _ = word.split_once('@');
            }
            let _ = command::parse(text);
        }
        UpdateKind::CallbackQuery(query) => {
            let chat = query
                .regular_message()
                .map_or(query.from.id.0 as i64, |message| message.chat.id.0);
            let _ = chat;
            let _ = query.from.full_name();
            if let Some(data) = &query.data {
                let _ = parse_press(data);
            }
        }
        UpdateKind::PollAnswer(answer) => {
            let _ = match &answer.voter {
                MaybeAnonymousUser::User(user) => user.id.0 as i64,
                MaybeAnonymousUser::Chat(chat) => chat.id.0,
            };
            let options: Vec<usize> = answer.option_ids.iter().map(|&option| usize::from(option)).collect();
            let _ = (options, &answer.poll_id.0);
        }
        UpdateKind::MyChatMember(member) => {
            let _ = (
                member.new_chat_member.is_present(),
                member.chat.is_private(),
                member.chat.id.0,
            );
        }
        _ => {}
    }
});
