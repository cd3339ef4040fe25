//! The command line: exit codes, every output format, errors that name the file.

use crate::common::{gwlint, SEED};
use predicates::prelude::*;

const CLEAN: &str = "examples/clean-rectification-report.txt";

#[test]
fn clean_file_exits_0_with_no_output() {
    gwlint()
        .args(["check", "--format", "short", CLEAN])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn findings_exit_1_and_short_lines_have_the_documented_shape() {
    let out = gwlint()
        .args(["check", "--format", "short", "--select", "N,S", SEED])
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 11);
    assert_eq!(
        lines[0],
        format!("{SEED}:6:1:6:3: error[S103] “基本情况”一节的正文只有占位符“……”。填写本节内容，或删去本节")
    );
    assert_eq!(
        lines[6],
        format!("{SEED}:24:15:24:17: warning[N107] 只有“一是”，没有“二是”。补全“二是”等后续各项，或删去“一是”")
    );
}

#[test]
fn fail_on_error_ignores_warnings() {
    // Only warnings are selected, so --fail-on error exits 0.
    for (fail_on, status) in [("error", 0), ("warning", 1)] {
        gwlint()
            .args([
                "check",
                "--format",
                "short",
                "--select",
                "N105",
                "--fail-on",
                fail_on,
                SEED,
            ])
            .assert()
            .code(status);
    }
}

#[test]
fn json_has_exactly_the_stable_fields() {
    let out = gwlint()
        .args(["check", "--format", "json", "--select", "N105,N107", SEED])
        .assert()
        .code(1);
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = value.as_array().unwrap();
    assert_eq!(findings.len(), 8);
    let first = findings[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        vec![
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "rule",
            "family",
            "severity",
            "message",
            "help",
            "fix",
            // Added later, after the fixed fields: how the file was read.
            "encoding",
        ]
    );
    assert_eq!(first["line"], 14);
    assert_eq!(first["column"], 1);
    assert_eq!(first["end_column"], 3);
    assert_eq!(first["code"], "N105");
    assert_eq!(first["rule"], "nonstandard-marker");
    assert_eq!(first["family"], "numbering");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["help"], "改为“1.”");
    assert_eq!(first["fix"]["replacement"], "1.");
    let lone = findings.iter().find(|f| f["code"] == "N107").unwrap();
    assert_eq!(lone["fix"], serde_json::Value::Null);
    assert_eq!(
        (lone["line"].as_u64(), lone["column"].as_u64()),
        (Some(24), Some(15))
    );
}

#[test]
fn human_output_shows_the_source_line_and_help() {
    gwlint()
        .args(["check", "--select", "N107", SEED])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("N107(lone-enumeration)"))
        .stdout(predicate::str::contains("只有“一是”，没有“二是”"))
        .stdout(predicate::str::contains(
            "24 │ （五）干部作风需进一步改进。一是一些干部",
        ))
        .stdout(predicate::str::contains(
            "help: 补全“二是”等后续各项，或删去“一是”",
        ));
}

#[test]
fn missing_path_is_one_line_and_other_files_are_still_checked() {
    gwlint()
        .args([
            "check",
            "--format",
            "short",
            "--quiet",
            "--select",
            "N107",
            "no/such/file.txt",
            SEED,
        ])
        .assert()
        .code(2)
        .stderr("gwlint: no/such/file.txt: 路径不存在\n")
        .stdout(predicate::str::contains(":24:15:24:17: warning[N107]"));
}

#[test]
fn gbk_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.txt");
    // "一是加强学习。" in GBK.
    let bytes = encoding_rs::GBK.encode("一是加强学习。\n").0.into_owned();
    std::fs::write(&path, bytes).unwrap();
    gwlint()
        .args(["check", "--format", "short", "--select", "N107"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "gbk.txt:1:1:1:3: warning[N107] 只有“一是”，没有“二是”",
        ));
}

#[test]
fn unreadable_encoding_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    // Neither UTF-8 nor GB18030: a lone 0x80 and a truncated sequence.
    std::fs::write(&bad, [b'a', 0x80, 0xff, 0xe6]).unwrap();
    gwlint()
        .args(["check", "--format", "short", "--quiet"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::starts_with("gwlint: ")
                .and(predicate::str::contains("bad.txt"))
                .and(predicate::str::ends_with("\n")),
        )
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn directories_are_walked_for_txt_and_md_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一是加强学习。\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "一是加强学习。\n").unwrap();
    std::fs::write(dir.path().join("c.csv"), "一是加强学习。\n").unwrap();
    let out = gwlint()
        .args(["check", "--format", "short", "--select", "N107"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("a.txt:1:1") && stdout.contains("b.md:1:1"));
}

#[test]
fn unknown_selector_and_bad_date_are_usage_errors() {
    gwlint()
        .args(["check", "--select", "X999", CLEAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("X999"));
    gwlint()
        .args(["check", "--as-of", "2023/3/1", CLEAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of"));
    gwlint()
        .args(["check", "--profile", "nope", CLEAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("self-inspection"));
    gwlint()
        .args(["check", "--as-of", "2023-03-01", CLEAN])
        .assert()
        .code(0);
}

#[test]
fn rules_lists_every_rule_and_rule_shows_docs() {
    let out = gwlint().arg("rules").assert().code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("N105  nonstandard-marker")
            && l.contains("numbering")
            && l.contains("warning")
            && l.contains("是")));
    assert_eq!(
        stdout.lines().count(),
        gwlint::checks::registry::all().len() + 1
    );
    gwlint()
        .args(["rule", "N105"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# N105 nonstandard-marker"))
        .stdout(predicate::str::contains("1、经济实力大幅提升"))
        .stdout(predicate::str::contains("GB/T 9704-2012 7.3.3"));
    gwlint().args(["rule", "Z000"]).assert().code(2);
}

#[test]
fn user_knowledge_files_add_entries_and_broken_ones_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("local.toml");
    std::fs::write(
        &extra,
        "[[confusable]]\nid = \"local-shiyan\"\nwrong = [\"示范镇政付\"]\nright = \"示范镇政府\"\nsource = \"本单位用语规范（2024）\"\n",
    )
    .unwrap();
    let doc = dir.path().join("d.txt");
    std::fs::write(&doc, "请示范镇政付牵头落实。\n").unwrap();
    gwlint()
        .args(["check", "--format", "short", "--select", "F103", "--rules"])
        .arg(&extra)
        .arg(&doc)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("d.txt:1:5:1:7: warning[F103]"));

    let broken = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        "[[confusable]]\nid = \"x\"\nwrong = [\"甲乙\"]\nright = \"甲丙\"\n",
    )
    .unwrap();
    gwlint()
        .args(["check", "--rules"])
        .arg(&broken)
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.toml").and(predicate::str::contains("source")));
}

#[test]
fn verbose_shows_the_as_of_date_and_where_it_came_from() {
    gwlint()
        .args([
            "check",
            "-v",
            "--format",
            "short",
            "--select",
            "R103",
            "--as-of",
            "2023-03-15",
            SEED,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "核对日期 2023-03-15（来自--as-of）",
        ))
        .stderr(predicate::str::contains(
            "最早成文时间 2022-10-16（引用了中国共产党第二十次全国代表大会）",
        ))
        .stderr(predicate::str::contains("省份 四川（从文中地名推断）"));
    let out = gwlint()
        .args(["check", "--format", "json", "--select", "R103", SEED])
        .assert()
        .code(1);
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value[0]["as_of_source"], "today");
}

#[test]
fn an_unreadable_file_is_also_a_finding_in_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), [b'a', 0xff, 0xe6]).unwrap();
    std::fs::write(dir.path().join("good.txt"), "一是加强学习。\n").unwrap();
    let out = gwlint()
        .args([
            "check",
            "--quiet",
            "--format",
            "json",
            "--select",
            "N107,G003",
        ])
        .arg(dir.path())
        .assert()
        .code(2);
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = value.as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert!(findings[0]["path"].as_str().unwrap().ends_with("bad.txt"));
    assert_eq!(findings[0]["code"], "G003");
    assert_eq!(findings[0]["family"], "gwlint");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(
        findings[0]["message"],
        "既不是 UTF-8 也不是 GB18030/GBK 文本（第 1 字节起无法解码），请另存为 UTF-8"
    );
    assert_eq!(findings[1]["code"], "N107");
    // Ignoring G003 leaves only the stderr line.
    let out = gwlint()
        .args(["check", "--quiet", "--format", "json", "--select", "N107"])
        .arg(dir.path())
        .assert()
        .code(2);
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 1);
}

#[test]
fn exit_zero_keeps_findings_but_not_errors_out_of_the_status() {
    let out = gwlint()
        .args(["check", "--exit-zero", "--format", "short", SEED])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.contains("error[T101]"), "{stdout}");
    let out = gwlint()
        .args(["check", "--exit-zero", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
