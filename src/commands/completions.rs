//! `gwlint completions SHELL` (clap_complete) and `gwlint help [COMMAND]`.

use super::{print, Status};

/// Prints the completion script of `shell` for the command line as parsed, so that every
/// subcommand, option and value list is offered.
pub(super) fn run(shell: clap_complete::Shell) -> Status {
    let mut script = Vec::new();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    clap_complete::generate(shell, &mut crate::cli::command(), "gwlint", &mut script);
    match String::from_utf8(script) {
        Ok(text) => print(&text),
        Err(e) => {
            eprintln!("gwlint: 补全脚本不是 UTF-8：{e}");
            Status::Error
        }
    }
}

/// `gwlint help` and `gwlint help check`: clap's own help subcommand is in English, so
/// this one replaces it.
pub(super) fn help(name: Option<&str>) -> Status {
    let mut cmd = crate::cli::command();
    cmd.build();
    let text = match name {
        None => cmd.render_long_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => sub.render_long_help(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
                eprintln!("gwlint: 没有命令“{name}”，可选：{}", names.join("、"));
                return Status::Error;
            }
        },
    };
    print(&text.to_string())
}
