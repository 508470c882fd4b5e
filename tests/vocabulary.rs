//! The field vocabulary: one entry per field of the file, found by key, with the
//! era's printed headings.

use ward_plan::model::fields::*;

#[test]
fn every_key_of_every_owner_is_unique() {
    for (n, a) in ALL.iter().enumerate() {
        for b in &ALL[n + 1..] {
            assert!(
                (a.owner, a.key) != (b.owner, b.key),
                "{} twice in {:?}",
                a.key,
                a.owner
            );
        }
    }
}

#[test]
fn lookup_finds_shared_and_owned_fields() {
    assert_eq!(lookup(Some(Owner::Initiative), "title"), Some(&TITLE));
    assert_eq!(
        lookup(Some(Owner::Initiative), "text"),
        Some(&INITIATIVE_TEXT)
    );
    assert_eq!(lookup(Some(Owner::Strategy), "text"), Some(&STRATEGY_TEXT));
    assert_eq!(
        lookup(Some(Owner::Review), "comment"),
        Some(&REVIEW_COMMENT)
    );
    assert_eq!(lookup(None, "vision"), Some(&VISION));
    assert_eq!(lookup(None, "nonsense"), None);
}

#[test]
fn era_headings() {
    assert_eq!(GOAL.heading(Era::of(2022)), "区の目標(何をめざすのか)");
    assert_eq!(GOAL.heading(Era::of(2023)), "目標");
    assert_eq!(DESCRIPTION.heading(Era::ToR4), "");
    assert_eq!(
        OVERALL_EVALUATION.heading(Era::FromR5),
        "自己評価(運営方針全体の定性評価)"
    );
}
