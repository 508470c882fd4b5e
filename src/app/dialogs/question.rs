//! Questions to the user, as data: what is asked, in a queue, and the answers as
//! values that the command runner acts on. Drawing a question does nothing but
//! return the answer clicked, so no file is touched from inside a dialog, and a
//! new question waits behind the one showing instead of replacing it.

use std::collections::VecDeque;
use std::path::PathBuf;

use crate::app::command::{Answer, Command};
use crate::recovery::Recovered;

/// Something the window is asking.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// Unsaved changes would be lost by `then`: 保存 / 保存しない / キャンセル.
    Unsaved(Box<Command>),
    /// A recovery copy from a session that ended without saving: 復元する / 破棄する.
    /// The copy is kept on disk until this is answered.
    Recover(Box<Recovered>),
    /// A message to acknowledge: a file that failed to load, a failed save.
    Message(String),
    /// Deleting an item with content: 削除する / キャンセル. The item is named by
    /// identity, so the question stays right whatever else happens.
    Delete {
        /// The item.
        id: crate::model::ItemId,
        /// What goes with it, in a sentence.
        message: String,
    },
    /// Next year's plan was made from `.0`, whose initiatives have 自己評価
    /// written: 書き加える (into 前年度までの実績) / 書き加えない.
    CopyEvaluations(Box<crate::model::Plan>),
    /// The PDF was written to `path`, but these characters are not in the fonts.
    MissingGlyphs {
        /// The PDF written.
        path: PathBuf,
        /// One line per character: where it is and what to do.
        lines: Vec<String>,
    },
}

/// The questions waiting, the one showing first.
#[derive(Debug, Default)]
pub struct Questions(VecDeque<Question>);

impl Questions {
    /// Asks `question` after the ones already waiting (an identical one waiting
    /// already is not asked twice).
    pub fn ask(&mut self, question: Question) {
        if !self.0.contains(&question) {
            self.0.push_back(question);
        }
    }

    /// Asks `question` before any other (one taken off by mistake goes back).
    pub fn ask_first(&mut self, question: Question) {
        self.0.push_front(question);
    }

    /// The question showing, if any.
    pub fn current(&self) -> Option<&Question> {
        self.0.front()
    }

    /// Takes the question showing off the queue, to act on its answer.
    pub fn take(&mut self) -> Option<Question> {
        self.0.pop_front()
    }

    /// Whether nothing is being asked.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a recovery copy is still waiting for its answer: until then
    /// nothing may delete or overwrite it.
    pub fn recovery_unanswered(&self) -> bool {
        self.0.iter().any(|q| match q {
            Question::Recover(_) => true,
            // 復元する, waiting for the unsaved-changes question.
            Question::Unsaved(then) => matches!(**then, Command::Restore(_)),
            _ => false,
        })
    }

    /// All questions waiting, the one showing first.
    pub fn iter(&self) -> impl Iterator<Item = &Question> {
        self.0.iter()
    }
}

/// Draws `question` in a modal; returns the answer clicked, if any. `name` is
/// the plan's (its file's) name, which the unsaved-changes question names.
pub fn question_ui(ctx: &egui::Context, question: &Question, name: &str) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("question")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        let buttons: &[(&str, Answer)] = match question {
            Question::Unsaved(_) => {
                ui.label(format!(
                    "「{name}」の変更が保存されていません。保存しますか？"
                ));
                &[
                    ("保存", Answer::Save),
                    ("保存しない", Answer::Discard),
                    ("キャンセル", Answer::Cancel),
                ]
            }
            Question::Recover(found) => {
                ui.label(recovery_text(found));
                &[
                    ("復元する", Answer::Restore),
                    ("破棄する", Answer::DropRecovery),
                ]
            }
            Question::Message(message) => {
                ui.label(message);
                &[("OK", Answer::Ok)]
            }
            Question::Delete { message, .. } => {
                ui.label(message);
                &[("削除する", Answer::Delete), ("キャンセル", Answer::Cancel)]
            }
            Question::CopyEvaluations(last) => {
                ui.label(format!(
                    "{}の具体的取組のうち{}件に自己評価の所見があります。\n\
                     次年度の「前年度までの実績」に書き加えますか？（あとで元に戻せます）",
                    crate::wareki::format_fiscal_year(last.fiscal_year),
                    last.evaluations_to_copy()
                ));
                &[
                    ("書き加える", Answer::Copy),
                    ("書き加えない", Answer::Cancel),
                ]
            }
            Question::MissingGlyphs { path, lines } => {
                ui.label(format!(
                    "PDFを書き出しましたが、印刷できない文字があります（{}）。\n{}",
                    path.display(),
                    lines.join("\n")
                ));
                &[("OK", Answer::Ok)]
            }
        };
        ui.horizontal(|ui| {
            for (label, value) in buttons {
                if ui.button(*label).clicked() {
                    answer = Some(*value);
                }
            }
        });
    });
    answer
}

fn recovery_text(found: &Recovered) -> String {
    let when = found
        .written
        .map(|t| {
            chrono::DateTime::<chrono::Local>::from(t)
                .format(" (%Y-%m-%d %H:%M)")
                .to_string()
        })
        .unwrap_or_default();
    let file = found
        .original
        .as_ref()
        .map_or_else(|| "無題".to_owned(), |p| p.display().to_string());
    format!("前回、保存しないまま終了した編集内容があります。\n{file}{when}\n復元しますか？")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_queue_instead_of_replacing_each_other() {
        let mut q = Questions::default();
        q.ask(Question::Message("読めません".to_owned()));
        q.ask(Question::Unsaved(Box::new(Command::Close)));
        q.ask(Question::Unsaved(Box::new(Command::Close)));
        assert_eq!(q.iter().count(), 2, "the same question is not asked twice");
        assert!(matches!(q.current(), Some(Question::Message(_))));
        q.take();
        assert!(matches!(q.current(), Some(Question::Unsaved(_))));
        assert!(!q.recovery_unanswered());
    }
}
