//! The terminal channel: `tatwir chat` reads lines, prints the bot's replies, and shows choices
//! as numbered options that are answered by typing the number. Plain text when the output is not
//! a terminal, so it works from scripts and transcript tests.

use std::io::Write;
use tatwir_core::clock::Clock;
use tatwir_core::engine::Engine;
use tatwir_core::language::Language;
use tatwir_core::message::{Chat, ChatKind, Event, Incoming, MediaKind, MediaSource, Outgoing, Span, Text};
use tatwir_core::person::{Channel, Identity};
use tatwir_core::store::Store;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// What typing a number does: press a choice, or answer a poll.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pick {
    Choice(String),
    PollOption { poll: String, option: usize },
}

pub struct Session<'a, S, C> {
    engine: &'a Engine<S, C>,
    user: String,
    language: Option<Language>,
    styled: bool,
    picks: Vec<Pick>,
}

impl<'a, S: Store, C: Clock> Session<'a, S, C> {
    pub fn new(engine: &'a Engine<S, C>, user: &str, language: Option<Language>, styled: bool) -> Self {
        Session {
            engine,
            user: user.to_owned(),
            language,
            styled,
            picks: Vec::new(),
        }
    }

    /// Talks until the input ends.
    pub async fn run(&mut self, input: impl AsyncBufRead + Unpin, output: &mut impl Write) -> std::io::Result<()> {
        let mut lines = input.lines();
        self.prompt(output)?;
        while let Some(line) = lines.next_line().await? {
            let replies = self.engine.handle(&self.incoming(&line)).await;
            self.render(&replies, output)?;
            self.prompt(output)?;
        }
        if self.styled {
            writeln!(output)?;
        }
        Ok(())
    }

    fn prompt(&self, output: &mut impl Write) -> std::io::Result<()> {
        if self.styled {
            write!(output, "› ")?;
            output.flush()?;
        }
        Ok(())
    }

    fn incoming(&self, line: &str) -> Incoming {
        let typed_number = line.trim().parse::<usize>().ok().filter(|&n| n >= 1);
        let event = match typed_number.and_then(|n| self.picks.get(n - 1)) {
            Some(Pick::Choice(data)) => Event::Choice(data.clone()),
            Some(Pick::PollOption { poll, option }) => Event::PollAnswer {
                poll: poll.clone(),
                options: vec![*option],
            },
            None => Event::Text(line.to_owned()),
        };
        Incoming {
            identity: Identity::new(Channel::Terminal, self.user.clone()),
            display_name: self.user.clone(),
            client_language: self.language.map(|l| l.code().to_owned()),
            chat: Chat {
                id: self.user.clone(),
                kind: ChatKind::Private,
            },
            event,
        }
    }

    fn render(&mut self, replies: &[Outgoing], output: &mut impl Write) -> std::io::Result<()> {
        let mut picks = Vec::new();
        for reply in replies {
            match reply {
                Outgoing::Message { text, choices } => {
                    writeln!(output, "{}", self.styled(text))?;
                    for choice in choices.iter().flatten() {
                        picks.push(Pick::Choice(choice.data.clone()));
                        writeln!(output, "  {}. {}", picks.len(), choice.label)?;
                    }
                }
                Outgoing::Poll(poll) => {
                    writeln!(
                        output,
                        "{}",
                        self.styled(&Text::default().then_bold(poll.question.clone()))
                    )?;
                    for (option, label) in poll.options.iter().enumerate() {
                        picks.push(Pick::PollOption {
                            poll: poll.reference.clone(),
                            option,
                        });
                        writeln!(output, "  {}. {}", picks.len(), label)?;
                    }
                }
                Outgoing::Media(media) => {
                    let icon = match media.kind {
                        MediaKind::Image => "🖼",
                        MediaKind::Video => "🎬",
                        MediaKind::Document => "📄",
                    };
                    let source = match &media.source {
                        MediaSource::File(path) => path.display().to_string(),
                        MediaSource::Url(url) => url.clone(),
                    };
                    writeln!(output, "{icon} {source}")?;
                    if let Some(caption) = &media.caption {
                        writeln!(output, "{}", self.styled(caption))?;
                    }
                }
            }
            writeln!(output)?;
        }
        self.picks = picks;
        output.flush()
    }

    /// Terminals do not implement bidirectional isolation, so the marks would only show as
    /// stray glyphs: they are left out here.
    fn styled(&self, text: &Text) -> String {
        let rendered: String = if !self.styled { text.to_plain() } else { self.ansi(text) };
        rendered.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn ansi(&self, text: &Text) -> String {
        text.spans
            .iter()
            .map(|span| match span {
                Span::Plain(s) => s.clone(),
                Span::Bold(s) => format!("\x1b[1m{s}\x1b[0m"),
                Span::Italic(s) => format!("\x1b[3m{s}\x1b[0m"),
                Span::Code(s) => format!("\x1b[36m{s}\x1b[0m"),
            })
            .collect()
    }
}
