use super::end_of_document;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 正文之后没有落款（发文机关署名）。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.5 规定公文应署发文机关全称或规范化简称。从旧稿复制正文时，落款最容易被漏掉。
    /// 仅对要求落款的文种检查（见 rules/profiles/ 的 [closing]）。
    ///
    /// ## 示例
    /// ```text
    /// 镇党委自查报告
    /// 一、今后努力方向
    /// 加强协调配合，避免各自为政。
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委自查报告
    /// 一、今后努力方向
    /// 加强协调配合，避免各自为政。
    ///
    /// 中共示范镇委员会
    /// 2023年3月15日
    /// ```
    pub struct MissingSignature {
        code: S106,
        name: "missing-signature",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.5",
    }
}

impl Rule for MissingSignature {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        if !cx.context.profile.closing.signature
            || !doc.signature.is_empty()
            || doc.last_nonblank_line().is_none()
        {
            return;
        }
        let span = doc.date.map_or_else(
            || end_of_document(doc),
            |d| crate::diagnostic::Span::point(doc.lines[d].span.start),
        );
        cx.report(span, "正文之后没有落款（发文机关署名）")
            .help("在正文之后、成文日期之上写出发文机关全称或规范化简称")
            .label("落款应在此处");
    }
}
