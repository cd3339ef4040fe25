use crate::checks::{declare_rule, Checker, Rule};
use crate::document::vocabulary::Vocabulary;
use crate::document::{Document, Section};

declare_rule! {
    /// 小节没有正文，或正文只有模板占位符（如“……”）。
    ///
    /// ## 为什么
    /// 照着模板或旧稿起草时，没来得及填写的小节常只剩“……”或干脆空着，交上去就是明显的硬伤。
    /// 只有标题、其下又没有下级标题的小节，在同级其他小节都有正文时也会报告。
    ///
    /// ## 示例
    /// ```text
    /// 一、基本情况
    /// ……
    /// 二、工作开展情况
    /// ```
    /// 应写作：
    /// ```text
    /// 一、基本情况
    /// 我镇辖12个村（社区），有党员1200余名。
    /// 二、工作开展情况
    /// 全年开展集中学习12次。
    /// ```
    pub struct PlaceholderBody {
        code: S103,
        name: "placeholder-body",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "《党政机关公文处理工作条例》第十九条（公文内容完整）",
    }
}

impl Rule for PlaceholderBody {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let vocabulary = Vocabulary::embedded();
        let mut findings = Vec::new();
        visit(doc, text, vocabulary, &doc.sections, &mut findings);
        for (section, placeholder) in findings {
            let heading = doc.heading(section);
            let title = heading.title.slice(text);
            match placeholder {
                Some(line) => {
                    let written = doc.content(text, line);
                    cx.report(
                        doc.lines[line].content,
                        format!("“{title}”一节的正文只有占位符“{written}”"),
                    )
                    .help("填写本节内容，或删去本节")
                    .secondary(heading.title, "本节标题");
                }
                None => {
                    cx.report(heading.title, format!("“{title}”一节没有正文"))
                        .help("填写本节内容，或删去本节");
                }
            }
        }
    }
}

/// True when the paragraph is only placeholder text ("……", "XX", "【】").
pub(crate) fn is_placeholder_paragraph(content: &str, vocabulary: &Vocabulary) -> bool {
    let mut rest = content.trim();
    if rest.is_empty() {
        return false;
    }
    // Strip placeholder tokens repeatedly; what is left must be nothing or punctuation.
    loop {
        let before = rest.len();
        for p in &vocabulary.placeholders {
            // As `trim_start_matches(token)`, without building a searcher per call.
            if !p.token.is_empty() {
                while let Some(r) = rest.strip_prefix(p.token.as_str()) {
                    rest = r;
                }
            }
            rest = rest.trim_start();
        }
        if rest.len() == before {
            break;
        }
    }
    rest.chars()
        .all(|c| matches!(c, '。' | '.' | '，' | '、' | '；' | '…'))
}

fn has_text(doc: &Document, text: &str, section: &Section, vocabulary: &Vocabulary) -> bool {
    let heading = doc.heading(section);
    heading.run_in.is_some()
        || !section.children.is_empty()
        || section.paragraphs.iter().any(|&p| !is_placeholder_paragraph(doc.content(text, p), vocabulary))
        // A heading that is itself a full sentence is a list item, not an empty section.
        || heading.title.slice(text).ends_with(['。', '；', ';'])
}

fn visit<'d>(
    doc: &'d Document,
    text: &str,
    vocabulary: &Vocabulary,
    sections: &'d [Section],
    out: &mut Vec<(&'d Section, Option<usize>)>,
) {
    let any_sibling_has_body = sections
        .iter()
        .any(|s| !s.paragraphs.is_empty() || doc.heading(s).run_in.is_some());
    for section in sections {
        if !has_text(doc, text, section, vocabulary) {
            let placeholder = section
                .paragraphs
                .iter()
                .copied()
                .find(|&p| is_placeholder_paragraph(doc.content(text, p), vocabulary));
            if placeholder.is_some() || any_sibling_has_body {
                out.push((section, placeholder));
            }
        }
        visit(doc, text, vocabulary, &section.children, out);
    }
}
