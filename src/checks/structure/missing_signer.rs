use crate::checks::{declare_rule, Checker, Rule};
use crate::document::Element;
use crate::profile::Direction;

declare_rule! {
    /// 上行文（请示、报告）标注了发文字号，却没有签发人。
    ///
    /// ## 为什么
    /// 《党政机关公文处理工作条例》第九条（六）、GB/T 9704-2012 7.2.6：上行文应当标注签发人姓名，
    /// 编排在发文字号的同一行（“签发人：张三”）。只在版头写出了发文字号时检查；
    /// 只有正文的稿子（没有版头）不查。哪些文种是上行文见 rules/profiles/ 的 `direction = "upward"`。
    ///
    /// ## 示例
    /// ```text
    /// 示政〔2024〕12号
    ///
    /// 关于2023年度安全生产工作情况的报告
    ///
    /// 县应急管理局：
    /// 2023年，我镇未发生较大以上安全事故。特此报告。
    ///
    /// 示范镇人民政府
    /// 2024年1月10日
    /// ```
    /// 应写作：
    /// ```text
    /// 示政〔2024〕12号　　　　签发人：李明
    ///
    /// 关于2023年度安全生产工作情况的报告
    ///
    /// 县应急管理局：
    /// 2023年，我镇未发生较大以上安全事故。特此报告。
    ///
    /// 示范镇人民政府
    /// 2024年1月10日
    /// ```
    pub struct MissingSigner {
        code: S117,
        name: "missing-signer",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "《党政机关公文处理工作条例》第九条（六）；GB/T 9704-2012 7.2.6",
    }
}

impl Rule for MissingSigner {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.direction == Direction::Upward
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(&(number_line, _)) = doc.masthead.iter().find(|&&(_, e)| e == Element::DocNumber)
        else {
            return;
        };
        let signed = doc
            .masthead
            .iter()
            .any(|&(line, e)| e == Element::Signer || doc.content(text, line).contains("签发人"));
        if signed {
            return;
        }
        let name = &cx.context.profile.name;
        cx.report(
            doc.lines[number_line].content,
            format!("{name}是上行文，版头有发文字号却没有签发人"),
        )
        .help("在发文字号同一行右侧标注“签发人：”和签发人姓名");
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    const REPORT: &str = "关于2023年度安全生产工作情况的报告\n\n县应急管理局：\n    2023年，我镇未发生较大以上安全事故。\n    特此报告。\n\n示范镇人民政府\n2024年1月10日\n";

    #[test]
    fn an_upward_document_with_a_number_and_no_signer() {
        assert_fires(
            "S117",
            &[(
                &format!("示政〔2024〕12号\n\n{REPORT}"),
                &["1:1 报告是上行文，版头有发文字号却没有签发人"],
            )],
        );
    }

    #[test]
    fn signed_unnumbered_or_downward_documents_are_silent() {
        assert_silent(
            "S117",
            &[
                &format!("示政〔2024〕12号　　　　签发人：李明\n\n{REPORT}"),
                &format!("示政〔2024〕12号\n签发人：李明\n\n{REPORT}"),
                // Only the body: no 版头 is demanded.
                REPORT,
                &format!(
                    "示政〔2024〕12号\n\n{}",
                    REPORT
                        .replace("的报告", "的通知")
                        .replace("特此报告", "特此通知")
                ),
            ],
        );
    }
}
