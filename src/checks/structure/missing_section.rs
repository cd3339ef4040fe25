use super::{end_of_document, top_sections};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{quoted_list, Span};
use crate::document::LineKind;

/// A short line that does not end like a sentence reads as a heading without a number.
fn looks_like_unnumbered_heading(content: &str) -> bool {
    let c = content.trim_matches(['*', '_', ' ']);
    c.chars().count() <= 30
        && !c.contains('。')
        && !c.ends_with(['；', '，', '：', ';', ',', ':', '！', '？'])
}

declare_rule! {
    /// 缺少该类公文必备的部分（如自查报告没有“存在的问题”）。
    ///
    /// ## 为什么
    /// 每类公文有约定俗成的结构：自查报告要写做法、问题和整改措施，述职述廉报告要写廉洁自律情况。
    /// 缺一部分，上级会认为材料不完整而退回。文种由 `--profile` 指定，或从标题判断
    /// （rules/profiles/ 中的 title-contains）。
    ///
    /// ## 示例
    /// ```text
    /// 镇党委自查报告
    /// 一、工作开展情况
    /// 二、下一步打算
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委自查报告
    /// 一、工作开展情况
    /// 二、存在的问题
    /// 三、下一步打算
    /// ```
    pub struct MissingSection {
        code: S101,
        name: "missing-section",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/profiles/（文种结构）",
    }
}

impl Rule for MissingSection {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let profile = &cx.context.profile;
        // Without numbered headings the structure cannot be judged.
        if top_sections(doc).is_empty() {
            return;
        }
        let titles: Vec<(usize, &str)> = top_sections(doc)
            .iter()
            .map(|s| {
                let h = doc.heading(s);
                (h.line, h.title.slice(text))
            })
            .collect();
        // A part whose heading lost its number ("本年度查摆问题情况" on its own line) is
        // there: the numbering rules report the missing number.
        let unnumbered: Vec<&str> = doc
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LineKind::Paragraph)
            .map(|(i, _)| doc.content(text, i))
            .filter(|c| looks_like_unnumbered_heading(c))
            .collect();
        // A title that reports on one part (“……整改落实情况的报告”) makes the whole text
        // that part, organised as the writer sees fit (by unit, by problem).
        let title = crate::document::title::full_title(doc, text).map(|t| t.text);
        let reported_on = |k: &str| {
            title.as_deref().is_some_and(|t| {
                t.contains(&format!("{k}的报告")) || t.contains(&format!("{k}报告"))
            })
        };
        for (index, spec) in profile.sections.iter().enumerate() {
            let satisfied = |t: &str| spec.titles.iter().any(|k| t.contains(k.as_str()));
            if !spec.required
                || titles.iter().any(|(_, t)| satisfied(t))
                || unnumbered.iter().any(|t| satisfied(t))
                || spec.titles.iter().any(|k| reported_on(k))
            {
                continue;
            }
            // Point where the section would go: before the first top-level section that
            // satisfies a later spec, else at the end of the document.
            let later = titles.iter().find(|(_, t)| {
                profile.sections[index + 1..]
                    .iter()
                    .any(|s| s.titles.iter().any(|k| t.contains(k.as_str())))
            });
            let span = later.map_or_else(
                || end_of_document(doc),
                |(line, _)| Span::point(doc.lines[*line].span.start),
            );
            let examples = quoted_list(spec.titles.iter().take(4), "、");
            cx.report(span, format!("{}缺少“{}”部分", profile.name, spec.name))
                .help(format!("增加一级标题，如{examples}"))
                .label("应在此处");
        }
    }
}
