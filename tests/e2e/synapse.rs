//! The Synapse homeserver the Matrix end-to-end tests talk to.
//!
//! `tests/run` provisions Synapse (`tests/synapse/provision`), starts one for the whole run
//! (`tests/synapse/start`) and exports its address and registration secret; this module reads
//! them and registers users through Synapse's shared-secret admin API. Synapse runs with
//! `server_name: localhost`, so user ids are `@name:localhost`, and with every rate limit
//! relaxed. Users and rooms outlive a test: give each test its own names ([`unique`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The Synapse base URL, e.g. `http://127.0.0.1:41234`.
pub const URL_ENV: &str = "TATWIR_TEST_SYNAPSE_URL";
/// Synapse's `registration_shared_secret`.
pub const SECRET_ENV: &str = "TATWIR_TEST_SYNAPSE_SECRET";

/// The server name of the test homeserver: user ids end in `:localhost`.
pub const SERVER_NAME: &str = "localhost";

pub struct Synapse {
    pub url: url::Url,
    secret: String,
    http: reqwest::Client,
}

impl Synapse {
    /// The Synapse tests/run started; panics with a clear message (run tests/run) when it is
    /// not set — tests never skip silently.
    pub fn from_env() -> Synapse {
        let read = |name: &str| match std::env::var(name) {
            Ok(value) if !value.trim().is_empty() => value.trim().to_owned(),
            _ => panic!(
                "{name} is not set: the Matrix tests need the Synapse homeserver that tests/run \
                 starts. Run the tests with tests/run, or start one yourself with \
                 `eval \"$(tests/synapse/start \"$(mktemp -d)\")\"` and run cargo in that shell."
            ),
        };
        let raw_url = read(URL_ENV);
        let url =
            url::Url::parse(&raw_url).unwrap_or_else(|error| panic!("{URL_ENV}={raw_url:?} is not a URL: {error}"));
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("an HTTP client for Synapse");
        Synapse {
            url,
            secret: read(SECRET_ENV),
            http,
        }
    }

    /// Registers a user through the shared-secret admin API (GET then POST
    /// /_synapse/admin/v1/register with an HMAC-SHA1 mac over
    /// nonce\0user\0password\0notadmin|admin); returns the full user id "@name:localhost".
    /// Unique names are the caller's job: see [`unique`].
    pub async fn register(&self, localpart: &str, password: &str, admin: bool) -> String {
        let endpoint = self.endpoint("_synapse/admin/v1/register");

        let nonce = self
            .json(self.http.get(endpoint.clone()), "GET the registration nonce")
            .await;
        let nonce = nonce["nonce"]
            .as_str()
            .unwrap_or_else(|| panic!("Synapse sent no nonce: {nonce}"))
            .to_owned();

        let mut mac =
            <Hmac<Sha1> as KeyInit>::new_from_slice(self.secret.as_bytes()).expect("HMAC takes a key of any length");
        mac.update(nonce.as_bytes());
        mac.update(b"\0");
        mac.update(localpart.as_bytes());
        mac.update(b"\0");
        mac.update(password.as_bytes());
        mac.update(b"\0");
        mac.update(if admin { b"admin" as &[u8] } else { b"notadmin" });
        let mac: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();

        let body = serde_json::json!({
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac,
        });
        let what = format!("register {localpart:?}");
        let reply = self.json(self.http.post(endpoint).json(&body), &what).await;
        reply["user_id"]
            .as_str()
            .unwrap_or_else(|| panic!("Synapse registered {localpart:?} without a user_id: {reply}"))
            .to_owned()
    }

    /// Logs in with a password on the client API; returns the user id and an access token.
    pub async fn login(&self, localpart: &str, password: &str) -> (String, String) {
        let body = serde_json::json!({
            "type": "m.login.password",
            "identifier": { "type": "m.id.user", "user": localpart },
            "password": password,
        });
        let request = self.http.post(self.endpoint("_matrix/client/v3/login")).json(&body);
        let reply = self.json(request, &format!("log {localpart:?} in")).await;
        let field = |name: &str| {
            reply[name]
                .as_str()
                .unwrap_or_else(|| panic!("Synapse logged {localpart:?} in without {name}: {reply}"))
                .to_owned()
        };
        (field("user_id"), field("access_token"))
    }

    /// `path` (without a leading slash) under the Synapse base URL.
    pub fn endpoint(&self, path: &str) -> url::Url {
        self.url
            .join(path)
            .unwrap_or_else(|error| panic!("{path:?} under {}: {error}", self.url))
    }

    async fn json(&self, request: reqwest::RequestBuilder, what: &str) -> serde_json::Value {
        let response = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("Synapse at {} does not answer ({what}): {error}", self.url));
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert!(status.is_success(), "Synapse refused to {what}: HTTP {status}: {text}");
        serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("Synapse answered {what} with no JSON ({error}): {text}"))
    }
}

/// `prefix` plus a suffix no other call in this run (or an earlier run) produces, as a valid
/// Matrix localpart: lowercase letters, digits, `.`, `_` and `-` (anything else becomes `-`).
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let prefix: String = prefix
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-{}-{nanos:x}-{count}", std::process::id())
}

#[tokio::test]
async fn synapse_registers_users() {
    let synapse = Synapse::from_env();

    let name = unique("harness-user");
    let user = synapse.register(&name, "user password", false).await;
    assert_eq!(user, format!("@{name}:{SERVER_NAME}"));

    let admin_name = unique("harness-admin");
    let admin = synapse.register(&admin_name, "admin password", true).await;
    assert_eq!(admin, format!("@{admin_name}:{SERVER_NAME}"));

    // The password works on the client API, and the admin API sees who is an admin.
    let (logged_in, _) = synapse.login(&name, "user password").await;
    assert_eq!(logged_in, user);
    let (_, admin_token) = synapse.login(&admin_name, "admin password").await;
    for (who, expected) in [(&user, false), (&admin, true)] {
        let details = synapse
            .json(
                synapse
                    .http
                    .get(synapse.endpoint(&format!("_synapse/admin/v2/users/{who}")))
                    .bearer_auth(&admin_token),
                "read a user",
            )
            .await;
        assert_eq!(details["admin"], expected, "{who}: {details}");
    }

    // Registering a taken name fails loudly rather than handing back someone else's account.
    let again = tokio::spawn(async move {
        let synapse = Synapse::from_env();
        let taken = user.trim_start_matches('@').trim_end_matches(":localhost").to_owned();
        synapse.register(&taken, "other", false).await
    })
    .await;
    assert!(again.is_err(), "registering a taken localpart must panic");
}
