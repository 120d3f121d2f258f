//! Telegram's webhook route, merged into tatwir's HTTP server by the binary.

use crate::Telegram;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use std::sync::{Arc, OnceLock};

/// The Telegram adapter, once it has connected (webhook updates before that are refused, and
/// Telegram sends them again).
pub type TelegramSlot = Arc<OnceLock<Arc<Telegram>>>;

/// `POST /telegram/webhook`.
pub fn router(telegram: TelegramSlot) -> Router {
    Router::new()
        .route("/telegram/webhook", post(telegram_webhook))
        .with_state(telegram)
}

/// Telegram's webhook: the secret header must match, then the update is kept in the inbox before
/// the answer (so that it is confirmed only once it cannot be lost) and handled beside it.
async fn telegram_webhook(State(telegram): State<TelegramSlot>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let Some(telegram) = telegram.get() else {
        return StatusCode::SERVICE_UNAVAILABLE;
    };
    let Some(expected) = telegram.webhook_secret() else {
        return StatusCode::NOT_FOUND;
    };
    let given = headers
        .get("x-telegram-bot-api-secret-token")
        .map(|value| value.as_bytes())
        .unwrap_or_default();
    if !same_secret(given, expected.as_bytes()) {
        tracing::warn!("a webhook call with a wrong secret was refused");
        return StatusCode::UNAUTHORIZED;
    }
    match read_update(&body) {
        Ok(update) => {
            if telegram.handle_webhook_update(update).await {
                StatusCode::OK
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            }
        }
        Err(error) => {
            tracing::warn!(%error, "a webhook update did not read");
            // Telegram would send it again and again: acknowledge what cannot be read.
            StatusCode::OK
        }
    }
}

/// Reads a webhook body as an update. teloxide's `Update` reads from a string (from a `Value`
/// every update reads as an error). teloxide-core 0.13 panics on a `poll_answer` with neither
/// `user` nor `voter_chat` (an `unwrap` in its reader, found by `tests/fuzz/run`): that is an
/// update that does not read, like any other.
pub fn read_update(body: &[u8]) -> Result<teloxide::types::Update, String> {
    let json = std::str::from_utf8(body).map_err(|error| error.to_string())?;
    std::panic::catch_unwind(|| serde_json::from_str::<teloxide::types::Update>(json))
        .map_err(|_| "teloxide's reader panicked on the update".to_owned())?
        .map_err(|error| error.to_string())
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::read_update;

    #[test]
    fn an_update_that_panics_teloxide_does_not_read() {
        // Found by tests/fuzz/run (telegram_update): `user` misspelled, no `voter_chat`.
        let body = br#"{"update_id":10005,"poll_answer":{"poll_id":"5384728392","us3r":{"id":1001,"is_bot":false,"first_name":"Amina"},"option_ids":[0,2]}}"#;
        assert!(read_update(body).is_err());
        assert!(read_update(b"\xff").is_err());
        let fixed = br#"{"update_id":10005,"poll_answer":{"poll_id":"5384728392","user":{"id":1001,"is_bot":false,"first_name":"Amina"},"option_ids":[0,2]}}"#;
        assert!(read_update(fixed).is_ok());
    }
}
