use super::{chinese_date, report_outdated, stale_mentions, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::knowledge::{EventKind, Target};

declare_rule! {
    /// 机构改革后已撤销或更名的机构仍按旧名称写作现有机构（如 2021 年“请安监局牵头”，应为“应急管理局”）。
    ///
    /// ## 为什么
    /// 2018 年和 2023 年两轮党和国家机构改革撤并、更名了一批机构。照抄旧稿时，旧机构名最容易留下。
    /// 写在回顾里（“原安监局”“机构改革前”）的不报告。清单见 rules/timeline.toml 中 kind = "institution" 的条目。
    ///
    /// ## 示例
    /// ```text
    /// 请安监局牵头，会同有关部门抓好落实。
    /// ```
    /// 应写作：
    /// ```text
    /// 请应急管理局牵头，会同有关部门抓好落实。
    /// ```
    pub struct RenamedInstitution {
        code: R109,
        name: "renamed-institution",
        severity: Warning,
        fix: Never,
        scope: Wording,
        since: "0.1.0",
        basis: "rules/timeline.toml（机构改革）",
    }
}

impl Rule for RenamedInstitution {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        // An institution's old name is wrong in any present use, not only in guidance.
        let found = stale_mentions(cx, EventKind::Institution, |u| u != Usage::Past);
        report_outdated(cx, found, |_, _, i| {
            let since = knowledge
                .guidance_expires(Target::Event(i))
                .map(chinese_date)
                .unwrap_or_default();
            let help = knowledge.events[i].replaced_by.as_deref().map_or_else(
                || "改为机构改革后的现名称".to_string(),
                |new| format!("改为“{new}”"),
            );
            Some(Verdict::new(
                format!("已于{since}在机构改革中撤并或更名"),
                help,
            ))
        });
    }
}
