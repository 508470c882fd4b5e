//! The first hour of an office worker in the window, headless through
//! egui_kittest: search and replace, forgiving input, safe deletes, help, the
//! layout at small sizes and the small things that confuse.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::dialogs::ScriptedDialogs;
use ward_plan::app::document::Document;
use ward_plan::model::address::FieldKey;
use ward_plan::model::fields;
use ward_plan::sample;
use ward_plan::ui::Selection;
use ward_plan::{Plan, io};

mod support;
use support::wait;

fn editor_sized(plan: Plan, size: egui::Vec2) -> Harness<'static, PlanApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "見本")));
    h.state_mut().dialogs = Box::new(ScriptedDialogs::default());
    h.run_steps(2);
    h
}

fn editor() -> Harness<'static, PlanApp> {
    editor_sized(sample(), egui::vec2(1360.0, 900.0))
}

/// Clicks a button; three frames, as a dialog it opens is measured in its first
/// frame and shown in the next.
fn click(h: &mut Harness<'_, PlanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(3);
}

fn retype(h: &mut Harness<'_, PlanApp>, field: &str, text: &str) {
    h.get_by_label(field).focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(field).type_text(text);
    h.run_steps(2);
}

/// Puts the cursor in the field named `label` and types `text` there.
fn type_into(h: &mut Harness<'_, PlanApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
}

/// The text in the input named `label`, as the screen reader reads it.
fn value_of(h: &Harness<'_, PlanApp>, label: &str) -> String {
    h.get_all_by_label(label)
        .find(|n| n.accesskit_node().role() == Role::TextInput)
        .and_then(|n| n.accesskit_node().value().map(|v| v.to_string()))
        .unwrap_or_else(|| panic!("no input named {label}"))
}

/// The text of the first label showing `part` (a label of several lines keeps its
/// text as its value, not its name).
fn shown(h: &Harness<'_, PlanApp>, part: &str) -> Option<String> {
    h.query_all_by_label_contains(part).next().map(|n| {
        let node = n.accesskit_node();
        node.value()
            .or(node.label())
            .unwrap_or_default()
            .to_string()
    })
}

fn assert_shows(h: &Harness<'_, PlanApp>, part: &str) -> String {
    shown(h, part).unwrap_or_else(|| panic!("nothing shows {part}"))
}

/// The characters selected in the focused field, from egui's own state.
fn selected_in(h: &Harness<'_, PlanApp>, key: FieldKey) -> Option<(usize, usize)> {
    let id = ward_plan::ui::widgets::field_id(key);
    let state = egui::text_edit::TextEditState::load(&h.ctx, id)?;
    let range = state.cursor.char_range()?;
    let (a, b): (usize, usize) = (range.primary.index.into(), range.secondary.index.into());
    Some((a.min(b), a.max(b)))
}

#[test]
fn search_finds_a_word_in_a_strategy_text_and_opens_that_field() {
    let mut h = editor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(egui::Id::unique("search query")),
        "Ctrl+F puts the cursor in 検索"
    );
    h.get_by_label("検索").type_text("障がい者を支援する");
    h.run_steps(2);
    // The result names the item and field with the vocabulary's words.
    h.get_by_label_contains("戦略【1-1】の内容: …");
    h.get_by_label("1件");
    h.key_press(Key::Enter);
    h.run_steps(3);
    let strategy = &sample().issues[0].strategies[0];
    assert_eq!(h.state().selection, Selection::Item(strategy.id));
    h.get_by_label("1件中1件目");
    // The keyboard stays in 検索: Enter again goes on (to the same, only hit)
    // and never types a line end over the text found.
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(egui::Id::unique("search query")),
        "Enter in 検索 keeps the cursor there"
    );
    for _ in 0..3 {
        h.key_press(Key::Enter);
        h.run_steps(3);
    }
    assert_eq!(
        *h.state().doc.plan(),
        sample(),
        "Enter in 検索 changed the plan"
    );
    // Closing the bar (Esc) puts the cursor in the field, the words selected.
    h.key_press(Key::Escape);
    h.run_steps(3);
    let key = FieldKey::of(Some(strategy.id), &fields::STRATEGY_TEXT);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(ward_plan::ui::widgets::field_id(key)),
        "the 内容 field has the cursor"
    );
    let start = strategy
        .text
        .find("障がい者を支援する")
        .expect("in the text");
    let start = strategy.text[..start].chars().count();
    assert_eq!(selected_in(&h, key), Some((start, start + 9)));
}

#[test]
fn the_loose_search_treats_full_and_half_width_alike() {
    let mut plan = sample();
    plan.issues[0].title = "ＳＤＧｓの推進".to_owned();
    let mut h = editor_sized(plan, egui::vec2(1360.0, 900.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("検索").type_text("sdgs");
    h.run_steps(2);
    h.get_by_label("見つかりません");
    h.get_by_label("全角・半角を区別しない").click();
    h.run_steps(2);
    h.get_by_label_contains("経営課題1の名称: …【ＳＤＧｓ】");
    // F3 from anywhere shows the next hit.
    h.key_press(Key::F3);
    h.run_steps(3);
    assert_eq!(h.state().selection, Selection::Item(sample().issues[0].id));
}

#[test]
fn replace_all_is_one_undo_step() {
    let mut h = editor();
    let before = sample();
    let count = ward_plan::search::find(
        &before,
        &ward_plan::search::Query {
            text: "こども".to_owned(),
            loose: false,
        },
    )
    .len();
    assert!(count >= 5, "{count}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run_steps(2);
    type_into(&mut h, "検索", "こども");
    type_into(&mut h, "置換後", "子ども");
    h.run_steps(2);
    click(&mut h, "すべて置換");
    let text = io::to_ron(h.state().doc.plan()).expect("ron");
    assert!(!text.contains("こども"), "{text}");
    h.get_by_label_contains(&format!(
        "{count}か所の「こども」を「子ども」に置換しました"
    ));
    h.get_by_label("見つかりません");
    // One click brings every one of them back.
    click(&mut h, "元に戻す");
    assert_eq!(*h.state().doc.plan(), before);
}

#[test]
fn replace_one_replaces_the_hit_shown_and_moves_on() {
    let mut h = editor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run_steps(2);
    type_into(&mut h, "検索", "こども");
    type_into(&mut h, "置換後", "子ども");
    h.run_steps(2);
    let total = {
        let app = h.state_mut();
        app.search.as_mut().map_or(0, |b| b.hits(&app.doc).len())
    };
    click(&mut h, "次へ");
    click(&mut h, "置換");
    let plan = h.state().doc.plan();
    let left = ward_plan::search::find(
        plan,
        &ward_plan::search::Query {
            text: "こども".to_owned(),
            loose: false,
        },
    );
    assert_eq!(left.len(), total - 1);
    h.get_by_label(&format!("{}件中1件目", total - 1));
}

#[test]
fn dates_are_read_as_people_write_them() {
    // 基本情報 is the form shown at start.
    let mut h = editor();
    let day = chrono::NaiveDate::from_ymd_opt(2023, 6, 9);
    for typed in [
        "令和5年6月9日",
        "2023/6/9",
        "R5.6.9",
        "２０２３－０６－０９",
    ] {
        retype(&mut h, "掲載日", typed);
        assert_eq!(h.state().doc.plan().page_date, day, "{typed}");
        assert!(h.query_all_by_label("令和5年6月9日").count() >= 1);
    }
    // Leaving the field shows the date in one form.
    h.key_press(Key::Tab);
    h.run_steps(2);
    assert_eq!(value_of(&h, "掲載日"), "2023-06-09");
}

#[test]
fn an_invalid_budget_is_kept_with_its_message_until_corrected() {
    let mut h = editor();
    h.get_by_label("2-1-2 児童虐待防止対策").click();
    h.run_steps(2);
    let before = h.state().doc.plan().budget_total();
    retype(&mut h, "予算額", "1.5");
    // Leave the field: the typed text stays, with the message.
    h.get_by_label("名称").focus();
    h.run_steps(2);
    assert_eq!(value_of(&h, "予算額"), "1.5");
    assert_shows(&h, "予算額は千円単位の数字で入力してください");
    assert_shows(&h, "直すまで、値は13,989のままです");
    assert_eq!(h.state().doc.plan().budget_total(), before);
    // Typed the way people do: full-width, with 千円.
    retype(&mut h, "予算額", "１，２００千円");
    assert_eq!(
        h.state().doc.plan().issues[1].strategies[0].initiatives[0].budget,
        Some(1200)
    );
    assert!(shown(&h, "予算額は千円単位").is_none());
}

#[test]
fn the_year_changes_by_typing_or_the_buttons_never_by_a_drag() {
    // 基本情報 is the form shown at start.
    let mut h = editor();
    let label = "年度（西暦の始まりの年）";
    // A drag over the field does nothing to the year.
    let field = h.get_by_label(label);
    let at = field.rect().center();
    h.drag_at(at);
    h.run_steps(1);
    h.hover_at(at + egui::vec2(200.0, 0.0));
    h.run_steps(1);
    h.drop_at(at + egui::vec2(200.0, 0.0));
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().fiscal_year, 2022);
    retype(&mut h, label, "令和5");
    assert_eq!(h.state().doc.plan().fiscal_year, 2023);
    h.get_by_label("令和5年度");
    click(&mut h, "＋");
    assert_eq!(h.state().doc.plan().fiscal_year, 2024);
    // A button beside a field holding an unreadable entry sets the value, and
    // the field shows it.
    retype(&mut h, label, "来年");
    assert_shows(&h, "年度は 2023 か 令和5 の形で入力してください。");
    click(&mut h, "＋");
    assert_eq!(h.state().doc.plan().fiscal_year, 2025);
    assert_eq!(value_of(&h, label), "2025");
    assert!(shown(&h, "年度は 2023 か").is_none());
}

#[test]
fn deleting_an_issue_asks_and_undo_brings_it_back_with_its_budget() {
    let mut h = editor();
    let total = sample().budget_total();
    h.get_by_label("経営課題1 だれもが地域で安心して暮らせるまちづくり")
        .click();
    h.run_steps(2);
    click(&mut h, "削除");
    // Nothing is gone yet; the question names what goes with it.
    assert_eq!(h.state().doc.plan().issues.len(), 5);
    let question = assert_shows(
        &h,
        "経営課題1「だれもが地域で安心して暮らせるまちづくり」を削除します。",
    );
    let issue_budget = sample().issues[0].budget_total();
    assert!(
        question.contains(&format!(
            "予算 {}",
            ward_plan::amount::format_thousand_yen(issue_budget)
        )),
        "{question}"
    );
    click(&mut h, "キャンセル");
    assert_eq!(*h.state().doc.plan(), sample());
    click(&mut h, "削除");
    click(&mut h, "削除する");
    assert_eq!(h.state().doc.plan().issues.len(), 4);
    assert_eq!(h.state().doc.plan().budget_total(), total - issue_budget);
    h.get_by_label("経営課題1を削除しました。");
    click(&mut h, "元に戻す");
    assert_eq!(*h.state().doc.plan(), sample());
    // The item brought back is the one shown.
    let back = h.state().doc.plan().issues[0].id;
    assert_eq!(h.state().selection, Selection::Item(back));
}

/// The search bar's widgets never overlap, at any window width from 400 px,
/// with the box empty or holding a word.
#[test]
fn the_search_bar_never_draws_one_widget_over_another() {
    for width in (400..=1400).step_by(100) {
        let mut h = editor_sized(sample(), egui::vec2(width as f32, 700.0));
        h.key_press_modifiers(Modifiers::COMMAND, Key::F);
        h.run_steps(3);
        for query in ["", "まち"] {
            if !query.is_empty() {
                type_into(&mut h, "検索", query);
                h.run_steps(2);
            }
            let mut rects = vec![
                (
                    "検索 (label)",
                    h.get_by_role_and_label(Role::Label, "検索").rect(),
                ),
                (
                    "検索 (box)",
                    h.get_by_role_and_label(Role::TextInput, "検索").rect(),
                ),
                (
                    "全角・半角",
                    h.get_by_label("全角・半角を区別しない").rect(),
                ),
            ];
            for button in ["前へ", "次へ", "閉じる"] {
                rects.push((button, h.get_by_role_and_label(Role::Button, button).rect()));
            }
            for (i, (a, ra)) in rects.iter().enumerate() {
                for (b, rb) in &rects[i + 1..] {
                    let overlap = ra.intersect(*rb);
                    assert!(
                        !overlap.is_positive() || overlap.area() < 1.0,
                        "at {width} px with {query:?}: {a} {ra:?} overlaps {b} {rb:?}"
                    );
                }
            }
        }
    }
}

/// The hit list shows several rows and follows 次へ to the hit shown.
#[test]
fn the_hit_list_follows_the_hit_shown() {
    let mut h = editor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    type_into(&mut h, "検索", "まち");
    h.run_steps(2);
    // The hit list's rows, top to bottom.
    let rows = |h: &Harness<'_, PlanApp>| -> Vec<egui::Rect> {
        h.get_all_by_role(Role::Button)
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.contains("【まち】"))
            })
            .map(|n| n.rect())
            .collect()
    };
    let before = rows(&h);
    assert!(before.len() > 12, "{} hits", before.len());
    let (top, pitch) = (before[0].top(), before[1].top() - before[0].top());
    // The outline starts under the search bar: the list above it has room.
    let below = h
        .get_all_by_label("基本情報")
        .map(|n| n.rect().top())
        .fold(f32::INFINITY, f32::min);
    let in_view = ((below - top) / pitch).floor();
    assert!(in_view >= 6.0, "only {in_view} rows in view");
    for _ in 0..12 {
        click(&mut h, "次へ");
    }
    assert_shows(&h, "件中12件目");
    let current = rows(&h)[11];
    assert!(
        current.top() >= top - 1.0 && current.bottom() <= below,
        "the 12th hit {current:?} is out of the list's view ({top}..{below})"
    );
}

/// Ctrl+Z undoes the plan's last change wherever the cursor is: in another field
/// than the one typed in, and in the one being typed in (one history, not a
/// field's own beside the plan's); a number field shows the value undone to. In
/// the search box it is the box's own.
#[test]
fn ctrl_z_undoes_the_last_change_wherever_the_cursor_is() {
    let mut h = editor();
    let undo = |h: &mut Harness<'_, PlanApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
    };
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    type_into(&mut h, "区の目標", "を");
    wait(&mut h, 2.0);
    wait(&mut h, 0.1);
    let typed = format!("{}を", sample().goal);
    assert_eq!(h.state().doc.plan().goal, typed);
    // The cursor in another field, which has nothing of its own to undo.
    h.get_by_label("区の使命").focus();
    h.run_steps(2);
    undo(&mut h);
    assert_eq!(h.state().doc.plan().goal, sample().goal);
    assert_eq!(
        h.get_by_label("区の目標").value().as_deref(),
        Some(&*sample().goal)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, typed);

    // In the field being typed in: the plan's history, the same steps.
    type_into(&mut h, "区の使命", "ね");
    undo(&mut h);
    assert_eq!(h.state().doc.plan().mission, sample().mission);
    assert_eq!(h.state().doc.plan().goal, typed, "one step at a time");

    // A number field being typed in shows the value undone to.
    h.get_by_label("基本情報").click();
    h.run_steps(2);
    let year = "年度（西暦の始まりの年）";
    retype(&mut h, year, "2030");
    assert_eq!(h.state().doc.plan().fiscal_year, 2030);
    undo(&mut h);
    assert_eq!(h.state().doc.plan().fiscal_year, sample().fiscal_year);
    assert_eq!(value_of(&h, year), sample().fiscal_year.to_string());

    // The search box keeps its own.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    type_into(&mut h, "検索", "まち");
    let plan = h.state().doc.plan().clone();
    undo(&mut h);
    assert_eq!(
        *h.state().doc.plan(),
        plan,
        "Ctrl+Z in the search box left the plan"
    );
}

/// The status line's 元に戻す undoes the change its message names or is not
/// there: once another change is made after a delete (or a replace-all), the
/// button goes, and Ctrl+Z-style undo stays with the menu.
#[test]
fn the_status_line_undo_goes_once_another_change_is_made() {
    let mut h = editor();
    h.get_by_label("経営課題1 だれもが地域で安心して暮らせるまちづくり")
        .click();
    h.run_steps(2);
    click(&mut h, "削除");
    click(&mut h, "削除する");
    h.get_by_label("経営課題1を削除しました。");
    h.get_by_role_and_label(Role::Button, "元に戻す");
    // Another change: the button would now undo it, not the delete.
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    retype(&mut h, "区の目標", "新しい目標");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(
        h.query_by_role_and_label(Role::Button, "元に戻す")
            .is_none(),
        "the button stayed after a later change"
    );
    assert_eq!(h.state().doc.plan().issues.len(), 4);
    assert_eq!(h.state().doc.plan().goal, "新しい目標");

    // The same after すべて置換.
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run_steps(2);
    type_into(&mut h, "検索", "こども");
    type_into(&mut h, "置換後", "子ども");
    h.run_steps(2);
    click(&mut h, "すべて置換");
    h.get_by_role_and_label(Role::Button, "元に戻す");
    // The outline's entry (a hit in the replace bar's list has the same name).
    h.get_all_by_label("目標・使命")
        .next()
        .expect("the outline entry")
        .click();
    h.run_steps(2);
    retype(&mut h, "区の目標", "もう一つの目標");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(
        h.query_by_role_and_label(Role::Button, "元に戻す")
            .is_none()
    );
}

#[test]
fn an_empty_new_item_is_deleted_without_a_question() {
    let mut h = editor();
    h.get_by_label("2-1 安心して子育てできる環境づくり").click();
    h.run_steps(2);
    click(&mut h, "＋ 具体的取組を追加");
    let strategy = &h.state().doc.plan().issues[1].strategies[0];
    let new = strategy.initiatives.last().expect("added");
    assert!(
        new.main,
        "printed with its siblings, which are all 主な: {:?}",
        strategy
            .initiatives
            .iter()
            .map(|i| i.main)
            .collect::<Vec<_>>()
    );
    // The cursor waits in its 名称, and the outline says it has none yet.
    let key = FieldKey::of(Some(new.id), &fields::TITLE);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(ward_plan::ui::widgets::field_id(key))
    );
    h.get_by_label_contains("（名称未入力）");
    h.key_press(Key::Escape);
    h.run_steps(1);
    click(&mut h, "削除");
    assert_eq!(*h.state().doc.plan(), sample());
}

#[test]
fn up_is_off_on_the_first_item_and_down_on_the_last() {
    let mut h = editor();
    h.get_by_label("経営課題1 だれもが地域で安心して暮らせるまちづくり")
        .click();
    h.run_steps(2);
    assert!(
        h.get_by_role_and_label(Role::Button, "↑ 上へ")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        !h.get_by_role_and_label(Role::Button, "↓ 下へ")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label_contains("経営課題5 ").click();
    h.run_steps(2);
    assert!(
        h.get_by_role_and_label(Role::Button, "↓ 下へ")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn f1_opens_the_guide_with_the_shortcuts() {
    let mut h = editor();
    h.key_press(Key::F1);
    h.run_steps(2);
    h.get_by_label("写しを送る・取り込む").click();
    h.run_steps(2);
    h.get_by_label_contains("校閲 → 各課に送る… を選び");
    h.get_by_label_contains("校閲 → 取り込み… を選び");
    h.get_by_label("ショートカット").click();
    h.run_steps(2);
    h.get_by_label("Ctrl+F");
    h.get_by_label("F1");
    // Every topic opens and draws (a glyph the fonts lack would panic here),
    // among them the year's: 版, 振り返り, 指標, 復元, and 概要版 under 印刷.
    for topic in ward_plan::app::dialogs::help::TOPICS {
        h.get_by_label(topic.title).click();
        h.run_steps(2);
        let start: String = topic.body.chars().take(20).collect();
        h.get_by_label_contains(&start);
    }
    for title in [
        "版（素案・案・確定）",
        "振り返りの記入状況",
        "アウトカム指標の達成状況",
        "復元と前の版",
    ] {
        assert!(
            ward_plan::app::dialogs::help::TOPICS
                .iter()
                .any(|t| t.title == title),
            "{title}"
        );
    }
    h.get_by_label("印刷とPDF").click();
    h.run_steps(2);
    h.get_by_label_contains("概要版をPDFに書き出す…");
}

#[test]
fn saved_stops_showing_once_the_plan_changes_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("鶴見区.ron");
    io::save(&path, &sample()).expect("save");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 900.0))
        .build_eframe({
            let path = path.clone();
            move |cc| PlanApp::new(cc, Document::opened(sample(), path))
        });
    h.run_steps(2);
    h.state_mut().doc.edit(|p| p.goal.push('。'));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    h.get_by_label_contains("保存しました");
    h.state_mut().doc.edit(|p| p.goal.push('。'));
    h.run_steps(2);
    h.get_by_label("● 未保存の変更あり");
    assert!(h.query_by_label_contains("保存しました").is_none());
}

#[test]
fn print_without_a_viewer_says_where_the_pdf_is() {
    let mut h = editor();
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        no_viewer: true,
        ..ScriptedDialogs::default()
    });
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(2);
    // The viewer answers after the PDF is handed over (off the window's
    // thread); its failure replaces the hint to print from the viewer.
    assert_shows(&h, "PDFを表示するアプリが見つかりませんでした");
    assert_shows(&h, "（開いていません）");
    assert!(
        h.query_by_label_contains("ビューアの「印刷」で印刷してください")
            .is_none()
    );
}

#[test]
fn a_narrow_window_folds_the_panels_before_the_form() {
    // 800×600 with the preview and 比較 asked for: they fold away, the form
    // keeps its width, and the status line says so.
    let mut h = editor_sized(sample(), egui::vec2(800.0, 600.0));
    h.state_mut().settings.show_preview = true;
    h.run_steps(2);
    h.get_by_label_contains("幅が足りないため隠しています: 印刷プレビュー");
    h.get_by_label("2-1-2 児童虐待防止対策").click();
    h.run_steps(2);
    let name = h.get_by_label("名称").rect();
    assert!(name.width() >= 300.0, "{name:?}");
    // 400×300: the outline folds into a 目次 menu; the form is still usable.
    let mut h = editor_sized(sample(), egui::vec2(400.0, 300.0));
    h.get_by_label("目次").click();
    h.run_steps(2);
    h.get_by_label("2-1-2 児童虐待防止対策").click();
    h.run_steps(2);
    let id = sample().issues[1].strategies[0].initiatives[0].id;
    assert_eq!(h.state().selection, Selection::Item(id));
    let name = h.get_by_label("名称").rect();
    assert!(name.width() >= 200.0, "{name:?}");
}

#[test]
fn quit_asks_about_unsaved_changes() {
    let mut h = editor();
    h.state_mut().doc.edit(|p| p.goal.push('。'));
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(2);
    h.get_by_label_contains("の変更が保存されていません。保存しますか？");
}

#[test]
fn the_last_file_reopens_at_start_and_a_missing_one_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("鶴見区R5.ron");
    let mut plan = sample();
    plan.goal = "前回の目標".to_owned();
    io::save(&path, &plan).expect("save");
    let mut h = editor();
    h.state_mut().recent = vec![path.clone()];
    h.state_mut().reopen_last();
    h.run_steps(2);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().doc.plan().goal, "前回の目標");

    let gone = dir.path().join("消えた.ron");
    let mut h = editor();
    h.state_mut().recent = vec![gone.clone()];
    h.state_mut().reopen_last();
    h.run_steps(2);
    assert_eq!(*h.state().doc.plan(), sample(), "the sample stays");
    assert_shows(&h, "が見つからないため、見本を開いています。");
}

#[test]
fn recent_files_are_kept_as_absolute_paths() {
    let mut h = editor();
    h.state_mut()
        .request(ward_plan::app::command::Command::OpenPath(
            "samples/tsurumi-r4.ron".into(),
        ));
    h.run_steps(2);
    let first = h.state().recent.first().cloned().expect("remembered");
    assert!(first.is_absolute(), "{first:?}");
    assert!(first.ends_with("samples/tsurumi-r4.ron"), "{first:?}");
}

/// Every text field of the walk has an input named by its address on the form
/// that shows it: what search (and anything else that points at a field) relies on.
#[test]
fn every_text_field_of_the_walk_can_take_the_cursor() {
    use ward_plan::model::walk::{self, Value};
    use ward_plan::ui::widgets::{FocusRequest, field_id, request_focus};
    let mut plan = sample();
    // A word the ward keeps (表記のきまり), so its field is walked too.
    plan.writing.keep.push("子ども・子育て支援法".to_owned());
    // An indicator with a result, so their fields are walked too.
    plan.issues[0].strategies[0]
        .indicators
        .push(ward_plan::model::Indicator {
            name: "指標".to_owned(),
            results: vec![ward_plan::model::YearResult {
                fiscal_year: 2022,
                value: "55.1%".to_owned(),
                grade: "B".to_owned(),
            }],
            ..Default::default()
        });
    let mut h = editor_sized(plan.clone(), egui::vec2(1360.0, 900.0));
    let mut checked = 0;
    for field in walk::fields(&plan) {
        let Value::Text(_) = field.value else {
            continue;
        };
        let key = field.key();
        h.state_mut().selection = match key.item {
            Some(id) => Selection::Item(id),
            None if key.group == Some("wording") => Selection::Basics,
            None => match key.field {
                "goal" | "mission" => Selection::Goal,
                "policy" | "policy_lead" | "policy_closing" => Selection::Policy,
                "overall_evaluation" | "future_direction" => Selection::Closing,
                _ if key.group == Some("writing") => Selection::Writing,
                _ => Selection::Basics,
            },
        };
        request_focus(
            &h.ctx,
            FocusRequest {
                key,
                start: 0,
                end: 0,
                keyboard: true,
            },
        );
        h.run_steps(3);
        assert_eq!(
            h.ctx.memory(|m| m.focused()),
            Some(field_id(key)),
            "{} has no input at its address",
            field.name
        );
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_writing_warning_opens_its_field_with_the_words_selected() {
    let mut h = editor();
    h.get_by_label("警告 12件").click();
    h.run_steps(2);
    h.get_by_label("表記（12件）");
    h.get_by_label_contains("具体的取組【2-1-2】の取組内容の「子ども」")
        .click();
    h.run_steps(3);
    let initiative = &sample().issues[1].strategies[0].initiatives[0];
    assert_eq!(h.state().selection, Selection::Item(initiative.id));
    let key = FieldKey::of(Some(initiative.id), &fields::INITIATIVE_TEXT);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(ward_plan::ui::widgets::field_id(key))
    );
    let at = initiative.text.find("子ども").expect("in the text");
    let at = initiative.text[..at].chars().count();
    assert_eq!(selected_in(&h, key), Some((at, at + 3)));
}

#[test]
fn fix_one_finding_then_all_of_a_rule_each_one_undo_step() {
    let mut h = editor();
    h.get_by_label("警告 12件").click();
    h.run_steps(2);
    // 直す beside 子ども: the only 表記ゆれ finding.
    let fixes: Vec<_> = h.get_all_by_role_and_label(Role::Button, "直す").collect();
    assert_eq!(fixes.len(), 12);
    h.get_by_role_and_label(Role::Button, "表記ゆれをすべて直す（1件）")
        .click();
    h.run_steps(3);
    let text = &h.state().doc.plan().issues[1].strategies[0].initiatives[0].text;
    assert!(text.contains("就学前のこどもがいる"), "{text}");
    h.get_by_label("警告 11件");
    click(&mut h, "元に戻す");
    assert_eq!(*h.state().doc.plan(), sample());
    // すべて直す for 送り仮名: seven 取組み at once, one undo step.
    h.get_by_role_and_label(Role::Button, "送り仮名をすべて直す（7件）")
        .click();
    h.run_steps(3);
    assert_shows(&h, "送り仮名を7か所直しました");
    let ron = io::to_ron(h.state().doc.plan()).expect("ron");
    assert!(!ron.contains("取組み"), "{ron}");
    h.get_by_label("警告 5件");
    click(&mut h, "元に戻す");
    assert_eq!(*h.state().doc.plan(), sample());
    // One 直す.
    h.get_all_by_role_and_label(Role::Button, "直す")
        .next()
        .expect("a 直す")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state().doc.plan().policy[0],
        sample().policy[0].replacen("取組み", "取組", 1)
    );
    assert_eq!(h.state().doc.plan().issues, sample().issues);
}

/// 表記のきまり, edited in the window: a word added to the never-flag list stops
/// its finding, a chosen form turns the check around, a rule switched off is
/// silent; all of it is saved in the plan.
#[test]
fn the_wards_writing_choices_change_what_is_flagged() {
    let mut plan = sample();
    plan.policy
        .push("子ども・子育て支援法に基づく事業を着実に進める。".to_owned());
    let mut h = editor_sized(plan, egui::vec2(1360.0, 900.0));
    h.get_by_label("警告 13件").click();
    h.run_steps(2);
    h.get_by_label_contains("区運営の基本的な考え方の6つ目の「子ども」");
    h.get_by_label("表記のきまりを開く…").click();
    h.run_steps(2);
    assert_eq!(h.state().selection, Selection::Writing);
    // The law's name, added to the words kept: its finding goes.
    type_into(&mut h, "追加する言葉", "子ども・子育て支援法");
    click(&mut h, "追加");
    assert_eq!(h.state().doc.plan().writing.keep, ["子ども・子育て支援法"]);
    assert!(
        shown(&h, "区運営の基本的な考え方の6つ目の「子ども」").is_none(),
        "still flagged"
    );
    h.get_by_label("警告 12件");
    h.get_by_label_contains("具体的取組【2-1-2】の取組内容の「子ども」");
    // The ward writes 子ども: the six こども are flagged instead.
    h.get_by_label("こども・子ども・子供").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "子ども").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().writing.preferred, ["子ども"]);
    let variants = h
        .query_all_by_label_contains("表記のきまりでは「子ども」と書きます")
        .count();
    assert_eq!(variants, 6);
    // 送り仮名 switched off: its seven findings go.
    h.get_by_label_contains("送り仮名: ").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().writing.off, ["送り仮名"]);
    assert!(shown(&h, "「取組み」").is_none());
    h.get_by_label("警告 10件");
    // All of it is in the file.
    let ron = io::to_ron(h.state().doc.plan()).expect("ron");
    let back = io::parse(ron.as_bytes()).expect("loads");
    assert_eq!(back.writing, h.state().doc.plan().writing);
}

/// The plan's stage is chosen in 基本情報: the status bar says it, the preview's
/// pages carry the mark, and the file keeps it; back to 確定, the mark goes.
#[test]
fn choosing_the_stage_marks_the_pages() {
    let mut h = editor();
    h.get_by_label("版: 確定");
    h.get_by_role_and_label(Role::RadioButton, "素案").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().stage, ward_plan::model::Stage::Draft);
    h.get_by_label("版: 素案");
    let marked = |h: &mut Harness<'_, PlanApp>| {
        let pages = h.state_mut().pages().to_vec();
        pages
            .iter()
            .filter(|p| p.lines().any(|l| l == "素案"))
            .count()
    };
    let pages = h.state_mut().pages().len();
    assert!(pages >= 3);
    assert_eq!(marked(&mut h), pages, "every page");
    let ron = io::to_ron(h.state().doc.plan()).expect("ron");
    assert!(ron.contains("    stage: Draft,\n"), "{ron}");
    h.get_by_role_and_label(Role::RadioButton, "確定").click();
    h.run_steps(2);
    assert_eq!(marked(&mut h), 0);
    assert!(
        !io::to_ron(h.state().doc.plan())
            .expect("ron")
            .contains("stage")
    );
}

/// 校閲 → 振り返りの記入状況: the counts, the filter for what is missing, and a
/// click that opens the item's form with the cursor where the review lacks text.
#[test]
fn the_review_work_lists_what_is_missing_and_opens_it() {
    use ward_plan::model::{Review, ReviewStatus};
    let mut plan = sample();
    let strategy = &mut plan.issues[0].strategies[0];
    let written = Review {
        status: ReviewStatus::Achieved,
        comment: "順調に進んだ。".to_owned(),
        improvement: String::new(),
    };
    strategy.interim_review = written.clone();
    strategy.self_evaluation = written;
    strategy.initiatives[0].interim_review = Review {
        status: ReviewStatus::NotAchieved,
        comment: "参加が少なかった。".to_owned(),
        improvement: String::new(),
    };
    let initiative = strategy.initiatives[0].id;
    let mut h = editor_sized(plan, egui::vec2(1360.0, 900.0));
    h.get_by_label("校閲").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "振り返りの記入状況…")
        .click();
    h.run_steps(3);
    h.get_by_label("中間振り返り 1/10 記入済み、自己評価 1/10 記入済み");
    h.get_by_label("戦略【1-1】 地域共生社会の実現");
    // Only what is missing: 1-1 has both written and goes.
    h.get_by_label("記入が済んでいないものだけ").click();
    h.run_steps(2);
    assert!(shown(&h, "戦略【1-1】 地域共生社会の実現").is_none());
    h.get_by_label("具体的取組【1-1-1】 地域福祉力の向上");
    assert_eq!(
        h.query_all_by_label("未記入").count(),
        9 + 8,
        "eight 中間振り返り (1-1-1's is begun) and nine 自己評価 left"
    );
    // The ② without its remedy opens at the 課題と改善策.
    h.get_by_label("②目標未達成（課題と改善策なし）").click();
    h.run_steps(4);
    assert_eq!(h.state().selection, Selection::Item(initiative));
    let key =
        FieldKey::of(Some(initiative), &fields::REVIEW_IMPROVEMENT).within(&fields::INTERIM_REVIEW);
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        Some(ward_plan::ui::widgets::field_id(key))
    );
    // The window folds to its title bar, off the field it opened.
    assert!(h.query_by_label("記入が済んでいないものだけ").is_none());
    let title = h
        .get_all_by_label("振り返りの記入状況")
        .map(|n| n.rect())
        .next()
        .expect("the window's title stays");
    let field = h
        .get_all_by_label_contains(fields::REVIEW_IMPROVEMENT.label)
        .find(|n| n.accesskit_node().is_focused())
        .expect("the field, focused")
        .rect();
    assert!(!title.intersects(field), "{title:?} over {field:?}");
}

/// ファイル → 概要版をPDFに書き出す…: an A4 landscape PDF at the place chosen,
/// a row per strategy, shown in the viewer.
#[test]
fn the_overview_is_written_where_asked_and_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("概要版.pdf");
    let mut h = editor();
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        save: [Some(path.clone())].into(),
        ..ScriptedDialogs::default()
    });
    h.get_by_label("ファイル").click();
    h.run_steps(2);
    click(&mut h, "概要版をPDFに書き出す…");
    let doc = lopdf::Document::load(&path).expect("a PDF where asked");
    let text = support::pdf_text(&doc);
    assert!(text.contains("令和4年度鶴見区運営方針概要版"), "{text}");
    for n in 1..=5 {
        assert!(
            text.contains(&format!("【{n}-1】")),
            "strategy {n}-1: {text}"
        );
    }
    assert_shows(&h, "PDFを書き出しました");
}

/// Whether a node is a widget that shows text (not a text run inside one, not
/// a panel's splitter).
fn shows_text(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::Label
            | Role::Link
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::ComboBox
    )
}

/// At 800×600 nothing is cut at a panel's edge: every widget ends before the
/// splitter to its right (a name too long ends in 「…」 and keeps its full text
/// for the screen reader and the hover), and the status bar stays one line
/// with a long file name, a message and the note about folded panels.
#[test]
fn nothing_is_cut_at_800_by_600() {
    let mut plan = sample();
    plan.issues[0].strategies[0].initiatives[0].title =
        "地域における見守り体制と相談支援ネットワークの構築による地域福祉力の向上".to_owned();
    let long = "地域における見守り体制と相談支援ネットワークの構築による地域福祉力の向上";
    let id = plan.issues[0].strategies[0].initiatives[0].id;
    let path = std::path::PathBuf::from(
        "/home/総務課政策推進グループ/令和4年度/運営方針/各課への照会用/令和4年度鶴見区運営方針（第2版・各課照会用）.ron",
    );
    for warnings in [false, true] {
        let mut h = Harness::builder()
            .with_size(egui::vec2(800.0, 600.0))
            .build_eframe({
                let (plan, path) = (plan.clone(), path.clone());
                move |cc| PlanApp::new(cc, Document::opened(plan, path))
            });
        h.state_mut().dialogs = Box::new(ScriptedDialogs::default());
        h.state_mut().settings.show_preview = true;
        h.state_mut().selection = Selection::Item(id);
        // A change, so the status bar has its unsaved mark too.
        h.state_mut().doc.edit(|p| p.goal.push('。'));
        h.run_steps(2);
        if warnings {
            h.get_by_label_contains("警告 ").click();
        }
        h.run_steps(4);
        let splitters: Vec<egui::Rect> = h
            .get_all_by_role(Role::Splitter)
            .map(|n| n.rect())
            .collect();
        assert!(!splitters.is_empty());
        // The panels' edges a widget at `r` meets: the splitters beside it, and
        // the window's.
        let edges_at = |r: egui::Rect| {
            let mut edges: Vec<f32> = splitters
                .iter()
                .filter(|s| s.top() < r.bottom() && r.top() < s.bottom())
                .map(|s| s.left())
                .collect();
            edges.push(800.0);
            edges.sort_by(f32::total_cmp);
            edges
        };
        for node in h.root().children_recursive() {
            let a = node.accesskit_node();
            if !shows_text(a.role()) || a.raw_bounds().is_none() {
                continue;
            }
            let r = node.rect();
            let edge = edges_at(r)
                .into_iter()
                .find(|&e| r.left() < e)
                .unwrap_or(800.0);
            assert!(
                r.right() <= edge + 1.0,
                "warnings {warnings}: {:?} {:?} {:?} runs from {} to {} past the edge at {edge}",
                a.role(),
                a.label(),
                a.value(),
                r.left(),
                r.right()
            );
        }
        // The selected outline entry keeps its full name.
        let name = format!("1-1-1 {long}");
        let entry = h.get_by_role_and_label(Role::Button, &name).rect();
        assert!(entry.right() <= edges_at(entry)[0] + 1.0, "{entry:?}");
        // The status bar is one line: the panels above reach down to it.
        let bar_top = splitters.iter().map(|r| r.bottom()).fold(0.0, f32::max);
        assert!(
            600.0 - bar_top <= 32.0,
            "warnings {warnings}: the status bar is {} px tall",
            600.0 - bar_top
        );
        let toggle = h.get_by_label_contains("警告 ").rect();
        let file = h.get_by_label_contains("各課照会用）.ron").rect();
        assert!((toggle.center().y - file.center().y).abs() < 3.0);
    }
}

/// With the warnings open beside the preview at 1366×768: each 直す sits on
/// the last line of its own message, not above the next one, the link to
/// 表記のきまり is whole, and the preview's controls stay on one line.
#[test]
fn fix_buttons_follow_their_messages_and_the_preview_bar_stays_one_line() {
    let mut h = editor_sized(sample(), egui::vec2(1366.0, 768.0));
    h.state_mut().settings.show_preview = true;
    h.run_steps(2);
    h.get_by_label_contains("警告 ").click();
    h.run_steps(4);
    let messages: Vec<egui::Rect> = h
        .get_all_by_role(Role::Link)
        .filter(|n| n.accesskit_node().label().is_some_and(|l| l.contains("」")))
        .map(|n| n.rect())
        .collect();
    let fixes: Vec<egui::Rect> = h
        .get_all_by_role_and_label(Role::Button, "直す")
        .map(|n| n.rect())
        .collect();
    assert!(fixes.len() >= 5, "{} 直す", fixes.len());
    // A 直す belongs to the message it is closest to: on that message's last
    // line, or under it with a wider gap before the next warning.
    for fix in &fixes {
        let above = messages
            .iter()
            .filter(|m| m.top() < fix.top())
            .map(|m| (fix.top() - m.bottom()).max(0.0))
            .fold(f32::INFINITY, f32::min);
        let below = messages
            .iter()
            .filter(|m| m.top() >= fix.bottom() - 1.0)
            .map(|m| m.top() - fix.bottom())
            .fold(f32::INFINITY, f32::min);
        assert!(
            above + 2.0 < below,
            "直す at {fix:?}: {above} px under a message, {below} px over the next"
        );
    }
    let link = h
        .get_by_role_and_label(Role::Link, "表記のきまりを開く…")
        .rect();
    let splitters: Vec<egui::Rect> = h
        .get_all_by_role(Role::Splitter)
        .map(|n| n.rect())
        .collect();
    assert!(link.right() <= 1366.0 && splitters.iter().all(|s| !s.intersects(link)));
    // The preview's bar: its page buttons and its zoom on one line.
    let zoom = h.get_by_role(Role::ComboBox).rect();
    let pages: Vec<egui::Rect> = h
        .get_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains('◀') || l.contains('▶'))
        })
        .map(|n| n.rect())
        .collect();
    assert_eq!(pages.len(), 2);
    for page in pages {
        assert!(
            (page.center().y - zoom.center().y).abs() < 3.0,
            "{page:?} {zoom:?}"
        );
    }
}
