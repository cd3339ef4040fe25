//! Output: one module per format. Every renderer reads the same `FileReport`s.

pub(crate) mod escape;
mod github;
mod html;
mod human;
mod json;
mod sarif;
mod short;
mod statistics;
pub(crate) mod table;

use crate::diagnostic::{Diagnostic, Span};
use crate::source::{ColumnUnit, LineCol, LineIndex};
use crate::FileReport;

/// The output formats of `gwlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// miette's graphical report with the source line and a labelled span.
    Human,
    /// path:line:col:end_line:end_col: severity[CODE] message — one line each, for editors.
    Short,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other tools).
    Sarif,
    /// GitHub Actions workflow commands: annotations on the changed files.
    Github,
    /// One self-contained HTML page: the text with the findings marked, for reading in
    /// a browser (use with --output report.html).
    Html,
}

/// Options that affect rendering only.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
    /// What the columns of `short`, `json` and `github` count (SARIF always counts UTF-16
    /// code units, as GitHub code scanning does whatever `columnKind` says).
    pub column_unit: ColumnUnit,
    /// Which fixes count as applicable (`[*]` in `short`).
    pub applicability: crate::fix::Applicability,
}

/// Renders all reports in `format`; `errors` are the one-line errors of the run (files
/// that could not be read or written), which SARIF records in its invocation.
pub fn render(
    format: OutputFormat,
    reports: &[FileReport],
    options: RenderOptions,
    errors: &[String],
) -> String {
    match format {
        OutputFormat::Human => human::render(reports, options),
        OutputFormat::Short => short::render(reports, options),
        OutputFormat::Json => json::render(reports, options.column_unit),
        OutputFormat::Sarif => sarif::render(reports, errors),
        OutputFormat::Github => github::render(reports, options.column_unit),
        OutputFormat::Html => html::render(reports),
    }
}

/// `--statistics`: the count of findings per rule, as JSON for `json`, else a table.
pub fn statistics(
    format: OutputFormat,
    reports: &[FileReport],
    applicability: crate::fix::Applicability,
) -> String {
    statistics::render(format, reports, applicability)
}

/// Start and end (exclusive) of a span as 1-based lines and columns in some unit.
pub(crate) struct Location {
    pub start: LineCol,
    pub end: LineCol,
}

impl Location {
    pub(crate) fn of(index: &LineIndex, text: &str, span: Span, unit: ColumnUnit) -> Self {
        Self {
            start: index.line_col_in(text, span.start, unit),
            end: index.line_col_in(text, span.end, unit),
        }
    }
}

/// Where a rule's documentation is published: `{homepage}/rules/{CODE}` when the
/// package declares a `homepage` in Cargo.toml. gwlint has no public site yet, so by
/// default there is none, and SARIF `helpUri` and LSP `codeDescription` are left out
/// rather than pointing nowhere.
pub fn rule_help_uri(code: &str) -> Option<String> {
    let home = env!("CARGO_PKG_HOMEPAGE").trim_end_matches('/');
    (!home.is_empty()).then(|| format!("{home}/rules/{code}"))
}

/// The path as shown to the user.
pub(crate) fn display_path(report: &FileReport) -> String {
    report.source.path.display().to_string()
}

/// A rule's documentation as written in its doc comment, without the one space of
/// indentation a doc comment gives each line.
pub(crate) fn rule_docs(docs: &str) -> String {
    docs.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Diagnostics paired with their locations, file by file.
pub(crate) fn located(report: &FileReport, unit: ColumnUnit) -> Vec<(&Diagnostic, Location)> {
    let index = LineIndex::new(&report.source.text);
    report
        .diagnostics
        .iter()
        .map(|d| (d, Location::of(&index, &report.source.text, d.span, unit)))
        .collect()
}
