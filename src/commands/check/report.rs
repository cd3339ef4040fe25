//! What `gwlint check` does with each checked file, in input order: say its one-line
//! messages, write its fix, annotate it, count what the summary needs, and write its
//! findings (or its diff) to the output at once. Nothing of a file is kept after that,
//! so memory does not grow with the number of files.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::time::Instant;

use super::allowances::Allowances;
use super::{applicability, describe_context, say, unreadable_report, Checked, Done};
use crate::cli::CheckArgs;
use crate::commands::Status;
use crate::diagnostic::Severity;
use crate::fix::{unified_diff, write_atomically, Applicability};
use crate::render::{RenderOptions, Statistics, Stream};
use crate::write::OutputFile;
use crate::FileReport;

/// At most this many one-line errors are kept for SARIF's invocation; the rest are
/// counted (each was said on stderr when it happened).
const LISTED_ERRORS: usize = 1000;

pub(super) struct Reporter {
    /// The findings' format; `None` with `--diff`, which writes diffs instead, and with
    /// `--statistics`.
    stream: Option<Stream>,
    /// `--statistics`: the counts per rule, written at the end instead of the findings.
    statistics: Option<Statistics>,
    sink: Sink,
    tally: Tally,
    /// The run's one-line errors (the first `LISTED_ERRORS`), and how many more.
    errors: Vec<String>,
    unlisted_errors: usize,
    allowances: Allowances,
    /// A finding at or above its file's `fail-on`.
    failing: bool,
    files: usize,
}

impl Reporter {
    /// Opens the output and writes what comes before the first file; `None` (after one
    /// line on stderr) when the output cannot be created.
    pub(super) fn start(args: &CheckArgs, errors: Vec<String>, files: usize) -> Option<Self> {
        let sink = Sink::open(args.output.as_deref())?;
        let stream = (!args.diff && !args.statistics).then(|| {
            Stream::new(
                args.format,
                RenderOptions {
                    color: use_color(args),
                    column_unit: args.column_unit,
                    applicability: applicability(args),
                },
            )
        });
        let mut reporter = Self {
            stream,
            statistics: args.statistics.then(Statistics::default),
            sink,
            tally: Tally::default(),
            errors: Vec::new(),
            unlisted_errors: 0,
            allowances: Allowances::default(),
            failing: false,
            files,
        };
        for e in errors {
            reporter.error(e);
        }
        if let Some(begin) = reporter.stream.as_mut().map(Stream::begin) {
            reporter.sink.write(&begin);
        }
        Some(reporter)
    }

    fn error(&mut self, message: String) {
        if self.errors.len() < LISTED_ERRORS {
            self.errors.push(message);
        } else {
            self.unlisted_errors += 1;
        }
    }

    /// One checked file, the next in input order.
    pub(super) fn file(&mut self, args: &CheckArgs, path: &Path, done: Done) {
        let Done {
            outcome,
            settings,
            config,
        } = done;
        let config = config.unwrap_or_default();
        let checked = match outcome {
            Ok(checked) => checked,
            Err(message) => {
                say(&message);
                // Also a finding (G003), so that JSON, SARIF and GitHub output show it.
                if let Some(report) = unreadable_report(path, &settings, &message) {
                    self.emit(args, report, &config);
                }
                self.error(message);
                return;
            }
        };
        let report = match &checked {
            Checked::Linted(report) | Checked::Previewed { report, .. } => report,
            Checked::Fixed(fixed) => &fixed.report,
        };
        self.failing |= report
            .diagnostics
            .iter()
            .any(|d| d.severity >= settings.fail_on);
        self.allowances.record(&settings, &report.allowed_used);
        match checked {
            Checked::Linted(report) => {
                if (args.fix || args.diff) && report.source.kind.is_docx() {
                    let path = report.source.path.display();
                    say(format!("{path}: Word 文件不自动修复，请在 Word 中修改"));
                }
                self.emit(args, report, &config);
            }
            Checked::Previewed { report, fixed_text } => {
                if fixed_text != report.source.text {
                    let path = report.source.path.display().to_string();
                    self.sink
                        .write(&unified_diff(&path, &report.source.text, &fixed_text));
                }
                self.emit(args, report, &config);
            }
            Checked::Fixed(fixed) => {
                if fixed.changed() {
                    let path = fixed.report.source.path.display().to_string();
                    match write_atomically(&fixed.report.source, &fixed.report.source.text) {
                        Ok(()) => say(format!("{path}: 已修复 {} 处", fixed.applied)),
                        Err(e) => {
                            say(&e);
                            self.error(e.to_string());
                        }
                    }
                }
                self.emit(args, fixed.report, &config);
            }
        }
    }

    /// Counts a report, annotates its .docx (`--annotate`), describes it (`-v`) and
    /// writes its findings; then it is dropped.
    fn emit(&mut self, args: &CheckArgs, report: FileReport, config: &str) {
        self.count(&report, args);
        if args.annotate {
            for e in crate::annotate::annotate_reports(std::slice::from_ref(&report), args.force) {
                self.error(e);
            }
        }
        if args.verbose {
            say(describe_context(&report, config));
        }
        self.write_findings(report);
    }

    fn count(&mut self, report: &FileReport, args: &CheckArgs) {
        self.tally.count(report);
        if let Some(statistics) = &mut self.statistics {
            statistics.count(report, applicability(args));
        }
    }

    fn write_findings(&mut self, report: FileReport) {
        if let Some(text) = self.stream.as_mut().map(|s| s.file(report)) {
            self.sink.write(&text);
        }
    }

    /// `[[allow]]` fragments that suppressed nothing in any file they applied to: G002,
    /// reported in the configuration file itself, after the checked files.
    pub(super) fn unused_allowances(&mut self, args: &CheckArgs, today: jiff::civil::Date) {
        for (report, fail_on) in std::mem::take(&mut self.allowances).unused(today, &args.paths) {
            self.failing |= report.diagnostics.iter().any(|d| d.severity >= fail_on);
            self.count(&report, args);
            self.write_findings(report);
        }
    }

    /// Ends the output, puts an `--output` file in place, prints the summary; the status.
    pub(super) fn finish(
        mut self,
        args: &CheckArgs,
        notice: Option<&str>,
        started: Instant,
    ) -> Status {
        if let Some(stream) = self.stream.take() {
            let mut errors = std::mem::take(&mut self.errors);
            if self.unlisted_errors > 0 {
                errors.push(format!(
                    "另有 {} 个错误未列出（见标准错误输出）",
                    self.unlisted_errors
                ));
            }
            self.sink.write(&stream.finish(&errors));
            self.errors = errors;
        }
        if let Some(statistics) = self.statistics.take() {
            self.sink.write(&statistics.render(args.format));
        }
        if let Err(message) = self.sink.close(args.output.as_deref()) {
            eprintln!("gwlint: {message}");
            return Status::Error;
        }
        if !args.quiet {
            if let Some(notice) = notice {
                eprintln!("gwlint: {notice}");
            }
            eprintln!(
                "{}",
                self.tally
                    .summary(self.files, applicability(args), started.elapsed())
            );
        }
        if !self.errors.is_empty() {
            Status::Error
        } else if self.failing && !args.exit_zero {
            Status::Findings
        } else {
            Status::Clean
        }
    }
}

fn use_color(args: &CheckArgs) -> bool {
    crate::commands::color::wanted(
        crate::commands::color::choice(args),
        args.output.is_none() && std::io::stdout().is_terminal(),
    )
}

/// Where the output goes: standard output, flushed after each file so that findings
/// appear as files are done, or an `--output` file written atomically (a temporary file
/// renamed into place at the end).
struct Sink {
    out: std::io::BufWriter<Target>,
    /// The first write error; later writes are skipped.
    failed: Option<std::io::Error>,
}

enum Target {
    Stdout(std::io::Stdout),
    File(OutputFile),
}

impl std::io::Write for Target {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Self::Stdout(out) => out.write(buf),
            Self::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::File(out) => out.flush(),
        }
    }
}

impl Sink {
    fn open(output: Option<&Path>) -> Option<Self> {
        let target = match output {
            None => Target::Stdout(std::io::stdout()),
            Some(path) => match OutputFile::create(path) {
                Ok(file) => Target::File(file),
                Err(e) => {
                    eprintln!("gwlint: {}: 无法写入：{e}", path.display());
                    return None;
                }
            },
        };
        Some(Self {
            out: std::io::BufWriter::with_capacity(64 * 1024, target),
            failed: None,
        })
    }

    fn write(&mut self, text: &str) {
        if self.failed.is_some() || text.is_empty() {
            return;
        }
        let mut result = self.out.write_all(text.as_bytes());
        if matches!(self.out.get_ref(), Target::Stdout(_)) {
            result = result.and_then(|()| self.out.flush());
        }
        if let Err(e) = result {
            self.failed = Some(e);
        }
    }

    /// Flushes, and puts an `--output` file in place; the one line to say when that
    /// failed (a closed pipe on standard output is not a failure: `gwlint … | head`).
    fn close(self, output: Option<&Path>) -> Result<(), String> {
        let failed = |e: std::io::Error| match output {
            Some(path) => Err(format!("{}: 无法写入：{e}", path.display())),
            None if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            None => Err(format!("无法输出：{e}")),
        };
        if let Some(e) = self.failed {
            return failed(e);
        }
        match self.out.into_inner() {
            Err(e) => failed(e.into_error()),
            Ok(Target::Stdout(_)) => Ok(()),
            Ok(Target::File(file)) => file.commit().or_else(failed),
        }
    }
}

/// What the summary line counts, file by file.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Findings with a safe fix, and with only an unsafe one.
    safe_fixes: usize,
    unsafe_fixes: usize,
}

impl Tally {
    fn count(&mut self, report: &FileReport) {
        // Only findings in files `--fix` can write: not standard input, not a Word file.
        let writable = report.source.original.is_some();
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match &d.fix {
                Some(fix) if writable && fix.safe => self.safe_fixes += 1,
                Some(_) if writable => self.unsafe_fixes += 1,
                _ => {}
            }
        }
    }

    /// `gwlint：检查 3 个文件，发现 5 个问题（错误 1，警告 4，提示 0），其中 2 个可用 --fix 修复，用时 0.02 秒`
    fn summary(
        &self,
        files: usize,
        applicability: Applicability,
        elapsed: std::time::Duration,
    ) -> String {
        let mut fixes = String::new();
        let (safe, unsafe_only) = (self.safe_fixes, self.unsafe_fixes);
        if safe > 0 {
            fixes.push_str(&format!("，其中 {safe} 个可用 --fix 修复"));
        }
        if unsafe_only > 0 && applicability == Applicability::Safe {
            fixes.push_str(&format!(
                "{}{unsafe_only} 个可用 --unsafe-fixes 修复（请核对）",
                if safe > 0 { "、" } else { "，其中 " }
            ));
        }
        let (errors, warnings, infos) = (self.errors, self.warnings, self.infos);
        format!(
            "gwlint：检查 {files} 个文件，发现 {} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）{fixes}，用时 {:.2} 秒",
            errors + warnings + infos,
            elapsed.as_secs_f64()
        )
    }
}
