//! Line-breaking rules, tested on lines as strings.
use super::classes::{IDEOGRAPHIC_SYMBOLS, NO_SPLIT_PAIRS, is_plain};
use super::*;
use crate::typeset::metrics::FixedMetrics;

/// Sets `text` `n` ems wide in 10pt type with fixed metrics: CJK 1em, ASCII ½em.
fn set(text: &str, n: f32) -> Vec<Line> {
    set_as(text, n, false)
}

/// [`set`] as body text (justified), or as display text (between phrases).
fn set_as(text: &str, n: f32, phrases: bool) -> Vec<Line> {
    let setting = Setting {
        face: Face::Mincho,
        size: 10.0,
        first_width: n * 10.0,
        width: n * 10.0,
        justify: !phrases,
        phrases,
    };
    break_lines(text, &setting, &FixedMetrics)
}

/// The lines' texts of [`set`].
fn lines(text: &str, n: f32) -> Vec<String> {
    set(text, n).into_iter().map(|l| l.text).collect()
}

#[test]
fn fills_lines_greedily() {
    assert_eq!(
        lines("あいうえおかきくけこ", 4.0),
        ["あいうえ", "おかきく", "けこ"]
    );
    assert_eq!(lines("", 4.0), Vec::<String>::new());
}

#[test]
fn prohibited_line_starts_at_every_position() {
    for c in NO_LINE_START.chars() {
        for pos in 1..8 {
            let mut text: Vec<char> = "あいうえおかきくけこさしすせそ".chars().collect();
            text.insert(pos, c);
            let text: String = text.into_iter().collect();
            for width in 3..7 {
                let ls = lines(&text, width as f32);
                for (k, l) in ls.iter().enumerate().skip(1) {
                    assert!(
                        !l.starts_with(c),
                        "{c:?} starts line {k} of {ls:?} (width {width})"
                    );
                }
                assert_eq!(ls.concat(), text.replace(' ', ""));
            }
        }
    }
}

#[test]
fn prohibited_line_ends_at_every_position() {
    for c in NO_LINE_END.chars() {
        for pos in 0..8 {
            let mut text: Vec<char> = "あいうえおかきくけこさしすせそ".chars().collect();
            text.insert(pos, c);
            let text: String = text.into_iter().collect();
            for width in 3..7 {
                let ls = lines(&text, width as f32);
                for l in &ls[..ls.len() - 1] {
                    assert!(
                        !l.ends_with(c),
                        "{c:?} ends a line of {ls:?} (width {width})"
                    );
                }
                assert_eq!(ls.concat(), text);
            }
        }
    }
}

#[test]
fn full_stops_hang_instead_of_pushing_down() {
    // 4 ems wide: "あいうえ。" hangs the 。 rather than moving え down.
    let setting = Setting {
        face: Face::Mincho,
        size: 10.0,
        first_width: 40.0,
        width: 40.0,
        justify: true,
        phrases: false,
    };
    let ls = break_lines("あいうえ。かきくけ、こ", &setting, &FixedMetrics);
    assert_eq!(ls[0].text, "あいうえ。");
    assert!(ls[0].hanging);
    assert_eq!(ls[1].text, "かきくけ、");
    assert!(ls[1].hanging);
    assert_eq!(ls[2].text, "こ");
}

#[test]
fn only_the_four_marks_hang() {
    // ！ may not start a line, and may not hang: え is pushed down with it.
    assert_eq!(lines("あいうえ！かき", 4.0), ["あいう", "え！かき"]);
    // 」 after 。: 。 cannot hang because 」 would then start the next line; set
    // close together (。」 touch, 」's blank half given up), かき still fit.
    assert_eq!(lines("あいうえ。」かき", 4.0), ["あいう", "え。」かき"]);
    assert_eq!(
        lines("あいうえ。」かきく", 4.0),
        ["あいう", "え。」かき", "く"]
    );
}

#[test]
fn numbers_stay_with_units() {
    for (text, keep) in [
        ("ああああ予算額28,523千円です", "28,523千円"),
        ("あああ令和4年度の方針です", "令和4年度"),
        ("ああああああ10%以上をめざす", "10%以上"),
        ("あああああ¥500です", "¥500"),
        ("ああああ第12回の会議", "第12回"),
    ] {
        for width in 5..12 {
            let ls = lines(text, width as f32);
            assert!(
                ls.iter().any(|l| l.contains(keep)),
                "{keep} split in {ls:?} (width {width})"
            );
        }
    }
}

#[test]
fn ellipses_dashes_and_latin_words_are_not_split() {
    for width in 4..8 {
        let ls = lines("あいう……えお——かきSDGsくけ", width as f32);
        assert!(
            ls.iter().all(|l| !l.ends_with('…') || l.ends_with("……")),
            "{ls:?}"
        );
        assert!(ls.iter().any(|l| l.contains("——")), "{ls:?}");
        assert!(ls.iter().any(|l| l.contains("SDGs")), "{ls:?}");
    }
}

#[test]
fn quotes_behave_as_brackets() {
    let ls = lines("あいう“えお”かきくけ", 3.0);
    for l in &ls {
        assert!(!l.ends_with('“') && !l.starts_with('”'), "{ls:?}");
    }
    // UAX #14 alone would glue ” to か; Japanese allows the break after it.
    assert_eq!(lines("あ“い”かきく", 3.5), ["あ“い”", "かきく"]);
}

#[test]
fn symbols_break_like_ideographs() {
    assert_eq!(lines("※※※※○○○○", 4.0), ["※※※※", "○○○○"]);
    assert_eq!(lines("①②③④⑤⑥", 3.0), ["①②③", "④⑤⑥"]);
}

#[test]
fn a_word_longer_than_the_line_is_cut() {
    let setting = Setting {
        face: Face::Mincho,
        size: 10.0,
        first_width: 20.0,
        width: 20.0,
        justify: true,
        phrases: false,
    };
    let ls = break_lines("abcdefghij", &setting, &FixedMetrics);
    assert!(ls.iter().all(|l| l.width <= 20.0 + EPS));
    assert!(ls[0].forced);
    assert_eq!(
        ls.iter().map(|l| l.text.as_str()).collect::<String>(),
        "abcdefghij"
    );
}

#[test]
fn justified_lines_fill_the_measure() {
    let setting = Setting {
        face: Face::Mincho,
        size: 10.0,
        first_width: 45.0,
        width: 45.0,
        justify: true,
        phrases: false,
    };
    let ls = break_lines("あいうえおかきくけこ", &setting, &FixedMetrics);
    // 4 chars of 10pt in 45pt: 5pt over 3 gaps, none after the last.
    let gaps = &ls[0].adjust;
    assert!(
        gaps[..3].iter().all(|g| (g - 5.0 / 3.0).abs() < 1e-4),
        "{gaps:?}"
    );
    assert_eq!(gaps[3], 0.0);
    assert!((ls[0].width - 45.0).abs() < 1e-3);
    assert!(
        ls.last()
            .is_some_and(|l| l.adjust.iter().all(|g| *g == 0.0))
    );
}

#[test]
fn number_spans_cover_prefix_and_unit() {
    let chars: Vec<char> = "令和4年度は28,523千円".chars().collect();
    let spans: Vec<String> = number_spans(&chars)
        .into_iter()
        .map(|(s, e)| chars[s..e].iter().collect())
        .collect();
    assert_eq!(spans, ["令和4年度", "28,523千円"]);
}

#[test]
fn consecutive_punctuation_is_set_half_width() {
    // 」、「: 」 and 、 touch, half an em before 「: three marks in two ems.
    let ls = set("あ」、「い", 20.0);
    assert_eq!(ls[0].adjust[..4], [0.0, -5.0, -5.0, 0.0]);
    assert!((ls[0].width - 40.0).abs() < 1e-3);
    // 。」 touch; 「「 touch.
    assert_eq!(set("あ。」い", 20.0)[0].adjust[1], -5.0);
    assert_eq!(set("「「あ", 20.0)[0].adjust[0], -5.0);
}

#[test]
fn a_line_starting_with_an_opening_bracket_sets_it_at_the_edge() {
    let ls = set("あいうえ「かきく」けこ", 4.0);
    assert_eq!(ls[1].text.chars().next(), Some('「'));
    assert_eq!(ls[1].lead, -5.0);
    assert_eq!(ls[0].lead, 0.0);
    // The closing mark at a line's end gives up its blank half.
    let ls = set("あいう」えお", 3.5);
    assert_eq!(ls[0].text, "あいう」");
    assert_eq!(ls[0].adjust[3], -5.0);
}

#[test]
fn punctuation_closes_up_before_a_character_moves_down() {
    // Five ems of text with two blank halves in four and a half ems: it fits.
    let ls = set("あ「い」う", 4.5);
    assert_eq!(ls.len(), 1, "{ls:?}");
    assert!(ls[0].width <= 45.0 + 1e-3);
}

#[test]
fn a_fullwidth_tilde_never_starts_a_line() {
    for width in 2..10 {
        for l in lines("期間はR3～R5と10～12月です", width as f32) {
            assert!(!l.starts_with('～'), "{l} at {width}");
        }
    }
}

#[test]
fn latin_words_and_urls_are_never_letter_spaced() {
    let text = "詳しくはhttps://www.city.osaka.lg.jp/tsurumi/page/0000123.htmlをご覧ください。The Plan is here.";
    for width in [8.0, 12.0, 17.5, 23.0] {
        let ls = set(text, width);
        for l in &ls {
            let chars: Vec<char> = l.text.chars().collect();
            for k in 0..chars.len().saturating_sub(1) {
                if chars[k].is_ascii_graphic() && chars[k + 1].is_ascii_graphic() {
                    assert_eq!(l.adjust[k], 0.0, "{} spaced inside a word at {k}", l.text);
                }
            }
        }
        // The URL breaks only after / . ? & - and never inside ://.
        for pair in ls.windows(2) {
            let (a, b) = (&pair[0].text, &pair[1].text);
            if a.contains("http") && !a.contains("html") {
                let last = a.chars().last().unwrap_or(' ');
                assert!("/.?&-".contains(last), "{a} | {b}");
                assert!(!a.ends_with(":/"), "{a} | {b}");
            }
        }
    }
}

#[test]
fn a_url_starts_on_the_line_where_it_comes() {
    // The line before the URL is filled, not left short.
    let ls = set(
        "詳しくはhttps://www.city.osaka.lg.jp/tsurumi/をご覧ください",
        10.0,
    );
    assert!(ls[0].text.contains("https:"), "{ls:?}");
}

#[test]
fn no_character_class_holds_a_plain_character() {
    // `in_set` skips the scan for ideographs and ASCII letters and digits.
    for set in [
        NO_LINE_START,
        NO_LINE_END,
        HANGING,
        NO_SPLIT_PAIRS,
        IDEOGRAPHIC_SYMBOLS,
        OPENING,
        CLOSING,
    ] {
        for c in set.chars() {
            assert!(!is_plain(c), "{c} in {set}");
            assert!(in_set(set, c), "{c} in {set}");
        }
    }
}

/// The lines of `text` set `n` ems wide as display text (between phrases).
fn phrase_lines(text: &str, n: f32) -> Vec<String> {
    set_as(text, n, true).into_iter().map(|l| l.text).collect()
}

/// A heading or a cell breaks between phrases (the 概要版's 「…暮らせるま／ちづくり」
/// and 「子育／てを応援する」 were body breaks in display text), and a phrase
/// longer than the line still breaks inside, never past the measure.
#[test]
fn display_text_breaks_between_phrases() {
    let title = "だれもが地域で安心して暮らせるまちづくり";
    // As body text it fills each line, breaking 安心／して and まち／づくり.
    assert_eq!(
        lines(title, 9.0),
        ["だれもが地域で安心", "して暮らせるまちづ", "くり"]
    );
    assert_eq!(
        phrase_lines(title, 9.0),
        ["だれもが地域で", "安心して暮らせる", "まちづくり"]
    );
    assert_eq!(
        phrase_lines("子育てを応援するまちづくり", 6.0),
        ["子育てを", "応援する", "まちづくり"]
    );
    // One phrase wider than the line: cut inside, as body text is.
    let long = phrase_lines("児童虐待防止対策", 5.0);
    assert_eq!(long, ["児童虐待防", "止対策"]);
    // Latin words beside Japanese keep their own breaks: between words,
    // never inside one.
    assert_eq!(
        phrase_lines("NPO and school 連携", 8.0),
        ["NPO and school", "連携"]
    );
}
