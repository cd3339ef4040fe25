use super::{enumeration_steps, Step};
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 段内列举重复或倒序（如两个“二是”，或“三是”之后出现“二是”）。
    ///
    /// ## 为什么
    /// 多是调整顺序或插入新项后没有改序数词。
    ///
    /// ## 示例
    /// ```text
    /// 一是加强学习。二是完善制度。二是强化监督。
    /// ```
    /// 应写作：
    /// ```text
    /// 一是加强学习。二是完善制度。三是强化监督。
    /// ```
    pub struct EnumerationDisorder {
        code: N109,
        name: "enumeration-disorder",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文写作惯例",
    }
}

impl Rule for EnumerationDisorder {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (step, item, previous) in enumeration_steps(cx.document) {
            let written = item.span.slice(text);
            let message = match step {
                Step::Duplicate => format!("“{written}”重复出现"),
                Step::Disorder { .. } => format!(
                    "“{written}”出现在“{}”之后，顺序颠倒",
                    previous.map_or("", |p| p.span.slice(text))
                ),
                _ => continue,
            };
            let report = cx
                .report(item.span, message)
                .help("按出现顺序依次改为一是、二是、三是……");
            if let Some(previous) = previous {
                let _ = report.secondary(previous.span, "上一项");
            }
        }
    }
}
