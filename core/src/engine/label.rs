//! The quality label in the chat: `/label` shows an association's checklist to its managers (and
//! to coordinators, who may name any association), with the label's state; a manager reads the
//! ethics charter and adopts it on the association's behalf; and the warning a manager receives
//! when the label is lost.

use super::certify::long_date;
use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::association::{Association, AssociationId};
use crate::content::Library;
use crate::conversation::Action;
use crate::label::dialogue::LabelAction;
use crate::label::{Adoption, CharterAdoption, CriterionRule, LabelRules, LabelStatus, UnmetCriterion};
use crate::language::Language;
use crate::locale::{count, isolate};
use crate::message::{Outgoing, Text};
use crate::outbox::OutboxItem;
use crate::role::Role;
use crate::store::StoreError;

/// The most associations a coordinator is offered as buttons; beyond, they type `/label N`.
const MAX_LISTED: usize = 20;

/// One line of the checklist, without its mark: what a criterion asks and where the
/// association is, in `lang`.
struct CriterionLine<'a> {
    id: &'a str,
    actual: u32,
    needed: u32,
    out_of: Option<u32>,
    adoption: Option<&'a CharterAdoption>,
}

impl<S: EngineStore> Engine<S> {
    /// The checklist of `state` for a public page, in `lang`: each criterion with whether it
    /// holds. The charter says when it was adopted, never by whom.
    pub fn public_checklist(&self, lang: Language, state: &crate::label::LabelState) -> Vec<(bool, String)> {
        let library = self.library();
        let rules = library.label.as_ref();
        state
            .checklist
            .criteria
            .iter()
            .map(|check| {
                let charter = rules
                    .and_then(|rules| rules.criteria.iter().find(|criterion| criterion.id == check.id))
                    .is_some_and(|criterion| matches!(criterion.rule, CriterionRule::CharterAdopted));
                let text = match (&state.checklist.adoption, charter) {
                    (Some(adoption), true) => self.locales.text(
                        lang,
                        "label-criterion-charter-adopted-on",
                        Some(&args! { "date" => long_date(&self.locales, lang, adoption.adopted_at) }),
                    ),
                    _ => {
                        let line = CriterionLine {
                            id: &check.id,
                            actual: check.actual,
                            needed: check.needed,
                            out_of: check.out_of,
                            adoption: None,
                        };
                        self.criterion_text(lang, &library, rules, &line)
                    }
                };
                (check.met, text)
            })
            .collect()
    }

    /// A criterion's line; `rules` are the pack's (a warning queued before the pack changed may
    /// name a criterion it no longer has).
    fn criterion_text(
        &self,
        lang: Language,
        library: &Library,
        rules: Option<&LabelRules>,
        line: &CriterionLine<'_>,
    ) -> String {
        let track_title = |track: &str| isolate(lang, &library.track_title(track, lang));
        let rule = rules
            .and_then(|rules| rules.criteria.iter().find(|criterion| criterion.id == line.id))
            .map(|criterion| &criterion.rule);
        let months = count(i64::from(rules.map_or(12, |rules| rules.window_months)));
        let (actual, needed) = (count(i64::from(line.actual)), count(i64::from(line.needed)));
        match rule {
            Some(CriterionRule::ManagersCertified { track, .. }) => {
                let args = args! { "track" => track_title(track), "actual" => actual, "needed" => needed };
                self.locales
                    .text(lang, "label-criterion-managers-certified", Some(&args))
            }
            Some(CriterionRule::MembersCertified { track, .. }) => {
                let args = args! { "track" => track_title(track), "actual" => actual, "needed" => needed };
                self.locales
                    .text(lang, "label-criterion-members-certified", Some(&args))
            }
            Some(CriterionRule::ActiveVolunteersCertified { track, percent }) => {
                let args = args! {
                    "track" => track_title(track),
                    "percent" => count(i64::from(*percent)),
                    "months" => months,
                    "actual" => actual,
                    "active" => count(i64::from(line.out_of.unwrap_or(0))),
                    "needed" => needed,
                };
                self.locales
                    .text(lang, "label-criterion-active-volunteers-certified", Some(&args))
            }
            Some(CriterionRule::CharterAdopted) => {
                let args = match line.adoption {
                    Some(adoption) => args! {
                        "adopted" => "yes",
                        "by" => isolate(lang, &adoption.adopted_by),
                        "date" => long_date(&self.locales, lang, adoption.adopted_at),
                    },
                    None => args! { "adopted" => "no", "by" => "", "date" => "" },
                };
                self.locales.text(lang, "label-criterion-charter-adopted", Some(&args))
            }
            Some(CriterionRule::MeetingsAttended { .. }) => {
                let args = args! { "months" => months, "actual" => actual, "needed" => needed };
                self.locales
                    .text(lang, "label-criterion-meetings-attended", Some(&args))
            }
            None => {
                let args = args! { "id" => line.id.to_owned(), "actual" => actual, "needed" => needed };
                self.locales.text(lang, "label-criterion-other", Some(&args))
            }
        }
    }

    /// Whether this person may see `association`'s label: a manager of it, or a coordinator.
    fn may_see_label(turn: &Turn<'_>, association: AssociationId) -> bool {
        turn.access.role_in(association) == Some(Role::Manager) || turn.access.has_at_least(Role::Coordinator)
    }

    fn label_say(turn: &Turn<'_>, id: &str, args: &fluent_bundle::FluentArgs) -> Vec<Outgoing> {
        vec![Outgoing::text(Text::plain(turn.say_with(id, args)))]
    }

    /// `/label [N]`: the checklist of the association the person manages, or of association N.
    pub(super) async fn label(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        if library.label.is_none() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("label-none")))]);
        }
        let managed: Vec<Association> = turn
            .access
            .memberships
            .iter()
            .filter(|membership| membership.role == Role::Manager)
            .map(|membership| membership.association.clone())
            .collect();
        let coordinator = turn.access.has_at_least(Role::Coordinator);
        let typed = argument.trim();
        if typed.is_empty() {
            if managed.len() == 1 && !coordinator {
                return self.show_label(turn, managed[0].id).await;
            }
            // Several to choose from: the managed ones, or every association for a coordinator.
            let choices: Vec<Association> = if coordinator {
                self.store
                    .associations()
                    .await?
                    .into_iter()
                    .map(|summary| summary.association)
                    .collect()
            } else {
                managed
            };
            let args = args! { "command" => turn.command("label"), "count" => count(choices.len() as i64) };
            let text = Text::plain(turn.say_with("label-which", &args));
            let entries = choices
                .iter()
                .take(MAX_LISTED)
                .map(|association| {
                    let args = args! { "id" => association.id.0, "association" => association.name.clone() };
                    (
                        turn.say_with("label-association-choice", &args),
                        Action::Label(LabelAction::ShowLabel {
                            association: association.id,
                        }),
                    )
                })
                .collect();
            let choices = Self::offer(turn, entries);
            return Ok(vec![Outgoing::with_choices(text, choices)]);
        }
        let Ok(number) = typed.parse::<i64>() else {
            let args = args! { "command" => turn.command("label"), "count" => count(0) };
            return Ok(Self::label_say(turn, "label-which", &args));
        };
        self.show_label(turn, AssociationId(number)).await
    }

    /// An association's checklist and label, with the charter's button.
    async fn show_label(&self, turn: &mut Turn<'_>, id: AssociationId) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some(rules) = library.label.as_ref() else {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("label-none")))]);
        };
        if !Self::may_see_label(turn, id) {
            return Ok(Self::label_say(turn, "label-not-yours", &args! { "id" => id.0 }));
        }
        let found = self.store.association(id).await?;
        let state = self.store.label_state(id, rules, turn.now).await?;
        let (Some(association), Some(state)) = (found, state) else {
            return Ok(Self::label_say(
                turn,
                "label-unknown-association",
                &args! { "id" => id.0 },
            ));
        };
        let lang = turn.lang;
        let name = isolate(lang, &association.name);
        let mut text =
            Text::default().then_bold(turn.say_with("label-title", &args! { "association" => name.clone() }));
        let date = |at| long_date(&self.locales, lang, at);
        let status = match state.status {
            LabelStatus::None => turn.say("label-status-none"),
            LabelStatus::Granted { since, until } => turn.say_with(
                "label-status-granted",
                &args! { "since" => date(since), "until" => date(until) },
            ),
            LabelStatus::Expired { at, .. } => turn.say_with("label-status-expired", &args! { "at" => date(at) }),
            LabelStatus::Lost { at, .. } => turn.say_with("label-status-lost", &args! { "at" => date(at) }),
        };
        text = text.line_break().then_plain(status).line_break();
        for check in &state.checklist.criteria {
            let line = CriterionLine {
                id: &check.id,
                actual: check.actual,
                needed: check.needed,
                out_of: check.out_of,
                adoption: state.checklist.adoption.as_ref(),
            };
            let mark = if check.met { "✅" } else { "❌" };
            text = text.line_break().then_plain(format!(
                "{mark} {}",
                self.criterion_text(lang, &library, Some(rules), &line)
            ));
        }
        let missing = state.checklist.criteria.iter().filter(|check| !check.met).count();
        let summary = if missing > 0 {
            Some(turn.say_with("label-summary-missing", &args! { "count" => count(missing as i64) }))
        } else if !state.status.granted() {
            Some(turn.say("label-summary-ready"))
        } else {
            None
        };
        if let Some(summary) = summary {
            text = text.line_break().line_break().then_plain(summary);
        }
        let manager = turn.access.role_in(id) == Some(Role::Manager);
        let adopted = state.checklist.adoption.is_some();
        let mut entries = Vec::new();
        if manager || adopted {
            let label = if manager && !adopted {
                "label-charter-read-adopt"
            } else {
                "label-charter-read"
            };
            entries.push((
                turn.say(label),
                Action::Label(LabelAction::ReadCharter { association: id }),
            ));
        }
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    pub(super) async fn on_label_action(
        &self,
        turn: &mut Turn<'_>,
        action: LabelAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match action {
            LabelAction::ShowLabel { association } => self.show_label(turn, association).await,
            LabelAction::ReadCharter { association } => self.read_charter(turn, association).await,
            LabelAction::AdoptCharter { association, version } => self.adopt_charter(turn, association, &version).await,
        }
    }

    /// The charter in the reader's language; a manager of the association who has not adopted
    /// this version is offered to adopt it (the confirmation).
    async fn read_charter(&self, turn: &mut Turn<'_>, id: AssociationId) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some(rules) = library.label.as_ref() else {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("label-none")))]);
        };
        if !Self::may_see_label(turn, id) {
            return Ok(Self::label_say(turn, "label-not-yours", &args! { "id" => id.0 }));
        }
        let found = self.store.association(id).await?;
        let state = self.store.label_state(id, rules, turn.now).await?;
        let (Some(association), Some(state)) = (found, state) else {
            return Ok(Self::label_say(
                turn,
                "label-unknown-association",
                &args! { "id" => id.0 },
            ));
        };
        let lang = turn.lang;
        let charter = rules.charter.texts.get(lang);
        let name = isolate(lang, &association.name);
        let mut text = Text::default()
            .then_bold(charter.title.clone())
            .line_break()
            .line_break()
            .then_plain(charter.text.trim().to_owned())
            .line_break()
            .line_break();
        let manager = turn.access.role_in(id) == Some(Role::Manager);
        let mut entries = Vec::new();
        match &state.checklist.adoption {
            Some(adoption) => {
                let args = args! {
                    "association" => name,
                    "by" => isolate(lang, &adoption.adopted_by),
                    "date" => long_date(&self.locales, lang, adoption.adopted_at),
                };
                text = text.then_plain(turn.say_with("label-charter-adopted-by", &args));
            }
            None if manager => {
                let args = args! { "association" => name.clone() };
                text = text.then_plain(turn.say_with("label-charter-confirm", &args));
                entries.push((
                    turn.say_with(
                        "label-charter-adopt",
                        &args! { "association" => association.name.clone() },
                    ),
                    Action::Label(LabelAction::AdoptCharter {
                        association: id,
                        version: rules.charter.version.clone(),
                    }),
                ));
            }
            None => {
                let args = args! { "association" => name };
                text = text.then_plain(turn.say_with("label-charter-not-adopted", &args));
            }
        }
        entries.push((
            turn.say("label-back"),
            Action::Label(LabelAction::ShowLabel { association: id }),
        ));
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// The press that adopts the charter: checked now (the presser manages the association at
    /// this moment, the charter is the version read), and recorded with who and when.
    async fn adopt_charter(
        &self,
        turn: &mut Turn<'_>,
        id: AssociationId,
        version: &str,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let library = self.library();
        let Some(rules) = library.label.as_ref() else {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("label-none")))]);
        };
        let Some(association) = self.store.association(id).await? else {
            return Ok(Self::label_say(
                turn,
                "label-unknown-association",
                &args! { "id" => id.0 },
            ));
        };
        let name = isolate(turn.lang, &association.name);
        if turn.access.role_in(id) != Some(Role::Manager) {
            turn.conversation.offer = None;
            return Ok(Self::label_say(
                turn,
                "label-charter-not-manager",
                &args! { "association" => name },
            ));
        }
        if version != rules.charter.version {
            let mut replies = vec![Outgoing::text(Text::plain(turn.say("label-charter-changed")))];
            replies.extend(self.read_charter(turn, id).await?);
            return Ok(replies);
        }
        let adoption = self.store.adopt_charter(id, turn.person.id, version, turn.now).await?;
        let (message, adoption) = match adoption {
            Adoption::Adopted(adoption) => ("label-charter-adopted", adoption),
            Adoption::AlreadyAdopted(adoption) => ("label-charter-already-adopted", adoption),
            Adoption::NotManager => {
                turn.conversation.offer = None;
                return Ok(Self::label_say(
                    turn,
                    "label-charter-not-manager",
                    &args! { "association" => name },
                ));
            }
        };
        let args = args! {
            "association" => name,
            "by" => isolate(turn.lang, &adoption.adopted_by),
            "date" => long_date(&self.locales, turn.lang, adoption.adopted_at),
        };
        let mut replies = vec![Outgoing::text(Text::plain(turn.say_with(message, &args)))];
        replies.extend(self.show_label(turn, id).await?);
        Ok(replies)
    }

    /// The warning a manager receives when their association loses the label, in their language.
    pub(super) async fn render_label_lost(
        &self,
        item: &OutboxItem,
        id: AssociationId,
        criteria: &[UnmetCriterion],
        command_prefix: char,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let association = self
            .store
            .association(id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("association {id}")))?;
        let lang = match item.person {
            Some(person) => self.store.person(person).await?.and_then(|person| person.language),
            None => None,
        }
        .unwrap_or(Language::FALLBACK);
        let library = self.library();
        let args = args! { "association" => isolate(lang, &association.name) };
        let mut text = Text::default().then_bold(self.locales.text(lang, "label-lost-warning", Some(&args)));
        let rules = library.label.as_ref();
        for criterion in criteria {
            let line = CriterionLine {
                id: &criterion.id,
                actual: criterion.actual,
                needed: criterion.needed,
                out_of: criterion.out_of,
                adoption: None,
            };
            text = text
                .line_break()
                .then_plain(format!("❌ {}", self.criterion_text(lang, &library, rules, &line)));
        }
        let args = args! { "command" => format!("{command_prefix}label") };
        text = text
            .line_break()
            .line_break()
            .then_plain(self.locales.text(lang, "label-lost-footer", Some(&args)));
        Ok(vec![Outgoing::text(text)])
    }
}
