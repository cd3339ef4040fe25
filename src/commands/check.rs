//! `gwlint check`: collect files, read and lint them in parallel, render, decide status.

use std::io::{IsTerminal as _, Write as _};

use rayon::prelude::*;

use super::Status;
use crate::cli::CheckArgs;
use crate::fix::{fix_in_memory, unified_diff, write_atomically, Fixed};
use crate::profile::Profile;
use crate::render::{render, RenderOptions};
use crate::settings::Settings;
use crate::source::{collect_paths, SourceFile};
use crate::{lint, FileReport};

/// One file's outcome: linted, or fixed in memory (its report then holds what remains).
enum Checked {
    Linted(FileReport),
    Fixed(Fixed),
}

pub(super) fn run(args: &CheckArgs, today: jiff::civil::Date) -> Status {
    let settings = match settings_from(args, today) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("gwlint: {message}");
            return Status::Error;
        }
    };
    let (files, walk_errors) = collect_paths(&args.paths);
    let mut had_error = false;
    for e in &walk_errors {
        eprintln!("gwlint: {e}");
        had_error = true;
    }
    let fixing = args.fix || args.diff;
    let results: Vec<Result<Checked, String>> = files
        .par_iter()
        .map(|path| {
            let source = SourceFile::read(path).map_err(|e| e.to_string())?;
            Ok(if fixing && !source.kind.is_docx() {
                Checked::Fixed(fix_in_memory(source, &settings))
            } else {
                Checked::Linted(lint(source, &settings))
            })
        })
        .collect();
    let mut reports = Vec::new();
    let mut diffs = String::new();
    for result in results {
        match result {
            Ok(Checked::Linted(report)) => {
                if fixing && report.source.kind.is_docx() {
                    let path = report.source.path.display();
                    eprintln!("gwlint: {path}: Word 文件不自动修复，请在 Word 中修改");
                }
                reports.push(report);
            }
            Ok(Checked::Fixed(fixed)) => {
                if fixed.changed() {
                    let path = fixed.report.source.path.display().to_string();
                    if args.diff {
                        diffs.push_str(&unified_diff(
                            &path,
                            &fixed.original_text,
                            &fixed.report.source.text,
                        ));
                    }
                    if args.fix {
                        match write_atomically(&fixed.report.source, &fixed.report.source.text) {
                            Ok(()) => eprintln!("gwlint: {path}: 已修复 {} 处", fixed.applied),
                            Err(e) => {
                                eprintln!("gwlint: {e}");
                                had_error = true;
                            }
                        }
                    }
                }
                reports.push(fixed.report);
            }
            Err(message) => {
                eprintln!("gwlint: {message}");
                had_error = true;
            }
        }
    }
    if args.verbose {
        for report in &reports {
            eprintln!("gwlint: {}", describe_context(report));
        }
    }
    let color =
        !args.no_color && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut output = diffs;
    if !args.diff || args.fix {
        output.push_str(&render(args.format, &reports, RenderOptions { color }));
    }
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
    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= settings.fail_on);
    if had_error {
        Status::Error
    } else if failing {
        Status::Findings
    } else {
        Status::Clean
    }
}

fn settings_from(args: &CheckArgs, today: jiff::civil::Date) -> Result<Settings, String> {
    let mut settings = Settings::new(today);
    settings
        .select(&args.select, &args.ignore)
        .map_err(|e| e.to_string())?;
    settings.fail_on = args.fail_on;
    settings.province.clone_from(&args.province);
    if let Some(id) = &args.profile {
        let profile = Profile::by_id(id).ok_or_else(|| {
            let ids: Vec<&str> = Profile::all().iter().map(|p| p.id.as_str()).collect();
            format!("未知的文种“{id}”，可选：{}", ids.join(", "))
        })?;
        settings.profile = Some(profile);
    }
    if !args.rule_files.is_empty() {
        let knowledge = crate::knowledge::Knowledge::with_extra_files(&args.rule_files)
            .map_err(|e| e.to_string())?;
        // Loaded once per run and shared by every file: leaking it gives it the same
        // 'static lifetime as the embedded knowledge.
        settings.knowledge = Box::leak(Box::new(knowledge));
    }
    if let Some(date) = &args.as_of {
        let parsed: jiff::civil::Date = date
            .parse()
            .map_err(|_| format!("--as-of 的日期“{date}”无法识别，请写作 YYYY-MM-DD"))?;
        settings.as_of = Some(parsed);
    }
    Ok(settings)
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
