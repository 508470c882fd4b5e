//! What the command line asks of the window at start: the plan to open (or the
//! bundled sample), the preview shown, a comparison opened. The binary only
//! adds what needs the real system (renderer, recovery folder); the rest is
//! here, where the window tests drive it.

use std::path::PathBuf;

use crate::app::PlanApp;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::{Plan, io};

/// `ward-plan [FILE] [--compare OTHER] [--preview]`.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// The plan to open; none: the bundled sample (and the last file, if any).
    pub file: Option<PathBuf>,
    /// Open the comparison with this plan.
    pub compare_with: Option<PathBuf>,
    /// Show the print preview.
    pub preview: bool,
}

impl Startup {
    /// The window's app: the plan opened, or an empty one with the reason it
    /// could not be (in Japanese, with the place in the file), and what else
    /// was asked.
    pub fn app(self, cc: &eframe::CreationContext<'_>) -> PlanApp {
        let mut error = None;
        let mut notes = Vec::new();
        let doc = match &self.file {
            Some(path) => match io::load_noting(path) {
                Ok((plan, noted)) => {
                    notes = noted;
                    Document::opened(plan, path.clone())
                }
                Err(e) => {
                    error = Some(format!("{} を開けませんでした。\n{e}", path.display()));
                    Document::untitled(Plan::new("", crate::wareki::current_fiscal_year()), "無題")
                }
            },
            None => match io::parse(crate::SAMPLE_RON.as_bytes()) {
                Ok(plan) => Document::untitled(plan, "見本 tsurumi-r4.ron"),
                Err(e) => {
                    error = Some(format!("見本を開けませんでした。\n{e}"));
                    Document::untitled(Plan::new("", crate::wareki::current_fiscal_year()), "無題")
                }
            },
        };
        let mut app = PlanApp::new(cc, doc);
        if self.file.is_none() {
            app.reopen_last();
        }
        if let Some(message) = error {
            app.show_message(message);
        }
        if !notes.is_empty() {
            app.note_load(notes);
        }
        if self.preview {
            app.settings.show_preview = true;
        }
        if let Some(other) = self.compare_with {
            app.request(Command::CompareWith(other));
        }
        app
    }
}
