//! Certificates in the chat: issuing them when a quiz completes a track, the name printed,
//! `/certificates` (held, expiring, in progress, the association's), the refresher that renews
//! one, and `/verify CODE`.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::broadcast::Topic;
use crate::certificate::dialogue::{CertifyAction, CertifyStep};
use crate::certificate::{
    Certificate, CertificateCard, CertificateCode, CertificateFilter, CertificateId, CertificateState,
    CertificateTrack, Holder, Issue, IssuedBy, NewCertificate, Publishing, clean_name, standing,
};
use crate::conversation::{Action, Offer, SessionStep, Step};
use crate::language::Language;
use crate::learning::Score;
use crate::learning::dialogue::LearnStep;
use crate::locale::{Localizer, count, isolate};
use crate::message::{Media, MediaKind, MediaSource, Outgoing, Text};
use crate::outbox::{OutboxItem, OutboxMessage};
use crate::role::Role;
use crate::store::StoreError;
use chrono::{DateTime, Datelike, Utc};
use std::sync::Arc;

/// A date as the certificates write it, in the holder's language ("2 décembre 2026").
pub fn long_date(locales: &Localizer, lang: Language, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&crate::daily::DEFAULT_ZONE);
    let args = args! {
        "day" => i64::from(local.day()),
        "month" => i64::from(local.month()),
        "year" => i64::from(local.year()),
    };
    locales.text(lang, "date-long", Some(&args))
}

/// A certificate's state in a sentence: valid until, expiring on, expired on, revoked on.
pub fn state_line(locales: &Localizer, lang: Language, certificate: &Certificate, now: DateTime<Utc>) -> String {
    let state = certificate.state(now);
    let until = certificate
        .valid_until
        .map(|at| long_date(locales, lang, at))
        .unwrap_or_default();
    let revoked = certificate
        .revoked_at
        .map(|at| long_date(locales, lang, at))
        .unwrap_or_default();
    let code = match state {
        CertificateState::Valid if certificate.valid_until.is_none() => "valid_forever",
        other => other.code(),
    };
    let args = args! { "state" => code, "until" => until, "revoked" => revoked };
    locales.text(lang, "certificate-state", Some(&args))
}

/// What the picture of `certificate` says, in `lang`.
pub fn card(
    locales: &Localizer,
    publishing: &Publishing,
    lang: Language,
    certificate: &Certificate,
    track: Option<&CertificateTrack>,
    now: DateTime<Utc>,
) -> CertificateCard {
    let say = |id: &str, args: Option<&fluent_bundle::FluentArgs>| locales.text(lang, id, args);
    let title = track.map_or_else(
        || certificate.track.clone(),
        |track| track.texts.get(lang).title.clone(),
    );
    let mut lines = vec![say(
        "certificate-card-issued",
        Some(&args! { "date" => long_date(locales, lang, certificate.issued_at) }),
    )];
    match certificate.state(now) {
        CertificateState::Revoked => lines.push(state_line(locales, lang, certificate, now)),
        _ => {
            if let Some(until) = certificate.valid_until {
                let args = args! { "date" => long_date(locales, lang, until) };
                lines.push(say("certificate-card-valid-until", Some(&args)));
            }
        }
    }
    lines.push(say(
        "certificate-card-code",
        Some(&args! { "code" => certificate.code.to_string() }),
    ));
    CertificateCard {
        right_to_left: lang.is_right_to_left(),
        heading: say("certificate-card-heading", None),
        holder: certificate
            .holder_name
            .clone()
            .unwrap_or_else(|| say("certificate-name-pending", None)),
        statement: say("certificate-card-statement", None),
        track: title,
        lines,
        issuer: publishing.issuer_name.clone(),
        qr_payload: publishing.verify_url(&certificate.code),
        qr_caption: say("certificate-card-qr", None),
    }
}

/// Queues a reminder to the holder of every certificate that ends within
/// [`RENEWAL_WINDOW_DAYS`](crate::certificate::RENEWAL_WINDOW_DAYS) of `now`, once per period
/// (a renewal makes a new one), unless they muted certificates. Returns how many were queued.
pub async fn queue_expiry_reminders<S>(store: &S, now: DateTime<Utc>) -> Result<usize, StoreError>
where
    S: crate::certificate::CertificateStore + crate::outbox::OutboxStore,
{
    let soon = now + chrono::Duration::days(crate::certificate::RENEWAL_WINDOW_DAYS);
    let mut queued = 0;
    for certificate in store.certificates_ending(now, soon).await? {
        let Some(until) = certificate.valid_until else { continue };
        let message = OutboxMessage::CertificateExpiring {
            certificate: certificate.id,
        };
        let occurrence = format!("{}@{}", certificate.id, until.timestamp());
        if store
            .enqueue_for_person(
                certificate.person,
                &message,
                &occurrence,
                Some(Topic::Certificates),
                now,
            )
            .await?
        {
            queued += 1;
        }
    }
    Ok(queued)
}

impl<S: EngineStore> Engine<S> {
    /// A certificate issued by hand, or the reminder that one ends soon, for its holder.
    pub(super) async fn render_certificate_news(
        &self,
        item: &OutboxItem,
        id: CertificateId,
        command_prefix: char,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Some(certificate) = self.store.certificate(id).await? else {
            return Ok(Vec::new());
        };
        let person = self.store.person(certificate.person).await?;
        let lang = person
            .as_ref()
            .and_then(|person| person.language)
            .unwrap_or(Language::FALLBACK);
        let library = self.library();
        let title = library.track_title(&certificate.track, lang);
        let now = self.clock.now();
        let certificates = format!("{command_prefix}certificates");
        match &item.message {
            OutboxMessage::CertificateExpiring { .. } => {
                // Renewed or revoked since it was queued: nothing to say.
                if !certificate.renewable(now) {
                    return Ok(Vec::new());
                }
                let args = args! {
                    "track" => isolate(lang, &title),
                    "state" => state_line(&self.locales, lang, &certificate, now),
                };
                let text = Text::plain(self.locales.text(lang, "certificate-expiring", Some(&args)));
                let label = self
                    .locales
                    .text(lang, "certificate-refresher-choice", Some(&args! { "track" => title }));
                let choices = self
                    .offer_more(
                        certificate.person,
                        &item.chat,
                        vec![(label, Action::Certify(CertifyAction::StartRefresher { id }))],
                    )
                    .await?;
                Ok(vec![Outgoing::with_choices(
                    text,
                    choices.into_iter().map(|choice| vec![choice]).collect(),
                )])
            }
            _ => {
                if certificate.revoked_at.is_some() {
                    return Ok(Vec::new());
                }
                let args = args! { "track" => isolate(lang, &title), "certificates" => certificates };
                if certificate.holder_name.is_none() {
                    return Ok(vec![Outgoing::text(Text::plain(self.locales.text(
                        lang,
                        "certificate-issued-name-needed",
                        Some(&args),
                    )))]);
                }
                Ok(vec![
                    Outgoing::text(Text::plain(self.locales.text(
                        lang,
                        "certificate-issued-by-hand",
                        Some(&args),
                    ))),
                    self.certificate_message(lang, &certificate),
                ])
            }
        }
    }

    /// Where certificates are published, and who draws them.
    pub fn publishing(&self) -> Arc<Publishing> {
        self.publishing
            .read()
            .map(|publishing| Arc::clone(&publishing))
            .unwrap_or_default()
    }

    pub fn set_publishing(&self, publishing: Publishing) {
        if let Ok(mut current) = self.publishing.write() {
            *current = Arc::new(publishing);
        }
    }

    /// The certificate as the chat sends it: its picture with a caption, or the caption alone
    /// when no picture can be drawn.
    pub fn certificate_message(&self, lang: Language, certificate: &Certificate) -> Outgoing {
        let library = self.library();
        let track = library.certificate_track(&certificate.track);
        let publishing = self.publishing();
        let now = self.clock.now();
        let title = library.track_title(&certificate.track, lang);
        let args = args! {
            "track" => isolate(lang, &title),
            "name" => isolate(lang, certificate.holder_name.as_deref().unwrap_or("")),
            "code" => certificate.code.to_string(),
            "url" => publishing.verify_url(&certificate.code),
            "state" => state_line(&self.locales, lang, certificate, now),
        };
        let caption = Text::plain(self.locales.text(lang, "certificate-caption", Some(&args)));
        let drawn = publishing.artist.as_ref().and_then(|artist| {
            let card = card(&self.locales, &publishing, lang, certificate, track, now);
            artist
                .png(&card)
                .inspect_err(|error| tracing::warn!(%error, "could not draw a certificate"))
                .ok()
        });
        match drawn {
            Some(bytes) => Outgoing::Media(Media {
                kind: MediaKind::Image,
                source: MediaSource::Bytes {
                    file_name: format!("tatwir-certificate-{}.png", certificate.code.as_str()),
                    mime: "image/png".to_owned(),
                    bytes,
                },
                caption: Some(caption),
            }),
            None => Outgoing::text(caption),
        }
    }

    /// After a quiz: issues every certificate whose last criterion now holds (once: a track
    /// already held, even revoked, issues nothing), and says so.
    pub(super) async fn award(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        if library.certificates.is_empty() {
            return Ok(Vec::new());
        }
        let held = self
            .store
            .certificates(CertificateFilter {
                person: Some(turn.person.id),
                association: None,
            })
            .await?;
        let open: Vec<&CertificateTrack> = library
            .certificates
            .iter()
            .filter(|track| !held.iter().any(|certificate| certificate.track == track.id))
            .collect();
        if open.is_empty() {
            return Ok(Vec::new());
        }
        let evidence = self.store.evidence(turn.person.id, &library.certificates).await?;
        let mut issued = Vec::new();
        for track in open {
            if !standing(track, &evidence).complete() {
                continue;
            }
            let new = NewCertificate {
                code: CertificateCode::generate(),
                person: turn.person.id,
                track: track.id.clone(),
                association: self.association_of(turn, track),
                issued_by: IssuedBy::Track,
                issued_at: turn.now,
                valid_until: track.valid_until(turn.now),
            };
            if let Issue::New(certificate) = self.store.issue_certificate(&new).await? {
                issued.push(certificate);
            }
        }
        let mut replies = Vec::new();
        for certificate in &issued {
            let title = library.track_title(&certificate.track, turn.lang);
            let args = args! { "name" => turn.name(), "track" => isolate(turn.lang, &title) };
            replies.push(Outgoing::text(
                Text::default().then_bold(turn.say_with("certificate-earned", &args)),
            ));
        }
        if issued.is_empty() {
            return Ok(replies);
        }
        if issued.iter().all(|certificate| certificate.holder_name.is_some()) {
            for certificate in &issued {
                replies.push(self.certificate_message(turn.lang, certificate));
            }
        } else {
            replies.push(self.ask_certificate_name(turn));
        }
        Ok(replies)
    }

    /// The association a certificate is issued under: for a manager track, one the person
    /// manages; otherwise the first they belong to.
    fn association_of(&self, turn: &Turn<'_>, track: &CertificateTrack) -> Option<crate::association::AssociationId> {
        let memberships = &turn.access.memberships;
        let managed = memberships
            .iter()
            .find(|membership| membership.role >= Role::Manager)
            .map(|membership| membership.association.id);
        match track.role {
            crate::certificate::TrackRole::Manager => managed,
            crate::certificate::TrackRole::Volunteer => memberships.first().map(|membership| membership.association.id),
        }
    }

    /// Asks the name to print, suggesting the channel's; the choices already on screen stay.
    fn ask_certificate_name(&self, turn: &mut Turn<'_>) -> Outgoing {
        let suggested = crate::certificate::clean_name(&turn.person.display_name).unwrap_or_default();
        turn.conversation.step = Step::Certify(CertifyStep::CertificateName {
            suggested: suggested.clone(),
        });
        let args = args! {
            "suggested" => isolate(turn.lang, &suggested),
            "max" => count(crate::certificate::MAX_NAME as i64),
            "has_suggestion" => if suggested.is_empty() { "no" } else { "yes" },
        };
        let text = Text::plain(turn.say_with("certificate-name-ask", &args));
        if suggested.is_empty() {
            return Outgoing::text(text);
        }
        let label = turn.say_with("certificate-name-use", &args! { "name" => suggested });
        let offer = turn.conversation.offer.get_or_insert_with(|| Offer::new(Vec::new()));
        let choices = offer.add(vec![(label, Action::Certify(CertifyAction::UseSuggestedName))]);
        Outgoing::with_choices(text, choices.into_iter().map(|choice| vec![choice]).collect())
    }

    /// The name typed while it is asked.
    pub(super) async fn certificate_name_input(
        &self,
        turn: &mut Turn<'_>,
        typed: &str,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match clean_name(typed) {
            Some(name) => self.confirm_name(turn, name).await,
            None => {
                let args = args! { "max" => count(crate::certificate::MAX_NAME as i64) };
                Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("certificate-name-invalid", &args),
                ))])
            }
        }
    }

    /// Records the name and sends the certificates that waited for it.
    async fn confirm_name(&self, turn: &mut Turn<'_>, name: String) -> Result<Vec<Outgoing>, StoreError> {
        let waiting: Vec<CertificateId> = self
            .store
            .certificates(CertificateFilter {
                person: Some(turn.person.id),
                association: None,
            })
            .await?
            .into_iter()
            .filter(|certificate| certificate.holder_name.is_none())
            .map(|certificate| certificate.id)
            .collect();
        let previous = self.store.holder(turn.person.id).await?;
        let holder = Holder {
            name: name.clone(),
            email_hash: previous.as_ref().and_then(|holder| holder.email_hash.clone()),
            salt: previous.as_ref().and_then(|holder| holder.salt.clone()),
            confirmed_at: turn.now,
        };
        self.store.set_holder(turn.person.id, &holder).await?;
        turn.conversation.step = Step::Session(SessionStep::Idle);
        turn.conversation.offer = None;
        let args = args! { "name" => isolate(turn.lang, &name) };
        let mut replies = vec![Outgoing::text(Text::plain(
            turn.say_with("certificate-name-set", &args),
        ))];
        for id in waiting {
            if let Some(certificate) = self.store.certificate(id).await? {
                replies.push(self.certificate_message(turn.lang, &certificate));
            }
        }
        Ok(replies)
    }

    pub(super) async fn on_certify_action(
        &self,
        turn: &mut Turn<'_>,
        action: CertifyAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match action {
            CertifyAction::UseSuggestedName => match &turn.conversation.step {
                Step::Certify(CertifyStep::CertificateName { suggested }) if !suggested.is_empty() => {
                    let name = suggested.clone();
                    self.confirm_name(turn, name).await
                }
                _ => Ok(turn.expired()),
            },
            CertifyAction::SendCertificate { id } => match self.store.certificate(id).await? {
                // Checked now, not when the button was shown: only the holder gets it.
                Some(certificate) if certificate.person == turn.person.id => {
                    if certificate.holder_name.is_none() {
                        return Ok(vec![self.ask_certificate_name(turn)]);
                    }
                    Ok(vec![self.certificate_message(turn.lang, &certificate)])
                }
                _ => Ok(turn.expired()),
            },
            CertifyAction::TrackProgress { track } => self.track_left(turn, &track).await,
            CertifyAction::StartRefresher { id } => self.start_refresher(turn, id).await,
        }
    }

    /// `/certificates ADDRESS`: the e-mail address Open Badges backpacks know the person by,
    /// kept only as a salted hash. The name must be confirmed first.
    pub(super) async fn certificate_email(
        &self,
        turn: &mut Turn<'_>,
        typed: &str,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Some(email) = crate::certificate::clean_email(typed) else {
            let args = args! { "certificates" => turn.command("certificates") };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("certificate-email-invalid", &args),
            ))]);
        };
        let Some(mut holder) = self.store.holder(turn.person.id).await? else {
            return Ok(vec![self.ask_certificate_name(turn)]);
        };
        let salt = crate::certificate::new_salt();
        holder.email_hash = Some(crate::certificate::hash_email(&email, &salt));
        holder.salt = Some(salt);
        self.store.set_holder(turn.person.id, &holder).await?;
        Ok(vec![Outgoing::text(Text::plain(turn.say("certificate-email-set")))])
    }

    /// `/certificates`: the person's certificates with their state, the tracks under way, and
    /// for managers their association's certificates.
    pub(super) async fn certificates(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let mine = self
            .store
            .certificates(CertificateFilter {
                person: Some(turn.person.id),
                association: None,
            })
            .await?;
        if mine.iter().any(|certificate| certificate.holder_name.is_none())
            && self.store.holder(turn.person.id).await?.is_none()
        {
            return Ok(vec![self.ask_certificate_name(turn)]);
        }
        let title_of = |track: &str| library.track_title(track, turn.lang);
        let mut text = Text::default().then_bold(turn.say("certificate-list-title"));
        let mut entries: Vec<(String, Action)> = Vec::new();
        if mine.is_empty() {
            text = text.line_break().then_plain(turn.say("certificate-list-empty"));
        }
        let email_hint = !mine.is_empty();
        for certificate in &mine {
            let title = title_of(&certificate.track);
            let args = args! {
                "track" => isolate(turn.lang, &title),
                "state" => state_line(&self.locales, turn.lang, certificate, turn.now),
                "code" => certificate.code.to_string(),
            };
            text = text.line_break().then_plain(turn.say_with("certificate-line", &args));
            let args = args! { "track" => title.clone() };
            if certificate.state(turn.now) != CertificateState::Revoked {
                entries.push((
                    turn.say_with("certificate-send-choice", &args),
                    Action::Certify(CertifyAction::SendCertificate { id: certificate.id }),
                ));
            }
            if certificate.renewable(turn.now) {
                entries.push((
                    turn.say_with("certificate-refresher-choice", &args),
                    Action::Certify(CertifyAction::StartRefresher { id: certificate.id }),
                ));
            }
        }
        // Tracks not yet held: how far the person is.
        let evidence = self.store.evidence(turn.person.id, &library.certificates).await?;
        let mut progress = Vec::new();
        for track in &library.certificates {
            if mine.iter().any(|certificate| certificate.track == track.id) {
                continue;
            }
            let standing = standing(track, &evidence);
            if standing.role_missing {
                continue;
            }
            let title = track.texts.get(turn.lang).title.clone();
            let args = args! {
                "track" => isolate(turn.lang, &title),
                "done" => count(standing.lessons_met() as i64),
                "total" => count(standing.lessons.len() as i64),
            };
            progress.push(turn.say_with("certificate-progress-line", &args));
            entries.push((
                turn.say_with("certificate-progress-choice", &args! { "track" => title }),
                Action::Certify(CertifyAction::TrackProgress {
                    track: track.id.clone(),
                }),
            ));
        }
        if !progress.is_empty() {
            text = text
                .line_break()
                .line_break()
                .then_bold(turn.say("certificate-progress-title"));
            for line in progress {
                text = text.line_break().then_plain(line);
            }
        }
        // Managers see the certificates of the associations they manage.
        for membership in turn.access.memberships.iter().filter(|m| m.role >= Role::Manager) {
            let theirs = self
                .store
                .certificates(CertificateFilter {
                    person: None,
                    association: Some(membership.association.id),
                })
                .await?;
            let args = args! {
                "association" => isolate(turn.lang, &membership.association.name),
                "count" => count(theirs.len() as i64),
            };
            text = text
                .line_break()
                .line_break()
                .then_bold(turn.say_with("certificate-association-title", &args));
            for certificate in theirs.iter().take(50) {
                let name = certificate
                    .holder_name
                    .clone()
                    .unwrap_or_else(|| turn.say("certificate-name-pending"));
                let args = args! {
                    "name" => isolate(turn.lang, &name),
                    "track" => isolate(turn.lang, &title_of(&certificate.track)),
                    "state" => state_line(&self.locales, turn.lang, certificate, turn.now),
                };
                text = text
                    .line_break()
                    .then_plain(turn.say_with("certificate-association-line", &args));
            }
        }
        if email_hint {
            let args = args! { "certificates" => turn.command("certificates") };
            text = text
                .line_break()
                .line_break()
                .then_plain(turn.say_with("certificate-email-hint", &args));
        }
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// What is left on a track: the lessons below their score, the meetings to attend.
    async fn track_left(&self, turn: &mut Turn<'_>, track_id: &str) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some(track) = library.certificate_track(track_id) else {
            return Ok(turn.expired());
        };
        let evidence = self.store.evidence(turn.person.id, &library.certificates).await?;
        let standing = standing(track, &evidence);
        let title = track.texts.get(turn.lang).title.clone();
        let mut text = Text::default().then_bold(turn.say_with(
            "certificate-left-title",
            &args! { "track" => isolate(turn.lang, &title) },
        ));
        for lesson in standing.lessons.iter().filter(|lesson| !lesson.met) {
            let Some((toolbox, found)) = library.lesson(&lesson.toolbox, &lesson.lesson) else {
                continue;
            };
            let best = lesson.best.map_or(-1, |score| i64::from(score.percent()));
            let args = args! {
                "lesson" => isolate(turn.lang, &found.texts.get(turn.lang).title),
                "toolbox" => isolate(turn.lang, &toolbox.texts.get(turn.lang).title),
                "best" => count(best),
                "min" => count(i64::from(lesson.min_percent)),
            };
            text = text
                .line_break()
                .then_plain(turn.say_with("certificate-left-lesson", &args));
        }
        if standing.meetings_attended < standing.meetings_needed {
            let args = args! {
                "attended" => count(i64::from(standing.meetings_attended)),
                "needed" => count(i64::from(standing.meetings_needed)),
            };
            text = text
                .line_break()
                .then_plain(turn.say_with("certificate-left-meetings", &args));
        }
        if standing.role_missing {
            text = text.line_break().then_plain(turn.say("certificate-left-role"));
        }
        if standing.complete() {
            text = text.line_break().then_plain(turn.say("certificate-left-nothing"));
        }
        Ok(vec![Outgoing::text(text)])
    }

    /// A refresher: one question per lesson of the track, as a review round that renews the
    /// certificate when it reaches the track's score.
    async fn start_refresher(&self, turn: &mut Turn<'_>, id: CertificateId) -> Result<Vec<Outgoing>, StoreError> {
        let Some(certificate) = self.store.certificate(id).await?.filter(|c| c.person == turn.person.id) else {
            return Ok(turn.expired());
        };
        if !certificate.renewable(turn.now) {
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say("certificate-refresher-not-now"),
            ))]);
        }
        let library = self.library();
        let Some(track) = library.certificate_track(&certificate.track) else {
            return Ok(turn.expired());
        };
        use rand::seq::IndexedRandom;
        let mut rng = rand::rng();
        let queue: Vec<crate::content::QuestionKey> = track
            .lessons
            .iter()
            .filter_map(|wanted| {
                let (_, lesson) = library.lesson(&wanted.toolbox, &wanted.lesson)?;
                let question = lesson.questions.choose(&mut rng)?;
                Some(crate::content::QuestionKey {
                    toolbox: wanted.toolbox.clone(),
                    lesson: wanted.lesson.clone(),
                    question: question.id.clone(),
                })
            })
            .collect();
        let Some((_, _, first)) = queue.first().and_then(|key| library.question(key)) else {
            return Ok(turn.expired());
        };
        let first = first.clone();
        let total = queue.len();
        turn.conversation.step = Step::Learn(LearnStep::Review {
            queue,
            asked: 0,
            right: 0,
            refresher: Some(certificate.id.0),
        });
        let args = args! {
            "track" => isolate(turn.lang, &track.texts.get(turn.lang).title),
            "count" => count(total as i64),
            "min" => count(i64::from(track.min_percent)),
        };
        let intro = Outgoing::text(Text::plain(turn.say_with("certificate-refresher-start", &args)));
        let ask = self.ask(turn, &first, 0, total);
        Ok(vec![intro, ask])
    }

    /// The end of a refresher: renewed under the same code for a full period from the old end,
    /// or not yet.
    pub(super) async fn refresher_done(
        &self,
        turn: &mut Turn<'_>,
        id: i64,
        score: Score,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let certificate = self.store.certificate(CertificateId(id)).await?;
        let Some((certificate, track)) = certificate
            .filter(|certificate| certificate.person == turn.person.id && certificate.renewable(turn.now))
            .and_then(|certificate| {
                let track = library.certificate_track(&certificate.track)?.clone();
                Some((certificate, track))
            })
        else {
            return Ok(turn.expired());
        };
        let title = isolate(turn.lang, &track.texts.get(turn.lang).title);
        if !crate::certificate::reaches(score, track.min_percent) {
            let args = args! {
                "right" => count(i64::from(score.right)),
                "total" => count(i64::from(score.out_of)),
                "min" => count(i64::from(track.min_percent)),
                "track" => title,
            };
            let choices = Self::offer(
                turn,
                vec![(
                    turn.say_with(
                        "certificate-refresher-choice",
                        &args! { "track" => track.texts.get(turn.lang).title.clone() },
                    ),
                    Action::Certify(CertifyAction::StartRefresher { id: certificate.id }),
                )],
            );
            return Ok(vec![Outgoing::with_choices(
                Text::plain(turn.say_with("certificate-refresher-failed", &args)),
                choices,
            )]);
        }
        let old_end = certificate.valid_until.unwrap_or(turn.now);
        let Some(until) = track.valid_until(old_end) else {
            return Ok(turn.expired());
        };
        self.store.renew_certificate(certificate.id, until, turn.now).await?;
        let args = args! { "track" => title, "until" => long_date(&self.locales, turn.lang, until) };
        let mut replies = vec![Outgoing::text(
            Text::default().then_bold(turn.say_with("certificate-renewed", &args)),
        )];
        if let Some(renewed) = self.store.certificate(certificate.id).await? {
            replies.push(self.certificate_message(turn.lang, &renewed));
        }
        Ok(replies)
    }

    /// `/verify CODE`, in any chat: who holds what, since when, until when, or revoked. Wrong
    /// codes count towards the same limit as wrong invitation codes.
    pub(super) async fn verify(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        if argument.is_empty() {
            let args = args! { "verify" => turn.command("verify") };
            return Ok(vec![Outgoing::text(Text::plain(turn.say_with("verify-usage", &args)))]);
        }
        let failures = self.store.code_failures(turn.person.id).await?;
        if let Some(wait) = failures.wait(turn.now) {
            let minutes = (wait.num_seconds() + 59) / 60;
            let args = args! { "minutes" => minutes.max(1) };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("verify-too-many-tries", &args),
            ))]);
        }
        let found = match CertificateCode::parse(argument) {
            Some(code) => self.store.certificate_by_code(&code).await?,
            None => None,
        };
        let Some(certificate) = found else {
            self.store.record_code_failure(turn.person.id, turn.now).await?;
            let args = args! { "verify" => turn.command("verify") };
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("verify-unknown", &args),
            ))]);
        };
        let library = self.library();
        let title = library.track_title(&certificate.track, turn.lang);
        let name = certificate
            .holder_name
            .clone()
            .unwrap_or_else(|| turn.say("certificate-name-pending"));
        let state = certificate.state(turn.now);
        let args = args! {
            "ok" => if matches!(state, CertificateState::Valid | CertificateState::ExpiringSoon) { "yes" } else { "no" },
            "track" => isolate(turn.lang, &title),
            "name" => isolate(turn.lang, &name),
            "issued" => long_date(&self.locales, turn.lang, certificate.issued_at),
            "state" => state_line(&self.locales, turn.lang, &certificate, turn.now),
            "code" => certificate.code.to_string(),
            "url" => self.publishing().verify_url(&certificate.code),
        };
        let mut text = Text::default().then_bold(turn.say_with("verify-result", &args));
        if let (CertificateState::Revoked, Some(reason)) = (state, &certificate.revoked_reason) {
            let args = args! { "reason" => isolate(turn.lang, reason) };
            text = text
                .line_break()
                .then_plain(turn.say_with("verify-revoked-reason", &args));
        }
        Ok(vec![Outgoing::text(text)])
    }
}
