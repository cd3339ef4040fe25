use super::{chinese_date, report_outdated, stale_guidance, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::knowledge::EventKind;

declare_rule! {
    /// 已被下一次省党代会取代的省党代会精神仍被当作当前指导（如 2023 年四川的材料写“省第十一次党代会精神”）。
    ///
    /// ## 为什么
    /// 各省党代会五年一次，换届后学习贯彻的是新一次党代会精神。文件所属省份由 `--province` 指定，
    /// 否则从文中地名推断；推断不出时本规则不报告，以免误判。
    ///
    /// ## 示例
    /// ```text
    /// 镇党委将认真组织学习省第十一次党代会精神。
    /// ```
    /// 应写作：
    /// ```text
    /// 镇党委将认真组织学习省第十二次党代会精神。
    /// ```
    pub struct SupersededProvincialCongress {
        code: R106,
        name: "superseded-provincial-congress",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（省级党代会）",
    }
}

impl Rule for SupersededProvincialCongress {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let found = stale_guidance(cx, EventKind::ProvincialCongress);
        report_outdated(cx, found, |cx, _, i| {
            let congress = &knowledge.events[i];
            let next = knowledge.current_in_series(congress, cx.context.as_of);
            // A successor only expected by the five-year term (not yet confirmed as held).
            let due = congress
                .superseded_by
                .as_deref()
                .and_then(|id| knowledge.event_by_id(id))
                .map(|(_, e)| e)
                .filter(|e| e.is_expected());
            let help = next.or(due).map_or_else(
                || "改为本省最近一次党代会精神".to_string(),
                |n| format!("改为学习贯彻{}精神", n.name),
            );
            Some(match (next, due) {
                (Some(n), _) => Verdict::new(
                    format!(
                        "被当作当前指导，但{}已于{}召开",
                        n.name,
                        n.start.map(chinese_date).unwrap_or_default()
                    ),
                    help,
                ),
                (None, Some(d)) => Verdict {
                    caveat: "召开日期未核实；",
                    ..Verdict::new(
                        format!(
                            "被当作当前指导，但按五年一届，{}应已于{}前召开",
                            d.name,
                            d.expected_by.map(chinese_date).unwrap_or_default()
                        ),
                        help,
                    )
                },
                (None, None) => {
                    Verdict::new("被当作当前指导，但已被下一次党代会取代".to_string(), help)
                }
            })
        });
    }
}
