use super::closing_lines;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::vocabulary::Vocabulary;

declare_rule! {
    /// 两句结束语重复：写了“以上通知，请……”又写“特此通知”（报告、通报同理）。
    ///
    /// ## 为什么
    /// “以上通知”“特此通知”都是通知的结束语，用了一句就不再用另一句；两句并用是常见的赘笔。
    /// 成对的结束语见 rules/structure.toml 的 [[redundant-closing]]。
    ///
    /// ## 示例
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。
    /// 以上通知，请认真贯彻执行。
    /// 特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。
    /// 以上通知，请认真贯彻执行。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    /// ```
    pub struct RedundantClosing {
        code: S124,
        name: "redundant-closing",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "公文写作惯例",
    }
}

impl Rule for RedundantClosing {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let lines = closing_lines(doc);
        let find = |phrase: &str| {
            lines.iter().find_map(|&l| {
                let content = doc.lines[l].content;
                content
                    .slice(text)
                    .find(phrase)
                    .map(|at| Span::new(content.start + at, content.start + at + phrase.len()))
            })
        };
        for pair in &Vocabulary::embedded().redundant_closings {
            if let (Some(_), Some(redundant)) = (find(&pair.lead), find(&pair.redundant)) {
                cx.report(
                    redundant,
                    format!("已写“{}”，又写“{}”", pair.lead, pair.redundant),
                )
                .help(format!("结束语只用一句：删去“{}”", pair.redundant));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    const HEAD: &str = "关于做好2024年防汛工作的通知\n\n各村（居）委会：\n    请做好防汛准备。\n";
    const TAIL: &str = "\n示范镇人民政府\n2024年5月6日\n";

    #[test]
    fn both_closings_of_a_notice() {
        assert_fires(
            "S124",
            &[
                (
                    &format!("{HEAD}    以上通知，请认真贯彻执行。\n    特此通知。\n{TAIL}"),
                    &["6:5 已写“以上通知”，又写“特此通知”"],
                ),
                (
                    &format!("{HEAD}    以上通知，请认真贯彻执行。特此通知。\n{TAIL}"),
                    &["5:18 已写“以上通知”，又写“特此通知”"],
                ),
            ],
        );
    }

    #[test]
    fn one_closing_and_the_words_in_the_body_are_silent() {
        assert_silent(
            "S124",
            &[
                &format!("{HEAD}    以上通知，请认真贯彻执行。\n{TAIL}"),
                &format!("{HEAD}    特此通知。\n{TAIL}"),
                &format!("{HEAD}    按照以上通知要求，各村于5月10日前自查。\n    请认真落实。\n    特此通知。\n{TAIL}"),
            ],
        );
    }
}
