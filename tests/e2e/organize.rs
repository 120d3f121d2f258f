//! Organisers in the chat: a manager writes a meeting field by field and invites their
//! association, changes it (everyone invited hears of it and may answer again), records who came,
//! and cancels it; a coordinator may invite anyone; nobody else may. The engine over a real
//! SQLite store, with a fake clock, and the messages as the outbox renders them.

use crate::backends::TestDb;
use crate::harness::TestApp;
use chrono::{DateTime, TimeZone, Utc};
use tatwir_core::association::{AssociationDraft, NewAssociation};
use tatwir_core::clock::{Clock, FakeClock};
use tatwir_core::language::Language;
use tatwir_core::meeting::MeetingId;
use tatwir_core::meeting::{IcsMethod, MeetingStore};
use tatwir_core::message::{Chat, ChatKind, Choice, Event, Incoming, Outgoing};
use tatwir_core::outbox::{OutboxItem, OutboxStore};
use tatwir_core::person::{Channel, Identity, PersonId};
use tatwir_core::role::Role;
use tatwir_core::store::Store;
use tatwir_store::SqlStore;

struct Rig {
    app: TestApp,
    clock: FakeClock,
    amal: NewAssociation,
    nour: NewAssociation,
    _db: TestDb,
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().expect("time")
}

impl Rig {
    async fn new() -> Rig {
        let db = TestDb::sqlite();
        let clock = FakeClock::at(utc(2026, 12, 1, 9, 0));
        let app = TestApp::start(&db.url, clock.clone()).await;
        let store = app.store();
        let amal = store
            .create_association(
                &AssociationDraft::new("Association Amal", "Tanger").expect("draft"),
                clock.now(),
            )
            .await
            .expect("amal");
        let nour = store
            .create_association(&AssociationDraft::new("Nour", "Tétouan").expect("draft"), clock.now())
            .await
            .expect("nour");
        Rig {
            app,
            clock,
            amal,
            nour,
            _db: db,
        }
    }

    fn store(&self) -> &SqlStore {
        self.app.engine().store()
    }

    async fn send(&self, user: &str, event: Event) -> Vec<Outgoing> {
        self.send_in(user, user, ChatKind::Private, event).await
    }

    async fn send_in(&self, user: &str, chat: &str, kind: ChatKind, event: Event) -> Vec<Outgoing> {
        let incoming = Incoming {
            identity: Identity::new(Channel::Telegram, user),
            display_name: user.to_owned(),
            client_language: Some("fr".to_owned()),
            chat: Chat {
                id: chat.to_owned(),
                kind,
                private_link: None,
                command_prefix: '/',
            },
            event,
        };
        self.app.engine().handle(&incoming).await
    }

    async fn say(&self, user: &str, text: &str) -> Vec<Outgoing> {
        self.send(user, Event::Text(text.to_owned())).await
    }

    /// Presses the choice whose label contains `label` among `replies`.
    async fn press(&self, user: &str, replies: &[Outgoing], label: &str) -> Vec<Outgoing> {
        let choice = find(replies, label);
        self.send(user, Event::Choice(choice.data)).await
    }

    async fn person(&self, user: &str) -> PersonId {
        self.store()
            .person_by_identity(&Identity::new(Channel::Telegram, user))
            .await
            .expect("read")
            .expect("person")
            .id
    }

    /// The outbox messages due for `user`'s chat, rendered, and marked sent.
    async fn deliveries(&self, user: &str) -> Vec<(OutboxItem, Vec<Outgoing>)> {
        let items = self
            .store()
            .claim(Channel::Telegram, Some(user), "test", self.clock.now(), 100)
            .await
            .expect("claim");
        let mut rendered = Vec::new();
        for item in items {
            let replies = self.app.engine().render(&item, '/').await.expect("render");
            self.store()
                .mark_sent(item.id, "test", self.clock.now())
                .await
                .expect("sent");
            rendered.push((item, replies));
        }
        rendered
    }
}

fn texts(replies: &[Outgoing]) -> String {
    replies
        .iter()
        .map(|reply| match reply {
            Outgoing::Message { text, .. } => text.to_plain(),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that the replies' text shows `part`.
#[track_caller]
fn assert_shows(replies: &[Outgoing], part: &str) {
    let shown = texts(replies);
    assert!(shown.contains(part), "{part:?} in {shown}");
}

fn labels(replies: &[Outgoing]) -> Vec<String> {
    replies
        .iter()
        .flat_map(|reply| match reply {
            Outgoing::Message { choices, .. } => choices.iter().flatten().map(|c| c.label.clone()).collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn find(replies: &[Outgoing], label: &str) -> Choice {
    replies
        .iter()
        .flat_map(|reply| match reply {
            Outgoing::Message { choices, .. } => choices.iter().flatten().cloned().collect(),
            _ => Vec::new(),
        })
        .find(|choice| choice.label.contains(label))
        .unwrap_or_else(|| panic!("no choice {label:?} in {:?}", labels(replies)))
}

#[tokio::test]
async fn a_manager_writes_a_meeting_in_the_chat_changes_it_takes_attendance_and_cancels_it() {
    let rig = Rig::new().await;
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    rig.say("amina", &format!("/start {}", rig.amal.volunteer_code)).await;
    rig.say("youssef", &format!("/start {}", rig.nour.volunteer_code)).await;
    // Hassan is invited too, and never answers.
    rig.say("hassan", &format!("/start {}", rig.amal.volunteer_code)).await;

    // A volunteer may not organise; the command is not even in their help.
    assert!(!texts(&rig.say("amina", "/help").await).contains("/newmeeting"));
    let refused = texts(&rig.say("amina", "/newmeeting").await);
    assert!(refused.contains("n'est pas ouverte à votre rôle"), "{refused}");
    assert!(texts(&rig.say("karim", "/help").await).contains("/newmeeting"));

    let asked = rig.say("karim", "/newmeeting").await;
    assert_shows(&asked, "Quel est son titre");
    let too_long = rig.say("karim", &"x".repeat(300)).await;
    assert_shows(&too_long, "de 1 à 120 caractères");
    let start = rig.say("karim", "Premiers secours : les gestes qui sauvent").await;
    assert_shows(&start, "heure de Africa/Casablanca");

    // Dates that are not, or are past, are refused and asked again.
    for (typed, answer) in [
        ("31/02/2027 10:00", "Je n'ai pas compris cette date"),
        ("demain matin", "Je n'ai pas compris cette date"),
        ("01/01/2026 10:00", "déjà passée"),
    ] {
        let replies = rig.say("karim", typed).await;
        assert!(texts(&replies).contains(answer), "{typed}: {}", texts(&replies));
        assert!(texts(&replies).contains("Quand commence-t-elle"), "{typed}");
    }
    let length = rig.say("karim", "07/02/2027 10:00").await;
    assert_eq!(labels(&length)[..4], ["1 h", "1 h 30", "2 h", "3 h"]);
    let place = rig.press("karim", &length, "2 h").await;
    let link = rig.say("karim", "Maison des jeunes, Tanger").await;
    assert_shows(&link, "Un lien pour la suivre en ligne");
    let refused = rig.say("karim", "javascript:alert(1)").await;
    assert_shows(&refused, "Ce n'est pas une adresse web");
    let agenda = rig.press("karim", &refused, "Passer").await;
    assert_shows(&agenda, "L'ordre du jour ?");
    let repeat = rig.say("karim", "1. Saignements\n2. Brûlures").await;
    let audience = rig.press("karim", &repeat, "Une seule fois").await;
    // A manager invites their own association only.
    assert_eq!(
        labels(&audience),
        ["Les membres de Association Amal", "✖ Abandonner"],
        "{place:?}"
    );
    let review = rig.press("karim", &audience, "Association Amal").await;
    let shown = texts(&review);
    for part in [
        "Titre (Français) : Premiers secours : les gestes qui sauvent",
        "Quand : 07/02/2027 10:00 (Africa/Casablanca), durée 2 h",
        "Où : Maison des jeunes, Tanger",
        "1. Saignements\n2. Brûlures",
        "Invités : Association Amal",
        "Rappels : 24 h, 1 h avant",
    ] {
        assert!(shown.contains(part), "{part:?} in {shown}");
    }
    assert!(!shown.contains("En ligne"), "the link was skipped: {shown}");

    // The title in Arabic too, then everything is sent.
    let ask_ar = rig.press("karim", &review, "Titre en العربية").await;
    let ask_agenda_ar = rig.say("karim", "الإسعافات الأولية").await;
    assert_shows(&ask_agenda_ar, "L'ordre du jour en العربية");
    let review = rig.press("karim", &ask_agenda_ar, "Passer").await;
    assert!(
        texts(&review).contains("Titre (العربية) : الإسعافات الأولية"),
        "{ask_ar:?}"
    );
    let created = rig.press("karim", &review, "Envoyer les invitations").await;
    let created = texts(&created);
    assert!(
        created.contains("Réunion n° 1 « Premiers secours : les gestes qui sauvent » créée : les invitations partent vers 3 personnes"),
        "{created}"
    );
    // A second press on the old review finds nothing to send: no second meeting.
    let again = rig.press("karim", &review, "Envoyer les invitations").await;
    assert_shows(&again, "plus valable");
    assert_eq!(rig.store().meetings().await.expect("meetings").len(), 1);

    // Amina (Amal) is invited, Youssef (Nour) is not.
    assert!(rig.deliveries("youssef").await.is_empty());
    let invited = rig.deliveries("amina").await;
    assert_eq!(invited.len(), 1);
    let (_, invitation) = &invited[0];
    assert!(
        texts(invitation).contains("📅 Invitation à une réunion"),
        "{}",
        texts(invitation)
    );
    rig.press("amina", invitation, "Peut-être").await;
    // The invitation's answers stay valid whatever she does meanwhile: she changes her mind.
    rig.say("amina", "/learn").await;
    let noted = rig.press("amina", invitation, "Oui").await;
    assert_shows(&noted, "Réponse notée");

    // Karim follows the answers, then moves the meeting an hour later.
    let organized = rig.say("karim", "/organize").await;
    assert_shows(&organized, "Réponses : 1 oui, 0 peut-être, 0 non");
    assert!(rig.say("youssef", "/organize").await.len() == 1);
    let review = rig.press("karim", &organized, "Modifier").await;
    assert!(
        !labels(&review).iter().any(|l| l.contains("Invités")),
        "the audience stays"
    );
    let ask = rig.press("karim", &review, "Date et heure").await;
    let review = rig.say("karim", "07/02/2027 11:00").await;
    assert!(texts(&review).contains("07/02/2027 11:00"), "{ask:?}");
    // And those coming are reminded two days and three hours before, instead.
    let ask = rig.press("karim", &review, "Rappels").await;
    let refused = rig.say("karim", "bientôt").await;
    assert!(texts(&refused).contains("Je n'ai pas compris ces délais"), "{ask:?}");
    let review = rig.say("karim", "2j 3h").await;
    assert_shows(&review, "Rappels : 48 h, 3 h avant");
    let changed = texts(&rig.press("karim", &review, "Annoncer le changement").await);
    assert!(changed.contains("3 personnes invitées sont prévenues"), "{changed}");
    let news = rig.deliveries("amina").await;
    assert_eq!(news.len(), 1, "one message per change");
    let (item, change) = &news[0];
    assert_eq!(item.message.kind(), "change");
    let shown = texts(change);
    assert!(
        shown.contains("✏️ Réunion modifiée") && shown.contains("07/02/2027 11:00"),
        "{shown}"
    );
    assert!(
        labels(change).iter().any(|l| l.contains("Peut-être")),
        "they may answer again"
    );
    let meeting = rig.store().meeting(MeetingId(1)).await.expect("read").expect("meeting");
    assert_eq!(meeting.sequence, 1);
    assert_eq!(meeting.reminders.labels(), ["48h", "3h"]);
    let ics = meeting.ics(IcsMethod::Request);
    assert!(
        ics.contains("SEQUENCE:1") && ics.contains("DTSTART;TZID=Africa/Casablanca:20270207T110000"),
        "{ics}"
    );

    // Attendance waits for the meeting to start.
    let organized = rig.say("karim", "/organize").await;
    let early = texts(&rig.press("karim", &organized, "Présences").await);
    assert!(early.contains("n'a pas encore commencé"), "{early}");
    // 11:00 in Casablanca that Sunday is 11:00 UTC: the clock went back for Ramadan at 03:00.
    rig.clock.set(utc(2027, 2, 7, 10, 30));
    let organized = rig.say("karim", "/organize").await;
    let early = texts(&rig.press("karim", &organized, "Présences").await);
    assert!(early.contains("n'a pas encore commencé"), "{early}");
    rig.clock.set(utc(2027, 2, 7, 11, 5));
    let organized = rig.say("karim", "/organize").await;
    let list = rig.press("karim", &organized, "Présences").await;
    assert_shows(&list, "Personne n'est encore noté présent");
    let recorded = rig.press("karim", &list, "amina (✅ Oui)").await;
    assert_shows(&recorded, "Une personne est notée présente");
    // The old list's button was for the same person: pressing it again records nothing twice.
    rig.press("karim", &list, "amina").await;
    // Those invited who never answered may be recorded too; those who said no are not offered.
    assert!(
        labels(&recorded).iter().any(|l| l == "hassan (pas encore répondu)"),
        "{:?}",
        labels(&recorded)
    );
    let recorded = rig.press("karim", &recorded, "hassan").await;
    assert_shows(&recorded, "2 personnes sont notées présentes");
    let (amina, hassan) = (rig.person("amina").await, rig.person("hassan").await);
    let mut present = rig.store().attendance(MeetingId(1)).await.expect("attendance");
    present.sort();
    let mut expected = vec![
        ("2027-02-07T11:00".to_owned(), amina),
        ("2027-02-07T11:00".to_owned(), hassan),
    ];
    expected.sort();
    assert_eq!(present, expected);

    // Once it took place, its title may still be corrected, as long as its time stays.
    let organized = rig.say("karim", "/organize").await;
    let review = rig.press("karim", &organized, "Modifier").await;
    rig.press("karim", &review, "✏️ Titre").await;
    let review = rig.say("karim", "Premiers secours : gestes qui sauvent").await;
    let corrected = texts(&rig.press("karim", &review, "Annoncer le changement").await);
    assert!(corrected.contains("est modifiée"), "{corrected}");

    // Cancelling asks first; then everyone invited is told.
    let organized = rig.say("karim", "/organize").await;
    let confirm = rig.press("karim", &organized, "Annuler").await;
    let kept = rig.press("karim", &confirm, "Non, la garder").await;
    assert!(texts(&kept).contains("maintenue"));
    assert!(
        !rig.store()
            .meeting(MeetingId(1))
            .await
            .expect("read")
            .expect("meeting")
            .cancelled
    );
    let organized = rig.say("karim", "/organize").await;
    let confirm = rig.press("karim", &organized, "Annuler").await;
    let done = texts(&rig.press("karim", &confirm, "Oui, annuler").await);
    assert!(done.contains("3 personnes invitées sont prévenues"), "{done}");
    // Amina heard of the corrected title, then of the cancellation.
    let news = rig.deliveries("amina").await;
    assert_eq!(news.len(), 2);
    assert!(texts(&news[0].1).contains("Premiers secours : gestes qui sauvent"));
    assert!(texts(&news[1].1).contains("🚫 Réunion annulée"));
    assert!(texts(&rig.say("karim", "/organize").await).contains("aucune réunion"));
}

#[tokio::test]
async fn only_the_organiser_or_a_coordinator_manages_a_meeting() {
    let rig = Rig::new().await;
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    rig.say("nadia", &format!("/start {}", rig.nour.manager_code)).await;
    rig.say("salma", "/start").await;
    let salma = rig.person("salma").await;
    rig.store()
        .grant_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("grant");

    // A coordinator may invite everyone, the managers, a city or one association.
    let mut replies = rig.say("salma", "/newmeeting").await;
    for typed in ["Rencontre des associations du Nord", "15/01/2027 15h00"] {
        replies = rig.say("salma", typed).await;
    }
    replies = rig.press("salma", &replies, "1 h 30").await;
    for skip in ["Passer", "Passer", "Passer"] {
        replies = rig.press("salma", &replies, skip).await;
    }
    let audience = rig.press("salma", &replies, "Chaque mois").await;
    let offered = labels(&audience);
    for label in [
        "Tous les membres",
        "Tous les responsables",
        "Les associations de Tanger",
        "Les associations de Tétouan",
        "Les membres de Nour",
    ] {
        assert!(offered.iter().any(|l| l == label), "{label} in {offered:?}");
    }
    let review = rig.press("salma", &audience, "Tous les responsables").await;
    assert_shows(&review, "Répétition : Chaque mois");
    let created = texts(&rig.press("salma", &review, "Envoyer les invitations").await);
    assert!(created.contains("vers 2 personnes"), "{created}");

    // Karim, a manager invited to Salma's meeting, may not change it: /organize does not list
    // it, and a forged press on an old offer finds nothing.
    assert!(texts(&rig.say("karim", "/organize").await).contains("aucune réunion"));
    let invitation = rig.deliveries("karim").await;
    assert_eq!(invitation.len(), 1);
    // A repeating meeting shows its next occurrence, and how it repeats.
    rig.clock.set(utc(2027, 1, 20, 9, 0));
    let mine = texts(&rig.say("karim", "/meetings").await);
    assert!(
        mine.contains("Quand : 15/02/2027 15:00 (Africa/Casablanca)") && mine.contains("Répétition : Chaque mois"),
        "{mine}"
    );
    let salmas = rig.say("salma", "/organize").await;
    let forged = rig.send("karim", Event::Choice(find(&salmas, "Modifier").data)).await;
    assert!(!texts(&forged).contains("📋"), "{}", texts(&forged));
    assert_eq!(
        rig.store()
            .meeting(MeetingId(1))
            .await
            .expect("read")
            .expect("meeting")
            .sequence,
        0
    );

    // Discarding a draft sends nothing.
    rig.say("karim", "/newmeeting").await;
    let replies = rig.say("karim", "Réunion du bureau").await;
    let discarded = texts(&rig.press("karim", &replies, "Abandonner").await);
    assert!(discarded.contains("rien n'a été envoyé"), "{discarded}");
    assert_eq!(rig.store().meetings().await.expect("meetings").len(), 1);
    // After the draft is dropped, text is just text again.
    assert!(!texts(&rig.say("karim", "07/02/2027 10:00").await).contains("durée"));
}

#[tokio::test]
async fn a_coordinator_announces_to_one_association_in_two_languages() {
    let rig = Rig::new().await;
    for (user, association) in [("amina", &rig.amal), ("hassan", &rig.amal), ("youssef", &rig.nour)] {
        rig.say(user, &format!("/start {}", association.volunteer_code)).await;
    }
    let hassan = rig.person("hassan").await;
    rig.store().set_language(hassan, Language::Ar).await.expect("language");
    rig.say("salma", "/start").await;
    let salma = rig.person("salma").await;
    rig.store()
        .grant_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("grant");

    let review = rig.say("salma", "/broadcast La réunion de demain est annulée.").await;
    let shown = texts(&review);
    assert!(
        shown.contains("destinataires : toutes les associations") && shown.contains("En Français :"),
        "{shown}"
    );
    let audiences = rig.press("salma", &review, "Choisir les destinataires").await;
    let review = rig.press("salma", &audiences, "Les membres de Association Amal").await;
    assert_shows(&review, "destinataires : Association Amal");
    let ask = rig.press("salma", &review, "Ajouter le texte en العربية").await;
    assert_shows(&ask, "Écrivez l'annonce en العربية");
    let review = rig.say("salma", "اجتماع الغد ملغى.").await;
    assert_shows(&review, "En العربية :\nاجتماع الغد ملغى.");
    let queued = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    assert!(queued.contains("part vers 2 personnes"), "{queued}");

    // Each reads their own language; Nour's member hears nothing.
    let amina = rig.deliveries("amina").await;
    assert!(
        texts(&amina[0].1).contains("La réunion de demain est annulée."),
        "{:?}",
        amina
    );
    let hassan = rig.deliveries("hassan").await;
    assert!(texts(&hassan[0].1).contains("اجتماع الغد ملغى."), "{:?}", hassan);
    assert!(rig.deliveries("youssef").await.is_empty());
    // The review pressed before sending is spent: nothing goes twice.
    let again = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    assert!(again.contains("plus valable"), "{again}");
}

#[tokio::test]
async fn a_manager_sets_a_groups_language_in_the_group() {
    let rig = Rig::new().await;
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    rig.say("amina", &format!("/start {}", rig.amal.volunteer_code)).await;
    rig.store()
        .note_group_chat(Channel::Telegram, "-100", "Bureau Amal", rig.clock.now())
        .await
        .expect("group");
    let in_group = async |user: &str, text: &str| {
        rig.send_in(user, "-100", ChatKind::Group, Event::Text(text.to_owned()))
            .await
    };

    // Said in private, it points to the group.
    assert_shows(&rig.say("karim", "/grouplanguage ar").await, "dans le groupe concerné");
    // A volunteer may not; an unknown language gets the usage, with the current one.
    assert_shows(
        &in_group("amina", "/grouplanguage ar").await,
        "pas ouverte à votre rôle",
    );
    // A group seen before anyone claimed it is the platform's: a manager claims it first
    // (issue 12, point 4).
    assert_shows(
        &in_group("karim", "/grouplanguage ar").await,
        "appartient à la plateforme",
    );
    assert_shows(
        &in_group("karim", "/claimgroup").await,
        "appartient maintenant à « Association Amal »",
    );
    assert_shows(&in_group("karim", "/grouplanguage klingon").await, "sont en Français");
    // Set, and said in the group's new language.
    assert_shows(
        &in_group("karim", "/grouplanguage العربية").await,
        "تم: ستكون رسائل الاجتماعات",
    );
    let groups = rig.store().group_chats().await.expect("groups");
    assert_eq!(groups[0].language, Some(Language::Ar));
    assert_shows(&in_group("karim", "/grouplanguage").await, "sont en العربية");
}

/// What a person's roles, progress and invitations are is theirs: in a group, /profile, /progress
/// and /meetings point to a private chat and show nothing of it (issue 12, point 5).
#[tokio::test]
async fn profile_progress_and_meetings_answer_in_private_only() {
    let rig = Rig::new().await;
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    let in_private = texts(&rig.say("karim", "/profile").await);
    assert!(in_private.contains("Association Amal"), "{in_private}");
    for command in ["/profile", "/progress", "/meetings"] {
        let in_group = texts(
            &rig.send_in("karim", "-100", ChatKind::Group, Event::Text(command.to_owned()))
                .await,
        );
        assert!(
            in_group.contains("personnel") && in_group.contains(command),
            "{command} in a group points to a private chat: {in_group}"
        );
        for private in ["Association Amal", "responsable", "Tanger"] {
            assert!(
                !in_group.contains(private),
                "{command} in a group shows {private:?}: {in_group}"
            );
        }
    }
}

/// Roles are checked when an action is taken, not only when its button was shown (issue 12,
/// point 2): a coordinator whose role is taken back while the announcement's review is on screen
/// sends nothing; a manager of two associations who no longer manages the one a meeting invites
/// can no longer change, cancel or list it.
#[tokio::test]
async fn pressed_actions_are_authorised_when_they_are_taken() {
    use tatwir_core::broadcast::{BroadcastId, BroadcastStore};
    let rig = Rig::new().await;
    rig.say("amina", &format!("/start {}", rig.amal.volunteer_code)).await;
    rig.say("salma", "/start").await;
    let salma = rig.person("salma").await;
    rig.store()
        .grant_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("grant");
    let review = rig.say("salma", "/broadcast Assemblée générale samedi.").await;
    assert_shows(&review, "Assemblée générale samedi.");
    rig.store()
        .revoke_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("revoke");
    let pressed = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    assert!(!pressed.contains("part vers"), "{pressed}");
    assert!(
        rig.store().broadcast(BroadcastId(1)).await.expect("read").is_none(),
        "a broadcast was created after the role was taken back: {pressed}"
    );

    // Karim manages both associations and organises a meeting of Amal's.
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    rig.say("karim", &format!("/start {}", rig.nour.manager_code)).await;
    let karim = rig.person("karim").await;
    let meeting = tatwir_core::meeting::NewMeeting {
        organizer: Some(karim),
        title: std::collections::BTreeMap::from([(Language::Fr, "Bureau Amal".to_owned())]),
        agenda: std::collections::BTreeMap::new(),
        time: tatwir_core::meeting::MeetingTime {
            start: utc(2026, 12, 20, 10, 0).naive_utc(),
            end: utc(2026, 12, 20, 12, 0).naive_utc(),
            zone: chrono_tz::Africa::Casablanca,
        },
        place: None,
        link: None,
        recurrence: tatwir_core::meeting::Recurrence::None,
        reminders: tatwir_core::meeting::Reminders::default(),
        audience: tatwir_core::audience::Audience {
            associations: vec![rig.amal.association.id],
            ..Default::default()
        },
        request: None,
    };
    let (id, _) = rig
        .store()
        .create_meeting(&meeting, rig.clock.now())
        .await
        .expect("meeting");
    let listed = rig.say("karim", "/organize").await;
    assert_shows(&listed, "Bureau Amal");
    rig.store()
        .revoke_role(karim, Role::Manager, Some(rig.amal.association.id), rig.clock.now())
        .await
        .expect("revoke");
    let cancel = texts(&rig.press("karim", &listed, "Annuler").await);
    assert!(!cancel.contains("Bureau Amal"), "{cancel}");
    assert!(!rig.store().meeting(id).await.expect("read").expect("meeting").cancelled);
    let listed = texts(&rig.say("karim", "/organize").await);
    assert!(!listed.contains("Bureau Amal"), "{listed}");
}

/// An invite code typed in a group is everyone's to copy: it is not taken there, and the answer
/// does not say it back (issue 12, point 3).
#[tokio::test]
async fn an_invite_code_is_refused_in_a_group_without_being_echoed() {
    let rig = Rig::new().await;
    let code = rig.amal.manager_code.to_string();
    let answer = texts(
        &rig.send_in("omar", "-100", ChatKind::Group, Event::Text(format!("/start {code}")))
            .await,
    );
    assert!(answer.contains("en privé") && answer.contains("/start"), "{answer}");
    assert!(!answer.contains(&code), "the code is said back to the group: {answer}");
    let omar = rig.person("omar").await;
    assert!(
        !rig.store().access(omar).await.expect("access").is_member(),
        "joined from a group"
    );
    // The same code in private works.
    let joined = texts(&rig.say("omar", &format!("/start {code}")).await);
    assert!(joined.contains("Association Amal"), "{joined}");
}

/// Issue 12, point 1: a manager code serves one person; a manager whose role was taken back is
/// not made manager again, nor member, by a code made before.
#[tokio::test]
async fn a_revoked_manager_does_not_come_back_with_an_old_code() {
    let rig = Rig::new().await;
    let manager = rig.amal.manager_code.to_string();
    let volunteer = rig.amal.volunteer_code.to_string();
    assert_shows(
        &rig.say("karim", &format!("/start {manager}")).await,
        "Association Amal",
    );
    let karim = rig.person("karim").await;
    // The link was passed on: the next person is not made manager.
    let forwarded = texts(&rig.say("omar", &format!("/start {manager}")).await);
    assert!(forwarded.contains("déjà servi"), "{forwarded}");
    assert!(
        !rig.store()
            .access(rig.person("omar").await)
            .await
            .expect("access")
            .is_member()
    );

    rig.clock.advance(chrono::Duration::hours(1));
    rig.store()
        .revoke_role(karim, Role::Manager, Some(rig.amal.association.id), rig.clock.now())
        .await
        .expect("revoke");
    rig.clock.advance(chrono::Duration::minutes(5));
    // The manager code is used up anyway; the volunteer code, made before, gives nothing back.
    let used = texts(&rig.say("karim", &format!("/start {manager}")).await);
    assert!(used.contains("déjà servi"), "{used}");
    let refused = texts(&rig.say("karim", &format!("/start {volunteer}")).await);
    assert!(refused.contains("retiré"), "{refused}");
    assert!(!rig.store().access(karim).await.expect("access").is_member());
}

/// Issue 12, point 3: after five wrong codes in a row, nothing is looked up for a minute (then
/// two, four…), and the answer says how long; a right code afterwards works and resets the count.
#[tokio::test]
async fn guessing_codes_is_slowed_down() {
    let rig = Rig::new().await;
    let volunteer = rig.amal.volunteer_code.to_string();
    for guess in ["AAAAAAAAAAAAA", "BBBB-BBBB", "not a code", "CCCCCCCCCCCCC", "DDDDDDDD"] {
        let refused = texts(&rig.say("omar", &format!("/start {guess}")).await);
        assert!(refused.contains("n'existe pas"), "{refused}");
    }
    let held = texts(&rig.say("omar", &format!("/start {volunteer}")).await);
    assert!(held.contains("Trop de codes") && held.contains("une minute"), "{held}");
    assert!(
        !rig.store()
            .access(rig.person("omar").await)
            .await
            .expect("access")
            .is_member()
    );
    rig.clock.advance(chrono::Duration::seconds(61));
    let joined = texts(&rig.say("omar", &format!("/start {volunteer}")).await);
    assert!(joined.contains("Association Amal"), "{joined}");
    assert_eq!(
        rig.store()
            .code_failures(rig.person("omar").await)
            .await
            .expect("count")
            .count,
        0
    );
    // Somebody else was never held up.
    let other = texts(&rig.say("nadia", &format!("/start {volunteer}")).await);
    assert!(other.contains("Association Amal"), "{other}");
}

/// Issue 12, point 7: an offer answers only in the chat it was shown in. A press forged in a
/// group with a private keyboard's data is not taken (so no adapter retires the group's
/// keyboard it was sent from), and the same press in private still works.
#[tokio::test]
async fn a_press_from_another_chat_than_its_offers_is_not_taken() {
    let rig = Rig::new().await;
    let code = rig.amal.volunteer_code.to_string();
    assert_shows(&rig.say("amina", &format!("/start {code}")).await, "Association Amal");
    let toolboxes = rig.say("amina", "/learn").await;
    let choice = toolboxes
        .iter()
        .find_map(|reply| match reply {
            Outgoing::Message { choices, .. } => choices.first().and_then(|row| row.first()).cloned(),
            _ => None,
        })
        .expect("a toolbox to choose");
    let forged = Incoming {
        identity: Identity::new(Channel::Telegram, "amina"),
        display_name: "amina".to_owned(),
        client_language: Some("fr".to_owned()),
        chat: Chat {
            id: "-100777".to_owned(),
            kind: ChatKind::Group,
            private_link: None,
            command_prefix: '/',
        },
        event: Event::Choice(choice.data.clone()),
    };
    let handled = rig.app.engine().handle_event(&forged).await;
    assert!(!handled.accepted, "a private keyboard's press was taken in a group");
    assert!(handled.replies.is_empty(), "{:?}", handled.replies);
    let taken = rig.send("amina", Event::Choice(choice.data)).await;
    assert!(!texts(&taken).contains("plus valable"), "{}", texts(&taken));
}

/// Issue 12, point 9: "send the announcement" pressed again with the same keyboard (a replay, a
/// retry after the conversation could not be saved, two webhook requests at once) sends one
/// announcement, and answers with the first one's number.
#[tokio::test]
async fn a_confirmation_pressed_twice_sends_one_announcement() {
    use tatwir_core::broadcast::{BroadcastId, BroadcastStore};
    use tatwir_core::conversation::ConversationStore;
    let rig = Rig::new().await;
    rig.say("amina", &format!("/start {}", rig.amal.volunteer_code)).await;
    rig.say("salma", "/start").await;
    let salma = rig.person("salma").await;
    rig.store()
        .grant_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("grant");
    let review = rig.say("salma", "/broadcast Assemblée générale samedi.").await;
    // The state the press is made in, as a failed save after the first press would leave it.
    let before = rig.store().conversation(salma).await.expect("read");
    let first = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    rig.store()
        .save_conversation(salma, &before, rig.clock.now())
        .await
        .expect("restore");
    let second = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    assert!(
        rig.store().broadcast(BroadcastId(2)).await.expect("read").is_none(),
        "a second announcement: {first} / {second}"
    );
    assert_eq!(first, second, "the same answer, with the same number");
    // Both presses at once make one too.
    let review = rig.say("salma", "/broadcast Réunion lundi.").await;
    let choice = find(&review, "📢 Envoyer");
    let (a, b) = tokio::join!(
        rig.send("salma", Event::Choice(choice.data.clone())),
        rig.send("salma", Event::Choice(choice.data))
    );
    assert!(
        rig.store().broadcast(BroadcastId(2)).await.expect("read").is_some(),
        "{a:?} {b:?}"
    );
    assert!(
        rig.store().broadcast(BroadcastId(3)).await.expect("read").is_none(),
        "{a:?} {b:?}"
    );
}

/// Issue 12, point 4: a group belongs to an association or to the platform. Only the owner's
/// managers and the coordinators set its language, claim it again, or invite it to a meeting;
/// a manager of another association can do none of it, and sees the group nowhere.
#[tokio::test]
async fn a_group_is_run_by_the_association_it_belongs_to() {
    let rig = Rig::new().await;
    rig.say("karim", &format!("/start {}", rig.amal.manager_code)).await;
    rig.say("nadia", &format!("/start {}", rig.nour.manager_code)).await;
    rig.store()
        .note_group_chat(Channel::Telegram, "-200", "Ministère officiel", rig.clock.now())
        .await
        .expect("group");
    let in_group = async |user: &str, text: &str| {
        texts(
            &rig.send_in(user, "-200", ChatKind::Group, Event::Text(text.to_owned()))
                .await,
        )
    };
    // Nobody's yet: it is not offered to a manager writing a meeting.
    let offered = audience_labels(&rig, "karim").await;
    assert!(
        !offered.iter().any(|label| label.contains("Ministère officiel")),
        "{offered:?}"
    );
    // Karim claims it for Amal (the one association he manages).
    let claimed = in_group("karim", "/claimgroup").await;
    assert!(claimed.contains("« Association Amal »"), "{claimed}");
    let groups = rig.store().group_chats().await.expect("groups");
    assert_eq!(groups[0].owner, Some(rig.amal.association.id));
    // Nadia, who manages Nour, can neither take it nor set its language.
    let taken = in_group("nadia", &format!("/claimgroup {}", rig.nour.association.id)).await;
    assert!(taken.contains("appartient à « Association Amal »"), "{taken}");
    let language = in_group("nadia", "/grouplanguage ar").await;
    assert!(language.contains("appartient à « Association Amal »"), "{language}");
    let groups = rig.store().group_chats().await.expect("groups");
    assert_eq!(
        (groups[0].owner, groups[0].language),
        (Some(rig.amal.association.id), None)
    );
    // Karim is offered the group, named with its association, when he writes a meeting; Nadia is not.
    let karim_sees = audience_labels(&rig, "karim").await;
    assert!(
        karim_sees
            .iter()
            .any(|label| label.contains("Ministère officiel") && label.contains("Association Amal")),
        "{karim_sees:?}"
    );
    let nadia_sees = audience_labels(&rig, "nadia").await;
    assert!(
        !nadia_sees.iter().any(|label| label.contains("Ministère officiel")),
        "{nadia_sees:?}"
    );
}

/// The audiences offered to `user` when writing a meeting, by walking /newmeeting to its audience
/// question.
async fn audience_labels(rig: &Rig, user: &str) -> Vec<String> {
    rig.say(user, "/newmeeting").await;
    rig.say(user, "Réunion du bureau").await;
    rig.say(user, "20/12/2026 10:00").await;
    let length = rig.say(user, "11:00").await;
    let mut replies = length;
    // Place, link and agenda may be skipped; then the repeat question; then the audience.
    for _ in 0..6 {
        let labels = labels(&replies);
        if texts(&replies).contains("Qui est invité") {
            return labels;
        }
        let skip = labels
            .iter()
            .find(|label| label.contains("Passer") || label.contains("Une seule fois"))
            .cloned();
        match skip {
            Some(label) => replies = rig.press(user, &replies, &label).await,
            None => break,
        }
    }
    panic!("never asked for the audience: {}", texts(&replies))
}

/// Issue 12, point 2 (second half): a change of roles drops the person's keyboards on screen,
/// so a button shown under the old roles says at once that it is stale.
#[tokio::test]
async fn a_change_of_roles_retires_the_keyboards_on_screen() {
    use tatwir_core::conversation::ConversationStore;
    let rig = Rig::new().await;
    rig.say("salma", "/start").await;
    let salma = rig.person("salma").await;
    rig.store()
        .grant_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("grant");
    let review = rig.say("salma", "/broadcast Assemblée générale samedi.").await;
    assert!(rig.store().conversation(salma).await.expect("read").offer.is_some());
    rig.store()
        .revoke_role(salma, Role::Coordinator, None, rig.clock.now())
        .await
        .expect("revoke");
    assert!(rig.store().conversation(salma).await.expect("read").offer.is_none());
    let pressed = texts(&rig.press("salma", &review, "📢 Envoyer").await);
    assert!(pressed.contains("n'est pas ou plus valable"), "{pressed}");
}
