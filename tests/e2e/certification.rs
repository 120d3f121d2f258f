//! Certificates end to end through the engine, on the real store and the bundled pack, with a
//! fake clock: a volunteer finishes the first-aid track and receives the certificate once, names
//! it, anyone verifies it, a coordinator revokes it; expiry and the refresher that renews it.

use crate::learning::{Learner, at, bundled, finish_quiz, poll, texts, try_choice};
use chrono::{DateTime, Duration, Utc};
use tatwir_core::certificate::{CertificateCode, CertificateFilter, CertificateState, CertificateStore};
use tatwir_core::language::Language;
use tatwir_core::learning::{LearningStore, Score};
use tatwir_core::message::{ChatKind, Event};
use tatwir_core::person::PersonId;
use tatwir_store::SqlStore;

/// Every first-aid lesson but the last passed through the store, as if `person` had taken their
/// quizzes at `now`; returns the last lesson's id and French title. Tests on every channel start
/// from here and take the last quiz in the chat.
pub(crate) async fn all_first_aid_but_the_last(
    store: &SqlStore,
    person: PersonId,
    now: DateTime<Utc>,
) -> (String, String) {
    let library = bundled();
    let track = library.certificate_track("first-aid").expect("the first-aid track");
    let (last, before) = track.lessons.split_last().expect("lessons");
    for lesson in before {
        store
            .finish_quiz(
                person,
                &lesson.toolbox,
                &lesson.lesson,
                Score { right: 5, out_of: 5 },
                now,
            )
            .await
            .expect("finish");
    }
    let (_, found) = library.lesson(&last.toolbox, &last.lesson).expect("last lesson");
    (last.lesson.clone(), found.texts.get(Language::Fr).title.clone())
}

/// Every first-aid lesson but the last passed by `user`; returns the last lesson's id and
/// French title.
async fn all_but_the_last(learner: &Learner, user: &str) -> (String, String) {
    let person = learner.person(user).await;
    all_first_aid_but_the_last(learner.store(), person, learner.clock.now()).await
}

/// Opens a first-aid lesson from /learn and reads it to its quiz; returns the first question.
async fn first_aid_quiz(learner: &Learner, user: &str, title: &str) -> tatwir_core::message::Poll {
    let list = learner.say(user, "/learn").await;
    let toolbox = learner.press(user, &list, "Premiers secours").await;
    let mut replies = learner.press(user, &toolbox, title).await;
    while let Some(next) = try_choice(&replies, "Suite") {
        replies = learner.send_in(user, ChatKind::Private, Event::Choice(next)).await;
    }
    poll(&learner.press(user, &replies, "quiz").await)
}

use tatwir_core::clock::Clock;

#[tokio::test]
async fn a_volunteer_finishes_a_track_names_it_and_anyone_verifies_it() {
    let learner = Learner::new(at(2026, 12, 2, 9, 0)).await;
    let (_, title) = all_but_the_last(&learner, "amina").await;
    let person = learner.person("amina").await;
    let first = first_aid_quiz(&learner, "amina", &title).await;
    let done = finish_quiz(&learner, "amina", first.clone(), |_| true).await;
    let shown = texts(&done);
    assert!(
        shown.contains("Vous avez obtenu le certificat « Premiers secours »"),
        "{shown}"
    );
    assert!(shown.contains("Quel nom imprimer"), "{shown}");
    let held = learner
        .store()
        .certificates(CertificateFilter {
            person: Some(person),
            association: None,
        })
        .await
        .expect("list");
    assert_eq!(held.len(), 1);
    let certificate = held[0].clone();
    assert_eq!(certificate.state(learner.clock.now()), CertificateState::Valid);
    assert_eq!(
        certificate.valid_until,
        Some(learner.clock.now() + (at(2028, 12, 2, 9, 0) - at(2026, 12, 2, 9, 0))),
        "first aid stays valid two years"
    );

    // A replayed answer issues nothing twice.
    let replay = learner.answer("amina", &first, first.correct.clone()).await;
    assert!(!texts(&replay).contains("obtenu le certificat"), "{}", texts(&replay));

    // A name that cannot be printed is refused; the suggested one is taken.
    let refused = learner.say("amina", "12345").await;
    assert!(
        texts(&refused).contains("Ce nom ne convient pas"),
        "{}",
        texts(&refused)
    );
    let named = learner.say("amina", "  Amina   El Idrissi ").await;
    let shown = texts(&named);
    assert!(shown.contains("« Amina El Idrissi » sera imprimé"), "{shown}");
    assert!(
        shown.contains(&certificate.code.to_string()),
        "the certificate follows: {shown}"
    );

    // /certificates lists it, with its state and code.
    let listed = texts(&learner.say("amina", "/certificates").await);
    assert!(
        listed.contains("Premiers secours : valable jusqu'au 2 décembre 2028"),
        "{listed}"
    );
    assert!(
        listed.contains("Bénévole formé"),
        "the volunteer track in progress: {listed}"
    );

    // Anyone verifies it, in any chat, even without joining; a wrong code changes nothing.
    let verified = texts(
        &learner
            .say("omar", &format!("/verify {}", certificate.code.as_str().to_lowercase()))
            .await,
    );
    assert!(verified.contains("Amina El Idrissi"), "{verified}");
    assert!(verified.contains("✅"), "{verified}");
    let unknown = texts(
        &learner
            .say("omar", &format!("/verify {}", CertificateCode::generate()))
            .await,
    );
    assert!(unknown.contains("Aucun certificat ne porte ce code"), "{unknown}");
    let garbage = texts(&learner.say("omar", "/verify \u{202e}<script>").await);
    assert!(garbage.contains("Aucun certificat ne porte ce code"), "{garbage}");

    // Revoked: every answer says so.
    learner
        .store()
        .revoke_certificate(&certificate.code, "Examen non conforme", learner.clock.now())
        .await
        .expect("revoke");
    let verified = texts(&learner.say("omar", &format!("/verify {}", certificate.code)).await);
    assert!(verified.contains("⚠️"), "{verified}");
    assert!(verified.contains("révoqué le 2 décembre 2026"), "{verified}");
    assert!(verified.contains("Examen non conforme"), "{verified}");
}

#[tokio::test]
async fn a_certificate_expires_and_its_refresher_renews_it_under_the_same_code() {
    let learner = Learner::new(at(2026, 12, 2, 9, 0)).await;
    let (_, title) = all_but_the_last(&learner, "amina").await;
    let first = first_aid_quiz(&learner, "amina", &title).await;
    let done = finish_quiz(&learner, "amina", first, |_| true).await;
    learner.press("amina", &done, "amina").await;
    let person = learner.person("amina").await;
    let issued = learner
        .store()
        .certificates(CertificateFilter {
            person: Some(person),
            association: None,
        })
        .await
        .expect("list")
        .remove(0);
    assert_eq!(
        issued.holder_name.as_deref(),
        Some("amina"),
        "the suggested name was taken"
    );
    let end = issued.valid_until.expect("expires");

    // Not renewable before the last 30 days.
    learner.clock.set(end - Duration::days(31));
    let listed = learner.say("amina", "/certificates").await;
    assert!(try_choice(&listed, "Renouveler").is_none(), "{}", texts(&listed));

    // Expired: the list and /verify say so; the refresher is offered.
    learner.clock.set(end + Duration::days(1));
    let listed = learner.say("amina", "/certificates").await;
    assert!(
        texts(&listed).contains("expiré depuis le 2 décembre 2028"),
        "{}",
        texts(&listed)
    );
    let verified = texts(&learner.say("omar", &format!("/verify {}", issued.code)).await);
    assert!(verified.contains("⚠️") && verified.contains("expiré"), "{verified}");

    // A failed refresher renews nothing; a passed one renews for two years from the old end.
    let started = learner.press("amina", &listed, "Renouveler").await;
    assert!(texts(&started).contains("une par leçon"), "{}", texts(&started));
    let failed = finish_quiz(&learner, "amina", poll(&started), |_| false).await;
    assert!(
        texts(&failed).contains("pas assez pour renouveler"),
        "{}",
        texts(&failed)
    );
    let again = learner.press("amina", &failed, "Renouveler").await;
    let renewed = finish_quiz(&learner, "amina", poll(&again), |_| true).await;
    let shown = texts(&renewed);
    assert!(
        shown.contains("renouvelé jusqu'au 2 décembre 2030, avec le même code"),
        "{shown}"
    );
    let after = learner
        .store()
        .certificate_by_code(&issued.code)
        .await
        .expect("read")
        .expect("same code");
    assert_eq!(
        after.valid_until,
        Some(end + (at(2030, 12, 2, 9, 0) - at(2028, 12, 2, 9, 0)))
    );
    assert_eq!(after.state(learner.clock.now()), CertificateState::Valid);
}

#[tokio::test]
async fn the_holder_is_reminded_once_before_the_end_unless_they_muted_certificates() {
    use tatwir_core::outbox::OutboxStore;
    use tatwir_core::person::Channel;
    let learner = Learner::new(at(2026, 12, 2, 9, 0)).await;
    let (_, title) = all_but_the_last(&learner, "amina").await;
    let first = first_aid_quiz(&learner, "amina", &title).await;
    let done = finish_quiz(&learner, "amina", first, |_| true).await;
    learner.press("amina", &done, "amina").await;
    let person = learner.person("amina").await;
    let end = learner
        .store()
        .certificates(CertificateFilter {
            person: Some(person),
            association: None,
        })
        .await
        .expect("list")[0]
        .valid_until
        .expect("ends");
    let queue = |now| tatwir_core::engine::certify::queue_expiry_reminders(learner.store(), now);
    assert_eq!(queue(end - Duration::days(31)).await.expect("queue"), 0, "too early");
    assert_eq!(queue(end - Duration::days(29)).await.expect("queue"), 1);
    assert_eq!(
        queue(end - Duration::days(20)).await.expect("queue"),
        0,
        "once per period"
    );
    learner.clock.set(end - Duration::days(29));
    let items = learner
        .store()
        .claim(Channel::Telegram, None, "test", learner.clock.now(), 10)
        .await
        .expect("claim");
    let reminder = items
        .iter()
        .find(|item| item.message.kind() == "certificate_expiring")
        .expect("the reminder");
    let rendered = learner.app.engine().render(reminder, '/').await.expect("render");
    let shown = texts(&rendered);
    assert!(
        shown.contains("arrive à son terme") && shown.contains("Renouveler"),
        "{shown}"
    );

    // Someone who muted certificates is not reminded.
    learner
        .say("omar", &format!("/start {}", learner.amal.volunteer_code))
        .await;
    let (_, title) = all_but_the_last(&learner, "omar").await;
    let first = first_aid_quiz(&learner, "omar", &title).await;
    let done = finish_quiz(&learner, "omar", first, |_| true).await;
    learner.press("omar", &done, "omar").await;
    let muted = texts(&learner.say("omar", "/mute certificats").await);
    assert!(!muted.contains("inconnu"), "{muted}");
    let omar = learner.person("omar").await;
    let omar_end = learner
        .store()
        .certificates(CertificateFilter {
            person: Some(omar),
            association: None,
        })
        .await
        .expect("list")[0]
        .valid_until
        .expect("ends");
    assert_eq!(queue(omar_end - Duration::days(29)).await.expect("queue"), 0, "muted");
}

/// A terminal user: each line goes through the real terminal session, and its output is kept.
pub(crate) struct Terminal<'a> {
    pub(crate) session: tatwir::terminal::Session<'a, tatwir_store::SqlStore>,
    pub(crate) last: String,
}

impl<'a> Terminal<'a> {
    pub(crate) fn new(learner: &'a Learner, user: &str) -> Self {
        Terminal {
            session: tatwir::terminal::Session::new(learner.app.engine(), user, Some(Language::Fr), false),
            last: String::new(),
        }
    }

    pub(crate) async fn line(&mut self, line: &str) -> String {
        let mut output = Vec::new();
        let input = format!("{line}\n").into_bytes();
        self.session
            .run(tokio::io::BufReader::new(input.as_slice()), &mut output)
            .await
            .expect("the session runs");
        self.last = String::from_utf8(output).expect("UTF-8");
        self.last.clone()
    }

    /// The number shown before the choice whose label holds `label`, in the last output.
    fn number(&self, label: &str) -> String {
        self.last
            .lines()
            .filter_map(|line| line.trim_start().split_once(". "))
            .find(|(number, text)| number.chars().all(|c| c.is_ascii_digit()) && text.contains(label))
            .map(|(number, _)| number.to_owned())
            .unwrap_or_else(|| panic!("no choice {label:?} in\n{}", self.last))
    }

    pub(crate) async fn pick(&mut self, label: &str) -> String {
        let number = self.number(label);
        self.line(&number).await
    }

    /// Answers every question shown, right (`right`) or not, until none is asked.
    async fn answer_all(&mut self, right: bool) -> String {
        let library = bundled();
        loop {
            let question = library
                .toolboxes
                .iter()
                .flat_map(|t| &t.lessons)
                .flat_map(|l| &l.questions)
                .find(|q| {
                    let text = &q.texts.get(Language::Fr).text;
                    self.last.contains(text.as_str())
                });
            let Some(question) = question else {
                return self.last.clone();
            };
            let options = &question.texts.get(Language::Fr).options;
            // The options' numbers on screen, in order.
            let first: usize = self.number(&options[0]).parse().expect("number");
            let chosen: Vec<usize> = if right {
                question.correct.clone()
            } else {
                match (0..options.len()).find(|o| !question.correct.contains(o)) {
                    Some(wrong) => vec![wrong],
                    None => vec![question.correct[0]],
                }
            };
            let typed: Vec<String> = chosen.iter().map(|o| (first + o).to_string()).collect();
            let before = self.last.clone();
            self.line(&typed.join(",")).await;
            assert_ne!(before, self.last, "the answer moved the quiz on");
        }
    }
}

#[tokio::test]
async fn on_the_terminal_a_track_ends_in_a_certificate_verified_expired_and_renewed() {
    let learner = Learner::new(at(2026, 12, 2, 9, 0)).await;
    let mut amina = Terminal::new(&learner, "amina-t");
    amina.line(&format!("/start {}", learner.amal.volunteer_code)).await;
    use tatwir_core::store::Store;
    let person = learner
        .store()
        .person_by_identity(&tatwir_core::person::Identity::new(
            tatwir_core::person::Channel::Terminal,
            "amina-t",
        ))
        .await
        .expect("read")
        .expect("joined")
        .id;
    let library = bundled();
    let track = library.certificate_track("first-aid").expect("track");
    let (last, before) = track.lessons.split_last().expect("lessons");
    for lesson in before {
        learner
            .store()
            .finish_quiz(
                person,
                &lesson.toolbox,
                &lesson.lesson,
                Score { right: 5, out_of: 5 },
                learner.clock.now(),
            )
            .await
            .expect("finish");
    }
    let title = library
        .lesson(&last.toolbox, &last.lesson)
        .expect("lesson")
        .1
        .texts
        .get(Language::Fr)
        .title
        .clone();
    amina.line("/learn").await;
    amina.pick("Premiers secours").await;
    amina.pick(&title).await;
    while amina.last.contains("Suite") {
        amina.pick("Suite").await;
    }
    amina.pick("quiz").await;
    let done = amina.answer_all(true).await;
    assert!(
        done.contains("Vous avez obtenu le certificat « Premiers secours »"),
        "{done}"
    );
    let named = amina.pick("amina-t").await;
    assert!(named.contains("🖼 tatwir-certificate-"), "the picture comes: {named}");
    let certificate = learner
        .store()
        .certificates(CertificateFilter {
            person: Some(person),
            association: None,
        })
        .await
        .expect("list")
        .remove(0);
    assert!(named.contains(&certificate.code.to_string()), "{named}");

    let mut omar = Terminal::new(&learner, "omar-t");
    let verified = omar.line(&format!("/verify {}", certificate.code)).await;
    assert!(
        verified.contains("amina-t") && verified.contains("valable jusqu'au 2 décembre 2028"),
        "{verified}"
    );

    // 29 days before the end the reminder comes, with the refresher.
    let end = certificate.valid_until.expect("ends");
    learner.clock.set(end - Duration::days(29));
    let mut output = Vec::new();
    amina.session.deliver_due(&mut output).await.expect("deliver");
    amina.last = String::from_utf8(output).expect("UTF-8");
    assert!(amina.last.contains("arrive à son terme"), "{}", amina.last);
    amina.pick("Renouveler").await;
    let renewed = amina.answer_all(true).await;
    assert!(renewed.contains("renouvelé jusqu'au 2 décembre 2030"), "{renewed}");
    learner.clock.set(end + Duration::days(1));
    let verified = omar.line(&format!("/verify {}", certificate.code)).await;
    assert!(
        verified.contains("valable jusqu'au 2 décembre 2030"),
        "renewed under the same code: {verified}"
    );

    // Revoked from the command line's store call: the terminal says so.
    learner
        .store()
        .revoke_certificate(&certificate.code, "Test", learner.clock.now())
        .await
        .expect("revoke");
    let verified = omar.line(&format!("/verify {}", certificate.code)).await;
    assert!(verified.contains("révoqué le"), "{verified}");
}
