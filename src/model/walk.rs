//! The field walk: every field of a plan, empty ones included, in document order,
//! each with where it sits, its vocabulary entry and the name a reader uses for it
//! (経営課題2のめざすべき将来像). The checks, the missing-glyph report and (later)
//! diff, search and import all go through this one walk; visiting empty fields is
//! what lets a cleared field count as a change.

use std::borrow::Cow;

use super::fields::{self, Field};
pub use super::value::Value;
use super::{Indicator, ItemId, ItemPath, Plan, Review};
use crate::numbering::{self, Part};

/// A text value borrowed from the plan.
fn borrowed_text(text: &str) -> Value<'_> {
    Value::Text(Cow::Borrowed(text))
}

/// One field of the plan, where it sits and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRef<'a> {
    /// The item (the plan for plan-level fields).
    pub at: ItemPath,
    /// The item's identity; none for plan-level fields.
    pub item: Option<ItemId>,
    /// The group the field is in: a review, the indicators, the policy bullets,
    /// the update notes or the contact block; none for a field of its own.
    pub within: Option<&'static Field>,
    /// The entry of a list: policy bullet, update note or indicator, from 0.
    pub entry: Option<usize>,
    /// The result of an indicator, from 0.
    pub result: Option<usize>,
    /// The field itself.
    pub field: &'static Field,
    /// What a reader calls it: 経営課題2の名称, 区の目標.
    pub name: String,
    /// Its value.
    pub value: Value<'a>,
}

impl FieldRef<'_> {
    /// Whether the field is one of the ward's settings (表記のきまり) rather than
    /// text of the document: search, 校正 and the glyph check leave it alone, so
    /// replacing 子ども never rewrites the name kept as 子ども・子育て支援法.
    pub fn is_setting(&self) -> bool {
        self.within.is_some_and(|g| *g == fields::WRITING)
    }
}

/// Every field of the plan, in document order, empty ones included.
pub fn fields(plan: &Plan) -> Vec<FieldRef<'_>> {
    let mut w = Walk(Vec::new());
    let plan_at = Place {
        at: ItemPath::Plan,
        item: None,
        name: String::new(),
    };
    let p = &plan_at;
    w.push(
        p,
        None,
        None,
        &fields::FISCAL_YEAR,
        Value::Year(plan.fiscal_year),
    );
    w.push(p, None, None, &fields::WARD, borrowed_text(&plan.ward));
    w.push(p, None, None, &fields::STAGE, Value::Stage(plan.stage));
    w.push(p, None, None, &fields::OFFICE, borrowed_text(&plan.office));
    w.push(
        p,
        None,
        None,
        &fields::PAGE_DATE,
        Value::Date(plan.page_date),
    );
    for (n, r) in plan.revisions.iter().enumerate() {
        let within = Some((&fields::REVISIONS, n));
        w.push(
            p,
            within,
            None,
            &fields::REVISION_DATE,
            Value::Date(Some(r.date)),
        );
        w.push(
            p,
            within,
            None,
            &fields::REVISION_NOTE,
            borrowed_text(&r.note),
        );
    }
    w.push(p, None, None, &fields::GOAL, borrowed_text(&plan.goal));
    w.push(
        p,
        None,
        None,
        &fields::MISSION,
        borrowed_text(&plan.mission),
    );
    w.push(
        p,
        None,
        None,
        &fields::POLICY_LEAD,
        borrowed_text(&plan.policy_lead),
    );
    for (n, bullet) in plan.policy.iter().enumerate() {
        w.0.push(FieldRef {
            at: ItemPath::Plan,
            item: None,
            within: None,
            entry: Some(n),
            result: None,
            field: &fields::POLICY,
            name: format!("{}の{}つ目", fields::POLICY.label, n + 1),
            value: borrowed_text(bullet),
        });
    }
    w.push(
        p,
        None,
        None,
        &fields::POLICY_CLOSING,
        borrowed_text(&plan.policy_closing),
    );
    for item in numbering::outline(plan) {
        let place = Place {
            at: item.path,
            item: Some(item.part.id()),
            name: item.name(),
        };
        let p = &place;
        match item.part {
            Part::Issue(issue) => {
                w.push(p, None, None, &fields::NUMBER, Value::Number(issue.number));
                w.push(p, None, None, &fields::TITLE, borrowed_text(&issue.title));
                for (field, text) in [
                    (&fields::DESCRIPTION, &issue.description),
                    (&fields::VISION, &issue.vision),
                    (&fields::CURRENT_STATE, &issue.current_state),
                    (&fields::CAUSE_ANALYSIS, &issue.cause_analysis),
                    (&fields::CHALLENGE, &issue.challenge),
                ] {
                    w.push(p, None, None, field, borrowed_text(text));
                }
            }
            Part::Strategy(strategy) => {
                w.push(
                    p,
                    None,
                    None,
                    &fields::NUMBER,
                    Value::Number(strategy.number),
                );
                w.push(
                    p,
                    None,
                    None,
                    &fields::TITLE,
                    borrowed_text(&strategy.title),
                );
                w.push(p, None, None, &fields::MAIN, Value::Flag(strategy.main));
                w.push(
                    p,
                    None,
                    None,
                    &fields::STRATEGY_TEXT,
                    borrowed_text(&strategy.text),
                );
                let target = borrowed_text(&strategy.target_state);
                w.push(p, None, None, &fields::TARGET_STATE, target);
                for (n, indicator) in strategy.indicators.iter().enumerate() {
                    w.indicator(p, n, indicator);
                }
                w.review(p, &fields::INTERIM_REVIEW, &strategy.interim_review);
                w.review(p, &fields::SELF_EVALUATION, &strategy.self_evaluation);
            }
            Part::Initiative(initiative) => {
                w.push(
                    p,
                    None,
                    None,
                    &fields::NUMBER,
                    Value::Number(initiative.number),
                );
                w.push(
                    p,
                    None,
                    None,
                    &fields::TITLE,
                    borrowed_text(&initiative.title),
                );
                w.push(p, None, None, &fields::MAIN, Value::Flag(initiative.main));
                w.push(
                    p,
                    None,
                    None,
                    &fields::BUDGET,
                    Value::Budget(initiative.budget),
                );
                for (field, text) in [
                    (&fields::INITIATIVE_TEXT, &initiative.text),
                    (&fields::PAST_RESULTS, &initiative.past_results),
                    (&fields::PERFORMANCE_TARGET, &initiative.performance_target),
                ] {
                    w.push(p, None, None, field, borrowed_text(text));
                }
                w.review(p, &fields::INTERIM_REVIEW, &initiative.interim_review);
                w.review(p, &fields::SELF_EVALUATION, &initiative.self_evaluation);
            }
        }
    }
    let p = &plan_at;
    let overall = borrowed_text(&plan.overall_evaluation);
    w.push(p, None, None, &fields::OVERALL_EVALUATION, overall);
    let future = borrowed_text(&plan.future_direction);
    w.push(p, None, None, &fields::FUTURE_DIRECTION, future);
    let c = &plan.contact;
    for (field, text) in [
        (&fields::CONTACT_SECTION, &c.section),
        (&fields::CONTACT_POSTAL_CODE, &c.postal_code),
        (&fields::CONTACT_ADDRESS, &c.address),
        (&fields::CONTACT_PHONE, &c.phone),
        (&fields::CONTACT_FAX, &c.fax),
        (&fields::CONTACT_EMAIL, &c.email),
    ] {
        w.push(
            p,
            Some((&fields::CONTACT, 0)),
            None,
            field,
            borrowed_text(text),
        );
    }
    // The ward's wording of the printed headings (empty: the era's standard).
    for heading in super::Heading::ALL {
        w.push(
            p,
            Some((&fields::WORDING, 0)),
            None,
            fields::wording_field(heading),
            borrowed_text(plan.wording.get(heading)),
        );
    }
    // The ward's writing choices: settings, not printed, but a section that
    // changes them changes how the plan is checked, so diff and merge see them.
    for list in super::writing::List::ALL {
        let field = fields::writing_field(list);
        for (n, text) in plan.writing.list(list).iter().enumerate() {
            w.0.push(FieldRef {
                at: ItemPath::Plan,
                item: None,
                within: Some(&fields::WRITING),
                entry: Some(n),
                result: None,
                field,
                name: format!("{}の{}{}", fields::WRITING.label, field.label, n + 1),
                value: borrowed_text(text),
            });
        }
    }
    w.0
}

/// The item the walk is in, and its reader's name (empty for the plan).
struct Place {
    at: ItemPath,
    item: Option<ItemId>,
    name: String,
}

/// Collects fields and names them.
struct Walk<'a>(Vec<FieldRef<'a>>);

impl<'a> Walk<'a> {
    /// Adds a field. `within` is the group and entry; the contact block is a
    /// group of one, named without a number.
    fn push(
        &mut self,
        place: &Place,
        within: Option<(&'static Field, usize)>,
        result: Option<usize>,
        field: &'static Field,
        value: Value<'a>,
    ) {
        let mut name = place.name.clone();
        if !name.is_empty() {
            name.push('の');
        }
        if let Some((group, entry)) = within {
            name.push_str(group.label);
            let numbered = *group == fields::INDICATORS || *group == fields::REVISIONS;
            if numbered {
                name.push_str(&(entry + 1).to_string());
            }
            name.push('の');
        }
        if let Some(r) = result {
            name.push_str(&format!("{}{}の", fields::INDICATOR_RESULTS.label, r + 1));
        }
        name.push_str(field.label);
        let entry = within.and_then(|(group, entry)| {
            (*group != fields::CONTACT
                && *group != fields::WORDING
                && *group != fields::INTERIM_REVIEW
                && *group != fields::SELF_EVALUATION)
                .then_some(entry)
        });
        self.0.push(FieldRef {
            at: place.at,
            item: place.item,
            within: within.map(|(group, _)| group),
            entry,
            result,
            field,
            name,
            value,
        });
    }

    fn indicator(&mut self, place: &Place, n: usize, indicator: &'a Indicator) {
        let within = Some((&fields::INDICATORS, n));
        for (field, text) in [
            (&fields::INDICATOR_NAME, &indicator.name),
            (&fields::INDICATOR_TARGET, &indicator.target),
            (&fields::INDICATOR_UNIT, &indicator.unit),
            (&fields::INDICATOR_PERIOD, &indicator.period),
        ] {
            self.push(place, within, None, field, borrowed_text(text));
        }
        for (r, result) in indicator.results.iter().enumerate() {
            let year = Value::Year(result.fiscal_year);
            self.push(place, within, Some(r), &fields::RESULT_YEAR, year);
            let value = borrowed_text(&result.value);
            self.push(place, within, Some(r), &fields::RESULT_VALUE, value);
            let grade = borrowed_text(&result.grade);
            self.push(place, within, Some(r), &fields::RESULT_GRADE, grade);
        }
    }

    fn review(&mut self, place: &Place, which: &'static Field, review: &'a Review) {
        let within = Some((which, 0));
        let status = Value::Status(review.status);
        self.push(place, within, None, &fields::REVIEW_STATUS, status);
        let comment = borrowed_text(&review.comment);
        self.push(place, within, None, &fields::REVIEW_COMMENT, comment);
        let improvement = borrowed_text(&review.improvement);
        self.push(
            place,
            within,
            None,
            &fields::REVIEW_IMPROVEMENT,
            improvement,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::sample()
    }

    #[test]
    fn names_follow_the_vocabulary() {
        let plan = sample();
        let names: Vec<String> = fields(&plan).into_iter().map(|f| f.name).collect();
        for expected in [
            "区の目標",
            "区運営の基本的な考え方の2つ目",
            "経営課題2の名称",
            "戦略【2-1】の中間振り返りの所見",
            "具体的取組【2-1-2】の予算額",
            "自己評価（運営方針全体）",
            "問合せ先の電話",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} not in {names:?}"
            );
        }
    }

    #[test]
    fn empty_fields_are_visited_too() {
        let plan = sample();
        let all = fields(&plan);
        let empty_vision = all.iter().filter(|f| *f.field == fields::VISION).count();
        assert_eq!(
            empty_vision,
            plan.issues.len(),
            "one per issue, empty or not"
        );
        assert!(plan.issues.iter().all(|i| i.vision.is_empty()));
        let item = all
            .iter()
            .find(|f| f.name == "経営課題3の名称")
            .expect("issue 3");
        assert_eq!(item.item, Some(plan.issues[2].id));
        assert_eq!(item.at, ItemPath::Issue(2));
    }
}
