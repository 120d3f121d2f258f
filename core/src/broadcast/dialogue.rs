//! Writing an announcement in the chat: the announcing arms of the conversation's `Step` and
//! `Action`, stored with it (the tags are the stored form).

use super::BroadcastId;
use crate::audience::Audience;
use crate::language::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum AnnounceStep {
    /// Writing an announcement: its text per language and its audience; `translating` is the
    /// language whose text is asked.
    Announcing {
        texts: BTreeMap<Language, String>,
        audience: Audience,
        translating: Option<Language>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AnnounceAction {
    /// Send the announcement being written, in its languages, to its audience.
    ConfirmBroadcast,
    /// Show who the announcement being written may go to.
    BroadcastAudiences,
    /// The announcement being written goes to this audience.
    BroadcastAudience { audience: Audience },
    /// Ask the announcement's text in this language.
    BroadcastTranslate { language: Language },
    /// Drop the announcement shown for confirmation.
    CancelBroadcast,
    /// Show where a broadcast's messages are.
    BroadcastReport { id: BroadcastId },
}
