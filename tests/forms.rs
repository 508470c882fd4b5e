//! Each form on its own, driven through egui_kittest: typing reaches the plan,
//! structural buttons emit their edits, every field the warnings can name is on
//! the form under the same name (the field vocabulary), and every change a form
//! makes is one it reports (the document counts changes by those reports).

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::edit::{Edit, Target};

use ward_plan::model::walk::{self, Value};
use ward_plan::model::{ItemPath, Plan};
use ward_plan::sample;
use ward_plan::ui::{Selection, forms};

/// What a form works on: the plan and the structural edits it asked for, and
/// how many frames it reported a change in.
struct Form {
    plan: Plan,
    edits: Vec<Edit>,
    reported: usize,
}

fn form(selection: Selection) -> Harness<'static, Form> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 2400.0))
        .with_context_setup(ward_plan::ui::install_fonts)
        .build_ui_state(
            move |ui, form: &mut Form| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let before = form.plan.clone();
                    let changed = forms::form_ui(ui, &mut form.plan, selection, &mut form.edits);
                    // A change the form keeps quiet about would leave the pages,
                    // the warnings and the unsaved mark as they were.
                    assert!(
                        changed || form.plan == before,
                        "the form changed the plan without reporting it"
                    );
                    form.reported += usize::from(changed);
                });
            },
            Form {
                plan: sample(),
                edits: Vec::new(),
                reported: 0,
            },
        );
    h.run_steps(2);
    h
}

fn retype(h: &mut Harness<'_, Form>, field: &str, text: &str) {
    h.get_by_label(field).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(field).type_text(text);
    h.run_steps(2);
}

fn click(h: &mut Harness<'_, Form>, button: &str) {
    h.get_by_role_and_label(Role::Button, button).click();
    h.run_steps(2);
}

/// Every field of the item the walk visits (its own fields, not list entries) has
/// a form field whose label contains the vocabulary's label.
fn every_named_field_is_on_the_form(h: &Harness<'_, Form>, path: ItemPath) {
    for field in walk::fields(&h.state().plan) {
        if field.at != path || field.within.is_some() || matches!(field.value, Value::Number(_)) {
            continue;
        }
        assert!(
            h.query_all_by_label_contains(field.field.label)
                .next()
                .is_some(),
            "{} has no form field labelled {}",
            field.name,
            field.field.label
        );
    }
}

#[test]
fn basics_form() {
    let mut h = form(Selection::Basics);
    retype(&mut h, "区名", "北区");
    assert_eq!(h.state().plan.ward, "北区");
    retype(&mut h, "電話", "06-6313-9474");
    assert_eq!(h.state().plan.contact.phone, "06-6313-9474");
    click(&mut h, "＋ 改訂履歴を追加");
    assert!(matches!(h.state().edits[..], [Edit::AddRevision(_)]));
}

#[test]
fn every_plan_field_is_on_one_of_the_plan_forms() {
    let mut labels = Vec::new();
    for selection in [
        Selection::Basics,
        Selection::Goal,
        Selection::Policy,
        Selection::Closing,
    ] {
        let h = form(selection);
        labels.extend(h.get_all_by_role(Role::Label).filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or(node.value()).map(|l| l.to_string())
        }));
    }
    for field in walk::fields(&sample()) {
        if field.at == ItemPath::Plan {
            assert!(
                labels.iter().any(|l| l.contains(field.field.label)),
                "{} is on no form",
                field.name
            );
        }
    }
}

#[test]
fn goal_form() {
    let mut h = form(Selection::Goal);
    retype(&mut h, "区の目標", "みんなでつくるまち");
    retype(&mut h, "区の使命", "区民に寄りそう");
    assert_eq!(h.state().plan.goal, "みんなでつくるまち");
    assert_eq!(h.state().plan.mission, "区民に寄りそう");
}

#[test]
fn policy_form() {
    let mut h = form(Selection::Policy);
    retype(
        &mut h,
        "区運営の基本的な考え方の2つ目",
        "子育てを応援する。",
    );
    assert_eq!(h.state().plan.policy[1], "子育てを応援する。");
    h.get_all_by_role_and_label(Role::Button, "複製")
        .next()
        .expect("a 複製 button per bullet")
        .click();
    h.run_steps(2);
    assert_eq!(h.state().edits, [Edit::Duplicate(Target::Policy(0))]);
}

#[test]
fn closing_form() {
    let mut h = form(Selection::Closing);
    retype(&mut h, "自己評価（運営方針全体）", "おおむね順調に進んだ。");
    retype(&mut h, "今後の方針", "引き続き取り組む。");
    assert_eq!(h.state().plan.overall_evaluation, "おおむね順調に進んだ。");
    assert_eq!(h.state().plan.future_direction, "引き続き取り組む。");
}

#[test]
fn issue_form() {
    let plan = sample();
    let mut h = form(Selection::Item(plan.issues[1].id));
    h.get_by_label("経営課題2");
    retype(&mut h, "めざすべき将来像", "こどもが健やかに育つまち");
    assert_eq!(h.state().plan.issues[1].vision, "こどもが健やかに育つまち");
    click(&mut h, "↑ 上へ");
    click(&mut h, "＋ 戦略を追加");
    assert_eq!(
        h.state().edits,
        [
            Edit::MoveUp(Target::Item(ItemPath::Issue(1))),
            Edit::AddStrategy(1)
        ]
    );
    every_named_field_is_on_the_form(&h, ItemPath::Issue(1));
}

#[test]
fn strategy_form() {
    let plan = sample();
    let mut h = form(Selection::Item(plan.issues[0].strategies[0].id));
    h.get_by_label("戦略 1-1");
    retype(&mut h, "めざす状態", "支えあいが広がっている");
    retype(&mut h, "中間振り返りの所見", "順調");
    let strategy = &h.state().plan.issues[0].strategies[0];
    assert_eq!(strategy.target_state, "支えあいが広がっている");
    assert_eq!(strategy.interim_review.comment, "順調");
    click(&mut h, "＋ 指標を追加");
    assert_eq!(
        h.state().edits,
        [Edit::AddIndicator(ItemPath::Strategy(0, 0))]
    );
    every_named_field_is_on_the_form(&h, ItemPath::Strategy(0, 0));
}

#[test]
fn strategy_form_with_an_indicator() {
    let mut plan = sample();
    plan.issues[0].strategies[0]
        .indicators
        .push(Default::default());
    let id = plan.issues[0].strategies[0].id;
    let mut h = form(Selection::Item(id));
    h.state_mut().plan = plan;
    h.run_steps(2);
    retype(&mut h, "指標 1", "地域の活動に参加した区民の割合");
    retype(&mut h, "目標値", "60");
    let indicator = &h.state().plan.issues[0].strategies[0].indicators[0];
    assert_eq!(indicator.name, "地域の活動に参加した区民の割合");
    assert_eq!(indicator.target, "60");
    click(&mut h, "＋ 実績を追加");
    click(&mut h, "指標を削除");
    let at = ItemPath::Strategy(0, 0);
    assert_eq!(
        h.state().edits,
        [
            Edit::AddYearResult(at, 0),
            Edit::Delete(Target::Indicator(at, 0))
        ]
    );
}

#[test]
fn initiative_form() {
    let plan = sample();
    let mut h = form(Selection::Item(
        plan.issues[1].strategies[0].initiatives[0].id,
    ));
    h.get_by_label("具体的取組 2-1-2");
    retype(&mut h, "予算額", "14,200");
    h.get_by_label("予算額").focus();
    h.key_press(Key::Escape);
    h.run_steps(2);
    let initiative = &h.state().plan.issues[1].strategies[0].initiatives[0];
    assert_eq!(initiative.budget, Some(14_200));
    retype(&mut h, "業績目標", "家庭訪問 300件");
    assert_eq!(
        h.state().plan.issues[1].strategies[0].initiatives[0].performance_target,
        "家庭訪問 300件"
    );
    click(&mut h, "複製");
    assert_eq!(
        h.state().edits,
        [Edit::Duplicate(Target::Item(ItemPath::Initiative(1, 0, 0)))]
    );
    every_named_field_is_on_the_form(&h, ItemPath::Initiative(1, 0, 0));
}

/// Runs `act` on the form and checks that it changed the plan and the form said
/// so (the harness fails any frame that changes the plan without saying so).
fn changes(h: &mut Harness<'_, Form>, what: &str, act: impl FnOnce(&mut Harness<'_, Form>)) {
    let (before, reported) = (h.state().plan.clone(), h.state().reported);
    act(h);
    h.run_steps(2);
    assert_ne!(h.state().plan, before, "{what} changed nothing");
    assert!(h.state().reported > reported, "{what} was not reported");
}

/// Each kind of input, not only typing: radio buttons, steppers, check boxes,
/// drop-down lists, the list of words to keep.
#[test]
fn every_kind_of_input_reports_its_change() {
    let mut h = form(Selection::Basics);
    changes(&mut h, "版", |h| {
        h.get_by_role_and_label(Role::RadioButton, "案").click();
    });
    changes(&mut h, "年度の＋", |h| {
        h.get_by_role_and_label(Role::Button, "＋").click();
    });
    changes(&mut h, "改訂日", |h| {
        retype(h, "改訂日 1", "令和4年6月1日")
    });

    let mut h = form(Selection::Writing);
    changes(&mut h, "表記の点検", |h| {
        h.get_by_label_contains("表記ゆれ: ").click();
    });
    changes(&mut h, "残す言葉の追加", |h| {
        retype(h, "追加する言葉", "子ども・子育て支援法");
        h.get_by_role_and_label(Role::Button, "追加").click();
    });
    changes(&mut h, "残す言葉の削除", |h| {
        h.get_by_role_and_label(Role::Button, "削除").click();
    });
    changes(&mut h, "そろえる書き方", |h| {
        h.get_by_label("こども・子ども・子供").click();
        h.run_steps(2);
        h.get_by_role_and_label(Role::Button, "子ども").click();
    });

    let plan = sample();
    let mut h = form(Selection::Item(plan.issues[0].strategies[0].id));
    changes(&mut h, "主な戦略", |h| {
        h.get_by_label(ward_plan::model::fields::MAIN.label).click();
    });
    changes(&mut h, "番号を固定", |h| {
        h.get_by_role_and_label(Role::CheckBox, "番号（空欄なら並び順）")
            .click();
    });
    changes(&mut h, "番号の＋", |h| {
        h.get_by_role_and_label(Role::Button, "＋").click();
    });
    changes(&mut h, "達成状況", |h| {
        h.get_by_label("中間振り返りの達成状況").click();
        h.run_steps(2);
        h.get_by_role_and_label(Role::Button, "①目標達成").click();
    });
}

/// The calendar beside a date is a Japanese one: 令和 and the Western year over
/// weeks from 日 to 土; a day chosen is written by 決定 only, and 取消 leaves
/// the date as it was.
#[test]
fn the_calendar_is_japanese_and_writes_only_on_decide() {
    let mut h = form(Selection::Basics);
    let june_9 = chrono::NaiveDate::from_ymd_opt(2023, 6, 9);
    assert_eq!(h.state().plan.page_date, june_9);
    let open = |h: &mut Harness<'_, Form>| {
        h.get_all_by_role_and_label(Role::Button, "カレンダー")
            .next()
            .expect("the 掲載日's calendar")
            .click();
        h.run_steps(3);
    };
    open(&mut h);
    h.get_by_label("令和5年（2023年）6月");
    let heads: Vec<String> = ["日", "月", "火", "水", "木", "金", "土"]
        .into_iter()
        .filter(|d| h.query_by_label(d).is_none())
        .map(str::to_owned)
        .collect();
    assert!(heads.is_empty(), "weekday heads missing: {heads:?}");
    for english in ["June", "Mo", "Su", "Save", "Cancel"] {
        assert!(h.query_by_label(english).is_none(), "{english}");
    }
    h.get_by_role_and_label(Role::Button, "15").click();
    h.run_steps(2);
    assert_eq!(h.state().plan.page_date, june_9, "a click only chooses");
    h.get_by_label("選んだ日: 令和5年6月15日");
    h.get_by_role_and_label(Role::Button, "決定").click();
    h.run_steps(3);
    assert_eq!(
        h.state().plan.page_date,
        chrono::NaiveDate::from_ymd_opt(2023, 6, 15)
    );
    assert!(
        h.query_by_label("決定").is_none(),
        "決定 closes the calendar"
    );

    open(&mut h);
    h.get_by_role_and_label(Role::Button, "＞").click();
    h.run_steps(2);
    h.get_by_label("令和5年（2023年）7月");
    h.get_by_role_and_label(Role::Button, "3").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "取消").click();
    h.run_steps(3);
    assert_eq!(
        h.state().plan.page_date,
        chrono::NaiveDate::from_ymd_opt(2023, 6, 15),
        "取消 changes nothing"
    );
    assert!(
        h.query_by_label("取消").is_none(),
        "取消 closes the calendar"
    );
}

/// A word to keep longer than the check reads (a paragraph pasted into the
/// list) says so beside it, and the check still flags what it would cover.
#[test]
fn a_word_to_keep_too_long_to_use_says_so() {
    let mut h = form(Selection::Writing);
    let note = format!(
        "{}字を超える言葉は、点検で使いません（文章ではなく、名前を入れてください）。",
        ward_plan::proof::KEEP_WORD_MAX_CHARS
    );
    assert!(h.query_by_label(&note).is_none());
    // Sixty-nine characters, one 子ども among the sample's six こども.
    let paragraph = format!("{}子ども", "地域".repeat(33));
    retype(&mut h, "追加する言葉", &paragraph);
    h.get_by_role_and_label(Role::Button, "追加").click();
    h.run_steps(2);
    assert_eq!(
        h.state().plan.writing.keep,
        std::slice::from_ref(&paragraph)
    );
    h.get_by_label(&note);
    let mut plan = h.state().plan.clone();
    plan.policy.push(format!("{paragraph}を支える。"));
    assert!(
        ward_plan::proof::proofread(&plan)
            .iter()
            .any(|f| f.span.found == "子ども"),
        "a word over the limit keeps nothing"
    );
}
