//! The `[[allow]]` fragments of a run, and which of them suppressed something: those
//! that suppressed nothing in any file become G002 findings in the configuration file.

use crate::diagnostic::Severity;
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::{lint, FileReport};

/// The `[[allow]]` fragments seen in a run, and those that suppressed something.
#[derive(Default)]
pub(super) struct Allowances {
    /// Each fragment once, by its configuration file and span: its text, and what G002
    /// needs of the settings of the first file it applied to (whether it is enabled, its
    /// severity, the fail level). Not the settings themselves: 10,000 fragments each
    /// holding a copy of settings that hold 10,000 fragments took 14 GB.
    seen: std::collections::BTreeMap<(std::path::PathBuf, crate::diagnostic::Span), Unused>,
    /// The allow lists already recorded (one per configuration file), by address.
    lists: std::collections::HashSet<usize>,
    used: std::collections::HashSet<(std::path::PathBuf, crate::diagnostic::Span)>,
}

/// A fragment that may turn out to have suppressed nothing.
struct Unused {
    text: String,
    enabled: bool,
    severity: Option<Severity>,
    fail_on: Severity,
}

impl Allowances {
    pub(super) fn record(&mut self, settings: &Settings, used: &[usize]) {
        let g002 = crate::checks::RuleId::G002;
        if self
            .lists
            .insert(std::sync::Arc::as_ptr(&settings.allow) as usize)
        {
            for allowed in settings.allow.iter() {
                let Some((path, span)) = &allowed.origin else {
                    continue;
                };
                self.seen
                    .entry((path.clone(), *span))
                    .or_insert_with(|| Unused {
                        text: allowed.text.clone(),
                        enabled: settings.is_enabled(g002),
                        severity: settings.severity_of(g002),
                        fail_on: settings.fail_on,
                    });
            }
        }
        for &i in used {
            if let Some((path, span)) = settings.allow.get(i).and_then(|a| a.origin.as_ref()) {
                self.used.insert((path.clone(), *span));
            }
        }
    }

    /// One report per configuration file with a G002 finding for each unused fragment,
    /// for the configuration files whose whole folder this run walked: when only some
    /// files are checked (pre-commit with the changed files, an editor task on one
    /// file), an entry may well be used by a file left out, and is not reported.
    pub(super) fn unused(
        self,
        today: jiff::civil::Date,
        paths: &[std::path::PathBuf],
    ) -> Vec<(FileReport, Severity)> {
        let walked: Vec<std::path::PathBuf> = paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let covered = |config: &std::path::Path| {
            let folder = std::fs::canonicalize(config)
                .ok()
                .and_then(|c| c.parent().map(std::path::Path::to_path_buf));
            folder.is_some_and(|f| walked.iter().any(|w| f.starts_with(w)))
        };
        let meta = crate::checks::RuleId::G002.rule().meta();
        let mut by_file: Vec<(
            std::path::PathBuf,
            Vec<crate::diagnostic::Diagnostic>,
            Severity,
        )> = Vec::new();
        for ((path, span), unused) in self.seen {
            if !unused.enabled || self.used.contains(&(path.clone(), span)) || !covered(&path) {
                continue;
            }
            let text = unused.text;
            let diagnostic = crate::diagnostic::Diagnostic {
                code: meta.code,
                rule: meta.name,
                family: meta.family,
                severity: unused.severity.unwrap_or(meta.severity),
                span,
                message: format!("[[allow]] 片段“{text}”没有抑制任何问题"),
                help: Some(
                    "文中已没有这段文字，或其中的问题已改好：删去这一条 [[allow]]".to_string(),
                ),
                note: None,
                label: None,
                secondary: Vec::new(),
                fix: None,
            };
            // In path order (a BTreeMap): the same file's fragments come together.
            match by_file.last_mut().filter(|(p, _, _)| *p == path) {
                Some((_, list, _)) => list.push(diagnostic),
                None => by_file.push((path, vec![diagnostic], unused.fail_on)),
            }
        }
        by_file.sort_by(|a, b| a.0.cmp(&b.0));
        by_file
            .into_iter()
            .filter_map(|(path, mut diagnostics, fail_on)| {
                let text = std::fs::read_to_string(&path).ok()?;
                diagnostics.sort_by_key(|d| d.span.start);
                let mut report = lint(SourceFile::from_text(&path, ""), &Settings::new(today));
                report.source = SourceFile::from_text(&path, text);
                report.diagnostics = diagnostics;
                Some((report, fail_on))
            })
            .collect()
    }
}
