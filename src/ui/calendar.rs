//! The calendar beside a date, as a Japanese office calendar is printed: weeks
//! from 日 to 土 (日 in red, 土 in blue), the month headed 令和5年（2023年）6月,
//! and 今日, 決定 and 取消. egui_extras' date picker is English (July, Mo–Su,
//! Save), starts on Monday and knows no 和暦.
//!
//! A click on a day chooses it in the calendar; 決定 (or Enter, or a double
//! click) writes it to the field, 取消 (or Esc, or a click outside) leaves the
//! field as it was.

use crate::model::address::FieldKey;
use chrono::{Datelike as _, Months, NaiveDate};
use egui::{Button, Color32, Id, Popup, PopupCloseBehavior, RichText, Ui};

/// What the open calendar shows: the month on screen and the day chosen.
#[derive(Clone, Copy, Debug)]
struct Open {
    month: NaiveDate,
    chosen: NaiveDate,
}

/// The weekday heads, Sunday first.
const WEEKDAYS: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];

/// Sunday's colour, as calendars print it.
const SUNDAY: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
/// Saturday's.
const SATURDAY: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);

/// The 「カレンダー」 button and its calendar. Returns the day chosen with 決定.
pub fn button(ui: &mut Ui, key: FieldKey, date: Option<NaiveDate>) -> Option<NaiveDate> {
    let response = ui.button("カレンダー").on_hover_text("カレンダーから選ぶ");
    let state_id = Id::unique(("calendar", key));
    let popup_id = Popup::default_response_id(&response);
    if response.clicked() && !Popup::is_id_open(ui.ctx(), popup_id) {
        let chosen = date.unwrap_or_else(today);
        ui.data_mut(|d| {
            d.insert_temp(
                state_id,
                Open {
                    month: first_of(chosen),
                    chosen,
                },
            )
        });
    }
    let mut decided = None;
    Popup::from_toggle_button_response(&response)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let Some(mut open) = ui.data(|d| d.get_temp::<Open>(state_id)) else {
                return;
            };
            let action = month_ui(ui, &mut open);
            ui.data_mut(|d| d.insert_temp(state_id, open));
            match action {
                Action::Decide => decided = Some(open.chosen),
                Action::Cancel => Popup::close_id(ui.ctx(), popup_id),
                Action::None => {}
            }
        });
    if decided.is_some() {
        Popup::close_id(ui.ctx(), popup_id);
    }
    decided
}

enum Action {
    None,
    Decide,
    Cancel,
}

/// The month on screen with its controls.
fn month_ui(ui: &mut Ui, open: &mut Open) -> Action {
    let mut action = Action::None;
    ui.horizontal(|ui| {
        let step =
            |ui: &mut Ui, text: &str, hover: &str| ui.button(text).on_hover_text(hover).clicked();
        if step(ui, "≪", "前の年") {
            open.month = open.month - Months::new(12);
        }
        if step(ui, "＜", "前の月") {
            open.month = open.month - Months::new(1);
        }
        ui.label(RichText::new(month_title(open.month)).strong());
        if step(ui, "＞", "次の月") {
            open.month = open.month + Months::new(1);
        }
        if step(ui, "≫", "次の年") {
            open.month = open.month + Months::new(12);
        }
    });
    let today = today();
    egui::Grid::new("calendar days")
        .num_columns(7)
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for (n, name) in WEEKDAYS.iter().enumerate() {
                let text = RichText::new(*name).color(weekday_colour(ui, n));
                ui.vertical_centered(|ui| ui.label(text));
            }
            ui.end_row();
            let lead = open.month.weekday().num_days_from_sunday() as usize;
            for _ in 0..lead {
                ui.label("");
            }
            let mut column = lead;
            for day in days_of(open.month) {
                let mut text =
                    RichText::new(day.day().to_string()).color(weekday_colour(ui, column));
                if day == today {
                    text = text.strong().underline();
                }
                let cell = ui.add(
                    Button::selectable(day == open.chosen, text).min_size(egui::vec2(30.0, 24.0)),
                );
                let cell = if day == today {
                    cell.on_hover_text("今日")
                } else {
                    cell
                };
                if cell.clicked() {
                    open.chosen = day;
                }
                if cell.double_clicked() {
                    open.chosen = day;
                    action = Action::Decide;
                }
                column += 1;
                if column == 7 {
                    column = 0;
                    ui.end_row();
                }
            }
        });
    ui.label(format!(
        "選んだ日: {}",
        crate::wareki::format_date(open.chosen)
    ));
    ui.horizontal(|ui| {
        if ui.button("今日").clicked() {
            open.chosen = today;
            open.month = first_of(today);
        }
        if ui.button("決定").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            action = Action::Decide;
        }
        if ui.button("取消").clicked() {
            action = Action::Cancel;
        }
    });
    action
}

/// 令和5年（2023年）6月: the era of the month's first day, the Western year beside.
fn month_title(month: NaiveDate) -> String {
    let western = format!("{}年", month.year());
    match crate::wareki::era_year(month) {
        Some((era, year)) => {
            let year = if year == 1 {
                "元".to_owned()
            } else {
                year.to_string()
            };
            format!("{era}{year}年（{western}）{}月", month.month())
        }
        None => format!("{western}{}月", month.month()),
    }
}

fn weekday_colour(ui: &Ui, column: usize) -> Color32 {
    match column {
        0 => SUNDAY,
        6 => SATURDAY,
        _ => ui.visuals().text_color(),
    }
}

fn first_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn days_of(month: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    month
        .iter_days()
        .take_while(move |d| d.month() == month.month())
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_headed_in_both_calendars() {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).expect("a day");
        assert_eq!(month_title(d(2023, 6)), "令和5年（2023年）6月");
        assert_eq!(month_title(d(2019, 5)), "令和元年（2019年）5月");
        assert_eq!(month_title(d(2019, 4)), "平成31年（2019年）4月");
        assert_eq!(days_of(d(2024, 2)).count(), 29);
        assert_eq!(days_of(d(2023, 2)).count(), 28);
    }
}
