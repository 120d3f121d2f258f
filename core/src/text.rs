//! Cleaning what people type before anything reads it.

/// The longest message the engine reads; longer ones are answered, not processed. It is
/// Telegram's own limit for a message, so no channel is cut short by it.
pub const MAX_MESSAGE_CHARS: usize = 4096;

/// Removes control and format characters (but keeps line breaks and tabs as spaces inside a
/// line), folds runs of white space, and trims. Used for names and single-line input.
pub fn clean_line(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Removes control characters except line breaks; keeps the text's lines. Used for messages.
pub fn clean_message(input: &str) -> String {
    input
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !is_invisible(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Control characters, and the bidirectional controls a person can neither see nor mean to type.
/// Zero-width joiners and non-joiners stay: emoji sequences and some scripts need them.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cleaned() {
        assert_eq!(clean_line("  a\u{0}b \n\t c\u{2067} "), "ab c");
        assert_eq!(clean_line("\u{7}\u{1b}"), "");
        assert_eq!(clean_line("جمعية   الأمل"), "جمعية الأمل");
        assert_eq!(clean_line("👩🏽\u{200D}⚕️\u{200F}"), "👩🏽\u{200D}⚕️");
    }

    #[test]
    fn messages_keep_their_lines() {
        assert_eq!(clean_message(" /start\u{0} X\nY "), "/start X\nY");
    }
}
