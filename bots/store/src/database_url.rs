//! A database URL that never shows its password.

use std::fmt;

/// Which database a URL names, from its scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

#[derive(Debug, thiserror::Error)]
#[error("unsupported database URL scheme in {0}: use sqlite:// or postgres://")]
pub struct UnsupportedScheme(String);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Result<Self, UnsupportedScheme> {
        let url = DatabaseUrl(url.into());
        url.backend()?;
        Ok(url)
    }

    /// The default: a SQLite file in the data directory.
    pub fn sqlite_in(data_dir: &std::path::Path) -> Self {
        DatabaseUrl(format!("sqlite://{}", data_dir.join("tatwir.db").display()))
    }

    pub fn backend(&self) -> Result<Backend, UnsupportedScheme> {
        let scheme = self.0.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(UnsupportedScheme(self.redacted())),
        }
    }

    /// The URL itself, for the driver only. Never log it: use `Display`.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with any password replaced by `***`: the one before the host, and any query
    /// parameter that names a password (`?password=…`, `sslpassword=…`).
    pub fn redacted(&self) -> String {
        match url::Url::parse(&self.0) {
            Ok(mut parsed) => {
                if parsed.password().is_some() {
                    let _ = parsed.set_password(Some("***"));
                }
                if parsed
                    .query_pairs()
                    .any(|(key, _)| key.to_ascii_lowercase().contains("password"))
                {
                    let pairs: Vec<(String, String)> = parsed
                        .query_pairs()
                        .map(|(key, value)| {
                            let value = if key.to_ascii_lowercase().contains("password") {
                                "***".to_owned()
                            } else {
                                value.into_owned()
                            };
                            (key.into_owned(), value)
                        })
                        .collect();
                    parsed.query_pairs_mut().clear().extend_pairs(pairs);
                }
                parsed.to_string()
            }
            // Not a URL we can read: show only its scheme.
            Err(_) => format!("{}:…", self.0.split(':').next().unwrap_or_default()),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl<'de> serde::Deserialize<'de> for DatabaseUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        DatabaseUrl::new(raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        let url = DatabaseUrl::new("postgres://tatwir:s3cret@db.example:5432/tatwir").expect("valid");
        assert_eq!(url.backend().expect("known"), Backend::Postgres);
        for shown in [format!("{url}"), format!("{url:?}")] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(shown.contains("***"), "{shown}");
        }
        // In the query too (issue 12, point 14).
        let url =
            DatabaseUrl::new("postgres://tatwir@db.example/tatwir?sslmode=require&password=s3cret&SSLPassword=k3y")
                .expect("valid");
        for shown in [format!("{url}"), format!("{url:?}")] {
            assert!(!shown.contains("s3cret") && !shown.contains("k3y"), "{shown}");
            assert!(shown.contains("sslmode=require"), "{shown}");
        }
        assert!(url.expose().contains("s3cret"), "the driver still gets it");
        assert!(DatabaseUrl::new("mysql://x").is_err());
        let error = DatabaseUrl::new("mysql://root:hunter2@h/db").expect_err("unsupported");
        assert!(!error.to_string().contains("hunter2"));
    }
}
