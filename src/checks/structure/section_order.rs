use super::top_sections;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 各部分顺序与该类公文的通常顺序不符（如“整改措施”写在“存在的问题”之前）。
    ///
    /// ## 为什么
    /// 先写情况、再写问题、最后写措施，是上级审阅时默认的阅读顺序。
    ///
    /// ## 示例
    /// ```text
    /// 镇党委自查报告
    /// 一、整改措施
    /// 二、存在的问题
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委自查报告
    /// 一、存在的问题
    /// 二、整改措施
    /// ```
    pub struct SectionOrder {
        code: S102,
        name: "section-order",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/profiles/（文种结构）",
    }
}

impl Rule for SectionOrder {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let profile = &cx.context.profile;
        let mut latest: Option<(usize, &crate::document::Heading)> = None;
        for section in top_sections(doc) {
            let heading = doc.heading(section);
            let title = heading.title.slice(text);
            let Some(rank) = profile
                .sections
                .iter()
                .position(|s| s.titles.iter().any(|k| title.contains(k.as_str())))
            else {
                continue;
            };
            match latest {
                Some((previous_rank, previous)) if rank < previous_rank => {
                    let spec = &profile.sections[rank];
                    let previous_spec = &profile.sections[previous_rank];
                    cx.report(
                        heading.title,
                        format!("“{}”部分写在了“{}”部分之后", spec.name, previous_spec.name),
                    )
                    .help(format!(
                        "{}通常先写“{}”，再写“{}”",
                        profile.name, spec.name, previous_spec.name
                    ))
                    .secondary(previous.title, "应在此部分之后");
                }
                _ => latest = Some((rank, heading)),
            }
        }
    }
}
