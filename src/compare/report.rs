//! Changes and conflicts in words, for people: item numbers as printed, field
//! names from the field vocabulary, changed characters marked «like this».

use std::collections::HashMap;

use super::diff::{Change, Subtree};
use super::merge::Conflict;
use super::slots::{Entry, Key};
use crate::amount::format_thousand_yen;
use crate::model::fields as f;
use crate::model::walk::Value;
use crate::model::{ItemId, Plan};
use crate::numbering;
use crate::wareki::{format_date, format_fiscal_year};

/// How the items of two versions are called: 経営課題2, 具体的取組【2-1-2】.
pub struct Names {
    old: HashMap<ItemId, (String, String)>,
    new: HashMap<ItemId, (String, String)>,
}

impl Names {
    /// The names of the items of both versions (`new` aligned to `old`).
    pub fn new(old: &Plan, new: &Plan) -> Names {
        let names = |plan: &Plan| {
            numbering::outline(plan)
                .into_iter()
                .map(|item| (item.part.id(), (item.name(), item.title().to_owned())))
                .collect()
        };
        Names {
            old: names(old),
            new: names(&super::align::align(old, new)),
        }
    }

    /// The item's name, as the new version prints it if it has it.
    pub fn item(&self, id: ItemId) -> String {
        self.new
            .get(&id)
            .or_else(|| self.old.get(&id))
            .map_or_else(|| "（不明な項目）".to_owned(), |(name, _)| name.clone())
    }

    /// The item's name and title: 経営課題2 子育てを応援するまちづくり.
    pub fn titled(&self, id: ItemId, old_side: bool) -> String {
        let (first, second) = if old_side {
            (&self.old, &self.new)
        } else {
            (&self.new, &self.old)
        };
        first
            .get(&id)
            .or_else(|| second.get(&id))
            .map_or_else(String::new, |(name, title)| format!("{name} {title}"))
    }

    /// The name of a field: 経営課題1の課題認識, 区運営の基本的な考え方の2つ目.
    pub fn field(&self, item: Option<ItemId>, key: &Key) -> String {
        let mut name = item
            .map(|id| format!("{}の", self.item(id)))
            .unwrap_or_default();
        if let Some(group) = key.group {
            name.push_str(group.label);
            name.push('の');
        }
        name.push_str(key.field.label);
        let policy = *key.field == f::POLICY;
        match key.entry {
            Some(Entry::At(n)) if policy => name.push_str(&format!("の{}つ目", n + 1)),
            Some(Entry::At(n)) => name.push_str(&(n + 1).to_string()),
            Some(Entry::Before(0)) if policy => name.push_str("の先頭"),
            Some(Entry::Before(n)) if policy => name.push_str(&format!("の{n}つ目の後")),
            Some(Entry::Before(0)) => name.push_str("（先頭）"),
            Some(Entry::Before(n)) => name.push_str(&format!("（{n}の後）")),
            None => {}
        }
        name
    }
}

/// What kind of change it is, as the 備考 column says it.
pub fn kind(change: &Change) -> &'static str {
    match change {
        Change::Added { .. } => "新設",
        Change::Deleted { .. } => "削除",
        Change::Moved { .. } => "移動",
        Change::Field { old, new, .. } => {
            let empty = |v: &Option<Value<'static>>| {
                v.as_ref()
                    .is_none_or(|v| v.text().is_some_and(str::is_empty))
            };
            match (empty(old), empty(new)) {
                (true, false) => "追加",
                (false, true) => "削除",
                _ => "変更",
            }
        }
    }
}

/// A value as people read it.
pub fn show(value: Option<&Value<'static>>) -> String {
    let Some(value) = value else {
        return "（なし）".to_owned();
    };
    match value {
        Value::Text(t) if t.is_empty() => "（空欄）".to_owned(),
        Value::Text(t) => t.to_string(),
        Value::Budget(b) => b.map_or_else(|| "（なし）".to_owned(), format_thousand_yen),
        Value::Number(n) => n.map_or_else(|| "並び順".to_owned(), |n| n.to_string()),
        Value::Flag(b) => if *b { "する" } else { "しない" }.to_owned(),
        Value::Date(d) => d.map_or_else(|| "（なし）".to_owned(), format_date),
        Value::Year(y) => format_fiscal_year(*y),
        Value::Status(s) => s.label().to_owned(),
        Value::Stage(s) => s.label().to_owned(),
        Value::Revision(r) => format!("{}({})", r.note, format_date(r.date)),
        Value::Indicator(i) => format!("{} {}{} {}", i.name, i.target, i.unit, i.period)
            .trim()
            .to_owned(),
    }
}

/// The old and new text with the characters that differ marked «…».
pub fn marked(old: &str, new: &str) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    for chunk in dissimilar::diff(old, new) {
        match chunk {
            dissimilar::Chunk::Equal(t) => {
                a.push_str(t);
                b.push_str(t);
            }
            dissimilar::Chunk::Delete(t) => a.push_str(&format!("«{t}»")),
            dissimilar::Chunk::Insert(t) => b.push_str(&format!("«{t}»")),
        }
    }
    (a, b)
}

/// One change in words, a line or three.
pub fn describe(change: &Change, names: &Names) -> String {
    match change {
        Change::Added { subtree, .. } => {
            let budget = match subtree {
                Subtree::Initiative(k) => k
                    .budget
                    .map(|b| format!("（予算額 {}）", format_thousand_yen(b)))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            // An item only the other copy has (in a conflict) goes by its title.
            let mut name = names.titled(subtree.id(), false);
            if name.is_empty() {
                name = match subtree {
                    Subtree::Issue(i) => format!("経営課題 {}", i.title),
                    Subtree::Strategy(s) => format!("戦略 {}", s.title),
                    Subtree::Initiative(k) => format!("具体的取組 {}", k.title),
                };
            }
            format!("追加: {name}{budget}")
        }
        Change::Deleted { subtree } => format!("削除: {}", names.titled(subtree.id(), true)),
        Change::Moved { id, .. } => {
            let was = names
                .old
                .get(id)
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            format!("移動: {}（旧 {was}）", names.titled(*id, false))
        }
        Change::Field {
            item,
            key,
            old,
            new,
        } => {
            let name = names.field(*item, key);
            match (old, new) {
                (Some(Value::Budget(a)), Some(Value::Budget(b))) => {
                    let delta = match (a, b) {
                        (Some(a), Some(b)) => {
                            let d = i128::from(*b) - i128::from(*a);
                            let sign = if d >= 0 { "+" } else { "−" };
                            let size = u64::try_from(d.unsigned_abs()).unwrap_or(u64::MAX);
                            format!("（{sign}{}）", format_thousand_yen(size))
                        }
                        _ => String::new(),
                    };
                    let (a, b) = (show(old.as_ref()), show(new.as_ref()));
                    format!("変更: {name}: {a} → {b}{delta}")
                }
                (Some(Value::Text(a)), Some(Value::Text(b))) if !a.is_empty() && !b.is_empty() => {
                    let (a, b) = marked(a, b);
                    format!("変更: {name}\n  旧: {a}\n  新: {b}")
                }
                _ => format!(
                    "{}: {name}\n  旧: {}\n  新: {}",
                    kind(change),
                    show(old.as_ref()),
                    show(new.as_ref())
                ),
            }
        }
    }
}

/// A conflict in words: what both copies did.
pub fn describe_conflict(conflict: &Conflict, names: &Names) -> String {
    let side = |c: &Change| match c {
        Change::Field { new, .. } => show(new.as_ref()),
        Change::Deleted { .. } => "削除".to_owned(),
        other => describe(other, names),
    };
    if let Some(parent) = conflict.order_of {
        let list = parent.map_or_else(
            || "経営課題".to_owned(),
            |p| format!("{}の中", names.titled(p, true)),
        );
        return format!(
            "競合: {list}の並び順を両方が変えていて、両方の並べ方を同時には守れません\n  こちら: {}\n  相手: {}",
            describe(&conflict.mine, names),
            describe(&conflict.theirs, names)
        );
    }
    let what = match (&conflict.mine, &conflict.theirs) {
        (Change::Field { item, key, .. }, Change::Field { .. }) => {
            format!(
                "{}が両方で違うように変更されています",
                names.field(*item, key)
            )
        }
        (Change::Deleted { subtree }, _) | (_, Change::Deleted { subtree }) => format!(
            "{}が一方で削除され、もう一方で編集されています",
            names.titled(subtree.id(), true)
        ),
        (Change::Moved { id, .. }, _) => {
            format!(
                "{}が両方で違う場所に移されています",
                names.titled(*id, true)
            )
        }
        _ => "両方で違う変更があります".to_owned(),
    };
    // Two texts: the part that differs marked, long ones folded around it.
    if let (
        Change::Field {
            new: Some(Value::Text(a)),
            ..
        },
        Change::Field {
            new: Some(Value::Text(b)),
            ..
        },
    ) = (&conflict.mine, &conflict.theirs)
        && !a.is_empty()
        && !b.is_empty()
    {
        let (a, b) = marked(a, b);
        return format!(
            "競合: {what}\n  こちら: {}\n  相手: {}",
            folded(&a),
            folded(&b)
        );
    }
    format!(
        "競合: {what}\n  こちら: {}\n  相手: {}",
        side(&conflict.mine),
        side(&conflict.theirs)
    )
}

/// A marked text (see [`marked`]) shortened to the marks and 20 characters
/// around each, with 「…」 where text is left out: a long paragraph that
/// differs in one word shows that word.
pub fn folded(text: &str) -> String {
    const AROUND: usize = 20;
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![false; chars.len()];
    let mut inside = false;
    for (n, c) in chars.iter().enumerate() {
        if *c == '«' {
            inside = true;
        }
        if inside {
            let from = n.saturating_sub(AROUND);
            let to = (n + AROUND + 1).min(chars.len());
            keep[from..to].iter_mut().for_each(|k| *k = true);
        }
        if *c == '»' {
            inside = false;
        }
    }
    if !keep.contains(&true) || keep.iter().all(|k| *k) {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut skipping = false;
    for (c, kept) in chars.iter().zip(&keep) {
        if *kept {
            out.push(*c);
            skipping = false;
        } else if !skipping {
            out.push('…');
            skipping = true;
        }
    }
    out
}
