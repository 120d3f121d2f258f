//! Announcements: a coordinator writes one, confirms it, and follows its delivery; people mute
//! and unmute topics.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::audience::Audience;
use crate::broadcast::BroadcastId;
use crate::broadcast::dialogue::{AnnounceAction, AnnounceStep};
use crate::broadcast::{NewBroadcast, Topic};
use crate::conversation::SessionStep;
use crate::conversation::{Action, Offer, Step};
use crate::language::Language;
use crate::locale::count;
use crate::message::{Choice, Outgoing, Text};
use crate::outbox::OutboxItem;
use crate::role::Role;
use crate::store::StoreError;
use crate::text::clean_message;
use std::collections::BTreeMap;

impl<S: EngineStore> Engine<S> {
    /// `/broadcast TEXT`: shows the announcement, to every member unless another audience is
    /// chosen, in the writer's language unless texts in the others are added; then asks to confirm.
    pub(super) async fn prepare_broadcast(
        &self,
        turn: &mut Turn<'_>,
        argument: &str,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let text = clean_message(argument);
        if text.is_empty() {
            let args = args! { "broadcast" => turn.command("broadcast") };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("broadcast-usage", &args),
            ))]);
        }
        turn.conversation.step = Step::Announce(AnnounceStep::Announcing {
            texts: BTreeMap::from([(turn.lang, text)]),
            audience: Audience::default(),
            translating: None,
        });
        self.review_broadcast(turn).await
    }

    /// The announcement being written, with what can be done with it.
    async fn review_broadcast(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Announce(AnnounceStep::Announcing { texts, audience, .. }) = &turn.conversation.step else {
            return Ok(Vec::new());
        };
        let (texts, audience) = (texts.clone(), audience.clone());
        let args = args! { "audience" => self.audience_label(turn, &audience).await? };
        let mut preview = Text::default().then_bold(turn.say_with("broadcast-preview", &args));
        for (language, text) in &texts {
            let args = args! { "language" => self.locales.language_name(*language) };
            preview = preview
                .line_break()
                .line_break()
                .then_bold(turn.say_with("broadcast-text-in", &args))
                .line_break()
                .then_plain(text.clone());
        }
        let mut entries = vec![
            (
                turn.say("broadcast-confirm-choice"),
                Action::Announce(AnnounceAction::ConfirmBroadcast),
            ),
            (
                turn.say("broadcast-audience-choice"),
                Action::Announce(AnnounceAction::BroadcastAudiences),
            ),
        ];
        for language in Language::ALL.into_iter().filter(|l| !texts.contains_key(l)) {
            let args = args! { "language" => self.locales.language_name(language) };
            entries.push((
                turn.say_with("broadcast-translate-choice", &args),
                Action::Announce(AnnounceAction::BroadcastTranslate { language }),
            ));
        }
        entries.push((
            turn.say("broadcast-cancel-choice"),
            Action::Announce(AnnounceAction::CancelBroadcast),
        ));
        let choices = Self::offer_choices(turn, entries);
        Ok(vec![Outgoing::with_choices(
            preview,
            choices.into_iter().map(|choice| vec![choice]).collect(),
        )])
    }

    /// Text typed while an announcement's translation is asked.
    pub(super) async fn broadcast_input(&self, turn: &mut Turn<'_>, typed: &str) -> Result<Vec<Outgoing>, StoreError> {
        if let Step::Announce(AnnounceStep::Announcing {
            texts,
            translating: translating @ Some(_),
            ..
        }) = &mut turn.conversation.step
            && let Some(language) = translating.take()
        {
            texts.insert(language, clean_message(typed));
        }
        self.review_broadcast(turn).await
    }

    /// The announcing arm of the choice router: the choices made on an announcement being
    /// written, and a broadcast's delivery report.
    pub(super) async fn on_announce_action(
        &self,
        turn: &mut Turn<'_>,
        action: AnnounceAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        // Checked when the choice is pressed, not only when it was shown: a coordinator whose
        // role was taken back since holds a keyboard that must not send anything.
        if !turn.access.has_at_least(Role::Coordinator) {
            turn.conversation.reset();
            return Ok(Self::not_allowed(turn));
        }
        match action {
            AnnounceAction::CancelBroadcast => return Ok(self.drop_broadcast(turn)),
            AnnounceAction::BroadcastReport { id } => return self.broadcast_report(turn, id).await,
            _ => {}
        }
        let Step::Announce(AnnounceStep::Announcing {
            texts,
            audience,
            translating,
        }) = &mut turn.conversation.step
        else {
            return Ok(turn.expired());
        };
        match action {
            AnnounceAction::ConfirmBroadcast => {
                let (texts, audience) = (std::mem::take(texts), std::mem::take(audience));
                self.send_broadcast(turn, texts, audience).await
            }
            AnnounceAction::BroadcastTranslate { language } => {
                *translating = Some(language);
                let args = args! { "language" => self.locales.language_name(language) };
                let entries = vec![(
                    turn.say("broadcast-cancel-choice"),
                    Action::Announce(AnnounceAction::CancelBroadcast),
                )];
                let choices = Self::offer_choices(turn, entries);
                Ok(vec![Outgoing::with_choices(
                    Text::plain(turn.say_with("broadcast-ask-text-in", &args)),
                    vec![choices],
                )])
            }
            AnnounceAction::BroadcastAudience { audience: chosen } => {
                *audience = chosen.clone();
                self.review_broadcast(turn).await
            }
            AnnounceAction::BroadcastAudiences => {
                // Announcements go to people; group chats are a meeting's audience only.
                let entries = self
                    .audience_choices(turn, false)
                    .await?
                    .into_iter()
                    .map(|(label, audience)| (label, Action::Announce(AnnounceAction::BroadcastAudience { audience })))
                    .collect();
                let choices = Self::offer_choices(turn, entries);
                Ok(vec![Outgoing::with_choices(
                    Text::plain(turn.say("broadcast-ask-audience")),
                    choices.into_iter().map(|choice| vec![choice]).collect(),
                )])
            }
            _ => Ok(Vec::new()),
        }
    }

    fn drop_broadcast(&self, turn: &mut Turn<'_>) -> Vec<Outgoing> {
        turn.conversation.reset();
        vec![Outgoing::text(Text::plain(turn.say("broadcast-cancelled")))]
    }

    async fn send_broadcast(
        &self,
        turn: &mut Turn<'_>,
        texts: BTreeMap<Language, String>,
        audience: Audience,
    ) -> Result<Vec<Outgoing>, StoreError> {
        turn.conversation.step = Step::Session(SessionStep::Idle);
        let broadcast = NewBroadcast {
            author: Some(turn.person.id),
            topic: Topic::Announcements,
            texts,
            audience,
            request: turn.confirmation_key(),
        };
        let (id, queued) = self.store.create_broadcast(&broadcast, turn.now).await?;
        let entries = vec![(
            turn.say("broadcast-report-choice"),
            Action::Announce(AnnounceAction::BroadcastReport { id }),
        )];
        let choices = Self::offer_choices(turn, entries);
        let args = args! { "count" => count(queued as i64), "id" => id.0 };
        Ok(vec![Outgoing::with_choices(
            Text::plain(turn.say_with("broadcast-queued", &args)),
            vec![choices],
        )])
    }

    pub(super) async fn broadcast_report(
        &self,
        turn: &mut Turn<'_>,
        id: BroadcastId,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let report = self.store.delivery_report(id).await?;
        let args = args! {
            "id" => id.0,
            "sent" => count(report.sent as i64),
            "pending" => count(report.pending as i64),
            "failed" => count(report.failed as i64),
            "unreachable" => count(report.unreachable as i64),
        };
        // The same choice again, so the report can be refreshed.
        let offer = Offer::new(vec![Action::Announce(AnnounceAction::BroadcastReport { id })]);
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
        let topic_name = |topic: &Topic| turn.say(&format!("topic-{}", topic.code()));
        let topics = self
            .locales
            .list(turn.lang, &Topic::ALL.iter().map(topic_name).collect::<Vec<_>>());
        let argument = argument.trim();
        if argument.is_empty() {
            let current = self.store.muted(turn.person.id).await?;
            let list = self
                .locales
                .list(turn.lang, &current.iter().map(topic_name).collect::<Vec<_>>());
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
    pub(super) async fn render_broadcast(
        &self,
        item: &OutboxItem,
        id: BroadcastId,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let broadcast = self
            .store
            .broadcast(id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("broadcast {id}")))?;
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
