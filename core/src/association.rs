//! Associations and the invite codes that let people join them.

use crate::role::Role;
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct AssociationId(pub i64);

impl fmt::Display for AssociationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Association {
    pub id: AssociationId,
    pub name: String,
    pub city: String,
    pub created_at: DateTime<Utc>,
}

/// An association as listed for coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AssociationSummary {
    #[serde(flatten)]
    pub association: Association,
    pub members: i64,
    pub volunteers: i64,
    pub managers: i64,
}

/// A new association with the two codes that were made for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewAssociation {
    pub association: Association,
    pub volunteer_code: InviteCode,
    pub manager_code: InviteCode,
}

/// Checked input for a new association.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssociationDraft {
    pub name: String,
    pub city: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DraftError {
    #[error("the association's name is empty")]
    EmptyName,
    #[error("the association's name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("the city is empty")]
    EmptyCity,
    #[error("the city is longer than {max} characters")]
    CityTooLong { max: usize },
}

impl AssociationDraft {
    pub const MAX_NAME: usize = 120;
    pub const MAX_CITY: usize = 80;

    pub fn new(name: &str, city: &str) -> Result<Self, DraftError> {
        let name = crate::text::clean_line(name);
        let city = crate::text::clean_line(city);
        if name.is_empty() {
            return Err(DraftError::EmptyName);
        }
        if name.chars().count() > Self::MAX_NAME {
            return Err(DraftError::NameTooLong { max: Self::MAX_NAME });
        }
        if city.is_empty() {
            return Err(DraftError::EmptyCity);
        }
        if city.chars().count() > Self::MAX_CITY {
            return Err(DraftError::CityTooLong { max: Self::MAX_CITY });
        }
        Ok(AssociationDraft { name, city })
    }
}

/// A code that lets whoever holds it join one association with one role.
///
/// Codes are 8 letters and digits from an alphabet without look-alikes (no 0/O, 1/I/L), so they
/// survive being read aloud or copied by hand, and they fit a Telegram deep link as they are.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct InviteCode(String);

impl InviteCode {
    /// Thirteen symbols of 31: 64 bits, out of reach of guessing, still typable.
    pub const LEN: usize = 13;
    /// Codes made before 2026-12 had eight symbols (40 bits); volunteer codes of that length
    /// still work, behind the limit on wrong guesses.
    pub const LEGACY_LEN: usize = 8;
    const ALPHABET: &'static [u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let code = (0..Self::LEN)
            .map(|_| Self::ALPHABET[rng.random_range(0..Self::ALPHABET.len())] as char)
            .collect();
        InviteCode(code)
    }

    /// Reads a code as a person may type it: any case, with spaces or dashes. Returns `None` for
    /// anything that cannot be a code, so that it is never looked up.
    pub fn parse(typed: &str) -> Option<Self> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let well_formed = (code.len() == Self::LEN || code.len() == Self::LEGACY_LEN)
            && code.bytes().all(|b| Self::ALPHABET.contains(&b));
        well_formed.then_some(InviteCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InviteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An invite code as listed for coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Invite {
    pub code: InviteCode,
    pub association_id: AssociationId,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub uses: i64,
    /// How many people may join with it (`None`: no limit).
    pub max_uses: Option<i64>,
}

impl Invite {
    /// A manager code is for one person and one week unless its maker says otherwise.
    pub const MANAGER_USES: i64 = 1;
    pub const MANAGER_VALID_DAYS: i64 = 7;

    /// How many more people may join with it (`None`: no limit).
    pub fn uses_left(&self) -> Option<i64> {
        self.max_uses.map(|max| (max - self.uses).max(0))
    }

    /// Whether it may still be used at `now`.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|at| at > now) && self.uses_left() != Some(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_parse_back() {
        for _ in 0..100 {
            let code = InviteCode::generate();
            assert_eq!(InviteCode::parse(code.as_str()), Some(code.clone()));
            let typed = format!(" {}-{} ", &code.as_str()[..4].to_lowercase(), &code.as_str()[4..]);
            assert_eq!(InviteCode::parse(&typed), Some(code));
        }
    }

    #[test]
    fn codes_carry_at_least_60_bits() {
        let bits = (InviteCode::ALPHABET.len() as f64).log2() * InviteCode::LEN as f64;
        assert!(bits >= 60.0, "{bits} bits");
        assert_eq!(InviteCode::generate().as_str().len(), InviteCode::LEN);
        // A code made before the change is still read.
        assert!(InviteCode::parse("ABCD-EFGH").is_some());
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in [
            "",
            "ABC",
            "ABCDEFGHJ",
            "ABCDEFGHJKMN",
            "ABCDEFGHJKMNPQ",
            "ABCDEF0O",
            "ابتثجحخد",
            "ABCD\u{0}EFG",
            "ABCDEFG💥",
        ] {
            assert_eq!(InviteCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn drafts_are_checked() {
        assert_eq!(AssociationDraft::new("  ", "Tanger"), Err(DraftError::EmptyName));
        assert_eq!(AssociationDraft::new("Amal", "\u{7}"), Err(DraftError::EmptyCity));
        let draft = AssociationDraft::new(" Association\tAmal ", "Tanger").expect("valid");
        assert_eq!(draft.name, "Association Amal");
    }
}
