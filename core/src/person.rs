//! People, the channel identities they speak through, and what they belong to.

use crate::association::{Association, AssociationId};
use crate::language::Language;
use crate::role::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub i64);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A chat platform Tatwir talks through. Only names here: the adapters live outside core.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Terminal,
    Telegram,
    Matrix,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Terminal => "terminal",
            Channel::Telegram => "telegram",
            Channel::Matrix => "matrix",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown channel {0:?}: expected terminal, telegram or matrix")]
pub struct UnknownChannel(pub String);

impl FromStr for Channel {
    type Err = UnknownChannel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "terminal" => Ok(Channel::Terminal),
            "telegram" => Ok(Channel::Telegram),
            "matrix" => Ok(Channel::Matrix),
            _ => Err(UnknownChannel(s.to_owned())),
        }
    }
}

/// Who someone is on one channel: a Telegram user id, a Matrix user id, a terminal user name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identity {
    pub channel: Channel,
    pub user: String,
}

impl Identity {
    pub fn new(channel: Channel, user: impl Into<String>) -> Self {
        Identity {
            channel,
            user: user.into(),
        }
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.channel, self.user)
    }
}

impl FromStr for Identity {
    type Err = UnknownChannel;
    /// `telegram:12345`, `matrix:@amina:example.org`, `terminal:amina`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (channel, user) = s.split_once(':').ok_or_else(|| UnknownChannel(s.to_owned()))?;
        Ok(Identity {
            channel: channel.parse()?,
            user: user.to_owned(),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    pub display_name: String,
    /// `None` until the person or their client has told us.
    pub language: Option<Language>,
    /// `None`: Africa/Casablanca.
    pub time_zone: Option<chrono_tz::Tz>,
    pub created_at: DateTime<Utc>,
}

impl Person {
    /// The zone the person's times are shown and scheduled in.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.time_zone.unwrap_or(crate::daily::DEFAULT_ZONE)
    }
}

/// One person's place in one association.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub association: Association,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

/// Everything that decides what a person may do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Access {
    pub memberships: Vec<Membership>,
    /// Platform-wide roles (coordinator, admin).
    pub platform_roles: Vec<Role>,
}

impl Access {
    /// The highest role held anywhere, if any.
    pub fn highest_role(&self) -> Option<Role> {
        self.memberships
            .iter()
            .map(|m| m.role)
            .chain(self.platform_roles.iter().copied())
            .max()
    }

    pub fn is_member(&self) -> bool {
        !self.memberships.is_empty()
    }

    /// Whether the person holds `role` or a stronger one somewhere.
    pub fn has_at_least(&self, role: Role) -> bool {
        self.highest_role().is_some_and(|held| held >= role)
    }

    pub fn role_in(&self, association: AssociationId) -> Option<Role> {
        self.memberships
            .iter()
            .find(|m| m.association.id == association)
            .map(|m| m.role)
    }
}

/// A person as listed for coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonSummary {
    pub id: PersonId,
    pub display_name: String,
    pub language: Option<Language>,
    pub identities: Vec<Identity>,
    pub memberships: Vec<MembershipSummary>,
    pub platform_roles: Vec<Role>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MembershipSummary {
    pub association_id: AssociationId,
    pub association: String,
    pub role: Role,
}
