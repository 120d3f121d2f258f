//! tatwir's own HTTP server: health and calendar files; verification pages and the dashboard as
//! later issues add them. Channels bring their own routes (Telegram's webhook).

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use serde_json::json;
use std::net::SocketAddr;
use tatwir_store::SqlStore;
use tokio::net::TcpListener;

/// The routes tatwir serves itself; channels merge theirs (Telegram's webhook) into it.
pub fn router(store: SqlStore) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/meetings/{file}", get(meeting_ics))
        .with_state(store)
}

/// `GET /meetings/ID.ics`: a meeting as iCalendar, for calendar apps.
async fn meeting_ics(
    State(store): State<SqlStore>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use tatwir_core::meeting::{IcsMethod, MeetingId, MeetingStore};
    let Some(id) = file.strip_suffix(".ics").and_then(|id| id.parse::<MeetingId>().ok()) else {
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

async fn healthz(State(store): State<SqlStore>) -> impl IntoResponse {
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
