//! Any plan saves and loads back equal (property test).

use proptest::prelude::*;
use ward_plan::io;

mod common;
use common::plan;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_plan_saves_and_loads_back_equal(plan in plan()) {
        let text = io::to_ron(&plan).expect("serializes");
        prop_assert!(!text.contains("\\u{"), "no unicode escapes in {text}");
        let loaded = io::parse(text.as_bytes()).expect("loads back");
        prop_assert_eq!(&loaded, &plan);
        // Saving again gives the same bytes.
        prop_assert_eq!(io::to_ron(&loaded).expect("serializes"), text);
    }

    #[test]
    fn any_bytes_are_refused_or_loaded_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = io::parse(&bytes);
    }

    /// Any cut that loses the closing `)` is refused (only the final newline may go).
    #[test]
    fn any_cut_of_the_sample_is_refused(cut in 0usize..include_str!("../samples/tsurumi-r4.ron").len() - 1) {
        let bytes = include_bytes!("../samples/tsurumi-r4.ron");
        prop_assert!(bytes.ends_with(b")\n"));
        prop_assert!(io::parse(&bytes[..cut]).is_err());
    }
}

/// Found by the `load` fuzz target: a plan that did not save and load back the same.
#[test]
fn the_fuzzers_plan_saves_and_loads_back_the_same() {
    let plan = io::parse(include_bytes!("fixtures/fuzz-load-roundtrip.ron")).expect("loads");
    let text = io::to_ron(&plan).expect("writes");
    let again = io::parse(text.as_bytes()).expect("loads again");
    if again != plan {
        let changes = ward_plan::compare::diff(&plan, &again);
        panic!(
            "{changes:#?}\n{:?}",
            ward_plan::model::walk::fields(&plan).len()
        );
    }
}
