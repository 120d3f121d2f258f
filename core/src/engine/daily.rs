//! The daily lesson (`/daily`, and the message the scheduler queues) and the time zone times are
//! shown in (`/timezone`).

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::conversation::Action;
use crate::daily::{DailyPlan, DailyTime};
use crate::learning::DailySubscription;
use crate::learning::dialogue::LearnAction;
use crate::locale::count;
use crate::message::{ChatKind, Outgoing, Text};
use crate::person::{Channel, PersonId};
use crate::store::StoreError;

use super::learn::{key, status};

/// Words that turn the daily lesson off, in the languages people type.
const OFF_WORDS: &[&str] = &[
    "off",
    "stop",
    "non",
    "no",
    "arret",
    "arrêt",
    "0",
    "إيقاف",
    "ايقاف",
    "توقف",
    "وقف",
    "حبس",
    "لا",
];

impl<S: EngineStore> Engine<S> {
    pub(super) fn daily_args(&self, turn: &Turn<'_>) -> fluent_bundle::FluentArgs<'static> {
        args! {
            "daily" => turn.command("daily"),
            "example" => format!("{} 07:30", turn.command("daily")),
            "off" => format!("{} off", turn.command("daily")),
        }
    }

    /// `/daily HH:MM` subscribes, `/daily off` stops, `/daily` tells.
    pub(super) async fn daily(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        if let Some(refusal) = turn.private_only("daily-private-only", "learn") {
            return Ok(refusal);
        }
        let mut args = self.daily_args(turn);
        let current = self.store.daily(turn.person.id).await?;
        let argument = argument.trim();
        if argument.is_empty() {
            let id = match &current {
                Some(daily) => {
                    args.set("time", daily.plan.time.to_string());
                    args.set("zone", daily.plan.zone.name());
                    "daily-status"
                }
                None => "daily-already-off",
            };
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with(id, &args)))]);
        }
        if OFF_WORDS.contains(&argument.to_lowercase().as_str()) {
            if current.is_none() {
                return Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("daily-already-off", &args),
                ))]);
            }
            self.store.set_daily(turn.person.id, None, turn.now).await?;
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with("daily-off", &args)))]);
        }
        let Ok(time) = argument.parse::<DailyTime>() else {
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("daily-bad-time", &args),
            ))]);
        };
        let plan = DailyPlan {
            time,
            zone: turn.person.zone(),
        };
        let (next_date, next_at) = plan.next(None, turn.now);
        let subscription = DailySubscription {
            person: turn.person.id,
            plan,
            channel: turn.channel,
            chat: turn.chat_id.clone(),
            next_date,
            next_at,
        };
        self.store
            .set_daily(turn.person.id, Some(&subscription), turn.now)
            .await?;
        let today = turn.now.with_timezone(&plan.zone).date_naive();
        let day = if next_date == today {
            "today"
        } else if Some(next_date) == today.succ_opt() {
            "tomorrow"
        } else {
            "other"
        };
        args.set("time", time.to_string());
        args.set("zone", plan.zone.name());
        args.set("day", day);
        args.set("date", next_date.format("%d/%m/%Y").to_string());
        Ok(vec![Outgoing::text(Text::plain(turn.say_with("daily-set", &args)))])
    }

    /// `/timezone Europe/Paris` sets the zone times are shown and scheduled in; `/timezone`
    /// tells it. A daily lesson moves to the same local time in the new zone.
    pub(super) async fn time_zone(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let argument = argument.trim();
        let example = format!("{} Europe/Paris", turn.command("timezone"));
        if argument.is_empty() {
            let zone = turn.person.zone();
            let args = args! {
                "zone" => zone.name(),
                "time" => turn.now.with_timezone(&zone).format("%H:%M").to_string(),
                "example" => example,
            };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("timezone-current", &args),
            ))]);
        }
        let Some(zone) = zone_named(argument) else {
            let args = args! { "example" => example };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("timezone-unknown", &args),
            ))]);
        };
        self.store.set_time_zone(turn.person.id, Some(zone)).await?;
        turn.person.time_zone = Some(zone);
        if let Some(mut daily) = self.store.daily(turn.person.id).await? {
            daily.plan.zone = zone;
            (daily.next_date, daily.next_at) = daily.plan.next(None, turn.now);
            self.store.set_daily(turn.person.id, Some(&daily), turn.now).await?;
        }
        let args = args! {
            "zone" => zone.name(),
            "time" => turn.now.with_timezone(&zone).format("%H:%M").to_string(),
        };
        Ok(vec![Outgoing::text(Text::plain(turn.say_with("timezone-set", &args)))])
    }

    /// The daily lesson message for a person: the next lesson of their track and the reviews due.
    /// Its choices join the person's live offer, so a keyboard already on screen keeps working.
    pub async fn daily_lesson(
        &self,
        person: PersonId,
        channel: Channel,
        chat: &str,
        command_prefix: char,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Some(found) = self.store.person(person).await? else {
            return Ok(Vec::new());
        };
        let now = self.clock.now();
        let access = self.store.access(person).await?;
        // Only for wording: the conversation is extended by `offer_more`, not through the turn.
        let turn = Turn {
            lang: found.language.unwrap_or(crate::language::Language::FALLBACK),
            person: found,
            access,
            conversation: Default::default(),
            stored: Default::default(),
            channel,
            chat_kind: ChatKind::Private,
            chat_id: String::new(),
            private_link: None,
            command_prefix,
            accepted: false,
            notice: None,
            now,
            locales: &self.locales,
        };
        let library = self.library();
        let progress = self.progress_of(person).await?;
        let due = self.store.count_due_reviews(person, now).await?;
        let track = Self::track(&turn);
        // The lesson under way first, then the first one not done, in teaching order.
        let next = library
            .for_track(track)
            .flat_map(|toolbox| toolbox.lessons.iter().map(move |lesson| (toolbox, lesson)))
            .map(|(toolbox, lesson)| (toolbox, lesson, status(progress.get(&key(&toolbox.id, &lesson.id)))))
            .filter(|(_, _, status)| *status != "done")
            .min_by_key(|(_, _, status)| *status != "started")
            .map(|(toolbox, lesson, _)| (toolbox, lesson));
        let mut text = Text::default().then_bold(turn.say("daily-message-title")).line_break();
        let mut entries = Vec::new();
        match next {
            Some((toolbox, lesson)) => {
                let args = args! {
                    "toolbox" => toolbox.texts.get(turn.lang).title.clone(),
                    "lesson" => lesson.texts.get(turn.lang).title.clone(),
                };
                text = text.then_plain(turn.say_with("daily-message-lesson", &args));
                let open = Action::Learn(LearnAction::OpenLesson {
                    toolbox: toolbox.id.clone(),
                    lesson: lesson.id.clone(),
                });
                entries.push((turn.say("daily-start-choice"), open));
            }
            None => text = text.then_plain(turn.say("daily-message-all-done")),
        }
        if due > 0 {
            let args = args! { "count" => count(i64::from(due)) };
            text = text
                .line_break()
                .then_plain(turn.say_with("daily-message-reviews", &args));
            entries.push((
                turn.say_with("learn-review-choice", &args),
                Action::Learn(LearnAction::Review),
            ));
        }
        let choices = self.offer_more(person, chat, entries).await?;
        Ok(vec![Outgoing::with_choices(
            text,
            choices.into_iter().map(|choice| vec![choice]).collect(),
        )])
    }
}

/// An IANA zone by name, whatever the case (`europe/paris`); names are ASCII.
pub(super) fn zone_named(name: &str) -> Option<chrono_tz::Tz> {
    if name.len() > 64 || !name.is_ascii() {
        return None;
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
}
