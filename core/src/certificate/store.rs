//! The certificates' port: what the engine, the command line and the web pages ask of storage.

use super::*;
use crate::store::StoreResult;
use std::future::Future;

/// One of the keys the service signs its Open Badges credentials with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerKeyRecord {
    /// The key's stable id (its JWK thumbprint): the last part of the address its public key is
    /// served at.
    pub kid: String,
    /// The private key, PKCS#8 PEM. Backed up with the database; never logged.
    pub private_pem: String,
    pub created_at: DateTime<Utc>,
    /// When a newer key took over signing; it still verifies what it signed.
    pub retired_at: Option<DateTime<Utc>>,
}

/// The certificates store port. Each method is one transaction.
pub trait CertificateStore: Send + Sync {
    /// What the person has done: lesson progress, finished quizzes, meetings attended, whether
    /// they manage an association, and when each lesson version named by `tracks` was first taught.
    fn evidence(
        &self,
        person: PersonId,
        tracks: &[CertificateTrack],
    ) -> impl Future<Output = StoreResult<Evidence>> + Send;

    /// Records a certificate unless the person already holds one of its track: for an
    /// automatic issue (`IssuedBy::Track`) any earlier one counts, revoked or expired; by hand,
    /// one that is not revoked. A certificate takes the holder's confirmed name if there is one.
    fn issue_certificate(&self, new: &NewCertificate) -> impl Future<Output = StoreResult<Issue>> + Send;

    fn certificate_by_code(
        &self,
        code: &CertificateCode,
    ) -> impl Future<Output = StoreResult<Option<Certificate>>> + Send;

    fn certificate(&self, id: CertificateId) -> impl Future<Output = StoreResult<Option<Certificate>>> + Send;

    /// Certificates matching `filter`, newest first.
    fn certificates(&self, filter: CertificateFilter) -> impl Future<Output = StoreResult<Vec<Certificate>>> + Send;

    /// Certificates not revoked whose end falls in `[from, to)`, for the reminders.
    fn certificates_ending(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Vec<Certificate>>> + Send;

    /// Revokes a certificate; `None` when there is no such code. Revoking twice keeps the first
    /// date and reason.
    fn revoke_certificate(
        &self,
        code: &CertificateCode,
        reason: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<Certificate>>> + Send;

    /// Extends a certificate that is not revoked to `valid_until`, under the same code; false
    /// when it was revoked or already renewed to that date.
    fn renew_certificate(
        &self,
        id: CertificateId,
        valid_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

    /// The name (and hashed e-mail) the person confirmed for their certificates.
    fn holder(&self, person: PersonId) -> impl Future<Output = StoreResult<Option<Holder>>> + Send;

    /// Records the person's confirmed name, and gives it to their certificates that have none.
    fn set_holder(&self, person: PersonId, holder: &Holder) -> impl Future<Output = StoreResult<()>> + Send;

    /// Every issuer key, the current one first.
    fn issuer_keys(&self) -> impl Future<Output = StoreResult<Vec<IssuerKeyRecord>>> + Send;

    /// Makes `candidate` the issuer key unless there already is one; returns the current key.
    /// Several instances starting at once agree on one.
    fn ensure_issuer_key(
        &self,
        candidate: &IssuerKeyRecord,
    ) -> impl Future<Output = StoreResult<IssuerKeyRecord>> + Send;

    /// Retires the current key and makes `next` the one that signs.
    fn rotate_issuer_key(
        &self,
        next: &IssuerKeyRecord,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>> + Send;
}
