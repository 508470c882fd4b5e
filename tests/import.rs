//! Importing published pages: the seed becomes the sample exactly, another ward's
//! page of the other era keeps its wording, and no line of the body is lost.

use std::path::Path;
use std::process::Command;

use ward_plan::blocks::{self, Medium};
use ward_plan::import::import;
use ward_plan::model::Heading;
use ward_plan::sample;
use ward_plan::{compare, io};

const SEED: &str = include_str!("fixtures/tsurumi-r4-published.txt");
const VARIANT: &str = include_str!("fixtures/r5-variant-page.txt");
const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");

/// Every line of the page, headings included, is accounted for once: found in
/// the plan's web text (which prints the headings in the page's own wording)
/// or listed in the report. A found line uses up that stretch of the web text,
/// so a line the page repeats needs a copy of its own in the plan; it is
/// looked for after the line before it first (the page's order), then anywhere
/// not used yet (a page that lists its strategies by name before their
/// initiatives prints in another order than the plan).
fn nothing_lost(page: &str, imported: &ward_plan::import::Imported) {
    let web = blocks::plain_text(&blocks::blocks(&imported.plan, Medium::Web));
    // A line's words without its list mark (the plan prints ・ for any mark)
    // and without spaces.
    let squeeze = |s: &str| -> String {
        let line = ward_plan::import::normalise(s);
        let unmarked = line
            .strip_prefix("- ")
            .unwrap_or(&line)
            .trim_start_matches(|c| "・•●◆◇○◯■□▪◎★☆".contains(c));
        // Brackets aside: a period written (R5~R7…) prints in its own column.
        unmarked
            .chars()
            .filter(|c| !c.is_whitespace() && !"・()（）".contains(*c))
            .map(|c| if c == '，' { ',' } else { c })
            .collect()
    };
    let mut web = squeeze(&web);
    let mut from = 0;
    for (n, line) in page.lines().enumerate() {
        let reported = imported.report.iter().any(|note| note.line == n + 1);
        if reported {
            continue;
        }
        // A table row's cells are printed in the plan's own table layout:
        // each cell is looked for on its own.
        for cell in line.split('\t') {
            let text = squeeze(cell);
            if text.is_empty() {
                continue;
            }
            let Some(at) = web[from..]
                .find(&text)
                .map(|at| from + at)
                .or_else(|| web.find(&text))
            else {
                panic!(
                    "line {}: {line} is neither in the plan nor in the report ({text})",
                    n + 1
                );
            };
            web.replace_range(at..at + text.len(), &"\0".repeat(text.len()));
            from = at + text.len();
        }
    }
}

#[test]
fn the_seed_page_becomes_the_sample() {
    let imported = import(SEED);
    assert!(compare::diff(&sample(), &imported.plan).is_empty());
    assert_eq!(
        blocks::plain_text(&blocks::blocks(&imported.plan, Medium::Web)),
        blocks::plain_text(&blocks::blocks(&sample(), Medium::Web))
    );
    assert_eq!(
        imported.plan.issues[1].strategies[0].initiatives[0].number,
        Some(2)
    );
    assert!(
        imported.plan.wording.is_standard(),
        "{:?}",
        imported.plan.wording
    );
    // Only furniture is left out.
    let left: Vec<&str> = imported.report.iter().map(|n| n.text.as_str()).collect();
    // The title repeats twice more on the page: reported as repeats.
    assert_eq!(left.len(), 12, "{left:?}");
    assert!(left.contains(&"ページ番号:565550") && left.contains(&"• Facebookでシェア"));
    nothing_lost(SEED, &imported);
}

#[test]
fn another_wards_page_of_the_r5_era_keeps_its_wording() {
    let imported = import(VARIANT);
    let plan = &imported.plan;
    assert_eq!((plan.fiscal_year, plan.ward.as_str()), (2023, "北区"));
    assert_eq!(plan.page_date, chrono::NaiveDate::from_ymd_opt(2024, 6, 28));
    assert_eq!(plan.revisions.len(), 1);
    assert_eq!(
        plan.goal,
        "・だれもが安心して住み続けられるまち\n・にぎわいと魅力あふれるまち"
    );
    // The sentence before the bullets is the policy's lead, not a bullet.
    assert_eq!(
        plan.policy_lead,
        "区民の声を聴き、次の考え方で区政を進める。"
    );
    assert_eq!(plan.policy.len(), 2, "{:?}", plan.policy);
    assert_eq!(plan.issues.len(), 2);
    let issue = &plan.issues[0];
    assert_eq!(issue.title, "地域の防災力の向上");
    assert!(issue.description.starts_with("南海トラフ地震"));
    let strategy = &issue.strategies[0];
    assert!(strategy.main);
    assert_eq!(strategy.title, "地域防災計画の作成支援");
    assert_eq!(strategy.indicators.len(), 1);
    // Written on one line as staff speak: name, target and unit, period.
    let indicator = &strategy.indicators[0];
    assert_eq!(
        (
            indicator.name.as_str(),
            indicator.target.as_str(),
            indicator.unit.as_str(),
            indicator.period.as_str()
        ),
        (
            "地域防災計画を作成した地域の数",
            "10",
            "地域以上",
            "R5~R7作成合計目標"
        )
    );
    assert!(ward_plan::judge::read_target(indicator).is_ok());
    let initiative = &strategy.initiatives[0];
    assert_eq!(
        (initiative.number, initiative.budget),
        (Some(2), Some(1_200))
    );
    assert_eq!(initiative.title, "防災リーダーの育成");
    assert_eq!(
        plan.overall_evaluation,
        "各経営課題とも、おおむね計画どおりに進めた。"
    );
    assert_eq!(plan.future_direction, "地域との協働をさらに進める。");
    assert_eq!(plan.office, "大阪市北区役所");
    assert_eq!(plan.contact.phone, "06-6313-9474");
    assert_eq!(plan.contact.postal_code, "530-8401");
    // The page's own wording, kept and printed.
    assert_eq!(plan.wording.get(Heading::Goal), "目標（何をめざすのか）");
    assert_eq!(plan.wording.get(Heading::Issue), "【経営課題{番号}】{名称}");
    assert_eq!(
        plan.wording.get(Heading::Strategy),
        "【戦略 {番号} {名称}】"
    );
    let web = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    for printed in [
        "目標（何をめざすのか）",
        "【経営課題1】地域の防災力の向上",
        "【戦略 1-1 地域防災計画の作成支援】",
    ] {
        assert!(web.contains(printed), "{printed} not in\n{web}");
    }
    let check = ward_plan::check::check(plan);
    assert!(
        check.iter().all(|w| !w.message.contains("空です")),
        "{check:?}"
    );
    nothing_lost(VARIANT, &imported);
}

#[test]
fn import_on_the_command_line_writes_the_plan_and_lists_what_it_left_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.txt");
    std::fs::write(&page, VARIANT).expect("page");
    let out = dir.path().join("北区R5.ron");
    let run = Command::new(BIN)
        .args([Path::new("import"), &page, Path::new("-o"), &out])
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        text.contains("令和5年度 北区運営方針を作りました"),
        "{text}"
    );
    assert!(text.contains("ページ番号:612345"), "{text}");
    let plan = io::load(&out).expect("the plan loads");
    assert_eq!(plan.issues.len(), 2);
    // It never overwrites.
    let again = Command::new(BIN)
        .args([Path::new("import"), &page, Path::new("-o"), &out])
        .output()
        .expect("runs");
    assert!(!again.status.success());
}

#[test]
fn pasting_a_page_in_the_editor_makes_a_new_unsaved_plan() {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use ward_plan::app::PlanApp;
    use ward_plan::app::command::{Action, Command};
    use ward_plan::app::document::Document;

    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| PlanApp::new(cc, Document::untitled(sample(), "見本")));
    h.run_steps(2);
    h.state_mut().request(Command::Run(Action::ImportPage));
    h.run_steps(3);
    h.get_by_label_contains("本文をすべて選んでコピーし");
    h.state_mut().import_text = Some(VARIANT.to_owned());
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "取り込む").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.doc.plan().ward, "北区");
    assert!(
        app.is_dirty() && app.doc.path.is_none(),
        "a new plan to save"
    );
    assert!(app.import_text.is_none(), "the dialog closes");
    h.get_by_label_contains("取り込まなかった行が");
}

#[test]
fn the_html_for_the_city_page_imports_back_to_the_same_plan() {
    for plan in [sample(), import(VARIANT).plan] {
        let page = blocks::html::html(
            &blocks::blocks(&plan, Medium::Web),
            &blocks::title(&plan, Medium::Web),
        );
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"ja\">"));
        assert!(!page.contains("<script"));
        let back = import(&ward_plan::import::html::to_text(&page));
        let changes = compare::diff(&plan, &back.plan);
        assert!(changes.is_empty(), "{changes:#?}");
    }
}

const R4_VARIANT: &str = include_str!("fixtures/r4-variant-page.txt");

#[test]
fn an_r4_page_listing_strategies_without_numbers() {
    let imported = import(R4_VARIANT);
    let plan = &imported.plan;
    assert_eq!((plan.fiscal_year, plan.ward.as_str()), (2022, "東成区"));
    assert_eq!(plan.goal, "・みんながつながり、支えあうまち");
    assert_eq!(plan.policy_lead, "区民とともに、次のことに取り組む。");
    assert_eq!(
        plan.policy,
        ["地域の見守りを広げる。", "学びの場を増やす。"]
    );
    assert_eq!(plan.policy_closing, "以上の考え方で区政を進める。");
    assert_eq!(plan.issues.len(), 2);
    let strategies: Vec<&str> = plan.issues[0]
        .strategies
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        strategies,
        ["見守りの担い手を増やす", "見守りの情報を共有する"]
    );
    assert!(plan.issues[0].strategies.iter().all(|s| s.main));
    // 【１－１－１ …】 belongs to the first strategy listed, as its number says.
    assert!(plan.issues[0].strategies[1].initiatives.is_empty());
    let initiative = &plan.issues[0].strategies[0].initiatives[0];
    assert_eq!(
        (initiative.title.as_str(), initiative.budget),
        ("見守り協力員の養成", Some(3_000))
    );
    assert_eq!(plan.wording.get(Heading::Strategy), "・{名称}");
    assert_eq!(plan.contact.fax, "06-6972-2732");
    assert!(
        imported
            .report
            .iter()
            .any(|n| n.text == "受付時間 9時～17時30分"),
        "a contact line it cannot place is reported: {:?}",
        imported.report
    );
    let web = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    assert!(web.contains("・見守りの担い手を増やす"), "{web}");
    nothing_lost(R4_VARIANT, &imported);
}

/// Found by the `import` fuzz target: a lone CR in the page stayed in a text,
/// and the plan did not load back the same after saving.
#[test]
fn a_page_with_lone_carriage_returns_imports_to_a_plan_that_loads_back_the_same() {
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fuzz-import-cr.txt"
    ))
    .expect("fixture");
    let text = String::from_utf8_lossy(&page);
    assert!(text.contains('\r'));
    let imported = import(&text);
    let saved = io::to_ron(&imported.plan).expect("writes");
    assert_eq!(io::parse(saved.as_bytes()).expect("loads"), imported.plan);
    let lines = ward_plan::import::page_lines(&text).len();
    assert!(
        imported
            .report
            .iter()
            .all(|n| n.line >= 1 && n.line <= lines)
    );
}

/// Furniture is told by its shape: the link to other years' plans is left
/// out, a sentence that starts the same way is the plan's text.
#[test]
fn a_sentence_starting_like_a_link_is_text() {
    use ward_plan::import::{Line, classify};
    for link in [
        "過去の鶴見区運営方針",
        "• 過去の区運営方針一覧",
        "これまでの北区運営方針",
    ] {
        assert!(matches!(classify(link), Line::Furniture), "{link}");
    }
    let sentence = "過去の災害の教訓を生かし、地域の防災訓練を続ける。";
    assert!(matches!(classify(sentence), Line::Text(_)));
    let page = SEED.replacen(
        "高齢者や障がい者を地域で支える仕組み",
        &format!("{sentence}\n高齢者や障がい者を地域で支える仕組み"),
        1,
    );
    assert_ne!(page, SEED, "the seed has the line the sentence goes before");
    let imported = import(&page);
    let web = blocks::plain_text(&blocks::blocks(&imported.plan, Medium::Web));
    assert!(web.contains(sentence), "{web}");
    nothing_lost(&page, &imported);
}

/// A 令和5年度 page of another ward written with 「- 」 bullets, a group
/// heading over the first sections, a lead and a closing paragraph around the
/// policy, strategies and initiatives listed by name and indicator tables with
/// results: all of it lands in its place.
#[test]
fn a_page_with_hyphen_bullets_and_name_lists() {
    let page = include_str!("fixtures/r5-hyphen-page.txt");
    let imported = import(page);
    let plan = &imported.plan;
    assert_eq!((plan.fiscal_year, plan.ward.as_str()), (2023, "此花区"));
    assert_eq!(
        plan.goal,
        "・健康で安心して暮らし続けられるまち\n・人がつながり、にぎわうまち"
    );
    assert_eq!(plan.policy_lead, "次の考え方に基づき、区政を運営する。");
    assert_eq!(plan.policy.len(), 3, "{:?}", plan.policy);
    assert_eq!(
        plan.policy_closing,
        "さらに、職員一人ひとりが区民の立場に立って仕事を進める。"
    );
    // The group heading is kept as such; the policy's own heading too.
    assert_eq!(
        plan.wording.get(Heading::Group),
        "「目標」「使命」及び「所属運営の基本的な考え方」"
    );
    assert_eq!(
        plan.wording.get(Heading::Policy),
        "{年度} 区運営の基本的な考え方(区長の方針)"
    );
    let strategies: Vec<Vec<&str>> = plan
        .issues
        .iter()
        .map(|i| i.strategies.iter().map(|s| s.title.as_str()).collect())
        .collect();
    assert_eq!(
        strategies,
        [
            vec!["地域の防災力の向上", "区役所の災害対応力の強化"],
            vec!["子育て相談の充実"]
        ]
    );
    let initiatives: Vec<&str> = plan.issues[0].strategies[1]
        .initiatives
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(initiatives, ["地域防災訓練の支援", "防災リーダーの育成"]);
    let indicator = &plan.issues[0].strategies[1].indicators[0];
    assert_eq!(indicator.name, "家庭で災害への備えをしている区民の割合");
    assert_eq!(
        (indicator.target.as_str(), indicator.unit.as_str()),
        ("70", "%以上")
    );
    assert_eq!(indicator.period, "令和7年度末");
    assert_eq!(indicator.results.len(), 1);
    let result = &indicator.results[0];
    assert_eq!(
        (
            result.fiscal_year,
            result.value.as_str(),
            result.grade.as_str()
        ),
        (2023, "58.2%", "B")
    );
    // No mark is left in any text of the plan.
    for field in ward_plan::model::walk::fields(plan) {
        if let Some(text) = field.value.text() {
            assert!(
                !text.lines().any(|l| l.starts_with("- ")),
                "{}: {text}",
                field.name
            );
        }
    }
    let web = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    assert!(!web.contains("・-") && !web.contains("・ -"), "{web}");
    // A list is printed as the page has it: its label once, then the names,
    // no label repeated per strategy and no 【1-2-1 …】 the page never had.
    for label in ["主な戦略(課題解決の方策)", "《主な具体的取組》"] {
        let count = |text: &str| text.lines().filter(|l| l.trim() == label).count();
        assert_eq!(count(&web), count(page), "{label} in\n{web}");
    }
    for name in [
        "地域防災訓練の支援",
        "防災リーダーの育成",
        "区役所の災害対応力の強化",
    ] {
        assert!(
            web.lines().any(|l| l == format!("・{name}")),
            "{name} in\n{web}"
        );
    }
    nothing_lost(page, &imported);
}

/// A page that lists some strategies and initiatives by name and heads others
/// with their numbers prints them all numbered (「・name」 would take the
/// numbers from the others), and says so at the line where the forms mix.
#[test]
fn names_listed_and_numbered_headings_mixed_print_numbered() {
    let page = include_str!("fixtures/r5-hyphen-page.txt").replace(
        "- 子育て相談の充実\n",
        "- 子育て相談の充実\n【2-2 子育てサロンの充実】\nサロンを増やす。\n《主な具体的取組》\n【2-2-1 サロンの開催】(予算額 500千円)\n",
    );
    let imported = import(&page);
    let plan = &imported.plan;
    assert_eq!(plan.issues[1].strategies.len(), 2);
    assert_eq!(
        plan.issues[1].strategies[1].initiatives[0].budget,
        Some(500)
    );
    for heading in [Heading::Strategy, Heading::Initiative] {
        assert_eq!(plan.wording.get(heading), "", "{heading:?} prints numbered");
    }
    let mixed: Vec<&str> = imported
        .report
        .iter()
        .filter(|n| n.why.contains("混ざっている"))
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(
        mixed,
        [
            "【2-2 子育てサロンの充実】",
            "【2-2-1 サロンの開催】(予算額 500千円)"
        ]
    );
    let web = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    assert!(web.contains("【1-1 地域の防災力の向上】"), "{web}");
    assert!(web.contains("【1-2-1 地域防災訓練の支援】"), "{web}");
    nothing_lost(&page, &imported);
}

/// A 令和4年度 page whose policy is two paragraphs and no bullets, with ○ and
/// ■ marks, a numbered list in a field and an indicator table headed its own
/// way.
#[test]
fn a_page_whose_policy_is_paragraphs() {
    let page = include_str!("fixtures/r4-paragraph-page.txt");
    let imported = import(page);
    let plan = &imported.plan;
    assert_eq!((plan.fiscal_year, plan.ward.as_str()), (2022, "西区"));
    assert!(plan.policy.is_empty(), "{:?}", plan.policy);
    assert_eq!(
        plan.policy_lead,
        "西区は、人口の増加が続き、子育て世帯が増えている。\n区民の声に耳を傾け、地域とともに課題の解決に取り組む。"
    );
    assert_eq!(plan.goal, "・住みたい、住み続けたいまち");
    // A numbered list outside the policy keeps its numbers.
    assert_eq!(
        plan.issues[0].description,
        "① 保育の需要が高い。\n② 子育て世帯が地域とつながる機会が少ない。"
    );
    let initiative = &plan.issues[0].strategies[0].initiatives[0];
    assert_eq!(initiative.text, "・子育てサロンを毎月開く。");
    let indicator = &plan.issues[0].strategies[0].indicators[0];
    assert_eq!(
        (indicator.target.as_str(), indicator.unit.as_str()),
        ("1,000", "世帯以上")
    );
    assert_eq!(indicator.results[0].fiscal_year, 2022);
    assert_eq!(indicator.results[0].grade, "A");
    // Printed: the policy as paragraphs, no ・ before them; check has nothing
    // to say about an empty policy.
    let text = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    assert!(
        text.contains("\n西区は、人口の増加が続き") && !text.contains("・西区は"),
        "{text}"
    );
    let check = ward_plan::check::check(plan);
    assert!(
        !check
            .iter()
            .any(|w| w.message.contains("基本的な考え方が一つもありません")),
        "{check:?}"
    );
    nothing_lost(page, &imported);
}

/// The same page saved from a browser as HTML — a head with a style and a
/// script, comments holding tags, a 「>」 inside an attribute, character
/// references, sentences wrapped in the source, lists, tables and <br> — imports
/// to the same plan as its text copy, and nothing of the scripts, styles,
/// comments or <noscript> reaches the plan or the report.
#[test]
fn a_saved_html_page_imports_like_its_text() {
    let text = import(include_str!("fixtures/r5-hyphen-page.txt"));
    let html = include_str!("fixtures/r5-hyphen-page.html");
    for part in [
        "<script>", "<style>", "<!--", "&gt;", "&nbsp;", "<br>", "<table",
    ] {
        assert!(html.contains(part), "the fixture has {part}");
    }
    let page = ward_plan::import::html::to_text(html);
    let from_html = import(&page);
    let changes = compare::diff(&text.plan, &from_html.plan);
    assert!(changes.is_empty(), "{changes:#?}");
    let reported: Vec<&str> = from_html.report.iter().map(|n| n.text.as_str()).collect();
    for hidden in [
        "スクリプト",
        "古いお知らせ",
        "JavaScript",
        "dataLayer",
        "font-family",
    ] {
        assert!(
            !page.contains(hidden) && !reported.iter().any(|r| r.contains(hidden)),
            "{hidden} in {reported:?}"
        );
    }
    nothing_lost(&page, &from_html);
}

/// A page copied from a PDF viewer (the 平成29年度 大正区 page): its Kangxi
/// radicals (「運営⽅針」 with U+2F45, 「3⽉31⽇」) become the ordinary
/// characters, so the title, the date and the headings are read, and the
/// import says how many; its policy numbered 「1.」 with no space is a
/// numbered list, not one paragraph with the numbers in its text.
#[test]
fn a_page_copied_from_a_pdf_with_look_alikes_and_numbers_with_full_stops() {
    let page = include_str!("fixtures/h29-pdf-copy-page.txt");
    let imported = import(page);
    let plan = &imported.plan;
    assert_eq!((plan.fiscal_year, plan.ward.as_str()), (2017, "大正区"));
    assert_eq!(
        plan.page_date,
        chrono::NaiveDate::from_ymd_opt(2017, 3, 31),
        "the date read"
    );
    assert_eq!(imported.look_alikes, 9);
    assert!(
        imported
            .look_alike_note()
            .is_some_and(|n| n.contains("9字")),
        "{:?}",
        imported.look_alike_note()
    );
    assert_eq!(plan.goal, "・だれもが安心して暮らせるまち");
    assert_eq!(
        plan.policy,
        [
            "区民主体のまちづくり",
            "安全・安心のまちづくり",
            "人にやさしい窓口"
        ]
    );
    assert!(plan.policy_lead.is_empty(), "{:?}", plan.policy_lead);
    let web = blocks::plain_text(&blocks::blocks(plan, Medium::Web));
    assert!(
        !web.chars()
            .any(|c| ward_plan::model::text::ordinary(c).is_some()),
        "{web}"
    );
    assert!(
        ward_plan::proof::proofread(plan)
            .iter()
            .all(|f| f.span.rule != ward_plan::proof::rules::LOOK_ALIKE)
    );
}

/// 校正 names a look-alike character left in a plan and fixes it in one click.
#[test]
fn a_look_alike_left_in_a_plan_is_named_and_fixed() {
    let mut plan = sample();
    plan.goal = "区民の⽣活を⽀える".to_owned();
    let findings: Vec<_> = ward_plan::proof::proofread(&plan)
        .into_iter()
        .filter(|f| f.span.rule == ward_plan::proof::rules::LOOK_ALIKE)
        .collect();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(
        findings[0].message.contains("U+2F63"),
        "{}",
        findings[0].message
    );
    assert_eq!(
        ward_plan::proof::fix_all(&mut plan, ward_plan::proof::rules::LOOK_ALIKE),
        2
    );
    assert_eq!(plan.goal, "区民の生活を支える");
}
