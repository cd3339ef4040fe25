//! The command line itself: completions, `rules --format json`, the aligned rule table,
//! the help texts (Chinese, in line with the README).

use unicode_width::UnicodeWidthStr as _;

use crate::common::gwlint;

fn stdout_of(args: &[&str]) -> String {
    let out = gwlint().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completions_parse_and_complete_subcommands_and_options() {
    let script = stdout_of(&["completions", "bash"]);
    for word in ["check", "rules", "knowledge", "completions", "--statistics"] {
        assert!(script.contains(word), "{word}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gwlint.bash");
    std::fs::write(&path, &script).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .unwrap();
    assert!(syntax.status.success(), "bash -n: {syntax:?}");
    // Sourced into bash, the function completes what a user types.
    let complete = |line: &str| {
        // The words as bash splits them, the last one (being typed) possibly empty.
        let words: Vec<String> = line.split(' ').map(|w| format!("'{w}'")).collect();
        let words = words.join(" ");
        let probe = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             COMP_LINE=\"{line}\"; COMP_POINT=${{#COMP_LINE}}; \
             _gwlint gwlint \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &probe])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let subcommands = complete("gwlint ch");
    assert_eq!(subcommands.trim(), "check", "{subcommands}");
    let options = complete("gwlint check --stat");
    assert_eq!(options.trim(), "--statistics", "{options}");
    let values = complete("gwlint check --color ");
    let values: Vec<&str> = values.split_whitespace().collect();
    assert_eq!(values, ["auto", "always", "never"]);
}

#[test]
fn completions_for_the_other_shells_name_the_subcommands() {
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for word in ["check", "rules", "completions", "statistics"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    // A shell that is installed checks the syntax of its own script.
    for (shell, flag) in [("zsh", "-n"), ("fish", "--no-execute")] {
        let script = stdout_of(&["completions", shell]);
        let Ok(mut child) = std::process::Command::new(shell)
            .arg(flag)
            .stdin(std::process::Stdio::piped())
            .spawn()
        else {
            eprintln!("note: {shell} is not installed; its script's syntax is not checked");
            continue;
        };
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "{shell} {flag}");
    }
    gwlint().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn rules_as_json_has_every_rule_with_exactly_the_documented_fields() {
    let list: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_str(&stdout_of(&["rules", "--format", "json"])).unwrap();
    let registry = gwlint::checks::registry::all();
    assert_eq!(list.len(), registry.len());
    for (entry, rule) in list.iter().zip(registry) {
        let m = rule.meta();
        let keys: Vec<&str> = entry.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["code", "name", "family", "severity", "fixable", "summary", "since", "default"]
        );
        assert_eq!(entry["default"], !m.opt_in);
        assert_eq!(entry["code"], m.code);
        assert_eq!(entry["name"], m.name);
        assert_eq!(entry["family"], m.family.as_str());
        assert_eq!(entry["severity"], m.severity.as_str());
        assert_eq!(entry["summary"], m.summary());
        assert_eq!(entry["since"], m.since);
        assert!(
            ["never", "sometimes", "always"].contains(&entry["fixable"].as_str().unwrap()),
            "{entry:?}"
        );
    }
    let n105 = list.iter().find(|e| e["code"] == "N105").unwrap();
    assert_eq!(n105["fixable"], "always");
    assert_eq!(n105["family"], "numbering");
}

#[test]
fn the_rule_table_is_aligned_by_display_width() {
    let table = stdout_of(&["rules"]);
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    let summary_at = header[..header.find("说明").unwrap()].width();
    let fix_at = header[..header.find("可修复").unwrap()].width();
    let mut rows = 0;
    for (line, rule) in lines.zip(gwlint::checks::registry::all()) {
        let m = rule.meta();
        let start = line.rfind(m.summary()).unwrap();
        assert_eq!(line[..start].width(), summary_at, "{line}");
        // The fix column holds Chinese (是, 部分): what follows it still lines up.
        let fix = &line[..start].trim_end();
        let fix_start = fix.rfind(' ').unwrap() + 1;
        assert_eq!(line[..fix_start].width(), fix_at, "{line}");
        rows += 1;
    }
    assert_eq!(rows, gwlint::checks::registry::all().len());
}

/// English that clap writes into help by itself.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "Print version",
    "[default",
    "[possible",
    "Possible values",
    "[OPTIONS]",
    "<COMMAND>",
    "PATH",
    "FORMAT",
];

fn subcommand_names() -> Vec<String> {
    gwlint::cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn every_help_text_is_chinese() {
    let mut pages = vec![
        stdout_of(&["--help"]),
        stdout_of(&["-h"]),
        stdout_of(&["help"]),
    ];
    for name in subcommand_names() {
        pages.push(stdout_of(&[&name, "--help"]));
        pages.push(stdout_of(&[&name, "-h"]));
        pages.push(stdout_of(&["help", &name]));
    }
    for page in &pages {
        for english in CLAP_ENGLISH {
            assert!(!page.contains(english), "“{english}” in:\n{page}");
        }
        assert!(page.contains("用法："), "{page}");
        // Every option, argument and command is explained in Chinese, on its line or
        // (long help) on the next.
        let chinese = |l: &str| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let lines: Vec<&str> = page.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("  ") && !line.starts_with("       ") {
                let next = lines.get(i + 1).filter(|n| n.starts_with("       "));
                assert!(
                    chinese(line) || next.is_some_and(|n| chinese(n)),
                    "no Chinese for “{line}”:\n{page}"
                );
            }
        }
    }
    gwlint().args(["help", "nope"]).assert().code(2);
}

#[test]
fn check_help_lists_every_profile_and_the_walked_file_types() {
    let help = stdout_of(&["check", "--help"]);
    for profile in gwlint::profile::ProfileSet::embedded().iter() {
        assert!(
            help.contains(&format!("{}（{}）", profile.id, profile.name)),
            "{} missing:\n{help}",
            profile.id
        );
    }
    let top = stdout_of(&["--help"]);
    assert!(top.contains(".txt、.md 和 .docx"), "{top}");
}

/// The ```sh block of README.md's 用法 section.
fn readme_usage() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## 用法").unwrap()..];
    let start = section.find("```sh\n").unwrap() + "```sh\n".len();
    section[start..start + section[start..].find("```").unwrap()].to_string()
}

#[test]
fn the_readme_usage_lists_exactly_the_subcommands_and_check_options() {
    let usage = readme_usage();
    let mut documented: Vec<String> = usage
        .lines()
        .filter_map(|l| l.strip_prefix("gwlint "))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(String::from)
        .collect();
    documented.sort();
    documented.dedup();
    let mut subcommands = subcommand_names();
    subcommands.sort();
    assert_eq!(documented, subcommands, "README 用法 vs gwlint --help");

    let mut flags: Vec<String> = usage
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(String::from)
        .collect();
    flags.sort();
    flags.dedup();
    let cmd = gwlint::cli::command();
    let check = cmd.find_subcommand("check").unwrap();
    let mut options: Vec<String> = check
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    options.sort();
    assert_eq!(flags, options, "README 用法 vs gwlint check --help");
}

#[test]
fn command_line_mistakes_are_one_chinese_line_with_status_2() {
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["check", "--statistic"],
            &["未知的选项或参数“--statistic”", "是不是“--statistics”"],
        ),
        (&["chek"], &["没有命令“chek”", "是不是“check”"]),
        (
            &["check", "--color", "sometimes"],
            &["--color", "“sometimes”无效", "auto、always、never"],
        ),
        (&["check", "--config", "a", "--isolated"], &["不能与"]),
        (&["rule"], &["缺少"]),
    ];
    for (args, wanted) in cases {
        let out = gwlint().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("gwlint: "), "{stderr}");
        for w in wanted {
            assert!(stderr.contains(w), "{args:?}: “{w}” not in {stderr}");
        }
        for english in ["error:", "Usage", "For more information"] {
            assert!(!stderr.contains(english), "{stderr}");
        }
    }
}

#[test]
fn every_rule_summary_is_a_whole_sentence() {
    // The summary is the first line of a rule's docs (`gwlint rules`, `--statistics`,
    // SARIF shortDescription): a first sentence wrapped over two lines is cut short.
    for rule in gwlint::checks::registry::all() {
        let s = rule.meta().summary();
        assert!(
            !s.ends_with(['、', '，', '；', '：', '（', '“'])
                && s.matches('（').count() == s.matches('）').count()
                && s.matches('“').count() == s.matches('”').count(),
            "{}: the first line of its docs is not a whole sentence: “{s}”; put the \
             first sentence on one line",
            rule.meta().code
        );
    }
}

#[test]
fn every_value_a_shell_offers_is_explained_in_chinese_or_not_at_all() {
    // zsh, fish and PowerShell completions show a value's help beside it.
    let mut cmd = gwlint::cli::command();
    cmd.build();
    let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut values = 0;
    for sub in std::iter::once(&cmd).chain(cmd.get_subcommands()) {
        for arg in sub.get_arguments() {
            for value in arg.get_possible_values() {
                values += 1;
                if let Some(help) = value.get_help() {
                    assert!(
                        chinese(&help.to_string()),
                        "{} {}: {}",
                        sub.get_name(),
                        value.get_name(),
                        help
                    );
                }
            }
        }
    }
    assert!(values > 20, "{values}");
    let fish = stdout_of(&["completions", "fish"]);
    assert!(fish.contains("按 UTF-8 字节计"), "{fish}");
}
