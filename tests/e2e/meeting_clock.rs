//! Meetings against a fake clock, on SQLite and on PostgreSQL, across Morocco's Ramadan clock changes of
//! 2026, 2027 and 2028 (Africa/Casablanca goes back an hour at 03:00 on the first Sunday, so 02:00-02:59
//! happens twice, and jumps from 02:00 to 03:00 on the last, so 02:00-02:59 never happens).
//!
//! The scheduler's work is done by hand: every 15 minutes through a few days around each change the test
//! queues the due reminders, as `tatwir serve` does, then claims what the outbox holds, renders it as the
//! delivery workers do and marks it sent. Every occurrence must give exactly one reminder per offset to each
//! person who answered yes or maybe, at the first step after its time, and none to the others; a cancelled
//! meeting gives none afterwards.

use crate::backends::on_both_backends;
use crate::harness::TestApp;
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc, Weekday,
};
use chrono_tz::Africa::Casablanca;
use chrono_tz::Tz;
use std::collections::BTreeMap;
use tatwir_core::audience::Audience;
use tatwir_core::broadcast::BroadcastStore;
use tatwir_core::clock::{Clock, FakeClock};
use tatwir_core::language::Language;
use tatwir_core::learning::LearningStore;
use tatwir_core::meeting::MeetingId;
use tatwir_core::meeting::{MeetingStore, MeetingTime, NewMeeting, Recurrence, Reminders, Rsvp, queue_due_reminders};
use tatwir_core::message::Outgoing;
use tatwir_core::outbox::{OutboxItem, OutboxMessage, OutboxStore};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(across_ramadan_2026, across_ramadan_2027, across_ramadan_2028);

async fn across_ramadan_2026(url: DatabaseUrl) {
    across_a_ramadan(url, date(2026, 2, 15), date(2026, 3, 22)).await;
}

async fn across_ramadan_2027(url: DatabaseUrl) {
    across_a_ramadan(url, date(2027, 2, 7), date(2027, 3, 14)).await;
}

async fn across_ramadan_2028(url: DatabaseUrl) {
    across_a_ramadan(url, date(2028, 1, 23), date(2028, 3, 5)).await;
}

/// How often the fake scheduler runs (`tatwir serve` runs more often; reminders are queued up to 30
/// minutes late, so any step under that must do).
const STEP: Duration = Duration::minutes(15);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn utc_midnight(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(hm(0, 0)))
}

/// When a local Casablanca time happens, read straight from the zone data rather than through the meeting
/// module: the first time when it happens twice, the jump when it never happens.
fn expected_start(local: NaiveDateTime) -> DateTime<Utc> {
    match Casablanca.from_local_datetime(&local) {
        LocalResult::Single(t) => t.to_utc(),
        LocalResult::Ambiguous(first, second) => {
            assert_eq!(second.to_utc() - first.to_utc(), Duration::hours(1), "{local}");
            first.to_utc()
        }
        LocalResult::None => {
            // Only the 02:00-02:59 of a forward change is missing, and the clock jumps at 02:00 UTC.
            let jump = Utc.from_utc_datetime(&local.date().and_time(hm(2, 0)));
            let offset = |t: DateTime<Utc>| t.with_timezone(&Casablanca).offset().fix().local_minus_utc();
            assert_eq!(
                (offset(jump - Duration::seconds(1)), offset(jump)),
                (0, 3600),
                "{local}"
            );
            jump
        }
    }
}

/// A meeting of the test and what it should do.
struct Plan {
    name: &'static str,
    time: NaiveTime,
    /// Only on Sundays (weekly), or every day (cron).
    sundays_only: bool,
    recurrence: Recurrence,
    reminders: Reminders,
}

/// One person of the test.
struct Member {
    user: &'static str,
    language: Language,
    zone: Option<Tz>,
    answer: Option<Rsvp>,
}

static MEMBERS: [Member; 4] = [
    Member {
        user: "amina",
        language: Language::Fr,
        zone: None,
        answer: Some(Rsvp::Yes),
    },
    Member {
        user: "youssef",
        language: Language::Ar,
        zone: Some(chrono_tz::Europe::Paris),
        answer: Some(Rsvp::Maybe),
    },
    Member {
        user: "karim",
        language: Language::Ary,
        zone: Some(chrono_tz::America::New_York),
        answer: Some(Rsvp::No),
    },
    Member {
        user: "salma",
        language: Language::Fr,
        zone: None,
        answer: None,
    },
];

/// What the outbox handed out: (kind, outbox occurrence, person) -> the steps it was claimed at.
type Delivered = BTreeMap<(String, String, PersonId), Vec<DateTime<Utc>>>;

struct Rig {
    app: TestApp,
    clock: FakeClock,
    people: Vec<(PersonId, &'static Member)>,
    delivered: Delivered,
}

impl Rig {
    fn store(&self) -> &SqlStore {
        self.app.engine().store()
    }

    fn zone_of(&self, person: PersonId) -> Tz {
        let (_, member) = self.people.iter().find(|(id, _)| *id == person).expect("a member");
        member.zone.unwrap_or(Casablanca)
    }

    fn language_of(&self, person: PersonId) -> Language {
        let (_, member) = self.people.iter().find(|(id, _)| *id == person).expect("a member");
        member.language
    }

    /// Claims what is due now, renders each message for its reader and marks it sent.
    async fn deliver(&mut self) -> Vec<(OutboxItem, Vec<Outgoing>)> {
        let now = self.clock.now();
        let items = self
            .store()
            .claim(Channel::Telegram, None, "scheduler", now, 500)
            .await
            .expect("claim");
        let mut rendered = Vec::new();
        for item in items {
            let replies = self.app.engine().render(&item, '/').await.expect("render");
            self.store().mark_sent(item.id, "scheduler", now).await.expect("sent");
            self.delivered
                .entry((
                    item.message.kind().to_owned(),
                    item.occurrence.clone(),
                    item.person.expect("for a person"),
                ))
                .or_default()
                .push(now);
            rendered.push((item, replies));
        }
        rendered
    }
}

fn text_of(replies: &[Outgoing]) -> String {
    match replies {
        [Outgoing::Message { text, .. }] => text.to_plain(),
        other => panic!("one message expected: {other:?}"),
    }
}

/// `15/02/2026 11:00 (Europe/Paris)`: how a reader in `zone` is told when `start` is.
fn shown(start: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "{} ({})",
        start.with_timezone(&zone).format("%d/%m/%Y %H:%M"),
        zone.name()
    )
}

async fn across_a_ramadan(url: DatabaseUrl, back: NaiveDate, forward: NaiveDate) {
    assert_eq!((back.weekday(), forward.weekday()), (Weekday::Sun, Weekday::Sun));
    // Two weeks before the clock goes back; everything starts on that Sunday.
    let first_sunday = back - Duration::days(14);
    let clock = FakeClock::at(utc_midnight(first_sunday) - Duration::days(3));
    let mut rig = Rig {
        app: TestApp::start(&url, clock.clone()).await,
        clock,
        people: Vec::new(),
        delivered: Delivered::new(),
    };
    let now = rig.clock.now();
    let draft = tatwir_core::association::AssociationDraft::new("Association Amal", "Tanger").expect("draft");
    let amal = rig.store().create_association(&draft, now).await.expect("association");
    for member in &MEMBERS {
        let identity = Identity::new(Channel::Telegram, member.user);
        let person = rig
            .store()
            .person_for(&identity, member.user, Some(member.language), now)
            .await
            .expect("person")
            .id;
        rig.store()
            .redeem_invite(person, &amal.volunteer_code, now)
            .await
            .expect("join");
        rig.store()
            .note_private_chat(&identity, member.user)
            .await
            .expect("private chat");
        rig.store().set_time_zone(person, member.zone).await.expect("zone");
        rig.people.push((person, member));
    }

    // Inside the doubled hour and the skipped hour of the change Sundays, and at an ordinary time; weekly
    // with the default reminders and with others, and a daily cron schedule (seconds first).
    let plans = [
        Plan {
            name: "weekly 02:30",
            time: hm(2, 30),
            sundays_only: true,
            recurrence: Recurrence::Weekly { every: 1 },
            reminders: Reminders::default(),
        },
        Plan {
            name: "weekly 10:00",
            time: hm(10, 0),
            sundays_only: true,
            recurrence: Recurrence::Weekly { every: 1 },
            reminders: Reminders::new([Duration::days(2), Duration::minutes(90)]).expect("offsets"),
        },
        Plan {
            name: "daily 02:30",
            time: hm(2, 30),
            sundays_only: false,
            recurrence: Recurrence::parse_cron("0 30 2 * * *").expect("cron"),
            reminders: Reminders::new([Duration::hours(1)]).expect("offsets"),
        },
    ];
    let mut meetings = Vec::new();
    for plan in &plans {
        let start = first_sunday.and_time(plan.time);
        let meeting = NewMeeting {
            organizer: None,
            title: BTreeMap::from([(Language::Fr, plan.name.to_owned())]),
            agenda: BTreeMap::new(),
            time: MeetingTime {
                start,
                end: start + Duration::hours(1),
                zone: Casablanca,
            },
            place: None,
            link: None,
            recurrence: plan.recurrence.clone(),
            audience: Audience::default(),
            reminders: plan.reminders.clone(),
            request: None,
        };
        let (id, invited) = rig.store().create_meeting(&meeting, now).await.expect("meeting");
        assert_eq!(invited, 4, "{}", plan.name);
        let stored = rig.store().meeting(id).await.expect("read").expect("meeting");
        assert_eq!(stored.reminders, plan.reminders);
        meetings.push(id);
    }

    // Invitations: each in its reader's language and zone, with yes, no and maybe, and the calendar file.
    let invitations = rig.deliver().await;
    assert_eq!(invitations.len(), 12);
    for (item, replies) in &invitations {
        assert_eq!(item.message.kind(), "invitation");
        let [Outgoing::Message { text, choices, .. }] = replies.as_slice() else {
            panic!("{replies:?}");
        };
        assert_eq!(
            choices.iter().flatten().count(),
            4,
            "yes, no, maybe and the calendar file"
        );
        let plan = &plans[meetings
            .iter()
            .position(|id| item.occurrence == id.to_string())
            .expect("ours")];
        let start = expected_start(first_sunday.and_time(plan.time));
        let text = text.to_plain();
        assert!(
            text.contains(&shown(start, rig.zone_of(item.person.expect("for a person")))),
            "{text}"
        );
        assert!(text.contains(plan.name), "{text}");
    }
    // The first Sunday is before Ramadan (UTC+1): 10:00 in Casablanca is 10:00 in Paris, 04:00 in New York.
    let at_ten = expected_start(first_sunday.and_time(hm(10, 0)));
    assert_eq!(at_ten, utc_midnight(first_sunday) + Duration::hours(9));
    assert_eq!(&shown(at_ten, chrono_tz::America::New_York)[11..16], "04:00");

    for &meeting in &meetings {
        for (person, member) in &rig.people {
            // A changed answer counts as the last one.
            if member.answer == Some(Rsvp::No) {
                rig.store()
                    .set_rsvp(meeting, *person, Rsvp::Yes, now)
                    .await
                    .expect("answer");
            }
            if let Some(answer) = member.answer {
                rig.store()
                    .set_rsvp(meeting, *person, answer, now)
                    .await
                    .expect("answer");
            }
        }
    }

    // The daily meeting is cancelled on the forward Sunday at 01:00 UTC, just after the scheduler queued its
    // reminder for that day's 02:30 (which does not happen: the meeting would start at the 02:00 UTC jump).
    let cancelled = meetings[2];
    let cancel_at = utc_midnight(forward) + Duration::hours(1);
    // From two days before each change Sunday (its two-day reminders) to noon the day after.
    let windows = [back, forward].map(|sunday| {
        let from = utc_midnight(sunday) - Duration::days(2);
        (from, from + Duration::hours(84))
    });

    let mut expected = Delivered::new();
    for (from, until) in windows {
        for (plan, &meeting) in plans.iter().zip(&meetings) {
            let mut day = (from - Duration::days(3)).date_naive();
            while day <= (until + Duration::days(3)).date_naive() {
                if day >= first_sunday && (!plan.sundays_only || day.weekday() == Weekday::Sun) {
                    let local = day.and_time(plan.time);
                    let start = expected_start(local);
                    for (offset, label) in plan.reminders.offsets().iter().zip(plan.reminders.labels()) {
                        let at = start - *offset;
                        if at < from || at >= until {
                            continue;
                        }
                        // The first step at or after the reminder's time.
                        let late = (at - from).num_seconds() % STEP.num_seconds();
                        let step = if late == 0 {
                            at
                        } else {
                            at + Duration::seconds(STEP.num_seconds() - late)
                        };
                        if meeting == cancelled && step >= cancel_at {
                            continue;
                        }
                        let occurrence = format!("{meeting}/{}/{label}", local.format("%Y-%m-%dT%H:%M"));
                        for (person, member) in &rig.people {
                            if matches!(member.answer, Some(Rsvp::Yes | Rsvp::Maybe)) {
                                expected.insert(("reminder".to_owned(), occurrence.clone(), *person), vec![step]);
                            }
                        }
                    }
                }
                day = day.succ_opt().expect("next day");
            }
        }
    }

    rig.delivered.clear();
    let mut told = Vec::new();
    for (from, until) in windows {
        rig.clock.set(from);
        while rig.clock.now() < until {
            let now = rig.clock.now();
            if queue_due_reminders(rig.store(), now).await.expect("queue") > 0 {
                // A second scheduler at the same moment (another instance) queues nothing more.
                assert_eq!(queue_due_reminders(rig.store(), now).await.expect("again"), 0);
            }
            if now == cancel_at {
                let announced = rig.store().cancel_meeting(cancelled, now).await.expect("cancel");
                assert_eq!(announced, Some(4), "everyone invited is told");
            }
            for (item, replies) in rig.deliver().await {
                let text = text_of(&replies);
                let lang = rig.language_of(item.person.expect("for a person"));
                let heading = match item.message.kind() {
                    "reminder" => "meeting-reminder",
                    "cancellation" => {
                        told.push(item.person.expect("for a person"));
                        "meeting-cancelled"
                    }
                    other => panic!("unexpected {other}"),
                };
                assert!(
                    text.contains(&rig.app.engine().locales().text(lang, heading, None)),
                    "{text}"
                );
                if let OutboxMessage::Reminder { reminder: key, .. } = &item.message {
                    // The reminder tells when its occurrence starts, on the reader's clock.
                    let local = tatwir_core::meeting::parse_local_key(key.split('/').next().expect("occurrence"))
                        .expect("local start");
                    let when = shown(expected_start(local), rig.zone_of(item.person.expect("for a person")));
                    assert!(
                        text.contains(&when),
                        "{key} for {}: {when} in {text}",
                        item.person.expect("for a person").0
                    );
                }
            }
            rig.clock.advance(STEP);
        }
    }

    let extra: Vec<_> = rig
        .delivered
        .iter()
        .filter(|((kind, ..), _)| kind != "cancellation")
        .filter(|(k, _)| !expected.contains_key(*k))
        .collect();
    let missing: Vec<_> = expected
        .iter()
        .filter(|(k, _)| !rig.delivered.contains_key(*k))
        .collect();
    let moved: Vec<_> = expected
        .iter()
        .filter(|(k, when)| rig.delivered.get(*k).is_some_and(|got| got != *when))
        .map(|(k, when)| (k, when, &rig.delivered[k]))
        .collect();
    let reminders = rig.delivered.keys().filter(|(kind, ..)| kind == "reminder").count();
    assert!(
        extra.is_empty() && missing.is_empty() && moved.is_empty(),
        "unexpected: {extra:#?}\nmissing: {missing:#?}\nat another step (or twice): {moved:#?}"
    );
    // Per window: weekly 02:30 (24 h, 1 h) and 10:00 (2 d, 90 min) for the change Sunday, and daily 02:30
    // (1 h) for four days (two in the second window, the meeting being cancelled), to two people each.
    assert_eq!(reminders, expected.len());
    assert_eq!(reminders, 2 * ((2 + 2 + 4) + (2 + 2 + 2)));

    // The doubled hour and the skipped one: each once, at the first 02:30 and at the jump.
    let at_step = |meeting: MeetingId, key: &str, person: PersonId| {
        rig.delivered[&("reminder".to_owned(), format!("{meeting}/{key}"), person)][0]
    };
    let amina = rig.people[0].0;
    let back_key = format!("{}T02:30", back.format("%Y-%m-%d"));
    let forward_key = format!("{}T02:30", forward.format("%Y-%m-%d"));
    assert_eq!(
        at_step(meetings[0], &format!("{back_key}/1h"), amina),
        utc_midnight(back) + Duration::minutes(30)
    );
    assert_eq!(
        at_step(meetings[0], &format!("{forward_key}/1h"), amina),
        utc_midnight(forward) + Duration::hours(1)
    );
    assert_eq!(
        at_step(meetings[0], &format!("{forward_key}/24h"), amina),
        utc_midnight(forward) - Duration::hours(22)
    );

    // The cancellation reached the four people invited, the reminder queued at that moment was dropped, and
    // the cancelled meeting reminds nobody afterwards, whatever the time.
    told.sort();
    let mut everyone: Vec<PersonId> = rig.people.iter().map(|(id, _)| *id).collect();
    everyone.sort();
    assert_eq!(told, everyone);
    let dropped = format!("{cancelled}/{forward_key}/1h");
    assert!(!rig.delivered.keys().any(|(_, occurrence, _)| *occurrence == dropped));
    assert!(
        rig.store()
            .meeting(cancelled)
            .await
            .expect("read")
            .expect("meeting")
            .cancelled
    );
}
