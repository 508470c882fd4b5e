//! Finding items: by position ([`ItemPath`], what a walk of the plan yields) and by
//! identity ([`ItemId`], what the editor and compare hold on to). The lookup is
//! written once here; everything else asks [`Plan::get`], [`Plan::get_mut`] or
//! [`Plan::locate`].

use std::collections::HashMap;

use super::{Initiative, Issue, ItemId, Plan, Strategy};

/// Where a part of the plan sits, by position: what a warning points at and what
/// structural edits address. It changes when items move; [`ItemId`] does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemPath {
    /// The plan as a whole (year, ward, goal, mission, policy, contact).
    Plan,
    /// `issues[i]`.
    Issue(usize),
    /// `issues[i].strategies[s]`.
    Strategy(usize, usize),
    /// `issues[i].strategies[s].initiatives[k]`.
    Initiative(usize, usize, usize),
}

impl ItemPath {
    /// The path of child `k`: an issue of the plan, a strategy of an issue, an
    /// initiative of a strategy. Initiatives have no children: their own path.
    pub fn child(self, k: usize) -> Self {
        match self {
            Self::Plan => Self::Issue(k),
            Self::Issue(i) => Self::Strategy(i, k),
            Self::Strategy(i, s) => Self::Initiative(i, s, k),
            initiative @ Self::Initiative(..) => initiative,
        }
    }

    /// The item this one belongs to; the plan for an issue (and for the plan).
    pub fn parent(self) -> Self {
        match self {
            Self::Plan | Self::Issue(_) => Self::Plan,
            Self::Strategy(i, _) => Self::Issue(i),
            Self::Initiative(i, s, _) => Self::Strategy(i, s),
        }
    }
}

/// An issue, strategy or initiative, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum Part<'a> {
    /// A management issue.
    Issue(&'a Issue),
    /// A strategy.
    Strategy(&'a Strategy),
    /// An initiative.
    Initiative(&'a Initiative),
}

/// An issue, strategy or initiative, borrowed to edit.
#[derive(Debug)]
pub enum PartMut<'a> {
    /// A management issue.
    Issue(&'a mut Issue),
    /// A strategy.
    Strategy(&'a mut Strategy),
    /// An initiative.
    Initiative(&'a mut Initiative),
}

impl<'a> Part<'a> {
    /// The part's identity.
    pub fn id(self) -> ItemId {
        match self {
            Self::Issue(i) => i.id,
            Self::Strategy(s) => s.id,
            Self::Initiative(k) => k.id,
        }
    }

    /// The part's title.
    pub fn title(self) -> &'a str {
        match self {
            Self::Issue(i) => &i.title,
            Self::Strategy(s) => &s.title,
            Self::Initiative(k) => &k.title,
        }
    }
}

impl Plan {
    /// The item at `path`, if there is one (`ItemPath::Plan` is not an item).
    pub fn get(&self, path: ItemPath) -> Option<Part<'_>> {
        match path {
            ItemPath::Plan => None,
            ItemPath::Issue(i) => self.issues.get(i).map(Part::Issue),
            ItemPath::Strategy(i, s) => self.issues.get(i)?.strategies.get(s).map(Part::Strategy),
            ItemPath::Initiative(i, s, k) => self
                .issues
                .get(i)?
                .strategies
                .get(s)?
                .initiatives
                .get(k)
                .map(Part::Initiative),
        }
    }

    /// The item at `path`, to edit.
    pub fn get_mut(&mut self, path: ItemPath) -> Option<PartMut<'_>> {
        match path {
            ItemPath::Plan => None,
            ItemPath::Issue(i) => self.issues.get_mut(i).map(PartMut::Issue),
            ItemPath::Strategy(i, s) => self
                .issues
                .get_mut(i)?
                .strategies
                .get_mut(s)
                .map(PartMut::Strategy),
            ItemPath::Initiative(i, s, k) => self
                .issues
                .get_mut(i)?
                .strategies
                .get_mut(s)?
                .initiatives
                .get_mut(k)
                .map(PartMut::Initiative),
        }
    }

    /// Every issue, strategy and initiative with its path, in document order.
    pub fn parts(&self) -> Vec<(ItemPath, Part<'_>)> {
        let mut out = Vec::new();
        for (i, issue) in self.issues.iter().enumerate() {
            out.push((ItemPath::Issue(i), Part::Issue(issue)));
            for (s, strategy) in issue.strategies.iter().enumerate() {
                out.push((ItemPath::Strategy(i, s), Part::Strategy(strategy)));
                for (k, initiative) in strategy.initiatives.iter().enumerate() {
                    out.push((ItemPath::Initiative(i, s, k), Part::Initiative(initiative)));
                }
            }
        }
        out
    }

    /// Where the item with identity `id` is now.
    pub fn locate(&self, id: ItemId) -> Option<ItemPath> {
        if id.is_unset() {
            return None;
        }
        self.parts()
            .into_iter()
            .find(|(_, part)| part.id() == id)
            .map(|(path, _)| path)
    }

    /// Gives every item without an identity, or with one an earlier item already
    /// has (a block copied by hand in the file, a duplicate), a fresh one. Items
    /// that have their own keep it; of two with the same, the first in the
    /// document keeps it; the ones given are noted in `given_ids`. Run on every
    /// plan that enters the program. Returns
    /// each duplicate as (the item that kept the id, the one given a new id), so
    /// the loader can say so.
    pub fn ensure_ids(&mut self) -> Vec<(ItemPath, ItemPath)> {
        let mut seen: HashMap<ItemId, ItemPath> = HashMap::new();
        let mut duplicates = Vec::new();
        let given = &mut self.given_ids;
        let mut claim = |id: &mut ItemId, at: ItemPath| {
            if !id.is_unset() {
                match seen.get(id) {
                    None => {
                        seen.insert(*id, at);
                        return;
                    }
                    Some(first) => duplicates.push((*first, at)),
                }
            }
            *id = ItemId::fresh();
            given.insert(*id);
            seen.insert(*id, at);
        };
        for (i, issue) in self.issues.iter_mut().enumerate() {
            claim(&mut issue.id, ItemPath::Issue(i));
            for (s, strategy) in issue.strategies.iter_mut().enumerate() {
                claim(&mut strategy.id, ItemPath::Strategy(i, s));
                for (k, initiative) in strategy.initiatives.iter_mut().enumerate() {
                    claim(&mut initiative.id, ItemPath::Initiative(i, s, k));
                }
            }
        }
        duplicates
    }
}

impl Issue {
    /// Gives this issue and everything in it fresh identities: a duplicate is a new
    /// item, not a second copy of the old one.
    pub fn renew_ids(&mut self) {
        self.id = ItemId::fresh();
        self.strategies.iter_mut().for_each(Strategy::renew_ids);
    }
}

impl Strategy {
    /// Gives this strategy and its initiatives fresh identities.
    pub fn renew_ids(&mut self) {
        self.id = ItemId::fresh();
        self.initiatives.iter_mut().for_each(Initiative::renew_ids);
    }
}

impl Initiative {
    /// Gives this initiative a fresh identity.
    pub fn renew_ids(&mut self) {
        self.id = ItemId::fresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::sample()
    }

    #[test]
    fn get_and_locate_agree() {
        let plan = sample();
        for (path, part) in plan.parts() {
            assert_eq!(plan.get(path).map(Part::id), Some(part.id()));
            assert_eq!(plan.locate(part.id()), Some(path));
        }
        assert!(plan.get(ItemPath::Initiative(9, 0, 0)).is_none());
        assert!(plan.get(ItemPath::Plan).is_none());
        assert_eq!(plan.locate(ItemId::default()), None);
    }

    #[test]
    fn ensure_ids_fills_gaps_and_splits_copies() {
        let mut plan = sample();
        let kept = plan.issues[0].id;
        plan.issues[1].id = ItemId::default();
        plan.issues[2].id = kept;
        let duplicates = plan.ensure_ids();
        assert_eq!(duplicates, [(ItemPath::Issue(0), ItemPath::Issue(2))]);
        let ids: std::collections::HashSet<ItemId> =
            plan.parts().iter().map(|(_, p)| p.id()).collect();
        assert_eq!(ids.len(), plan.parts().len());
        assert_eq!(plan.issues[0].id, kept, "the first holder keeps its id");
        assert!(!plan.issues[1].id.is_unset());
    }
}
