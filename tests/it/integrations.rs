//! The files in `examples/` and `.pre-commit-hooks.yaml` work with real output: the VS
//! Code problem matcher parses every `short` line of the seed report.

use crate::common::SEED;
use assert_cmd::Command;
use serde_json::Value;

fn short_lines(args: &[&str], path: &str) -> Vec<String> {
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn json_findings(path: &str, unit: &str) -> Vec<Value> {
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args([
            "check",
            "--format",
            "json",
            "--quiet",
            "--column-unit",
            unit,
            path,
        ])
        .output()
        .unwrap();
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The task's problem matcher: its regexp (JavaScript syntax, kept to what the Rust
/// regex crate reads the same way) and the group of each field.
struct Matcher {
    regex: regex::Regex,
    groups: Value,
    /// The task's arguments before `${file}`.
    args: Vec<String>,
}

fn matcher() -> Matcher {
    let text = std::fs::read_to_string("examples/vscode/tasks.json").unwrap();
    let tasks: Value = serde_json::from_str(&text).expect("tasks.json is plain JSON");
    let task = &tasks["tasks"][0];
    let args: Vec<&str> = task["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(task["command"], "gwlint");
    assert_eq!(args[..3], ["check", "--format", "short"]);
    // VS Code counts columns in UTF-16 code units (JavaScript string indices).
    assert!(args.windows(2).any(|w| w == ["--column-unit", "utf-16"]));
    assert_eq!(args.last(), Some(&"${file}"));
    let pattern = &task["problemMatcher"]["pattern"];
    Matcher {
        regex: regex::Regex::new(pattern["regexp"].as_str().unwrap()).unwrap(),
        groups: pattern.clone(),
        args: args[..args.len() - 1]
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
    }
}

impl Matcher {
    fn field<'a>(&self, caps: &regex::Captures<'a>, name: &str) -> &'a str {
        let group = self.groups[name].as_u64().unwrap() as usize;
        caps.get(group).unwrap().as_str()
    }
}

#[test]
fn problem_matcher_parses_every_short_line_of_the_seed() {
    let m = matcher();
    let args: Vec<&str> = m.args.iter().map(String::as_str).collect();
    let absolute = std::fs::canonicalize(SEED).unwrap();
    for path in [SEED, absolute.to_str().unwrap()] {
        let lines = short_lines(&args, path);
        let json = json_findings(path, "utf-16");
        assert_eq!(lines.len(), json.len());
        assert!(!lines.is_empty());
        for (line, j) in lines.iter().zip(&json) {
            let caps = m
                .regex
                .captures(line)
                .unwrap_or_else(|| panic!("no match: {line}"));
            assert_eq!(m.field(&caps, "file"), path);
            for (group, key) in [
                ("line", "line"),
                ("column", "column"),
                ("endLine", "end_line"),
                ("endColumn", "end_column"),
            ] {
                assert_eq!(m.field(&caps, group), j[key].to_string(), "{line}");
            }
            assert_eq!(m.field(&caps, "severity"), j["severity"].as_str().unwrap());
            assert_eq!(m.field(&caps, "code"), j["code"].as_str().unwrap());
            // The message says what to write: the finding's help follows it, and a
            // finding --fix repairs is marked.
            let message = m.field(&caps, "message");
            let fixable = j["fix"]["safe"] == true;
            assert_eq!(message.starts_with("[*] "), fixable, "{line}");
            let text = message.strip_prefix("[*] ").unwrap_or(message);
            assert!(text.starts_with(j["message"].as_str().unwrap()), "{line}");
            assert!(text.ends_with(j["help"].as_str().unwrap()), "{line}");
        }
    }
    // A Windows path with a drive letter.
    let caps = m
        .regex
        .captures("C:\\公文\\报告.txt:3:5:3:7: info[S103] “一、”之后：没有正文")
        .unwrap();
    assert_eq!(m.field(&caps, "file"), "C:\\公文\\报告.txt");
    assert_eq!(m.field(&caps, "line"), "3");
    assert_eq!(m.field(&caps, "endColumn"), "7");
    assert_eq!(m.field(&caps, "message"), "“一、”之后：没有正文");
}

/// A line with an emoji (U+1F600) and a CJK Extension B character (U+20000) before a
/// half-width comma: one character each, two UTF-16 code units each, four bytes each.
/// Each consumer must land on the comma in its own unit.
#[test]
fn columns_land_on_the_finding_in_bytes_utf16_and_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("列.txt");
    let text = "一、总体情况\n😀𠀀情况良好,继续保持。\n";
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let line = text.lines().nth(1).unwrap();
    let comma_bytes = line.find(',').unwrap();
    let prefix = &line[..comma_bytes];
    let want = [
        ("char", prefix.chars().count() + 1),
        ("utf-16", prefix.encode_utf16().count() + 1),
        ("byte", comma_bytes + 1),
    ];
    assert_eq!(want.map(|(_, c)| c), [7, 9, 21]);
    for (unit, column) in want {
        let short = short_lines(
            &[
                "check",
                "--format",
                "short",
                "--select",
                "T101",
                "--column-unit",
                unit,
            ],
            path,
        );
        assert_eq!(
            short,
            [format!(
                "{path}:2:{column}:2:{}: error[T101] [*] 中文里用了半角“,”。改为全角“，”",
                column + 1
            )],
            "{unit}"
        );
        let json = json_findings(path, unit);
        let t101 = json.iter().find(|j| j["code"] == "T101").unwrap();
        assert_eq!(t101["column"], column, "{unit}");
        assert_eq!(t101["end_column"], column + 1, "{unit}");
    }
    // vim's errorformat `%c` counts bytes: the byte column is the comma's byte.
    assert_eq!(line.as_bytes()[comma_bytes], b',');
    // SARIF counts UTF-16 code units, whatever the reader; GitHub ignores columnKind.
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--format", "sarif", "--select", "T101", path])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 9);
    assert_eq!(region["endColumn"], 10);
    assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");
}

#[test]
fn pre_commit_hook_runs_the_short_check_on_documents_with_a_locked_build() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    assert!(hooks.contains("- id: gwlint\n"));
    assert!(hooks.contains("entry: scripts/pre-commit-gwlint.sh check --format short --quiet"));
    assert!(hooks.contains("language: script"));
    // pre-commit's `language: rust` installs without --locked; the script builds with it.
    let script = std::fs::read_to_string("scripts/pre-commit-gwlint.sh").unwrap();
    assert!(script.contains("cargo run --locked --release"));
    assert!(script.contains("--bin gwlint -- \"$@\""));
    let status = std::process::Command::new("sh")
        .args(["-n", "scripts/pre-commit-gwlint.sh"])
        .status()
        .unwrap();
    assert!(status.success(), "the hook script parses");
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata("scripts/pre-commit-gwlint.sh")
        .unwrap()
        .permissions()
        .mode();
    assert!(mode & 0o111 != 0, "the hook script is executable");
}

#[test]
fn workflow_uploads_the_sarif_it_writes_and_installs_locked() {
    let workflow = std::fs::read_to_string("examples/github-actions/gwlint.yml").unwrap();
    assert!(workflow.contains("gwlint check --format sarif --output gwlint.sarif"));
    assert!(workflow.contains("uses: github/codeql-action/upload-sarif@v4"));
    assert!(workflow.contains("sarif_file: gwlint.sarif"));
    assert!(workflow.contains("security-events: write"));
    assert!(workflow.contains("actions: read"));
    assert!(workflow.contains("cargo install --locked"));
    assert!(workflow.contains("uses: actions/cache@v4"));
    // Code scanning shows the findings; annotations would repeat them.
    assert!(!workflow.contains("--format github"));
}
