use super::{enumeration_runs, steps, Step};
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
        family: Numbering,
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文写作惯例",
    }
}

impl Rule for EnumerationDisorder {
    fn check(&self, cx: &mut Checker<'_>) {
        for run in enumeration_runs(cx.document) {
            for (i, step) in steps(run.iter().map(|item| item.value))
                .into_iter()
                .enumerate()
            {
                let item = run[i];
                let written = item.span.slice(cx.text()).to_string();
                let previous = run
                    .get(i.wrapping_sub(1))
                    .map(|p| (p.span, p.span.slice(cx.text()).to_string()));
                let message = match step {
                    Step::Duplicate => format!("“{written}”重复出现"),
                    Step::Disorder { .. } => {
                        format!(
                            "“{written}”出现在“{}”之后，顺序颠倒",
                            previous.as_ref().map_or("", |p| p.1.as_str())
                        )
                    }
                    _ => continue,
                };
                let mut report = cx
                    .report(item.span, message)
                    .help("按出现顺序依次改为一是、二是、三是……");
                if let Some((span, _)) = previous {
                    report = report.secondary(span, "上一项");
                }
                let _ = report;
            }
        }
    }
}
