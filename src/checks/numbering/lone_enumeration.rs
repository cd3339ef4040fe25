use super::enumeration_runs;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 段内列举只有“一是”（或“第一，”），没有“二是”。
    ///
    /// ## 为什么
    /// “一是”预告了后面还有“二是”。只有一项时，要么删去“一是”，要么补全后面各项；
    /// 常见于删改后只剩一条的段落。
    ///
    /// ## 示例
    /// ```text
    /// （五）干部作风需进一步改进。一是一些干部下村在村办公室止步。
    /// ```
    /// 应写作：
    /// ```text
    /// （五）干部作风需进一步改进。一些干部下村在村办公室止步。
    /// ```
    pub struct LoneEnumeration {
        code: N107,
        name: "lone-enumeration",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文写作惯例",
    }
}

impl Rule for LoneEnumeration {
    fn check(&self, cx: &mut Checker<'_>) {
        for run in enumeration_runs(cx.document) {
            if let [only] = run.as_slice() {
                if only.value == 1 {
                    let written = only.span.slice(cx.text()).to_string();
                    let next = only.series.spell(2);
                    cx.report(only.span, format!("只有“{written}”，没有“{next}”"))
                        .help(format!("补全“{next}”等后续各项，或删去“{written}”"));
                }
            }
        }
    }
}
