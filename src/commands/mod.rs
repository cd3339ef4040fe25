//! The subcommands. Each returns the process exit status: 0 clean, 1 findings at or
//! above the fail level, 2 usage, configuration or I/O error (or an internal error in
//! one file: that file gets one line, the others are checked).

mod check;
mod color;
mod completions;
mod init;
mod isolate;
pub mod knowledge;
mod lsp;
mod pipeline;
mod progress;
pub mod rules;
mod stdin;

use std::io::Write as _;

use crate::cli::{Cli, Command};

/// Exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Clean = 0,
    Findings = 1,
    Error = 2,
}

/// Runs a parsed command line; `today` is passed in so the core reads no clock.
pub fn run(cli: Cli, today: jiff::civil::Date) -> Status {
    match cli.command {
        Command::Check(args) => check::run(&args, today),
        Command::Rules { format } => rules::list(format),
        Command::Completions { shell } => completions::run(shell),
        Command::Help { command } => completions::help(command.as_deref()),
        Command::Rule { code } => rules::show(&code, today),
        Command::Init { path, force } => init::run(&path, force),
        Command::Knowledge { rules } => knowledge::run(&rules, today),
        Command::Lsp => lsp::run(today),
    }
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub(super) fn print(text: &str) -> Status {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Status::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Clean,
        Err(e) => {
            eprintln!("gwlint: 无法输出：{e}");
            Status::Error
        }
    }
}
