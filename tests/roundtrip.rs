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

    /// Random bytes, and the sample with random bytes overwritten, inserted or
    /// cut out: either a plan that saves and loads back equal, or a refusal in
    /// Japanese whose line and column (when it names one) lie inside the input.
    #[test]
    fn damaged_files_are_refused_with_a_place_inside_them_or_load_whole(
        random in prop::collection::vec(any::<u8>(), 0..400),
        damage in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut sample = include_bytes!("../samples/tsurumi-r4.ron").to_vec();
        for (at, byte, how) in damage {
            let at = at.index(sample.len());
            match how {
                0 => sample[at] = byte,
                1 => sample.insert(at, byte),
                _ => { sample.remove(at); }
            }
        }
        for bytes in [random, sample] {
            match io::parse(&bytes) {
                Ok(plan) => {
                    let text = io::to_ron(&plan).expect("serializes");
                    prop_assert_eq!(io::parse(text.as_bytes()).expect("loads back"), plan);
                }
                Err(err) => {
                    let message = err.to_string();
                    prop_assert!(
                        message.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                        "not in Japanese: {}", message
                    );
                    if let Some((line, column)) = err.position() {
                        let text = String::from_utf8_lossy(&bytes);
                        let lines: Vec<&str> = text.split('\n').collect();
                        prop_assert!(line >= 1 && line <= lines.len(), "line {} of {}", line, lines.len());
                        prop_assert!(
                            column >= 1 && column <= lines[line - 1].chars().count() + 1,
                            "column {} of line {}: {:?}", column, line, lines[line - 1]
                        );
                    }
                }
            }
        }
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
