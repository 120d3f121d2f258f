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
    #[error("the invite code has been used as many times as it may")]
    UsedUp,
    /// The person's role in the code's association was taken back after the code was made.
    #[error("the person's role was taken back after the code was made")]
    RoleTakenBack,
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

    /// Removes a platform role, or a membership when `association` is given; a code of that
    /// association made before then no longer gives the person any role in it.
    fn revoke_role(
        &self,
        person: PersonId,
        role: Role,
        association: Option<AssociationId>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<bool, GrantError>> + Send;

    /// A new code; `max_uses` `None` lets any number of people join with it.
    fn create_invite(
        &self,
        association: AssociationId,
        role: Role,
        expires_at: Option<DateTime<Utc>>,
        max_uses: Option<i64>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Invite, GrantError>> + Send;

    /// Revokes every live manager code of the association and makes a new one (single-use,
    /// valid a week), in one transaction; returns how many were revoked and the new code.
    fn rotate_manager_codes(
        &self,
        association: AssociationId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(u64, Invite), GrantError>> + Send;

    /// Returns whether a live code was revoked.
    fn revoke_invite(&self, code: &InviteCode, now: DateTime<Utc>) -> impl Future<Output = StoreResult<bool>> + Send;

    fn invites(&self, association: Option<AssociationId>) -> impl Future<Output = StoreResult<Vec<Invite>>> + Send;

    /// The wrong codes a person sent in a row, and when the last one came.
    fn code_failures(&self, person: PersonId) -> impl Future<Output = StoreResult<CodeFailures>> + Send;

    /// Counts one more wrong code; returns the new count.
    fn record_code_failure(
        &self,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<u32>> + Send;

    /// A code that worked forgets the wrong ones before it.
    fn clear_code_failures(&self, person: PersonId) -> impl Future<Output = StoreResult<()>> + Send;
}

/// Wrong invite codes sent by one person in a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFailures {
    pub count: u32,
    pub last: Option<DateTime<Utc>>,
}

impl CodeFailures {
    /// Wrong codes allowed before any wait (typos happen).
    pub const FREE: u32 = 5;
    /// The longest wait between two tries.
    pub const MAX_WAIT_MINUTES: i64 = 24 * 60;

    /// When the next code may be tried: after five wrong ones, one minute, then twice as long
    /// after each further wrong one, up to a day.
    pub fn next_try(&self) -> Option<DateTime<Utc>> {
        let last = self.last?;
        let over = self.count.checked_sub(Self::FREE)?;
        let minutes = 1_i64
            .checked_shl(over.min(20))
            .unwrap_or(i64::MAX)
            .min(Self::MAX_WAIT_MINUTES);
        Some(last + chrono::Duration::minutes(minutes))
    }

    /// How long the person must still wait at `now`, if at all.
    pub fn wait(&self, now: DateTime<Utc>) -> Option<chrono::Duration> {
        self.next_try().filter(|at| *at > now).map(|at| at - now)
    }
}

#[cfg(test)]
mod tests {
    use super::CodeFailures;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn wrong_codes_make_the_wait_grow_up_to_a_day() {
        let last = Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap();
        let wait = |count| {
            CodeFailures {
                count,
                last: Some(last),
            }
            .wait(last)
        };
        assert_eq!(wait(0), None);
        assert_eq!(wait(4), None);
        assert_eq!(wait(5), Some(Duration::minutes(1)));
        assert_eq!(wait(6), Some(Duration::minutes(2)));
        assert_eq!(wait(10), Some(Duration::minutes(32)));
        assert_eq!(wait(16), Some(Duration::minutes(24 * 60)));
        assert_eq!(wait(u32::MAX), Some(Duration::minutes(24 * 60)));
        let later = CodeFailures {
            count: 6,
            last: Some(last),
        };
        assert_eq!(later.wait(last + Duration::minutes(2)), None);
    }
}
