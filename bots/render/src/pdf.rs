//! The scene written as an A4 landscape PDF with krilla: shapes as vector paths, text as the
//! glyphs cosmic-text shaped (krilla does no shaping or font fallback of its own here), in the
//! embedded fonts, which krilla subsets.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use tiny_skia::PathSegment;

use crate::RenderError;
use crate::fonts::FACES;
use crate::scene::{Glyph, Item, Rgb, Scene, TextBlock};

/// A4 landscape, in PDF points (1/72 inch): 297 × 210 mm.
const PAGE_WIDTH: f32 = 841.89;
const PAGE_HEIGHT: f32 = 595.28;

pub(crate) fn write(scene: &Scene) -> Result<Vec<u8>, RenderError> {
    write_pages(std::slice::from_ref(scene), PAGE_WIDTH, PAGE_HEIGHT, None)
}

/// Each scene on a page of `width` × `height` points, scaled to fill it; `about` is the
/// document's title and language (a BCP 47 code) for the reader's window and screen readers.
pub(crate) fn write_pages(
    scenes: &[Scene],
    width: f32,
    height: f32,
    about: Option<(&str, &str)>,
) -> Result<Vec<u8>, RenderError> {
    let fonts: Vec<Option<Font>> = FACES.iter().map(|face| Font::new(face.data.into(), 0)).collect();
    let mut document = Document::new();
    if let Some((title, language)) = about {
        document.set_metadata(Metadata::new().title(title.to_owned()).language(language.to_owned()));
    }
    for scene in scenes {
        draw_page(&mut document, scene, &fonts, width, height)?;
    }
    document.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

fn draw_page(
    document: &mut Document,
    scene: &Scene,
    fonts: &[Option<Font>],
    width: f32,
    height: f32,
) -> Result<(), RenderError> {
    let settings = PageSettings::from_wh(width, height).ok_or_else(|| RenderError::Pdf("page size".to_owned()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    // The scene's units are the PNG's pixels; the page keeps its proportions (both are √2).
    let scale = width / scene.width as f32;
    surface.push_transform(&Transform::from_scale(scale, scale));
    if let Some(background) = rect_path(0.0, 0.0, scene.width as f32, scene.height as f32) {
        fill(&mut surface, &background, scene.background);
    }
    for item in &scene.items {
        match item {
            Item::Fill { path, color } => {
                if let Some(path) = convert(path) {
                    fill(&mut surface, &path, *color);
                }
            }
            Item::Stroke { path, color, width } => {
                if let Some(path) = convert(path) {
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: colour(*color).into(),
                        width: *width,
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
            Item::Text(block) => text(&mut surface, block, fonts),
        }
    }
    surface.pop();
    surface.finish();
    page.finish();
    Ok(())
}

fn colour(Rgb(r, g, b): Rgb) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn fill(surface: &mut Surface<'_>, path: &Path, color: Rgb) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: colour(color).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    surface.draw_path(path);
}

/// A block's glyphs, row by row, in runs of one face and size whose pens follow each other,
/// so that krilla writes each run as one text object and a reader can copy the words.
fn text(surface: &mut Surface<'_>, block: &TextBlock, fonts: &[Option<Font>]) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: colour(block.color).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    let mut glyphs: Vec<&Glyph> = block.laid.glyphs.iter().collect();
    // Rows top to bottom, then left to right: the visual order krilla expects.
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut start = 0;
    while start < glyphs.len() {
        let first = glyphs[start];
        let mut end = start + 1;
        while end < glyphs.len() {
            let (previous, next) = (glyphs[end - 1], glyphs[end]);
            let follows = next.face == first.face
                && next.size == first.size
                && next.y == first.y
                && (next.x - (previous.x + previous.advance)).abs() < 0.01;
            if !follows {
                break;
            }
            end += 1;
        }
        if let Some(Some(font)) = fonts.get(first.face) {
            let size = first.size;
            let run: Vec<KrillaGlyph> = glyphs[start..end]
                .iter()
                .map(|glyph| KrillaGlyph {
                    glyph_id: GlyphId::new(u32::from(glyph.id)),
                    text_range: glyph.text.clone(),
                    x_advance: glyph.advance / size,
                    x_offset: glyph.dx / size,
                    y_offset: glyph.dy / size,
                    y_advance: 0.0,
                    location: None,
                })
                .collect();
            let origin = Point::from_xy(block.x + first.x, block.y + first.y);
            surface.draw_glyphs(origin, &run, font.clone(), &block.laid.text, size, false);
        }
        start = end;
    }
}

fn rect_path(x: f32, y: f32, width: f32, height: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(krilla::geom::Rect::from_xywh(x, y, width, height)?);
    builder.finish()
}

/// The same path for krilla, whose geometry types are its own.
fn convert(path: &tiny_skia::Path) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => builder.move_to(p.x, p.y),
            PathSegment::LineTo(p) => builder.line_to(p.x, p.y),
            PathSegment::QuadTo(c, p) => builder.quad_to(c.x, c.y, p.x, p.y),
            PathSegment::CubicTo(c1, c2, p) => builder.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
            PathSegment::Close => builder.close(),
        }
    }
    builder.finish()
}
