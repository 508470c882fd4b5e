//! Output for people: the PDF written to a file, 印刷 through the system's
//! viewer, and このソフトについて.

use crate::app::PlanApp;
use crate::app::dialogs::question::Question;
use crate::app::dialogs::{ViewerFailure, Viewing};
use crate::blocks::{self, Medium};
use crate::io;

/// Which PDF to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The plan as printed.
    Plan,
    /// Its 概要版 (A4 landscape, a row per strategy).
    Overview,
}

impl PlanApp {
    /// PDFに書き出し, 概要版をPDFに書き出す: the PDF to a file chosen in a dialog,
    /// then shown in the system's viewer; characters the fonts lack are reported.
    pub(in crate::app) fn export(&mut self, ctx: &egui::Context, output: Output) {
        let title = blocks::title(self.doc.plan(), Medium::Web);
        let name = match output {
            Output::Plan => format!("{title}.pdf"),
            Output::Overview => format!("{title}（概要版）.pdf"),
        };
        let Some(path) = self.dialogs.save_pdf(&name) else {
            return;
        };
        // A PDF written over the plan's own file would lose the plan.
        if let Some(plan_path) = &self.doc.path
            && io::same_file(&path, plan_path)
        {
            self.questions.ask(Question::Message(format!(
                "{} は開いている運営方針のファイルです。PDF は別の名前で書き出してください。",
                path.display()
            )));
            return;
        }
        let created = chrono::Local::now().fixed_offset();
        let write = match output {
            Output::Plan => crate::export::export_pdf,
            Output::Overview => crate::export::export_overview,
        };
        let result = write(self.doc.plan(), created)
            .map_err(|e| e.to_string())
            .and_then(|export| {
                io::write_atomic(&path, &export.bytes).map_err(|e| e.to_string())?;
                Ok(export)
            });
        match result {
            Ok(export) => {
                self.set_status(format!("PDFを書き出しました: {}", path.display()));
                if !export.missing_glyphs.is_empty() {
                    let lines = export.missing_glyphs.into_iter().map(|w| w.message);
                    self.questions.ask(Question::MissingGlyphs {
                        path: path.clone(),
                        lines: lines.collect(),
                    });
                }
                self.dialogs.show_file(&path, Viewing::Written, ctx);
            }
            Err(e) => self.questions.ask(Question::Message(format!(
                "{} に書き出せませんでした。\n{e}",
                path.display()
            ))),
        }
    }

    /// 印刷: the PDF in a temporary file, handed to the system's viewer, whose
    /// print dialog does the printing (no printer code of our own).
    pub(in crate::app) fn print(&mut self, ctx: &egui::Context) {
        let created = chrono::Local::now().fixed_offset();
        let name = format!(
            "{}（印刷用）.pdf",
            blocks::title(self.doc.plan(), Medium::Web)
        );
        let path = std::env::temp_dir().join(name);
        let result = crate::export::export_pdf(self.doc.plan(), created)
            .map_err(|e| e.to_string())
            .and_then(|export| io::write_atomic(&path, &export.bytes).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                self.dialogs.show_file(&path, Viewing::Print, ctx);
                self.set_status(
                    "印刷用のPDFをビューアで開きます。ビューアの「印刷」で印刷してください。"
                        .to_owned(),
                );
            }
            Err(e) => self.questions.ask(Question::Message(format!(
                "印刷用のPDFを作れませんでした。\n{e}"
            ))),
        }
    }

    /// Viewers that could not be started (their threads answer later): the
    /// status says the PDF was written but not shown, and 印刷 says where the
    /// file is, since the user has to open it some other way to print.
    pub(in crate::app) fn viewer_failures(&mut self) {
        for ViewerFailure {
            path,
            purpose,
            reason,
        } in self.dialogs.viewer_failures()
        {
            match purpose {
                Viewing::Written => self.set_status(format!(
                    "PDFを書き出しました: {}（PDFを表示するアプリを起動できないため、開いていません）",
                    path.display()
                )),
                Viewing::Print => {
                    self.set_status(format!(
                        "印刷用のPDFを作りました: {}（開いていません）",
                        path.display()
                    ));
                    self.questions.ask(Question::Message(format!(
                        "印刷用のPDFを作りましたが、PDFを表示するアプリが見つかりませんでした。\n\
                         PDFを表示できるアプリ（Adobe Acrobat Reader など）で次のファイルを開き、印刷してください。\n{}\n\n\
                         （システムからの理由: {reason}）",
                        path.display()
                    )));
                }
            }
        }
    }
}

/// このソフトについて: the version, and the fonts' licences.
pub(in crate::app) fn about() -> String {
    format!(
        "ward-plan {} — 区運営方針エディタ\n\
         区運営方針の編集・点検・印刷用PDFの書き出し。\n\n\
         フォント: BIZ UD明朝・BIZ UDゴシック（Copyright 2022 The BIZ UDMincho / BIZ UDGothic Project Authors）\n\
         SIL Open Font License 1.1 で配布されています。ライセンスの全文は、配布物とソースの fonts/LICENSE-BIZUD*.txt にあります。",
        env!("CARGO_PKG_VERSION")
    )
}
