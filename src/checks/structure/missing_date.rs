use super::end_of_document;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 没有成文日期。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.5.4 规定公文应标注成文日期，它也是判断文中提法是否过时的依据。
    /// 仅对要求成文日期的文种检查（见 rules/profiles/ 的 [closing]）。
    ///
    /// ## 示例
    /// ```text
    /// 镇党委自查报告
    /// 一、工作开展情况
    /// 全年开展集中学习12次。
    ///
    /// 中共示范镇委员会
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委自查报告
    /// 一、工作开展情况
    /// 全年开展集中学习12次。
    ///
    /// 中共示范镇委员会
    /// 2023年3月15日
    /// ```
    pub struct MissingDate {
        code: S107,
        name: "missing-date",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.5.4",
    }
}

impl Rule for MissingDate {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        if !cx.context.profile.closing.date
            || doc.date.is_some()
            || doc.last_nonblank_line().is_none()
        {
            return;
        }
        cx.report(end_of_document(doc), "文末没有成文日期")
            .help("在落款之下写出成文日期，如“2023年3月15日”")
            .label("成文日期应在此处");
    }
}
