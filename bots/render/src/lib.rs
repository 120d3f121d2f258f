//! The certificate picture a volunteer receives in the chat.
//!
//! [`png`] draws a [`Card`] as a landscape PNG of [`WIDTH`] × [`HEIGHT`] pixels (the ratio of A4),
//! entirely from our own drawing code: a frame, an eight-pointed star seal, the texts and a QR code.
//! [`pdf`] draws the same page as an A4 PDF, for printing.
//!
//! The crate knows nothing of Fluent or of the database: the caller gives strings already translated
//! and formatted (dates, the certificate code). It only decides sizes and places: long text is
//! shrunk, wrapped, then cut with an ellipsis so that it never leaves its box.
//!
//! Text is shaped with cosmic-text (HarfRust shaping, Unicode bidi and line breaking) using only the
//! fonts embedded in the binary (`fonts/README.md`); glyph outlines are read with skrifa and filled
//! with tiny-skia, so Arabic letters are joined, take their contextual forms and lam-alef
//! ligatures, and a Latin code inside an Arabic line keeps its own order.
//!
//! The layout is computed once into a scene (`scene.rs`, `design.rs`) that the PNG and the PDF
//! backends both draw, so the two cannot drift apart.

mod design;
pub mod document;
mod fonts;
mod pdf;
mod raster;
mod samples;
mod scene;
mod text;

pub use samples::sample_cards;

/// Width of the PNG, in pixels, and of the page, in the PDF's scene units.
pub const WIDTH: u32 = 1600;
/// Height of the PNG, in pixels: `WIDTH / HEIGHT` is the ratio of A4 landscape (√2).
pub const HEIGHT: u32 = 1131;

/// What a certificate says, already translated into the card's language.
///
/// Every string may be anything a person typed: empty, very long, in any script, with emoji or
/// control characters. Characters that no embedded font can draw (emoji, CJK) and control
/// characters are left out of the picture; text too long for its place is made smaller, then cut
/// with "…". Only [`Card::qr_payload`] is never changed: it is encoded as given, or the render
/// fails with [`RenderError::QrPayloadTooLong`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    /// True for Arabic and Darija cards: the layout is mirrored (QR code and seal change sides)
    /// and text is right-aligned, each text starting as a right-to-left paragraph.
    pub right_to_left: bool,
    /// The title, e.g. "Certificat" / "شهادة".
    pub heading: String,
    /// The person's name, in any script (a Latin name on an Arabic card and the reverse happen);
    /// the largest text of the card, on up to two lines.
    pub holder: String,
    /// What the holder did, e.g. "a réussi le parcours" / "أتم بنجاح مسار".
    pub statement: String,
    /// The track (course) completed, e.g. "Premiers secours" / "الإسعافات الأولية".
    pub track: String,
    /// Small lines at the bottom, one per entry: "Délivré le 2 décembre 2026",
    /// "Valable jusqu'au …", "Code : 7KQ2-…". Up to four rows are shown; more are cut with "…".
    pub lines: Vec<String>,
    /// Who issues the certificate, e.g. "Tatwir · Tanger".
    pub issuer: String,
    /// The verification URL encoded in the QR code, byte for byte.
    pub qr_payload: String,
    /// Short text under the QR code, e.g. "Vérifier ce certificat".
    pub qr_caption: String,
}

/// Why a certificate could not be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The QR payload needs a code too dense to be scanned at the size the card gives it
    /// (more than [`MAX_QR_MODULES`] modules a side), or more than a QR code can hold.
    #[error("the QR payload ({len} bytes) is too long for a QR code that can be scanned on the card")]
    QrPayloadTooLong {
        /// Length of the payload, in bytes.
        len: usize,
    },
    /// The PNG encoder failed (out of memory, in practice).
    #[error("could not encode the PNG: {0}")]
    Png(String),
    /// The PDF writer failed (a font it could not embed, in practice).
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The drawing surface could not be made (out of memory, in practice).
    #[error("could not allocate a {width}×{height} picture")]
    Canvas {
        /// Width asked for, in pixels.
        width: u32,
        /// Height asked for, in pixels.
        height: u32,
    },
}

/// Largest QR code drawn, in modules a side (version 16): beyond this a module would be smaller
/// than 3 pixels on the PNG and phones fail to scan it.
pub const MAX_QR_MODULES: usize = 81;

/// Draws the card as a PNG of [`WIDTH`] × [`HEIGHT`] pixels, in flat colours with an indexed
/// palette (about 30 KB for the sample cards).
pub fn png(card: &Card) -> Result<Vec<u8>, RenderError> {
    let scene = design::lay_out(card)?;
    raster::png(&scene)
}

/// Draws the card as a one-page A4 landscape PDF, for printing: the same layout as [`png`], in
/// vectors, with the fonts embedded (subset) and the text selectable and searchable.
pub fn pdf(card: &Card) -> Result<Vec<u8>, RenderError> {
    let scene = design::lay_out(card)?;
    pdf::write(&scene)
}
