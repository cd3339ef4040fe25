//! Word files: the .docx fixtures were saved by LibreOffice Writer
//! (scripts/make-docx-fixtures.sh); the binary formats are refused with a clear message;
//! `--fix` never writes a .docx.

use std::io::Write as _;
use std::path::Path;

use crate::common::{gwlint, located};
use gwlint::source::{docx, Encoding, SourceFile, SourceKind};
use gwlint::{lint, Settings};
use predicates::prelude::*;

const SEED_TXT: &str = "tests/fixtures/documents/self-inspection-report.txt";
const SEED_DOCX: &str = "tests/fixtures/docx/self-inspection-report.docx";
const NUMBERED_DOCX: &str = "tests/fixtures/docx/numbered-report.docx";

fn settings(as_of: &str) -> Settings {
    let mut settings = Settings::new("2026-01-01".parse().unwrap());
    settings.as_of = Some(as_of.parse().unwrap());
    settings
}

/// `line:column CODE` of every finding, all rules enabled.
fn findings(path: &str, as_of: &str) -> Vec<String> {
    let source = SourceFile::read(Path::new(path)).expect("fixture reads");
    let report = lint(source, &settings(as_of));
    located(&report, |d| d.code.to_string())
}

#[test]
fn seed_saved_as_docx_reads_as_the_same_text() {
    let docx = SourceFile::read(Path::new(SEED_DOCX)).unwrap();
    let txt = std::fs::read_to_string(SEED_TXT).unwrap();
    assert_eq!(docx.text, txt, "one paragraph = one line, runs joined");
    assert_eq!(docx.encoding, Encoding::Docx);
    assert_eq!(
        docx.kind,
        SourceKind::Docx {
            body_len: txt.len()
        }
    );
    assert!(docx.original.is_none(), "a .docx is never written back");
}

#[test]
fn seed_saved_as_docx_gives_the_same_findings_as_the_text() {
    // The seed's own as-of date (tests/fixtures/documents/self-inspection-report.expected).
    let from_docx = findings(SEED_DOCX, "2023-03-15");
    let from_txt = findings(SEED_TXT, "2023-03-15");
    assert!(from_txt.len() >= 10, "{from_txt:?}");
    assert_eq!(from_docx, from_txt);

    // The same through the command line, with a selection.
    let short = |path: &str| {
        let out = gwlint()
            .args([
                "check",
                "--format",
                "short",
                "--as-of",
                "2023-03-15",
                "--select",
                "N,S,F",
            ])
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split_once(':').unwrap().1.to_string())
            .collect::<Vec<_>>()
    };
    // The same findings; `[*]` only where --fix can write (the text file, not the .docx).
    let docx = short(SEED_DOCX);
    assert!(docx.iter().all(|l| !l.contains("[*]")), "{docx:?}");
    let text: Vec<String> = short(SEED_TXT)
        .iter()
        .map(|l| l.replace("[*] ", ""))
        .collect();
    assert_eq!(docx, text);
}

#[test]
fn automatic_numbering_is_seen_by_the_numbering_rules() {
    let source = SourceFile::read(Path::new(NUMBERED_DOCX)).unwrap();
    let lines: Vec<&str> = source.text.lines().collect();
    // The headings' markers come from word/numbering.xml: none of them is typed.
    assert_eq!(
        &lines[..16],
        [
            "中共青山镇委员会关于2024年度落实全面从严治党主体责任情况的自查报告",
            "县委：",
            "根据县委统一安排，我镇对2024年度落实全面从严治党主体责任情况进行了自查，现将有关情况报告如下。",
            "一、工作开展情况",
            "（一）加强理论学习。镇党委全年召开理论学习中心组学习会12次，专题研讨4次。",
            "（二）健全制度机制。修订完善党委议事规则，明确“三重一大”事项决策程序。",
            "二、存在的问题",
            "（一）理论学习不够深入。主要表现在：",
            "1.学习内容不够系统，以读文件为主。",
            "2.研讨交流不够充分，联系实际不紧。",
            "（二）作风建设仍有差距。个别干部服务群众的主动性不强。",
            "四、下一步工作打算",
            "（一）持续深化理论武装。完善学习制度，提高学习质量。",
            "（二）切实改进工作作风。对照问题清单逐项整改。",
            "整改事项",
            "完成时限",
        ]
    );
    let found = findings(NUMBERED_DOCX, "2024-12-20");
    // The skipped number of the Word list, at its paragraph.
    assert!(found.contains(&"12:1 N101".to_string()), "{found:?}");
    // Nothing else about numbering or structure: the restarted sublevels are right.
    let others: Vec<&String> = found
        .iter()
        .filter(|f| f.contains(" N") || f.contains(" S"))
        .filter(|f| *f != "12:1 N101" && !f.ends_with("S104"))
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn tables_headers_footers_and_footnotes_are_checked() {
    let source = SourceFile::read(Path::new(NUMBERED_DOCX)).unwrap();
    let SourceKind::Docx { body_len } = source.kind else {
        panic!("read as a Word file");
    };
    let after_body: Vec<&str> = source.text[body_len..].lines().collect();
    // Header, then footer (less its page-number line "— 1 —"), then the footnote.
    assert_eq!(
        after_body,
        [
            "青山镇党委XX年度自查报告",
            "青山镇党委办公室按排印发",
            "议事规则明确班子成员分工负责，避免各自为阵。",
        ]
    );
    let found = findings(NUMBERED_DOCX, "2024-12-20");
    let lines_before = source.text[..body_len].lines().count();
    for expected in [
        "17:1 F103".to_string(),                 // table cell: 布署
        format!("{}:6 S104", lines_before + 1),  // header: XX
        format!("{}:9 F103", lines_before + 2),  // footer: 按排
        format!("{}:18 F103", lines_before + 3), // footnote: 各自为阵
    ] {
        assert!(found.contains(&expected), "{expected} in {found:?}");
    }
    // The header and footer after the date do not hide the 落款 and 成文日期.
    assert!(
        !found
            .iter()
            .any(|f| f.ends_with("S106") || f.ends_with("S107")),
        "{found:?}"
    );
}

#[test]
fn the_human_report_shows_the_paragraph() {
    gwlint()
        .args(["check", "--select", "N101"])
        .arg(NUMBERED_DOCX)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("numbered-report.docx:12:1"))
        .stdout(predicate::str::contains("12 │ 四、下一步工作打算"));
}

#[test]
fn verbose_names_the_format() {
    gwlint()
        .args(["check", "-v", "--select", "N101"])
        .arg(NUMBERED_DOCX)
        .assert()
        .stderr(predicate::str::contains("编码 Word (.docx)"));
}

fn write_zip(path: &Path, parts: &[(&str, &str)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_corrupt_docx_is_one_line_and_the_other_files_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // Cut in half: the zip directory at the end is gone.
    let bytes = std::fs::read(SEED_DOCX).unwrap();
    std::fs::write(
        dir.path().join("a-truncated.docx"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    // A valid zip whose document.xml is not well-formed.
    write_zip(
        &dir.path().join("b-bad-xml.docx"),
        &[(
            "word/document.xml",
            "<w:document><w:body><w:p><w:r></w:p></w:body></w:document>",
        )],
    );
    // A .doc renamed to .docx.
    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.resize(512, 0);
    std::fs::write(dir.path().join("c-renamed.docx"), ole).unwrap();
    // Word's lock file beside an open document is not walked.
    std::fs::write(dir.path().join("~$report.docx"), b"owner").unwrap();
    std::fs::copy(SEED_DOCX, dir.path().join("d-good.docx")).unwrap();

    let out = gwlint()
        .args(["check", "--quiet", "--format", "short", "--select", "N107"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 3, "{stderr}");
    assert!(errors[0].contains("a-truncated.docx: 不是有效的 .docx 文件"));
    assert!(errors[1].contains("b-bad-xml.docx: .docx 的 word/document.xml 无法解析"));
    assert!(errors[2].contains("c-renamed.docx: 不是 .docx 格式"));
    assert!(errors[2].contains("另存为"));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("d-good.docx:24:15:24:17: warning[N107]"),
        "{stdout}"
    );
}

#[test]
fn doc_and_wps_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["old.doc", "old.wps", "sheet.xls", "sheet.et"] {
        std::fs::write(dir.path().join(name), b"\xd0\xcf\x11\xe0").unwrap();
    }
    std::fs::copy(SEED_TXT, dir.path().join("report.txt")).unwrap();
    // Walking the folder: .doc and .wps are reported, the spreadsheets passed over.
    let out = gwlint()
        .args(["check", "--quiet", "--format", "short", "--select", "N107"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.contains(
        "old.doc: Word 97-2003 文档（.doc）是二进制格式，gwlint 不读取；请在 WPS 或 Office 中另存为 .docx 后再检查"
    ));
    assert!(stderr.contains("old.wps: WPS 文字文档（.wps）是二进制格式"));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("report.txt:24:15:24:17: warning[N107]"));
    // Named explicitly, a spreadsheet gets the message too.
    gwlint()
        .arg("check")
        .arg(dir.path().join("sheet.et"))
        .arg(dir.path().join("sheet.xls"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("WPS 表格文件（.et）是二进制格式"))
        .stderr(predicate::str::contains(
            "Excel 97-2003 表格（.xls）是二进制格式",
        ));
}

#[test]
fn fix_and_diff_leave_a_docx_byte_identical_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::copy(SEED_DOCX, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    for flag in ["--fix", "--diff"] {
        let out = gwlint()
            .args([
                "check", "--quiet", flag, "--format", "short", "--select", "N105",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            stderr
                .matches("Word 文件不自动修复，请在 Word 中修改")
                .count(),
            1,
            "{flag}: {stderr}"
        );
        assert!(!stderr.contains("已修复"), "{flag}: {stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.contains("@@"),
            "{flag}: no diff for a .docx: {stdout}"
        );
        if flag == "--fix" {
            // The fixable findings are still reported.
            assert!(stdout.contains("warning[N105]"), "{stdout}");
            assert_eq!(out.status.code(), Some(1));
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "{flag}");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn the_fixture_numbers_its_headings_with_word_numbering() {
    // Guard against a regenerated fixture that typed the numbers: the package has a
    // numbering part and the body's XML holds no 一、.
    let bytes = std::fs::read(NUMBERED_DOCX).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    assert!(read("word/numbering.xml").contains(r#"<w:lvlText w:val="%1、"/>"#));
    let document = read("word/document.xml");
    assert!(document.contains("<w:numPr>") && !document.contains("一、"));
    // And extraction from memory gives what reading the file gives.
    let extracted = docx::extract(&bytes).unwrap();
    assert_eq!(
        extracted.text,
        SourceFile::read(Path::new(NUMBERED_DOCX)).unwrap().text
    );
}

mod damaged {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("GWLINT_DOCX_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
            ..ProptestConfig::default()
        })]

        /// A damaged .docx (bytes changed, cut short) is an error or a text, never a panic.
        #[test]
        fn damaged_packages_never_panic(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
            truncate in any::<bool>(),
        ) {
            let mut bytes = std::fs::read(NUMBERED_DOCX).unwrap();
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len()));
            }
            if let Ok(extracted) = docx::extract(&bytes) {
                prop_assert!(extracted.body_len <= extracted.text.len());
                prop_assert!(extracted.text.is_char_boundary(extracted.body_len));
            }
        }

        /// Damaged XML inside a sound zip (a slice cut out of document.xml, numbering.xml
        /// or styles.xml) is an error or a text, never a panic.
        #[test]
        fn damaged_xml_never_panics(
            part in 0usize..3,
            from in any::<prop::sample::Index>(),
            len in 1usize..200,
        ) {
            let bytes = std::fs::read(NUMBERED_DOCX).unwrap();
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            let names: Vec<String> = archive.file_names().map(String::from).collect();
            let target = ["word/document.xml", "word/numbering.xml", "word/styles.xml"][part];
            let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            for name in &names {
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut archive.by_name(name).unwrap(), &mut content).unwrap();
                if name == target {
                    let start = from.index(content.len());
                    let end = (start + len).min(content.len());
                    content.drain(start..end);
                }
                out.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
                out.write_all(&content).unwrap();
            }
            let damaged = out.finish().unwrap().into_inner();
            if let Ok(extracted) = docx::extract(&damaged) {
                prop_assert!(extracted.text.is_char_boundary(extracted.body_len));
                let source = SourceFile::from_text("a.txt", extracted.text);
                let _ = lint(source, &settings("2024-12-20"));
            }
        }
    }
}
