//! Commands people type, and who may use each.

use crate::person::Access;
use crate::role::Role;

/// A command as typed: `/start CODE`, `!help`, `/help@tatwir_bot`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed<'a> {
    /// Lower-cased, without prefix or `@bot` suffix.
    pub name: String,
    /// The rest of the message, trimmed.
    pub argument: &'a str,
}

/// Reads a message as a command if it starts with `/` or `!` followed by a letter.
pub fn parse(text: &str) -> Option<Typed<'_>> {
    let text = text.trim_start();
    let rest = text.strip_prefix('/').or_else(|| text.strip_prefix('!'))?;
    let (word, argument) = match rest.find(char::is_whitespace) {
        Some(at) => (&rest[..at], rest[at..].trim()),
        None => (rest, ""),
    };
    let name = word.split('@').next().unwrap_or_default();
    if !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(Typed {
        name: name.to_ascii_lowercase(),
        argument,
    })
}

/// The commands the engine knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Start,
    Language,
    Help,
    Profile,
    Learn,
    Progress,
    Review,
    Daily,
    TimeZone,
    Mute,
    Unmute,
    Broadcast,
    Meetings,
    NewMeeting,
    Organize,
    GroupLanguage,
    ClaimGroup,
    Certificates,
    Verify,
    Label,
    Votes,
    Statements,
    Delegate,
    Propose,
    Campaigns,
    Vote,
    NewStatement,
    VoteLog,
}

/// Who may use a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsableBy {
    Everyone,
    /// Only people who belong to an association (or hold a platform role).
    Members,
    /// People holding this role or a stronger one somewhere.
    AtLeast(Role),
}

pub struct Spec {
    pub command: Command,
    pub name: &'static str,
    /// Fluent id of the argument's placeholder shown in help (`CODE`), if it takes one.
    pub argument: Option<&'static str>,
    /// Fluent id of the one-line description shown in help.
    pub description: &'static str,
    pub audience: UsableBy,
}

/// Every command, in the order help lists them.
pub const COMMANDS: &[Spec] = &[
    Spec {
        command: Command::Start,
        name: "start",
        argument: Some("help-argument-code"),
        description: "help-start",
        audience: UsableBy::Everyone,
    },
    Spec {
        command: Command::Profile,
        name: "profile",
        argument: None,
        description: "help-profile",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Learn,
        name: "learn",
        argument: None,
        description: "help-learn",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Progress,
        name: "progress",
        argument: None,
        description: "help-progress",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Review,
        name: "review",
        argument: None,
        description: "help-review",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Daily,
        name: "daily",
        argument: Some("help-argument-time"),
        description: "help-daily",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Mute,
        name: "mute",
        argument: Some("help-argument-topic"),
        description: "help-mute",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Unmute,
        name: "unmute",
        argument: Some("help-argument-topic"),
        description: "help-unmute",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Certificates,
        name: "certificates",
        argument: None,
        description: "help-certificates",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Label,
        name: "label",
        argument: Some("help-argument-association"),
        description: "help-label",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::Meetings,
        name: "meetings",
        argument: None,
        description: "help-meetings",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::NewMeeting,
        name: "newmeeting",
        argument: None,
        description: "help-newmeeting",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::Organize,
        name: "organize",
        argument: None,
        description: "help-organize",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::GroupLanguage,
        name: "grouplanguage",
        argument: Some("help-argument-language"),
        description: "help-grouplanguage",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::ClaimGroup,
        name: "claimgroup",
        argument: Some("help-argument-association"),
        description: "help-claimgroup",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::Votes,
        name: "votes",
        argument: None,
        description: "help-votes",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Statements,
        name: "statements",
        argument: None,
        description: "help-statements",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Campaigns,
        name: "campaigns",
        argument: None,
        description: "help-campaigns",
        audience: UsableBy::Members,
    },
    Spec {
        command: Command::Delegate,
        name: "delegate",
        argument: None,
        description: "help-delegate",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::Propose,
        name: "propose",
        argument: None,
        description: "help-propose",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::NewStatement,
        name: "newstatement",
        argument: None,
        description: "help-newstatement",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::VoteLog,
        name: "votelog",
        argument: Some("help-argument-number"),
        description: "help-votelog",
        audience: UsableBy::AtLeast(Role::Manager),
    },
    Spec {
        command: Command::Vote,
        name: "vote",
        argument: Some("help-argument-vote"),
        description: "help-vote",
        audience: UsableBy::AtLeast(Role::Coordinator),
    },
    Spec {
        command: Command::Broadcast,
        name: "broadcast",
        argument: Some("help-argument-text"),
        description: "help-broadcast",
        audience: UsableBy::AtLeast(Role::Coordinator),
    },
    Spec {
        command: Command::Verify,
        name: "verify",
        argument: Some("help-argument-code"),
        description: "help-verify",
        audience: UsableBy::Everyone,
    },
    Spec {
        command: Command::TimeZone,
        name: "timezone",
        argument: Some("help-argument-zone"),
        description: "help-timezone",
        audience: UsableBy::Everyone,
    },
    Spec {
        command: Command::Language,
        name: "language",
        argument: None,
        description: "help-language",
        audience: UsableBy::Everyone,
    },
    Spec {
        command: Command::Help,
        name: "help",
        argument: None,
        description: "help-help",
        audience: UsableBy::Everyone,
    },
];

impl Spec {
    pub fn find(name: &str) -> Option<&'static Spec> {
        COMMANDS.iter().find(|spec| spec.name == name)
    }

    pub fn allows(&self, access: &Access) -> bool {
        match self.audience {
            UsableBy::Everyone => true,
            UsableBy::Members => access.is_member() || !access.platform_roles.is_empty(),
            UsableBy::AtLeast(role) => access.has_at_least(role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_read_in_every_form() {
        assert_eq!(
            parse("/start ABCD2345"),
            Some(Typed {
                name: "start".into(),
                argument: "ABCD2345"
            })
        );
        assert_eq!(
            parse("!Start   x y "),
            Some(Typed {
                name: "start".into(),
                argument: "x y"
            })
        );
        assert_eq!(
            parse("/help@tatwir_bot"),
            Some(Typed {
                name: "help".into(),
                argument: ""
            })
        );
        assert_eq!(
            parse("/start\nCODE"),
            Some(Typed {
                name: "start".into(),
                argument: "CODE"
            })
        );
        assert_eq!(parse("hello"), None);
        assert_eq!(parse("/"), None);
        assert_eq!(parse("!!!"), None);
        assert_eq!(parse("/ 12"), None);
        assert_eq!(parse("/مساعدة"), None);
    }
}
