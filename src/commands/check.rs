//! `gwlint check`: collect files, read and lint them in parallel, render, decide status.

use std::io::{IsTerminal as _, Write as _};

use rayon::prelude::*;

use super::Status;
use crate::cli::CheckArgs;
use crate::profile::Profile;
use crate::render::{render, RenderOptions};
use crate::settings::Settings;
use crate::source::{collect_paths, SourceFile};
use crate::{lint, FileReport};

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
    let results: Vec<Result<FileReport, String>> = files
        .par_iter()
        .map(|path| {
            SourceFile::read(path)
                .map(|source| lint(source, &settings))
                .map_err(|e| e.to_string())
        })
        .collect();
    let mut reports = Vec::new();
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(message) => {
                eprintln!("gwlint: {message}");
                had_error = true;
            }
        }
    }
    let color =
        !args.no_color && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let output = render(args.format, &reports, RenderOptions { color });
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
    if let Some(date) = &args.as_of {
        let parsed: jiff::civil::Date = date
            .parse()
            .map_err(|_| format!("--as-of 的日期“{date}”无法识别，请写作 YYYY-MM-DD"))?;
        settings.as_of = Some(parsed);
    }
    Ok(settings)
}
