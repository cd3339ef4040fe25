use super::{chinese_date, report_outdated, stale_mentions, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::knowledge::EventKind;

declare_rule! {
    /// 规划期已经结束的五年规划仍被当作要制定或执行的规划（如 2023 年“制定好《农村道路建设十三五规划》”）。
    ///
    /// ## 为什么
    /// “十三五”规划期是 2016—2020 年。过了规划期还说要制定、落实“十三五”规划，说明是照抄旧稿。
    /// 规划名前面紧挨着“落实”“实施”“执行”“贯彻”时，不论后面写什么都算作要执行的规划
    /// （“落实‘十四五’规划确定的目标任务”）。回顾（“十三五”期间、“十三五”时期）不算。
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
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（五年规划期）",
    }
}

impl Rule for StalePlan {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let text = cx.text();
        // A plan named as the thing to carry out (“认真落实‘十四五’规划”, “落实‘十四五’
        // 规划确定的目标任务”) is current work whatever follows it, unless a time span
        // follows (“实施‘十四五’规划期间”).
        let mut found: Vec<_> = stale_mentions(cx, EventKind::FiveYearPlan, |_| true)
            .into_iter()
            .chain(stale_mentions(cx, EventKind::PlanOutline, |_| true))
            .filter(|(span, _)| {
                super::usage(cx, *span) == Usage::Guidance
                    || (named_to_carry_out(&text[..span.start])
                        && !followed_by_time_span(&text[span.end..]))
            })
            .collect();
        found.sort_by_key(|(span, _)| span.start);
        report_outdated(cx, found, |cx, _, i| {
            let plan = &knowledge.events[i];
            let ended = plan
                .end
                .or(plan.superseded_on)
                .map(chinese_date)
                .unwrap_or_default();
            let help = knowledge
                .current_in_series(plan, cx.context.as_of)
                .map_or_else(
                    || "改为现行的五年规划".to_string(),
                    |next| format!("改为现行的{}", next.name),
                );
            Some(Verdict::new(
                format!("的规划期已于{ended}结束，此处却作为要制定或执行的规划"),
                help,
            ))
        });
    }
}

/// Verbs that, right before a plan's name, make it the thing to carry out.
const CARRY_OUT: &[&str] = &["落实", "实施", "执行", "贯彻"];

/// Whether the text before a plan's name ends with a carrying-out verb (quotes and
/// 《 between them allowed): “认真落实‘十四五’规划”, not “落实了”.
fn named_to_carry_out(before: &str) -> bool {
    let before = before.trim_end_matches(['“', '‘', '《', '"', '\'', ' ']);
    CARRY_OUT.iter().any(|v| before.ends_with(v))
}

/// Words right after a plan's name that make it a period of time.
const TIME_SPAN: &[&str] = &[
    "期间",
    "时期",
    "以来",
    "之前",
    "以前",
    "实施以来",
    "的五年",
    "开局",
    "收官",
];

fn followed_by_time_span(after: &str) -> bool {
    let after = after.trim_start_matches(['”', '’', '》', '"', '\'', ' ']);
    TIME_SPAN.iter().any(|w| after.starts_with(w))
}
