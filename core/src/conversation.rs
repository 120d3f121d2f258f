//! Where a person is in a conversation. Stored per person (not per chat), so it follows them
//! across channels and survives restarts.

use crate::content::QuestionKey;
use crate::draft::{DraftAction, Field, MeetingDraft};
use crate::language::Language;
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    #[default]
    Idle,
    /// The person must pick a language; `resume` is the message to handle once they have.
    ChoosingLanguage { resume: Option<String> },
    /// Reading a lesson; `part` (from 0) is the part shown last.
    Reading {
        toolbox: String,
        lesson: String,
        part: usize,
    },
    /// Answering a lesson's quiz: `question` (from 0) is the one asked, `right` counts the
    /// right answers so far.
    Quiz {
        toolbox: String,
        lesson: String,
        question: usize,
        right: u32,
    },
    /// Reviewing due questions: `queue[0]` is the one asked.
    Review {
        queue: Vec<QuestionKey>,
        asked: u32,
        right: u32,
    },
    /// Writing an announcement: its text per language and its audience; `translating` is the
    /// language whose text is asked.
    Announcing {
        texts: std::collections::BTreeMap<Language, String>,
        audience: crate::audience::Audience,
        translating: Option<Language>,
    },
    /// Writing a meeting (a new one, or changes to one): `field` is the one asked.
    Drafting { draft: Box<MeetingDraft>, field: Field },
}

/// A set of choices that were offered, under a fresh nonce. A choice's data is
/// `<nonce>.<index>`: a press on an older keyboard, someone else's keyboard or a forged one finds
/// no matching offer and changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub nonce: String,
    pub actions: Vec<Action>,
}

/// What picking a choice does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    SetLanguage {
        language: Language,
    },
    /// Show the toolboxes of the person's track.
    Toolboxes,
    OpenToolbox {
        toolbox: String,
    },
    /// Start (or read again) a lesson from its first part.
    OpenLesson {
        toolbox: String,
        lesson: String,
    },
    /// The next part of the lesson being read.
    NextPart,
    /// The quiz of a lesson, from its first question.
    StartQuiz {
        toolbox: String,
        lesson: String,
    },
    /// Answer the question being asked with these options (from 0).
    Answer {
        options: Vec<usize>,
    },
    /// Show again where the person left off.
    Resume,
    /// Review the questions that are due.
    Review,
    /// Send the announcement being written, in its languages, to its audience.
    ConfirmBroadcast,
    /// Show who the announcement being written may go to.
    BroadcastAudiences,
    /// The announcement being written goes to this audience.
    BroadcastAudience {
        audience: crate::audience::Audience,
    },
    /// Ask the announcement's text in this language.
    BroadcastTranslate {
        language: Language,
    },
    /// Drop the announcement shown for confirmation.
    CancelBroadcast,
    /// Show where a broadcast's messages are.
    BroadcastReport {
        id: i64,
    },
    /// A choice of the meeting being written.
    Draft {
        step: DraftAction,
    },
    /// Start changing a meeting one organises.
    EditMeeting {
        meeting: i64,
    },
    /// Ask to confirm the cancellation of a meeting one organises.
    CancelMeeting {
        meeting: i64,
    },
    /// Do not cancel it after all.
    KeepMeeting,
    /// Cancel it: everyone invited is told.
    ConfirmCancelMeeting {
        meeting: i64,
    },
    /// Record who came to a meeting one organises: pick the occurrence.
    Attendance {
        meeting: i64,
    },
    /// Who may be recorded for an occurrence.
    AttendanceOf {
        meeting: i64,
        occurrence: String,
    },
    /// Record that these people came to an occurrence.
    Attended {
        meeting: i64,
        occurrence: String,
        people: Vec<crate::person::PersonId>,
    },
}

impl From<DraftAction> for Action {
    fn from(step: DraftAction) -> Action {
        Action::Draft { step }
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
        Offer { nonce, actions }
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
        let offer = Offer::new(vec![Action::SetLanguage { language: Language::Ar }]);
        assert_eq!(
            offer.action_for(&offer.data(0)),
            Some(&Action::SetLanguage { language: Language::Ar })
        );
        assert_eq!(offer.action_for(&offer.data(1)), None);
        assert_eq!(offer.action_for("zzzzzz.0"), None);
        assert_eq!(offer.action_for(""), None);
        assert_eq!(offer.action_for(&format!("{}.-1", offer.nonce)), None);
        assert!(offer.data(11).len() <= 64);
    }

    #[test]
    fn unknown_stored_state_reads_as_idle() {
        let old: Conversation = serde_json::from_str("{}").expect("defaults");
        assert_eq!(old, Conversation::default());
    }
}
