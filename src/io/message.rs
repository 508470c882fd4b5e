//! The parser's errors as the user reads them: in Japanese, at a line and
//! column, naming the field by its label.

use ron::error::{Error as RonError, SpannedError};

use super::LoadError;
use crate::model::fields::{self, Owner};

pub(super) fn syntax_error(text: &str, e: SpannedError) -> LoadError {
    let message = if ends_early(text, &e) {
        "ファイルが途中で終わっています。ファイルの後半が欠けていないか確認してください。"
            .to_owned()
    } else {
        japanese_message(&e.code)
    };
    let (mut line, mut column) = (e.span.start.line, e.span.start.col);
    if matches!(e.code, RonError::ExpectedComma) {
        (line, column) = after_text_before(text, line, column);
    }
    LoadError::Syntax {
        line,
        column,
        message,
        detail: e.code.to_string(),
    }
}

/// The place just after the last character that is not a space before (line,
/// column): where a comma the parser found missing only at the next field belongs,
/// at the end of the line before.
fn after_text_before(text: &str, line: usize, column: usize) -> (usize, usize) {
    let end = text.len() - rest_from(text, line, column).len();
    let before = text[..end].trim_end();
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// Whether a syntax error comes from the file stopping too early, whatever the
/// parser was expecting next: nothing but whitespace follows the error, or a string
/// opened at the error is never closed.
pub(super) fn ends_early(text: &str, e: &SpannedError) -> bool {
    let semantic = matches!(
        e.code,
        RonError::MissingStructField { .. }
            | RonError::NoSuchStructField { .. }
            | RonError::DuplicateStructField { .. }
            | RonError::InvalidValueForType { .. }
            | RonError::NoSuchEnumVariant { .. }
            | RonError::Message(_)
    );
    if semantic {
        return false;
    }
    let after_end = rest_from(text, e.span.end.line, e.span.end.col);
    let after_start = rest_from(text, e.span.start.line, e.span.start.col);
    after_end.trim().is_empty()
        || (matches!(
            e.code,
            RonError::ExpectedStringEnd | RonError::ExpectedString
        ) && !after_start
            .trim_start()
            .get(1..)
            .unwrap_or("")
            .contains('"'))
}

/// The text from (line, column), both 1-based with the column in characters.
pub(super) fn rest_from(text: &str, line: usize, column: usize) -> &str {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return "";
    };
    let start = line_text.as_ptr() as usize - text.as_ptr() as usize;
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    &text[start + within..]
}

/// The parser's error in words a member of staff can act on.
pub(super) fn japanese_message(code: &RonError) -> String {
    match code {
        RonError::Eof => "ファイルが途中で終わっています。閉じ括弧 ) や ] が足りないか、ファイルの後半が欠けています。".to_owned(),
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            "ここには \"…\" で囲んだ文字列が必要です。".to_owned()
        }
        RonError::ExpectedInteger => "ここには整数（例: 28523）が必要です。".to_owned(),
        RonError::IntegerOutOfBounds => {
            "数が範囲外です。予算額や番号は 0 以上の整数で書きます。".to_owned()
        }
        RonError::InvalidIntegerDigit { .. } => "整数に使えない文字があります。".to_owned(),
        RonError::ExpectedBoolean => "ここには true か false が必要です。".to_owned(),
        RonError::ExpectedMapColon => "項目名の後のコロン : が足りません。".to_owned(),
        RonError::ExpectedComma => "項目の区切りのカンマ , が足りません。".to_owned(),
        RonError::ExpectedArray | RonError::ExpectedArrayEnd => {
            "ここには [ … ] で囲んだ一覧が必要です。".to_owned()
        }
        RonError::ExpectedStructLike
        | RonError::ExpectedNamedStructLike(_)
        | RonError::ExpectedStructLikeEnd => "ここには ( … ) で囲んだ項目のまとまりが必要です。".to_owned(),
        RonError::ExpectedDifferentStructName { expected, found } => format!(
            "「{found}」ではなく「{expected}」が必要です。"
        ),
        RonError::NoSuchStructField { found, outer, .. } => format!(
            "{}に「{found}」という項目はありません。綴りを確認してください。",
            outer_label(outer.as_deref())
        ),
        RonError::MissingStructField { field, outer } => format!(
            "{}に必須の項目「{field}」（{}）がありません。",
            outer_label(outer.as_deref()),
            field_label(field, outer.as_deref())
        ),
        RonError::DuplicateStructField { field, outer } => format!(
            "{}で項目「{field}」が二度書かれています。",
            outer_label(outer.as_deref())
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "「{found}」は使えません。使える値: {}",
            expected.join(", ")
        ),
        RonError::InvalidValueForType { expected, found } => {
            format!("値の種類が違います（必要: {expected}、実際: {found}）。")
        }
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => {
            "ここには値か None が必要です。".to_owned()
        }
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => {
            "コメントが閉じられていません。".to_owned()
        }
        RonError::UnexpectedChar(c) => format!("ここに「{c}」は書けません。"),
        RonError::TrailingCharacters => {
            "データの終わりの後に余分な文字があります。".to_owned()
        }
        RonError::ExceededRecursionLimit => "入れ子が深すぎます。".to_owned(),
        RonError::InvalidEscape(_) => "文字列の \\ の使い方が正しくありません。".to_owned(),
        // chrono's date errors all speak of "input".
        RonError::Message(m) if m.contains("input") => {
            format!("日付が正しくありません（{m}）。日付は \"2023-06-09\" の形で書きます。")
        }
        RonError::Message(m) => format!("値が正しくありません: {m}"),
        RonError::ExpectedIdentifier | RonError::InvalidIdentifier(_) | RonError::SuggestRawIdentifier(_) => {
            "ここには項目名（例: title:）が必要です。項目名が消えているか、前の行の引用符 \" や括弧が足りないかもしれません。".to_owned()
        }
        RonError::ExpectedMap | RonError::ExpectedMapEnd => {
            "ここには { … } で囲んだまとまりが必要です。".to_owned()
        }
        RonError::ExpectedUnit => "ここには () が必要です。".to_owned(),
        RonError::ExpectedFloat | RonError::FloatUnderscore => {
            "ここには数（例: 12.5）が必要です。".to_owned()
        }
        RonError::ExpectedChar => "ここには ' ' で囲んだ一文字が必要です。".to_owned(),
        RonError::ExpectedDifferentLength { .. } => "値の個数が違います。".to_owned(),
        RonError::Utf8Error(_) => "文字コードが UTF-8 ではありません。".to_owned(),
        // The rest cannot come from a plan file's syntax (byte strings,
        // attributes, extensions); the position still says where to look.
        _ => "書式が正しくありません。この位置の前後の括弧・引用符・カンマを確かめてください。".to_owned(),
    }
}

/// The Japanese name of a part of the plan, for error messages.
pub(super) fn outer_label(outer: Option<&str>) -> String {
    match outer {
        Some(name) => format!("{}（{name}）", struct_label(name)),
        None => "ファイル".to_owned(),
    }
}

pub(super) fn struct_label(name: &str) -> &'static str {
    Owner::from_type_name(name).map_or("項目", Owner::label)
}

/// The Japanese name of a field of `outer`, for error messages: the form's label.
pub(super) fn field_label(field: &str, outer: Option<&str>) -> &'static str {
    let owner = outer.and_then(Owner::from_type_name);
    fields::lookup(owner, field).map_or("項目", |f| f.label)
}
