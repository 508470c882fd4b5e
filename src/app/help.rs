//! ヘルプ (F1): a guide in Japanese that works without a network: the tasks of a
//! plan's year step by step, what each warning means, and the shortcuts, read
//! from the command table so they cannot drift from the menus.

use super::command::Action;

/// One topic of the guide.
pub struct Topic {
    /// Its title in the list.
    pub title: &'static str,
    /// The text, paragraphs separated by blank lines.
    pub body: &'static str,
}

/// The topics, in the order of a plan's year.
pub const TOPICS: &[Topic] = &[
    Topic {
        title: "はじめに",
        body: "ward-plan は、区運営方針（目標・使命・基本的な考え方・経営課題・戦略・具体的取組）を書き、点検し、印刷用のPDFを作るためのソフトです。\n\n\
左の「目次」で項目を選ぶと、中央に入力欄が出ます。右の印刷プレビューは、入力するとすぐに変わります。プレビューの文字をクリックすると、その項目の入力欄に移ります。\n\n\
入力した内容は、ファイル → 上書き保存（Ctrl+S）で .ron ファイルに保存します。保存しないまま閉じようとすると確認が出ます。パソコンが急に止まっても、次に起動したときに「復元しますか」と聞かれます（ウィンドウを2つ開いていたときは控えも2つあり、1つずつ聞かれます。1つを復元すると、残りは ward-plan をもう一つ起動したときに聞かれます）。\n\n\
保存すると、その前の内容が「ファイル名.ron.bak」に残ります。ファイル → 前の版を開く… で開くと新しい計画として開くので、残すときは名前を付けて保存してください（.bak は書き換わりません）。",
    },
    Topic {
        title: "次年度の方針を作る",
        body: "前年度のファイルを開き、ファイル → 次年度の方針を作る を選びます。年度が一つ進み、中間振り返り・自己評価・改訂履歴・掲載日は空になります。目標や経営課題はそのまま引き継がれるので、変わるところだけ直してください。\n\n\
新しい計画はまだ保存されていません。ファイル → 名前を付けて保存 で、前年度とは別の名前（例: 鶴見区R5.ron）で保存してください。前年度のファイルは変わりません。",
    },
    Topic {
        title: "写しを送る・取り込む",
        body: "ほかの課に見てもらうときは、計画を保存してから 校閲 → 各課に送る… を選び、送るファイル（写し）の名前を決めて、そのファイルをメールで送ります。送ったときの版は、計画のファイルの隣の「送った版」フォルダに自動で残ります（このフォルダは消さないでください）。\n\n\
直したファイルが戻ってきたら、自分の計画を開いたまま 校閲 → 取り込み… を選び、戻ってきたファイルを選びます（いくつでも）。送った版は自動で見つかり、相手が直したところの一覧が出ます。こちらでも同じところを直していたとき（競合）は、どちらを使うか選びます。「取り込む」を押すまで、計画は変わりません。取り込んだ後でも、元に戻す（Ctrl+Z）で取り込む前に戻せます。同じファイルをもう一度取り込んでも、何も変わりません。\n\n\
「各課に送る」で作っていない古いファイルのときは、送ったときのファイルを選ぶ画面が出ます。\n\n\
校閲 → 比較… では、別の版との違いを一つずつ確かめて、必要なものだけ取り込めます。",
    },
    Topic {
        title: "検索と置換",
        body: "編集 → 検索（Ctrl+F）で、すべての入力欄から言葉を探します。見つかった箇所は一覧に「経営課題2の名称」のように出ます。Enter か F3 で次の箇所に移り、その入力欄で言葉が選ばれた状態になります。\n\n\
「全角・半角を区別しない」を選ぶと、２０２３ と 2023、ＡＢＣ と abc を同じものとして探します。\n\n\
編集 → 置換（Ctrl+H）で、置き換える言葉を入れて「置換」（一つずつ）か「すべて置換」を押します。すべて置換は、元に戻す（Ctrl+Z）一回で全部戻ります。",
    },
    Topic {
        title: "入力のしかた",
        body: "予算額は千円単位で、1,200 / １２００ / 1200千円 のどれでも入力できます。数字として読めない入力は、直すまで入力欄に残り、赤い説明が出ます（Escで取り消し）。\n\n\
日付は 令和5年6月9日、2023/6/9、2023-06-09、R5.6.9 のどれでも入力できます。横の「カレンダー」から選ぶこともできます。\n\n\
年度は 2023 か 令和5 と入力するか、− ＋ のボタンで一年ずつ変えます。\n\n\
項目を削除すると、中身があるときは確認が出ます。削除した後でも、ステータスバーの「元に戻す」か Ctrl+Z で戻せます。",
    },
    Topic {
        title: "印刷とPDF",
        body: "ファイル → 印刷…（Ctrl+P）で、印刷用のPDFがPDFビューアで開きます。ビューアの「印刷」で印刷してください。\n\n\
ファイル → PDFに書き出し… で、A4のPDFを保存します。区のWebサイトに載せるときは、このPDFを使います。文字の大きさや行の折り返しは、印刷プレビューと同じです。\n\n\
フォントにない文字（一部の旧字体や記号）があると、書き出した後に場所と文字が知らされます。別の字に直してください。",
    },
    Topic {
        title: "Webページから取り込む",
        body: "ほかの区や過去の年度の運営方針のWebページから、計画を作ることができます。ブラウザでページを開き、本文をすべて選んでコピー（Ctrl+A、Ctrl+C）し、ファイル → Webページから取り込む… の欄に貼り付けて（Ctrl+V）「取り込む」を押します。保存したHTMLファイルを「ファイルから読む…」で読むこともできます。\n\n\
取り込めなかった行は、一覧で知らされます。取り込んだ計画は、確かめてから名前を付けて保存してください。",
    },
    Topic {
        title: "警告の意味",
        body: "ステータスバーの「警告」を押すと、一覧が出ます。クリックすると、その項目の入力欄に移ります。\n\n\
・「…が空です」: 目標・使命・名称など、印刷に必要な欄が空です。\n\
・「番号 … が重複しています」「前の項目より小さくなっています」: 番号を固定した項目の番号を確かめてください。\n\
・「…に戦略がありません」: 経営課題には戦略が一つ以上必要です。\n\
・「アウトカム指標 … には目標値と目標年度・期間が必要です」: 指標の欄を埋めてください。\n\
・「… が『②目標未達成』ですが、課題と改善策が空です」: 未達成のときは課題と改善策を書きます。\n\
・「予算額が … です。単位は千円です」: 100億円以上の予算額は、円で入力したか、打ち間違いの可能性があります。\n\
・「印刷できない文字があります」: フォントにない文字です。印刷すると空白や□になります。\n\
・「年度 … が範囲外です」: 年度を確かめてください。",
    },
    Topic {
        title: "表記の点検",
        body: "警告の「表記」には、公用文の書き方から外れたところが出ます（表記ゆれ、送り仮名、かなで書く言葉、か所・か月、数の区切り、半角の記号、文末の「。」、空白、長い文など）。クリックすると、その欄の該当の文字が選ばれます。\n\n\
「直す」を押すとその1か所を、「…をすべて直す」を押すとその規則の全部を直します。どちらも 編集 → 元に戻す（Ctrl+Z）1回で戻せます。押さない限り何も変わりません。\n\n\
区のきまりは、目次の 基本情報 → 表記のきまり で決めます。「こども」「子ども」のどちらにそろえるか、法令や事業の名前など直さない言葉（子ども・子育て支援法）、使わない点検を選べます。きまりは計画のファイルに保存されるので、写しを送った先でも同じように点検されます。",
    },
];

/// The help window's state: the topic shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Help {
    /// The topic shown, by its place in [`TOPICS`]; past the end: the shortcuts.
    pub topic: usize,
}

/// Draws the help window; `open` goes false when it is closed.
pub fn help_ui(ctx: &egui::Context, help: &mut Help, open: &mut bool) {
    let mac = ctx.os() == egui::os::OperatingSystem::Mac;
    egui::Window::new("ヘルプ")
        .open(open)
        .default_size([640.0, 460.0])
        .show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(170.0);
                    for (n, topic) in TOPICS.iter().enumerate() {
                        ui.selectable_value(&mut help.topic, n, topic.title);
                    }
                    ui.selectable_value(&mut help.topic, TOPICS.len(), "ショートカット");
                });
                ui.separator();
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| match TOPICS.get(help.topic) {
                        Some(topic) => {
                            ui.heading(topic.title);
                            for paragraph in topic.body.split("\n\n") {
                                ui.label(paragraph);
                                ui.add_space(6.0);
                            }
                        }
                        None => shortcuts_ui(ui, mac),
                    });
                });
            });
        });
}

/// The shortcut table, from the command table.
fn shortcuts_ui(ui: &mut egui::Ui, mac: bool) {
    ui.heading("ショートカット");
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for action in Action::ALL {
            if let Some(keys) = action.shortcut_text(mac) {
                ui.label(action.label().trim_end_matches('…'));
                ui.label(keys);
                ui.end_row();
            }
        }
    });
    ui.add_space(6.0);
    ui.label("Ctrl+Z は、カーソルがどこにあっても、計画の最後の変更（入力・削除・置換・取り込み）を一つずつ元に戻します。続けて打った文字は、手を止めたところまでが一つです。検索欄の中では、検索欄の文字を元に戻します。");
}
