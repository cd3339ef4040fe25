use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 用连字符“-”或破折号“——”表示起止范围（2016-2020年）。
    ///
    /// ## 检查什么
    /// 两个数字（阿拉伯数字或汉字数字）之间的“-”“－”“–”或“——”，后面紧跟时间或计量单位，
    /// 且前小后大：“2016-2020年”“3-5万元”“三-九次”。标示时间起止改为一字线“—”，
    /// 数值范围改为浪纹线“～”。编号、电话、数字日期（2011-02-15）、标准号（GB/T 9704-2012）
    /// 和一字线写对了的“三—九次”“2016—2020年”都不报告。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 4.13：短横线“-”用于编号、化合物名、数字日期等的连接；标示时间、地域的
    /// 起止用一字线“—”，标示数值范围用浪纹线“～”（也可用一字线）。破折号“——”占两个字位，
    /// 不用来表示范围。
    ///
    /// ## 示例
    /// ```text
    /// 编制2016-2020年规划，每户补助3-5万元，召开三-九次全会。
    /// ```
    /// 应写作：
    /// ```text
    /// 编制2016—2020年规划，每户补助3～5万元，召开三—九次全会。
    /// ```
    pub struct HyphenRange {
        code: T110,
        name: "hyphen-range",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》4.13（连接号）",
    }
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<a>[0-9]{1,4}(?:\.[0-9]+)?|[一二三四五六七八九十百千〇零]{1,4})
        (?P<dash>-|－|–|——)
        (?P<b>[0-9]{1,4}(?:\.[0-9]+)?|[一二三四五六七八九十百千〇零]{1,4})
        (?P<unit>年|月|日|时|点|天|周|季度|小时|分钟|世纪|岁|次|届|个|万|亿|千|百|元|%|％|名|人|家|户|公里|千米|米|吨|亩|项|倍|页|期|级|批|台|辆|所|篇|件|条|章|节|课)",
    )
    .expect("range pattern is valid")
});

const TIME_UNITS: &[&str] = &[
    "年", "月", "日", "时", "点", "天", "周", "季度", "小时", "分钟", "世纪",
];

fn value(number: &str) -> Option<f64> {
    if let Ok(v) = number.parse::<f64>() {
        return Some(v);
    }
    // Small Chinese numerals: 三, 十二, 二十, 九十九.
    crate::numerals::parse_lenient(number).map(f64::from)
}

impl Rule for HyphenRange {
    fn check(&self, cx: &mut Checker<'_>) {
        for (seg, s, protected) in cx
            .views
            .segments_where(|classes, _| classes.has_any(&['-', '－', '–', '—']))
        {
            for caps in RANGE.captures_iter(s) {
                let (a, dash, b, unit) = (&caps["a"], &caps["dash"], &caps["b"], &caps["unit"]);
                let whole = caps.get(0).map_or(0..0, |m| m.range());
                if protected.contains(whole.start) {
                    continue;
                }
                // Codes and standards: "GB/T 9704-2012", "G15-3", "2023-03-15"; and "一-二十" with
                // a digit of the number cut off by the match.
                let before = s[..whole.start].chars().next_back();
                let after_b = s[..whole.end].len();
                if before.is_some_and(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '/' | ' ' | '-' | '.' | '－')
                }) || s[after_b..].starts_with(['-', '－'])
                    || before.is_some_and(|c| "〇零一二三四五六七八九十百千".contains(c))
                {
                    continue;
                }
                let (Some(va), Some(vb)) = (value(a), value(b)) else {
                    continue;
                };
                if va >= vb {
                    continue;
                }
                let dash_range = caps.get(2).map_or(0..0, |m| m.range());
                let mark = if TIME_UNITS.contains(&unit)
                    || unit == "次" && a.chars().all(|c| !c.is_ascii_digit())
                {
                    "—"
                } else {
                    "～"
                };
                let written = &s[whole.clone()];
                let fixed = format!("{a}{mark}{}", &s[dash_range.end..whole.end]);
                let name = if dash.starts_with('—') {
                    "破折号"
                } else {
                    "连字符"
                };
                cx.report(
                    seg.at(dash_range.clone()),
                    format!("用{name}“{dash}”表示范围：“{written}”"),
                )
                .help(format!("改为“{fixed}”"))
                .fix(Fix::safe_replace(seg.at(dash_range), mark));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    #[test]
    fn hyphen_ranges_get_the_right_dash() {
        let text = "编制2016-2020年规划，每户补助3-5万元，1——3月完成，召开三-九次全会。";
        assert_fires(
            "T110",
            &[(
                text,
                &[
                    "1:7 用连字符“-”表示范围：“2016-2020年”",
                    "1:21 用连字符“-”表示范围：“3-5万”",
                    "1:27 用破折号“——”表示范围：“1——3月”",
                    "1:37 用连字符“-”表示范围：“三-九次”",
                ],
            )],
        );
        assert_fixed(
            "T110",
            &[(
                text,
                "编制2016—2020年规划，每户补助3～5万元，1—3月完成，召开三—九次全会。",
            )],
        );
    }

    #[test]
    fn codes_dates_standards_and_right_dashes_stay_silent() {
        assert_silent(
            "T110",
            &[
                "省委十届三—九次全会，“十三五”（2016—2020年）时期。",
                "依据GB/T 9704-2012规定，电话0391-3456789。",
                "于2023-03-15日召开，三年级3-2班。",
                "第5～8课，增长25～30万元。",
                "—2023年是全面贯彻党的二十大精神的开局之年。",
            ],
        );
    }
}
