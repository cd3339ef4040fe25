use std::collections::HashMap;

use super::{ends_sentence, is_space};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::{Document, LineKind};

declare_rule! {
    /// 行首缩进与全文自己的缩进习惯不一致（如标题都顶格，唯独一处前面有个不换行空格）。
    ///
    /// ## 检查什么
    /// 分别统计标题行和正文段落行的行首缩进（不缩进、两个全角空格、若干半角空格……），
    /// 一种写法占到四分之三以上时，它就是本文的习惯；偏离它的行逐一报告，修正为本文的习惯写法。
    /// 没有明显习惯的文稿（各种缩进混杂）不报告；落款、日期、标题块不检查（它们常常右对齐或居中）；
    /// 折行的续行（上一行没有句末标点，或以冒号引出）和缩进单独落在上一行的段落，顶格也不报告。
    ///
    /// ## 为什么
    /// 纯文本公文的段首缩进通常是两个全角空格，或者全部顶格（由 Word 的段落格式缩进）。
    /// 个别行首多出的半角空格、不换行空格（U+00A0）或少了缩进，多是粘贴时带进来的，
    /// 转成 Word 后会形成参差不齐的段首。
    ///
    /// ## 示例
    /// ```text
    /// 三、存在的问题与不足
    /// （四）目标定位不高。
    /// （五）干部作风需进一步改进。
    /// 四、今后努力方向和改进措施
    ///  （一）坚持理论学习，坚定理想信念。
    /// （二）增强群众观念，强化宗旨意识。
    /// ```
    /// 应写作（全文标题顶格时）：
    /// ```text
    /// 三、存在的问题与不足
    /// （四）目标定位不高。
    /// （五）干部作风需进一步改进。
    /// 四、今后努力方向和改进措施
    /// （一）坚持理论学习，坚定理想信念。
    /// （二）增强群众观念，强化宗旨意识。
    /// ```
    pub struct InconsistentIndent {
        code: T105,
        name: "inconsistent-indent",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "公文排版惯例：段首缩进全文一致",
    }
}

/// How a line starts, in words, for messages.
fn describe(indent: &str) -> String {
    if indent.is_empty() {
        return "顶格".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut chars = indent.chars().peekable();
    while let Some(c) = chars.next() {
        let mut n = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            n += 1;
        }
        let name = match c {
            ' ' => "半角空格",
            '\u{3000}' => "全角空格",
            '\u{00A0}' => "不换行空格（U+00A0）",
            '\t' => "制表符",
            _ => "空白字符",
        };
        parts.push(format!("{n}个{name}"));
    }
    format!("缩进{}", parts.join("加"))
}

/// An unindented line whose indent is elsewhere: the line above is only the indent (a
/// paragraph split after its leading spaces), or the line above stops mid-sentence and
/// this line goes on with it (a hard-wrapped paragraph; a lead-in ending in "：" counts).
fn continues_previous(doc: &Document, text: &str, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &doc.lines[p]) else {
        return false;
    };
    let whole = prev.span.slice(text);
    if !whole.is_empty() && whole.chars().all(is_space) {
        return true;
    }
    let content = prev.content.slice(text);
    prev.kind != LineKind::Blank
        && !content.is_empty()
        && (!ends_sentence(content) || content.trim_end().ends_with(['：', ':']))
}

/// Whether a line of this kind belongs to a group that shares one indentation.
type MemberOf = fn(LineKind) -> bool;

impl Rule for InconsistentIndent {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let groups: [(&str, MemberOf); 2] = [
            ("标题", |k| matches!(k, LineKind::Heading(_))),
            ("段落", |k| {
                matches!(k, LineKind::Paragraph | LineKind::Closing)
            }),
        ];
        for (group, member) in groups {
            let lines: Vec<usize> = (0..doc.lines.len())
                .filter(|&i| {
                    member(doc.lines[i].kind)
                        && !doc.lines[i].content.is_empty()
                        && doc.lines[i].md_prefix.is_none()
                })
                .collect();
            if lines.len() < 4 {
                continue;
            }
            let indent = |i: usize| doc.lines[i].indent.map_or("", |s| s.slice(text));
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for &i in &lines {
                *counts.entry(indent(i)).or_default() += 1;
            }
            let Some((&convention, &count)) = counts
                .iter()
                .max_by_key(|(k, v)| (**v, std::cmp::Reverse(k.len())))
            else {
                continue;
            };
            if count * 4 < lines.len() * 3 {
                continue;
            }
            let first = lines
                .iter()
                .copied()
                .find(|&i| indent(i) == convention)
                .unwrap_or(lines[0]);
            for &i in &lines {
                let written = indent(i);
                if written == convention || (written.is_empty() && continues_previous(doc, text, i))
                {
                    continue;
                }
                let line = &doc.lines[i];
                let span = line.indent.unwrap_or(Span::point(line.content.start));
                cx.report(
                    span,
                    format!(
                        "行首{}，本文其余{group}{}",
                        describe(written),
                        describe(convention)
                    ),
                )
                .secondary(
                    doc.lines[first]
                        .indent
                        .unwrap_or(Span::point(doc.lines[first].content.start)),
                    "本文的习惯写法",
                )
                .help(if convention.is_empty() {
                    "删除行首空白".to_string()
                } else {
                    format!("改为{}", describe(convention))
                })
                .fix(Fix::safe_replace(
                    line.indent.unwrap_or(Span::point(line.content.start)),
                    convention,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    const SEED_LIKE: &str = "一、基本情况\n全镇情况良好。\n二、工作开展情况\n（一）坚持理论学习。\n（二）扎实开展专题教育。\n三、存在的问题\n（一）班子履职差。\n（二）重经济轻党建。\n四、今后努力方向\n我们将认真按照要求。\n\u{00A0}（一）坚持理论学习，坚定理想信念。\n（二）增强群众观念。\n";

    #[test]
    fn a_no_break_space_before_a_heading_is_reported_and_removed() {
        assert_fires(
            "T105",
            &[(
                SEED_LIKE,
                &["11:1 行首缩进1个不换行空格（U+00A0），本文其余标题顶格"],
            )],
        );
        assert_fixed("T105", &[(SEED_LIKE, &SEED_LIKE.replace('\u{00A0}', ""))]);
    }

    #[test]
    fn a_missing_indent_among_indented_paragraphs_is_restored() {
        let text = "　　第一段。\n\n　　第二段。\n\n　　第三段。\n\n第四段。\n\n　　第五段。\n";
        assert_fires(
            "T105",
            &[(text, &["7:1 行首顶格，本文其余段落缩进2个全角空格"])],
        );
        assert_fixed("T105", &[(text, &text.replace("\n第四段", "\n　　第四段"))]);
    }

    #[test]
    fn a_consistent_or_mixed_document_stays_silent() {
        assert_silent(
            "T105",
            &[
                "　　第一段。\n\n　　第二段。\n\n　　第三段。\n\n　　第四段。\n",
                "第一段。\n 第二段。\n　　第三段。\n\u{00A0}第四段。\n",
            ],
        );
    }
}
