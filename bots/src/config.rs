//! Settings: built-in defaults, then `tatwir.toml` (or `--config`), then `TATWIR_*` variables,
//! then command-line flags. Zero configuration works.

use crate::database_url::DatabaseUrl;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("data"),
            database_url: None,
            content_dir: PathBuf::from("content"),
            http_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
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
            .merge(Env::prefixed("TATWIR_").only(&["data_dir", "database_url", "content_dir", "http_addr"]))
            .extract()
            .map_err(|e| ConfigError::Invalid(Box::new(e)))
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
            jail.set_env("TATWIR_DATABASE_URL", "postgres://u:secret@localhost/t");
            let config = Config::load(None).expect("loads");
            assert_eq!(config.data_dir, PathBuf::from("/srv/tatwir"));
            assert_eq!(config.http_addr.port(), 0);
            assert!(!format!("{config:?}").contains("secret"));
            Ok(())
        });
    }
}
