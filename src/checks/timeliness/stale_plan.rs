use super::{as_of_phrase, chinese_date, stale_guidance, successor_at};
use crate::checks::{declare_rule, Checker, Rule};
use crate::knowledge::EventKind;

declare_rule! {
    /// 规划期已经结束的五年规划仍被当作要制定或执行的规划（如 2023 年“制定好《农村道路建设十三五规划》”）。
    ///
    /// ## 为什么
    /// “十三五”规划期是 2016—2020 年。过了规划期还说要制定、落实“十三五”规划，说明是照抄旧稿。
    /// 回顾（“十三五”期间、“十三五”时期）不算。
    ///
    /// ## 示例
    /// ```text
    /// 下一步，制定好《农村道路建设十三五规划》并抓好落实。
    /// 2023年3月15日
    /// ```
    /// 应写作：
    /// ```text
    /// 下一步，制定好《农村道路建设“十四五”规划》并抓好落实。
    /// 2023年3月15日
    /// ```
    pub struct StalePlan {
        code: R103,
        name: "stale-plan",
        family: Timeliness,
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（五年规划期）",
    }
}

impl Rule for StalePlan {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.context.knowledge;
        let as_of = cx.context.as_of;
        let found = stale_guidance(cx, EventKind::FiveYearPlan);
        for (span, i) in found {
            let plan = &knowledge.events[i];
            let written = crate::diagnostic::quote(span.slice(cx.text()));
            let ended = plan
                .end
                .or(plan.superseded_on)
                .map(chinese_date)
                .unwrap_or_default();
            let phrase = as_of_phrase(cx);
            let help = successor_at(knowledge, plan, as_of).map_or_else(
                || "改为现行的五年规划".to_string(),
                |next| format!("改为现行的{}", next.name),
            );
            cx.report(span, format!("{written}的规划期已于{ended}结束，此处却作为要制定或执行的规划（核对日期{phrase}）"))
                .help(help);
        }
    }
}
