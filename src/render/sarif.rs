//! SARIF 2.1.0: one run, the rules with their documentation, one result per finding.
//! Columns count UTF-16 code units, the SARIF default: GitHub code scanning reads them so
//! whatever `columnKind` says. Paths are relative to the repository root (the nearest
//! folder above the working directory holding `.git`, else the working directory), named
//! by `originalUriBaseIds.SRCROOT`, so a run from a subfolder still gives paths code
//! scanning finds. A run that could not check everything says so in its invocation
//! (`executionSuccessful: false`): an empty result list must not close open alerts.

use serde_json::{json, Value};

use super::{display_path, located, rule_docs};
use crate::checks::registry;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::ColumnUnit;
use crate::FileReport;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where results are placed: the repository root and the working directory, found once.
pub(super) struct Paths {
    root: PathBuf,
    cwd: PathBuf,
}

impl Paths {
    pub(super) fn here() -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        Self {
            root: source_root(&cwd),
            cwd,
        }
    }
}

/// Stands for the results in the log while it is written around them.
const RESULTS_HERE: &str = "\u{0}gwlint-results\u{0}";

/// The log before and after its results, pretty-printed: the results array is written
/// between them file by file, so a run never holds all of them. Everything before the
/// results is known at the start; the invocation (whether the run succeeded, and its
/// errors) comes after them and is known only at the end. Also the indentation of
/// the results' elements.
pub(super) fn envelope(paths: &Paths, errors: &[String]) -> (String, String, usize) {
    let log = log(paths, errors, Value::String(RESULTS_HERE.to_string()));
    let text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string());
    let marker = serde_json::to_string(RESULTS_HERE).unwrap_or_default();
    let at = text.find(&marker).unwrap_or(text.len());
    let before = text[..at].to_string();
    let after = text[(at + marker.len()).min(text.len())..].to_string();
    let indent = before
        .rsplit('\n')
        .next()
        .map_or(0, |line| line.len() - line.trim_start().len())
        + 2;
    (before, after, indent)
}

fn log(paths: &Paths, errors: &[String], results: Value) -> Value {
    let rules: Vec<Value> = registry::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            let docs = rule_docs(m.docs);
            let mut rule = json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary() },
                "fullDescription": { "text": docs },
                "help": { "text": docs, "markdown": docs },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "tags": [m.family.as_str()] },
            });
            if let Some(uri) = super::rule_help_uri(m.code) {
                rule["helpUri"] = json!(uri);
            }
            rule
        })
        .collect();
    let mut driver = json!({
        "name": "gwlint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let home = env!("CARGO_PKG_HOMEPAGE");
    if !home.is_empty() {
        driver["informationUri"] = json!(home);
    }
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "level": "error", "message": { "text": e } }))
        .collect();
    let root = &paths.root;
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "originalUriBaseIds": {
                "SRCROOT": { "uri": format!("{}/", uri_of(&root.to_string_lossy()).trim_end_matches('/')) },
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
            // After the results: known only when every file is done.
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }]
    })
}

/// The results of one file.
pub(super) fn results(report: &FileReport, paths: &Paths) -> Vec<Value> {
    let artifact = artifact_location(&paths.root, &paths.cwd, &display_path(report));
    let index = crate::source::LineIndex::new(&report.source.text);
    let mut fingerprints = Fingerprints::default();
    let mut results = Vec::new();
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
            "partialFingerprints": {
                "gwlint/v1": fingerprints.next(d, &report.source.text, &index),
            },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact,
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
    results
}

/// The repository root: the nearest folder at or above `cwd` holding `.git` (a folder, or
/// a file in a worktree or submodule); else `cwd`.
fn source_root(cwd: &Path) -> PathBuf {
    cwd.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// A path relative to the root (`uriBaseId: SRCROOT`) when it lies under it, else an
/// absolute `file:` URI.
fn artifact_location(root: &Path, cwd: &Path, shown: &str) -> Value {
    let absolute = normalize(&cwd.join(shown));
    match absolute.strip_prefix(root) {
        Ok(relative) => json!({
            "uri": uri_of(&relative.to_string_lossy()),
            "uriBaseId": "SRCROOT",
        }),
        Err(_) => json!({ "uri": uri_of(&absolute.to_string_lossy()) }),
    }
}

/// `a/./b/../c` → `a/c`, without touching the file system (links stay as named).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Fingerprints that survive edits elsewhere in the file: the rule, the flagged text and
/// its line without whitespace, hashed (FNV-1a, stable across builds), and which
/// occurrence of that triple in the file it is.
#[derive(Default)]
struct Fingerprints {
    seen: std::collections::HashMap<u64, usize>,
}

impl Fingerprints {
    fn next(&mut self, d: &Diagnostic, text: &str, index: &crate::source::LineIndex) -> String {
        let line = index.line_col(text, d.span.start).line - 1;
        let start = index.line_start(line);
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let flagged = text.get(d.span.start..d.span.end).unwrap_or("");
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = [d.code, "\0", flagged, "\0"];
        let line_text = text[start..end].chars().filter(|c| !c.is_whitespace());
        for b in parts
            .iter()
            .flat_map(|p| p.bytes())
            .chain(line_text.flat_map(|c| {
                let mut buf = [0; 4];
                c.encode_utf8(&mut buf).as_bytes().to_vec()
            }))
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let n = self.seen.entry(hash).or_insert(0);
        *n += 1;
        format!("{hash:016x}:{n}")
    }
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
    use super::*;

    #[test]
    fn paths_are_relative_to_the_root() {
        let root = Path::new("/repo");
        let cwd = Path::new("/repo/docs/sub");
        assert_eq!(
            artifact_location(root, cwd, "../报告.txt"),
            json!({ "uri": "docs/%E6%8A%A5%E5%91%8A.txt", "uriBaseId": "SRCROOT" })
        );
        assert_eq!(
            artifact_location(root, cwd, "/elsewhere/a.txt"),
            json!({ "uri": "file:///elsewhere/a.txt" })
        );
    }

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
