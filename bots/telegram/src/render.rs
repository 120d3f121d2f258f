//! The engine's channel-neutral messages in Telegram's terms: HTML with everything a person or
//! an author wrote escaped, inline keyboards, and native polls when a question fits them.

use tatwir_core::message::html::escape;
use tatwir_core::message::{Choice, Poll, Text};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limits (Bot API): characters, after entity parsing.
pub const MESSAGE_LIMIT: usize = 4096;
/// A photo's, video's or document's caption.
pub const CAPTION_LIMIT: usize = 1024;
pub const POLL_QUESTION_LIMIT: usize = 300;
pub const POLL_OPTION_LIMIT: usize = 100;
pub const POLL_EXPLANATION_LIMIT: usize = 200;
/// Telegram accepts up to 12 options now; older servers took 10, so stay within 10.
pub const POLL_OPTIONS_MAX: usize = 10;

/// A text in Telegram's HTML (newlines stay newlines).
pub fn html(text: &Text) -> String {
    tatwir_core::message::html::html(text, "\n")
}

/// A text's length as Telegram measures it against [`MESSAGE_LIMIT`]: in UTF-16 code units, so
/// that an emoji counts two.
pub fn length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// A text as one or more messages that each fit Telegram's limit: lines are kept whole where
/// they can be. Formatting is kept when the text fits in one message.
pub fn messages(text: &Text) -> Vec<String> {
    let plain = text.to_plain();
    if length(&plain) <= MESSAGE_LIMIT {
        return vec![html(text)];
    }
    let mut parts = Vec::new();
    let mut current = String::new();
    for line in plain.split_inclusive('\n') {
        for piece in chunks(line, MESSAGE_LIMIT) {
            if length(&current) + length(&piece) > MESSAGE_LIMIT {
                parts.push(escape(&std::mem::take(&mut current)));
            }
            current.push_str(&piece);
        }
    }
    if !current.trim().is_empty() {
        parts.push(escape(&current));
    }
    parts
}

/// `text` in pieces of at most `size` UTF-16 units, never cut inside a character.
fn chunks(text: &str, size: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        if length(&piece) + c.len_utf16() > size {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

pub fn keyboard(choices: &[Vec<Choice>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(choices.iter().map(|row| {
        row.iter()
            .map(|choice| InlineKeyboardButton::callback(choice.label.clone(), choice.data.clone()))
            .collect::<Vec<_>>()
    }))
}

/// How a question goes out on Telegram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PollForm {
    /// A quiz poll: Telegram shows right or wrong and the explanation itself.
    Quiz { correct: u8 },
    /// A regular poll taking several answers (quiz polls take one right answer).
    Multiple,
    /// Too long for a poll: a message with one button per option.
    Buttons,
}

pub fn poll_form(poll: &Poll) -> PollForm {
    let fits = poll.question.chars().count() <= POLL_QUESTION_LIMIT
        && (2..=POLL_OPTIONS_MAX).contains(&poll.options.len())
        && poll
            .options
            .iter()
            .all(|option| !option.trim().is_empty() && option.chars().count() <= POLL_OPTION_LIMIT)
        && poll
            .explanation
            .as_ref()
            .is_none_or(|explanation| explanation.chars().count() <= POLL_EXPLANATION_LIMIT);
    match (fits, poll.multiple_answers, poll.correct.as_slice()) {
        (false, ..) => PollForm::Buttons,
        (true, true, _) => PollForm::Multiple,
        (true, false, [correct]) => {
            u8::try_from(*correct).map_or(PollForm::Buttons, |correct| PollForm::Quiz { correct })
        }
        (true, false, _) => PollForm::Buttons,
    }
}

/// A question as a message with buttons, for a poll that does not fit: each button answers with
/// its option (the engine offered `<reference>.<option>`).
pub fn poll_as_buttons(poll: &Poll) -> (Text, Vec<Vec<Choice>>) {
    let mut text = Text::default().then_bold(poll.question.clone());
    if let Some(hint) = &poll.hint {
        text = text.line_break().then_plain(hint.clone());
    }
    let choices = poll
        .options
        .iter()
        .enumerate()
        .map(|(option, label)| {
            vec![Choice {
                label: label.chars().take(POLL_OPTION_LIMIT).collect(),
                data: format!("{}.{option}", poll.reference),
            }]
        })
        .collect();
    (text, choices)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll(question: &str, options: &[&str], correct: &[usize], multiple: bool) -> Poll {
        Poll {
            reference: "abc234".into(),
            question: question.into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            multiple_answers: multiple,
            correct: correct.to_vec(),
            explanation: Some("because".into()),
            hint: None,
        }
    }

    #[test]
    fn what_people_wrote_is_escaped() {
        let text = Text::plain("<b>x</b> & ").then_bold("a<b").then_code("/start <CODE>");
        assert_eq!(
            html(&text),
            "&lt;b&gt;x&lt;/b&gt; &amp; <b>a&lt;b</b><code>/start &lt;CODE&gt;</code>"
        );
    }

    #[test]
    fn long_texts_are_split_within_the_limit() {
        let long = format!("{}\n{}", "ب".repeat(3000), "x".repeat(5000));
        let parts = messages(&Text::plain(long));
        assert!(parts.len() >= 3);
        assert!(parts.iter().all(|part| length(part) <= MESSAGE_LIMIT));
        assert_eq!(parts.concat().chars().count(), 8001);
    }

    /// Telegram counts UTF-16 units: a charter of 4000 characters with a hundred emoji among
    /// them (4100 units) is two messages, none cut inside an emoji.
    #[test]
    fn emoji_count_twice_towards_the_limit() {
        let charter = format!("{}\n{}", "📜".repeat(100), "ب".repeat(3899));
        assert_eq!((charter.chars().count(), length(&charter)), (4000, 4100));
        let parts = messages(&Text::plain(charter.clone()));
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts.iter().all(|part| length(part) <= MESSAGE_LIMIT));
        assert_eq!(parts.concat(), charter);
        let emoji = messages(&Text::plain("😀".repeat(2049)));
        assert_eq!(emoji.iter().map(|part| length(part)).collect::<Vec<_>>(), [4096, 2]);
    }

    #[test]
    fn questions_become_polls_when_they_fit() {
        assert_eq!(
            poll_form(&poll("Q?", &["a", "b"], &[1], false)),
            PollForm::Quiz { correct: 1 }
        );
        assert_eq!(
            poll_form(&poll("Q?", &["a", "b", "c"], &[0, 2], true)),
            PollForm::Multiple
        );
        assert_eq!(
            poll_form(&poll(&"q".repeat(301), &["a", "b"], &[0], false)),
            PollForm::Buttons
        );
        assert_eq!(
            poll_form(&poll("Q?", &[&"o".repeat(101), "b"], &[0], false)),
            PollForm::Buttons
        );
        let eleven: Vec<&str> = (0..11).map(|_| "o").collect();
        assert_eq!(poll_form(&poll("Q?", &eleven, &[0], false)), PollForm::Buttons);
        let (_, buttons) = poll_as_buttons(&poll("Q?", &["a", "b"], &[0], false));
        assert_eq!(buttons[1][0].data, "abc234.1");
    }
}
