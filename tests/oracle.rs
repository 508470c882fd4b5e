//! An oracle for the merge, written outside `compare/`: from one random base,
//! two sections edit parts of the plan that do not overlap — each owns some of
//! the issues (retitles, new budgets, cleared texts, deleted strategies and
//! initiatives, initiatives moved, a whole issue deleted), one rewords the goal,
//! the other the mission and adds a bullet. The expected result is both lists
//! of edits applied in turn to the base by the plain code below; the merge must
//! give exactly that, with no conflict. A merge that dropped a one-sided
//! deletion or move would differ from it.

use proptest::prelude::*;
use ward_plan::compare::{Merge, Side};

mod common;
#[path = "common/edits.rs"]
mod edits;
use edits::{owned, replay, resolve};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Edits from one base on parts that do not overlap all arrive, and only
    /// they: the merge equals both edit lists applied in turn.
    #[test]
    fn a_merge_of_disjoint_edits_is_both_edit_lists_applied(
        base in common::plan(),
        mine_picks in prop::collection::vec(any::<(u8, u8, u16)>(), 0..8),
        theirs_picks in prop::collection::vec(any::<(u8, u8, u16)>(), 0..8),
        goal in "[あ-ん]{1,8}",
        mission in "[ア-ン]{1,8}",
        bullet in "[一-龠]{1,6}",
    ) {
        let mut base = base;
        base.ensure_ids();
        let mine_edits = resolve(&base, &owned(&base, 0), &mine_picks);
        let theirs_edits = resolve(&base, &owned(&base, 1), &theirs_picks);
        let mut mine = replay(&base, &mine_edits);
        mine.goal = goal;
        let mut theirs = replay(&base, &theirs_edits);
        theirs.mission = mission.clone();
        theirs.policy.push(bullet.clone());

        let mut expected = replay(&mine, &theirs_edits);
        expected.mission = mission;
        expected.policy.push(bullet);

        let merge = Merge::new(&base, &mine, &theirs);
        prop_assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
        let result = merge.result(|_| Side::Mine);
        prop_assert_eq!(result, expected, "mine {:?} theirs {:?}", mine_edits, theirs_edits);
    }
}
