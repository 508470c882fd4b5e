//! ward-plan: an editor for a Japanese ward's yearly operating plan (区運営方針).
//!
//! Data flows one way:
//! ```text
//! plan.ron ──io::load──▶ model::Plan ──▶ check::summarize (CLI `check`)
//!                              ├──▶ app::Document ──▶ ui forms ──▶ Edit / Command ──▶ app::run
//!                              └──▶ blocks::blocks ──┬──▶ plain_text (web page)
//!                                                    └──▶ typeset ──▶ Vec<Page> ──▶ pdf::write_pdf
//! ```
//!
//! Three seams the rest stands on: one field vocabulary (`model::fields`, walked by
//! `model::walk`), stable item identity (`model::ItemId`), and one layout
//! (`typeset`) for every printed output.

pub mod amount;
pub mod app;
pub mod blocks;
pub mod check;
pub mod cli;
pub mod compare;
pub mod edit;
pub mod exchange;
pub mod export;
pub mod fonts;
pub mod import;
pub mod io;
pub mod judge;
pub mod model;
pub mod numbering;
pub mod overview;
pub mod pdf;
pub mod progress;
pub mod proof;
pub mod recovery;
pub mod search;
pub mod typeset;
pub mod ui;
pub mod wareki;

pub use model::Plan;

/// The bundled sample: 令和4年度鶴見区運営方針 as published.
pub const SAMPLE_RON: &str = include_str!("../samples/tsurumi-r4.ron");

/// The bundled sample as a plan: what the window opens with and what the tests
/// start from. Its text is part of the program and `tests/sample.rs` reads it
/// field by field; were it ever unreadable, an empty plan (never a panic).
pub fn sample() -> Plan {
    io::parse(SAMPLE_RON.as_bytes())
        .unwrap_or_else(|_| Plan::new("", wareki::current_fiscal_year()))
}
/// The sample's file name, shown when the bundled copy is opened.
pub const SAMPLE_NAME: &str = "samples/tsurumi-r4.ron";
