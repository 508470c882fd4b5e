//! Item numbers (1, 1-1, 1-1-1) that follow from position unless a plan pins them.
//!
//! Each issue, strategy and initiative may pin its own number (`number: 2`); an item
//! without one takes the previous sibling's number plus one, the first takes 1. So a
//! plan built from scratch numbers itself, while the published summary, which shows
//! 2-1-2 and 4-1-3 without the items before them, pins just those and prints exactly
//! what the page printed. Only the item's own part is stored: the parent part comes
//! from the parent, so a number can never sit under the wrong parent, even after an
//! item is moved.

pub use crate::model::Part;
use crate::model::{Initiative, Issue, ItemPath, Plan, Strategy};

/// An item that may pin its number.
pub trait Numbered {
    /// The pinned number, if any.
    fn pinned_number(&self) -> Option<u32>;
}

impl Numbered for Issue {
    fn pinned_number(&self) -> Option<u32> {
        self.number
    }
}

impl Numbered for Strategy {
    fn pinned_number(&self) -> Option<u32> {
        self.number
    }
}

impl Numbered for Initiative {
    fn pinned_number(&self) -> Option<u32> {
        self.number
    }
}

/// The numbers siblings print, in order: pinned, or the previous one plus one.
pub fn sibling_numbers<T: Numbered>(items: &[T]) -> Vec<u32> {
    let mut previous = 0u32;
    items
        .iter()
        .map(|item| {
            let n = item.pinned_number().unwrap_or(previous.saturating_add(1));
            previous = n;
            n
        })
        .collect()
}

/// Siblings paired with the numbers they print.
pub fn numbered<T: Numbered>(items: &[T]) -> impl Iterator<Item = (u32, &T)> {
    sibling_numbers(items).into_iter().zip(items)
}

/// A full number as printed: [2, 1, 2] → "2-1-2".
pub fn label(parts: &[u32]) -> String {
    parts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

/// A part of the plan with its place and the number it prints.
#[derive(Clone, Debug)]
pub struct OutlineItem<'a> {
    /// Where it sits.
    pub path: ItemPath,
    /// Its full number: [2, 1, 2] for 2-1-2.
    pub number: Vec<u32>,
    /// The part itself.
    pub part: Part<'a>,
}

impl OutlineItem<'_> {
    /// The part as a reader names it: 経営課題2, 戦略【2-1】, 具体的取組【2-1-2】.
    pub fn name(&self) -> String {
        match self.part {
            Part::Issue(_) => format!("経営課題{}", label(&self.number)),
            Part::Strategy(_) => format!("戦略【{}】", label(&self.number)),
            Part::Initiative(_) => format!("具体的取組【{}】", label(&self.number)),
        }
    }

    /// The part's title.
    pub fn title(&self) -> &str {
        self.part.title()
    }
}

/// Every issue, strategy and initiative in document order, numbered.
pub fn outline(plan: &Plan) -> Vec<OutlineItem<'_>> {
    let mut out = Vec::new();
    for (i, (n1, issue)) in numbered(&plan.issues).enumerate() {
        out.push(OutlineItem {
            path: ItemPath::Issue(i),
            number: vec![n1],
            part: Part::Issue(issue),
        });
        for (s, (n2, strategy)) in numbered(&issue.strategies).enumerate() {
            out.push(OutlineItem {
                path: ItemPath::Strategy(i, s),
                number: vec![n1, n2],
                part: Part::Strategy(strategy),
            });
            for (k, (n3, initiative)) in numbered(&strategy.initiatives).enumerate() {
                out.push(OutlineItem {
                    path: ItemPath::Initiative(i, s, k),
                    number: vec![n1, n2, n3],
                    part: Part::Initiative(initiative),
                });
            }
        }
    }
    out
}

/// A problem with one sibling's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    /// An earlier sibling already prints this number.
    Repeated(u32),
    /// Smaller than the previous sibling's number.
    OutOfOrder {
        /// This item's number.
        number: u32,
        /// The previous sibling's number.
        previous: u32,
    },
    /// Pinned to 0; numbers start at 1.
    Zero,
}

/// The siblings whose numbers repeat, go backwards or are zero, by index.
pub fn sibling_problems<T: Numbered>(items: &[T]) -> Vec<(usize, NumberProblem)> {
    let numbers = sibling_numbers(items);
    let mut problems = Vec::new();
    for (i, &n) in numbers.iter().enumerate() {
        if n == 0 {
            problems.push((i, NumberProblem::Zero));
        } else if numbers[..i].contains(&n) {
            problems.push((i, NumberProblem::Repeated(n)));
        } else if i > 0 && n < numbers[i - 1] {
            problems.push((
                i,
                NumberProblem::OutOfOrder {
                    number: n,
                    previous: numbers[i - 1],
                },
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(pins: &[Option<u32>]) -> Vec<Initiative> {
        pins.iter()
            .map(|&number| Initiative {
                number,
                ..Initiative::default()
            })
            .collect()
    }

    #[test]
    fn numbers_follow_position_and_pins() {
        assert_eq!(sibling_numbers(&items(&[])), Vec::<u32>::new());
        assert_eq!(sibling_numbers(&items(&[None, None, None])), [1, 2, 3]);
        assert_eq!(sibling_numbers(&items(&[Some(2)])), [2]);
        assert_eq!(sibling_numbers(&items(&[Some(3), None])), [3, 4]);
        assert_eq!(sibling_numbers(&items(&[None, Some(5), None])), [1, 5, 6]);
        assert_eq!(
            sibling_numbers(&items(&[Some(u32::MAX), None])),
            [u32::MAX, u32::MAX]
        );
    }

    #[test]
    fn problems_are_found() {
        assert!(sibling_problems(&items(&[None, Some(3), None])).is_empty());
        assert_eq!(
            sibling_problems(&items(&[None, None, Some(2)])),
            [(2, NumberProblem::Repeated(2))]
        );
        assert_eq!(
            sibling_problems(&items(&[Some(5), Some(3)])),
            [(
                1,
                NumberProblem::OutOfOrder {
                    number: 3,
                    previous: 5
                }
            )]
        );
        assert_eq!(
            sibling_problems(&items(&[Some(0)])),
            [(0, NumberProblem::Zero)]
        );
    }

    #[test]
    fn outline_numbers_and_names_every_part() {
        let plan = crate::sample();
        let names: Vec<String> = outline(&plan).iter().map(OutlineItem::name).collect();
        assert_eq!(names.len(), 15);
        assert_eq!(
            names[..3],
            ["経営課題1", "戦略【1-1】", "具体的取組【1-1-1】"]
        );
        assert_eq!(names[5], "具体的取組【2-1-2】");
        assert_eq!(outline(&plan)[5].path, ItemPath::Initiative(1, 0, 0));
        assert_eq!(outline(&plan)[5].title(), "児童虐待防止対策");
    }

    #[test]
    fn labels_join_with_hyphens() {
        assert_eq!(label(&[2, 1, 2]), "2-1-2");
        assert_eq!(label(&[4]), "4");
    }
}
