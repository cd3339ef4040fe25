//! `gwlint check`: collect files, resolve each file's settings, read and lint them in
//! parallel, render, decide status.

use std::io::{IsTerminal as _, Write as _};
use std::time::Instant;

use rayon::prelude::*;

use super::color;
use super::isolate;
use super::progress::Progress;
use super::stdin;
use super::Status;
use crate::cli::CheckArgs;
use crate::config::{self, Overrides, Resolver};
use crate::diagnostic::Severity;
use crate::fix::{
    fix_in_memory_with, preview_fixes, unified_diff, write_atomically, Applicability, Fixed,
};
use crate::render::{render, RenderOptions};
use crate::settings::Settings;
use crate::source::{collect_paths_with, SourceFile, WalkOptions};
use crate::{lint, FileReport};

/// One file's outcome: linted, fixed in memory (its report then holds what remains), or
/// linted with the fixed text beside it (`--diff`: the report is of the file as it is).
enum Checked {
    Linted(FileReport),
    Fixed(Fixed),
    Previewed {
        report: FileReport,
        fixed_text: String,
    },
}

pub(super) fn run(args: &CheckArgs, today: jiff::civil::Date) -> Status {
    let started = Instant::now();
    isolate::install_hook();
    let mut resolver = match Resolver::new(overrides(args), config_source(args), today) {
        Ok(r) => r,
        Err(e) => return config_failed(&e),
    };
    let (stdin_name, paths) = match stdin::split_args(args) {
        Ok(split) => split,
        Err(message) => {
            eprintln!("gwlint: {message}");
            return Status::Error;
        }
    };
    let walk = WalkOptions {
        ignore_files: !args.no_ignore,
    };
    let (files, walk_errors) = collect_paths_with(&paths, walk);
    // One-line errors of the run (also recorded in a SARIF invocation).
    let mut errors: Vec<String> = Vec::new();
    for e in &walk_errors {
        say(e);
        if !e.is_warning() {
            errors.push(e.to_string());
        }
    }
    if let Some(output) = &args.output {
        if let Some(input) = same_file_as_output(output, &files) {
            eprintln!(
                "gwlint: {}: --output 指向所检查的文件 {}，为免覆盖原文，未检查；请另选输出文件",
                output.display(),
                input.display()
            );
            return Status::Error;
        }
    }
    // Settings are resolved before the parallel part: discovery is a few stat calls
    // per folder, and a broken config stops the run before any output.
    let mut jobs: Vec<(&std::path::Path, Settings)> = Vec::with_capacity(files.len() + 1);
    // Standard input is read whole before the parallel part, once, and checked first.
    let stdin_source = std::sync::Mutex::new(None);
    if let Some(name) = &stdin_name {
        match resolver.settings_for(name) {
            Ok(settings) => jobs.push((name, settings)),
            Err(e) => return config_failed(&e),
        }
        *stdin_source
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some(SourceFile::read_stdin(name, std::io::stdin().lock()));
        if args.fix && !args.diff {
            eprintln!("gwlint: {}", stdin::NOT_FIXED);
        }
    }
    for path in &files {
        match resolver.settings_for(path) {
            Ok(settings) => jobs.push((path, settings)),
            Err(e) => return config_failed(&e),
        }
    }
    let fixing = args.fix || args.diff;
    let applicability = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let progress = Progress::new(jobs.len(), args.quiet);
    let results: Vec<Result<(Checked, Severity), String>> = jobs
        .par_iter()
        .enumerate()
        .map(|(index, (path, settings))| {
            let from_stdin = index == 0 && stdin_name.is_some();
            let checked = isolate::guard(|| {
                isolate::inject_panic(path);
                let read = if from_stdin {
                    stdin_source
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .take()
                        .expect("standard input is read once, before the parallel part")
                } else {
                    SourceFile::read(path)
                };
                read.map_err(|e| e.to_string())
                    .map(|source| {
                        // A Word file is only linted: its fixes are shown, never written;
                        // so is standard input (there is no file to write back).
                        if args.diff && !source.kind.is_docx() {
                            // A dry run: the findings are those of the file as it stays.
                            let report = lint(source, settings);
                            let (fixed_text, _) = preview_fixes(&report, settings, applicability);
                            Checked::Previewed { report, fixed_text }
                        } else if fixing && !source.kind.is_docx() && !from_stdin {
                            Checked::Fixed(fix_in_memory_with(source, settings, applicability))
                        } else {
                            Checked::Linted(lint(source, settings))
                        }
                    })
            })
            .unwrap_or_else(|panic| {
                Err(format!(
                    "{}: 内部错误（gwlint 的缺陷，请报告）：{panic}；未检查此文件，其余文件照常检查",
                    path.display()
                ))
            });
            progress.tick();
            checked.map(|c| (c, settings.fail_on))
        })
        .collect();
    progress.finish();
    let mut reports = Vec::new();
    let mut failing = false;
    let mut diffs = String::new();
    let mut allowances = Allowances::default();
    for (result, (path, settings)) in results.into_iter().zip(&jobs) {
        let (checked, fail_on) = match result {
            Ok(done) => done,
            Err(message) => {
                say(&message);
                errors.push(message.clone());
                // Also a finding (G003), so that JSON, SARIF and GitHub output show it.
                if let Some(report) = unreadable_report(path, settings, &message) {
                    reports.push(report);
                }
                continue;
            }
        };
        let report = match &checked {
            Checked::Linted(report) | Checked::Previewed { report, .. } => report,
            Checked::Fixed(fixed) => &fixed.report,
        };
        failing |= report.diagnostics.iter().any(|d| d.severity >= fail_on);
        allowances.record(settings, &report.allowed_used);
        match checked {
            Checked::Linted(report) => {
                if fixing && report.source.kind.is_docx() {
                    let path = report.source.path.display();
                    say(format!("{path}: Word 文件不自动修复，请在 Word 中修改"));
                }
                reports.push(report);
            }
            Checked::Previewed { report, fixed_text } => {
                if fixed_text != report.source.text {
                    let path = report.source.path.display().to_string();
                    diffs.push_str(&unified_diff(&path, &report.source.text, &fixed_text));
                }
                reports.push(report);
            }
            Checked::Fixed(fixed) => {
                if fixed.changed() {
                    let path = fixed.report.source.path.display().to_string();
                    match write_atomically(&fixed.report.source, &fixed.report.source.text) {
                        Ok(()) => say(format!("{path}: 已修复 {} 处", fixed.applied)),
                        Err(e) => {
                            say(&e);
                            errors.push(e.to_string());
                        }
                    }
                }
                reports.push(fixed.report);
            }
        }
    }
    // `[[allow]]` fragments that suppressed nothing in any file they applied to: G002,
    // reported in the configuration file itself.
    for (report, fail_on) in allowances.unused(today, &args.paths) {
        failing |= report.diagnostics.iter().any(|d| d.severity >= fail_on);
        reports.push(report);
    }
    // Word comments in a copy of each .docx (`crate::annotate`).
    if args.annotate {
        errors.extend(crate::annotate::annotate_reports(&reports, args.force));
    }
    if args.verbose {
        for report in &reports {
            say(describe_context(report));
        }
    }
    let color = color::wanted(
        color::choice(args),
        args.output.is_none() && std::io::stdout().is_terminal(),
    );
    // `--diff` prints the diff instead of the findings; the summary and the exit status
    // still count the findings of the files as they are.
    let mut output = diffs;
    if args.statistics {
        output.push_str(&crate::render::statistics(
            args.format,
            &reports,
            applicability,
        ));
    } else if !args.diff {
        output.push_str(&render(
            args.format,
            &reports,
            RenderOptions {
                color,
                column_unit: args.column_unit,
                applicability,
            },
            &errors,
        ));
    }
    if let Some(path) = &args.output {
        if let Err(e) = crate::write::write_output(path, output.as_bytes()) {
            eprintln!("gwlint: {}: 无法写入：{e}", path.display());
            return Status::Error;
        }
    } else {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout
            .write_all(output.as_bytes())
            .and_then(|()| stdout.flush())
        {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("gwlint: 无法输出：{e}");
                return Status::Error;
            }
        }
    }
    if !args.quiet {
        if let Some(notice) = knowledge_notice(&jobs, today) {
            eprintln!("gwlint: {notice}");
        }
        eprintln!(
            "{}",
            summary(jobs.len(), &reports, applicability, started.elapsed())
        );
    }
    if !errors.is_empty() {
        Status::Error
    } else if failing && !args.exit_zero {
        Status::Findings
    } else {
        Status::Clean
    }
}

/// One line on stderr, with any control character in it (a file name can hold an
/// escape sequence or a line break) made visible.
fn say(line: impl std::fmt::Display) {
    eprintln!(
        "gwlint: {}",
        crate::render::escape::one_line(&line.to_string())
    );
}

/// The checked file that `--output` names (by any spelling or link), if one is.
fn same_file_as_output<'a>(
    output: &std::path::Path,
    files: &'a [std::path::PathBuf],
) -> Option<&'a std::path::Path> {
    use std::os::unix::fs::MetadataExt as _;
    let out = std::fs::metadata(output).ok()?;
    files
        .iter()
        .find(|f| std::fs::metadata(f).is_ok_and(|m| (m.dev(), m.ino()) == (out.dev(), out.ino())))
        .map(std::path::PathBuf::as_path)
}

fn overrides(args: &CheckArgs) -> Overrides {
    Overrides {
        profile: args.profile.clone(),
        as_of: args.as_of.clone(),
        province: args.province.clone(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        fail_on: args.fail_on,
        rule_files: args.rule_files.clone(),
        knowledge: None,
    }
}

fn config_source(args: &CheckArgs) -> config::Source {
    match (&args.config, args.isolated) {
        (_, true) => config::Source::Isolated,
        (Some(path), false) => config::Source::Explicit(path.clone()),
        (None, false) => config::Source::Nearest,
    }
}

/// Prints a usage error on one line, a config error as a report into the file.
fn config_failed(e: &config::Error) -> Status {
    match e {
        config::Error::Usage(message) => say(message),
        config::Error::Config(report) => {
            let color = color::wanted(
                crate::cli::ColorChoice::Auto,
                std::io::stderr().is_terminal(),
            );
            eprint!("{}", report.render(color));
        }
    }
    Status::Error
}

/// `gwlint：检查 3 个文件，发现 5 个问题（错误 1，警告 4，提示 0），其中 2 个可用 --fix 修复，用时 0.02 秒`
fn summary(
    files: usize,
    reports: &[FileReport],
    applicability: Applicability,
    elapsed: std::time::Duration,
) -> String {
    // Only findings in files `--fix` can write: not standard input, not a Word file.
    let fixable = |safe: bool| {
        reports
            .iter()
            .filter(|r| r.source.original.is_some())
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe == safe))
            .count()
    };
    let mut fixes = String::new();
    let (safe, unsafe_only) = (fixable(true), fixable(false));
    if safe > 0 {
        fixes.push_str(&format!("，其中 {safe} 个可用 --fix 修复"));
    }
    if unsafe_only > 0 && applicability == Applicability::Safe {
        fixes.push_str(&format!(
            "{}{unsafe_only} 个可用 --unsafe-fixes 修复（请核对）",
            if safe > 0 { "、" } else { "，其中 " }
        ));
    }
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    format!(
        "gwlint：检查 {files} 个文件，发现 {} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）{fixes}，用时 {:.2} 秒",
        errors + warnings + infos,
        elapsed.as_secs_f64()
    )
}

/// One line about how a file was read and checked, for `--verbose`.
fn describe_context(report: &FileReport) -> String {
    let c = &report.context;
    let as_of_source = match c.as_of_source {
        crate::context::AsOfSource::Override => "--as-of",
        crate::context::AsOfSource::DocumentDate => "成文日期",
        crate::context::AsOfSource::Today => "今天",
    };
    let province = match (&c.province, c.province_source) {
        (Some(p), Some(crate::context::ProvinceSource::Override)) => format!("{p}（--province）"),
        (Some(p), _) => format!("{p}（从文中地名推断）"),
        (None, _) => "未知".to_string(),
    };
    let earliest = crate::checks::timeliness::earliest_writing_date(c).map_or_else(
        || "无".to_string(),
        |(date, name)| format!("{date}（引用了{name}）"),
    );
    format!(
        "{}: 核对日期 {}（来自{as_of_source}）；最早成文时间 {earliest}；文种 {}；省份 {province}；编码 {}",
        report.source.path.display(),
        c.as_of,
        c.profile.name,
        report.source.encoding.name()
    )
}

/// A report holding one G003 finding for a file that could not be read, if G003 is on.
fn unreadable_report(
    path: &std::path::Path,
    settings: &Settings,
    message: &str,
) -> Option<FileReport> {
    let meta = crate::checks::RuleId::G003.rule().meta();
    if !settings.is_enabled(meta.id) {
        return None;
    }
    let shown = path.display().to_string();
    let reason = message
        .strip_prefix(&format!("{shown}: "))
        .unwrap_or(message)
        .to_string();
    let mut report = lint(
        SourceFile::from_text(path, ""),
        &Settings::new(settings.today),
    );
    report.diagnostics = vec![crate::diagnostic::Diagnostic {
        code: meta.code,
        rule: meta.name,
        family: meta.family,
        severity: settings.severity_of(meta.id).unwrap_or(meta.severity),
        span: crate::diagnostic::Span::point(0),
        message: reason,
        help: Some(
            "确认文件存在、可读，并为 UTF-8、UTF-16、GB18030 文本、Markdown 或 .docx".to_string(),
        ),
        note: None,
        label: None,
        secondary: Vec::new(),
        fix: None,
    }];
    Some(report)
}

/// The `[[allow]]` fragments seen in a run, and those that suppressed something.
#[derive(Default)]
struct Allowances {
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
    fn record(&mut self, settings: &Settings, used: &[usize]) {
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
    fn unused(
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

/// Once per run: when a file is checked as of a date more than six months past the
/// knowledge's horizon, findings about “the current one” may be missing.
fn knowledge_notice<P>(
    jobs: &[(P, crate::settings::Settings)],
    today: jiff::civil::Date,
) -> Option<String> {
    let (as_of, horizon) = jobs
        .iter()
        .map(|(_, s)| (s.as_of.unwrap_or(today), s.knowledge()))
        .filter(|(as_of, k)| k.is_outdated_at(*as_of))
        .map(|(as_of, k)| (as_of, k.horizon()))
        .max_by_key(|(as_of, _)| *as_of)?;
    Some(format!(
        "注意：知识库只到 {}，核对日期 {as_of} 已超过半年，关于“当前”会议、规划、学习教育的提示可能缺失；请更新 gwlint，或用 --rules 加入新的事件",
        horizon.map_or_else(|| "未知".to_string(), |h| h.to_string())
    ))
}
