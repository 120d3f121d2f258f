//! tatwir's own HTTP server: health and calendar files; verification pages and the dashboard as
//! later issues add them. Channels bring their own routes (Telegram's webhook).

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use serde_json::json;
use std::net::SocketAddr;
use tatwir_core::health::Health;
use tatwir_store::SqlStore;
use tokio::net::TcpListener;

/// What the routes read: the database, and the channels' states.
#[derive(Clone)]
struct Served {
    store: SqlStore,
    health: Health,
}

/// The routes tatwir serves itself; channels merge theirs (Telegram's webhook) into it.
pub fn router(store: SqlStore, health: Health) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/meetings/{file}", get(meeting_ics))
        .with_state(Served { store, health })
}

/// `GET /meetings/TOKEN.ics`: a meeting as iCalendar, for calendar apps. The token is the
/// meeting's unguessable calendar token, never its number: one meeting's address tells nothing of
/// another's.
async fn meeting_ics(
    State(Served { store, .. }): State<Served>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use tatwir_core::meeting::{CalendarToken, IcsMethod, MeetingStore};
    let Some(token) = file.strip_suffix(".ics").and_then(CalendarToken::parse) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match store.meeting_by_calendar(&token).await {
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

/// `GET /healthz`: whether the process works (its database answers), with each configured
/// channel's state. 503 only when the database does not answer: a channel that is down shows here
/// and in `/readyz`, which fails for it.
async fn healthz(State(Served { store, health }): State<Served>) -> impl IntoResponse {
    let channels = health.snapshot();
    match store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok", "channels": channels })),
        ),
        Err(error) => {
            tracing::warn!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable", "channels": channels })),
            )
        }
    }
}

/// `GET /readyz`: 200 when the database answers and every configured channel is up; 503
/// otherwise (a channel retrying, or whose credentials were refused), so that a supervisor acts.
async fn readyz(State(Served { store, health }): State<Served>) -> impl IntoResponse {
    let database = store.ping().await.is_ok();
    // One reading of the states, for the answer and its status alike.
    let channels = health.snapshot();
    let ready = database && Health::all_up(&channels);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": if ready { "ready" } else { "unavailable" },
            "database": if database { "ok" } else { "unreachable" },
            "channels": channels,
        })),
    )
}

/// Binds `addr` (port 0 picks a free port) and returns the listener with its real address.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}
