use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;

declare_rule! {
    /// 公文没有标题。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.1 规定公文标题由发文机关名称、事由和文种组成，是公文的必备要素。
    /// 对要求标题的文种（自查报告、整改报告、述职报告等，用 `--profile` 指定时），以及有落款或
    /// 成文日期的正式公文检查；政府工作报告等没有落款的讲话稿不查。
    ///
    /// ## 示例
    /// ```text
    /// 一、工作开展情况
    /// 全年开展集中学习12次。
    ///
    /// 中共示范镇委员会
    /// 2023年3月15日
    /// ```
    /// 应写作：
    /// ```text
    /// 中共示范镇委员会关于巡察工作的自查报告
    ///
    /// 一、工作开展情况
    /// 全年开展集中学习12次。
    ///
    /// 中共示范镇委员会
    /// 2023年3月15日
    /// ```
    pub struct MissingTitle {
        code: S105,
        name: "missing-title",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.1",
    }
}

impl Rule for MissingTitle {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        // A document that signs and dates itself is a formal 公文, whatever its type.
        let formal = !doc.signature.is_empty() || doc.date.is_some();
        if !(cx.context.profile.require_title || formal)
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
