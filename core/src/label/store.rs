//! The label's port: what the engine, the daily evaluation, the command line and the web pages
//! ask of storage.

use super::*;
use std::future::Future;

/// The label store port. Each method is one transaction.
pub trait LabelStore: Send + Sync {
    /// An association's label at `now`: its checklist under `rules` (from one consistent read
    /// of its members, their certificates, activity and attendance, and its charter adoptions)
    /// and its latest grant. `None` when there is no such association.
    fn label_state(
        &self,
        association: AssociationId,
        rules: &LabelRules,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<LabelState>>> + Send;

    /// Records that `person` adopted `version` of the charter for `association`, if they manage
    /// it at this moment (checked in the same transaction). A version is adopted once per
    /// association: a second adoption returns the first.
    fn adopt_charter(
        &self,
        association: AssociationId,
        person: PersonId,
        version: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Adoption>> + Send;

    /// Applies what the daily evaluation decided, only if the association's grant is still as it
    /// was read: a grant when none is live, an extension to a later end, a loss of a grant not
    /// yet lost (which queues one warning per manager of the association with a private chat).
    fn settle_label(
        &self,
        association: AssociationId,
        settlement: &Settlement,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Settled>> + Send;

    /// Every grant ever made, oldest first: the label's Open Badges credentials and the list
    /// of those withdrawn.
    fn label_grants(&self) -> impl Future<Output = StoreResult<Vec<LabelGrant>>> + Send;
}
