use super::superseded_guidance::stale;
use super::{era, event_groups, newer_era_cited};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::knowledge::EventKind;

declare_rule! {
    /// 文中已引用新一届党代会，却仍以上一届的党代会、全会精神作为指导（新旧提法混用）。
    ///
    /// ## 为什么
    /// 一份材料前面写“学习了党的二十大精神”，后面又写“用十八届六中全会精神武装头脑”，
    /// 说明后半部分是从旧稿照抄的。这与核对日期无关，文稿自身就自相矛盾。
    ///
    /// ## 示例
    /// ```text
    /// 组织干部学习了党的二十大精神。……今后，用十八大及十八届六中全会精神武装干部头脑。
    /// ```
    /// 应写作：
    /// ```text
    /// 组织干部学习了党的二十大精神。……今后，用党的二十大精神武装干部头脑。
    /// ```
    pub struct MixedEras {
        code: R102,
        name: "mixed-eras",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（党代会、全会届次）",
    }
}

impl Rule for MixedEras {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let groups = event_groups(cx, &[EventKind::NationalCongress, EventKind::Plenum]);
        let Some((newest, newest_span)) = newer_era_cited(cx) else {
            return;
        };
        for group in &groups {
            if group.usage != Usage::Guidance || !stale(cx, group) {
                continue;
            }
            let Some(group_era) = group
                .events
                .iter()
                .filter_map(|&i| era(&knowledge.events[i]))
                .max()
            else {
                continue;
            };
            if group_era >= newest {
                continue;
            }
            let written = crate::diagnostic::quote(group.span.slice(cx.text()));
            let newer = crate::diagnostic::quote(newest_span.slice(cx.text()));
            cx.report(
                group.span,
                format!("文中已引用{newer}，此处仍以{written}作为指导，新旧提法混用"),
            )
            .help(format!("改为学习贯彻{newer}精神，或核对此段是否照抄旧稿"))
            .secondary(newest_span, "文中引用的较新会议");
        }
    }
}
