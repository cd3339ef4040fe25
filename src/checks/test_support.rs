//! Unit tests of the rules: one rule run over text held in memory, as the CLI would, and
//! checked against tables of cases, so that a rule's test module is data (oxc's `Tester`
//! is the model): the texts that fire with their exact findings (`line:col message`), the
//! texts that stay silent, and what the safe fixes make of a text.

use crate::source::LineIndex;
use crate::{lint_text, Settings};

fn settings(code: &str) -> Settings {
    let mut settings = Settings::new(jiff::civil::date(2026, 1, 1));
    settings
        .select(&[code.to_string()], &[])
        .expect("the code names a rule");
    settings
}

/// `line:col message` for each finding of rule `code` on `text`.
pub fn findings(code: &str, text: &str) -> Vec<String> {
    let report = lint_text("test.txt", text, &settings(code));
    let index = LineIndex::new(text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.code, code);
            let at = index.line_col(text, d.span.start);
            format!("{}:{} {}", at.line, at.column, d.message)
        })
        .collect()
}

/// The text after applying every safe fix of rule `code` with `--fix`'s own splicer; all of
/// them must apply (fixes never overlap within a rule).
pub fn fixed(code: &str, text: &str) -> String {
    let report = lint_text("test.txt", text, &settings(code));
    let safe = report
        .diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .count();
    let (out, applied) = crate::fix::apply_safe_fixes(text, &report.diagnostics);
    assert_eq!(
        applied, safe,
        "{code}: overlapping or invalid edits in {text:?}"
    );
    out
}

/// Each text gives exactly these findings of rule `code`, in this order.
#[track_caller]
pub fn assert_fires(code: &str, cases: &[(&str, &[&str])]) {
    for &(text, expected) in cases {
        assert_eq!(findings(code, text), expected, "{code} on {text:?}");
    }
}

/// Each text gives exactly these findings of rule `code`, in this order, and no safe fix:
/// the finding needs a person to decide (the fix is unsafe or there is none).
#[track_caller]
pub fn assert_fires_unfixed(code: &str, cases: &[(&str, &[&str])]) {
    assert_fires(code, cases);
    for &(text, _) in cases {
        assert_eq!(fixed(code, text), text, "{code} fixing {text:?}");
    }
}

/// No text gives a finding of rule `code`.
#[track_caller]
pub fn assert_silent(code: &str, texts: &[&str]) {
    for &text in texts {
        assert_eq!(findings(code, text), [""; 0], "{code} on {text:?}");
    }
}

/// Each text reads as its pair once the safe fixes of rule `code` are applied (the same
/// text: the rule offers no safe fix there).
#[track_caller]
pub fn assert_fixed(code: &str, cases: &[(&str, &str)]) {
    for &(text, expected) in cases {
        assert_eq!(fixed(code, text), expected, "{code} fixing {text:?}");
    }
}
