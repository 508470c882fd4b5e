//! What several window and PDF tests do the same way: open a menu entry, put
//! the cursor in the goal field, read a PDF's text. Each test binary uses only
//! some of it.
#![allow(dead_code)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;

/// Opens `menu` and clicks its `entry` (a button or a radio button whose label
/// may go on with its shortcut); a missing entry fails the test.
pub fn menu(h: &mut Harness<'_, PlanApp>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run_steps(2);
    h.query_all_by_role(Role::Button)
        .chain(h.query_all_by_role(Role::RadioButton))
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == entry || l.starts_with(&format!("{entry} ")))
        })
        .unwrap_or_else(|| panic!("no {entry} in {menu}"))
        .click();
    h.run_steps(3);
}

/// Opens 目標・使命 from the outline and puts the cursor in 区の目標.
pub fn focus_goal(h: &mut Harness<'_, PlanApp>) {
    // The outline's entry (the form's heading, once open, has the same words).
    h.get_all_by_label("目標・使命")
        .next()
        .expect("the outline entry")
        .click();
    h.run_steps(2);
    h.get_by_label("区の目標").focus();
    h.run_steps(2);
}

/// Opens 目標・使命 from the outline and selects all of 区の目標, as a person
/// does before typing over it.
pub fn select_goal(h: &mut Harness<'_, PlanApp>) {
    focus_goal(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
}

/// Opens 目標・使命 with the cursor at the end of 区の目標, where a person goes
/// on writing.
pub fn goal_cursor_at_end(h: &mut Harness<'_, PlanApp>) {
    focus_goal(h);
    h.key_press(Key::End);
    h.run_steps(1);
}

/// Moves the harness clock on by `seconds` and runs one frame at that time.
pub fn wait(h: &mut Harness<'_, PlanApp>, seconds: f64) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + seconds);
    h.step();
}

/// The text of every page of a PDF, read back, without white space.
pub fn pdf_text(doc: &lopdf::Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .expect("text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every shape the last frame painted, nested lists opened: what a person sees,
/// to read text and rules from instead of the program's own records.
pub fn painted_shapes(h: &Harness<'_, PlanApp>) -> Vec<egui::epaint::Shape> {
    use egui::epaint::Shape;
    fn flatten(shape: &Shape, out: &mut Vec<Shape>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(s, out)),
            other => out.push(other.clone()),
        }
    }
    let mut shapes = Vec::new();
    for clipped in &h.output().shapes {
        flatten(&clipped.shape, &mut shapes);
    }
    shapes
}
