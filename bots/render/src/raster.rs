//! The scene drawn with tiny-skia, glyph outlines read with skrifa, encoded as a PNG.

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlineGlyphCollection, OutlinePen};
use skrifa::{GlyphId, MetadataProvider};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::RenderError;
use crate::fonts::FACES;
use crate::scene::{Item, Rgb, Scene, TextBlock};

pub(crate) fn png(scene: &Scene) -> Result<Vec<u8>, RenderError> {
    let pixmap = draw(scene)?;
    encode(&pixmap)
}

pub(crate) fn draw(scene: &Scene) -> Result<Pixmap, RenderError> {
    let mut pixmap = Pixmap::new(scene.width, scene.height)
        .ok_or(RenderError::Canvas { width: scene.width, height: scene.height })?;
    let Rgb(r, g, b) = scene.background;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let mut outlines = Outlines::new();
    for item in &scene.items {
        match item {
            Item::Fill { path, color } => {
                pixmap.fill_path(path, &paint(*color), FillRule::Winding, Transform::identity(), None);
            }
            Item::Stroke { path, color, width } => {
                let stroke = Stroke { width: *width, ..Stroke::default() };
                pixmap.stroke_path(path, &paint(*color), &stroke, Transform::identity(), None);
            }
            Item::Text(block) => {
                if let Some(path) = outlines.block(block) {
                    pixmap.fill_path(&path, &paint(block.color), FillRule::Winding, Transform::identity(), None);
                }
            }
        }
    }
    Ok(pixmap)
}

fn paint(Rgb(r, g, b): Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, 255);
    paint.anti_alias = true;
    paint
}

/// The glyph outlines of each embedded face, read once per picture.
struct Outlines {
    faces: Vec<Option<OutlineGlyphCollection<'static>>>,
}

impl Outlines {
    fn new() -> Self {
        let faces = FACES
            .iter()
            .map(|face| skrifa::FontRef::new(face.data).ok().map(|font| font.outline_glyphs()))
            .collect();
        Self { faces }
    }

    /// The outlines of a whole text block as one path: overlapping glyphs (joined Arabic letters)
    /// are filled once, without darker seams where they overlap.
    fn block(&mut self, block: &TextBlock) -> Option<tiny_skia::Path> {
        let mut pen = Pen { builder: PathBuilder::new(), x: 0.0, y: 0.0 };
        for glyph in &block.laid.glyphs {
            let Some(Some(outlines)) = self.faces.get(glyph.face) else { continue };
            let Some(outline) = outlines.get(GlyphId::new(u32::from(glyph.id))) else { continue };
            pen.x = block.x + glyph.x;
            pen.y = block.y + glyph.y;
            let settings = DrawSettings::unhinted(Size::new(glyph.size), LocationRef::default());
            // A glyph whose outline cannot be read is left out rather than failing the card.
            let _ = outline.draw(settings, &mut pen);
        }
        pen.builder.finish()
    }
}

/// Receives a glyph's outline in font space (y up, origin on the pen) and adds it to the block's
/// path in page space.
struct Pen {
    builder: PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.builder.move_to(self.x + x, self.y - y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.builder.line_to(self.x + x, self.y - y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.builder.quad_to(self.x + cx0, self.y - cy0, self.x + x, self.y - y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.builder.cubic_to(self.x + cx0, self.y - cy0, self.x + cx1, self.y - cy1, self.x + x, self.y - y);
    }

    fn close(&mut self) {
        self.builder.close();
    }
}

/// The picture as an 8-bit RGB PNG (the page is opaque: no alpha channel to send).
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, RenderError> {
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|px| [px[0], px[1], px[2]]).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().map_err(|e| RenderError::Png(e.to_string()))?;
    writer.write_image_data(&rgb).map_err(|e| RenderError::Png(e.to_string()))?;
    writer.finish().map_err(|e| RenderError::Png(e.to_string()))?;
    Ok(out)
}
