use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::vocabulary::Vocabulary;

declare_rule! {
    /// 请示一文多事：标题用“和”“及”“并”等连起两件要批准的事（如“申请维修经费和增加人员编制”）。
    ///
    /// ## 为什么
    /// 《党政机关公文处理工作条例》第十五条（一）：请示应当一文一事。两件事写在一份请示里，
    /// 上级机关无法分别批办，往往要转不同部门，拖慢答复。只在标题清楚地写出两件事时报告：
    /// 连词前后各是一个动词（申请、增加、设立……，见 rules/structure.toml 的 [request]）带着自己的对象。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费和增加工作人员编制的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    pub struct RequestSeveralMatters {
        code: S114,
        name: "request-several-matters",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "《党政机关公文处理工作条例》第十五条（一）",
    }
}

impl Rule for RequestSeveralMatters {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.genre.as_deref() == Some("请示")
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(title) = crate::document::title::full_title(doc, text) else {
            return;
        };
        // The matter: after 关于 (or the start) up to the last 的 before the 文种.
        let Some(line) = title.spans.iter().copied().find(|s| {
            let l = s.slice(text);
            l.contains("关于") || title.spans.len() == 1
        }) else {
            return;
        };
        let l = line.slice(text);
        let start = l.find("关于").map_or(0, |at| at + "关于".len());
        let Some(end) = l[start..].rfind('的').map(|at| start + at) else {
            return;
        };
        let matter = &l[start..end];
        let Some((first, second)) = two_matters(matter, &Vocabulary::embedded().request) else {
            return;
        };
        let at = line.start + start;
        cx.report(
            Span::new(at + second.start, at + second.end),
            format!(
                "请示一文多事：“{}”和“{}”是两件事",
                &matter[first.clone()],
                &matter[second.clone()]
            ),
        )
        .help("一件事写一份请示（请示应当一文一事），另一件另行请示");
    }
}

/// The byte ranges of two matters in a title's matter (“申请维修经费和增加人员编制”):
/// a joiner with a matter verb right after it, a matter verb before it, and each verb
/// followed by an object of its own (“设立并建设示范园区” is one matter).
fn two_matters(
    matter: &str,
    words: &crate::document::vocabulary::Request,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let verb_at = |s: &str| {
        words
            .matter_verbs
            .iter()
            .filter(|v| s.starts_with(v.as_str()))
            .map(String::len)
            .max()
    };
    // What is left of a phrase once its leading verbs are taken off.
    let object = |s: &str| {
        let mut rest = s;
        while let Some(n) = verb_at(rest) {
            rest = &rest[n..];
        }
        rest.chars().count()
    };
    for (at, _) in matter.char_indices() {
        let Some(joiner) = words
            .joiners
            .iter()
            .filter(|j| matter[at..].starts_with(j.as_str()))
            .max_by_key(|j| j.len())
        else {
            continue;
        };
        let after = at + joiner.len();
        if verb_at(&matter[after..]).is_none() || object(&matter[after..]) < 2 {
            continue;
        }
        // The first matter: from the last matter verb before the joiner.
        let before = &matter[..at];
        let Some(first) = before
            .char_indices()
            .filter(|&(i, _)| verb_at(&before[i..]).is_some())
            .map(|(i, _)| i)
            .find(|&i| object(&before[i..]) >= 2)
        else {
            continue;
        };
        return Some((first..at, after..matter.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    fn request(title: &str) -> String {
        format!("{title}\n\n县财政局：\n    我镇办公楼屋面渗漏，需维修。妥否，请批示。\n\n示范镇人民政府\n2024年3月5日\n")
    }

    #[test]
    fn two_matters_joined_in_the_title() {
        assert_fires(
            "S114",
            &[
                (
                    &request("示范镇人民政府关于申请办公用房维修经费和增加工作人员编制的请示"),
                    &["1:21 请示一文多事：“申请办公用房维修经费”和“增加工作人员编制”是两件事"],
                ),
                (
                    &request("关于追加防汛经费及购置抢险物资的请示"),
                    &["1:10 请示一文多事：“追加防汛经费”和“购置抢险物资”是两件事"],
                ),
            ],
        );
    }

    #[test]
    fn one_matter_with_two_verbs_or_a_joined_object_is_silent() {
        assert_silent(
            "S114",
            &[
                &request("关于申请办公用房维修经费的请示"),
                &request("关于申请设立并建设示范园区的请示"),
                &request("关于申请购置和安装监控设备的请示"),
                &request("关于申请办公桌椅和电脑购置经费的请示"),
                &request("关于设立示范镇和平社区的请示"),
                // Not a 请示.
                &request("关于申请办公用房维修经费和增加工作人员编制的通知"),
            ],
        );
    }
}
