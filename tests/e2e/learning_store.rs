//! The learning store's contract, on SQLite and on PostgreSQL: packs and lesson versions,
//! progress and best scores, answers recorded once, review cards, daily lessons queued once per
//! local date, and outbox claims that never hand one message to two workers.

use crate::backends::on_both_backends;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;
use tatwir_core::content::{
    Lesson, LessonText, Library, Question, QuestionKey, QuestionKind, QuestionText, Toolbox, ToolboxAudience,
    ToolboxText, Translations, digest,
};
use tatwir_core::conversation::Conversation;
use tatwir_core::daily::{DailyPlan, DailyTime};
use tatwir_core::language::Language;
use tatwir_core::learning::{
    AnswerSource, Attempt, DailySubscription, LearningStore, Recorded, Score, queue_due_dailies,
};
use tatwir_core::outbox::{OutboxStore, Undelivered};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::review::after_answer;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;
use tatwir_store::database_url::DatabaseUrl;

on_both_backends!(
    importing_keeps_versions_and_reports_changes,
    best_scores_and_completion_are_kept,
    an_answer_is_recorded_once_per_offer,
    reviews_come_due,
    daily_lessons_are_queued_once_per_local_date,
    two_workers_never_claim_the_same_message,
    undelivered_messages_are_retried_or_given_up,
    an_outage_loses_nothing_for_a_day_and_given_up_messages_come_back,
    broadcasts_reach_members_with_a_private_chat_who_did_not_mute_them,
    group_chats_hear_of_a_meeting_once_each_and_are_claimed_once,
);

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid time")
}

fn french<T>(value: T) -> Translations<T> {
    Translations {
        by_language: BTreeMap::from([(Language::Fr, value)]),
    }
}

fn lesson(id: &str, text: &str) -> Lesson {
    let questions = ["q1", "q2", "q3"]
        .iter()
        .map(|q| Question {
            id: (*q).to_owned(),
            kind: QuestionKind::Single,
            correct: vec![1],
            texts: french(QuestionText {
                text: format!("{text} {q}?"),
                options: vec!["a".into(), "b".into()],
                explanation: "b".into(),
            }),
        })
        .collect();
    let mut lesson = Lesson {
        id: id.to_owned(),
        version: String::new(),
        materials: Vec::new(),
        media: None,
        images: Vec::new(),
        questions,
        texts: french(LessonText {
            title: id.to_owned(),
            parts: vec![text.to_owned()],
            caption: None,
            image_captions: BTreeMap::new(),
        }),
    };
    lesson.version = digest(&(&lesson.questions, &lesson.texts));
    lesson
}

fn library(first_text: &str) -> Library {
    Library {
        toolboxes: vec![Toolbox {
            id: "hygiene".into(),
            audience: ToolboxAudience::Volunteer,
            position: 1,
            materials: Vec::new(),
            lessons: vec![lesson("hands", first_text), lesson("food", "Cuire")],
            texts: french(ToolboxText {
                title: "Hygiène".into(),
                summary: "Mains et aliments".into(),
            }),
        }],
        certificates: Vec::new(),
        label: None,
    }
}

async fn person(store: &SqlStore, user: &str) -> PersonId {
    store
        .person_for(
            &Identity::new(Channel::Telegram, user),
            user,
            Some(Language::Fr),
            at(2026, 1, 1, 0, 0),
        )
        .await
        .expect("person")
        .id
}

fn key(question: &str) -> QuestionKey {
    QuestionKey {
        toolbox: "hygiene".into(),
        lesson: "hands".into(),
        question: question.into(),
    }
}

fn attempt(person: PersonId, question: &str, correct: bool, offer: &str, now: DateTime<Utc>) -> Attempt {
    Attempt {
        person,
        question: key(question),
        lesson_version: "v1".into(),
        chosen: vec![usize::from(correct)],
        correct,
        source: AnswerSource::Quiz,
        offer: offer.into(),
        answered_at: now,
    }
}

async fn importing_keeps_versions_and_reports_changes(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let now = at(2026, 1, 1, 0, 0);
    assert_eq!(store.library().await.expect("read"), None);
    let first = store.import_library(&library("Laver"), now).await.expect("import");
    assert!(first.changed);
    assert_eq!((first.lessons, first.new_lessons, first.changed_lessons), (2, 2, 0));
    let again = store
        .import_library(&library("Laver"), now)
        .await
        .expect("import again");
    assert!(!again.changed, "the same pack twice changes nothing");
    let edited = store
        .import_library(&library("Laver 40 s"), now)
        .await
        .expect("import an edit");
    assert!(edited.changed);
    assert_eq!(
        (edited.new_lessons, edited.changed_lessons, edited.removed_lessons),
        (0, 1, 0)
    );
    let mut smaller = library("Laver 40 s");
    smaller.toolboxes[0].lessons.pop();
    let removed = store.import_library(&smaller, now).await.expect("import a removal");
    assert_eq!(removed.removed_lessons, 1);
    assert_eq!(store.library().await.expect("read"), Some(smaller));
    store.close().await;
}

async fn best_scores_and_completion_are_kept(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amina = person(&store, "amina").await;
    let day = at(2026, 2, 1, 9, 0);
    store.start_lesson(amina, "hygiene", "hands", day).await.expect("start");
    store
        .start_lesson(amina, "hygiene", "hands", day + Duration::hours(1))
        .await
        .expect("again");
    let started = store.progress(amina).await.expect("progress");
    assert_eq!(started.len(), 1);
    assert_eq!(started[0].started_at, day, "starting again keeps the first start");
    assert_eq!(started[0].completed_at, None);
    let two = Score { right: 2, out_of: 3 };
    let one = Score { right: 1, out_of: 3 };
    let done = store
        .finish_quiz(amina, "hygiene", "hands", two, day + Duration::hours(2))
        .await
        .expect("finish");
    assert_eq!(done.best_score, Some(two));
    assert_eq!(done.completed_at, Some(day + Duration::hours(2)));
    let retaken = store
        .finish_quiz(amina, "hygiene", "hands", one, day + Duration::hours(3))
        .await
        .expect("retake");
    assert_eq!(retaken.best_score, Some(two), "a worse retake keeps the best score");
    assert_eq!(retaken.last_score, Some(one));
    assert_eq!(retaken.quiz_runs, 2);
    assert_eq!(
        retaken.completed_at,
        Some(day + Duration::hours(2)),
        "completion is the first time"
    );
    store.close().await;
}

async fn an_answer_is_recorded_once_per_offer(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amina = person(&store, "amina").await;
    let now = at(2026, 2, 1, 9, 0);
    let card = after_answer(None, true, now);
    let conversation = Conversation::default();
    let first = attempt(amina, "q1", true, "abc234", now);
    let finished = Some(Score { right: 1, out_of: 1 });
    assert_eq!(
        store
            .record_attempt(&first, &card, &conversation, finished)
            .await
            .expect("record"),
        Recorded::New
    );
    assert_eq!(
        store
            .record_attempt(&first, &card, &conversation, finished)
            .await
            .expect("record again"),
        Recorded::Duplicate
    );
    let attempts = store.attempts(amina).await.expect("attempts");
    assert_eq!(attempts, vec![first]);
    let progress = store.progress(amina).await.expect("progress");
    assert_eq!(progress[0].quiz_runs, 1, "a duplicate does not count the quiz twice");
    store.close().await;
}

async fn reviews_come_due(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amina = person(&store, "amina").await;
    let now = at(2026, 2, 1, 9, 0);
    let conversation = Conversation::default();
    let right = after_answer(None, true, now);
    let wrong = after_answer(None, false, now);
    store
        .record_attempt(&attempt(amina, "q1", true, "o1", now), &right, &conversation, None)
        .await
        .expect("q1");
    store
        .record_attempt(&attempt(amina, "q2", false, "o2", now), &wrong, &conversation, None)
        .await
        .expect("q2");
    assert_eq!(store.count_due_reviews(amina, now).await.expect("count"), 0);
    let later = right.due.max(wrong.due) + Duration::minutes(1);
    assert_eq!(store.count_due_reviews(amina, later).await.expect("count"), 2);
    let due = store.due_reviews(amina, later, 10).await.expect("due");
    assert_eq!(due[0].question, key("q2"), "the most overdue comes first");
    assert_eq!(store.review_card(amina, &key("q1")).await.expect("card"), Some(right));
    store.close().await;
}

async fn daily_lessons_are_queued_once_per_local_date(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let amina = person(&store, "amina").await;
    let plan = DailyPlan {
        time: "02:30".parse::<DailyTime>().expect("time"),
        zone: chrono_tz::Africa::Casablanca,
    };
    let start = at(2026, 2, 13, 12, 0);
    let (next_date, next_at) = plan.next(None, start);
    let subscription = DailySubscription {
        person: amina,
        plan,
        channel: Channel::Terminal,
        chat: "amina".into(),
        next_date,
        next_at,
    };
    store
        .set_daily(amina, Some(&subscription), start)
        .await
        .expect("subscribe");
    // Every 10 minutes for four days around the day Morocco's clock goes back (02:00-03:00
    // happens twice on 2026-02-15), then around the day it jumps (02:00-03:00 never happens on
    // 2026-03-22): one lesson per local date, never two, none skipped. Between the two windows
    // nothing ran for a month: the lesson missed then comes once, late, and no backlog follows.
    let mut queued = Vec::new();
    for (from, days) in [(start, 4), (at(2026, 3, 20, 12, 0), 4)] {
        let mut now = from;
        while now < from + Duration::days(days) {
            if queue_due_dailies(&store, now).await.expect("queue") > 0 {
                queued.push(now);
            }
            // A second worker at the same moment queues nothing more.
            assert_eq!(queue_due_dailies(&store, now).await.expect("queue again"), 0);
            now += Duration::minutes(10);
        }
    }
    let items = store
        .claim(Channel::Terminal, Some("amina"), "w", at(2026, 4, 1, 0, 0), 100)
        .await
        .expect("claim");
    let dates: Vec<&str> = items.iter().map(|item| item.occurrence.as_str()).collect();
    assert_eq!(
        dates,
        [
            "2026-02-14",
            "2026-02-15",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-03-21",
            "2026-03-22",
            "2026-03-23",
            "2026-03-24"
        ],
        "queued at {queued:?}"
    );
    // 02:30 on 2026-02-15 (first pass, +01) is 01:30 UTC; on 2026-03-22 it does not exist and the
    // lesson comes at the jump, 02:00 UTC (03:00 local).
    assert!(queued.contains(&at(2026, 2, 15, 1, 30)), "{queued:?}");
    assert!(queued.contains(&at(2026, 3, 22, 2, 0)), "{queued:?}");
    let current = store.daily(amina).await.expect("read").expect("subscribed");
    assert_eq!(current.next_date, NaiveDate::from_ymd_opt(2026, 3, 25).expect("date"));
    store.set_daily(amina, None, start).await.expect("stop");
    assert_eq!(store.daily(amina).await.expect("read"), None);
    store.close().await;
}

async fn enqueue(store: &SqlStore, people: &[PersonId], now: DateTime<Utc>) {
    for &person in people {
        let subscription = DailySubscription {
            person,
            plan: DailyPlan {
                time: "08:00".parse().expect("time"),
                zone: chrono_tz::Africa::Casablanca,
            },
            channel: Channel::Telegram,
            chat: person.0.to_string(),
            next_date: NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
            next_at: now,
        };
        store
            .set_daily(person, Some(&subscription), now)
            .await
            .expect("subscribe");
    }
    queue_due_dailies(store, now).await.expect("queue");
}

async fn two_workers_never_claim_the_same_message(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let mut people = Vec::new();
    for i in 0..40 {
        people.push(person(&store, &format!("p{i}")).await);
    }
    let now = at(2026, 2, 1, 7, 0);
    enqueue(&store, &people, now).await;
    let (a, b) = tokio::join!(
        store.claim(Channel::Telegram, None, "a", now, 25),
        store.claim(Channel::Telegram, None, "b", now, 25)
    );
    let (a, b) = (a.expect("claim a"), b.expect("claim b"));
    let mut ids: Vec<i64> = a.iter().chain(&b).map(|item| item.id).collect();
    assert_eq!(ids.len(), 40, "between them the two workers took every message");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 40, "no message was claimed twice");
    assert!(
        store
            .claim(Channel::Telegram, None, "c", now, 25)
            .await
            .expect("claim c")
            .is_empty()
    );
    // A claim lapses: a crashed worker's messages come back.
    let later = now + tatwir_core::outbox::CLAIM_LEASE + Duration::seconds(1);
    assert_eq!(
        store
            .claim(Channel::Telegram, None, "c", later, 100)
            .await
            .expect("reclaim")
            .len(),
        40
    );
    for item in &a {
        // The first worker's lease lapsed: it no longer holds the item, and cannot settle it.
        assert!(!store.mark_sent(item.id, "a", later).await.expect("not a's"));
        assert!(
            !store
                .mark_undelivered(item.id, "a", &Undelivered::Transient("late".into()), later)
                .await
                .expect("not a's")
        );
        assert!(!store.renew_claim(item.id, "a", later).await.expect("not a's"));
        assert!(store.renew_claim(item.id, "c", later).await.expect("c's"));
        assert!(store.mark_sent(item.id, "c", later).await.expect("sent"));
    }
    let much_later = later + Duration::minutes(5);
    let left = store
        .claim(Channel::Telegram, None, "d", much_later, 100)
        .await
        .expect("claim d");
    assert_eq!(left.len(), 40 - a.len(), "what was sent is never handed out again");
    store.close().await;
}

async fn undelivered_messages_are_retried_or_given_up(url: DatabaseUrl) {
    let store = SqlStore::connect(&url).await.expect("store");
    let people = [
        person(&store, "x").await,
        person(&store, "y").await,
        person(&store, "z").await,
    ];
    let now = at(2026, 2, 1, 7, 0);
    enqueue(&store, &people, now).await;
    let items = store.claim(Channel::Telegram, None, "w", now, 10).await.expect("claim");
    assert_eq!(items.len(), 3);
    store
        .mark_undelivered(items[0].id, "w", &Undelivered::RetryAfter(Duration::seconds(30)), now)
        .await
        .expect("429");
    store
        .mark_undelivered(items[1].id, "w", &Undelivered::Unreachable("blocked".into()), now)
        .await
        .expect("403");
    store
        .mark_undelivered(items[2].id, "w", &Undelivered::Transient("502".into()), now)
        .await
        .expect("5xx");
    assert!(
        store
            .claim(Channel::Telegram, None, "w", now + Duration::seconds(4), 10)
            .await
            .expect("c")
            .is_empty()
    );
    let retried = store
        .claim(Channel::Telegram, None, "w", now + Duration::seconds(31), 10)
        .await
        .expect("c");
    let ids: Vec<i64> = retried.iter().map(|item| item.id).collect();
    assert_eq!(
        ids,
        vec![items[0].id, items[2].id],
        "the blocked person is not tried again"
    );
    assert_eq!(retried[0].tries, 1, "waiting for a 429 does not count as a try");
    store.close().await;
}

async fn broadcasts_reach_members_with_a_private_chat_who_did_not_mute_them(url: DatabaseUrl) {
    use tatwir_core::audience::Audience;
    use tatwir_core::broadcast::{BroadcastStore, NewBroadcast, Topic};
    let store = SqlStore::connect(&url).await.expect("store");
    let now = at(2026, 2, 1, 9, 0);
    let draft = tatwir_core::association::AssociationDraft::new("Amal", "Tanger").expect("draft");
    let amal = store.create_association(&draft, now).await.expect("association");
    let mut people = Vec::new();
    for user in ["a", "b", "c", "d"] {
        let id = person(&store, user).await;
        store.redeem_invite(id, &amal.volunteer_code, now).await.expect("join");
        people.push(id);
    }
    // "d" never wrote in private: there is nowhere to send to.
    for user in ["a", "b", "c"] {
        store
            .note_private_chat(&Identity::new(Channel::Telegram, user), user)
            .await
            .expect("chat");
    }
    store
        .set_muted(people[2], Topic::Announcements, true)
        .await
        .expect("mute");
    let broadcast = NewBroadcast {
        author: None,
        topic: Topic::Announcements,
        texts: BTreeMap::from([(Language::Fr, "Bonjour".to_owned())]),
        audience: Audience {
            associations: vec![amal.association.id],
            role: None,
            city: Some("tanger".into()),
            groups: Vec::new(),
        },
        request: None,
    };
    let (id, queued) = store.create_broadcast(&broadcast, now).await.expect("broadcast");
    assert_eq!(queued, 2);
    let report = store.delivery_report(id).await.expect("report");
    assert_eq!((report.recipients, report.pending), (2, 2));
    let elsewhere = NewBroadcast {
        audience: Audience {
            city: Some("Rabat".into()),
            ..Audience::default()
        },
        ..broadcast
    };
    assert_eq!(store.create_broadcast(&elsewhere, now).await.expect("broadcast").1, 0);
    store.close().await;
}

async fn group_chats_hear_of_a_meeting_once_each_and_are_claimed_once(url: DatabaseUrl) {
    use tatwir_core::audience::Audience;
    use tatwir_core::meeting::{MeetingStore, MeetingTime, NewMeeting, Recurrence, Reminders};
    let store = SqlStore::connect(&url).await.expect("store");
    let now = at(2026, 5, 1, 9, 0);
    // "-100" is seen again under a new title: still one group.
    for (channel, chat, title) in [
        (Channel::Telegram, "-100", "Bénévoles"),
        (Channel::Telegram, "-100", "Bénévoles Tanger"),
        (Channel::Matrix, "!room:example.org", "Coordination"),
        (Channel::Telegram, "-300", "Partie"),
    ] {
        store.note_group_chat(channel, chat, title, now).await.expect("group");
    }
    store
        .left_group_chat(Channel::Telegram, "-300", now)
        .await
        .expect("left");
    let groups = store.group_chats().await.expect("groups");
    let titles: Vec<(&str, bool)> = groups.iter().map(|g| (g.title.as_str(), g.left)).collect();
    assert_eq!(
        titles,
        [("Bénévoles Tanger", false), ("Coordination", false), ("Partie", true)]
    );
    let found = store
        .group_chat_at(Channel::Matrix, "!room:example.org")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(found.id, groups[1].id);
    assert!(
        store
            .group_chat_at(Channel::Matrix, "-100")
            .await
            .expect("read")
            .is_none()
    );
    let meeting = NewMeeting {
        organizer: None,
        title: BTreeMap::from([(Language::Fr, "Réunion".to_owned())]),
        agenda: BTreeMap::new(),
        time: MeetingTime {
            start: at(2026, 6, 1, 10, 0).naive_utc(),
            end: at(2026, 6, 1, 12, 0).naive_utc(),
            zone: chrono_tz::Africa::Casablanca,
        },
        place: None,
        link: None,
        recurrence: Recurrence::None,
        audience: Audience {
            groups: groups.iter().map(|g| g.id).collect(),
            ..Audience::default()
        },
        reminders: Reminders::default(),
        request: None,
    };
    // Only the groups: nobody privately, and not the group the bot left.
    let (id, told) = store.create_meeting(&meeting, now).await.expect("meeting");
    assert_eq!(told, 2);
    assert_eq!(
        store.meeting(id).await.expect("read").expect("meeting").audience,
        meeting.audience
    );
    // Twice at the same moment (two instances): queued once per group.
    assert_eq!(
        store
            .queue_reminder(id, "2026-06-01T10:00/24h", now)
            .await
            .expect("reminder"),
        2
    );
    assert_eq!(
        store
            .queue_reminder(id, "2026-06-01T10:00/24h", now)
            .await
            .expect("again"),
        0
    );
    assert_eq!(store.update_meeting(id, &meeting, now).await.expect("change"), Some(2));
    let (a, b) = tokio::join!(
        store.claim(Channel::Telegram, None, "a", now, 25),
        store.claim(Channel::Telegram, None, "b", now, 25)
    );
    let (a, b) = (a.expect("claim a"), b.expect("claim b"));
    let mut taken: Vec<(String, String)> = a
        .iter()
        .chain(&b)
        .map(|i| (i.message.kind().to_owned(), i.occurrence.clone()))
        .collect();
    assert!(
        a.iter()
            .chain(&b)
            .all(|item| item.person.is_none() && item.chat == "-100")
    );
    taken.sort();
    let group = groups[0].id.0;
    assert_eq!(
        taken,
        [
            ("change".to_owned(), format!("{id}/1@{group}")),
            ("invitation".to_owned(), format!("{id}@{group}")),
            ("reminder".to_owned(), format!("{id}/2026-06-01T10:00/24h@{group}")),
        ],
        "each once, to one worker"
    );
    assert_eq!(store.cancel_meeting(id, now).await.expect("cancel"), Some(2));
    assert_eq!(store.cancel_meeting(id, now).await.expect("again"), Some(0));
    let matrix = store.claim(Channel::Matrix, None, "c", now, 25).await.expect("claim");
    let kinds: Vec<&str> = matrix.iter().map(|item| item.message.kind()).collect();
    assert_eq!(
        kinds,
        ["invitation", "change", "cancellation"],
        "a reminder not yet sent is dropped by the cancellation"
    );
    // No reminder once it is cancelled.
    assert_eq!(
        store
            .queue_reminder(id, "2026-06-01T10:00/1h", now)
            .await
            .expect("late"),
        0
    );
    store.close().await;
}

/// Issue 12, point 10: an item is tried, with backoff, for as long as it is younger than the
/// give-up age (a day by default), however many tries that takes; then it is failed, listed, and
/// `retry` puts it back as new.
async fn an_outage_loses_nothing_for_a_day_and_given_up_messages_come_back(url: DatabaseUrl) {
    use tatwir_core::outbox::OutboxStatus;
    let store = SqlStore::connect(&url).await.expect("store");
    let people = [person(&store, "x").await];
    let start = at(2026, 2, 1, 7, 0);
    enqueue(&store, &people, start).await;
    let mut now = start;
    let mut tries = 0;
    // Twenty hours of 502s: far more than eight tries, and still pending.
    while now < start + Duration::hours(20) {
        let items = store.claim(Channel::Telegram, None, "w", now, 10).await.expect("claim");
        for item in &items {
            tries += 1;
            assert!(
                store
                    .mark_undelivered(item.id, "w", &Undelivered::Transient("502".into()), now)
                    .await
                    .expect("502")
            );
        }
        now += Duration::minutes(10);
    }
    assert!(tries > 8, "{tries} tries");
    let pending = store
        .outbox_entries(&[OutboxStatus::Pending, OutboxStatus::Failed], 10)
        .await
        .expect("list");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].status, OutboxStatus::Pending);
    assert_eq!(pending[0].last_error.as_deref(), Some("502"));
    // A day after it was queued, the next failure gives it up.
    let late = start + Duration::hours(24) + Duration::minutes(1);
    let items = store
        .claim(Channel::Telegram, None, "w", late, 10)
        .await
        .expect("claim");
    assert_eq!(items.len(), 1);
    store
        .mark_undelivered(items[0].id, "w", &Undelivered::Transient("502".into()), late)
        .await
        .expect("502");
    let failed = store.outbox_entries(&[OutboxStatus::Failed], 10).await.expect("list");
    assert_eq!(failed.iter().map(|e| e.id).collect::<Vec<_>>(), vec![items[0].id]);
    assert!(
        store
            .claim(Channel::Telegram, None, "w", late + Duration::hours(1), 10)
            .await
            .expect("claim")
            .is_empty()
    );
    // Put back, it is due at once, as new.
    assert_eq!(store.retry_failed(&[], late).await.expect("retry"), 1);
    assert_eq!(store.retry_failed(&[items[0].id], late).await.expect("again"), 0);
    let back = store
        .claim(Channel::Telegram, None, "w2", late, 10)
        .await
        .expect("claim");
    assert_eq!((back.len(), back[0].tries), (1, 1));
    assert!(store.mark_sent(back[0].id, "w2", late).await.expect("sent"));
    assert!(
        store
            .outbox_entries(&[OutboxStatus::Pending, OutboxStatus::Failed], 10)
            .await
            .expect("list")
            .is_empty()
    );
    store.close().await;
}

/// Issue 12, point 10: on SQLite, a process that starts frees the claims of processes that have
/// stopped (their messages go out at once), never those of a process still running beside it (a
/// `tatwir chat` next to `tatwir serve`), whose worker can still settle its items.
#[tokio::test]
async fn a_starting_process_frees_only_the_claims_of_stopped_ones() {
    let db = crate::backends::TestDb::sqlite();
    let store = SqlStore::connect(&db.url).await.expect("store");
    let people = [person(&store, "x").await, person(&store, "y").await];
    let now = at(2026, 2, 1, 7, 0);
    enqueue(&store, &people, now).await;
    let running = "terminal:1001:aa";
    let stopped = "telegram:1002:bb";
    let first = store
        .claim(Channel::Telegram, None, running, now, 1)
        .await
        .expect("claim");
    let second = store
        .claim(Channel::Telegram, None, stopped, now, 1)
        .await
        .expect("claim");
    assert_eq!((first.len(), second.len()), (1, 1));
    let released = store.release_stale_claims(|pid| pid == 1001).await.expect("release");
    assert_eq!(released, 1, "only the stopped process's claim is freed");
    // The stopped one's message is due again at once; the running one's stays with it.
    let again = store
        .claim(Channel::Telegram, None, "new:1003:cc", now, 10)
        .await
        .expect("claim");
    assert_eq!(again.iter().map(|item| item.id).collect::<Vec<_>>(), vec![second[0].id]);
    assert!(
        store
            .mark_sent(first[0].id, running, now)
            .await
            .expect("settled by its worker")
    );
    store.close().await;
}
