//! Output: one module per format. Every renderer reads the same `FileReport`s.

pub(crate) mod escape;
mod github;
mod html;
mod human;
mod json;
mod sarif;
mod short;
pub(crate) mod shown;
mod statistics;
pub(crate) mod table;

/// `--statistics`: the count of findings per rule, as JSON for `json`, else a table.
pub use statistics::Statistics;

use crate::diagnostic::{Diagnostic, Span};
use crate::source::{ColumnUnit, LineCol, LineIndex};
use crate::FileReport;

/// The output formats of `gwlint check`. `help` is what shells show beside the value when
/// completing (the doc comments stay for the code's readers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// miette's graphical report with the source line and a labelled span.
    #[value(help = "显示原文并标出位置（默认）")]
    Human,
    /// path:line:col:end_line:end_col: severity[CODE] message — one line each, for editors.
    #[value(help = "一行一个问题：路径:行:列:结束行:结束列: 级别[代码] 问题。应怎样写")]
    Short,
    /// A JSON array of findings.
    #[value(help = "JSON 数组，每个问题一个对象")]
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other tools).
    #[value(help = "SARIF 2.1.0，供 GitHub 代码扫描等")]
    Sarif,
    /// GitHub Actions workflow commands: annotations on the changed files.
    #[value(help = "GitHub Actions 批注")]
    Github,
    /// One self-contained HTML page: the text with the findings marked, for reading in
    /// a browser (use with --output report.html).
    #[value(help = "自成一体的 HTML 页面，配合 --output 报告.html")]
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
    reports: Vec<FileReport>,
    options: RenderOptions,
    errors: &[String],
) -> String {
    let mut stream = Stream::new(format, options);
    let mut out = stream.begin();
    for report in reports {
        out.push_str(&stream.file(report));
    }
    out.push_str(&stream.finish(errors));
    out
}

/// Output written file by file: `begin`, then `file` for each report in order, then
/// `finish`; the caller writes each piece out as it comes, so a run keeps no report
/// once it is written. The JSON array and the SARIF log are valid documents once
/// finished (elements are written with the separators and indentation
/// `serde_json::to_string_pretty` gives the whole). The HTML page begins with the run's
/// summary, so it keeps the reports until `finish` (the texts only of files with
/// findings).
pub struct Stream {
    format: OutputFormat,
    options: RenderOptions,
    /// JSON findings or SARIF results written so far (the separator before the next).
    elements: usize,
    /// SARIF: where paths are relative to, and the log around the results.
    sarif: Option<(sarif::Paths, usize)>,
    /// HTML: the reports, kept for the page.
    kept: Vec<FileReport>,
    /// Human: something was written (the next file's findings start after a blank line).
    human_written: bool,
}

impl Stream {
    pub fn new(format: OutputFormat, options: RenderOptions) -> Self {
        Self {
            format,
            options,
            elements: 0,
            sarif: None,
            kept: Vec::new(),
            human_written: false,
        }
    }

    /// What comes before the first file.
    pub fn begin(&mut self) -> String {
        match self.format {
            OutputFormat::Sarif => {
                let paths = sarif::Paths::here();
                let (before, _, indent) = sarif::envelope(&paths, &[]);
                self.sarif = Some((paths, indent));
                before + "["
            }
            _ => String::new(),
        }
    }

    /// One file's findings.
    pub fn file(&mut self, mut report: FileReport) -> String {
        let mut out = String::new();
        match self.format {
            OutputFormat::Human => {
                human::render(&mut out, &report, self.options);
                if self.human_written && !out.is_empty() {
                    out.insert(0, '\n');
                }
                self.human_written |= !out.is_empty();
            }
            OutputFormat::Short => short::render(&mut out, &report, self.options),
            OutputFormat::Github => github::render(&mut out, &report, self.options.column_unit),
            OutputFormat::Json => {
                for finding in json::findings(&report, self.options.column_unit) {
                    self.element(&mut out, &finding, 2);
                }
            }
            OutputFormat::Sarif => {
                if let Some((paths, indent)) = &self.sarif {
                    let indent = *indent;
                    for result in sarif::results(&report, paths) {
                        self.element(&mut out, &result, indent);
                    }
                }
            }
            OutputFormat::Html => {
                // A file without findings is only a line in the page's index.
                if report.diagnostics.is_empty() {
                    report.source.text = String::new();
                    report.source.original = None;
                }
                self.kept.push(report);
            }
        }
        out
    }

    /// What comes after the last file; `errors` are the run's one-line errors.
    pub fn finish(mut self, errors: &[String]) -> String {
        match self.format {
            OutputFormat::Json if self.elements == 0 => "[]\n".to_string(),
            OutputFormat::Json => "\n]\n".to_string(),
            OutputFormat::Sarif => {
                let paths = self
                    .sarif
                    .take()
                    .map_or_else(sarif::Paths::here, |(p, _)| p);
                let (_, after, indent) = sarif::envelope(&paths, errors);
                let close = if self.elements == 0 {
                    "]".to_string()
                } else {
                    format!("\n{}]", " ".repeat(indent - 2))
                };
                close + &after + "\n"
            }
            OutputFormat::Html => html::render(&self.kept),
            _ => String::new(),
        }
    }

    /// One element of a JSON array, pretty-printed at `indent` spaces, after a separator.
    fn element(&mut self, out: &mut String, value: &serde_json::Value, indent: usize) {
        out.push_str(match (self.elements, self.format) {
            // SARIF's bracket comes with the log before the results.
            (0, OutputFormat::Json) => "[\n",
            (0, _) => "\n",
            _ => ",\n",
        });
        self.elements += 1;
        let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
        // A pretty-printed JSON text has line breaks only between tokens (those in
        // strings are escaped), so indenting every line indents the element.
        let pad = " ".repeat(indent);
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&pad);
            out.push_str(line);
        }
    }
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
