//! The word lists of the 公用文 check, written as facts from the public sources:
//! 公用文作成の考え方 (文化審議会建議, 2022-01-07), 公用文における漢字使用等について
//! (平成22年内閣訓令第1号) and 送り仮名の付け方 (昭和48年内閣告示第2号, as the 訓令
//! applies it). See `../shared/DOMAIN.md`, "Writing rules".

/// Spellings of one word that a plan should not mix. Which one is right is the
/// ward's choice; until a ward says, the form the plan uses most is taken.
pub struct Group {
    /// The word as the message names it.
    pub name: &'static str,
    /// Its spellings.
    pub forms: &'static [&'static str],
}

/// Words a plan may spell either way, but one way throughout.
pub const GROUPS: &[Group] = &[
    // こども家庭庁 recommends こども (2022); 子ども and 子供 are both in use.
    Group {
        name: "こども",
        forms: &["こども", "子ども", "子供"],
    },
    Group {
        name: "障がい",
        forms: &["障がい", "障害"],
    },
    Group {
        name: "すべて",
        forms: &["すべて", "全て"],
    },
    // 公用文 keeps these conjunctions in kanji; technical-writing rule sets
    // prefer kana. The two disagree, so the ward decides.
    Group {
        name: "及び",
        forms: &["及び", "および"],
    },
    Group {
        name: "又は",
        forms: &["又は", "または"],
    },
    Group {
        name: "並びに",
        forms: &["並びに", "ならびに"],
    },
    Group {
        name: "若しくは",
        forms: &["若しくは", "もしくは"],
    },
];

/// A spelling the rules settle: `wrong` is written `right`.
pub struct Settled {
    /// As written.
    pub wrong: &'static str,
    /// As the rules write it.
    pub right: &'static str,
    /// Which rule, for the message.
    pub rule: Rule,
    /// What must come before it for the rule to apply.
    pub after: After,
    /// Whether it is only the noun: 取り組み before を/が/の… is the noun, before
    /// 、 or ます it is the verb, which keeps its okurigana.
    pub noun_only: bool,
}

/// The rule a settled spelling comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// 送り仮名の付け方 as the 訓令 applies it: compound nouns whose reading is fixed
    /// drop their okurigana (打合せ, 問合せ, 手続); Osaka's plans write 取組.
    Okurigana,
    /// 公用文における漢字使用等について: formal nouns, auxiliaries and some adverbs
    /// and conjunctions in kana (できる, こと, ように, ただし, かつ, ください).
    Kana,
    /// 公用文作成の考え方: か所, か月 in horizontal text.
    Counter,
}

/// What must come right before a settled spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// Anything.
    Any,
    /// A number (3か所, 何か月): a counter only counts something.
    Number,
}

const fn okurigana(wrong: &'static str, right: &'static str, noun_only: bool) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Okurigana,
        after: After::Any,
        noun_only,
    }
}

const fn kana(wrong: &'static str, right: &'static str) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Kana,
        after: After::Any,
        noun_only: false,
    }
}

const fn counter(wrong: &'static str, right: &'static str) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Counter,
        after: After::Number,
        noun_only: false,
    }
}

/// Spellings the rules settle.
pub const SETTLED: &[Settled] = &[
    // 送り仮名: the noun without okurigana (the verb keeps it: 取り組む).
    okurigana("取組み", "取組", false),
    okurigana("取り組み", "取組", true),
    okurigana("打ち合わせ", "打合せ", true),
    okurigana("打合わせ", "打合せ", true),
    okurigana("問い合わせ", "問合せ", true),
    okurigana("問合わせ", "問合せ", true),
    okurigana("申し込み", "申込み", true),
    okurigana("取り扱い", "取扱い", true),
    okurigana("手続き", "手続", false),
    okurigana("話し合い", "話合い", true),
    okurigana("引き継ぎ", "引継ぎ", true),
    okurigana("取り消し", "取消し", true),
    okurigana("届け出", "届出", true),
    okurigana("申し出", "申出", true),
    // 訓令: in kana.
    kana("出来る", "できる"),
    kana("出来た", "できた"),
    kana("出来な", "できな"),
    kana("出来ま", "できま"),
    kana("出来れ", "できれ"),
    kana("且つ", "かつ"),
    kana("但し", "ただし"),
    kana("殆ど", "ほとんど"),
    kana("する事", "すること"),
    kana("の様に", "のように"),
    kana("の様な", "のような"),
    kana("致します", "いたします"),
    kana("下さい", "ください"),
    kana("頂きます", "いただきます"),
    // か所, か月.
    counter("箇所", "か所"),
    counter("ヶ所", "か所"),
    counter("ヵ所", "か所"),
    counter("カ所", "か所"),
    counter("ケ所", "か所"),
    counter("箇月", "か月"),
    counter("ヶ月", "か月"),
    counter("ヵ月", "か月"),
    counter("カ月", "か月"),
    counter("ケ月", "か月"),
];

/// Characters after which 取り組み and its kind are the noun: particles and
/// the end of a phrase.
pub const NOUN_FOLLOWERS: &[char] = &[
    'を', 'が', 'は', 'の', 'も', 'や', 'へ', 'と', 'で', 'に', '等', '・', '」', '）', ')', '。',
];

/// Counters that make a number of four or more digits an amount to group with
/// commas (1,200件); years (2023年), dates, phone numbers and postal codes have
/// none of these after them.
pub const AMOUNT_COUNTERS: &[&str] = &[
    "千円", "万円", "円", "件", "人", "名", "世帯", "回", "部", "冊", "個", "団体", "か所", "本",
    "枚", "時間", "戸", "校", "台", "食", "社",
];
