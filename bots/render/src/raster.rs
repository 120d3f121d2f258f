//! The scene drawn with tiny-skia, glyph outlines read with skrifa, encoded as a PNG.

use std::collections::HashMap;

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
    let mut pixmap = Pixmap::new(scene.width, scene.height).ok_or(RenderError::Canvas {
        width: scene.width,
        height: scene.height,
    })?;
    let Rgb(r, g, b) = scene.background;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let mut outlines = Outlines::new();
    for item in &scene.items {
        match item {
            Item::Fill { path, color } => {
                pixmap.fill_path(path, &paint(*color), FillRule::Winding, Transform::identity(), None);
            }
            Item::Stroke { path, color, width } => {
                let stroke = Stroke {
                    width: *width,
                    ..Stroke::default()
                };
                pixmap.stroke_path(path, &paint(*color), &stroke, Transform::identity(), None);
            }
            Item::Text(block) => {
                if let Some(path) = outlines.block(block) {
                    pixmap.fill_path(
                        &path,
                        &paint(block.color),
                        FillRule::Winding,
                        Transform::identity(),
                        None,
                    );
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
pub(crate) struct Outlines {
    faces: Vec<Option<OutlineGlyphCollection<'static>>>,
}

impl Outlines {
    pub(crate) fn new() -> Self {
        let faces = FACES
            .iter()
            .map(|face| skrifa::FontRef::new(face.data).ok().map(|font| font.outline_glyphs()))
            .collect();
        Self { faces }
    }

    /// The outlines of a whole text block as one path: overlapping glyphs (joined Arabic letters)
    /// are filled once, without darker seams where they overlap.
    pub(crate) fn block(&mut self, block: &TextBlock) -> Option<tiny_skia::Path> {
        let mut pen = Pen {
            builder: PathBuilder::new(),
            x: 0.0,
            y: 0.0,
        };
        for glyph in &block.laid.glyphs {
            let Some(Some(outlines)) = self.faces.get(glyph.face) else {
                continue;
            };
            let Some(outline) = outlines.get(GlyphId::new(u32::from(glyph.id))) else {
                continue;
            };
            pen.x = block.x + glyph.x + glyph.dx;
            pen.y = block.y + glyph.y - glyph.dy;
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
        self.builder.cubic_to(
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y,
        );
    }

    fn close(&mut self) {
        self.builder.close();
    }
}

/// The picture as a PNG. The card is drawn in a few flat colours, so the anti-aliased edges
/// between them make only a hundred or two distinct colours: they fit an exact palette of at most
/// 256 entries, one byte a pixel before compression, about half the size of 8-bit RGB. Should a
/// card ever need more colours, it is written as RGB, still without loss.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    // The page is opaque, so premultiplied RGBA is plain RGB with alpha 255.
    let pixels = || pixmap.data().chunks_exact(4).map(|px| [px[0], px[1], px[2]]);
    let mut palette: Vec<[u8; 3]> = Vec::with_capacity(256);
    let mut index_of: HashMap<[u8; 3], u8> = HashMap::with_capacity(256);
    let mut indexed = Vec::with_capacity((width * height) as usize);
    // Most pixels repeat the one before them (flat colours): look those up without hashing.
    let mut last: Option<([u8; 3], u8)> = None;
    for px in pixels() {
        if let Some((color, index)) = last
            && color == px
        {
            indexed.push(index);
            continue;
        }
        let index = match index_of.get(&px) {
            Some(index) => *index,
            None => {
                let Ok(index) = u8::try_from(palette.len()) else { break };
                palette.push(px);
                index_of.insert(px, index);
                index
            }
        };
        last = Some((px, index));
        indexed.push(index);
    }
    let exact = indexed.len() == (width * height) as usize;

    let failed = |e: png::EncodingError| RenderError::Png(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    // Measured on the sample cards: palette indices compress best unfiltered (29 KB against
    // 36 KB with adaptive filters), and `High` saves 1 KB over `Balanced` for 10 ms more.
    encoder.set_compression(png::Compression::Balanced);
    encoder.set_filter(if exact {
        png::Filter::NoFilter
    } else {
        png::Filter::Adaptive
    });
    if exact {
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_palette(palette.concat());
    } else {
        encoder.set_color(png::ColorType::Rgb);
    }
    let mut writer = encoder.write_header().map_err(failed)?;
    if exact {
        writer.write_image_data(&indexed).map_err(failed)?;
    } else {
        let rgb: Vec<u8> = pixels().flatten().collect();
        writer.write_image_data(&rgb).map_err(failed)?;
    }
    writer.finish().map_err(failed)?;
    Ok(out)
}
