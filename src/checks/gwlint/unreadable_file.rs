use crate::checks::{declare_rule, Rule};

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
        code: G003,
        name: "unreadable-file",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "gwlint 文件读取",
    }
}

/// Reported by `gwlint check` (`commands/check.rs`) when reading the file fails, not by a hook.
impl Rule for UnreadableFile {}
