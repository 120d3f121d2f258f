//! Numbered choices, for channels without buttons (the terminal, Matrix): the choices and poll
//! options shown last are numbered, and a typed number picks one.

use super::Event;
use serde::{Deserialize, Serialize};

/// What typing a number does: press a choice, or answer a poll with one of its options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pick {
    Choice(String),
    PollOption { poll: String, option: usize },
}

/// What a typed line means given the numbered `picks` on screen: one number picks a choice or
/// a poll option; several (`1,3` or `1 3`) answer a poll that takes several answers. A number
/// that was not offered is a choice that does not exist (the engine says so); anything else is
/// text.
pub fn read(picks: &[Pick], line: &str) -> Event {
    let numbers: Option<Vec<usize>> = line
        .split([',', ' ', '،', ';'])
        .filter(|word| !word.trim().is_empty())
        .map(|word| word.trim().parse::<usize>().ok().filter(|&n| n >= 1))
        .collect();
    let Some(numbers) = numbers.filter(|numbers| !numbers.is_empty()) else {
        return Event::Text(line.to_owned());
    };
    let Some(chosen) = numbers.iter().map(|&n| picks.get(n - 1)).collect::<Option<Vec<_>>>() else {
        return if picks.is_empty() {
            Event::Text(line.to_owned())
        } else {
            Event::Choice(String::new())
        };
    };
    match chosen.as_slice() {
        [Pick::Choice(data)] => Event::Choice(data.clone()),
        [Pick::PollOption { poll, .. }, ..] => {
            let mut options = Vec::new();
            for pick in &chosen {
                match pick {
                    Pick::PollOption { poll: same, option } if same == poll => options.push(*option),
                    _ => return Event::Choice(String::new()),
                }
            }
            Event::PollAnswer {
                poll: poll.clone(),
                options,
            }
        }
        _ => Event::Choice(String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_pick_what_is_on_screen() {
        let picks = [
            Pick::Choice("abc.0".into()),
            Pick::PollOption {
                poll: "p".into(),
                option: 0,
            },
            Pick::PollOption {
                poll: "p".into(),
                option: 1,
            },
        ];
        assert_eq!(read(&picks, "1"), Event::Choice("abc.0".into()));
        assert_eq!(
            read(&picks, " 2، 3 "),
            Event::PollAnswer {
                poll: "p".into(),
                options: vec![0, 1]
            }
        );
        assert_eq!(read(&picks, "9"), Event::Choice(String::new()));
        assert_eq!(read(&picks, "1,2"), Event::Choice(String::new()));
        assert_eq!(read(&picks, "bonjour"), Event::Text("bonjour".into()));
        assert_eq!(read(&[], "3"), Event::Text("3".into()));
        assert_eq!(read(&picks, "0"), Event::Text("0".into()));
    }
}
