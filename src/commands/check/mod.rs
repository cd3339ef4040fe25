//! `gwlint check`: collect files, resolve each file's settings, check them in parallel,
//! write each file's findings as soon as it and every file before it are done, then the
//! summary and the status. `run` calls the steps in order; the output and what the
//! summary counts are in `report.rs`, the `[[allow]]` bookkeeping in `allowances.rs`.

mod allowances;
mod report;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use super::isolate;
use super::pipeline;
use super::progress::Progress;
use super::stdin;
use super::Status;
use crate::cli::CheckArgs;
use crate::config::{self, Overrides, Resolver};
use crate::fix::{fix_in_memory_with, preview_fixes, Applicability, Fixed};
use crate::settings::Settings;
use crate::source::{collect_paths_with, ReadError, SourceFile, WalkOptions};
use crate::{lint, FileReport};
use report::Reporter;

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

/// A file checked (or the one line saying why it could not be), with its settings.
struct Done {
    outcome: Result<Checked, String>,
    settings: Settings,
    /// With `-v`: which gwlint.toml applied, or why none did.
    config: Option<String>,
}

/// How many finished files may wait for an earlier one before the workers pause: what
/// bounds the memory of a run, whatever its number of files.
const WINDOW_PER_THREAD: usize = 8;

/// Standard input as read, until the worker that checks it takes it.
type StdinRead = Mutex<Option<Result<SourceFile, ReadError>>>;

/// What is checked: standard input first (when named), then the files in path order.
struct Inputs {
    /// Shared by the workers: settings are made again from its caches as files are
    /// checked.
    resolver: Mutex<Resolver>,
    /// The name standard input is checked under, and what was read from it (taken by
    /// the worker that checks it).
    stdin: Option<(PathBuf, StdinRead)>,
    files: Vec<PathBuf>,
    today: jiff::civil::Date,
}

impl Inputs {
    fn len(&self) -> usize {
        self.files.len() + usize::from(self.stdin.is_some())
    }

    fn path(&self, i: usize) -> &Path {
        match &self.stdin {
            Some((name, _)) if i == 0 => name,
            Some(_) => &self.files[i - 1],
            None => &self.files[i],
        }
    }

    fn is_stdin(&self, i: usize) -> bool {
        i == 0 && self.stdin.is_some()
    }
}

pub(super) fn run(args: &CheckArgs, today: jiff::civil::Date) -> Status {
    let started = Instant::now();
    isolate::install_hook();
    let mut errors = Vec::new();
    let inputs = match gather(args, today, &mut errors) {
        Ok(inputs) => inputs,
        Err(status) => return status,
    };
    let notice = match resolve_every_file(&inputs) {
        Ok(notice) => notice,
        Err(status) => return status,
    };
    let Some(mut reporter) = Reporter::start(args, errors, inputs.len()) else {
        return Status::Error;
    };
    check_in_order(args, &inputs, &mut reporter);
    reporter.unused_allowances(args, today);
    reporter.finish(args, notice.as_deref(), started)
}

/// The files named or found under the PATHs, the settings resolver, and standard input
/// read whole (before the parallel part, once). Walk errors are said and kept; a bad
/// command line, an unusable config or an `--output` that is an input stop the run.
fn gather(
    args: &CheckArgs,
    today: jiff::civil::Date,
    errors: &mut Vec<String>,
) -> Result<Inputs, Status> {
    let resolver = Resolver::new(overrides(args), config_source(args), today)
        .map_err(|e| config_failed(&e))?;
    let (stdin_name, paths) = stdin::split_args(args).map_err(|message| {
        eprintln!("gwlint: {message}");
        Status::Error
    })?;
    let walk = WalkOptions {
        ignore_files: !args.no_ignore,
    };
    let (files, walk_errors) = collect_paths_with(&paths, walk);
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
            return Err(Status::Error);
        }
    }
    let stdin = stdin_name.map(|name| {
        if args.fix && !args.diff {
            eprintln!("gwlint: {}", stdin::NOT_FIXED);
        }
        let read = SourceFile::read_stdin(&name, std::io::stdin().lock());
        (name, Mutex::new(Some(read)))
    });
    Ok(Inputs {
        resolver: Mutex::new(resolver),
        stdin,
        files,
        today,
    })
}

/// Resolves every file's settings once before anything is checked: a broken config stops
/// the run before any output (discovery is a few stat calls per folder, each config is
/// parsed once; the settings themselves are made again, from the cache, when the file
/// is checked, so that none are kept for the whole run). Also the once-per-run notice
/// about knowledge older than the as-of date.
fn resolve_every_file(inputs: &Inputs) -> Result<Option<String>, Status> {
    let mut resolver = lock(&inputs.resolver);
    let mut latest: Option<(jiff::civil::Date, Option<jiff::civil::Date>)> = None;
    for i in 0..inputs.len() {
        let settings = resolver
            .settings_for(inputs.path(i))
            .map_err(|e| config_failed(&e))?;
        let as_of = settings.as_of.unwrap_or(settings.today);
        let knowledge = settings.knowledge();
        if knowledge.is_outdated_at(as_of) && latest.is_none_or(|(d, _)| as_of > d) {
            latest = Some((as_of, knowledge.horizon()));
        }
    }
    Ok(latest.map(|(as_of, horizon)| knowledge_notice(as_of, horizon)))
}

/// Checks every input on the rayon pool, handing each result to the reporter in input
/// order as soon as it and those before it are done (`pipeline::ordered`).
fn check_in_order(args: &CheckArgs, inputs: &Inputs, reporter: &mut Reporter) {
    let applicability = applicability(args);
    let window = WINDOW_PER_THREAD * rayon::current_num_threads();
    let progress = Progress::new(inputs.len(), args.quiet);
    pipeline::ordered(
        inputs.len(),
        window,
        |i| {
            let done = check_one(args, inputs, i, applicability);
            progress.tick();
            done
        },
        |i, done| progress.hidden(|| reporter.file(args, inputs.path(i), done)),
    );
    progress.finish();
}

fn applicability(args: &CheckArgs) -> Applicability {
    if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    }
}

/// Reads and checks input `i` (fixing it in memory with `--fix`, previewing with
/// `--diff`); a panic becomes one line for this file.
fn check_one(args: &CheckArgs, inputs: &Inputs, i: usize, applicability: Applicability) -> Done {
    let path = inputs.path(i);
    let (settings, config) = {
        let mut resolver = lock(&inputs.resolver);
        let config = args.verbose.then(|| resolver.describe_config(path));
        (resolver.settings_for(path), config)
    };
    let settings = match settings {
        Ok(settings) => settings,
        // Resolved once already (`resolve_every_file`), from the same caches.
        Err(e) => {
            return Done {
                outcome: Err(format!("{}: {e}", path.display())),
                settings: Settings::new(inputs.today),
                config,
            }
        }
    };
    let from_stdin = inputs.is_stdin(i);
    let fixing = args.fix || args.diff;
    let outcome = isolate::guard(|| {
        isolate::inject_panic(path);
        isolate::inject_wait(path);
        let read = match &inputs.stdin {
            Some((_, source)) if from_stdin => {
                lock(source).take().expect("standard input is checked once")
            }
            _ => SourceFile::read(path),
        };
        read.map_err(|e| e.to_string()).map(|source| {
            // A Word file is only linted: its fixes are shown, never written; so is
            // standard input (there is no file to write back).
            if args.diff && !source.kind.is_docx() {
                // A dry run: the findings are those of the file as it stays.
                let report = lint(source, &settings);
                let (fixed_text, _) = preview_fixes(&report, &settings, applicability);
                Checked::Previewed { report, fixed_text }
            } else if fixing && !source.kind.is_docx() && !from_stdin {
                Checked::Fixed(fix_in_memory_with(source, &settings, applicability))
            } else {
                Checked::Linted(lint(source, &settings))
            }
        })
    })
    .unwrap_or_else(|panic| {
        Err(format!(
            "{}: 内部错误（gwlint 的缺陷，请报告）：{panic}；未检查此文件，其余文件照常检查",
            path.display()
        ))
    });
    Done {
        outcome,
        settings,
        config,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One line on stderr, with any control character in it (a file name can hold an
/// escape sequence or a line break) made visible.
pub(super) fn say(line: impl std::fmt::Display) {
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
pub(super) fn config_failed(e: &config::Error) -> Status {
    match e {
        config::Error::Usage(message) => say(message),
        config::Error::Config(report) => {
            let color = super::color::wanted(
                crate::cli::ColorChoice::Auto,
                std::io::IsTerminal::is_terminal(&std::io::stderr()),
            );
            eprint!("{}", report.render(color));
        }
    }
    Status::Error
}

/// One line about how a file was read and checked, for `--verbose`.
pub(super) fn describe_context(report: &FileReport, config: &str) -> String {
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
        "{}: 配置 {config}；核对日期 {}（来自{as_of_source}）；最早成文时间 {earliest}；文种 {}；省份 {province}；编码 {}",
        report.source.path.display(),
        c.as_of,
        c.profile.name,
        report.source.encoding.name()
    )
}

/// A report holding one G003 finding for a file that could not be read, if G003 is on.
pub(super) fn unreadable_report(
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

/// Once per run: when a file is checked as of a date more than six months past the
/// knowledge's horizon, findings about “the current one” may be missing.
fn knowledge_notice(as_of: jiff::civil::Date, horizon: Option<jiff::civil::Date>) -> String {
    format!(
        "注意：知识库只到 {}，核对日期 {as_of} 已超过半年，关于“当前”会议、规划、学习教育的提示可能缺失；请更新 gwlint，或用 --rules 加入新的事件",
        horizon.map_or_else(|| "未知".to_string(), |h| h.to_string())
    )
}
