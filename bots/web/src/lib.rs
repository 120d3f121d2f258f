//! tatwir's own HTTP server: health, calendar files, the certificates' verification pages and
//! Open Badges documents; the dashboard as a later issue adds it. Channels bring their own routes
//! (Telegram's webhook).

pub mod certificates;
pub mod label;
pub mod statements;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use tatwir_core::engine::Engine;
use tatwir_core::health::Health;
use tatwir_store::SqlStore;
use tokio::net::TcpListener;

/// What the routes read: the engine (its store, pack, words and publishing), the channels'
/// states, and who may say where a request came from.
#[derive(Clone)]
pub(crate) struct Served {
    store: SqlStore,
    health: Health,
    engine: Arc<Engine<SqlStore>>,
    trusted_proxies: Arc<Vec<IpAddr>>,
    guesses: Arc<certificates::Guesses>,
}

/// The routes tatwir serves itself; channels merge theirs (Telegram's webhook) into it. Serve it
/// with `into_make_service_with_connect_info::<SocketAddr>()`: verification reads the client's
/// address. `trusted_proxies` are the addresses whose `X-Forwarded-For` is believed.
pub fn router(engine: Arc<Engine<SqlStore>>, trusted_proxies: Vec<IpAddr>) -> Router {
    use certificates::*;
    let statements = statements::routes(engine.clone());
    let served = Served {
        store: engine.store().clone(),
        health: engine.health().clone(),
        engine,
        trusted_proxies: Arc::new(trusted_proxies),
        guesses: Arc::default(),
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/meetings/{file}", get(meeting_ics))
        .route("/verify/{code}", get(verify_page))
        .route("/certificates/{file}", get(certificate_file))
        .route("/ob/v3/credentials/{code}", get(ob3_credential))
        .route("/ob/v3/achievements/{track}", get(ob3_achievement))
        .route("/ob/v2/assertions/{code}", get(ob2_assertion))
        .route("/ob/v2/badges/{track}", get(ob2_badge_class))
        .route("/ob/badges/{file}", get(track_image))
        .route("/ob/issuer", get(issuer_profile))
        .route("/ob/keys/{kid}", get(issuer_key))
        .route("/ob/status/revocation", get(status_list))
        .route("/label/{association}", get(label::label_page))
        .route("/ob/v3/labels/{grant}", get(label::label_credential))
        .route("/ob/v3/label-achievement", get(label::label_achievement))
        .route("/ob/status/labels", get(label::label_status_list))
        .with_state(served)
        .merge(statements)
}

/// The client's address: the peer's, or when the peer is a trusted proxy, the last address of
/// `X-Forwarded-For` that is not a trusted proxy (addresses further left were written by the
/// client itself and prove nothing).
pub fn client_address(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer.ip().to_canonical();
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|part| part.trim().parse::<IpAddr>().map(|ip| ip.to_canonical()))
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    forwarded
        .into_iter()
        .rev()
        .find(|address| !trusted.contains(address))
        .unwrap_or(peer)
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
async fn healthz(State(Served { store, health, .. }): State<Served>) -> impl IntoResponse {
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
async fn readyz(State(Served { store, health, .. }): State<Served>) -> impl IntoResponse {
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
