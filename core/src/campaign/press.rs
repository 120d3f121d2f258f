//! Presses on a vote or a statement that carry what they are for, so that they stay valid in a
//! group chat where every delegate presses the same buttons.
//!
//! Like a meeting's buttons they carry no secret: anyone may forge one, so the engine checks,
//! when the press is taken, that the vote or statement is open and that the person votes or
//! signs for the association. They start with a capital letter, which an offer's nonce never
//! holds, and their numbers are plain decimal.

use super::{StatementId, VoteId};
use crate::association::AssociationId;

/// What a press asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignPress {
    /// Vote `option` (from 0), for `association` when the person chose which one.
    Vote {
        vote: VoteId,
        option: usize,
        association: Option<AssociationId>,
    },
    /// Sign `version` of a statement, for `association` when the person chose which one.
    Sign {
        statement: StatementId,
        version: u32,
        association: Option<AssociationId>,
    },
}

impl CampaignPress {
    /// The choice data: `V<vote>.<option>[.<association>]`, `S<statement>.<version>[.<association>]`.
    pub fn data(self) -> String {
        let (letter, id, second, association) = match self {
            CampaignPress::Vote {
                vote,
                option,
                association,
            } => ('V', vote.0, option as u64, association),
            CampaignPress::Sign {
                statement,
                version,
                association,
            } => ('S', statement.0, u64::from(version), association),
        };
        match association {
            Some(association) => format!("{letter}{id}.{second}.{association}"),
            None => format!("{letter}{id}.{second}"),
        }
    }

    /// The press of [`CampaignPress::data`]; `None` for anything else.
    pub fn parse(data: &str) -> Option<CampaignPress> {
        let letter = data.chars().next()?;
        let mut parts = data.get(1..)?.split('.');
        let number = |part: Option<&str>| -> Option<i64> {
            let part = part?;
            (!part.is_empty() && part.len() <= 19 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let id = number(parts.next()).filter(|&id| id > 0)?;
        let second = number(parts.next())?;
        let association = match parts.next() {
            Some(part) => Some(AssociationId(number(Some(part)).filter(|&id| id > 0)?)),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        match letter {
            'V' => Some(CampaignPress::Vote {
                vote: VoteId(id),
                option: usize::try_from(second).ok().filter(|&option| option < 64)?,
                association,
            }),
            'S' => Some(CampaignPress::Sign {
                statement: StatementId(id),
                version: u32::try_from(second).ok().filter(|&version| version > 0)?,
                association,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presses_read_back_and_nothing_else_does() {
        let presses = [
            CampaignPress::Vote {
                vote: VoteId(7),
                option: 2,
                association: None,
            },
            CampaignPress::Vote {
                vote: VoteId(i64::MAX),
                option: 10,
                association: Some(AssociationId(i64::MAX)),
            },
            CampaignPress::Sign {
                statement: StatementId(3),
                version: 4,
                association: Some(AssociationId(9)),
            },
        ];
        for press in presses {
            assert_eq!(CampaignPress::parse(&press.data()), Some(press));
            assert!(press.data().len() <= 64, "Telegram's callback data limit");
        }
        for data in [
            "", "V", "V7", "V7.", "V.1", "V0.1", "V-7.1", "V+7.1", "V7.1.0", "V7.1.2.3", "v7.1", "S3.0", "X3.1",
            "V7.99", "S3.1.x", "V7 .1", "V٣.1", "abcdef.1", "m7.y",
        ] {
            assert_eq!(CampaignPress::parse(data), None, "{data}");
        }
    }
}
