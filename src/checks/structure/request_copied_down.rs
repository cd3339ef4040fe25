use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::vocabulary::Vocabulary;
use crate::document::Element;

declare_rule! {
    /// 请示抄送了下级机关（版记“抄送：各乡镇人民政府……”）。
    ///
    /// ## 为什么
    /// 《党政机关公文处理工作条例》第十五条（四）：请示不得抄送下级机关。请示的事项尚未批准，
    /// 抄送下级等于提前布置。只看版记中的抄送机关，名称以“各乡镇”“所属”“下属”等开头的才算下级
    /// （词表见 rules/structure.toml 的 [request] subordinate-prefixes）。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    ///
    /// 抄送：县机关事务管理局，各村民委员会。
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
    ///
    /// 抄送：县机关事务管理局。
    /// ```
    pub struct RequestCopiedDown {
        code: S115,
        name: "request-copied-down",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "《党政机关公文处理工作条例》第十五条（四）",
    }
}

impl Rule for RequestCopiedDown {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.genre.as_deref() == Some("请示")
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let prefixes = &Vocabulary::embedded().request.subordinate_prefixes;
        for &(line, element) in &doc.imprint {
            if element != Element::CopyTo {
                continue;
            }
            let content = doc.lines[line].content;
            let s = content.slice(text);
            let Some(colon) = s.find(['：', ':']) else {
                continue;
            };
            let list_start = colon + s[colon..].chars().next().map_or(0, char::len_utf8);
            let mut at = list_start;
            for name in s[list_start..].split(['，', '、', ',', '。']) {
                let trimmed = name.trim();
                let lead = name.len() - name.trim_start().len();
                if prefixes.iter().any(|p| trimmed.starts_with(p.as_str())) {
                    let start = content.start + at + lead;
                    cx.report(
                        Span::new(start, start + trimmed.len()),
                        format!("请示抄送了下级机关“{trimmed}”"),
                    )
                    .help("请示不得抄送下级机关：删去该抄送机关，批复后再由本机关部署");
                }
                at += name.len()
                    + s[at + name.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    const REQUEST: &str = "关于申请办公用房维修经费的请示\n\n县财政局：\n    我镇办公楼屋面渗漏，需维修。妥否，请批示。\n\n示范镇人民政府\n2024年3月5日\n\n";

    #[test]
    fn a_subordinate_in_the_copy_line_is_reported() {
        assert_fires(
            "S115",
            &[(
                &format!("{REQUEST}抄送：县机关事务管理局，各村民委员会，镇属各单位。\n"),
                &[
                    "9:13 请示抄送了下级机关“各村民委员会”",
                    "9:20 请示抄送了下级机关“镇属各单位”",
                ],
            )],
        );
    }

    #[test]
    fn superiors_and_peers_are_not_reported_nor_a_notice_copied_down() {
        assert_silent(
            "S115",
            &[
                &format!("{REQUEST}抄送：县机关事务管理局，县住房和城乡建设局。\n"),
                &format!("{REQUEST}抄送：各村民委员会。\n").replace("的请示", "的通知"),
            ],
        );
    }
}
