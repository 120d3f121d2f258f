//! Meetings in group chats: their news posted once in each group the meeting invited, in the
//! group's language (French unless `/grouplanguage` set another), with answers anyone there may
//! press.

use super::gathering::{meeting_heading, takes_answers};
use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::audience::Audience;
use crate::language::Language;
use crate::locale::isolate;
use crate::meeting::{Meeting, MeetingId, Rsvp};
use crate::message::{ChatKind, Outgoing, Text};
use crate::outbox::OutboxItem;
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

    /// For coordinators writing a meeting: each group chat the bot is in, as an audience.
    pub(super) async fn group_audience_choices(&self, turn: &Turn<'_>) -> Result<Vec<(String, Audience)>, StoreError> {
        Ok(self
            .store
            .group_chats()
            .await?
            .into_iter()
            .filter(|group| !group.left)
            .take(MAX_GROUP_CHOICES)
            .map(|group| {
                let args = args! { "title" => isolate(turn.lang, &group.title) };
                let audience = Audience {
                    groups: vec![group.id],
                    ..Audience::default()
                };
                (turn.say_with("draft-audience-group", &args), audience)
            })
            .collect())
    }

    /// An audience of group chats only, as the review of a draft shows it.
    pub(super) async fn groups_label(&self, turn: &Turn<'_>, audience: &Audience) -> Result<String, StoreError> {
        let groups = self.store.group_chats().await?;
        let names = audience
            .groups
            .iter()
            .filter_map(|id| groups.iter().find(|group| group.id == *id))
            .map(|group| {
                turn.say_with(
                    "draft-audience-group",
                    &args! { "title" => isolate(turn.lang, &group.title) },
                )
            })
            .collect::<Vec<_>>();
        Ok(self.locales.list(turn.lang, &names))
    }
}
