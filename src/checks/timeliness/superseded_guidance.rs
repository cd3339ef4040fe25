use super::{chinese_date, era, event_groups, newer_era_cited, report_outdated, Group, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::knowledge::{EventKind, Target};

declare_rule! {
    /// 已被后来的会议取代的党代会、全会仍被当作当前的指导（如 2023 年的材料写“深入学习贯彻党的十九大精神”）。
    ///
    /// ## 为什么
    /// 新一届党代会召开后，学习贯彻的对象随之更新；从旧稿照抄的“学习贯彻××大精神”是检查人员最先注意到的问题。
    /// 写在回顾里的（“党的十八大以来”“学习了……”）不算。判断日期依次取 `--as-of`、文末成文日期、今天。
    ///
    /// ## 示例
    /// ```text
    /// 下一步，我们将深入学习贯彻党的十九大精神。
    /// ```
    /// 应写作：
    /// ```text
    /// 下一步，我们将深入学习贯彻党的二十大精神。
    /// ```
    pub struct SupersededGuidance {
        code: R101,
        name: "superseded-guidance",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（党代会、全会日期）",
    }
}

impl Rule for SupersededGuidance {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let groups: Vec<_> = event_groups(
            cx,
            &[
                EventKind::NationalCongress,
                EventKind::Plenum,
                EventKind::Npc,
                EventKind::NpcSession,
            ],
        )
        .into_iter()
        .filter(|group| group.usage == Usage::Guidance && stale(cx, group))
        .map(|group| (group.span, group.events))
        .collect();
        let newest = newer_era_cited(cx);
        report_outdated(cx, groups, |cx, _, events| {
            let as_of = cx.context.as_of;
            // A document that itself cites a newer congress mixes eras: R102 reports it.
            let group_era = events
                .iter()
                .filter_map(|&i| era(&knowledge.events[i]))
                .max();
            if newest.is_some_and(|(n, _)| group_era.is_some_and(|g| n > g)) {
                return None;
            }
            let &first = events
                .iter()
                .find(|&&i| knowledge.is_stale_at(Target::Event(i), as_of))?;
            let expires = knowledge.guidance_expires(Target::Event(first));
            // The current one of the cited event's own series: NPC sessions against
            // NPC sessions, congresses and plenums against the national congress.
            let current = knowledge.current_in_series(&knowledge.events[first], as_of);
            let since = current
                .and_then(|c| c.start)
                .or(expires)
                .map(chinese_date)
                .unwrap_or_default();
            let claim = match current {
                Some(c) => format!("被当作当前指导，但{}已于{since}召开", c.name),
                None => format!("被当作当前指导，但已于{since}被取代"),
            };
            let help = current.map_or_else(
                || "改为当前的提法".to_string(),
                |c| {
                    format!(
                        "改为学习贯彻{}精神",
                        c.aliases
                            .iter()
                            .find(|a| a.starts_with("党的"))
                            .or_else(|| c.aliases.first())
                            .unwrap_or(&c.name)
                    )
                },
            );
            Some(Verdict::new(claim, help))
        });
    }
}

/// Whether any event of the group is out of date at the as-of date.
pub(super) fn stale(cx: &Checker<'_>, group: &Group) -> bool {
    group.events.iter().any(|&i| {
        cx.knowledge()
            .is_stale_at(Target::Event(i), cx.context.as_of)
    })
}
