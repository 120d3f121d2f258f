//! Certificates in the chat: the certifying arms of the conversation's `Step` and `Action`,
//! stored with it (the tags are the stored form).

use super::CertificateId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum CertifyStep {
    /// The person is asked the name to print on their certificates; `suggested` is the
    /// channel's name for them.
    CertificateName { suggested: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CertifyAction {
    /// Print the suggested name.
    UseSuggestedName,
    /// Send a certificate's picture again.
    SendCertificate { id: CertificateId },
    /// Start a certificate's refresher.
    StartRefresher { id: CertificateId },
    /// Show what is left on a track.
    TrackProgress { track: String },
}
