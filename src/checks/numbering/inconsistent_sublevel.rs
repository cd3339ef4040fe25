use crate::checks::{declare_rule, Checker, Rule};
use crate::document::Level;

declare_rule! {
    /// 同一层级的各节，下级标题用了不同层级的序号（如“一、”下用“（一）”，“二、”下却用“1.”）。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 规定层次序数依次使用；同一份文件中，同级各节的下一层应使用同一种序号，
    /// 否则层次关系看不清。
    ///
    /// ## 示例
    /// ```text
    /// 一、工作开展情况
    /// （一）坚持理论学习
    /// 二、存在的问题
    /// 1.班子成员履职不到位
    /// 三、整改措施
    /// （一）健全学习制度
    /// ```
    /// 应写作：
    /// ```text
    /// 一、工作开展情况
    /// （一）坚持理论学习
    /// 二、存在的问题
    /// （一）班子成员履职不到位
    /// 三、整改措施
    /// （一）健全学习制度
    /// ```
    pub struct InconsistentSublevel {
        code: N104,
        name: "inconsistent-sublevel",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.3",
    }
}

impl Rule for InconsistentSublevel {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        // For each section with children, its level, its first (non-inverted) child and
        // that child's level.
        let by_level: Vec<(Level, usize, Level)> = doc
            .walk_sections()
            .into_iter()
            .filter_map(|s| {
                let first = s.children.iter().find(|c| !doc.heading(c).inverted)?;
                Some((
                    doc.heading(s).marker.level(),
                    first.heading,
                    doc.heading(first).marker.level(),
                ))
            })
            .collect();
        for level in [Level::First, Level::Second, Level::Third, Level::Fourth] {
            let group: Vec<&(Level, usize, Level)> =
                by_level.iter().filter(|(l, _, _)| *l == level).collect();
            let Some(majority) = majority_level(group.iter().map(|(_, _, c)| *c)) else {
                continue;
            };
            let Some(reference) = group.iter().find(|(_, _, c)| *c == majority) else {
                continue;
            };
            for (_, child, child_level) in &group {
                if *child_level == majority {
                    continue;
                }
                let heading = &doc.headings[*child];
                let reference_heading = &doc.headings[reference.1];
                let written = heading.marker.span.slice(text);
                let usual = reference_heading.marker.span.slice(text);
                cx.report(
                    heading.marker.span,
                    format!(
                        "{}标题下的小标题用“{written}”，而同级其他各节用“{usual}”这一级序号",
                        level.name()
                    ),
                )
                .help(format!("同级各节的下一层统一使用{}序号", majority.name()))
                .secondary(reference_heading.marker.span, "同级其他节的下一层");
            }
        }
    }
}

/// The most common level; None when there is no strict majority to compare against.
fn majority_level(levels: impl Iterator<Item = Level>) -> Option<Level> {
    let mut counts: Vec<(Level, usize)> = Vec::new();
    for l in levels {
        match counts.iter_mut().find(|(x, _)| *x == l) {
            Some((_, n)) => *n += 1,
            None => counts.push((l, 1)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (counts[0].1 > counts[1].1).then_some(counts[0].0)
}
