use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 年份只写了后两位（23年底、22年度）。
    ///
    /// ## 检查什么
    /// 两位数字加“年”，后面紧跟“度、底、初、末、上半年、下半年、第一季度、X月”等，
    /// 读来是某一公历年份。“10年来”“近20年”“工作12年”等表示时长的写法不报告。
    /// 不自动修正：是 2023 还是 1923，只有作者知道。
    ///
    /// ## 为什么
    /// GB/T 15835-2011 规定年份不能简写，“2023年”不写作“23年”或“二三年”。
    /// 简写的年份在正式文稿里不庄重，跨世纪时还会产生歧义。
    ///
    /// ## 示例
    /// ```text
    /// 23年底前完成整改，22年度考核结果为优秀。
    /// ```
    /// 应写作：
    /// ```text
    /// 2023年底前完成整改，2022年度考核结果为优秀。
    /// ```
    pub struct AbbreviatedYear {
        code: T112,
        name: "abbreviated-year",
        severity: Warning,
        fix: Never,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15835-2011《出版物上数字用法》（年份不能简写）",
    }
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<yy>[0-9]{2})年(?:度|底|初|末|[上下]半年|第?[一二三四1-4]季度|[0-9]{1,2}月|春|秋)",
    )
    .expect("year pattern is valid")
});

/// Characters before the number that make "N年…" a length of time or an ordinal rather
/// than a year: 近10年初、第10年度、这10年初.
const DURATION_BEFORE: &[char] = &[
    '近', '前', '后', '每', '满', '约', '逾', '第', '这', '那', '过', '了', '用', '经',
];

impl Rule for AbbreviatedYear {
    fn check(&self, cx: &mut Checker<'_>) {
        for (seg, s, protected) in cx
            .views
            .segments_where(|classes, s| classes.has_range('0', '9') && s.contains('年'))
        {
            for caps in YEAR.captures_iter(s) {
                let Some(whole) = caps.get(0) else { continue };
                let yy = &caps["yy"];
                let before = s[..whole.start()].chars().next_back();
                if protected.contains(whole.start())
                    || before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '．') || ('０'..='９').contains(&c))
                    || before.is_some_and(|c| DURATION_BEFORE.contains(&c))
                    // "10年初见成效", "10年初步建成": 初 starts another word.
                    || s[whole.end()..].starts_with(['见', '步', '具', '心', '衷'])
                {
                    continue;
                }
                let century = if yy.parse::<u32>().unwrap_or(0) <= 40 {
                    "20"
                } else {
                    "19"
                };
                let written = whole.as_str();
                cx.report(
                    seg.at(whole.start()..whole.start() + yy.len() + '年'.len_utf8()),
                    format!("年份简写：“{written}”"),
                )
                .help(format!("写全四位年份，如“{century}{yy}年”"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn two_digit_calendar_years_are_reported() {
        assert_fires(
            "T112",
            &[(
                "23年底前完成整改，22年度考核为优秀，24年3月召开会议。",
                &[
                    "1:1 年份简写：“23年底”",
                    "1:11 年份简写：“22年度”",
                    "1:21 年份简写：“24年3月”",
                ],
            )],
        );
    }

    #[test]
    fn durations_and_full_years_stay_silent() {
        assert_silent(
            "T112",
            &[
                "2023年底前完成整改，2022年度考核为优秀。",
                "改革开放40年来，近10年初见成效，工作了12年1个月。",
                "20世纪90年代，这10年初步建成。",
            ],
        );
    }
}
