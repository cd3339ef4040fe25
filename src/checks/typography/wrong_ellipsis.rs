use super::{char_runs, chars, is_chinese, run_bytes};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 省略号写法不对（“...”“。。。”、单个“…”），或省略号后又加“等”。
    ///
    /// ## 检查什么
    /// 中文里的三个以上半角句点、全角点或句号，单个或三个“…”，改为六连点“……”（安全修正）；
    /// “……等”“……等等”只提示，由作者决定删省略号还是删“等”。西文里的“...”、网址和代码不检查。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 4.11：省略号是占两个字位的六连点“……”；省略号和“等”“等等”
    /// 都表示列举未尽，不能叠用。“...”是英文省略号，只有三个点，排在中文里又小又偏下。
    ///
    /// ## 示例
    /// ```text
    /// 整治山、水、林、田、湖、草……等要素。会上要求...
    /// ```
    /// 应写作：
    /// ```text
    /// 整治山、水、林、田、湖、草等要素。会上要求……
    /// ```
    pub struct WrongEllipsis {
        code: T109,
        name: "wrong-ellipsis",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》4.11（省略号）",
    }
}

fn dot_like(c: char) -> bool {
    matches!(c, '.' | '．' | '。' | '·' | '・' | '…')
}

impl Rule for WrongEllipsis {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            // Only "…" or a run of three dots can be a wrong ellipsis: most paragraphs have
            // neither, and skip the character-by-character walk below.
            let classes = cx.views.classes(seg);
            if !classes.has('…') && !classes.repeated_dot {
                continue;
            }
            if !s.contains('…')
                && !["...", "．．．", "。。。", "···", "・・・"]
                    .iter()
                    .any(|t| s.contains(t))
            {
                continue;
            }
            let protected = cx.views.protected(seg);
            let cs = chars(s);
            let starts = |k: usize| dot_like(cs[k].1) && !protected.contains(cs[k].0);
            for run in char_runs(&cs, starts, |first, k| cs[k].1 == cs[first].1) {
                let (first, k) = (run.start, run.end);
                let c = cs[first].1;
                let n = k - first;
                let range = run_bytes(&cs, &run, s.len());
                let before = first.checked_sub(1).map(|j| cs[j].1);
                let after = cs.get(k).map(|x| x.1);
                let chinese = before.is_some_and(is_chinese)
                    || after.is_some_and(is_chinese)
                    || (before.is_none() && after.is_none());
                let written = &s[range.clone()];
                if c == '…' {
                    if n % 2 == 1 {
                        let report = cx.report(
                            seg.at(range.clone()),
                            format!("省略号写作“{written}”（{n}个“…”）"),
                        );
                        if n <= 3 {
                            report
                                .help("改为六连点“……”")
                                .fix(Fix::safe_replace(seg.at(range.clone()), "……"));
                        } else {
                            report.help("省略号是两个“…”（六连点）；整段省略用十二连点");
                        }
                    } else if after == Some('等') {
                        let end = range.end
                            + '等'.len_utf8()
                                * if s[range.end..].starts_with("等等") {
                                    2
                                } else {
                                    1
                                };
                        let shown = &s[range.start..end];
                        cx.report(
                            seg.at(range.start..end),
                            format!("省略号后又用“等”：“{shown}”"),
                        )
                        .help("省略号与“等”“等等”不并用，删去其一");
                    }
                    continue;
                }
                if n >= 3
                    && chinese
                    && (c != '.' || !before.is_some_and(|b| b.is_ascii_alphanumeric()))
                {
                    cx.report(seg.at(range.clone()), format!("省略号写作“{written}”"))
                        .help("改为六连点“……”")
                        .fix(Fix::safe_replace(seg.at(range), "……"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{
        assert_fires, assert_fires_unfixed, assert_fixed, assert_silent,
    };

    #[test]
    fn wrong_forms_become_six_dots() {
        let text = "会上要求...\n各村要抓好。。。\n山、水、林…\n";
        assert_fires(
            "T109",
            &[(
                text,
                &[
                    "1:5 省略号写作“...”",
                    "2:6 省略号写作“。。。”",
                    "3:6 省略号写作“…”（1个“…”）",
                ],
            )],
        );
        assert_fixed(
            "T109",
            &[(text, "会上要求……\n各村要抓好……\n山、水、林……\n")],
        );
    }

    #[test]
    fn ellipsis_followed_by_deng_is_reported_without_fix() {
        assert_fires_unfixed(
            "T109",
            &[(
                "整治山、水、林、田……等要素。",
                &["1:10 省略号后又用“等”：“……等”"],
            )],
        );
    }

    #[test]
    fn right_forms_and_latin_stay_silent() {
        assert_silent(
            "T109",
            &[
                "……",
                "山、水、林……",
                "wait... what",
                "see https://example.com/a...b",
                "第1.2.3条",
                "引文从略。…………",
            ],
        );
    }
}
