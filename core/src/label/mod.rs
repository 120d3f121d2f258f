//! The quality label of associations (issue 13): the criteria a pack declares (`label.toml`),
//! what an association has done towards each, the checklist that follows, and the label's life:
//! granted when every criterion holds, extended while they keep holding, lost (its managers
//! warned once) when one stops.
//!
//! Everything here is a function of (rules, evidence, now); the store gathers the evidence
//! ([`LabelStore::label_state`]) and applies what [`settle`] decides, and
//! [`evaluate_labels`] runs the daily evaluation over every association.

pub mod dialogue;
mod store;
#[cfg(test)]
mod tests;

pub use crate::content::{Charter, CharterText, CriterionRule, LabelCriterion, LabelRules};
pub use store::LabelStore;

use crate::association::AssociationId;
use crate::audience::Audience;
use crate::certificate::{Certificate, CertificateState};
use crate::meeting::MeetingId;
use crate::person::PersonId;
use crate::role::Role;
use crate::store::{Store, StoreResult};
use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelGrantId(pub i64);

impl fmt::Display for LabelGrantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A member of the association now, with their role there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    pub person: PersonId,
    pub role: Role,
}

/// A member recorded at one occurrence of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attended {
    pub person: PersonId,
    pub meeting: MeetingId,
    /// The occurrence's key (its local start, `2026-12-02T18:00`).
    pub occurrence: String,
    /// When it started.
    pub starts_at: DateTime<Utc>,
    /// Who the meeting was for.
    pub audience: Audience,
}

/// An association's adoption of one version of the charter: who, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CharterAdoption {
    pub association: AssociationId,
    /// The manager who adopted it (`None` once that person's data is erased).
    pub person: Option<PersonId>,
    /// Their name as the chat knew it then.
    pub adopted_by: String,
    /// The charter's version digest.
    pub version: String,
    pub adopted_at: DateTime<Utc>,
}

/// What an association has done, as the criteria read it. Only its members now count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelEvidence {
    pub members: Vec<Member>,
    /// Every certificate held by a member, in any state.
    pub certificates: Vec<Certificate>,
    /// Each member's latest answer to a quiz or review question.
    pub last_answers: BTreeMap<PersonId, DateTime<Utc>>,
    /// Every meeting occurrence a member was recorded at.
    pub attended: Vec<Attended>,
    /// The association's adoptions of the charter, every version.
    pub adoptions: Vec<CharterAdoption>,
}

/// Whether a meeting brings associations together: its audience is every association (it
/// names none) or names two or more. A meeting of one association's own members is not one.
pub fn is_inter_association(audience: &Audience) -> bool {
    audience.associations.len() != 1
}

/// The start of "the last `months` months" before `now`.
pub fn window_start(months: u32, now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The volunteers active in `(since, now]`: members whose role is volunteer and who, in that
/// window, answered a quiz or review question, or were recorded at an occurrence of any meeting
/// that started in it. This is the one definition the label uses.
pub fn active_volunteers(evidence: &LabelEvidence, since: DateTime<Utc>, now: DateTime<Utc>) -> BTreeSet<PersonId> {
    let within = |at: &DateTime<Utc>| *at > since && *at <= now;
    evidence
        .members
        .iter()
        .filter(|member| member.role == Role::Volunteer)
        .map(|member| member.person)
        .filter(|person| {
            evidence.last_answers.get(person).is_some_and(within)
                || evidence
                    .attended
                    .iter()
                    .any(|attended| attended.person == *person && within(&attended.starts_at))
        })
        .collect()
}

/// The people holding a certificate of `track` that counts at `now` (valid, or expiring soon).
pub fn holders(evidence: &LabelEvidence, track: &str, now: DateTime<Utc>) -> BTreeSet<PersonId> {
    evidence
        .certificates
        .iter()
        .filter(|certificate| certificate.track == track)
        .filter(|certificate| {
            matches!(
                certificate.state(now),
                CertificateState::Valid | CertificateState::ExpiringSoon
            )
        })
        .map(|certificate| certificate.person)
        .collect()
}

/// The inter-association meeting occurrences attended by members in `(since, now]`, each once.
pub fn meetings_attended(
    evidence: &LabelEvidence,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> BTreeSet<(MeetingId, String)> {
    evidence
        .attended
        .iter()
        .filter(|attended| is_inter_association(&attended.audience))
        .filter(|attended| attended.starts_at > since && attended.starts_at <= now)
        .map(|attended| (attended.meeting, attended.occurrence.clone()))
        .collect()
}

/// Where an association stands on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionCheck {
    pub id: String,
    pub rule: CriterionRule,
    pub met: bool,
    /// What it has: holders, certified volunteers, meetings, 1 for an adopted charter.
    pub actual: u32,
    /// What the criterion asks for.
    pub needed: u32,
    /// For a share: how many it is a share of (the active volunteers).
    pub out_of: Option<u32>,
}

/// Every criterion of the label, in the pack's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub criteria: Vec<CriterionCheck>,
    /// The adoption of the charter's current version, if there is one.
    pub adoption: Option<CharterAdoption>,
}

impl Checklist {
    pub fn all_met(&self) -> bool {
        !self.criteria.is_empty() && self.criteria.iter().all(|criterion| criterion.met)
    }

    /// The criteria that do not hold, as a warning tells them.
    pub fn unmet(&self) -> Vec<UnmetCriterion> {
        self.criteria
            .iter()
            .filter(|criterion| !criterion.met)
            .map(|criterion| UnmetCriterion {
                id: criterion.id.clone(),
                actual: criterion.actual,
                needed: criterion.needed,
                out_of: criterion.out_of,
            })
            .collect()
    }
}

fn number(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The checklist of `rules` for an association with `evidence`, at `now`.
pub fn checklist(rules: &LabelRules, evidence: &LabelEvidence, now: DateTime<Utc>) -> Checklist {
    let since = window_start(rules.window_months, now);
    let adoption = evidence
        .adoptions
        .iter()
        .filter(|adoption| adoption.version == rules.charter.version)
        .min_by_key(|adoption| adoption.adopted_at)
        .cloned();
    let count_holders = |track: &str, role: Option<Role>| {
        let holders = holders(evidence, track, now);
        number(
            evidence
                .members
                .iter()
                .filter(|member| role.is_none_or(|role| member.role == role))
                .filter(|member| holders.contains(&member.person))
                .map(|member| member.person)
                .collect::<BTreeSet<_>>()
                .len(),
        )
    };
    let criteria = rules
        .criteria
        .iter()
        .map(|criterion| {
            let (actual, needed, out_of) = match &criterion.rule {
                CriterionRule::ManagersCertified { track, at_least } => {
                    (count_holders(track, Some(Role::Manager)), *at_least, None)
                }
                CriterionRule::MembersCertified { track, at_least } => (count_holders(track, None), *at_least, None),
                CriterionRule::ActiveVolunteersCertified { track, percent } => {
                    let active = active_volunteers(evidence, since, now);
                    let holders = holders(evidence, track, now);
                    let certified = number(active.intersection(&holders).count());
                    let active = number(active.len());
                    // The share rounded up, and never less than one volunteer: an association
                    // with no active volunteer does not meet it.
                    let needed = (u64::from(active) * u64::from(*percent)).div_ceil(100).max(1);
                    (certified, u32::try_from(needed).unwrap_or(u32::MAX), Some(active))
                }
                CriterionRule::CharterAdopted => (u32::from(adoption.is_some()), 1, None),
                CriterionRule::MeetingsAttended { at_least } => {
                    (number(meetings_attended(evidence, since, now).len()), *at_least, None)
                }
            };
            CriterionCheck {
                id: criterion.id.clone(),
                rule: criterion.rule.clone(),
                met: actual >= needed,
                actual,
                needed,
                out_of,
            }
        })
        .collect();
    Checklist { criteria, adoption }
}

/// A criterion that stopped holding, as the warning to managers keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmetCriterion {
    pub id: String,
    pub actual: u32,
    pub needed: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of: Option<u32>,
}

/// One grant of the label to an association.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelGrant {
    pub id: LabelGrantId,
    pub association: AssociationId,
    pub granted_at: DateTime<Utc>,
    /// Extended, while the criteria hold, by the label's validity each time it is reached.
    pub valid_until: DateTime<Utc>,
    /// When it was last extended (`None`: never).
    pub extended_at: Option<DateTime<Utc>>,
    /// When a criterion was found to no longer hold.
    pub lost_at: Option<DateTime<Utc>>,
    /// The criteria that did not hold then.
    pub lost_criteria: Vec<UnmetCriterion>,
}

/// Where an association's label is at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LabelStatus {
    /// Never granted.
    None,
    /// Granted and valid.
    Granted { since: DateTime<Utc>, until: DateTime<Utc> },
    /// Its validity ended and the daily evaluation has not extended it yet.
    Expired { since: DateTime<Utc>, at: DateTime<Utc> },
    /// A criterion stopped holding.
    Lost { since: DateTime<Utc>, at: DateTime<Utc> },
}

impl LabelStatus {
    pub fn of(grant: Option<&LabelGrant>, now: DateTime<Utc>) -> LabelStatus {
        match grant {
            None => LabelStatus::None,
            Some(grant) => match grant.lost_at {
                Some(at) => LabelStatus::Lost {
                    since: grant.granted_at,
                    at,
                },
                None if grant.valid_until <= now => LabelStatus::Expired {
                    since: grant.granted_at,
                    at: grant.valid_until,
                },
                None => LabelStatus::Granted {
                    since: grant.granted_at,
                    until: grant.valid_until,
                },
            },
        }
    }

    pub fn granted(self) -> bool {
        matches!(self, LabelStatus::Granted { .. })
    }
}

/// An association's label at a moment: what the public page, the Open Badges credential, the
/// chat and the command line show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelState {
    pub association: AssociationId,
    pub status: LabelStatus,
    pub checklist: Checklist,
    /// The latest grant, live or lost.
    pub grant: Option<LabelGrant>,
}

impl LabelState {
    pub fn new(
        association: AssociationId,
        rules: &LabelRules,
        evidence: &LabelEvidence,
        grant: Option<LabelGrant>,
        now: DateTime<Utc>,
    ) -> LabelState {
        LabelState {
            association,
            status: LabelStatus::of(grant.as_ref(), now),
            checklist: checklist(rules, evidence, now),
            grant,
        }
    }

    /// When the label was granted, while it is.
    pub fn granted_at(&self) -> Option<DateTime<Utc>> {
        match self.status {
            LabelStatus::Granted { since, .. } => Some(since),
            _ => None,
        }
    }

    /// Until when the label is valid, while it is.
    pub fn valid_until(&self) -> Option<DateTime<Utc>> {
        match self.status {
            LabelStatus::Granted { until, .. } => Some(until),
            _ => None,
        }
    }
}

/// What the daily evaluation does to one association's label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settlement {
    /// Every criterion holds and there is no live grant: a new one, valid until `valid_until`.
    Grant { valid_until: DateTime<Utc> },
    /// A live grant reached its end with every criterion holding: it goes on until `valid_until`.
    Extend {
        grant: LabelGrantId,
        valid_until: DateTime<Utc>,
    },
    /// A live grant whose criteria no longer all hold: lost, and its managers warned once.
    Lose {
        grant: LabelGrantId,
        criteria: Vec<UnmetCriterion>,
    },
}

/// What the store did with a settlement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    /// False when another evaluation got there first (nothing was written).
    pub changed: bool,
    /// The warnings queued (one per manager with a private chat).
    pub warned: u64,
}

/// `months` after `at` (the same instant when that is past the calendar's end).
fn months_after(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_add_months(Months::new(months)).unwrap_or(at)
}

/// What to do with the label of `state` at `now`, under `rules`; `None`: nothing.
pub fn settle(rules: &LabelRules, state: &LabelState, now: DateTime<Utc>) -> Option<Settlement> {
    let holds = state.checklist.all_met();
    let live = state.grant.as_ref().filter(|grant| grant.lost_at.is_none());
    let months = rules.valid_months.max(1);
    match live {
        None if holds => Some(Settlement::Grant {
            valid_until: months_after(now, months),
        }),
        None => None,
        Some(grant) if !holds => Some(Settlement::Lose {
            grant: grant.id,
            criteria: state.checklist.unmet(),
        }),
        Some(grant) if grant.valid_until <= now => {
            // Extended from its end by whole periods (several when the service was stopped
            // long), so that its anniversary does not drift.
            let mut until = grant.valid_until;
            for _ in 0..1200 {
                if until > now {
                    break;
                }
                until = months_after(until, months);
            }
            (until > now).then_some(Settlement::Extend {
                grant: grant.id,
                valid_until: until,
            })
        }
        Some(_) => None,
    }
}

/// What a daily evaluation did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub associations: usize,
    pub granted: usize,
    pub extended: usize,
    pub lost: usize,
    /// Warnings queued to managers.
    pub warned: u64,
}

/// The daily evaluation: every association's checklist under `rules` at `now`, and what it
/// implies (a grant, an extension, a loss with one warning per manager). Running it again the
/// same day, or on two instances at once, changes nothing more: the store applies each change
/// only if the grant is still as it was read.
pub async fn evaluate_labels<S>(store: &S, rules: &LabelRules, now: DateTime<Utc>) -> StoreResult<Evaluation>
where
    S: LabelStore + Store,
{
    let mut evaluation = Evaluation::default();
    for summary in store.associations().await? {
        let id = summary.association.id;
        evaluation.associations += 1;
        let Some(state) = store.label_state(id, rules, now).await? else {
            continue;
        };
        let Some(settlement) = settle(rules, &state, now) else {
            continue;
        };
        let settled = store.settle_label(id, &settlement, now).await?;
        if !settled.changed {
            continue;
        }
        match settlement {
            Settlement::Grant { .. } => evaluation.granted += 1,
            Settlement::Extend { .. } => evaluation.extended += 1,
            Settlement::Lose { .. } => evaluation.lost += 1,
        }
        evaluation.warned += settled.warned;
    }
    Ok(evaluation)
}

/// Why a charter adoption was or was not recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adoption {
    Adopted(CharterAdoption),
    /// This version was already adopted for the association (by this manager or another).
    AlreadyAdopted(CharterAdoption),
    /// The person is not a manager of the association (any more).
    NotManager,
}
