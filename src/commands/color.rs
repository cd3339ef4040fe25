//! `--color auto|always|never`: whether the human format (and a config error on stderr)
//! is coloured.

use crate::cli::ColorChoice;

/// Whether to colour a stream: `always` and `never` are obeyed as given (a command-line
/// flag outranks the environment, as no-color.org asks); `auto` colours only a terminal,
/// and not when `NO_COLOR` is set to anything but the empty string or `TERM` is `dumb`.
pub(super) fn wanted(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            is_terminal && !no_color && !dumb
        }
    }
}

/// The choice the command line makes, the hidden old `--no-color` included.
pub(super) fn choice(args: &crate::cli::CheckArgs) -> ColorChoice {
    if args.no_color {
        ColorChoice::Never
    } else {
        args.color
    }
}
