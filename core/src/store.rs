//! The store port: everything the engine and the command line keep. Each method is one
//! transaction, so a failure never leaves half a change behind.

use crate::association::{
    Association, AssociationDraft, AssociationId, AssociationSummary, Invite, InviteCode, NewAssociation,
};
use crate::language::Language;
use crate::person::{Access, Identity, Person, PersonId, PersonSummary};
use crate::role::Role;
use chrono::{DateTime, Utc};
use std::future::Future;

/// Why a store could not do what was asked, by kind, so that a caller can tell "there is no
/// such thing" and "try again later" apart. The text is for logs; it never holds a secret.
///
/// A store backend classifies its own errors into these kinds (tatwir-store's `fail` reads
/// sqlx's): `From<sqlx::Error>` cannot be written for this type outside this crate, and this
/// crate does not depend on sqlx.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StoreError {
    /// What was asked for does not exist, or no longer.
    #[error("not found: {0}")]
    NotFound(String),
    /// The change conflicts with what is stored (a unique key, a row changed meanwhile).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database cannot be reached, or is too busy: the same call may work later.
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// Something stored does not read as what it should be.
    #[error("stored data does not read: {0}")]
    Corrupt(String),
    /// Any other failure.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// Why an invite code was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    #[error("no such invite code")]
    Unknown,
    #[error("the invite code has expired")]
    Expired,
    #[error("the invite code was revoked")]
    Revoked,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What redeeming a code did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redemption {
    pub association: Association,
    pub role: Role,
    pub outcome: JoinOutcome,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinOutcome {
    Joined,
    /// Already a member with this role or a stronger one: nothing changed.
    AlreadyMember {
        role: Role,
    },
    /// A volunteer redeemed a manager code.
    Promoted {
        from: Role,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    #[error("no person with id {0}")]
    UnknownPerson(PersonId),
    #[error("no association with id {0}")]
    UnknownAssociation(AssociationId),
    #[error("the role {0} is held in an association: name the association")]
    AssociationNeeded(Role),
    #[error("the role {0} is held across the platform, not in one association")]
    NotAnAssociationRole(Role),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub type StoreResult<T> = Result<T, StoreError>;

pub trait Store: Send + Sync {
    /// The person behind `identity`, created (with `language` if known) on first contact.
    fn person_for(
        &self,
        identity: &Identity,
        display_name: &str,
        language: Option<Language>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Person>> + Send;

    fn person(&self, id: PersonId) -> impl Future<Output = StoreResult<Option<Person>>> + Send;

    fn person_by_identity(&self, identity: &Identity) -> impl Future<Output = StoreResult<Option<Person>>> + Send;

    fn set_language(&self, person: PersonId, language: Language) -> impl Future<Output = StoreResult<()>> + Send;

    fn access(&self, person: PersonId) -> impl Future<Output = StoreResult<Access>> + Send;

    /// Joins the code's association with the code's role, in one transaction.
    fn redeem_invite(
        &self,
        person: PersonId,
        code: &InviteCode,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Redemption, RedeemError>> + Send;

    /// Creates an association with one volunteer code and one manager code.
    fn create_association(
        &self,
        draft: &AssociationDraft,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<NewAssociation>> + Send;

    fn association(&self, id: AssociationId) -> impl Future<Output = StoreResult<Option<Association>>> + Send;

    fn associations(&self) -> impl Future<Output = StoreResult<Vec<AssociationSummary>>> + Send;

    /// Everyone, or the members of one association.
    fn people(
        &self,
        association: Option<AssociationId>,
    ) -> impl Future<Output = StoreResult<Vec<PersonSummary>>> + Send;

    /// Grants a platform role, or an association role when `association` is given. Returns
    /// whether anything changed.
    fn grant_role(
        &self,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<bool, GrantError>> + Send;

    /// Removes a platform role, or a membership when `association` is given.
    fn revoke_role(
        &self,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
    ) -> impl Future<Output = Result<bool, GrantError>> + Send;

    fn create_invite(
        &self,
        association: AssociationId,
        role: Role,
        expires_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Invite, GrantError>> + Send;

    /// Returns whether a live code was revoked.
    fn revoke_invite(&self, code: &InviteCode, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    fn invites(&self, association: Option<AssociationId>) -> impl Future<Output = StoreResult<Vec<Invite>>> + Send;
}
