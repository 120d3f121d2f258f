//! Learning in the chat: toolboxes, lessons part by part, quizzes with feedback, progress,
//! spaced review and the daily lesson.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::content::{Lesson, Library, Question, QuestionKey, QuestionKind, Toolbox, Track, limits};
use crate::conversation::SessionStep;
use crate::conversation::{Action, Offer, Step};
use crate::learning::dialogue::{LearnAction, LearnStep};
use crate::learning::{AnswerSource, Attempt, LessonProgress, Recorded, Score};
use crate::locale::count;
use crate::message::{Choice, Media, MediaKind, Outgoing, Poll, Text};
use crate::person::PersonId;
use crate::review::after_answer;
use crate::role::Role;
use crate::store::StoreError;
use std::collections::HashMap;
use std::sync::Arc;

/// How many due questions one `/review` asks at most.
const REVIEW_BATCH: u32 = 10;

type Progress = HashMap<(String, String), LessonProgress>;

pub(super) fn key(toolbox: &str, lesson: &str) -> (String, String) {
    (toolbox.to_owned(), lesson.to_owned())
}

/// A lesson's state for a person, as the lesson list shows it.
pub(super) fn status(progress: Option<&LessonProgress>) -> &'static str {
    match progress {
        Some(progress) if progress.completed_at.is_some() => "done",
        Some(_) => "started",
        None => "new",
    }
}

fn done_in(toolbox: &Toolbox, progress: &Progress) -> usize {
    toolbox
        .lessons
        .iter()
        .filter(|lesson| status(progress.get(&key(&toolbox.id, &lesson.id))) == "done")
        .count()
}

impl<S: EngineStore> Engine<S> {
    /// The learning arm of the choice router.
    pub(super) async fn on_learn_action(
        &self,
        turn: &mut Turn<'_>,
        action: LearnAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match action {
            LearnAction::Toolboxes => self.learn(turn).await,
            LearnAction::OpenToolbox { toolbox } => self.open_toolbox(turn, &toolbox).await,
            LearnAction::OpenLesson { toolbox, lesson } => self.open_lesson(turn, &toolbox, &lesson).await,
            LearnAction::NextPart => self.next_part(turn),
            LearnAction::StartQuiz { toolbox, lesson } => self.start_quiz(turn, &toolbox, &lesson),
            LearnAction::Answer { options } => self.answer(turn, options).await,
            LearnAction::Resume => self.resume(turn).await,
            LearnAction::Review => self.review(turn).await,
        }
    }

    /// The learning arm of the poll router: an answer counts only for the question being asked
    /// (the router has checked that the poll is the live offer it was asked with).
    pub(super) async fn on_learn_poll_answer(
        &self,
        turn: &mut Turn<'_>,
        options: &[usize],
    ) -> Result<Vec<Outgoing>, StoreError> {
        let asking = matches!(
            turn.conversation.step,
            Step::Learn(LearnStep::Quiz { .. }) | Step::Learn(LearnStep::Review { .. })
        );
        if !asking {
            return Ok(turn.expired());
        }
        turn.accepted = true;
        self.answer(turn, options.to_vec()).await
    }

    pub(super) fn track(turn: &Turn<'_>) -> Track {
        Track::for_role(turn.access.highest_role().unwrap_or(Role::Volunteer))
    }

    pub(super) async fn progress_of(&self, person: PersonId) -> Result<Progress, StoreError> {
        Ok(self
            .store
            .progress(person)
            .await?
            .into_iter()
            .map(|progress| (key(&progress.toolbox, &progress.lesson), progress))
            .collect())
    }

    /// Offers `entries` as choices, one per row, replacing any earlier offer.
    pub(super) fn offer(turn: &mut Turn<'_>, entries: Vec<(String, Action)>) -> Vec<Vec<Choice>> {
        let (labels, actions): (Vec<String>, Vec<Action>) = entries.into_iter().unzip();
        let offer = Offer::new(actions);
        let choices = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                vec![Choice {
                    label,
                    data: offer.data(i),
                }]
            })
            .collect();
        turn.conversation.offer = Some(offer);
        choices
    }

    fn lesson_gone(turn: &mut Turn<'_>) -> Vec<Outgoing> {
        turn.conversation.reset();
        let args = args! { "learn" => turn.command("learn") };
        vec![Outgoing::text(Text::plain(turn.say_with("lesson-gone", &args)))]
    }

    /// `/learn`: the toolboxes of the person's track with their progress.
    pub(super) async fn learn(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        if let Some(refusal) = turn.private_only("learn-private-only", "learn") {
            return Ok(refusal);
        }
        let library = self.library();
        let toolboxes: Vec<&Toolbox> = library.for_track(Self::track(turn)).collect();
        if toolboxes.is_empty() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("learn-empty")))]);
        }
        let progress = self.progress_of(turn.person.id).await?;
        let mut entries = Vec::new();
        if let Some(title) = self.under_way(turn, &library) {
            let args = args! { "lesson" => title };
            entries.push((
                turn.say_with("learn-continue-choice", &args),
                Action::Learn(LearnAction::Resume),
            ));
        }
        for toolbox in &toolboxes {
            let args = args! {
                "title" => toolbox.texts.get(turn.lang).title.clone(),
                "done" => count(done_in(toolbox, &progress) as i64),
                "total" => count(toolbox.lessons.len() as i64),
            };
            entries.push((
                turn.say_with("learn-toolbox-choice", &args),
                Action::Learn(LearnAction::OpenToolbox {
                    toolbox: toolbox.id.clone(),
                }),
            ));
        }
        let due = self.store.count_due_reviews(turn.person.id, turn.now).await?;
        if due > 0 {
            let args = args! { "count" => count(i64::from(due)) };
            entries.push((
                turn.say_with("learn-review-choice", &args),
                Action::Learn(LearnAction::Review),
            ));
        }
        let text = Text::default()
            .then_bold(turn.say("learn-title"))
            .line_break()
            .then_plain(turn.say("learn-intro"));
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// The title of the lesson being read or quizzed, if any is under way.
    fn under_way(&self, turn: &Turn<'_>, library: &Library) -> Option<String> {
        let (toolbox, lesson) = match &turn.conversation.step {
            Step::Learn(LearnStep::Reading { toolbox, lesson, .. })
            | Step::Learn(LearnStep::Quiz { toolbox, lesson, .. }) => (toolbox, lesson),
            _ => return None,
        };
        let (_, lesson) = library.lesson(toolbox, lesson)?;
        Some(lesson.texts.get(turn.lang).title.clone())
    }

    async fn open_toolbox(&self, turn: &mut Turn<'_>, id: &str) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some(toolbox) = library
            .toolbox(id)
            .filter(|toolbox| Self::track(turn).includes(toolbox.audience))
        else {
            return Ok(Self::lesson_gone(turn));
        };
        let progress = self.progress_of(turn.person.id).await?;
        let texts = toolbox.texts.get(turn.lang);
        let mut entries = Vec::new();
        for (number, lesson) in toolbox.lessons.iter().enumerate() {
            let record = progress.get(&key(&toolbox.id, &lesson.id));
            let best = record.and_then(|record| record.best_score);
            let args = args! {
                "status" => status(record),
                "number" => count(number as i64 + 1),
                "title" => lesson.texts.get(turn.lang).title.clone(),
                "right" => count(best.map_or(0, |score| i64::from(score.right))),
                "total" => count(best.map_or(0, |score| i64::from(score.out_of))),
            };
            entries.push((
                turn.say_with("toolbox-lesson-choice", &args),
                Action::Learn(LearnAction::OpenLesson {
                    toolbox: toolbox.id.clone(),
                    lesson: lesson.id.clone(),
                }),
            ));
        }
        entries.push((turn.say("toolbox-back-choice"), Action::Learn(LearnAction::Toolboxes)));
        let args = args! {
            "done" => count(done_in(toolbox, &progress) as i64),
            "total" => count(toolbox.lessons.len() as i64),
        };
        let text = Text::default()
            .then_bold(texts.title.clone())
            .line_break()
            .then_plain(texts.summary.clone())
            .line_break()
            .line_break()
            .then_plain(turn.say_with("toolbox-progress", &args));
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    async fn open_lesson(&self, turn: &mut Turn<'_>, toolbox: &str, lesson: &str) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some((found_toolbox, found_lesson)) = library
            .lesson(toolbox, lesson)
            .filter(|(toolbox, _)| Self::track(turn).includes(toolbox.audience))
        else {
            return Ok(Self::lesson_gone(turn));
        };
        self.store
            .start_lesson(turn.person.id, toolbox, lesson, turn.now)
            .await?;
        let mut replies = Vec::new();
        if let Some(media) = &found_lesson.media {
            replies.push(Outgoing::Media(Media {
                kind: media.kind,
                source: media.source.clone(),
                caption: found_lesson.texts.get(turn.lang).caption.clone().map(Text::plain),
            }));
        }
        turn.conversation.step = Step::Learn(LearnStep::Reading {
            toolbox: toolbox.to_owned(),
            lesson: lesson.to_owned(),
            part: 0,
        });
        replies.extend(self.part(turn, found_toolbox, found_lesson, 0));
        Ok(replies)
    }

    /// One part of a lesson, after its picture if it has one, with the way on: the next part
    /// or the quiz.
    fn part(&self, turn: &mut Turn<'_>, toolbox: &Toolbox, lesson: &Lesson, part: usize) -> Vec<Outgoing> {
        let mut replies = Vec::new();
        if let Some(image) = lesson.image(part) {
            replies.push(Outgoing::Media(Media {
                kind: MediaKind::Image,
                source: image.source.clone(),
                caption: lesson
                    .texts
                    .get(turn.lang)
                    .image_captions
                    .get(&part)
                    .cloned()
                    .map(Text::plain),
            }));
        }
        let texts = lesson.texts.get(turn.lang);
        let parts = texts.parts.len();
        let args = args! {
            "title" => texts.title.clone(),
            "part" => count(part as i64 + 1),
            "parts" => count(parts as i64),
        };
        let body = texts.parts.get(part).cloned().unwrap_or_default();
        let text = Text::default()
            .then_bold(turn.say_with("lesson-part-header", &args))
            .line_break()
            .then_plain(body);
        let next = if part + 1 < parts {
            (turn.say("lesson-next-choice"), Action::Learn(LearnAction::NextPart))
        } else {
            (
                turn.say("lesson-quiz-choice"),
                Action::Learn(LearnAction::StartQuiz {
                    toolbox: toolbox.id.clone(),
                    lesson: lesson.id.clone(),
                }),
            )
        };
        let choices = Self::offer(turn, vec![next]);
        replies.push(Outgoing::with_choices(text, choices));
        replies
    }

    fn next_part(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Learn(LearnStep::Reading { toolbox, lesson, part }) = turn.conversation.step.clone() else {
            return Ok(turn.expired());
        };
        let library = self.library();
        let Some((found_toolbox, found_lesson)) = library.lesson(&toolbox, &lesson) else {
            return Ok(Self::lesson_gone(turn));
        };
        let last = found_lesson.texts.get(turn.lang).parts.len().saturating_sub(1);
        let part = (part + 1).min(last);
        turn.conversation.step = Step::Learn(LearnStep::Reading {
            toolbox: toolbox.clone(),
            lesson: lesson.clone(),
            part,
        });
        Ok(self.part(turn, found_toolbox, found_lesson, part))
    }

    fn start_quiz(&self, turn: &mut Turn<'_>, toolbox: &str, lesson: &str) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some((_, found_lesson)) = library.lesson(toolbox, lesson) else {
            return Ok(Self::lesson_gone(turn));
        };
        turn.conversation.step = Step::Learn(LearnStep::Quiz {
            toolbox: toolbox.to_owned(),
            lesson: lesson.to_owned(),
            question: 0,
            right: 0,
        });
        let args = args! { "count" => count(found_lesson.questions.len() as i64) };
        let intro = Outgoing::text(Text::plain(turn.say_with("quiz-intro", &args)));
        let Some(question) = found_lesson.questions.first() else {
            return Ok(Self::lesson_gone(turn));
        };
        let ask = self.ask(turn, question, 0, found_lesson.questions.len());
        Ok(vec![intro, ask])
    }

    /// A question as a poll (rendered as buttons where polls do not fit), under a fresh offer.
    pub(super) fn ask(&self, turn: &mut Turn<'_>, question: &Question, number: usize, total: usize) -> Outgoing {
        let texts = question.texts.get(turn.lang);
        let offer = Offer::new(
            (0..texts.options.len())
                .map(|option| Action::Learn(LearnAction::Answer { options: vec![option] }))
                .collect(),
        );
        let args = args! { "number" => count(number as i64 + 1), "total" => count(total as i64) };
        let numbered = format!("{} {}", turn.say_with("quiz-question-number", &args), texts.text);
        let question_text = if numbered.chars().count() <= limits::QUESTION {
            numbered
        } else {
            texts.text.clone()
        };
        let poll = Poll {
            reference: offer.nonce.clone(),
            question: question_text,
            options: texts.options.clone(),
            multiple_answers: question.kind == QuestionKind::Multiple,
            correct: question.correct.clone(),
            explanation: Some(texts.explanation.clone()),
            hint: (question.kind == QuestionKind::Multiple).then(|| turn.say("quiz-several-answers")),
        };
        turn.conversation.offer = Some(offer);
        Outgoing::Poll(poll)
    }

    /// Right or wrong, the explanation, then the next question or the end of the round.
    async fn answer(&self, turn: &mut Turn<'_>, options: Vec<usize>) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let (question_key, source) = match &turn.conversation.step {
            Step::Learn(LearnStep::Quiz {
                toolbox,
                lesson,
                question,
                ..
            }) => {
                let Some(found) = library
                    .lesson(toolbox, lesson)
                    .and_then(|(_, found)| found.questions.get(*question))
                else {
                    return Ok(Self::lesson_gone(turn));
                };
                let key = QuestionKey {
                    toolbox: toolbox.clone(),
                    lesson: lesson.clone(),
                    question: found.id.clone(),
                };
                (key, AnswerSource::Quiz)
            }
            Step::Learn(LearnStep::Review { queue, .. }) => match queue.first() {
                Some(key) => (key.clone(), AnswerSource::Review),
                None => return Ok(turn.expired()),
            },
            _ => return Ok(turn.expired()),
        };
        let Some((_, lesson, question)) = library.question(&question_key) else {
            return Ok(Self::lesson_gone(turn));
        };
        let option_count = question.texts.get(turn.lang).options.len();
        let mut chosen = options;
        chosen.sort_unstable();
        chosen.dedup();
        if chosen.is_empty() || chosen.iter().any(|&option| option >= option_count) {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("quiz-answer-invalid")))]);
        }
        if question.kind == QuestionKind::Single && chosen.len() > 1 {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("quiz-answer-one")))]);
        }
        let correct = question.is_right(&chosen);
        let offer = turn
            .conversation
            .offer
            .as_ref()
            .map(|offer| offer.nonce.clone())
            .unwrap_or_default();
        let mut replies = vec![self.feedback(turn, question, correct)];
        let mut refreshed = None;
        let finished = match source {
            AnswerSource::Quiz => self.after_quiz_answer(turn, &library, correct, &mut replies),
            AnswerSource::Review => {
                refreshed = self.after_review_answer(turn, &library, correct, &mut replies);
                None
            }
        };
        let previous = self.store.review_card(turn.person.id, &question_key).await?;
        let card = after_answer(previous.as_ref(), correct, turn.now);
        let attempt = Attempt {
            person: turn.person.id,
            question: question_key.clone(),
            lesson_version: lesson.version.clone(),
            chosen,
            correct,
            source,
            offer,
            answered_at: turn.now,
        };
        match self
            .store
            .record_attempt(&attempt, &card, &turn.conversation, finished)
            .await?
        {
            Recorded::New => turn.stored = turn.conversation.clone(),
            Recorded::Duplicate => {
                turn.conversation = turn.stored.clone();
                return Ok(turn.expired());
            }
        }
        // Only a quiz finishes with a score (a review round has its own end).
        if let Some(score) = finished {
            let QuestionKey { toolbox, lesson, .. } = &attempt.question;
            replies.extend(self.quiz_summary(turn, &library, toolbox, lesson, score).await?);
            // The quiz that completes a track issues its certificate, once.
            replies.extend(self.award(turn).await?);
        }
        if let Some((certificate, score)) = refreshed {
            replies.extend(self.refresher_done(turn, certificate, score).await?);
        }
        Ok(replies)
    }

    fn feedback(&self, turn: &Turn<'_>, question: &Question, correct: bool) -> Outgoing {
        let texts = question.texts.get(turn.lang);
        let verdict = if correct {
            Text::default().then_bold(turn.say("quiz-right"))
        } else {
            let answer = question
                .correct
                .iter()
                .filter_map(|&option| texts.options.get(option))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ; ");
            Text::default()
                .then_bold(turn.say("quiz-wrong"))
                .line_break()
                .then_plain(turn.say_with("quiz-right-answer", &args! { "answer" => answer }))
        };
        Outgoing::text(
            verdict
                .line_break()
                .push(crate::message::Span::Italic(texts.explanation.clone())),
        )
    }

    /// Moves the quiz on; returns the score when that was the last question.
    fn after_quiz_answer(
        &self,
        turn: &mut Turn<'_>,
        library: &Library,
        correct: bool,
        replies: &mut Vec<Outgoing>,
    ) -> Option<Score> {
        let Step::Learn(LearnStep::Quiz {
            toolbox,
            lesson,
            question,
            right,
        }) = turn.conversation.step.clone()
        else {
            return None;
        };
        let right = right + u32::from(correct);
        let questions: &[Question] = library
            .lesson(&toolbox, &lesson)
            .map_or(&[], |(_, lesson)| lesson.questions.as_slice());
        let next = question + 1;
        if let Some(next_question) = questions.get(next) {
            turn.conversation.step = Step::Learn(LearnStep::Quiz {
                toolbox,
                lesson,
                question: next,
                right,
            });
            replies.push(self.ask(turn, next_question, next, questions.len()));
            return None;
        }
        turn.conversation.reset();
        Some(Score {
            right,
            out_of: questions.len() as u32,
        })
    }

    /// The score of a finished quiz and where to go next.
    async fn quiz_summary(
        &self,
        turn: &mut Turn<'_>,
        library: &Arc<Library>,
        toolbox_id: &str,
        lesson_id: &str,
        score: Score,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let progress = self.progress_of(turn.person.id).await?;
        let best = progress
            .get(&key(toolbox_id, lesson_id))
            .and_then(|record| record.best_score)
            .unwrap_or(score);
        let args = args! {
            "right" => count(i64::from(score.right)),
            "total" => count(i64::from(score.out_of)),
            "percent" => count(i64::from(score.percent())),
        };
        let mut text = Text::default().then_bold(turn.say_with("quiz-done", &args));
        if best != score {
            let args = args! { "right" => count(i64::from(best.right)), "total" => count(i64::from(best.out_of)) };
            text = text.line_break().then_plain(turn.say_with("quiz-best", &args));
        }
        let mut entries = Vec::new();
        if let Some(toolbox) = library.toolbox(toolbox_id) {
            let position = toolbox.lessons.iter().position(|lesson| lesson.id == lesson_id);
            match position.and_then(|at| toolbox.lessons.get(at + 1)) {
                Some(next) => {
                    let args = args! { "title" => next.texts.get(turn.lang).title.clone() };
                    entries.push((
                        turn.say_with("quiz-next-lesson-choice", &args),
                        Action::Learn(LearnAction::OpenLesson {
                            toolbox: toolbox.id.clone(),
                            lesson: next.id.clone(),
                        }),
                    ));
                }
                None if done_in(toolbox, &progress) == toolbox.lessons.len() => {
                    let args = args! { "toolbox" => toolbox.texts.get(turn.lang).title.clone() };
                    text = text.line_break().then_plain(turn.say_with("quiz-toolbox-done", &args));
                }
                None => {}
            }
            entries.push((
                turn.say("quiz-retake-choice"),
                Action::Learn(LearnAction::StartQuiz {
                    toolbox: toolbox_id.to_owned(),
                    lesson: lesson_id.to_owned(),
                }),
            ));
            entries.push((
                turn.say_with(
                    "quiz-toolbox-choice",
                    &args! { "toolbox" => toolbox.texts.get(turn.lang).title.clone() },
                ),
                Action::Learn(LearnAction::OpenToolbox {
                    toolbox: toolbox_id.to_owned(),
                }),
            ));
        }
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// `/review`: the questions due, one at a time.
    pub(super) async fn review(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        if let Some(refusal) = turn.private_only("learn-private-only", "learn") {
            return Ok(refusal);
        }
        let library = self.library();
        let queue: Vec<QuestionKey> = self
            .store
            .due_reviews(turn.person.id, turn.now, REVIEW_BATCH)
            .await?
            .into_iter()
            .map(|due| due.question)
            .filter(|key| library.question(key).is_some())
            .collect();
        let Some(first) = queue.first().cloned() else {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("review-none")))]);
        };
        let total = queue.len();
        turn.conversation.step = Step::Learn(LearnStep::Review {
            queue,
            asked: 0,
            right: 0,
            refresher: None,
        });
        let args = args! { "count" => count(total as i64) };
        let intro = Outgoing::text(Text::plain(turn.say_with("review-intro", &args)));
        let Some((_, _, question)) = library.question(&first) else {
            return Ok(Self::lesson_gone(turn));
        };
        let ask = self.ask(turn, question, 0, total);
        Ok(vec![intro, ask])
    }

    /// Moves a review round on; when it was a certificate's refresher and that was its last
    /// question, returns the certificate and the score, which the caller judges once the answer is
    /// recorded.
    fn after_review_answer(
        &self,
        turn: &mut Turn<'_>,
        library: &Library,
        correct: bool,
        replies: &mut Vec<Outgoing>,
    ) -> Option<(i64, Score)> {
        let Step::Learn(LearnStep::Review {
            mut queue,
            asked,
            right,
            refresher,
        }) = turn.conversation.step.clone()
        else {
            return None;
        };
        let asked = asked + 1;
        let right = right + u32::from(correct);
        if !queue.is_empty() {
            queue.remove(0);
        }
        queue.retain(|key| library.question(key).is_some());
        let total = asked as usize + queue.len();
        if let Some((_, _, question)) = queue.first().and_then(|key| library.question(key)) {
            let question = question.clone();
            turn.conversation.step = Step::Learn(LearnStep::Review {
                queue,
                asked,
                right,
                refresher,
            });
            replies.push(self.ask(turn, &question, asked as usize, total));
            return None;
        }
        turn.conversation.step = Step::Session(SessionStep::Idle);
        if let Some(certificate) = refresher {
            return Some((certificate, Score { right, out_of: asked }));
        }
        let args = args! { "right" => count(i64::from(right)), "total" => count(i64::from(asked)) };
        let text = Text::default().then_bold(turn.say_with("review-done", &args));
        let choices = Self::offer(
            turn,
            vec![(turn.say("toolbox-back-choice"), Action::Learn(LearnAction::Toolboxes))],
        );
        replies.push(Outgoing::with_choices(text, choices));
        None
    }

    /// Shows again the part or question the person stopped at.
    async fn resume(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        match turn.conversation.step.clone() {
            Step::Learn(LearnStep::Reading { toolbox, lesson, part }) => {
                let Some((found_toolbox, found_lesson)) = library.lesson(&toolbox, &lesson) else {
                    return Ok(Self::lesson_gone(turn));
                };
                let last = found_lesson.texts.get(turn.lang).parts.len().saturating_sub(1);
                Ok(self.part(turn, found_toolbox, found_lesson, part.min(last)))
            }
            Step::Learn(LearnStep::Quiz {
                toolbox,
                lesson,
                question,
                ..
            }) => {
                let Some(found) = library.lesson(&toolbox, &lesson).and_then(|(_, found)| {
                    found
                        .questions
                        .get(question)
                        .map(|q| (q.clone(), found.questions.len()))
                }) else {
                    return Ok(Self::lesson_gone(turn));
                };
                Ok(vec![self.ask(turn, &found.0, question, found.1)])
            }
            _ => self.learn(turn).await,
        }
    }

    /// `/progress`: lessons done and scores per toolbox, reviews due, the daily lesson.
    pub(super) async fn progress(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let progress = self.progress_of(turn.person.id).await?;
        let mut text = Text::default().then_bold(turn.say("progress-title"));
        if progress.is_empty() {
            let args = args! { "learn" => turn.command("learn") };
            text = text.line_break().then_plain(turn.say_with("progress-none", &args));
        }
        let (mut all_done, mut all_lessons) = (0, 0);
        for toolbox in library.for_track(Self::track(turn)) {
            let done = done_in(toolbox, &progress);
            all_done += done;
            all_lessons += toolbox.lessons.len();
            let scores: Vec<Score> = toolbox
                .lessons
                .iter()
                .filter_map(|lesson| progress.get(&key(&toolbox.id, &lesson.id))?.best_score)
                .collect();
            let total = scores.iter().fold(Score { right: 0, out_of: 0 }, |sum, score| Score {
                right: sum.right + score.right,
                out_of: sum.out_of + score.out_of,
            });
            let args = args! {
                "title" => toolbox.texts.get(turn.lang).title.clone(),
                "done" => count(done as i64),
                "total" => count(toolbox.lessons.len() as i64),
                "percent" => if scores.is_empty() { "none".to_owned() } else { total.percent().to_string() },
            };
            text = text
                .line_break()
                .then_plain("• ")
                .then_plain(turn.say_with("progress-toolbox", &args));
        }
        let args = args! { "done" => count(all_done as i64), "total" => count(all_lessons as i64) };
        text = text
            .line_break()
            .line_break()
            .then_plain(turn.say_with("progress-total", &args));
        let due = self.store.count_due_reviews(turn.person.id, turn.now).await?;
        let args = args! { "count" => count(i64::from(due)), "review" => turn.command("review") };
        text = text.line_break().then_plain(turn.say_with("progress-reviews", &args));
        let daily = self.store.daily(turn.person.id).await?;
        text = text.line_break().then_plain(match daily {
            Some(daily) => {
                let args = args! { "time" => daily.plan.time.to_string(), "zone" => daily.plan.zone.name() };
                turn.say_with("progress-daily-on", &args)
            }
            None => turn.say_with("progress-daily-off", &self.daily_args(turn)),
        });
        Ok(vec![Outgoing::text(text)])
    }
}
