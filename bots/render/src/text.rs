//! Text made safe to draw, then shaped and fitted into a box: smaller first, then cut with "…".

use cosmic_text::{Align, Attrs, Buffer, Family, Metrics, Shaping, Weight, Wrap};
use unicode_segmentation::UnicodeSegmentation;

use crate::fonts::{Coverage, Fonts, NASKH, SERIF};
use crate::scene::{Glyph, Rgb};

/// Beyond this many grapheme clusters a text cannot fit any box of the card even at its smallest
/// size, so the rest is dropped before shaping (a 10 000-character name costs no more than this).
const MAX_GRAPHEMES: usize = 400;

const ELLIPSIS: &str = "…";

/// How a block of text is drawn and how far it may shrink.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) bold: bool,
    pub(crate) color: Rgb,
    /// Size used when the text fits, in pixels.
    pub(crate) max_size: f32,
    /// Smallest size before the text is cut instead.
    pub(crate) min_size: f32,
    /// Most rows the block may take.
    pub(crate) max_lines: usize,
    /// Row height as a multiple of the size.
    pub(crate) line_height: f32,
    /// Centred (the QR caption) rather than aligned on the card's reading side.
    pub(crate) centred: bool,
}

/// Text shaped and placed inside its box, relative to the box's top-left corner.
#[derive(Debug, Clone, Default)]
pub(crate) struct Laid {
    pub(crate) glyphs: Vec<Glyph>,
    /// Text the glyphs were shaped from; `Glyph::text` ranges index into it.
    pub(crate) text: String,
    pub(crate) height: f32,
    pub(crate) rows: usize,
    pub(crate) size: f32,
}

/// Shapes and lays out text for one card: the font system and the coverage of its fonts.
pub(crate) struct Typesetter {
    fonts: Fonts,
    coverage: Coverage,
    right_to_left: bool,
}

impl Typesetter {
    pub(crate) fn new(right_to_left: bool) -> Self {
        Self { fonts: Fonts::new(), coverage: Coverage::new(), right_to_left }
    }

    /// The text as it can be drawn: one paragraph per entry of `paragraphs`, each stripped of
    /// control and bidi-override characters (a name must not reorder the rest of the card),
    /// of characters no embedded font has (emoji), with white space collapsed, and cut after
    /// [`MAX_GRAPHEMES`] clusters.
    pub(crate) fn clean(&self, paragraphs: &[&str]) -> String {
        let mut kept = Vec::with_capacity(paragraphs.len());
        let mut budget = MAX_GRAPHEMES;
        for paragraph in paragraphs {
            if budget == 0 {
                break;
            }
            let mut line = String::with_capacity(paragraph.len().min(4 * MAX_GRAPHEMES));
            let mut pending_space = false;
            let mut cut_short = false;
            for c in paragraph.chars() {
                match classify(c, &self.coverage) {
                    Class::Space => pending_space = true,
                    Class::Drop => {}
                    Class::Keep => {
                        if pending_space && !line.is_empty() {
                            line.push(' ');
                        }
                        pending_space = false;
                        line.push(c);
                    }
                }
                // Clusters of many combining marks: stop reading long before the end of a huge text.
                if line.len() > 8 * MAX_GRAPHEMES {
                    cut_short = true;
                    break;
                }
            }
            let cut = line.grapheme_indices(true).nth(budget).map(|(at, _)| at);
            if let Some(cut) = cut {
                line.truncate(cut);
            }
            if cut.is_some() || cut_short {
                line.truncate(line.trim_end().len());
                line.push_str(ELLIPSIS);
                budget = 0;
            } else {
                budget -= line.graphemes(true).count().min(budget);
            }
            if !line.is_empty() {
                kept.push(line);
            }
        }
        kept.join("\n")
    }

    /// Lays out cleaned text in a box `width` wide: at the largest size of `style` whose rows
    /// fit `style.max_lines`, else at its smallest size cut with "…" after the last row that fits.
    pub(crate) fn fit(&mut self, text: &str, width: f32, style: &Style) -> Laid {
        if text.is_empty() {
            return Laid { size: style.max_size, ..Laid::default() };
        }
        let mut size = style.max_size;
        loop {
            let laid = self.lay_out(text, width, size, style);
            if laid.rows <= style.max_lines {
                return laid;
            }
            if size <= style.min_size {
                break;
            }
            size = (size * 0.92).max(style.min_size);
        }
        // The longest prefix, in grapheme clusters, that still fits once "…" is added.
        let bounds: Vec<usize> = text.grapheme_indices(true).map(|(at, _)| at).collect();
        let with_ellipsis = |count: usize| {
            let cut = bounds.get(count).copied().unwrap_or(text.len());
            let mut prefix = text[..cut].trim_end().to_owned();
            prefix.push_str(ELLIPSIS);
            prefix
        };
        let (mut fits, mut fails) = (0, bounds.len());
        while fails - fits > 1 {
            let middle = fits + (fails - fits) / 2;
            if self.lay_out(&with_ellipsis(middle), width, size, style).rows <= style.max_lines {
                fits = middle;
            } else {
                fails = middle;
            }
        }
        self.lay_out(&with_ellipsis(fits), width, size, style)
    }

    /// Shapes `text` at `size`, wrapped to `width`, each line of it a paragraph in the card's
    /// direction.
    pub(crate) fn lay_out(&mut self, text: &str, width: f32, size: f32, style: &Style) -> Laid {
        // A leading RLM or LRM makes every paragraph take the card's direction, whatever its
        // first letter: "Tatwir · طنجة" on an Arabic card starts on the right.
        let mark = if self.right_to_left { '\u{200F}' } else { '\u{200E}' };
        let mut marked = String::with_capacity(text.len() + 8);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                marked.push('\n');
            }
            marked.push(mark);
            marked.push_str(line);
        }
        let family = if self.right_to_left { NASKH } else { SERIF };
        let weight = if style.bold { Weight::BOLD } else { Weight::NORMAL };
        let attrs = Attrs::new().family(Family::Name(family)).weight(weight);
        let align = match (style.centred, self.right_to_left) {
            (true, _) => Align::Center,
            (false, true) => Align::Right,
            (false, false) => Align::Left,
        };
        let line_height = size * style.line_height;
        let system = &mut self.fonts.system;
        let mut buffer = Buffer::new(system, Metrics::new(size, line_height));
        buffer.set_wrap(Wrap::WordOrGlyph);
        buffer.set_size(Some(width), None);
        buffer.set_text(&marked, &attrs, Shaping::Advanced, Some(align));
        buffer.shape_until_scroll(system, false);

        let mut glyphs = Vec::new();
        let mut rows = 0;
        // Byte offset of each line of `marked` in it, for the glyphs' text ranges.
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(marked.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        for run in buffer.layout_runs() {
            rows += 1;
            let line_start = line_starts.get(run.line_i).copied().unwrap_or(0);
            for glyph in run.glyphs {
                let Some(face) = self.fonts.face_of(glyph.font_id) else { continue };
                if glyph.glyph_id == 0 {
                    // .notdef: a character no font could draw slipped through; leave a gap.
                    continue;
                }
                glyphs.push(Glyph {
                    face,
                    id: glyph.glyph_id,
                    x: glyph.x + glyph.font_size * glyph.x_offset,
                    y: run.line_y + glyph.y - glyph.font_size * glyph.y_offset,
                    size: glyph.font_size,
                    advance: glyph.w,
                    text: line_start + glyph.start..line_start + glyph.end,
                    right_to_left: glyph.level.is_rtl(),
                });
            }
        }
        Laid { glyphs, text: marked, height: rows as f32 * line_height, rows, size }
    }
}

enum Class {
    Keep,
    Space,
    Drop,
}

fn classify(c: char, coverage: &Coverage) -> Class {
    match c {
        // Line and paragraph breaks, tabs: the card decides where lines break.
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Space,
        _ if c.is_whitespace() => Class::Space,
        // Bidi embeddings, overrides and isolates: each paragraph's direction is the card's.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Class::Drop,
        // Byte order mark, and the rest of C0 and C1.
        '\u{FEFF}' => Class::Drop,
        _ if c.is_control() => Class::Drop,
        // Invisible but meaningful to shaping or bidi: joiners, marks, variation selectors.
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{034F}' | '\u{FE00}'..='\u{FE0F}' => {
            Class::Keep
        }
        _ if coverage.covers(c) => Class::Keep,
        _ => Class::Drop,
    }
}
