use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;
use crate::knowledge::{FixKind, Formulation};

declare_rule! {
    /// 政治表述不规范（“以习近平总书记为核心的党中央”→“以习近平同志为核心的党中央”；“两个维护”“四个意识”的成员、顺序或动词写错；“二十大三中全会”→“二十届三中全会”等）。
    ///
    /// ## 为什么
    /// 重要政治表述有中央文件确定的规范写法，一字之差也会被当作政治性差错。清单见 rules/terms.toml 的 [[formulation]]，每条注明出处。
    ///
    /// ## 示例
    /// ```text
    /// 自觉同以习近平总书记为核心的党中央保持高度一致。
    /// ```
    /// 应写作：
    /// ```text
    /// 自觉同以习近平同志为核心的党中央保持高度一致。
    /// ```
    pub struct NonstandardFormulation {
        code: F101,
        name: "nonstandard-formulation",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "rules/terms.toml（[[formulation]]）",
    }
}

impl Rule for NonstandardFormulation {
    fn check(&self, cx: &mut Checker<'_>) {
        for (span, entry) in super::entries::<Formulation>(cx) {
            let written = crate::diagnostic::quote(span.slice(cx.text()));
            let mut report = cx
                .report(span, format!("{written}不是规范表述"))
                .help(format!("改为“{}”", entry.right));
            if let Some(note) = &entry.note {
                report = report.note(format!("{note}（出处：{}）", entry.source.join("；")));
            } else {
                report = report.note(format!("出处：{}", entry.source.join("；")));
            }
            match entry.fix {
                FixKind::Safe => report = report.fix(Fix::safe_replace(span, entry.right.clone())),
                FixKind::Unsafe => {
                    report = report.fix(Fix::unsafe_replace(span, entry.right.clone()));
                }
                FixKind::None => {}
            }
            if let Some(severity) = entry.severity {
                report = report.severity(severity.into());
            }
            let _ = report;
        }
    }
}
