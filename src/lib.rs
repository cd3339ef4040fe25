//! gwlint: a linter for Chinese Party and government official documents (公文).
//!
//! The core is pure: [`lint`] takes a decoded [`SourceFile`] and resolved [`Settings`]
//! and returns diagnostics, with no IO. Reading files, applying fixes and rendering
//! happen at the edges (`source`, `render`, `commands`).

pub mod annotate;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod knowledge;
pub mod numerals;
pub mod profile;
pub mod render;
mod rules_files;
pub mod settings;
pub mod small_file;
pub mod source;
pub mod spelling;
pub mod suppression;
mod table_bytes;
pub mod words;
pub mod write;

pub use diagnostic::{Diagnostic, Family, Severity, Span};
pub use settings::Settings;
pub use source::SourceFile;

use std::sync::Arc;

use checks::{engine, Views};
use context::{Context, Scan};
use source::parts::{Part, Scope};

/// Everything gwlint found in one file, with the context it was checked in.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub context: Context,
    pub diagnostics: Vec<Diagnostic>,
    /// Indices into the settings' `[[allow]]` entries that suppressed a finding here.
    pub allowed_used: Vec<usize>,
}

/// Lints one file: each of its parts (`source::parts`: the document, then any text
/// outside it) is parsed and checked by the selected rules of the part's scope, with the
/// configured severities; then the suppressions are applied and the findings sorted.
pub fn lint(source: SourceFile, settings: &Settings) -> FileReport {
    let mut diagnostics = Vec::new();
    let mut body: Option<Context> = None;
    for part in source::parts::parts(&source) {
        let context = check_part(&part, settings, body.as_ref(), &mut diagnostics);
        body.get_or_insert(context);
    }
    let context = body.expect("every file has a body part");
    let mut report = FileReport {
        source,
        context,
        diagnostics: Vec::new(),
        allowed_used: Vec::new(),
    };
    // Suppression reads the original text: its comments are what Markdown blanking hides.
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

/// Parses one part and runs the enabled rules of its scope over it, once each, over views
/// built once. Text outside the body is checked as of the body's date and in its province.
fn check_part(
    part: &Part<'_>,
    settings: &Settings,
    body: Option<&Context>,
    out: &mut Vec<Diagnostic>,
) -> Context {
    let text = &part.text;
    let (as_of, province) = match body {
        Some(body) => (Some(body.as_of), body.province.clone()),
        None => (settings.as_of, settings.province.clone()),
    };
    let threads = engine::threads_for(text.len());
    // The knowledge scan reads only the text: a large part is scanned while it is parsed.
    let scan = || Scan::of(text, province, &settings.knowledge);
    let (document, scan) = if threads > 1 {
        std::thread::scope(|s| {
            let scanning = s.spawn(scan);
            let document = document::parse(text);
            let scan = scanning
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (document, scan)
        })
    } else {
        (document::parse(text), scan())
    };
    let context = Context::resolve(
        &settings.profiles,
        text,
        &document,
        settings.profile.clone(),
        as_of,
        settings.today,
        scan,
        Arc::clone(&settings.knowledge),
    );
    let views = Views::new(text, &document, &context);
    let rules: Vec<&'static dyn checks::Rule> = settings
        .rules()
        .filter(|rule| part.scope != Scope::Wording || rule.meta().scope == Scope::Wording)
        .collect();
    for (rule, findings) in rules.iter().zip(engine::run(&views, &rules, threads)) {
        let severity = settings.severity_of(rule.meta().id);
        out.extend(
            findings
                .into_iter()
                .filter(|d| part.keeps(d.span))
                .map(|mut d| {
                    if let Some(severity) = severity {
                        d.severity = severity;
                    }
                    d
                }),
        );
    }
    context
}

/// Lints text held in memory under the given file name (tests, editors, benchmarks).
pub fn lint_text(name: &str, text: &str, settings: &Settings) -> FileReport {
    lint(SourceFile::from_text(name, text), settings)
}
