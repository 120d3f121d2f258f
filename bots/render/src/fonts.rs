//! The embedded fonts, and the cosmic-text font system that knows only them.

use std::sync::Arc;

use cosmic_text::{Fallback, FontSystem, fontdb};
use skrifa::MetadataProvider;
use unicode_script::Script;

/// One embedded font file.
pub(crate) struct Face {
    /// The family name in the font, which [`EmbeddedFallback`] refers to.
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the tests"))]
    pub(crate) family: &'static str,
    pub(crate) data: &'static [u8],
}

pub(crate) const SERIF: &str = "Noto Serif";
pub(crate) const NASKH: &str = "Noto Naskh Arabic";
const TIFINAGH: &str = "Noto Sans Tifinagh";

/// Every font the card may use; a glyph names its face by an index in this list.
pub(crate) static FACES: [Face; 5] = [
    Face {
        family: SERIF,
        data: include_bytes!("../fonts/NotoSerif-Regular.ttf"),
    },
    Face {
        family: SERIF,
        data: include_bytes!("../fonts/NotoSerif-Bold.ttf"),
    },
    Face {
        family: NASKH,
        data: include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    },
    Face {
        family: NASKH,
        data: include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
    },
    Face {
        family: TIFINAGH,
        data: include_bytes!("../fonts/NotoSansTifinagh-Regular.ttf"),
    },
];

/// Which embedded font cosmic-text falls back to, by script. Without this it would look for the
/// families of a Linux desktop ("Noto Sans Arabic", "DejaVu Sans"), which are not in our database.
struct EmbeddedFallback;

impl Fallback for EmbeddedFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[SERIF, NASKH, TIFINAGH]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        match script {
            Script::Arabic => &[NASKH],
            Script::Tifinagh => &[TIFINAGH],
            _ => &[SERIF],
        }
    }
}

/// A font system over the embedded faces only, with the table from its font ids to [`FACES`].
pub(crate) struct Fonts {
    pub(crate) system: FontSystem,
    ids: Vec<(fontdb::ID, usize)>,
}

impl Fonts {
    pub(crate) fn new() -> Self {
        let mut db = fontdb::Database::new();
        let mut ids = Vec::with_capacity(FACES.len());
        for (index, face) in FACES.iter().enumerate() {
            let source = fontdb::Source::Binary(Arc::new(face.data));
            for id in db.load_font_source(source) {
                ids.push((id, index));
            }
        }
        db.set_serif_family(SERIF);
        db.set_sans_serif_family(SERIF);
        // The locale only chooses among CJK fonts, which we do not have.
        let system = FontSystem::new_with_locale_and_db_and_fallback("fr".to_owned(), db, EmbeddedFallback);
        Self { system, ids }
    }

    /// The index in [`FACES`] of a font id that cosmic-text chose.
    pub(crate) fn face_of(&self, id: fontdb::ID) -> Option<usize> {
        self.ids.iter().find(|(known, _)| *known == id).map(|(_, index)| *index)
    }
}

/// The charmaps of the embedded faces, to tell which characters the card can draw at all.
pub(crate) struct Coverage {
    charmaps: Vec<skrifa::charmap::Charmap<'static>>,
}

impl Coverage {
    pub(crate) fn new() -> Self {
        let charmaps = FACES
            .iter()
            .filter_map(|face| skrifa::FontRef::new(face.data).ok())
            .map(|font| font.charmap())
            .collect();
        Self { charmaps }
    }

    pub(crate) fn covers(&self, c: char) -> bool {
        self.charmaps.iter().any(|charmap| charmap.map(c).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_face_is_loaded_under_the_family_the_fallback_names() {
        let fonts = Fonts::new();
        assert_eq!(fonts.ids.len(), FACES.len());
        for (id, index) in &fonts.ids {
            let face = fonts.system.db().face(*id).expect("a loaded face");
            assert!(
                face.families.iter().any(|(name, _)| name == FACES[*index].family),
                "{:?}",
                face.families
            );
        }
    }
}
