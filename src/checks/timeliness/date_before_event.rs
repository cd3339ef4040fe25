use super::{chinese_date, usage};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::context::AsOfSource;
use crate::diagnostic::Span;
use crate::knowledge::{EventKind, Target};

declare_rule! {
    /// 成文日期早于文中引用的会议的召开日期（如 2022 年 5 月的材料写“学习了党的二十大精神”）。
    ///
    /// ## 为什么
    /// 引用某次会议“精神”或写“学习了……”，说明会议已经召开；成文日期在它之前，不是日期写错，
    /// 就是文稿被改动后没有更新日期。已召开的会议只在有成文日期或 `--as-of` 时检查；
    /// 还没有召开的会议（如 2026 年的“党的二十一大精神”“十四届全国人大五次会议精神”）
    /// 按其届期（党代会五年一次，全国人大会议每年 3 月）在任何核对日期都检查。
    ///
    /// ## 示例
    /// ```text
    /// 组织干部学习了党的二十大精神。
    /// 2022年5月10日
    /// ```
    /// 应写作：
    /// ```text
    /// 组织干部学习了党的二十大精神。
    /// 2022年11月10日
    /// ```
    pub struct DateBeforeEvent {
        code: R108,
        name: "date-before-event",
        severity: Error,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "rules/timeline.toml（会议召开日期）",
    }
}

impl Rule for DateBeforeEvent {
    fn check(&self, cx: &mut Checker<'_>) {
        let dated = cx.context.as_of_source != AsOfSource::Today;
        let knowledge = cx.knowledge();
        let as_of = cx.context.as_of;
        let text = cx.text();
        let mut found = Vec::new();
        for m in &cx.context.mentions {
            let Target::Event(i) = m.target else { continue };
            let event = &knowledge.events[i];
            let cited_as_held = matches!(
                event.kind,
                EventKind::NationalCongress
                    | EventKind::Plenum
                    | EventKind::ProvincialCongress
                    | EventKind::NpcSession
                    | EventKind::PlanOutline
            );
            if !cited_as_held {
                continue;
            }
            // A held event is checked against a document's own date; one not held yet
            // (二十一大 in 2026) cannot be cited as held at any as-of date before it.
            let when = match (event.start, knowledge.not_held_before(event)) {
                (Some(start), _) if dated => When::Held(start),
                (None, Some(earliest)) => When::NotYet(earliest),
                _ => continue,
            };
            let too_early = match when {
                When::Held(start) => as_of < start.earliest(),
                When::NotYet(earliest) => as_of < earliest,
            };
            if !too_early {
                continue;
            }
            let span = Span::new(m.start, m.end);
            // "十九届历次全会" means the plenums held so far, not the last one in the list.
            if span.slice(text).contains("历次") {
                continue;
            }
            let after = text[m.end..].trim_start_matches(['”', '》']);
            // A draft (纲要（草案）) is submitted before it is adopted.
            if after.starts_with("（草案）") || after.starts_with("草案") {
                continue;
            }
            if after.starts_with("精神") || usage(cx, span) == Usage::Past {
                found.push((span, i, when));
            }
        }
        for (span, i, when) in found {
            let written = crate::diagnostic::quote(span.slice(text));
            let d = cx.context.as_of;
            let name = &knowledge.events[i].name;
            let (message, help) = match when {
                When::Held(start) => (
                    format!(
                        "核对日期{}年{}月{}日早于文中引用的{written}召开日期{}",
                        d.year(),
                        d.month(),
                        d.day(),
                        chinese_date(start)
                    ),
                    format!(
                        "核对成文日期；{name}在{}之后才能被引用",
                        chinese_date(start)
                    ),
                ),
                When::NotYet(earliest) => (
                    format!(
                        "{written}在核对日期{}年{}月{}日时还不可能已经召开（按届期最早{}年{}月）",
                        d.year(),
                        d.month(),
                        d.day(),
                        earliest.year(),
                        earliest.month()
                    ),
                    format!("核对届次和次数：引用的应是已经召开的会议，{name}尚未召开"),
                ),
            };
            cx.report(span, message).help(help);
        }
    }
}

/// When a cited event took place, or from when it can.
#[derive(Clone, Copy)]
enum When {
    Held(crate::knowledge::PartialDate),
    NotYet(jiff::civil::Date),
}
