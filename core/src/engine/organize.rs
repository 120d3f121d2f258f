//! The organisers' side of meetings in the chat: `/newmeeting` writes one field by field and
//! invites its audience; `/organize` lists the meetings a person organises, to change them
//! (everyone invited hears of it), cancel them or record who came.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::audience::Audience;
use crate::conversation::{Action, Offer, Step};
use crate::group::{GroupChat, GroupChatId};
use crate::language::Language;
use crate::locale::{count, isolate};
use crate::meeting::dialogue::OrganizeStep;
use crate::meeting::draft::{self, BadStart, DraftAction, Field, MeetingDraft};
use crate::meeting::{Meeting, NewMeeting, Recurrence, Reminders};
use crate::message::{Choice, Outgoing, Text};
use crate::role::Role;
use crate::store::StoreError;
use chrono::{Duration, NaiveDateTime};
use std::collections::BTreeSet;

/// A start as people may type it: without a year, it is the next such day.
const START_EXAMPLE: &str = "15/09 18:30";
/// The lengths offered as choices, in minutes.
const LENGTHS: [u32; 4] = [60, 90, 120, 180];
/// How many associations a coordinator is offered one by one as an audience.
const MAX_ASSOCIATION_CHOICES: usize = 10;

pub(super) fn local_label(local: NaiveDateTime) -> String {
    local.format("%d/%m/%Y %H:%M").to_string()
}

/// Two choices a row.
pub(super) fn rows(choices: Vec<Choice>) -> Vec<Vec<Choice>> {
    choices.chunks(2).map(<[Choice]>::to_vec).collect()
}

/// What the organiser typed, read for the field asked.
enum Read {
    Done,
    /// Refused, with the Fluent id of why (and the field is asked again).
    Refused(&'static str),
}

fn minutes_label(turn: &Turn<'_>, minutes: u32) -> String {
    let args = args! { "hours" => count(i64::from(minutes / 60)), "minutes" => count(i64::from(minutes % 60)) };
    turn.say_with("draft-length-value", &args)
}

impl<S: EngineStore> Engine<S> {
    /// Choices built from `(label, action)` pairs under a new offer, which becomes the live one.
    pub(super) fn offer_choices(turn: &mut Turn<'_>, entries: Vec<(String, Action)>) -> Vec<Choice> {
        let mut offer = Offer::new(Vec::new());
        let choices = offer.add(entries);
        turn.conversation.offer = Some(offer);
        choices
    }

    /// `/newmeeting`: the first question of a new meeting.
    pub(super) async fn new_meeting(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        if let Some(refusal) = turn.private_only("organize-private-only", "newmeeting") {
            return Ok(refusal);
        }
        turn.conversation.step = Step::Organize(OrganizeStep::Drafting {
            draft: Box::new(MeetingDraft::new(turn.person.zone())),
            field: Field::Title,
        });
        self.ask_field(turn).await
    }

    /// Who may be invited by this person: anyone for coordinators, the members of the
    /// associations they manage for managers.
    /// `groups` are the group chats the bot knows: a manager invites only the groups that belong
    /// to an association they manage (a coordinator, any).
    fn may_invite(turn: &Turn<'_>, audience: &Audience, groups: &[GroupChat]) -> bool {
        if turn.access.has_at_least(Role::Coordinator) {
            return true;
        }
        let manages = |association| turn.access.role_in(association) == Some(Role::Manager);
        let owned = |id: &GroupChatId| {
            groups
                .iter()
                .find(|group| group.id == *id)
                .and_then(|group| group.owner)
                .is_some_and(manages)
        };
        (!audience.associations.is_empty() || !audience.groups.is_empty())
            && audience.associations.iter().all(|&association| manages(association))
            && audience.groups.iter().all(owned)
    }

    /// Whether this person may change, cancel and take attendance of `meeting`.
    /// Its organiser, while they may still invite its audience (a manager who no longer manages
    /// the association does not keep its meetings), or a coordinator; checked at each action.
    pub(super) fn may_manage(turn: &Turn<'_>, meeting: &Meeting, groups: &[GroupChat]) -> bool {
        turn.access.has_at_least(Role::Coordinator)
            || (meeting.organizer == Some(turn.person.id) && Self::may_invite(turn, &meeting.audience, groups))
    }

    /// The audiences this person may address, labelled: for a manager the associations they
    /// manage; for a coordinator everyone, the managers, each city, each association, and the
    /// group chats when `with_groups`.
    pub(super) async fn audience_choices(
        &self,
        turn: &Turn<'_>,
        with_groups: bool,
    ) -> Result<Vec<(String, Audience)>, StoreError> {
        let pick = |label: String, audience: Audience| (label, audience);
        if !turn.access.has_at_least(Role::Coordinator) {
            let mut entries: Vec<(String, Audience)> = turn
                .access
                .memberships
                .iter()
                .filter(|membership| membership.role == Role::Manager)
                .map(|membership| {
                    let args = args! { "association" => isolate(turn.lang, &membership.association.name) };
                    pick(
                        turn.say_with("draft-audience-association", &args),
                        Audience {
                            associations: vec![membership.association.id],
                            ..Audience::default()
                        },
                    )
                })
                .collect();
            if with_groups {
                entries.extend(self.group_audience_choices(turn).await?);
            }
            return Ok(entries);
        }
        let mut entries = vec![
            pick(turn.say("draft-audience-all"), Audience::default()),
            pick(
                turn.say("draft-audience-managers"),
                Audience {
                    role: Some(Role::Manager),
                    ..Audience::default()
                },
            ),
        ];
        let associations = self.store.associations().await?;
        let cities: BTreeSet<&str> = associations.iter().map(|a| a.association.city.as_str()).collect();
        for city in cities {
            let args = args! { "city" => isolate(turn.lang, city) };
            entries.push(pick(
                turn.say_with("draft-audience-city", &args),
                Audience {
                    city: Some(city.to_owned()),
                    ..Audience::default()
                },
            ));
        }
        for summary in associations.iter().take(MAX_ASSOCIATION_CHOICES) {
            let args = args! { "association" => isolate(turn.lang, &summary.association.name) };
            entries.push(pick(
                turn.say_with("draft-audience-association", &args),
                Audience {
                    associations: vec![summary.association.id],
                    ..Audience::default()
                },
            ));
        }
        if with_groups {
            entries.extend(self.group_audience_choices(turn).await?);
        }
        Ok(entries)
    }

    pub(super) async fn audience_label(&self, turn: &Turn<'_>, audience: &Audience) -> Result<String, StoreError> {
        if !audience.names_people() {
            return self.groups_label(turn, audience).await;
        }
        let mut names = Vec::new();
        for &id in &audience.associations {
            if let Some(association) = self.store.association(id).await? {
                names.push(isolate(turn.lang, &association.name));
            }
        }
        let args = args! {
            "associations" => if names.is_empty() { "all".to_owned() } else { self.locales.list(turn.lang, &names) },
            "role" => audience.role.map_or_else(|| "none".to_owned(), |role| turn.role_name(role)),
            "city" => audience.city.as_deref().map_or_else(|| "none".to_owned(), |city| isolate(turn.lang, city)),
        };
        Ok(turn.say_with("draft-audience-value", &args))
    }

    fn reminders_label(turn: &Turn<'_>, reminders: &Reminders) -> String {
        let labels: Vec<String> = reminders
            .offsets()
            .iter()
            .map(|offset| minutes_label(turn, u32::try_from(offset.num_minutes()).unwrap_or(0)))
            .collect();
        let args = args! {
            "count" => count(labels.len() as i64),
            "offsets" => turn.locales.list(turn.lang, &labels),
        };
        turn.say_with("draft-reminders-value", &args)
    }

    /// Asks the field of the draft being written (or shows it for review).
    pub(super) async fn ask_field(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Organize(OrganizeStep::Drafting { draft, field }) = &turn.conversation.step else {
            return Ok(Vec::new());
        };
        let (draft, field) = (draft.as_ref().clone(), *field);
        let mut entries: Vec<(String, Action)> = Vec::new();
        let prompt = match field {
            Field::Review => return self.review_draft(turn, &draft).await,
            Field::Start => {
                let args = args! { "zone" => draft.zone.name(), "example" => START_EXAMPLE };
                turn.say_with("draft-ask-start", &args)
            }
            Field::Length => {
                for minutes in LENGTHS {
                    entries.push((
                        minutes_label(turn, minutes),
                        Action::from(DraftAction::Length { minutes }),
                    ));
                }
                turn.say("draft-ask-length")
            }
            Field::Repeat => {
                for recurrence in [
                    Recurrence::None,
                    Recurrence::Weekly { every: 1 },
                    Recurrence::Weekly { every: 2 },
                    Recurrence::Monthly { every: 1 },
                ] {
                    entries.push((
                        self.repeat_label(turn.lang, &recurrence),
                        Action::from(DraftAction::Repeat { recurrence }),
                    ));
                }
                turn.say("draft-ask-repeat")
            }
            Field::Reminders => {
                let one = |offset| Reminders::new([offset]).expect("a day and an hour are valid offsets");
                for reminders in [
                    Reminders::default(),
                    one(Duration::days(1)),
                    one(Duration::hours(1)),
                    Reminders::none(),
                ] {
                    entries.push((
                        Self::reminders_label(turn, &reminders),
                        Action::from(DraftAction::Reminders { reminders }),
                    ));
                }
                turn.say("draft-ask-reminders")
            }
            Field::Audience => {
                entries = self
                    .audience_choices(turn, true)
                    .await?
                    .into_iter()
                    .map(|(label, audience)| (label, Action::from(DraftAction::Audience { audience })))
                    .collect();
                turn.say("draft-ask-audience")
            }
            Field::TitleIn(language) | Field::AgendaIn(language) => {
                let args = args! { "language" => self.locales.language_name(language) };
                turn.say_with(&format!("draft-ask-{}", field.code()), &args)
            }
            _ => turn.say(&format!("draft-ask-{}", field.code())),
        };
        if field.optional() || matches!(field, Field::TitleIn(_)) {
            entries.push((turn.say("draft-skip"), Action::from(DraftAction::Skip)));
        }
        if draft.reviewing {
            entries.push((
                turn.say("draft-back"),
                Action::from(DraftAction::Change { field: Field::Review }),
            ));
        }
        entries.push((turn.say("draft-discard"), Action::from(DraftAction::Discard)));
        let choices = Self::offer_choices(turn, entries);
        // The first question of a new meeting says what is starting.
        let text = if field == Field::Title && draft.editing.is_none() && !draft.reviewing {
            Text::default()
                .then_bold(turn.say("draft-new-heading"))
                .line_break()
                .then_plain(prompt)
        } else {
            Text::plain(prompt)
        };
        Ok(vec![Outgoing::with_choices(text, rows(choices))])
    }

    /// Everything written so far, with the choices to send it or change a field.
    async fn review_draft(&self, turn: &mut Turn<'_>, draft: &MeetingDraft) -> Result<Vec<Outgoing>, StoreError> {
        let heading = if draft.editing.is_some() {
            "draft-review-edit"
        } else {
            "draft-review-new"
        };
        let mut text = Text::default().then_bold(turn.say(heading));
        for (language, title) in &draft.title {
            let args = args! {
                "language" => self.locales.language_name(*language),
                "title" => title.clone(),
            };
            text = text.line_break().then_plain(turn.say_with("draft-show-title", &args));
        }
        if let (Some(start), Some(minutes)) = (draft.start, draft.minutes) {
            let args = args! {
                "when" => format!("{} ({})", local_label(start), draft.zone.name()),
                "length" => minutes_label(turn, minutes),
            };
            text = text.line_break().then_plain(turn.say_with("draft-show-when", &args));
        }
        text = text.line_break().then_plain(turn.say_with(
            "draft-show-repeat",
            &args! { "repeat" => self.repeat_label(turn.lang, &draft.recurrence) },
        ));
        if let Some(place) = &draft.place {
            text = text
                .line_break()
                .then_plain(turn.say_with("meeting-place", &args! { "place" => place.clone() }));
        }
        if let Some(link) = &draft.link {
            text = text
                .line_break()
                .then_plain(turn.say_with("meeting-link", &args! { "link" => link.clone() }));
        }
        for (language, agenda) in &draft.agenda {
            let args = args! {
                "language" => self.locales.language_name(*language),
                "agenda" => agenda.clone(),
            };
            text = text.line_break().then_plain(turn.say_with("draft-show-agenda", &args));
        }
        text = text.line_break().then_plain(turn.say_with(
            "draft-show-reminders",
            &args! { "reminders" => Self::reminders_label(turn, &draft.reminders) },
        ));
        if let Some(audience) = &draft.audience {
            let audience = self.audience_label(turn, audience).await?;
            text = text
                .line_break()
                .then_plain(turn.say_with("draft-show-audience", &args! { "audience" => audience }));
        }
        let confirm = if draft.editing.is_some() {
            "draft-confirm-edit"
        } else {
            "draft-confirm-new"
        };
        let mut entries = vec![(turn.say(confirm), Action::from(DraftAction::Confirm))];
        let sent = draft.editing.is_some();
        for field in Field::ALL.into_iter().filter(|f| !sent || f.changeable_once_sent()) {
            entries.push((
                turn.say(&format!("draft-change-{}", field.code())),
                Action::from(DraftAction::Change { field }),
            ));
        }
        for language in Language::ALL {
            if !draft.title.contains_key(&language) {
                let args = args! { "language" => self.locales.language_name(language) };
                entries.push((
                    turn.say_with("draft-translate", &args),
                    Action::from(DraftAction::Change {
                        field: Field::TitleIn(language),
                    }),
                ));
            }
        }
        entries.push((turn.say("draft-discard"), Action::from(DraftAction::Discard)));
        let choices = Self::offer_choices(turn, entries);
        Ok(vec![Outgoing::with_choices(text, rows(choices))])
    }

    /// Text typed while a meeting is being written: the answer to the field asked.
    pub(super) async fn draft_input(&self, turn: &mut Turn<'_>, typed: &str) -> Result<Vec<Outgoing>, StoreError> {
        let now = turn.now;
        let lang = turn.lang;
        let Step::Organize(OrganizeStep::Drafting { draft, field }) = &mut turn.conversation.step else {
            return Ok(Vec::new());
        };
        let field = *field;
        let read = match field {
            Field::Title | Field::TitleIn(_) => match draft::read_title(typed) {
                Some(title) => {
                    let language = if let Field::TitleIn(language) = field {
                        language
                    } else {
                        lang
                    };
                    draft.title.insert(language, title);
                    Read::Done
                }
                None => Read::Refused("draft-title-bad"),
            },
            Field::Start => match draft::read_start(typed, draft.zone, now, super::daily::zone_named) {
                Ok((start, zone)) => {
                    draft.start = Some(start);
                    draft.zone = zone;
                    Read::Done
                }
                Err(BadStart::Unreadable) => Read::Refused("draft-start-bad"),
                Err(BadStart::Past) => Read::Refused("draft-start-past"),
                Err(BadStart::TooFar) => Read::Refused("draft-start-far"),
            },
            Field::Length => match draft.start.and_then(|start| draft::read_end(typed, start)) {
                Some(minutes) => {
                    draft.minutes = Some(minutes);
                    Read::Done
                }
                None => Read::Refused("draft-length-bad"),
            },
            Field::Place => match draft::read_place(typed) {
                Some(place) => {
                    draft.place = Some(place);
                    Read::Done
                }
                None => Read::Refused("draft-place-bad"),
            },
            Field::Link => match draft::read_link(typed) {
                Some(link) => {
                    draft.link = Some(link);
                    Read::Done
                }
                None => Read::Refused("draft-link-bad"),
            },
            Field::Agenda | Field::AgendaIn(_) => match draft::read_agenda(typed) {
                Some(agenda) => {
                    let language = if let Field::AgendaIn(language) = field {
                        language
                    } else {
                        lang
                    };
                    draft.agenda.insert(language, agenda);
                    Read::Done
                }
                None => Read::Refused("draft-agenda-bad"),
            },
            Field::Reminders => match draft::read_reminders(typed) {
                Some(reminders) => {
                    draft.reminders = reminders;
                    Read::Done
                }
                None => Read::Refused("draft-reminders-bad"),
            },
            Field::Repeat | Field::Audience | Field::Review => Read::Refused("draft-use-choices"),
        };
        match read {
            Read::Done => self.advance(turn, field).await,
            Read::Refused(id) => {
                let args = args! {
                    "example" => START_EXAMPLE,
                    "title_max" => count(draft::MAX_TITLE as i64),
                    "place_max" => count(draft::MAX_PLACE as i64),
                    "agenda_max" => count(draft::MAX_AGENDA as i64),
                };
                let mut replies = vec![Outgoing::text(Text::plain(turn.say_with(id, &args)))];
                replies.extend(self.ask_field(turn).await?);
                Ok(replies)
            }
        }
    }

    /// Moves the draft on from `field`, answered.
    async fn advance(&self, turn: &mut Turn<'_>, answered: Field) -> Result<Vec<Outgoing>, StoreError> {
        if let Step::Organize(OrganizeStep::Drafting { draft, field }) = &mut turn.conversation.step {
            let next = draft.after(answered);
            if next == Field::Review {
                draft.reviewing = true;
            }
            *field = next;
        }
        self.ask_field(turn).await
    }

    /// A choice of the meeting dialogue.
    pub(super) async fn on_draft_action(
        &self,
        turn: &mut Turn<'_>,
        action: DraftAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Organize(OrganizeStep::Drafting { draft, field }) = &turn.conversation.step else {
            return Ok(turn.expired());
        };
        let (mut draft, answered) = (draft.as_ref().clone(), *field);
        match action {
            DraftAction::Discard => {
                turn.conversation.reset();
                return Ok(vec![Outgoing::text(Text::plain(turn.say("draft-discarded")))]);
            }
            DraftAction::Skip => match answered {
                Field::Place => draft.place = None,
                Field::Link => draft.link = None,
                Field::Agenda => draft.agenda.clear(),
                Field::AgendaIn(language) => {
                    draft.agenda.remove(&language);
                }
                _ => {}
            },
            DraftAction::Length { minutes } if answered == Field::Length && minutes > 0 => {
                draft.minutes = Some(minutes);
            }
            DraftAction::Repeat { recurrence } if answered == Field::Repeat => draft.recurrence = recurrence,
            DraftAction::Reminders { reminders } if answered == Field::Reminders => draft.reminders = reminders,
            DraftAction::Audience { audience } if answered == Field::Audience => {
                let groups = self.store.group_chats().await?;
                if !Self::may_invite(turn, &audience, &groups) {
                    return Ok(self.not_managed(turn));
                }
                draft.audience = Some(audience);
            }
            DraftAction::Change { field: wanted } => {
                turn.conversation.step = Step::Organize(OrganizeStep::Drafting {
                    draft: Box::new(draft),
                    field: wanted,
                });
                return self.ask_field(turn).await;
            }
            DraftAction::Confirm if answered == Field::Review => return self.confirm_draft(turn).await,
            _ => return Ok(turn.expired()),
        }
        turn.conversation.step = Step::Organize(OrganizeStep::Drafting {
            draft: Box::new(draft),
            field: answered,
        });
        self.advance(turn, answered).await
    }

    /// Creates the meeting written, or announces the changes to it.
    async fn confirm_draft(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Organize(OrganizeStep::Drafting { draft, .. }) = &turn.conversation.step else {
            return Ok(Vec::new());
        };
        let draft = draft.as_ref().clone();
        let meeting = match draft.to_new(Some(turn.person.id)) {
            Ok(meeting) => meeting,
            // A field is missing (an old draft): ask it.
            Err(missing) => {
                if let Step::Organize(OrganizeStep::Drafting { field, .. }) = &mut turn.conversation.step {
                    *field = missing;
                }
                return self.ask_field(turn).await;
            }
        };
        // The meeting as it stands, when it is being changed (and may still be by this person).
        let original = match draft.editing {
            Some(id) => match self.managed(turn, id).await? {
                Some(found) => Some(found),
                None => return Ok(self.not_managed(turn)),
            },
            None => None,
        };
        // A one-off meeting may not be set in the past; one already past may still have its other
        // fields changed, as long as its time stays.
        let moved = original.as_ref().is_none_or(|found| found.time != meeting.time);
        if moved
            && meeting.recurrence == Recurrence::None
            && crate::local_time::resolve_local(meeting.time.zone, meeting.time.start) <= turn.now
        {
            if let Step::Organize(OrganizeStep::Drafting { field, .. }) = &mut turn.conversation.step {
                *field = Field::Start;
            }
            let mut replies = vec![Outgoing::text(Text::plain(turn.say("draft-start-past")))];
            replies.extend(self.ask_field(turn).await?);
            return Ok(replies);
        }
        let title = crate::language::pick(&meeting.title, turn.lang).to_owned();
        let reply = match draft.editing {
            None => {
                let groups = self.store.group_chats().await?;
                if !Self::may_invite(turn, &meeting.audience, &groups) {
                    return Ok(self.not_managed(turn));
                }
                let meeting = NewMeeting {
                    request: turn.confirmation_key(),
                    ..meeting
                };
                let (id, invited) = self.store.create_meeting(&meeting, turn.now).await?;
                let args = args! {
                    "id" => id.0,
                    "title" => title,
                    "count" => count(invited as i64),
                    "organize" => turn.command("organize"),
                };
                turn.say_with("draft-created", &args)
            }
            Some(id) => match self.store.update_meeting(id, &meeting, turn.now).await? {
                Some(told) => {
                    let args = args! { "title" => title, "count" => count(told as i64) };
                    turn.say_with("draft-changed", &args)
                }
                None => turn.say("meeting-gone"),
            },
        };
        turn.conversation.reset();
        Ok(vec![Outgoing::text(Text::plain(reply))])
    }
}
