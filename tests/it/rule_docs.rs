//! Every rule's documentation is executed: its 示例 block makes the rule fire, and its
//! 应写作 block does not (checked in 四川, as of each example's own date, else today).

use gwlint::checks::registry;
use gwlint::{lint_text, Family, Settings};

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

fn fires(code: &str, text: &str) -> Vec<String> {
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    settings.select(&[code.to_string()], &[]).unwrap();
    settings.province = Some("四川".to_string());
    lint_text("doc.txt", text, &settings)
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect()
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
