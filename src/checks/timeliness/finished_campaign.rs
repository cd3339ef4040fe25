use super::{chinese_date, report_outdated, stale_guidance, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::knowledge::{EventKind, Target};

declare_rule! {
    /// 已经结束的党内集中学习教育仍被当作正在开展的（如 2023 年“按照‘两学一做’学习教育的要求”）。
    ///
    /// ## 为什么
    /// 党内集中学习教育有起止时间，结束之日起（或后一次开展后）就不再是“当前”的要求。
    /// 回顾（“党的十八大以来，先后开展了……”）、年度总结里写当年开展的学习教育、
    /// “巩固拓展……成果”“推动……常态化长效化”都不算。
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
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（党内学习教育）",
    }
}

impl Rule for FinishedCampaign {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let reported_year = reported_year(cx);
        let found = stale_guidance(cx, EventKind::Campaign);
        report_outdated(cx, found, |cx, span, i| {
            let campaign = &knowledge.events[i];
            // A year's summary (“2025年度党建工作报告”) tells what was done that year:
            // a campaign that ran in that year is an account, not a current demand.
            let campaign_years = campaign
                .start
                .zip(campaign.end)
                .map(|(s, e)| s.year..=e.year);
            if reported_year.is_some_and(|y| campaign_years.is_some_and(|r| r.contains(&y))) {
                return None;
            }
            // “巩固拓展主题教育成果”“推动党纪学习教育常态化长效化”: consolidating or
            // normalising the results of a finished campaign is current usage.
            if carries_results_forward(&cx.text()[..span.start], &cx.text()[span.end..]) {
                return None;
            }
            let expires = knowledge.guidance_expires(Target::Event(i));
            let since = expires.map(chinese_date).unwrap_or_default();
            // Ended on its own (no successor yet, or before the successor began).
            let ended = expires.is_some() && expires == campaign.end;
            let help = knowledge
                .current_in_series(campaign, cx.context.as_of)
                .map_or_else(
                    || "改为当前开展的学习教育，或改写为回顾".to_string(),
                    |next| format!("改为当前的{}，或改写为回顾", next.name),
                );
            let claim = if ended {
                format!("已于{since}结束，此处却作为当前要求")
            } else {
                format!("自{since}起已不是正在开展的学习教育，此处却作为当前要求")
            };
            Some(Verdict::new(claim, help))
        });
    }
}

/// Words right after a campaign's name that speak of carrying its results forward, or
/// of what was said about it (“对深入贯彻中央八项规定精神学习教育的重要批示精神”,
/// “党史学习教育总结会议”), rather than of running it.
const CARRIED_FORWARD: &[&str] = &[
    "成果",
    "常态化",
    "长效化",
    "制度化",
    "长效机制",
    "的重要批示",
    "的重要指示",
    "的重要讲话",
    "总结",
];

/// … and right before it (“坚持理论武装同常态化长效化开展党史学习教育相结合”).
const CARRIED_ON: &[&str] = &["常态化长效化开展", "常态化开展", "长效化开展", "制度化开展"];

fn carries_results_forward(before: &str, after: &str) -> bool {
    let after = after.trim_start_matches(['”', '’', '》', '"', '\'', ' ']);
    let before = before.trim_end_matches(['“', '‘', '《', '"', '\'', ' ']);
    CARRIED_FORWARD.iter().any(|w| after.starts_with(w))
        || CARRIED_ON.iter().any(|w| before.ends_with(w))
}

/// The year a summary reports on, from its title: “2025年度党建工作报告”,
/// “2025年工作总结”.
fn reported_year(cx: &Checker<'_>) -> Option<i16> {
    let line = cx.document.lines.get(cx.document.title?)?;
    let title = line.span.slice(cx.text());
    if !["总结", "报告", "述职"].iter().any(|w| title.contains(w)) {
        return None;
    }
    let at = title.find("年")?;
    let digits = title[..at].trim_end_matches("度");
    let year: String = digits
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (year.len() == 4).then(|| year.parse().ok()).flatten()
}
