//! Cooperation in the chat: the campaign's arms of the conversation's `Step` and `Action`,
//! stored with it (the tags are the stored form). Votes and signatures are not here: their
//! buttons carry what they are for (`press`), so that they work in groups. Every action names
//! what it acts on and is checked when pressed.

use super::CampaignId;
use crate::association::AssociationId;
use crate::person::PersonId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum CampaignStep {
    /// A manager proposes a campaign: its title (asked first), then its position.
    Proposing { title: Option<String> },
    /// A manager or a coordinator writes a joint statement: its title, its text, then its
    /// deadline (or none).
    WritingStatement {
        title: Option<String>,
        text: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CampaignAction {
    /// Name a member delegate of the association, or stop them being one.
    ToggleDelegate {
        association: AssociationId,
        person: PersonId,
    },
    /// A coordinator opens a proposed campaign.
    OpenCampaign { campaign: CampaignId },
}
