use super::{closing_lines, end_of_document};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{quoted_list, Span};

declare_rule! {
    /// 请示没有写明请求（“妥否，请批示”等），或函没有“特此函告”“请函复”等结束语。
    ///
    /// ## 为什么
    /// 请示是请求上级批准、指示的公文，结尾必须明确提出请求，否则上级无从批复；
    /// 函的结束语表明是告知还是请对方答复。要求结束语的文种见 rules/profiles/ 的
    /// `[closing] phrase-required`，可用的结束语列在 `phrases` 中。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修，预计经费12万元。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修，预计经费12万元。
    /// 妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    pub struct MissingClosingPhrase {
        code: S111,
        name: "missing-closing-phrase",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.2.0",
        basis: "《党政机关公文处理工作条例》第八条",
    }
}

impl Rule for MissingClosingPhrase {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let closing = &cx.context.profile.closing;
        if !closing.phrase_required
            || closing.phrases.is_empty()
            || doc.sections.is_empty() && doc.preamble.is_empty()
        {
            return;
        }
        let lines = closing_lines(doc);
        let found = lines.iter().any(|&l| {
            let s = doc.lines[l].content.slice(text);
            closing.phrases.iter().any(|p| s.contains(p.as_str()))
        });
        // A closing of another 文种 is S110's finding, with the right phrase in its help.
        let vocabulary = crate::document::vocabulary::Vocabulary::embedded();
        let foreign = lines.iter().any(|&l| {
            let s = doc.lines[l].content.slice(text);
            vocabulary
                .genre_closings
                .iter()
                .flat_map(|g| &g.phrases)
                .any(|p| s.contains(p.as_str()))
        });
        if found || foreign {
            return;
        }
        let span = lines.last().map_or_else(
            || end_of_document(doc),
            |&l| Span::point(doc.lines[l].content.end),
        );
        let examples = quoted_list(
            closing.phrases.iter().take(3).map(|p| format!("{p}。")),
            "或",
        );
        cx.report(span, format!("{}没有结束语", cx.context.profile.name))
            .help(format!("在正文之后写明{examples}"))
            .label("结束语应在此处");
    }
}
