//! The quality label on the web: an association's public page (its label, since when, the
//! criteria it meets), the label as an Open Badges 3.0 credential issued to the association, and
//! the list of withdrawn labels.

use crate::Served;
use crate::certificates::{achievement_json, html_response, page, page_language, signed_status_list, signing_key};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use std::collections::HashMap;
use tatwir_badges::{Achievement, AchievementType, Issuer, OpenBadgeCredential, Recipient, StatusListEntry};
use tatwir_core::association::AssociationId;
use tatwir_core::certificate::Publishing;
use tatwir_core::engine::certify::long_date;
use tatwir_core::label::{LabelGrant, LabelGrantId, LabelStatus, LabelStore};
use tatwir_core::language::Language;
use tatwir_core::store::Store;

/// Where an association's public label page is.
pub fn page_url(publishing: &Publishing, association: AssociationId) -> String {
    format!("{}/label/{}", publishing.base_url, association.0)
}

/// Where the Open Badges 3.0 credential of one grant of the label is.
pub fn credential_url(publishing: &Publishing, grant: LabelGrantId) -> String {
    format!("{}/ob/v3/labels/{}", publishing.base_url, grant.0)
}

fn achievement_url(publishing: &Publishing) -> String {
    format!("{}/ob/v3/label-achievement", publishing.base_url)
}

fn status_url(publishing: &Publishing) -> String {
    format!("{}/ob/status/labels", publishing.base_url)
}

/// The label as an Open Badges achievement, in French (the pack's reference language).
fn achievement(served: &Served, publishing: &Publishing) -> Achievement {
    let locales = served.engine.locales();
    let lang = Language::FALLBACK;
    Achievement {
        id: achievement_url(publishing),
        name: locales.text(lang, "web-label-achievement-name", None),
        description: locales.text(lang, "web-label-achievement-description", None),
        criteria: locales.text(lang, "web-label-achievement-criteria", None),
        image: publishing.track_image_url("label"),
        achievement_type: AchievementType::QualityAssuranceCredential,
    }
}

/// `GET /label/ASSOCIATION`: the association's label, since when, and the criteria it meets.
/// Associations that never held the label have no page.
pub(crate) async fn label_page(
    State(served): State<Served>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let lang = page_language(&query, &headers);
    let locales = served.engine.locales();
    let say = |id: &str| locales.text(lang, id, None);
    let here = format!(
        "/label/{}",
        id.chars().filter(char::is_ascii_digit).take(18).collect::<String>()
    );
    let not_found = || {
        let body = html! { div.card { h1 { (say("web-label-none-title")) } p { (say("web-label-none")) } } };
        html_response(
            StatusCode::NOT_FOUND,
            page(served.engine.locales(), lang, &say("web-label-none-title"), &here, body),
        )
    };
    let Ok(id) = id.parse::<i64>().map(AssociationId) else {
        return not_found();
    };
    let library = served.engine.library();
    let Some(rules) = library.label.as_ref() else {
        return not_found();
    };
    let now = served.engine.clock().now();
    let store = served.engine.store();
    let (association, state) = match (store.association(id).await, store.label_state(id, rules, now).await) {
        (Ok(Some(association)), Ok(Some(state))) => (association, state),
        (Ok(_), Ok(_)) => return not_found(),
        _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Some(grant) = state.grant.clone() else {
        return not_found();
    };
    let date = |at| long_date(locales, lang, at);
    let (good, status) = match state.status {
        LabelStatus::Granted { since, until } => (
            true,
            locales.text(
                lang,
                "label-status-granted",
                Some(&tatwir_core::args! { "since" => date(since), "until" => date(until) }),
            ),
        ),
        LabelStatus::Expired { at, .. } => (
            false,
            locales.text(
                lang,
                "web-label-expired",
                Some(&tatwir_core::args! { "at" => date(at) }),
            ),
        ),
        LabelStatus::Lost { at, .. } => (
            false,
            locales.text(lang, "web-label-lost", Some(&tatwir_core::args! { "at" => date(at) })),
        ),
        LabelStatus::None => return not_found(),
    };
    let publishing = served.engine.publishing();
    let criteria = served.engine.public_checklist(lang, &state);
    let title = locales.text(
        lang,
        "label-title",
        Some(&tatwir_core::args! { "association" => association.name.clone() }),
    );
    let body = html! {
        div.card {
            h1 { bdi { (title) } }
            p { bdi { (association.city) } }
            p.state.ok[good].bad[!good] {
                span.mark aria-hidden="true" { (if good { "✓" } else { "!" }) }
                (status)
            }
            @if good {
                h2 { (say("web-label-criteria")) }
                ul.criteria {
                    @for (met, text) in &criteria {
                        li { (if *met { "✓ " } else { "✗ " }) (text) }
                    }
                }
                p { a href=(credential_url(&publishing, grant.id)) { (say("web-verify-ob3")) } }
            }
        }
    };
    html_response(StatusCode::OK, page(served.engine.locales(), lang, &title, &here, body))
}

/// The credential of one grant, unsigned.
fn credential(served: &Served, publishing: &Publishing, grant: &LabelGrant, name: String) -> OpenBadgeCredential {
    OpenBadgeCredential {
        id: credential_url(publishing, grant.id),
        issuer: Issuer {
            id: publishing.issuer_url(),
            name: publishing.issuer_name.clone(),
            url: publishing.base_url.clone(),
            email: publishing.issuer_email.clone(),
        },
        achievement: achievement(served, publishing),
        recipient: Recipient::Association { name },
        // The association is the subject; its public page names it (the VC-JWT's `sub`).
        subject_id: Some(page_url(publishing, grant.association)),
        valid_from: grant.granted_at,
        valid_until: Some(grant.valid_until),
        status: StatusListEntry {
            list_url: status_url(publishing),
            index: u64::try_from(grant.id.0).unwrap_or(0),
        },
    }
}

/// `GET /ob/v3/labels/GRANT`: one grant of the label as an Open Badges 3.0 credential issued to
/// the association, a VC-JWT; a lost one stays signed and its bit is set in the label's list.
pub(crate) async fn label_credential(State(served): State<Served>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>().map(LabelGrantId) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let store = served.engine.store();
    let grants = match store.label_grants().await {
        Ok(grants) => grants,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Some(grant) = grants.into_iter().find(|grant| grant.id == id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some(association)) = store.association(grant.association).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let publishing = served.engine.publishing();
    let key = match signing_key(store).await {
        Ok(key) => key,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    match credential(&served, &publishing, &grant, association.name).to_vc_jwt(&key, &publishing.key_url(key.kid())) {
        Ok(token) => ([(header::CONTENT_TYPE, "application/vc+jwt")], token).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /ob/v3/label-achievement`: the label as an Open Badges 3.0 Achievement.
pub(crate) async fn label_achievement(State(served): State<Served>) -> Response {
    let publishing = served.engine.publishing();
    let value = achievement_json(&publishing, &achievement(&served, &publishing));
    let body = serde_json::to_string_pretty(&value).unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/ld+json")], body).into_response()
}

/// `GET /ob/status/labels`: the list of withdrawn labels (a grant's bit is its number), a
/// signed Bitstring Status List credential valid for a day.
pub(crate) async fn label_status_list(State(served): State<Served>) -> Response {
    let store = served.engine.store();
    let grants = match store.label_grants().await {
        Ok(grants) => grants,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let revoked: Vec<u64> = grants
        .iter()
        .filter(|grant| grant.lost_at.is_some())
        .filter_map(|grant| u64::try_from(grant.id.0).ok())
        .collect();
    signed_status_list(&served, status_url(&served.engine.publishing()), revoked).await
}
