use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;

declare_rule! {
    /// 公文没有标题。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.1 规定公文标题由发文机关名称、事由和文种组成，是公文的必备要素。
    /// 仅对要求标题的文种（自查报告、整改报告、述职报告等）检查；政府工作报告等讲话稿不查。
    ///
    /// ## 示例
    /// ```text
    /// 一、工作开展情况
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委关于巡察工作的自查报告
    ///
    /// 一、工作开展情况
    /// ```
    pub struct MissingTitle {
        code: "S105",
        name: "missing-title",
        family: Structure,
        severity: Warning,
        fix: Never,
        basis: "GB/T 9704-2012 7.3.1",
        summary: "公文没有标题",
    }
}

impl Rule for MissingTitle {
    fn meta(&self) -> &'static crate::checks::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        if !cx.context.profile.require_title
            || doc.title.is_some()
            || doc.last_nonblank_line().is_none()
        {
            return;
        }
        let kind = &cx.context.profile.name;
        cx.report(Span::point(0), "文档开头没有标题").help(format!(
            "在第一行写出标题：发文机关 + 事由 + 文种（{kind}）"
        ));
    }
}
