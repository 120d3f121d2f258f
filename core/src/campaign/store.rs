//! The cooperation port: campaigns, votes, delegates and statements as the engine, the
//! scheduler and the command line ask storage for them. Each method is one transaction; those
//! that queue messages queue them in the same transaction (the outbox kinds are in
//! `crate::outbox::OutboxMessage`).

use super::*;
use crate::store::StoreResult;
use std::future::Future;

/// The cooperation store port.
pub trait CampaignStore: Send + Sync {
    // --- Campaigns ---

    fn create_campaign(
        &self,
        new: &NewCampaign,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Campaign>> + Send;

    fn campaign(&self, id: CampaignId) -> impl Future<Output = StoreResult<Option<Campaign>>> + Send;

    /// Every campaign, newest first.
    fn campaigns(&self) -> impl Future<Output = StoreResult<Vec<Campaign>>> + Send;

    /// Opens a proposed campaign; `None` when there is no such campaign. Opening an open one
    /// changes nothing.
    fn open_campaign(
        &self,
        id: CampaignId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<Campaign>>> + Send;

    /// Changes a campaign's words, links and participants (for votes opened from then on: an
    /// open vote's electorate stays) and adds groups; `None` when there is no such campaign.
    fn edit_campaign(
        &self,
        id: CampaignId,
        edit: &CampaignEdit,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<Campaign>>> + Send;

    // --- Delegates ---

    /// An association's delegates: those it named, and its managers (who vote while none is
    /// named). `None` when there is no such association.
    fn delegation(&self, association: AssociationId) -> impl Future<Output = StoreResult<Option<Delegation>>> + Send;

    /// Names `person` a delegate of `association` (they must be a member of it: `Conflict`
    /// otherwise; `NotFound` for an unknown person or association). Returns whether it changed.
    fn name_delegate(
        &self,
        association: AssociationId,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

    /// Stops `person` being a delegate of `association`; returns whether they were one.
    fn remove_delegate(
        &self,
        association: AssociationId,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>> + Send;

    /// The associations `person` votes for now (named delegate, or manager of one that named
    /// none), by id.
    fn represented_by(&self, person: PersonId) -> impl Future<Output = StoreResult<Vec<AssociationId>>> + Send;

    // --- Votes ---

    /// Opens a vote on an open campaign (`Conflict` when the campaign is only proposed,
    /// `NotFound` when there is none): its electorate is the campaign's participants now, its
    /// groups the campaign's and `new.groups` (which are added to the campaign's). Queues the
    /// ballot's post in each group (`VoteOpened`, no person, occurrence `vote:<id>@<group>`)
    /// and to each person who votes for an association of the electorate, in a private chat
    /// (`VoteOpened`, occurrence `vote:<id>`, topic votes).
    fn open_vote(&self, new: &NewVote, now: DateTime<Utc>) -> impl Future<Output = StoreResult<Vote>> + Send;

    fn vote(&self, id: VoteId) -> impl Future<Output = StoreResult<Option<Vote>>> + Send;

    /// Votes not closed, oldest first (their deadline may have passed: the scheduler closes them).
    fn open_votes(&self) -> impl Future<Output = StoreResult<Vec<Vote>>> + Send;

    /// Every vote of a campaign (all votes when `None`), newest first.
    fn votes(&self, campaign: Option<CampaignId>) -> impl Future<Output = StoreResult<Vec<Vote>>> + Send;

    /// Casts an association's ballot, checking in the transaction that the vote is open at
    /// `now` (not closed, before its deadline), that the association is in its electorate, that
    /// the person votes for it now, and that the option exists. The last ballot before the
    /// deadline counts. A new choice is written to the audit log (who, when, channel; the choice
    /// only for an open vote). For a secret vote the choice is kept only beside a fresh receipt
    /// (the association's previous receipt and its choice are deleted). For an open vote with a
    /// group, queues a count update per group (`VoteCount`, no person, occurrence
    /// `count:<vote>@<group>:<slot>` where slot is the number of the 15-second period of `now`
    /// since the epoch, due at the end of that period): a group's count is edited at most four
    /// times a minute however many vote.
    fn cast_vote(&self, cast: &NewCast, now: DateTime<Utc>) -> impl Future<Output = StoreResult<CastOutcome>> + Send;

    /// The count as it stands.
    fn vote_count(&self, vote: VoteId) -> impl Future<Output = StoreResult<Count>> + Send;

    /// The association's current ballot: its choice (open votes) or receipt (secret ones), and
    /// whether it voted. `None` when it has not.
    fn ballot_of(
        &self,
        vote: VoteId,
        association: AssociationId,
    ) -> impl Future<Output = StoreResult<Option<(Option<usize>, Option<Receipt>)>>> + Send;

    /// The audit log, oldest first, of one association or of all.
    fn vote_audit(
        &self,
        vote: VoteId,
        association: Option<AssociationId>,
    ) -> impl Future<Output = StoreResult<Vec<AuditEntry>>> + Send;

    /// Moves an open vote's deadline (`Conflict` when it is closed); the reminder is sent again
    /// before the new deadline if it is more than the reminder's lead away. Queues the news in
    /// each group (`VoteExtended`, occurrence `extended:<vote>:<deadline seconds>@<group>`) and to
    /// each person who votes for an association of the electorate and each manager of one
    /// (occurrence `extended:<vote>:<deadline seconds>`).
    fn extend_vote(
        &self,
        vote: VoteId,
        deadline: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Vote>> + Send;

    /// Closes a vote once: `Some` with the vote as closed only for the call that closed it
    /// (`None` when it was closed already or does not exist), however many instances try at
    /// once. The closing call queues the result in each group (`VoteResult`, occurrence
    /// `result:<vote>@<group>`) and to each manager of each association of the electorate in a
    /// private chat (`VoteResult`, occurrence `result:<vote>`).
    fn close_vote(&self, vote: VoteId, now: DateTime<Utc>) -> impl Future<Output = StoreResult<Option<Vote>>> + Send;

    /// Queues the reminder of each open vote whose deadline is within the reminder's lead of
    /// `now` and whose reminder was not sent for that deadline: to each person who votes for an
    /// association of the electorate that has not voted (`VoteReminder`, occurrence
    /// `reminder:<vote>:<deadline seconds>`, topic votes). Returns how many were queued.
    fn queue_vote_reminders(&self, now: DateTime<Utc>) -> impl Future<Output = StoreResult<u64>> + Send;

    // --- Statements ---

    /// Records version 1 and queues it in the campaign's groups with its "sign" buttons
    /// (`StatementPosted`, occurrence `posted:<id>:1@<group>`).
    fn create_statement(
        &self,
        new: &NewStatement,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Statement>> + Send;

    fn statement(&self, id: StatementId) -> impl Future<Output = StoreResult<Option<StatementRecord>>> + Send;

    /// Statements not closed (`open_only`) or all, newest first.
    fn statements(&self, open_only: bool) -> impl Future<Output = StoreResult<Vec<Statement>>> + Send;

    /// A new version of an open statement (`Conflict` when closed, `NotFound` when unknown):
    /// the signatures of the version before are voided, and each person who gave one is told
    /// (`StatementChanged`, occurrence `changed:<statement>:<version>`); the new version is
    /// posted in the campaign's groups (`StatementPosted`, occurrence `posted:<id>:<version>@<group>`).
    /// `None` and nothing changed when the words are the same as the current version's.
    fn edit_statement(
        &self,
        id: StatementId,
        title: &Written,
        text: &Written,
        by: Option<PersonId>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<Statement>>> + Send;

    /// Signs for an association, checking in the transaction that the statement is open at
    /// `now`, that the version is the current one, and that the person manages the association
    /// or is one of its named delegates now. Once per association and version.
    fn sign_statement(
        &self,
        signature: &NewSignature,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<SignOutcome>> + Send;

    /// Closes a statement once (`Some` only for the call that closed it), queuing the final text
    /// in the campaign's groups (`StatementClosed`, occurrence `statement:<id>@<group>`) and to
    /// each signer (occurrence `statement:<id>`).
    fn close_statement(
        &self,
        id: StatementId,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Option<Statement>>> + Send;

    /// Statements not closed whose deadline has passed.
    fn statements_due(&self, now: DateTime<Utc>) -> impl Future<Output = StoreResult<Vec<StatementId>>> + Send;
}
