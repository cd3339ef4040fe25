use super::enumeration_runs;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 同一组列举混用两种序数词（如“一是……第二，……”）。
    ///
    /// ## 为什么
    /// 一组列举应自始至终用同一种写法：要么“一是、二是”，要么“第一、第二”。
    ///
    /// ## 示例
    /// ```text
    /// 一是加强政治学习。第二，加强先进典型学习。
    /// ```
    /// 应写作：
    /// ```text
    /// 一是加强政治学习。二是加强先进典型学习。
    /// ```
    pub struct MixedEnumeration {
        code: N110,
        name: "mixed-enumeration",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文写作惯例",
    }
}

impl Rule for MixedEnumeration {
    fn check(&self, cx: &mut Checker<'_>) {
        for run in enumeration_runs(cx.document) {
            let Some(first) = run.first() else { continue };
            for item in run.iter().filter(|i| i.series != first.series) {
                let written = item.span.slice(cx.text()).to_string();
                let first_written = first.span.slice(cx.text()).to_string();
                cx.report(
                    item.span,
                    format!("“{first_written}”开头的列举中用了“{written}”"),
                )
                .help(format!("统一写作“{}”", first.series.spell(item.value)))
                .secondary(first.span, "列举从这里开始");
            }
        }
    }
}
