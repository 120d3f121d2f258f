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
    /// Size the text was set at, between the style's largest and smallest.
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the tests"))]
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
        Self {
            fonts: Fonts::new(),
            coverage: Coverage::new(),
            right_to_left,
        }
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
            let mut line = tidy_clusters(&line);
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

    /// One paragraph as it can be drawn, without [`Typesetter::clean`]'s length limit: for a
    /// document, whose text flows over as many pages as it needs.
    pub(crate) fn clean_unlimited(&self, paragraph: &str) -> String {
        let mut line = String::with_capacity(paragraph.len());
        let mut pending_space = false;
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
        }
        tidy_clusters(&line)
    }

    /// Sets the direction of the paragraphs laid out next.
    pub(crate) fn set_right_to_left(&mut self, right_to_left: bool) {
        self.right_to_left = right_to_left;
    }

    /// Lays out cleaned text in a box `width` wide: at the largest size of `style` whose rows
    /// fit `style.max_lines`, else at its smallest size cut with "…" after the last row that fits.
    pub(crate) fn fit(&mut self, text: &str, width: f32, style: &Style) -> Laid {
        if text.is_empty() {
            return Laid {
                size: style.max_size,
                ..Laid::default()
            };
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
                let Some(face) = self.fonts.face_of(glyph.font_id) else {
                    continue;
                };
                if glyph.glyph_id == 0 {
                    // .notdef: a character no font could draw slipped through; leave a gap.
                    continue;
                }
                let start = line_start + glyph.start;
                if glyph.start == 0 && glyph.end == mark.len_utf8() {
                    // Our direction mark draws nothing, and is not text to copy from the PDF.
                    continue;
                }
                glyphs.push(Glyph {
                    face,
                    id: glyph.glyph_id,
                    x: glyph.x,
                    y: run.line_y + glyph.y,
                    dx: glyph.font_size * glyph.x_offset,
                    dy: glyph.font_size * glyph.y_offset,
                    size: glyph.font_size,
                    advance: glyph.w,
                    text: start..line_start + glyph.end,
                    right_to_left: glyph.level.is_rtl(),
                });
            }
        }
        Laid {
            glyphs,
            text: marked,
            height: rows as f32 * line_height,
            rows,
            size,
        }
    }
}

/// Most characters kept in one grapheme cluster: a letter with two marks (a Vietnamese vowel and
/// its tone, an Arabic letter with shadda and a vowel) is whole; a tower of stacked marks would
/// rise over the line above.
const MAX_CLUSTER_CHARS: usize = 3;

/// Caps each cluster at [`MAX_CLUSTER_CHARS`], and drops the words left with nothing visible
/// (the joiners and variation selector of an emoji that was dropped).
fn tidy_clusters(line: &str) -> String {
    let mut tidy = String::with_capacity(line.len());
    for word in line.split(' ') {
        if word.chars().all(invisible) {
            continue;
        }
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        for cluster in word.graphemes(true) {
            tidy.extend(cluster.chars().take(MAX_CLUSTER_CHARS));
        }
    }
    tidy
}

/// Format characters kept for their effect on shaping or bidi; they draw nothing themselves.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{034F}' | '\u{FE00}'..='\u{FE0F}'
    )
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
        _ if invisible(c) => Class::Keep,
        _ if coverage.covers(c) => Class::Keep,
        _ => Class::Drop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(max_lines: usize) -> Style {
        Style {
            bold: false,
            color: Rgb(0, 0, 0),
            max_size: 40.0,
            min_size: 20.0,
            max_lines,
            line_height: 1.5,
            centred: false,
        }
    }

    fn shape(text: &str, right_to_left: bool) -> Laid {
        Typesetter::new(right_to_left).lay_out(text, 10_000.0, 40.0, &style(1))
    }

    /// The glyphs that draw some of `text` (not the direction mark), in visual order.
    fn drawn(laid: &Laid) -> Vec<(&str, &Glyph)> {
        laid.glyphs
            .iter()
            .map(|glyph| (&laid.text[glyph.text.clone()], glyph))
            .filter(|(text, _)| !text.starts_with(['\u{200E}', '\u{200F}']))
            .collect()
    }

    /// The x of the glyph that draws `c`.
    fn x_of(laid: &Laid, c: &str) -> f32 {
        drawn(laid)
            .iter()
            .find(|(text, _)| text.contains(c))
            .map(|(_, glyph)| glyph.x)
            .expect("a glyph for it")
    }

    #[test]
    fn arabic_letters_are_joined_into_contextual_forms_and_lam_alef_ligatures() {
        let ids = |text: &str| {
            drawn(&shape(text, true))
                .iter()
                .map(|(c, glyph)| ((*c).to_owned(), glyph.id))
                .collect::<Vec<_>>()
        };
        let id_of = |text: &str, letter: &str| {
            ids(text)
                .into_iter()
                .find(|(c, _)| c.as_str() == letter)
                .map(|(_, id)| id)
                .expect("a glyph for it")
        };
        let alone = |letter: &str| id_of(letter, letter);
        // Seen starts the word: its initial form, not the isolated one. Meem after lam-alef stays
        // isolated (alef never joins the next letter) but takes its final form after lam.
        assert_ne!(id_of("سلام", "س"), alone("س"));
        assert_eq!(id_of("سلام", "م"), alone("م"));
        assert_ne!(id_of("سلم", "م"), alone("م"));
        // Lam before alef: either one ligature glyph, or (as Noto Naskh does it) lam and alef each
        // in the special form the pair takes, unlike lam before meem or alef after seen.
        let word = ids("سلام");
        if word.iter().any(|(c, _)| c == "لا") {
            assert_eq!(word.len(), 3, "four letters, three glyphs: {word:?}");
        } else {
            assert_eq!(word.len(), 4, "{word:?}");
            assert_ne!(id_of("سلام", "ل"), id_of("سلم", "ل"), "lam takes its lam-alef form");
            assert_ne!(id_of("سلام", "ا"), id_of("سام", "ا"), "alef takes its lam-alef form");
            assert_ne!(id_of("سلام", "ل"), alone("ل"));
        }
        // Read from the right: seen is the rightmost glyph, meem the leftmost.
        let laid = shape("سلام", true);
        assert!(x_of(&laid, "س") > x_of(&laid, "ل") && x_of(&laid, "ل") > x_of(&laid, "م"));
        assert!(
            drawn(&laid)
                .iter()
                .all(|(_, glyph)| crate::fonts::FACES[glyph.face].family == NASKH)
        );
    }

    #[test]
    fn a_latin_code_in_an_arabic_line_keeps_its_order_on_the_left() {
        let line = shape("الرمز: 7KQ2-M4XD", true);
        assert!(x_of(&line, "7") < x_of(&line, "K") && x_of(&line, "K") < x_of(&line, "D"));
        assert!(
            x_of(&line, "D") < x_of(&line, "ز"),
            "the code comes after the label, so to its left"
        );
        assert!(x_of(&line, "ز") < x_of(&line, "ا"));
        let latin = drawn(&line)
            .into_iter()
            .filter(|(text, _)| text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .count();
        assert_eq!(latin, "7KQ2-M4XD".len());
        assert!(
            drawn(&line)
                .iter()
                .any(|(text, glyph)| *text == "K" && crate::fonts::FACES[glyph.face].family == SERIF)
        );
    }

    #[test]
    fn a_paragraph_takes_the_cards_direction_whatever_its_first_letter() {
        // On an Arabic card the Latin word that starts the issuer stands on the right.
        let issuer = shape("Tatwir · طنجة", true);
        assert!(x_of(&issuer, "T") > x_of(&issuer, "ط"));
        // On a French card an Arabic name reads right to left inside a left-to-right line.
        let holder = shape("Fatima فاطمة", false);
        assert!(x_of(&holder, "F") < x_of(&holder, "ة"));
        assert!(x_of(&holder, "ف") > x_of(&holder, "ة"));
    }

    #[test]
    fn right_to_left_text_is_right_aligned() {
        let width = 1000.0;
        let laid = Typesetter::new(true).lay_out("Fatima Zahra Benali", width, 40.0, &style(1));
        let right = drawn(&laid)
            .iter()
            .map(|(_, glyph)| glyph.x + glyph.advance)
            .fold(0.0, f32::max);
        assert!((right - width).abs() < 2.0, "right edge at {right}");
        let left = drawn(&laid).iter().map(|(_, glyph)| glyph.x).fold(width, f32::min);
        assert!(left > width / 2.0, "left edge at {left}");
    }

    #[test]
    fn tifinagh_names_are_drawn() {
        let laid = shape("ⵜⴰⵎⴰⵣⵉⵖⵜ", false);
        assert_eq!(drawn(&laid).len(), 8);
        let bold = Typesetter::new(false).lay_out("ⵜⴰⵎⴰⵣⵉⵖⵜ", 1000.0, 40.0, &Style { bold: true, ..style(1) });
        assert_eq!(
            drawn(&bold).len(),
            8,
            "no bold Tifinagh face: the regular one stands in"
        );
    }

    #[test]
    fn text_that_fits_keeps_its_largest_size() {
        let mut typesetter = Typesetter::new(false);
        let laid = typesetter.fit("Premiers secours", 1000.0, &style(2));
        assert_eq!((laid.size, laid.rows), (40.0, 1));
        assert!(!laid.text.contains(ELLIPSIS));
    }

    #[test]
    fn long_text_shrinks_then_is_cut_with_an_ellipsis() {
        let mut typesetter = Typesetter::new(true);
        let style = style(2);
        let long = typesetter.clean(&[&"الإسعافات الأولية ".repeat(100)]);
        let laid = typesetter.fit(&long, 600.0, &style);
        assert_eq!(laid.size, style.min_size);
        assert_eq!(laid.rows, 2);
        assert!(laid.text.ends_with(ELLIPSIS), "{}", laid.text);
        assert!((laid.height - 2.0 * style.min_size * style.line_height).abs() < 0.01);
        // Medium text: smaller, but whole.
        let medium = "الإسعافات الأولية ".repeat(5);
        let laid = typesetter.fit(medium.trim(), 600.0, &style);
        assert!(laid.size < style.max_size && laid.size >= style.min_size && laid.rows <= 2);
        assert!(!laid.text.contains(ELLIPSIS));
    }

    #[test]
    fn a_word_longer_than_the_box_is_broken_not_overflowing() {
        let mut typesetter = Typesetter::new(false);
        let laid = typesetter.fit(&"W".repeat(300), 500.0, &style(2));
        assert!(laid.rows <= 2);
        assert!(
            laid.glyphs
                .iter()
                .all(|glyph| glyph.x >= -0.5 && glyph.x + glyph.advance <= 500.5)
        );
    }

    #[test]
    fn cleaning_drops_what_cannot_or_must_not_be_drawn() {
        let typesetter = Typesetter::new(false);
        assert_eq!(typesetter.clean(&["  Fatima\u{0}\u{7}\n\tZahra\r\n "]), "Fatima Zahra");
        // A bidi override in a name would reorder it: it goes; an RLM stays (it only marks).
        assert_eq!(
            typesetter.clean(&["\u{202E}Fatima\u{202C} \u{2067}x\u{2069}\u{200F}"]),
            "Fatima x\u{200F}"
        );
        // No emoji font: the emoji goes, the name stays.
        assert_eq!(
            typesetter.clean(&["Fatima 👩🏽\u{200D}⚕\u{FE0F} Zahra 🇲🇦"]),
            "Fatima Zahra"
        );
        // Joiners inside a word stay: they change how its letters join.
        assert_eq!(typesetter.clean(&["\u{644}\u{200D}"]), "\u{644}\u{200D}");
        // Shadda and fatha on a letter stay; a tower of marks is cut short.
        assert_eq!(typesetter.clean(&["\u{645}\u{651}\u{64E}"]), "\u{645}\u{651}\u{64E}");
        assert_eq!(
            typesetter.clean(&["e\u{301}\u{302}\u{303}\u{304}\u{305}x"]),
            "e\u{301}\u{302}x"
        );
        assert_eq!(typesetter.clean(&["a", "", "  ", "b"]), "a\nb");
        let long = typesetter.clean(&[&"ab ".repeat(10_000)]);
        assert!(long.ends_with(ELLIPSIS) && long.chars().count() <= MAX_GRAPHEMES + 1);
        let zalgo = typesetter.clean(&[&format!("a{}", "\u{301}".repeat(10_000))]);
        assert!(zalgo.ends_with(ELLIPSIS) && zalgo.len() < 10 * MAX_GRAPHEMES);
    }
}
