use crate::checks::{declare_rule, Rule};

declare_rule! {
    /// 抑制注释中写了不存在的规则代码、名称或类别。
    ///
    /// ## 为什么
    /// 写错的代码（如把 N107 写成 N170）不会抑制任何问题，作者却以为已经处理了。
    /// 注释中可以写规则代码（N107）、名称（lone-enumeration）、类别（numbering 或 N）
    /// 或代码前缀（N1），多个之间用逗号或空格分隔。
    ///
    /// ## 示例
    /// ```markdown
    /// <!-- gwlint-disable-next-line N170 -->
    /// 一是加强学习。
    /// ```
    /// 应写作：
    /// ```markdown
    /// <!-- gwlint-disable-next-line N107 -- 原文如此 -->
    /// 一是加强学习。
    /// ```
    pub struct UnknownSuppression {
        code: G001,
        name: "unknown-suppression",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "gwlint 抑制注释",
    }
}

/// Reported by the suppression stage (`suppression.rs`), not by a hook.
impl Rule for UnknownSuppression {}
