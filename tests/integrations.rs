//! The files in `examples/` and `.pre-commit-hooks.yaml` work with real output: the VS
//! Code problem matcher parses every `short` line of the seed report.

use assert_cmd::Command;
use serde_json::Value;

const SEED: &str = "tests/fixtures/documents/self-inspection-report.txt";

fn short_lines(path: &str) -> Vec<String> {
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--format", "short", "--quiet", path])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn json_findings(path: &str) -> Vec<Value> {
    let out = Command::cargo_bin("gwlint")
        .unwrap()
        .args(["check", "--format", "json", "--quiet", path])
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
    assert_eq!(args.last(), Some(&"${file}"));
    let pattern = &task["problemMatcher"]["pattern"];
    Matcher {
        regex: regex::Regex::new(pattern["regexp"].as_str().unwrap()).unwrap(),
        groups: pattern.clone(),
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
    let absolute = std::fs::canonicalize(SEED).unwrap();
    for path in [SEED, absolute.to_str().unwrap()] {
        let lines = short_lines(path);
        let json = json_findings(path);
        assert_eq!(lines.len(), json.len());
        assert!(!lines.is_empty());
        for (line, j) in lines.iter().zip(&json) {
            let caps = m
                .regex
                .captures(line)
                .unwrap_or_else(|| panic!("no match: {line}"));
            assert_eq!(m.field(&caps, "file"), path);
            assert_eq!(m.field(&caps, "line"), j["line"].to_string());
            assert_eq!(m.field(&caps, "column"), j["column"].to_string());
            assert_eq!(m.field(&caps, "severity"), j["severity"].as_str().unwrap());
            assert_eq!(m.field(&caps, "code"), j["code"].as_str().unwrap());
            assert_eq!(m.field(&caps, "message"), j["message"].as_str().unwrap());
        }
    }
    // A Windows path with a drive letter.
    let caps = m
        .regex
        .captures("C:\\公文\\报告.txt:3:5: info[S103] “一、”之后：没有正文")
        .unwrap();
    assert_eq!(m.field(&caps, "file"), "C:\\公文\\报告.txt");
    assert_eq!(m.field(&caps, "line"), "3");
    assert_eq!(m.field(&caps, "message"), "“一、”之后：没有正文");
}

#[test]
fn pre_commit_hook_runs_the_short_check_on_documents() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    assert!(hooks.contains("- id: gwlint\n"));
    assert!(hooks.contains("entry: gwlint check --format short"));
    // `language: rust` builds the repository's binary named in `entry`.
    assert!(hooks.contains("language: rust"));
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    assert!(manifest.contains("name = \"gwlint\"\npath = \"src/main.rs\""));
}

#[test]
fn workflow_uploads_the_sarif_it_writes() {
    let workflow = std::fs::read_to_string("examples/github-actions/gwlint.yml").unwrap();
    assert!(workflow.contains("gwlint check --format sarif --output gwlint.sarif"));
    assert!(workflow.contains("uses: github/codeql-action/upload-sarif@"));
    assert!(workflow.contains("sarif_file: gwlint.sarif"));
    assert!(workflow.contains("security-events: write"));
    assert!(workflow.contains("gwlint check --format github"));
}
