//! `/organize`: the meetings a person organises, changed, cancelled after a confirmation, and
//! their attendance recorded once they have started.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::conversation::{Action, Offer, Step};
use crate::locale::{count, isolate};
use crate::meeting::dialogue::{OrganizeAction, OrganizeStep};
use crate::meeting::draft::{Field, MeetingDraft};
use crate::meeting::{Meeting, MeetingId, Recurrence, Rsvp, occurrences, parse_local_key};
use crate::message::{Outgoing, Text};
use crate::person::PersonId;
use crate::store::StoreError;
use chrono::Duration;
use std::collections::BTreeSet;

/// How many meetings `/organize` shows.
const MAX_LISTED: usize = 10;

/// How far back `/organize` shows meetings that are over, and attendance may be recorded.
const RECENT_DAYS: i64 = 60;

/// How many past occurrences of a repeating meeting are offered for attendance.
const MAX_OCCURRENCES: usize = 5;

/// How many people an attendance list shows as choices (Telegram allows 100 buttons).
const MAX_PEOPLE: usize = 40;

/// An occurrence's key (its local start) as people read it.
fn occurrence_label(key: &str) -> String {
    parse_local_key(key).map_or_else(|| key.to_owned(), local_label)
}

use super::organize::{local_label, rows};

impl<S: EngineStore> Engine<S> {
    /// The organising arm of the choice router: a pressed choice of the meeting dialogue or of
    /// `/organize`.
    pub(super) async fn on_organize_action(
        &self,
        turn: &mut Turn<'_>,
        action: OrganizeAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match action {
            OrganizeAction::Draft { step } => self.on_draft_action(turn, step).await,
            OrganizeAction::EditMeeting { meeting } => {
                let Some(found) = self.managed(turn, meeting).await? else {
                    return Ok(self.not_managed(turn));
                };
                turn.conversation.step = Step::Organize(OrganizeStep::Drafting {
                    draft: Box::new(MeetingDraft::editing(&found)),
                    field: Field::Review,
                });
                self.ask_field(turn).await
            }
            OrganizeAction::CancelMeeting { meeting } => {
                let Some(found) = self.managed(turn, meeting).await? else {
                    return Ok(self.not_managed(turn));
                };
                let entries = vec![
                    (
                        turn.say("organize-cancel-yes"),
                        Action::Organize(OrganizeAction::ConfirmCancelMeeting { meeting }),
                    ),
                    (
                        turn.say("organize-cancel-no"),
                        Action::Organize(OrganizeAction::KeepMeeting),
                    ),
                ];
                let choices = Self::offer_choices(turn, entries);
                let args = args! { "title" => found.title_for(turn.lang).to_owned() };
                Ok(vec![Outgoing::with_choices(
                    Text::plain(turn.say_with("organize-cancel-confirm", &args)),
                    vec![choices],
                )])
            }
            OrganizeAction::KeepMeeting => Ok(vec![Outgoing::text(Text::plain(turn.say("organize-kept")))]),
            OrganizeAction::ConfirmCancelMeeting { meeting } => {
                let Some(found) = self.managed(turn, meeting).await? else {
                    return Ok(self.not_managed(turn));
                };
                let told = self.store.cancel_meeting(meeting, turn.now).await?.unwrap_or(0);
                let args = args! { "title" => found.title_for(turn.lang).to_owned(), "count" => count(told as i64) };
                Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("organize-cancelled", &args),
                ))])
            }
            OrganizeAction::Attendance { meeting } => self.pick_occurrence(turn, meeting).await,
            OrganizeAction::AttendanceOf { meeting, occurrence } => {
                let Some(found) = self.managed(turn, meeting).await? else {
                    return Ok(self.not_managed(turn));
                };
                self.attendance_list(turn, &found, &occurrence, 0).await
            }
            OrganizeAction::Attended {
                meeting,
                occurrence,
                people,
            } => {
                let Some(found) = self.managed(turn, meeting).await? else {
                    return Ok(self.not_managed(turn));
                };
                let recorded = self
                    .store
                    .record_attendance(meeting, &occurrence, &people, turn.now)
                    .await?;
                self.attendance_list(turn, &found, &occurrence, recorded).await
            }
        }
    }

    /// The meeting, if it exists, is not cancelled, and this person may manage it.
    pub(super) async fn managed(&self, turn: &Turn<'_>, meeting: MeetingId) -> Result<Option<Meeting>, StoreError> {
        let Some(found) = self.store.meeting(meeting).await?.filter(|found| !found.cancelled) else {
            return Ok(None);
        };
        // The group chats are read only for a meeting that invites some (their owners count).
        let groups = if found.audience.groups.is_empty() {
            Vec::new()
        } else {
            self.store.group_chats().await?
        };
        Ok(Self::may_manage(turn, &found, &groups).then_some(found))
    }

    pub(super) fn not_managed(&self, turn: &mut Turn<'_>) -> Vec<Outgoing> {
        turn.conversation.reset();
        vec![Outgoing::text(Text::plain(turn.say("organize-not-yours")))]
    }

    /// `/organize`: the meetings this person organises (all of them for coordinators), upcoming
    /// or recent, with the answers so far and what can be done.
    pub(super) async fn organize(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        if let Some(refusal) = turn.private_only("organize-private-only", "organize") {
            return Ok(refusal);
        }
        let recent = turn.now - Duration::days(RECENT_DAYS);
        let groups = self.store.group_chats().await?;
        let mut listed: Vec<Meeting> = self
            .store
            .meetings()
            .await?
            .into_iter()
            .filter(|meeting| {
                !meeting.cancelled
                    && Self::may_manage(turn, meeting, &groups)
                    && (meeting.recurrence != Recurrence::None
                        || crate::local_time::resolve_local(meeting.time.zone, meeting.time.end) > recent)
            })
            .collect();
        if listed.is_empty() {
            let args = args! { "newmeeting" => turn.command("newmeeting") };
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with("organize-none", &args)))]);
        }
        listed.sort_by_key(|meeting| std::cmp::Reverse(meeting.time.start));
        listed.truncate(MAX_LISTED);
        listed.reverse();
        let zone = turn.person.zone();
        let mut offer = Offer::new(Vec::new());
        let mut replies = Vec::new();
        for meeting in &listed {
            let answers = self.store.rsvps(meeting.id).await?;
            let tally = |answer: Rsvp| count(answers.iter().filter(|(_, a)| *a == answer).count() as i64);
            let args = args! { "yes" => tally(Rsvp::Yes), "maybe" => tally(Rsvp::Maybe), "no" => tally(Rsvp::No) };
            let text = self
                .meeting_text(turn.lang, zone, meeting, "organize-meeting", turn.now)
                .line_break()
                .then_plain(turn.say_with("organize-answers", &args));
            let id = meeting.id;
            let actions = vec![
                (
                    turn.say("organize-edit"),
                    Action::Organize(OrganizeAction::EditMeeting { meeting: id }),
                ),
                (
                    turn.say("organize-attendance"),
                    Action::Organize(OrganizeAction::Attendance { meeting: id }),
                ),
                (
                    turn.say("organize-cancel"),
                    Action::Organize(OrganizeAction::CancelMeeting { meeting: id }),
                ),
            ];
            replies.push(Outgoing::with_choices(text, vec![offer.add(actions)]));
        }
        turn.conversation.offer = Some(offer);
        Ok(replies)
    }

    /// The occurrences of a meeting that have started, most recent first.
    async fn pick_occurrence(&self, turn: &mut Turn<'_>, meeting: MeetingId) -> Result<Vec<Outgoing>, StoreError> {
        let Some(found) = self.managed(turn, meeting).await? else {
            return Ok(self.not_managed(turn));
        };
        let mut past: Vec<String> = occurrences(
            &found.time,
            &found.recurrence,
            turn.now - Duration::days(RECENT_DAYS),
            turn.now + Duration::seconds(1),
        )
        .into_iter()
        .filter(|occurrence| occurrence.start <= turn.now)
        .map(|occurrence| occurrence.key)
        .collect();
        past.reverse();
        past.truncate(MAX_OCCURRENCES);
        match past.as_slice() {
            [] => {
                let args = args! { "title" => found.title_for(turn.lang).to_owned() };
                Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("attendance-not-yet", &args),
                ))])
            }
            [only] => self.attendance_list(turn, &found, &only.clone(), 0).await,
            _ => {
                let entries = past
                    .iter()
                    .map(|key| {
                        (
                            occurrence_label(key),
                            Action::Organize(OrganizeAction::AttendanceOf {
                                meeting,
                                occurrence: key.clone(),
                            }),
                        )
                    })
                    .collect();
                let choices = Self::offer_choices(turn, entries);
                let args = args! { "title" => found.title_for(turn.lang).to_owned() };
                Ok(vec![Outgoing::with_choices(
                    Text::plain(turn.say_with("attendance-pick", &args)),
                    rows(choices),
                )])
            }
        }
    }

    /// Who said they would come to an occurrence, each to press once they are recorded as
    /// present; those recorded are listed.
    async fn attendance_list(
        &self,
        turn: &mut Turn<'_>,
        found: &Meeting,
        occurrence: &str,
        just_recorded: u64,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let meeting = found.id;
        let present: BTreeSet<PersonId> = self
            .store
            .attendance(meeting)
            .await?
            .into_iter()
            .filter(|(key, _)| key == occurrence)
            .map(|(_, person)| person)
            .collect();
        // Those who said yes or maybe first, then those invited who did not answer; not those who
        // said no, nor those already recorded.
        let answers = self.store.rsvps(meeting).await?;
        let silent: Vec<(PersonId, Option<Rsvp>)> = self
            .store
            .invitees(meeting)
            .await?
            .into_iter()
            .filter(|person| !answers.iter().any(|(answered, _)| answered == person))
            .map(|person| (person, None))
            .collect();
        let expected: Vec<(PersonId, Option<Rsvp>)> = answers
            .into_iter()
            .filter(|(_, answer)| *answer != Rsvp::No)
            .map(|(person, answer)| (person, Some(answer)))
            .chain(silent)
            .filter(|(person, _)| !present.contains(person))
            .take(MAX_PEOPLE)
            .collect();
        let when = occurrence_label(occurrence);
        let args = args! {
            "title" => found.title_for(turn.lang).to_owned(),
            "when" => when,
            "count" => count(present.len() as i64),
            "recorded" => count(just_recorded as i64),
        };
        let mut text = Text::default().then_bold(turn.say_with("attendance-title", &args));
        if just_recorded > 0 {
            text = text
                .line_break()
                .then_plain(turn.say_with("attendance-recorded", &args));
        }
        text = text.line_break().then_plain(turn.say_with("attendance-present", &args));
        for &person in &present {
            if let Some(found) = self.store.person(person).await? {
                text = text
                    .line_break()
                    .then_plain(format!("✅ {}", isolate(turn.lang, &found.display_name)));
            }
        }
        let mut entries = Vec::new();
        let yes: Vec<PersonId> = expected
            .iter()
            .filter(|(_, answer)| *answer == Some(Rsvp::Yes))
            .map(|(person, _)| *person)
            .collect();
        if yes.len() > 1 {
            entries.push((
                turn.say("attendance-all-yes"),
                Action::Organize(OrganizeAction::Attended {
                    meeting,
                    occurrence: occurrence.to_owned(),
                    people: yes,
                }),
            ));
        }
        for &(person, answer) in &expected {
            let Some(found) = self.store.person(person).await? else {
                continue;
            };
            let args = args! {
                "name" => isolate(turn.lang, &found.display_name),
                "answer" => answer.map_or_else(|| turn.say("rsvp-none"), |a| turn.say(&format!("rsvp-{}", a.code()))),
            };
            entries.push((
                turn.say_with("attendance-person", &args),
                Action::Organize(OrganizeAction::Attended {
                    meeting,
                    occurrence: occurrence.to_owned(),
                    people: vec![person],
                }),
            ));
        }
        if entries.is_empty() {
            text = text.line_break().then_plain(turn.say("attendance-nobody-left"));
            return Ok(vec![Outgoing::text(text)]);
        }
        text = text.line_break().then_plain(turn.say("attendance-intro"));
        let choices = Self::offer_choices(turn, entries);
        Ok(vec![Outgoing::with_choices(text, rows(choices))])
    }
}
