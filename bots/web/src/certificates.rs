//! Certificates on the web, for anyone and without an account: the verification page in
//! French, Arabic or Darija, the certificate's picture and PDF, and the Open Badges documents
//! (3.0 credentials signed as VC-JWT, the revocation status list, the issuer's keys; 2.0 hosted
//! assertions, badge classes and the issuer profile). Every document is built when asked, from
//! the public URL in force.

use crate::{Served, client_address};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};
use serde_json::Value;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tatwir_badges::{
    Achievement, AchievementType, HashedEmail, Issuer, IssuerKey, OpenBadgeCredential, Recipient, StatusListCredential,
    StatusListEntry,
};
use tatwir_core::certificate::{
    Certificate, CertificateCode, CertificateFilter, CertificateState, CertificateStore, CertificateTrack,
    IssuerKeyRecord, Publishing, STATUS_LIST_BITS,
};
use tatwir_core::engine::certify::{card, long_date, state_line};
use tatwir_core::language::Language;
use tatwir_core::locale::Localizer;
use tatwir_store::SqlStore;

/// Wrong codes a client address may try in [`GUESS_WINDOW`] before it must wait.
pub const GUESSES_PER_WINDOW: u32 = 10;
pub const GUESS_WINDOW: Duration = Duration::from_secs(600);

/// Wrong certificate codes per client address: guessing is slowed down.
#[derive(Default)]
pub struct Guesses {
    by_address: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Guesses {
    /// How long `address` must still wait, if it used up its wrong guesses.
    fn wait(&self, address: IpAddr) -> Option<Duration> {
        let by_address = self.by_address.lock().ok()?;
        let (count, since) = by_address.get(&address)?;
        let elapsed = since.elapsed();
        (*count >= GUESSES_PER_WINDOW && elapsed < GUESS_WINDOW).then(|| GUESS_WINDOW - elapsed)
    }

    fn wrong(&self, address: IpAddr) {
        if let Ok(mut by_address) = self.by_address.lock() {
            // Old entries go, so that the table stays small whoever knocks.
            if by_address.len() > 10_000 {
                by_address.retain(|_, (_, since)| since.elapsed() < GUESS_WINDOW);
            }
            let entry = by_address.entry(address).or_insert((0, Instant::now()));
            if entry.1.elapsed() >= GUESS_WINDOW {
                *entry = (0, Instant::now());
            }
            entry.0 += 1;
        }
    }
}

/// The language of a page: `?lang=` first, then the browser's `Accept-Language`, then French.
pub(crate) fn page_language(query: &HashMap<String, String>, headers: &HeaderMap) -> Language {
    if let Some(language) = query.get("lang").and_then(|code| Language::from_client_code(code)) {
        return language;
    }
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    // In the order given (weights are rarely used against us: the first known one wins).
    accepted
        .split(',')
        .filter_map(|part| part.split(';').next())
        .find_map(|code| Language::from_client_code(code.trim()))
        .unwrap_or(Language::FALLBACK)
}

/// Looks a typed code up, counting wrong guesses per client address.
async fn find(served: &Served, address: SocketAddr, headers: &HeaderMap, typed: &str) -> Result<Certificate, Lookup> {
    let client = client_address(address, headers, &served.trusted_proxies);
    if let Some(wait) = served.guesses.wait(client) {
        return Err(Lookup::TooMany(wait));
    }
    let Some(code) = CertificateCode::parse(typed) else {
        served.guesses.wrong(client);
        return Err(Lookup::Unknown);
    };
    match served.engine.store().certificate_by_code(&code).await {
        Ok(Some(certificate)) => Ok(certificate),
        Ok(None) => {
            served.guesses.wrong(client);
            Err(Lookup::Unknown)
        }
        Err(error) => {
            tracing::warn!(%error, "could not read a certificate");
            Err(Lookup::Unavailable)
        }
    }
}

enum Lookup {
    Unknown,
    TooMany(Duration),
    Unavailable,
}

impl Lookup {
    /// The answer for a document (not a page).
    fn into_response(self) -> Response {
        match self {
            Lookup::Unknown => StatusCode::NOT_FOUND.into_response(),
            Lookup::TooMany(wait) => too_many(wait, "").into_response(),
            Lookup::Unavailable => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        }
    }
}

fn too_many(wait: Duration, body: impl IntoResponse) -> Response {
    let mut response = (StatusCode::TOO_MANY_REQUESTS, body).into_response();
    if let Ok(value) = HeaderValue::from_str(&wait.as_secs().max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// The page's frame: language, direction, a phone-sized layout, the language switcher.
pub(crate) fn page(locales: &Localizer, lang: Language, title: &str, here: &str, body: Markup) -> Markup {
    let direction = if lang.is_right_to_left() { "rtl" } else { "ltr" };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(direction) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) }
                style { (STYLE) }
            }
            body {
                main {
                    (body)
                }
                nav aria-label=(locales.text(lang, "web-languages", None)) {
                    @for other in Language::ALL {
                        @if other == lang {
                            span lang=(other.code()) { (locales.language_name(other)) }
                        } @else {
                            a href={ (here) "?lang=" (other.code()) } lang=(other.code()) hreflang=(other.code()) {
                                (locales.language_name(other))
                            }
                        }
                    }
                }
            }
        }
    }
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;margin:0;\
background:#f5f3ee;color:#1d2b24;line-height:1.5}main{max-width:40rem;margin:0 auto;padding:1rem}\
.card{background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px #0002}\
.state{font-weight:700;font-size:1.15rem;margin:.25rem 0 1rem}.ok{color:#1f6b3a}.bad{color:#a33b1f}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}dt{color:#5b6b63}dd{margin:0}\
img{max-width:100%;height:auto;border-radius:.5rem;margin-top:1rem}.code{font-family:monospace}\
.mark{display:inline-block;width:1.4em;height:1.4em;line-height:1.4em;text-align:center;border-radius:50%;\
color:#fff;margin-inline-end:.4em}.ok .mark{background:#1f6b3a}.bad .mark{background:#a33b1f}nav{text-align:center;padding:1rem;display:flex;gap:1rem;justify-content:center}\
a{color:#1f5b8b}ul{padding-inline-start:1.2rem}\
.statement h1{color:#175c4c;line-height:1.25;margin:.2rem 0 .5rem}.meta{color:#5b6b63;font-size:.9rem;margin:0}\
.text{margin:1.25rem 0;border-top:2px solid #175c4c;padding-top:.5rem}.text p{margin:.75rem 0}\
table{width:100%;border-collapse:collapse;font-size:.92rem}th{background:#e8efec;text-align:start}\
th,td{padding:.45rem .5rem;border-bottom:1px solid #c9cfcc;vertical-align:top}\
.downloads{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.25rem}\
@media (max-width:36rem){table.signatories thead{display:none}table.signatories tr{display:block;\
border-bottom:1px solid #c9cfcc;padding:.4rem 0}table.signatories td{display:block;border:0;padding:.1rem .25rem}\
table.signatories td::before{content:attr(data-label)' : ';color:#5b6b63}}\
@media print{body{background:#fff}main{max-width:none;padding:0}.card{box-shadow:none;padding:0}\
nav,.downloads{display:none}tr{break-inside:avoid}h1,h2{break-after:avoid}a{color:inherit}}";

pub(crate) fn html_response(status: StatusCode, markup: Markup) -> Response {
    let mut response = (status, markup).into_response();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `GET /verify/CODE`: who holds what, issued when, valid until when, or revoked and when.
pub(crate) async fn verify_page(
    State(served): State<Served>,
    axum::extract::ConnectInfo(address): axum::extract::ConnectInfo<SocketAddr>,
    Path(typed): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let lang = page_language(&query, &headers);
    let locales = served.engine.locales();
    let say = |id: &str| locales.text(lang, id, None);
    let here = format!("/verify/{}", encode_path(&typed));
    let certificate = match find(&served, address, &headers, &typed).await {
        Ok(certificate) => certificate,
        Err(Lookup::Unknown) => {
            let body =
                html! { div.card { h1 { (say("web-verify-unknown-title")) } p { (say("web-verify-unknown")) } } };
            return html_response(
                StatusCode::NOT_FOUND,
                page(
                    served.engine.locales(),
                    lang,
                    &say("web-verify-unknown-title"),
                    &here,
                    body,
                ),
            );
        }
        Err(Lookup::TooMany(wait)) => {
            let minutes = wait.as_secs().div_ceil(60).max(1);
            let args = tatwir_core::args! { "minutes" => minutes as i64 };
            let text = locales.text(lang, "web-verify-too-many", Some(&args));
            let body = html! { div.card { p { (text) } } };
            return too_many(
                wait,
                page(served.engine.locales(), lang, &say("web-verify-title"), &here, body),
            );
        }
        Err(Lookup::Unavailable) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let now = served.engine.clock().now();
    let library = served.engine.library();
    let track = library.certificate_track(&certificate.track);
    let publishing = served.engine.publishing();
    let title = library.track_title(&certificate.track, lang);
    let state = certificate.state(now);
    let good = matches!(state, CertificateState::Valid | CertificateState::ExpiringSoon);
    let holder = certificate
        .holder_name
        .clone()
        .unwrap_or_else(|| say("certificate-name-pending"));
    let state_text = state_line(locales, lang, &certificate, now);
    let verdict = if good {
        say("web-verify-valid")
    } else {
        say("web-verify-not-valid")
    };
    let body = html! {
        div.card {
            h1 { (say("web-verify-title")) }
            p.state.ok[good].bad[!good] {
                span.mark aria-hidden="true" { (if good { "✓" } else { "!" }) }
                (verdict) " — " (state_text)
            }
            dl {
                dt { (say("web-verify-holder")) } dd { bdi { (holder) } }
                dt { (say("web-verify-track")) } dd { bdi { (title) } }
                @if let Some(track) = track {
                    dt { (say("web-verify-what")) } dd { (track.texts.get(lang).description) }
                }
                dt { (say("web-verify-issued")) } dd { (long_date(locales, lang, certificate.issued_at)) }
                @if let Some(renewed) = certificate.renewed_at {
                    dt { (say("web-verify-renewed")) } dd { (long_date(locales, lang, renewed)) }
                }
                @if let Some(until) = certificate.valid_until {
                    dt { (say("web-verify-until")) } dd { (long_date(locales, lang, until)) }
                }
                @if let Some(revoked) = certificate.revoked_at {
                    dt { (say("web-verify-revoked")) } dd { (long_date(locales, lang, revoked)) }
                    @if let Some(reason) = &certificate.revoked_reason {
                        dt { (say("web-verify-reason")) } dd { bdi { (reason) } }
                    }
                }
                dt { (say("web-verify-issuer")) } dd { bdi { (publishing.issuer_name) } }
                dt { (say("web-verify-code")) } dd { bdi.code dir="ltr" { (certificate.code.to_string()) } }
            }
            @if state != CertificateState::Revoked {
                img src={ (publishing.image_url(&certificate.code)) "?lang=" (lang.code()) }
                    alt=(format!("{} — {}", title, holder)) width="1600" height="1131" loading="lazy";
                ul {
                    li { a href={ (publishing.pdf_url(&certificate.code)) "?lang=" (lang.code()) } { (say("web-verify-pdf")) } }
                    li { a href=(publishing.ob3_url(&certificate.code)) { (say("web-verify-ob3")) } }
                    li { a href=(publishing.ob2_url(&certificate.code)) { (say("web-verify-ob2")) } }
                }
            }
        }
    };
    html_response(
        StatusCode::OK,
        page(served.engine.locales(), lang, &say("web-verify-title"), &here, body),
    )
}

/// A path segment as typed, made safe to put back in a link.
pub(crate) fn encode_path(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect()
}

/// `GET /certificates/CODE.png` and `.pdf`: the picture, in `?lang=` or the page's language.
pub(crate) async fn certificate_file(
    State(served): State<Served>,
    axum::extract::ConnectInfo(address): axum::extract::ConnectInfo<SocketAddr>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let (typed, pdf) = match (file.strip_suffix(".png"), file.strip_suffix(".pdf")) {
        (Some(code), _) => (code, false),
        (_, Some(code)) => (code, true),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let certificate = match find(&served, address, &headers, typed).await {
        Ok(certificate) => certificate,
        Err(lookup) => return lookup.into_response(),
    };
    let lang = page_language(&query, &headers);
    let publishing = served.engine.publishing();
    let Some(artist) = publishing.artist.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let library = served.engine.library();
    let card = card(
        served.engine.locales(),
        &publishing,
        lang,
        &certificate,
        library.certificate_track(&certificate.track),
        served.engine.clock().now(),
    );
    let drawn = tokio::task::spawn_blocking(move || if pdf { artist.pdf(&card) } else { artist.png(&card) }).await;
    match drawn {
        Ok(Ok(bytes)) => {
            let mime = if pdf { "application/pdf" } else { "image/png" };
            let disposition = format!(
                "inline; filename=\"tatwir-certificate-{}.{}\"",
                certificate.code.as_str(),
                if pdf { "pdf" } else { "png" }
            );
            let mut response = ([(header::CONTENT_TYPE, mime)], bytes).into_response();
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
            response
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, "could not draw a certificate");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The issuer as Open Badges describes it.
fn issuer(publishing: &Publishing) -> Issuer {
    Issuer {
        id: publishing.issuer_url(),
        name: publishing.issuer_name.clone(),
        url: publishing.base_url.clone(),
        email: publishing.issuer_email.clone(),
    }
}

/// A track as an Open Badges achievement (or badge class), in French (the pack's reference
/// language), with its criteria written out.
fn achievement(served: &Served, publishing: &Publishing, track: &CertificateTrack, id: String) -> Achievement {
    let locales = served.engine.locales();
    let lang = Language::FALLBACK;
    let library = served.engine.library();
    let lessons: Vec<String> = track
        .lessons
        .iter()
        .filter_map(|wanted| library.lesson(&wanted.toolbox, &wanted.lesson))
        .map(|(_, lesson)| lesson.texts.get(lang).title.clone())
        .collect();
    let args = tatwir_core::args! {
        "lessons" => lessons.join(", "),
        "min" => i64::from(track.min_percent),
        "meetings" => i64::from(track.meetings),
        "months" => i64::from(track.valid_months.unwrap_or(0)),
    };
    let texts = track.texts.get(lang);
    Achievement {
        id,
        name: texts.title.clone(),
        description: texts.description.clone(),
        criteria: locales.text(lang, "web-badge-criteria", Some(&args)),
        image: publishing.track_image_url(&track.id),
        achievement_type: match (track.role, track.valid_months.is_some()) {
            (tatwir_core::certificate::TrackRole::Manager, _) => AchievementType::Certificate,
            (_, true) => AchievementType::Certification,
            (_, false) => AchievementType::CommunityService,
        },
    }
}

/// The key that signs, made (once, whichever instance asks first) when there is none yet.
pub async fn signing_key(store: &SqlStore) -> Result<IssuerKey, String> {
    let keys = store.issuer_keys().await.map_err(|error| error.to_string())?;
    let record = match keys.into_iter().find(|key| key.retired_at.is_none()) {
        Some(record) => record,
        None => {
            let key = tokio::task::spawn_blocking(IssuerKey::generate)
                .await
                .map_err(|error| error.to_string())?
                .map_err(|error| error.to_string())?;
            let candidate = IssuerKeyRecord {
                kid: key.kid().to_owned(),
                private_pem: key.to_pkcs8_pem(),
                created_at: Utc::now(),
                retired_at: None,
            };
            store
                .ensure_issuer_key(&candidate)
                .await
                .map_err(|error| error.to_string())?
        }
    };
    IssuerKey::from_pkcs8_pem(&record.private_pem).map_err(|error| error.to_string())
}

fn json_response(status: StatusCode, value: &Value, mime: &'static str) -> Response {
    let body = serde_json::to_string_pretty(value).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, mime)], body).into_response()
}

const LD_JSON: &str = "application/ld+json";
const VC_JWT: &str = "application/vc+jwt";

/// The subject of a certificate's credential: a `urn:uuid:` drawn from the certificate's code
/// (SHA-256, RFC 9562 version 8), the same each time the credential is built, and one per
/// certificate, so that a holder's certificates are not linked to each other by it. It is the
/// VC-JWT's `sub`, which Open Badges 3.0 asks for.
pub fn subject_id(code: &CertificateCode) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("tatwir certificate subject {}", code.as_str()).as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The Open Badges 3.0 credential of a certificate, unsigned.
fn credential(served: &Served, certificate: &Certificate) -> Option<OpenBadgeCredential> {
    let publishing = served.engine.publishing();
    let library = served.engine.library();
    let track = library.certificate_track(&certificate.track)?;
    let holder = certificate.holder_name.clone().unwrap_or_default();
    Some(OpenBadgeCredential {
        id: publishing.ob3_url(&certificate.code),
        issuer: issuer(&publishing),
        achievement: achievement(served, &publishing, track, publishing.achievement_url(&track.id)),
        recipient: Recipient::Person {
            name: holder,
            email: None,
        },
        subject_id: Some(subject_id(&certificate.code)),
        valid_from: certificate.renewed_at.unwrap_or(certificate.issued_at),
        valid_until: certificate.valid_until,
        status: StatusListEntry {
            list_url: publishing.status_list_url(),
            index: u64::try_from(certificate.status_index).unwrap_or(0),
        },
    })
}

/// `GET /ob/v3/credentials/CODE`: the certificate as an Open Badges 3.0 credential, a VC-JWT
/// signed with the current issuer key. A revoked one still answers: the status list says so.
pub(crate) async fn ob3_credential(
    State(served): State<Served>,
    axum::extract::ConnectInfo(address): axum::extract::ConnectInfo<SocketAddr>,
    Path(typed): Path<String>,
    headers: HeaderMap,
) -> Response {
    let certificate = match find(&served, address, &headers, &typed).await {
        Ok(certificate) => certificate,
        Err(lookup) => return lookup.into_response(),
    };
    let holder = served.engine.store().holder(certificate.person).await.ok().flatten();
    let Some(mut credential) = credential(&served, &certificate) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let (Recipient::Person { email, .. }, Some(holder)) = (&mut credential.recipient, holder)
        && let (Some(identity), Some(salt)) = (holder.email_hash, holder.salt)
    {
        *email = Some(HashedEmail { salt, identity });
    }
    let key = match signing_key(served.engine.store()).await {
        Ok(key) => key,
        Err(error) => {
            tracing::warn!(%error, "no issuer key");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let publishing = served.engine.publishing();
    match credential.to_vc_jwt(&key, &publishing.key_url(key.kid())) {
        Ok(token) => ([(header::CONTENT_TYPE, VC_JWT)], token).into_response(),
        Err(error) => {
            tracing::warn!(%error, "could not sign a credential");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /ob/v2/assertions/CODE`: the Open Badges 2.0 hosted assertion; `410 Gone` with
/// `revoked: true` once revoked. A holder who gave no e-mail is named by their certificate's
/// verification page (a `url` identity), which backpacks cannot match to an account.
pub(crate) async fn ob2_assertion(
    State(served): State<Served>,
    axum::extract::ConnectInfo(address): axum::extract::ConnectInfo<SocketAddr>,
    Path(typed): Path<String>,
    headers: HeaderMap,
) -> Response {
    let certificate = match find(&served, address, &headers, &typed).await {
        Ok(certificate) => certificate,
        Err(lookup) => return lookup.into_response(),
    };
    let publishing = served.engine.publishing();
    let id = publishing.ob2_url(&certificate.code);
    if certificate.revoked_at.is_some() {
        let gone = tatwir_badges::revoked_assertion(&id, certificate.revoked_reason.as_deref());
        return json_response(StatusCode::GONE, &gone, LD_JSON);
    }
    let holder = served.engine.store().holder(certificate.person).await.ok().flatten();
    let badge = publishing.badge_class_url(&certificate.track);
    let issued_on = certificate.issued_at;
    let expires = certificate.valid_until;
    let assertion = match holder.and_then(|holder| {
        Some(HashedEmail {
            salt: holder.salt?,
            identity: holder.email_hash?,
        })
    }) {
        Some(email) => tatwir_badges::assertion(&id, &badge, &email, &issued_on, expires.as_ref()),
        None => {
            let mut assertion = tatwir_badges::assertion(
                &id,
                &badge,
                &HashedEmail {
                    salt: String::new(),
                    identity: String::new(),
                },
                &issued_on,
                expires.as_ref(),
            );
            assertion["recipient"] = serde_json::json!({
                "type": "url",
                "hashed": false,
                "identity": publishing.verify_url(&certificate.code),
            });
            assertion
        }
    };
    json_response(StatusCode::OK, &assertion, LD_JSON)
}

/// `GET /ob/v2/badges/TRACK`: a track as an Open Badges 2.0 BadgeClass.
pub(crate) async fn ob2_badge_class(State(served): State<Served>, Path(track): Path<String>) -> Response {
    let library = served.engine.library();
    let Some(track) = library.certificate_track(&track) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let publishing = served.engine.publishing();
    let achievement = achievement(&served, &publishing, track, publishing.badge_class_url(&track.id));
    json_response(
        StatusCode::OK,
        &tatwir_badges::badge_class(&achievement, &publishing.issuer_url()),
        LD_JSON,
    )
}

/// `GET /ob/v3/achievements/TRACK`: a track as an Open Badges 3.0 Achievement.
pub(crate) async fn ob3_achievement(State(served): State<Served>, Path(track): Path<String>) -> Response {
    let library = served.engine.library();
    let Some(track) = library.certificate_track(&track) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let publishing = served.engine.publishing();
    let achievement = achievement(&served, &publishing, track, publishing.achievement_url(&track.id));
    let value = achievement_json(&publishing, &achievement);
    json_response(StatusCode::OK, &value, LD_JSON)
}

/// An Open Badges 3.0 `Achievement` as published on its own, its creator the issuer.
pub(crate) fn achievement_json(publishing: &Publishing, achievement: &Achievement) -> Value {
    serde_json::json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type.as_str(),
        "name": achievement.name,
        "description": achievement.description,
        "criteria": { "narrative": achievement.criteria },
        "image": { "id": achievement.image, "type": "Image" },
        "creator": { "id": publishing.issuer_url(), "type": ["Profile"], "name": publishing.issuer_name },
    })
}

/// `GET /ob/badges/TRACK.png`: a track's picture, the card without a holder.
pub(crate) async fn track_image(State(served): State<Served>, Path(file): Path<String>) -> Response {
    let Some(track_id) = file.strip_suffix(".png") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let library = served.engine.library();
    let publishing = served.engine.publishing();
    let Some(artist) = publishing.artist.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let locales = served.engine.locales();
    let lang = Language::FALLBACK;
    // A track's picture, or the quality label's (`label.png`, when no track has that id).
    let (heading, title, qr_payload) = match library.certificate_track(track_id) {
        Some(track) => (
            locales.text(lang, "certificate-card-heading", None),
            track.texts.get(lang).title.clone(),
            publishing.achievement_url(&track.id),
        ),
        None if track_id == "label" && library.label.is_some() => (
            locales.text(lang, "web-label-achievement-name", None),
            String::new(),
            format!("{}/ob/v3/label-achievement", publishing.base_url),
        ),
        None => return StatusCode::NOT_FOUND.into_response(),
    };
    let card = tatwir_core::certificate::CertificateCard {
        right_to_left: false,
        heading,
        holder: String::new(),
        statement: String::new(),
        track: title,
        lines: Vec::new(),
        issuer: publishing.issuer_name.clone(),
        qr_payload,
        qr_caption: String::new(),
    };
    match tokio::task::spawn_blocking(move || artist.png(&card)).await {
        Ok(Ok(bytes)) => ([(header::CONTENT_TYPE, "image/png")], bytes).into_response(),
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /ob/issuer`: the issuer's profile.
pub(crate) async fn issuer_profile(State(served): State<Served>) -> Response {
    let publishing = served.engine.publishing();
    json_response(
        StatusCode::OK,
        &tatwir_badges::issuer_profile(&issuer(&publishing)),
        LD_JSON,
    )
}

/// `GET /ob/keys/KID`: one issuer key's public half, as a JWK; retired keys still answer, so
/// that what they signed verifies.
pub(crate) async fn issuer_key(State(served): State<Served>, Path(kid): Path<String>) -> Response {
    let keys = match served.engine.store().issuer_keys().await {
        Ok(keys) => keys,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Some(record) = keys.into_iter().find(|record| record.kid == kid) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match IssuerKey::from_pkcs8_pem(&record.private_pem) {
        Ok(key) => {
            let publishing = served.engine.publishing();
            json_response(
                StatusCode::OK,
                &key.public_jwk(&publishing.key_url(&kid)),
                "application/jwk+json",
            )
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /ob/status/revocation`: the revocation list of every certificate, a signed Bitstring
/// Status List credential, valid for a day.
pub(crate) async fn status_list(State(served): State<Served>) -> Response {
    let certificates = match served.engine.store().certificates(CertificateFilter::default()).await {
        Ok(certificates) => certificates,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let revoked: Vec<u64> = certificates
        .iter()
        .filter(|certificate| certificate.revoked_at.is_some())
        .filter_map(|certificate| u64::try_from(certificate.status_index).ok())
        .filter(|index| *index < STATUS_LIST_BITS as u64)
        .collect();
    signed_status_list(&served, served.engine.publishing().status_list_url(), revoked).await
}

/// A Bitstring Status List credential at `id` with the bits `revoked` set, signed with the
/// current key, valid for a day, as a VC-JWT response.
pub(crate) async fn signed_status_list(served: &Served, id: String, revoked: Vec<u64>) -> Response {
    let key = match signing_key(served.engine.store()).await {
        Ok(key) => key,
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let publishing = served.engine.publishing();
    let now: DateTime<Utc> = served.engine.clock().now();
    let list = StatusListCredential {
        id,
        issuer_id: publishing.issuer_url(),
        revoked,
        valid_from: now,
        valid_until: Some(now + chrono::Duration::days(1)),
    };
    match list.to_vc_jwt(&key, &publishing.key_url(key.kid())) {
        Ok(token) => {
            let mut response = ([(header::CONTENT_TYPE, VC_JWT)], token).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=300"));
            response
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
