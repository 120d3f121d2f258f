//! Learning through the engine, over a real store and the bundled toolboxes, with a fake clock:
//! quizzes counted once, stale and forged presses refused, progress kept across restarts and
//! content edits, spaced review, and the daily lesson delivered once per local day through the
//! terminal channel, Ramadan clock changes included.

use crate::backends::TestDb;
use crate::harness::TestApp;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::path::Path;
use tatwir::terminal::Session;
use tatwir_core::association::{AssociationDraft, NewAssociation};
use tatwir_core::clock::{Clock, FakeClock};
use tatwir_core::content::Library;
use tatwir_core::language::Language;
use tatwir_core::learning::{AnswerSource, LearningStore};
use tatwir_core::message::{Chat, ChatKind, Event, Incoming, MediaSource, Outgoing, Poll, Text};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

pub(crate) fn bundled() -> Library {
    tatwir_content::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")).expect("the bundled pack loads")
}

/// The right options, 0-based, of the bundled question a poll asks, in whatever language: a
/// channel's poll may put its number ("(2/5) ") before the question's text, and may not say
/// which options are right (a poll taking several answers, a Matrix poll).
pub(crate) fn right_options(question: &str) -> Vec<usize> {
    bundled()
        .toolboxes
        .iter()
        .flat_map(|toolbox| &toolbox.lessons)
        .flat_map(|lesson| &lesson.questions)
        .find(|found| {
            found
                .texts
                .by_language
                .values()
                .any(|text| question.ends_with(&text.text))
        })
        .map(|found| found.correct.clone())
        .unwrap_or_else(|| panic!("no bundled question reads {question:?}"))
}

pub(crate) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid time")
}

pub(crate) struct Learner {
    pub(crate) app: TestApp,
    pub(crate) clock: FakeClock,
    pub(crate) amal: NewAssociation,
    pub(crate) db: TestDb,
}

impl Learner {
    pub(crate) async fn new(now: DateTime<Utc>) -> Learner {
        let db = TestDb::sqlite();
        let clock = FakeClock::at(now);
        let app = TestApp::start(&db.url, clock.clone()).await;
        let draft = AssociationDraft::new("Association Amal", "Tanger").expect("draft");
        let amal = app.store().create_association(&draft, now).await.expect("association");
        let learner = Learner { app, clock, amal, db };
        learner
            .say("amina", &format!("/start {}", learner.amal.volunteer_code))
            .await;
        learner
    }

    /// The service stops and starts again on the same database.
    pub(crate) async fn restart(&mut self) {
        self.app = TestApp::start(&self.db.url, self.clock.clone()).await;
    }

    pub(crate) fn store(&self) -> &SqlStore {
        self.app.engine().store()
    }

    pub(crate) async fn send_in(&self, user: &str, kind: ChatKind, event: Event) -> Vec<Outgoing> {
        let incoming = Incoming {
            identity: Identity::new(Channel::Telegram, user),
            display_name: user.to_owned(),
            client_language: Some("fr".into()),
            chat: Chat {
                id: user.to_owned(),
                kind,
                private_link: None,
                command_prefix: '/',
            },
            event,
        };
        self.app.engine().handle(&incoming).await
    }

    pub(crate) async fn say(&self, user: &str, text: &str) -> Vec<Outgoing> {
        self.send_in(user, ChatKind::Private, Event::Text(text.to_owned()))
            .await
    }

    pub(crate) async fn press(&self, user: &str, replies: &[Outgoing], label_part: &str) -> Vec<Outgoing> {
        let data = choice_data(replies, label_part);
        self.send_in(user, ChatKind::Private, Event::Choice(data)).await
    }

    pub(crate) async fn answer(&self, user: &str, poll: &Poll, options: Vec<usize>) -> Vec<Outgoing> {
        let event = Event::PollAnswer {
            poll: poll.reference.clone(),
            options,
        };
        self.send_in(user, ChatKind::Private, event).await
    }

    pub(crate) async fn person(&self, user: &str) -> PersonId {
        self.store()
            .person_by_identity(&Identity::new(Channel::Telegram, user))
            .await
            .expect("read")
            .expect("person")
            .id
    }

    pub(crate) fn t(&self, id: &str) -> String {
        self.app.engine().locales().text(Language::Fr, id, None)
    }

    /// Opens the first hygiene lesson and reads it to its quiz; returns the first question.
    pub(crate) async fn to_the_quiz(&self, user: &str) -> Poll {
        let list = self.say(user, "/learn").await;
        let toolbox = self.press(user, &list, "Hygiène").await;
        let mut replies = self.press(user, &toolbox, "Le lavage des mains").await;
        while let Some(next) = try_choice(&replies, "Suite") {
            replies = self.send_in(user, ChatKind::Private, Event::Choice(next)).await;
        }
        let quiz = self.press(user, &replies, "quiz").await;
        poll(&quiz)
    }
}

pub(crate) fn texts(replies: &[Outgoing]) -> String {
    replies
        .iter()
        .map(|reply| match reply {
            Outgoing::Message { text, choices } | Outgoing::Live { text, choices, .. } => {
                let labels: Vec<&str> = choices.iter().flatten().map(|c| c.label.as_str()).collect();
                if labels.is_empty() {
                    text.to_plain()
                } else {
                    format!("{}\n[{}]", text.to_plain(), labels.join(" | "))
                }
            }
            Outgoing::Poll(poll) => format!("POLL {} {:?}", poll.question, poll.options),
            // A drawn picture is shown by its name and size, not its bytes; its caption is read.
            Outgoing::Media(media) => {
                let source = match &media.source {
                    MediaSource::Bytes { file_name, bytes, .. } => format!("{file_name} ({} bytes)", bytes.len()),
                    other => format!("{other:?}"),
                };
                let caption = media.caption.as_ref().map(Text::to_plain).unwrap_or_default();
                format!("MEDIA {source}\n{caption}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn try_choice(replies: &[Outgoing], label_part: &str) -> Option<String> {
    replies.iter().rev().find_map(|reply| match reply {
        Outgoing::Message { choices, .. } | Outgoing::Live { choices, .. } => choices
            .iter()
            .flatten()
            .find(|choice| choice.label.contains(label_part))
            .map(|choice| choice.data.clone()),
        _ => None,
    })
}

pub(crate) fn choice_data(replies: &[Outgoing], label_part: &str) -> String {
    try_choice(replies, label_part).unwrap_or_else(|| panic!("no choice with {label_part:?} in\n{}", texts(replies)))
}

pub(crate) fn poll(replies: &[Outgoing]) -> Poll {
    replies
        .iter()
        .find_map(|reply| match reply {
            Outgoing::Poll(poll) => Some(poll.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no question in\n{}", texts(replies)))
}

/// Answers every question of the quiz under way, right when `right` says so.
pub(crate) async fn finish_quiz(
    learner: &Learner,
    user: &str,
    first: Poll,
    right: impl Fn(usize) -> bool,
) -> Vec<Outgoing> {
    let mut question = first;
    let mut number = 0;
    loop {
        let options = if right(number) {
            question.correct.clone()
        } else {
            // An option that is not right; where every option is right (a question taking
            // several answers), all of them but one.
            match (0..question.options.len()).find(|o| !question.correct.contains(o)) {
                Some(wrong) => vec![wrong],
                None => question.correct[1..].to_vec(),
            }
        };
        let replies = learner.answer(user, &question, options).await;
        match replies.iter().find_map(|reply| match reply {
            Outgoing::Poll(poll) => Some(poll.clone()),
            _ => None,
        }) {
            Some(next) => question = next,
            None => return replies,
        }
        number += 1;
    }
}

#[tokio::test]
async fn a_quiz_answer_counts_once_and_stale_or_forged_presses_change_nothing() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let first = learner.to_the_quiz("amina").await;
    assert!(first.options.len() >= 2 && first.explanation.is_some());
    let after = learner.answer("amina", &first, first.correct.clone()).await;
    assert!(texts(&after).contains(&learner.t("quiz-right")), "{}", texts(&after));
    // The same answer delivered again (a channel retrying after a crash) is not counted again.
    let again = learner.answer("amina", &first, first.correct.clone()).await;
    assert_eq!(texts(&again), learner.t("choice-expired"));
    // A forged poll reference, a forged choice, and a choice out of range change nothing.
    let forged = Poll {
        reference: "zzzzzz".into(),
        ..first.clone()
    };
    assert_eq!(
        texts(&learner.answer("amina", &forged, vec![0]).await),
        learner.t("choice-expired")
    );
    let second = poll(&after);
    let out_of_range = learner.answer("amina", &second, vec![99]).await;
    assert_eq!(texts(&out_of_range), learner.t("quiz-answer-invalid"));
    for data in ["", "zzzzzz.0", &"9".repeat(5000), "🙂.1", "\u{202e}.0"] {
        let replies = learner
            .send_in("amina", ChatKind::Private, Event::Choice(data.to_owned()))
            .await;
        assert_eq!(texts(&replies), learner.t("choice-expired"));
    }
    // Someone else's question is not theirs to answer.
    learner
        .say("karim", &format!("/start {}", learner.amal.volunteer_code))
        .await;
    assert_eq!(
        texts(&learner.answer("karim", &second, second.correct.clone()).await),
        learner.t("choice-expired")
    );
    let amina = learner.person("amina").await;
    let attempts = learner.store().attempts(amina).await.expect("attempts");
    assert_eq!(attempts.len(), 1, "one answer, recorded once: {attempts:?}");
    let library = learner.app.engine().library();
    let (_, lesson) = library.lesson("hygiene", "handwashing").expect("lesson");
    assert_eq!(attempts[0].lesson_version, lesson.version);
    assert_eq!(attempts[0].source, AnswerSource::Quiz);
    assert!(attempts[0].correct);
    let karim = learner.person("karim").await;
    assert!(learner.store().attempts(karim).await.expect("attempts").is_empty());
    // The question still waits for Amina's answer.
    let resumed = learner.answer("amina", &second, second.correct.clone()).await;
    assert!(
        texts(&resumed).contains(&learner.t("quiz-right")),
        "{}",
        texts(&resumed)
    );
}

#[tokio::test]
async fn the_best_score_counts_and_progress_survives_a_restart_and_an_edit() {
    let mut learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let first = learner.to_the_quiz("amina").await;
    let done = finish_quiz(&learner, "amina", first, |n| n != 0).await;
    let summary = texts(&done);
    assert!(summary.contains("Quiz terminé : 3/4 (75 %)."), "{summary}");
    assert!(summary.contains("Leçon suivante : Aliments sûrs (1)"), "{summary}");
    // Retake, worse: the best score stays and is said.
    let retake = learner.press("amina", &done, "Refaire le quiz").await;
    let worse = finish_quiz(&learner, "amina", poll(&retake), |n| n == 0).await;
    let summary = texts(&worse);
    assert!(summary.contains("Quiz terminé : 1/4 (25 %)."), "{summary}");
    assert!(summary.contains("reste 3/4"), "{summary}");
    // Halfway through the next lesson, the service restarts.
    let next = learner.press("amina", &worse, "⬅ Hygiène").await;
    let reading = learner.press("amina", &next, "Aliments sûrs (1)").await;
    assert!(texts(&reading).contains("· 1/2"), "{}", texts(&reading));
    learner.restart().await;
    // The keyboard still on screen works after the restart.
    let part_two = learner.press("amina", &reading, "Suite").await;
    assert!(texts(&part_two).contains("· 2/2"), "{}", texts(&part_two));
    learner.restart().await;
    let list = learner.say("amina", "/learn").await;
    assert!(
        texts(&list).contains("Reprendre : Aliments sûrs (1)"),
        "{}",
        texts(&list)
    );
    let resumed = learner.press("amina", &list, "Reprendre").await;
    assert!(texts(&resumed).contains("· 2/2"), "{}", texts(&resumed));
    // The lessons are edited and reordered: a new import keeps Amina's progress and history.
    let mut edited = bundled();
    let hygiene = edited
        .toolboxes
        .iter_mut()
        .find(|t| t.id == "hygiene")
        .expect("hygiene");
    hygiene.lessons.reverse();
    let lesson = hygiene
        .lessons
        .iter_mut()
        .find(|l| l.id == "handwashing")
        .expect("lesson");
    for texts in lesson.texts.by_language.values_mut() {
        texts.parts[0].push_str(" (révisé)");
    }
    lesson.version = "edited".into();
    let report = learner
        .store()
        .import_library(&edited, learner.clock.now())
        .await
        .expect("import");
    assert_eq!(report.changed_lessons, 1);
    learner.restart().await;
    let progress = learner.say("amina", "/progress").await;
    assert!(
        texts(&progress).contains("Hygiène : 1/5 leçons · score 75 %"),
        "{}",
        texts(&progress)
    );
    let toolbox = learner
        .press("amina", &learner.say("amina", "/learn").await, "Hygiène")
        .await;
    assert!(
        texts(&toolbox).contains("✅ Le lavage des mains · 3/4"),
        "{}",
        texts(&toolbox)
    );
    let amina = learner.person("amina").await;
    assert_eq!(
        learner.store().attempts(amina).await.expect("attempts").len(),
        8,
        "both runs are kept"
    );
}

#[tokio::test]
async fn answered_questions_come_back_for_review() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let first = learner.to_the_quiz("amina").await;
    finish_quiz(&learner, "amina", first, |n| n != 1).await;
    assert_eq!(texts(&learner.say("amina", "/review").await), learner.t("review-none"));
    // A week later every question is due; the wrong one first.
    learner.clock.advance(Duration::days(7));
    let progress = learner.say("amina", "/progress").await;
    assert!(
        texts(&progress).contains("4 questions à réviser aujourd'hui"),
        "{}",
        texts(&progress)
    );
    let review = learner.say("amina", "/review").await;
    assert!(texts(&review).contains("Révision : 4 questions"), "{}", texts(&review));
    let done = finish_quiz(&learner, "amina", poll(&review), |_| true).await;
    assert!(texts(&done).contains("Révision terminée : 4/4"), "{}", texts(&done));
    let amina = learner.person("amina").await;
    let attempts = learner.store().attempts(amina).await.expect("attempts");
    assert_eq!(attempts.iter().filter(|a| a.source == AnswerSource::Review).count(), 4);
    assert_eq!(
        learner
            .store()
            .count_due_reviews(amina, learner.clock.now())
            .await
            .expect("count"),
        0
    );
    assert_eq!(texts(&learner.say("amina", "/review").await), learner.t("review-none"));
}

#[tokio::test]
async fn tracks_groups_and_bad_input() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let volunteer = texts(&learner.say("amina", "/learn").await);
    assert!(
        volunteer.contains("Premiers secours") && !volunteer.contains("Leadership"),
        "{volunteer}"
    );
    learner
        .say("nadia", &format!("/start {}", learner.amal.manager_code))
        .await;
    let manager = texts(&learner.say("nadia", "/learn").await);
    assert!(
        manager.contains("Premiers secours") && manager.contains("Financement et transparence"),
        "{manager}"
    );
    // Someone who has not joined is told to join first.
    let stranger = texts(&learner.say("someone", "/learn").await);
    assert!(stranger.contains("/help"), "{stranger}");
    assert!(!stranger.contains("Premiers secours"), "{stranger}");
    // In a group, lessons are private.
    let group = learner
        .send_in("amina", ChatKind::Group, Event::Text("/learn@tatwir_bot".into()))
        .await;
    assert!(texts(&group).contains("en privé"), "{}", texts(&group));
    // A time that is not one changes nothing.
    let amina = learner.person("amina").await;
    for bad in ["25:00", "7:5", "demain", "🙂", &"1".repeat(4000), "07:30 07:45"] {
        let replies = learner.say("amina", &format!("/daily {bad}")).await;
        assert!(
            texts(&replies).contains("Je n'ai pas compris cette heure"),
            "{bad}: {}",
            texts(&replies)
        );
    }
    assert_eq!(learner.store().daily(amina).await.expect("read"), None);
    let off = learner.say("amina", "/daily off").await;
    assert!(texts(&off).contains("n'est pas activée"), "{}", texts(&off));
}

/// Prints what the terminal session delivers between `from` and `to`, minute by minute.
async fn deliveries(
    learner: &Learner,
    session: &mut Session<'_, SqlStore>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, String)> {
    let mut seen = Vec::new();
    learner.clock.set(from);
    while learner.clock.now() < to {
        let mut output = Vec::new();
        if session.deliver_due(&mut output).await.expect("deliver") > 0 {
            seen.push((learner.clock.now(), String::from_utf8(output).expect("UTF-8")));
        }
        learner.clock.advance(Duration::minutes(1));
    }
    seen
}

#[tokio::test]
async fn the_daily_lesson_comes_once_a_day_across_ramadan_clock_changes() {
    // Amina uses the terminal channel, so its sessions deliver her daily lessons.
    let learner = Learner::new(at(2026, 2, 13, 20, 0)).await;
    let user = "amina-terminal";
    let code = learner.amal.volunteer_code.to_string();
    let terminal = |text: &str| Incoming {
        identity: Identity::new(Channel::Terminal, user),
        display_name: user.into(),
        client_language: Some("fr".into()),
        chat: Chat {
            id: user.into(),
            kind: ChatKind::Private,
            private_link: None,
            command_prefix: '/',
        },
        event: Event::Text(text.into()),
    };
    learner.app.engine().handle(&terminal(&format!("/start {code}"))).await;
    let set = learner.app.engine().handle(&terminal("/daily 02:30")).await;
    assert!(
        texts(&set).contains("une leçon chaque jour à 02:30 (Africa/Casablanca). La première arrive demain."),
        "{}",
        texts(&set)
    );
    let mut session = Session::new(learner.app.engine(), user, Some(Language::Fr), false);
    // 2026-02-15: at 03:00 (+01) the clock goes back to 02:00 (+00), so 02:30 happens twice.
    let february = deliveries(&learner, &mut session, at(2026, 2, 13, 20, 0), at(2026, 2, 16, 12, 0)).await;
    let times: Vec<DateTime<Utc>> = february.iter().map(|(at, _)| *at).collect();
    assert_eq!(
        times,
        [at(2026, 2, 14, 1, 30), at(2026, 2, 15, 1, 30), at(2026, 2, 16, 2, 30)]
    );
    let (_, first) = &february[0];
    assert!(first.contains("📚 Votre leçon du jour"), "{first}");
    assert!(first.contains("Premiers secours : Protéger et alerter"), "{first}");
    assert!(first.contains("1. Commencer la leçon ▶"), "{first}");
    // 2026-03-22: at 02:00 (+00) the clock jumps to 03:00 (+01): 02:30 does not exist and the
    // lesson comes at the jump. In between nothing ran: the missed lesson comes once, late.
    let march = deliveries(&learner, &mut session, at(2026, 3, 20, 12, 0), at(2026, 3, 23, 12, 0)).await;
    let times: Vec<DateTime<Utc>> = march.iter().map(|(at, _)| *at).collect();
    assert_eq!(
        times,
        [
            at(2026, 3, 20, 12, 0),
            at(2026, 3, 21, 2, 30),
            at(2026, 3, 22, 2, 0),
            at(2026, 3, 23, 1, 30)
        ]
    );
    let stop = learner.app.engine().handle(&terminal("/daily off")).await;
    assert!(texts(&stop).contains("plus de leçon du jour"), "{}", texts(&stop));
    let after = deliveries(&learner, &mut session, at(2026, 3, 24, 0, 0), at(2026, 3, 25, 12, 0)).await;
    assert!(after.is_empty(), "{after:?}");
}

#[tokio::test]
async fn the_daily_lesson_mentions_reviews_and_opens_the_next_lesson() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let first = learner.to_the_quiz("amina").await;
    finish_quiz(&learner, "amina", first, |_| true).await;
    learner.clock.advance(Duration::days(30));
    let amina = learner.person("amina").await;
    let daily = learner
        .app
        .engine()
        .daily_lesson(amina, Channel::Telegram, "amina", '/')
        .await
        .expect("render");
    let shown = texts(&daily);
    assert!(shown.contains("questions attendent aussi votre révision"), "{shown}");
    assert!(shown.contains("Premiers secours : Protéger et alerter"), "{shown}");
    let opened = learner.press("amina", &daily, "Commencer la leçon").await;
    assert!(
        texts(&opened).contains("Protéger et alerter · 1/3"),
        "{}",
        texts(&opened)
    );
    // Opening the lesson replaced the choices on screen: the daily message's other choice is
    // stale now, and tomorrow's message offers it again.
    let stale = learner.press("amina", &daily, "Réviser").await;
    assert_eq!(texts(&stale), learner.t("choice-expired"));
    let tomorrow = learner
        .app
        .engine()
        .daily_lesson(amina, Channel::Telegram, "amina", '/')
        .await
        .expect("render");
    let review = learner.press("amina", &tomorrow, "Réviser").await;
    assert!(texts(&review).contains("Révision :"), "{}", texts(&review));
}

#[tokio::test]
async fn a_chosen_time_zone_moves_the_daily_lesson() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    let amina = learner.person("amina").await;
    learner.say("amina", "/daily 07:30").await;
    let daily = learner.store().daily(amina).await.expect("read").expect("subscribed");
    assert_eq!(daily.next_at, at(2026, 5, 5, 6, 30), "07:30 in Casablanca (+01)");
    let current = texts(&learner.say("amina", "/timezone").await);
    assert!(current.contains("Africa/Casablanca (il y est 10:00)"), "{current}");
    for bad in ["Mars/Olympus", "Europe/Paris/../x", "أوروبا/باريس", ""] {
        let replies = learner.say("amina", &format!("/timezone {bad}x")).await;
        assert!(
            texts(&replies).contains("Je ne connais pas ce fuseau"),
            "{bad}: {}",
            texts(&replies)
        );
    }
    let set = texts(&learner.say("amina", "/timezone europe/paris").await);
    assert!(set.contains("Europe/Paris (il y est 11:00)"), "{set}");
    let daily = learner.store().daily(amina).await.expect("read").expect("subscribed");
    assert_eq!(daily.next_at, at(2026, 5, 5, 5, 30), "07:30 in Paris (+02)");
    let progress = texts(&learner.say("amina", "/progress").await);
    assert!(progress.contains("chaque jour à 07:30 (Europe/Paris)"), "{progress}");
}

#[tokio::test]
async fn a_coordinator_confirms_an_announcement_and_follows_it() {
    let learner = Learner::new(at(2026, 5, 4, 9, 0)).await;
    // A volunteer may not broadcast.
    let refused = texts(&learner.say("amina", "/broadcast Bonjour").await);
    assert!(refused.contains("pas ouverte à votre rôle"), "{refused}");
    learner.say("karim", "/help").await;
    let karim = learner.person("karim").await;
    learner
        .store()
        .grant_role(karim, tatwir_core::role::Role::Coordinator, None, learner.clock.now())
        .await
        .expect("grant");
    let empty = texts(&learner.say("karim", "/broadcast   ").await);
    assert!(empty.contains("Écrivez l'annonce après la commande"), "{empty}");
    let preview = learner
        .say("karim", "/broadcast La réunion de samedi est reportée.")
        .await;
    assert!(
        texts(&preview).contains("Annonce à envoyer — destinataires : toutes les associations"),
        "{}",
        texts(&preview)
    );
    let cancelled = learner.press("karim", &preview, "Annuler").await;
    assert!(texts(&cancelled).contains("annulé"));
    let preview = learner
        .say("karim", "/broadcast La réunion de samedi est reportée.")
        .await;
    let queued = learner.press("karim", &preview, "📢 Envoyer").await;
    // Amina (a member with a private chat) is the one recipient; Karim is not a member.
    assert!(texts(&queued).contains("part vers une personne"), "{}", texts(&queued));
    let report = learner.press("karim", &queued, "Suivi de l'envoi").await;
    assert!(texts(&report).contains("0 envoyés, 1 en attente"), "{}", texts(&report));
}

/// The picture a reply sends, as (file name, caption), if it is one.
fn picture(reply: &Outgoing) -> Option<(String, String)> {
    match reply {
        Outgoing::Media(media) => {
            let MediaSource::File(path) = &media.source else {
                panic!("a bundled picture is a file: {media:?}");
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Some((name, media.caption.as_ref().map(Text::to_plain).unwrap_or_default()))
        }
        _ => None,
    }
}

#[tokio::test]
async fn each_step_of_a_lesson_comes_with_its_own_picture() {
    let learner = Learner::new(at(2026, 3, 2, 9, 0)).await;
    let list = learner.say("amina", "/learn").await;
    let toolbox = learner.press("amina", &list, "Premiers secours").await;
    let first = learner.press("amina", &toolbox, "Étouffement chez l'adulte").await;
    // The back blows' picture, then the part that teaches them, with the way on last.
    assert_eq!(first.len(), 2, "{}", texts(&first));
    let (name, caption) = picture(&first[0]).expect("a picture first");
    assert_eq!(name, "back-blows.png");
    assert!(caption.starts_with("1) Jusqu'à 5 claques dans le dos"), "{caption}");
    assert!(picture(&first[1]).is_none());
    assert!(texts(&first[1..]).contains("Suite"), "{}", texts(&first));

    let second = learner.press("amina", &first, "Suite").await;
    assert_eq!(second.len(), 2, "{}", texts(&second));
    let (name, caption) = picture(&second[0]).expect("a picture first");
    assert_eq!(name, "abdominal-thrusts.png");
    assert!(
        caption.starts_with("2) Jusqu'à 5 compressions abdominales"),
        "{caption}"
    );
    assert!(texts(&second[1..]).contains("quiz"), "{}", texts(&second));

    // A lesson whose picture goes with its second part shows none with its first.
    let list = learner.say("amina", "/learn").await;
    let toolbox = learner.press("amina", &list, "Premiers secours").await;
    let first = learner.press("amina", &toolbox, "position latérale").await;
    assert!(first.iter().all(|reply| picture(reply).is_none()), "{}", texts(&first));
    let second = learner.press("amina", &first, "Suite").await;
    let (name, _) = picture(&second[0]).expect("the picture of the steps");
    assert_eq!(name, "recovery-position.png");

    // Each language captions both steps.
    let bundled = bundled();
    let (_, lesson) = bundled.lesson("first-aid", "choking").expect("choking");
    assert!(lesson.media.is_none());
    for language in Language::ALL {
        assert_eq!(lesson.texts.get(language).image_captions.len(), 2, "{language:?}");
    }
}
