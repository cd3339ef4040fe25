//! Applying fixes: only edits a rule marks safe, never two that overlap, repeated until
//! nothing more changes; written back atomically in the file's own encoding.

use crate::diagnostic::{Diagnostic, Edit};
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::{lint, FileReport};

/// At most this many rounds of lint → apply (a fix can reveal another).
const MAX_ROUNDS: usize = 8;

/// Which fixes to apply: the safe ones (`--fix`), or also those that may change the
/// meaning and need a reader's eye (`--unsafe-fixes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Applicability {
    #[default]
    Safe,
    Unsafe,
}

impl Applicability {
    pub fn admits(self, fix: &crate::diagnostic::Fix) -> bool {
        fix.safe || self == Self::Unsafe
    }
}

/// Applies the safe, non-overlapping edits of `diagnostics` to `text`; returns the new
/// text and how many fixes were applied. Of two overlapping fixes the earlier one wins.
pub fn apply_safe_fixes(text: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    apply_fixes(text, diagnostics, Applicability::Safe)
}

/// Applies the non-overlapping edits of the fixes `applicability` admits.
pub fn apply_fixes(
    text: &str,
    diagnostics: &[Diagnostic],
    applicability: Applicability,
) -> (String, usize) {
    let mut fixes: Vec<&Vec<Edit>> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| applicability.admits(f))
        .map(|f| &f.edits)
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in fixes {
        let overlaps = edits.iter().any(|e| {
            chosen.iter().any(|c| {
                e.span.start < c.span.end.max(c.span.start + 1)
                    && c.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        let valid = edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        if !overlaps && valid && !edits.is_empty() {
            chosen.extend(edits.iter());
            applied += 1;
        }
    }
    chosen.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in chosen {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// The result of fixing one file in memory.
#[derive(Debug)]
pub struct Fixed {
    /// The findings that remain after fixing.
    pub report: FileReport,
    /// The text before any fix.
    pub original_text: String,
    pub applied: usize,
}

impl Fixed {
    pub fn changed(&self) -> bool {
        self.applied > 0 && self.report.source.text != self.original_text
    }
}

/// Lints and fixes `source` in memory until no safe fix is left (or `MAX_ROUNDS`).
pub fn fix_in_memory(source: SourceFile, settings: &Settings) -> Fixed {
    fix_in_memory_with(source, settings, Applicability::Safe)
}

/// Lints and fixes `source` in memory with the fixes `applicability` admits.
pub fn fix_in_memory_with(
    source: SourceFile,
    settings: &Settings,
    applicability: Applicability,
) -> Fixed {
    let original_text = source.text.clone();
    let mut report = lint(source, settings);
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let (text, n) = apply_fixes(&report.source.text, &report.diagnostics, applicability);
        if n == 0 || text == report.source.text {
            break;
        }
        applied += n;
        let mut next = report.source.clone();
        next.text = text;
        report = lint(next, settings);
    }
    Fixed {
        report,
        original_text,
        applied,
    }
}

/// What `--fix` would make of a file already linted, without touching `first`: the
/// fixed text and how many fixes went into it (`--diff`, which reports `first`).
pub fn preview_fixes(
    first: &FileReport,
    settings: &Settings,
    applicability: Applicability,
) -> (String, usize) {
    let (mut text, mut applied) =
        apply_fixes(&first.source.text, &first.diagnostics, applicability);
    if applied == 0 {
        return (text, 0);
    }
    for _ in 1..MAX_ROUNDS {
        let mut next = first.source.clone();
        next.text = text;
        let report = lint(next, settings);
        let (fixed, n) = apply_fixes(&report.source.text, &report.diagnostics, applicability);
        text = report.source.text;
        if n == 0 || fixed == text {
            break;
        }
        applied += n;
        text = fixed;
    }
    (text, applied)
}

pub use crate::write::WriteError;

/// Writes `text` over the file of `source`: see [`crate::write::write_fixed`] (atomic,
/// in its own encoding, keeping owner, links and the bytes outside the fixes).
pub fn write_atomically(source: &SourceFile, text: &str) -> Result<(), WriteError> {
    crate::write::write_fixed(source, text)
}

/// A unified diff of the fix, for `--diff`.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Family, Fix, Severity, Span};

    fn diagnostic(span: Span, replacement: &str, safe: bool) -> Diagnostic {
        Diagnostic {
            code: "N105",
            rule: "nonstandard-marker",
            family: Family::Numbering,
            severity: Severity::Warning,
            span,
            message: String::new(),
            help: None,
            note: None,
            label: None,
            secondary: Vec::new(),
            fix: Some(Fix {
                safe,
                edits: vec![Edit {
                    span,
                    replacement: replacement.to_string(),
                }],
            }),
        }
    }

    #[test]
    fn applies_safe_non_overlapping_edits_only() {
        let text = "1、甲\n(二)乙\n";
        let d = vec![
            diagnostic(Span::new(0, 4), "1.", true),
            diagnostic(Span::new(0, 1), "X", true),
            diagnostic(Span::new(8, 13), "（二）", true),
            diagnostic(Span::new(13, 16), "丙", false),
        ];
        assert_eq!(
            apply_safe_fixes(text, &d),
            ("1.甲\n（二）乙\n".to_string(), 2)
        );
    }
}
