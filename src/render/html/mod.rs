//! `--format html`: one self-contained page for people who do not use a terminal.
//!
//! - a summary of the run: files, findings by family and severity (an inline SVG bar
//!   chart and the same numbers as a table), the as-of date and its source, gwlint's
//!   version and the date of the newest confirmed fact in its knowledge;
//! - filters by family and severity (a few lines of inline script; the page is whole
//!   without script, the filters are then hidden);
//! - an index of the files; then per file with findings its text, line-numbered, each
//!   finding's span highlighted by severity (colour plus underline style, so colour is
//!   never the only cue) with a numbered reference after it, and the list of findings
//!   (message, what to write instead, the basis, the code) linking to the text and back.
//!
//! Everything the page shows from a checked file (text, path, messages) is escaped with
//! `html-escape`; a Content-Security-Policy allows no network access at all and only
//! the page's own script (by its hash), so even markup that slipped through could
//! neither run nor load anything. Large runs: every file section has
//! `content-visibility: auto`, so the browser lays out only what is on screen; clean
//! files appear in the index only.

mod text;

use std::fmt::Write as _;

use crate::context::AsOfSource;
use crate::diagnostic::{Diagnostic, Family, Severity};
use crate::knowledge::Knowledge;
use crate::source::{LineIndex, SourceKind};
use crate::FileReport;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");
/// `sha256-` + base64 of SCRIPT's SHA-256, for the Content-Security-Policy (a unit test
/// recomputes it).
const SCRIPT_HASH: &str = "sha256-YCTwfdEFD6a5Epe76C7/3mX3wKeTYs9Ul+vNSEXbkAE=";

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// A finding with its span clamped to the text and moved onto char boundaries.
pub(super) struct Finding<'a> {
    diagnostic: &'a Diagnostic,
    start: usize,
    end: usize,
}

impl<'a> Finding<'a> {
    fn new(diagnostic: &'a Diagnostic, text: &str) -> Self {
        let floor = |mut at: usize| {
            at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let start = floor(diagnostic.span.start);
        let end = floor(diagnostic.span.end).max(start);
        Self {
            diagnostic,
            start,
            end,
        }
    }
}

pub(super) fn escape_text(out: &mut String, text: &str) {
    html_escape::encode_text_to_string(text, out);
}

pub(super) fn escape_attr(out: &mut String, text: &str) {
    html_escape::encode_double_quoted_attribute_to_string(text, out);
}

pub(super) fn render(reports: &[FileReport]) -> String {
    let text_len: usize = reports.iter().map(|r| r.source.text.len()).sum();
    let mut out = String::with_capacity(text_len * 2 + 16 * 1024);
    let counts = Counts::of(reports);
    head(&mut out, reports);
    out.push_str("<body>\n<header>\n<h1>gwlint 公文检查报告</h1>\n");
    summary(&mut out, reports, &counts);
    filters(&mut out, &counts);
    index(&mut out, reports);
    out.push_str("</header>\n<main>\n");
    for (n, report) in reports.iter().enumerate() {
        if !report.diagnostics.is_empty() {
            file_section(&mut out, report, n + 1);
        }
    }
    out.push_str("</main>\n<footer>由 gwlint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str(" 生成。本页不联网、不加载任何外部文件；打印时每个文件另起一页，问题列表排在正文之后。</footer>\n");
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn head(out: &mut String, reports: &[FileReport]) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{SCRIPT_HASH}'\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = write!(
        out,
        "<meta name=\"generator\" content=\"gwlint {}\">\n<title>",
        env!("CARGO_PKG_VERSION")
    );
    match reports {
        [one] => {
            escape_text(out, &one.source.path.display().to_string());
            out.push_str(" – gwlint 检查报告");
        }
        _ => out.push_str("gwlint 检查报告"),
    }
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    // The filters hide findings by class; one rule per family and severity.
    let classes = Family::ALL
        .iter()
        .map(|f| format!("f-{}", f.as_str()))
        .chain(SEVERITIES.iter().map(|s| format!("s-{}", s.as_str())));
    for c in classes {
        let _ = writeln!(
            out,
            ".hide-{c} .findings li.{c}, .hide-{c} a.r.{c} {{ display: none; }} .hide-{c} mark.{c} {{ background: none; border-bottom-color: transparent; cursor: auto; }}"
        );
    }
    out.push_str("</style>\n</head>\n");
}

/// Findings counted by family (in `Family::ALL` order) and severity (`SEVERITIES`).
struct Counts {
    by: [[usize; 3]; Family::ALL.len()],
    files_with_findings: usize,
}

impl Counts {
    fn of(reports: &[FileReport]) -> Self {
        let mut by = [[0; 3]; Family::ALL.len()];
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            by[family_index(d.family)][severity_index(d.severity)] += 1;
        }
        let files_with_findings = reports.iter().filter(|r| !r.diagnostics.is_empty()).count();
        Self {
            by,
            files_with_findings,
        }
    }

    fn severity(&self, s: usize) -> usize {
        self.by.iter().map(|row| row[s]).sum()
    }

    fn total(&self) -> usize {
        (0..3).map(|s| self.severity(s)).sum()
    }
}

fn family_index(family: Family) -> usize {
    Family::ALL.iter().position(|&f| f == family).unwrap_or(0)
}

fn severity_index(severity: Severity) -> usize {
    SEVERITIES.iter().position(|&s| s == severity).unwrap_or(0)
}

/// The family as shown to readers.
fn family_label(family: Family) -> &'static str {
    match family {
        Family::Structure => "结构",
        Family::Numbering => "序号",
        Family::Timeliness => "时效",
        Family::Formulation => "提法",
        Family::Typography => "标点与格式",
        Family::Language => "语言文字",
        Family::Gwlint => "gwlint 自检",
    }
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

fn as_of_source_label(source: AsOfSource) -> &'static str {
    match source {
        AsOfSource::Override => "来自 --as-of 或配置文件",
        AsOfSource::DocumentDate => "来自文末成文日期",
        AsOfSource::Today => "文中没有成文日期，取检查当天",
    }
}

fn summary(out: &mut String, reports: &[FileReport], counts: &Counts) {
    let _ = writeln!(
        out,
        "<p class=\"totals\">检查 {} 个文件，其中 {} 个有问题；共 {} 个问题：错误 {}，警告 {}，提示 {}。</p>",
        reports.len(),
        counts.files_with_findings,
        counts.total(),
        counts.severity(0),
        counts.severity(1),
        counts.severity(2)
    );
    out.push_str("<dl class=\"facts\">\n<dt>核对日期</dt><dd>");
    let mut dates: Vec<_> = reports
        .iter()
        .map(|r| (r.context.as_of, r.context.as_of_source))
        .collect();
    dates.sort_by_key(|&(date, source)| (date, source.as_str()));
    dates.dedup();
    match dates.as_slice() {
        [] => out.push('无'),
        [(date, source)] => {
            let _ = write!(out, "{date}（{}）", as_of_source_label(*source));
        }
        [first, .., last] => {
            let _ = write!(
                out,
                "各文件不同，{} 至 {}（每个文件的核对日期及来源见该文件标题下）",
                first.0, last.0
            );
        }
    }
    out.push_str("</dd>\n<dt>gwlint 版本</dt><dd>");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("</dd>\n<dt>知识库</dt><dd>");
    match reports.first().map(|r| &r.context.knowledge) {
        Some(knowledge) => knowledge_facts(out, knowledge),
        None => out.push('—'),
    }
    out.push_str("</dd>\n</dl>\n");
    if counts.total() > 0 {
        out.push_str("<div class=\"overview\">\n");
        chart(out, counts);
        count_table(out, counts);
        out.push_str("</div>\n");
    }
}

/// The knowledge's size and the newest date it confirms: past that date gwlint cannot
/// know that a formulation went out of use.
fn knowledge_facts(out: &mut String, knowledge: &Knowledge) {
    let newest = knowledge
        .events
        .iter()
        .filter(|e| e.confirmed)
        .flat_map(|e| [e.start, e.superseded_on].into_iter().flatten())
        .map(|d| d.earliest())
        .max();
    let _ = write!(
        out,
        "{} 个有日期的事件、{} 条过时提法、{} 条规范表述、{} 条固定说法、{} 组易混词",
        knowledge.events.len(),
        knowledge.superseded.len(),
        knowledge.formulations.len(),
        knowledge.set_phrases.len(),
        knowledge.confusables.len()
    );
    if let Some(date) = newest {
        let _ = write!(out, "；已核实的最新事件日期 {date}（知识截至此日）");
    }
}

/// Bar colours: red, amber, blue (apart for the common colour-vision deficiencies too;
/// the numbers are also written beside each bar and in the table).
const CHART_COLOURS: [&str; 3] = ["#b00020", "#e08a00", "#1f4e9c"];

/// Horizontal bars, one per family with findings, stacked by severity; each bar is
/// labelled with its number, and the title gives every number in words.
fn chart(out: &mut String, counts: &Counts) {
    let rows: Vec<(Family, [usize; 3])> = Family::ALL
        .iter()
        .map(|&f| (f, counts.by[family_index(f)]))
        .filter(|(_, row)| row.iter().sum::<usize>() > 0)
        .collect();
    let max = rows
        .iter()
        .map(|(_, row)| row.iter().sum::<usize>())
        .max()
        .unwrap_or(1);
    let (label_width, bar_width, row_height) = (110.0, 330.0, 26.0);
    let height = row_height * rows.len() as f64 + 30.0;
    let mut title = String::from("各类问题数：");
    for (f, row) in &rows {
        let _ = write!(
            title,
            "{} {}（错误 {}，警告 {}，提示 {}）；",
            family_label(*f),
            row.iter().sum::<usize>(),
            row[0],
            row[1],
            row[2]
        );
    }
    let _ = writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" width=\"500\" height=\"{height}\" viewBox=\"0 0 500 {height}\" font-size=\"13\">\n<title id=\"chart-title\">{title}</title>"
    );
    for (k, (family, row)) in rows.iter().enumerate() {
        let y = row_height * k as f64;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}（{}）</text>",
            label_width - 6.0,
            y + 17.0,
            family_label(*family),
            family.letter()
        );
        let mut x = label_width;
        for (s, &n) in row.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let w = bar_width * n as f64 / max as f64;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"18\" fill=\"{}\"><title>{} {n}</title></rect>",
                y + 4.0,
                CHART_COLOURS[s],
                severity_label(SEVERITIES[s])
            );
            x += w;
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\">{}</text>",
            x + 5.0,
            y + 17.0,
            row.iter().sum::<usize>()
        );
    }
    let legend_y = row_height * rows.len() as f64 + 12.0;
    for (s, severity) in SEVERITIES.iter().enumerate() {
        let x = label_width + 90.0 * s as f64;
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{legend_y}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            CHART_COLOURS[s],
            x + 16.0,
            legend_y + 11.0,
            severity_label(*severity)
        );
    }
    out.push_str("\n</svg>\n<figcaption>按类别和级别统计的问题数</figcaption>\n</figure>\n");
}

fn count_table(out: &mut String, counts: &Counts) {
    out.push_str("<table class=\"counts\">\n<caption class=\"visually-hidden\">问题数</caption>\n<thead><tr><th scope=\"col\">类别</th>");
    for s in SEVERITIES {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"n\">{}</th>",
            severity_label(s)
        );
    }
    out.push_str("<th scope=\"col\" class=\"n\">合计</th></tr></thead>\n<tbody>\n");
    for family in Family::ALL {
        let row = counts.by[family_index(family)];
        let total: usize = row.iter().sum();
        if total == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}（{}）</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{total}</td></tr>",
            family_label(family),
            family.letter(),
            row[0],
            row[1],
            row[2]
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The filter boxes, hidden until the script shows them (without script they would do
/// nothing).
fn filters(out: &mut String, counts: &Counts) {
    if counts.total() == 0 {
        return;
    }
    out.push_str(
        "<form id=\"filters\" hidden aria-label=\"筛选问题\">\n<fieldset><legend>类别</legend>",
    );
    for family in Family::ALL {
        let n: usize = counts.by[family_index(family)].iter().sum();
        if n > 0 {
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" value=\"f-{}\" checked> {}（{}）{n}</label>",
                family.as_str(),
                family_label(family),
                family.letter()
            );
        }
    }
    out.push_str("</fieldset>\n<fieldset><legend>级别</legend>");
    for (s, severity) in SEVERITIES.iter().enumerate() {
        let n = counts.severity(s);
        if n > 0 {
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" value=\"s-{}\" checked> {} {n}</label>",
                severity.as_str(),
                severity_label(*severity)
            );
        }
    }
    out.push_str("</fieldset>\n</form>\n");
}

fn index(out: &mut String, reports: &[FileReport]) {
    out.push_str("<nav class=\"index\" aria-label=\"文件列表\">\n<table>\n<thead><tr><th scope=\"col\">文件</th><th scope=\"col\" class=\"n\">错误</th><th scope=\"col\" class=\"n\">警告</th><th scope=\"col\" class=\"n\">提示</th></tr></thead>\n<tbody>\n");
    for (n, report) in reports.iter().enumerate() {
        let path = report.source.path.display().to_string();
        out.push_str("<tr><td>");
        if report.diagnostics.is_empty() {
            escape_text(out, &path);
            out.push_str(" <span class=\"clean\">（未发现问题）</span>");
        } else {
            let _ = write!(out, "<a href=\"#f{}\">", n + 1);
            escape_text(out, &path);
            out.push_str("</a>");
        }
        out.push_str("</td>");
        for severity in SEVERITIES {
            let _ = write!(out, "<td class=\"n\">{}</td>", count(report, severity));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</nav>\n");
}

/// How many findings of the file have this severity.
fn count(report: &FileReport, severity: Severity) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

fn file_section(out: &mut String, report: &FileReport, number: usize) {
    let ids = format!("f{number}");
    let text = &report.source.text;
    let path = report.source.path.display().to_string();
    let c = &report.context;
    let _ = write!(
        out,
        "<section class=\"file\" id=\"{ids}\" aria-labelledby=\"{ids}-h\">\n<h2 id=\"{ids}-h\">"
    );
    escape_text(out, &path);
    let _ = write!(
        out,
        "</h2>\n<p class=\"meta\">核对日期 {}（{}）· 文种 ",
        c.as_of,
        as_of_source_label(c.as_of_source)
    );
    escape_text(out, &c.profile.name);
    out.push_str(" · 省份 ");
    match &c.province {
        Some(province) => escape_text(out, province),
        None => out.push_str("未知"),
    }
    let _ = write!(out, " · 编码 {}", report.source.encoding.name());
    for severity in SEVERITIES {
        let n = count(report, severity);
        let _ = write!(out, " · {} {n}", severity_label(severity));
    }
    out.push_str("</p>\n<div class=\"cols\">\n<div class=\"doc\" role=\"region\" aria-label=\"原文（问题处已标出）\">\n");
    let findings: Vec<Finding<'_>> = report
        .diagnostics
        .iter()
        .map(|d| Finding::new(d, text))
        .collect();
    let parts_at = match report.source.kind {
        SourceKind::Docx { body_len } if body_len < text.len() => Some(body_len),
        _ => None,
    };
    text::write(out, text, &ids, &findings, parts_at);
    let _ = write!(
        out,
        "</div>\n<aside aria-label=\"问题列表\">\n<h3>问题（{}）</h3>\n<ol class=\"findings\">\n",
        findings.len()
    );
    let index = LineIndex::new(text);
    for (k, f) in findings.iter().enumerate() {
        let d = f.diagnostic;
        let n = k + 1;
        let at = index.line_col(text, f.start);
        let _ = write!(
            out,
            "<li id=\"{ids}-d{n}\" class=\"s-{} f-{}\"><a href=\"#{ids}-t{n}\">第 {} 行第 {} 列</a> <span class=\"sev\">{}</span> <code>{}</code> <span class=\"msg\">",
            d.severity.as_str(),
            d.family.as_str(),
            at.line,
            at.column,
            severity_label(d.severity),
            d.code
        );
        escape_text(out, &d.message);
        out.push_str("</span>");
        if let Some(help) = &d.help {
            out.push_str("<p class=\"help\">");
            escape_text(out, help);
            out.push_str("</p>");
        }
        if let Some(note) = &d.note {
            out.push_str("<p class=\"note\">");
            escape_text(out, note);
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</aside>\n</div>\n</section>\n");
}

#[cfg(test)]
mod tests;
