//! Small labelled form widgets: every input is tied to its visible label, so screen
//! readers (and the tests) find it by name, and named by its field's address
//! ([`FieldKey`]), so search can put the cursor in it.

use egui::text::{CCursor, CCursorRange};
use egui::{Response, TextEdit, Ui};

use crate::amount::{group_digits, parse_thousand_yen};
use crate::model::address::FieldKey;
use crate::wareki::{format_date, format_fiscal_year, parse_date_typed, parse_year_typed};

/// A request to put the cursor in a field with characters `start..end` selected:
/// how a search hit opens its field. The field takes it when it is next drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FocusRequest {
    /// The field.
    pub key: FieldKey,
    /// The first character to select.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Whether the field takes the keyboard. A hit shown from the search box
    /// leaves it there, so Enter goes on to the next hit instead of typing a
    /// line end over the one shown.
    pub keyboard: bool,
}

fn focus_request_id() -> egui::Id {
    egui::Id::unique("ward-plan focus request")
}

/// Asks the field at `request.key` to take the cursor when it is next drawn.
/// A request no field takes within a few frames (its form is not shown) lapses,
/// so it cannot move the cursor by surprise later.
pub fn request_focus(ctx: &egui::Context, request: FocusRequest) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), (request, pass)));
}

/// Frames a focus request waits for its field.
const FOCUS_REQUEST_FRAMES: u64 = 5;

/// The widget id of the input for a field.
pub fn field_id(key: FieldKey) -> egui::Id {
    egui::Id::unique(("field", key))
}

fn plan_field_focus_id() -> egui::Id {
    egui::Id::unique("ward-plan focused plan field")
}

/// Whether the keyboard is in one of the plan's fields (not the search box or a
/// dialog's): there Ctrl+Z is the plan's undo, not the field's own.
pub fn plan_field_has_focus(ctx: &egui::Context) -> bool {
    let focused = ctx.memory(egui::Memory::focused);
    focused.is_some() && ctx.data(|d| d.get_temp::<egui::Id>(plan_field_focus_id())) == focused
}

/// Adds the input of `key` over `text`, made by `edit`, taking a waiting focus
/// request for it. While an input method composes in it, the input edits a copy
/// (see [`Composition`]): `text` and the response's change wait for the commit.
fn add_field(
    ui: &mut Ui,
    key: FieldKey,
    text: &mut String,
    edit: impl FnOnce(&mut String) -> TextEdit<'_>,
) -> Response {
    let id = field_id(key);
    let now = ui.ctx().cumulative_pass_nr();
    let request = ui
        .data(|d| d.get_temp::<(FocusRequest, u64)>(focus_request_id()))
        .filter(|(_, pass)| now <= pass + FOCUS_REQUEST_FRAMES)
        .map(|(r, _)| r)
        .filter(|r| r.key == key);
    if let Some(r) = request {
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let range = CCursorRange::two(CCursor::new(r.start), CCursor::new(r.end));
        state.cursor.set_char_range(Some(range));
        state.store(ui.ctx(), id);
        if r.keyboard {
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.data_mut(|d| d.remove::<(FocusRequest, u64)>(focus_request_id()));
    }
    let response = composing_field(ui, id, text, edit);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(plan_field_focus_id(), id));
    }
    if request.is_some() {
        response.scroll_to_me(Some(egui::Align::Center));
    }
    response
}

/// A field while an input method composes in it: the field's text with the
/// composition (the reading typed, not yet converted and committed) inside it.
/// Until the commit this is not the user's text, as in every Japanese editor:
/// the plan keeps `from`, so the composition marks nothing unsaved, makes no undo
/// step, and reaches neither the preview, the checks nor the recovery copy; Esc
/// leaves the plan exactly as it was.
#[derive(Clone)]
struct Composition {
    /// What the field shows: `from` with the composition in it.
    shown: String,
    /// The field's text when the composition started.
    from: String,
    /// The pass that last drew the field.
    pass: u64,
}

/// Shows the input `id` over `text`, or over the copy held for a composition in it.
fn composing_field(
    ui: &mut Ui,
    id: egui::Id,
    text: &mut String,
    edit: impl FnOnce(&mut String) -> TextEdit<'_>,
) -> Response {
    let held_id = id.with("composition");
    let pass = ui.ctx().cumulative_pass_nr();
    let held = ui
        .data(|d| d.get_temp::<Composition>(held_id))
        // Changed under the composition (an undo from the menu): the plan wins.
        .filter(|c| c.from == *text)
        // A field that went out of view mid-composition (another item chosen)
        // comes back without it.
        .filter(|c| c.pass + 1 >= pass);
    let input_method_speaks = ui.memory(|m| m.has_focus(id))
        && ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Ime(egui::ImeEvent::Preedit { .. } | egui::ImeEvent::Commit(_))
                )
            })
        });
    if held.is_none() && !input_method_speaks {
        ui.data_mut(|d| d.remove::<Composition>(held_id));
        return ui.add(edit(text).id(id));
    }
    let was_composing = held.is_some();
    let mut shown = held.map_or_else(|| text.clone(), |c| c.shown);
    let mut response = ui.add(edit(&mut shown).id(id));
    let composing =
        response.has_focus() && ui.input(|i| super::ime::composing_after(&i.events, was_composing));
    response.flags.set(egui::response::Flags::CHANGED, false);
    if composing {
        let from = text.clone();
        ui.data_mut(|d| d.insert_temp(held_id, Composition { shown, from, pass }));
    } else {
        // Committed, cancelled, or the field left (which commits it).
        ui.data_mut(|d| d.remove::<Composition>(held_id));
        if shown != *text {
            *text = shown;
            response.mark_changed();
        }
    }
    response
}

/// A one-line text field under its label.
pub fn line(ui: &mut Ui, label: &str, key: FieldKey, text: &mut String) -> Response {
    let l = ui.label(label);
    add_field(ui, key, text, |t| {
        TextEdit::singleline(t).desired_width(f32::INFINITY)
    })
    .labelled_by(l.id)
}

/// A one-line field under its label, showing `hint` greyed while it is empty
/// (the heading wording: the era's standard).
pub fn line_with_hint(
    ui: &mut Ui,
    label: &str,
    key: FieldKey,
    text: &mut String,
    hint: &str,
) -> Response {
    let l = ui.label(label);
    add_field(ui, key, text, |t| {
        TextEdit::singleline(t)
            .hint_text(hint)
            .desired_width(f32::INFINITY)
    })
    .labelled_by(l.id)
}

/// A paragraph field under its label, growing with its text, with the number of
/// characters beside the label (line ends not counted).
pub fn paragraph(ui: &mut Ui, label: &str, key: FieldKey, text: &mut String) -> Response {
    let l = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            let count = text.chars().filter(|c| *c != '\n').count();
            if count > 0 {
                ui.weak(format!("{count}字"));
            }
            l
        })
        .inner;
    add_field(ui, key, text, |t| {
        TextEdit::multiline(t)
            .desired_width(f32::INFINITY)
            .desired_rows(2)
    })
    .labelled_by(l.id)
}

/// A budget in 千円: typed as 1,200 / １２００ / 1200千円, shown with separators.
pub fn budget(ui: &mut Ui, label: &str, key: FieldKey, budget: &mut Option<u64>) -> Response {
    parsed(
        ui,
        label,
        key,
        budget,
        |b| group_digits(*b),
        parse_thousand_yen,
        (
            |_: &mut Ui, _: &mut Option<u64>| {},
            |ui: &mut Ui, _: &mut Option<u64>| {
                ui.label("千円");
            },
        ),
        "予算額は千円単位の数字で入力してください（例: 28,523）。",
    )
}

/// A date typed as people write it (2023-06-09, 2023/6/9, 令和5年6月9日, R5.6.9),
/// shown with its 和暦, with a calendar to pick it from.
pub fn date(
    ui: &mut Ui,
    label: &str,
    key: FieldKey,
    date: &mut Option<chrono::NaiveDate>,
) -> Response {
    parsed(
        ui,
        label,
        key,
        date,
        chrono::NaiveDate::to_string,
        parse_date_typed,
        (
            |_: &mut Ui, _: &mut Option<chrono::NaiveDate>| {},
            |ui: &mut Ui, date: &mut Option<chrono::NaiveDate>| {
                ui.label(date.map_or_else(|| "（例: 令和5年6月9日）".to_owned(), format_date));
                calendar(ui, key, date);
            },
        ),
        "日付は 令和5年6月9日、2023/6/9、R5.6.9 などの形で入力してください。",
    )
}

/// The calendar button beside a date: a day chosen there replaces the date
/// and whatever was being typed.
fn calendar(ui: &mut Ui, key: FieldKey, date: &mut Option<chrono::NaiveDate>) {
    if let Some(picked) = super::calendar::button(ui, key, *date)
        && Some(picked) != *date
    {
        ui.data_mut(|d| d.remove::<String>(draft_id(key)));
        *date = Some(picked);
    }
}

/// A fiscal year, typed (2023, 令和5, R5, 令和5年度) or stepped with − and ＋,
/// shown with its 和暦; never changed by a drag.
pub fn year(ui: &mut Ui, label: &str, key: FieldKey, year: &mut i32) -> Response {
    let mut value = Some(*year);
    let response = parsed(
        ui,
        label,
        key,
        &mut value,
        i32::to_string,
        |t| parse_year_typed(t).filter(|y| (1900..=2200).contains(y)),
        (
            |ui: &mut Ui, v: &mut Option<i32>| step(ui, key, v, -1),
            |ui: &mut Ui, v: &mut Option<i32>| {
                step(ui, key, v, 1);
                if let Some(y) = v {
                    ui.label(format_fiscal_year(*y));
                }
            },
        ),
        "年度は 2023 か 令和5 の形で入力してください。",
    );
    if let Some(v) = value {
        *year = v;
    }
    response
}

/// A whole number in `range`, typed or stepped with − and ＋; never dragged.
/// Its response is changed when the number is.
pub fn stepper(
    ui: &mut Ui,
    label: egui::Id,
    key: FieldKey,
    value: &mut i32,
    range: std::ops::RangeInclusive<i32>,
) -> Response {
    let was = *value;
    let draft_id = draft_id(key);
    let (lo, hi) = (*range.start(), *range.end());
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        // A number typed is taken at once, so a draft that reads as another one
        // was overtaken by a change made elsewhere (an undo): show the value.
        .filter(|d| {
            let typed: String = d.trim().chars().map(crate::wareki::ascii_digit).collect();
            typed
                .parse::<i32>()
                .ok()
                .filter(|n| range.contains(n))
                .is_none_or(|n| n == *value)
        })
        .unwrap_or_else(|| value.to_string());
    if ui
        .add_enabled(*value > lo, egui::Button::new("−"))
        .clicked()
    {
        *value -= 1;
        text = value.to_string();
    }
    let mut response = add_field(ui, key, &mut text, |t| {
        TextEdit::singleline(t).desired_width(48.0)
    })
    .labelled_by(label);
    if ui
        .add_enabled(*value < hi, egui::Button::new("＋"))
        .clicked()
    {
        *value += 1;
        text = value.to_string();
    }
    let typed: String = text
        .trim()
        .chars()
        .map(crate::wareki::ascii_digit)
        .collect();
    match typed.parse::<i32>().ok().filter(|n| range.contains(n)) {
        Some(n) if response.changed() => *value = n,
        Some(_) => {}
        None => {
            ui.colored_label(ui.visuals().error_fg_color, format!("{lo}〜{hi}"));
        }
    }
    if *value != was {
        response.mark_changed();
    }
    if response.has_focus() || typed.parse::<i32>().ok() != Some(*value) {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    response
}

/// A stepper button of [`year`]: one year back or on.
fn step(ui: &mut Ui, key: FieldKey, value: &mut Option<i32>, by: i32) {
    let text = if by < 0 { "−" } else { "＋" };
    let hover = if by < 0 {
        "前の年度"
    } else {
        "次の年度"
    };
    if ui.button(text).on_hover_text(hover).clicked()
        && let Some(v) = value
    {
        *v += by;
        ui.data_mut(|d| d.remove::<String>(draft_id(key)));
    }
}

/// Where a field's text is kept while it cannot be read as its value.
fn draft_id(key: FieldKey) -> egui::Id {
    field_id(key).with("draft")
}

/// A one-line field for a value typed as text; its response is changed when the
/// value is, by typing or by a button beside it. A valid entry updates the value at
/// once and an empty one clears it. An invalid one is kept in the field, with
/// `error` under it, until it is corrected or cancelled with Esc: the value is
/// never put back silently. `after` draws what follows the field.
#[allow(clippy::too_many_arguments)]
fn parsed<T: Clone + PartialEq>(
    ui: &mut Ui,
    label: &str,
    key: FieldKey,
    value: &mut Option<T>,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Option<T>,
    (before, after): (
        impl FnOnce(&mut Ui, &mut Option<T>),
        impl FnOnce(&mut Ui, &mut Option<T>),
    ),
    error: &str,
) -> Response {
    let l = ui.label(label);
    let draft_id = draft_id(key);
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        // A valid entry is taken at once, so a draft that reads as another value
        // was overtaken by a change made elsewhere (an undo): show the value. An
        // unreadable draft stays until it is corrected.
        .filter(|d| match d.trim() {
            "" => value.is_none(),
            typed => parse(typed).is_none_or(|v| Some(v) == *value),
        })
        .unwrap_or_else(|| value.as_ref().map(&format).unwrap_or_default());
    let was = value.clone();
    // Wrapped: in a narrow form the 和暦 and カレンダー go to the next line
    // instead of past the edge.
    let mut response = ui
        .horizontal_wrapped(|ui| {
            before(ui, value);
            let r = add_field(ui, key, &mut text, |t| {
                TextEdit::singleline(t).desired_width(160.0)
            })
            .labelled_by(l.id);
            after(ui, value);
            r
        })
        .inner;
    // A button beside the field (−, ＋, the calendar) set the value: the field
    // shows it, whatever was typed before.
    if *value != was && !response.changed() {
        text = value.as_ref().map(&format).unwrap_or_default();
    }
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
    let cancelled = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
    if cancelled {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    } else if response.has_focus() || invalid {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    if *value != was {
        // Set by a button beside the field: a change all the same.
        response.mark_changed();
    }
    if invalid && !cancelled {
        let kept = value
            .as_ref()
            .map_or_else(|| "空欄".to_owned(), |v| format!("{}のまま", format(v)));
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("{error}\n直すまで、値は{kept}です（Escで取り消し）。"),
        );
    }
    response
}

/// The width text takes on one line in `style` (a button's or a label's).
pub fn text_width(ui: &Ui, text: &str, style: egui::TextStyle) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

/// A selectable row (an outline entry) that never runs past its panel: a name
/// too long for the width ends in 「…」 and shows in full on hover.
pub fn fitted_selectable<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    value: V,
    text: &str,
) -> Response {
    let selected = *current == value;
    let needed =
        text_width(ui, text, egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x;
    let fits = needed <= ui.available_width();
    let mut response = ui.add(egui::Button::selectable(selected, text).truncate());
    if !fits {
        response = response.on_hover_text(text);
    }
    if response.clicked() && !selected {
        *current = value;
        response.mark_changed();
    }
    response
}

/// A label on one line that ends in 「…」 when the room runs out, with its
/// full text on hover (egui shows it when the text was cut).
pub fn fitted_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.add(egui::Label::new(text).truncate())
}
