use super::{heading_steps, Step};
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 同级标题序号倒序（如“（三）”之后出现“（二）”）。
    ///
    /// ## 为什么
    /// 倒序说明小节被挪动过而序号没有随之调整。
    ///
    /// ## 示例
    /// ```text
    /// 一、基本情况
    /// 三、存在的问题
    /// 二、工作开展情况
    /// ```
    /// 应写作：
    /// ```text
    /// 一、基本情况
    /// 二、工作开展情况
    /// 三、存在的问题
    /// ```
    pub struct NumberingDisorder {
        code: N103,
        name: "numbering-disorder",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for NumberingDisorder {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (step, heading, previous) in heading_steps(cx.document, text) {
            let (Step::Disorder { .. }, Some(previous)) = (step, previous) else {
                continue;
            };
            let written = heading.marker.span.slice(text);
            let before = previous.marker.span.slice(text);
            let (message, help) = if heading.marker.value == 1 {
                (
                    format!("序号“{written}”在同级的“{before}”之后又从头编起"),
                    "如果这里开始了新的一组，给这一组上方的小标题加上序号；否则接着上面依次编号",
                )
            } else {
                (
                    format!("序号“{written}”出现在“{before}”之后，顺序颠倒"),
                    "按出现顺序重新编号",
                )
            };
            cx.report(heading.marker.span, message)
                .help(help)
                .secondary(previous.marker.span, "较大的序号在前");
        }
    }
}
