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
pub fn budget(ui: &mut Ui, label: &str, budget: &mut Option<u64>) -> Response {
    parsed(
        ui,
        label,
        budget,
        |b| group_digits(*b),
        parse_thousand_yen,
        |ui, _| {
            ui.label("千円");
        },
        "予算額は数字で入力してください（例: 28,523）。",
    )
}

/// A date typed as 2023-06-09, shown with its 和暦.
pub fn date(ui: &mut Ui, label: &str, date: &mut Option<chrono::NaiveDate>) -> Response {
    parsed(
        ui,
        label,
        date,
        chrono::NaiveDate::to_string,
        |t| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
        |ui, date| {
            ui.label(date.map_or_else(|| "（例: 2023-06-09）".to_owned(), format_date));
        },
        "日付は 2023-06-09 の形で入力してください。",
    )
}

/// A one-line field for a value typed as text. While the field has focus the text
/// is kept as typed, so an invalid entry can be corrected instead of vanishing; a
/// valid entry updates the value at once, an empty one clears it, an invalid one
/// leaves it and shows `error`. `after` draws what follows the field.
fn parsed<T>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Option<T>,
    after: impl FnOnce(&mut Ui, &Option<T>),
    error: &str,
) -> Response {
    let l = ui.label(label);
    let id = ui.make_persistent_id(label);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| value.as_ref().map(&format).unwrap_or_default());
    let response = ui
        .horizontal(|ui| {
            let r = ui
                .add(TextEdit::singleline(&mut text).desired_width(120.0))
                .labelled_by(l.id);
            after(ui, value);
            r
        })
        .inner;
    let typed = text.trim();
    let parsed = parse(typed);
    let invalid = !typed.is_empty() && parsed.is_none();
    if response.changed() {
        if typed.is_empty() {
            *value = None;
        } else if parsed.is_some() {
            *value = parsed;
        }
    }
    if invalid {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    response
}
