//! Family `gwlint` (G): gwlint's own findings about the suppression comments in a
//! document. They are produced by `suppression.rs` after every rule has run, so their
//! `check` does nothing; they are registered so that they can be listed, documented,
//! selected and ignored like any rule.

use crate::checks::{declare_rule, Checker, Rule, RuleMeta};

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
        code: "G001",
        name: "unknown-suppression",
        family: Gwlint,
        severity: Warning,
        fix: Never,
        basis: "gwlint 抑制注释",
        summary: "抑制注释中写了不存在的规则",
    }
}

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
        code: "G002",
        name: "unused-suppression",
        family: Gwlint,
        severity: Warning,
        fix: Never,
        basis: "gwlint 抑制注释",
        summary: "抑制注释没有抑制任何问题",
    }
}

declare_rule! {
    /// 文件无法读取或无法解码（不存在、无权限、二进制、编码无法识别、损坏的 .docx、.doc/.wps 等）。
    ///
    /// ## 为什么
    /// 在 CI 中，读不了的文件等于没有检查。除了在标准错误输出上给出一行说明、退出码为 2 之外，
    /// 它也作为一条问题出现在 json、sarif、github 等输出中，让流水线的报告里看得见。
    ///
    /// ## 示例
    /// ```text
    /// 报告.wps
    /// ```
    /// 应写作：
    /// ```text
    /// 报告.docx
    /// ```
    pub struct UnreadableFile {
        code: "G003",
        name: "unreadable-file",
        family: Gwlint,
        severity: Error,
        fix: Never,
        basis: "gwlint 文件读取",
        summary: "文件无法读取或无法解码",
    }
}

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reported by `gwlint check` when reading the file fails.
    fn check(&self, _cx: &mut Checker<'_>) {}
}

impl Rule for UnknownSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reported by the suppression stage.
    fn check(&self, _cx: &mut Checker<'_>) {}
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Reported by the suppression stage.
    fn check(&self, _cx: &mut Checker<'_>) {}
}

/// The rules of this family, sorted by code.
pub(crate) static RULES: &[&dyn Rule] = &[&UnknownSuppression, &UnusedSuppression, &UnreadableFile];
