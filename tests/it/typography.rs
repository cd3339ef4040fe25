//! The typography family on real documents: the seed report's typography rows of
//! `../shared/seed/DEFECTS.md`, and precision on the clean national publications.
//! Both read `../shared/` in place and skip with a note where it is absent.

use std::path::Path;

use crate::common::located;
use gwlint::source::LineIndex;
use gwlint::{lint_text, FileReport, Settings};

const SEED: &str = "../shared/seed/self-inspection-report.txt";
const NATIONAL: &str = "../shared/corpus/national";

fn typography() -> Settings {
    let mut settings = Settings::new(jiff::civil::date(2026, 1, 1));
    settings
        .select(&["typography".to_string()], &[])
        .expect("typography is a family");
    settings
}

fn read(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("note: {path} is absent; skipping (CI has ../shared beside the clone)");
            None
        }
    }
}

/// `line:col CODE` for each finding.
fn positions(report: &FileReport) -> Vec<String> {
    located(report, |d| d.code.to_string())
}

/// DEFECTS.md positions are where its quoted snippet starts; a finding is placed on the
/// defective characters themselves. Where the two differ the row is noted:
/// 3:11 quotes `领导:`, the colon is 3:13; 18:204 quotes `治理 ，`, the space is 18:206;
/// 14:91 (the first half-width `%`, in `5.7%`) is the secondary label of each T103
/// finding, placed on the quantity `5.7%` at 14:89.
#[test]
fn seed_typography_rows_are_reported_where_they_are() {
    let Some(text) = read(SEED) else { return };
    let report = lint_text(SEED, &text, &typography());
    assert_eq!(
        positions(&report),
        [
            "3:13 T101",   // 各位领导:  (DEFECTS 3:11)
            "14:65 T103",  // 11％ among a majority of %
            "14:110 T103", // 12％
            "14:134 T101", // 3.2%,工业
            "14:150 T103", // 4.5％
            "14:170 T101", // 12731元,年均
            "14:175 T103", // 18.7％
            "14:349 T104", // 613 户 (U+00A0)
            "16:207 T104", // 38.5 %
            "18:206 T104", // 治理 ， (U+00A0; DEFECTS 18:204)
            "27:1 T105",   // U+00A0 before （一） where headings are unindented
            "28:252 T113", // 》、《 (may-report, warning)
            "31:766 T101", // 论证,不搞
        ]
    );
    let index = LineIndex::new(&text);
    let percent = report
        .diagnostics
        .iter()
        .find(|d| d.code == "T103")
        .expect("T103 fires");
    let label = index.line_col(&text, percent.secondary[0].span.start);
    assert_eq!(
        (label.line, label.column),
        (14, 89),
        "first majority % (5.7%)"
    );
    for d in &report.diagnostics {
        if d.code == "T113" {
            assert_eq!(d.severity, gwlint::Severity::Warning);
        }
    }
}

#[test]
fn seed_em_dash_range_and_quoted_items_in_its_own_style_stay_silent() {
    let Some(text) = read(SEED) else { return };
    let report = lint_text(SEED, &text, &typography());
    let found = positions(&report);
    // 三—九次全会 (8:61) is a correct em-dash range; line 8 has no typography defect.
    assert!(!found.iter().any(|f| f.starts_with("8:")), "{found:?}");
    // ”、“ at 28:150 and 28:164: the seed never writes ”“, so its own style is followed.
    assert!(
        !found
            .iter()
            .any(|f| f == "28:150 T113" || f == "28:164 T113"),
        "{found:?}"
    );
}

/// Every safe fix applied once leaves no safe fix behind, and the fixes never overlap.
#[test]
fn seed_safe_fixes_converge() {
    let Some(text) = read(SEED) else { return };
    let fixed = apply_safe_fixes(&lint_text(SEED, &text, &typography()));
    assert!(
        fixed.contains("各位领导：")
            && fixed.contains("613户")
            && fixed.contains("38.5%")
            && fixed.contains("治理，")
    );
    assert!(fixed.contains("（二）增强群众观念") && !fixed.contains('\u{00A0}'));
    let again = lint_text(SEED, &fixed, &typography());
    let left: Vec<_> = again
        .diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .map(|d| d.code)
        .collect();
    assert!(left.is_empty(), "safe fixes left after one pass: {left:?}");
    assert_eq!(apply_safe_fixes(&again), fixed);
}

/// The text after every safe fix of `report`, with `--fix`'s own splicer; all of them must
/// apply (the typography rules' fixes never overlap).
fn apply_safe_fixes(report: &FileReport) -> String {
    let safe = report
        .diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .count();
    let (text, applied) = gwlint::fix::apply_safe_fixes(&report.source.text, &report.diagnostics);
    assert_eq!(applied, safe, "overlapping or invalid safe edits");
    text
}

/// The clean national publications: every typography finding, each read and judged right.
/// - 001 (2012) writes ％ 21 times and % twice: the two % are the odd ones out.
/// - 002 (2013) line 23 is a paragraph without the document's 　　 indent.
/// - 009 (2021) writes % 23 times and ％ three times.
/// - 012 (2024) 《数字经济伙伴关系协定》、《全面与进步跨太平洋伙伴关系协定》: GB/T 15834-2011
///   4.5.3.5 (warning; the same reports' ”、“ are their house style and stay silent).
#[test]
fn national_publications_give_only_the_judged_findings() {
    let dir = Path::new(NATIONAL);
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("note: {NATIONAL} is absent; skipping");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let settings = typography();
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("corpus file is UTF-8");
        let report = lint_text(&path.to_string_lossy(), &text, &settings);
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        found.extend(positions(&report).into_iter().map(|p| {
            let (at, code) = p.split_once(' ').unwrap_or_default();
            let line = at.split(':').next().unwrap_or_default();
            format!("{name}:{line} {code}")
        }));
    }
    assert_eq!(
        found,
        [
            "001_gwr-national-2012.txt:250 T103",
            "001_gwr-national-2012.txt:277 T103",
            "002_gwr-national-2013.txt:23 T105",
            "009_gwr-national-2021.txt:34 T103",
            "009_gwr-national-2021.txt:37 T103",
            "009_gwr-national-2021.txt:37 T103",
            "012_gwr-national-2024.txt:134 T113",
        ]
    );
}
