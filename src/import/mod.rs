//! Import: a ward's published 運営方針 page (text copied from a browser, or a saved
//! page) into a plan. Every line of the page's body ends up in a field of the plan
//! or in the import report with its line number and why; page furniture is
//! reported as left out. The ward's own wording of the headings is kept in the
//! plan, and printed numbers with gaps (2-1-2 alone) are kept as pinned numbers.

mod build;
mod bullet;
mod classify;
mod fill;
pub mod html;
mod indicators;

use std::fmt;

pub use classify::{Line, classify, normalise};

use crate::model::Plan;

/// A line of the page that is not in the plan, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// 1-based line number in the page text.
    pub line: usize,
    /// The line as it was.
    pub text: String,
    /// Why it is not in the plan.
    pub why: &'static str,
}

/// The plan read from a page, with what was left out.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// Lines not taken into the plan.
    pub report: Vec<Note>,
    /// Look-alike characters (Kangxi radicals, compatibility ideographs, as
    /// pages copied from PDFs carry) made the ordinary ideographs.
    pub look_alikes: usize,
}

impl Imported {
    /// What the import says of the look-alike characters it made ordinary.
    pub fn look_alike_note(&self) -> Option<String> {
        (self.look_alikes > 0).then(|| {
            format!(
                "見た目が同じで別の文字（部首の形の「方」や互換漢字など、PDFからコピーした文に混じる文字）を、ふつうの漢字に直しました: {}字",
                self.look_alikes
            )
        })
    }

    /// Why the page is refused when no part of a plan was found in it (a
    /// binary file, another document): the message names what was looked for.
    pub fn nothing_found(&self) -> Option<String> {
        let plan = &self.plan;
        let empty = [
            &plan.goal,
            &plan.mission,
            &plan.policy_lead,
            &plan.policy_closing,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
            && plan.policy.is_empty()
            && plan.issues.is_empty();
        empty.then(|| {
            "運営方針の部分が見つかりませんでした。探したのは「目標」「使命」「基本的な考え方」「経営課題」の見出しと、「経営課題1」「【1-1】」のように番号の付いた項目です。区の運営方針のページの本文をコピーしたテキストか、保存したHTMLを選んでください。何も作っていません。"
                .to_owned()
        })
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}行目: {}（{}）", self.line, self.text, self.why)
    }
}

/// Reads a saved page: UTF-8 text, or HTML (.html, .htm) turned into the text a
/// browser shows. The error is the message for the user.
pub fn read_page(path: &std::path::Path) -> Result<String, String> {
    // As a plan file is read: a regular file of at most 20 MB (a named pipe
    // given by mistake is refused, not waited on).
    let bytes = crate::io::read_capped(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} は UTF-8 のテキストではありません。ブラウザーで本文をコピーして貼り付けてください。",
            path.display()
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    Ok(if html {
        html::to_text(text)
    } else {
        text.to_owned()
    })
}

/// The page's lines as the report numbers them: CRLF and a lone CR end a line
/// too (text copied on Windows or from old Macs), so no text keeps a CR.
pub fn page_lines(text: &str) -> Vec<String> {
    // Word's and old Macs' line ends are line ends; other control
    // characters are never the plan's text.
    let text = crate::model::text::clean(text).unwrap_or_else(|| text.to_owned());
    text.split('\n').map(str::to_owned).collect()
}

/// Reads a published page's text.
pub fn import(text: &str) -> Imported {
    // 「運営⽅針」 with U+2F45: the headings, dates and words below are looked
    // for in ordinary characters.
    let (text, look_alikes) = crate::model::text::ordinary_text(text)
        .map_or((std::borrow::Cow::Borrowed(text), 0), |(t, n)| {
            (t.into(), n)
        });
    let mut b = build::Builder::new();
    for (n, raw) in page_lines(&text).iter().enumerate() {
        b.line(n + 1, raw);
    }
    let mut plan = b.plan;
    plan.ensure_ids();
    // A page has no identities: the ones built here stand in for them, and
    // match another version's items by title and number.
    let ids: Vec<_> = plan
        .parts()
        .into_iter()
        .map(|(_, part)| part.id())
        .collect();
    for id in ids {
        plan.given_ids.insert(id);
    }
    Imported {
        plan,
        report: b.report,
        look_alikes,
    }
}
