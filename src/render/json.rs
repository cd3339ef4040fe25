//! A JSON array of findings. The field names are a public interface: never rename,
//! only add.

use serde_json::{json, Value};

use super::{display_path, located, Location};
use crate::source::{ColumnUnit, LineIndex};
use crate::FileReport;

/// The findings of one file, each a JSON object (one element of the array).
pub(super) fn findings(report: &FileReport, unit: ColumnUnit) -> Vec<Value> {
    let mut findings = Vec::new();
    let path = display_path(report);
    let index = LineIndex::new(&report.source.text);
    for (d, loc) in located(report, unit) {
        let fix = d.fix.as_ref().map_or(Value::Null, |fix| {
            let edits: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let at = Location::of(&index, &report.source.text, e.span, unit);
                    json!({
                        "replacement": e.replacement,
                        "line": at.start.line,
                        "column": at.start.column,
                        "end_line": at.end.line,
                        "end_column": at.end.column,
                    })
                })
                .collect();
            let first = edits.first().cloned().unwrap_or(Value::Null);
            json!({
                "safe": fix.safe,
                "replacement": first.get("replacement"),
                "line": first.get("line"),
                "column": first.get("column"),
                "end_line": first.get("end_line"),
                "end_column": first.get("end_column"),
                "edits": edits,
            })
        });
        let mut finding = json!({
            "path": path,
            "line": loc.start.line,
            "column": loc.start.column,
            "end_line": loc.end.line,
            "end_column": loc.end.column,
            "code": d.code,
            "rule": d.rule,
            "family": d.family.as_str(),
            "severity": d.severity.as_str(),
            "message": d.message,
            "help": d.help,
            "fix": fix,
        });
        // How the file was read, so a GB18030 or UTF-16 file can be told apart.
        if let Some(object) = finding.as_object_mut() {
            object.insert("encoding".into(), json!(report.source.encoding.name()));
        }
        // Timeliness findings also say which date they were judged against.
        if d.family == crate::diagnostic::Family::Timeliness {
            if let Some(object) = finding.as_object_mut() {
                object.insert("as_of".into(), json!(report.context.as_of.to_string()));
                object.insert(
                    "as_of_source".into(),
                    json!(report.context.as_of_source.as_str()),
                );
            }
        }
        findings.push(finding);
    }
    findings
}
