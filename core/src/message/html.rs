//! The engine's formatted text as HTML, for Telegram (`parse_mode=HTML`) and Matrix
//! (`formatted_body`), with everything a person or an author wrote escaped.

use super::{Span, Text};

pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// `line_break` is what a newline becomes: Telegram keeps `\n`, Matrix clients want `<br>`.
pub fn html(text: &Text, line_break: &str) -> String {
    text.spans
        .iter()
        .map(|span| match span {
            Span::Plain(s) => escape(s).replace('\n', line_break),
            Span::Bold(s) => format!("<b>{}</b>", escape(s)),
            Span::Italic(s) => format!("<i>{}</i>", escape(s)),
            Span::Code(s) => format!("<code>{}</code>", escape(s)),
        })
        .collect()
}
