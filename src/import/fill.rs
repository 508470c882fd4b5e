//! Where a line's text goes: the plan's, an issue's, a strategy's or an
//! initiative's field, the contact block's parts, an update note, a pinned number.

use crate::model::fields::{self as f, Field};
use crate::model::{Initiative, Issue, Plan, Revision, Strategy};

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

pub(super) fn issue_text<'a>(issue: &'a mut Issue, field: &Field) -> Option<&'a mut String> {
    [
        (f::DESCRIPTION, &mut issue.description),
        (f::VISION, &mut issue.vision),
        (f::CURRENT_STATE, &mut issue.current_state),
        (f::CAUSE_ANALYSIS, &mut issue.cause_analysis),
        (f::CHALLENGE, &mut issue.challenge),
    ]
    .into_iter()
    .find(|(k, _)| k == field)
    .map(|(_, v)| v)
}

pub(super) fn strategy_text<'a>(s: &'a mut Strategy, field: &Field) -> Option<&'a mut String> {
    [
        (f::STRATEGY_TEXT, &mut s.text),
        (f::TARGET_STATE, &mut s.target_state),
        (f::INTERIM_REVIEW, &mut s.interim_review.comment),
        (f::SELF_EVALUATION, &mut s.self_evaluation.comment),
    ]
    .into_iter()
    .find(|(k, _)| k == field)
    .map(|(_, v)| v)
}

pub(super) fn initiative_text<'a>(k: &'a mut Initiative, field: &Field) -> Option<&'a mut String> {
    [
        (f::INITIATIVE_TEXT, &mut k.text),
        (f::PAST_RESULTS, &mut k.past_results),
        (f::PERFORMANCE_TARGET, &mut k.performance_target),
        (f::INTERIM_REVIEW, &mut k.interim_review.comment),
        (f::SELF_EVALUATION, &mut k.self_evaluation.comment),
    ]
    .into_iter()
    .find(|(key, _)| key == field)
    .map(|(_, v)| v)
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
