//! The label in the chat: the label's arm of the conversation's `Action`, stored with it (the
//! tags are the stored form). Every action names its association and is checked when pressed.

use crate::association::AssociationId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum LabelAction {
    /// Show an association's checklist.
    ShowLabel { association: AssociationId },
    /// Show the charter, with the button that adopts it.
    ReadCharter { association: AssociationId },
    /// Adopt `version` of the charter for the association (the confirmation of `ReadCharter`).
    AdoptCharter {
        association: AssociationId,
        version: String,
    },
}
