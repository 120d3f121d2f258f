//! A printable document of several A4 portrait pages: a title, a few lines about it, paragraphs
//! that flow from page to page, a table of signatories, and a footer with the page number on
//! every page. Made for the final text of a joint statement; it knows nothing of statements.
//!
//! As for the certificate, every string comes already translated and formatted; text is shaped
//! with cosmic-text in the embedded fonts (Arabic joined, right to left, bidi), and the pages are
//! scenes that the PDF backend draws (and the PNG backend, for the tests).

use tiny_skia::{PathBuilder, Rect};

use crate::RenderError;
use crate::design::{GREEN, INK, MUTED, WHITE};
use crate::scene::{Glyph, Item, Rgb, Scene, TextBlock};
use crate::text::{Laid, Style, Typesetter};

/// Which way a document, or a part of it, reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    LeftToRight,
    RightToLeft,
}

impl Direction {
    fn is_right_to_left(self) -> bool {
        self == Direction::RightToLeft
    }
}

/// One row of the signatories' table (or its header): the association, its city, who signed for
/// it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signatory {
    pub name: String,
    pub city: String,
    pub signer: String,
    pub date: String,
}

/// What a document says, already translated into the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The reader's language as a BCP 47 code ("fr", "ar", "ary"), written in the PDF's metadata.
    pub language: String,
    /// The direction of the reader's language: the page's furniture (meta lines, table, footer)
    /// follows it.
    pub direction: Direction,
    /// The direction of the title and paragraphs, which may be written in another language than
    /// the reader's (French words on an Arabic page when no Arabic version exists).
    pub text_direction: Direction,
    pub title: String,
    /// Small lines under the title: "Déclaration n° 12 · version 3", "Close le 2 décembre 2026".
    pub meta: Vec<String>,
    /// The text, one entry per paragraph; any length: it flows over as many pages as it needs.
    pub paragraphs: Vec<String>,
    /// The heading above the table ("Associations signataires (3)").
    pub signatories_heading: String,
    /// The table's column titles.
    pub signatories_header: Signatory,
    /// The table's rows, in order; no table when empty (the heading says so).
    pub signatories: Vec<Signatory>,
    /// The line at the bottom of every page, beside the page number ("Tatwir · https://…").
    pub footer: String,
}

/// Width and height of a page in the scene's units, tenths of a millimetre (A4: 210 × 297 mm).
const PAGE_W: f32 = 2100.0;
const PAGE_H: f32 = 2970.0;
/// A4 portrait in PDF points.
const PDF_W: f32 = 595.28;
const PDF_H: f32 = 841.89;
/// One typographic point in the scene's units.
const PT: f32 = PAGE_W / PDF_W;

const MARGIN_X: f32 = 200.0;
const TOP: f32 = 200.0;
/// Where the flow stops; the footer stands below.
const BOTTOM: f32 = PAGE_H - 260.0;
const FOOTER_Y: f32 = PAGE_H - 190.0;
const COLUMN: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Shares of the table's width: association, city, signer, date.
const COLUMNS: [f32; 4] = [0.32, 0.18, 0.28, 0.22];
const CELL_PAD: f32 = 18.0;
const RULE: Rgb = Rgb(0xC9, 0xCF, 0xCC);
const HEADER_FILL: Rgb = Rgb(0xE8, 0xEF, 0xEC);

fn style(points: f32, bold: bool, color: Rgb, line_height: f32) -> Style {
    Style {
        bold,
        color,
        max_size: points * PT,
        min_size: points * PT,
        max_lines: usize::MAX,
        line_height,
        centred: false,
    }
}

/// Draws the document as an A4 portrait PDF with as many pages as its text needs, the fonts
/// embedded (subset) and the text selectable.
pub fn pdf(document: &Document) -> Result<Vec<u8>, RenderError> {
    let pages = lay_out(document);
    let title = Typesetter::new(false).clean(&[&document.title]);
    crate::pdf::write_pages(&pages, PDF_W, PDF_H, Some((&title, &document.language)))
}

/// The pages as PNG pictures of 2100 × 2970 pixels (tenths of a millimetre), for looking at a
/// document without a PDF reader.
pub fn png_pages(document: &Document) -> Result<Vec<Vec<u8>>, RenderError> {
    lay_out(document).iter().map(crate::raster::png).collect()
}

/// The pages being filled, top to bottom.
struct Flow {
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl Flow {
    fn new() -> Self {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn next_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    /// Laid-out text at `x`, row after row from the current height, going on to the next page
    /// when a row does not fit.
    fn text(&mut self, laid: Laid, x: f32, width: f32, color: Rgb, line_height: f32) {
        if laid.rows == 0 {
            return;
        }
        // The row of each glyph: its baseline lies inside its row.
        let row_of = |glyph: &Glyph| ((glyph.y / line_height).floor().max(0.0) as usize).min(laid.rows - 1);
        let mut first = 0;
        while first < laid.rows {
            if self.y + line_height > BOTTOM && self.y > TOP {
                self.next_page();
            }
            let fit = (((BOTTOM - self.y) / line_height).floor() as usize).max(1);
            let end = (first + fit).min(laid.rows);
            let glyphs: Vec<Glyph> = laid
                .glyphs
                .iter()
                .filter(|glyph| (first..end).contains(&row_of(glyph)))
                .cloned()
                .collect();
            let top = self.y - first as f32 * line_height;
            let height = (end - first) as f32 * line_height;
            let Some(frame) = Rect::from_xywh(x, self.y, width, height) else {
                return;
            };
            self.push(Item::Text(TextBlock {
                laid: Laid {
                    glyphs,
                    text: laid.text.clone(),
                    height,
                    rows: end - first,
                    size: laid.size,
                },
                color,
                x,
                y: top,
                frame,
            }));
            self.y += height;
            first = end;
        }
    }

    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, color: Rgb) {
        if let Some(rect) = Rect::from_xywh(x, y, width, height) {
            self.push(Item::Fill {
                path: PathBuilder::from_rect(rect),
                color,
            });
        }
    }
}

fn lay_out(document: &Document) -> Vec<Scene> {
    let page_rtl = document.direction.is_right_to_left();
    let text_rtl = document.text_direction.is_right_to_left();
    let mut setter = Typesetter::new(text_rtl);
    let mut flow = Flow::new();
    // Naskh needs taller rows for its marks.
    let tall = |rtl: bool, line_height: f32| if rtl { line_height + 0.25 } else { line_height };

    let title_style = style(18.0, true, GREEN, tall(text_rtl, 1.3));
    let title = setter.clean(&[&document.title]);
    let laid = setter.lay_out(&title, COLUMN, title_style.max_size, &title_style);
    flow.text(
        laid,
        MARGIN_X,
        COLUMN,
        title_style.color,
        title_style.max_size * title_style.line_height,
    );
    flow.y += 30.0;

    setter.set_right_to_left(page_rtl);
    let meta_style = style(9.5, false, MUTED, tall(page_rtl, 1.4));
    for line in &document.meta {
        let line = setter.clean(&[line]);
        let laid = setter.lay_out(&line, COLUMN, meta_style.max_size, &meta_style);
        flow.text(
            laid,
            MARGIN_X,
            COLUMN,
            MUTED,
            meta_style.max_size * meta_style.line_height,
        );
    }
    flow.y += 40.0;
    flow.rect(MARGIN_X, flow.y, COLUMN, 4.0, GREEN);
    flow.y += 70.0;

    setter.set_right_to_left(text_rtl);
    let body = style(11.0, false, INK, tall(text_rtl, 1.5));
    for paragraph in &document.paragraphs {
        let paragraph = setter.clean_unlimited(paragraph);
        if paragraph.is_empty() {
            continue;
        }
        let laid = setter.lay_out(&paragraph, COLUMN, body.max_size, &body);
        flow.text(laid, MARGIN_X, COLUMN, INK, body.max_size * body.line_height);
        flow.y += body.max_size * 0.6;
    }

    setter.set_right_to_left(page_rtl);
    flow.y += 50.0;
    let heading_style = style(13.0, true, GREEN, tall(page_rtl, 1.3));
    let heading = setter.clean(&[&document.signatories_heading]);
    let laid = setter.lay_out(&heading, COLUMN, heading_style.max_size, &heading_style);
    // The heading stays with the table's first rows.
    if flow.y + 4.0 * laid.height > BOTTOM {
        flow.next_page();
    }
    flow.text(
        laid,
        MARGIN_X,
        COLUMN,
        GREEN,
        heading_style.max_size * heading_style.line_height,
    );
    flow.y += 20.0;
    if !document.signatories.is_empty() {
        table(&mut setter, &mut flow, document, page_rtl);
    }

    let count = flow.pages.len();
    let footer_style = style(8.5, false, MUTED, tall(page_rtl, 1.3));
    flow.pages
        .into_iter()
        .enumerate()
        .map(|(index, mut items)| {
            footer(
                &mut setter,
                &mut items,
                &document.footer,
                index + 1,
                count,
                &footer_style,
                page_rtl,
            );
            Scene {
                width: PAGE_W as u32,
                height: PAGE_H as u32,
                background: WHITE,
                items,
            }
        })
        .collect()
}

/// The signatories, a row each, the header repeated at the top of each page the table reaches.
fn table(setter: &mut Typesetter, flow: &mut Flow, document: &Document, right_to_left: bool) {
    let cell = style(9.5, false, INK, if right_to_left { 1.55 } else { 1.3 });
    let head = Style { bold: true, ..cell };
    // Left edge and width of each column, the first column on the reading side.
    let mut columns = Vec::with_capacity(COLUMNS.len());
    let mut x = MARGIN_X;
    for share in COLUMNS {
        columns.push((x, share * COLUMN));
        x += share * COLUMN;
    }
    if right_to_left {
        for (left, width) in &mut columns {
            *left = PAGE_W - *left - *width;
        }
    }
    let mut measure = |signatory: &Signatory, style: &Style| -> (Vec<Laid>, f32) {
        let cells: Vec<Laid> = [&signatory.name, &signatory.city, &signatory.signer, &signatory.date]
            .iter()
            .zip(&columns)
            .map(|(text, (_, width))| {
                let text = setter.clean(&[text]);
                setter.lay_out(&text, width - 2.0 * CELL_PAD, style.max_size, style)
            })
            .collect();
        let height = cells.iter().map(|laid| laid.height).fold(0.0, f32::max) + 2.0 * CELL_PAD;
        (cells, height)
    };
    let draw = |flow: &mut Flow, cells: Vec<Laid>, height: f32, color: Rgb, header: bool| {
        if header {
            flow.rect(MARGIN_X, flow.y, COLUMN, height, HEADER_FILL);
        }
        let top = flow.y + CELL_PAD;
        for (laid, (left, width)) in cells.into_iter().zip(&columns) {
            if let Some(frame) = Rect::from_xywh(left + CELL_PAD, top, width - 2.0 * CELL_PAD, laid.height.max(1.0)) {
                flow.push(Item::Text(TextBlock {
                    laid,
                    color,
                    x: left + CELL_PAD,
                    y: top,
                    frame,
                }));
            }
        }
        flow.y += height;
        flow.rect(MARGIN_X, flow.y - 2.0, COLUMN, 2.0, if header { GREEN } else { RULE });
    };
    let (header_cells, header_height) = measure(&document.signatories_header, &head);
    draw(flow, header_cells.clone(), header_height, INK, true);
    for signatory in &document.signatories {
        let (cells, height) = measure(signatory, &cell);
        if flow.y + height > BOTTOM {
            flow.next_page();
            draw(flow, header_cells.clone(), header_height, INK, true);
        }
        draw(flow, cells, height, INK, false);
    }
}

/// The footer's line on the reading side and "page / pages" on the other, under a thin rule.
fn footer(
    setter: &mut Typesetter,
    items: &mut Vec<Item>,
    text: &str,
    page: usize,
    pages: usize,
    style: &Style,
    right_to_left: bool,
) {
    if let Some(rule) = Rect::from_xywh(MARGIN_X, FOOTER_Y - 30.0, COLUMN, 2.0) {
        items.push(Item::Fill {
            path: PathBuilder::from_rect(rule),
            color: RULE,
        });
    }
    let number_width = 300.0;
    let text_width = COLUMN - number_width - 40.0;
    setter.set_right_to_left(right_to_left);
    let line = setter.clean(&[text]);
    let laid = setter.lay_out(&line, text_width, style.max_size, style);
    let text_x = if right_to_left {
        PAGE_W - MARGIN_X - text_width
    } else {
        MARGIN_X
    };
    // Digits and a slash keep their order only in a left-to-right paragraph ("2 / 5"); it is
    // put against the outer edge by its measured width.
    setter.set_right_to_left(false);
    let number = setter.lay_out(&format!("{page} / {pages}"), number_width, style.max_size, style);
    setter.set_right_to_left(right_to_left);
    let drawn_width = number
        .glyphs
        .iter()
        .map(|glyph| glyph.x + glyph.advance)
        .fold(0.0, f32::max);
    let number_x = if right_to_left {
        MARGIN_X
    } else {
        PAGE_W - MARGIN_X - drawn_width
    };
    for (laid, x, width) in [(laid, text_x, text_width), (number, number_x, number_width)] {
        if let Some(frame) = Rect::from_xywh(x, FOOTER_Y, width, laid.height.max(1.0)) {
            items.push(Item::Text(TextBlock {
                laid,
                color: style.color,
                x,
                y: FOOTER_Y,
                frame,
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(direction: Direction, paragraphs: Vec<String>) -> Document {
        let arabic = direction.is_right_to_left();
        let row = |name: &str, city: &str, signer: &str, date: &str| Signatory {
            name: name.to_owned(),
            city: city.to_owned(),
            signer: signer.to_owned(),
            date: date.to_owned(),
        };
        Document {
            language: if arabic { "ar" } else { "fr" }.to_owned(),
            direction,
            text_direction: direction,
            title: if arabic {
                "رسالة مشتركة إلى والي جهة طنجة 2026".to_owned()
            } else {
                "Lettre commune au wali de la région de Tanger".to_owned()
            },
            meta: vec![
                if arabic {
                    "بيان رقم 12 · الصيغة 3"
                } else {
                    "Déclaration n° 12 · version 3"
                }
                .to_owned(),
            ],
            paragraphs,
            signatories_heading: if arabic {
                "الجمعيات الموقعة (3)"
            } else {
                "Associations signataires (3)"
            }
            .to_owned(),
            signatories_header: if arabic {
                row("الجمعية", "المدينة", "وقع باسمها", "التاريخ")
            } else {
                row("Association", "Ville", "Signée par", "Date")
            },
            signatories: vec![
                row("Association Amal", "Tanger", "Fatima Zahra Benali", "2 décembre 2026"),
                row("جمعية النور", "طنجة", "محمد El Amrani", "3 دجنبر 2026"),
                row("Tifawin ⵜⵉⴼⴰⵡⵉⵏ", "Tétouan", "Youssef", "4 décembre 2026"),
            ],
            footer: "Tatwir · https://tatwir.example/statements/12".to_owned(),
        }
    }

    fn text_of(pdf: &[u8]) -> (usize, String) {
        let document = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
        let pages: Vec<u32> = document.get_pages().keys().copied().collect();
        let text = document.extract_text(&pages).expect("a text layer");
        (pages.len(), text)
    }

    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn a_long_text_flows_over_numbered_pages_and_every_word_is_in_the_text_layer() {
        let sentence = "Les associations signataires demandent l'ouverture d'un dialogue. ";
        let mut paragraph = sentence.repeat(20_000 / sentence.len());
        paragraph.push_str("Fin du texte.");
        assert!(paragraph.chars().count() >= 20_000);
        let document = sample(Direction::LeftToRight, vec![paragraph]);
        let scenes = lay_out(&document);
        assert!(scenes.len() >= 5, "{} pages", scenes.len());
        // Nothing leaves the page: every glyph stands between the margins.
        for scene in &scenes {
            for item in &scene.items {
                if let Item::Text(block) = item {
                    for glyph in &block.laid.glyphs {
                        let (x, y) = (block.x + glyph.x, block.y + glyph.y);
                        assert!((MARGIN_X - 1.0..=PAGE_W - MARGIN_X + 1.0).contains(&x), "x {x}");
                        assert!((TOP..=PAGE_H - 100.0).contains(&y), "y {y}");
                    }
                }
            }
        }
        let pdf = pdf(&document).expect("a PDF");
        let (pages, text) = text_of(&pdf);
        assert_eq!(pages, scenes.len());
        let text = squeeze(&text);
        assert!(text.contains(&squeeze("Lettre commune au wali")), "{}", &text[..200]);
        assert!(text.contains("Findutexte."));
        assert!(text.contains(&squeeze("Fatima Zahra Benali")));
        assert!(text.contains(&format!("{pages}/{pages}")), "the last page's number");
        assert_eq!(
            text.matches("dialogue.").count(),
            20_000 / sentence.len(),
            "every sentence once, none lost at a page break"
        );
    }

    #[test]
    fn an_arabic_document_mixing_latin_names_and_digits_is_shaped_and_right_aligned() {
        let paragraph = "نحن الجمعيات الموقعة أسفله، ومنها Association Amal، نطالب بفتح حوار قبل 15 يناير 2027.";
        let document = sample(Direction::RightToLeft, vec![paragraph.to_owned(); 3]);
        let scenes = lay_out(&document);
        assert_eq!(scenes.len(), 1);
        let pdf = pdf(&document).expect("a PDF");
        let (_, text) = text_of(&pdf);
        // lopdf reads the glyphs in the order they stand on the page: an Arabic word from its
        // last letter (a right-to-left reader such as pdftotext gives it back in reading order).
        let visual = |word: &str| word.chars().rev().collect::<String>();
        for expected in ["Association", "Amal", "2027", &visual("طنجة"), &visual("نطالب")] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
        // The body's rows end at the right margin.
        let right = scenes[0]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(block) if block.laid.text.contains("نطالب") => Some(block),
                _ => None,
            })
            .flat_map(|block| {
                block
                    .laid
                    .glyphs
                    .iter()
                    .map(move |glyph| block.x + glyph.x + glyph.advance)
            })
            .fold(0.0, f32::max);
        assert!((right - (PAGE_W - MARGIN_X)).abs() < 3.0, "right edge at {right}");
    }

    #[test]
    fn a_table_longer_than_a_page_repeats_its_header() {
        let mut document = sample(Direction::LeftToRight, vec!["Texte court.".to_owned()]);
        let row = document.signatories[0].clone();
        document.signatories = vec![row; 80];
        let scenes = lay_out(&document);
        assert!(scenes.len() >= 2);
        for scene in &scenes[1..] {
            let header = scene.items.iter().any(|item| match item {
                Item::Text(block) => block.laid.text.contains("Signée par"),
                _ => false,
            });
            assert!(header, "the header on every page of the table");
        }
    }

    /// Writes a French and an Arabic sample to the temporary folder, to look at
    /// (`cargo test -p tatwir-render -- --ignored write_samples`, then pdftoppm).
    #[test]
    #[ignore = "writes files to look at"]
    fn write_samples() {
        let french = "Nous, associations signataires, demandons l'ouverture d'un dialogue avec les autorités \
                      sur l'accès des jeunes aux maisons de quartier, le 15 janvier 2027 au plus tard. ";
        let arabic = "نحن الجمعيات الموقعة أسفله، ومنها Association Amal و Dar Chabab، نطالب بفتح حوار مع \
                      السلطات حول ولوج الشباب إلى دور الأحياء قبل 15 يناير 2027، أي خلال 45 يوما. ";
        let dir = std::env::temp_dir();
        for (name, direction, text) in [
            ("fr", Direction::LeftToRight, french),
            ("ar", Direction::RightToLeft, arabic),
        ] {
            let mut paragraphs: Vec<String> = (0..12).map(|_| text.repeat(3)).collect();
            paragraphs.push(text.to_owned());
            let document = sample(direction, paragraphs);
            std::fs::write(
                dir.join(format!("tatwir-document-{name}.pdf")),
                pdf(&document).expect("a PDF"),
            )
            .expect("written");
        }
    }
}
