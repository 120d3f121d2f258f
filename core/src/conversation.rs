//! Where a person is in a conversation. Stored per person (not per chat), so it follows them
//! across channels and survives restarts.

use crate::broadcast::dialogue::{AnnounceAction, AnnounceStep};
use crate::campaign::dialogue::{CampaignAction, CampaignStep};
use crate::certificate::dialogue::{CertifyAction, CertifyStep};
use crate::label::dialogue::LabelAction;
use crate::language::Language;
use crate::learning::dialogue::{LearnAction, LearnStep};
use crate::meeting::dialogue::{OrganizeAction, OrganizeStep};
use crate::meeting::draft::DraftAction;
use crate::message::Choice;
use crate::person::PersonId;
use crate::store::StoreResult;
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::future::Future;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    #[serde(default)]
    pub step: Step,
    /// The choices most recently offered; only these are accepted.
    #[serde(default)]
    pub offer: Option<Offer>,
}

impl Conversation {
    /// Back to nothing under way, with no choice on offer.
    pub fn reset(&mut self) {
        *self = Conversation::default();
    }
}

/// Where a person is: one arm per feature, each feature's steps in its own folder. Stored as JSON
/// with the step's own tag (`{"step": "quiz", …}`), as it always was, so conversations saved by
/// older versions read on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Step {
    Session(SessionStep),
    Learn(LearnStep),
    Announce(AnnounceStep),
    Organize(OrganizeStep),
    Certify(CertifyStep),
    Campaign(CampaignStep),
}

impl Default for Step {
    fn default() -> Step {
        Step::Session(SessionStep::Idle)
    }
}

/// Steps that belong to no feature.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum SessionStep {
    #[default]
    Idle,
    /// The person must pick a language; `resume` is the message to handle once they have.
    ChoosingLanguage { resume: Option<String> },
}

/// A set of choices that were offered, under a fresh nonce, in one chat. A choice's data is
/// `<nonce>.<index>`: a press on an older keyboard, someone else's keyboard, a forged one, or
/// one sent from another chat than the offer's finds no matching offer and changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub nonce: String,
    pub actions: Vec<Action>,
    /// The chat it was shown in; set when the turn that made it is saved (offers stored before
    /// chats were recorded have none, and are taken from any chat once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
}

/// What picking a choice does: one arm per feature, routed to that feature's flow. Stored with
/// each action's own tag (`{"action": "open_lesson", …}`), as it always was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Action {
    Session(SessionAction),
    Learn(LearnAction),
    Announce(AnnounceAction),
    Organize(OrganizeAction),
    Certify(CertifyAction),
    Label(LabelAction),
    Campaign(CampaignAction),
}

/// Choices that belong to no feature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum SessionAction {
    SetLanguage { language: Language },
}

impl From<SessionAction> for Action {
    fn from(action: SessionAction) -> Action {
        Action::Session(action)
    }
}

impl From<CertifyAction> for Action {
    fn from(action: CertifyAction) -> Action {
        Action::Certify(action)
    }
}

impl From<CampaignAction> for Action {
    fn from(action: CampaignAction) -> Action {
        Action::Campaign(action)
    }
}

impl From<LabelAction> for Action {
    fn from(action: LabelAction) -> Action {
        Action::Label(action)
    }
}

impl From<LearnAction> for Action {
    fn from(action: LearnAction) -> Action {
        Action::Learn(action)
    }
}

impl From<AnnounceAction> for Action {
    fn from(action: AnnounceAction) -> Action {
        Action::Announce(action)
    }
}

impl From<OrganizeAction> for Action {
    fn from(action: OrganizeAction) -> Action {
        Action::Organize(action)
    }
}

impl From<DraftAction> for Action {
    fn from(step: DraftAction) -> Action {
        Action::Organize(OrganizeAction::Draft { step })
    }
}

impl Offer {
    const NONCE_LEN: usize = 6;

    pub fn new(actions: Vec<Action>) -> Self {
        const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
        let mut rng = rand::rng();
        let nonce = (0..Self::NONCE_LEN)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect();
        Offer {
            nonce,
            actions,
            chat: None,
        }
    }

    /// A new offer for a message shown in `chat`.
    pub fn in_chat(actions: Vec<Action>, chat: &str) -> Self {
        Offer {
            chat: Some(chat.to_owned()),
            ..Offer::new(actions)
        }
    }

    /// Whether a press or answer coming from `chat` may use this offer.
    pub fn shown_in(&self, chat: &str) -> bool {
        self.chat.as_deref().is_none_or(|shown| shown == chat)
    }

    /// Adds labelled actions to a live offer, keeping its nonce so the choices already shown stay
    /// valid; returns their choices.
    pub fn add(&mut self, entries: Vec<(String, Action)>) -> Vec<Choice> {
        let first = self.actions.len();
        let (labels, actions): (Vec<String>, Vec<Action>) = entries.into_iter().unzip();
        self.actions.extend(actions);
        labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| Choice {
                label,
                data: self.data(first + i),
            })
            .collect()
    }

    pub fn data(&self, index: usize) -> String {
        format!("{}.{index}", self.nonce)
    }

    /// The action behind `data`, if `data` belongs to this offer.
    pub fn action_for(&self, data: &str) -> Option<&Action> {
        let (nonce, index) = data.split_once('.')?;
        if nonce != self.nonce {
            return None;
        }
        self.actions.get(index.parse::<usize>().ok()?)
    }
}

/// Where each person is in their conversation, kept between turns and restarts.
pub trait ConversationStore: Send + Sync {
    fn conversation(&self, person: PersonId) -> impl Future<Output = StoreResult<Conversation>> + Send;

    fn save_conversation(
        &self,
        person: PersonId,
        conversation: &Conversation,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>> + Send;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_offered_data_is_accepted() {
        let offer = Offer::new(vec![Action::Session(SessionAction::SetLanguage {
            language: Language::Ar,
        })]);
        assert_eq!(
            offer.action_for(&offer.data(0)),
            Some(&Action::Session(SessionAction::SetLanguage { language: Language::Ar }))
        );
        assert_eq!(offer.action_for(&offer.data(1)), None);
        assert_eq!(offer.action_for("zzzzzz.0"), None);
        assert_eq!(offer.action_for(""), None);
        assert_eq!(offer.action_for(&format!("{}.-1", offer.nonce)), None);
        assert!(offer.data(11).len() <= 64);
    }

    #[test]
    fn an_offer_answers_only_in_its_chat() {
        let offer = Offer::in_chat(Vec::new(), "42");
        assert!(offer.shown_in("42"));
        assert!(!offer.shown_in("-100"));
        let stored: Offer = serde_json::from_str(r#"{"nonce":"abcdef","actions":[]}"#).expect("old offer");
        assert!(stored.shown_in("-100"), "an offer stored before chats were kept");
    }

    #[test]
    fn unknown_stored_state_reads_as_idle() {
        let old: Conversation = serde_json::from_str("{}").expect("defaults");
        assert_eq!(old, Conversation::default());
    }
}
