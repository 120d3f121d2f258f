//! What is on the card, in page units (one unit is one pixel of the PNG): flat shapes and shaped
//! text. The design fills it; a backend draws it.

use std::ops::Range;

use tiny_skia::{Path, Rect};

use crate::text::Laid;

/// An opaque colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Rgb(pub(crate) u8, pub(crate) u8, pub(crate) u8);

/// One glyph of shaped text, placed relative to its block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Index in [`crate::fonts::FACES`].
    pub(crate) face: usize,
    pub(crate) id: u16,
    /// Pen position on the baseline (y grows downwards).
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// Where the glyph is drawn from its pen position (a mark over its base): right and up.
    pub(crate) dx: f32,
    pub(crate) dy: f32,
    pub(crate) size: f32,
    pub(crate) advance: f32,
    /// The characters this glyph draws, as a byte range of its block's text.
    pub(crate) text: Range<usize>,
    pub(crate) right_to_left: bool,
}

/// Shaped text placed on the page.
#[derive(Debug, Clone)]
pub(crate) struct TextBlock {
    pub(crate) laid: Laid,
    pub(crate) color: Rgb,
    /// Top-left corner of the block; glyph positions are relative to it.
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// The box the text was fitted into (its rows take `laid.height` of it).
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the tests"))]
    pub(crate) frame: Rect,
}

#[derive(Debug, Clone)]
pub(crate) enum Item {
    Fill { path: Path, color: Rgb },
    Stroke { path: Path, color: Rgb, width: f32 },
    Text(TextBlock),
}

#[derive(Debug, Clone)]
pub(crate) struct Scene {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) background: Rgb,
    pub(crate) items: Vec<Item>,
}
