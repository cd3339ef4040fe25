use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 标题序号不是该层级的规范写法（如第三层写作“1、”，第二层写作半角括号“(三)”）。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.3 规定结构层次序数依次用“一、”“（一）”“1.”“（1）”标注：
    /// 第二层用全角括号，第三层用阿拉伯数字加下脚点，不用顿号。半角括号、顿号、全角点
    /// 等写法多是从聊天工具或旧稿带来的，与同级其他标题混在一起尤为显眼。
    ///
    /// ## 示例
    /// ```text
    /// 1、经济实力大幅提升，跨越发展成效显著。
    /// (三)严格党内生活，强化党的建设。
    /// ```
    /// 应写作：
    /// ```text
    /// 1.经济实力大幅提升，跨越发展成效显著。
    /// （三）严格党内生活，强化党的建设。
    /// ```
    pub struct NonstandardMarker {
        code: N105,
        name: "nonstandard-marker",
        severity: Warning,
        fix: Always,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for NonstandardMarker {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        for heading in &doc.headings {
            let marker = &heading.marker;
            if marker.style.is_standard() {
                continue;
            }
            let written = marker.span.slice(text);
            let standard = marker.standard_form();
            cx.report(
                marker.span,
                format!(
                    "{}序号写作“{written}”（{}）",
                    marker.level().name(),
                    marker.style.description()
                ),
            )
            .help(format!("改为“{standard}”"))
            .fix(Fix::safe_replace(marker.span, standard));
        }
    }
}
