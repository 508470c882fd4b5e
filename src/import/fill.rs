//! Where a line's text goes: the plan's, an issue's, a strategy's or an
//! initiative's field, the contact block's parts, an update note, a pinned number.

use crate::model::fields::{self as f, Field};
use crate::model::{PartMut, Plan, Revision};

/// The pinned number of an item printed as `number` after siblings with these
/// pins: none when position gives the same number.
pub(super) fn pin(number: u32, before: impl Iterator<Item = Option<u32>>) -> Option<u32> {
    let mut previous = 0u32;
    for pinned in before {
        previous = pinned.unwrap_or(previous.saturating_add(1));
    }
    (number != previous.saturating_add(1)).then_some(number)
}

/// 「…反映しています。(令和5年6月9日)」: an update note with its date.
pub(super) fn revision(text: &str) -> Option<Revision> {
    let text = text.trim();
    let inner = text.strip_suffix(')').or_else(|| text.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let date = crate::wareki::parse_date(inner[open..].trim_start_matches(['(', '（']))?;
    Some(Revision {
        date,
        note: inner[..open].trim().to_owned(),
    })
}

/// The text a field heading of the page leads to in `part`: its own field,
/// or the comment of the review a review's heading (中間振り返り, 自己評価)
/// names.
pub(super) fn item_text<'a>(part: PartMut<'a>, field: &Field) -> Option<&'a mut String> {
    if *field == f::INTERIM_REVIEW || *field == f::SELF_EVALUATION {
        part.review_mut(field.key)?.text_mut(f::REVIEW_COMMENT.key)
    } else {
        part.text_mut(field.key)
    }
}

/// One line of the contact block: the office and section, 〒 and address,
/// 電話, ファックス, メール.
pub(super) fn contact_line(plan: &mut Plan, text: &str) -> bool {
    let c = &mut plan.contact;
    let value = |t: &str| t.trim_start_matches([':', '：', ' ']).trim().to_owned();
    let empty = |v: &String| v.is_empty();
    if let Some(rest) = text.strip_prefix('〒').filter(|_| empty(&c.postal_code)) {
        let (postal, address) = rest.split_once([' ', '\u{3000}']).unwrap_or((rest, ""));
        c.postal_code = postal.trim().to_owned();
        c.address = address.trim().to_owned();
    } else if let Some(rest) = text.strip_prefix("電話").filter(|_| empty(&c.phone)) {
        c.phone = value(rest);
    } else if let Some(rest) = text
        .strip_prefix("ファックス")
        .or_else(|| text.strip_prefix("FAX"))
        .filter(|_| empty(&c.fax))
    {
        c.fax = value(rest);
    } else if let Some(rest) = text.strip_prefix("メール").filter(|_| empty(&c.email)) {
        c.email = value(rest);
    } else if plan.office.is_empty() && c.section.is_empty() {
        let (office, section) = text.split_once([' ', '\u{3000}']).unwrap_or((text, ""));
        plan.office = office.trim().to_owned();
        plan.contact.section = section.trim().to_owned();
    } else {
        return false;
    }
    true
}
