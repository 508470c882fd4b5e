//! Stable item identity: every 経営課題, 戦略 and 具体的取組 carries an [`ItemId`]
//! that stays with it through reorder, renumbering, save and load and next year's
//! carry-forward. Compare, merge, the editor's selection and jumps match items by
//! it, never by position or number, so a moved item is still the same item.

use std::fmt;
use std::hash::{BuildHasher as _, Hasher as _};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An item's identity: 64 random bits, written in the file as 16 hex digits
/// (`id: "5f3a9c01d2e4b687"`). Zero means "not assigned yet" and is never written;
/// loading a file gives every item without one (or with a copied one) a fresh id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(u64);

impl ItemId {
    /// A new identity, different from every other one in practice (64 random bits:
    /// std's per-process random hash keys over a counter and the clock, so no
    /// extra dependency is needed for it).
    pub fn fresh() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(1);
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        hasher.write_u128(nanos);
        Self(hasher.finish().max(1))
    }

    /// True for an item that has not been given an identity yet.
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }

    /// An identity from its number (tests and tools that need fixed ids).
    pub const fn from_raw(raw: u64) -> Self {
        Self(raw)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let digits = text.trim();
        // One case only, as written: the same id in two cases would be two ids
        // to a reader comparing files by eye.
        if digits.is_empty() || digits.len() > 16 || digits.bytes().any(|b| b.is_ascii_uppercase())
        {
            return Err(serde::de::Error::custom(ID_FORMAT));
        }
        u64::from_str_radix(digits, 16)
            .map(Self)
            .map_err(|_| serde::de::Error::custom(ID_FORMAT))
    }
}

/// The identities a plan's items were given when the plan came into the program
/// (items its file wrote without one or with a copied one, a page imported),
/// as against those read from the file. An identity read from a file is the
/// item's own: another version's item with another identity is another item,
/// whatever its title or number. Only given ones stand in for a missing
/// identity, so only they are matched by title and number (`compare::align`).
/// Where an identity came from is not the plan's content: never written,
/// and two plans that differ only in it are equal.
#[derive(Clone, Debug, Default)]
pub struct GivenIds(std::collections::HashSet<ItemId>);

impl GivenIds {
    /// Notes that `id` was given here, not read.
    pub fn insert(&mut self, id: ItemId) {
        self.0.insert(id);
    }

    /// Whether `id` was given here.
    pub fn contains(&self, id: ItemId) -> bool {
        self.0.contains(&id)
    }
}

impl PartialEq for GivenIds {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The message for a malformed `id` (shown with its line and column).
pub const ID_FORMAT: &str = "識別子 (id) は 16 桁までの16進数（0-9, a-f）で書きます。分からなければ id の行を消してください（読み込むときに新しく付きます）。";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_differ_and_are_set() {
        let ids: std::collections::BTreeSet<ItemId> = (0..1000).map(|_| ItemId::fresh()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| !id.is_unset()));
    }

    #[test]
    fn ids_read_back_as_written() {
        let id = ItemId::from_raw(0x5f3a_9c01_d2e4_b687);
        let text = ron::to_string(&id).expect("ron");
        assert_eq!(text, "\"5f3a9c01d2e4b687\"");
        assert_eq!(ron::from_str::<ItemId>(&text).expect("back"), id);
        assert!(ron::from_str::<ItemId>("\"not hex\"").is_err());
        assert!(ron::from_str::<ItemId>("\"00000000000000001\"").is_err());
        assert!(
            ron::from_str::<ItemId>("\"5F3A9C01D2E4B687\"").is_err(),
            "one case only"
        );
    }
}
