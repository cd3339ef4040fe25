use super::{heading_steps, Step};
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 同级标题序号重复（如两个“（三）”）。
    ///
    /// ## 为什么
    /// 重复的序号多是插入新小节后没有顺延编号。
    ///
    /// ## 示例
    /// ```text
    /// 1.经济实力大幅提升
    /// 2.基础设施显著改善
    /// 2.惠民政策深入实施
    /// ```
    /// 应写作：
    /// ```text
    /// 1.经济实力大幅提升
    /// 2.基础设施显著改善
    /// 3.惠民政策深入实施
    /// ```
    pub struct NumberingDuplicate {
        code: N102,
        name: "numbering-duplicate",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for NumberingDuplicate {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (step, heading, previous) in heading_steps(cx.document, text) {
            if let (Step::Duplicate, Some(previous)) = (step, previous) {
                let written = heading.marker.span.slice(text);
                cx.report(
                    heading.marker.span,
                    format!("序号“{written}”与上一个同级序号重复"),
                )
                .help("把本节及其后各节的序号依次顺延")
                .secondary(previous.marker.span, "同一序号已在此使用");
            }
        }
    }
}
