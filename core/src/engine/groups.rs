//! Meetings in group chats: their news posted once in each group the meeting invited, in the
//! group's language (French unless `/grouplanguage` set another), with answers anyone there may
//! press.

use super::gathering::{meeting_heading, takes_answers};
use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::association::AssociationSummary;
use crate::audience::Audience;
use crate::group::GroupChat;
use crate::language::Language;
use crate::locale::isolate;
use crate::meeting::{Meeting, MeetingId, Rsvp};
use crate::message::{ChatKind, Outgoing, Text};
use crate::outbox::OutboxItem;
use crate::role::Role;
use crate::store::StoreError;

/// The most group chats offered as a meeting's audience in the chat (the command line takes any).
const MAX_GROUP_CHOICES: usize = 10;

impl<S: EngineStore> Engine<S> {
    /// An invitation, change, reminder or cancellation as posted in a group chat: times on the
    /// meeting's own clock, and answers that carry the meeting rather than a person's offer.
    pub(super) async fn group_meeting_news(
        &self,
        item: &OutboxItem,
        meeting: &Meeting,
    ) -> Result<Outgoing, StoreError> {
        let lang = self
            .store
            .group_chat_at(item.channel, &item.chat)
            .await?
            .and_then(|group| group.language)
            .unwrap_or(Language::FALLBACK);
        let text = self.meeting_text(
            lang,
            meeting.time.zone,
            meeting,
            meeting_heading(item),
            self.clock.now(),
        );
        if !takes_answers(item, meeting) {
            return Ok(Outgoing::text(text));
        }
        Ok(Outgoing::with_choices(
            text,
            vec![self.answer_choices(lang, meeting.id)],
        ))
    }

    /// An answer pressed on a meeting posted in a group. `None` unless it came from a group chat
    /// the meeting invited and the meeting stands: a press forged elsewhere changes nothing.
    pub(super) async fn answer_in_group(
        &self,
        turn: &mut Turn<'_>,
        meeting: MeetingId,
        answer: Rsvp,
    ) -> Result<Option<Vec<Outgoing>>, StoreError> {
        let Some(group) = self.store.group_chat_at(turn.channel, &turn.chat_id).await? else {
            return Ok(None);
        };
        let Some(found) = self
            .store
            .meeting(meeting)
            .await?
            .filter(|found| !found.cancelled && found.audience.groups.contains(&group.id))
        else {
            return Ok(None);
        };
        self.store.set_rsvp(meeting, turn.person.id, answer, turn.now).await?;
        let args = args! {
            "name" => turn.name(),
            "title" => found.title_for(turn.lang).to_owned(),
            "answer" => turn.say(&format!("rsvp-{}", answer.code())),
        };
        // A passing notice where the channel has them: a group where many answer stays readable.
        turn.notice = Some(turn.say_with("rsvp-noted-group", &args));
        Ok(Some(Vec::new()))
    }

    /// `/grouplanguage ar` in a group chat: the language its meeting messages are posted in.
    /// Managers and coordinators only (the command's audience); said in the group, for the group.
    pub(super) async fn group_language(
        &self,
        turn: &mut Turn<'_>,
        argument: &str,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let args = args! { "command" => turn.command("grouplanguage") };
        if turn.chat_kind != ChatKind::Group {
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("group-language-in-group", &args),
            ))]);
        }
        let Some(group) = self.store.group_chat_at(turn.channel, &turn.chat_id).await? else {
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("group-language-in-group", &args),
            ))]);
        };
        if !Self::may_run_group(turn, &group) {
            return self.not_the_groups_manager(turn, &group).await;
        }
        let Some(language) = Language::from_typed_name(argument) else {
            let current = group.language.unwrap_or(Language::FALLBACK);
            let args = args! {
                "command" => turn.command("grouplanguage"),
                "language" => self.locales.language_name(current),
            };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("group-language-usage", &args),
            ))]);
        };
        self.store.set_group_language(group.id, Some(language)).await?;
        // Said in the group's new language: it is what the group will read from now on.
        let args = args! { "language" => self.locales.language_name(language) };
        Ok(vec![Outgoing::text(Text::plain(self.locales.text(
            language,
            "group-language-set",
            Some(&args),
        )))])
    }

    /// Whether this person runs `group`: a coordinator, or a manager of the association it
    /// belongs to (a group of the platform's is the coordinators' alone).
    fn may_run_group(turn: &Turn<'_>, group: &GroupChat) -> bool {
        turn.access.has_at_least(Role::Coordinator)
            || group
                .owner
                .is_some_and(|owner| turn.access.role_in(owner) == Some(Role::Manager))
    }

    /// The answer to someone who does not run the group they act on: who does.
    async fn not_the_groups_manager(&self, turn: &Turn<'_>, group: &GroupChat) -> Result<Vec<Outgoing>, StoreError> {
        let owner = match group.owner {
            Some(id) => self.store.association(id).await?.map(|a| a.name),
            None => None,
        };
        let args = args! {
            "association" => owner.map_or_else(|| "none".to_owned(), |name| isolate(turn.lang, &name)),
            "command" => turn.command("claimgroup"),
        };
        Ok(vec![Outgoing::text(Text::plain(
            turn.say_with("group-not-yours", &args),
        ))])
    }

    /// `/claimgroup [N]` in a group chat: the group belongs to association N (or to the one the
    /// person manages, when it is one). A coordinator gives any group to any association; a
    /// manager takes a group of the platform's, or of an association they manage, for one they
    /// manage. Checked when it is sent, like every action.
    pub(super) async fn claim_group(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let say = |turn: &Turn<'_>, id: &str, args: &fluent_bundle::FluentArgs| {
            Ok(vec![Outgoing::text(Text::plain(turn.say_with(id, args)))])
        };
        let command = args! { "command" => turn.command("claimgroup") };
        if turn.chat_kind != ChatKind::Group {
            return say(turn, "group-claim-in-group", &command);
        }
        let Some(group) = self.store.group_chat_at(turn.channel, &turn.chat_id).await? else {
            return say(turn, "group-claim-in-group", &command);
        };
        let managed: Vec<&crate::person::Membership> = turn
            .access
            .memberships
            .iter()
            .filter(|membership| membership.role == Role::Manager)
            .collect();
        let coordinator = turn.access.has_at_least(Role::Coordinator);
        let target = match argument.trim() {
            "" if managed.len() == 1 && !coordinator => Some(managed[0].association.id),
            "" => None,
            typed => typed.parse::<i64>().ok().map(crate::association::AssociationId),
        };
        let Some(target) = target else {
            let names: Vec<String> = managed
                .iter()
                .map(|membership| {
                    format!(
                        "{} {}",
                        membership.association.id,
                        isolate(turn.lang, &membership.association.name)
                    )
                })
                .collect();
            let args = args! {
                "command" => turn.command("claimgroup"),
                "associations" => if names.is_empty() { "none".to_owned() } else { self.locales.list(turn.lang, &names) },
            };
            return say(turn, "group-claim-which", &args);
        };
        let Some(association) = self.store.association(target).await? else {
            return say(
                turn,
                "group-claim-which",
                &args! { "command" => turn.command("claimgroup"), "associations" => "none" },
            );
        };
        let allowed = coordinator
            || (turn.access.role_in(target) == Some(Role::Manager)
                && group
                    .owner
                    .is_none_or(|owner| turn.access.role_in(owner) == Some(Role::Manager)));
        if !allowed {
            return self.not_the_groups_manager(turn, &group).await;
        }
        self.store.set_group_owner(group.id, Some(target)).await?;
        let args = args! {
            "association" => isolate(turn.lang, &association.name),
            "grouplanguage" => turn.command("grouplanguage"),
        };
        say(turn, "group-claimed", &args)
    }

    /// For people writing a meeting: each group chat the bot is in that they run, as an audience
    /// (for a coordinator all of them), named with the association it belongs to.
    pub(super) async fn group_audience_choices(&self, turn: &Turn<'_>) -> Result<Vec<(String, Audience)>, StoreError> {
        let associations = self.store.associations().await?;
        Ok(self
            .store
            .group_chats()
            .await?
            .into_iter()
            .filter(|group| !group.left && Self::may_run_group(turn, group))
            .take(MAX_GROUP_CHOICES)
            .map(|group| {
                let audience = Audience {
                    groups: vec![group.id],
                    ..Audience::default()
                };
                (self.group_label(turn, &group, &associations), audience)
            })
            .collect())
    }

    /// A group as offered: its title, and the association it belongs to (its members chose the
    /// title; the owner says whose group it is).
    fn group_label(&self, turn: &Turn<'_>, group: &GroupChat, associations: &[AssociationSummary]) -> String {
        let owner = group
            .owner
            .and_then(|id| associations.iter().find(|summary| summary.association.id == id))
            .map(|summary| isolate(turn.lang, &summary.association.name));
        let args = args! {
            "title" => isolate(turn.lang, &group.title),
            "association" => owner.unwrap_or_else(|| "none".to_owned()),
        };
        turn.say_with("draft-audience-group", &args)
    }

    /// An audience of group chats only, as the review of a draft shows it.
    pub(super) async fn groups_label(&self, turn: &Turn<'_>, audience: &Audience) -> Result<String, StoreError> {
        let groups = self.store.group_chats().await?;
        let associations = self.store.associations().await?;
        let names = audience
            .groups
            .iter()
            .filter_map(|id| groups.iter().find(|group| group.id == *id))
            .map(|group| self.group_label(turn, group, &associations))
            .collect::<Vec<_>>();
        Ok(self.locales.list(turn.lang, &names))
    }
}
