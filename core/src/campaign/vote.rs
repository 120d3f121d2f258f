//! Votes on a campaign: options, quorum, majority, open or secret ballots and their receipts,
//! and the result as a function of the count.

use super::{CampaignId, VoteId, Written};
use crate::association::AssociationId;
use crate::group::GroupChatId;
use crate::person::{Channel, PersonId};
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The fewest and most options of one's own.
pub const MIN_OWN_OPTIONS: usize = 2;
pub const MAX_OWN_OPTIONS: usize = 10;

/// How long before the deadline delegates who have not voted are reminded.
pub fn reminder_lead() -> Duration {
    Duration::hours(24)
}

/// One option of a vote. The standard ones are worded by the locales; abstaining is always
/// offered (last), counts toward the quorum, and is set aside by the majority rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VoteOption {
    For,
    Against,
    Abstain,
    Own { text: Written },
}

impl VoteOption {
    pub fn is_abstain(&self) -> bool {
        matches!(self, VoteOption::Abstain)
    }

    /// For, against, abstain.
    pub fn standard() -> Vec<VoteOption> {
        vec![VoteOption::For, VoteOption::Against, VoteOption::Abstain]
    }

    /// One's own options, with abstaining added; `None` unless there are 2 to 10.
    pub fn own(options: Vec<Written>) -> Option<Vec<VoteOption>> {
        (MIN_OWN_OPTIONS..=MAX_OWN_OPTIONS).contains(&options.len()).then(|| {
            options
                .into_iter()
                .map(|text| VoteOption::Own { text })
                .chain([VoteOption::Abstain])
                .collect()
        })
    }
}

/// The majority an option needs among the votes cast for an option (abstentions aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Majority {
    /// More than half.
    Simple,
    /// At least two thirds.
    TwoThirds,
}

impl Majority {
    pub fn code(self) -> &'static str {
        match self {
            Majority::Simple => "simple",
            Majority::TwoThirds => "two-thirds",
        }
    }

    /// Whether `count` of `cast` reaches the majority (`cast` > 0).
    pub fn reached(self, count: u64, cast: u64) -> bool {
        cast > 0
            && match self {
                Majority::Simple => count * 2 > cast,
                Majority::TwoThirds => count * 3 >= cast * 2,
            }
    }
}

impl std::str::FromStr for Majority {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "simple" => Ok(Majority::Simple),
            "two-thirds" | "two_thirds" | "2/3" => Ok(Majority::TwoThirds),
            other => Err(format!("unknown majority {other:?}: expected simple or two-thirds")),
        }
    }
}

/// A quorum: the share of the electorate that must vote, in percent (0 to 100).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Quorum(pub u8);

impl Quorum {
    /// Whether `voted` of `electorate` meets it (an empty electorate meets none but 0 %).
    pub fn met(self, voted: u64, electorate: u64) -> bool {
        voted * 100 >= u64::from(self.0) * electorate && (electorate > 0 || self.0 == 0)
    }
}

impl std::str::FromStr for Quorum {
    type Err = String;
    /// `50%`, `50`, `0.5`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || format!("unreadable quorum {s:?}: expected a percentage such as 50%");
        let value: f64 = s.trim_end_matches('%').trim().parse().map_err(|_| bad())?;
        let percent = if !s.ends_with('%') && value > 0.0 && value < 1.0 {
            value * 100.0
        } else {
            value
        };
        if !(0.0..=100.0).contains(&percent) || percent.fract() != 0.0 {
            return Err(bad());
        }
        Ok(Quorum(percent as u8))
    }
}

/// A vote on a campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub id: VoteId,
    pub campaign: CampaignId,
    pub question: Written,
    pub options: Vec<VoteOption>,
    pub deadline: DateTime<Utc>,
    /// The organiser's zone: the deadline is said on its clock.
    pub zone: chrono_tz::Tz,
    pub quorum: Quorum,
    pub majority: Majority,
    /// Only the tally and the receipts are published; no choice is kept with an association.
    pub secret: bool,
    /// Closes as soon as every association of the electorate has voted.
    pub close_when_all_voted: bool,
    /// The running count of each option is shown before the close.
    pub results_shown: bool,
    pub groups: Vec<GroupChatId>,
    /// The associations taking part, fixed when the vote opened.
    pub electorate: Vec<AssociationId>,
    pub opened_by: Option<PersonId>,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Vote {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.closed_at.is_none() && now < self.deadline
    }

    /// The vote's status as the command line reports it.
    pub fn status(&self, now: DateTime<Utc>) -> &'static str {
        match self.closed_at {
            Some(_) => "closed",
            None if now >= self.deadline => "closing",
            None => "open",
        }
    }
}

/// A vote to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewVote {
    pub campaign: CampaignId,
    pub question: Written,
    pub options: Vec<VoteOption>,
    pub deadline: DateTime<Utc>,
    pub zone: chrono_tz::Tz,
    pub quorum: Quorum,
    pub majority: Majority,
    pub secret: bool,
    pub close_when_all_voted: bool,
    pub results_shown: bool,
    /// Where it is posted besides the campaign's groups.
    pub groups: Vec<GroupChatId>,
    pub opened_by: Option<PersonId>,
}

impl NewVote {
    /// A vote with the defaults of `/vote open`: for, against and abstain; a quorum of half the
    /// associations; a simple majority; open ballots; closed at the deadline only; the counts
    /// hidden until then; posted in the campaign's groups only; opened by nobody in particular.
    pub fn new(campaign: CampaignId, question: Written, deadline: DateTime<Utc>, zone: chrono_tz::Tz) -> NewVote {
        NewVote {
            campaign,
            question,
            options: VoteOption::standard(),
            deadline,
            zone,
            quorum: Quorum(50),
            majority: Majority::Simple,
            secret: false,
            close_when_all_voted: false,
            results_shown: false,
            groups: Vec::new(),
            opened_by: None,
        }
    }
}

/// A secret ballot's receipt: 10 symbols of Crockford's base32 (50 random bits), shown
/// as two groups of five joined by a dash (`7KQ2M-4XD9P`). It names a choice in the published list without naming the association.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Receipt(String);

impl Receipt {
    const ALPHABET: &'static [u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const LEN: usize = 10;

    pub fn generate() -> Self {
        let mut rng = rand::rng();
        Receipt(
            (0..Self::LEN)
                .map(|_| Self::ALPHABET[rng.random_range(0..Self::ALPHABET.len())] as char)
                .collect(),
        )
    }

    /// A receipt as stored (10 symbols, no dash); `None` for anything else.
    pub fn from_stored(stored: &str) -> Option<Self> {
        (stored.len() == Self::LEN && stored.bytes().all(|b| Self::ALPHABET.contains(&b)))
            .then(|| Receipt(stored.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.0.split_at(Self::LEN / 2);
        write!(f, "{a}-{b}")
    }
}

/// A ballot to cast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCast {
    pub vote: VoteId,
    pub association: AssociationId,
    pub person: PersonId,
    pub channel: Channel,
    pub choice: usize,
}

/// What casting a ballot did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CastOutcome {
    /// Counted: the association's first vote (`changed` false) or a new choice.
    Counted {
        changed: bool,
        /// A secret vote's new receipt.
        receipt: Option<Receipt>,
        /// Every association of the electorate has now voted.
        all_voted: bool,
    },
    /// The association's vote already was this choice: nothing changed.
    Unchanged { receipt: Option<Receipt> },
    /// The vote is closed or past its deadline.
    Closed,
    /// The association is not in the vote's electorate.
    NotTakingPart,
    /// The person does not vote for the association (now).
    NotDelegate,
    /// No such option.
    NoSuchOption,
}

/// One line of a vote's audit log: who changed an association's vote, when, on which channel,
/// and (open ballots only) to what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub association: AssociationId,
    pub person: Option<PersonId>,
    pub person_name: String,
    pub channel: Channel,
    pub at: DateTime<Utc>,
    /// The option chosen; always `None` for a secret vote.
    pub choice: Option<usize>,
}

/// The count of a vote as it stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Per option, how many associations chose it.
    pub counts: Vec<u64>,
    /// The associations that have voted.
    pub voted: Vec<AssociationId>,
    /// Open ballots: each association's choice.
    pub choices: Vec<(AssociationId, usize)>,
    /// Secret ballots: each receipt and its choice, in receipt order (shuffle before showing).
    pub receipts: Vec<(Receipt, usize)>,
}

impl Count {
    /// A secret vote's receipts with their choices, shuffled, as published at the close: their
    /// order tells nothing of when each was cast.
    pub fn published_receipts(&self) -> Vec<(Receipt, usize)> {
        use rand::seq::SliceRandom;
        let mut receipts = self.receipts.clone();
        receipts.shuffle(&mut rand::rng());
        receipts
    }
}

/// Who won, if anyone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// Nobody voted.
    NoVotes,
    /// Too few associations voted: nothing is decided.
    NoQuorum,
    /// This option reached the majority.
    Adopted { option: usize },
    /// The leading options are tied and none reached the majority.
    Tie { options: Vec<usize> },
    /// No option reached the majority.
    NoMajority,
}

/// A vote's result as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub counts: Vec<u64>,
    pub voted: u64,
    pub electorate: u64,
    pub quorum_met: bool,
    pub outcome: Outcome,
}

/// The result of `vote` given `count`: the quorum counts every association that voted
/// (abstentions included); the majority is taken among the votes for an option.
pub fn decide(vote: &Vote, count: &Count) -> Decision {
    let electorate = vote.electorate.len() as u64;
    let voted = count.voted.len() as u64;
    let quorum_met = vote.quorum.met(voted, electorate);
    let mut counts = count.counts.clone();
    counts.resize(vote.options.len(), 0);
    let cast: u64 = vote
        .options
        .iter()
        .zip(&counts)
        .filter(|(option, _)| !option.is_abstain())
        .map(|(_, n)| n)
        .sum();
    let outcome = if voted == 0 {
        Outcome::NoVotes
    } else if !quorum_met {
        Outcome::NoQuorum
    } else {
        let top = vote
            .options
            .iter()
            .zip(&counts)
            .filter(|(option, _)| !option.is_abstain())
            .map(|(_, &n)| n)
            .max()
            .unwrap_or(0);
        let leaders: Vec<usize> = (0..vote.options.len())
            .filter(|&i| !vote.options[i].is_abstain() && counts[i] == top && top > 0)
            .collect();
        match leaders.as_slice() {
            [one] if vote.majority.reached(top, cast) => Outcome::Adopted { option: *one },
            [_, _, ..] => Outcome::Tie { options: leaders },
            _ => Outcome::NoMajority,
        }
    };
    Decision {
        counts,
        voted,
        electorate,
        quorum_met,
        outcome,
    }
}
