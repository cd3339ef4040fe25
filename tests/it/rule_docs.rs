//! Every rule's documentation is executed: its 示例 block makes the rule fire, and its
//! 应写作 block does not (checked in 四川, as of 2026-11-27 unless the example carries its
//! own date). The 示例 is each rule's fixture, and what the rule says about it is kept as
//! one snapshot per rule (`snapshots/rules/<code>-<name>.snap`, ruff's layout): a changed
//! message, position, help or fix shows in review.

use gwlint::checks::registry;
use gwlint::source::LineIndex;
use gwlint::{lint_text, Diagnostic, Family, Settings};

/// The ```text blocks of a rule's docs: the one after "## 示例" and the one after "应写作".
/// Doc comments carry one leading space per line, which is not part of the example.
fn blocks(docs: &str) -> Option<(String, String)> {
    let docs: String = docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let docs = docs.as_str();
    let example = docs.split("## 示例").nth(1)?;
    let mut parts = example.split("```");
    let wrong = parts
        .nth(1)?
        .trim_start_matches("text")
        .trim_start_matches('\n')
        .to_string();
    let rest = example.split("应写作").nth(1)?;
    let right = rest
        .split("```")
        .nth(1)?
        .trim_start_matches("text")
        .trim_start_matches('\n')
        .to_string();
    Some((wrong, right))
}

fn findings(code: &str, text: &str) -> Vec<Diagnostic> {
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    settings.select(&[code.to_string()], &[]).unwrap();
    settings.province = Some("四川".to_string());
    lint_text("doc.txt", text, &settings).diagnostics
}

fn fires(code: &str, text: &str) -> Vec<String> {
    findings(code, text)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// The findings on a fixture as a reviewer reads them: position, message, help and the
/// text of the fix.
fn describe(text: &str, found: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for d in found {
        let start = index.line_col(text, d.span.start);
        let end = index.line_col(text, d.span.end);
        out.push_str(&format!(
            "{}:{}-{}:{} {}[{}] {}\n",
            start.line,
            start.column,
            end.line,
            end.column,
            d.severity.as_str(),
            d.code,
            d.message
        ));
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        if let Some(fix) = &d.fix {
            let kind = if fix.safe { "fix" } else { "unsafe fix" };
            for edit in &fix.edits {
                let written = &text[edit.span.start..edit.span.end];
                out.push_str(&format!("  {kind}: “{written}” → “{}”\n", edit.replacement));
            }
        }
    }
    out
}

#[test]
fn every_rule_has_its_findings_on_its_example_snapshotted() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/rules");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for rule in registry::all() {
            let meta = rule.meta();
            // The gwlint family's examples are Markdown comments and unreadable files,
            // reported by the suppression stage and the CLI (tests/it/markdown.rs, cli.rs).
            let (Some((wrong, _)), false) = (blocks(meta.docs), meta.family == Family::Gwlint)
            else {
                continue;
            };
            let found = findings(meta.code, &wrong);
            insta::assert_snapshot!(
                format!("{}-{}", meta.code, meta.name),
                format!("{wrong}\n---\n{}", describe(&wrong, &found))
            );
        }
    });
}

#[test]
fn every_rule_example_fires_and_its_correction_is_silent() {
    let mut failures = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        // The gwlint family is emitted by the suppression stage, from Markdown comments.
        if meta.family == Family::Gwlint {
            continue;
        }
        let Some((wrong, right)) = blocks(meta.docs) else {
            failures.push(format!(
                "{}: docs lack a 示例 block and an 应写作 block",
                meta.code
            ));
            continue;
        };
        if fires(meta.code, &wrong).is_empty() {
            failures.push(format!("{}: the 示例 does not fire:\n{wrong}", meta.code));
        }
        let found = fires(meta.code, &right);
        if !found.is_empty() {
            failures.push(format!(
                "{}: the 应写作 fires {found:?}:\n{right}",
                meta.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
