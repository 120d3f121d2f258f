//! Organising meetings in the chat: the organising arms of the conversation's `Step` and
//! `Action`, stored with it (the tags are the stored form).

use super::MeetingId;
use super::draft::{DraftAction, Field, MeetingDraft};
use crate::person::PersonId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum OrganizeStep {
    /// Writing a meeting (a new one, or changes to one): `field` is the one asked.
    Drafting { draft: Box<MeetingDraft>, field: Field },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum OrganizeAction {
    /// A choice of the meeting being written.
    Draft { step: DraftAction },
    /// Start changing a meeting one organises.
    EditMeeting { meeting: MeetingId },
    /// Ask to confirm the cancellation of a meeting one organises.
    CancelMeeting { meeting: MeetingId },
    /// Do not cancel it after all.
    KeepMeeting,
    /// Cancel it: everyone invited is told.
    ConfirmCancelMeeting { meeting: MeetingId },
    /// Record who came to a meeting one organises: pick the occurrence.
    Attendance { meeting: MeetingId },
    /// Who may be recorded for an occurrence.
    AttendanceOf { meeting: MeetingId, occurrence: String },
    /// Record that these people came to an occurrence.
    Attended {
        meeting: MeetingId,
        occurrence: String,
        people: Vec<PersonId>,
    },
}

impl From<DraftAction> for OrganizeAction {
    fn from(step: DraftAction) -> OrganizeAction {
        OrganizeAction::Draft { step }
    }
}
