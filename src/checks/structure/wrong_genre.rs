use crate::checks::{declare_rule, Checker, Rule};
use crate::document::vocabulary::Vocabulary;

declare_rule! {
    /// 标题中的文种写错了：“请示报告”“申请报告”，或发给机关的公文以“汇报”为文种。
    ///
    /// ## 为什么
    /// 《党政机关公文处理工作条例》第八条规定了15种公文，请示和报告是两个文种，不能合写为“请示报告”；
    /// 请求批准用请示，不用“申请报告”；“汇报”不是文种，发给上级机关的用报告。
    /// 词表见 rules/structure.toml 的 [[wrong-genre]]。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费的请示报告
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    pub struct WrongGenre {
        code: S109,
        name: "wrong-genre",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.2.0",
        basis: "《党政机关公文处理工作条例》第八条",
    }
}

impl Rule for WrongGenre {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(title) = crate::document::title::full_title(doc, text) else {
            return;
        };
        let vocabulary = Vocabulary::embedded();
        let sent = doc.salutation.is_some()
            || doc
                .masthead
                .iter()
                .any(|&(_, e)| e == crate::document::Element::DocNumber);
        let trimmed = title.text.trim_end_matches(['。', '*']);
        let Some(wrong) = vocabulary
            .wrong_genres
            .iter()
            .filter(|w| trimmed.ends_with(w.written.as_str()) && (sent || !w.only_when_sent))
            .max_by_key(|w| w.written.len())
        else {
            return;
        };
        // Point at the word in the title line that holds it.
        let Some(span) = title.spans.iter().rev().find_map(|s| {
            let line = s.slice(text);
            line.rfind(wrong.written.as_str()).map(|at| {
                crate::diagnostic::Span::new(s.start + at, s.start + at + wrong.written.len())
            })
        }) else {
            return;
        };
        cx.report(span, format!("“{}”不是公文文种", wrong.written))
            .help(format!("文种改为{}", wrong.instead));
    }
}
