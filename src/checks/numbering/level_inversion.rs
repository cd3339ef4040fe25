use crate::checks::{declare_rule, Checker, Rule};
use crate::document::marker::standard_marker;
use crate::document::Level;

declare_rule! {
    /// 上一层级的序号用在了下一层级之中（如“（一）”与“（二）”之间出现“一、”）。
    ///
    /// ## 为什么
    /// 层级颠倒会让读者误以为开始了新的一大部分。通常是把下级条目误写成了上级序号。
    ///
    /// ## 示例
    /// ```text
    /// 一、下一步打算
    /// （一）坚持理论学习
    /// 一、加强政治学习
    /// （二）增强群众观念
    /// ```
    /// 应写作：
    /// ```text
    /// 一、下一步打算
    /// （一）坚持理论学习
    /// 1.加强政治学习
    /// （二）增强群众观念
    /// ```
    pub struct LevelInversion {
        code: N106,
        name: "level-inversion",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for LevelInversion {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let inversions = doc.walk_sections().into_iter().flat_map(|s| {
            s.children
                .iter()
                .filter(|c| doc.heading(c).inverted)
                .map(move |c| (doc.heading(s), doc.heading(c)))
        });
        for (parent, child) in inversions {
            let deeper = match parent.marker.level() {
                Level::First => Level::Second,
                Level::Second => Level::Third,
                Level::Third => Level::Fourth,
                Level::Fourth | Level::Fifth => Level::Fifth,
            };
            let written = child.marker.span.slice(text);
            let parent_written = parent.marker.span.slice(text);
            cx.report(
                child.marker.span,
                format!(
                    "{}序号“{written}”出现在{}“{parent_written}”之下，层级颠倒",
                    child.marker.level().name(),
                    parent.marker.level().name()
                ),
            )
            .help(format!(
                "改用下一层级的序号，如“{}”",
                standard_marker(deeper, child.marker.value)
            ))
            .secondary(parent.marker.span, "所在的上级标题");
        }
    }
}
