//! Advance widths from the fonts' own tables, for line breaking.

use rustc_hash::FxHashMap;
use std::sync::Mutex;

use crate::fonts::Face;

/// Measures characters. Widths are in em, so a caller multiplies by the size.
pub trait Measure {
    /// The advance of `c` in `face`, in em; the .notdef advance when missing.
    fn advance(&self, face: Face, c: char) -> f32;
    /// Whether `face` has a glyph for `c`.
    fn has_glyph(&self, face: Face, c: char) -> bool;
    /// Whether `face` knows the variation sequence `c` + `selector` (葛󠄀).
    fn has_variant(&self, face: Face, c: char, selector: char) -> bool;
}

/// Metrics read from the bundled TrueType files with `ttf-parser`.
pub struct FontMetrics {
    mincho: ttf_parser::Face<'static>,
    gothic: ttf_parser::Face<'static>,
    /// Advances already looked up: a plan uses a few hundred distinct characters.
    cache: Mutex<FxHashMap<(Face, char), f32>>,
}

impl FontMetrics {
    /// Parses the bundled fonts' tables (cheap: the tables are read lazily).
    pub fn bundled() -> Result<Self, ttf_parser::FaceParsingError> {
        Ok(Self {
            mincho: ttf_parser::Face::parse(Face::Mincho.bytes(), 0)?,
            gothic: ttf_parser::Face::parse(Face::Gothic.bytes(), 0)?,
            cache: Mutex::new(FxHashMap::default()),
        })
    }

    fn face(&self, face: Face) -> &ttf_parser::Face<'static> {
        match face {
            Face::Mincho => &self.mincho,
            Face::Gothic => &self.gothic,
        }
    }
}

impl Measure for FontMetrics {
    fn advance(&self, face: Face, c: char) -> f32 {
        if let Ok(cache) = self.cache.lock()
            && let Some(&w) = cache.get(&(face, c))
        {
            return w;
        }
        let f = self.face(face);
        let gid = f.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let w = f32::from(f.glyph_hor_advance(gid).unwrap_or(0)) / f32::from(f.units_per_em());
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert((face, c), w);
        }
        w
    }

    fn has_glyph(&self, face: Face, c: char) -> bool {
        self.face(face).glyph_index(c).is_some()
    }

    fn has_variant(&self, face: Face, c: char, selector: char) -> bool {
        self.face(face).glyph_variation_index(c, selector).is_some()
    }
}

/// Every character one em wide, Latin half: deterministic metrics for tests.
pub struct FixedMetrics;

impl Measure for FixedMetrics {
    fn advance(&self, _face: Face, c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }

    fn has_glyph(&self, _face: Face, _c: char) -> bool {
        true
    }

    fn has_variant(&self, _face: Face, _c: char, _selector: char) -> bool {
        false
    }
}
