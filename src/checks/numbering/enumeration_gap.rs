use super::{enumeration_steps, Step};
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 段内列举跳项（如“一是……三是”，缺“二是”）。
    ///
    /// ## 为什么
    /// 跳项多是删掉一项后没有改后面的序数词。
    ///
    /// ## 示例
    /// ```text
    /// 一是加强政治学习。三是完善干部学习制度。
    /// ```
    /// 应写作：
    /// ```text
    /// 一是加强政治学习。二是完善干部学习制度。
    /// ```
    pub struct EnumerationGap {
        code: N108,
        name: "enumeration-gap",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文写作惯例",
    }
}

impl Rule for EnumerationGap {
    fn check(&self, cx: &mut Checker<'_>) {
        for (step, item, _) in enumeration_steps(cx.document) {
            if let Step::Gap { expected } = step {
                let written = item.span.slice(cx.text()).to_string();
                let missing = item.series.spell(expected);
                cx.report(item.span, format!("“{written}”之前缺少“{missing}”"))
                    .help(format!(
                        "补上“{missing}”一项，或把“{written}”及其后各项依次改号"
                    ));
            }
        }
    }
}
