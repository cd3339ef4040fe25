use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::parse_date;

declare_rule! {
    /// 公文的成文日期只写到月（“2024年3月”），缺少日。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全。通知、请示、报告、函等
    /// 《党政机关公文处理工作条例》所列文种的成文日期以负责人签发的日期为准，必须写到日；
    /// 工作总结、讲话稿等只写年月的不查。
    ///
    /// ## 示例
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月
    /// ```
    /// 应写作：
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    /// ```
    pub struct IncompleteDate {
        code: S122,
        name: "incomplete-date",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 9704-2012 7.3.5.4",
    }
}

impl Rule for IncompleteDate {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.genre.is_some()
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(line) = doc.date else { return };
        let content = doc.lines[line].content;
        let written = content.slice(text);
        // A full date in any form is S108's; a line read as a date without one has no day.
        if parse_date(written).is_some() {
            return;
        }
        let date = written.trim_matches(['*', ' ', '\u{3000}', '\u{00A0}']);
        let at = written.find(date).unwrap_or(0);
        cx.report(
            Span::new(content.start + at, content.start + at + date.len()),
            format!("成文日期“{date}”缺少日"),
        )
        .help("成文日期写全年、月、日，如“2024年5月6日”（以负责人签发的日期为准）");
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    const NOTICE: &str = "关于做好2024年防汛工作的通知\n\n各村（居）委会：\n    请做好防汛准备。\n    特此通知。\n\n示范镇人民政府\n";

    #[test]
    fn a_date_without_the_day() {
        assert_fires(
            "S122",
            &[
                (
                    &format!("{NOTICE}2024年5月\n"),
                    &["8:1 成文日期“2024年5月”缺少日"],
                ),
                (
                    &format!("{NOTICE}二〇二四年五月\n"),
                    &["8:1 成文日期“二〇二四年五月”缺少日"],
                ),
            ],
        );
    }

    #[test]
    fn full_dates_and_a_summary_dated_by_month_are_silent() {
        assert_silent("S122", &[&format!("{NOTICE}2024年5月6日\n"), "示范镇2023年工作总结\n\n    2023年，我镇各项工作稳步推进。\n\n示范镇人民政府\n2024年1月\n"]);
    }
}
