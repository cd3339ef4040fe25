use crate::checks::{declare_rule, Rule};

declare_rule! {
    /// 抑制注释没有抑制任何问题。
    ///
    /// ## 为什么
    /// 问题改好之后留下的抑制注释会在以后悄悄藏起同一位置的新问题；`gwlint-enable`
    /// 前面没有对应的 `gwlint-disable` 多半是写错了。只检查已启用规则的代码：
    /// 用 `--select` 只启用部分规则时，其余规则的抑制注释不报。
    ///
    /// ## 示例
    /// ```markdown
    /// <!-- gwlint-disable-next-line N107 -->
    /// 一是加强学习，二是改进作风。
    /// ```
    /// 应写作：
    /// ```markdown
    /// 一是加强学习，二是改进作风。
    /// ```
    pub struct UnusedSuppression {
        code: G002,
        name: "unused-suppression",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "gwlint 抑制注释",
    }
}

/// Reported by the suppression stage (`suppression.rs`), not by a hook.
impl Rule for UnusedSuppression {}
