//! The meetings' port: what the engine and the scheduler ask of storage.

use super::*;
use chrono::{DateTime, Utc};

/// The meetings store port. Each method is one transaction.
pub trait MeetingStore: Send + Sync {
    /// Records the meeting and queues an invitation for every person of the audience who has a
    /// private chat and has not muted meetings. Returns the id and how many were invited.
    /// With a `request` key already used, creates nothing and returns the first meeting's id and
    /// how many it invited.
    fn create_meeting(
        &self,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<(MeetingId, u64)>> + Send;

    /// The meeting whose calendar address carries `token`.
    fn meeting_by_calendar(
        &self,
        token: &CalendarToken,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<Meeting>>> + Send;

    fn meeting(
        &self,
        id: MeetingId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<Meeting>>> + Send;

    fn meetings(&self) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<Meeting>>> + Send;

    /// Cancels a meeting and queues the news for everyone invited; `None` when there is no such
    /// meeting, `Some(0)` when it was already cancelled.
    fn cancel_meeting(
        &self,
        id: MeetingId,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<u64>>> + Send;

    /// Changes a meeting's texts, times, place, link and recurrence (not its audience) and queues
    /// the news for everyone invited, who may answer again; `None` when there is no such meeting
    /// or it was cancelled, else how many are told.
    fn update_meeting(
        &self,
        id: MeetingId,
        meeting: &NewMeeting,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<u64>>> + Send;

    /// The people a meeting's invitation was addressed to (in private), in the order invited.
    fn invitees(
        &self,
        meeting: MeetingId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<crate::person::PersonId>>> + Send;

    /// Every answer to a meeting's invitation.
    fn rsvps(
        &self,
        meeting: MeetingId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(crate::person::PersonId, Rsvp)>>> + Send;

    fn set_rsvp(
        &self,
        meeting: MeetingId,
        person: crate::person::PersonId,
        answer: Rsvp,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<()>> + Send;

    /// The meetings a person was invited to, or answered in a group chat, with their answer.
    fn invitations(
        &self,
        person: crate::person::PersonId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(Meeting, Option<Rsvp>)>>> + Send;

    /// One meeting a person was invited to (or answered in a group), with their answer.
    fn invitation(
        &self,
        person: crate::person::PersonId,
        meeting: MeetingId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<(Meeting, Option<Rsvp>)>>> + Send;

    /// Records who attended an occurrence (its key); returns how many were newly recorded.
    fn record_attendance(
        &self,
        meeting: MeetingId,
        occurrence: &str,
        people: &[crate::person::PersonId],
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<u64>> + Send;

    /// Who attended, per occurrence key.
    fn attendance(
        &self,
        meeting: MeetingId,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<(String, crate::person::PersonId)>>> + Send;

    /// Queues reminder `key` of a meeting for those who answered yes or maybe, and for the group
    /// chats it invited whatever the answers (once per key).
    fn queue_reminder(
        &self,
        meeting: MeetingId,
        key: &str,
        now: DateTime<Utc>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<u64>> + Send;

    /// The group chats the bot knows, on every channel, the ones it left included.
    fn group_chats(
        &self,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Vec<crate::group::GroupChat>>> + Send;

    /// Sets the language a group chat's meeting messages are written in (`None`: French); returns
    /// whether there is such a group.
    fn set_group_language(
        &self,
        group: crate::group::GroupChatId,
        language: Option<crate::language::Language>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<bool>> + Send;

    /// Gives a group chat to an association (`None`: to the platform); returns whether there is
    /// such a group.
    fn set_group_owner(
        &self,
        group: crate::group::GroupChatId,
        owner: Option<crate::association::AssociationId>,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<bool>> + Send;

    /// The group chat a channel's chat id stands for, if the bot knows it as a group.
    fn group_chat_at(
        &self,
        channel: crate::person::Channel,
        chat: &str,
    ) -> impl std::future::Future<Output = crate::store::StoreResult<Option<crate::group::GroupChat>>> + Send;
}
