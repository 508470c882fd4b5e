//! The exported PDF read back: A4 pages, subset fonts, the seed's text in order.

use chrono::TimeZone as _;
use lopdf::{Document, Object};
use ward_plan::export::export_pdf;
use ward_plan::io;
use ward_plan::sample;

const SEED: &str = include_str!("fixtures/tsurumi-r4-published.txt");

fn created() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2023, 6, 9, 10, 0, 0).single())
        .expect("a fixed date")
}

fn exported() -> (Vec<u8>, Document) {
    let export = export_pdf(&sample(), created()).expect("export");
    let doc = Document::load_mem(&export.bytes).expect("lopdf reads it back");
    assert_eq!(doc.get_pages().len(), export.pages);
    (export.bytes, doc)
}

fn text_of(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text extracts")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pages_are_a4() {
    let (_, doc) = exported();
    assert!(doc.get_pages().len() >= 3);
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).expect("page dict");
        let media = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .expect("MediaBox");
        let nums: Vec<f32> = media
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert!((nums[2] - nums[0] - 595.28).abs() < 0.5, "{nums:?}");
        assert!((nums[3] - nums[1] - 841.89).abs() < 0.5, "{nums:?}");
    }
}

#[test]
fn fonts_are_embedded_subsets_and_the_file_is_small() {
    let (bytes, doc) = exported();
    let mut base_fonts = Vec::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
        {
            let name = dict
                .get(b"FontName")
                .and_then(Object::as_name)
                .expect("name");
            let name = String::from_utf8_lossy(name).into_owned();
            assert!(dict.has(b"FontFile2"), "{name} is embedded");
            base_fonts.push(name);
        }
    }
    base_fonts.sort();
    assert_eq!(base_fonts.len(), 2, "{base_fonts:?}");
    for name in &base_fonts {
        let (tag, rest) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(rest.starts_with("BIZUD"), "{name}");
    }
    // The issue's aim: no more than 140 KB (typst 178.5 KB, LibreOffice 149.9 KB).
    assert!(bytes.len() <= 140_000, "{} bytes", bytes.len());
}

#[test]
fn document_info_and_language() {
    let (_, doc) = exported();
    let info_ref = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("Info");
    let info = doc.get_dictionary(info_ref).expect("info dict");
    let text = |key: &[u8]| {
        let raw = info.get(key).and_then(Object::as_str).expect("string");
        decode_pdf_string(raw)
    };
    assert_eq!(text(b"Title"), "令和4年度 鶴見区運営方針");
    assert_eq!(text(b"Author"), "大阪市鶴見区役所");
    assert!(
        text(b"CreationDate").starts_with("D:20230609010000"),
        "{}",
        text(b"CreationDate")
    );
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").and_then(Object::as_str).ok(),
        Some(&b"ja"[..])
    );
    // XMP metadata (uncompressed) with the same title, author and language.
    let xmp = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(Object::as_stream)
        .expect("metadata stream");
    assert!(
        xmp.dict.get(b"Filter").is_err(),
        "readable without inflating"
    );
    let xmp = String::from_utf8(xmp.content.clone()).expect("UTF-8");
    assert!(
        xmp.contains("<rdf:li xml:lang=\"x-default\">令和4年度 鶴見区運営方針</rdf:li>"),
        "{xmp}"
    );
    assert!(xmp.contains("<rdf:li>大阪市鶴見区役所</rdf:li>"), "{xmp}");
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>ja</rdf:li>"),
        "{xmp}"
    );
    assert!(
        xmp.contains("<xmp:CreateDate>2023-06-09T01:00:00Z"),
        "{xmp}"
    );
    // A file identifier, the same for the same plan and date.
    let id = |doc: &Document| {
        let ids = doc
            .trailer
            .get(b"ID")
            .and_then(Object::as_array)
            .expect("ID");
        assert_eq!(ids.len(), 2);
        ids[0].as_str().expect("bytes").to_vec()
    };
    assert_eq!(id(&doc).len(), 16);
    assert_eq!(id(&doc), id(&exported().1));
}

/// PDF text strings are PDFDocEncoding or UTF-16BE with a BOM.
fn decode_pdf_string(raw: &[u8]) -> String {
    if let Some(utf16) = raw.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(raw).into_owned()
    }
}

#[test]
fn extracted_text_holds_every_seed_sentence_in_order() {
    let (_, doc) = exported();
    let text = squeeze(&text_of(&doc));
    // The plan's lines of the published page; chrome, the Western page date (the
    // PDF prints it in 和暦) and the web page's contact heading left out.
    let skip = [
        "ページの先頭です",
        "メニューの終端です。",
        "ページ番号:565550",
        "2023年6月9日",
        "策定経過",
        "過去の鶴見区運営方針",
        "SNSリンクは別ウィンドウで開きます",
        "•Facebookでシェア",
        "•Xでポストする",
        "探している情報が見つからない",
        "このページの作成者・問合せ先",
        "メール送信フォーム",
    ];
    let mut sentences = Vec::new();
    let mut seen_title = false;
    for line in SEED.lines().map(squeeze).filter(|l| !l.is_empty()) {
        if skip.contains(&line.as_str()) || (line == "令和4年度鶴見区運営方針" && seen_title)
        {
            continue;
        }
        seen_title |= line == "令和4年度鶴見区運営方針";
        sentences.extend(line.split_inclusive('。').map(str::to_owned));
    }
    assert!(sentences.len() > 50, "{}", sentences.len());
    let mut from = 0;
    for sentence in &sentences {
        match text[from..].find(sentence.as_str()) {
            Some(at) => from += at + sentence.len(),
            None => panic!("not found in order: {sentence}\nafter: {}", &text[from..]),
        }
    }
    assert!(text.contains("令和5年6月9日"));
}

#[test]
fn footers_number_the_pages() {
    let (_, doc) = exported();
    for (n, _) in doc.get_pages() {
        let text = doc.extract_text(&[n]).expect("page text");
        assert!(text.contains(&format!("- {n} -")), "page {n}: {text}");
    }
}

#[test]
fn missing_characters_are_reported_with_their_place() {
    let mut plan = sample();
    plan.issues[1].strategies[0].initiatives[0].title = "児童虐待防止対策😀".to_owned();
    let export = export_pdf(&plan, created()).expect("export still writes");
    assert_eq!(
        export.missing_glyphs.len(),
        1,
        "{:?}",
        export.missing_glyphs
    );
    let message = &export.missing_glyphs[0].message;
    assert!(message.contains("具体的取組【2-1-2】の名称"), "{message}");
    // It prints as .notdef, but copy, search and screen readers still get it.
    let doc = Document::load_mem(&export.bytes).expect("reads back");
    assert!(text_of(&doc).contains("児童虐待防止対策😀"));
    assert!(
        message.contains("「😀」") && message.contains("U+1F600"),
        "{message}"
    );
    assert!(
        export_pdf(&sample(), created())
            .expect("export")
            .missing_glyphs
            .is_empty()
    );
}

/// The subset-tagged names of the embedded fonts.
fn subset_names(doc: &Document) -> Vec<String> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"BaseFont").ok())
        .filter_map(|n| n.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .filter(|n| n.contains('+'))
        .collect()
}

#[test]
fn a_published_file_has_bookmarks_its_title_and_no_false_pdfx_claim() {
    let (bytes, doc) = exported();
    assert!(
        !bytes.windows(15).any(|w| w == b"GTS_PDFXVersion"),
        "no PDF/X claim"
    );
    let catalog = doc.catalog().expect("catalog");
    let prefs = catalog
        .get(b"ViewerPreferences")
        .and_then(Object::as_dict)
        .expect("viewer preferences");
    assert_eq!(
        prefs.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
        Some(true)
    );
    // One bookmark per 経営課題, in order, each opening a page.
    let outlines = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("outlines");
    assert_eq!(
        outlines.get(b"Count").and_then(Object::as_i64).ok(),
        Some(5)
    );
    let mut item = outlines.get(b"First").and_then(Object::as_reference).ok();
    let mut titles = Vec::new();
    while let Some(id) = item {
        let dict = doc.get_dictionary(id).expect("outline item");
        let raw = dict.get(b"Title").and_then(Object::as_str).expect("title");
        let units: Vec<u16> = raw[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        titles.push(String::from_utf16_lossy(&units));
        let dest = dict.get(b"Dest").and_then(Object::as_array).expect("dest");
        assert!(dest[0].as_reference().is_ok(), "opens a page");
        item = dict.get(b"Next").and_then(Object::as_reference).ok();
    }
    assert_eq!(titles.len(), 5);
    assert_eq!(titles[1], "経営課題2 子育てを応援するまちづくり");
}

#[test]
fn different_plans_get_different_subset_tags() {
    let (_, doc) = exported();
    let mut other = sample();
    other.goal = "みんなでつくる、住みつづけたいまち".to_owned();
    let export = export_pdf(&other, created()).expect("export");
    let other_doc = Document::load_mem(&export.bytes).expect("reads back");
    let (a, b) = (subset_names(&doc), subset_names(&other_doc));
    assert_eq!(a.len(), b.len());
    assert!(a.iter().all(|n| !b.contains(n)), "{a:?} vs {b:?}");
    assert_eq!(subset_names(&doc), a, "the same plan, the same tags");
}

/// Walks the structure tree in order: each element's type, and the marked
/// content it holds as (page object, MCID).
fn structure(
    doc: &Document,
    id: lopdf::ObjectId,
    out: &mut Vec<String>,
    marks: &mut Vec<(lopdf::ObjectId, i64)>,
) {
    let elem = doc.get_dictionary(id).expect("structure element");
    out.push(
        String::from_utf8_lossy(elem.get(b"S").and_then(Object::as_name).expect("S")).into_owned(),
    );
    let page = elem.get(b"Pg").and_then(Object::as_reference).ok();
    for kid in elem.get(b"K").and_then(Object::as_array).expect("K") {
        match kid {
            Object::Reference(child) => structure(doc, *child, out, marks),
            // An MCID on the element's own page.
            Object::Integer(mcid) => marks.push((page.expect("Pg for a plain MCID"), *mcid)),
            Object::Dictionary(mcr) => marks.push((
                mcr.get(b"Pg").and_then(Object::as_reference).expect("Pg"),
                mcr.get(b"MCID").and_then(Object::as_i64).expect("MCID"),
            )),
            other => panic!("unexpected kid {other:?}"),
        }
    }
}

#[test]
fn the_pdf_is_tagged_in_reading_order() {
    let (_, doc) = exported();
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool);
    assert_eq!(marked.ok(), Some(true));
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("structure tree");
    let top = root
        .get(b"K")
        .and_then(Object::as_reference)
        .expect("document");
    let (mut kinds, mut marks) = (Vec::new(), Vec::new());
    structure(&doc, top, &mut kinds, &mut marks);
    assert_eq!(kinds[0], "Document");
    for kind in [
        "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    assert_eq!(kinds.iter().filter(|k| *k == "H1").count(), 1, "the title");
    // The marked content in the pages' order, as the content streams have it:
    // the tree holds each once, in the same order (reading order = print order).
    let mut in_content = Vec::new();
    let mut artifacts = 0;
    for (_, &page) in doc.get_pages().iter() {
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).expect("decodes");
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op.operands[1]
                        .as_dict()
                        .and_then(|d| d.get(b"MCID"))
                        .and_then(Object::as_i64)
                        .expect("MCID");
                    in_content.push((page, mcid));
                }
                "BMC" if op.operands[0].as_name().ok() == Some(b"Artifact".as_slice()) => {
                    artifacts += 1;
                }
                _ => {}
            }
        }
    }
    assert_eq!(marks, in_content);
    assert!(
        artifacts >= doc.get_pages().len(),
        "every footer is furniture"
    );
    // The parent tree leads each page's MCIDs back to their elements.
    let parents = root
        .get(b"ParentTree")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|d| d.get(b"Nums"))
        .and_then(Object::as_array)
        .expect("parent tree");
    for (n, (_, &page)) in doc.get_pages().iter().enumerate() {
        let key = doc
            .get_dictionary(page)
            .and_then(|d| d.get(b"StructParents"))
            .and_then(Object::as_i64)
            .expect("StructParents");
        assert_eq!(key, n as i64);
        let refs = parents[2 * n + 1].as_array().expect("page's parents");
        let count = in_content.iter().filter(|(p, _)| *p == page).count();
        assert_eq!(refs.len(), count);
        assert!(refs.iter().all(|r| r.as_reference().is_ok()));
    }
}

#[test]
fn a_variation_sequence_prints_as_the_fonts_variant() {
    let mut plan = sample();
    // The variant and the plain character, alternating.
    plan.goal = "葛\u{e0100}葛葛\u{e0100}葛".to_owned();
    let export = export_pdf(&plan, created()).expect("export");
    let doc = Document::load_mem(&export.bytes).expect("reads back");
    let text = text_of(&doc);
    // Copy and search give back the sequence as typed.
    assert!(text.contains("葛\u{e0100}葛葛\u{e0100}葛"), "{text}");
    let page = *doc.get_pages().values().next().expect("page 1");
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).expect("decodes");
    // Each run's glyph ids (two bytes each) from its TJ strings.
    let runs: Vec<Vec<u16>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "TJ")
        .map(|op| {
            op.operands[0]
                .as_array()
                .expect("array")
                .iter()
                .filter_map(|o| o.as_str().ok())
                .flat_map(|s| s.chunks(2).map(|b| u16::from_be_bytes([b[0], b[1]])))
                .collect()
        })
        .collect();
    // The goal's line: two glyphs, alternating.
    assert!(
        runs.iter()
            .any(|r| r.len() == 4 && r[0] == r[2] && r[1] == r[3] && r[0] != r[1]),
        "the variant is its own glyph: {runs:?}"
    );
    assert!(
        export.missing_glyphs.is_empty(),
        "{:?}",
        export.missing_glyphs
    );
}

#[test]
fn the_lines_of_a_paragraph_are_one_marked_content() {
    let (_, doc) = exported();
    let page = *doc.get_pages().values().next().expect("page 1");
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).expect("decodes");
    // Lines (Tm) in each paragraph's marked content on page 1.
    let (mut lines, mut open) = (Vec::new(), None);
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" if op.operands[0].as_name().ok() == Some(b"P".as_slice()) => open = Some(0),
            "Tm" => open = open.map(|n| n + 1),
            "EMC" => lines.extend(open.take()),
            _ => {}
        }
    }
    // 区の使命 is a paragraph of three lines.
    assert!(lines.contains(&3), "{lines:?}");
    assert!(lines.iter().all(|n| *n >= 1), "{lines:?}");
}

/// A 素案 prints its stage on every page and in its title; the same plan as
/// adopted (no `stage` in the file) prints no mark at all.
#[test]
fn a_draft_says_so_on_every_page_and_an_adopted_plan_nowhere() {
    let mut draft = sample();
    draft.stage = ward_plan::model::Stage::Draft;
    let export = export_pdf(&draft, created()).expect("export");
    let doc = Document::load_mem(&export.bytes).expect("reads back");
    assert!(doc.get_pages().len() >= 3);
    for (n, _) in doc.get_pages() {
        let text = squeeze(&doc.extract_text(&[n]).expect("text"));
        let expected = if n == 1 { 2 } else { 1 }; // page 1: the title too
        assert_eq!(text.matches("素案").count(), expected, "page {n}: {text}");
    }
    assert!(squeeze(&text_of(&doc)).contains("令和4年度鶴見区運営方針（素案）"));
    let (_, adopted) = exported();
    let text = squeeze(&text_of(&adopted));
    assert!(!text.contains("素案") && !text.contains("（案）"), "{text}");
}

/// The 概要版 is A4 landscape with a row per strategy: the strategy, its
/// indicators judged, and both reviews (未記入 when empty).
#[test]
fn the_overview_is_landscape_with_a_row_per_strategy() {
    let plan = io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture");
    let export = ward_plan::export::export_overview(&plan, created()).expect("export");
    let doc = Document::load_mem(&export.bytes).expect("reads back");
    for (_, id) in doc.get_pages() {
        let media = doc
            .get_dictionary(id)
            .and_then(|d| d.get(b"MediaBox"))
            .and_then(Object::as_array)
            .expect("MediaBox");
        let n: Vec<f32> = media
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert!(
            (n[2] - 841.89).abs() < 0.5 && (n[3] - 595.28).abs() < 0.5,
            "{n:?}"
        );
    }
    let text = squeeze(&text_of(&doc));
    for expected in [
        "令和5年度港北区運営方針概要版",
        "経営課題",
        "戦略",
        "アウトカム指標",
        "中間振り返り",
        "自己評価",
        "経営課題1安心して暮らせるまちづくり",
        "【1-1】地域の見守りの充実",
        "目標60%以上（令和5年度末まで）",
        "令和4年度55.1%未達成（達成率91.8%）",
        "令和5年度8,200世帯未達成（達成率82.0%）",
        "未記入",
        "①目標達成おおむね目標どおりに進んだ。",
    ] {
        assert!(
            text.contains(&squeeze(expected)),
            "{expected} not in {text}"
        );
    }
}

/// Each indicator whose target and results read as numbers is drawn after the
/// table, tagged as a Figure whose alternative text says the numbers; the one
/// without results and the one whose target is words get no chart.
#[test]
fn charts_are_figures_whose_alt_text_says_the_numbers() {
    let plan = io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture");
    let export = export_pdf(&plan, created()).expect("export");
    let doc = Document::load_mem(&export.bytes).expect("reads back");
    let mut alts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"S")
                .and_then(Object::as_name)
                .is_ok_and(|s| s == b"Figure")
        })
        .map(|d| {
            let alt = d
                .get(b"Alt")
                .and_then(Object::as_str)
                .expect("a Figure has /Alt");
            decode_pdf_string(alt)
        })
        .collect();
    alts.sort();
    assert_eq!(
        alts,
        [
            "区内の交通事故件数の推移のグラフ。目標 300件以下。令和5年度 280件（達成）。",
            "相談できる場所があると回答した区民の割合の推移のグラフ。目標 60%以上。令和4年度 55.1%（未達成）、令和5年度 62.0%（達成）。",
            "見守りに登録した世帯数の推移のグラフ。目標 10,000世帯以上。令和5年度 8,200世帯（未達成）。",
        ]
    );
    let text = squeeze(&text_of(&doc));
    assert!(
        text.contains("相談できる場所があると回答した区民の割合の推移"),
        "{text}"
    );
    assert!(!text.contains("区民の満足度の推移") && !text.contains("防災リーダーの人数の推移"));
}
