//! A laid-out page as a PDF content stream: rules as strokes, then every text
//! run in one text object, the runs of each block one marked content (a
//! structure tag's MCID, or page furniture as `/Artifact`), its glyphs shown with `TJ` and the
//! layout's per-character spacing as TJ offsets.

use std::io::Write as _;

use super::font::{self, Fonts};
use crate::fonts::Face;
use crate::typeset::page::{Item, Page, Role, Tag};

/// The content stream of `page` and, in MCID order, the tags of its marked content.
pub fn page_content(page: &Page, fonts: &mut Fonts) -> (Vec<u8>, Vec<Tag>) {
    let height = page.size.1;
    let mut out = Vec::new();
    let mut marks = Vec::new();
    for item in &page.items {
        if let Item::Rule { from, to, width } = item {
            num(&mut out, *width);
            out.extend_from_slice(b" w ");
            point(&mut out, *from, height);
            out.extend_from_slice(b" m ");
            point(&mut out, *to, height);
            out.extend_from_slice(b" l S\n");
        }
    }
    out.extend_from_slice(b"BT\n");
    let mut current: Option<(Face, f32)> = None;
    let mut glyphs = Vec::new();
    let mut open: Option<Tag> = None;
    for item in &page.items {
        let Item::Text {
            x,
            y,
            text,
            face,
            size,
            adjust,
            tag,
            ..
        } = item
        else {
            continue;
        };
        // The lines of one block on a page are one marked content.
        if open != Some(*tag) {
            if open.is_some() {
                out.extend_from_slice(b"EMC\n");
            }
            if tag.role == Role::Artifact {
                out.extend_from_slice(b"/Artifact BMC\n");
            } else {
                let _ = writeln!(
                    out,
                    "/{} <</MCID {}>> BDC",
                    super::tags::role_name(tag.role),
                    marks.len()
                );
                marks.push(*tag);
            }
            open = Some(*tag);
        }
        if current != Some((*face, *size)) {
            let _ = write!(out, "/{} ", font::resource_name(*face));
            num(&mut out, *size);
            out.extend_from_slice(b" Tf\n");
            current = Some((*face, *size));
        }
        out.extend_from_slice(b"1 0 0 1 ");
        point(&mut out, (*x, *y), height);
        out.extend_from_slice(b" Tm\n");
        glyphs.clear();
        fonts.glyphs(*face, text, &mut glyphs);
        show(&mut out, &glyphs, adjust, *size);
    }
    if open.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    out.extend_from_slice(b"ET\n");
    (out, marks)
}

/// `[<glyphs> offset <glyphs> …] TJ`: glyphs in one string until a character
/// has space after it (`adjust`, pt at `size`), which becomes a TJ offset in
/// thousandths of an em.
fn show(out: &mut Vec<u8>, glyphs: &[u16], adjust: &[f32], size: f32) {
    out.extend_from_slice(b"[<");
    for (n, gid) in glyphs.iter().enumerate() {
        for shift in [12, 8, 4, 0] {
            out.push(b"0123456789ABCDEF"[usize::from((gid >> shift) & 0xf)]);
        }
        let space = adjust.get(n).copied().unwrap_or(0.0);
        let offset = -space * 1000.0 / size;
        if n + 1 < glyphs.len() && offset.abs() >= 0.0005 && offset.is_finite() {
            out.push(b'>');
            num(out, offset);
            out.push(b'<');
        }
    }
    out.extend_from_slice(b">] TJ\n");
}

/// `x y` in PDF space (origin bottom-left) from top-left page coordinates.
fn point(out: &mut Vec<u8>, (x, y): (f32, f32), height: f32) {
    num(out, x);
    out.push(b' ');
    num(out, height - y);
}

/// A number to a thousandth, without trailing zeros: 10.5, 595.276, -12.
fn num(out: &mut Vec<u8>, v: f32) {
    let milli = (f64::from(v) * 1000.0).round();
    let milli = if milli.is_finite() { milli as i64 } else { 0 };
    if milli < 0 {
        out.push(b'-');
    }
    let m = milli.unsigned_abs();
    digits(out, m / 1000, 1);
    let mut frac = m % 1000;
    if frac != 0 {
        out.push(b'.');
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        digits(out, frac, width);
    }
}

/// `n` in decimal, zero-padded to `width` (pages hold thousands of numbers:
/// this is cheaper than `write!`).
fn digits(out: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut at = buf.len();
    while n > 0 || buf.len() - at < width {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&buf[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f32) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(written(10.5), "10.5");
        assert_eq!(written(595.2756), "595.276");
        assert_eq!(written(-12.0), "-12");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(-0.0001), "0");
        assert_eq!(written(f32::NAN), "0");
        assert_eq!(written(0.0), "0");
        assert_eq!(written(1234.007), "1234.007");
    }
}
