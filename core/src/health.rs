//! What each configured channel is doing, for `/healthz` and `/readyz`: a supervisor restarts or
//! alerts on a channel that is down, rather than a service that looks healthy and answers nobody.

use crate::person::Channel;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// A channel's state. Errors are not kept here: they are logged (they may carry addresses).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ChannelState {
    /// Connecting for the first time.
    Starting,
    /// Connected: receiving and sending.
    Up { since: DateTime<Utc> },
    /// The platform does not answer, or answers with errors: trying again with backoff.
    Retrying { since: DateTime<Utc>, failures: u32 },
    /// The platform refused the credentials: nothing will change until the configuration does.
    Refused { since: DateTime<Utc> },
}

/// The states of the channels configured in this process, shared by the channels (which set
/// theirs) and the HTTP server (which reports them).
#[derive(Clone, Debug, Default)]
pub struct Health(Arc<Mutex<BTreeMap<Channel, ChannelState>>>);

impl Health {
    fn states(&self) -> std::sync::MutexGuard<'_, BTreeMap<Channel, ChannelState>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn starting(&self, channel: Channel) {
        self.states().insert(channel, ChannelState::Starting);
    }

    /// Connected (again): a no-op when it already was.
    pub fn up(&self, channel: Channel, now: DateTime<Utc>) {
        let mut states = self.states();
        if !matches!(states.get(&channel), Some(ChannelState::Up { .. })) {
            states.insert(channel, ChannelState::Up { since: now });
        }
    }

    /// One more failure in a row.
    pub fn failing(&self, channel: Channel, now: DateTime<Utc>) {
        let mut states = self.states();
        let next = match states.get(&channel) {
            Some(ChannelState::Retrying { since, failures }) => ChannelState::Retrying {
                since: *since,
                failures: failures.saturating_add(1),
            },
            _ => ChannelState::Retrying {
                since: now,
                failures: 1,
            },
        };
        states.insert(channel, next);
    }

    pub fn refused(&self, channel: Channel, now: DateTime<Utc>) {
        self.states().insert(channel, ChannelState::Refused { since: now });
    }

    pub fn snapshot(&self) -> BTreeMap<Channel, ChannelState> {
        self.states().clone()
    }

    /// Whether every configured channel is up.
    pub fn ready(&self) -> bool {
        Self::all_up(&self.snapshot())
    }

    /// Whether every channel of a snapshot is up (answer and status from one reading).
    pub fn all_up(states: &BTreeMap<Channel, ChannelState>) -> bool {
        states.values().all(|state| matches!(state, ChannelState::Up { .. }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ready_only_when_every_configured_channel_is_up() {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
        let health = Health::default();
        assert!(health.ready(), "no channel configured");
        health.starting(Channel::Telegram);
        health.starting(Channel::Matrix);
        assert!(!health.ready());
        health.failing(Channel::Telegram, now);
        health.failing(Channel::Telegram, now + chrono::Duration::seconds(2));
        assert_eq!(
            health.snapshot()[&Channel::Telegram],
            ChannelState::Retrying {
                since: now,
                failures: 2
            }
        );
        health.up(Channel::Telegram, now);
        health.up(Channel::Matrix, now);
        assert!(health.ready());
        health.refused(Channel::Matrix, now);
        assert!(!health.ready());
    }
}
