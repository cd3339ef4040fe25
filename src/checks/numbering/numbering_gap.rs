use super::{sibling_groups, steps, Step};
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
        family: Numbering,
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for NumberingGap {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        for group in sibling_groups(doc, text) {
            let values = group.iter().map(|h| h.marker.value);
            for (i, step) in steps(values).into_iter().enumerate() {
                if let Step::Gap { expected } = step {
                    let heading = group[i];
                    let level = heading.marker.level();
                    let written = heading.marker.span.slice(text);
                    let missing = standard_marker(level, expected);
                    let mut report = cx
                        .report(
                            heading.marker.span,
                            format!("序号“{written}”之前缺少“{missing}”"),
                        )
                        .help(format!(
                            "检查是否漏写了“{missing}”一节，或把本节及其后各节依次改号"
                        ))
                        .label("跳号");
                    if i > 0 {
                        report = report.secondary(group[i - 1].marker.span, "上一个同级序号");
                    }
                    let _ = report;
                }
            }
        }
    }
}
