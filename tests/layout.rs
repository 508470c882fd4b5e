//! Layout rules hold on the sample and on any text: kinsoku, the measure, hanging
//! punctuation, nothing lost.

use proptest::prelude::*;
use ward_plan::blocks::{self, BULLET, Block, Medium};
use ward_plan::fonts::Face;
use ward_plan::io;
use ward_plan::typeset::linebreak::{HANGING, NO_LINE_END, NO_LINE_START, Setting, break_lines};
use ward_plan::typeset::metrics::{FontMetrics, Measure as _};
use ward_plan::typeset::page::{Item, Page, Role};
use ward_plan::typeset::{PageStyle, typeset};

mod common;

fn metrics() -> FontMetrics {
    FontMetrics::bundled().expect("bundled fonts parse")
}

#[test]
fn no_line_of_the_sample_breaks_a_rule() {
    let plan = io::parse(include_bytes!("../samples/tsurumi-r4.ron")).expect("sample");
    let style = PageStyle::default();
    let m = metrics();
    let pages = typeset(&plan, &style, &m);
    assert!(pages.len() >= 3);
    let right = style.left + style.measure;
    let mut checked = 0;
    for page in &pages {
        for item in &page.items {
            let Item::Text {
                x,
                y,
                text,
                face,
                size,
                adjust,
                ..
            } = item
            else {
                continue;
            };
            assert!(*y > 0.0 && *y < style.size.1, "{text} off the page");
            if text == BULLET {
                continue;
            }
            let first = text.chars().next().expect("no empty lines");
            let last = text.chars().last().expect("no empty lines");
            assert!(
                !NO_LINE_START.contains(first),
                "line starts with {first}: {text}"
            );
            assert!(!NO_LINE_END.contains(last), "line ends with {last}: {text}");
            // Where each character's box ends, with the space set after it (a
            // closing mark's blank half taken away at the line's end).
            let ends: Vec<f32> = text
                .chars()
                .enumerate()
                .scan(*x, |pen, (n, c)| {
                    *pen += m.advance(*face, c) * size + adjust.get(n).copied().unwrap_or(0.0);
                    Some(*pen)
                })
                .collect();
            let inside = if HANGING.contains(last) && ends.len() > 1 {
                ends[ends.len() - 2]
            } else {
                ends[ends.len() - 1]
            };
            assert!(
                inside <= right + 0.05,
                "{text} overruns by {}",
                inside - right
            );
            // An opening bracket's blank half may sit outside the margin (天付き).
            let blank = if "「『（【〔《〈".contains(first) {
                size / 2.0
            } else {
                0.0
            };
            assert!(
                *x + blank >= style.left - 0.05,
                "{text} starts left of the margin"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked} lines checked");
}

#[test]
fn headings_are_never_last_on_a_page() {
    // A long plan: the sample's issues many times over.
    let mut plan = io::parse(include_bytes!("../samples/tsurumi-r4.ron")).expect("sample");
    let issues = plan.issues.clone();
    for _ in 0..6 {
        plan.issues.extend(issues.iter().cloned().map(|mut i| {
            i.number = None;
            i
        }));
    }
    let style = PageStyle::default();
    let pages = typeset(&plan, &style, &metrics());
    assert!(pages.len() > 10);
    let headings: Vec<String> = blocks::blocks(&plan, Medium::Print)
        .into_iter()
        .filter_map(|b| match b {
            Block::Section(t)
            | Block::IssueHeading(t)
            | Block::Label(t)
            | Block::ItemHeading(t)
            | Block::FieldName(t) => Some(t),
            _ => None,
        })
        .collect();
    for (n, page) in pages.iter().enumerate() {
        let texts: Vec<&str> = page.lines().collect();
        // The last line before the footer does not end a heading or label.
        let last = texts[texts.len() - 2];
        assert!(
            !headings.iter().any(|h| h.ends_with(last)),
            "page {} ends with the heading {last}",
            n + 1
        );
        assert_eq!(texts[texts.len() - 1], format!("- {} -", n + 1));
    }
}

/// The 問合せ先 block (heading, office, address, phone, fax) is an address:
/// wherever the page ends, it is printed whole on one page.
#[test]
fn the_contact_block_is_never_cut_across_pages() {
    let style = PageStyle::default();
    let metrics = metrics();
    let mut cut_before = 0;
    for lines in 0..48 {
        let mut plan = ward_plan::sample();
        // Each added line moves the end of the text down by one line.
        plan.future_direction = (0..lines).map(|n| format!("追記{n}。\n")).collect();
        let pages = typeset(&plan, &style, &metrics);
        let on: Vec<(usize, &str)> = pages
            .iter()
            .enumerate()
            .flat_map(|(n, p)| {
                let texts: Vec<&str> = p.lines().collect();
                // The footer aside.
                texts[..texts.len() - 1]
                    .iter()
                    .map(move |t| (n, *t))
                    .collect::<Vec<_>>()
            })
            .collect();
        let start = on
            .iter()
            .rposition(|(_, t)| *t == "【問合せ先】")
            .expect("contact heading");
        let block = &on[start..];
        assert!(block.len() >= 4, "{block:?}");
        let page = block[0].0;
        assert!(
            block.iter().all(|(n, _)| *n == page),
            "{lines} lines added: {block:?}"
        );
        // How often a line of it would have ended a page: the block moved over whole.
        let previous = &on[start - 1];
        cut_before += usize::from(previous.0 != page);
    }
    assert!(cut_before > 0, "no run put the block at a page's top");
}

#[test]
fn a_table_continued_on_a_new_page_repeats_its_header() {
    let mut plan = ward_plan::sample();
    let issues = plan.issues.clone();
    plan.issues = (0..10).flat_map(|_| issues.iter().cloned()).collect();
    for issue in &mut plan.issues {
        issue.number = None;
    }
    let pages = typeset(&plan, &PageStyle::default(), &metrics());
    let with_rows: Vec<&ward_plan::typeset::page::Page> = pages
        .iter()
        .filter(|p| p.lines().any(|l| l.ends_with("小計")))
        .collect();
    assert!(with_rows.len() >= 2, "the budget table spans pages");
    for page in with_rows {
        assert!(
            page.lines().any(|l| l == "予算額(千円)"),
            "a page of budget rows without the header: {:?}",
            page.lines().collect::<Vec<_>>()
        );
    }
}

fn japanese_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("あ"),
        Just("漢字"),
        Just("まちづくり"),
        Just("、"),
        Just("。"),
        Just("「"),
        Just("」"),
        Just("（"),
        Just("）"),
        Just("ー"),
        Just("っ"),
        Just("ャ"),
        Just("・"),
        Just("28,523千円"),
        Just("令和4年度"),
        Just("10%"),
        Just("SDGs"),
        Just(" "),
        Just("……"),
        Just("※"),
        Just("①"),
        Just("“"),
        Just("”"),
        Just("？"),
        Just("々"),
        Just("NPO"),
        Just("ab cd"),
        Just("(予算額 5,423千円)"),
    ];
    prop::collection::vec(pieces, 1..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    /// Body text and display text (between phrases) alike: nothing lost, no
    /// line over the measure, kinsoku kept.
    fn any_japanese_text_breaks_by_the_rules(text in japanese_text(), ems in 6u32..40, phrases in any::<bool>()) {
        let m = metrics();
        let size = 10.5;
        let width = ems as f32 * size;
        let setting = Setting { face: Face::Mincho, size, first_width: width - size, width, justify: !phrases, phrases };
        let lines = break_lines(&text, &setting, &m);
        let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        prop_assert_eq!(squeeze(&lines.iter().map(|l| l.text.as_str()).collect::<String>()), squeeze(&text));
        for (i, line) in lines.iter().enumerate() {
            let limit = if i == 0 { width - size } else { width };
            let last = line.text.chars().last().unwrap_or(' ');
            let inside = if line.hanging {
                prop_assert!(HANGING.contains(last));
                line.width - m.advance(Face::Mincho, last) * size
            } else {
                line.width
            };
            prop_assert!(inside <= limit + 0.02, "line {} {:?} is {} wide in {}", i, line.text, inside, limit);
            if i > 0 && !lines[i - 1].forced {
                let first = line.text.chars().next().unwrap_or(' ');
                prop_assert!(!NO_LINE_START.contains(first), "{:?} starts with {}", lines, first);
                let prev_last = lines[i - 1].text.chars().last().unwrap_or(' ');
                prop_assert!(!NO_LINE_END.contains(prev_last), "{:?} ends with {}", lines, prev_last);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any plan lays out without panicking, every line on its page, and exports.
    #[test]
    fn any_plan_lays_out_and_exports(plan in common::plan()) {
        let style = PageStyle::default();
        let pages = typeset(&plan, &style, &metrics());
        prop_assert!(!pages.is_empty());
        for page in &pages {
            for item in &page.items {
                if let Item::Text { y, x, .. } = item {
                    prop_assert!(*y > 0.0 && *y < style.size.1, "baseline {} off the page", y);
                    prop_assert!(*x >= 0.0 && *x < style.size.0, "x {} off the page", x);
                }
            }
        }
        let created = chrono::FixedOffset::east_opt(0)
            .and_then(|tz| chrono::TimeZone::with_ymd_and_hms(&tz, 2024, 1, 1, 0, 0, 0).single())
            .expect("date");
        let export = ward_plan::export::export_pdf(&plan, created).expect("exports");
        prop_assert!(export.bytes.starts_with(b"%PDF-"));
        prop_assert_eq!(export.pages, pages.len());
    }
}

#[test]
fn a_fullwidth_tilde_never_starts_a_line() {
    let m = metrics();
    let setting = Setting {
        face: Face::Mincho,
        size: 10.5,
        first_width: 10.5 * 20.0,
        width: 10.5 * 20.0,
        justify: true,
        phrases: false,
    };
    for n in 0..24 {
        let text = format!("{}R3～R5の合計と10～12月の実績", "あ".repeat(n));
        for line in break_lines(&text, &setting, &m) {
            assert!(!line.text.starts_with('～'), "{n}: {}", line.text);
        }
    }
}

#[test]
fn tabs_print_as_a_space_and_the_check_says_so() {
    let mut plan = ward_plan::sample();
    plan.goal = "つながり\tふれあい".to_owned();
    let pages = typeset(&plan, &PageStyle::default(), &metrics());
    let lines: Vec<&str> = pages.iter().flat_map(|p| p.lines()).collect();
    assert!(lines.iter().all(|l| !l.contains('\t')));
    assert!(lines.contains(&"つながり\u{3000}ふれあい"), "{lines:?}");
    let warnings = ward_plan::check::check(&plan);
    assert!(
        warnings.iter().any(|w| w.message
            == "区の目標の5文字目にタブ文字があります。印刷では全角の空白1つになります。"),
        "{warnings:?}"
    );
}

/// How many glyphs the PDF draws as `.notdef` (the empty box), read from the
/// written file alone: each shown CID goes through its font's CIDToGIDMap to a
/// glyph of the embedded font program, and a glyph 0 or past the program's
/// glyph count is the box. Nothing of the exporter's own report is used.
fn notdef_glyphs(pdf: &[u8]) -> usize {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads it back");
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).expect("object").clone(),
            other => other.clone(),
        }
    };
    // For a Type0 font: its CIDToGIDMap (None = Identity) and glyph count.
    let font_of = |font: &lopdf::Dictionary| -> (Option<Vec<u8>>, u16) {
        let descendants = deref(font.get(b"DescendantFonts").expect("descendants"));
        let cid_font = deref(&descendants.as_array().expect("array")[0]);
        let cid_font = cid_font.as_dict().expect("dict");
        let map = match deref(cid_font.get(b"CIDToGIDMap").expect("map")) {
            Object::Stream(s) => Some(s.decompressed_content().unwrap_or(s.content)),
            _ => None,
        };
        let descriptor = deref(cid_font.get(b"FontDescriptor").expect("descriptor"));
        let file = deref(
            descriptor
                .as_dict()
                .expect("dict")
                .get(b"FontFile2")
                .expect("file"),
        );
        let Object::Stream(file) = file else {
            panic!("FontFile2 is a stream")
        };
        let program = file.decompressed_content().unwrap_or(file.content);
        let glyphs = ttf_parser::Face::parse(&program, 0)
            .expect("the embedded font parses")
            .number_of_glyphs();
        (map, glyphs)
    };
    let mut count = 0;
    for page in doc.get_pages().into_values() {
        let fonts = doc.get_page_fonts(page).expect("fonts");
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).expect("decodes");
        let mut current = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().expect("name");
                    current = Some(font_of(fonts[name]));
                }
                "TJ" => {
                    let (map, glyphs) = current.as_ref().expect("a font before text");
                    for part in op.operands[0].as_array().expect("array") {
                        let Object::String(bytes, _) = part else {
                            continue;
                        };
                        for code in bytes.chunks_exact(2) {
                            let cid = usize::from(u16::from_be_bytes([code[0], code[1]]));
                            let gid = match map {
                                None => cid,
                                Some(map) => map
                                    .get(2 * cid..2 * cid + 2)
                                    .map_or(0, |g| usize::from(u16::from_be_bytes([g[0], g[1]]))),
                            };
                            if gid == 0 || gid >= usize::from(*glyphs) {
                                count += 1;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    count
}

#[test]
fn check_names_every_character_the_pdf_prints_as_an_empty_box() {
    let mut plan = ward_plan::sample();
    // 葛 + U+E0100 is in the fonts (葛󠄀 prints as its variant); 辻 + U+E0105 is not.
    plan.goal = "葛\u{e0100}飾と𠮷野家😀辻\u{e0105}あ\u{e0105}".to_owned();
    // Characters the fonts lack, each once, in fields of every level.
    let issue = &mut plan.issues[1];
    issue.title.push('🙂');
    issue.strategies[0].title.push('🌸');
    issue.strategies[0].initiatives[0].text.push('🐟');
    plan.policy[2].push('🍙');
    let created = chrono::DateTime::parse_from_rfc3339("2023-06-09T10:00:00+09:00").expect("date");
    let export = ward_plan::export::export_pdf(&plan, created).expect("export");
    let boxes = notdef_glyphs(&export.bytes);
    let checked: Vec<String> = ward_plan::check::check(&plan)
        .into_iter()
        .map(|w| w.message)
        .collect();
    let named = checked
        .iter()
        .filter(|m| m.contains("は印刷用フォントにありません"))
        .count();
    assert_eq!(boxes, 6, "the six characters print as boxes");
    assert_eq!(named, boxes, "{checked:#?}");
    // The emoji is the 7th printed character: the selector after 葛 is not counted.
    assert!(
        checked
            .iter()
            .any(|m| m.starts_with("区の目標の7文字目の「😀」")),
        "{checked:?}"
    );
    assert!(
        checked
            .iter()
            .any(|m| m.contains("「辻」の異体字の指定（U+E0105）")),
        "{checked:?}"
    );
    // The same selector after another character is its own warning.
    assert!(
        checked
            .iter()
            .any(|m| m.contains("「あ」の異体字の指定（U+E0105）")),
        "{checked:?}"
    );
    assert!(
        !checked.iter().any(|m| m.contains("「葛」の異体字")),
        "{checked:?}"
    );
}

#[test]
fn long_headings_wrap_under_their_titles_and_never_leave_a_character_alone() {
    let mut plan = ward_plan::sample();
    plan.issues[0].title =
        "だれもが地域で安心して暮らせるまちづくりと、区民の健康づくりに向けた支援の充実".to_owned();
    plan.ward = "鶴見区と城東区と旭区と都島区と東成区と生野区の合同".to_owned();
    let m = metrics();
    let pages = typeset(&plan, &PageStyle::default(), &m);
    let texts: Vec<(f32, String)> = pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { x, text, .. } => Some((*x, text.clone())),
            _ => None,
        })
        .collect();
    let first = texts
        .iter()
        .position(|(_, t)| t.starts_with("経営課題1 だれもが"))
        .expect("the issue heading");
    let prefix: f32 = "経営課題1 "
        .chars()
        .map(|c| m.advance(Face::Gothic, c) * 13.0)
        .sum();
    let (x0, _) = &texts[first];
    let (x1, second) = &texts[first + 1];
    assert!(
        (x1 - (x0 + prefix)).abs() < 0.5,
        "{second} starts at {x1}, the title at {}",
        x0 + prefix
    );
    // The title wraps onto a last line of more than two characters.
    let title_lines: Vec<&String> = texts
        .iter()
        .take_while(|(_, t)| !t.starts_with("令和5年"))
        .map(|(_, t)| t)
        .collect();
    assert!(title_lines.len() >= 2, "{title_lines:?}");
    assert!(
        title_lines.iter().all(|l| l.chars().count() > 2),
        "{title_lines:?}"
    );
}

/// The print test plan (`tests/fixtures/print-cases.ron`): 」、「 chains, lines
/// starting with 「, R3～R5 and 10～12月 at many places, a tab, a URL and English
/// words in a justified paragraph, a budget table across a page break, a long
/// title, 葛󠄀 and 𠮷.
fn print_cases() -> ward_plan::Plan {
    io::parse(include_bytes!("fixtures/print-cases.ron")).expect("print cases")
}

/// A plan's print and its 概要版, laid out.
fn print_and_overview(plan: &ward_plan::Plan) -> Vec<ward_plan::typeset::page::Page> {
    let mut pages = typeset(plan, &PageStyle::default(), &metrics());
    pages.extend(ward_plan::typeset::sheet::typeset_sheet(
        &ward_plan::overview::overview(plan),
        &ward_plan::typeset::sheet::landscape(),
        &metrics(),
    ));
    pages
}

/// Each table cell (and heading, unless `cells_only`) of `pages`: its lines
/// top to bottom, the runs on one baseline joined, spaces left out.
fn lines_by_text(pages: &[ward_plan::typeset::page::Page], cells_only: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for page in pages {
        // Per heading or cell, its runs: baseline, left edge, text.
        type Runs<'a> = Vec<(f32, f32, &'a str)>;
        let mut texts: std::collections::BTreeMap<(u32, String), Runs<'_>> = Default::default();
        for item in &page.items {
            if let Item::Text {
                text, x, y, tag, ..
            } = item
                && match tag.role {
                    Role::Cell { .. } | Role::HeaderCell { .. } => true,
                    Role::Heading(_) => !cells_only,
                    _ => false,
                }
            {
                let at = (tag.block, format!("{:?}", tag.role));
                texts.entry(at).or_default().push((*y, *x, text.as_str()));
            }
        }
        for (_, mut runs) in texts {
            runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let mut lines: Vec<(f32, String)> = Vec::new();
            for (y, _, text) in runs {
                let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                match lines.last_mut() {
                    Some((last, line)) if (*last - y).abs() < 0.5 => line.push_str(&text),
                    _ => lines.push((y, text)),
                }
            }
            out.push(lines.into_iter().map(|(_, l)| l).collect());
        }
    }
    out
}

/// Every text run of the laid-out test plan: (page, text, size, adjust, tag).
fn runs(pages: &[ward_plan::typeset::page::Page]) -> Vec<(usize, String, f32, Vec<f32>, Role)> {
    let mut out = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text {
                text,
                size,
                adjust,
                tag,
                ..
            } = item
            {
                out.push((n, text.clone(), *size, adjust.clone(), tag.role));
            }
        }
    }
    out
}

/// A table cell that wraps never leaves one or two characters alone on its
/// last line (目標年度・期 / 間, 子育て相談の充 / 実): it is balanced within as
/// many lines, in the plan's tables and in the 概要版.
#[test]
fn no_table_cell_ends_with_a_character_or_two_alone() {
    let konohana = ward_plan::import::import(include_str!("fixtures/r5-hyphen-page.txt")).plan;
    let indicators = io::parse(include_bytes!("fixtures/indicators.ron")).expect("indicators");
    let mut wrapped = 0;
    for plan in [ward_plan::sample(), print_cases(), konohana, indicators] {
        // The plan's tables, and the 概要版's short entries (names, figures).
        for lines in lines_by_text(&print_and_overview(&plan), true) {
            if lines.len() < 2 {
                continue;
            }
            wrapped += 1;
            let last = &lines[lines.len() - 1];
            assert!(last.chars().count() > 2, "{lines:?}");
        }
    }
    assert!(wrapped > 5, "only {wrapped} cells wrap");
}

#[test]
fn the_print_cases_are_set_as_a_professional_would() {
    let plan = print_cases();
    let pages = typeset(&plan, &PageStyle::default(), &metrics());
    let runs = runs(&pages);
    let mut chains = 0;
    for (_, text, size, adjust, _) in &runs {
        let chars: Vec<char> = text.chars().collect();
        assert!(
            !matches!(chars.first(), Some('～' | '〜')),
            "a line starts with a tilde: {text}"
        );
        for k in 0..chars.len().saturating_sub(1) {
            let gap = adjust.get(k).copied().unwrap_or(0.0);
            if chars[k].is_ascii_graphic() && chars[k + 1].is_ascii_graphic() {
                assert!(gap <= 0.0, "letter-spaced Latin in {text} at {k}");
            }
            // 」、「: 」 and 、 give up their blank halves.
            if chars[k] == '」'
                && chars.get(k + 1) == Some(&'、')
                && chars.get(k + 2) == Some(&'「')
            {
                assert!((adjust[k] + size / 2.0).abs() < 0.01, "{text}: {adjust:?}");
                assert!(adjust[k + 1] <= -size / 2.0 + 0.01, "{text}: {adjust:?}");
                chains += 1;
            }
        }
    }
    assert!(chains >= 3, "the test plan's 」、「 chains: {chains}");
    // The budget table runs onto another page, with its header again, read once.
    let headers: Vec<&(usize, String, f32, Vec<f32>, Role)> = runs
        .iter()
        .filter(|r| r.1 == "具体的取組" && r.2 < 10.0)
        .collect();
    assert!(headers.len() >= 2, "{headers:?}");
    assert!(headers[0].0 < headers[1].0);
    assert!(matches!(headers[0].4, Role::HeaderCell { .. }));
    assert_eq!(headers[1].4, Role::Artifact);
    // The long title wraps with more than two characters on its last line.
    let title: Vec<&String> = runs
        .iter()
        .filter(|r| r.0 == 0 && r.4 == Role::Heading(1))
        .map(|r| &r.1)
        .collect();
    assert!(
        title.len() == 2 && title[1].chars().count() > 2,
        "{title:?}"
    );
}

#[test]
fn check_names_every_character_the_print_cases_cannot_print() {
    let plan = print_cases();
    let created = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| chrono::TimeZone::with_ymd_and_hms(&tz, 2023, 6, 9, 10, 0, 0).single())
        .expect("date");
    let export = ward_plan::export::export_pdf(&plan, created).expect("export");
    let warnings: Vec<String> = ward_plan::check::check(&plan)
        .into_iter()
        .map(|w| w.message)
        .collect();
    assert!(notdef_glyphs(&export.bytes) > 0, "𠮷 is not in the fonts");
    for missing in &export.missing_glyphs {
        assert!(
            warnings.contains(&missing.message),
            "{missing:?} not in {warnings:?}"
        );
    }
    assert!(warnings.iter().any(|w| w.contains("タブ")), "{warnings:?}");
    // 葛󠄀 prints as the fonts' variant: nothing to warn about.
    assert!(
        !warnings.iter().any(|w| w.contains("異体字")),
        "{warnings:?}"
    );
}

#[test]
fn no_paragraph_leaves_one_line_alone_at_a_page_break() {
    // The print test plan and the sample many times over: breaks fall everywhere.
    let mut long = ward_plan::sample();
    let issues = long.issues.clone();
    long.issues = (0..6).flat_map(|_| issues.iter().cloned()).collect();
    long.ensure_ids();
    for plan in [print_cases(), long] {
        let pages = typeset(&plan, &PageStyle::default(), &metrics());
        let runs = runs(&pages);
        let body = |r: &&(usize, String, f32, Vec<f32>, Role)| {
            matches!(r.4, Role::Paragraph | Role::ListBody)
        };
        let blocks: std::collections::BTreeSet<u32> = pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                Item::Text { tag, .. } if matches!(tag.role, Role::Paragraph | Role::ListBody) => {
                    Some(tag.block)
                }
                _ => None,
            })
            .collect();
        for block in blocks {
            let lines_on = |page: usize| {
                pages[page]
                    .items
                    .iter()
                    .filter(|i| matches!(i, Item::Text { tag, .. } if tag.block == block && tag.role != Role::ListLabel))
                    .count()
            };
            let on: Vec<usize> = (0..pages.len()).filter(|&p| lines_on(p) > 0).collect();
            if on.len() > 1 {
                for &p in &on {
                    assert!(
                        lines_on(p) >= 2,
                        "block {block}: one line alone on page {}",
                        p + 1
                    );
                }
            }
        }
        assert!(runs.iter().filter(body).count() > 50);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The preview's relayout, which reuses the lines of the layouts before it,
    /// gives the same pages as a layout from nothing: after one plan and then
    /// another, and after the sample with one character typed into it.
    #[test]
    fn relayout_with_the_memo_is_a_fresh_layout(a in common::plan(), b in common::plan(), extra in "[あ-ん。、]{1,3}") {
        use ward_plan::typeset::{linebreak::LineMemo, typeset_again};
        let style = PageStyle::default();
        let m = metrics();
        let mut memo = LineMemo::default();
        typeset_again(&a, &style, &m, &mut memo);
        prop_assert_eq!(typeset_again(&b, &style, &m, &mut memo), typeset(&b, &style, &m));
        let mut sample = io::parse(include_bytes!("../samples/tsurumi-r4.ron")).expect("sample");
        typeset_again(&sample, &style, &m, &mut memo);
        sample.issues[1].strategies[0].initiatives[0].text.push_str(&extra);
        prop_assert_eq!(typeset_again(&sample, &style, &m, &mut memo), typeset(&sample, &style, &m));
    }
}

/// The stage mark sits boxed at the top right, above the text block and inside
/// the page, on every page of a draft; an adopted plan's pages are as before.
#[test]
fn a_drafts_mark_is_boxed_above_the_text_on_every_page() {
    use ward_plan::model::Stage;
    let style = PageStyle::default();
    let m = metrics();
    let adopted = io::parse(include_bytes!("../samples/tsurumi-r4.ron")).expect("sample");
    let mut draft = adopted.clone();
    draft.stage = Stage::Proposal;
    let (a, d) = (typeset(&adopted, &style, &m), typeset(&draft, &style, &m));
    assert_eq!(a.len(), d.len());
    for (page_a, page_d) in a.iter().zip(&d) {
        let added: Vec<&Item> = page_d
            .items
            .iter()
            .filter(|i| !page_a.items.contains(i))
            .collect();
        let mark = added
            .iter()
            .find_map(|i| match i {
                Item::Text { x, y, text, .. } if text == "案" => Some((*x, *y)),
                _ => None,
            })
            .expect("the mark");
        let rules: Vec<((f32, f32), (f32, f32))> = added
            .iter()
            .filter_map(|i| match i {
                Item::Rule { from, to, .. } => Some((*from, *to)),
                _ => None,
            })
            .collect();
        assert_eq!(rules.len(), 4, "a box: {added:?}");
        let xs = rules.iter().flat_map(|(f, t)| [f.0, t.0]);
        let ys = rules.iter().flat_map(|(f, t)| [f.1, t.1]);
        let (left, right) = xs.fold((f32::MAX, f32::MIN), |(a, b), x| (a.min(x), b.max(x)));
        let (top, bottom) = ys.fold((f32::MAX, f32::MIN), |(a, b), y| (a.min(y), b.max(y)));
        assert!(left < mark.0 && mark.0 < right && top < mark.1 && mark.1 < bottom);
        assert!(
            (right - (style.left + style.measure)).abs() < 0.01,
            "flush right"
        );
        assert!(top > 0.0 && bottom < style.top, "above the text block");
        // Title's stage aside, nothing else moved: the same text lines.
        let lines = |p: &ward_plan::typeset::page::Page| -> Vec<String> {
            p.lines()
                .filter(|l| *l != "案")
                .map(|l| l.replace("（案）", ""))
                .collect()
        };
        assert_eq!(lines(page_a), lines(page_d));
    }
}

/// The page a chart is on, its title's baseline and the height of its dashed
/// target line (level), found by the title.
fn chart_page<'a>(pages: &'a [Page], title: &str) -> (&'a Page, f32, f32) {
    let (page, top) = pages
        .iter()
        .find_map(|page| {
            page.items.iter().find_map(|i| match i {
                Item::Text { text, y, .. } if text == title => Some((page, *y)),
                _ => None,
            })
        })
        .unwrap_or_else(|| panic!("no chart titled {title}"));
    let target = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Rule { from, to, width }
                if (*width - 0.7).abs() < 0.01 && from.1 > top && from.1 < top + 112.0 =>
            {
                assert_eq!(from.1, to.1, "the target line is level");
                Some(from.1)
            }
            _ => None,
        })
        .expect("a target line");
    (page, top, target)
}

/// A chart draws what the numbers say: a result above its target sits above
/// the dashed target line, one below it below, and the years run left to right.
#[test]
fn a_chart_puts_each_result_on_the_side_of_the_target_it_is() {
    let plan = io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture");
    let pages = typeset(&plan, &PageStyle::default(), &metrics());
    let chart_of = |title: &str| -> (Vec<(f32, f32)>, f32) {
        let (page, top, target) = chart_page(&pages, title);
        let near = |y: f32| y > top && y < top + 110.0;
        let dots: Vec<(f32, f32)> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rule { from, to, width } if *width > 3.0 && near(from.1) => {
                    Some(((from.0 + to.0) / 2.0, from.1))
                }
                _ => None,
            })
            .collect();
        (dots, target)
    };
    // 55.1% then 62.0% against 60%以上: the first below the line, the second above.
    let (dots, target) = chart_of("相談できる場所があると回答した区民の割合の推移");
    assert_eq!(dots.len(), 2);
    assert!(dots[0].0 < dots[1].0, "years left to right");
    assert!(
        dots[0].1 > target && dots[1].1 < target,
        "{dots:?} against {target}"
    );
    // 280件 against 300件以下: below the line, which is met.
    let (dots, target) = chart_of("区内の交通事故件数の推移");
    assert!(dots[0].1 > target);
}

/// A chart carries its scale: zero at the axis' foot, the target written
/// level with its dashed line, a round top above every value, the unit above
/// the axis; and a value whose label would sit on the target line (280件 just
/// under 300件以下) is written below its dot instead.
#[test]
fn a_chart_writes_its_scale_and_keeps_values_off_the_target_line() {
    let plan = io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture");
    let pages = typeset(&plan, &PageStyle::default(), &metrics());
    // The chart's texts (text, x, baseline) and its target line's height.
    let chart_of = |title: &str| -> (Vec<(String, f32, f32)>, f32, f32) {
        let (page, top, target) = chart_page(&pages, title);
        let near = |y: f32| y > top && y < top + 112.0;
        let texts = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, x, y, .. } if near(*y) => Some((text.clone(), *x, *y)),
                _ => None,
            })
            .collect();
        let axis_foot = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rule { from, to, width }
                    if *width == 0.5 && from.0 == to.0 && near(from.1) =>
                {
                    Some(to.1)
                }
                _ => None,
            })
            .fold(f32::MIN, f32::max);
        (texts, target, axis_foot)
    };
    let at = |texts: &[(String, f32, f32)], word: &str| -> (f32, f32) {
        texts
            .iter()
            .find(|t| t.0 == word)
            .map(|t| (t.1, t.2))
            .unwrap_or_else(|| panic!("{word} is not written: {texts:?}"))
    };
    // 10,000世帯以上 and 8,200世帯: 0, 10,000 and 12,000 on the axis, in 世帯.
    let (texts, target, foot) = chart_of("見守りに登録した世帯数の推移");
    let (zero, ten, twelve) = (at(&texts, "0"), at(&texts, "10,000"), at(&texts, "12,000"));
    let unit = at(&texts, "（世帯）");
    // A number's middle (a third of its size above the baseline) is on its mark.
    let middle = |baseline: f32| baseline - 7.5 * 0.35;
    assert!(
        (middle(zero.1) - foot).abs() < 0.5,
        "0 at {zero:?}, foot {foot}"
    );
    assert!(
        (middle(ten.1) - target).abs() < 0.5,
        "10,000 at {ten:?}, target {target}"
    );
    assert!(
        twelve.1 < ten.1 - 7.5,
        "12,000 above 10,000 and clear of it"
    );
    assert!(unit.1 < twelve.1 - 7.5, "the unit above the axis: {unit:?}");
    // The numbers stand right-aligned before the axis, left of every dot.
    let dot_label = at(&texts, "8,200世帯");
    assert!(ten.0 < dot_label.0 && zero.0 > ten.0, "{texts:?}");

    // 280件 against 300件以下 on an axis to 400: its label would cross the
    // line if written above the dot, so it is written below, clear of it.
    let (texts, target, _) = chart_of("区内の交通事故件数の推移");
    let (_, baseline) = at(&texts, "280件");
    let label = (baseline - 7.5, baseline);
    assert!(
        !(label.0 - 1.0..label.1 + 1.0).contains(&target),
        "280件 at {label:?} against the line at {target}"
    );
    at(&texts, "400");
    at(&texts, "300");
    at(&texts, "（件）");
}

/// A chart whose indicator has a long name keeps its title on the page: the
/// title breaks between phrases within the measure, balanced as a heading,
/// and the plot (its unit, its axis) moves down below the title's last line.
#[test]
fn a_long_chart_title_breaks_within_the_page() {
    let mut plan = io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture");
    let name =
        "地域の見守り活動や防災訓練などの地域活動に一度でも参加したことがあると回答した区民の割合";
    plan.issues[0].strategies[0].indicators[0].name = name.into();
    let style = PageStyle::default();
    let measure = metrics();
    let pages = typeset(&plan, &style, &measure);
    let title = format!("{name}の推移");
    // The title's lines: the Gothic 9pt texts that are pieces of it, in order
    // (the indicator table writes the name in Mincho), and their page.
    let title_lines = |page: &'_ Page| -> Vec<(String, f32, f32)> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    text,
                    x,
                    y,
                    size,
                    face: Face::Gothic,
                    ..
                } if *size == 9.0 && title.contains(text.as_str()) => Some((text.clone(), *x, *y)),
                _ => None,
            })
            .collect()
    };
    let (page, lines) = pages
        .iter()
        .map(|page| (page, title_lines(page)))
        .find(|(_, lines)| !lines.is_empty())
        .expect("the chart's page");
    assert!(lines.len() >= 2, "{lines:?}");
    assert_eq!(
        lines.iter().map(|l| l.0.as_str()).collect::<String>(),
        title
    );
    for (text, x, _) in &lines {
        let width: f32 = text
            .chars()
            .map(|c| measure.advance(Face::Gothic, c) * 9.0)
            .sum();
        assert!(
            x + width <= style.left + style.measure + 0.01,
            "「{text}」 runs past the margin"
        );
    }
    // Each line ends between words, not inside one (地域／活動, 参加／した).
    for pair in lines.windows(2) {
        let (end, start) = (pair[0].0.chars().last(), pair[1].0.chars().next());
        assert!(
            !matches!(
                (end, start),
                (Some('地'), Some('域')) | (Some('活'), Some('動')) | (Some('参'), Some('加'))
            ),
            "{lines:?}"
        );
    }
    // No one or two characters alone on the last line (推移), as in a heading.
    assert!(
        lines.last().expect("a line").0.chars().count() > 2,
        "{lines:?}"
    );
    // The unit （%） and the axis' marks are below the title's last line.
    let last = lines.last().expect("a line").2;
    let unit = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text { text, y, .. } if text == "（%）" => Some(*y),
            _ => None,
        })
        .expect("the unit");
    assert!(
        unit > last + 7.5,
        "unit at {unit}, title's last line at {last}"
    );
}

/// Table cells and the 概要版's entries break between phrases, in columns at
/// least as wide as their widest phrase: none of the words they used to cut
/// (暮らせるま／ちづくり, 子育／て, まな／び, によ／る, 10,000世／帯以上, 目標年／度・期間,
/// 達／成率) is cut, in the sample's, the indicator fixture's and the print
/// cases' tables and 概要版.
#[test]
fn cells_break_between_phrases() {
    let indicators = io::parse(include_bytes!("fixtures/indicators.ron")).expect("indicators");
    let words = [
        "まちづくり",
        "子育て",
        "まなび",
        "よる",
        "暮らせる",
        "応援する",
        "福祉",
        "達成率",
        "世帯以上",
        "目標年度",
        "期間",
    ];
    let mut wrapped = 0;
    for plan in [ward_plan::sample(), indicators, print_cases()] {
        for lines in lines_by_text(&print_and_overview(&plan), true) {
            if lines.len() < 2 {
                continue;
            }
            wrapped += 1;
            for pair in lines.windows(2) {
                let joined = pair.concat();
                let end = pair[0].len();
                for word in words {
                    for (at, _) in joined.match_indices(word) {
                        assert!(
                            !(at < end && end < at + word.len()),
                            "{word} cut: {} ／ {}",
                            pair[0],
                            pair[1]
                        );
                    }
                }
            }
        }
    }
    assert!(wrapped >= 20, "{wrapped} wrapped cells");
}

/// The 概要版's 経営課題 and 戦略 columns are wide enough for their names in
/// three lines at most, in the sample's and in a plan with long names.
#[test]
fn overview_names_take_three_lines_at_most() {
    let mut long = ward_plan::sample();
    long.issues[0].title =
        "だれもが住み慣れた地域で安心して暮らし続けられる地域包括ケアの推進と地域福祉のまちづくり"
            .to_owned();
    long.issues[0].strategies[0].title =
        "地域の多様な主体の協働による見守りと相談支援のネットワークの構築".to_owned();
    for plan in [ward_plan::sample(), long] {
        let overview = ward_plan::overview::overview(&plan);
        let pages = ward_plan::typeset::sheet::typeset_sheet(
            &overview,
            &ward_plan::typeset::sheet::landscape(),
            &metrics(),
        );
        let mut counted = 0;
        for page in &pages {
            let mut lines: std::collections::BTreeMap<(u16, u16), usize> = Default::default();
            for item in &page.items {
                if let Item::Text { text, tag, .. } = item
                    && let Role::Cell { row, col } = tag.role
                    && col < 2
                    && text != "（主な戦略）"
                {
                    *lines.entry((row, col)).or_default() += 1;
                }
            }
            for (cell, n) in lines {
                counted += 1;
                assert!(n <= 3, "{cell:?} takes {n} lines");
            }
        }
        assert!(counted >= 2);
    }
}

/// The plans whose short texts are checked against a dictionary: the sample,
/// the fixtures and the pages of other wards, imported.
fn short_text_plans() -> Vec<ward_plan::Plan> {
    let page = |text: &str| ward_plan::import::import(text).plan;
    vec![
        ward_plan::sample(),
        io::parse(include_bytes!("fixtures/indicators.ron")).expect("indicators"),
        print_cases(),
        io::parse(include_bytes!("fixtures/clean-writing.ron")).expect("clean writing"),
        io::parse(include_bytes!("../samples/tsurumi-r4-revised.ron")).expect("revised"),
        page(include_str!("fixtures/r4-variant-page.txt")),
        page(include_str!("fixtures/r5-variant-page.txt")),
        page(include_str!("fixtures/r5-hyphen-page.txt")),
        page(include_str!("fixtures/r4-paragraph-page.txt")),
        page(include_str!("fixtures/h29-pdf-copy-page.txt")),
    ]
}

/// Every heading and table cell of a plan's print and its 概要版, as its
/// lines top to bottom (spaces left out), when it is at most 40 characters.
fn short_texts(plan: &ward_plan::Plan) -> Vec<Vec<String>> {
    lines_by_text(&print_and_overview(plan), false)
        .into_iter()
        .filter(|lines| lines.concat().chars().count() <= 40)
        .collect()
}

/// Writes the short texts for `scripts/word-boundaries.py`, which adds the
/// places between words MeCab with UniDic finds in each:
/// `cargo test --test layout write_short_texts -- --ignored`, then the script.
#[test]
#[ignore = "writes tests/fixtures/short-texts.txt for scripts/word-boundaries.py"]
fn write_short_texts() {
    let mut texts: Vec<String> = short_text_plans()
        .iter()
        .flat_map(short_texts)
        .map(|lines| lines.concat())
        .collect();
    texts.sort();
    texts.dedup();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/short-texts.txt"
    );
    std::fs::write(path, texts.join("\n") + "\n").expect("write");
}

/// No wrapped heading, table cell or 概要版 entry of 40 characters or less
/// ends a line inside a word, by a segmenter other than the layout's: the
/// places between words that MeCab with UniDic (a dictionary) finds in each,
/// shipped in `tests/fixtures/short-text-words.tsv`.
#[test]
fn no_short_text_breaks_inside_a_word() {
    let words: std::collections::HashMap<&str, Vec<usize>> =
        include_str!("fixtures/short-text-words.tsv")
            .lines()
            .filter_map(|line| {
                let (text, places) = line.split_once('\t')?;
                let places = places.split(',').filter_map(|p| p.parse().ok()).collect();
                Some((text, places))
            })
            .collect();
    let (mut wrapped, mut inside) = (0, Vec::new());
    for plan in short_text_plans() {
        for lines in short_texts(&plan) {
            if lines.len() < 2 {
                continue;
            }
            wrapped += 1;
            let text = lines.concat();
            let places = words.get(text.as_str()).unwrap_or_else(|| {
                panic!(
                    "「{text}」 is not in tests/fixtures/short-text-words.tsv: run \
                     `cargo test --test layout write_short_texts -- --ignored` and \
                     `python3 scripts/word-boundaries.py`"
                )
            });
            let mut end = 0;
            for line in &lines[..lines.len() - 1] {
                end += line.chars().count();
                if !places.contains(&end) {
                    inside.push(lines.join("／"));
                }
            }
        }
    }
    eprintln!(
        "{wrapped} wrapped short texts, {} inside a word",
        inside.len()
    );
    assert!(wrapped >= 30, "{wrapped} wrapped short texts");
    assert_eq!(
        inside,
        Vec::<String>::new(),
        "of {wrapped} wrapped short texts"
    );
}
