//! Joint statements: a text in three languages, versioned, that associations co-sign. A new
//! version (any change, in any language) voids the signatures given to the one before.

use super::{CampaignId, StatementId, Written};
use crate::association::AssociationId;
use crate::person::{Channel, PersonId};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A statement as it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: StatementId,
    pub campaign: Option<CampaignId>,
    /// The current version, from 1.
    pub version: u32,
    pub title: Written,
    pub text: Written,
    pub deadline: Option<DateTime<Utc>>,
    /// The zone the deadline is said in (the writer's).
    pub zone: chrono_tz::Tz,
    pub written_by: Option<PersonId>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Statement {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.closed_at.is_none() && self.deadline.is_none_or(|deadline| now < deadline)
    }

    /// The statement's status as the command line reports it.
    pub fn status(&self, now: DateTime<Utc>) -> &'static str {
        match self.closed_at {
            Some(_) => "closed",
            None if !self.is_open(now) => "closing",
            None => "open",
        }
    }
}

/// A statement to record (version 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStatement {
    pub campaign: Option<CampaignId>,
    pub title: Written,
    pub text: Written,
    pub deadline: Option<DateTime<Utc>>,
    pub zone: chrono_tz::Tz,
    pub written_by: Option<PersonId>,
}

/// One version of a statement's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementVersion {
    pub version: u32,
    pub title: Written,
    pub text: Written,
    pub written_by: Option<PersonId>,
    pub at: DateTime<Utc>,
}

/// A signature given for an association to one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub association: AssociationId,
    pub association_name: String,
    pub city: String,
    pub person: Option<PersonId>,
    pub person_name: String,
    pub channel: Channel,
    pub version: u32,
    pub at: DateTime<Utc>,
    /// A later version voided it.
    pub voided: bool,
}

/// A statement with its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementRecord {
    pub statement: Statement,
    pub versions: Vec<StatementVersion>,
    /// Every signature ever given, oldest first (voided ones included).
    pub signatures: Vec<Signature>,
}

impl StatementRecord {
    /// The signatures of the current version, oldest first.
    pub fn signatories(&self) -> impl Iterator<Item = &Signature> {
        self.signatures
            .iter()
            .filter(|signature| !signature.voided && signature.version == self.statement.version)
    }
}

/// What a press on "sign for <association>" did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOutcome {
    Signed,
    /// The association had already signed this version: nothing changed.
    AlreadySigned,
    /// The press was for an older version: the text changed since.
    StaleVersion {
        current: u32,
    },
    Closed,
    /// The person neither manages the association nor is one of its delegates (now).
    NotAllowed,
}

/// A signature to give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSignature {
    pub statement: StatementId,
    pub version: u32,
    pub association: AssociationId,
    pub person: PersonId,
    pub channel: Channel,
}
