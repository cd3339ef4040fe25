use super::{as_of_phrase, chinese_date, stale_guidance};
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
        let as_of = cx.context.as_of;
        let found = stale_guidance(cx, EventKind::ProvincialCongress);
        for (span, i) in found {
            let congress = &knowledge.events[i];
            let written = crate::diagnostic::quote(span.slice(cx.text()));
            let phrase = as_of_phrase(cx);
            let next = knowledge.current_in_series(congress, as_of);
            // A successor only expected by the five-year term (not yet confirmed as held).
            let due = congress
                .superseded_by
                .as_deref()
                .and_then(|id| knowledge.event_by_id(id))
                .map(|(_, e)| e)
                .filter(|e| e.is_expected());
            let message = match (next, due) {
                (Some(n), _) => format!(
                    "{written}被当作当前指导，但{}已于{}召开（核对日期{phrase}）",
                    n.name,
                    n.start.map(chinese_date).unwrap_or_default()
                ),
                (None, Some(d)) => format!(
                    "{written}被当作当前指导，但按五年一届，{}应已于{}前召开（召开日期未核实；核对日期{phrase}）",
                    d.name,
                    d.expected_by.map(chinese_date).unwrap_or_default()
                ),
                (None, None) => {
                    format!("{written}被当作当前指导，但已被下一次党代会取代（核对日期{phrase}）")
                }
            };
            let help = next.or(due).map_or_else(
                || "改为本省最近一次党代会精神".to_string(),
                |n| format!("改为学习贯彻{}精神", n.name),
            );
            cx.report(span, message).help(help);
        }
    }
}
