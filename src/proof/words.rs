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
    /// What must come right before it for the rule to apply.
    pub before: Before,
    /// What must come right after it.
    pub then: Then,
}

/// The rule a settled spelling comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// 送り仮名の付け方 as the 訓令 applies it: compound nouns whose reading is fixed
    /// drop their okurigana (打合せ, 問合せ, 手続); Osaka's plans write 取組.
    Okurigana,
    /// 公用文における漢字使用等について and 公用文作成の考え方: auxiliaries, the
    /// conjunctions of the 訓令 (かつ, したがって, ただし, また…) and words whose
    /// reading is outside the 常用漢字表 (おおむね, あらかじめ, ほとんど) in kana.
    Kana,
    /// The 訓令's formal nouns (こと, とき, ところ, もの, ため, よう, わけ): the
    /// kanji only where it is one (see [`Before::Modifier`]).
    Formal,
    /// 公用文作成の考え方: か所, か月 in horizontal text.
    Counter,
}

/// What must come right before a settled spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// Anything.
    Any,
    /// A number (3か所, 何か月): a counter only counts something.
    Number,
    /// Hiragana, the end of the words that modify a formal noun (受け付ける事,
    /// この事, 必要な事). After a kanji or katakana the kanji is part of a word
    /// (大事, 仕事, 行為, 皆様); at a text's start it names the thing itself
    /// (事を荒立てる).
    Modifier,
    /// The start of a sentence or clause (text start, 。, 、, a line, 「, （): a
    /// conjunction. 「計画に従って」 is the verb.
    SentenceStart,
    /// Anything but a kanji: 故に the conjunction, not 事故に.
    NotKanji,
}

/// What must come right after a settled spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Anything.
    Any,
    /// The end of a noun (a particle, 、, the text's end; see
    /// [`NOUN_FOLLOWERS`]): 取り組みを is the noun, 取り組み、 or 取り組みます the verb.
    NounEnd,
    /// Anything but a kanji, 々 or katakana: 事業, 時間, 為替 and 様々 go on
    /// into a word.
    NotKanji,
    /// One of these: a formal noun whose kanji also names a thing is only
    /// flagged where the formal use is the likely one (したところ、, するものと,
    /// のように, するわけではない); 建てる所に and 使う物を stay.
    OneOf(&'static [&'static str]),
}

const fn okurigana(wrong: &'static str, right: &'static str, noun_only: bool) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Okurigana,
        before: Before::Any,
        then: if noun_only { Then::NounEnd } else { Then::Any },
    }
}

const fn kana(wrong: &'static str, right: &'static str) -> Settled {
    kana_after(wrong, right, Before::Any)
}

const fn kana_after(wrong: &'static str, right: &'static str, before: Before) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Kana,
        before,
        then: Then::Any,
    }
}

const fn formal(wrong: &'static str, right: &'static str, then: Then) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Formal,
        before: Before::Modifier,
        then,
    }
}

const fn counter(wrong: &'static str, right: &'static str) -> Settled {
    Settled {
        wrong,
        right,
        rule: Rule::Counter,
        before: Before::Number,
        then: Then::Any,
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
    // 訓令 (4): できる in kana.
    kana("出来る", "できる"),
    kana("出来た", "できた"),
    kana("出来な", "できな"),
    kana("出来ま", "できま"),
    kana("出来れ", "できれ"),
    // 訓令 (1)オ: the conjunctions in kana (及び, 並びに, 又は and 若しくは
    // stay in kanji, and are groups above).
    kana("且つ", "かつ"),
    kana("但し", "ただし"),
    kana_after("従って", "したがって", Before::SentenceStart),
    kana_after("追って", "おって", Before::SentenceStart),
    kana_after("就いては", "ついては", Before::SentenceStart),
    kana_after("所が、", "ところが、", Before::SentenceStart),
    kana_after("所で、", "ところで、", Before::SentenceStart),
    kana_after("又、", "また、", Before::SentenceStart),
    kana_after("故に", "ゆえに", Before::NotKanji),
    // 公用文作成の考え方: readings outside the 常用漢字表 in kana. The adverbs
    // of 訓令 (1)イ (必ず, 既に, 更に, 極めて, 殊に…) stay in kanji.
    kana_after("尚、", "なお、", Before::SentenceStart),
    kana("尚更", "なおさら"),
    kana("即ち", "すなわち"),
    kana("然し", "しかし"),
    kana("然も", "しかも"),
    kana("殆ど", "ほとんど"),
    kana("概ね", "おおむね"),
    kana("予め", "あらかじめ"),
    kana("余程", "よほど"),
    kana("矢張り", "やはり"),
    kana("可成り", "かなり"),
    kana("因みに", "ちなみに"),
    kana("所謂", "いわゆる"),
    kana("敢えて", "あえて"),
    kana("凡そ", "およそ"),
    kana("尤も", "もっとも"),
    // 訓令 (3), (4): auxiliaries and ください in kana.
    kana("致します", "いたします"),
    kana("下さい", "ください"),
    kana("頂きます", "いただきます"),
    // 訓令 (4): the formal nouns, where they are formal (see `Before::Modifier`).
    formal("事", "こと", Then::NotKanji),
    formal("時", "とき", Then::NotKanji),
    formal("為", "ため", Then::NotKanji),
    formal("物", "もの", Then::OneOf(&["と", "で", "だ"])),
    formal(
        "所",
        "ところ",
        Then::OneOf(&["、", "である", "です", "だ", "では", "まで"]),
    ),
    formal("様", "よう", Then::OneOf(&["に", "な", "だ", "で"])),
    formal("訳", "わけ", Then::OneOf(&["で", "に", "が", "は", "だ"])),
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

/// Words whose kanji looks like a formal noun after hiragana and is not one
/// (申し訳, みな様): found as themselves, so never flagged.
pub const NOT_FORMAL: &[&str] = &["言い訳", "申し訳", "みな様"];

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
