//! Who may do what. Volunteers and managers belong to an association; coordinators and admins
//! act across all of them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A role, ordered from least to most powerful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Volunteer,
    Manager,
    Coordinator,
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Manager => "manager",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    /// Roles held within one association (the others are held across the platform).
    pub fn is_association_role(self) -> bool {
        matches!(self, Role::Volunteer | Role::Manager)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown role {0:?}: expected volunteer, manager, coordinator or admin")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "volunteer" => Ok(Role::Volunteer),
            "manager" => Ok(Role::Manager),
            "coordinator" => Ok(Role::Coordinator),
            "admin" => Ok(Role::Admin),
            _ => Err(UnknownRole(s.to_owned())),
        }
    }
}
