//! What `gwlint check` prints: `--color`, `--statistics`, the blank line between human
//! findings, the summary line for standard input.

use crate::common::{gwlint, SEED};

const ESC: &str = "\u{1b}[";

fn stdout_of(args: &[&str]) -> String {
    let out = gwlint().arg("check").args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn color_always_colours_even_into_a_pipe_and_over_no_color() {
    // `gwlint()` sets NO_COLOR=1: an explicit flag outranks it.
    let always = stdout_of(&["--color", "always", "--select", "N107", SEED]);
    assert!(always.contains(ESC), "{always}");
    let never = stdout_of(&["--color", "never", "--select", "N107", SEED]);
    assert!(!never.contains(ESC) && never.contains("N107"), "{never}");
    // The old spelling still works.
    let old = stdout_of(&["--no-color", "--select", "N107", SEED]);
    assert_eq!(old, never);
    // auto into a pipe: no colour, even without NO_COLOR.
    let out = gwlint()
        .env_remove("NO_COLOR")
        .args(["check", "--select", "N107", SEED])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(ESC));
    // Only the human format has colours.
    let short = stdout_of(&["--color", "always", "--format", "short", SEED]);
    assert!(!short.contains(ESC), "{short}");
}

/// Runs `gwlint check` on a pseudo-terminal (util-linux `script`), with `env` set, and
/// returns what the terminal received; None when `script` is not installed.
fn on_a_terminal(color: &str, env: &[(&str, &str)]) -> Option<String> {
    let seed = std::fs::canonicalize(SEED).unwrap();
    let command = format!(
        "{} check --color {color} --select N107 --quiet {}",
        env!("CARGO_BIN_EXE_gwlint"),
        seed.display()
    );
    let mut script = std::process::Command::new("script");
    script
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null());
    for (key, value) in env {
        script.env(key, value);
    }
    let out = script.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn color_auto_colours_a_terminal_unless_no_color_or_a_dumb_terminal() {
    let Some(plain) = on_a_terminal("auto", &[]) else {
        eprintln!("note: util-linux `script` is not installed; the terminal cases are not tried");
        return;
    };
    assert!(plain.contains("N107") && plain.contains(ESC), "{plain:?}");
    let no_color = on_a_terminal("auto", &[("NO_COLOR", "1")]).unwrap();
    assert!(
        no_color.contains("N107") && !no_color.contains(ESC),
        "{no_color:?}"
    );
    // NO_COLOR set to the empty string does not count (no-color.org).
    let empty = on_a_terminal("auto", &[("NO_COLOR", "")]).unwrap();
    assert!(empty.contains(ESC), "{empty:?}");
    let dumb = on_a_terminal("auto", &[("TERM", "dumb")]).unwrap();
    assert!(dumb.contains("N107") && !dumb.contains(ESC), "{dumb:?}");
    let never = on_a_terminal("never", &[]).unwrap();
    assert!(!never.contains(ESC), "{never:?}");
}

/// The codes of `--format short` output, counted.
fn short_counts(args: &[&str]) -> std::collections::BTreeMap<String, usize> {
    let out = stdout_of(&[&["--format", "short"], args].concat());
    let mut counts = std::collections::BTreeMap::new();
    for line in out.lines() {
        let code = line.split('[').nth(1).unwrap().split(']').next().unwrap();
        *counts.entry(code.to_string()).or_default() += 1;
    }
    counts
}

#[test]
fn statistics_count_each_rule_most_frequent_first() {
    let args = ["--as-of", "2023-03-15", SEED];
    let expected = short_counts(&args);
    assert!(expected.len() > 3, "{expected:?}");
    let out = gwlint()
        .args(["check", "--statistics"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the status is that of the findings"
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('│'), "no finding is shown: {table}");
    let mut seen = std::collections::BTreeMap::new();
    let mut last = usize::MAX;
    for line in table.lines() {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let count: usize = cells[0].parse().unwrap();
        assert!(count <= last, "sorted by count: {table}");
        last = count;
        // The name follows the code (after `[*]` when fixable).
        let name = if cells[2] == "[*]" {
            cells[3]
        } else {
            cells[2]
        };
        let rule = gwlint::checks::registry::find(cells[1]).unwrap().meta();
        assert_eq!(name, rule.name, "{line}");
        assert!(line.ends_with(rule.summary()), "{line}");
        seen.insert(cells[1].to_string(), count);
    }
    assert_eq!(seen, expected);
    // T101 (half-width colon) is fixable, N107 (lone 一是) is not.
    let line = |code: &str| {
        table
            .lines()
            .find(|l| l.contains(code))
            .unwrap()
            .to_string()
    };
    assert!(line(" T101 ").contains("[*]"), "{table}");
    assert!(!line(" N107 ").contains("[*]"), "{table}");

    let json = stdout_of(&[&["--statistics", "--format", "json"], &args[..]].concat());
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(list.len(), expected.len());
    for entry in &list {
        let code = entry["code"].as_str().unwrap();
        assert_eq!(entry["count"].as_u64().unwrap() as usize, expected[code]);
        assert_eq!(
            entry["name"],
            gwlint::checks::registry::find(code).unwrap().meta().name
        );
    }
    let t101 = list.iter().find(|e| e["code"] == "T101").unwrap();
    assert!(t101["fixable"].as_u64().unwrap() > 0, "{t101}");
}

#[test]
fn human_findings_are_separated_by_one_blank_line() {
    let out = stdout_of(&["--as-of", "2023-03-15", SEED]);
    let findings = short_counts(&["--as-of", "2023-03-15", SEED])
        .values()
        .sum::<usize>();
    // Each finding starts with its code line (“N107(lone-enumeration)”) and ends with
    // the pointer to its docs; between two findings there is exactly one blank line.
    let header = regex::Regex::new(r"^[A-Z][0-9]{3}\([a-z-]+\)$").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| header.is_match(lines[i]))
        .collect();
    assert_eq!(starts.len(), findings, "{out}");
    assert_eq!(starts[0], 0, "{out}");
    for &i in &starts[1..] {
        assert_eq!(lines[i - 1], "", "{out}");
        assert!(lines[i - 2].contains("详见 gwlint rule"), "{out}");
    }
    assert!(lines.last().unwrap().contains("详见 gwlint rule"));
}

#[test]
fn the_summary_counts_fixes_only_where_fix_can_write() {
    let seed = std::fs::read_to_string(SEED).unwrap();
    let summary = |args: &[&str], stdin: &str| {
        let out = gwlint()
            .arg("check")
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let file = summary(&[SEED], "");
    assert!(file.contains("可用 --fix 修复"), "{file}");
    let stdin = summary(&["-"], &seed);
    assert!(
        stdin.contains("发现") && !stdin.contains("--fix"),
        "{stdin}"
    );
    // Together: only the file's fixes are counted.
    let both = summary(&["-", SEED], &seed);
    let count = |s: &str| -> usize {
        let at = s.find(" 个可用 --fix").unwrap();
        s[..at].rsplit(' ').next().unwrap().parse().unwrap()
    };
    assert_eq!(count(&both), count(&file), "{both}");
}

#[test]
fn sarif_rules_carry_their_docs_and_no_uri_while_there_is_no_homepage() {
    // Cargo.toml has no `homepage`: gwlint has no public address, and SARIF wants an
    // absolute URI there (the official schema's "format": "uri"), so both are left out.
    assert_eq!(env!("CARGO_PKG_HOMEPAGE"), "");
    let sarif = stdout_of(&["--format", "sarif", SEED]);
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let driver = &log["runs"][0]["tool"]["driver"];
    assert!(driver.get("informationUri").is_none(), "{driver}");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), gwlint::checks::registry::all().len());
    for rule in rules {
        assert!(rule.get("helpUri").is_none(), "{rule}");
        let meta = gwlint::checks::registry::find(rule["id"].as_str().unwrap())
            .unwrap()
            .meta();
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.starts_with(meta.summary()), "{markdown}");
        assert_eq!(rule["help"]["text"], rule["help"]["markdown"]);
    }
}
