//! SARIF 2.1.0: one run, the rules with their documentation, one result per finding.
//! Columns count UTF-16 code units, the SARIF default: GitHub code scanning reads them so
//! whatever `columnKind` says.

use serde_json::{json, Value};

use super::{display_path, located, rule_docs};
use crate::checks::registry;
use crate::diagnostic::Severity;
use crate::source::ColumnUnit;
use crate::FileReport;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub(super) fn render(reports: &[FileReport]) -> String {
    let rules: Vec<Value> = registry::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            let docs = rule_docs(m.docs);
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary() },
                "fullDescription": { "text": docs },
                "help": { "text": docs, "markdown": docs },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "tags": [m.family.as_str()] },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = uri_of(&display_path(report));
        for (d, loc) in located(report, ColumnUnit::Utf16) {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push('。');
                message.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": loc.start.line,
                            "startColumn": loc.start.column,
                            "endLine": loc.end.line,
                            "endColumn": loc.end.column,
                        }
                    }
                }],
            });
            if let Some(id) = crate::checks::RuleId::find(d.code) {
                result["ruleIndex"] = json!(id as usize);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "gwlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string());
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path stays relative (code scanning resolves it against the checkout);
/// an absolute one becomes a `file:` URI. Bytes outside the unreserved set are
/// percent-encoded, so Chinese file names and spaces survive.
fn uri_of(path: &str) -> String {
    let path = path.replace('\\', "/");
    let (prefix, path) = if path.starts_with('/') {
        ("file://", path.as_str())
    } else if path.as_bytes().get(1) == Some(&b':') {
        ("file:///", path.as_str())
    } else {
        ("", path.strip_prefix("./").unwrap_or(&path))
    };
    let mut out = String::from(prefix);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && !prefix.is_empty()) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri_of;

    #[test]
    fn uris() {
        assert_eq!(
            uri_of("docs/自查 报告.txt"),
            "docs/%E8%87%AA%E6%9F%A5%20%E6%8A%A5%E5%91%8A.txt"
        );
        assert_eq!(uri_of("./a.txt"), "a.txt");
        assert_eq!(uri_of("/tmp/a.txt"), "file:///tmp/a.txt");
        assert_eq!(uri_of("C:\\docs\\a.txt"), "file:///C:/docs/a.txt");
    }
}
