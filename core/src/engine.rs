//! The conversation engine: an [`Incoming`] in, the [`Outgoing`] replies out, given the stored
//! state and the time. Every channel runs the same flows through it.

use crate::args;
use crate::association::InviteCode;
use crate::broadcast::BroadcastStore;
use crate::broadcast::dialogue::AnnounceStep;
use crate::clock::Clock;
use crate::command::{self, COMMANDS, Command, Spec};
use crate::content::Library;
use crate::conversation::{Action, Conversation, ConversationStore, Offer, Step};
use crate::conversation::{SessionAction, SessionStep};
use crate::language::Language;
use crate::learning::LearningStore;
use crate::locale::{Localizer, count, isolate};
use crate::meeting::dialogue::OrganizeStep;
use crate::message::{ChatKind, Choice, Event, Incoming, Outgoing, Span, Text};
use crate::outbox::{OutboxItem, OutboxMessage};
use crate::person::{Access, Channel, Person};
use crate::role::Role;
use crate::store::{JoinOutcome, RedeemError, Store, StoreError};
use crate::text::{MAX_MESSAGE_CHARS, clean_line, clean_message};
use chrono::{DateTime, Utc};
use fluent_bundle::FluentArgs;
use std::sync::{Arc, RwLock};

mod announce;
pub mod campaign;
pub mod certify;
mod daily;
mod gathering;
mod groups;
mod label;
mod learn;
mod manage;
mod organize;

/// The longest display name kept from a channel.
const MAX_DISPLAY_NAME: usize = 64;
/// The longest message remembered to be handled after the language is chosen.
const MAX_RESUME: usize = 256;

/// What the engine made of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handled {
    pub replies: Vec<Outgoing>,
    /// A pressed choice or a poll answer was taken and its keyboard is spent (an adapter then retires
    /// it); asking for a calendar file spends nothing.
    pub accepted: bool,
    /// A short acknowledgement of a press that a channel may show as a passing notice rather than
    /// a message (Telegram's answer to a button press): answers pressed in a group would otherwise
    /// flood it.
    pub notice: Option<String>,
}

impl Handled {
    /// The replies, with the notice as a message of its own for channels that have no passing notices.
    pub fn into_replies(self) -> Vec<Outgoing> {
        let mut replies = self.replies;
        replies.extend(self.notice.map(|notice| Outgoing::text(Text::plain(notice))));
        replies
    }
}

/// Every port the engine reads and writes: one bound to name, and one line to add when a
/// feature brings its own store trait.
pub trait EngineStore:
    Store
    + ConversationStore
    + LearningStore
    + BroadcastStore
    + crate::meeting::MeetingStore
    + crate::certificate::CertificateStore
    + crate::label::LabelStore
    + crate::campaign::CampaignStore
    + crate::outbox::OutboxStore
{
}

impl<S> EngineStore for S where
    S: Store
        + ConversationStore
        + LearningStore
        + BroadcastStore
        + crate::meeting::MeetingStore
        + crate::certificate::CertificateStore
        + crate::label::LabelStore
        + crate::campaign::CampaignStore
        + crate::outbox::OutboxStore
{
}

pub struct Engine<S> {
    store: S,
    clock: Arc<dyn Clock>,
    locales: Arc<Localizer>,
    /// The toolboxes taught; replaced whole when a pack is imported.
    library: RwLock<Arc<Library>>,
    /// The channels' states, which they set and the HTTP server reports.
    health: crate::health::Health,
    /// Where certificates are published, and who draws them.
    publishing: RwLock<Arc<crate::certificate::Publishing>>,
}

/// What one turn knows about the person it answers.
struct Turn<'a> {
    person: Person,
    lang: Language,
    access: Access,
    conversation: Conversation,
    /// The conversation as the store has it: saved at the end of the turn if they differ.
    stored: Conversation,
    channel: Channel,
    chat_kind: ChatKind,
    chat_id: String,
    private_link: Option<String>,
    /// How commands are typed where this turn is answered (the channel's choice).
    command_prefix: char,
    /// Whether the choice or poll answer of this event belonged to the live offer.
    accepted: bool,
    /// An acknowledgement to show as a passing notice ([`Handled::notice`]).
    notice: Option<String>,
    now: DateTime<Utc>,
    locales: &'a Localizer,
}

impl Turn<'_> {
    fn say(&self, id: &str) -> String {
        self.locales.text(self.lang, id, None)
    }

    fn say_with(&self, id: &str, args: &FluentArgs) -> String {
        self.locales.text(self.lang, id, Some(args))
    }

    fn name(&self) -> String {
        isolate(self.lang, &self.person.display_name)
    }

    /// A command as people type it on this channel.
    fn command(&self, name: &str) -> String {
        format!("{}{name}", self.command_prefix)
    }

    /// In a group chat, the refusal `id` that points to a private chat where `command` is to be
    /// sent; `None` in a private chat.
    fn private_only(&self, id: &str, command: &str) -> Option<Vec<Outgoing>> {
        (self.chat_kind == ChatKind::Group).then(|| {
            let link = self.private_link.clone().unwrap_or_else(|| "none".to_owned());
            let args = args! { "command" => self.command(command), "learn" => self.command(command), "link" => link };
            vec![Outgoing::text(Text::plain(self.say_with(id, &args)))]
        })
    }

    /// The key of the confirmation being pressed: the person and the live offer's nonce. Stored
    /// with what it creates, it makes a second press of the same button create nothing more.
    fn confirmation_key(&self) -> Option<String> {
        let offer = self.conversation.offer.as_ref()?;
        Some(format!("{}:{}", self.person.id.0, offer.nonce))
    }

    /// The answer to a press on a choice that is not, or no longer, on offer.
    fn expired(&self) -> Vec<Outgoing> {
        vec![Outgoing::text(Text::plain(self.say("choice-expired")))]
    }

    fn role_name(&self, role: Role) -> String {
        self.locales.role_name(self.lang, role)
    }
}

impl<S: EngineStore> Engine<S> {
    /// The engine over `store`, telling time by `clock` (the system's in service, a fake one in
    /// tests), speaking through `locales`.
    pub fn new(store: S, clock: impl Clock + 'static, locales: Arc<Localizer>) -> Self {
        Engine {
            store,
            clock: Arc::new(clock),
            locales,
            library: RwLock::new(Arc::new(Library::default())),
            health: crate::health::Health::default(),
            publishing: RwLock::new(Arc::new(crate::certificate::Publishing::default())),
        }
    }

    /// Adds choices to a person's live offer and stores it: the keyboards already on screen stay
    /// valid. For messages the person did not ask for (a daily lesson, an invitation).
    /// The offer belongs to `chat`: one shown in another chat is replaced.
    async fn offer_more(
        &self,
        person: crate::person::PersonId,
        chat: &str,
        entries: Vec<(String, Action)>,
    ) -> Result<Vec<Choice>, StoreError> {
        let mut conversation = self.store.conversation(person).await?;
        if conversation
            .offer
            .as_ref()
            .is_some_and(|offer| offer.chat.as_deref() != Some(chat))
        {
            conversation.offer = None;
        }
        let choices = conversation
            .offer
            .get_or_insert_with(|| Offer::in_chat(Vec::new(), chat))
            .add(entries);
        self.store
            .save_conversation(person, &conversation, self.clock.now())
            .await?;
        Ok(choices)
    }

    /// Teaches `library` from the next event on.
    pub fn set_library(&self, library: Library) {
        *self.library.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(library);
    }

    pub fn library(&self) -> Arc<Library> {
        self.library
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn locales(&self) -> &Localizer {
        &self.locales
    }

    pub fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    /// The channels' states (each channel sets its own).
    pub fn health(&self) -> &crate::health::Health {
        &self.health
    }

    /// Answers one event. Never fails: a storage failure is logged and answered with a localised
    /// apology, and nothing half-done is kept (each change is one transaction).
    pub async fn handle(&self, incoming: &Incoming) -> Vec<Outgoing> {
        self.handle_event(incoming).await.into_replies()
    }

    /// Like [`Engine::handle`], and tells whether a pressed choice or a poll answer was taken
    /// (an adapter then retires the keyboard it was pressed on).
    pub async fn handle_event(&self, incoming: &Incoming) -> Handled {
        match self.turn(incoming).await {
            Ok(handled) => handled,
            Err(error) => {
                tracing::error!(%error, identity = %incoming.identity, "could not handle an event");
                let lang = incoming
                    .client_language
                    .as_deref()
                    .and_then(Language::from_client_code)
                    .unwrap_or(Language::FALLBACK);
                Handled {
                    replies: vec![Outgoing::text(Text::plain(self.locales.text(
                        lang,
                        "error-technical",
                        None,
                    )))],
                    accepted: false,
                    notice: None,
                }
            }
        }
    }

    async fn turn(&self, incoming: &Incoming) -> Result<Handled, StoreError> {
        let now = self.clock.now();
        let hint = incoming.client_language.as_deref().and_then(Language::from_client_code);
        let mut name: String = clean_line(&incoming.display_name)
            .chars()
            .take(MAX_DISPLAY_NAME)
            .collect();
        if name.is_empty() {
            name = incoming.identity.user.chars().take(MAX_DISPLAY_NAME).collect();
        }
        let person = self.store.person_for(&incoming.identity, &name, hint, now).await?;
        if incoming.chat.kind == ChatKind::Private {
            self.store
                .note_private_chat(&incoming.identity, &incoming.chat.id)
                .await?;
        }
        let conversation = self.store.conversation(person.id).await?;
        let access = self.store.access(person.id).await?;
        let mut turn = Turn {
            lang: person.language.unwrap_or(Language::FALLBACK),
            person,
            access,
            conversation: conversation.clone(),
            stored: conversation,
            channel: incoming.identity.channel,
            chat_kind: incoming.chat.kind,
            chat_id: incoming.chat.id.clone(),
            private_link: incoming.chat.private_link.clone(),
            command_prefix: incoming.chat.command_prefix,
            accepted: false,
            notice: None,
            now,
            locales: &self.locales,
        };
        let replies = match &incoming.event {
            Event::Text(text) => self.on_text(&mut turn, text, true).await?,
            Event::Choice(data) => self.on_choice(&mut turn, data).await?,
            Event::PollAnswer { poll, options } => self.on_poll_answer(&mut turn, poll, options).await?,
        };
        // An offer belongs to the chat it was shown in (a press from elsewhere is forged).
        if let Some(offer) = &mut turn.conversation.offer
            && offer.chat.is_none()
        {
            offer.chat = Some(turn.chat_id.clone());
        }
        if turn.conversation != turn.stored {
            self.store
                .save_conversation(turn.person.id, &turn.conversation, now)
                .await?;
        }
        Ok(Handled {
            replies,
            accepted: turn.accepted,
            notice: turn.notice,
        })
    }

    async fn on_text(&self, turn: &mut Turn<'_>, raw: &str, may_resume: bool) -> Result<Vec<Outgoing>, StoreError> {
        if raw.chars().count() > MAX_MESSAGE_CHARS {
            let args = args! { "max" => count(MAX_MESSAGE_CHARS as i64) };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("input-too-long", &args),
            ))]);
        }
        let text = clean_message(raw);
        if text.is_empty() {
            return Ok(vec![self.hint(turn, "input-empty")]);
        }
        if let Step::Session(SessionStep::ChoosingLanguage { resume }) = &turn.conversation.step
            && let Some(language) = Language::from_typed_name(&text)
        {
            let resume = resume.clone();
            return self.choose_language(turn, language, resume, may_resume).await;
        }
        // In a group the language question would be everyone's business: answer in the fallback
        // language there, and ask in a private chat.
        if turn.person.language.is_none() && turn.chat_kind == ChatKind::Private {
            let resume = match &turn.conversation.step {
                Step::Session(SessionStep::ChoosingLanguage { resume: Some(earlier) }) => Some(earlier.clone()),
                _ => (command::parse(&text).is_some() && text.chars().count() <= MAX_RESUME).then(|| text.clone()),
            };
            return Ok(vec![self.offer_languages(turn, resume)]);
        }
        if matches!(
            turn.conversation.step,
            Step::Session(SessionStep::ChoosingLanguage { .. })
        ) {
            turn.conversation.step = Step::Session(SessionStep::Idle);
        }
        let Some(typed) = command::parse(&text) else {
            if turn.chat_kind == ChatKind::Private {
                match &turn.conversation.step {
                    Step::Organize(OrganizeStep::Drafting { .. }) => return self.draft_input(turn, &text).await,
                    Step::Announce(AnnounceStep::Announcing {
                        translating: Some(_), ..
                    }) => return self.broadcast_input(turn, &text).await,
                    Step::Certify(crate::certificate::dialogue::CertifyStep::CertificateName { .. }) => {
                        return self.certificate_name_input(turn, &text).await;
                    }
                    Step::Campaign(crate::campaign::dialogue::CampaignStep::Proposing { .. }) => {
                        return self.proposal_input(turn, &text).await;
                    }
                    Step::Campaign(crate::campaign::dialogue::CampaignStep::WritingStatement { .. }) => {
                        return self.statement_input(turn, &text).await;
                    }
                    _ => {}
                }
            }
            return Ok(vec![self.hint(turn, "free-text")]);
        };
        let Some(spec) = Spec::find(&typed.name) else {
            let shown: String = typed.name.chars().take(32).collect();
            let args = args! { "command" => turn.command(&shown), "help" => turn.command("help") };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("command-unknown", &args),
            ))]);
        };
        if !spec.allows(&turn.access) {
            return Ok(Self::not_allowed(turn));
        }
        match spec.command {
            Command::Start => self.start(turn, typed.argument).await,
            Command::Language => Ok(vec![self.offer_languages(turn, None)]),
            Command::Help => Ok(vec![self.help(turn)]),
            // What a person's roles, progress and invitations are is theirs: not for a group.
            Command::Profile
            | Command::Progress
            | Command::Meetings
            | Command::Certificates
            | Command::Label
            | Command::Votes
            | Command::Statements
            | Command::Delegate
            | Command::Propose
            | Command::Campaigns
            | Command::Vote
            | Command::NewStatement
            | Command::VoteLog
                if let Some(refusal) = turn.private_only("private-data-only", spec.name) =>
            {
                Ok(refusal)
            }
            Command::Profile => Ok(vec![self.profile(turn)]),
            Command::Learn => self.learn(turn).await,
            Command::Progress => self.progress(turn).await,
            Command::Review => self.review(turn).await,
            Command::Daily => self.daily(turn, typed.argument).await,
            Command::TimeZone => self.time_zone(turn, typed.argument).await,
            Command::Mute => self.mute(turn, typed.argument, true).await,
            Command::Unmute => self.mute(turn, typed.argument, false).await,
            Command::Broadcast => self.prepare_broadcast(turn, typed.argument).await,
            Command::Meetings => self.list_meetings(turn).await,
            Command::NewMeeting => self.new_meeting(turn).await,
            Command::Organize => self.organize(turn).await,
            Command::GroupLanguage => self.group_language(turn, typed.argument).await,
            Command::ClaimGroup => self.claim_group(turn, typed.argument).await,
            Command::Certificates if !typed.argument.is_empty() => self.certificate_email(turn, typed.argument).await,
            Command::Certificates => self.certificates(turn).await,
            Command::Verify => self.verify(turn, typed.argument).await,
            Command::Label => self.label(turn, typed.argument).await,
            Command::Votes => self.votes(turn).await,
            Command::Statements => self.statements(turn).await,
            Command::Delegate => self.delegate(turn).await,
            Command::Propose => self.propose(turn).await,
            Command::Campaigns => self.campaigns(turn).await,
            Command::Vote => self.vote_command(turn, typed.argument).await,
            Command::NewStatement => self.new_statement(turn).await,
            Command::VoteLog => self.vote_log(turn, typed.argument).await,
        }
    }

    /// The choice router: a press goes to what it belongs to. A meeting's own buttons carry the
    /// meeting (they stay valid whatever the person does next, so they are not "accepted"); every
    /// other choice is an action of the person's live offer, routed to its feature's arm.
    async fn on_choice(&self, turn: &mut Turn<'_>, data: &str) -> Result<Vec<Outgoing>, StoreError> {
        if let Some((meeting, press)) = crate::meeting::press::parse_press(data) {
            return match self.meeting_press(&mut *turn, meeting, press).await? {
                Some(replies) => Ok(replies),
                None => Ok(Self::stale_press(turn)),
            };
        }
        if let Some(press) = crate::campaign::press::CampaignPress::parse(data) {
            return self.campaign_press(turn, press).await;
        }
        let action = turn
            .conversation
            .offer
            .as_ref()
            .filter(|offer| offer.shown_in(&turn.chat_id))
            .and_then(|offer| offer.action_for(data))
            .cloned();
        turn.accepted = action.is_some();
        match action {
            None => Ok(Self::stale_press(turn)),
            Some(Action::Session(SessionAction::SetLanguage { language })) => {
                let resume = match &turn.conversation.step {
                    Step::Session(SessionStep::ChoosingLanguage { resume }) => resume.clone(),
                    _ => None,
                };
                self.choose_language(turn, language, resume, true).await
            }
            Some(Action::Learn(action)) => self.on_learn_action(turn, action).await,
            Some(Action::Announce(action)) => self.on_announce_action(turn, action).await,
            Some(Action::Organize(action)) => self.on_organize_action(turn, action).await,
            Some(Action::Certify(action)) => self.on_certify_action(turn, action).await,
            Some(Action::Label(action)) => self.on_label_action(turn, action).await,
            Some(Action::Campaign(action)) => self.on_campaign_action(turn, action).await,
        }
    }

    /// The outbox renderer: a queued message for its recipient, in their language, at delivery
    /// time, written by the feature it belongs to;
    /// `command_prefix` is how the delivering channel types commands.
    pub async fn render(&self, item: &OutboxItem, command_prefix: char) -> Result<Vec<Outgoing>, StoreError> {
        match &item.message {
            OutboxMessage::Daily { .. } => match item.person {
                Some(person) => {
                    self.daily_lesson(person, item.channel, &item.chat, command_prefix)
                        .await
                }
                None => Err(StoreError::Corrupt("a daily lesson without its person".into())),
            },
            OutboxMessage::Broadcast { broadcast } => self.render_broadcast(item, *broadcast).await,
            OutboxMessage::Invitation { meeting }
            | OutboxMessage::Reminder { meeting, .. }
            | OutboxMessage::Change { meeting }
            | OutboxMessage::Cancellation { meeting } => self.render_meeting_news(item, *meeting).await,
            OutboxMessage::Reply(reply) => Ok(vec![reply.clone()]),
            OutboxMessage::Certificate { certificate } | OutboxMessage::CertificateExpiring { certificate } => {
                self.render_certificate_news(item, *certificate, command_prefix).await
            }
            OutboxMessage::LabelLost {
                association, criteria, ..
            } => {
                self.render_label_lost(item, *association, criteria, command_prefix)
                    .await
            }
            OutboxMessage::VoteOpened { .. }
            | OutboxMessage::VoteCount { .. }
            | OutboxMessage::VoteReminder { .. }
            | OutboxMessage::VoteExtended { .. }
            | OutboxMessage::VoteResult { .. }
            | OutboxMessage::StatementPosted { .. }
            | OutboxMessage::StatementChanged { .. }
            | OutboxMessage::StatementClosed { .. } => self.render_campaign_news(item).await,
        }
    }

    /// The answer to something this person's roles do not (or no longer) allow.
    fn not_allowed(turn: &Turn<'_>) -> Vec<Outgoing> {
        let args = args! { "help" => turn.command("help") };
        vec![Outgoing::text(Text::plain(turn.say_with("command-not-allowed", &args)))]
    }

    /// The poll router: a poll is an offer sent as a poll (its id is the offer's nonce), and its
    /// answer goes to the feature its options belong to. An answer to any other poll is stale.
    async fn on_poll_answer(
        &self,
        turn: &mut Turn<'_>,
        poll: &str,
        options: &[usize],
    ) -> Result<Vec<Outgoing>, StoreError> {
        let belongs_to = turn
            .conversation
            .offer
            .as_ref()
            .filter(|offer| offer.nonce == poll && offer.shown_in(&turn.chat_id))
            .and_then(|offer| offer.actions.first());
        match belongs_to {
            Some(Action::Learn(_)) => self.on_learn_poll_answer(turn, options).await,
            _ => Ok(turn.expired()),
        }
    }

    /// The answer to a press that is stale, forged or someone else's. In a group it is everyone's
    /// noise: a passing notice to the presser will do.
    fn stale_press(turn: &mut Turn<'_>) -> Vec<Outgoing> {
        if turn.chat_kind == ChatKind::Group {
            turn.notice = Some(turn.say("choice-expired"));
            Vec::new()
        } else {
            turn.expired()
        }
    }

    async fn choose_language(
        &self,
        turn: &mut Turn<'_>,
        language: Language,
        resume: Option<String>,
        may_resume: bool,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let first_time = turn.person.language.is_none();
        self.store.set_language(turn.person.id, language).await?;
        turn.person.language = Some(language);
        turn.lang = language;
        // A lesson or quiz under way stays where it was; only the language question is over.
        if matches!(
            turn.conversation.step,
            Step::Session(SessionStep::ChoosingLanguage { .. })
        ) {
            turn.conversation.step = Step::Session(SessionStep::Idle);
        }
        turn.conversation.offer = None;
        let mut replies = vec![Outgoing::text(Text::plain(turn.say("language-set")))];
        match resume {
            Some(text) if may_resume => {
                replies.extend(Box::pin(self.on_text(turn, &text, false)).await?);
            }
            _ if first_time && !turn.access.is_member() => replies.push(self.not_member_welcome(turn)),
            _ => {}
        }
        Ok(replies)
    }

    /// The language picker: one prompt per language, each in its own script, and each language's
    /// name written in itself.
    fn offer_languages(&self, turn: &mut Turn<'_>, resume: Option<String>) -> Outgoing {
        let mut prompt = Text::default();
        // Always in the same order, so that a typed number means the same language every time.
        let languages = Language::ALL;
        for (i, &language) in languages.iter().enumerate() {
            if i > 0 {
                prompt = prompt.line_break();
            }
            prompt = prompt.then_plain(self.locales.text(language, "language-prompt", None));
        }
        let offer = Offer::new(
            languages
                .iter()
                .map(|&language| Action::Session(SessionAction::SetLanguage { language }))
                .collect(),
        );
        let choices = languages
            .iter()
            .enumerate()
            .map(|(i, &language)| Choice {
                label: self.locales.language_name(language),
                data: offer.data(i),
            })
            .map(|choice| vec![choice])
            .collect();
        turn.conversation = Conversation {
            step: Step::Session(SessionStep::ChoosingLanguage { resume }),
            offer: Some(offer),
        };
        Outgoing::with_choices(prompt, choices)
    }

    async fn start(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        if argument.is_empty() {
            if turn.access.is_member() {
                let args = args! { "name" => turn.name() };
                let welcome = Outgoing::text(Text::plain(turn.say_with("start-welcome-back", &args)));
                return Ok(vec![welcome, self.help(turn)]);
            }
            return Ok(vec![self.not_member_welcome(turn)]);
        }
        // A code typed in a group is everyone's to copy: it is not taken there, nor said back.
        if let Some(refusal) = turn.private_only("invite-private-only", "start") {
            return Ok(refusal);
        }
        // Guessing is slowed down: after a few wrong codes in a row, nothing is looked up until
        // a wait that doubles with each further wrong one.
        let failures = self.store.code_failures(turn.person.id).await?;
        if let Some(wait) = failures.wait(turn.now) {
            let minutes = (wait.num_seconds() + 59) / 60;
            let args = args! { "minutes" => minutes.max(1) };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("invite-too-many-tries", &args),
            ))]);
        }
        let redeemed = match InviteCode::parse(argument) {
            Some(code) => self.store.redeem_invite(turn.person.id, &code, turn.now).await,
            None => Err(RedeemError::Unknown),
        };
        let redemption = match redeemed {
            Ok(redemption) => redemption,
            Err(RedeemError::Unknown) => {
                self.store.record_code_failure(turn.person.id, turn.now).await?;
                return Ok(vec![self.invite_refused(turn, "invite-unknown")]);
            }
            Err(RedeemError::Expired) => return Ok(vec![self.invite_refused(turn, "invite-expired")]),
            Err(RedeemError::Revoked) => return Ok(vec![self.invite_refused(turn, "invite-revoked")]),
            Err(RedeemError::UsedUp) => return Ok(vec![self.invite_refused(turn, "invite-used-up")]),
            Err(RedeemError::RoleTakenBack) => {
                return Ok(vec![self.invite_refused(turn, "invite-role-taken-back")]);
            }
            Err(RedeemError::Store(error)) => return Err(error),
        };
        if failures.count > 0 {
            self.store.clear_code_failures(turn.person.id).await?;
        }
        turn.access = self.store.access(turn.person.id).await?;
        let association = isolate(turn.lang, &redemption.association.name);
        let (id, role) = match redemption.outcome {
            JoinOutcome::Joined => ("start-joined", redemption.role),
            JoinOutcome::Promoted { .. } => ("start-promoted", redemption.role),
            JoinOutcome::AlreadyMember { role } => ("start-already-member", role),
        };
        let args = args! { "name" => turn.name(), "association" => association, "role" => turn.role_name(role) };
        let mut replies = vec![Outgoing::text(Text::plain(turn.say_with(id, &args)))];
        if redemption.outcome != (JoinOutcome::AlreadyMember { role }) {
            replies.push(self.help(turn));
        }
        Ok(replies)
    }

    fn invite_refused(&self, turn: &Turn<'_>, id: &str) -> Outgoing {
        let args = args! { "start" => turn.command("start") };
        Outgoing::text(Text::plain(turn.say_with(id, &args)))
    }

    fn not_member_welcome(&self, turn: &Turn<'_>) -> Outgoing {
        let args = args! { "name" => turn.name(), "start" => turn.command("start"), "help" => turn.command("help") };
        Outgoing::text(Text::plain(turn.say_with("welcome-not-member", &args)))
    }

    /// A short answer that points to /help (and to /start for people who have not joined).
    fn hint(&self, turn: &Turn<'_>, id: &str) -> Outgoing {
        let args = args! {
            "help" => turn.command("help"),
            "start" => turn.command("start"),
            "member" => if turn.access.is_member() { "yes" } else { "no" },
        };
        Outgoing::text(Text::plain(turn.say_with(id, &args)))
    }

    /// What this person may do here, in their language.
    fn help(&self, turn: &Turn<'_>) -> Outgoing {
        let mut text = Text::default().then_bold(turn.say("help-title"));
        for spec in COMMANDS.iter().filter(|spec| spec.allows(&turn.access)) {
            let mut typed = turn.command(spec.name);
            if let Some(argument) = spec.argument {
                typed.push(' ');
                typed.push_str(&turn.say(argument));
            }
            // The command stays a span of its own (code formatting, no isolation marks); the
            // locale decides what separates it from its description.
            let line = turn.say_with(
                "help-line",
                &args! { "command" => "\u{0}", "description" => turn.say(spec.description) },
            );
            let (before, after) = line.split_once('\u{0}').unwrap_or(("", &line));
            text = text
                .line_break()
                .then_plain(format!("• {before}"))
                .then_code(typed)
                .then_plain(after);
        }
        let footer = if turn.access.is_member() {
            "help-footer-member"
        } else {
            "help-footer-not-member"
        };
        let args = args! { "start" => turn.command("start") };
        text = text.line_break().line_break().then_plain(turn.say_with(footer, &args));
        Outgoing::text(text)
    }

    fn profile(&self, turn: &Turn<'_>) -> Outgoing {
        let language = self.locales.language_name(turn.lang);
        let args = args! { "name" => turn.name(), "language" => language };
        let mut text = Text::default()
            .then_bold(turn.say_with("profile-title", &args))
            .line_break();
        text = text.then_plain(turn.say_with("profile-language", &args)).line_break();
        let memberships = &turn.access.memberships;
        let args = args! { "count" => count(memberships.len() as i64) };
        text = text.then_plain(turn.say_with("profile-associations", &args));
        for membership in memberships {
            let args = args! {
                "association" => isolate(turn.lang, &membership.association.name),
                "city" => isolate(turn.lang, &membership.association.city),
                "role" => turn.role_name(membership.role),
            };
            text = text
                .line_break()
                .then_plain("• ")
                .then_plain(turn.say_with("profile-membership", &args));
        }
        for &role in &turn.access.platform_roles {
            let args = args! { "role" => turn.role_name(role) };
            text = text
                .line_break()
                .then_plain("• ")
                .push(Span::Plain(turn.say_with("profile-platform-role", &args)));
        }
        Outgoing::text(text)
    }
}
