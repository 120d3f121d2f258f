//! Meetings in the chat: invitations with their answers, reminders, cancellations, `/meetings`.

use super::{Engine, Turn};
use crate::args;
use crate::broadcast::BroadcastStore;
use crate::clock::Clock;
use crate::conversation::{Action, Offer};
use crate::language::Language;
use crate::learning::LearningStore;
use crate::meeting::{Meeting, MeetingStore, Rsvp};
use crate::message::{Choice, Outgoing, Text};
use crate::outbox::OutboxItem;
use crate::person::PersonId;
use crate::store::{Store, StoreError};
use chrono_tz::Tz;

/// When a meeting starts, on the reader's clock and with their zone's name.
fn when(meeting: &Meeting, zone: Tz) -> String {
    let start = crate::local_time::resolve_local(meeting.time.zone, meeting.time.start).with_timezone(&zone);
    format!("{} ({})", start.format("%d/%m/%Y %H:%M"), zone.name())
}

impl<S: Store + LearningStore + BroadcastStore + MeetingStore, C: Clock> Engine<S, C> {
    fn rsvp_label(&self, lang: Language, answer: Rsvp) -> String {
        self.locales.text(lang, &format!("rsvp-{}", answer.code()), None)
    }

    /// Yes, no and maybe for a meeting, in one row, added to `offer`.
    fn rsvp_choices(&self, lang: Language, meeting: i64, offer: &mut Offer) -> Vec<Vec<Choice>> {
        let first = offer.extend(
            Rsvp::ALL
                .iter()
                .map(|&answer| Action::Rsvp { meeting, answer })
                .collect(),
        );
        vec![
            Rsvp::ALL
                .iter()
                .enumerate()
                .map(|(i, &answer)| Choice {
                    label: self.rsvp_label(lang, answer),
                    data: offer.data(first + i),
                })
                .collect(),
        ]
    }

    fn meeting_text(&self, lang: Language, zone: Tz, meeting: &Meeting, heading: &str) -> Text {
        let mut text = Text::default()
            .then_bold(self.locales.text(lang, heading, None))
            .line_break()
            .then_bold(meeting.title_for(lang).to_owned())
            .line_break()
            .then_plain(
                self.locales
                    .text(lang, "meeting-when", Some(&args! { "when" => when(meeting, zone) })),
            );
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
    pub(super) async fn render_meeting_news(&self, item: &OutboxItem) -> Result<Vec<Outgoing>, StoreError> {
        let id = item.payload["meeting"]
            .as_i64()
            .ok_or_else(|| StoreError("a meeting message without its meeting".into()))?;
        let mut meeting = self
            .store
            .meeting(id)
            .await?
            .ok_or_else(|| StoreError(format!("meeting {id} is gone")))?;
        // A reminder tells when its occurrence starts, not when the first one did.
        if let Some(time) = item.payload["reminder"]
            .as_str()
            .and_then(|key| meeting.occurrence_time(key))
        {
            meeting.time = time;
        }
        let Some(person) = self.store.person(item.person).await? else {
            return Ok(Vec::new());
        };
        let lang = person.language.unwrap_or(Language::FALLBACK);
        let zone = person.zone();
        let heading = match item.kind.as_str() {
            "invitation" => "meeting-invitation",
            "reminder" => "meeting-reminder",
            _ => "meeting-cancelled",
        };
        let text = self.meeting_text(lang, zone, &meeting, heading);
        if item.kind != "invitation" || meeting.cancelled {
            return Ok(vec![Outgoing::text(text)]);
        }
        let entries = Rsvp::ALL
            .iter()
            .map(|&answer| (self.rsvp_label(lang, answer), Action::Rsvp { meeting: id, answer }))
            .collect();
        let choices = self.offer_more(item.person, entries).await?;
        Ok(vec![Outgoing::with_choices(text, vec![choices])])
    }

    pub(super) async fn answer_invitation(
        &self,
        turn: &mut Turn<'_>,
        meeting: i64,
        answer: Rsvp,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let invited = self.invited(turn.person.id, meeting).await?;
        let Some(found) = invited.filter(|found| !found.cancelled) else {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("meeting-gone")))]);
        };
        self.store.set_rsvp(meeting, turn.person.id, answer, turn.now).await?;
        let args = args! {
            "title" => found.title_for(turn.lang).to_owned(),
            "answer" => turn.say(&format!("rsvp-{}", answer.code())),
        };
        Ok(vec![Outgoing::text(Text::plain(turn.say_with("rsvp-noted", &args)))])
    }

    async fn invited(&self, person: PersonId, meeting: i64) -> Result<Option<Meeting>, StoreError> {
        Ok(self
            .store
            .invitations(person)
            .await?
            .into_iter()
            .map(|(found, _)| found)
            .find(|found| found.id == meeting))
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
                    && (meeting.recurrence != "none"
                        || crate::local_time::resolve_local(meeting.time.zone, meeting.time.end) > now)
            })
            .collect();
        if upcoming.is_empty() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("meetings-none")))]);
        }
        let zone = turn.person.zone();
        let mut replies = Vec::new();
        let mut offer = Offer::new(Vec::new());
        for (meeting, answer) in &upcoming {
            let answer = answer.map_or_else(|| turn.say("rsvp-none"), |a| turn.say(&format!("rsvp-{}", a.code())));
            let text = self
                .meeting_text(turn.lang, zone, meeting, "meetings-title")
                .line_break()
                .then_plain(turn.say_with("meeting-your-answer", &args! { "answer" => answer }));
            let choices = self.rsvp_choices(turn.lang, meeting.id, &mut offer);
            replies.push(Outgoing::with_choices(text, choices));
        }
        turn.conversation.offer = Some(offer);
        Ok(replies)
    }
}
