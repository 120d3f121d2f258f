//! Settings: built-in defaults, then `tatwir.toml` (or `--config`), then `TATWIR_*` variables,
//! then command-line flags. Zero configuration works.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tatwir_store::database_url::DatabaseUrl;

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default)]
pub struct Config {
    /// Where the SQLite file, channel stores and caches live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; by default a SQLite file in `data_dir`.
    #[serde(skip_serializing)]
    pub database_url: Option<DatabaseUrl>,
    /// The toolbox packs.
    pub content_dir: PathBuf,
    /// The HTTP server's address; port 0 picks a free port.
    pub http_addr: SocketAddr,
    /// Telegram webhook mode: the public URL Telegram posts to (forwarded by the reverse proxy
    /// to `/telegram/webhook`), and the secret it must send back. Long polling when unset.
    pub telegram_webhook_url: Option<url::Url>,
    #[serde(skip_serializing)]
    pub telegram_webhook_secret: Option<Secret>,
    /// Sending pace on Telegram (Telegram's own limits by default).
    pub telegram_overall_per_second: f64,
    pub telegram_private_per_second: f64,
    pub telegram_group_per_minute: f64,
    /// How many hours a message that cannot be delivered is tried before it is given up
    /// (`tatwir outbox retry` puts it back).
    pub outbox_give_up_hours: u32,
    /// The service's public address (`https://tatwir.example.org`), which certificates'
    /// verification pages, pictures and Open Badges documents are published under; by default
    /// `http://<http_addr>`, which only this machine reaches (`serve` warns while it is unset).
    pub public_url: Option<url::Url>,
    /// The issuer named on certificates and in Open Badges documents.
    pub issuer_name: String,
    /// The issuer's contact address, which Open Badges 2.0 requires; by default
    /// `certificates@<public host>`.
    pub issuer_email: Option<String>,
    /// The addresses of reverse proxies whose `X-Forwarded-For` is believed (loopback by default).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// A value that never shows in logs or `Debug` output.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("data"),
            database_url: None,
            content_dir: PathBuf::from("content"),
            http_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            telegram_webhook_url: None,
            telegram_webhook_secret: None,
            telegram_overall_per_second: 30.0,
            telegram_private_per_second: 1.0,
            telegram_group_per_minute: 20.0,
            outbox_give_up_hours: 24,
            public_url: None,
            issuer_name: "Tatwir".to_owned(),
            issuer_email: None,
            trusted_proxies: vec![
                std::net::IpAddr::from([127, 0, 0, 1]),
                std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
            ],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
}

impl Config {
    /// Reads the layers. `explicit_file` is `--config`: it must exist; the default
    /// `tatwir.toml` is read only when present.
    pub fn load(explicit_file: Option<&Path>) -> Result<Self, ConfigError> {
        let file = match explicit_file {
            Some(path) if !path.exists() => return Err(ConfigError::MissingFile(path.to_owned())),
            Some(path) => path.to_owned(),
            None => PathBuf::from("tatwir.toml"),
        };
        Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("TATWIR_").only(&[
                "data_dir",
                "database_url",
                "content_dir",
                "http_addr",
                "telegram_webhook_url",
                "telegram_webhook_secret",
                "telegram_overall_per_second",
                "telegram_private_per_second",
                "telegram_group_per_minute",
                "outbox_give_up_hours",
                "public_url",
                "issuer_name",
                "issuer_email",
                "trusted_proxies",
            ]))
            .extract()
            .map_err(|e| ConfigError::Invalid(Box::new(e)))
    }

    /// The Telegram webhook, when both its URL and its secret are set.
    pub fn telegram_webhook(&self) -> anyhow::Result<Option<tatwir_telegram::Webhook>> {
        match (&self.telegram_webhook_url, &self.telegram_webhook_secret) {
            (None, None) => Ok(None),
            (Some(url), Some(secret)) => {
                // Telegram takes 1 to 256 characters; a short one could be guessed.
                let valid = (16..=256).contains(&secret.0.len())
                    && secret
                        .0
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                anyhow::ensure!(
                    valid,
                    "TATWIR_TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -"
                );
                Ok(Some(tatwir_telegram::Webhook {
                    url: url.clone(),
                    secret: secret.0.clone(),
                }))
            }
            _ => anyhow::bail!("set both TATWIR_TELEGRAM_WEBHOOK_URL and TATWIR_TELEGRAM_WEBHOOK_SECRET, or neither"),
        }
    }

    /// Where and by whom certificates are published (the picture's artist is the caller's).
    pub fn publishing(&self, http_addr: std::net::SocketAddr) -> tatwir_core::certificate::Publishing {
        let base_url = match &self.public_url {
            Some(url) => url.as_str().trim_end_matches('/').to_owned(),
            None => format!("http://{http_addr}"),
        };
        let host = self
            .public_url
            .as_ref()
            .and_then(|url| url.host_str().map(str::to_owned))
            .filter(|host| host.contains('.'))
            .unwrap_or_else(|| "tatwir.invalid".to_owned());
        tatwir_core::certificate::Publishing {
            base_url,
            issuer_name: self.issuer_name.clone(),
            issuer_email: self
                .issuer_email
                .clone()
                .unwrap_or_else(|| format!("certificates@{host}")),
            artist: None,
        }
    }

    pub fn telegram_limits(&self) -> tatwir_telegram::Limits {
        tatwir_telegram::Limits {
            overall_per_second: self.telegram_overall_per_second.max(0.1),
            private_per_second: self.telegram_private_per_second.max(0.01),
            group_per_minute: self.telegram_group_per_minute.max(0.1),
            ..tatwir_telegram::Limits::default()
        }
    }

    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url
            .clone()
            .unwrap_or_else(|| DatabaseUrl::sqlite_in(&self.data_dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_nothing() {
        let config = Config::default();
        assert_eq!(config.database_url().expose(), "sqlite://data/tatwir.db");
        assert_eq!(config.http_addr.to_string(), "127.0.0.1:8080");
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail API returns its own large error
    fn file_then_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "tatwir.toml",
                "data_dir = \"/srv/tatwir\"\nhttp_addr = \"0.0.0.0:9000\"\n",
            )?;
            jail.set_env("TATWIR_HTTP_ADDR", "127.0.0.1:0");
            jail.set_env("TATWIR_DATABASE_URL", "postgres://u:pw-hunter2@localhost/t");
            jail.set_env(
                "TATWIR_TELEGRAM_WEBHOOK_URL",
                "https://bot.example.org/telegram/webhook",
            );
            jail.set_env("TATWIR_TELEGRAM_WEBHOOK_SECRET", "hook-hunter3-long-enough");
            let config = Config::load(None).expect("loads");
            assert_eq!(config.data_dir, PathBuf::from("/srv/tatwir"));
            assert_eq!(config.http_addr.port(), 0);
            let shown = format!("{config:?}");
            assert!(!shown.contains("hunter2") && !shown.contains("hunter3"), "{shown}");
            let webhook = config.telegram_webhook().expect("valid").expect("set");
            assert_eq!(webhook.secret, "hook-hunter3-long-enough");
            assert!(!format!("{webhook:?}").contains("hunter3"));
            // A secret short enough to guess is refused (issue 12, point 14), without showing it.
            jail.set_env("TATWIR_TELEGRAM_WEBHOOK_SECRET", "hook-hunter3");
            let config = Config::load(None).expect("loads");
            let refused = config.telegram_webhook().expect_err("too short").to_string();
            assert!(
                refused.contains("16 to 256") && !refused.contains("hunter3"),
                "{refused}"
            );
            Ok(())
        });
    }
}
