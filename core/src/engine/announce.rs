//! Announcements: a coordinator writes one, confirms it, and follows its delivery; people mute
//! and unmute topics.

use super::{Engine, Turn};
use crate::args;
use crate::broadcast::{Audience, BroadcastStore, NewBroadcast, Topic};
use crate::clock::Clock;
use crate::conversation::{Action, Offer};
use crate::learning::LearningStore;
use crate::locale::count;
use crate::message::{Choice, Outgoing, Text};
use crate::outbox::OutboxItem;
use crate::store::{Store, StoreError};
use crate::text::clean_message;
use std::collections::BTreeMap;

impl<S: Store + LearningStore + BroadcastStore + crate::meeting::MeetingStore, C: Clock> Engine<S, C> {
    /// `/broadcast TEXT`: shows the announcement and asks to confirm.
    pub(super) fn prepare_broadcast(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let text = clean_message(argument);
        if text.is_empty() {
            let args = args! { "broadcast" => turn.command("broadcast") };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("broadcast-usage", &args),
            ))]);
        }
        let offer = Offer::new(vec![
            Action::SendBroadcast { text: text.clone() },
            Action::CancelBroadcast,
        ]);
        let choices = vec![
            vec![Choice {
                label: turn.say("broadcast-confirm-choice"),
                data: offer.data(0),
            }],
            vec![Choice {
                label: turn.say("broadcast-cancel-choice"),
                data: offer.data(1),
            }],
        ];
        turn.conversation.offer = Some(offer);
        let preview = Text::default()
            .then_bold(turn.say("broadcast-preview"))
            .line_break()
            .then_plain(text);
        Ok(vec![Outgoing::with_choices(preview, choices)])
    }

    pub(super) async fn send_broadcast(&self, turn: &mut Turn<'_>, text: String) -> Result<Vec<Outgoing>, StoreError> {
        let broadcast = NewBroadcast {
            author: Some(turn.person.id),
            topic: Topic::Announcements,
            texts: BTreeMap::from([(turn.lang, text)]),
            audience: Audience::default(),
        };
        let (id, queued) = self.store.create_broadcast(&broadcast, turn.now).await?;
        let offer = Offer::new(vec![Action::BroadcastReport { id }]);
        let choices = vec![vec![Choice {
            label: turn.say("broadcast-report-choice"),
            data: offer.data(0),
        }]];
        turn.conversation.offer = Some(offer);
        let args = args! { "count" => count(queued as i64), "id" => id };
        Ok(vec![Outgoing::with_choices(
            Text::plain(turn.say_with("broadcast-queued", &args)),
            choices,
        )])
    }

    pub(super) async fn broadcast_report(&self, turn: &mut Turn<'_>, id: i64) -> Result<Vec<Outgoing>, StoreError> {
        let report = self.store.delivery_report(id).await?;
        let args = args! {
            "id" => id,
            "sent" => count(report.sent as i64),
            "pending" => count(report.pending as i64),
            "failed" => count(report.failed as i64),
            "unreachable" => count(report.unreachable as i64),
        };
        // The same choice again, so the report can be refreshed.
        let offer = Offer::new(vec![Action::BroadcastReport { id }]);
        let choices = vec![vec![Choice {
            label: turn.say("broadcast-report-choice"),
            data: offer.data(0),
        }]];
        turn.conversation.offer = Some(offer);
        Ok(vec![Outgoing::with_choices(
            Text::plain(turn.say_with("broadcast-report", &args)),
            choices,
        )])
    }

    /// `/mute TOPIC` and `/unmute TOPIC`; without a topic, what is muted.
    pub(super) async fn mute(
        &self,
        turn: &mut Turn<'_>,
        argument: &str,
        muted: bool,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let topics = Topic::ALL
            .iter()
            .map(|topic| turn.say(&format!("topic-{}", topic.code())))
            .collect::<Vec<_>>()
            .join(", ");
        let argument = argument.trim();
        if argument.is_empty() {
            let current = self.store.muted(turn.person.id).await?;
            let list = current
                .iter()
                .map(|topic| turn.say(&format!("topic-{}", topic.code())))
                .collect::<Vec<_>>()
                .join(", ");
            let args = args! {
                "count" => count(current.len() as i64),
                "muted" => list,
                "topics" => topics,
                "mute" => turn.command("mute"),
            };
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with("mute-status", &args)))]);
        }
        let topic = Topic::ALL
            .into_iter()
            .find(|topic| {
                turn.say(&format!("topic-{}", topic.code()))
                    .eq_ignore_ascii_case(argument)
            })
            .or_else(|| argument.parse().ok());
        let Some(topic) = topic else {
            let args = args! { "topics" => topics, "mute" => turn.command("mute") };
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with("mute-unknown", &args)))]);
        };
        self.store.set_muted(turn.person.id, topic, muted).await?;
        let args = args! {
            "topic" => turn.say(&format!("topic-{}", topic.code())),
            "unmute" => turn.command("unmute"),
            "mute" => turn.command("mute"),
        };
        let id = if muted { "mute-done" } else { "unmute-done" };
        Ok(vec![Outgoing::text(Text::plain(turn.say_with(id, &args)))])
    }

    /// A broadcast for one recipient, in their language.
    pub(super) async fn render_broadcast(&self, item: &OutboxItem) -> Result<Vec<Outgoing>, StoreError> {
        let id = item.payload["broadcast"]
            .as_i64()
            .ok_or_else(|| StoreError("a broadcast message without its broadcast".into()))?;
        let broadcast = self
            .store
            .broadcast(id)
            .await?
            .ok_or_else(|| StoreError(format!("broadcast {id} is gone")))?;
        let language = match item.person {
            Some(person) => self.store.person(person).await?.and_then(|person| person.language),
            None => None,
        }
        .unwrap_or(crate::language::Language::FALLBACK);
        let text = Text::default()
            .then_bold(self.locales.text(language, "broadcast-title", None))
            .line_break()
            .then_plain(broadcast.text_for(language).to_owned());
        Ok(vec![Outgoing::text(text)])
    }
}
