//! `gwlint check --annotate`: Word comments in a copy of the seed saved as .docx
//! (`tests/fixtures/docx/self-inspection-report.docx`, made by
//! `scripts/make-docx-fixtures.sh`). The copy is read back by gwlint (same text, same
//! findings), its package compared part by part with the original, and opened by
//! LibreOffice headless (PDF export succeeds; re-exported to .odt, every comment is there
//! and covers exactly the text of its finding). Without `soffice` the LibreOffice part
//! skips with a note (`.ci/run` installs it and sets `GWLINT_REQUIRE_BROWSER`).

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use crate::common::gwlint;

const SEED_DOCX: &str = "tests/fixtures/docx/self-inspection-report.docx";

fn findings(path: &Path) -> Vec<serde_json::Value> {
    let output = gwlint()
        .args(["check", "-q", "--format", "json", "--as-of", "2023-03-15"])
        .arg(path)
        .output()
        .unwrap();
    let mut findings: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    for f in &mut findings {
        f.as_object_mut().unwrap().remove("path");
    }
    findings
}

fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().to_string(), content)
        })
        .collect()
}

#[test]
fn the_seed_gets_one_comment_per_finding_and_stays_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("报告.docx");
    std::fs::copy(SEED_DOCX, &original).unwrap();
    let before = std::fs::read(&original).unwrap();
    let copy = dir.path().join("报告.gwlint.docx");

    let run = |extra: &[&str]| {
        gwlint()
            .args(["check", "-q", "--as-of", "2023-03-15", "--annotate"])
            .args(extra)
            .arg(&original)
            .output()
            .unwrap()
    };
    let output = run(&[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("已写出带批注的副本"), "{stderr}");
    assert_eq!(
        std::fs::read(&original).unwrap(),
        before,
        "the original changed"
    );
    let annotated = std::fs::read(&copy).unwrap();

    // Never over an existing copy without --force; with it, the same bytes again.
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(std::fs::read(&copy).unwrap(), annotated);
    assert!(run(&["--force"]).status.code().is_some_and(|c| c <= 1));

    // gwlint reads the copy as the same text with the same findings.
    let original_text = gwlint::source::docx::extract(&before).unwrap();
    let copy_text = gwlint::source::docx::extract(&annotated).unwrap();
    assert_eq!(copy_text, original_text);
    let expected = findings(&original);
    assert!(expected.len() >= 30, "{}", expected.len());
    assert_eq!(findings(&copy), expected);

    // One comment per finding, by gwlint, with message and help; markers paired.
    let parts = entries(&annotated);
    let part = |name: &str| {
        let (_, bytes) = parts.iter().find(|(n, _)| n == name).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let comments = part("word/comments.xml");
    assert_eq!(comments.matches("<w:comment ").count(), expected.len());
    assert_eq!(
        comments.matches("w:author=\"gwlint\"").count(),
        expected.len()
    );
    let first = &expected[0];
    let message = first["message"].as_str().unwrap().replace('"', "&quot;");
    assert!(comments.contains(&message), "{message}");
    let document = part("word/document.xml");
    for marker in [
        "<w:commentRangeStart ",
        "<w:commentRangeEnd ",
        "<w:commentReference ",
    ] {
        assert_eq!(document.matches(marker).count(), expected.len(), "{marker}");
    }
    assert!(part("word/_rels/document.xml.rels")
        .contains("relationships/comments\" Target=\"comments.xml\""));
    assert!(part("[Content_Types].xml").contains("PartName=\"/word/comments.xml\""));
    // Every other part byte-identical, in the same order.
    let changed = [
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
        "word/comments.xml",
    ];
    let kept: Vec<_> = entries(&before)
        .into_iter()
        .filter(|(n, _)| !changed.contains(&n.as_str()))
        .collect();
    let copied: Vec<_> = parts
        .iter()
        .filter(|(n, _)| !changed.contains(&n.as_str()))
        .cloned()
        .collect();
    assert_eq!(copied, kept);

    libreoffice_reads_the_comments(&copy, &expected);
}

/// LibreOffice opens the copy: PDF export succeeds; in an .odt re-export each comment
/// covers exactly its finding's text.
fn libreoffice_reads_the_comments(copy: &Path, expected: &[serde_json::Value]) {
    if Command::new("soffice").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("GWLINT_REQUIRE_BROWSER").is_none(),
            "LibreOffice (soffice) is required here but was not found"
        );
        eprintln!("note: soffice not found (apt-get install -y libreoffice-writer); LibreOffice check skipped");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        out.path().display()
    );
    let convert = |format: &str| {
        let status = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                format,
                "--outdir",
            ])
            .arg(out.path())
            .arg(copy)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
    };
    convert("odt");
    convert("pdf");
    let stem = copy.file_stem().unwrap().to_string_lossy().to_string();
    let pdf = std::fs::read(out.path().join(format!("{stem}.pdf"))).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let odt = std::fs::read(out.path().join(format!("{stem}.odt"))).unwrap();
    let content = entries(&odt)
        .into_iter()
        .find(|(n, _)| n == "content.xml")
        .unwrap()
        .1;
    let content = String::from_utf8(content).unwrap();
    // The text each annotation covers, in document order.
    let token = regex::Regex::new(
        r#"(?s)<office:annotation [^>]*office:name="([^"]+)"[^>]*>.*?</office:annotation>|<office:annotation-end office:name="([^"]+)"/>|<[^>]+>|([^<]+)"#,
    )
    .unwrap();
    let mut open: Vec<(String, String)> = Vec::new();
    let mut covered: Vec<(String, String)> = Vec::new();
    for c in token.captures_iter(&content) {
        if let Some(name) = c.get(1) {
            open.push((name.as_str().to_string(), String::new()));
        } else if let Some(name) = c.get(2) {
            if let Some(k) = open.iter().position(|(n, _)| n == name.as_str()) {
                covered.push(open.remove(k));
            }
        } else if let Some(text) = c.get(3) {
            let text = html_escape::decode_html_entities(text.as_str()).into_owned();
            open.iter_mut().for_each(|(_, t)| t.push_str(&text));
        }
    }
    let points = expected
        .iter()
        .filter(|f| f["line"] == f["end_line"] && f["column"] == f["end_column"])
        .count();
    assert_eq!(covered.len(), expected.len(), "{covered:?}");
    // Findings with an empty span (a missing 落款, a missing date) mark a place.
    let empty = covered.iter().filter(|(_, t)| t.is_empty()).count();
    assert_eq!(empty, points, "{covered:?}");
    let texts: Vec<&str> = covered.iter().map(|(_, t)| t.as_str()).collect();
    for wanted in [
        "依法执法",
        "反应",
        "以习近平总书记为核心的党中央",
        "十三五规划",
        "各自为阵",
    ] {
        assert!(
            texts.contains(&wanted),
            "no comment on “{wanted}”: {texts:?}"
        );
    }
}

#[test]
fn text_files_cannot_carry_comments() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("报告.txt");
    std::fs::write(&text, "关于开展工作的报告\n一、基本情况\n三、问题\n").unwrap();
    let output = gwlint()
        .args(["check", "-q", "--annotate"])
        .arg(&text)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("批注只能写进 Word 文档（.docx）"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}
