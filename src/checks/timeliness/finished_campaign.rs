use super::{as_of_phrase, chinese_date, stale_guidance};
use crate::checks::{declare_rule, Checker, Rule};
use crate::knowledge::{EventKind, Target};

declare_rule! {
    /// 已经结束的党内集中学习教育仍被当作正在开展的（如 2023 年“按照‘两学一做’学习教育的要求”）。
    ///
    /// ## 为什么
    /// 党内集中学习教育有起止时间，后一次开展后，前一次就不再是“当前”的要求。
    /// 回顾（“党的十八大以来，先后开展了……”）不算。
    ///
    /// ## 示例
    /// ```text
    /// 今后，按照党的群众路线教育实践活动的要求，密切联系群众。
    /// ```
    /// 应写作：
    /// ```text
    /// 今后，坚持以人民为中心，密切联系群众。
    /// ```
    pub struct FinishedCampaign {
        code: R104,
        name: "finished-campaign",
        family: Timeliness,
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（党内学习教育）",
    }
}

impl Rule for FinishedCampaign {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.context.knowledge;
        let as_of = cx.context.as_of;
        let found = stale_guidance(cx, EventKind::Campaign);
        for (span, i) in found {
            // “巩固拓展主题教育成果”“推动党纪学习教育常态化长效化”: consolidating or
            // normalising the results of a finished campaign is current usage.
            if carries_results_forward(&cx.text()[span.end..]) {
                continue;
            }
            let campaign = &knowledge.events[i];
            let written = crate::diagnostic::quote(span.slice(cx.text()));
            let since = knowledge
                .guidance_expires(Target::Event(i))
                .map(chinese_date)
                .unwrap_or_default();
            let phrase = as_of_phrase(cx);
            let help = knowledge.current_in_series(campaign, as_of).map_or_else(
                || "改为当前开展的学习教育，或改写为回顾".to_string(),
                |next| format!("改为当前的{}，或改写为回顾", next.name),
            );
            cx.report(span, format!("{written}自{since}起已不是正在开展的学习教育，此处却作为当前要求（核对日期{phrase}）"))
                .help(help);
        }
    }
}

/// Words right after a campaign's name that speak of carrying its results forward
/// rather than of running it.
const CARRIED_FORWARD: &[&str] = &["成果", "常态化", "长效化", "制度化", "长效机制"];

fn carries_results_forward(after: &str) -> bool {
    let after = after.trim_start_matches(['”', '’', '》', '"', '\'', ' ']);
    CARRIED_FORWARD.iter().any(|w| after.starts_with(w))
}
