//! Lists and tables under a heading: bullets (the policy's, or strategies and
//! initiatives listed by name under their label), and the rows of an
//! indicator table.

use super::*;

/// The printed form of items a page lists by name.
const LISTED: &str = "・{名称}";

/// Why a list, or a numbered heading after one, prints otherwise than the page.
const MIXED: &str = "番号つきの見出しと名前だけの一覧が混ざっているので、一覧の名前も番号つきの見出しで印刷されます";

impl Builder {
    /// An item listed by name: the kind prints as listed, unless the page also
    /// heads items of that kind with numbers (they would lose them).
    fn listed(&mut self, n: usize, raw: &str, heading: Heading) {
        if self.numbered.contains(&heading) {
            self.note(n, raw, MIXED);
        } else {
            self.keep_wording(heading, LISTED);
        }
    }

    /// An item headed with its number: names listed before it print numbered too.
    pub(super) fn numbered_heading(&mut self, n: usize, raw: &str, heading: Heading) {
        if !self.numbered.contains(&heading) {
            self.numbered.push(heading);
        }
        let wording = self.plan.wording.get_mut(heading);
        if wording == LISTED {
            wording.clear();
            self.note(n, raw, MIXED);
        }
    }

    /// A bullet: an entry of the list being read.
    pub(super) fn bullet(&mut self, n: usize, raw: &str, text: String, numbered: bool) {
        if self.strategy_list && !self.plan.issues.is_empty() {
            // 《主な戦略》 over a list: each entry a strategy, printed as listed.
            let main = self.next_main.unwrap_or(false);
            if let Some(issue) = self.plan.issues.last_mut() {
                issue.strategies.push(Strategy {
                    id: ItemId::fresh(),
                    title: text,
                    main,
                    ..Strategy::default()
                });
            }
            // Printed as listed; a page that also numbers strategies keeps that.
            self.listed(n, raw, Heading::Strategy);
            self.target = Target::Strategy(&f::STRATEGY_TEXT);
            return;
        }
        if self.initiative_list {
            // 《主な具体的取組》 over a list: each entry an initiative of the
            // strategy read last.
            let main = self.next_main.unwrap_or(false);
            let Some(strategy) = self.last_strategy() else {
                self.note(
                    n,
                    raw,
                    "この具体的取組の戦略が見つからないので取り込みませんでした",
                );
                return;
            };
            strategy.initiatives.push(Initiative {
                id: ItemId::fresh(),
                title: text,
                main,
                ..Initiative::default()
            });
            // Printed as listed, as the strategies are.
            self.listed(n, raw, Heading::Initiative);
            self.target = Target::Initiative(&f::INITIATIVE_TEXT);
            return;
        }
        match self.target {
            Target::Plan(field) if *field == f::POLICY => {
                // Text read after a bullet and before this one continued it.
                let carried = std::mem::take(&mut self.plan.policy_closing);
                if let Some(last) = self.plan.policy.last_mut() {
                    last.push_str(&carried.replace('\n', ""));
                }
                self.plan.policy.push(text);
            }
            // Other fields keep a numbered entry as written, and mark the
            // others with the ・ they print.
            _ if numbered => self.text(n, raw, raw.trim()),
            _ => self.text(n, raw, &format!("{}{text}", crate::blocks::BULLET)),
        }
    }

    /// A line under アウトカム指標: the table's header row (which says what its
    /// columns hold), or an indicator: a row of tab-separated cells, or a line.
    pub(super) fn indicator_row(&mut self, n: usize, raw: &str, text: &str) {
        let cells: Vec<&str> = text.split('\t').map(str::trim).collect();
        if let Some(columns) = Columns::header(&cells, self.plan.fiscal_year) {
            self.columns = Some(columns);
            self.note(
                n,
                raw,
                "指標の表の見出し行なので、列の読み分けに使いました（印刷では標準の見出しになります）",
            );
            return;
        }
        let columns = self
            .columns
            .clone()
            .unwrap_or_else(|| Columns::standard(self.plan.fiscal_year));
        let Some(strategy) = self.last_strategy() else {
            self.note(n, raw, "入れる欄が見つからないので取り込みませんでした");
            return;
        };
        strategy.indicators.push(if cells.len() > 1 {
            columns.row(&cells)
        } else {
            // Not a table: one line as staff write it.
            super::super::indicators::spoken(text)
        });
    }
}
