//! `--statistics`: how many findings of each rule, most frequent first (as ruff's
//! `--statistics`), instead of the findings themselves.

use std::collections::BTreeMap;

use super::OutputFormat;
use crate::fix::Applicability;
use crate::FileReport;

/// One rule's line.
struct Count {
    code: &'static str,
    name: &'static str,
    count: usize,
    /// How many of them a fix of the run's applicability would mend.
    fixable: usize,
}

/// The per-rule counts of a run, added to file by file (a run keeps no report for them).
#[derive(Default)]
pub struct Statistics {
    by_code: BTreeMap<&'static str, Count>,
}

impl Statistics {
    /// Counts one file's findings.
    pub fn count(&mut self, report: &FileReport, applicability: Applicability) {
        // Only where `--fix` can write: not in a Word file nor on standard input.
        let writable = report.source.original.is_some();
        for d in &report.diagnostics {
            let entry = self.by_code.entry(d.code).or_insert(Count {
                code: d.code,
                name: d.rule,
                count: 0,
                fixable: 0,
            });
            entry.count += 1;
            if writable && d.fix.as_ref().is_some_and(|f| applicability.admits(f)) {
                entry.fixable += 1;
            }
        }
    }

    /// The statistics in `format` (see `render`).
    pub fn render(self, format: OutputFormat) -> String {
        let mut counts: Vec<Count> = self.by_code.into_values().collect();
        // Most frequent first; ties in code order (the map's order, kept by a stable sort).
        counts.sort_by_key(|c| std::cmp::Reverse(c.count));
        render(format, &counts)
    }
}

/// The statistics in `format`: a JSON array for `json`, an aligned table otherwise
/// (count, code, `[*]` when some are fixable, rule name, what the rule checks).
fn render(format: OutputFormat, counts: &[Count]) -> String {
    if format == OutputFormat::Json {
        let list: Vec<serde_json::Value> = counts
            .iter()
            .map(|c| {
                serde_json::json!({
                    "code": c.code,
                    "name": c.name,
                    "count": c.count,
                    "fixable": c.fixable,
                })
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string());
        out.push('\n');
        return out;
    }
    let digits = counts.first().map_or(1, |c| c.count.to_string().len());
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|c| {
            let summary = crate::checks::registry::find(c.code)
                .map(|rule| rule.meta().summary())
                .unwrap_or_default();
            vec![
                format!("{:>digits$}", c.count),
                c.code.to_string(),
                if c.fixable > 0 { "[*]" } else { "" }.to_string(),
                c.name.to_string(),
                summary.to_string(),
            ]
        })
        .collect();
    super::table::aligned(&rows)
}
