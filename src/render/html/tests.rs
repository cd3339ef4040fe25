use base64::Engine as _;
use sha2::Digest as _;

use super::*;
use crate::diagnostic::Span;
use crate::{lint_text, Settings};

fn today() -> jiff::civil::Date {
    jiff::civil::date(2024, 6, 1)
}

fn diagnostic(code: &'static str, severity: Severity, start: usize, end: usize) -> Diagnostic {
    Diagnostic {
        code,
        rule: "test-rule",
        family: Family::Typography,
        severity,
        span: Span::new(start, end),
        message: format!("消息{code}"),
        help: Some("改为<b>".to_string()),
        note: None,
        label: None,
        secondary: Vec::new(),
        fix: None,
    }
}

/// A report on `text` holding exactly `diagnostics`.
fn report(text: &str, diagnostics: Vec<Diagnostic>) -> FileReport {
    let mut report = lint_text("a.txt", text, &Settings::new(today()));
    report.diagnostics = diagnostics;
    report
}

/// The marked text of one file, as `text::write` writes it.
fn marked(text: &str, diagnostics: &[Diagnostic]) -> String {
    let findings: Vec<Finding<'_>> = diagnostics.iter().map(|d| Finding::new(d, text)).collect();
    let mut out = String::new();
    text::write(&mut out, text, "f1", &findings, None);
    out
}

/// Checks that `<mark>` elements nest within every line and returns the text with
/// every tag removed and entities decoded.
fn balanced_text(html: &str) -> String {
    let mut plain = String::new();
    for line in html.lines() {
        let mut depth = 0i32;
        let mut rest = line;
        while let Some(at) = rest.find('<') {
            plain.push_str(&rest[..at]);
            let end = rest[at..].find('>').expect("unclosed tag") + at;
            let tag = &rest[at + 1..end];
            if tag.starts_with("mark") {
                depth += 1;
            } else if tag == "/mark" {
                depth -= 1;
                assert!(depth >= 0, "closing a mark that is not open: {line}");
            }
            rest = &rest[end + 1..];
        }
        plain.push_str(rest);
        assert_eq!(depth, 0, "marks left open at the line end: {line}");
        plain.push('\n');
    }
    html_escape::decode_html_entities(&plain).into_owned()
}

#[test]
fn script_hash_matches_the_script() {
    let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
    let expected = format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    assert_eq!(
        SCRIPT_HASH, expected,
        "update SCRIPT_HASH after editing script.js"
    );
}

#[test]
fn checked_text_and_paths_are_escaped() {
    let text = "一、<script>alert(1)</script>&amp;\"'\n";
    let mut r = report(text, vec![diagnostic("T101", Severity::Error, 0, 6)]);
    r.source.path = "<img src=x onerror=alert(2)>.txt".into();
    r.diagnostics[0].message = "用了“<script>”".to_string();
    let html = render(&[r]);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;.txt"));
    assert!(html.contains("title=\"T101 用了“&lt;script&gt;”\""));
    assert!(html.contains("<p class=\"help\">改为&lt;b&gt;</p>"));
    // The page's own script is its only script.
    assert_eq!(html.matches("<script>").count(), 1);
}

#[test]
fn overlapping_and_crossing_spans_nest_and_keep_the_text() {
    let text = "甲乙丙丁戊\n己庚辛\n";
    // 乙丙丁 (3..12) crosses 丁戊\n己庚 (9..22); 丙 (6..9) inside the first; a point at 戊.
    let ds = vec![
        diagnostic("T101", Severity::Error, 3, 12),
        diagnostic("T102", Severity::Info, 6, 9),
        diagnostic("T103", Severity::Warning, 9, 22),
        diagnostic("S106", Severity::Warning, 12, 12),
    ];
    let html = marked(text, &ds);
    let plain = balanced_text(&html);
    assert_eq!(plain, "甲乙丙2丁1‸4戊\n己庚3辛\n");
    // Each finding has exactly one anchor, on its first mark (or its caret).
    for n in 1..=4 {
        assert_eq!(
            html.matches(&format!("id=\"f1-t{n}\"")).count(),
            1,
            "{html}"
        );
    }
    assert!(html.contains("<mark class=\"s-error f-typography\" data-d=\"f1-d1\" id=\"f1-t1\""));
    assert!(html.contains("<a class=\"r s-warning f-typography pt\" href=\"#f1-d4\" id=\"f1-t4\""));
    // The crossing span continues on the next line without a second id.
    let second_line = html.lines().nth(1).unwrap();
    assert!(second_line.contains("<mark class=\"s-warning f-typography\" data-d=\"f1-d3\" title"));
}

#[test]
fn line_ends_points_and_invisible_characters() {
    // CRLF and a lone CR end lines; a span over a line end only; a point at the end.
    let text = "甲\r\n乙\u{200B}\r丙\u{2028}丁";
    let ds = vec![
        diagnostic("T104", Severity::Error, 3, 5),
        diagnostic("T114", Severity::Warning, 8, 11),
        diagnostic("S107", Severity::Warning, text.len(), text.len()),
    ];
    let html = marked(text, &ds);
    let plain = balanced_text(&html);
    assert_eq!(plain, "甲‸1\n乙U+200B2\n丙丁‸3\n");
    assert!(html.contains("<span class=\"cc\">U+200B</span></mark>"));
    assert!(html.contains("丙<br>丁"));
    assert_eq!(html.matches("<p>").count(), 3);
}

#[test]
fn spans_off_char_boundaries_or_past_the_end_are_clamped() {
    let text = "甲乙";
    let ds = vec![
        diagnostic("T101", Severity::Error, 1, 4),
        diagnostic("T102", Severity::Error, 5, 99),
    ];
    let plain = balanced_text(&marked(text, &ds));
    assert_eq!(plain, "甲1乙2\n");
}

#[test]
fn the_seed_page_has_every_finding_marked_listed_and_linked() {
    let text = include_str!("../../../tests/fixtures/documents/self-inspection-report.txt");
    let settings = Settings::new(today());
    let report = lint_text("seed.txt", text, &settings);
    let n = report.diagnostics.len();
    assert!(n > 20, "{n}");
    let html = render(&[report]);
    for k in 1..=n {
        assert_eq!(html.matches(&format!("id=\"f1-t{k}\"")).count(), 1);
        assert_eq!(html.matches(&format!("id=\"f1-d{k}\"")).count(), 1);
        assert!(html.contains(&format!("href=\"#f1-d{k}\"")));
        assert!(html.contains(&format!("href=\"#f1-t{k}\"")));
    }
    let doc_start = html.find("<div class=\"doc\"").unwrap();
    let doc_end = html[doc_start..].find("</div>\n<aside").unwrap() + doc_start;
    let lines: String = html[doc_start..doc_end]
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect();
    // The text with the references removed is the seed.
    let plain = balanced_text(&lines);
    let without_refs = regex::Regex::new(r"‸?\d+")
        .unwrap()
        .replace_all(&plain, "")
        .into_owned();
    let seed_without_digits = regex::Regex::new(r"\d+")
        .unwrap()
        .replace_all(text, "")
        .into_owned();
    assert_eq!(without_refs, seed_without_digits);
}

#[test]
fn summary_counts_and_a_clean_file_in_the_index_only() {
    let dirty = report("甲乙\n", vec![diagnostic("T101", Severity::Error, 0, 3)]);
    let clean = report("丙\n", Vec::new());
    let html = render(&[dirty, clean]);
    assert!(html.contains("检查 2 个文件，其中 1 个有问题；共 1 个问题：错误 1，警告 0，提示 0。"));
    assert!(html.contains("<section class=\"file\" id=\"f1\""));
    assert!(!html.contains("id=\"f2\""));
    assert!(html.contains("（未发现问题）"));
    assert!(html.contains(
        "<title id=\"chart-title\">各类问题数：标点与格式 1（错误 1，警告 0，提示 0）；</title>"
    ));
    assert!(
        html.contains("<input type=\"checkbox\" value=\"f-typography\" checked> 标点与格式（T）1")
    );
    assert!(!html.contains("value=\"f-numbering\""));
}
