//! tatwir's own HTTP server: health now; calendars, webhooks and badges as later issues add them.

use crate::store::SqlStore;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use serde_json::json;
use std::net::SocketAddr;
use tokio::net::TcpListener;

pub fn router(store: SqlStore) -> Router {
    Router::new().route("/healthz", get(healthz)).with_state(store)
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
