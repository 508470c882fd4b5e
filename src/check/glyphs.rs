//! Characters the printed PDF cannot show: those the bundled fonts lack, a
//! variant selector they do not know, a tab.

use rustc_hash::FxHashMap;

use super::*;

/// Characters the printing fonts lack, with where they are: each would print as a
/// box, so the check and the export report them instead of printing them silently.
/// Tabs (printed as a full-width space) and variation sequences the fonts do
/// not have (printed as the plain character) are reported too. Positions count
/// the characters as printed, so an invisible selector does not shift them.
pub fn missing_glyphs(plan: &Plan, fonts: &dyn Measure) -> Vec<Warning> {
    let faces = [Face::Mincho, Face::Gothic];
    let has_glyph = |c| faces.iter().all(|f| fonts.has_glyph(*f, c));
    let has_variant = |c, s| faces.iter().all(|f| fonts.has_variant(*f, c, s));
    // A plan uses a few hundred distinct characters: look each up once.
    let mut printable: FxHashMap<char, bool> = FxHashMap::default();
    let mut out = Vec::new();
    for field in walk::fields(plan) {
        let Some(text) = field.value.text() else {
            continue;
        };
        if field.is_setting() {
            continue; // never printed
        }
        let mut seen = Vec::new();
        let mut position = 0;
        let mut previous = ' ';
        for c in text.chars() {
            let visible = !is_invisible(c);
            if visible {
                position += 1;
            }
            let message = if c == '\t' {
                format!(
                    "{}の{position}文字目にタブ文字があります。印刷では全角の空白1つになります。",
                    field.name
                )
            } else if is_selector(c) && !has_variant(previous, c) {
                format!(
                    "{}の{position}文字目の「{previous}」の異体字の指定（U+{:04X}）は印刷用フォントになく、通常の字形で印刷されます。",
                    field.name, c as u32
                )
            } else if c.is_control()
                || !visible
                || *printable.entry(c).or_insert_with(|| has_glyph(c))
            {
                previous = c;
                continue;
            } else {
                format!(
                    "{}の{position}文字目の「{c}」(U+{:04X}) は印刷用フォントにありません。別の字に置き換えてください。",
                    field.name, c as u32
                )
            };
            // One warning per character in a field; a selector's names the
            // character it follows too.
            let key = if is_selector(c) {
                (previous, c)
            } else {
                (c, c)
            };
            previous = c;
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.push(Warning {
                at: field.at,
                field: field.field,
                message,
                kind: Kind::Glyph,
                span: None,
            });
        }
    }
    out
}

/// Whether both printing fonts have a glyph for `c` (the bundled metrics, read
/// once for the whole program).
pub fn printable(c: char) -> bool {
    bundled().is_none_or(|m| m.has_glyph(Face::Mincho, c) && m.has_glyph(Face::Gothic, c))
}

/// The bundled fonts' metrics, read once for the whole program.
pub(super) fn bundled() -> Option<&'static FontMetrics> {
    static METRICS: std::sync::OnceLock<Option<FontMetrics>> = std::sync::OnceLock::new();
    METRICS.get_or_init(|| FontMetrics::bundled().ok()).as_ref()
}
