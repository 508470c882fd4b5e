//! The command line: thin argument handling over the library, and the editor
//! window when no command is given. Both executables run [`main`]. Each family
//! of commands has its module: `check`; `publish` (text, html, export,
//! compare: what is printed or put on the web); `year` (next-year); `import`;
//! `format`; `exchange` (diff, merge, send, take); `window` (the editor).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{Plan, io};
use clap::{Parser, Subcommand};

/// ward-plan — 区運営方針の編集・点検・PDF書き出し
/// (an editor for a ward's yearly operating plan).
///
/// Without a command, opens the editor on FILE, or on the bundled sample
/// 令和4年度鶴見区運営方針.
#[derive(Parser)]
#[command(
    version,
    about,
    long_about = None,
    after_help = "例 / examples:\n  ward-plan                                見本を開く / open the bundled sample\n  ward-plan 鶴見区R5.ron                    ファイルを開く / edit a file\n  ward-plan check 鶴見区R5.ron\n  ward-plan export 鶴見区R5.ron -o 鶴見区R5.pdf"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// 編集する運営方針ファイル (.ron) / a plan file to edit
    file: Option<PathBuf>,
    /// 開いたときに、この版との違いを「比較」に出す / open with the changes against
    /// this version shown (比較)
    #[arg(long, value_name = "OTHER.ron")]
    compare: Option<PathBuf>,
    /// 印刷プレビューを表示して開く / open with the print preview shown
    #[arg(long)]
    preview: bool,
}

#[derive(Subcommand)]
enum Command {
    /// ファイルを点検し、件数・予算合計・警告を表示する / check a plan and print a summary
    Check {
        /// 運営方針ファイル (.ron) / the plan file
        file: PathBuf,
    },
    /// Web掲載用のテキストを出力する / print the text for the city web page
    Text {
        /// 運営方針ファイル (.ron) / the plan file
        file: PathBuf,
    },
    /// Webページの本文をHTMLで書き出す（CMSに貼り付ける用） / write the page body as
    /// HTML for the city's CMS
    Html {
        /// 運営方針ファイル (.ron) / the plan file
        file: PathBuf,
        /// 書き出すHTMLファイル（- なら標準出力） / the HTML file to write (- for standard output)
        #[arg(short, long, value_name = "page.html")]
        output: PathBuf,
    },
    /// 印刷用のPDF（A4）を書き出す / export the print-ready A4 PDF
    Export {
        /// 運営方針ファイル (.ron) / the plan file
        file: PathBuf,
        /// 書き出すPDFファイル / the PDF to write
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// 概要版（A4横、戦略ごとに指標・中間振り返り・自己評価）を書き出す / write the 概要版 (A4 landscape, a row per strategy) instead
        #[arg(long)]
        summary: bool,
    },
    /// 前年度のファイルから次年度の方針を作る / start next year's plan from this one
    NextYear {
        /// 前年度の運営方針ファイル (.ron) / last year's plan file
        file: PathBuf,
        /// 次年度のファイル / the new plan file to write
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// 具体的取組の自己評価（所見）を次年度の「前年度までの実績」に書き加える / add each initiative's 自己評価 to next year's 前年度までの実績
        #[arg(long)]
        copy_evaluations: bool,
    },
    /// 公開されているWebページ（本文をコピーしたテキスト）から運営方針を作る /
    /// make a plan from a ward's published page (its text)
    Import {
        /// ページのテキスト（UTF-8）か保存したHTML / the page's text (UTF-8) or saved HTML
        page: PathBuf,
        /// 作る運営方針ファイル / the plan file to write
        #[arg(short, long, value_name = "PLAN.ron")]
        output: PathBuf,
    },
    /// 二つの版の違いを項目ごとに表示する（同じなら終了コード 0、違えば 1） / show
    /// what changed between two versions (exit 0 when equal, 1 when different)
    Diff {
        /// 前の版 / the old version
        old: PathBuf,
        /// 後の版 / the new version
        new: PathBuf,
    },
    /// 二つの版の新旧対照表（A4横のPDF）を書き出す / write the 新旧対照表 of two
    /// versions as an A4 landscape PDF
    Compare {
        /// 前の版（旧） / the old version
        old: PathBuf,
        /// 後の版（新） / the new version
        new: PathBuf,
        /// 書き出すPDFファイル / the PDF to write
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// 変更のない部分の「(略)」を書かない / leave unchanged parts out without (略)
        #[arg(long)]
        omit_unchanged: bool,
    },
    /// 戻ってきた写しを取り込む（三方向の取り込み。競合があれば何も書かない） /
    /// merge a returned copy into yours (three-way; writes nothing on a conflict)
    Merge {
        /// 送った版（共通の元） / the version sent out (the common base)
        base: PathBuf,
        /// こちらの版 / your version
        mine: PathBuf,
        /// 戻ってきた版 / the copy that came back
        theirs: PathBuf,
        /// 取り込んだ結果のファイル / the merged plan to write
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// 各課に送る写しを書き出し、送った版を計画の隣の「送った版」フォルダに残す /
    /// write the copy to send, and keep the version sent beside the plan
    Send {
        /// 運営方針ファイル (.ron) / the plan file
        plan: PathBuf,
        /// 送る写し / the copy to send
        #[arg(short, long, value_name = "COPY.ron")]
        output: PathBuf,
    },
    /// 戻ってきた写しを順に取り込む（送った版は印から見つける。競合があれば何も書かない） /
    /// take returned copies in turn (each finds its base by its mark; writes
    /// nothing on a conflict)
    Take {
        /// 運営方針ファイル (.ron) / the plan file
        plan: PathBuf,
        /// 戻ってきた写し / the returned copies
        #[arg(required = true)]
        copies: Vec<PathBuf>,
        /// 書き出し先（省略すると運営方針ファイル） / where to write (the plan file when left out)
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
        /// 送った印のない写しの送った版 / the version sent, for copies without a mark
        #[arg(long, value_name = "SENT.ron")]
        base: Option<PathBuf>,
    },
    /// 標準の書式で保存し直す（手で編集した後に） / rewrite a file in the standard layout
    Format {
        /// 運営方針ファイル (.ron) / the plan file
        file: PathBuf,
        /// 書き出し先（省略すると元のファイル、- なら標準出力） / where to write
        /// (the file itself when left out, - for standard output)
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
}

/// Prints a line to standard output. A closed pipe (`ward-plan diff … | head`)
/// ends the output quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Prints to standard output without a line end; see [`say!`].
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

mod check;
mod exchange;
mod format;
mod import;
mod publish;
mod window;
mod year;

/// The whole program: a command, or the editor when none is given. The two
/// executables (`ward-plan`, and `ward-plan-cli` for a Windows console) both run it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check { file }) => check::check(&file),
        Some(Command::Text { file }) => publish::text(&file),
        Some(Command::Export {
            file,
            output,
            summary,
        }) => publish::export(&file, &output, summary),
        Some(Command::Html { file, output }) => publish::html(&file, &output),
        Some(Command::Compare {
            old,
            new,
            output,
            omit_unchanged,
        }) => publish::compare(&old, &new, &output, omit_unchanged),
        Some(Command::NextYear {
            file,
            output,
            copy_evaluations,
        }) => year::next_year(&file, &output, copy_evaluations),
        Some(Command::Import { page, output }) => import::import(&page, &output),
        Some(Command::Format { file, output }) => format::format(&file, output.as_deref()),
        Some(Command::Diff { old, new }) => return exchange::diff_files(&old, &new),
        Some(Command::Merge {
            base,
            mine,
            theirs,
            output,
        }) => exchange::merge_files(&base, &mine, &theirs, &output),
        Some(Command::Send { plan, output }) => exchange::send(&plan, &output),
        Some(Command::Take {
            plan,
            copies,
            output,
            base,
        }) => exchange::take(&plan, &copies, output.as_deref(), base.as_deref()),
        None => window::editor(cli.file, cli.compare, cli.preview).inspect_err(|message| {
            // On Windows the editor has no console to print to (it is a GUI
            // program): a window that cannot open says why in a message box.
            #[cfg(windows)]
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("ward-plan 区運営方針エディタ")
                .set_description(message)
                .show();
            #[cfg(not(windows))]
            let _ = message;
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads a plan, turning the error into the message the user sees:
/// the file, the Japanese explanation, and the parser's English words.
pub(super) fn load(path: &Path) -> Result<Plan, String> {
    io::load(path).map_err(|e| load_error(path, &e))
}

/// Why a file could not be loaded, in Japanese with the English beside it.
pub(super) fn load_error(path: &Path, e: &io::LoadError) -> String {
    let mut message = format!("エラー: {}: {e}", path.display());
    if let Some(english) = e.english() {
        message.push_str(&format!("\n  ({english})"));
    }
    message
}

/// Refuses an output that is one of the inputs a later step needs, naming it.
pub(super) fn not_onto(output: &Path, inputs: &[(&PathBuf, &str)]) -> Result<(), String> {
    match inputs
        .iter()
        .find(|(input, _)| io::same_file(output, input))
    {
        Some((input, what)) => Err(format!(
            "エラー: 書き出し先 {} は{}（{}）と同じファイルです。別の名前を指定してください。何も書いていません。",
            output.display(),
            what,
            input.display()
        )),
        None => Ok(()),
    }
}
