use super::{chinese_date, report_outdated, term_groups, Verdict};
use crate::checks::{declare_rule, Checker, Rule};
use crate::context::cues::Usage;
use crate::diagnostic::{quoted_list, Severity};
use crate::knowledge::{SupersededKind, Target};

declare_rule! {
    /// 已经停用或被取代的提法、政策用语（“习近平总书记系列重要讲话精神”、新农合、社会抚养费、全面二孩、把“贫困村”“脱贫攻坚”当作今后的工作……）。
    ///
    /// ## 为什么
    /// 提法随中央文件更新：2017 年 10 月起以“习近平新时代中国特色社会主义思想”取代“系列重要讲话精神”；
    /// 新农合并入城乡居民医保；2021 年 2 月宣布脱贫攻坚全面胜利后改为“巩固拓展脱贫攻坚成果”“脱贫村”。
    /// 写在今后打算、当前要求里是警告；看不出用途时只作提示（info）；写在回顾里（“党的十八大以来”
    /// “学习了……”、工作回顾部分）的如实叙述不报告——政府工作报告回顾过去五年时也这样写。
    ///
    /// ## 示例
    /// ```text
    /// 下一步，重点抓好八个贫困村的脱贫攻坚工作。
    /// ```
    /// 应写作：
    /// ```text
    /// 下一步，重点抓好八个脱贫村巩固拓展脱贫攻坚成果工作。
    /// ```
    pub struct OutdatedTerm {
        code: R105,
        name: "outdated-term",
        severity: Warning,
        fix: Never,
        scope: Wording,
        since: "0.1.0",
        basis: "rules/terms.toml（[[superseded]]）",
    }
}

impl Rule for OutdatedTerm {
    fn check(&self, cx: &mut Checker<'_>) {
        let knowledge = cx.knowledge();
        let groups = term_groups(cx)
            .into_iter()
            .map(|(span, ids, usage)| (span, (ids, usage)));
        report_outdated(cx, groups, |cx, _, (ids, usage)| {
            let stale: Vec<usize> = ids
                .into_iter()
                .filter(|&i| knowledge.is_stale_at(Target::Superseded(i), cx.context.as_of))
                .collect();
            let &first = stale.first()?;
            // An account of the past names past policies by their names (the national
            // reports do): not reported. Where nothing tells, a hint.
            let severity = match usage {
                Usage::Guidance => Severity::Warning,
                Usage::Unknown => Severity::Info,
                Usage::Past => return None,
            };
            let entries: Vec<_> = stale.iter().map(|&i| &knowledge.superseded[i]).collect();
            let what = match entries[0].kind {
                SupersededKind::Formulation => "提法",
                SupersededKind::PolicyTerm => "用语",
            };
            let since = chinese_date(knowledge.superseded[first].since);
            let replacements = quoted_list(entries.iter().map(|e| &e.replaced_by), "、");
            let claim = if usage == Usage::Guidance {
                format!("是{since}起已停用的{what}，此处却用于{}", usage.describe())
            } else {
                format!("是{since}起已停用的{what}")
            };
            Some(Verdict {
                severity: Some(severity),
                note: entries[0].note.clone(),
                ..Verdict::new(claim, format!("现在的说法是{replacements}"))
            })
        });
    }
}
