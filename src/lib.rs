//! gwlint: a linter for Chinese Party and government official documents (公文).
//!
//! The core is pure: [`lint`] takes a decoded [`SourceFile`] and resolved [`Settings`]
//! and returns diagnostics, with no IO. Reading files, applying fixes and rendering
//! happen at the edges (`source`, `render`, `commands`).

pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod knowledge;
pub mod lsp;
pub mod profile;
pub mod render;
pub mod settings;
pub mod source;
pub mod suppression;

pub use diagnostic::{Diagnostic, Family, Severity, Span};
pub use settings::Settings;
pub use source::SourceFile;

use checks::Checker;
use context::Context;

/// Everything gwlint found in one file, with the context it was checked in.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub context: Context,
    pub diagnostics: Vec<Diagnostic>,
    /// Indices into the settings' `[[allow]]` entries that suppressed a finding here.
    pub allowed_used: Vec<usize>,
}

/// Lints one file: parse, resolve the context, run the selected rules, apply the
/// configured severities and the suppressions, sort.
pub fn lint(source: SourceFile, settings: &Settings) -> FileReport {
    // Markdown is checked with its code, comments and link targets blanked out; the
    // report keeps the original text, at the same offsets.
    let mut report = if source.kind == source::SourceKind::Markdown {
        let (masked, ranges) = source::markdown::mask(&source.text);
        let mut checked = source.clone();
        checked.text = masked;
        let mut report = lint_prose(checked, settings);
        report.diagnostics.retain(|d| {
            !ranges
                .iter()
                .any(|r| d.span.start < r.end && r.start < d.span.end.max(d.span.start + 1))
        });
        report.source = source;
        report
    } else if let source::SourceKind::Docx { body_len } = source.kind {
        lint_word(source, body_len, settings)
    } else {
        lint_prose(source, settings)
    };
    // Suppression reads the original text: its comments are what Markdown blanking hides.
    let diagnostics = std::mem::take(&mut report.diagnostics);
    let (mut diagnostics, allowed_used) =
        suppression::apply_counting(&report.source, settings, diagnostics);
    report.allowed_used = allowed_used;
    diagnostics.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.span.end.cmp(&b.span.end))
            .then(a.code.cmp(b.code))
    });
    report.diagnostics = diagnostics;
    report
}

/// A Word file: the body is checked as a document; the headers, footers and notes after
/// it (see `source::docx`) only by the rules about wording, at their own offsets, as of
/// the body's date and in its province.
fn lint_word(source: SourceFile, body_len: usize, settings: &Settings) -> FileReport {
    let body_len = body_len.min(source.text.len());
    let mut body = source.clone();
    body.text.truncate(body_len);
    let mut report = lint_prose(body, settings);
    if body_len < source.text.len() {
        // The body blanked out (line ends kept), so offsets stay those of the whole text.
        let mut notes = source.clone();
        notes.text = source.text[..body_len]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect::<String>()
            + &source.text[body_len..];
        let mut notes_settings = settings.clone();
        notes_settings.as_of = Some(report.context.as_of);
        notes_settings.province.clone_from(&report.context.province);
        let wording = |d: &Diagnostic| {
            matches!(d.family, Family::Typography | Family::Formulation)
                || matches!(d.code, "S104" | "R105" | "R109")
        };
        let notes_report = lint_prose(notes, &notes_settings);
        report.diagnostics.extend(
            notes_report
                .diagnostics
                .into_iter()
                .filter(|d| d.span.start >= body_len && wording(d)),
        );
    }
    report.source = source;
    report
}

/// Parses and checks text that is all prose; severities from the configuration applied.
fn lint_prose(source: SourceFile, settings: &Settings) -> FileReport {
    let document = document::parse(&source.text);
    let context = Context::resolve(
        &source.text,
        &document,
        settings.profile,
        settings.as_of,
        settings.today,
        settings.province.clone(),
        settings.knowledge,
    );
    let mut diagnostics = Vec::new();
    for rule in settings.rules() {
        let mut checker = Checker::new(&source, &document, &context, rule.meta());
        rule.check(&mut checker);
        let mut findings = checker.into_findings();
        if let Some(severity) = settings.severity_of(rule.meta().code) {
            findings.iter_mut().for_each(|d| d.severity = severity);
        }
        diagnostics.extend(findings);
    }
    FileReport {
        source,
        context,
        diagnostics,
        allowed_used: Vec::new(),
    }
}

/// Lints text held in memory under the given file name (tests, editors, benchmarks).
pub fn lint_text(name: &str, text: &str, settings: &Settings) -> FileReport {
    lint(SourceFile::from_text(name, text), settings)
}
