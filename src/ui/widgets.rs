//! Small labelled form widgets: every input is tied to its visible label, so screen
//! readers (and the tests) find it by name.

use egui::{Response, TextEdit, Ui};

use crate::amount::{group_digits, parse_thousand_yen};
use crate::wareki::format_date;

/// A one-line text field under its label.
pub fn line(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let l = ui.label(label);
    ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(l.id)
}

/// A paragraph field under its label, growing with its text.
pub fn paragraph(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let l = ui.label(label);
    ui.add(
        TextEdit::multiline(text)
            .desired_width(f32::INFINITY)
            .desired_rows(2),
    )
    .labelled_by(l.id)
}

/// A budget in 千円: shown with separators, refusing anything that is not a number.
/// What the user types is kept while the field has focus, so an invalid entry can
/// be corrected instead of vanishing.
pub fn budget(ui: &mut Ui, label: &str, budget: &mut Option<u64>) -> Response {
    let l = ui.label(label);
    let id = ui.make_persistent_id(label);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| budget.map(group_digits).unwrap_or_default());
    let response = ui
        .horizontal(|ui| {
            let r = ui
                .add(TextEdit::singleline(&mut text).desired_width(120.0))
                .labelled_by(l.id);
            ui.label("千円");
            r
        })
        .inner;
    let parsed = parse_thousand_yen(&text);
    if response.changed() {
        if text.trim().is_empty() {
            *budget = None;
        } else if let Some(value) = parsed {
            *budget = Some(value);
        }
    }
    if !text.trim().is_empty() && parsed.is_none() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "予算額は数字で入力してください（例: 28,523）。",
        );
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    response
}

/// A date typed as 2023-06-09, shown with its 和暦.
pub fn date(ui: &mut Ui, label: &str, date: &mut Option<chrono::NaiveDate>) -> Response {
    let l = ui.label(label);
    let id = ui.make_persistent_id(label);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| date.map(|d| d.to_string()).unwrap_or_default());
    let response = ui
        .horizontal(|ui| {
            let r = ui
                .add(TextEdit::singleline(&mut text).desired_width(120.0))
                .labelled_by(l.id);
            match date {
                Some(d) => ui.label(format_date(*d)),
                None => ui.label("（例: 2023-06-09）"),
            };
            r
        })
        .inner;
    let parsed = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    if response.changed() {
        if text.trim().is_empty() {
            *date = None;
        } else if parsed.is_some() {
            *date = parsed;
        }
    }
    if !text.trim().is_empty() && parsed.is_none() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "日付は 2023-06-09 の形で入力してください。",
        );
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    response
}
