//! Meetings in the chat: invitations with their answers, reminders, cancellations, `/meetings`.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::language::Language;
use crate::meeting::press::{MeetingPress, press_data};
use crate::meeting::{IcsMethod, Meeting, MeetingId, MeetingTime, Recurrence, Rsvp, occurrences};
use crate::message::{ChatKind, Choice, Media, MediaKind, MediaSource, Outgoing, Text};
use crate::outbox::{OutboxItem, OutboxMessage};
use crate::store::StoreError;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// When a meeting starts, on the reader's clock and with their zone's name.
fn when(time: &MeetingTime, zone: Tz) -> String {
    let start = crate::local_time::resolve_local(time.zone, time.start).with_timezone(&zone);
    format!("{} ({})", start.format("%d/%m/%Y %H:%M"), zone.name())
}

/// The occurrence of a meeting that is under way or comes next at `now` (the first one when a
/// repeating meeting has none left).
fn current_time(meeting: &Meeting, now: DateTime<Utc>) -> MeetingTime {
    let recurrence = &meeting.recurrence;
    if *recurrence == Recurrence::None {
        return meeting.time;
    }
    let length = meeting.time.end - meeting.time.start;
    occurrences(&meeting.time, recurrence, now - length, now + Duration::days(400))
        .first()
        .and_then(|occurrence| meeting.occurrence_time(&occurrence.key))
        .unwrap_or(meeting.time)
}

pub(super) fn meeting_heading(item: &OutboxItem) -> &'static str {
    match item.message {
        OutboxMessage::Invitation { .. } => "meeting-invitation",
        OutboxMessage::Reminder { .. } => "meeting-reminder",
        OutboxMessage::Change { .. } => "meeting-changed",
        _ => "meeting-cancelled",
    }
}

/// An invitation and a change take an answer (again); the rest is news.
pub(super) fn takes_answers(item: &OutboxItem, meeting: &Meeting) -> bool {
    matches!(
        item.message,
        OutboxMessage::Invitation { .. } | OutboxMessage::Change { .. }
    ) && !meeting.cancelled
}

impl<S: EngineStore> Engine<S> {
    pub(super) fn rsvp_label(&self, lang: Language, answer: Rsvp) -> String {
        self.locales.text(lang, &format!("rsvp-{}", answer.code()), None)
    }

    /// Yes, no and maybe for a meeting, in one row. They carry the meeting rather than an offer,
    /// so they stay valid whatever the reader does next.
    pub(super) fn answer_choices(&self, lang: Language, meeting: MeetingId) -> Vec<Choice> {
        Rsvp::ALL
            .iter()
            .map(|&answer| Choice {
                label: self.rsvp_label(lang, answer),
                data: press_data(meeting, MeetingPress::Answer(answer)),
            })
            .collect()
    }

    /// What a person may do with a meeting they are invited to: answer it, or get its calendar file.
    fn meeting_rows(&self, lang: Language, meeting: MeetingId) -> Vec<Vec<Choice>> {
        let calendar = Choice {
            label: self.locales.text(lang, "meeting-calendar-choice", None),
            data: press_data(meeting, MeetingPress::Calendar),
        };
        vec![self.answer_choices(lang, meeting), vec![calendar]]
    }

    /// A press on a meeting's message ([`press_data`]): an answer or the calendar file for someone
    /// the meeting invited, in private; an answer in a group the meeting invited. `None` for data
    /// that is no such press.
    pub(super) async fn meeting_press(
        &self,
        turn: &mut Turn<'_>,
        meeting: MeetingId,
        press: MeetingPress,
    ) -> Result<Option<Vec<Outgoing>>, StoreError> {
        if turn.chat_kind == ChatKind::Group {
            return match press {
                MeetingPress::Answer(answer) => self.answer_in_group(turn, meeting, answer).await,
                MeetingPress::Calendar => Ok(None),
            };
        }
        // Someone the meeting did not invite pressed someone else's choice: it is not theirs.
        let Some((found, _)) = self.store.invitation(turn.person.id, meeting).await? else {
            return Ok(None);
        };
        Ok(Some(match press {
            MeetingPress::Answer(answer) => self.answer_invitation(turn, &found, answer).await?,
            MeetingPress::Calendar => self.send_calendar(turn, &found),
        }))
    }

    /// How a meeting repeats, in words.
    pub(super) fn repeat_label(&self, lang: Language, recurrence: &Recurrence) -> String {
        let id = match recurrence {
            Recurrence::None => "draft-repeat-none",
            Recurrence::Weekly { every: 0 | 1 } => "draft-repeat-weekly",
            Recurrence::Weekly { .. } => "draft-repeat-fortnightly",
            Recurrence::Monthly { .. } => "draft-repeat-monthly",
            Recurrence::Cron(_) => "draft-repeat-custom",
        };
        self.locales.text(lang, id, None)
    }

    /// A meeting as a reader sees it at `now`: a repeating one by its current or next occurrence.
    pub(super) fn meeting_text(
        &self,
        lang: Language,
        zone: Tz,
        meeting: &Meeting,
        heading: &str,
        now: DateTime<Utc>,
    ) -> Text {
        let time = current_time(meeting, now);
        let mut text = Text::default()
            .then_bold(self.locales.text(lang, heading, None))
            .line_break()
            .then_bold(meeting.title_for(lang).to_owned())
            .line_break()
            .then_plain(
                self.locales
                    .text(lang, "meeting-when", Some(&args! { "when" => when(&time, zone) })),
            );
        if meeting.recurrence != Recurrence::None {
            let args = args! { "repeat" => self.repeat_label(lang, &meeting.recurrence) };
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "draft-show-repeat", Some(&args)));
        }
        if let Some(place) = &meeting.place {
            let args = args! { "place" => place.clone() };
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "meeting-place", Some(&args)));
        }
        if let Some(link) = &meeting.link {
            let args = args! { "link" => link.clone() };
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "meeting-link", Some(&args)));
        }
        let agenda = meeting.agenda_for(lang);
        if !agenda.is_empty() {
            text = text.line_break().then_plain(agenda.to_owned());
        }
        text
    }

    /// An invitation (with its answers), a reminder or a cancellation, for one person.
    pub(super) async fn render_meeting_news(
        &self,
        item: &OutboxItem,
        id: MeetingId,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let mut meeting = self
            .store
            .meeting(id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("meeting {id}")))?;
        // A reminder tells when its occurrence starts, not when the first one did.
        if let OutboxMessage::Reminder { reminder, .. } = &item.message
            && let Some(time) = meeting.occurrence_time(reminder)
        {
            meeting.time = time;
        }
        let Some(person) = item.person else {
            return Ok(vec![self.group_meeting_news(item, &meeting).await?]);
        };
        let Some(person) = self.store.person(person).await? else {
            return Ok(Vec::new());
        };
        let lang = person.language.unwrap_or(Language::FALLBACK);
        let zone = person.zone();
        let text = self.meeting_text(lang, zone, &meeting, meeting_heading(item), self.clock.now());
        if !takes_answers(item, &meeting) {
            return Ok(vec![Outgoing::text(text)]);
        }
        Ok(vec![Outgoing::with_choices(text, self.meeting_rows(lang, id))])
    }

    pub(super) async fn answer_invitation(
        &self,
        turn: &mut Turn<'_>,
        found: &Meeting,
        answer: Rsvp,
    ) -> Result<Vec<Outgoing>, StoreError> {
        if found.cancelled {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("meeting-gone")))]);
        }
        self.store.set_rsvp(found.id, turn.person.id, answer, turn.now).await?;
        let args = args! {
            "title" => found.title_for(turn.lang).to_owned(),
            "answer" => turn.say(&format!("rsvp-{}", answer.code())),
            "meetings" => turn.command("meetings"),
        };
        Ok(vec![Outgoing::text(Text::plain(turn.say_with("rsvp-noted", &args)))])
    }

    /// A meeting's iCalendar file, for someone invited to it; a cancelled meeting's file cancels it
    /// in their calendar. PUBLISH rather than REQUEST: iTIP's REQUEST wants an ORGANIZER, which
    /// Tatwir's meetings do not have, and calendars import PUBLISH as a plain event.
    fn send_calendar(&self, turn: &Turn<'_>, found: &Meeting) -> Vec<Outgoing> {
        let args = args! { "title" => found.title_for(turn.lang).to_owned() };
        vec![Outgoing::Media(Media {
            kind: MediaKind::Document,
            source: MediaSource::Inline {
                file_name: format!("tatwir-meeting-{}.ics", found.id),
                mime: "text/calendar".to_owned(),
                content: found.ics_in(turn.lang, IcsMethod::Publish),
            },
            caption: Some(Text::plain(turn.say_with("meeting-calendar-sent", &args))),
        })]
    }

    /// `/meetings`: the meetings the person is invited to that are not over, with their answer.
    pub(super) async fn list_meetings(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let now = turn.now;
        let upcoming: Vec<(Meeting, Option<Rsvp>)> = self
            .store
            .invitations(turn.person.id)
            .await?
            .into_iter()
            .filter(|(meeting, _)| {
                !meeting.cancelled
                    && (meeting.recurrence != Recurrence::None
                        || crate::local_time::resolve_local(meeting.time.zone, meeting.time.end) > now)
            })
            .collect();
        if upcoming.is_empty() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("meetings-none")))]);
        }
        let zone = turn.person.zone();
        let mut replies = Vec::new();
        for (meeting, answer) in &upcoming {
            let answer = answer.map_or_else(|| turn.say("rsvp-none"), |a| turn.say(&format!("rsvp-{}", a.code())));
            let text = self
                .meeting_text(turn.lang, zone, meeting, "meetings-title", now)
                .line_break()
                .then_plain(turn.say_with("meeting-your-answer", &args! { "answer" => answer }));
            replies.push(Outgoing::with_choices(text, self.meeting_rows(turn.lang, meeting.id)));
        }
        Ok(replies)
    }
}
