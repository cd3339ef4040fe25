//! `gwlint knowledge`: how old the knowledge is — the date it was last reviewed, the
//! latest event it knows of each series, the events it expects, counts per kind, and
//! the entries whose dates are not confirmed. With `--rules` a user's own knowledge
//! files are included (they can add events and move the horizon).

use std::fmt::Write as _;
use std::path::PathBuf;

use super::Status;
use crate::knowledge::{EventKind, Knowledge, PartialDate};

/// The series shown, in order, with their Chinese names.
const SERIES: &[(EventKind, &str)] = &[
    (EventKind::NationalCongress, "党的全国代表大会"),
    (EventKind::Plenum, "中央委员会全体会议"),
    (EventKind::Npc, "全国人民代表大会（届）"),
    (EventKind::NpcSession, "全国人民代表大会会议"),
    (EventKind::FiveYearPlan, "五年规划"),
    (EventKind::PlanOutline, "五年规划纲要"),
    (EventKind::Campaign, "党内集中学习教育"),
    (EventKind::ProvincialCongress, "省级党代会"),
    (EventKind::Institution, "机构改革"),
];

pub fn run(rules: &[PathBuf], today: jiff::civil::Date) -> Status {
    let loaded;
    let knowledge = if rules.is_empty() {
        Knowledge::embedded()
    } else {
        match Knowledge::with_extra_files(rules) {
            Ok(k) => {
                loaded = k;
                &loaded
            }
            Err(e) => {
                eprintln!("gwlint: {e}");
                return Status::Error;
            }
        }
    };
    print!("{}", report(knowledge, today));
    Status::Clean
}

/// The text `gwlint knowledge` prints.
pub fn report(k: &Knowledge, today: jiff::civil::Date) -> String {
    let mut out = String::new();
    let date = |d: Option<PartialDate>| d.map_or_else(|| "未知".to_string(), |d| d.to_string());
    let _ = writeln!(out, "知识最后核对：{}", date(k.reviewed));
    let horizon = k.horizon();
    let _ = writeln!(
        out,
        "知识截至：{}{}",
        horizon.map_or_else(|| "未知".to_string(), |h| h.to_string()),
        if k.is_outdated_at(today) {
            format!("（今天 {today} 已超过半年：关于“当前”会议、规划的提示可能缺失，请更新 gwlint 或用 --rules 补充）")
        } else {
            String::new()
        }
    );
    let _ = writeln!(out, "\n各系列已知最近一次：");
    for (kind, label) in SERIES {
        let latest = if *kind == EventKind::Institution {
            k.events
                .iter()
                .filter(|e| e.kind == *kind)
                .filter_map(|e| e.superseded_on.map(|d| (d, e)))
                .max_by_key(|(d, _)| d.latest())
                .map(|(d, e)| format!("{}（{d}）", e.name))
        } else {
            k.latest_of_kind(*kind)
                .map(|e| format!("{}（{}）", e.name, date(e.start)))
        };
        let _ = writeln!(out, "  {label}：{}", latest.unwrap_or_else(|| "无".into()));
    }
    let expected: Vec<_> = k.events.iter().filter(|e| e.is_expected()).collect();
    let _ = writeln!(out, "\n预计召开、尚未核实（{}）：", expected.len());
    for e in &expected {
        let _ = writeln!(
            out,
            "  {}：{} 至 {}",
            e.name,
            date(e.expected_from),
            date(e.expected_by)
        );
    }
    let _ = writeln!(out, "\n条目数：");
    for (kind, label) in SERIES {
        let n = k.events.iter().filter(|e| e.kind == *kind).count();
        let _ = writeln!(out, "  {label}：{n}");
    }
    let _ = writeln!(out, "  过时提法和政策用语：{}", k.superseded.len());
    let _ = writeln!(out, "  规范提法：{}", k.formulations.len());
    let _ = writeln!(out, "  固定搭配：{}", k.set_phrases.len());
    let _ = writeln!(out, "  易混淆字词：{}", k.confusables.len());
    let unconfirmed: Vec<String> = k
        .events
        .iter()
        .filter(|e| !e.confirmed && !e.is_expected())
        .map(|e| format!("  {}（{}）", e.name, e.origin))
        .chain(
            k.superseded
                .iter()
                .filter(|s| !s.confirmed)
                .map(|s| format!("  {}（{}）", s.terms.join("、"), s.origin)),
        )
        .collect();
    let _ = writeln!(out, "\n日期未核实的条目（{}）：", unconfirmed.len());
    for line in unconfirmed {
        let _ = writeln!(out, "{line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_the_review_date_series_expected_and_counts() {
        let k = Knowledge::embedded();
        let text = report(k, jiff::civil::date(2026, 12, 6));
        assert!(text.starts_with("知识最后核对：2026-12-06\n"), "{text}");
        assert!(text.contains("知识截至：2026-12-06\n"), "{text}");
        assert!(
            text.contains(
                "  全国人民代表大会会议：第十四届全国人民代表大会第四次会议（2026-03-05）"
            ),
            "{text}"
        );
        assert!(
            text.contains("  中国共产党第二十一次全国代表大会：2027 至 2027"),
            "{text}"
        );
        assert!(text.contains(&format!("  易混淆字词：{}", k.confusables.len())));
        assert!(text.contains("日期未核实的条目（"), "{text}");
        // Eight months later the report says the knowledge may be out of date.
        let later = report(k, jiff::civil::date(2027, 8, 1));
        assert!(later.contains("已超过半年"), "{later}");
    }

    #[test]
    fn a_users_file_moves_the_horizon() {
        let extra = r#"
reviewed = "2027-09-01"
[[event]]
id = "my-campaign"
kind = "campaign"
name = "某学习教育"
aliases = ["某学习教育"]
start = "2027-08-01"
confirmed = true
source = "中共中央办公厅通知（新华社）"
"#;
        let mut sources = crate::knowledge::EMBEDDED.to_vec();
        sources.push(("mine.toml", extra));
        let k = Knowledge::from_sources(&sources).unwrap();
        assert_eq!(k.horizon(), Some(jiff::civil::date(2027, 9, 1)));
        assert!(!k.is_outdated_at(jiff::civil::date(2028, 3, 1)));
        assert!(Knowledge::embedded().is_outdated_at(jiff::civil::date(2028, 3, 1)));
    }
}
