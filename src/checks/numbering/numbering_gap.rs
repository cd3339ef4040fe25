use super::{heading_steps, Step};
use crate::checks::{declare_rule, Checker, Rule};
use crate::document::marker::standard_marker;

declare_rule! {
    /// 同级标题序号跳号（如“（二）”之后直接是“（四）”）。
    ///
    /// ## 为什么
    /// 跳号通常是删改小节后没有重新编号，或从旧稿复制时漏掉了一节，检查人员一眼就能看出。
    /// 序号在每个上级标题下重新从一开始。
    ///
    /// ## 示例
    /// ```text
    /// （一）坚持理论学习
    /// （二）加强作风建设
    /// （四）强化纪律约束
    /// ```
    /// 应写作：
    /// ```text
    /// （一）坚持理论学习
    /// （二）加强作风建设
    /// （三）强化纪律约束
    /// ```
    pub struct NumberingGap {
        code: N101,
        name: "numbering-gap",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for NumberingGap {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (step, heading, previous) in heading_steps(cx.document, text) {
            let Step::Gap { expected } = step else {
                continue;
            };
            let written = heading.marker.span.slice(text);
            let missing = standard_marker(heading.marker.level(), expected);
            let report = cx
                .report(
                    heading.marker.span,
                    format!("序号“{written}”之前缺少“{missing}”"),
                )
                .help(format!(
                    "检查是否漏写了“{missing}”一节，或把本节及其后各节依次改号"
                ))
                .label("跳号");
            if let Some(previous) = previous {
                let _ = report.secondary(previous.marker.span, "上一个同级序号");
            }
        }
    }
}
