//! gwlint.toml as a user meets it: found above the file, overridden by the command line,
//! broken ones reported with file and key; `gwlint init`; suppression comments in
//! Markdown and allowed fragments in plain text.

use std::path::{Path, PathBuf};

use crate::common::{gwlint, SEED};
use predicates::prelude::*;

/// A folder tree `root/org/dept/report.txt` holding the seed; returns (root, report).
fn tree() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dept = root.path().join("org").join("dept");
    std::fs::create_dir_all(&dept).unwrap();
    let report = dept.join("report.txt");
    std::fs::copy(SEED, &report).unwrap();
    (root, report)
}

fn short(args: &[&str], path: &Path) -> (Option<i32>, String, String) {
    let out = gwlint()
        .args(["check", "--format", "short"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn codes(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| l.split('[').nth(1).unwrap()[..4].to_string())
        .collect()
}

#[test]
fn config_two_folders_up_ignores_a_code() {
    let (root, report) = tree();
    let (_, before, _) = short(&["--quiet"], &report);
    let before = codes(&before);
    assert_eq!(before.iter().filter(|c| *c == "N105").count(), 7);
    std::fs::write(
        root.path().join("org").join("gwlint.toml"),
        "ignore = [\"N105\"]\n",
    )
    .unwrap();
    let (status, after, _) = short(&["--quiet"], &report);
    assert_eq!(status, Some(1));
    let after = codes(&after);
    let expected: Vec<String> = before.into_iter().filter(|c| c != "N105").collect();
    assert_eq!(after, expected);
    // --isolated ignores it; --ignore adds to it; --select replaces its select.
    let (_, isolated, _) = short(&["--quiet", "--isolated"], &report);
    assert!(codes(&isolated).contains(&"N105".to_string()));
    let (_, more, _) = short(&["--quiet", "--ignore", "S"], &report);
    let more = codes(&more);
    assert!(
        !more.is_empty() && more.iter().all(|c| !c.starts_with('S') && c != "N105"),
        "{more:?}"
    );
    // A nearer config wins and nothing is merged from the one above.
    std::fs::write(
        report.with_file_name("gwlint.toml"),
        "ignore = [\"N107\"]\n",
    )
    .unwrap();
    let (_, nearest, _) = short(&["--quiet"], &report);
    let nearest = codes(&nearest);
    assert!(nearest.contains(&"N105".to_string()) && !nearest.contains(&"N107".to_string()));
}

#[test]
fn explicit_config_severities_and_fail_on() {
    let (root, report) = tree();
    let config = root.path().join("strict.toml");
    std::fs::write(
        &config,
        "select = [\"N105\"]\nfail-on = \"error\"\n[rules]\nN105 = \"info\"\n",
    )
    .unwrap();
    let (status, out, _) = short(&["--quiet", "--config", config.to_str().unwrap()], &report);
    assert_eq!(status, Some(0), "only info findings, fail-on error");
    assert_eq!(out.lines().count(), 7);
    assert!(out.lines().all(|l| l.contains(": info[N105] ")), "{out}");
    // The command line's --fail-on wins.
    let (status, _, _) = short(
        &[
            "--quiet",
            "--config",
            config.to_str().unwrap(),
            "--fail-on",
            "info",
        ],
        &report,
    );
    assert_eq!(status, Some(1));
}

#[test]
fn broken_config_exits_2_naming_file_and_key() {
    let (root, report) = tree();
    let config = root.path().join("gwlint.toml");
    std::fs::write(
        &config,
        "profile = \"self-inspection\"\nfial-on = \"error\"\n",
    )
    .unwrap();
    let (status, stdout, stderr) = short(&[], &report);
    assert_eq!(status, Some(2));
    assert_eq!(stdout, "");
    assert!(stderr.contains(&config.display().to_string()), "{stderr}");
    assert!(stderr.contains("fial-on"), "{stderr}");
    // The report shows the line of the key and marks it.
    assert!(stderr.contains("2 │ fial-on = \"error\""), "{stderr}");

    std::fs::write(
        &config,
        "[rules]\nN105 = { severity = \"error\", strict = true }\n",
    )
    .unwrap();
    let (status, _, stderr) = short(&[], &report);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("gwlint.toml") && stderr.contains("“strict”"),
        "{stderr}"
    );

    std::fs::write(&config, "ignore = [\"N999\"]\n").unwrap();
    let (status, _, stderr) = short(&[], &report);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("gwlint.toml") && stderr.contains("N999"),
        "{stderr}"
    );
}

#[test]
fn per_path_ignores_and_allowed_fragments() {
    let (root, report) = tree();
    std::fs::write(
        root.path().join("gwlint.toml"),
        "[[per-path]]\npaths = [\"org/dept\"]\nignore = [\"structure\", \"timeliness\", \"formulation\", \"typography\"]\n\n[[allow]]\ntext = \"（五）干部作风需进一步改进。一是\"\ncodes = [\"N107\"]\nreason = \"原文如此\"\n",
    )
    .unwrap();
    let (_, out, _) = short(&["--quiet"], &report);
    let found = codes(&out);
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| c == "N105"), "{out}");
}

#[test]
fn init_writes_a_template_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    gwlint()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("gwlint.toml"));
    let written = std::fs::read_to_string(dir.path().join("gwlint.toml")).unwrap();
    for key in [
        "profile",
        "as-of",
        "province",
        "select",
        "ignore",
        "fail-on",
        "extra-rules",
        "[rules]",
        "[[per-path]]",
        "[[allow]]",
    ] {
        assert!(written.contains(key), "{key}");
    }
    // Refuses to overwrite without --force.
    gwlint().arg("init").arg(dir.path()).assert().code(2);
    gwlint()
        .args(["init", "--force"])
        .arg(dir.path())
        .assert()
        .code(0);
    // The template changes nothing: same findings as without it.
    let report = dir.path().join("report.txt");
    std::fs::copy(SEED, &report).unwrap();
    let (status, with, _) = short(&["--quiet"], &report);
    let (_, without, _) = short(&["--quiet", "--isolated"], &report);
    assert_eq!(status, Some(1));
    assert_eq!(with, without);
}

#[test]
fn markdown_disable_comment_removes_the_finding_on_the_next_line() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let md = dir.path().join("report.md");
    std::fs::write(&md, &seed).unwrap();
    let (_, before, _) = short(&["--quiet", "--isolated"], &md);
    assert!(before.contains(":24:15:24:17: warning[N107]"), "{before}");

    // Put the comment above line 24 (the lone 一是).
    let mut lines: Vec<&str> = seed.split_inclusive('\n').collect();
    lines.insert(
        23,
        "<!-- gwlint-disable-next-line N107 -- 原文如此，不改 -->\n",
    );
    std::fs::write(&md, lines.concat()).unwrap();
    let (_, after, _) = short(&["--quiet", "--isolated"], &md);
    assert!(!after.contains("N107"), "{after}");
    assert_eq!(after.lines().count(), before.lines().count() - 1);

    // A disable … enable block around the 1、… lines (now 15–19), and a mistake.
    let mut lines: Vec<&str> = seed.split_inclusive('\n').collect();
    lines.insert(18, "<!-- gwlint-enable nonstandard-marker -->\n");
    lines.insert(13, "<!-- gwlint-disable nonstandard-marker -->\n");
    lines.insert(0, "<!-- gwlint-disable-next-line N170 -->\n");
    std::fs::write(&md, lines.concat()).unwrap();
    let (_, out, _) = short(&["--quiet", "--isolated"], &md);
    let found = codes(&out);
    assert_eq!(found.iter().filter(|c| *c == "N105").count(), 2, "{out}");
    assert!(
        out.contains(":1:31:1:35: warning[G001] 抑制注释中的“N170”不是已知的规则代码、名称或类别"),
        "{out}"
    );
}

#[test]
fn extra_rules_in_the_config_are_used_by_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("local.toml"),
        "[[confusable]]\nid = \"local-x\"\nwrong = [\"示范镇政付\"]\nright = \"示范镇政府\"\nsource = \"本单位用语规范（2024）\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "extra-rules = [\"local.toml\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let doc = dir.path().join("sub").join("d.txt");
    std::fs::write(&doc, "请示范镇政付牵头落实。\n").unwrap();
    let (status, out, _) = short(&["--quiet", "--select", "F103"], &doc);
    assert_eq!(status, Some(1));
    assert!(
        out.contains("d.txt:1:5:1:7: warning[F103] “示范镇政付”中的“政付”是别字或误用"),
        "{out}"
    );
}

#[test]
fn an_allowed_fragment_that_suppresses_nothing_is_reported_in_the_config() {
    let (root, _report) = tree();
    let config = root.path().join("gwlint.toml");
    std::fs::write(
        &config,
        "# 允许的写法\n[[allow]]\ntext = \"（五）干部作风需进一步改进。一是\"\ncodes = [\"N107\"]\n\n[[allow]]\ntext = \"这段文字不在文中\"\n",
    )
    .unwrap();
    // The whole tree the config governs is walked: the unused entry is reported.
    let (status, out, _) = short(&["--quiet", "--select", "N107,G002"], root.path());
    assert_eq!(status, Some(1));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].contains(
            "gwlint.toml:7:8:7:18: warning[G002] [[allow]] 片段“这段文字不在文中”没有抑制任何问题。"
        ),
        "{out}"
    );
}

/// A partial run (one file, as pre-commit and the editor task do; or a subfolder) cannot
/// tell an unused entry from one used by a file left out: no G002, exit 0.
#[test]
fn an_allowed_fragment_is_not_reported_unused_on_a_partial_run() {
    let (root, report) = tree();
    std::fs::write(
        root.path().join("gwlint.toml"),
        "[[allow]]\ntext = \"（五）干部作风需进一步改进。一是\"\n\n[[allow]]\ntext = \"只在别的文件里\"\n",
    )
    .unwrap();
    for path in [report.as_path(), report.parent().unwrap()] {
        let (status, out, _) = short(&["--quiet", "--select", "N107,G002"], path);
        assert_eq!(status, Some(0), "{}: {out}", path.display());
        assert_eq!(out, "", "{}", path.display());
    }
}
