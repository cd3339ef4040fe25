//! The 文种 of the 《党政机关公文处理工作条例》: each profile chosen from the title alone,
//! a clean document written as an office writes it with no finding, and broken ones with
//! the exact findings (line, column, code, message) a reviewer would give. User profiles
//! from gwlint.toml through the command line.

use super::common::gwlint;
use gwlint::source::LineIndex;
use gwlint::{lint_text, Settings};
use predicates::prelude::*;

/// Every finding of the structure and elements families, and the profile chosen.
fn check(text: &str) -> (String, Vec<String>) {
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    settings
        .select(&["structure".to_string()], &[])
        .expect("known family");
    let report = lint_text("test.txt", text, &settings);
    let index = LineIndex::new(text);
    let findings = report
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.start);
            format!("{}:{} {} {}", at.line, at.column, d.code, d.message)
        })
        .collect();
    (report.context.profile.id.clone(), findings)
}

#[test]
fn a_user_profile_from_gwlint_toml_is_chosen_listed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "profiles = [\"文种/简报.toml\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("文种")).unwrap();
    std::fs::write(
        dir.path().join("文种/简报.toml"),
        "id = \"briefing\"\nname = \"工作简报\"\ntitle-ends-with = [\"简报\"]\nsource = \"本单位信息工作办法\"\n\n[closing]\nsignature = true\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "示范镇安全生产工作简报\n\n本月开展安全检查12次。\n",
    )
    .unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "-v", "a.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("文种 工作简报"))
        .stdout(predicate::str::contains("S106"));
    gwlint()
        .current_dir(dir.path())
        .args(["rule", "profiles"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "briefing                  工作简报",
        ))
        .stdout(predicate::str::contains("request                   请示"));
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--profile", "nope", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("briefing"));
    // A broken profile file stops the run and names the entry and the line.
    std::fs::write(
        dir.path().join("文种/简报.toml"),
        "id = \"briefing\"\nname = \"工作简报\"\ntitle-ends = [\"简报\"]\nsource = \"x\"\n",
    )
    .unwrap();
    let out = gwlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2);
    // The report is wrapped to the terminal's width: compare without the layout.
    let stderr: String = String::from_utf8_lossy(&out.get_output().stderr)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert!(stderr.contains("文种/简报.toml”有误：第3行"), "{stderr}");
    assert!(stderr.contains("title-ends"), "{stderr}");
}

#[test]
fn rule_shows_a_profile() {
    gwlint()
        .args(["rule", "request"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# 文种 request 请示"))
        .stdout(predicate::str::contains("主送机关：必须有，且只写一个"));
}

#[test]
fn a_notice_under_its_document_number_is_a_notice_and_its_imprint_is_not_its_signature() {
    let text = "示府办发〔2024〕12号\n\n关于做好2024年防汛工作的通知\n\n各村（居）委会，镇属各单位：\n    为做好今年防汛工作，现将有关事项通知如下。\n    一、落实防汛责任\n    各村要落实防汛责任人。\n    特此通知。\n\n示范镇人民政府办公室\n2024年5月6日\n\n抄送：县防汛办。\n示范镇人民政府办公室                2024年5月6日印发\n";
    let (profile, findings) = check(text);
    assert_eq!(profile, "notice");
    assert_eq!(findings, Vec::<String>::new());
}
