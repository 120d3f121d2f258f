//! The terminal channel: `tatwir chat` reads lines, prints the bot's replies, and shows choices
//! as numbered options that are answered by typing the number. Plain text when the output is not
//! a terminal, so it works from scripts and transcript tests.

use std::io::Write;
use tatwir_core::engine::{Engine, EngineStore};
use tatwir_core::language::Language;
use tatwir_core::message::numbered::{Pick, read};
use tatwir_core::message::{Chat, ChatKind, Incoming, MediaKind, MediaSource, Outgoing, Span, Text};
use tatwir_core::outbox::{OutboxStore, Undelivered};
use tatwir_core::person::{Channel, Identity};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// Commands start with `/` in the terminal.
const COMMAND_PREFIX: char = '/';

/// How often a terminal session looks for scheduled messages (the daily lesson).
const OUTBOX_TICK: std::time::Duration = std::time::Duration::from_secs(5);

pub struct Session<'a, S> {
    engine: &'a Engine<S>,
    user: String,
    language: Option<Language>,
    styled: bool,
    picks: Vec<Pick>,
}

impl<'a, S: EngineStore + OutboxStore> Session<'a, S> {
    pub fn new(engine: &'a Engine<S>, user: &str, language: Option<Language>, styled: bool) -> Self {
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
        let mut tick = tokio::time::interval(OUTBOX_TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        self.prompt(output)?;
        loop {
            tokio::select! {
                line = lines.next_line() => {
                    let Some(line) = line? else { break };
                    let replies = self.engine.handle(&self.incoming(&line)).await;
                    self.render(&replies, output)?;
                    self.prompt(output)?;
                }
                _ = tick.tick() => {
                    if self.deliver_due(output).await? > 0 {
                        self.prompt(output)?;
                    }
                }
            }
        }
        if self.styled {
            writeln!(output)?;
        }
        Ok(())
    }

    /// Queues what is due (as the service's scheduler does) and prints what is addressed to this
    /// terminal user. Returns how many messages were printed.
    pub async fn deliver_due(&mut self, output: &mut impl Write) -> std::io::Result<usize> {
        let store = self.engine.store();
        let now = self.engine.clock().now();
        crate::app::queue_due(store, now).await;
        let worker = tatwir_store::outbox::worker_name("terminal");
        let items = match store.claim(Channel::Terminal, Some(&self.user), &worker, now, 10).await {
            Ok(items) => items,
            Err(error) => {
                tracing::warn!(%error, "could not read the outbox");
                return Ok(0);
            }
        };
        let mut printed = 0;
        for item in items {
            let outcome = match self.engine.render(&item, COMMAND_PREFIX).await {
                Ok(replies) => {
                    if self.styled {
                        writeln!(output)?;
                    }
                    self.render(&replies, output)?;
                    printed += replies.len();
                    Ok(())
                }
                Err(error) => Err(Undelivered::Transient(error.to_string())),
            };
            tatwir_core::outbox::record(store, item.id, &worker, outcome, now).await;
        }
        Ok(printed)
    }

    fn prompt(&self, output: &mut impl Write) -> std::io::Result<()> {
        if self.styled {
            write!(output, "› ")?;
            output.flush()?;
        }
        Ok(())
    }

    fn incoming(&self, line: &str) -> Incoming {
        let event = read(&self.picks, line);
        Incoming {
            identity: Identity::new(Channel::Terminal, self.user.clone()),
            display_name: self.user.clone(),
            client_language: self.language.map(|l| l.code().to_owned()),
            chat: Chat {
                id: self.user.clone(),
                kind: ChatKind::Private,
                private_link: None,
                command_prefix: COMMAND_PREFIX,
            },
            event,
        }
    }

    fn render(&mut self, replies: &[Outgoing], output: &mut impl Write) -> std::io::Result<()> {
        let mut picks = Vec::new();
        for reply in replies {
            match reply {
                // A terminal prints and cannot edit what it printed: each version of a live
                // message is printed anew, as a message, under the earlier ones.
                Outgoing::Message { text, choices } | Outgoing::Live { text, choices, .. } => {
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
                    if let Some(hint) = &poll.hint {
                        writeln!(output, "{}", self.styled(&Text::plain(hint.clone())))?;
                    }
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
                    let (source, content) = match &media.source {
                        MediaSource::File(path) => (path.display().to_string(), None),
                        MediaSource::Url(url) => (url.clone(), None),
                        MediaSource::Inline { file_name, content, .. } => (file_name.clone(), Some(content)),
                        // A picture cannot be shown here: its name and size say it came.
                        MediaSource::Bytes { file_name, bytes, .. } => {
                            (format!("{file_name} ({} KB)", bytes.len().div_ceil(1024)), None)
                        }
                    };
                    writeln!(output, "{icon} {source}")?;
                    if let Some(caption) = &media.caption {
                        writeln!(output, "{}", self.styled(caption))?;
                    }
                    // The file itself, as text lines (a calendar's CRLF endings become the
                    // terminal's own).
                    for line in content.iter().flat_map(|content| content.lines()) {
                        writeln!(output, "{line}")?;
                    }
                }
            }
            writeln!(output)?;
        }
        // A reply without choices (an error, a hint) leaves the last choices usable.
        if !picks.is_empty() {
            self.picks = picks;
        }
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
