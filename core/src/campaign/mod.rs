//! Cooperation between associations: campaigns on a social or legal policy, the votes that
//! decide their positions (one vote per association, cast by its delegates), and the joint
//! statements associations co-sign.
//!
//! A campaign names the associations taking part (all, a city's, a list) and the group chats
//! where its votes and statements are posted. A vote's electorate is fixed when it opens: the
//! associations taking part at that moment, so that its quorum means one thing from start to end.

pub mod dialogue;
pub mod press;
mod statement;
mod store;
#[cfg(test)]
mod tests;
mod vote;

pub use statement::*;
pub use store::CampaignStore;
pub use vote::*;

use crate::association::AssociationId;
use crate::group::GroupChatId;
use crate::language::Language;
use crate::person::PersonId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().trim_start_matches('#').parse().map($name)
            }
        }
    };
}

id_type!(CampaignId);
id_type!(VoteId);
id_type!(StatementId);

/// The longest title (of a campaign, a statement, a vote's question or option).
pub const MAX_TITLE: usize = 200;
/// The longest position or statement text, in characters.
pub const MAX_TEXT: usize = 20_000;
/// The longest link.
pub const MAX_LINK: usize = 500;

/// Words written in French and, when given, in Arabic and in Darija: each reader gets theirs.
/// A Darija reader without Darija words reads the Arabic ones, then the French.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Written {
    pub fr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ary: Option<String>,
}

/// Why typed words were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WrittenError {
    #[error("the French text is empty")]
    Empty,
    #[error("a text is longer than {max} characters")]
    TooLong { max: usize },
}

impl Written {
    /// Words in French only.
    pub fn french(fr: impl Into<String>) -> Self {
        Written {
            fr: fr.into(),
            ar: None,
            ary: None,
        }
    }

    /// The words as `lang` reads them.
    pub fn in_language(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.fr,
            Language::Ar => self.ar.as_deref().unwrap_or(&self.fr),
            Language::Ary => self.ary.as_deref().or(self.ar.as_deref()).unwrap_or(&self.fr),
        }
    }

    /// The language the words shown to `lang` are written in (for direction and isolation).
    pub fn language_for(&self, lang: Language) -> Language {
        match lang {
            Language::Fr => Language::Fr,
            Language::Ar if self.ar.is_some() => Language::Ar,
            Language::Ary if self.ary.is_some() => Language::Ary,
            Language::Ary if self.ar.is_some() => Language::Ar,
            _ => Language::Fr,
        }
    }

    /// Typed words cleaned: one line each for a title (`multiline` false), paragraphs kept for a
    /// text; French required, the others dropped when empty; each at most `max` characters.
    pub fn read(
        fr: &str,
        ar: Option<&str>,
        ary: Option<&str>,
        multiline: bool,
        max: usize,
    ) -> Result<Written, WrittenError> {
        let clean = |text: &str| -> Result<Option<String>, WrittenError> {
            if text.chars().count() > max {
                return Err(WrittenError::TooLong { max });
            }
            let cleaned = if multiline {
                crate::text::clean_message(text)
            } else {
                crate::text::clean_line(text)
            };
            Ok((!cleaned.is_empty()).then_some(cleaned))
        };
        let fr = clean(fr)?.ok_or(WrittenError::Empty)?;
        Ok(Written {
            fr,
            ar: ar.map(clean).transpose()?.flatten(),
            ary: ary.map(clean).transpose()?.flatten(),
        })
    }
}

/// Which associations take part in a campaign.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Participants {
    /// Every association.
    #[default]
    All,
    /// The associations of a city (compared without case).
    City { city: String },
    /// The listed associations.
    Listed { associations: Vec<AssociationId> },
}

/// Where a campaign is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CampaignStatus {
    /// Proposed by a manager: a coordinator opens it (or not).
    Proposed,
    Open,
}

impl CampaignStatus {
    pub fn code(self) -> &'static str {
        match self {
            CampaignStatus::Proposed => "proposed",
            CampaignStatus::Open => "open",
        }
    }
}

/// A campaign: a position the associations taking part may vote on and sign statements for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub title: Written,
    /// The position, in the three languages as given.
    pub text: Written,
    pub links: Vec<String>,
    pub participants: Participants,
    /// Group chats and rooms where its votes and statements are posted.
    pub groups: Vec<GroupChatId>,
    pub status: CampaignStatus,
    pub proposed_by: Option<PersonId>,
    pub created_at: DateTime<Utc>,
}

/// A campaign to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCampaign {
    pub title: Written,
    pub text: Written,
    pub links: Vec<String>,
    pub participants: Participants,
    pub groups: Vec<GroupChatId>,
    pub status: CampaignStatus,
    pub proposed_by: Option<PersonId>,
}

/// A change to a campaign (`tatwir campaign edit`): what is given replaces what was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CampaignEdit {
    pub title: Option<Written>,
    pub text: Option<Written>,
    pub links: Option<Vec<String>>,
    pub participants: Option<Participants>,
    /// Groups added to those it is posted in.
    pub add_groups: Vec<GroupChatId>,
}

/// A link as given: http(s), one line, not too long.
pub fn read_link(typed: &str) -> Option<String> {
    let link = typed.trim();
    let scheme_ok = link.starts_with("https://") || link.starts_with("http://");
    (scheme_ok && link.len() <= MAX_LINK && !link.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then(|| link.to_owned())
}

/// Who may vote for an association: the delegates it named, or its managers while it has named
/// none. `named` are the association's named delegates, `managers` its managers.
pub fn may_vote_for(person: PersonId, named: &[PersonId], managers: &[PersonId]) -> bool {
    if named.is_empty() {
        managers.contains(&person)
    } else {
        named.contains(&person)
    }
}

/// An association's delegates as they stand: named ones, or its managers by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delegation {
    pub association: AssociationId,
    /// Named delegates (people and their display names).
    pub named: Vec<(PersonId, String)>,
    /// The managers, who vote while no delegate is named.
    pub managers: Vec<(PersonId, String)>,
}

impl Delegation {
    /// Those who vote for the association now.
    pub fn voters(&self) -> &[(PersonId, String)] {
        if self.named.is_empty() {
            &self.managers
        } else {
            &self.named
        }
    }
}
