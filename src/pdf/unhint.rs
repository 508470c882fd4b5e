//! Drops the TrueType hinting from an embedded font subset. Hints (glyph
//! programs and the `fpgm`, `prep` and `cvt ` tables) fit outlines to a
//! screen's pixel grid at small sizes; a printer, and the PDF viewers of
//! Windows, macOS and the browsers, draw the outlines unhinted. In BIZ UD they
//! are a fifth of the glyph data: about 24 KB of a 130 KB plan, and as much of
//! the time spent compressing it. subsetter keeps them; skera (fontations) can
//! drop them but brings three more font crates and much more work per export.
//!
//! Outlines are copied byte for byte; anything unexpected returns `None` and
//! the font is embedded as it came.

/// Tables that only serve the hints.
const HINT_TABLES: [&[u8; 4]; 3] = [b"fpgm", b"prep", b"cvt "];

/// The font without hints, or `None` if it is not a TrueType font this
/// understands.
pub fn unhint(font: &[u8]) -> Option<Vec<u8>> {
    let tables = directory(font)?;
    let find = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).map(|t| t.data);
    let head = find(b"head")?;
    let long_loca = i16::from_be_bytes(head.get(50..52)?.try_into().ok()?) == 1;
    let (glyf, loca) = strip_glyphs(find(b"glyf")?, find(b"loca")?, long_loca)?;
    let (mut glyf, mut loca) = (Some(glyf), Some(loca));

    let mut kept: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for table in &tables {
        if HINT_TABLES.contains(&&table.tag) {
            continue;
        }
        let data = match &table.tag {
            b"glyf" => glyf.take()?,
            b"loca" => loca.take()?,
            b"maxp" => {
                let mut maxp = table.data.to_vec();
                // maxSizeOfInstructions, in a version 1.0 table.
                if let Some(size) = maxp.get_mut(26..28) {
                    size.copy_from_slice(&[0, 0]);
                }
                maxp
            }
            b"head" => {
                let mut head = table.data.to_vec();
                // checkSumAdjustment is set once the whole file is written.
                head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
                head
            }
            _ => table.data.to_vec(),
        };
        kept.push((table.tag, data));
    }
    Some(write(font.get(0..4)?, &kept))
}

struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The table directory of a TrueType (not CFF, not a collection) font.
fn directory(font: &[u8]) -> Option<Vec<Table<'_>>> {
    if u32_at(font, 0)? != 0x0001_0000 {
        return None;
    }
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|n| {
            let record = 12 + 16 * n;
            let tag = font.get(record..record + 4)?.try_into().ok()?;
            let offset = usize::try_from(u32_at(font, record + 8)?).ok()?;
            let length = usize::try_from(u32_at(font, record + 12)?).ok()?;
            Some(Table {
                tag,
                data: font.get(offset..offset.checked_add(length)?)?,
            })
        })
        .collect()
}

/// `glyf` and `loca` with every glyph's instructions removed.
fn strip_glyphs(glyf: &[u8], loca: &[u8], long: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    let offsets: Vec<usize> = if long {
        loca.chunks_exact(4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .collect()
    } else {
        loca.chunks_exact(2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])) * 2)
            .collect()
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_offsets = Vec::with_capacity(offsets.len());
    new_offsets.push(0);
    for pair in offsets.windows(2) {
        let glyph = glyf.get(pair[0]..pair[1])?;
        if !glyph.is_empty() {
            strip_glyph(glyph, &mut new_glyf)?;
            // Short offsets count words; long ones are kept 4-aligned.
            let align = if long { 4 } else { 2 };
            while new_glyf.len() % align != 0 {
                new_glyf.push(0);
            }
        }
        new_offsets.push(new_glyf.len());
    }
    let mut new_loca = Vec::with_capacity(loca.len());
    for offset in new_offsets {
        if long {
            new_loca.extend(u32::try_from(offset).ok()?.to_be_bytes());
        } else {
            new_loca.extend(u16::try_from(offset / 2).ok()?.to_be_bytes());
        }
    }
    Some((new_glyf, new_loca))
}

/// One glyph without its instructions, appended to `out`.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = i16::from_be_bytes(glyph.get(0..2)?.try_into().ok()?);
    if contours >= 0 {
        // Header, end points, then instructionLength, instructions, outline.
        let ends = 10 + 2 * usize::try_from(contours).ok()?;
        let length = usize::from(u16_at(glyph, ends)?);
        let outline = glyph.get(ends + 2 + length..)?;
        out.extend_from_slice(glyph.get(..ends)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(outline);
        return Some(());
    }
    // A composite: components, then instructions if a component says so.
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let start = out.len();
    let mut at = 10;
    let mut flag_places = Vec::new();
    let mut has_instructions = false;
    loop {
        let flags = u16_at(glyph, at)?;
        flag_places.push(start + at);
        has_instructions |= flags & INSTRUCTIONS != 0;
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            break;
        }
    }
    out.extend_from_slice(glyph.get(..at)?);
    if has_instructions {
        for place in flag_places {
            out[place] &= !((INSTRUCTIONS >> 8) as u8);
        }
    }
    Some(())
}

/// A font file from its tables, with the directory and checksums a font needs.
fn write(version: &[u8], tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let size = 12
        + tables
            .iter()
            .map(|(_, d)| 16 + d.len().div_ceil(4) * 4)
            .sum::<usize>();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(version);
    out.extend(count.to_be_bytes());
    out.extend(search_range.to_be_bytes());
    out.extend(entry_selector.to_be_bytes());
    out.extend((count * 16).saturating_sub(search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The sum of a table's big-endian 32-bit words (zero-padded).
fn checksum(data: &[u8]) -> u32 {
    let words = data.chunks_exact(4);
    let mut last = [0; 4];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    words
        .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
        .fold(u32::from_be_bytes(last), u32::wrapping_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Face;

    /// Every outline command of a glyph, as ttf-parser reads it.
    #[derive(Default)]
    struct Path(Vec<(char, i32, i32)>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', x as i32, y as i32));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', x as i32, y as i32));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(('Q', x1 as i32, y1 as i32));
            self.0.push(('q', x as i32, y as i32));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(('C', x1 as i32, y1 as i32));
            self.0.push(('c', x2 as i32, y2 as i32));
            self.0.push(('x', x as i32, y as i32));
        }
        fn close(&mut self) {
            self.0.push(('Z', 0, 0));
        }
    }

    fn outlines(font: &[u8]) -> Vec<Vec<(char, i32, i32)>> {
        let face = ttf_parser::Face::parse(font, 0).expect("parses");
        (0..face.number_of_glyphs())
            .map(|g| {
                let mut path = Path::default();
                face.outline_glyph(ttf_parser::GlyphId(g), &mut path);
                path.0
            })
            .collect()
    }

    #[test]
    fn the_outlines_stay_and_the_hints_go() {
        for face in [Face::Mincho, Face::Gothic] {
            let full = ttf_parser::Face::parse(face.bytes(), 0).expect("parses");
            // Kana, kanji, Latin, digits, brackets; and composites if the font has them.
            let mut remapper = subsetter::GlyphRemapper::new();
            for c in "あア漢字鶴見区Ab9（）「」、。①※".chars() {
                if let Some(g) = full.glyph_index(c) {
                    remapper.remap(g.0);
                }
            }
            for g in 1..full.number_of_glyphs().min(3000) {
                remapper.remap(g);
            }
            let subset = subsetter::subset(face.bytes(), 0, &remapper).expect("subset");
            let stripped = unhint(&subset).expect("a TrueType font");
            assert!(
                stripped.len() < subset.len() * 9 / 10,
                "{} -> {}",
                subset.len(),
                stripped.len()
            );
            let tables = directory(&stripped).expect("a directory");
            assert!(tables.iter().all(|t| !HINT_TABLES.contains(&&t.tag)));
            let before = outlines(&subset);
            let after = outlines(&stripped);
            assert_eq!(before.len(), after.len());
            assert!(before.iter().filter(|p| !p.is_empty()).count() > 1000);
            assert!(before == after, "every outline is the same");
            // The whole file sums to the magic number, as a font's checksum should.
            assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
        }
    }

    #[test]
    fn a_composite_keeps_its_components_and_loses_its_program() {
        // BIZ UD has no composite glyphs; other fonts do.
        let mut glyph = vec![0xFF, 0xFF, 0, 1, 0, 2, 0, 3, 0, 4];
        let first = [0x00, 0x29, 0, 7, 0, 10, 0, 20, 0x40, 0]; // words, scale, more
        let second = [0x01, 0x40, 0, 8, 5, 6, 0x40, 0, 0x40, 0]; // instructions, x/y scale
        glyph.extend(first);
        glyph.extend(second);
        glyph.extend([0, 3, 0xB0, 0x01, 0x2F]);
        let mut out = Vec::new();
        strip_glyph(&glyph, &mut out).expect("a composite");
        let mut expected = glyph[..10].to_vec();
        expected.extend(first);
        expected.extend([0x00, 0x40]);
        expected.extend(&second[2..]);
        assert_eq!(out, expected);
        // A simple glyph: one contour, two bytes of program, one point.
        let simple = [0, 1, 0, 0, 0, 0, 0, 9, 0, 9, 0, 0, 0, 2, 0xB0, 0x01, 0x37];
        let mut out = Vec::new();
        strip_glyph(&simple, &mut out).expect("a simple glyph");
        assert_eq!(out, [0, 1, 0, 0, 0, 0, 0, 9, 0, 9, 0, 0, 0, 0, 0x37]);
        // Cut short: refused, not guessed.
        assert!(strip_glyph(&simple[..13], &mut Vec::new()).is_none());
    }

    #[test]
    fn what_is_not_truetype_is_left_alone() {
        assert!(unhint(b"OTTO\0\0").is_none());
        assert!(unhint(&[]).is_none());
        assert!(unhint(&[0, 1, 0, 0, 0, 9]).is_none());
    }
}
