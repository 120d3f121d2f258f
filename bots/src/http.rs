//! tatwir's own HTTP server: health now; calendars, webhooks and badges as later issues add them.

use crate::store::SqlStore;
use crate::telegram::Telegram;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json};
use axum::routing::{get, post};
use serde_json::json;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tatwir_core::clock::SystemClock;
use tokio::net::TcpListener;

/// The Telegram adapter, once it has connected (webhook updates before that are refused, and
/// Telegram sends them again).
pub type TelegramSlot = Arc<OnceLock<Arc<Telegram<SystemClock>>>>;

#[derive(Clone)]
struct AppState {
    store: SqlStore,
    telegram: TelegramSlot,
}

pub fn router(store: SqlStore, telegram: TelegramSlot) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/telegram/webhook", post(telegram_webhook))
        .route("/meetings/{file}", get(meeting_ics))
        .with_state(AppState { store, telegram })
}

/// Telegram's webhook: the secret header must match, then the update is handled before the
/// answer, so that an update is confirmed only once it was handled.
async fn telegram_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let Some(telegram) = state.telegram.get() else {
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

/// `GET /meetings/ID.ics`: a meeting as iCalendar, for calendar apps.
async fn meeting_ics(
    State(AppState { store, .. }): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use tatwir_core::meeting::{IcsMethod, MeetingStore};
    let Some(id) = file.strip_suffix(".ics").and_then(|id| id.parse::<i64>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match store.meeting(id).await {
        Ok(Some(meeting)) => (
            [(axum::http::header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            meeting.ics(IcsMethod::Publish),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::warn!(%error, "could not read a meeting");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}

async fn healthz(State(AppState { store, .. }): State<AppState>) -> impl IntoResponse {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ok", "database": "ok" }))),
        Err(error) => {
            tracing::warn!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}

/// Binds `addr` (port 0 picks a free port) and returns the listener with its real address.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}
