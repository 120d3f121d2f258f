//! Presses on a meeting's message that carry the meeting itself, so that they stay valid in a
//! group chat (where anyone may answer) and in private whatever the person does next.

use super::{MeetingId, Rsvp};

/// What a press on a meeting's message asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingPress {
    Answer(Rsvp),
    /// The meeting's calendar file.
    Calendar,
}

/// The choice data of a press on a meeting's message: `m<meeting>.<y|n|m|c>`.
///
/// Unlike a person's offer it carries no secret, and it stays valid whatever the person does
/// next: anyone may forge it, so the engine takes it only from someone the meeting invited (in
/// private) or from a group the meeting invited, and only while the meeting stands. It cannot be
/// mistaken for an offer's `<nonce>.<index>`, whose index is a number.
pub fn press_data(meeting: MeetingId, press: MeetingPress) -> String {
    let letter = match press {
        MeetingPress::Answer(Rsvp::Yes) => 'y',
        MeetingPress::Answer(Rsvp::No) => 'n',
        MeetingPress::Answer(Rsvp::Maybe) => 'm',
        MeetingPress::Calendar => 'c',
    };
    format!("m{meeting}.{letter}")
}

/// The data of an answer to a meeting ([`press_data`]).
pub fn answer_data(meeting: MeetingId, answer: Rsvp) -> String {
    press_data(meeting, MeetingPress::Answer(answer))
}

/// The meeting and the press of [`press_data`].
pub fn parse_press(data: &str) -> Option<(MeetingId, MeetingPress)> {
    let (meeting, letter) = data.strip_prefix('m')?.split_once('.')?;
    let press = match letter {
        "y" => MeetingPress::Answer(Rsvp::Yes),
        "n" => MeetingPress::Answer(Rsvp::No),
        "m" => MeetingPress::Answer(Rsvp::Maybe),
        "c" => MeetingPress::Calendar,
        _ => return None,
    };
    let meeting = meeting
        .parse()
        .ok()
        .filter(|&id: &i64| id > 0 && meeting.bytes().all(|b| b.is_ascii_digit()))?;
    Some((MeetingId(meeting), press))
}

/// The meeting and the answer of [`answer_data`].
pub fn parse_answer(data: &str) -> Option<(MeetingId, Rsvp)> {
    match parse_press(data)? {
        (meeting, MeetingPress::Answer(answer)) => Some((meeting, answer)),
        (_, MeetingPress::Calendar) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_back_and_nothing_else_does() {
        for answer in Rsvp::ALL {
            assert_eq!(
                parse_answer(&answer_data(MeetingId(42), answer)),
                Some((MeetingId(42), answer))
            );
        }
        for data in [
            "m42.x", "m.y", "m-4.y", "m+4.y", "m0.y", "abc123.0", "m42y", "42.y", "m4 2.y",
        ] {
            assert_eq!(parse_answer(data), None, "{data}");
        }
        assert!(
            answer_data(MeetingId(i64::MAX), Rsvp::Maybe).len() <= 64,
            "Telegram's callback data limit"
        );
    }
}
