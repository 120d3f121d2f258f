//! Cooperation in the chat: votes cast by delegates (in groups or in private, `/votes`),
//! statements signed for an association (`/statements`), delegates named (`/delegate`),
//! campaigns proposed by managers (`/propose`) and opened by coordinators (`/campaigns`),
//! coordinators' `/vote` commands, and every queued message of a vote or a statement.
//!
//! A vote's or a statement's buttons carry what they are for (`campaign::press`): the engine
//! checks, when a press is taken, that the vote is open, that the group is one it was posted in,
//! and (in the store's transaction) that the person votes or signs for the association now.

use super::{Engine, EngineStore, Turn};
use crate::args;
use crate::association::AssociationId;
use crate::campaign::dialogue::{CampaignAction, CampaignStep};
use crate::campaign::press::CampaignPress;
use crate::campaign::{
    Campaign, CampaignId, CampaignStatus, CastOutcome, Count, Decision, Majority, NewCampaign, NewCast, NewSignature,
    NewVote, Outcome, Participants, Quorum, Receipt, SignOutcome, StatementId, StatementRecord, Vote, VoteId,
    VoteOption, Written,
};
use crate::conversation::{Action, Step};
use crate::language::Language;
use crate::locale::{count, isolate};
use crate::message::{ChatKind, Choice, Outgoing, Text};
use crate::outbox::{OutboxItem, OutboxMessage};
use crate::role::Role;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The longest part of a campaign's position shown under a ballot in a group (the whole of it
/// goes to each delegate in private).
const POSITION_EXCERPT: usize = 1200;
/// The most votes or statements listed at once.
const MAX_LISTED: usize = 10;
/// The most members offered by `/delegate`.
const MAX_MEMBERS_OFFERED: usize = 30;

/// A deadline on the organiser's clock, with the zone's name.
pub(super) fn deadline_text(deadline: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "{} ({})",
        deadline.with_timezone(&zone).format("%d/%m/%Y %H:%M"),
        zone.name()
    )
}

/// The first `max` characters of `text`, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

impl<S: EngineStore> Engine<S> {
    fn words(&self, lang: Language, written: &Written) -> String {
        isolate(lang, written.in_language(lang))
    }

    /// An option's label in `lang`.
    fn option_label(&self, lang: Language, option: &VoteOption) -> String {
        match option {
            VoteOption::For => self.locales.text(lang, "vote-option-for", None),
            VoteOption::Against => self.locales.text(lang, "vote-option-against", None),
            VoteOption::Abstain => self.locales.text(lang, "vote-option-abstain", None),
            VoteOption::Own { text } => text.in_language(lang).to_owned(),
        }
    }

    /// The buttons of a ballot: one per option (for an association chosen, when given).
    fn ballot_choices(&self, lang: Language, vote: &Vote, association: Option<AssociationId>) -> Vec<Vec<Choice>> {
        vote.options
            .iter()
            .enumerate()
            .map(|(option, label)| {
                vec![Choice {
                    label: self.option_label(lang, label),
                    data: CampaignPress::Vote {
                        vote: vote.id,
                        option,
                        association,
                    }
                    .data(),
                }]
            })
            .collect()
    }

    /// A vote's rules in a sentence: quorum, majority, open or secret.
    fn vote_rules(&self, lang: Language, vote: &Vote) -> Text {
        let args = args! {
            "quorum" => i64::from(vote.quorum.0),
            "majority" => vote.majority.code(),
            "secret" => if vote.secret { "yes" } else { "no" },
        };
        let mut text = Text::plain(self.locales.text(lang, "vote-rules", Some(&args)));
        if vote.secret {
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "vote-secret-explained", None));
        }
        text
    }

    /// A ballot as read in `lang`: the campaign, the question, the deadline and rules, and how
    /// many associations have voted (with the running count when the vote shows it). `position`
    /// says how much of the campaign's position to include.
    fn ballot_text(
        &self,
        lang: Language,
        vote: &Vote,
        campaign: Option<&Campaign>,
        tally: &Count,
        position: Option<usize>,
        now: DateTime<Utc>,
    ) -> Text {
        let mut text = self.vote_heading(lang, vote, campaign, "vote-heading");
        if let Some(campaign) = campaign
            && let Some(max) = position
        {
            text = text
                .line_break()
                .then_plain(excerpt(campaign.text.in_language(lang), max));
            for link in &campaign.links {
                text = text.line_break().then_plain(link.clone());
            }
        }
        let args = args! { "deadline" => deadline_text(vote.deadline, vote.zone) };
        text = text
            .line_break()
            .then_plain(self.locales.text(lang, "vote-deadline", Some(&args)));
        text = text.line_break();
        text.spans.extend(self.vote_rules(lang, vote).spans);
        if vote.closed_at.is_some() || !vote.is_open(now) {
            return text
                .line_break()
                .then_bold(self.locales.text(lang, "vote-closed-heading", None));
        }
        let args = args! {
            "voted" => count(tally.voted.len() as i64),
            "total" => count(vote.electorate.len() as i64),
        };
        text = text
            .line_break()
            .then_plain(self.locales.text(lang, "vote-progress", Some(&args)));
        // A secret vote never shows its running counts: they would tell each association's choice.
        if vote.results_shown && !vote.secret {
            text = self.option_lines(lang, vote, &tally.counts, text);
        }
        text
    }

    /// `text` followed by one line per option with its count.
    fn option_lines(&self, lang: Language, vote: &Vote, counts: &[u64], mut text: Text) -> Text {
        for (option, label) in vote.options.iter().enumerate() {
            let args = args! {
                "option" => self.option_label(lang, label),
                "count" => count(counts.get(option).copied().unwrap_or(0) as i64),
            };
            let line = self.locales.text(lang, "vote-result-line", Some(&args));
            text = text.line_break().then_plain(format!("• {line}"));
        }
        text
    }

    /// A vote's heading (`heading` names the question) and its campaign's title.
    fn vote_heading(&self, lang: Language, vote: &Vote, campaign: Option<&Campaign>, heading: &str) -> Text {
        let args = args! { "question" => self.words(lang, &vote.question) };
        let text = Text::default().then_bold(self.locales.text(lang, heading, Some(&args)));
        match campaign {
            Some(campaign) => {
                let args = args! { "title" => self.words(lang, &campaign.title) };
                text.line_break()
                    .then_plain(self.locales.text(lang, "vote-campaign", Some(&args)))
            }
            None => text,
        }
    }

    /// The result of a closed vote in `lang`: the counts, the quorum, the outcome; the choices
    /// of an open vote by association, or a secret vote's receipts, shuffled.
    async fn result_text(&self, lang: Language, vote: &Vote, campaign: Option<&Campaign>) -> Result<Text, StoreError> {
        let tally = self.store.vote_count(vote.id).await?;
        let decision = crate::campaign::decide(vote, &tally);
        let heading = self.vote_heading(lang, vote, campaign, "vote-result-heading");
        let mut text = self.option_lines(lang, vote, &decision.counts, heading);
        text = text.line_break().then_plain(self.quorum_line(lang, vote, &decision));
        text = text.line_break().then_bold(self.outcome_line(lang, vote, &decision));
        if vote.secret {
            let receipts = tally.published_receipts();
            if !receipts.is_empty() {
                text = text
                    .line_break()
                    .then_plain(self.locales.text(lang, "vote-receipts-heading", None));
                for (receipt, option) in &receipts {
                    let label = vote
                        .options
                        .get(*option)
                        .map(|o| self.option_label(lang, o))
                        .unwrap_or_default();
                    text = text
                        .line_break()
                        .then_code(receipt.to_string())
                        .then_plain(format!(" {label}"));
                }
            }
        } else if !tally.choices.is_empty() {
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "vote-choices-heading", None));
            for (association, option) in &tally.choices {
                let name = match self.store.association(*association).await? {
                    Some(found) => isolate(lang, &found.name),
                    None => association.to_string(),
                };
                let label = vote
                    .options
                    .get(*option)
                    .map(|o| self.option_label(lang, o))
                    .unwrap_or_default();
                text = text.line_break().then_plain(format!("• {name}: {label}"));
            }
        }
        Ok(text)
    }

    fn quorum_line(&self, lang: Language, vote: &Vote, decision: &Decision) -> String {
        let args = args! {
            "voted" => count(decision.voted as i64),
            "total" => count(decision.electorate as i64),
            "quorum" => i64::from(vote.quorum.0),
            "met" => if decision.quorum_met { "yes" } else { "no" },
        };
        self.locales.text(lang, "vote-quorum-line", Some(&args))
    }

    fn outcome_line(&self, lang: Language, vote: &Vote, decision: &Decision) -> String {
        let label = |option: usize| {
            vote.options
                .get(option)
                .map(|o| self.option_label(lang, o))
                .unwrap_or_default()
        };
        match &decision.outcome {
            Outcome::NoVotes => self.locales.text(lang, "vote-outcome-no-votes", None),
            Outcome::NoQuorum => self.locales.text(lang, "vote-outcome-no-quorum", None),
            Outcome::NoMajority => {
                let args = args! { "majority" => vote.majority.code() };
                self.locales.text(lang, "vote-outcome-no-majority", Some(&args))
            }
            Outcome::Tie { options } => {
                let names: Vec<String> = options.iter().map(|&o| label(o)).collect();
                let args = args! { "options" => self.locales.list(lang, &names) };
                self.locales.text(lang, "vote-outcome-tie", Some(&args))
            }
            Outcome::Adopted { option } => {
                let args = args! { "option" => label(*option) };
                self.locales.text(lang, "vote-outcome-adopted", Some(&args))
            }
        }
    }

    /// The associations of `vote`'s electorate this person votes for now.
    async fn voting_for(&self, turn: &Turn<'_>, vote: &Vote) -> Result<Vec<AssociationId>, StoreError> {
        let represented = self.store.represented_by(turn.person.id).await?;
        Ok(represented
            .into_iter()
            .filter(|association| vote.electorate.contains(association))
            .collect())
    }

    /// A name for an association in `lang`.
    async fn association_name(&self, lang: Language, association: AssociationId) -> Result<String, StoreError> {
        Ok(match self.store.association(association).await? {
            Some(found) => isolate(lang, &found.name),
            None => association.to_string(),
        })
    }

    /// An answer to a press, to the presser alone: a passing notice in a group, a message in
    /// private.
    fn to_presser(turn: &mut Turn<'_>, said: String) -> Vec<Outgoing> {
        if turn.chat_kind == ChatKind::Group {
            turn.notice = Some(said);
            Vec::new()
        } else {
            vec![Outgoing::text(Text::plain(said))]
        }
    }

    /// A vote's or a statement's button pressed.
    pub(super) async fn campaign_press(
        &self,
        turn: &mut Turn<'_>,
        press: CampaignPress,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match press {
            CampaignPress::Vote {
                vote,
                option,
                association,
            } => self.vote_press(turn, vote, option, association).await,
            CampaignPress::Sign {
                statement,
                version,
                association,
            } => self.sign_press(turn, statement, version, association).await,
        }
    }

    async fn vote_press(
        &self,
        turn: &mut Turn<'_>,
        id: VoteId,
        option: usize,
        association: Option<AssociationId>,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Some(vote) = self.store.vote(id).await? else {
            return Ok(Self::stale_press(turn));
        };
        // In a group, only the groups it was posted in: a press forged elsewhere changes nothing.
        if turn.chat_kind == ChatKind::Group {
            let group = self.store.group_chat_at(turn.channel, &turn.chat_id).await?;
            if !group.is_some_and(|group| vote.groups.contains(&group.id)) {
                return Ok(Self::stale_press(turn));
            }
        }
        if option >= vote.options.len() {
            return Ok(Self::stale_press(turn));
        }
        if !vote.is_open(turn.now) {
            let said = turn.say("vote-closed");
            return Ok(Self::to_presser(turn, said));
        }
        let association = match association {
            Some(association) => association,
            None => {
                let voting_for = self.voting_for(turn, &vote).await?;
                match voting_for.as_slice() {
                    [] => return self.not_a_delegate(turn, &vote).await,
                    [one] => *one,
                    several => return self.which_association(turn, &vote, option, several).await,
                }
            }
        };
        let cast = NewCast {
            vote: vote.id,
            association,
            person: turn.person.id,
            channel: turn.channel,
            choice: option,
        };
        let outcome = self.store.cast_vote(&cast, turn.now).await?;
        let name = self.association_name(turn.lang, association).await?;
        // A secret vote's acknowledgement names no choice: it may be kept (a channel's queue), and
        // with the person and the receipt it would link them to what they chose.
        let choice = if vote.secret {
            String::new()
        } else {
            self.option_label(turn.lang, &vote.options[option])
        };
        let said = match &outcome {
            CastOutcome::Counted { receipt, .. } | CastOutcome::Unchanged { receipt }
                if receipt.is_some() || !vote.secret =>
            {
                let changed = matches!(outcome, CastOutcome::Counted { changed: true, .. });
                let args = args! {
                    "association" => name,
                    "option" => choice,
                    "changed" => if changed { "yes" } else { "no" },
                    "receipt" => receipt.as_ref().map(Receipt::to_string).unwrap_or_default(),
                    "secret" => if vote.secret { "yes" } else { "no" },
                };
                turn.say_with("vote-counted", &args)
            }
            CastOutcome::Counted { .. } | CastOutcome::Unchanged { .. } => return Ok(Self::stale_press(turn)),
            CastOutcome::Closed => turn.say("vote-closed"),
            CastOutcome::NotTakingPart | CastOutcome::NotDelegate => return self.not_a_delegate(turn, &vote).await,
            CastOutcome::NoSuchOption => return Ok(Self::stale_press(turn)),
        };
        if let CastOutcome::Counted { all_voted: true, .. } = outcome
            && vote.close_when_all_voted
        {
            self.store.close_vote(vote.id, turn.now).await?;
        }
        Ok(Self::to_presser(turn, said))
    }

    /// A press by someone who does not vote for an association taking part: told who does.
    async fn not_a_delegate(&self, turn: &mut Turn<'_>, vote: &Vote) -> Result<Vec<Outgoing>, StoreError> {
        let mine: Vec<AssociationId> = turn
            .access
            .memberships
            .iter()
            .map(|m| m.association.id)
            .filter(|id| vote.electorate.contains(id))
            .collect();
        let Some(&association) = mine.first() else {
            let said = turn.say("vote-not-taking-part");
            return Ok(Self::to_presser(turn, said));
        };
        let voters: Vec<String> = match self.store.delegation(association).await? {
            Some(delegation) => delegation
                .voters()
                .iter()
                .map(|(_, name)| isolate(turn.lang, name))
                .collect(),
            None => Vec::new(),
        };
        let args = args! {
            "association" => self.association_name(turn.lang, association).await?,
            "delegates" => self.locales.list(turn.lang, &voters),
            "count" => count(voters.len() as i64),
        };
        let said = turn.say_with("vote-not-delegate", &args);
        Ok(Self::to_presser(turn, said))
    }

    /// A delegate of several associations taking part is asked which one a press is for: in
    /// private, at once; from a group, in their private chat (the group is told nothing).
    async fn which_association(
        &self,
        turn: &mut Turn<'_>,
        vote: &Vote,
        option: usize,
        several: &[AssociationId],
    ) -> Result<Vec<Outgoing>, StoreError> {
        let mut choices = Vec::new();
        for &association in several {
            choices.push(vec![Choice {
                label: self.association_name(turn.lang, association).await?,
                data: CampaignPress::Vote {
                    vote: vote.id,
                    option,
                    association: Some(association),
                }
                .data(),
            }]);
        }
        let args = args! { "option" => self.option_label(turn.lang, &vote.options[option]) };
        let question = Outgoing::with_choices(Text::plain(turn.say_with("vote-which-association", &args)), choices);
        if turn.chat_kind == ChatKind::Private {
            return Ok(vec![question]);
        }
        // A secret vote's question would carry the choice in a queued message: the delegate
        // votes from /votes in private instead.
        if vote.secret {
            let link = turn.private_link.clone().unwrap_or_default();
            let said = turn.say_with(
                "vote-which-association-no-private",
                &args! { "link" => link, "votes" => turn.command("votes") },
            );
            return Ok(Self::to_presser(turn, said));
        }
        let occurrence = format!("which:{}:{}:{}", vote.id, turn.person.id, turn.now.timestamp_millis());
        let queued = self
            .store
            .enqueue_for_person(
                turn.person.id,
                &OutboxMessage::Reply(question),
                &occurrence,
                None,
                turn.now,
            )
            .await?;
        let id = if queued {
            "vote-which-association-private"
        } else {
            "vote-which-association-no-private"
        };
        let link = turn.private_link.clone().unwrap_or_default();
        let said = turn.say_with(id, &args! { "link" => link, "votes" => turn.command("votes") });
        Ok(Self::to_presser(turn, said))
    }

    async fn sign_press(
        &self,
        turn: &mut Turn<'_>,
        id: StatementId,
        version: u32,
        association: Option<AssociationId>,
    ) -> Result<Vec<Outgoing>, StoreError> {
        let Some(record) = self.store.statement(id).await? else {
            return Ok(Self::stale_press(turn));
        };
        let statement = &record.statement;
        if turn.chat_kind == ChatKind::Group {
            let group = self.store.group_chat_at(turn.channel, &turn.chat_id).await?;
            let campaign = match statement.campaign {
                Some(campaign) => self.store.campaign(campaign).await?,
                None => None,
            };
            let posted_here = group.is_some_and(|group| campaign.is_some_and(|c| c.groups.contains(&group.id)));
            if !posted_here {
                return Ok(Self::stale_press(turn));
            }
        }
        if !statement.is_open(turn.now) {
            let said = turn.say("statement-closed");
            return Ok(Self::to_presser(turn, said));
        }
        if version != statement.version {
            let said = turn.say_with("statement-stale", &args! { "statements" => turn.command("statements") });
            return Ok(Self::to_presser(turn, said));
        }
        let association = match association {
            Some(association) => association,
            None => {
                let signing_for = self.signing_for(turn).await?;
                match signing_for.as_slice() {
                    [] => {
                        let said = turn.say("statement-not-allowed");
                        return Ok(Self::to_presser(turn, said));
                    }
                    [one] => *one,
                    several => {
                        let mut choices = Vec::new();
                        for &association in several {
                            let args = args! { "association" => self.association_name(turn.lang, association).await? };
                            choices.push(vec![Choice {
                                label: turn.say_with("statement-sign-for", &args),
                                data: CampaignPress::Sign {
                                    statement: id,
                                    version,
                                    association: Some(association),
                                }
                                .data(),
                            }]);
                        }
                        let question =
                            Outgoing::with_choices(Text::plain(turn.say("statement-which-association")), choices);
                        if turn.chat_kind == ChatKind::Private {
                            return Ok(vec![question]);
                        }
                        let occurrence = format!("which-s:{id}:{}:{}", turn.person.id, turn.now.timestamp_millis());
                        self.store
                            .enqueue_for_person(
                                turn.person.id,
                                &OutboxMessage::Reply(question),
                                &occurrence,
                                None,
                                turn.now,
                            )
                            .await?;
                        let link = turn.private_link.clone().unwrap_or_default();
                        let said = turn.say_with(
                            "vote-which-association-private",
                            &args! { "link" => link, "votes" => turn.command("statements") },
                        );
                        return Ok(Self::to_presser(turn, said));
                    }
                }
            }
        };
        let signature = NewSignature {
            statement: id,
            version,
            association,
            person: turn.person.id,
            channel: turn.channel,
        };
        let outcome = self.store.sign_statement(&signature, turn.now).await?;
        let args = args! {
            "association" => self.association_name(turn.lang, association).await?,
            "title" => self.words(turn.lang, &statement.title),
            "version" => i64::from(version),
            "statements" => turn.command("statements"),
        };
        let said = match outcome {
            SignOutcome::Signed => turn.say_with("statement-signed", &args),
            SignOutcome::AlreadySigned => turn.say_with("statement-already-signed", &args),
            SignOutcome::StaleVersion { .. } => turn.say_with("statement-stale", &args),
            SignOutcome::Closed => turn.say("statement-closed"),
            SignOutcome::NotAllowed => turn.say("statement-not-allowed"),
        };
        Ok(Self::to_presser(turn, said))
    }

    /// The associations a person may sign for: those they manage and those they are a named
    /// delegate of.
    async fn signing_for(&self, turn: &Turn<'_>) -> Result<Vec<AssociationId>, StoreError> {
        let mut associations: Vec<AssociationId> = turn
            .access
            .memberships
            .iter()
            .filter(|m| m.role == Role::Manager)
            .map(|m| m.association.id)
            .collect();
        for association in self.store.represented_by(turn.person.id).await? {
            if !associations.contains(&association) {
                associations.push(association);
            }
        }
        Ok(associations)
    }

    /// `/votes` in private: the open votes this person votes in, each with its buttons and what
    /// their association chose (or its receipt) so far.
    pub(super) async fn votes(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let represented = self.store.represented_by(turn.person.id).await?;
        let mut replies = Vec::new();
        for vote in self.store.open_votes().await? {
            if replies.len() >= MAX_LISTED || !vote.is_open(turn.now) {
                continue;
            }
            let mine: Vec<AssociationId> = represented
                .iter()
                .copied()
                .filter(|a| vote.electorate.contains(a))
                .collect();
            if mine.is_empty() {
                continue;
            }
            let campaign = self.store.campaign(vote.campaign).await?;
            let tally = self.store.vote_count(vote.id).await?;
            let mut text = self.ballot_text(
                turn.lang,
                &vote,
                campaign.as_ref(),
                &tally,
                Some(POSITION_EXCERPT),
                turn.now,
            );
            for &association in &mine {
                let name = self.association_name(turn.lang, association).await?;
                let line = match self.store.ballot_of(vote.id, association).await? {
                    None => turn.say_with("vote-yours-none", &args! { "association" => name }),
                    Some((Some(choice), _)) => {
                        let args = args! {
                            "association" => name,
                            "option" => vote.options.get(choice).map(|o| self.option_label(turn.lang, o)).unwrap_or_default(),
                        };
                        turn.say_with("vote-yours-choice", &args)
                    }
                    Some((None, receipt)) => {
                        let args = args! {
                            "association" => name,
                            "receipt" => receipt.map(|r| r.to_string()).unwrap_or_default(),
                        };
                        turn.say_with("vote-yours-secret", &args)
                    }
                };
                text = text.line_break().then_plain(line);
            }
            let association = (mine.len() == 1).then(|| mine[0]);
            replies.push(Outgoing::with_choices(
                text,
                self.ballot_choices(turn.lang, &vote, association),
            ));
        }
        if replies.is_empty() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("votes-none")))]);
        }
        Ok(replies)
    }

    /// `/statements` in private: the open statements, each with its text and a "sign for"
    /// button per association the person may sign for that has not signed this version.
    pub(super) async fn statements(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let signing_for = self.signing_for(turn).await?;
        let mut replies = Vec::new();
        let open = self.store.statements(true).await?;
        for statement in open.into_iter().filter(|s| s.is_open(turn.now)).take(MAX_LISTED) {
            let Some(record) = self.store.statement(statement.id).await? else {
                continue;
            };
            let mut choices = Vec::new();
            for &association in &signing_for {
                let signed = record.signatories().any(|s| s.association == association);
                let args = args! { "association" => self.association_name(turn.lang, association).await? };
                if signed {
                    continue;
                }
                choices.push(vec![Choice {
                    label: turn.say_with("statement-sign-for", &args),
                    data: CampaignPress::Sign {
                        statement: statement.id,
                        version: statement.version,
                        association: Some(association),
                    }
                    .data(),
                }]);
            }
            replies.push(Outgoing::with_choices(self.statement_text(turn.lang, &record), choices));
        }
        if replies.is_empty() {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("statements-none")))]);
        }
        Ok(replies)
    }

    /// A statement's current version as read in `lang`: title, version, deadline, text, and
    /// the associations that signed it.
    fn statement_text(&self, lang: Language, record: &StatementRecord) -> Text {
        let statement = &record.statement;
        let args = args! {
            "title" => self.words(lang, &statement.title),
            "version" => i64::from(statement.version),
        };
        let mut text = Text::default().then_bold(self.locales.text(lang, "statement-heading", Some(&args)));
        if let Some(deadline) = statement.deadline {
            let args = args! { "deadline" => deadline_text(deadline, statement.zone) };
            text = text
                .line_break()
                .then_plain(self.locales.text(lang, "statement-deadline", Some(&args)));
        }
        text = text
            .line_break()
            .then_plain(statement.text.in_language(lang).to_owned());
        let names: Vec<String> = record
            .signatories()
            .map(|s| isolate(lang, &s.association_name))
            .collect();
        let args = args! { "count" => count(names.len() as i64), "associations" => self.locales.list(lang, &names) };
        text.line_break()
            .then_plain(self.locales.text(lang, "statement-signed-by", Some(&args)))
    }

    /// `/delegate` in private, for managers: each member of the associations they manage, with
    /// a button that names them delegate or stops them being one.
    pub(super) async fn delegate(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let managed: Vec<(AssociationId, String)> = turn
            .access
            .memberships
            .iter()
            .filter(|m| m.role == Role::Manager)
            .map(|m| (m.association.id, m.association.name.clone()))
            .collect();
        if managed.is_empty() {
            return Ok(Self::not_allowed(turn));
        }
        let mut entries: Vec<(String, Action)> = Vec::new();
        let mut text = Text::default().then_bold(turn.say("delegate-title"));
        for (association, name) in &managed {
            let Some(delegation) = self.store.delegation(*association).await? else {
                continue;
            };
            let named: Vec<String> = delegation.named.iter().map(|(_, n)| isolate(turn.lang, n)).collect();
            let args = args! {
                "association" => isolate(turn.lang, name),
                "count" => count(named.len() as i64),
                "delegates" => self.locales.list(turn.lang, &named),
            };
            text = text.line_break().then_plain(turn.say_with("delegate-current", &args));
            let members = self
                .store
                .people(Some(*association))
                .await?
                .into_iter()
                .take(MAX_MEMBERS_OFFERED);
            for member in members {
                let is_named = delegation.named.iter().any(|(p, _)| *p == member.id);
                let args = args! {
                    "name" => isolate(turn.lang, &member.display_name),
                    "association" => isolate(turn.lang, name),
                };
                let label = if is_named {
                    turn.say_with("delegate-remove", &args)
                } else {
                    turn.say_with("delegate-add", &args)
                };
                entries.push((
                    label,
                    CampaignAction::ToggleDelegate {
                        association: *association,
                        person: member.id,
                    }
                    .into(),
                ));
            }
        }
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// A press of the campaign's offers: each checks, now, that the person still may.
    pub(super) async fn on_campaign_action(
        &self,
        turn: &mut Turn<'_>,
        action: CampaignAction,
    ) -> Result<Vec<Outgoing>, StoreError> {
        match action {
            CampaignAction::ToggleDelegate { association, person } => {
                turn.access = self.store.access(turn.person.id).await?;
                if turn.access.role_in(association) != Some(Role::Manager) {
                    return Ok(Self::not_allowed(turn));
                }
                let named = self
                    .store
                    .delegation(association)
                    .await?
                    .is_some_and(|d| d.named.iter().any(|(p, _)| *p == person));
                if named {
                    self.store.remove_delegate(association, person, turn.now).await?;
                } else {
                    match self.store.name_delegate(association, person, turn.now).await {
                        Ok(_) => {}
                        Err(StoreError::Conflict(_) | StoreError::NotFound(_)) => {
                            return Ok(vec![Outgoing::text(Text::plain(turn.say("delegate-not-member")))]);
                        }
                        Err(error) => return Err(error),
                    }
                }
                let mut replies = vec![Outgoing::text(Text::plain(turn.say(if named {
                    "delegate-removed"
                } else {
                    "delegate-named"
                })))];
                replies.extend(self.delegate(turn).await?);
                Ok(replies)
            }
            CampaignAction::OpenCampaign { campaign } => {
                turn.access = self.store.access(turn.person.id).await?;
                if !turn.access.has_at_least(Role::Coordinator) {
                    return Ok(Self::not_allowed(turn));
                }
                match self.store.open_campaign(campaign, turn.now).await? {
                    Some(opened) => {
                        let args = args! { "title" => self.words(turn.lang, &opened.title), "id" => opened.id.0 };
                        Ok(vec![Outgoing::text(Text::plain(
                            turn.say_with("campaign-opened", &args),
                        ))])
                    }
                    None => Ok(turn.expired()),
                }
            }
        }
    }

    /// `/propose` in private, for managers: a campaign's title, then its position, which a
    /// coordinator opens (or not).
    pub(super) async fn propose(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        turn.conversation.step = Step::Campaign(CampaignStep::Proposing { title: None });
        turn.conversation.offer = None;
        Ok(vec![Outgoing::text(Text::plain(turn.say("propose-title")))])
    }

    /// What a manager types while proposing a campaign.
    pub(super) async fn proposal_input(&self, turn: &mut Turn<'_>, typed: &str) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Campaign(CampaignStep::Proposing { title }) = &turn.conversation.step else {
            return Ok(Vec::new());
        };
        let max = crate::campaign::MAX_TITLE;
        match title.clone() {
            None => match Written::read(typed, None, None, false, max) {
                Ok(title) => {
                    turn.conversation.step = Step::Campaign(CampaignStep::Proposing { title: Some(title.fr) });
                    Ok(vec![Outgoing::text(Text::plain(turn.say("propose-text")))])
                }
                Err(_) => Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("propose-title-invalid", &args! { "max" => count(max as i64) }),
                ))]),
            },
            Some(title) => {
                let text = match Written::read(typed, None, None, true, crate::campaign::MAX_TEXT) {
                    Ok(text) => text,
                    Err(_) => return Ok(vec![Outgoing::text(Text::plain(turn.say("propose-text-invalid")))]),
                };
                // Still a manager now: a role taken back stops the proposal.
                turn.access = self.store.access(turn.person.id).await?;
                if !turn.access.has_at_least(Role::Manager) {
                    turn.conversation.reset();
                    return Ok(Self::not_allowed(turn));
                }
                let new = NewCampaign {
                    title: Written::french(title),
                    text,
                    links: Vec::new(),
                    participants: Participants::All,
                    groups: Vec::new(),
                    status: if turn.access.has_at_least(Role::Coordinator) {
                        CampaignStatus::Open
                    } else {
                        CampaignStatus::Proposed
                    },
                    proposed_by: Some(turn.person.id),
                };
                let campaign = self.store.create_campaign(&new, turn.now).await?;
                turn.conversation.reset();
                let args = args! { "id" => campaign.id.0, "campaigns" => turn.command("campaigns") };
                Ok(vec![Outgoing::text(Text::plain(turn.say_with("propose-done", &args)))])
            }
        }
    }

    /// `/newstatement` in private, for managers and coordinators: a joint statement's title, its
    /// text, then its deadline (or none); it is posted in the campaign's groups from a coordinator's
    /// `tatwir statement add --campaign`, and listed by `/statements` for every signer.
    pub(super) async fn new_statement(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        turn.conversation.step = Step::Campaign(CampaignStep::WritingStatement {
            title: None,
            text: None,
        });
        turn.conversation.offer = None;
        Ok(vec![Outgoing::text(Text::plain(turn.say("statement-write-title")))])
    }

    /// What a manager or coordinator types while writing a statement.
    pub(super) async fn statement_input(&self, turn: &mut Turn<'_>, typed: &str) -> Result<Vec<Outgoing>, StoreError> {
        let Step::Campaign(CampaignStep::WritingStatement { title, text }) = turn.conversation.step.clone() else {
            return Ok(Vec::new());
        };
        let say = |turn: &Turn<'_>, id: &str| vec![Outgoing::text(Text::plain(turn.say(id)))];
        match (title, text) {
            (None, _) => match Written::read(typed, None, None, false, crate::campaign::MAX_TITLE) {
                Ok(title) => {
                    turn.conversation.step = Step::Campaign(CampaignStep::WritingStatement {
                        title: Some(title.fr),
                        text: None,
                    });
                    Ok(say(turn, "statement-write-text"))
                }
                Err(_) => Ok(vec![Outgoing::text(Text::plain(turn.say_with(
                    "propose-title-invalid",
                    &args! { "max" => count(crate::campaign::MAX_TITLE as i64) },
                )))]),
            },
            (Some(title), None) => match Written::read(typed, None, None, true, crate::campaign::MAX_TEXT) {
                Ok(text) => {
                    turn.conversation.step = Step::Campaign(CampaignStep::WritingStatement {
                        title: Some(title),
                        text: Some(text.fr),
                    });
                    Ok(say(turn, "statement-write-deadline"))
                }
                Err(_) => Ok(say(turn, "propose-text-invalid")),
            },
            (Some(title), Some(text)) => {
                let none = ["-", "aucune", "non", "none", "لا", "بلا"];
                let deadline = if none.contains(&typed.trim().to_lowercase().as_str()) {
                    None
                } else {
                    match self.read_deadline(turn, typed) {
                        Ok((at, _)) => Some(at),
                        Err(said) => return Ok(said),
                    }
                };
                // Still a manager or a coordinator now.
                turn.access = self.store.access(turn.person.id).await?;
                if !turn.access.has_at_least(Role::Manager) {
                    turn.conversation.reset();
                    return Ok(Self::not_allowed(turn));
                }
                let new = crate::campaign::NewStatement {
                    campaign: None,
                    title: Written::french(title),
                    text: Written::french(text),
                    deadline,
                    zone: turn.person.zone(),
                    written_by: Some(turn.person.id),
                };
                let statement = self.store.create_statement(&new, turn.now).await?;
                turn.conversation.reset();
                let args = args! { "id" => statement.id.0, "statements" => turn.command("statements") };
                Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("statement-written", &args),
                ))])
            }
        }
    }

    /// `/votelog N`: a vote's audit log, for the managers of the associations taking part (their
    /// association's lines) and for coordinators (every line). A secret vote's log never says what
    /// was chosen.
    pub(super) async fn vote_log(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let typed: String = argument.trim().chars().map(crate::daily::ascii_digit).collect();
        let Some(id) = typed.trim_start_matches('#').parse::<i64>().ok() else {
            return Ok(vec![Outgoing::text(Text::plain(
                turn.say_with("votelog-usage", &args! { "command" => turn.command("votelog") }),
            ))]);
        };
        let Some(vote) = self.store.vote(VoteId(id)).await? else {
            return Ok(self.vote_unknown(turn, id));
        };
        let coordinator = turn.access.has_at_least(Role::Coordinator);
        let managed: Vec<AssociationId> = turn
            .access
            .memberships
            .iter()
            .filter(|m| m.role == Role::Manager && vote.electorate.contains(&m.association.id))
            .map(|m| m.association.id)
            .collect();
        if !coordinator && managed.is_empty() {
            return Ok(Self::not_allowed(turn));
        }
        let entries = self.store.vote_audit(vote.id, None).await?;
        let mut text = Text::default().then_bold(turn.say_with(
            "votelog-title",
            &args! { "question" => self.words(turn.lang, &vote.question) },
        ));
        let mut shown = 0;
        for entry in entries
            .iter()
            .filter(|entry| coordinator || managed.contains(&entry.association))
        {
            shown += 1;
            let option = entry
                .choice
                .and_then(|choice| vote.options.get(choice))
                .map(|option| self.option_label(turn.lang, option));
            let args = args! {
                "at" => deadline_text(entry.at, vote.zone),
                "association" => self.association_name(turn.lang, entry.association).await?,
                "person" => isolate(turn.lang, &entry.person_name),
                "channel" => entry.channel.code(),
                "option" => option.clone().unwrap_or_default(),
                "secret" => if option.is_none() { "yes" } else { "no" },
            };
            text = text
                .line_break()
                .then_plain(format!("• {}", turn.say_with("votelog-line", &args)));
        }
        if shown == 0 {
            text = text.line_break().then_plain(turn.say("votelog-empty"));
        }
        Ok(vec![Outgoing::text(text)])
    }

    /// `/campaigns`: the campaigns; a coordinator also gets the proposed ones with a button
    /// that opens each.
    pub(super) async fn campaigns(&self, turn: &mut Turn<'_>) -> Result<Vec<Outgoing>, StoreError> {
        let coordinator = turn.access.has_at_least(Role::Coordinator);
        let mut text = Text::default().then_bold(turn.say("campaigns-title"));
        let mut entries: Vec<(String, Action)> = Vec::new();
        let campaigns = self.store.campaigns().await?;
        let mut shown = 0;
        for campaign in &campaigns {
            if campaign.status == CampaignStatus::Proposed && !coordinator {
                continue;
            }
            shown += 1;
            if shown > MAX_LISTED * 2 {
                break;
            }
            let args = args! {
                "id" => campaign.id.0,
                "title" => self.words(turn.lang, &campaign.title),
                "status" => campaign.status.code(),
            };
            text = text
                .line_break()
                .then_plain(format!("• {}", turn.say_with("campaigns-line", &args)));
            if campaign.status == CampaignStatus::Proposed {
                let args = args! { "title" => self.words(turn.lang, &campaign.title) };
                entries.push((
                    turn.say_with("campaign-open-button", &args),
                    CampaignAction::OpenCampaign { campaign: campaign.id }.into(),
                ));
            }
        }
        if shown == 0 {
            return Ok(vec![Outgoing::text(Text::plain(turn.say("campaigns-none")))]);
        }
        let choices = Self::offer(turn, entries);
        Ok(vec![Outgoing::with_choices(text, choices)])
    }

    /// `/vote open|extend|close|show …` for coordinators: the command line's `tatwir vote` in the
    /// chat. `open CAMPAIGN DATE TIME QUESTION` opens a for/against/abstain vote with a quorum of
    /// half and a simple majority (the command line sets everything else).
    pub(super) async fn vote_command(&self, turn: &mut Turn<'_>, argument: &str) -> Result<Vec<Outgoing>, StoreError> {
        let usage = |turn: &Turn<'_>| {
            vec![Outgoing::text(Text::plain(
                turn.say_with("vote-usage", &args! { "command" => turn.command("vote") }),
            ))]
        };
        let argument: String = argument.chars().map(crate::daily::ascii_digit).collect();
        let mut words = argument.split_whitespace();
        let sub = words.next().unwrap_or_default().to_lowercase();
        let id: Option<i64> = words.next().and_then(|w| w.trim_start_matches('#').parse().ok());
        let rest: Vec<&str> = words.collect();
        let Some(id) = id else {
            return Ok(usage(turn));
        };
        match sub.as_str() {
            "open" => {
                let (Some(date), Some(time)) = (rest.first(), rest.get(1)) else {
                    return Ok(usage(turn));
                };
                let deadline = match self.read_deadline(turn, &format!("{date} {time}")) {
                    Ok(deadline) => deadline,
                    Err(said) => return Ok(said),
                };
                // Settings may come before the question: `secret`, a quorum such as `60%`, `2/3`
                // for a two-thirds majority, `all` to close once every association has voted.
                let mut settings = VoteSettings::default();
                let mut at = 2;
                while let Some(word) = rest.get(at)
                    && settings.read(word)
                {
                    at += 1;
                }
                // `question | option | option…`: options of one's own (2 to 10), else for,
                // against, abstain.
                let typed = rest[at..].join(" ");
                let mut parts = typed.split('|');
                let question = match Written::read(
                    parts.next().unwrap_or_default(),
                    None,
                    None,
                    false,
                    crate::campaign::MAX_TITLE,
                ) {
                    Ok(question) => question,
                    Err(_) => return Ok(usage(turn)),
                };
                let own: Result<Vec<Written>, _> = parts
                    .map(|option| Written::read(option, None, None, false, crate::campaign::MAX_TITLE))
                    .collect();
                let options = match own {
                    Ok(own) if own.is_empty() => VoteOption::standard(),
                    Ok(own) => match VoteOption::own(own) {
                        Some(options) => options,
                        None => return Ok(usage(turn)),
                    },
                    Err(_) => return Ok(usage(turn)),
                };
                let new = NewVote {
                    options,
                    quorum: settings.quorum,
                    majority: settings.majority,
                    secret: settings.secret,
                    close_when_all_voted: settings.close_when_all_voted,
                    groups: settings.groups,
                    opened_by: Some(turn.person.id),
                    ..NewVote::new(CampaignId(id), question, deadline.0, deadline.1)
                };
                match self.store.open_vote(&new, turn.now).await {
                    Ok(vote) => {
                        let args = args! { "id" => vote.id.0, "total" => count(vote.electorate.len() as i64) };
                        Ok(vec![Outgoing::text(Text::plain(turn.say_with("vote-opened", &args)))])
                    }
                    Err(StoreError::NotFound(_) | StoreError::Conflict(_)) => Ok(vec![Outgoing::text(Text::plain(
                        turn.say_with("campaign-unknown", &args! { "id" => id }),
                    ))]),
                    Err(error) => Err(error),
                }
            }
            "extend" => {
                let Some(vote) = self.store.vote(VoteId(id)).await? else {
                    return Ok(self.vote_unknown(turn, id));
                };
                let deadline = match self.read_deadline_in(turn, &rest.join(" "), vote.zone) {
                    Ok(deadline) => deadline,
                    Err(said) => return Ok(said),
                };
                match self.store.extend_vote(vote.id, deadline.0, turn.now).await {
                    Ok(vote) => {
                        let args = args! { "id" => vote.id.0, "deadline" => deadline_text(vote.deadline, vote.zone) };
                        Ok(vec![Outgoing::text(Text::plain(
                            turn.say_with("vote-extended-done", &args),
                        ))])
                    }
                    Err(StoreError::Conflict(_)) => Ok(vec![Outgoing::text(Text::plain(turn.say("vote-closed")))]),
                    Err(error) => Err(error),
                }
            }
            "close" => match self.store.close_vote(VoteId(id), turn.now).await? {
                Some(_) => Ok(vec![Outgoing::text(Text::plain(
                    turn.say_with("vote-closed-done", &args! { "id" => id }),
                ))]),
                None if self.store.vote(VoteId(id)).await?.is_some() => {
                    Ok(vec![Outgoing::text(Text::plain(turn.say("vote-closed")))])
                }
                None => Ok(self.vote_unknown(turn, id)),
            },
            "show" => {
                let Some(vote) = self.store.vote(VoteId(id)).await? else {
                    return Ok(self.vote_unknown(turn, id));
                };
                let campaign = self.store.campaign(vote.campaign).await?;
                if vote.closed_at.is_some() {
                    return Ok(vec![Outgoing::text(
                        self.result_text(turn.lang, &vote, campaign.as_ref()).await?,
                    )]);
                }
                let tally = self.store.vote_count(vote.id).await?;
                let mut text = self.ballot_text(turn.lang, &vote, campaign.as_ref(), &tally, None, turn.now);
                // A coordinator sees who has not voted yet (never what anyone chose).
                let mut missing = Vec::new();
                for association in &vote.electorate {
                    if !tally.voted.contains(association) {
                        missing.push(self.association_name(turn.lang, *association).await?);
                    }
                }
                let args = args! { "count" => count(missing.len() as i64), "associations" => self.locales.list(turn.lang, &missing) };
                text = text.line_break().then_plain(turn.say_with("vote-not-voted-yet", &args));
                Ok(vec![Outgoing::text(text)])
            }
            _ => Ok(usage(turn)),
        }
    }

    fn vote_unknown(&self, turn: &Turn<'_>, id: i64) -> Vec<Outgoing> {
        vec![Outgoing::text(Text::plain(
            turn.say_with("vote-unknown", &args! { "id" => id }),
        ))]
    }

    /// A deadline typed in the person's zone (or a zone named after it).
    fn read_deadline(&self, turn: &Turn<'_>, typed: &str) -> Result<(DateTime<Utc>, Tz), Vec<Outgoing>> {
        self.read_deadline_in(turn, typed, turn.person.zone())
    }

    fn read_deadline_in(&self, turn: &Turn<'_>, typed: &str, zone: Tz) -> Result<(DateTime<Utc>, Tz), Vec<Outgoing>> {
        match crate::meeting::draft::read_start(typed, zone, turn.now, super::daily::zone_named) {
            Ok((local, zone)) => Ok((crate::local_time::resolve_local(zone, local), zone)),
            Err(_) => Err(vec![Outgoing::text(Text::plain(turn.say("vote-deadline-invalid")))]),
        }
    }

    /// A vote's or a statement's queued message, in its reader's language: a group's (its
    /// language) or a person's.
    pub(super) async fn render_campaign_news(&self, item: &OutboxItem) -> Result<Vec<Outgoing>, StoreError> {
        let lang = match item.person {
            Some(person) => match self.store.person(person).await? {
                Some(person) => person.language.unwrap_or(Language::FALLBACK),
                None => return Ok(Vec::new()),
            },
            None => self
                .store
                .group_chat_at(item.channel, &item.chat)
                .await?
                .and_then(|group| group.language)
                .unwrap_or(Language::FALLBACK),
        };
        let now = self.clock.now();
        match &item.message {
            OutboxMessage::VoteOpened { vote } | OutboxMessage::VoteCount { vote } => {
                let Some(vote) = self.store.vote(*vote).await? else {
                    return Ok(Vec::new());
                };
                let campaign = self.store.campaign(vote.campaign).await?;
                let tally = self.store.vote_count(vote.id).await?;
                match item.person {
                    None => {
                        let mut text =
                            self.ballot_text(lang, &vote, campaign.as_ref(), &tally, Some(POSITION_EXCERPT), now);
                        // Without buttons, a delegate answers the ballot itself with a number.
                        if item.channel == crate::person::Channel::Matrix && vote.is_open(now) {
                            text =
                                text.line_break()
                                    .then_plain(self.locales.text(lang, "vote-reply-with-number", None));
                        }
                        let choices = if vote.is_open(now) {
                            self.ballot_choices(lang, &vote, None)
                        } else {
                            Vec::new()
                        };
                        Ok(vec![Outgoing::Live {
                            key: format!("vote:{}", vote.id),
                            text,
                            choices,
                        }])
                    }
                    Some(person) => {
                        if !vote.is_open(now) {
                            return Ok(Vec::new());
                        }
                        let represented = self.store.represented_by(person).await?;
                        let mine: Vec<AssociationId> = represented
                            .into_iter()
                            .filter(|a| vote.electorate.contains(a))
                            .collect();
                        if mine.is_empty() {
                            return Ok(Vec::new());
                        }
                        let mut replies = Vec::new();
                        if let Some(campaign) = &campaign
                            && campaign.text.in_language(lang).chars().count() > POSITION_EXCERPT
                        {
                            replies.push(Outgoing::text(Text::plain(campaign.text.in_language(lang).to_owned())));
                        }
                        let text = self
                            .ballot_text(lang, &vote, campaign.as_ref(), &tally, Some(POSITION_EXCERPT), now)
                            .line_break()
                            .then_plain(self.locales.text(
                                lang,
                                "vote-you-vote-for",
                                Some(&args! { "count" => count(mine.len() as i64) }),
                            ));
                        let association = (mine.len() == 1).then(|| mine[0]);
                        replies.push(Outgoing::with_choices(
                            text,
                            self.ballot_choices(lang, &vote, association),
                        ));
                        Ok(replies)
                    }
                }
            }
            OutboxMessage::VoteReminder { vote } => {
                let Some(vote) = self.store.vote(*vote).await?.filter(|v| v.is_open(now)) else {
                    return Ok(Vec::new());
                };
                // Said only if it is still true when delivered: one of their associations has not voted.
                let Some(person) = item.person else {
                    return Ok(Vec::new());
                };
                let tally = self.store.vote_count(vote.id).await?;
                let waiting: Vec<AssociationId> = self
                    .store
                    .represented_by(person)
                    .await?
                    .into_iter()
                    .filter(|a| vote.electorate.contains(a) && !tally.voted.contains(a))
                    .collect();
                if waiting.is_empty() {
                    return Ok(Vec::new());
                }
                let campaign = self.store.campaign(vote.campaign).await?;
                let args = args! {
                    "question" => self.words(lang, &vote.question),
                    "deadline" => deadline_text(vote.deadline, vote.zone),
                };
                let text = Text::default()
                    .then_bold(self.locales.text(lang, "vote-reminder", Some(&args)))
                    .line_break()
                    .then_plain(campaign.map(|c| self.words(lang, &c.title)).unwrap_or_default());
                let association = (waiting.len() == 1).then(|| waiting[0]);
                Ok(vec![Outgoing::with_choices(
                    text,
                    self.ballot_choices(lang, &vote, association),
                )])
            }
            OutboxMessage::VoteExtended { vote, deadline } => {
                let Some(vote) = self.store.vote(*vote).await? else {
                    return Ok(Vec::new());
                };
                let args = args! {
                    "question" => self.words(lang, &vote.question),
                    "deadline" => deadline_text(*deadline, vote.zone),
                };
                Ok(vec![Outgoing::text(Text::plain(self.locales.text(
                    lang,
                    "vote-extended",
                    Some(&args),
                )))])
            }
            OutboxMessage::VoteResult { vote } => {
                let Some(vote) = self.store.vote(*vote).await? else {
                    return Ok(Vec::new());
                };
                let campaign = self.store.campaign(vote.campaign).await?;
                let mut replies = Vec::new();
                let mut result = self.result_text(lang, &vote, campaign.as_ref()).await?;
                match item.person {
                    None => {
                        // The ballot posted in the group shows it closed, without its buttons.
                        let tally = self.store.vote_count(vote.id).await?;
                        replies.push(Outgoing::Live {
                            key: format!("vote:{}", vote.id),
                            text: self.ballot_text(lang, &vote, campaign.as_ref(), &tally, Some(POSITION_EXCERPT), now),
                            choices: Vec::new(),
                        });
                    }
                    Some(person) => {
                        // A manager is told whether each of their associations voted.
                        let access = self.store.access(person).await?;
                        let tally = self.store.vote_count(vote.id).await?;
                        for membership in access.memberships.iter().filter(|m| m.role == Role::Manager) {
                            let association = membership.association.id;
                            if !vote.electorate.contains(&association) {
                                continue;
                            }
                            let args = args! {
                                "association" => isolate(lang, &membership.association.name),
                                "voted" => if tally.voted.contains(&association) { "yes" } else { "no" },
                            };
                            result = result.line_break().then_plain(self.locales.text(
                                lang,
                                "vote-result-yours",
                                Some(&args),
                            ));
                        }
                    }
                }
                replies.push(Outgoing::text(result));
                Ok(replies)
            }
            OutboxMessage::StatementPosted { statement, version } => {
                let Some(record) = self.store.statement(*statement).await? else {
                    return Ok(Vec::new());
                };
                if record.statement.version != *version || !record.statement.is_open(now) {
                    return Ok(Vec::new());
                }
                let choices = vec![vec![Choice {
                    label: self.locales.text(lang, "statement-sign", None),
                    data: CampaignPress::Sign {
                        statement: *statement,
                        version: *version,
                        association: None,
                    }
                    .data(),
                }]];
                Ok(vec![Outgoing::with_choices(
                    self.statement_text(lang, &record),
                    choices,
                )])
            }
            OutboxMessage::StatementChanged { statement, version } => {
                let Some(record) = self.store.statement(*statement).await? else {
                    return Ok(Vec::new());
                };
                if !record.statement.is_open(now) {
                    return Ok(Vec::new());
                }
                let args = args! {
                    "title" => self.words(lang, &record.statement.title),
                    "version" => i64::from(*version),
                };
                let mut replies = vec![Outgoing::text(Text::plain(self.locales.text(
                    lang,
                    "statement-changed",
                    Some(&args),
                )))];
                let choices = vec![vec![Choice {
                    label: self.locales.text(lang, "statement-sign", None),
                    data: CampaignPress::Sign {
                        statement: *statement,
                        version: record.statement.version,
                        association: None,
                    }
                    .data(),
                }]];
                replies.push(Outgoing::with_choices(self.statement_text(lang, &record), choices));
                Ok(replies)
            }
            OutboxMessage::StatementClosed { statement } => {
                let Some(record) = self.store.statement(*statement).await? else {
                    return Ok(Vec::new());
                };
                let mut text = self.statement_text(lang, &record);
                let link = self.publishing().statement_url(record.statement.id);
                let args = args! { "link" => link };
                text = text
                    .line_break()
                    .then_bold(self.locales.text(lang, "statement-closed-final", Some(&args)));
                Ok(vec![Outgoing::text(text)])
            }
            _ => Err(StoreError::Corrupt("not a campaign's message".into())),
        }
    }
}

/// A vote's settings typed in the chat before its question.
struct VoteSettings {
    quorum: Quorum,
    majority: Majority,
    secret: bool,
    close_when_all_voted: bool,
    /// Group chats to post it in besides the campaign's (`group=12`).
    groups: Vec<crate::group::GroupChatId>,
}

impl Default for VoteSettings {
    fn default() -> Self {
        VoteSettings {
            quorum: Quorum(50),
            majority: Majority::Simple,
            secret: false,
            close_when_all_voted: false,
            groups: Vec::new(),
        }
    }
}

impl VoteSettings {
    /// Takes `word` as a setting if it is one.
    fn read(&mut self, word: &str) -> bool {
        match word.to_lowercase().as_str() {
            "secret" | "سري" => self.secret = true,
            "2/3" => self.majority = Majority::TwoThirds,
            "all" | "tous" => self.close_when_all_voted = true,
            other if other.starts_with("group=") || other.starts_with("groupe=") => {
                match other.split_once('=').and_then(|(_, id)| id.parse::<i64>().ok()) {
                    Some(id) if id > 0 => self.groups.push(crate::group::GroupChatId(id)),
                    _ => return false,
                }
            }
            other if other.ends_with('%') => match other.parse::<Quorum>() {
                Ok(quorum) => self.quorum = quorum,
                Err(_) => return false,
            },
            _ => return false,
        }
        true
    }
}

/// Closes the votes and statements whose deadline has passed and queues the reminders due: the
/// scheduler's work for cooperation, which changes nothing if another instance did it first.
/// Returns how many votes and statements it closed and reminders it queued.
pub async fn settle_due<S: crate::campaign::CampaignStore>(
    store: &S,
    now: DateTime<Utc>,
) -> Result<(u64, u64, u64), StoreError> {
    let mut closed = 0;
    for vote in store.open_votes().await? {
        if vote.deadline <= now && store.close_vote(vote.id, now).await?.is_some() {
            closed += 1;
        }
    }
    let mut statements = 0;
    for statement in store.statements_due(now).await? {
        if store.close_statement(statement, now).await?.is_some() {
            statements += 1;
        }
    }
    let reminded = store.queue_vote_reminders(now).await?;
    Ok((closed, statements, reminded))
}
