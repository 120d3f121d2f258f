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

/// Telegram's webhook: the secret header must match, then the update is handled before the
/// answer, so that an update is confirmed only once it was handled.
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
    // teloxide's Update reads from a string (from a `Value` every update reads as an error).
    let update = std::str::from_utf8(&body)
        .map_err(|error| error.to_string())
        .and_then(|json| serde_json::from_str::<teloxide::types::Update>(json).map_err(|error| error.to_string()));
    match update {
        Ok(update) => {
            telegram.handle_webhook_update(update).await;
            StatusCode::OK
        }
        Err(error) => {
            tracing::warn!(%error, "a webhook update did not read");
            // Telegram would send it again and again: acknowledge what cannot be read.
            StatusCode::OK
        }
    }
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}
